"""The bot fixtures of ``tests/bot``, reused for the lunar commands."""

from __future__ import annotations

from tests.bot.conftest import product

__all__ = ["product"]
