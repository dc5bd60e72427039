"""The card gateways configured for this deployment, built once from the billing settings."""

from __future__ import annotations

from dataclasses import dataclass

from core.billing.config import BillingSettings
from core.billing.stripe_gateway import StripeGateway
from core.billing.yookassa_gateway import YooKassaGateway


@dataclass(slots=True)
class CardGateways:
    stripe: StripeGateway | None = None
    yookassa: YooKassaGateway | None = None

    def by_name(self) -> dict[str, StripeGateway | YooKassaGateway]:
        named: dict[str, StripeGateway | YooKassaGateway] = {}
        if self.stripe is not None:
            named["stripe"] = self.stripe
        if self.yookassa is not None:
            named["yookassa"] = self.yookassa
        return named

    async def aclose(self) -> None:
        if self.stripe is not None:
            await self.stripe.aclose()


def build_card_gateways(billing: BillingSettings) -> CardGateways:
    gateways = CardGateways()
    if billing.stripe_api_key is not None:
        secret = billing.stripe_webhook_secret
        gateways.stripe = StripeGateway(
            billing.stripe_api_key.get_secret_value(),
            secret.get_secret_value() if secret else None,
            billing.stripe_currency,
            billing.stripe_api_base,
        )
    if billing.yookassa_shop_id is not None and billing.yookassa_secret_key is not None:
        gateways.yookassa = YooKassaGateway(
            billing.yookassa_shop_id,
            billing.yookassa_secret_key.get_secret_value(),
            billing.yookassa_api_url,
            billing.yookassa_check_ip,
        )
    return gateways
