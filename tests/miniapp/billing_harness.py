"""The web app with both card gateways pointed at local fakes, on a migrated test database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from core.config import Settings
from core.services import Services, build_services
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
        key = self.services.settings.billing.signing_key
        assert key is not None
        return key


def billing_settings(stripe: FakeStripe, yookassa: FakeYooKassa, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "BILLING_SECRET": BILLING_SECRET,
        "CHECKOUT_BASE_URL": PUBLIC,
        "STRIPE_API_KEY": stripe_server.API_KEY,
        "STRIPE_WEBHOOK_SECRET": stripe_server.WEBHOOK_SECRET,
        "STRIPE_API_BASE": stripe.base_url,
        "YOOKASSA_SHOP_ID": yookassa_server.SHOP_ID,
        "YOOKASSA_SECRET_KEY": yookassa_server.SECRET_KEY,
        "YOOKASSA_API_URL": yookassa.api_url,
        "YOOKASSA_CHECK_IP": False,
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@asynccontextmanager
async def billing_app(**extra: Any) -> AsyncIterator[BillingApp]:
    async with FakeStripe() as stripe, FakeYooKassa() as yookassa:
        services = build_services(billing_settings(stripe, yookassa, **extra))
        receipts = RecordingReceipts()
        services.receipts = receipts
        runner = web.AppRunner(create_app(services), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        try:
            yield BillingApp(f"http://{host}:{port}", services, receipts, stripe, yookassa)
        finally:
            await runner.cleanup()
