"""Replace personal data in a dream by numbered placeholders before it leaves the machine, and put
it back into the answer.

``scrub`` finds e-mails, URLs, phone numbers, street addresses and personal names, in that order
of precedence (a later detector never cuts into an earlier find), and writes ``[EMAIL_1]``,
``[PERSON_2]`` ... in their place. The same person written twice (``Маша`` and ``Маше``) gets the
same placeholder. ``restore`` is the inverse for the answer text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from core.privacy import lexicon
from core.privacy.patterns import (
    ADDRESS_EN,
    ADDRESS_RU,
    BARE_PLACEHOLDER,
    CAPITALIZED,
    CYRILLIC,
    DIGIT,
    EMAIL,
    METHOD_NAME,
    NOT_A_PHONE,
    PHONE,
    PLACEHOLDER,
    URL,
    URL_HINT,
)

_URL_TRAILING = ".,;:!?)]}»"
_SENTENCE_MARKS = ".!?…:\n—–"
_LEADING_JUNK = " \t\"'«“„(["
_OPENERS = "\"'«“„(["
_MIN_PHONE_DIGITS, _MAX_PHONE_DIGITS = 7, 15
#: Every detector needs one of these characters (a capital, a digit, ``@``, a dot, ``://`` or a
#: placeholder's bracket): a text without any, like most coded spans, is returned untouched at
#: once instead of running every pattern over it.
_COULD_HOLD_PII = re.compile(r"[A-ZА-ЯЁ\d@.:\[]")


@dataclass(frozen=True, slots=True)
class ScrubResult:
    """The scrubbed text and ``placeholder -> original`` for everything that was replaced."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Find:
    start: int
    end: int
    kind: str
    value: str


def scrub(text: str, mapping: Mapping[str, str] | None = None) -> ScrubResult:
    """Replace personal data in ``text`` by placeholders.

    ``mapping`` is the result of an earlier call for a related text (a past dream, a highlight):
    numbering continues from it and the same value keeps its placeholder, so several texts of one
    request can be scrubbed consistently.
    """
    result = dict(mapping or {})
    if not _COULD_HOLD_PII.search(text):
        return ScrubResult(text, result)
    by_identity = {_identity(_kind_of(ph), value): ph for ph, value in result.items()}
    pieces: list[str] = []
    cursor = 0
    for find in _finds(text):
        identity = _identity(find.kind, find.value)
        placeholder = by_identity.get(identity) or _same_person(identity, by_identity)
        if placeholder is None:
            placeholder = f"[{find.kind}_{_next_number(result, find.kind)}]"
            by_identity[identity] = placeholder
            result[placeholder] = find.value
        pieces.append(text[cursor : find.start])
        pieces.append(placeholder)
        cursor = find.end
    pieces.append(text[cursor:])
    return ScrubResult("".join(pieces), result)


def restore(text: str, mapping: Mapping[str, str]) -> str:
    """Put the originals back in place of placeholders (also bare ``PERSON_1`` echoes).

    Unknown placeholders are left as they are rather than guessed.
    """
    if not mapping:
        return text

    def put_back(match: re.Match[str]) -> str:
        return mapping.get(f"[{match.group(1)}_{match.group(2)}]", match.group(0))

    return BARE_PLACEHOLDER.sub(put_back, PLACEHOLDER.sub(put_back, text))


def _finds(text: str) -> list[_Find]:
    """All non-overlapping finds in text order; earlier detectors win overlaps."""
    # Placeholders already there and the method's own name are kept as they are.
    kept = [*PLACEHOLDER.finditer(text), *METHOD_NAME.finditer(text)]
    taken: list[_Find] = [_Find(m.start(), m.end(), "", m.group(0)) for m in kept]
    for detector in (_emails, _urls, _phones, _addresses, _names):
        for find in detector(text):
            if not any(find.start < t.end and t.start < find.end for t in taken):
                taken.append(find)
    return sorted((f for f in taken if f.kind), key=lambda f: f.start)


def _emails(text: str) -> Iterator[_Find]:
    if "@" not in text:
        return
    for m in EMAIL.finditer(text):
        yield _Find(m.start(), m.end(), "EMAIL", m.group(0))


def _urls(text: str) -> Iterator[_Find]:
    if not URL_HINT.search(text):
        return
    for m in URL.finditer(text):
        value = m.group(0).rstrip(_URL_TRAILING)
        yield _Find(m.start(), m.start() + len(value), "URL", value)


def _phones(text: str) -> Iterator[_Find]:
    if not DIGIT.search(text):
        return
    for m in PHONE.finditer(text):
        value = m.group(0)
        digits = sum(ch.isdigit() for ch in value)
        if _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS and not NOT_A_PHONE.fullmatch(value):
            yield _Find(m.start(), m.end(), "PHONE", value)


def _addresses(text: str) -> Iterator[_Find]:
    # An English address starts with a house number; a Russian one has a Cyrillic street word.
    patterns = ([ADDRESS_EN] if DIGIT.search(text) else []) + (
        [ADDRESS_RU] if CYRILLIC.search(text) else []
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = m.group(0).rstrip(" ,")
            yield _Find(m.start(), m.start() + len(value), "ADDRESS", value)


def _names(text: str) -> Iterator[_Find]:
    """Known first names anywhere, and unknown capitalized words that do not start a sentence."""
    pending: _Find | None = None
    for m in CAPITALIZED.finditer(text):
        if not _looks_like_name(text, m.start(), m.group(0)):
            if pending is not None:
                yield pending
                pending = None
            continue
        if pending is not None and text[pending.end : m.start()] == " ":
            # "Anna Petrova", "John Smith": one person, one placeholder.
            pending = _Find(pending.start, m.end(), "PERSON", text[pending.start : m.end()])
            continue
        if pending is not None:
            yield pending
        pending = _Find(m.start(), m.end(), "PERSON", m.group(0))
    if pending is not None:
        yield pending


def _looks_like_name(text: str, start: int, word: str) -> bool:
    folded = word.casefold()
    if folded in lexicon.non_names():
        return False
    if not _starts_sentence(text, start):
        return True
    return folded in lexicon.name_forms() and folded not in lexicon.AMBIGUOUS_NAMES


def _starts_sentence(text: str, start: int) -> bool:
    """After a sentence mark, at the start, or right after an opening quote or bracket (quoted
    speech starts a sentence: 'he said, "No, ..."')."""
    if start and text[start - 1] in _OPENERS:
        return True
    before = text[:start].rstrip(_LEADING_JUNK)
    return not before or before[-1] in _SENTENCE_MARKS


def _identity(kind: str, value: str) -> tuple[str, str]:
    """What makes two finds the same entity: the name's lemma, or the value without spacing."""
    folded = value.casefold()
    if kind == "PERSON":
        forms = lexicon.name_forms()
        return kind, " ".join(forms.get(part, part) for part in folded.split())
    if kind == "PHONE":
        return kind, "".join(ch for ch in folded if ch.isdigit())
    return kind, " ".join(folded.split())


def _same_person(identity: tuple[str, str], known: Mapping[tuple[str, str], str]) -> str | None:
    """ "Anna" after "Anna Petrova" (or the other way round) is the same person."""
    kind, value = identity
    if kind != "PERSON":
        return None
    first = value.split()[0]
    for (known_kind, known_value), placeholder in known.items():
        one_is_bare = " " not in value or " " not in known_value
        if known_kind == kind and known_value.split()[0] == first and one_is_bare:
            return placeholder
    return None


def _kind_of(placeholder: str) -> str:
    match = PLACEHOLDER.fullmatch(placeholder)
    return match.group(1) if match else ""


def _next_number(mapping: Mapping[str, str], kind: str) -> int:
    numbers = [
        int(m.group(2)) for ph in mapping if (m := PLACEHOLDER.fullmatch(ph)) and m.group(1) == kind
    ]
    return max(numbers, default=0) + 1
