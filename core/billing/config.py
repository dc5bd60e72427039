"""The ``billing`` section of the settings (``settings.billing``): catalogue, secrets, gateways.

Read with the rest by ``core.config``; each field names its flat environment variable. The
server's billing key and the public address of checkout links fall back to top-level settings
(the bot token, ``PUBLIC_URL``), so those two are functions of the whole :class:`Settings`.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, SecretStr

if TYPE_CHECKING:
    from core.config import Settings


class BillingSettings(BaseModel):
    model_config = ConfigDict(frozen=True, validate_by_name=True)

    secret: SecretStr | None = Field(None, validation_alias="BILLING_SECRET")
    catalogue_json: str | None = Field(None, validation_alias="BILLING_CATALOGUE")
    support_contact: str = Field("", validation_alias="BILLING_SUPPORT_CONTACT")
    checkout_base_url: str | None = Field(None, validation_alias="CHECKOUT_BASE_URL")
    checkout_link_ttl: int = Field(900, validation_alias="CHECKOUT_LINK_TTL", ge=30, le=86400)
    stripe_api_key: SecretStr | None = Field(None, validation_alias="STRIPE_API_KEY")
    stripe_webhook_secret: SecretStr | None = Field(None, validation_alias="STRIPE_WEBHOOK_SECRET")
    stripe_api_base: str | None = Field(None, validation_alias="STRIPE_API_BASE")
    stripe_currency: str = Field("usd", validation_alias="STRIPE_CURRENCY", pattern=r"^(usd|eur)$")
    yookassa_shop_id: str | None = Field(None, validation_alias="YOOKASSA_SHOP_ID")
    yookassa_secret_key: SecretStr | None = Field(None, validation_alias="YOOKASSA_SECRET_KEY")
    yookassa_api_url: str | None = Field(None, validation_alias="YOOKASSA_API_URL")
    yookassa_check_ip: bool = Field(True, validation_alias="YOOKASSA_CHECK_IP")

    @property
    def stripe_enabled(self) -> bool:
        return self.stripe_api_key is not None

    @property
    def yookassa_enabled(self) -> bool:
        return self.yookassa_shop_id is not None and self.yookassa_secret_key is not None


def billing_key(settings: Settings) -> bytes | None:
    """The server secret for checkout links and account hashes: ``BILLING_SECRET``, else one
    derived from the bot token (a deployment with a bot always has one)."""
    if settings.billing.secret is not None:
        return settings.billing.secret.get_secret_value().encode()
    if settings.bot_token is not None:
        token = settings.bot_token.get_secret_value().encode()
        return hmac.new(b"oneiroscope-billing-key", token, hashlib.sha256).digest()
    return None


def checkout_base_url(settings: Settings) -> str | None:
    """Where checkout links point: ``CHECKOUT_BASE_URL``, else ``PUBLIC_URL``."""
    base = settings.billing.checkout_base_url or settings.public_url
    return base.rstrip("/") if base else None


def card_payments_on(settings: Settings) -> bool:
    """Card checkout needs a gateway, a public address for links and a key to sign them."""
    billing = settings.billing
    gateway = billing.stripe_enabled or billing.yookassa_enabled
    return gateway and checkout_base_url(settings) is not None and billing_key(settings) is not None
