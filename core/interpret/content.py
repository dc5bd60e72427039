"""The Hall/Van de Castle facts an offline reading talks about, as plain localized values."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.analysis.highlights import EMOTION_NAMES, count_characters, dreamer_roles, setting_parts
from core.analysis.mood import emotion_class, emotion_holders
from core.i18n import gettext
from core.interpret.types import DreamContext


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


def content_view(context: DreamContext, locale: str) -> ContentView:
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
