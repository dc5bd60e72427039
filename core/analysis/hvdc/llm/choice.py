"""Which coder codes a report: the rules, an LLM, or the LLM when one is configured (``auto``).

``oneiroscope code --coder`` and the analysis pipeline make the same choice; in the pipeline
``auto`` spends LLM calls only on the premium plans' dreams (an LLM coding costs about as much
as an interpretation), ``llm`` on every plan's.  The model is the first provider link of the
plan's interpretation chain (``LLM_CHAIN`` / ``LLM_CHAIN_PREMIUM``) whose provider has a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.llm.config import OFFLINE, LLMSettings
from core.llm.pricing import PriceTable
from core.llm.providers import anthropic_client, openai_client

from ..coder import code_dream
from ..types import Coding
from .backends import AnthropicCoding, CodingBackend, OpenAICoding
from .coder import LLMCoder

CoderChoice = Literal["rules", "llm", "auto"]
CHOICES: tuple[CoderChoice, ...] = ("rules", "llm", "auto")


def llm_backend(settings: LLMSettings, plan: str = "") -> CodingBackend | None:
    """The plan's first chain link that can be called, as a coding backend; None when no
    provider is configured."""
    for spec in settings.links(plan):
        if spec.provider == OFFLINE:
            continue
        if spec.provider == "openai" and (client := openai_client(settings)) is not None:
            return OpenAICoding(client, spec.model)
        if spec.provider == "anthropic" and (aclient := anthropic_client(settings)) is not None:
            return AnthropicCoding(aclient, spec.model)
    return None


def llm_coder(settings: LLMSettings, plan: str = "") -> LLMCoder | None:
    """An :class:`LLMCoder` for the plan's model, or None when no provider is configured."""
    backend = llm_backend(settings, plan)
    if backend is None:
        return None
    return LLMCoder(
        backend,
        prices=PriceTable(settings.prices),
        timeout_s=settings.request_timeout_s,
    )


@dataclass(slots=True)
class PlanCoder:
    """The pipeline's coder: rules, or an LLM for the plans the choice gives one."""

    choice: CoderChoice
    premium: LLMCoder | None = None
    standard: LLMCoder | None = None
    premium_plans: frozenset[str] = frozenset()

    @classmethod
    def build(cls, choice: CoderChoice, settings: LLMSettings) -> PlanCoder:
        if choice == "rules":
            return cls(choice)
        premium_plan = next(iter(sorted(settings.premium_plans)), "")
        standard = llm_coder(settings) if choice == "llm" else None
        return cls(choice, llm_coder(settings, premium_plan), standard, settings.premium_plans)

    async def aclose(self) -> None:
        """Close the providers' clients."""
        for coder in (self.premium, self.standard):
            if coder is not None:
                await coder.aclose()

    async def code(self, text: str, language: str, plan: str) -> Coding:
        """The report's coding for a user of ``plan``."""
        coder = self.premium if plan in self.premium_plans else self.standard
        if coder is None:
            return code_dream(text, lang=language)
        return (await coder.code(text, language)).coding
