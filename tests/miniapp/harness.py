"""The web app over a migrated test database, with helpers to call the API as a Mini App user or
as a signed-in dashboard user, and to seed analysed dreams through the real analysis."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from cli.runtime import build_runtime
from core.auth.config import WebSettings
from core.config import Settings
from core.db.models import Dream, User
from core.dreams.analyzer import Analyzer
from core.dreams.lunar_night import lunar_night
from core.dreams.pipeline import JobTicket, run_analysis
from core.dreams.report import (
    AnalysisReport,
    Delivery,
    FailureReason,
    JournalOnlyNotifier,
    Stage,
)
from core.embeddings import HashingEmbedder
from core.interpret.offline import OfflineInterpreter
from core.services import Services
from miniapp.app import create_app
from tests.miniapp.signing import BOT_TOKEN, init_data


def web_settings(database_url: str, redis_url: str | None = None, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "BOT_TOKEN": BOT_TOKEN,
        # The test server speaks plain http; Telegram id 900 is an admin.
        "web": WebSettings(cookie_secure=False),  # type: ignore[call-arg]
        "ADMIN_TELEGRAM_IDS": "900",
        "REDIS_NAMESPACE": f"test-{secrets.token_hex(6)}",
        "LOG_FORMAT": "text",
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class Web:
    client: TestClient[Any, Any]
    services: Services
    sessions: dict[str, dict[str, str]] = field(default_factory=dict)

    def tma(self, telegram_id: int, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"tma {init_data(telegram_id, **kwargs)}"}

    async def call(
        self, method: str, path: str, telegram_id: int | None = None, **kwargs: Any
    ) -> tuple[int, Any]:
        headers = dict(kwargs.pop("headers", {}))
        if telegram_id is not None:
            headers.update(self.tma(telegram_id))
        async with self.client.request(method, path, headers=headers, **kwargs) as response:
            return response.status, await _body(response)


async def _body(response: ClientResponse) -> Any:
    if response.content_type == "application/json":
        return await response.json()
    return await response.read()


@asynccontextmanager
async def web_app(
    database_url: str, redis_url: str | None = None, **extra: Any
) -> AsyncIterator[Web]:
    """The app over an already connected database (``initialised_db``), built by the real
    composition root; analyses stay in the journal (no Telegram to reply through)."""
    settings = web_settings(database_url, redis_url, **extra)
    async with build_runtime(
        settings, database=False, notifier=JournalOnlyNotifier(), embedder=HashingEmbedder()
    ) as runtime:
        client: TestClient[Any, Any] = TestClient(TestServer(create_app(runtime.services)))
        await client.start_server()
        try:
            yield Web(client, runtime.services)
        finally:
            await client.close()


class _SilentNotifier:
    async def progress(self, delivery: Delivery, stage: Stage) -> None:
        return None

    async def deliver(self, delivery: Delivery, report: AnalysisReport) -> None:
        return None

    async def fail(self, delivery: Delivery, reason: FailureReason) -> None:
        raise AssertionError(f"seeding an analysis failed: {reason}")


ANALYZER = Analyzer(interpreter=OfflineInterpreter(), embedder=HashingEmbedder(), lunar=lunar_night)


async def analysed_dream(user: User, text: str, when: datetime | None = None) -> Dream:
    """A dream analysed by the real offline analysis (credits permitting: give some first)."""
    dream = await Dream.create(user=user, text=text, language="ru" if _cyrillic(text) else "en")
    if when is not None:
        await Dream.filter(id=dream.id).update(created_at=when)
    delivery = Delivery(chat_id=user.telegram_id or 0, status_message_id=None, locale=user.language)
    ticket = JobTicket(job_key=f"seed:{dream.id}", lease_s=60.0)
    await run_analysis(ANALYZER, _SilentNotifier(), dream.id, delivery, ticket)
    return await Dream.get(id=dream.id)


def _cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" for ch in text)
