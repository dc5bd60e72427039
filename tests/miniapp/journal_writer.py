"""Another process of the deployment (a bot or a worker) telling a dream: run as
``python -m tests.miniapp.journal_writer DATABASE_URL REDIS_URL NAMESPACE TELEGRAM_ID TEXT``;
prints the new dream's id. It writes through the product's own code (``save_dream``) inside
its own runtime, so the change reaches the web process only through Redis."""

from __future__ import annotations

import asyncio
import sys

from cli.runtime import build_runtime
from core.db.models import DreamSource, User
from core.dreams.intake import save_dream, validate_dream
from tests.miniapp.harness import web_settings


async def main(
    database_url: str, redis_url: str, namespace: str, telegram_id: int, text: str
) -> None:
    settings = web_settings(database_url, redis_url, BOT_TOKEN=None, REDIS_NAMESPACE=namespace)
    async with build_runtime(settings, migrate=False):
        user = await User.get(telegram_id=telegram_id)
        told = validate_dream(
            text, min_chars=settings.min_dream_chars, max_chars=settings.max_dream_chars
        )
        dream, _ = await save_dream(user, told, source=DreamSource.TEXT)
        print(dream.id)


if __name__ == "__main__":
    database_url, redis_url, namespace, telegram_id, text = sys.argv[1:]
    asyncio.run(main(database_url, redis_url, namespace, int(telegram_id), text))
