"""Find dictionary symbols in a dream report, each grounded by the exact span it was read from.

Both languages' forms are searched whatever the interface locale (a Russian speaker may write
in English and back); ``locale`` only picks the language of labels and meanings.

Negation: a denied image is still reported ("I wasn't falling" mentions falling). A dream
report's imagery includes what the dreamer names, even to deny it, and a symbol dictionary is
about images, not facts. Negation is only used to choose the evidence: when a symbol occurs
both denied and affirmed, the affirmed mention is the one shown (see :func:`is_negated`).

Idioms that only look like symbols ("fell asleep", "last night", "друг друга") are masked
before the lookup, so their words never become evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.analysis.symbols.dictionary import LANGUAGES, SymbolEntry, load_dictionary
from core.analysis.symbols.forms import WORD_RE, expand_form, normalize_word
from core.analysis.symbols.reading import is_cyrillic, lemma_key, modifies_next, someone_elses
from core.interpret.types import SymbolHit

#: Idioms whose words are not dream images; group ``m`` (or the whole match) is masked.
_IDIOMS = re.compile(
    r"\b(?P<m>fell|falls?|falling|fallen)\s+(?:asleep|in\s+love|apart)\b"
    r"|\b(?:last|other|previous)\s+(?P<m2>night)\b"
    r"|\b(?P<m3>late)\s+(?:at\s+night|in\s+the|afternoon|evening|morning)\b"
    r"|\b(?:oh\s+)?(?:my\s+)?(?P<m4>god)\s*[!,.]"
    r"|\b(?:oh|thank)\s+(?P<m5>god)\b"
    r"|\bon\s+the\s+other\s+(?P<m6>hand)\b"
    r"|\b(?P<m7>fire)d\b"
    r"|\bдруг\s+(?:(?:на|с|о|об|к|за|от|у|для|про|перед|над|под|без)\s+)?друг[аеуо]м?\b"
    r"|\b(?:слава|ради)\s+бог[ау]\b"
    r"|\b(?:в\s+)?(?:прошлую|эту|сегодняшнюю)\s+(?P<m8>ноч[ьи])\b"
    r"|\b(?P<m9>hit(?:s|ting)?)\s+(?:the\s+)?(?:ground|floor|bottom|water)\b"
    # teeth or hair "falling out" is losing them, and "a falling-out" a quarrel: not a fall
    r"|\b(?:teeth|tooth|hair)\b[^.!?;]{0,30}?\b(?P<m10>fell|falls?|falling|fallen)\s+out\b"
    r"|\b(?P<m11>falling)[- ]out\s+with\b|\ba\s+(?P<m12>falling)[- ]out\b",
    re.IGNORECASE,
)

_NEGATION = re.compile(
    r"(?:\b(?:not|no|never|without|nor|neither)\b|n[’']t\b|\b(?:не|нет|ни|без|никогда)\b)"
    r"[^.!?;:,]{0,24}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Surface forms → symbol key, split into one-word forms and multi-word phrases."""

    words: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    phrase_starts: frozenset[str]
    longest: int


def _add_forms(lexicon_words: dict[str, str], phrases: dict[tuple[str, ...], str],
               entry: SymbolEntry) -> None:  # fmt: skip
    for lang in LANGUAGES:
        for form in entry.texts[lang].forms:
            for tokens in expand_form(form, lang):
                # The first entry listing a form keeps it.
                if len(tokens) == 1:
                    lexicon_words.setdefault(tokens[0], entry.key)
                else:
                    phrases.setdefault(tuple(tokens), entry.key)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for entry in load_dictionary():
        _add_forms(words, phrases, entry)
    return _Lexicon(
        words=words,
        phrases=phrases,
        phrase_starts=frozenset(p[0] for p in phrases),
        longest=max((len(p) for p in phrases), default=1),
    )


@lru_cache(maxsize=1)
def _entries() -> dict[str, SymbolEntry]:
    return {entry.key: entry for entry in load_dictionary()}


def _masked(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _IDIOMS.finditer(text):
        groups = [name for name, value in match.groupdict().items() if value is not None]
        spans.append(match.span(groups[0]) if groups else match.span())
    return spans


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized word) of every unmasked word, offsets into ``text``."""
    masked = _masked(text)
    folded = normalize_word(text)
    if len(folded) != len(text):  # a rare letter changed length when lower-cased: go word by word
        return _tokens_slow(text, masked)
    tokens = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(folded)]
    if masked:
        tokens = [t for t in tokens if not _inside(t[0], t[1], masked)]
    return tokens


def _tokens_slow(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), normalize_word(m.group()))
        for m in WORD_RE.finditer(text)
        if not _inside(m.start(), m.end(), masked)
    ]


def _inside(start: int, end: int, masked: list[tuple[int, int]]) -> bool:
    return any(m_start <= start and end <= m_end for m_start, m_end in masked)


def _scan(tokens: list[tuple[int, int, str]]) -> list[tuple[str, int, int]]:
    """(key, start, end) for each mention, longest phrase first at each position."""
    lexicon = _lexicon()
    found = []
    i, n = 0, len(tokens)
    while i < n:
        word = tokens[i][2]
        if word in lexicon.phrase_starts:
            for length in range(min(lexicon.longest, n - i), 1, -1):
                key = lexicon.phrases.get(tuple(t[2] for t in tokens[i : i + length]))
                if key is not None:
                    found.append((key, tokens[i][0], tokens[i + length - 1][1]))
                    i += length
                    break
            else:
                key = _word_key(tokens, i)
                if key is not None:
                    found.append((key, tokens[i][0], tokens[i][1]))
                i += 1
            continue
        key = _word_key(tokens, i)
        if key is not None:
            found.append((key, tokens[i][0], tokens[i][1]))
        i += 1
    return found


def _word_key(tokens: list[tuple[int, int, str]], i: int) -> str | None:
    """The symbol one word names, read as :mod:`.reading` explains (lemma, modifier, kin)."""
    word = tokens[i][2]
    if is_cyrillic(word):
        if modifies_next(tokens, i):
            return None
        key = lemma_key(word) or _lexicon().words.get(word)
    else:
        key = _lexicon().words.get(word)
    if key is not None and someone_elses(tokens, i, key):
        return None
    return key


def is_negated(text: str, span: tuple[int, int]) -> bool:
    """Whether a negation word closely precedes ``span`` within the same clause (EN and RU)."""
    return _NEGATION.search(text, max(0, span[0] - 40), span[0]) is not None


def _better(text: str, current: tuple[int, int], candidate: tuple[int, int]) -> bool:
    """An affirmed mention is better evidence than a denied one found earlier."""
    return is_negated(text, current) and not is_negated(text, candidate)


def _hit(text: str, key: str, start: int, end: int, locale: str) -> SymbolHit:
    entry = _entries()[key]
    return SymbolHit(
        key=key,
        label=entry.label(locale),
        meaning=entry.meaning(locale),
        archetypes=entry.archetypes,
        span=(start, end),
        evidence=text[start:end],
    )


def find_symbols(text: str, locale: str) -> list[SymbolHit]:
    """Every dictionary symbol mentioned in ``text``, once per key, in text order.

    Each hit's ``evidence`` is exactly ``text[span[0]:span[1]]``; labels and meanings are in
    ``locale`` ("en" or "ru"; other languages read English).
    """
    chosen: dict[str, tuple[int, int]] = {}
    for key, start, end in _scan(_tokens(text)):
        if key not in chosen or _better(text, chosen[key], (start, end)):
            chosen[key] = (start, end)
    ordered = sorted(chosen.items(), key=lambda item: item[1][0])
    return [_hit(text, key, start, end, locale) for key, (start, end) in ordered]
