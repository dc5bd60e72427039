"""Social interactions: aggression, friendliness and sexuality, ``INITIATOR LEVEL+DIR RECIPIENT``.

:mod:`.coding` links interaction verbs to the cast's referents, through the parse where the
sentence was parsed (:mod:`.parsed`); :mod:`.senses` rules out the
senses of those verbs that are no interaction between characters.
"""

from .coding import code_interactions
from .select import candidate_sentences

__all__ = ["candidate_sentences", "code_interactions"]
