"""The dashboard's token service, with its signing key from the settings."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import timedelta

from core.auth.tokens import TokenService
from core.config import Settings
from core.services import Services

log = logging.getLogger(__name__)


def signing_key(settings: Settings) -> str:
    """``WEB_SECRET_KEY``; else one derived from the bot token (stable across restarts and
    processes, and useless without the token); else a key of this process only."""
    if settings.web.secret_key is not None:
        return settings.web.secret_key.get_secret_value()
    if settings.bot_token is not None:
        token = settings.bot_token.get_secret_value().encode()
        return hmac.new(token, b"oneiroscope dashboard tokens", hashlib.sha256).hexdigest()
    log.warning("WEB_SECRET_KEY is not set: dashboard sessions end when this process stops")
    return secrets.token_hex(32)


def token_service(services: Services) -> TokenService:
    settings = services.settings
    return TokenService(
        signing_key(settings),
        services.cache,
        access_ttl=timedelta(seconds=settings.web.access_token_ttl_s),
        refresh_ttl=timedelta(seconds=settings.web.refresh_token_ttl_s),
    )
