"""Senses of interaction words that are no interaction between characters.

The aggression and friendliness lexicons are keyed by lemma, so ``lovely`` meets ``love``,
``a broken leg`` meets ``break`` and ``I mean`` meets ``mean``.  Each rule here names a
sense that the norms' coders do not code: an adjective (``the injured actor``), an act on
oneself (``injured herself``), an errand with no one on the receiving end (``driving to
town``, ``picked up the phone``) or a noun (``the waves``).  It also tells when the doer or
the receiver of an act is a thing (``the ball hit me``, ``bought a dress``).
"""

from __future__ import annotations

from ..cast.model import Cast
from ..lexicon import table
from ..text import Document, word_set

#: ``_participants`` answer for an act that the words show is no interaction.
SKIP = "skip"
_PARTICLES = word_set("up down away back out off over around")
_POSSESSIVE = word_set("my his her their our its")
_AUX = word_set("was were had has have would could might will can did does do is are been be")
_DETERMINERS = word_set("a an the his her my their our your its this that some")
_REFLEXIVE = word_set("myself herself himself themselves itself ourselves yourself")
_SPEAKERS = word_set("i you we they to he she")
#: Be-forms before "married"/"engaged" that tell a standing state, not a wedding in the dream.
_STATE_BE = word_set("am is are 's been")
_HAVE = word_set("had has have having")
_GIVE_IDIOMS = word_set("way each up in out a an birth")
#: Friendly acts that need someone on the receiving end in the words right after them.
_NEEDS_PERSON = word_set("drive pick play hold pet")
_ADVERB_PARTICLES = word_set("up back out over")
_UP_BACK = word_set("up back")
#: Words before "mad" that make it an intensifier (``a mad crush``, ``making mad love``).
_INTENSIFYING = word_set("a an the making made make such")
#: Acts that name a feeling after be/feel (``I felt hurt``): an emotion, no one's act.
_FELT = word_set("hurt insult offend")
_FEELING_VERBS = word_set("was were am is are be been felt feel feeling looked seemed became got")
_DEGREE = word_set("very so quite terribly deeply rather a little bit really too somewhat")
#: Cries that are verbal aggression only when aimed at someone.
_CRIES = word_set("scream yell shout")
#: Gestures that are friendliness only when aimed at someone (``smiled at me``, ``waved to
#: us``); ``everyone was smiling`` is a mood.
_GESTURES = word_set("smile wave")
_CLAUSE_END = word_set(". ! ; last tonight yesterday")
_HOMES = word_set("house home place apartment room dorm")
_SENT_OFF = word_set("away off")
_RESTRAINED = word_set("back down")
_CAPTIVE = word_set("prisoner prisoners captive captives hostage hostages")
#: What kills or injures by accident: a misfortune (HVdC), no one's aggression.
_ACCIDENTS = word_set(
    "accident crash wreck collision explosion fire flood storm earthquake avalanche lightning "
    "car train truck bus automobile streetcar plane airplane"
)
_HARMED = word_set("kill injure hurt wound crush")
_ACCIDENT_REACH = 5
_NOUN_FORMS = word_set("waves lovely loveliness likely beating meaning driving given striking")


def _next_word(doc: Document, i: int, skip: frozenset[str] = frozenset()) -> int | None:
    j = i + 1
    while j < len(doc.tokens) and doc.tokens[j].low in skip:
        j += 1
    return j if j < len(doc.tokens) else None


def _low(doc: Document, j: int) -> str:
    return doc.tokens[j].low if j < len(doc.tokens) else ""


def _visit(doc: Document, j: int) -> bool:
    """After ``come over``: the clause ends (``the Fredricksons came over.``) or a home or a
    meal follows (``came over to our house``, ``came over for dinner``)."""
    nxt = _low(doc, j)
    if nxt in _CLAUSE_END or nxt == "for":
        return True
    return nxt == "to" and bool(_HOMES.intersection(_low(doc, k) for k in range(j + 1, j + 4)))


def _person_follows(doc: Document, cast: Cast, i: int) -> bool:
    """``drove me home``, ``picked up my friend``: a character right after the verb."""
    j = _next_word(doc, i, _ADVERB_PARTICLES)
    if j is None:
        return False
    if doc.tokens[j].low in _DETERMINERS:
        return (j + 1) in cast.refs or (j + 2) in cast.refs  # "my (little) cousin"
    return j in cast.refs


def _felt(doc: Document, i: int) -> bool:
    """A hurt told as a feeling: after be/feel/look/seem (an adverb between), no ``by`` after."""
    j = i - 1
    while j >= 0 and doc.tokens[j].low in _DEGREE:
        j -= 1
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    return j >= 0 and doc.tokens[j].low in _FEELING_VERBS and nxt != "by"


def _aimed(doc: Document, i: int) -> bool:
    """``screamed at him``, ``my shouts to them``: a cry aimed by ``at``/``to`` soon after."""
    last = doc.sentences[doc.tokens[i].sentence].last
    return any(doc.tokens[j].low in ("at", "to") for j in range(i + 1, min(last, i + 3)))


def _by_accident(doc: Document, i: int) -> bool:
    """``killed in a crash``, ``injured by a car``: the harm at i came from an accident, told
    right after it (``in``/``by`` + an accident or a vehicle, within a few words)."""
    last = doc.sentences[doc.tokens[i].sentence].last
    words = [doc.tokens[j].low for j in range(i + 1, min(last, i + 1 + _ACCIDENT_REACH))]
    if not words or words[0] not in {"in", "by", "when", "during"}:
        return False
    return any(w in _ACCIDENTS for w in words[1:])


def not_an_interaction(doc: Document, cast: Cast, i: int, lemma: str) -> bool:
    """True when the word at i, read as ``lemma``, names no act between characters."""
    word = doc.tokens[i].low
    prev = doc.tokens[i - 1].low if i > 0 else ""
    if word in _NOUN_FORMS and lemma.split()[0] not in {"give"}:
        return word != "driving" or not _person_follows(doc, cast, i)
    if word == "given" and prev not in _HAVE:  # "had given me the money" is the act itself
        return _next_word(doc, i) is None or doc.tokens[i + 1].low != "by"
    after = _next_word(doc, i, _UP_BACK)
    if after is not None and doc.tokens[after].low in _REFLEXIVE:
        return True  # "she had injured herself": no one else is hurt
    participle = word.endswith(("en", "ed", "own")) and word != lemma.split()[0]
    if participle and prev in _DETERMINERS and " " not in lemma:
        return True  # "a broken ankle", "the injured actor", "the thrown knives"
    if lemma == "fight" and after is not None and doc.tokens[after].low in _POSSESSIVE:
        return doc.tokens[after + 1].low == "way" if after + 1 < len(doc.tokens) else False
    if lemma.startswith("marr") and prev in _DETERMINERS:
        return True  # "my married sister", "a married man": who someone is, not an act
    if lemma.startswith(("marr", "engag")) and word.endswith("ed") and prev in _STATE_BE:
        return True  # "she is engaged", "who has been married for a year": a state
    if lemma == "mean" and prev in _SPEAKERS:
        return True  # "I mean", "you mean to tell me"
    if lemma in {"wave", "pet", "smile"} and prev in _DETERMINERS:
        return True  # "the waves", "a pet seal", "a crazy smile", "a smiling woman"
    if lemma == "give" and after is not None and doc.tokens[after].low in _GIVE_IDIOMS:
        return True  # "gave way", "gave each other looks", "gave a party"
    if word == "furiously" or (lemma == "mad" and prev in _INTENSIFYING):
        return True  # "ran furiously", "a mad crush", "making mad love": manner, not anger
    if lemma in _HARMED and word.endswith("ed") and _by_accident(doc, i):
        return True  # "killed in an automobile crash", "killed by a car": a misfortune
    if lemma in _FELT and _felt(doc, i):
        return True  # "I was hurt that he didn't ask", "she looked quite insulted"
    if lemma in _CRIES or lemma in _GESTURES:
        return not _aimed(doc, i)  # "I screamed" in fright is no verbal attack
    if lemma == "love" and prev == "in":
        return True  # "he was in love with me": a standing feeling, told, not an act
    if lemma == "come over":
        return not _visit(doc, i + 2)  # "came over to me" is an approach, no visit
    if lemma == "send" and _low(doc, i + 2) in _SENT_OFF:
        return True  # "sent me away": no gift (aggression reads "send away")
    if lemma == "hold" and after is not None and doc.tokens[after].low in _CAPTIVE:
        return True  # "held prisoner": aggression (capture), no embrace
    if lemma == "hold" and _low(doc, i + 2) in _RESTRAINED:
        return True  # "people held me back": restraint (aggression "hold back"), no embrace
    if lemma.split()[0] in _NEEDS_PERSON:
        return not _person_follows(doc, cast, i)
    return lemma == "teach"


def thing_acts(doc: Document, cast: Cast, i: int) -> bool:
    """``the ball hit me``, ``the bomb would hit``, ``it made me sad``: the doer is a thing
    named right before the verb (past auxiliaries), so no one is aggressive."""
    j = i - 1
    while j >= 0 and doc.tokens[j].low in _AUX and j in range(i - 3, i):
        j -= 1
    if j < 0 or j in cast.refs:
        return False
    w = doc.tokens[j].low
    if w in {"it", "this", "what", "something", "that"}:
        return True
    det = doc.tokens[j - 1].low if j > 0 else ""
    return (
        doc.tokens[j].is_word and det in {"the", "a", "an"} and w not in table("characters").words
    )


def thing_object(doc: Document, cast: Cast, i: int) -> int | str | None:
    """What the verb at i acts on when that is a thing: ``SKIP`` for a plain thing (``bought
    a dress``), the owner for a possession or a body part (``held my hand``), else None."""
    sent_last = doc.sentences[doc.tokens[i].sentence].last
    j = i + 1
    while j < sent_last and doc.tokens[j].low in _PARTICLES:
        j += 1
    if j + 1 >= sent_last:
        return None
    w = doc.tokens[j].low
    if w in {"a", "an", "the", "some", "this", "that"}:
        return SKIP if (j + 1) not in cast.refs and (j + 2) not in cast.refs else None
    owner = cast.refs.get(j)
    if owner is not None and w in _POSSESSIVE and (j + 1) not in cast.refs:
        return owner if (j + 2) not in cast.refs else None
    return None
