"""Aggression and friendliness: ``INITIATOR LEVEL+DIR RECIPIENT`` codes.

An interaction is coded when a verb of the lexicon links two referents of the cast: the
subject initiates, the object receives (a passive swaps them).  The subject must be the
verb's own subject (``the ball hit me`` is no one's aggression), found by walking back over
auxiliaries and adverbs.  An act on a possession (``stole my car``) is aimed at its owner;
``we argued`` or ``we were married`` is mutual (``=``) between the dreamer and a companion,
``my sister and her boyfriend argued`` between the two named.  Fleeing (``ran away from the
man``) makes the one fled from the chaser.  Levels follow the coding rules: aggression 1 covert
... 8 killing; friendliness 1 covert, 2 verbal, 3 gift or loan, 4 help, 5 invitation or shared
activity, 6 physical affection, 7 marriage.  Senses that are no act live in
:mod:`.senses`.
"""

from __future__ import annotations

import functools

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates, table
from ..parse.tree import EMPTY, Parse
from ..participants import (
    agent_after,
    companions,
    is_passive,
    object_after,
    object_token,
    subject_before,
)
from ..text import Document
from ..types import Code
from .parsed import NOT_CODED, UNKNOWN, read_act
from .senses import SKIP, not_an_interaction, thing_acts, thing_object


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


_NEGATORS = _words(
    "not never no didn't don't wouldn't couldn't won't wasn't weren't hadn't nor neither"
)
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
_PRONOUNS = _words("he she they him her them he's she's they're he'd she'd they'd")
#: Acts two people can only do together: an argument is mutual even when its partner is a guess.
_SHARED = ("argu", "quarrel", "marr")
_OBJECT_CASE = _words("me him them us her mine myself himself herself themselves ourselves")
_POSSESSIVE = _words("my his her their our its")
_NON_AGENT = _words("it this something everything nothing what there")
#: Friendly acts whose receiver goes unsaid but is usually the dreamer ("she smiled").
_TO_DREAMER_WHEN_UNSAID = _words("help smile wave invite visit hello kind friendly greet")
_NEEDS_OBJECT = _words(
    "like love marry drive wedding engaged admire fond miss kiss neck pet sexual flirt intercourse"
)
#: Acts whose participants the words leave unclear are still coded, up to this many codes per
#: dream: coders code them from the whole story, and leaving them out under-counts A/C, F/C.
_FALLBACKS = {"aggression": 2, "friendliness": 2, "sexuality": 1}
#: Categories read from the parse where the sentence was parsed.  Friendliness is not (yet):
#: its lexicon is of broad verbs (``came``, ``took``, ``asked``) whose receiver coders infer
#: from the story; read strictly from the parse it lost recall on both halves of the
#: development set, while aggression and sexuality gained on both.
_PARSED = ("aggression", "sexuality")
#: Feelings that take their target as an object (``I disliked her``); others need ``at``.
_HOSTILE_FEELING = _words("hate dislike resent despise detest loathe")
_AIMED_AT = _words("at with toward towards against of because that")
_WITHHELD = _words(
    "allow permit give respect share let believe listen answer speak talk help return invite "
    "recognize pay wait"
)


def _false_sense(doc: Document, i: int, lemma: str) -> bool:
    """Senses of lexicon words that are not interactions (``in order to``, ``looked like``)."""
    prev = doc.tokens[i - 1].low if i > 0 else ""
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    word = doc.tokens[i].low
    if lemma == "order":
        return prev in {"in", "an", "the", "my", "out", "of"} or nxt == "of"
    if lemma == "like":
        return word == "like" and prev not in {
            "i",
            "you",
            "we",
            "they",
            "really",
            "didn't",
            "don't",
            "would",
            "to",
        }
    if lemma in {"knock", "hit", "beat", "break"}:
        return (
            nxt in {"on", "at", "down", "up", "out", "into", "off", "the", "a"} and lemma != "hit"
        )
    if lemma == "bite" and (prev in {"a", "little"} or nxt == "of"):
        return True
    if lemma in {"kind", "nice", "mean"}:
        return nxt in {"of", "that"} or prev in {"a", "some", "any", "what", "the"}
    return lemma == "drive" and nxt in {"the", "a", "my", "his", "her", "our", "their", "up", "off"}


def _verb(doc: Document, i: int, category: str) -> tuple[str, int] | None:
    """(lemma, level) of a lexicon verb or multiword phrase starting at token i."""
    for cand, phrases, value in _lexicon_forms(category, doc.tokens[i].low):
        for rest, level in phrases:
            end = min(len(doc.tokens), i + 1 + len(rest))
            if tuple(doc.tokens[j].low for j in range(i + 1, end)) == rest:
                return cand + " " + " ".join(rest), int(level)
        if value is not None:
            return cand, int(value)
    return None


_Forms = tuple[tuple[str, tuple[tuple[tuple[str, ...], str], ...], str | None], ...]


@functools.lru_cache(maxsize=1 << 16)
def _lexicon_forms(category: str, word: str) -> _Forms:
    """The base forms of ``word`` that start a phrase or are a word of the category's lexicon,
    with those phrases and that word's level — looked up once per word, not per token."""
    lex = table(category)
    forms = []
    for cand in lemma_candidates(word):
        phrases, value = tuple(lex.phrases.get(cand, ())), lex.words.get(cand)
        if phrases or value is not None:
            forms.append((cand, phrases, value))
    return tuple(forms)


def _negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 4) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _subject_token(doc: Document, cast: Cast, i: int) -> int | None:
    """Token of the verb's own subject, or None when it is no character (``it``, ``the ball``)."""
    sent = doc.sentences[doc.tokens[i].sentence]
    joined = False  # a comma or "and" between: "he ran after me, teasing me"
    for j in range(i - 1, max(sent.first, i - 9) - 1, -1):
        w = doc.tokens[j].low
        if j in cast.refs and (w not in _OBJECT_CASE or not joined):
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


def _dreamer_near(doc: Document, cast: Cast, i: int) -> bool:
    sent = doc.tokens[i].sentence
    for j in range(i - 1, max(-1, i - 40), -1):
        if doc.tokens[j].sentence < sent - 1:
            break
        if cast.refs.get(j) == DREAMER and j not in cast.we_tokens:
            return True
    return False


def _is_mutual(doc: Document, i: int) -> bool:
    words = {doc.tokens[j].low for j in range(i, min(len(doc.tokens), i + 4))}
    return doc.tokens[i].low.startswith(_MUTUAL_STEMS) or "other" in words


def _partner(doc: Document, cast: Cast, subj: int) -> int | None:
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


def _participants(
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
    subj = _subject_token(doc, cast, i)
    if subj is None:
        return None
    initiator = cast.refs[subj]
    end = i + _phrase_reach(lemma)  # the object follows the whole phrase ("get away from")
    if _is_mutual(doc, i):
        partner = _partner(doc, cast, subj)
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
        and _dreamer_near(doc, cast, i)
        and ((category == "aggression" and level <= 4) or lemma not in _NEEDS_OBJECT)
    ):
        recipient = DREAMER
    if recipient is None:
        return None
    return initiator, recipient, _is_mutual(doc, i) and lemma.startswith(("marr", "engag", "argu"))


def _phrase_reach(lemma: str) -> int:
    """Words of a phrase before its object: 2 in "get away from", 0 in "held him"."""
    reach = 0
    for word in lemma.split()[1:]:
        if word in _OBJECT_CASE:
            break
        reach += 1
    return reach


def _group_self(cast: Cast, pair: tuple[int, int, bool]) -> bool:
    """``two men were shooting at each other``: a mutual act within one group is coded on the
    group; "I" alone cannot marry herself."""
    return pair[2] and pair[0] != DREAMER and cast.characters[pair[0]].plural


def _scan(doc: Document, cast: Cast, parse: Parse, category: str) -> list[Code]:
    codes: list[Code] = []
    seen: set[tuple[int, int, int]] = set()
    unresolved: list[tuple[int, int, str]] = []
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word:
            continue
        found = _verb(doc, i, category)
        if found is None or _false_sense(doc, i, found[0]):
            continue
        parsed = category in _PARSED and parse.covers(tok.sentence)
        if (not parsed and _negated(doc, i)) or not_an_interaction(doc, cast, i, found[0]):
            continue
        lemma, level = found
        pair = _read(doc, cast, parse, i, lemma, level, category) if parsed else None
        if pair == NOT_CODED:
            continue
        if pair is None:  # the parse leaves a side unsaid: read word order as without it
            pair = _participants(doc, cast, i, lemma, level, category)
        if pair == SKIP:
            continue
        if not isinstance(pair, tuple) or (pair[0] == pair[1] and not _group_self(cast, pair)):
            unresolved.append((i, level, lemma))
            continue
        initiator, recipient, mutual = pair
        if lemma.endswith(" from"):  # "I ran away from the man": he is the one who chases
            initiator, recipient = recipient, initiator
        if (initiator, recipient, tok.sentence) in seen:
            continue
        seen.add((initiator, recipient, tok.sentence))
        codes.append(_code(doc, cast, category, i, (initiator, recipient), level, mutual))
    sentences = {sent for _i, _r, sent in seen}
    budget = _FALLBACKS[category] - len(codes)
    for i, level, lemma in unresolved:
        if budget <= 0:
            break
        sent = doc.tokens[i].sentence
        if sent in sentences:
            continue
        fallback = _salient_pair(doc, cast, i)
        if fallback is None:
            break
        sentences.add(sent)
        budget -= 1
        mutual = lemma.startswith(_SHARED)
        codes.append(_code(doc, cast, category, i, fallback, level, mutual))
    return codes


def _code(
    doc: Document,
    cast: Cast,
    category: str,
    i: int,
    pair: tuple[int, int],
    level: int,
    mutual: bool,
) -> Code:
    first = _side(doc, cast, pair[0], i, pair[1], before=True)
    second = _side(doc, cast, pair[1], i, pair[0], before=False)
    label = f"{first} {level}{'=' if mutual else '>'} {second}"
    (start, end), text = doc.span_text(i, i)
    return Code(category, label, (start, end), text)


def _side(doc: Document, cast: Cast, ref: int, i: int, other: int, before: bool) -> str:
    """Label of one side of the act at i; "we"/"us" there adds the dreamer's companion (never
    the other party of the act)."""
    if ref == UNKNOWN:
        return "Q"
    if ref != DREAMER:
        return cast.code_of(ref)
    tok = _subject_token(doc, cast, i) if before else object_token(doc, cast, i, reach=4)
    if tok is None or tok not in cast.we_tokens:
        return "D"
    mates = [m for m in companions(doc, cast, tok, limit=3) if m != other][:1]
    return " + ".join(["D", *(cast.code_of(m) for m in mates)])


def _salient_pair(doc: Document, cast: Cast, i: int) -> tuple[int, int] | None:
    """Best guess for an act whose participants the words do not show: the character most
    talked about acts on the dreamer, or the dreamer on it when she is the subject."""
    counts: dict[int, int] = {}
    for ref in cast.refs.values():
        if ref != DREAMER and not cast.characters[ref].is_animal:
            counts[ref] = counts.get(ref, 0) + 1
    if not counts:
        return None
    other = max(counts, key=lambda ref: counts[ref])
    subject = subject_before(doc, cast, i, reach=6)
    return (DREAMER, other) if subject == DREAMER else (other, DREAMER)


def _refusals(doc: Document, cast: Cast) -> list[Code]:
    """``she wouldn't let me``, ``he didn't answer``: a withheld kindness is rejection (A3)."""
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        disliked = tok.low in {"like", "love", "care"}
        if (tok.low not in _WITHHELD and not disliked) or not _negated(doc, i):
            continue
        subj = _subject_token(doc, cast, i)
        if subj is None or (cast.refs[subj] == DREAMER and not disliked):
            continue
        recipient = object_after(doc, cast, i, reach=3)
        if recipient is None and _dreamer_near(doc, cast, i):
            recipient = DREAMER
        if recipient is None or recipient == cast.refs[subj]:
            continue
        (start, end), text = doc.span_text(i, i)
        level = 3  # "she didn't like it", "he wouldn't let me": rejection
        code = f"{cast.code_of(cast.refs[subj])} {level}> {cast.code_of(recipient)}"
        codes.append(Code("aggression", code, (start, end), text))
    return codes


def _covert_anger(doc: Document, cast: Cast, emotions: list[Code]) -> list[Code]:
    """The dreamer angry *at* someone: covert hostility (A1).  HVdC codes the feeling only
    when it is aimed at a character (``angry at him``, ``I dislike her``); ``I was angry``
    with someone merely named later in the sentence is an emotion, not an interaction."""
    codes: list[Code] = []
    angry = [e for e in emotions if e.code.startswith("AN, D") and e.span is not None]
    starts = {t.start: t.index for t in doc.tokens} if angry else {}
    for emo in angry:
        i = starts.get(emo.span[0]) if emo.span else None
        if i is None:
            continue
        target = _anger_target(doc, cast, i)
        if target is not None:
            codes.append(Code("aggression", f"D 1> {cast.code_of(target)}", emo.span, emo.evidence))
    return codes


def _anger_target(doc: Document, cast: Cast, i: int) -> int | None:
    """The character the anger word at i is aimed at: the object of a hostile verb
    (``hated him``), of ``at``/``with``/``toward`` after an angry word (``mad at her``), or
    the one whose deed is its cause (``angry that he had not told me``)."""
    tok = object_token(doc, cast, i, reach=4)
    if tok is None or cast.refs[tok] == DREAMER:
        return None
    aimed = bool(_HOSTILE_FEELING.intersection(lemma_candidates(doc.tokens[i].low)))
    if not aimed and not any(doc.tokens[j].low in _AIMED_AT for j in range(i + 1, tok)):
        return None
    return cast.refs[tok]


def _distinct(doc: Document, codes: list[Code]) -> list[Code]:
    """Drop a code repeated within one sentence (a verb and an emotion saying the same)."""
    sentence_of = {t.start: t.sentence for t in doc.tokens} if codes else {}
    seen: set[tuple[str, int]] = set()
    out: list[Code] = []
    for code in codes:
        key = (code.code, sentence_of.get(code.span[0], -1) if code.span else -1)
        if key not in seen:
            seen.add(key)
            out.append(code)
    return out


def _read(
    doc: Document, cast: Cast, parse: Parse, i: int, lemma: str, level: int, category: str
) -> tuple[int, int, bool] | str | None:
    """The parse's reading of the act at i; marriages and quarrels are mutual however told."""
    if category == "aggression" and level >= 5 and thing_acts(doc, cast, i):
        return SKIP
    pair = read_act(doc, cast, parse, i)
    if isinstance(pair, tuple) and _is_mutual(doc, i) and lemma.startswith(_SHARED):
        return pair[0], pair[1], True
    return pair


def _act_at(doc: Document, i: int) -> bool:
    """A word or phrase of an interaction lexicon, in a sense that may be an act."""
    if not doc.tokens[i].is_word:
        return False
    for category in _PARSED:
        found = _verb(doc, i, category)
        if found is not None and not _false_sense(doc, i, found[0]):
            return True
    return False


def candidate_sentences(doc: Document, cast: Cast) -> list[int]:
    """Sentences with an interaction word and a character in them: the only ones parsed."""
    wanted: list[int] = []
    for s, sent in enumerate(doc.sentences):
        if not any(j in cast.refs for j in range(sent.first, sent.last)):
            continue
        if any(_act_at(doc, i) for i in range(sent.first, sent.last)):
            wanted.append(s)
    return wanted


def code_interactions(
    doc: Document, cast: Cast, emotions: list[Code], parse: Parse = EMPTY
) -> list[Code]:
    """Aggression and friendliness codes; one per pair of participants per sentence."""
    aggression = _scan(doc, cast, parse, "aggression") + _refusals(doc, cast)
    aggression += _covert_anger(doc, cast, emotions)
    aggression.sort(key=lambda c: c.span[0] if c.span else -1)
    aggression = _distinct(doc, aggression)
    friendly = _scan(doc, cast, parse, "friendliness")
    return aggression + friendly + _scan(doc, cast, parse, "sexuality")
