"""Typed keys of the aiohttp application's shared state."""

from __future__ import annotations

from aiohttp import web

from core.auth.account_lookup import RecentAccounts
from core.auth.tokens import TokenService
from core.services import Services
from miniapp.journal_pages import JournalPages

SERVICES: web.AppKey[Services] = web.AppKey("services", Services)
#: The dashboard's session tokens (signing key from the settings).
TOKENS: web.AppKey[TokenService] = web.AppKey("tokens", TokenService)
#: Accounts read by recent API requests, reused by reads for a moment.
ACCOUNTS: web.AppKey[RecentAccounts] = web.AppKey("accounts", RecentAccounts)
#: Journal pages as sent, reused while the user's journal is unchanged.
JOURNAL_PAGES: web.AppKey[JournalPages] = web.AppKey("journal_pages", JournalPages)
