"""Accepted offers: taking up an invitation, gift or help is its reciprocation.

HVdC codes the answer to a friendly act by the one it was aimed at as reciprocated
friendliness at the same level (``he asked me out ... I said okay`` → ``D 5R 1MKA``, ``she
asked him to a dance and he finally accepted`` → ``1MKA 5R 1FKA``).  Here an acceptance
(``accept``, ``agree``, ``consent``, or ``say`` + yes/okay) whose subject is the receiver of
an offer (levels 3–5: a gift, help or an invitation) told in the same sentence or a few
sentences before answers that offer.  A refusal or an accepted thing with no offer before it
(``all accepted the inevitability of death``) is none.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..text import Document
from ..types import Code
from .acts import negated
from .order import subject_token

_YES = frozenset(["yes", "okay", "ok", "sure"])
_OFFERS = frozenset("345")
_BACK = 5  # sentences an offer may lie before its acceptance (asides in between)


def acceptances(
    doc: Document, cast: Cast, friendly: list[Code], accepting: list[int], saying: list[int]
) -> list[Code]:
    """``R nR S`` for each acceptance by R of an offer ``S n> R`` (see the module docstring);
    ``friendly`` are the friendliness codes found so far, ``accepting``/``saying`` the tokens
    of :data:`.cues.ACCEPTING` and :data:`.cues.REPORTING`."""
    if not friendly:
        return []
    sentence_at = {tok.start: tok.sentence for tok in doc.tokens}
    cues = accepting + [i for i in saying if _says_yes(doc, i)]
    codes: list[Code] = []
    for i in sorted(cues):
        if negated(doc, i):
            continue
        subj = subject_token(doc, cast, i)
        if subj is None:
            continue
        who = cast.code_of(cast.refs[subj])
        offer = _offer_to(doc, friendly, sentence_at, i, who)
        if offer is None:
            continue
        init, level = offer
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("friendliness", f"{who} {level}R {init}", (start, end), text))
    return codes


def _says_yes(doc: Document, i: int) -> bool:
    """``she said yes``, ``I said, okay``: a spoken acceptance."""
    n = len(doc.tokens)
    j = i + 1
    while j < n and not doc.tokens[j].is_word and doc.tokens[j].low in {",", '"', ":"}:
        j += 1
    return j < n and doc.tokens[j].low in _YES


def _offer_to(
    doc: Document, friendly: list[Code], sentence_at: dict[int, int], i: int, who: str
) -> tuple[str, str] | None:
    """(initiator, level) of the latest offer to ``who`` before token i, close enough."""
    here, start = doc.tokens[i].sentence, doc.tokens[i].start
    for code in reversed(friendly):
        if code.span is None or code.span[0] >= start:
            continue
        if sentence_at.get(code.span[0], -1) < here - _BACK:
            return None
        init, sep, rest = code.code.partition("> ")
        head, _, level = init.rpartition(" ")
        if sep and rest == who and level in _OFFERS and head != who:
            return head, level
    return None
