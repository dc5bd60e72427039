"""Aggression, friendliness and sexuality: ``INITIATOR LEVEL+DIR RECIPIENT`` codes.

An interaction is coded when a verb of the lexicon links two referents of the cast, at least
one of them human: the subject initiates, the object receives (a passive swaps them).  An act
on a possession (``stole my car``) is aimed at its owner.  ``we ... each other`` / ``fought``
with no object is mutual (``=``).
"""

from __future__ import annotations

from .cast import DREAMER, Cast
from .lexicon import lemma_candidates, table
from .participants import agent_after, companions, is_passive, object_after, subject_before
from .text import Document
from .types import Code

_MUTUAL_STEMS = frozenset(
    {
        "argu",
        "argument",
        "quarrel",
        "fight",
        "fought",
        "marri",
        "marry",
        "kiss",
        "hug",
        "embrac",
        "danc",
        "shooting",
        "engag",
        "wedding",
    }
)
_NEGATORS = frozenset(
    {
        "not",
        "never",
        "no",
        "didn't",
        "don't",
        "wouldn't",
        "couldn't",
        "won't",
        "wasn't",
        "weren't",
        "hadn't",
        "nor",
    }
)
_OWNER = {"my": DREAMER, "our": DREAMER}
_WITHHELD = frozenset(
    {
        "let",
        "believe",
        "listen",
        "answer",
        "speak",
        "talk",
        "help",
        "return",
        "invite",
        "care",
        "notice",
        "recognize",
        "pay",
        "wait",
    }
)
_SEX_LEVEL = {"kiss": 3, "pet": 4, "neck": 4, "seduce": 2, "intercourse": 5, "rape": 5}


def _verb(doc: Document, i: int, lex) -> tuple[str, int] | None:  # type: ignore[no-untyped-def]
    """(lemma, level) of a lexicon verb or multiword phrase starting at token i."""
    tok = doc.tokens[i]
    for cand in lemma_candidates(tok.low):
        for rest, value in lex.phrases.get(cand, ()):
            words = tuple(
                doc.tokens[j].low for j in range(i + 1, min(len(doc.tokens), i + 1 + len(rest)))
            )
            if words == rest:
                return cand + " " + " ".join(rest), int(value)
        value = lex.words.get(cand)
        if value is not None:
            return cand, int(value)
    return None


def _negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 4) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _possessor_object(doc: Document, cast: Cast, i: int) -> int | None:
    """``stole my car``: the owner of the thing acted on receives the act."""
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i + 1, min(sent.last, i + 4)):
        w = doc.tokens[j].low
        if w in _OWNER:
            return _OWNER[w]
        ref = cast.refs.get(j)
        if ref is not None and w in {"his", "her", "their"}:
            return ref
    return None


def _subject_token(doc: Document, cast: Cast, i: int) -> int | None:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 8) - 1, -1):
        if j in cast.refs:
            return j
    return None


def _participants(doc: Document, cast: Cast, i: int, level: int) -> tuple[int, int, bool] | None:
    """(initiator, recipient, mutual) of the act at token i, or None when unclear."""
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    if is_passive(doc, i) or nxt == "by":
        recipient = subject_before(doc, cast, i, reach=8)
        initiator = agent_after(doc, cast, i)
        if initiator is None or recipient is None:
            return None
        return initiator, recipient, False
    subj = _subject_token(doc, cast, i)
    if subj is None:
        return None
    initiator = cast.refs[subj]
    if subj in cast.we_tokens:
        others = companions(doc, cast, subj)
        if others and _is_mutual(doc, i):
            return DREAMER, others[0], True
    recipient = object_after(doc, cast, i, reach=4)
    if recipient is None and level == 5:
        recipient = _possessor_object(doc, cast, i)
    if recipient is None and initiator != DREAMER and _dreamer_near(doc, cast, i):
        recipient = DREAMER
    if recipient is None:
        return None
    return initiator, recipient, False


def _is_mutual(doc: Document, i: int) -> bool:
    words = {doc.tokens[j].low for j in range(i, min(len(doc.tokens), i + 4))}
    return doc.tokens[i].low.rstrip("sed") in _MUTUAL_STEMS or "other" in words


def _dreamer_near(doc: Document, cast: Cast, i: int) -> bool:
    sent = doc.tokens[i].sentence
    for j in range(i - 1, max(-1, i - 40), -1):
        if doc.tokens[j].sentence < sent - 1:
            break
        if cast.refs.get(j) == DREAMER and j not in cast.we_tokens:
            return True
    return False


def _label(cast: Cast, ref: int) -> str:
    return cast.code_of(ref)


def _scan(doc: Document, cast: Cast, name: str, category: str) -> list[Code]:
    lex = table(name)
    codes: list[Code] = []
    seen: set[tuple[int, int, int]] = set()
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word:
            continue
        found = _verb(doc, i, lex)
        if found is None or _negated(doc, i):
            continue
        _lemma, level = found
        found_pair = _participants(doc, cast, i, level)
        if found_pair is None:
            continue
        initiator, recipient, mutual = found_pair
        if initiator == recipient:
            continue
        key = (initiator, recipient, tok.sentence)
        if key in seen:
            continue
        seen.add(key)
        direction = "=" if mutual else ">"
        target = _label(cast, recipient)
        code = f"{_label(cast, initiator)} {level}{direction} {target}"
        (start, end), text = doc.span_text(i, i)
        codes.append(Code(category, code, (start, end), text))
    return codes


def _refusals(doc: Document, cast: Cast) -> list[Code]:
    """``she wouldn't let me``, ``he didn't answer``: a withheld kindness is rejection (A3)."""
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        if tok.low not in _WITHHELD or not _negated(doc, i):
            continue
        subj = _subject_token(doc, cast, i)
        if subj is None or cast.refs[subj] == DREAMER:
            continue
        recipient = object_after(doc, cast, i, reach=3)
        if recipient is None and _dreamer_near(doc, cast, i):
            recipient = DREAMER
        if recipient is None or recipient == cast.refs[subj]:
            continue
        (start, end), text = doc.span_text(i, i)
        code = f"{cast.code_of(cast.refs[subj])} 3> {cast.code_of(recipient)}"
        codes.append(Code("aggression", code, (start, end), text))
    return codes


def _covert_anger(doc: Document, cast: Cast, emotions: list[Code]) -> list[Code]:
    """The dreamer angry at someone named in the same sentence: covert hostility (A1)."""
    codes: list[Code] = []
    angry = [e for e in emotions if e.code.startswith("AN, D") and e.span is not None]
    starts = {t.start: t.index for t in doc.tokens} if angry else {}
    for emo in angry:
        assert emo.span is not None
        i = starts.get(emo.span[0])
        if i is None:
            continue
        sent = doc.sentences[doc.tokens[i].sentence]
        target = next(
            (cast.refs[j] for j in range(i + 1, sent.last) if cast.refs.get(j, DREAMER) != DREAMER),
            None,
        )
        if target is None:
            continue
        codes.append(Code("aggression", f"D 1> {cast.code_of(target)}", emo.span, emo.evidence))
    return codes


def code_interactions(doc: Document, cast: Cast, emotions: list[Code]) -> list[Code]:
    """Aggression and friendliness codes; one per pair of participants per sentence."""
    aggression = _scan(doc, cast, "aggression", "aggression") + _refusals(doc, cast)
    aggression += _covert_anger(doc, cast, emotions)
    aggression.sort(key=lambda c: c.span[0] if c.span else -1)
    return aggression + _scan(doc, cast, "friendliness", "friendliness")
