"""Aggression, friendliness and sexuality in a Russian report: who did what to whom.

A verb from the lists names the act and its HVdC level; the sentence's dependency parse names
the initiator (the verb's subject, or the subject of the verb it is coordinated with) and the
recipient (the accusative object, the dative, or the object of the verb's own preposition:
«гнаться **за** мной», «напасть **на** неё», «ссориться **с** братом»). Only sentences that hold
such a verb are parsed. An act with no recipient who is a person is not an interaction.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import Entry, lexicon
from .negation import negated
from .nlp import RuDoc, children, head_of, parse_syntax
from .roles import actor, clause_subject

CATEGORIES: tuple[str, ...] = ("aggression", "friendliness", "sexuality")
_SUBJECT = ("nsubj", "nsubj:pass")
_OBJECTS = ("obj", "iobj", "obl", "nmod", "obl:agent")
#: Reciprocal verbs with «с»: the act is mutual (HVdC "=").
_MUTUAL_PREPOSITION = "с"


def _candidates(doc: RuDoc) -> list[tuple[int, int, str, Entry]]:
    """(word, length, category, entry) for every listed act that is not denied."""
    lemmas = [w.lemma for w in doc.words]
    found: list[tuple[int, int, str, Entry]] = []
    for category in CATEGORIES:
        lex = lexicon(category)
        i = 0
        while i < len(lemmas):
            hit = lex.phrase_at(lemmas, i)
            entry, length = hit if hit else (lex.words.get(lemmas[i]), 1)
            if entry is not None and doc.words[i].pos in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
                if lemmas[i] == "не" or not negated(doc, i):
                    found.append((i, length, category, entry))
            elif entry is not None and hit is not None:
                found.append((i, length, category, entry))
            i += length
    return found


def _preposition(doc: RuDoc, i: int) -> str:
    for child, rel in children(doc, i):
        if rel == "case":
            return doc.words[child].lower
    return ""


def _subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """The verb's subject, or that of the verb it is joined to («побежала и ударила»)."""
    current: int | None = verb
    for _ in range(4):
        if current is None or current < 0:
            break
        for child, rel in children(doc, current):
            if rel in _SUBJECT:
                return actor(doc, cast, child)
        w = doc.words[current]
        if w.person == "1per":
            return "D"
        link = head_of(doc, current)
        if link is None or link[1] not in ("conj", "xcomp", "advcl"):
            break
        current = link[0]
    return None


def _recipient(doc: RuDoc, cast: Cast, verb: int, marker: str) -> str | None:
    """The person the act is aimed at, by the verb's marker (obj, dat or a preposition)."""
    fallback: str | None = None
    for child, rel in children(doc, verb):
        if rel not in _OBJECTS:
            continue
        who = actor(doc, cast, child)
        if who is None:
            continue
        w, preposition = doc.words[child], _preposition(doc, child)
        if marker == "obj" and rel == "obj" and not preposition:
            return who
        if marker == "dat" and w.case == "datv" and not preposition:
            return who
        if preposition and preposition == marker:
            return who
        if fallback is None and not preposition and rel in ("obj", "iobj"):
            fallback = who
    return fallback


def _code(doc: RuDoc, cast: Cast, i: int, category: str, entry: Entry) -> Code | None:
    verb = doc.words[i]
    initiator = _subject(doc, cast, i) or clause_subject(doc, cast, i)
    recipient = _recipient(doc, cast, i, entry.extra)
    if recipient is None or recipient == initiator:
        return None
    if initiator == "D" and verb.person == "3per" and verb.number == "plur" and recipient != "D":
        initiator = "2IUA"  # «их поймали»: an indefinite group did it
    mutual = entry.extra == _MUTUAL_PREPOSITION and verb.lemma.endswith(("ся", "сь"))
    sign = "=" if mutual else ">"
    return Code(
        category, f"{initiator} {entry.code}{sign} {recipient}", (verb.start, verb.end), verb.text
    )


def code_interactions(doc: RuDoc, cast: Cast) -> list[Code]:
    """Interaction codes in text order; the same act between the same pair in a sentence once."""
    candidates = _candidates(doc)
    parse_syntax(doc, sorted({doc.sentence_of[i] for i, _, _, _ in candidates}))
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    for i, _length, category, entry in sorted(candidates, key=lambda c: c[0]):
        verb = i + 1 if doc.words[i].lower == "не" and i + 1 < len(doc.words) else i
        code = _code(doc, cast, verb, category, entry)
        if code is None:
            continue
        key = (doc.sentence_of[i], code.code)
        if key not in seen:
            seen.add(key)
            codes.append(code)
    return codes
