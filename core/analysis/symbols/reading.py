"""How a mention is read before it becomes a symbol: Russian lemmas, modifiers, whose relative.

- Russian words are matched by lemma (pymorphy3, the coder's analyser), so «шёл», «людей» or
  «гнался» find their symbol whatever the form; the surface forms of the dictionary remain the
  fallback (and the only way when the ``nlp-ru`` extra is absent).
- An adjective in front of a thing or a place describes it: «в незнакомом городе» is a city,
  not a stranger («незнакомый мужчина» and a bare «незнакомый подошёл» still are one).
- A family word that belongs to someone else («жена брата», «his wife», «my friend's
  mother») is that person's relative, not the dreamer's: it is not read as the family symbol.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from core.analysis.symbols.dictionary import load_dictionary
from core.analysis.symbols.forms import expand_form

Token = tuple[int, int, str]
Analyse = Callable[[str, bool], tuple[str, str, str, str, str, str, str, bool, bool, bool]]

#: Symbols that name the dreamer's own relatives (the possessor decides whose they are).
KIN_SYMBOLS = frozenset(
    {"mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "parents",
     "grandmother", "grandfather", "baby", "child", "family"}
)  # fmt: skip
_OTHERS_RU = frozenset({"его", "ее", "её", "их", "твой", "твоя", "твою", "твоей", "ваш", "чей-то"})
_OTHERS_EN = frozenset({"his", "her", "their", "your", "whose"})
_MODIFIERS = frozenset({"ADJF", "PRTF"})
#: Parts of speech that never name an image.
_FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL", "NPRO"})
#: What a noun stem (``вод~``) may stand for: never a verb form.
_NOMINAL = frozenset({"NOUN", "ADJF", "ADJS"})


def _analyser() -> Analyse | None:
    try:
        from core.analysis.hvdc.ru.nlp import analyse
    except ImportError:  # the nlp-ru extra is not installed: surface forms only
        return None
    return analyse


def _known_word() -> Callable[[str], bool]:
    from core.analysis.hvdc.ru.nlp import morph_analyzer

    known: Callable[[str], bool] = morph_analyzer().word_is_known
    return known


def _indexable(form: str, pos: str, known: bool) -> bool:
    """Whether a surface form made from a dictionary form may lend its lemma to the index.

    A stem with the closed list of endings also makes strings that are no word at all
    («бывшя»), which the analyser guesses a lemma for, and real words of another part of
    speech («бывши», a gerund of «быть»): indexing their lemmas made every «было» a former
    partner. Only words the dictionary knows, and for a noun stem only nominal readings, count.
    """
    if not known or pos in _FUNCTION_WORDS:
        return False
    return pos in _NOMINAL if form.endswith("~") and not form.endswith("~v") else True


@lru_cache(maxsize=1)
def lemma_index() -> dict[str, str]:
    """Russian lemma → symbol key, from the lemmas of every Russian dictionary form."""
    analyse = _analyser()
    index: dict[str, str] = {}
    if analyse is None:
        return index
    known = _known_word()
    for entry in load_dictionary():
        for form in entry.texts["ru"].forms:
            for tokens in expand_form(form, "ru"):
                if len(tokens) == 1:
                    lemma, pos = analyse(tokens[0], False)[:2]
                    if _indexable(form.strip(), pos, known(tokens[0])):
                        index.setdefault(lemma, entry.key)
    return index


def is_cyrillic(word: str) -> bool:
    return any("а" <= ch <= "я" or ch == "ё" for ch in word)


def lemma_key(word: str) -> str | None:
    """The symbol a Russian word's lemma names, if any."""
    analyse = _analyser()
    if analyse is None:
        return None
    return lemma_index().get(analyse(word, False)[0])


def modifies_next(tokens: list[Token], i: int) -> bool:
    """«незнакомом» in «незнакомом городе»: a Russian adjective standing before its noun."""
    analyse = _analyser()
    if analyse is None or i + 1 >= len(tokens) or not is_cyrillic(tokens[i][2]):
        return False
    if analyse(tokens[i][2], False)[1] not in _MODIFIERS:
        return False
    head = analyse(tokens[i + 1][2], False)
    # «незнакомый мужчина» is still a stranger: only a thing or a place takes the word over
    return head[1] in ("NOUN", "ADJF") and not head[9]


def someone_elses(tokens: list[Token], i: int, key: str) -> bool:
    """Whether the family word at ``i`` is a relative of someone other than the dreamer
    («жена брата», «его мать», «his wife», «my friend's mother»)."""
    if key not in KIN_SYMBOLS:
        return False
    word = tokens[i][2]
    before = [t[2] for t in tokens[max(0, i - 2) : i]]
    if is_cyrillic(word):
        if any(b in _OTHERS_RU for b in before):
            return True
        analyse = _analyser()
        if analyse is None or i + 1 >= len(tokens):
            return False
        j = i + 1
        while j < len(tokens) and analyse(tokens[j][2], False)[1] in _MODIFIERS:
            j += 1  # «жена моего брата»
        if j >= len(tokens):
            return False
        reading = analyse(tokens[j][2], False)
        return reading[1] == "NOUN" and reading[4] == "gent" and reading[9]
    if before and before[-1] in _OTHERS_EN:
        return True
    # «my friend's wife»: tokens …, "friend", "s", "wife"
    return len(before) == 2 and before[1] == "s" and before[0] not in ("it", "let", "that")
