"""The web app with both card gateways pointed at local fakes, on a migrated test database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from aiohttp import web

from cli.runtime import build_runtime
from core.billing.config import BillingSettings, billing_key
from core.config import Settings
from core.services import Services
from miniapp.app import create_app
from tests.fakes import stripe_server, yookassa_server
from tests.fakes.stripe_server import FakeStripe
from tests.fakes.yookassa_server import FakeYooKassa

BILLING_SECRET = "test-billing-secret-0123456789abcdef"
PUBLIC = "http://shop.example"


@dataclass
class RecordingReceipts:
    sent: list[tuple[int, str]] = field(default_factory=list)

    async def send_receipt(self, telegram_id: int, text: str) -> None:
        self.sent.append((telegram_id, text))


@dataclass
class BillingApp:
    url: str
    services: Services
    receipts: RecordingReceipts
    stripe: FakeStripe
    yookassa: FakeYooKassa

    @property
    def key(self) -> bytes:
        key = billing_key(self.services.settings)
        assert key is not None
        return key


def billing_settings(stripe: FakeStripe, yookassa: FakeYooKassa, **extra: Any) -> Settings:
    """Both gateways on their fakes; ``extra``: more billing fields by name."""
    values: dict[str, Any] = {
        "secret": BILLING_SECRET,
        "checkout_base_url": PUBLIC,
        "stripe_api_key": stripe_server.API_KEY,
        "stripe_webhook_secret": stripe_server.WEBHOOK_SECRET,
        "stripe_api_base": stripe.base_url,
        "yookassa_shop_id": yookassa_server.SHOP_ID,
        "yookassa_secret_key": yookassa_server.SECRET_KEY,
        "yookassa_api_url": yookassa.api_url,
        "yookassa_check_ip": False,
    }
    values.update(extra)
    return Settings(_env_file=None, billing=BillingSettings(**values))  # type: ignore[call-arg]


@asynccontextmanager
async def billing_app(**extra: Any) -> AsyncIterator[BillingApp]:
    async with (
        FakeStripe() as stripe,
        FakeYooKassa() as yookassa,
        # The test's database is connected already; no bot: receipts are recorded instead.
        build_runtime(billing_settings(stripe, yookassa, **extra), database=False) as runtime,
    ):
        receipts = RecordingReceipts()
        services = replace(runtime.services, receipts=receipts)
        runner = web.AppRunner(create_app(services), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        try:
            yield BillingApp(f"http://{host}:{port}", services, receipts, stripe, yookassa)
        finally:
            await runner.cleanup()
