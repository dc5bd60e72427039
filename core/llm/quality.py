"""Quality checks of an LLM answer before the user sees it.

Hard failures raise :class:`QualityRejectedError` and the chain falls to the next link: medical or
diagnostic statements, a leaked system prompt, the wrong language, a length out of bounds.
Soft failures lower the confidence: a symbol whose evidence is not in the dream (nor in the HVdC
coding or the symbol dictionary's finds) is dropped. The confidence is a heuristic score from
these signals, not a probability fitted on labelled answers (we have none yet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from core.analysis.symbols import ARCHETYPES
from core.llm.errors import QualityRejectedError
from core.llm.pricing import Usage
from core.llm.prompting import CANARY
from core.llm.schema import MAX_ARCHETYPES, MAX_SYMBOLS, LLMAnswer, SymbolEvidence
from core.llm.scrubbing import ScrubbedDream
from core.privacy.patterns import PLACEHOLDER

MIN_TEXT_CHARS, MAX_TEXT_CHARS = 80, 5000
MIN_SUMMARY_CHARS, MAX_SUMMARY_CHARS = 10, 600
_LEAK_SHINGLE_WORDS = 8
_MIN_SCRIPT_SHARE = {"ru": 0.6, "en": 0.85}
_GOOD_WORDS = (60, 400)

#: Claims no answer may make, even when the dream uses the words.
_ALWAYS_FORBIDDEN = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bdiagnos\w*",
        r"\byou (?:have|suffer from|are suffering from|(?:may|might|probably|likely) have)\s+"
        r"(?:an? |some )?(?:clinical |severe |major |mild )?(?:depression|anxiety disorder|"
        r"ptsd|ocd|adhd|bipolar|schizophrenia|psychosis|\w+ disorder)",
        r"\b(?:clinical(?:ly)? depress\w*|major depressive)",
        r"\b(?:антидепрессант\w*|диагноз\w*|диагностир\w*)",
        r"\bу (?:вас|тебя)\s+(?:\w+\s+)?(?:депресси|невроз|психоз|птср|расстройств|"
        r"тревожн\w* расстройств|биполяр)\w*",
        r"\b(?:вы страдаете|ты страдаешь)\b",
    )
]
#: Medical words that are fine only when the dreamer used them (the answer may echo the dream).
_FORBIDDEN_UNLESS_IN_DREAM = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bdisorders?\b",
        r"\bsyndromes?\b",
        r"\bmedications?\b",
        r"\bantidepressants?\b",
        r"\bprescri(?:be|bed|ption)\w*",
        r"\bpsycho(?:sis|tic)\b",
        r"\bschizophreni\w*",
        r"\bbipolar\b",
        r"\bрасстройств\w*",
        r"\bсиндром\w*",
        r"\bлекарств\w*",
        r"\bмедикамент\w*",
        r"\bпсихоз\w*",
        r"\bшизофрени\w*",
    )
]
#: One pass to rule out the common case (no medical word at all) before the per-word checks.
_ANY_MEDICAL_WORD = re.compile(
    "|".join(p.pattern for p in _FORBIDDEN_UNLESS_IN_DREAM), re.IGNORECASE
)
_EN_ENDINGS = ("'s", "ing", "ed", "es", "ly", "s")
_RU_ENDING_WORDS = (
    "ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ую юю ом ем ам ям ах ях ов ев "
    "ться ть ла ли ло ал ил ел а я о е ы и у ю ь й"
)
_RU_ENDINGS = tuple(sorted(_RU_ENDING_WORDS.split(), key=len, reverse=True))
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")
_WORD = re.compile(r"[a-zа-яё]+(?:'[a-z]+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QualityReport:
    """An accepted answer: the symbols that survived, the dropped ones and the confidence."""

    answer: LLMAnswer
    confidence: float
    dropped_symbols: list[str] = field(default_factory=list)


def check_answer(
    answer: LLMAnswer, dream: ScrubbedDream, system_prompt: str, usage: Usage
) -> QualityReport:
    """Accept (possibly trimmed) or reject an answer to ``dream`` (the scrubbed context)."""
    visible = f"{answer.summary}\n{answer.interpretation}"
    reasons = [
        *medical_reasons(visible, dream.context.text),
        *(["system_prompt_leak"] if leaks_system_prompt(visible, system_prompt) else []),
        *length_reasons(answer),
    ]
    share = script_share(visible, dream.context.locale)
    if share < _MIN_SCRIPT_SHARE.get(dream.context.locale, 0.85):
        reasons.append("wrong_language")
    if reasons:
        raise QualityRejectedError(reasons, usage=usage)
    kept, dropped = ground_symbols(answer.symbols, dream)
    archetypes = normalize_archetypes(answer.archetypes)
    trimmed = answer.model_copy(
        update={"symbols": kept[:MAX_SYMBOLS], "archetypes": archetypes[:MAX_ARCHETYPES]}
    )
    confidence = _confidence(len(kept), len(dropped), share, answer, dream)
    return QualityReport(trimmed, confidence, [s.key for s in dropped])


def normalize_archetypes(raw: list[str]) -> list[str]:
    """Keys of our archetype dictionary only (others could not be rendered), without repeats."""
    keys = []
    for item in raw:
        key = re.sub(r"[\s-]+", "_", item.strip().lower()).removeprefix("the_")
        key = "anima_animus" if key in {"anima", "animus"} else key
        if key in ARCHETYPES and key not in keys:
            keys.append(key)
    return keys


def medical_reasons(text: str, dream_text: str) -> list[str]:
    """``medical_claim`` when the answer diagnoses, names a disorder or medication the dreamer did
    not mention, or tells the dreamer they have a condition."""
    if any(p.search(text) for p in _ALWAYS_FORBIDDEN):
        return ["medical_claim"]
    if _ANY_MEDICAL_WORD.search(text) and any(
        p.search(text) and not p.search(dream_text) for p in _FORBIDDEN_UNLESS_IN_DREAM
    ):
        return ["medical_claim"]
    return []


def leaks_system_prompt(text: str, system_prompt: str) -> bool:
    """True when the answer carries the canary or any 8-word run of the system prompt."""
    if CANARY.casefold() in text.casefold():
        return True
    shingles = _shingles(system_prompt)
    answer_words = _words(text)
    return any(
        tuple(answer_words[i : i + _LEAK_SHINGLE_WORDS]) in shingles
        for i in range(len(answer_words) - _LEAK_SHINGLE_WORDS + 1)
    )


@lru_cache(maxsize=8)
def _shingles(system_prompt: str) -> frozenset[tuple[str, ...]]:
    words = _words(system_prompt)
    n = _LEAK_SHINGLE_WORDS
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def length_reasons(answer: LLMAnswer) -> list[str]:
    reasons = []
    if not MIN_TEXT_CHARS <= len(answer.interpretation.strip()) <= MAX_TEXT_CHARS:
        reasons.append("interpretation_length")
    if not MIN_SUMMARY_CHARS <= len(answer.summary.strip()) <= MAX_SUMMARY_CHARS:
        reasons.append("summary_length")
    return reasons


def script_share(text: str, locale: str) -> float:
    """The share of letters in the locale's script (Cyrillic for ru, Latin otherwise);
    placeholders such as ``[PERSON_1]`` do not count."""
    text = PLACEHOLDER.sub(" ", text)
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    script = _CYRILLIC if locale == "ru" else _LATIN
    return len(script.findall(text)) / letters


def ground_symbols(
    symbols: list[SymbolEvidence], dream: ScrubbedDream
) -> tuple[list[SymbolEvidence], list[SymbolEvidence]]:
    """Split symbols into (grounded, dropped). Grounded: the evidence occurs in the dream (up to
    case and word endings), or matches HVdC-coded evidence, or the symbol dictionary found it."""
    ctx = dream.context
    known_keys = {s.key.casefold() for s in ctx.symbols}
    coded = [c.evidence for c in ctx.coding.codes if c.evidence]
    dream_stems = {_stem(w) for w in _words(ctx.text)}
    kept: list[SymbolEvidence] = []
    dropped: list[SymbolEvidence] = []
    seen: set[str] = set()
    for symbol in symbols:
        key = symbol.key.strip().lower()
        if key in seen:
            continue
        seen.add(key)
        grounded = (
            key in known_keys
            or _occurs(symbol.evidence, ctx.text, dream_stems)
            or any(_occurs(symbol.evidence, ev, {_stem(w) for w in _words(ev)}) for ev in coded)
        )
        (kept if grounded else dropped).append(symbol.model_copy(update={"key": key}))
    return kept, dropped


def _occurs(evidence: str, text: str, text_stems: set[str]) -> bool:
    """Evidence is in ``text`` verbatim, or most of its words are, up to word endings."""
    if evidence.strip().casefold() in text.casefold():
        return True
    words = [w for w in _words(evidence) if len(w) >= 3]
    if not words:
        return False
    hits = sum(any(_same_stem(_stem(w), s) for s in text_stems) for w in words)
    return hits / len(words) >= 0.75


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A crude stem: enough for 'rivers'~'river', 'реке'~'река' without a morphology library."""
    word = word.casefold().replace("ё", "е")
    endings = _RU_ENDINGS if not word.isascii() else _EN_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _confidence(
    kept: int, dropped: int, share: float, answer: LLMAnswer, dream: ScrubbedDream
) -> float:
    """0.35 base, up to +0.45 for grounded symbols, +0.1 for a clean script, +0.05 for a length
    in the asked range, −0.1 when the dream had to be cut."""
    grounded = kept / (kept + dropped) if kept + dropped else 0.5
    words = len(_words(answer.interpretation))
    score = 0.35 + 0.45 * grounded + 0.1 * share
    score += 0.05 if _GOOD_WORDS[0] <= words <= _GOOD_WORDS[1] else 0.0
    score -= 0.1 if dream.truncated else 0.0
    return round(min(max(score, 0.05), 0.95), 3)
