"""Typed keys of the aiohttp application's shared state."""

from __future__ import annotations

from aiohttp import web

from core.services import Services

SERVICES: web.AppKey[Services] = web.AppKey("services", Services)
