"""Plain data types of a Hall/Van de Castle coding, shared by the coder, indicators and reports."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The 13 HVdC categories, under the key names of the DreamBank coding cards.
CATEGORIES: tuple[str, ...] = (
    "characters",
    "aggression",
    "friendliness",
    "sexuality",
    "settings",
    "objects",
    "activities",
    "modifiers",
    "failure",
    "success",
    "misfortune",
    "good_fortune",
    "emotions",
)


@dataclass(frozen=True, slots=True)
class Code:
    """One HVdC code in DreamBank notation, with the text span it was read from.

    ``span`` is a ``(start, end)`` character offset pair into the report, so the product can
    show *why* a code was given; ``None`` only for codes inferred from the whole report.
    """

    category: str
    code: str
    span: tuple[int, int] | None = None
    evidence: str = ""


@dataclass(slots=True)
class Coding:
    """All HVdC codes of one dream report."""

    codes: list[Code] = field(default_factory=list)
    language: str = "en"
    #: False when the report could not be coded (unsupported language, empty text).
    supported: bool = True
    #: Why the report was not coded, as a short machine-readable reason (e.g. ``"empty"``).
    reason: str = ""
    #: The dreamer's sex as the report's grammar shows it ("F"/"M", e.g. Russian «я побежала»),
    #: "" when the language or the report does not show it.
    dreamer_sex: str = ""

    def of(self, category: str) -> list[Code]:
        """The codes of one category, in text order."""
        return [c for c in self.codes if c.category == category]

    def card(self) -> dict[str, list[str]]:
        """The coding as a DreamBank card: one list of code strings per category."""
        return {cat: [c.code for c in self.of(cat)] for cat in CATEGORIES}
