"""The Telegram webhook: a secret it never runs without, and a request handler that answers any
body — forged, malformed or unparsable — with a clean status instead of a crash.

Telegram sends the secret given to ``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token``. Without
one, anybody who guesses the URL can post updates as any user (a forged "delete my account"
button press did exactly that), so webhook mode always has a secret: ``WEBHOOK_SECRET`` when set,
otherwise one derived from the bot token (HKDF-SHA256), which every process of a deployment
derives alike — the ``bot`` process registers it, the ``web`` processes check it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import re
import secrets
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from aiohttp import web
from pydantic import ValidationError

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: What Telegram accepts as a secret token (Bot API ``setWebhook``).
_SECRET_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_HKDF_SALT = b"oneiroscope/telegram-webhook"
_HKDF_INFO = b"secret_token v1"
#: Telegram gives up on a webhook request after about a minute; answer before it does.
FOREGROUND_SECONDS = 50.0


class WebhookConfigError(ValueError):
    """Webhook mode cannot start as configured; the message says what to set."""


def derive_webhook_secret(bot_token: str) -> str:
    """HKDF-SHA256 (RFC 5869, one output block) of the bot token: a stable secret that reveals
    nothing about the token and that every process of the deployment computes alike.

    >>> derive_webhook_secret("1:a") == derive_webhook_secret("1:a") != derive_webhook_secret("1:b")
    True
    """
    prk = hmac.new(_HKDF_SALT, bot_token.encode(), hashlib.sha256).digest()
    okm = hmac.new(prk, _HKDF_INFO + b"\x01", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(okm).rstrip(b"=").decode()


def resolve_webhook_secret(configured: str | None, bot_token: str | None) -> str:
    """The secret webhook mode runs with: ``WEBHOOK_SECRET``, or one derived from the token.

    Raises :class:`WebhookConfigError` when neither can give a usable secret.
    """
    if configured:
        if not _SECRET_FORMAT.match(configured):
            raise WebhookConfigError(
                "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, '_' or '-' "
                "(Telegram's rule for secret tokens); unset it to derive one from BOT_TOKEN"
            )
        return configured
    if not bot_token:
        raise WebhookConfigError(
            "webhook mode (PUBLIC_URL is set) needs BOT_TOKEN or WEBHOOK_SECRET to check that "
            "updates come from Telegram"
        )
    log.warning(
        "WEBHOOK_SECRET is not set: the webhook is protected by a secret derived from BOT_TOKEN"
    )
    return derive_webhook_secret(bot_token)


def _bad_request(reason: str) -> web.Response:
    return web.json_response({"ok": False, "error": reason}, status=400)


class WebhookHandler:
    """Checks the secret, parses the update, and feeds it to the dispatcher.

    The update is handled before the answer (bounded by :data:`FOREGROUND_SECONDS`), so a
    process that dies mid-update answers nothing and Telegram delivers the update again.
    Anything that is not a readable update is a 400 with one WARNING line — never a 500 or a
    task whose exception nobody reads.
    """

    def __init__(self, dispatcher: Dispatcher, bot: Bot, secret: str, **data: Any) -> None:
        if not secret:
            raise WebhookConfigError("the webhook handler needs a secret")
        self._dispatcher = dispatcher
        self._bot = bot
        self._secret = secret.encode()
        self._data = data
        self._tasks: set[asyncio.Task[None]] = set()

    def register(self, app: web.Application, path: str = WEBHOOK_PATH) -> None:
        app.router.add_post(path, self.handle)
        app.on_shutdown.append(self._drain)

    def _authorised(self, request: web.Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        return secrets.compare_digest(given, self._secret)

    async def handle(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            log.warning("webhook request refused: wrong or missing secret token")
            return web.Response(status=401, text="Unauthorized")
        update = await self._read_update(request)
        if isinstance(update, web.Response):
            return update
        try:
            update.event_type  # noqa: B018 - raises for an update of no kind aiogram knows
        except UpdateTypeLookupError:
            # A kind newer than aiogram (or none at all): acknowledged, so Telegram moves on.
            log.info("update %s of an unknown kind ignored", update.update_id)
            return web.json_response({})
        task = asyncio.ensure_future(self._feed(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        # Shielded: Telegram hanging up or a slow handler must not cancel the update half-done.
        done, _ = await asyncio.wait({task}, timeout=FOREGROUND_SECONDS)
        if not done:
            log.warning(
                "update %s still running after %.0f s", update.update_id, FOREGROUND_SECONDS
            )
        return web.json_response({})

    async def _read_update(self, request: web.Request) -> Update | web.Response:
        try:
            raw = await request.read()
            data = json.loads(raw)
        except (ValueError, RecursionError):
            log.warning("webhook body is not JSON (%s)", request.content_type)
            return _bad_request("body is not JSON")
        if not isinstance(data, dict):
            log.warning("webhook body is not a JSON object")
            return _bad_request("body is not an update")
        try:
            return Update.model_validate(data, context={"bot": self._bot})
        except (ValidationError, RecursionError, ValueError, TypeError) as exc:
            log.warning("webhook update not understood: %s", type(exc).__name__)
            return _bad_request("not a Telegram update")

    async def _feed(self, update: Update) -> None:
        try:
            result = await self._dispatcher.feed_update(self._bot, update, **self._data)
            if isinstance(result, TelegramMethod):
                await self._dispatcher.silent_call_request(bot=self._bot, result=result)
        except Exception:
            # The dispatcher's error router answers the user; reaching here means it could not.
            log.exception("update %s failed outside the handlers", update.update_id)

    async def _drain(self, _app: web.Application) -> None:
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=FOREGROUND_SECONDS)
