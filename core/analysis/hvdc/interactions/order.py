"""The word-order reading of an act's participants, for sentences the parser did not see.

The subject must be the verb's own subject (``the ball hit me`` is no one's aggression), found
by walking back over auxiliaries and adverbs; an act on a possession (``stole my car``) is aimed
at its owner; ``we argued`` is mutual between the dreamer and a companion.  Without the ``nlp``
extra this is the whole reading; with it, the fallback where the parse leaves a side unsaid.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..participants import agent_after, companions, is_passive, object_after, subject_before
from ..text import Document, word_set
from .senses import SKIP, thing_acts, thing_object

_MUTUAL_STEMS = (
    "argu",
    "quarrel",
    "fight",
    "fought",
    "marri",
    "marry",
    "kiss",
    "hug",
    "embrac",
    "danc",
    "engag",
    "wedding",
)
#: Acts two people can only do together: an argument is mutual even when its partner is a guess.
SHARED = ("argu", "quarrel", "marr")
_PRONOUNS = word_set("he she they him her them he's she's they're he'd she'd they'd")
OBJECT_CASE = word_set("me him them us her mine myself himself herself themselves ourselves")
_POSSESSIVE = word_set("my his her their our its")
_OF_MINE = word_set("mine ours hers his theirs yours")
_NON_AGENT = word_set("it this something everything nothing what there")
#: Friendly acts that are one only with a character after them (``gave me``, ``bought a hat
#: for my niece``, ``liked her``); a thing bought or liked is no interaction.
_TO_SOMEONE = word_set("give buy bring send lend like love fond admire miss")
_NEEDS_OBJECT = word_set(
    "like love marry drive wedding engaged admire fond miss kiss neck pet sexual flirt intercourse"
    " dragged dragging aim"
)  # "dragged the box", "aimed the camera": no one is attacked


def subject_token(doc: Document, cast: Cast, i: int) -> int | None:
    """Token of the verb's own subject, or None when it is no character (``it``, ``the ball``)."""
    sent = doc.sentences[doc.tokens[i].sentence]
    joined = False  # a comma or "and" between: "he ran after me, teasing me"
    for j in range(i - 1, max(sent.first, i - 9) - 1, -1):
        w = doc.tokens[j].low
        if w in _OF_MINE and j > sent.first and doc.tokens[j - 1].low == "of":
            continue  # "a friend of mine helped": the friend, not "mine"
        if j in cast.refs and (w not in OBJECT_CASE or not joined):
            return j  # "told him to give", "saw him smile": "him" does it
        if j in cast.refs:
            continue  # "me" was the object of the act before; its subject comes earlier
        joined = joined or w in {",", "and"}
        if w in _NON_AGENT or w in _PRONOUNS:
            return None  # an unresolved "he" is still the subject: not someone further back
        if w in {"the", "a", "an"} and (j + 1) not in cast.refs and (j + 2) not in cast.refs:
            return None
    return None


def _possessor_object(doc: Document, cast: Cast, i: int) -> int | None:
    """``stole my car``: the owner of the thing acted on receives the act."""
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i + 1, min(sent.last, i + 4)):
        ref = cast.refs.get(j)
        if ref is not None and doc.tokens[j].low in {"my", "our", "his", "her", "their"}:
            return ref
    return None


def dreamer_near(doc: Document, cast: Cast, i: int) -> bool:
    sent = doc.tokens[i].sentence
    for j in range(i - 1, max(-1, i - 40), -1):
        if doc.tokens[j].sentence < sent - 1:
            break
        if cast.refs.get(j) == DREAMER and j not in cast.we_tokens:
            return True
    return False


def is_mutual(doc: Document, i: int) -> bool:
    words = {doc.tokens[j].low for j in range(i, min(len(doc.tokens), i + 4))}
    return doc.tokens[i].low.startswith(_MUTUAL_STEMS) or "other" in words


def shared_partner(doc: Document, cast: Cast, subj: int) -> int | None:
    """The other side of a shared act: the companion of "we", or X in "X and I", "my sister
    and her boyfriend argued", "my mother and father were married"."""
    if subj in cast.we_tokens:
        others = companions(doc, cast, subj)
        return others[0] if others else None
    j = subj - 1
    while j >= 0 and doc.tokens[j].low in _POSSESSIVE:
        j -= 1
    if j < 1 or doc.tokens[j].low != "and":
        return None
    other = cast.refs.get(j - 1)
    return other if other is not None and other != cast.refs[subj] else None


def participants(
    doc: Document, cast: Cast, i: int, lemma: str, level: int, category: str
) -> tuple[int, int, bool] | str | None:
    """(initiator, recipient, mutual) of the act at token i; None when the words leave the
    participants unclear, ``SKIP`` when they show it is no interaction (``bought a dress``)."""
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    if (is_passive(doc, i) or nxt == "by") and not lemma.startswith(("marr", "engag")):
        recipient = subject_before(doc, cast, i, reach=8)
        initiator = agent_after(doc, cast, i)
        return None if initiator is None or recipient is None else (initiator, recipient, False)
    if category == "aggression" and level >= 5 and thing_acts(doc, cast, i):
        return SKIP
    if lemma in _TO_SOMEONE and object_after(doc, cast, i + _phrase_reach(lemma), reach=5) is None:
        return SKIP  # "buy some theater tickets", "coats which I liked": no one receives it
    subj = subject_token(doc, cast, i)
    if subj is None:
        return None
    initiator = cast.refs[subj]
    end = i + _phrase_reach(lemma)  # the object follows the whole phrase ("get away from")
    if is_mutual(doc, i):
        partner = shared_partner(doc, cast, subj)
        if partner is not None and DREAMER in (initiator, partner):
            return initiator, partner, True
        if partner is not None:
            return partner, initiator, True  # "X and Y argued": in the report's order
        if cast.characters[initiator].plural if initiator != DREAMER else False:
            return initiator, initiator, True  # "two men were shooting at each other"
    if category == "friendliness":  # "bought a dress" is no gift; "held my hand" is for me
        thing = thing_object(doc, cast, end)
        if isinstance(thing, str):
            return SKIP
        if thing is not None and thing != initiator:
            return initiator, thing, False
    recipient = object_after(doc, cast, end, reach=4)
    if recipient is None and level == 5 and category == "aggression":
        recipient = _possessor_object(doc, cast, end)
    if (
        recipient is None
        and initiator != DREAMER
        and dreamer_near(doc, cast, i)
        and ((category == "aggression" and level <= 4) or lemma not in _NEEDS_OBJECT)
    ):
        recipient = DREAMER
    if recipient is None:
        return None
    return initiator, recipient, is_mutual(doc, i) and lemma.startswith(("marr", "engag", "argu"))


def _phrase_reach(lemma: str) -> int:
    """Words of a phrase before its object: 2 in "get away from", 0 in "held him"."""
    reach = 0
    for word in lemma.split()[1:]:
        if word in OBJECT_CASE:
            break
        reach += 1
    return reach
