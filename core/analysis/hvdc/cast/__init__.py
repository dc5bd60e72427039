"""The characters of a dream: who appears, coded once each, and which words refer to whom.

:func:`build_cast` makes one pass over the tokens with a :class:`~.state.CastState`; the rules
are plain functions over that state: :mod:`.pronouns` (he/she/they/it, unstated sexes),
:mod:`.nouns` and :mod:`.identity` (character nouns of ``data/characters.tsv`` and their full
code in context), :mod:`.names` (first names of ``data/names.tsv``, titles, prominent people),
:mod:`.mentions` (character nouns that name no one), :mod:`.coref` (mentions of someone already
met) and :mod:`.status` (the dead, ages told later, people met only on waking).  The closed word
classes these rules use live in :mod:`.words`.
"""

from .builder import build_cast
from .model import DREAMER, Cast, Character

__all__ = ["DREAMER", "Cast", "Character", "build_cast"]
