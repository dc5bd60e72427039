"""``oneiroscope analyze``: one dream analysed exactly as the bot would, printed or as JSON.

Nothing is stored. The parts come from the composition root like the bot's, with no database
and no Redis (one dream, nothing kept or shared); the interpretation chain is the configured one
(offline without LLM keys).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

from cli.runtime import build_runtime
from core.config import Settings
from core.dreams.analyzer import read_dream
from core.dreams.intake import DreamRejected, validate_dream
from core.dreams.screening import Verdict, screen
from core.i18n import N_, gettext
from core.interpret.types import DreamContext, Interpretation, LunarContext
from core.llm.labels import model_label
from core.lunar import LunarError, lunar_context
from core.lunar.night import Night, dream_moment
from core.lunar.places import Place, user_place

NOT_A_DREAM = "This doesn't look like a dream, so I haven't analysed it."


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("analyze", help="analyse one dream as the bot would")
    parser.add_argument("text", help="the dream, or - to read it from standard input")
    parser.add_argument("--lang", choices=("en", "ru"), default="en", help="language of the answer")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")
    parser.add_argument("--lat", type=float, help="latitude of the dreamer's place")
    parser.add_argument("--lon", type=float, help="longitude of the dreamer's place")
    parser.add_argument("--tz", default="UTC", help="the dreamer's time zone, e.g. Europe/Moscow")
    parser.add_argument(
        "--told-at",
        type=_moment,
        default=None,
        help="when the dream was told, ISO-8601 (default: now); the moon is read for the night "
        "before it",
    )
    parser.add_argument(
        "--dreamt-on",
        type=date.fromisoformat,
        default=None,
        help="the morning (YYYY-MM-DD) that ended the night of the dream, if not the last night",
    )
    parser.set_defaults(with_settings=run)


def _moment(value: str) -> datetime:
    """An ISO-8601 instant; one without an offset is read as UTC."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _night(args: argparse.Namespace) -> tuple[Place, Night]:
    place, _default = user_place(args.lat, args.lon, args.tz)
    told_at = args.told_at or datetime.now(UTC)
    return place, dream_moment(told_at, place.zone, args.dreamt_on)


def _lunar(args: argparse.Namespace) -> LunarContext | None:
    place, night = _night(args)
    return lunar_context(night.middle, place, args.lang)


async def analyze(
    text: str, args: argparse.Namespace, settings: Settings
) -> tuple[DreamContext, Interpretation]:
    dream = validate_dream(
        text, min_chars=settings.min_dream_chars, max_chars=settings.max_dream_chars
    )
    judged = screen(dream.text)
    if judged.verdict == Verdict.NOT_A_DREAM:
        raise DreamRejected("not_a_dream", N_(NOT_A_DREAM))
    if judged.verdict == Verdict.UNSURE:
        print(f"note: this may not be a dream (p={judged.probability:.2f})", file=sys.stderr)
    reading = read_dream(dream.text, dream.language, args.lang)
    context = DreamContext(
        text=dream.text,
        locale=args.lang,
        coding=reading.coding,
        highlights=reading.highlights,
        symbols=reading.symbols,
        mood=reading.mood,
        lunar=_lunar(args),
        user_key="cli",
    )
    local = settings.model_copy(update={"redis_url": None, "bot_token": None})
    async with build_runtime(local, database=False) as runtime:
        return context, await runtime.services.analyzer.interpreter.interpret(context)


def as_json(
    context: DreamContext, answer: Interpretation, night: Night | None = None
) -> dict[str, Any]:
    lunar = asdict(context.lunar) if context.lunar else None
    if lunar is not None and night is not None:
        lunar["night_of"] = night.to_dict()
    return {
        "interpretation": asdict(answer),
        "hvdc": context.coding.card(),
        "codes": [asdict(code) for code in context.coding.codes],
        "highlights": list(context.highlights),
        "symbols": [asdict(hit) for hit in context.symbols],
        "mood": context.mood,
        "lunar": lunar,
    }


def as_text(context: DreamContext, answer: Interpretation) -> str:
    lines = [answer.summary, ""]
    lines += [f"- {line}" for line in context.highlights]
    lines += [f"* {hit.label} ({hit.evidence}): {hit.meaning}" for hit in context.symbols]
    if context.lunar is not None:
        lines += ["", context.lunar.folklore_note]
    footer = gettext("Interpreted by: {model} · confidence {confidence}%", context.locale).format(
        model=model_label(answer.model_used, context.locale),
        confidence=round(answer.confidence * 100),
    )
    lines += ["", answer.text, "", f"[{footer}]"]
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        context, answer = asyncio.run(analyze(text, args, settings))
    except DreamRejected as rejected:
        print(gettext(rejected.message, args.lang).format(**rejected.params), file=sys.stderr)
        return 2
    except LunarError as error:
        print(error.localized(args.lang), file=sys.stderr)
        return 2
    if args.json:
        night = _night(args)[1]
        print(
            json.dumps(as_json(context, answer, night), ensure_ascii=False, indent=2, default=str)
        )
    else:
        print(as_text(context, answer))
    return 0
