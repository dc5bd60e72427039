"""Short excerpts of dream text, for the journal, past-dream echoes and LLM context."""

from __future__ import annotations

import re

#: A trailing word with digits or an @: possibly a phone number, address or e-mail cut short.
_PARTIAL_CONTACT = re.compile(r"[\d@]\S*$")


def excerpt(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text`` (whitespace flattened), ending with "…" when cut.

    The cut prefers a sentence end in the second half and never splits personal data in two: a
    phone number or address cut mid-way would no longer be recognised (and scrubbed) later.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    sentence_end = max(cut.rfind(mark) for mark in (". ", "! ", "? "))
    if sentence_end >= limit // 2:
        return cut[: sentence_end + 1] + " …"
    cut = cut.rsplit(" ", 1)[0]
    while _PARTIAL_CONTACT.search(cut):
        cut = cut.rsplit(" ", 1)[0] if " " in cut else ""
    return cut + "…"
