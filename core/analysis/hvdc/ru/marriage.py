"""A wedding told by its noun (friendliness 7): the couple, as the English coder reads
``her wedding`` (``core/analysis/hvdc/interactions/marriage.py``).

HVdC codes a marriage once for the couple, mutual, the dreamer first when she is one of them.
«Мне снилась моя свадьба» is the dreamer's marriage (``D 7= X``, X her groom when the dream
names one, else ``Q``); «свадьба сестры», «их свадьба» are that person's. A wedding of no one
(«мы были на свадьбе») is no one's marriage, and a marriage already coded by its verb («я
вышла замуж за…») is not coded again.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .negation import negated
from .nlp import RuDoc
from .roles import actor

_WEDDING = frozenset({"свадьба", "венчание", "бракосочетание"})
_MINE = frozenset({"мой", "наш"})
_GROOMS = frozenset({"жених", "невеста", "муж", "жена", "парень", "возлюбленный", "любимый"})


def _owner(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """Whose wedding the noun at ``i`` is: «моя свадьба», «свадьба сестры», «их свадьба»."""
    before = doc.words[i - 1] if i > 0 else None
    if before is not None and before.lemma in _MINE:
        return "D"
    if before is not None and before.lower in ("его", "ее", "их"):
        return actor(doc, cast, i - 1)
    after = i + 1 if i + 1 < doc.sentences[doc.sentence_of[i]].last else None
    if after is not None and doc.words[after].case == "gent":
        return actor(doc, cast, after)
    return None


def _partner(doc: RuDoc, cast: Cast, owner: str) -> str:
    """The groom or bride the dream names (a partner word in the cast), else ``Q``."""
    for character in cast.characters:
        if doc.words[character.word].lemma in _GROOMS and character.code != owner:
            return character.code
    return "Q"


def code_weddings(doc: RuDoc, cast: Cast, coded: list[Code]) -> list[Code]:
    """``O 7= P`` once per owner for «свадьба» and its synonyms (see the module docstring)."""
    married = {c.code.split()[0] for c in coded if " 7= " in c.code}
    married |= {c.code.split()[-1] for c in coded if " 7= " in c.code}
    codes: list[Code] = []
    for i, w in enumerate(doc.words):
        if w.lemma not in _WEDDING or negated(doc, i):
            continue
        owner = _owner(doc, cast, i)
        if owner is None or owner in married:
            continue
        married.add(owner)
        label = f"{owner} 7= {_partner(doc, cast, owner)}"
        codes.append(Code("friendliness", label, (w.start, w.end), w.text))
    return codes
