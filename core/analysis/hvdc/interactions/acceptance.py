"""Accepted offers: taking up an invitation, gift or help is its reciprocation.

HVdC codes the answer to a friendly act by the one it was aimed at as reciprocated
friendliness at the same level (``he asked me out ... I said okay`` → ``D 5R 1MKA``, ``she
asked him to a dance and he finally accepted`` → ``1MKA 5R 1FKA``).  Here an acceptance
(``accept``, ``agree``, ``consent``, or ``say`` + yes/okay) whose subject is the receiver of
an offer (levels 3–5: a gift, help or an invitation) told in the same sentence or a few
sentences before answers that offer.  A refusal or an accepted thing with no offer before it
(``all accepted the inevitability of death``) is none.

The other way round, a ``yes`` to the dreamer's request is a kindness granted: ``I asked my
girlfriend if she would lend me her headscarf. She said yes`` → ``1FKA 3> D`` (the coders code
these as a loan, level 3).  Only a request the dreamer made in the same or the previous sentence counts
(:func:`request_before`): a ``yes`` to a question is no kindness.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..text import Document
from ..types import Code
from .acts import negated
from .asides import subject_past_aside
from .order import subject_token

_YES = frozenset(["yes", "okay", "ok", "sure"])
_OFFERS = frozenset("345")
_REQUESTING = frozenset(["ask", "beg", "plead", "tell", "urge", "offer", "invite"])
_MODALS = frozenset(["could", "would", "can", "may", "might", "will"])
_DETERMINERS = frozenset(["the", "a", "an", "my", "his", "her", "their", "our", "your"])
_GRANTED = 3  # a request granted: a loan, a permission
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
        subj = subject_past_aside(doc, cast, i)
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


def granted_requests(doc: Document, cast: Cast, saying: list[int]) -> list[Code]:
    """``S 3> D`` for each ``S said yes`` to a request of the dreamer's (see the module
    docstring); ``saying`` are the tokens of :data:`.cues.REPORTING`."""
    codes: list[Code] = []
    for i in saying:
        if not _says_yes(doc, i) or negated(doc, i):
            continue
        subj = subject_past_aside(doc, cast, i)
        if (
            subj is None
            or cast.refs[subj] == DREAMER
            or not request_before(doc, cast, i, by_dreamer=True)
        ):
            continue
        (start, end), text = doc.span_text(i, i)
        label = f"{cast.code_of(cast.refs[subj])} {_GRANTED}> D"
        codes.append(Code("friendliness", label, (start, end), text))
    return codes


def request_before(doc: Document, cast: Cast, i: int, by_dreamer: bool) -> bool:
    """A request made (by the dreamer or by someone else) in this sentence or the one before
    token i: ``asked her to give me``, ``asked if I could wear``, ``told me to come``,
    ``wanted a ride`` is no request but ``asked for a ride`` is.  ``asked if she had any food``
    is a question, not a request: a yes or no to it grants or refuses nothing."""
    here = doc.tokens[i].sentence
    for j in range(i - 1, -1, -1):
        if doc.tokens[j].sentence < here - 1:
            return False
        verbs = lemma_candidates(doc.tokens[j].low)
        if _REQUESTING.isdisjoint(verbs) or negated(doc, j) or not _asks_for(doc, j):
            continue
        subj = subject_token(doc, cast, j)
        if subj is not None and (cast.refs[subj] == DREAMER) == by_dreamer:
            return True
    return False


def _asks_for(doc: Document, j: int) -> bool:
    """The request verb at j asks for a deed or a thing: ``to`` + a verb, ``for``, or
    ``if``/``whether`` + a modal (``asked if I could``)."""
    last = doc.sentences[doc.tokens[j].sentence].last
    words = [doc.tokens[k].low for k in range(j + 1, min(last, j + 7))]
    if "for" in words[:3] or any(
        w == "to" and k + 1 < len(words) and words[k + 1] not in _DETERMINERS
        for k, w in enumerate(words)
    ):
        return True
    for k, w in enumerate(words):
        if w in {"if", "whether"}:
            return not _MODALS.isdisjoint(words[k + 1 : k + 4])
    return False
