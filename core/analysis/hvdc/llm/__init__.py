"""HVdC coding by an LLM: the codebook prompt, the notation check and the rules as backstop.

:mod:`.codebook` writes the prompt, :mod:`.answer` asks for and checks a JSON answer against
:mod:`.notation`, :mod:`.backends` calls OpenAI or Anthropic, :mod:`.coder` puts them together
with the rule coder, and :mod:`.choice` picks rules, LLM or ``auto`` for the CLI and pipeline.
"""

from .choice import CHOICES, CoderChoice, PlanCoder, llm_coder
from .coder import CoderStats, LLMCoder, LLMCoding

__all__ = [
    "CHOICES",
    "CoderChoice",
    "CoderStats",
    "LLMCoder",
    "LLMCoding",
    "PlanCoder",
    "llm_coder",
]
