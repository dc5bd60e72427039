"""Research subcommands of ``oneiroscope``: ``code`` (HVdC-code JSON lines) and ``profile``.

``cli.main`` calls :func:`register`; each subcommand's ``func`` takes the parsed arguments and
returns the exit code: 0 when every line was used, 1 when some lines were skipped (each one
reported on stderr with its line number), 2 when nothing usable was read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from core.analysis.hvdc.types import CATEGORIES, Coding
from core.analysis.norms import (
    HProfile,
    compute_indicators,
    h_profile,
    plain_reading,
    render_h_profile,
)
from core.analysis.norms.reading import verdict_label
from core.i18n import gettext

TEXT_FIELDS = ("report", "text")
#: Codes one report: ``(text, lang) -> Coding``.
LineCoder = Callable[[str, str], Coding]


@dataclass(slots=True)
class LineStats:
    """How many input lines were used and skipped."""

    used: int = 0
    skipped: int = 0

    def exit_code(self) -> int:
        if self.used == 0 and self.skipped:
            return 2
        return 1 if self.skipped else 0


class Progress:
    """A one-line progress bar on stderr (only for files, whose size is known)."""

    def __init__(self, total: int, label: str, stream: IO[str], width: int = 30) -> None:
        self.total, self.label, self.stream, self.width = total, label, stream, width
        self._shown = -1

    def break_line(self) -> None:
        """End the bar's line so a message printed next starts on its own line."""
        if self._shown >= 0:
            self.stream.write("\n")
            self._shown = -1

    def update(self, done: int) -> None:
        percent = 100 * done // self.total if self.total else 100
        if percent == self._shown:
            return
        self._shown = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{self.total} {percent:3d}%")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _open_input(name: str, quiet: bool = False) -> tuple[IO[str], Progress | None]:
    if name == "-":
        return sys.stdin, None
    if quiet:
        return Path(name).open(encoding="utf-8"), None
    path = Path(name)
    with path.open(encoding="utf-8") as fh:
        total = sum(1 for line in fh if line.strip())
    return path.open(encoding="utf-8"), Progress(total, path.name, sys.stderr)


def iter_objects(
    stream: IO[str], stats: LineStats, progress: Progress | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each JSON object line; bad lines are reported and skipped."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            _skip(stats, number, f"not valid JSON ({exc.msg} at column {exc.colno})", progress)
            continue
        if not isinstance(obj, dict):
            _skip(stats, number, "not a JSON object", progress)
            continue
        yield number, obj


def _skip(stats: LineStats, number: int, why: str, progress: Progress | None) -> None:
    stats.skipped += 1
    if progress:
        progress.break_line()
    print(f"line {number}: skipped: {why}", file=sys.stderr)


def report_text(obj: dict[str, Any]) -> str | None:
    """The dream text of a line (``report`` or ``text``), or None when absent or not a string."""
    for field in TEXT_FIELDS:
        value = obj.get(field)
        if isinstance(value, str):
            return value
    return None


def has_card(obj: dict[str, Any]) -> bool:
    """True when the line already carries category lists (e.g. gold codes)."""
    return any(isinstance(obj.get(cat), list) for cat in CATEGORIES)


def code_object(
    obj: dict[str, Any], text: str, lang: str, coder: LineCoder | None = None
) -> dict[str, Any]:
    """The same object with the coder's 13 category lists set under the card's key names."""
    if coder is None:
        from core.analysis.hvdc import code_dream  # the coder loads lexicons: import on use

        coder = code_dream
    coding = coder(text, lang)
    coded = {**obj, **coding.card()}
    if coding.dreamer_sex:  # what the grammar says («я побежала»), for `profile --sex auto`
        coded["dreamer_sex"] = coding.dreamer_sex
    if not coding.supported:
        coded["hvdc_unsupported"] = coding.reason or "unsupported"
    return coded


def _close(stream: IO[str]) -> None:
    if stream is not sys.stdin:
        stream.close()


def run_code(args: argparse.Namespace) -> int:
    """``oneiroscope code``: add HVdC codes to every JSON line of FILE (or stdin)."""
    from cli.hvdc_llm import open_line_coder  # the LLM SDKs load only when asked for

    with open_line_coder(getattr(args, "coder", "rules")) as coder:
        if coder is None:
            return 2
        return _code_lines(args, coder)


def _code_lines(args: argparse.Namespace, coder: LineCoder) -> int:
    stats = LineStats()
    stream, progress = _open_input(args.file, args.quiet)
    try:
        for number, obj in iter_objects(stream, stats, progress):
            text = report_text(obj)
            if text is None:
                _skip(stats, number, "no 'report' or 'text' string field", progress)
            else:
                coded = code_object(obj, text, args.lang, coder)
                sys.stdout.write(json.dumps(coded, ensure_ascii=False) + "\n")
                stats.used += 1
            if progress:
                progress.update(stats.used + stats.skipped)
    finally:
        _close(stream)
        if progress:
            progress.close()
    return stats.exit_code()


def load_cards(args: argparse.Namespace, stats: LineStats) -> list[dict[str, Any]]:
    """Cards of every usable line: its own category lists, else the coder's."""
    cards: list[dict[str, Any]] = []
    stream, progress = _open_input(args.file, args.quiet)
    try:
        for number, obj in iter_objects(stream, stats, progress):
            text = report_text(obj)
            if has_card(obj):
                cards.append(_card_of(obj))
            elif text is not None:
                cards.append(_card_of(code_object(obj, text, args.lang)))
            else:
                why = "neither category lists nor a 'report'/'text' field"
                _skip(stats, number, why, progress)
            if progress:
                progress.update(len(cards) + stats.skipped)
    finally:
        _close(stream)
        if progress:
            progress.close()
    stats.used = len(cards)
    return cards


def _card_of(obj: dict[str, Any]) -> dict[str, Any]:
    card: dict[str, Any] = {cat: obj.get(cat) or [] for cat in CATEGORIES}
    if obj.get("dreamer_sex") in ("F", "M"):
        card["dreamer_sex"] = obj["dreamer_sex"]
    return card


def sex_from_grammar(cards: list[dict[str, Any]]) -> tuple[str, int, int]:
    """(norm group, dreams that show the dreamer's sex, dreams that agree with it).

    Russian shows the dreamer's sex in past-tense verbs («я побежала»); when most dreams that
    show it agree (at least 3 and two thirds), those norms are used, else the pooled ones.
    """
    shown = [card["dreamer_sex"] for card in cards if card.get("dreamer_sex") in ("F", "M")]
    females = shown.count("F")
    majority = "F" if females * 2 >= len(shown) else "M"
    agreeing = females if majority == "F" else len(shown) - females
    if len(shown) < 3 or agreeing * 3 < len(shown) * 2:
        return "unspecified", len(shown), agreeing
    return ("female" if majority == "F" else "male"), len(shown), agreeing


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _fmt_h(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.2f}"


def format_profile(profile: HProfile, locale: str) -> str:
    """The profile as a text table followed by the plain-language reading."""
    header = gettext("Indicator", locale), gettext("value", locale), gettext("norm", locale)
    lines = [f"{header[0]:48s} {header[1]:>7s} {header[2]:>7s} {'h':>6s}  {'95% CI':17s}"]
    for row in profile.rows:
        ci = f"[{_fmt(row.ci[0])}, {_fmt(row.ci[1])}]" if row.ci else "n/a"
        lines.append(
            f"{gettext(row.label, locale):48s} {_fmt(row.value):>7s} {_fmt(row.norm):>7s} "
            f"{_fmt_h(row.h):>6s}  {ci:17s} {verdict_label(row.verdict, locale)}"
        )
    lines.append("")
    lines.extend(f"- {sentence}" for sentence in plain_reading(profile, locale))
    return "\n".join(lines)


def run_profile(args: argparse.Namespace) -> int:
    """``oneiroscope profile``: indicators, norms, h, intervals and a reading of FILE."""
    stats = LineStats()
    cards = load_cards(args, stats)
    if not cards:
        print("no usable lines: nothing to profile", file=sys.stderr)
        return 2
    indicators = compute_indicators(cards)
    sex = args.sex
    if sex == "auto":
        sex, shown, agreeing = sex_from_grammar(cards)
        print(f"norms: {sex} (the dreamer's sex shows in {shown} dreams, {agreeing} agree)",
              file=sys.stderr)  # fmt: skip
    profile = h_profile(indicators, sex)
    if indicators.invalid_codes:
        print(f"{indicators.invalid_codes} malformed codes were ignored", file=sys.stderr)
    if args.json:
        payload = {**profile.as_dict(), "reading": plain_reading(profile, args.locale)}
        payload["invalid_codes"] = indicators.invalid_codes
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(format_profile(profile, args.locale))
    if args.png:
        Path(args.png).write_bytes(render_h_profile(profile, args.locale))
    return stats.exit_code()


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``code`` and ``profile`` subcommands to the ``oneiroscope`` parser."""
    code = subparsers.add_parser(
        "code", help="add HVdC codes to JSON lines with a 'report' (or 'text') field"
    )
    code.add_argument("file", help="JSON lines file, or - for standard input")
    code.add_argument(
        "--lang", default="en", help="en or ru; each report is still coded in its own language"
    )
    code.add_argument("--quiet", action="store_true", help="no progress bar")
    code.add_argument(
        "--coder",
        choices=("rules", "llm", "auto"),
        default="rules",
        help="rules (offline), llm (needs an LLM key) or auto (llm when a key is set)",
    )
    code.set_defaults(func=run_code)

    profile = subparsers.add_parser(
        "profile", help="HVdC indicators of a set of dreams compared with the norms (h-profile)"
    )
    profile.add_argument(
        "file", help="JSON lines: lines with category lists are used as coded, others are coded"
    )
    profile.add_argument(
        "--sex",
        choices=("female", "male", "unspecified", "auto"),
        default="unspecified",
        help="the dreamer's sex, for the sex-specific norms (unspecified: pooled norms; "
        "auto: as the dreams' grammar shows it, e.g. Russian «я побежала»)",
    )
    profile.add_argument("--json", action="store_true", help="print JSON instead of a table")
    profile.add_argument("--png", metavar="PATH", help="also draw the h-profile chart as PNG")
    profile.add_argument("--lang", default="en", help="language of the reports to code")
    profile.add_argument("--locale", default="en", help="language of the reading (en, ru)")
    profile.add_argument("--quiet", action="store_true", help="no progress bar")
    profile.set_defaults(func=run_profile)
