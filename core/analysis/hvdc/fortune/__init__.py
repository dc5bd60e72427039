"""Fortune and striving: misfortune (M1..M6) and good fortune (GF), success (SU) and failure (FL).

:mod:`.misfortune` codes what befalls a character without anyone's intent, with
:mod:`.obstacles` (M1) and :mod:`.rules` (other senses of misfortune words); :mod:`.striving`
codes the outcome of a character's own effort from the cues of :mod:`.cues`; :mod:`.scan`
finds every rule's trigger words in one pass.
"""

from .attempts import attempt_sentences
from .misfortune import code_fortunes
from .striving import code_striving

__all__ = ["attempt_sentences", "code_fortunes", "code_striving"]
