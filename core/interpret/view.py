"""Everything one offline reading needs, as plain data the templates turn into prose.

The order of things is decided here, not in the templates: the symbols that lead are the
dream's salient ones (:mod:`.salience`), the story's own opening, turn and ending are quoted
(:mod:`.story`), and the feeling is read with negation and change (:mod:`.feelings`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date

from core.analysis.mood import MOODS, dream_mood
from core.analysis.symbols import archetype_name, archetype_note, get_symbol
from core.excerpts import excerpt
from core.interpret.content import ContentView, content_view
from core.interpret.feelings import FeelingArc, feeling_arc
from core.interpret.readings import reading
from core.interpret.salience import Ranked, rank_symbols, role
from core.interpret.story import Story, story
from core.interpret.types import DreamContext, SymbolHit

MAX_LEAD = 2
MAX_OTHERS = 3
MAX_ARCHETYPES = 2
EXCERPT_CHARS = 90


@dataclass(frozen=True, slots=True)
class SymbolView:
    key: str
    label: str
    evidence: str
    reading: str  # one whole sentence about the symbol, in the reading's language
    role: str  # action | threat | figure | expression | object | backdrop
    feeling: str | None  # the dreamer's feeling stated beside it, if any
    mentions: int  # how many times the report names it


@dataclass(frozen=True, slots=True)
class ArchetypeView:
    key: str
    name: str
    note: str


@dataclass(frozen=True, slots=True)
class EchoView:
    date: str
    excerpt: str


@dataclass(slots=True)
class OfflineView:
    mood: str
    lead: list[SymbolView]  # read in full, most salient first
    also: SymbolView | None  # a third image worth naming (not mere backdrop)
    others: list[str]  # labels of the other symbols, in the order of salience
    archetypes: list[ArchetypeView]
    content: ContentView
    story: Story
    feeling: FeelingArc
    echoes: list[EchoView]
    more_echoes: int
    recurring: list[str]


def _symbol_view(ranked: Ranked, locale: str) -> SymbolView:
    hit = ranked.hit
    sentence = reading(hit.key, locale) or _gloss_sentence(hit, locale)
    return SymbolView(
        key=hit.key,
        label=hit.label,
        evidence=hit.evidence.strip(),
        reading=sentence,
        role=role(hit.key),
        feeling=ranked.feeling if role(hit.key) != "expression" else None,
        mentions=ranked.mentions,
    )


def _gloss_sentence(hit: SymbolHit, locale: str) -> str:
    """A whole sentence from a dictionary gloss, for a symbol with no written reading."""
    gloss = hit.meaning.strip().rstrip(".")
    gloss = gloss[:1].lower() + gloss[1:]
    if locale == "ru":
        return f"Образ «{hit.label}» в толкованиях снов связывают вот с чем: {gloss}."
    return f'In dream lore the image of "{hit.label}" is linked with this: {gloss}.'


def _archetypes(ranked: Sequence[Ranked], locale: str) -> list[ArchetypeView]:
    counts: Counter[str] = Counter()
    for item in ranked[: MAX_LEAD + 1]:
        counts.update(item.hit.archetypes)
    keys = [key for key, _ in counts.most_common(MAX_ARCHETYPES)]
    return [ArchetypeView(k, archetype_name(k, locale), archetype_note(k, locale)) for k in keys]


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


def reading_mood(context: DreamContext, arc: FeelingArc) -> str:
    """The dream's mood: the stated feelings' arc when there is one (so "stopped being afraid"
    ends well), else the coded emotions and the text."""
    if arc.mood is not None:
        return arc.mood
    if context.mood in MOODS and context.mood != "neutral":
        return context.mood
    return dream_mood(context.coding, context.text, context.symbols)


def build_view(context: DreamContext, locale: str) -> OfflineView:
    ranked = rank_symbols(context.text, context.symbols, context.recurring_symbols)
    arc = feeling_arc(context.text)
    rest = ranked[MAX_LEAD:]
    also = rest[0] if rest and role(rest[0].hit.key) not in ("backdrop", "expression") else None
    others = rest[1:] if also is not None else rest
    return OfflineView(
        mood=reading_mood(context, arc),
        lead=[_symbol_view(r, locale) for r in ranked[:MAX_LEAD]],
        also=_symbol_view(also, locale) if also is not None else None,
        others=[r.hit.label for r in others[:MAX_OTHERS]],
        archetypes=_archetypes(ranked, locale),
        content=content_view(context, locale),
        story=story(context.text),
        feeling=arc,
        echoes=_echoes(context, locale),
        more_echoes=max(0, len(context.similar) - 1),
        recurring=_recurring(context, locale),
    )


def lead_keys(context: DreamContext) -> list[str]:
    """The symbol keys a reading leads with, most salient first."""
    ranked = rank_symbols(context.text, context.symbols, context.recurring_symbols)
    return [r.hit.key for r in ranked[: MAX_LEAD + 1]]
