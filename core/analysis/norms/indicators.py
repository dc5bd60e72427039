"""HVdC indicators of one dream or a set of dreams, computed from coding cards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.analysis.norms.card import parse_card
from core.analysis.norms.specs import INDICATORS, IndicatorSpec
from core.analysis.norms.tally import Tally, dream_tally


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One indicator over the dreams: ``numerator / denominator`` (``None`` when 0/0)."""

    spec: IndicatorSpec
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True, slots=True)
class Indicators:
    """All indicators of a set of dreams, with the per-dream counts behind them.

    ``per_dream`` keeps each dream's counts so confidence intervals can treat the dream (not
    the code) as the sampling unit; ``invalid_codes`` counts codes that could not be parsed.
    """

    n_dreams: int
    values: tuple[IndicatorValue, ...]
    per_dream: tuple[Tally, ...]
    invalid_codes: int = 0

    @property
    def n_characters(self) -> int:
        return sum(t["characters"] for t in self.per_dream)

    def get(self, key: str) -> IndicatorValue:
        """The indicator with this key (see ``specs.INDICATORS``); KeyError if unknown."""
        for item in self.values:
            if item.spec.key == key:
                return item
        raise KeyError(key)

    def value(self, key: str) -> float | None:
        return self.get(key).value

    def as_dict(self) -> dict[str, float | None]:
        """``{key: value}`` in display order, for JSON output."""
        return {item.spec.key: item.value for item in self.values}


def indicators_from_tallies(tallies: Sequence[Tally], invalid_codes: int = 0) -> Indicators:
    """Sum per-dream counts into indicators (used by subsampling and bootstraps too)."""
    total: Tally = Counter()
    for tally in tallies:
        total.update(tally)
    values = tuple(
        IndicatorValue(spec, total[spec.numerator], total[spec.denominator]) for spec in INDICATORS
    )
    return Indicators(len(tallies), values, tuple(tallies), invalid_codes)


def compute_indicators(cards: Sequence[Mapping[str, Sequence[str]]]) -> Indicators:
    """Indicators of a set of coding cards (``Coding.card()`` dicts or DreamBank JSON lines).

    Pass one card for a single dream. Malformed codes are skipped and counted in
    ``invalid_codes`` rather than failing the whole profile.
    """
    tallies: list[Tally] = []
    invalid = 0
    for card in cards:
        parsed = parse_card(card)
        invalid += len(parsed.invalid)
        tallies.append(dream_tally(parsed))
    return indicators_from_tallies(tallies, invalid)
