"""Covert friendliness (F1): the dreamer's gladness aimed at a character.

HVdC codes a friendly feeling the dreamer does not express as friendliness 1 — ``I was very
pleased to see him``, ``I was happy for her``, ``I felt happy that he returned``.  As with
covert hostility (:mod:`.hostility`), the feeling needs a target: a character after ``to
see``/``with``/``for``/``about``/``that`` within a few words of the happy word.  ``I was happy``
with no one it is aimed at is an emotion only.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..participants import object_token
from ..text import Document, word_set
from ..types import Code

_AIMED_AT = word_set("see with for about of that because toward towards seeing meet")
#: Words of gladness that take a target; ``fun``, ``a good time`` are the occasion's.
_GLAD = word_set("happy glad pleased delighted thrilled relieved overjoyed grateful thankful proud")


def covert_warmth(doc: Document, cast: Cast, emotions: list[Code]) -> list[Code]:
    """``D 1> X`` for each gladness of the dreamer aimed at X (see the module docstring)."""
    glad = [e for e in emotions if e.code.startswith("HA, D") and e.span is not None]
    starts = {t.start: t.index for t in doc.tokens} if glad else {}
    codes: list[Code] = []
    for emo in glad:
        i = starts.get(emo.span[0]) if emo.span else None
        target = None if i is None else _target(doc, cast, i)
        if target is not None:
            codes.append(
                Code("friendliness", f"D 1> {cast.code_of(target)}", emo.span, emo.evidence)
            )
    return codes


def _target(doc: Document, cast: Cast, i: int) -> int | None:
    if doc.tokens[i].low not in _GLAD:
        return None
    tok = object_token(doc, cast, i, reach=4)
    if tok is None or cast.refs[tok] == DREAMER:
        return None
    if not any(doc.tokens[j].low in _AIMED_AT for j in range(i + 1, min(tok, i + 3))):
        return None
    return cast.refs[tok]
