"""Token usage and its price: a table of USD per 1M tokens per model, looked up by the longest
matching prefix so that dated snapshots (``gpt-4o-mini-2024-07-18``) share their family's price.
Unknown models (local Ollama or vLLM models, new releases) cost 0 and are logged once."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: USD per 1M (input, output) tokens, list prices as published by the providers.
PRICES_PER_1M: Mapping[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "text-embedding-3-small": (0.02, 0.0),
    "text-embedding-3-large": (0.13, 0.0),
    "claude-3-haiku": (0.25, 1.25),
    "claude-3-5-haiku": (0.80, 4.00),
    "claude-haiku-4-5": (1.00, 5.00),
    "claude-3-5-sonnet": (3.00, 15.00),
    "claude-3-7-sonnet": (3.00, 15.00),
    "claude-sonnet-4": (3.00, 15.00),
}


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens spent on one or more calls and what they cost."""

    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0

    @property
    def tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cost_usd + other.cost_usd,
        )


class PriceTable:
    """Prices per model; ``prices`` overrides or extends the built-in table."""

    def __init__(self, prices: Mapping[str, tuple[float, float]] | None = None) -> None:
        self._prices = dict(PRICES_PER_1M)
        self._prices.update(prices or {})
        self._logged_unknown: set[str] = set()

    def price(self, model: str) -> tuple[float, float]:
        """USD per 1M (input, output) tokens; (0, 0) for an unknown model."""
        key = max((k for k in self._prices if model.startswith(k)), key=len, default=None)
        if key is None:
            if model not in self._logged_unknown:
                self._logged_unknown.add(model)
                log.info("no price for model %s: its calls are counted as free", model)
            return 0.0, 0.0
        return self._prices[key]

    def usage(self, model: str, input_tokens: int, output_tokens: int) -> Usage:
        """The usage of one call with its cost."""
        price_in, price_out = self.price(model)
        cost = (input_tokens * price_in + output_tokens * price_out) / 1_000_000
        return Usage(input_tokens, output_tokens, cost)
