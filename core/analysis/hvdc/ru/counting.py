"""How often an interaction is counted: HVdC counts acts, not the sentences that tell them.

- the same act between the same pair told again within three sentences is one act, and a
  chase that goes on or a couple's marriage is one act however far it is told again;
- a feeling (level 1) acted on toward the same person in the same or the next sentence is
  coded as the act only;
- an act answering the other side's earlier act is reciprocated (``R``), as the English coder
  writes it (``core/analysis/hvdc/interactions/coding.py``).
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .nlp import RuDoc

MARRIAGE = "7"
_RETOLD = 3  # sentences within which the same act between the same pair is one act


def _acted_on(code: Code, sentence: int, codes: list[Code], sentence_of: dict[int, int]) -> bool:
    """«я обрадовалась ей, окликнула её»: a feeling (level 1) the dreamer acts on toward the
    same person in the same or the next sentence is coded as the act only."""
    who, level, whom = _parts(code)
    if level != "1":
        return False
    for other in codes:
        o_who, o_level, o_whom = _parts(other)
        near = sentence_of.get(other.span[0], -2) - sentence if other.span else -2
        same = (o_who, o_whom, other.category) == (who, whom, code.category)
        if same and o_level not in ("1", "") and near in (0, 1):
            return True
    return False


def _parts(code: Code) -> tuple[str, str, str]:
    """(initiator, level, recipient) of a code such as «D 2> 1FKA»."""
    parts = code.code.split()
    if len(parts) != 3:
        return "", "", ""
    return parts[0], parts[1][:1], parts[2]


def _lasting(code: Code) -> bool:
    """A chase goes on however far it is told again, and a couple marries once a dream."""
    if code.category == "friendliness":
        return f" {MARRIAGE}= " in code.code
    return code.category == "aggression" and " 6> " in code.code


def reciprocated(codes: list[Code]) -> list[Code]:
    """«она толкнула меня, и я толкнула её»: an act answering the other side's earlier act of
    the same category is reciprocated, ``R`` in the notation (``D 7R 1FKA``); HVdC counts it
    as an interaction but not as the answerer's initiative (Aggressor %, Befriender %)."""
    out: list[Code] = []
    done: set[tuple[str, str, str]] = set()
    for code in codes:
        who, level, whom = _parts(code)
        if ">" in code.code and (code.category, whom, who) in done:
            code = Code(code.category, f"{who} {level}R {whom}", code.span, code.evidence)
        elif ">" in code.code:
            done.add((code.category, who, whom))
        out.append(code)
    return out


def count_once(doc: RuDoc, codes: list[Code]) -> list[Code]:
    """An act told again within three sentences is one act (a chase that goes on, however
    far): the same code of the same category between the same pair is kept the first time
    only (a kind word and a hostile one between the same pair are two acts)."""
    sentence_of = {w.start: doc.sentence_of[k] for k, w in enumerate(doc.words)}
    kept: list[Code] = []
    seen: set[tuple[int, str, str]] = set()  # (sentence, category, code)
    for code in codes:
        sentence = sentence_of.get(code.span[0], -1) if code.span else -1
        if _acted_on(code, sentence, codes, sentence_of):
            continue
        same = [k for k, cat, c in seen if (cat, c) == (code.category, code.code)]
        told = (_lasting(code) and bool(same)) or any(sentence - k < _RETOLD for k in same)
        if not told:
            seen.add((sentence, code.category, code.code))
            kept.append(code)
    return kept
