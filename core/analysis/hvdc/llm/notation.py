"""The DreamBank notation of the categories the LLM codes: one pattern per category.

The model's answer is checked code by code against these patterns; a code that does not fit is
dropped (and counted), never repaired by guessing.  Patterns follow the coding cards of the
norms: characters ``1MKA``, ``2ANI``, ``1CZZ`` (numbers 3-8 mark the dead and the imaginary);
interactions ``INITIATOR LEVEL+DIR RECIPIENT`` with ``>`` one-way, ``=`` mutual, ``R``
reciprocated, or ``D 1*`` self-directed; settings ``IF``, ``OU``, ``AQ``; emotions, success,
failure, misfortune and good fortune as ``TYPE, WHO``.
"""

from __future__ import annotations

import re

_CHAR = r"(?:[1-8](?:[MFJI][FMXBTHWADCIYRKPOESU][ATCB]|ANI|CZZ))"
_SIDE = rf"(?:D|Q|{_CHAR})(?:\s*\+\s*(?:D|Q|{_CHAR}))*"


def _interaction(levels: str) -> re.Pattern[str]:
    return re.compile(rf"^{_SIDE} (?:[{levels}][>=Rr] {_SIDE}|1\*)$")


def _typed(types: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{types}), {_SIDE}$")


#: Category -> the pattern every code of it must match.
PATTERNS: dict[str, re.Pattern[str]] = {
    "characters": re.compile(rf"^{_CHAR}$"),
    "aggression": _interaction("1-8"),
    "friendliness": _interaction("1-7"),
    "sexuality": _interaction("1-5"),
    "settings": re.compile(r"^(?:[IOAQ][FDGUQ]?|NS)$"),  # NS: no setting
    "success": _typed("SU"),
    "failure": _typed("FL"),
    "misfortune": _typed("M[1-6]"),
    "good_fortune": _typed("GF"),
    "emotions": _typed("AN|AP|SD|CO|HA"),
}
#: The categories the LLM is asked for; objects, activities and modifiers stay with the rules.
LLM_CATEGORIES: tuple[str, ...] = tuple(PATTERNS)


def valid_code(category: str, code: str) -> bool:
    """True when ``code`` is well-formed DreamBank notation for ``category``."""
    pattern = PATTERNS.get(category)
    return pattern is not None and bool(pattern.match(code.strip()))
