"""Typed keys of the aiohttp application's shared state."""

from __future__ import annotations

from aiohttp import web

from core.auth.tokens import TokenService
from core.services import Services

SERVICES: web.AppKey[Services] = web.AppKey("services", Services)
#: The dashboard's session tokens (signing key from the settings).
TOKENS: web.AppKey[TokenService] = web.AppKey("tokens", TokenService)
