"""Whose move is it: the Russian verbs that take someone to a place, and whether the dreamer
is the one moving («я вышла на улицу») or someone else is («он уехал в другой город»).

Split from ``whereabouts`` (which finds the places) so each module has one job.
"""

from __future__ import annotations

from itertools import pairwise

from .nlp import RuDoc

WE = frozenset({"я", "мы"})
CLAUSE_END = frozenset({",", ".", ";", ":", "—", "!", "?", "(", ")", "и", "а", "но", "что"})
#: Verbs that take the dreamer somewhere: a place after one of them in its sentence is a move.
MOVES = frozenset(
    {"выйти", "выходить", "пойти", "идти", "зайти", "заходить", "войти", "входить", "вернуться",
     "возвращаться", "поехать", "ехать", "приехать", "побежать", "бежать", "прибежать",
     "оказаться", "спуститься", "спускаться", "подняться", "подниматься", "попасть", "уйти",
     "перейти", "добраться", "прийти", "приходить", "поплыть", "вбежать", "выбежать",
     "отправиться", "переехать", "въехать", "выехать", "залезть", "ворваться", "улететь",
     "прыгнуть", "нырнуть", "пробраться", "перебраться", "завернуть", "свернуть", "забежать",
     "заскочить", "влезть", "очутиться", "перенестись", "сесть", "спрятаться", "лезть", "ползти",
     "плыть", "лететь", "гулять", "брести", "мчаться", "ходить", "ездить", "кататься",
     "уехать", "убежать", "уходить"}
)  # fmt: skip

_THIRD = frozenset({"он", "она", "они"})

#: Verbs that take someone to a place: with «меня»/«нас» the dreamer is moved there.
CARRIES = frozenset(
    {"бросить", "посадить", "привести", "отвести", "отвезти", "привезти", "затащить",
     "втащить", "утащить", "унести", "отнести", "перенести", "запереть", "поместить",
     "забрать", "увести", "увезти", "отправить", "вытащить", "вывести", "выгнать"}
)  # fmt: skip

EXITS = frozenset({"выйти", "выходить", "выбежать", "выбегать", "уйти", "выскочить", "выбраться"})


def is_move(doc: RuDoc, k: int) -> bool:
    """A verb of moving at ``k``; «я еду», which pymorphy3 reads as «еда» (food), too."""
    w = doc.words[k]
    if w.lemma in MOVES:
        return True
    return w.lower == "еду" and k > 0 and doc.words[k - 1].lower == "я"


def someone_elses_move(doc: RuDoc, i: int, sex: str) -> bool:
    """«он уехал в другой город»: where someone else goes (a verb of the other sex, or a
    third person said) is not where the dreamer is."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i - 1, max(sentence.first, i - 5) - 1, -1):
        w = doc.words[k]
        if is_move(doc, k) and w.pos in ("VERB", "NOUN"):
            subject = doc.words[k - 1] if k > sentence.first else None
            said = subject is not None and subject.lemma in _THIRD and subject.case == "nomn"
            to_us = any(
                a.lower in ("к", "ко") and b.lower in ("мне", "нам")
                for a, b in pairwise(doc.words[k : min(sentence.last, i + 3)])
            )  # «бежал ко мне через поле»
            return (said or _other_sex(doc, k, sex)) and not to_us
        if w.lower in CLAUSE_END:
            return False
    return False


def move_verb(doc: RuDoc, i: int) -> str | None:
    """The lemma of the move verb that takes someone to the place at ``i``, if any."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i - 1, max(sentence.first, i - 8) - 1, -1):
        if is_move(doc, k):
            return doc.words[k].lemma if doc.words[k].pos != "NOUN" else "ехать"
    return None


def dreamer_moves(doc: RuDoc, verb: int, sex: str = "") -> bool:
    """Whether the move verb at ``verb`` is the dreamer's: the nearest person word before it
    in its clause is «я»/«мы» (or none is said); «она пошла», «ей надо было выйти» are not."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    infinitive = doc.words[verb].pos == "INFN"
    for j in range(verb - 1, max(sentence.first, verb - 6) - 1, -1):
        w = doc.words[j]
        if w.lower in CLAUSE_END and not infinitive:
            break
        if w.lemma in WE:
            return True
        if w.pos in ("NPRO", "NOUN") and w.case in ("nomn", "datv") and w.animate:
            return False
    # «чтобы пойти в библиотеку» with nobody said: a plan, not a move
    return not infinitive and doc.words[verb].person != "3per" and not _other_sex(doc, verb, sex)


def _other_sex(doc: RuDoc, verb: int, sex: str) -> bool:
    """«Мужчина обошёл дом и поднялся на крыльцо» in a woman's dream: a past verb whose
    gender is not the dreamer's tells someone else's move."""
    w = doc.words[verb]
    said = {"femn": "F", "masc": "M"}.get(w.gender, "") if w.number == "sing" else ""
    return bool(sex and said and said != sex)


def exit_is_dreamers(doc: RuDoc, i: int, sex: str) -> bool:
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i - 1, max(sentence.first, i - 5) - 1, -1):
        if doc.words[k].lemma in EXITS:
            return dreamer_moves(doc, k, sex)
    return False
