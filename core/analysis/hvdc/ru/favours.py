"""Favours: a deed done *for* someone is help (friendliness 4), a thing made or bought for
them a gift (3), as the English coder reads them (``core/analysis/hvdc/interactions/favours.py``).

HVdC codes help and service as friendliness 4 whether or not a verb of helping names it:
«мама приготовила для меня ужин», «он налил мне чаю», «папа починил мне велосипед». A
favour verb whose subject is a character, with «для» + another character in its clause (or,
for verbs that serve someone a thing, that character in the dative right after it), is coded
from the subject to that character. «сделать» is no favour verb: «сделал мне больно».
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .negation import negated
from .nlp import RuDoc
from .participants import clause_of, subject_of
from .roles import actor

_FAVOURS = frozenset(
    {"приготовить", "готовить", "сварить", "варить", "испечь", "печь", "налить", "наливать",
     "сшить", "шить", "починить", "чинить", "постелить", "стелить", "заказать", "заказывать",
     "найти", "находить", "достать", "доставать", "заварить", "пожарить", "нарисовать",
     "рисовать", "спеть", "петь", "сыграть", "построить", "строить", "собрать", "собирать",
     "принести", "приносить", "купить", "покупать", "оставить", "сохранить", "занять",
     "держать", "подогреть", "отремонтировать", "почистить", "помыть", "убрать", "нарвать",
     "сорвать", "выбрать", "подобрать", "забронировать", "организовать", "устроить"}
)  # fmt: skip
#: Favours that hand over a thing: a gift (friendliness 3) rather than a service (4).
_GIFTS = frozenset(
    {"испечь", "печь", "сшить", "шить", "купить", "покупать", "принести", "приносить",
     "нарисовать", "нарвать", "сорвать"}
)  # fmt: skip
#: Verbs that serve someone a thing: their dative is the one served («налил мне чаю»).
_SERVE = frozenset(
    {"приготовить", "готовить", "сварить", "испечь", "налить", "наливать", "сшить", "починить",
     "постелить", "заказать", "заварить", "пожарить", "подогреть", "нарвать", "забронировать"}
)  # fmt: skip


def _receiver(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """«для» + a person in the verb's clause, or the dative right after a serving verb."""
    clause = clause_of(doc, verb)
    for k in clause:
        if doc.words[k].lower == "для" and k + 1 < clause.stop:
            who = actor(doc, cast, k + 1)
            if who is None and k + 2 < clause.stop and doc.words[k + 1].pos in ("ADJF", "NPRO"):
                who = actor(doc, cast, k + 2)  # «для моей мамы»
            if who is not None:
                return who
    if doc.words[verb].lemma in _SERVE:
        for k in range(verb + 1, min(clause.stop, verb + 3)):
            if doc.words[k].case == "datv":
                return actor(doc, cast, k)
    return None


def code_favours(doc: RuDoc, cast: Cast) -> list[Code]:
    """``S 4> R`` (``3>`` for a gift) for each favour of S done for R."""
    codes: list[Code] = []
    for i, w in enumerate(doc.words):
        if w.lemma not in _FAVOURS or w.pos not in ("VERB", "INFN") or negated(doc, i):
            continue
        receiver = _receiver(doc, cast, i)
        doer = None if receiver is None else subject_of(doc, cast, i)
        if doer is None or receiver is None or doer == receiver:
            continue
        level = 3 if w.lemma in _GIFTS else 4
        codes.append(Code("friendliness", f"{doer} {level}> {receiver}", (w.start, w.end), w.text))
    return codes
