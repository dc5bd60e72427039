"""The bot's routers, one per feature, built fresh for each dispatcher (tests build many)."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    account,
    account_billing,
    common,
    dreams,
    errors,
    help,
    journal,
    long_dreams,
    lunar,
    payments,
    place,
    settings,
    start,
    voice,
    voice_settings,
)


def get_routers() -> list[Router]:
    """Routers in the order they are tried; ``common`` catches whatever nobody else handled."""
    return [
        errors.create_router(),
        # Payments first: a successful_payment message must never reach the dream handlers.
        payments.create_router(),
        account_billing.create_router(),
        start.create_router(),
        help.create_router(),
        settings.create_router(),
        place.create_router(),
        journal.create_router(),
        lunar.create_router(),
        voice.create_router(),
        voice_settings.create_router(),
        account.create_router(),
        long_dreams.create_router(),
        dreams.create_router(),
        common.create_router(),
    ]
