"""Hall/Van de Castle content analysis of dream reports: the offline coder and its types.

:func:`code_dream` (in :mod:`.coder`) reads a report as a pipeline: :mod:`.text` splits it
into tokens, sentences and clauses; :mod:`.cast` finds the characters and resolves every
referring word; each category is then coded from its word list (``data/*.tsv``, loaded by
:mod:`.lexicon`) and the rules named here.  :mod:`.participants` tells, for any coder, who does
or undergoes what (subject and object of a word, passives).

=============================  ======================================  ========================
HVdC category                  word lists (``data/``)                  rules
=============================  ======================================  ========================
characters                     ``characters.tsv``, ``names.tsv``        :mod:`.cast` (``words``
                               (and ``objects``/``settings`` to tell    for closed word classes)
                               a qualifier from a person)
aggression, friendliness,      ``aggression.tsv``, ``friendliness.tsv``, :mod:`.interactions`
sexuality                      ``sexuality.tsv`` (lemma -> level)       (``senses``: non-acts)
settings (scenes)              ``settings.tsv`` (+ ``objects.tsv``)     :mod:`.scenes`
emotions                       ``emotions.tsv``                         :mod:`.emotions`
misfortune, good fortune       ``misfortune.tsv``                       :mod:`.fortune`
                                                                        (``misfortune``,
                                                                        ``obstacles``, ``rules``)
success, failure               ``striving.tsv`` (cue roles)             :mod:`.fortune.striving`
                                                                        (``cues``;
                                                                        ``attempts``: parse)
objects, activities, modifiers ``objects.tsv``, ``activities.tsv``,     :mod:`.things`
                               ``modifiers.tsv``
=============================  ======================================  ========================

The HVdC category "settings" is coded by :mod:`.scenes`: in this code base "settings" means the
product's configuration.
"""

from .coder import code_dream, code_dreams, detect_language
from .types import CATEGORIES, Code, Coding

__all__ = ["CATEGORIES", "Code", "Coding", "code_dream", "code_dreams", "detect_language"]
