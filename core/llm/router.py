"""Which links may answer a dream: by plan (a paying plan may have its own chain), by language
(a link limited with ``@en`` is skipped for Russian), by length (very short dreams go straight
offline) and by budget (a link whose estimated cost exceeds what the user and the service may
still spend is skipped, so spend steers to cheaper models and then to the offline link)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from core.interpret.types import DreamContext
from core.llm.budget import BudgetGuard
from core.llm.config import LLMSettings
from core.llm.errors import STORE_ERRORS
from core.llm.link import LLMLink
from core.llm.prompting import Prompt

log = logging.getLogger(__name__)


class Router:
    """Picks and admits the LLM links for one dream; the offline link is the chain's business."""

    def __init__(
        self, settings: LLMSettings, links: Mapping[str, LLMLink], budget: BudgetGuard
    ) -> None:
        self._settings = settings
        self._links = links
        self._budget = budget

    def candidates(self, context: DreamContext, locale: str) -> list[LLMLink]:
        """The configured LLM links for this dream's plan and language, in chain order."""
        if len(context.text.strip()) < self._settings.min_dream_chars:
            return []
        chosen = []
        for spec in self._settings.links(context.plan):
            link = self._links.get(spec.name)
            if link is not None and (not spec.languages or locale in spec.languages):
                chosen.append(link)
        return chosen

    async def admits(self, link: LLMLink, context: DreamContext, prompt: Prompt) -> bool:
        """True when the link's estimated cost fits the remaining budgets (free links always do;
        an unreachable budget store admits only free links)."""
        estimate = link.estimate_cost(prompt)
        if estimate <= 0:
            return True
        try:
            remaining = await self._budget.remaining(context.user_key, context.plan)
        except STORE_ERRORS as exc:
            log.warning("budget store unavailable, paid links skipped: %s", exc)
            return False
        return estimate <= remaining
