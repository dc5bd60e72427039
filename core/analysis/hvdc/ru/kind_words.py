"""Friendly words told with a plain verb of speech (HVdC friendliness 2): speech in a kind
manner or with praise, the mirror of :mod:`.verbal`.

HVdC codes level 2 for "verbal or expressive friendliness" — praise, compliments, kind words —
whatever verb tells it: «ласково сказала мне», «сказала, что я лучший сотрудник», «говорит
обо мне что-то приятное». A speech verb with a kind manner next to it, or with words of praise
said about the one addressed (a dreamer's form or «ты/вы» before them), is coded from the
speaker to the one addressed or talked about.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .negation import negated
from .nlp import RuDoc
from .participants import subject_of
from .verbal import addressee, hostile_speech, said, said_in_manner

_KIND_MANNER = frozenset(
    {"ласково", "нежно", "тепло", "приветливо", "дружелюбно", "дружески", "мягко", "радушно",
     "любезно", "одобрительно", "ободряюще", "восхищенно", "ласковый", "нежный", "теплый",
     "приветливый", "дружелюбный", "мягкий", "радушный", "любезный", "одобрительный",
     "ободряющий", "восхищенный"}
)  # fmt: skip
_KIND_NOUNS = frozenset({"улыбка", "любовь", "нежность", "теплота", "благодарность", "восхищение"})
#: Praise said of someone: «что я лучший», «какая ты красивая», «что-то приятное».
_PRAISE = frozenset(
    {"молодец", "умница", "лучший", "красивый", "красавица", "прекрасный", "замечательный",
     "талантливый", "гордиться", "спасибо", "приятный", "хороший", "чудесный", "умный",
     "любить", "скучать", "отличный", "великолепный", "герой", "комплимент"}
)  # fmt: skip
_PERSON_FORMS = frozenset({"я", "мы", "ты", "вы", "меня", "мне", "обо", "тебя", "тебе"})
_CONTENT = 7  # words after the verb where what was said is read


def _kind_manner(doc: RuDoc, verb: int) -> bool:
    return said_in_manner(doc, verb, _KIND_MANNER, _KIND_NOUNS)


def _praise(doc: RuDoc, verb: int) -> bool:
    """Praise said of a person: a word of praise after a dreamer's form or «ты/вы»."""
    last = doc.sentences[doc.sentence_of[verb]].last
    person = False
    for k in range(verb + 1, min(last, verb + _CONTENT + 1)):
        w = doc.words[k]
        if w.lower in _PERSON_FORMS or w.lemma in ("ты", "вы"):
            person = True
        elif person and w.lemma in _PRAISE and not negated(doc, k):
            return True
    return False


def code_kind_words(doc: RuDoc, cast: Cast) -> list[Code]:
    """``S 2> R`` for each kind speech act of S aimed at R (see the module docstring)."""
    hostile = set(hostile_speech(doc))
    codes: list[Code] = []
    for i in range(len(doc.words)):
        if i in hostile or not said(doc, i) or not (_kind_manner(doc, i) or _praise(doc, i)):
            continue
        speaker = subject_of(doc, cast, i) or ("D" if doc.words[i].person == "1per" else None)
        target = None if speaker is None else addressee(doc, cast, i, speaker)
        if speaker is None or target is None or target == speaker:
            continue
        w = doc.words[i]
        codes.append(Code("friendliness", f"{speaker} 2> {target}", (w.start, w.end), w.text))
    return codes
