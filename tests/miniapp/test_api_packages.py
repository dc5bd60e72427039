"""Card packages come from billing's catalogue as signed checkout links, or not at all."""

from __future__ import annotations

from core.billing.config import BillingSettings
from tests.dbutil import initialised_db
from tests.miniapp.harness import web_app


async def test_without_a_card_gateway_there_are_no_packages() -> None:
    async with initialised_db("sqlite") as url, web_app(url) as web:
        status, body = await web.call("GET", "/api/v1/packages", 1001)
    assert (status, body) == (200, {"items": []})


async def test_with_stripe_each_package_has_a_signed_checkout_link() -> None:
    billing = BillingSettings(  # type: ignore[call-arg]
        stripe_api_key="sk_test_x", checkout_base_url="https://pay.example"
    )
    async with initialised_db("sqlite") as url, web_app(url, billing=billing) as web:
        status, body = await web.call("GET", "/api/v1/packages", 1001)
    assert status == 200 and body["items"]
    assert all(item["url"].startswith("https://pay.example/checkout/") for item in body["items"])
    assert all("$" in item["title"] for item in body["items"])
