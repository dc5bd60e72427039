"""The offline interpreter: a readable interpretation composed from what was grounded, no LLM.

It is the last link of the interpretation chain, so it must answer every valid context, fast
and without raising. The prose lives in one Jinja2 template per language
(``templates/offline_{en,ru}.jinja2``); :mod:`core.interpret.view` prepares the facts in the
order a person would tell them: the dream's salient images first, then its own arc (opening,
turn, ending) and the change of feeling, then what the content analysis adds. Every symbol is
read in a whole sentence (:mod:`core.interpret.readings`), and the lunar calendar is left to the
report's own block, so nothing is said twice. Phrasing varies deterministically with a hash of
the dream, so two dreams do not read identically and the same dream always reads the same.
"""

from __future__ import annotations

import hashlib
import logging
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from core.i18n import normalize_locale
from core.interpret.types import DreamContext, Interpretation
from core.interpret.view import build_view

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
#: Feeling names for lists in the templates (the templates hold their own sentence forms).
FEELING_NAMES = {
    "en": {"fear": "fear", "sadness": "sadness", "anger": "anger", "confusion": "confusion",
           "joy": "joy", "calm": "ease"},
    "ru": {"fear": "страх", "sadness": "грусть", "anger": "злость", "confusion": "растерянность",
           "joy": "радость", "calm": "покой"},
}  # fmt: skip
#: Paragraph separator in the templates (whitespace and line breaks are collapsed otherwise).
PARAGRAPH = "¶"


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _lcfirst(value: str) -> str:
    return value[:1].lower() + value[1:] if value[1:2].islower() or len(value) == 1 else value


def _plural(locale: str) -> Callable[..., str]:
    def choose(n: int, *forms: str) -> str:
        if locale == "ru" and len(forms) >= 3:
            if n % 10 == 1 and n % 100 != 11:
                return forms[0]
            return forms[1] if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else forms[2]
        return forms[0] if n == 1 else forms[1]

    return choose


def _paragraphs(rendered: str) -> str:
    """Template output → paragraphs (split at ¶) separated by a blank line, single spaces."""
    blocks = rendered.split(PARAGRAPH)
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


def _sources(context: DreamContext) -> list[str]:
    sources = []
    if context.coding.supported and context.coding.codes:
        sources.append("hvdc")
    if context.symbols:
        sources.append("symbols")
    if context.lunar is not None:
        sources.append("lunar")
    if context.similar or context.recurring_symbols:
        sources.append("similar")
    return sources


def _confidence(context: DreamContext) -> float:
    """Modest by design: how much of the reading rests on grounded evidence, capped at 0.6."""
    score = 0.15
    if context.coding.supported and context.coding.codes:
        score += 0.15 + min(len(context.coding.codes), 20) * 0.005
    score += min(len(context.symbols), 3) * 0.05
    score += 0.03 if context.lunar is not None else 0.0
    score += 0.05 if context.similar else 0.0
    return round(min(score, 0.6), 2)


def _join(locale: str) -> Callable[[Sequence[str]], str]:
    def join(items: Sequence[str]) -> str:
        words = list(items)
        if len(words) <= 1:
            return "".join(words)
        conjunction = " и " if locale == "ru" else " and "
        return ", ".join(words[:-1]) + conjunction + words[-1]

    return join


def _quoter(locale: str) -> Callable[[str], str]:
    def quote(value: str) -> str:
        return f"«{value}»" if locale == "ru" else f'"{value}"'

    return quote


def _picker(seed: int) -> Callable[[str, Sequence[str]], str]:
    def pick(slot: str, options: Sequence[str]) -> str:
        return options[(seed ^ zlib.crc32(slot.encode())) % len(options)]

    return pick


@dataclass(frozen=True, slots=True)
class Rendered:
    summary: str
    text: str


class OfflineInterpreter:
    """The interpretation link that always answers: templates over grounded facts."""

    name = "offline"

    def __init__(self, templates_dir: Path = TEMPLATES_DIR) -> None:
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir),
            autoescape=False,  # plain text: each transport escapes for its own markup
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            extensions=["jinja2.ext.do"],
        )
        self._env.filters["lcfirst"] = _lcfirst
        self._env.filters["feeling_en"] = FEELING_NAMES["en"].__getitem__
        self._env.filters["feeling_ru"] = FEELING_NAMES["ru"].__getitem__

    def render(self, context: DreamContext) -> Rendered:
        """Compose the summary and the text (synchronously: it is pure and takes ~1 ms)."""
        locale = normalize_locale(context.locale)
        template = self._env.get_template(f"offline_{locale}.jinja2")
        variables = {
            "v": build_view(context, locale),
            "pick": _picker(_seed(context.text)),
            "plural": _plural(locale),
            "join": _join(locale),
            "quote": _quoter(locale),
            "quoted": lambda labels: _join(locale)([_quoter(locale)(x) for x in labels]),
        }
        summary = _paragraphs(template.render(part="summary", **variables))
        text = _paragraphs(template.render(part="body", **variables))
        return Rendered(summary=summary, text=text)

    async def interpret(self, context: DreamContext) -> Interpretation:
        """Interpret offline; never raises on a valid context."""
        started = time.perf_counter()
        try:
            rendered = self.render(context)
        except jinja2.TemplateError:
            # A broken template must not leave the user without an answer: say what was grounded.
            log.exception("offline template failed; falling back to the plain symbol list")
            rendered = _plain(context)
        view = build_view(context, "en")
        return Interpretation(
            summary=rendered.summary,
            text=rendered.text,
            archetypes=[a.key for a in view.archetypes],
            symbols=[s.key for s in view.lead],
            mood=view.mood,
            confidence=_confidence(context),
            model_used="offline",
            latency_ms=round((time.perf_counter() - started) * 1000),
            sources=_sources(context),
        )


def _plain(context: DreamContext) -> Rendered:
    """The last resort when a template fails: the grounded symbol meanings and highlights."""
    lines = [f"{hit.label}: {hit.meaning}" for hit in context.symbols[:3]]
    lines.extend(context.highlights)
    summary = lines[0] if lines else ""
    return Rendered(summary=summary, text="\n\n".join(lines))
