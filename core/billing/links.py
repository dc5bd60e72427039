"""Signed card-checkout links: the bot hands a user a short-lived link (HMAC-SHA256 with the
server's billing key, an expiry and a nonce); the web app opens a checkout for it once.

Only the web app can tell a link is genuine, fresh and unused: a tampered or expired link is
refused before anything is created; the nonce makes the second use collide in the database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass

from core.billing.errors import BillingError

PROVIDERS = ("stripe", "yookassa")


class LinkRefused(BillingError):
    """The link is tampered with, expired or already used: nothing is created."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CheckoutLink:
    user_id: uuid.UUID
    item: str
    provider: str
    expires_at: int
    nonce: str


def _sign(key: bytes, body: str) -> str:
    digest = hmac.new(key, body.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def sign_link(
    key: bytes, user_id: uuid.UUID, item: str, provider: str, ttl: int, now: float | None = None
) -> str:
    """The token for ``/checkout/<token>``: readable fields, then their signature."""
    expires = int((time.time() if now is None else now) + ttl)
    body = f"{user_id.hex}.{item}.{provider}.{expires}.{secrets.token_hex(12)}"
    return f"{body}.{_sign(key, body)}"


def verify_link(key: bytes, token: str, now: float | None = None) -> CheckoutLink:
    """The link's fields, or :class:`LinkRefused` ("tampered" / "expired")."""
    body, _, signature = token.rpartition(".")
    if not body or not hmac.compare_digest(_sign(key, body), signature):
        raise LinkRefused("tampered")
    parts = body.split(".")
    if len(parts) != 5 or parts[2] not in PROVIDERS or not parts[3].isdigit():
        raise LinkRefused("tampered")
    if int(parts[3]) < (time.time() if now is None else now):
        raise LinkRefused("expired")
    return CheckoutLink(uuid.UUID(hex=parts[0]), parts[1], parts[2], int(parts[3]), parts[4])
