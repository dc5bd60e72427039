"""Codes told once: the readers of acts that a report may tell again (a date, applause, a hand
held, an invitation) code each act once per dream or per sentence, on its first telling."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

from ..text import Document
from ..types import Code

K = TypeVar("K", bound=Hashable)


def add_once(
    codes: list[Code],
    seen: set[K],
    key: K,
    doc: Document,
    token: int,
    label: str,
    category: str = "friendliness",
) -> None:
    """Append ``label`` as a code on ``token`` unless ``key`` was coded already."""
    if key in seen:
        return
    seen.add(key)
    span, text = doc.span_text(token, token)
    codes.append(Code(category, label, span, text))
