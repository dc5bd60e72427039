"""Who did what to whom, read from a dependency parse of the sentence.

The parse gives each act its own subject (``nsubj``; a passive's ``agent``), its receiver
(``dobj``, ``dative``, the object of ``at``/``to``/``with``...), negation (``neg``, ``no one``)
and its frame: an act only wished, feared or planned (``I was afraid he would shoot me``,
``he wanted to kiss me``) did not happen in the dream, and HVdC codes what happens.  Acts
joined by ``and`` share their subject (``the man chased me and hit me``); a relative clause's
subject is the noun it describes (``the man who attacked me``).  ``each other`` and shared acts
(``we argued``) are mutual.  A thing as subject (``the ball hit me``) is no one's act; a passive
without its ``by`` (``I was pushed``) has the coders' unknown initiator ``Q``.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..parse import Parse
from ..text import Document, word_set

#: ``read_act`` verdict for an act the parse shows is not coded (negated, unreal, a thing's).
NOT_CODED = "not coded"
#: The initiator the words do not name (``I was pushed``): ``Q`` on the coding card.
UNKNOWN = -2
_SUBJECTS = ("nsubj", "csubj")
_RECEIVERS = ("dobj", "dative", "iobj")
_TO_PERSON = word_set("at to with on toward towards against after for upon into from of about")
_RELATIVE = word_set("who that which whom")
_PRONOUNS = word_set(
    "he she they him her them it his their someone somebody anyone anybody everyone everybody "
    "people one"
)
#: Heads that put an act in a wish, a fear, a plan or a condition, not in the dream's events.
_FRAMES = word_set(
    "want wish hope fear afraid scare frighten worry plan intend expect threaten dread "
    "suppose imagine pretend going avoid refuse decline unwilling"
)
#: Heads that make a kindness only asked for, hoped for or wondered about.
_ASKED = word_set(
    "ask beg plead call want wish hope think expect wonder pray need refuse decline unwilling"
)
#: What someone fires or throws: a passive's ``by`` these names an unseen attacker (``Q``).
_MISSILES = word_set("bullet bullets shot shots gunfire arrow arrows bomb bombs rock rocks stones")
_PRONOUN_SEX = {"him": "M", "her": "F"}
_CONDITIONS = word_set("if unless whether")
_EACH_OTHER = word_set("other another")
#: ``I dreamed a man came``: a parser often hangs the dream's content on "dreamed" by ``and``.
_SEEING = word_set("dream dreamt dreamed see saw seen watch notice hear heard find found imagine")


def read_act(
    doc: Document, cast: Cast, parse: Parse, i: int, kindness: bool = False
) -> tuple[int, int, bool] | str | None:
    """(initiator, recipient, mutual) of the act at token i; :data:`NOT_CODED` when the parse
    shows it is no coded act; None when a participant is not in the words."""
    if _negated(doc, parse, i) or _unreal(doc, parse, i, kindness):
        return NOT_CODED
    passive = bool(parse.kids(i, "nsubjpass", "auxpass"))
    if not passive and parse.kids(i, "agent"):
        return _reduced_passive(doc, cast, parse, i)
    subj = _agent(parse, i) if passive else _subject(doc, cast, parse, i)
    obj = parse.kids(i, "nsubjpass")[0] if passive and parse.kids(i, "nsubjpass") else None
    if obj is not None and doc.tokens[obj].low in _RELATIVE and parse.dep(i) == "relcl":
        obj = parse.head(i)  # "my father, who was put in prison": the father
    if passive and subj is None:
        # "I was pushed": the coders' Q, an unknown initiator, when the receiver is someone;
        # a receiver the cast does not know is left to the word-order reading
        return (UNKNOWN, cast.refs[obj], False) if obj in cast.refs else None
    if passive and subj is not None and doc.tokens[subj].low in _MISSILES and obj in cast.refs:
        return UNKNOWN, cast.refs[obj], False  # "I was hit by bullets": someone shot
    if subj is not None and subj not in cast.refs:
        return NOT_CODED if _is_thing(doc, subj) else None
    if subj is None:
        return None
    initiator = cast.refs[subj]
    if not passive:
        obj = _receiver(doc, cast, parse, i)
    if obj is not None and doc.tokens[obj].low in _EACH_OTHER:
        return _mutual(doc, cast, parse, subj, initiator)
    if obj is None or obj not in cast.refs:
        owner = _owner(cast, parse, obj) if obj is not None else None
        if owner is not None and owner == initiator:
            return NOT_CODED  # "I knocked my pen onto the floor": one's own thing
        if owner is not None:
            return initiator, owner, False  # "stole my car": aimed at the owner
        return NOT_CODED if obj is not None and _is_thing(doc, obj) else None
    recipient = cast.refs[obj]
    if recipient == initiator and initiator != DREAMER:
        recipient = _someone_else(doc, cast, obj, initiator)
    if (
        not kindness
        and recipient == initiator == DREAMER
        and doc.tokens[obj].low in _DREAMER_OBJECT
    ):
        return _doer_before(doc, cast, i)
    return initiator, recipient, False


#: The dreamer as a plain object: "I ... scold me" cannot be said; "myself" could.
_DREAMER_OBJECT = word_set("me us")


def _doer_before(doc: Document, cast: Cast, i: int) -> tuple[int, int, bool] | None:
    """``they ask me why I am walking and scold me``: the parser hangs the act on the
    dreamer's clause, but no one says "I scold me"; the doer is the last other character
    named before it in the sentence (None, unresolved, when there is none).  Aggression
    only: a kindness so told is most often asked for (``I tell her to give me change``)."""
    first = doc.sentences[doc.tokens[i].sentence].first
    for j in range(i - 1, first - 1, -1):
        ref = cast.refs.get(j)
        if ref is not None and ref != DREAMER:
            return ref, DREAMER, False
    return None


def aims_at_thing(doc: Document, cast: Cast, parse: Parse, i: int, prep: str) -> bool:
    """``jumped on the bus``, ``laughed at the joke``: the preposition of a phrasal act
    (``jump on``, ``laugh at``) takes a thing, not a character, so no one receives it."""
    for head in (i, *parse.kids(i, "prt")):
        for p in parse.kids(head, "prep"):
            if doc.tokens[p].low != prep:
                continue
            objs = parse.kids(p, "pobj")
            if objs and objs[0] not in cast.refs and _is_thing(doc, objs[0]):
                return True
    return False


def _someone_else(doc: Document, cast: Cast, obj: int, initiator: int) -> int:
    """``the gypsy hit her``: an object pronoun that is not reflexive names another person
    than the subject, so a coreference that made them one is undone: the nearest earlier
    character of the pronoun's sex.  Kept as read when there is none (the act stays
    unresolved and is left to the fallback)."""
    sex = _PRONOUN_SEX.get(doc.tokens[obj].low)
    if sex is None:
        return initiator
    for j in range(obj - 1, -1, -1):
        ref = cast.refs.get(j)
        if ref is None or ref in (initiator, DREAMER):
            continue
        if cast.characters[ref].sex == sex:
            return ref
    return initiator


def _negated(doc: Document, parse: Parse, i: int) -> bool:
    """``didn't hit``, ``never kissed``, ``no one helped``; also a negated ``try``/``want``."""
    for _ in range(3):
        if parse.kids(i, "neg"):
            return True
        if parse.dep(i) == "pcomp" and doc.tokens[parse.head(i)].low == "without":
            return True  # "walked in without knocking"
        if parse.dep(i) not in ("xcomp", "conj", "acomp") or parse.head(i) == i:
            return False  # "acomp": "I wasn't embarrassed" negates the copula
        i = parse.head(i)
    return False


def _unreal(doc: Document, parse: Parse, i: int, kindness: bool = False) -> bool:
    """The act sits in a wish, fear, plan or condition (see :data:`_FRAMES`); an attempt
    (``tried to hit me``) is an act in HVdC and stays.  A kindness only offered or promised
    (``he said he would drive me home``, ``I was going to help her``) is coded as friendliness;
    one only asked for or hoped for (``I asked her to help me``, see :data:`_ASKED`) is not."""
    if any(doc.tokens[m].low in _CONDITIONS for m in parse.kids(i, "mark")):
        return True
    modals = {"would", "might", "could"}
    told = [i, parse.head(i)] if parse.dep(i) == "conj" else [i]  # "would come and attack"
    if not kindness and any(
        doc.tokens[a].low in modals for t in told for a in parse.kids(t, "aux")
    ):
        return True
    frames = _ASKED if kindness else _FRAMES
    j = i
    for _ in range(3):
        if parse.dep(j) not in ("xcomp", "ccomp", "advcl", "acomp") or parse.head(j) == j:
            return False
        j = parse.head(j)
        if frames.intersection(lemma_candidates(doc.tokens[j].low)):
            return True
        if kindness and any(doc.tokens[m].low in _CONDITIONS for m in parse.kids(j, "mark")):
            return True
    return False


def _subject(doc: Document, cast: Cast, parse: Parse, i: int) -> int | None:
    """The act's own subject, inherited through ``and``/``to`` and relative clauses."""
    for _ in range(4):
        found = parse.kids(i, *_SUBJECTS)
        if found:
            subj = found[0]
            if doc.tokens[subj].low in _RELATIVE and parse.dep(i) == "relcl":
                return parse.head(i)  # "the man who attacked me": the man
            return subj
        dep = parse.dep(i)
        if dep in ("relcl", "acl"):
            return parse.head(i)
        if dep not in ("conj", "xcomp", "advcl") or parse.head(i) == i:
            return None
        if dep == "advcl" and any(doc.tokens[a].low != "to" for a in parse.kids(i, "aux")):
            return None  # a finite clause has its own subject; the parse lost it: word order
        head = parse.head(i)
        seen = [o for o in parse.kids(head, "dobj") if o in cast.refs]
        if dep == "conj" and seen and _SEEING.intersection(lemma_candidates(doc.tokens[head].low)):
            return seen[0]  # "I dreamed an old friend came to visit me": the friend came
        #  ("I found a nickel and gave it to him": a thing seen is no one, "I" gave)
        i = head
    return None


def _reduced_passive(
    doc: Document, cast: Cast, parse: Parse, i: int
) -> tuple[int, int, bool] | str | None:
    """``running up the avenue pursued by a dog``, ``we ran, closely followed by the old
    man``: a participle with a ``by`` but no be-verb; its receiver is the character it
    describes, or the subject of the clause it hangs on."""
    agent = _agent(parse, i)
    if agent is None or agent not in cast.refs:
        return NOT_CODED if agent is not None and _is_thing(doc, agent) else None
    head = parse.head(i)
    if head in cast.refs:
        return cast.refs[agent], cast.refs[head], False
    for verb in (head, parse.head(head)):
        subj = _subject(doc, cast, parse, verb)
        if subj in cast.refs:
            return cast.refs[agent], cast.refs[subj], False
    return None


def _agent(parse: Parse, i: int) -> int | None:
    """The ``by`` phrase of a passive: ``I was chased by a dog``."""
    for by in parse.kids(i, "agent"):
        objs = parse.kids(by, "pobj")
        if objs:
            return objs[0]
    return None


def _receiver(doc: Document, cast: Cast, parse: Parse, i: int) -> int | None:
    """The person the act is aimed at: the direct or indirect object, else the object of a
    preposition after the verb or its particle (``laughed at me``, ``ran away from him``)."""
    objs = [_through(doc, parse, o) for o in parse.kids(i, *_RECEIVERS)]
    person = next((o for o in objs if o in cast.refs), None)
    if person is not None:
        return person
    heads = [i, *parse.kids(i, "prt", "advmod")]
    for h in heads:
        for prep in parse.kids(h, "prep"):
            if doc.tokens[prep].low not in _TO_PERSON:
                continue
            for pobj in parse.kids(prep, "pobj"):
                if pobj in cast.refs or doc.tokens[pobj].low in _EACH_OTHER:
                    return pobj
    for clause in parse.kids(i, "ccomp", "xcomp"):  # "helped me find": "me" parsed as its subject
        person = next((s for s in parse.kids(clause, "nsubj") if s in cast.refs), None)
        if person is not None:
            return person
    return objs[0] if objs else None


def _through(doc: Document, parse: Parse, obj: int) -> int:
    """``gave it to the man``: a dative ``to``/``for`` stands for its object."""
    if doc.tokens[obj].low in ("to", "for"):
        found = parse.kids(obj, "pobj")
        return found[0] if found else obj
    return obj


def _owner(cast: Cast, parse: Parse, obj: int) -> int | None:
    """The owner of a thing acted on (``my car``), when a character."""
    for poss in parse.kids(obj, "poss"):
        if poss in cast.refs:
            return cast.refs[poss]
    return None


def _is_thing(doc: Document, tok: int) -> bool:
    """A noun that is no character and no unresolved pronoun (``the ball``, ``the door``)."""
    low = doc.tokens[tok].low
    return doc.tokens[tok].is_word and low not in _PRONOUNS and low not in _RELATIVE


def _mutual(
    doc: Document, cast: Cast, parse: Parse, subj: int, initiator: int
) -> tuple[int, int, bool] | None:
    """``we hugged each other``, ``my sister and her boyfriend argued with each other``."""
    for conj in parse.kids(subj, "conj"):
        if conj in cast.refs and cast.refs[conj] != initiator:
            return initiator, cast.refs[conj], True
    if initiator != DREAMER and cast.characters[initiator].plural:
        return initiator, initiator, True
    return None
