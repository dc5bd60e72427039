"""A Russian character's identity letter (HVdC K, S, U, R, …) from the words around the noun.

HVdC separates strangers (S: the dreamer does not know the person) from uncertain identity
(U: the dreamer cannot say who it is — «не помню, кто это был»), and codes
anyone the dreamer knows as K («мой сосед», «девушка из нашего общежития»). Russian shows this
with pronouns before the noun and with the clause after it, which is what is read here.
"""

from __future__ import annotations

from itertools import pairwise

from .lexicon import lexicon
from .nlp import RuDoc, Word

_OWN = frozenset({"мой", "наш", "свой"})
_OTHERS = frozenset({"его", "ее", "их", "твой", "ваш", "чей-то"})
_STRANGE = frozenset({"незнакомый", "чужой", "неизвестный", "какой-то", "некий", "странный"})
#: "Some", "other": the dreamer does not say who, which is HVdC's uncertain identity for a
#: group («какие-то мальчишки», «другие люди», English "some boys", "other people"); one
#: «какой-то мужчина» reads as a stranger.
_SOME = frozenset({"какой-то", "какой-нибудь", "некоторый", "другой"})
_KNOWN = frozenset({"знакомый", "старый", "лучший", "близкий", "бывший", "любимый"})
#: HVdC's ethnic identity: a person named by nation, race or religion (the dreamer's own
#: nation, «русский» for a Russian dreamer, names nobody apart, so it is left out).
_ETHNIC = frozenset(
    {"темнокожий", "чернокожий", "негритянский", "китайский", "японский", "немецкий",
     "французский", "английский", "американский", "итальянский", "индейский", "мексиканский",
     "еврейский", "цыганский", "азиатский", "африканский", "иностранный", "испанский",
     "польский", "ирландский", "шотландский", "греческий", "турецкий", "арабский", "индийский",
     "корейский", "вьетнамский", "кубинский", "канадский", "шведский", "голландский",
     "венгерский", "грузинский", "армянский", "татарский", "кавказский"}
)  # fmt: skip
#: After the noun: the dreamer cannot tell who it was (uncertain, U).
_UNCERTAIN_CUES = (
    "не знаю, кто", "не знала, кто", "не знал, кто", "не помню, кто", "не могу вспомнить",
    "не могла вспомнить", "не мог вспомнить", "не уверена", "не уверен", "показался знаком",
    "показалась знаком", "казался знаком", "казалась знаком", "как будто знаю",
    "как будто знала", "кажется, знаю", "кажется, знала", "не разглядеть", "не могла понять, кто",
    "не узнала", "не узнал", "не могу сказать, кто", "не могла толком", "не мог толком",
    "не могла узнать", "не мог узнать",
)  # fmt: skip
#: After the noun: the dreamer says she does not know the person (stranger, S).
_STRANGER_CUES = (
    "которого я не знаю", "которую я не знаю", "которых я не знаю", "которого я не знала",
    "которую я не знала", "которых я не знала", "которого я не знал", "которую я не знал",
    "которых я не знал", "никогда не видела", "никогда не видел", "незнакомый мне",
    "незнакомая мне", "незнакомые мне", "которого не знаю", "которую не знаю",
)  # fmt: skip
#: After the noun: someone from the dreamer's own circle («из нашего общежития», «с моего курса»).
_MINE_AFTER = frozenset(
    {("из", "наш"), ("из", "мой"), ("с", "наш"), ("с", "мой"), ("по", "мой"), ("по", "наш")}
)


def _before(doc: RuDoc, i: int, n: int = 2) -> list[Word]:
    sentence = doc.sentences[doc.sentence_of[i]]
    return doc.words[max(sentence.first, i - n) : i]


def _after_text(doc: RuDoc, i: int, n: int = 10) -> str:
    """The words after the noun in its sentence, lower-cased, commas kept («, не помню, кто»)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    words = [w.lower for w in doc.words[i + 1 : min(sentence.last, i + 1 + n)]]
    return " " + " ".join(words).replace(" ,", ",") + " "


def possessor(doc: RuDoc, i: int) -> str:
    """ "own" (the dreamer's), "kin" (another family member's), "other", or "" (unsaid)."""
    for w in _before(doc, i):
        if w.lemma in _OWN:
            return "own"
        if w.lower in _OTHERS:
            return "other"
    for j in range(i + 1, min(len(doc.words), i + 4)):
        w = doc.words[j]
        if w.pos in ("ADJF", "PRTF") or w.lemma in _OWN:  # «мама моего парня»
            continue
        if w.case == "gent" and w.animate:
            entry = lexicon("characters").get(w.lemma)
            if entry is not None and entry.code.endswith("*"):
                return "kin"
            if entry is not None or w.name:
                return "other"
        break
    return ""


def _mine_after(doc: RuDoc, i: int) -> bool:
    """«девушка из нашего общежития», «парень с моего курса»: one of the dreamer's own."""
    sentence = doc.sentences[doc.sentence_of[i]]
    words = doc.words[i + 1 : min(sentence.last, i + 4)]
    if len(words) > 1 and words[0].text == "," and words[1].lemma == "который":
        # «мужчина, который живёт дальше по нашей улице»: the clause says whose he is
        words = doc.words[i + 1 : min(sentence.last, i + 9)]
    pairs = {(a.lower, b.lemma) for a, b in pairwise(words)}
    return bool(pairs & _MINE_AFTER)


def _fellow(doc: RuDoc, i: int) -> bool:
    return (
        i + 2 < len(doc.words) and doc.words[i + 1].lower == "по" and doc.words[i + 2].pos == "NOUN"
    )


def identity_of(doc: RuDoc, i: int, identity: str, family: bool) -> str:
    """The identity letter after possession (whose mother), familiarity words before the noun
    and what the clause after it says («, не помню, кто это был» → U)."""
    if family and _fellow(doc, i):
        return "K"  # «сестра по сестринству», «брат по оружию»: a fellow member, not kin
    if family:
        return {"kin": "R", "other": "K"}.get(possessor(doc, i), identity)
    before = {w.lemma for w in _before(doc, i)}
    if identity not in ("S", "K", "U", "O"):
        return identity
    if before & _ETHNIC:
        return "E"  # «темнокожий мужчина», «китайские солдаты»: named by nation or race
    after = _after_text(doc, i)
    if identity in ("S", "K") and _uncertain(doc, i, before, after):
        return "U"
    if identity == "S" and _the_children(doc, i, before):
        return "U"
    if before & _STRANGE or any(cue in after for cue in _STRANGER_CUES):
        return "S" if identity != "O" else "O"
    if identity in ("S", "K") and any(cue in after for cue in _UNCERTAIN_CUES):
        return "U"
    if identity in ("S", "U", "O") and (before & _OWN or _mine_after(doc, i)):
        return "K"  # «наша учительница», «мой сосед», «девушка из нашего общежития»
    if identity in ("S", "U") and before & _KNOWN:
        return "K"
    return identity


def _uncertain(doc: RuDoc, i: int, before: set[str], after: str) -> bool:
    """HVdC's uncertain identity for a group the dreamer calls only "some" or "other"
    («какие-то мальчишки», «другие люди», English "some boys", "other people"), unless she calls them strangers outright
    («незнакомые», «которых я не знаю»). A single «какой-то мужчина» stays a stranger: the
    gold codes it S as often as U, and «не знаю, кто это был» after it as S too."""
    if before & (_STRANGE - _SOME) or any(cue in after for cue in _STRANGER_CUES):
        return False
    if before & _OWN or _mine_after(doc, i):
        return False  # «другие девочки из нашего сестринства»: the dreamer's own
    return bool(before & _SOME) and doc.words[i].number == "plur"


#: Words before «дети» that count them or say whose they are: then not "the children".
_COUNTS = frozenset({"сотня", "тысяча", "много", "несколько", "множество", "толпа", "куча"})


def _the_children(doc: RuDoc, i: int, before: set[str]) -> bool:
    """«сидела с детьми», «развлекает всех детей»: children the dreamer tends or sees but
    cannot name are of uncertain identity, as the English coder's "the children"; counted
    («сотни детей») or someone's («её дети») they are not."""
    w = doc.words[i]
    if w.lemma != "ребенок" or w.number != "plur" or before & (_COUNTS | _OWN):
        return False
    return possessor(doc, i) == "" and not any(b.pos == "NUMR" for b in _before(doc, i))
