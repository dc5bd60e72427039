"""The offline interpreter: a readable interpretation composed from what was grounded, no LLM.

It is the last link of the interpretation chain, so it must answer every valid context, fast
and without raising. The prose lives in one Jinja2 template per language
(``templates/offline_{en,ru}.jinja2``); this module only prepares plain facts for it. Phrasing
varies deterministically with a hash of the dream, so two dreams do not read identically and
the same dream always reads the same.
"""

from __future__ import annotations

import hashlib
import logging
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date

from core.analysis.highlights import EMOTION_NAMES, count_characters, dreamer_roles, setting_parts
from core.analysis.mood import MOODS, dream_mood, emotion_class, emotion_holders
from core.analysis.symbols import archetype_name, archetype_note, get_symbol
from core.excerpts import excerpt
from core.i18n import N_, gettext, normalize_locale
from core.interpret.types import DreamContext, Interpretation, SymbolHit

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MAX_SYMBOLS = 3
MAX_ARCHETYPES = 2
EXCERPT_CHARS = 90
#: Paragraph separator in the templates (whitespace and line breaks are collapsed otherwise).
PARAGRAPH = "¶"
#: The label ``core.lunar`` puts before its folklore notes; our template labels the note itself.
_LUNAR_FOLKLORE_LABEL = N_("Folk belief, not science")


@dataclass(frozen=True, slots=True)
class SymbolView:
    key: str
    label: str
    evidence: str
    meaning: str


@dataclass(frozen=True, slots=True)
class ArchetypeView:
    key: str
    name: str
    note: str


@dataclass(slots=True)
class ContentView:
    """The HVdC facts the template talks about (empty when the coding is unsupported)."""

    supported: bool = False
    characters: int = 0
    familiar: int = 0
    strangers: int = 0
    animals: int = 0
    aggression: str = ""  # "target" | "initiator" | "both" | "others" | ""
    friendly: bool = False
    emotions: list[str] = field(default_factory=list)  # localized names felt by the dreamer
    setting: str = ""  # localized phrase, e.g. "indoors, in a familiar place"
    succeeded: bool = False
    failed: bool = False
    misfortune: bool = False
    good_fortune: bool = False


@dataclass(frozen=True, slots=True)
class EchoView:
    date: str
    excerpt: str


@dataclass(slots=True)
class OfflineView:
    """Everything one rendering needs, as plain data."""

    mood: str
    symbols: list[SymbolView]
    more_symbols: list[str]
    archetypes: list[ArchetypeView]
    content: ContentView
    lunar: dict[str, Any] | None
    echoes: list[EchoView]
    more_echoes: int
    recurring: list[str]


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


def _symbol_views(hits: Sequence[SymbolHit]) -> list[SymbolView]:
    return [SymbolView(h.key, h.label, h.evidence.strip(), h.meaning) for h in hits]


def _archetypes(hits: Sequence[SymbolHit], locale: str) -> list[ArchetypeView]:
    counts: Counter[str] = Counter()
    for hit in hits:
        counts.update(hit.archetypes)
    ranked = [key for key, _ in counts.most_common(MAX_ARCHETYPES)]
    return [ArchetypeView(k, archetype_name(k, locale), archetype_note(k, locale)) for k in ranked]


def _aggression_role(context: DreamContext) -> str:
    codes = [c.code for c in context.coding.of("aggression")]
    if not codes:
        return ""
    target, initiator, _others = dreamer_roles(codes)
    if target and initiator:
        return "both"
    return "target" if target else "initiator" if initiator else "others"


def _setting(context: DreamContext, locale: str) -> str:
    parts = [gettext(p, locale) for p in setting_parts(context.coding) if p]
    return ", ".join(parts)


def _dreamer_has(context: DreamContext, category: str) -> bool:
    return any("D" in emotion_holders(c.code) for c in context.coding.of(category))


def _content(context: DreamContext, locale: str) -> ContentView:
    coding = context.coding
    if not coding.supported:
        return ContentView()
    counts = count_characters(coding)
    felt = [emotion_class(c.code) for c in coding.of("emotions") if "D" in emotion_holders(c.code)]
    return ContentView(
        supported=True,
        characters=counts.total,
        familiar=counts.familiar,
        strangers=counts.strangers,
        animals=counts.animals,
        aggression=_aggression_role(context),
        friendly=bool(coding.of("friendliness")),
        emotions=[
            gettext(EMOTION_NAMES[c], locale) for c in dict.fromkeys(felt) if c in EMOTION_NAMES
        ],
        setting=_setting(context, locale),
        succeeded=_dreamer_has(context, "success"),
        failed=_dreamer_has(context, "failure"),
        misfortune=_dreamer_has(context, "misfortune"),
        good_fortune=_dreamer_has(context, "good_fortune"),
    )


def _lunar(context: DreamContext, locale: str) -> dict[str, Any] | None:
    lunar = context.lunar
    if lunar is None:
        return None
    note = lunar.folklore_note.strip()
    label = gettext(_LUNAR_FOLKLORE_LABEL, locale)
    note = note.removeprefix(label).lstrip(":. ").strip() if note.startswith(label) else note
    return {
        "day": lunar.lunar_day,
        "phase": lunar.phase_name,
        "sign": lunar.sign,
        "note": note,
    }


def _excerpt(text: str) -> str:
    short = excerpt(text, EXCERPT_CHARS)
    cut = short.endswith("…")
    return short.rstrip(" …").rstrip(",.;:!? ") + ("…" if cut else "")


def _echoes(context: DreamContext, locale: str) -> list[EchoView]:
    ranked = sorted(context.similar, key=lambda s: s.similarity, reverse=True)
    return [
        EchoView(
            format_date(s.created_at.date(), format="long", locale=locale), _excerpt(s.excerpt)
        )
        for s in ranked[:1]
    ]


def _recurring(context: DreamContext, locale: str) -> list[str]:
    labels = []
    for key in context.recurring_symbols:
        entry = get_symbol(key)
        if entry is not None:
            labels.append(entry.label(locale))
    return labels[:3]


def _mood(context: DreamContext) -> str:
    if context.mood in MOODS and context.mood != "neutral":
        return context.mood
    return dream_mood(context.coding, context.text, context.symbols)


def build_view(context: DreamContext, locale: str) -> OfflineView:
    """The plain facts of a context that the templates turn into prose."""
    symbols = _symbol_views(context.symbols)
    return OfflineView(
        mood=_mood(context),
        symbols=symbols[:MAX_SYMBOLS],
        more_symbols=[s.label for s in symbols[MAX_SYMBOLS : MAX_SYMBOLS + 3]],
        archetypes=_archetypes(context.symbols, locale),
        content=_content(context, locale),
        lunar=_lunar(context, locale),
        echoes=_echoes(context, locale),
        more_echoes=max(0, len(context.similar) - 1),
        recurring=_recurring(context, locale),
    )


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
        return Interpretation(
            summary=rendered.summary,
            text=rendered.text,
            archetypes=[a.key for a in _archetypes(context.symbols, "en")],
            symbols=[hit.key for hit in context.symbols[:MAX_SYMBOLS]],
            mood=_mood(context),
            confidence=_confidence(context),
            model_used="offline",
            latency_ms=round((time.perf_counter() - started) * 1000),
            sources=_sources(context),
        )


def _plain(context: DreamContext) -> Rendered:
    """The last resort when a template fails: the grounded symbol meanings and highlights."""
    lines = [f"{hit.label}: {hit.meaning}" for hit in context.symbols[:MAX_SYMBOLS]]
    lines.extend(context.highlights)
    summary = lines[0] if lines else ""
    return Rendered(summary=summary, text="\n\n".join(lines))
