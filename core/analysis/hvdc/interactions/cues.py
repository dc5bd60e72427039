"""The verbs that start a rule's reading (speech, praise, invitations), found in one pass.

The rule modules ask the same question of every token (is it a form of a speech verb, of
``ask``...); one cached lookup per word and one pass per report answers all of them, as
:func:`.acts.act_tokens` does for the lexicons.
"""

from __future__ import annotations

import functools

from ..lexicon import lemma_candidates
from ..text import Document, word_set

#: Verbs that report what is said, for hostile speech (:mod:`.speech`).
REPORTING = word_set("say tell call reply answer exclaim remark retort snap shout yell scream")
#: Verbs that report kind words (:mod:`.praise`).
PRAISING = word_set("say tell comment remark exclaim reply answer")
WISHING = word_set("wish")
#: Request verbs that may invite (:mod:`.invitations`); ``want`` is left out: ``I wanted him
#: to sit on my lap`` is a wish, not a request.
ASKING = word_set("ask beg urge persuade")
COMING = word_set("come")
#: Verbs that take up an offer (:mod:`.acceptance`).
ACCEPTING = word_set("accept agree consent")
#: A laugh that answers a request refuses it (:mod:`.refusing`).
LAUGHING = word_set("laugh")
_CUES = {
    "reporting": REPORTING,
    "praising": PRAISING,
    "wishing": WISHING,
    "asking": ASKING,
    "coming": COMING,
    "accepting": ACCEPTING,
    "laughing": LAUGHING,
}


def cue_tokens(doc: Document) -> dict[str, list[int]]:
    """Per cue, the word tokens that may inflect one of its verbs."""
    found: dict[str, list[int]] = {cue: [] for cue in _CUES}
    for i, tok in enumerate(doc.tokens):
        if tok.is_word:
            for cue in _cues_of(tok.low):
                found[cue].append(i)
    return found


@functools.lru_cache(maxsize=1 << 16)
def _cues_of(word: str) -> tuple[str, ...]:
    forms = lemma_candidates(word)
    return tuple(cue for cue, verbs in _CUES.items() if not verbs.isdisjoint(forms))
