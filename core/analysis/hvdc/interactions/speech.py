"""Hostile speech: words that insult, blame or dismiss someone are verbal aggression (A2).

HVdC codes what is said as aggression when its content is hostile, whichever verb reports
it: ``Barb called her a liar``, ``he replied shortly no, her legs are too fat``, ``he said,
"Don't be silly"``, ``they said it was my fault``.  A speech verb whose subject is a
character, followed in its sentence by a word that names a person as bad or sends them away
(:data:`_HOSTILE`), is coded from the speaker to the one spoken to: the verb's object
(``told him``, ``called her``), else the dreamer when she is in the scene, else no one known
(``Q``).  What the dreamer says to herself or of herself is no interaction.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..participants import object_after
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .order import dreamer_near, subject_token

#: Words that call a person bad or send them off; things can be "terrible", people "liars".
_HOSTILE = word_set(
    "liar liars fool fools idiot idiots stupid dumb silly lazy selfish coward cowards ugly "
    "fat crazy disgrace shameful fault lying rude worthless useless"
)
_SENDING_OFF = {
    ("shut", "up"),
    ("get", "out"),
    ("go", "away"),
    ("leave", "me"),
    ("hate", "you"),
    ("how", "could"),  # "How could you marry someone else?": a reproach
    ("how", "dare"),
}
_BE = word_set("be been being is was were are")
_REACH = 20  # words of a report after its verb
_LEVEL = 2


def hostile_speech(doc: Document, cast: Cast, verbs: list[int]) -> list[Code]:
    """``S 2> R`` for each hostile thing S says to R (see the module docstring); ``verbs``
    are the tokens of reporting verbs (:data:`.cues.REPORTING`)."""
    codes: list[Code] = []
    for i in verbs:
        subj = subject_token(doc, cast, i)
        cue = None if subj is None or negated(doc, i) else _hostile_after(doc, i)
        if subj is None or cue is None or _of_oneself(doc, cast, i, cue, cast.refs[subj]):
            continue
        speaker = cast.refs[subj]
        hearer = _hearer(doc, cast, i, speaker)
        if hearer == speaker:
            continue
        (start, end), text = doc.span_text(i, i)
        who = "Q" if hearer is None else cast.code_of(hearer)
        label = f"{cast.code_of(speaker)} {_LEVEL}> {who}"
        codes.append(Code("aggression", label, (start, end), text))
    return codes


def _hostile_after(doc: Document, i: int) -> int | None:
    """The hostile word in what is said: the rest of the sentence, up to :data:`_REACH`
    words (``be shut up`` is confinement, not an insult)."""
    last = min(doc.sentences[doc.tokens[i].sentence].last, i + 1 + _REACH)
    for j in range(i + 1, last):
        word = doc.tokens[j].low
        if word in _HOSTILE:
            return j
        pair = (word, doc.tokens[j + 1].low if j + 1 < last else "")
        if pair in _SENDING_OFF and doc.tokens[j - 1].low not in _BE:
            return j
    return None


def _of_oneself(doc: Document, cast: Cast, i: int, cue: int, speaker: int) -> bool:
    """``I told my mother I must be going crazy``: the last character named before the hostile
    word is the speaker, who says it of herself."""
    for j in range(cue - 1, i, -1):
        if j in cast.refs:
            return cast.refs[j] == speaker
    return False


def _hearer(doc: Document, cast: Cast, i: int, speaker: int) -> int | None:
    """The one spoken to: the verb's object, else the dreamer in the scene; None when unknown.
    The dreamer speaking is coded only when she speaks to someone named."""
    told = object_after(doc, cast, i, reach=2)
    if told is not None:
        return told
    if speaker == DREAMER:
        return DREAMER  # to herself, or to no one named: no code
    return DREAMER if dreamer_near(doc, cast, i) else None
