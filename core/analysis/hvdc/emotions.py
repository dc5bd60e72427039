"""Emotions (AN, AP, SD, CO, HA) stated in words, with who feels them.

HVdC codes an emotion only when the report names it; a negated feeling ("I was not afraid")
is not coded, and an emotion ascribed to another character (``she said she was scared``) is
coded for that character, not for the dreamer.
"""

from __future__ import annotations

from .cast.model import DREAMER, Cast
from .lexicon import lookup, table
from .participants import object_after, who_label
from .text import Document
from .types import Code

#: The same feeling of the same person told again within this many sentences is one emotion.
_MERGE_SENTENCES = 2
_NEGATORS = frozenset({"not", "never", "no", "without", "nor", "hardly", "nothing", "neither"})
_CAUSATIVE = frozenset(
    {
        "frighten",
        "scare",
        "surprise",
        "upset",
        "worry",
        "annoy",
        "disgust",
        "puzzle",
        "confuse",
        "shock",
        "amaze",
        "astonish",
        "please",
        "amuse",
        "delight",
        "horrify",
        "terrify",
        "embarrass",
        "disturb",
        "bewilder",
        "sadden",
        "depress",
        "relieve",
        "startle",
        "anger",
        "irritate",
        "perplex",
        "alarm",
        "frightened",
        "scared",
        "surprised",
        "worried",
        "annoyed",
        "disgusted",
        "puzzled",
        "confused",
        "shocked",
        "amazed",
        "astonished",
        "pleased",
        "amused",
        "delighted",
        "horrified",
        "terrified",
        "embarrassed",
        "disturbed",
        "bewildered",
        "depressed",
        "relieved",
        "startled",
        "perplexed",
        "alarmed",
        "irritated",
    }
)
_COPULA_BEFORE = frozenset(
    {
        "was",
        "were",
        "felt",
        "feel",
        "feeling",
        "very",
        "quite",
        "so",
        "more",
        "perfectly",
        "be",
        "been",
        "am",
        "is",
        "seemed",
        "looked",
    }
)
_BLOCKED_NEXT = {
    "surprise": {"party"},
    "horror": {"movie", "film", "story", "picture"},
    "cry": {"out", "for"},
    "cried": {"out", "for"},
    "crying": {"out", "for"},
}


def _phrase(
    doc: Document, i: int, phrases: dict[str, list[tuple[tuple[str, ...], str]]]
) -> str | None:
    """The class of a multiword emotion phrase (``a good time``) starting at token i."""
    for rest, value in phrases.get(doc.tokens[i].low, ()):
        end = i + 1 + len(rest)
        if end <= len(doc.tokens) and tuple(t.low for t in doc.tokens[i + 1 : end]) == rest:
            return value
    return None


def _negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 5) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
        if w in {",", "but", "and", "because", "when"}:
            return False
    return False


def _blocked(doc: Document, i: int, cls: str) -> bool:
    w = doc.tokens[i].low
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    prev = doc.tokens[i - 1].low if i > 0 else ""
    if nxt in _BLOCKED_NEXT.get(w, ()):
        return True
    if w in {"content", "concerned"} and prev not in _COPULA_BEFORE:
        return True
    if w in {"shock", "shocks"} and prev == "electric":
        return True
    if w == "wonder" and prev == "no":
        return True
    if w == "mad" and prev not in _COPULA_BEFORE | {"got", "get", "became", "so", "very"}:
        return True
    if w == "fun" and prev in {"make", "made", "making", "makes"}:
        return True
    if w in {"upsetting", "furiously"} or (w == "anxious" and nxt == "to"):
        return True
    if w == "afraid" and prev in {"i'm", "am"} and nxt == "i":
        return True  # "I'm afraid I don't remember": a figure of speech, not a dream feeling
    return _describes_thing(nxt)  # "a lonely country road": said of a place or a thing


def _describes_thing(word: str) -> bool:
    lex = table("objects").words
    return word in lex or word in table("settings").words


def _experiencer(doc: Document, cast: Cast, i: int) -> tuple[int, int | None]:
    """(referent, token of the referring word or None) of who feels the emotion at i."""
    w = doc.tokens[i].low
    prev = doc.tokens[i - 1].low if i > 0 else ""
    if w in _CAUSATIVE and prev not in _COPULA_BEFORE and prev not in {"got", "became", "get"}:
        obj = object_after(doc, cast, i, reach=2)
        if obj is not None:
            return obj, None
    if w.endswith("ing") and w not in {"crying", "weeping", "sobbing", "worrying", "enjoying"}:
        return DREAMER, None  # "it was frightening": the dreamer is the one frightened
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 12) - 1, -1):
        ref = cast.refs.get(j)
        if ref is None or (j < i - 1 and _possessive_of_noun(doc, cast, j)):
            continue
        return ref, j
    return DREAMER, None


def _possessive_of_noun(doc: Document, cast: Cast, j: int) -> bool:
    """``the doctor's office``, ``my mother's``: an owner named before a noun is no subject."""
    w = doc.tokens[j].low
    if w.endswith("'s") or w.endswith("s'"):
        return True
    return (
        w in {"my", "his", "their", "our"} and j + 1 < len(doc.tokens) and doc.tokens[j + 1].is_word
    )


def code_emotions(doc: Document, cast: Cast) -> list[Code]:
    """One code per emotion class and experiencer per sentence, in text order."""
    lex = table("emotions")
    seen: set[tuple[int, str, str]] = set()
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word:
            continue
        cls = lookup(lex.words, tok.low) or _phrase(doc, i, lex.phrases)
        if cls is None or _blocked(doc, i, cls) or _negated(doc, i):
            continue
        ref, ref_tok = _experiencer(doc, cast, i)
        who = who_label(doc, cast, ref, ref_tok)
        if any((tok.sentence - back, cls, who) in seen for back in range(_MERGE_SENTENCES)):
            continue
        seen.add((tok.sentence, cls, who))
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("emotions", f"{cls}, {who}", (start, end), text))
    return codes
