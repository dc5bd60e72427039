"""Who "we" is when the dreamer strives or suffers with others.

Coders name everyone who shares a striving or a misfortune (``FL, D + 1FKA``), so the "we"
of a report takes the people of the last few sentences, up to three of them.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..text import Document

_COMPANIONS = 3

_COMPANION_SENTENCES = 3


def companions_of_we(doc: Document, cast: Cast, i: int) -> list[int]:
    """Who "we" at token i strives with: the people of the last few sentences (a group
    introduced at the start of a report is still "we" three sentences on), animals aside."""
    sent = doc.tokens[i].sentence
    out: list[int] = []
    for j in range(i - 1, max(-1, i - 150), -1):  # bounded: run-on reports
        if doc.tokens[j].sentence < sent - _COMPANION_SENTENCES:
            break
        ref = cast.refs.get(j)
        if ref is None or ref == DREAMER or ref in out:
            continue
        char = cast.characters[ref]
        if char.is_animal or char.number not in {"1", "2"}:  # animals, the dead
            continue
        out.append(ref)
    return out[:_COMPANIONS][::-1]  # in order of mention
