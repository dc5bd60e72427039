"""Social interactions: aggression, friendliness and sexuality, ``INITIATOR LEVEL+DIR RECIPIENT``.

:mod:`.coding` links interaction verbs to the cast's referents; :mod:`.senses` rules out the
senses of those verbs that are no interaction between characters.
"""

from .coding import code_interactions

__all__ = ["code_interactions"]
