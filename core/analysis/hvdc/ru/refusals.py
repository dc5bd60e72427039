"""A request refused: HVdC's rejection (A3) from the one who refuses to the one who asked.

The English coder reads a bare "she wouldn't" / "he didn't" after a request as a refusal
(``core/analysis/hvdc/interactions``); Russian says it with «отказаться», «не захотеть», «не
стать» after «попросить/просить»: «я попросила её помочь, но она отказалась», «…, а он не
стал» — or answers the request by brushing it off: «когда я попросила её помочь, она
рассмеялась», «…, он отвернулся». Only a refusal in the request's sentence or the next one, by the person asked, counts.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .nlp import RuDoc
from .participants import subject_of
from .roles import actor

_ASK = frozenset(
    {"попросить", "просить", "умолять", "упросить", "упрашивать", "уговаривать", "молить",
     "звать", "позвать", "кричать", "крикнуть", "закричать"}
)  # fmt: skip
#: A request answered by the asked one's plain «не» + verb after «но/а» («позвала мужа, но он
#: не пришёл»): the request not granted, the English coder's bare "he didn't".
_BUT = frozenset({"но", "а", "однако"})
#: «но он не смог», «но она не знала»: unable, not unwilling.
_UNABLE = frozenset(
    {"мочь", "смочь", "суметь", "успеть", "знать", "уметь", "найти", "слышать", "услышать",
     "видеть", "увидеть", "понять", "понимать", "удаться", "получиться"}
)  # fmt: skip
_REFUSE = frozenset({"отказаться", "отказываться", "отказать", "отказывать"})
#: Requests proper: what someone else asks of the dreamer (a call or a shout is not one).
_REQUESTS = frozenset({"попросить", "просить", "умолять", "упросить", "упрашивать", "молить"})
_WONT = frozenset({"захотеть", "стать", "согласиться", "соглашаться"})
#: Answers that refuse without «не»: laughing the request off, turning or walking away.
_BRUSH_OFF = frozenset(
    {"рассмеяться", "засмеяться", "посмеяться", "расхохотаться", "отвернуться", "отмахнуться",
     "промолчать", "проигнорировать", "уйти", "убежать"}
)  # fmt: skip


def _asked(doc: RuDoc, cast: Cast, i: int) -> tuple[str, str] | None:
    """(who asks, who is asked) at ``i``: the dreamer asking someone («попросила её»,
    «позвала мужа», «кричала ей, чтобы она вернулась»), or someone asking the dreamer
    («старик попросил у меня денег»)."""
    asker = subject_of(doc, cast, i)
    if asker is None or (asker != "D" and doc.words[i].lemma not in _REQUESTS):
        return None
    for k in range(i + 1, min(len(doc.words), i + 4)):
        who = actor(doc, cast, k)
        if who is not None and doc.words[k].case != "nomn" and (who == "D") != (asker == "D"):
            return asker, who
    return None


def _refusal_at(doc: RuDoc, k: int) -> bool:
    w = doc.words[k]
    if (w.lemma in _REFUSE or w.lemma in _BRUSH_OFF) and w.pos == "VERB":
        return not (k > 0 and doc.words[k - 1].lower == "не")
    if w.pos == "VERB" and w.lemma not in _UNABLE and k > 0 and doc.words[k - 1].lower == "не":
        clause = doc.words[max(0, k - 4) : k]
        if any(b.lower in _BUT for b in clause):
            return True
    return w.lemma in _WONT and w.pos == "VERB" and k > 0 and doc.words[k - 1].lower == "не"


def code_refused_requests(doc: RuDoc, cast: Cast) -> list[Code]:
    """«я попросила её помочь, но она отказалась» → 1FTA 3> D, «он попросил у меня денег,
    но я ему отказала» → D 3> 1MSA, once per request."""
    codes: list[Code] = []
    for i, w in enumerate(doc.words):
        if w.lemma not in _ASK or w.pos != "VERB":
            continue
        pair = _asked(doc, cast, i)
        if pair is None:
            continue
        asker, asked = pair
        sentence = doc.sentence_of[i]
        for k in range(i + 1, len(doc.words)):
            if doc.sentence_of[k] > sentence + 1:
                break
            if _refusal_at(doc, k):
                subject = [actor(doc, cast, j) for j in range(max(0, k - 3), k)]
                if asked in subject or not any(subject):
                    v = doc.words[k]
                    code = f"{asked} 3> {asker}"
                    codes.append(Code("aggression", code, (v.start, v.end), v.text))
                break
    return codes
