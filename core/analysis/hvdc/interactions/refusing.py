"""A spoken refusal: saying no to someone is rejection (aggression 3).

HVdC codes refusing a request, an offer or an invitation as rejection (A3): ``she said no I
couldn't have it`` → ``1FRA 3> D``,
``I said no, as I had not been asked to the wedding`` → ``D 3> 1FKA``.  A character's ``no``
is said to the dreamer when she is in the scene (named in this sentence or the one before);
the dreamer's ``no`` is said to the last other character named before it.  A ``no`` that
starts a phrase (``said no one knew``, ``said no more``) is no refusal, nor is a ``no`` that
answers a question rather than a request, invitation or order (:func:`.acceptance.request_before`:
``I asked if he was dead. She said no`` is an answer).

A laugh in answer to the dreamer's request refuses it the same way: ``when I asked her to help
me, she laughed`` → ``1FTA 3> D`` (a laugh *at* someone is the lexicon's ``laugh at``, A2).
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..text import Document
from ..types import Code
from .acceptance import request_before
from .acts import negated
from .order import dreamer_near, subject_token

_SAYING = frozenset(["say", "reply", "answer"])
#: What may follow a refusing ``no``: the end of the phrase or a new clause.
_AFTER_NO = frozenset(
    ["i", "you", "he", "she", "we", "they", "it", "but", "and", "as", "because", "thank", "thanks"]
)
_REACH = 60  # tokens back to the one refused by the dreamer


def spoken_refusals(doc: Document, cast: Cast, saying: list[int]) -> list[Code]:
    """``S 3> R`` for each ``S said no`` to R (see the module docstring); ``saying`` are the
    tokens of :data:`.cues.REPORTING`."""
    codes: list[Code] = []
    for i in saying:
        if not _says_no(doc, i) or negated(doc, i):
            continue
        if _SAYING.isdisjoint(lemma_candidates(doc.tokens[i].low)):
            continue
        subj = subject_token(doc, cast, i)
        if subj is None:
            continue
        refuser = cast.refs[subj]
        refused = _last_other(doc, cast, i) if refuser == DREAMER else None
        if refuser != DREAMER and dreamer_near(doc, cast, i):
            refused = DREAMER
        if refused is None or refused == refuser:
            continue
        if not request_before(doc, cast, i, by_dreamer=refused == DREAMER):
            continue  # "I asked if it was County. She said no": an answer, no refusal
        (start, end), text = doc.span_text(i, i + 1)
        label = f"{cast.code_of(refuser)} 3> {cast.code_of(refused)}"
        codes.append(Code("aggression", label, (start, end), text))
    return codes


def _says_no(doc: Document, i: int) -> bool:
    """``said no``, ``said, "No``, followed by the end of the phrase or a new clause."""
    n = len(doc.tokens)
    j = i + 1
    while j < n and not doc.tokens[j].is_word and doc.tokens[j].low in {",", '"', ":"}:
        j += 1
    if j >= n or doc.tokens[j].low != "no":
        return False
    return j + 1 >= n or not doc.tokens[j + 1].is_word or doc.tokens[j + 1].low in _AFTER_NO


def _last_other(doc: Document, cast: Cast, i: int) -> int | None:
    """The last character other than the dreamer named before token i, near enough."""
    for j in range(i - 1, max(-1, i - _REACH), -1):
        ref = cast.refs.get(j)
        if ref is not None and ref != DREAMER and j not in cast.we_tokens:
            return ref
    return None


def laughed_off(doc: Document, cast: Cast, laughing: list[int]) -> list[Code]:
    """``S 3> D`` for each bare laugh of S's that answers a request of the dreamer's;
    ``laughing`` are the tokens of :data:`.cues.LAUGHING`."""
    codes: list[Code] = []
    for i in laughing:
        nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
        if (nxt is not None and nxt.is_word and nxt.low not in _AFTER_NO) or negated(doc, i):
            continue  # "laughed at me", "laughing about it": not a bare answer
        subj = subject_token(doc, cast, i)
        if subj is None or cast.refs[subj] == DREAMER:
            continue
        if not request_before(doc, cast, i, by_dreamer=True):
            continue
        (start, end), text = doc.span_text(i, i)
        codes.append(
            Code("aggression", f"{cast.code_of(cast.refs[subj])} 3> D", (start, end), text)
        )
    return codes
