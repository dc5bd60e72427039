"""A dream context with its personal data replaced by placeholders, ready to leave the machine.

Every user-written string that may reach a prompt is scrubbed with one shared mapping — the dream,
the HVdC evidence and highlights, symbol evidence, excerpts of past dreams — so a name gets the
same placeholder everywhere and the answer can be restored in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from core.analysis.hvdc.types import Coding
from core.interpret.types import DreamContext, Interpretation
from core.privacy import restore, scrub


@dataclass(frozen=True, slots=True)
class ScrubbedDream:
    """The scrubbed context (spans in it point into the original text) and the mapping back."""

    context: DreamContext
    mapping: dict[str, str]
    truncated: bool = False


class _Scrubber:
    """Accumulates one mapping across several texts.

    A text seen before is answered from memory: HVdC evidence repeats the same phrases (one
    sentence backs several codes), and scrubbing it again with the grown mapping would give the
    same placeholders — every value in it is already mapped — at the cost of a full regex pass.
    """

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self._seen: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text:
            return text
        known = self._seen.get(text)
        if known is not None:
            return known
        result = scrub(text, self.mapping)
        self.mapping = result.mapping
        self._seen[text] = result.text
        return result.text


def scrub_context(context: DreamContext, max_chars: int) -> ScrubbedDream:
    """Scrub every user-written field of ``context``; the dream is cut to ``max_chars`` first
    (at a word boundary) so that a placeholder is never cut in half."""
    text, truncated = _truncate(context.text, max_chars)
    clean = _Scrubber()
    scrubbed = replace(
        context,
        text=clean(text),
        coding=_scrub_coding(context.coding, clean),
        highlights=tuple(clean(h) for h in context.highlights),
        symbols=tuple(replace(s, evidence=clean(s.evidence)) for s in context.symbols),
        similar=tuple(replace(d, excerpt=clean(d.excerpt)) for d in context.similar),
    )
    return ScrubbedDream(scrubbed, clean.mapping, truncated)


def restore_interpretation(result: Interpretation, mapping: dict[str, str]) -> Interpretation:
    """Put the personal data back into the user-visible fields of an answer."""
    return replace(
        result, summary=restore(result.summary, mapping), text=restore(result.text, mapping)
    )


def _scrub_coding(coding: Coding, clean: Callable[[str], str]) -> Coding:
    codes = [replace(c, evidence=clean(c.evidence)) for c in coding.codes]
    return replace(coding, codes=codes)


def _truncate(text: str, max_chars: int) -> tuple[str, bool]:
    if len(text) <= max_chars:
        return text, False
    cut = text.rfind(" ", 0, max_chars)
    return text[: cut if cut > max_chars // 2 else max_chars].rstrip() + " …", True
