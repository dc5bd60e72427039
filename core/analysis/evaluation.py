"""Score a HVdC coder against human gold cards, the way published coder studies report it.

- attribute-level F1 per category: codes are split into slots (a character into number, sex,
  identity, age; an aggression into initiator, level, direction, recipient ...), the codes of
  each dream are aligned one-to-one to maximise matching slots, and precision/recall count
  matched slots over predicted/gold slots (partial credit, as Kee & Huskey 2026);
- emotion presence micro-F1 per dream (any character, and the dreamer), on all dreams and on
  emotion-bearing ones (as Bertolini et al. 2024);
- character slot agreement (presence, number, sex, identity, age, all), 2·agreements/(a+b) as
  in Hall & Van de Castle's reliability figures;
- every indicator predicted vs gold, with |Δh|.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.analysis.hvdc.types import CATEGORIES
from core.analysis.norms.assignment import max_score_assignment
from core.analysis.norms.card import PARSERS, card_codes
from core.analysis.norms.indicators import compute_indicators
from core.analysis.norms.notation import DREAMER, Character, NotationError, parse_character
from core.analysis.norms.stats import cohens_h

Card = Mapping[str, Any]
#: Scored "categories" beyond the 13 of the card: success and failure together (as published).
STRIVING = "success+failure"
CHARACTER_SLOTS: tuple[str, ...] = ("number", "sex", "identity", "age")


@dataclass(frozen=True, slots=True)
class F1Score:
    """Precision, recall and F1 from matched units (slots or presence labels)."""

    name: str
    matched: float
    predicted: float
    gold: float

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else float(not self.predicted)

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.matched / total if total else 1.0


@dataclass(frozen=True, slots=True)
class CharacterAgreement:
    """Share of characters both sides agree on: presence, each slot, and all slots."""

    presence: float
    number: float
    sex: float
    identity: float
    age: float
    all: float


@dataclass(frozen=True, slots=True)
class IndicatorComparison:
    """One indicator computed on the predicted and on the gold cards."""

    key: str
    label: str
    predicted: float | None
    gold: float | None

    @property
    def abs_delta_h(self) -> float | None:
        p, g = self.predicted, self.gold
        if p is None or g is None or p > 1 or g > 1:
            return None
        return abs(cohens_h(p, g))


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """All scores of one evaluation run over ``n_dreams`` paired cards."""

    n_dreams: int
    categories: tuple[F1Score, ...]
    emotions: tuple[F1Score, ...]
    characters: CharacterAgreement
    indicators: tuple[IndicatorComparison, ...]


def code_slots(category: str, code: str) -> tuple[str, ...]:
    """The attribute slots of one code; an unparseable code is one slot holding its text."""
    parser = PARSERS.get(category)
    if parser is None:
        return (code.strip(),)
    try:
        slots: tuple[str, ...] = parser(code).slots()
    except NotationError:
        return (code.strip(),)
    return slots


def slot_matches(a: Sequence[str], b: Sequence[str]) -> int:
    """Positional slot agreement of two codes (codes of different shapes rarely agree)."""
    return sum(x == y for x, y in zip(a, b, strict=False))


def _aligned_matches(pred: list[tuple[str, ...]], gold: list[tuple[str, ...]]) -> int:
    """Matched slots under the best one-to-one alignment of one dream's codes."""
    score = [[float(slot_matches(p, g)) for g in gold] for p in pred]
    return int(sum(score[i][j] for i, j in max_score_assignment(score)))


def _category_codes(card: Card, category: str) -> list[tuple[str, ...]]:
    if category == STRIVING:
        return _category_codes(card, "success") + _category_codes(card, "failure")
    return [code_slots(category, code) for code in card_codes(card, category)]


def category_f1(category: str, predicted: Sequence[Card], gold: Sequence[Card]) -> F1Score:
    """Attribute-level micro F1 of one category over paired cards."""
    matched = n_pred = n_gold = 0
    for p_card, g_card in zip(predicted, gold, strict=True):
        pred, ref = _category_codes(p_card, category), _category_codes(g_card, category)
        matched += _aligned_matches(pred, ref)
        n_pred += sum(len(s) for s in pred)
        n_gold += sum(len(s) for s in ref)
    return F1Score(category, matched, n_pred, n_gold)


def _emotion_kinds(card: Card, dreamer_only: bool) -> set[str]:
    kinds: set[str] = set()
    for code in card_codes(card, "emotions"):
        kind, _, who = code.partition(",")
        if not dreamer_only or DREAMER in {w.strip() for w in who.split("+")}:
            kinds.add(kind.strip())
    return kinds


def emotion_presence(
    name: str,
    pairs: Iterable[tuple[Card, Card]],
    dreamer_only: bool = False,
) -> F1Score:
    """Micro F1 over (dream, emotion kind) presence labels."""
    matched = n_pred = n_gold = 0
    for p_card, g_card in pairs:
        pred, ref = _emotion_kinds(p_card, dreamer_only), _emotion_kinds(g_card, dreamer_only)
        matched += len(pred & ref)
        n_pred += len(pred)
        n_gold += len(ref)
    return F1Score(name, matched, n_pred, n_gold)


def _emotion_scores(predicted: Sequence[Card], gold: Sequence[Card]) -> tuple[F1Score, ...]:
    pairs = list(zip(predicted, gold, strict=True))
    bearing = [(p, g) for p, g in pairs if card_codes(g, "emotions")]
    return (
        emotion_presence("any character, all dreams", pairs),
        emotion_presence("any character, emotion-bearing dreams", bearing),
        emotion_presence("dreamer, all dreams", pairs, dreamer_only=True),
        emotion_presence("dreamer, emotion-bearing dreams", bearing, dreamer_only=True),
    )


def _characters(card: Card) -> list[Character]:
    found = []
    for code in card_codes(card, "characters"):
        try:
            found.append(parse_character(code))
        except NotationError:
            continue
    return found


def _char_fields(char: Character) -> tuple[str, str, str, str]:
    """Number, sex, identity, age; animals and creatures use their kind as identity."""
    if char.is_human:
        return (str(char.number), char.sex, char.identity, char.age)
    return (str(char.number), "", char.kind, "")


def character_agreement(predicted: Sequence[Card], gold: Sequence[Card]) -> CharacterAgreement:
    """Slot agreement of aligned characters, 2·agreements / (predicted + gold characters)."""
    agree = dict.fromkeys((*CHARACTER_SLOTS, "presence", "all"), 0)
    total = 0
    for p_card, g_card in zip(predicted, gold, strict=True):
        pred = [_char_fields(c) for c in _characters(p_card)]
        ref = [_char_fields(c) for c in _characters(g_card)]
        total += len(pred) + len(ref)
        score = [[float(slot_matches(p, g)) for g in ref] for p in pred]
        for i, j in max_score_assignment(score):
            if score[i][j] == 0:
                continue
            agree["presence"] += 1
            agree["all"] += pred[i] == ref[j]
            for index, slot in enumerate(CHARACTER_SLOTS):
                agree[slot] += pred[i][index] == ref[j][index]
    shares = (2 * agree[k] / total if total else 1.0 for k in ("presence", *CHARACTER_SLOTS, "all"))
    return CharacterAgreement(*shares)


def indicator_comparisons(
    predicted: Sequence[Card], gold: Sequence[Card]
) -> tuple[IndicatorComparison, ...]:
    """Each indicator over all predicted cards vs over all gold cards."""
    pred, ref = compute_indicators(predicted), compute_indicators(gold)
    return tuple(
        IndicatorComparison(p.spec.key, p.spec.label, p.value, g.value)
        for p, g in zip(pred.values, ref.values, strict=True)
    )


def evaluate(predicted: Sequence[Card], gold: Sequence[Card]) -> EvaluationReport:
    """Score predicted cards against gold cards paired by position (same dreams, same order)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted cards for {len(gold)} gold cards")
    categories = tuple(category_f1(c, predicted, gold) for c in (*CATEGORIES, STRIVING))
    return EvaluationReport(
        n_dreams=len(gold),
        categories=categories,
        emotions=_emotion_scores(predicted, gold),
        characters=character_agreement(predicted, gold),
        indicators=indicator_comparisons(predicted, gold),
    )


def _format_f1(score: F1Score) -> str:
    return (
        f"  {score.name:40s} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  (units {score.matched:.0f}/{score.predicted:.0f} pred, {score.gold:.0f} gold)"
    )


def _format_indicator(item: IndicatorComparison) -> str:
    def show(value: float | None) -> str:
        return "   n/a" if value is None else f"{value:6.3f}"

    delta = item.abs_delta_h
    return (
        f"  {item.label:48s} pred {show(item.predicted)}  gold {show(item.gold)}"
        f"  |dh| {'  n/a' if delta is None else f'{delta:.3f}'}"
    )


def format_report(report: EvaluationReport) -> str:
    """A plain-text report for benchmarks and research logs (English, not user-facing)."""
    chars = report.characters
    lines = [f"dreams: {report.n_dreams}", "attribute-level F1 per category:"]
    lines += [_format_f1(score) for score in report.categories]
    lines.append("emotion presence micro-F1 per dream:")
    lines += [_format_f1(score) for score in report.emotions]
    lines.append(
        "character slot agreement: "
        f"presence {chars.presence:.3f}, number {chars.number:.3f}, sex {chars.sex:.3f}, "
        f"identity {chars.identity:.3f}, age {chars.age:.3f}, all {chars.all:.3f}"
    )
    lines.append("indicators (predicted vs gold):")
    lines += [_format_indicator(item) for item in report.indicators]
    deltas = [d for d in (i.abs_delta_h for i in report.indicators) if d is not None]
    if deltas:
        lines.append(f"  mean |dh| {sum(deltas) / len(deltas):.3f}, max |dh| {max(deltas):.3f}")
    return "\n".join(lines)
