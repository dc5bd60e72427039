"""A local fake Telegram Bot API server for tests that drive a real aiogram ``Bot``.

Fixture pattern (see ``tests/fakes/conftest.py``)::

    @pytest.fixture
    async def tg() -> AsyncIterator[FakeTelegramServer]:
        async with FakeTelegramServer() as server:
            yield server

    @pytest.fixture
    async def bot(tg: FakeTelegramServer) -> AsyncIterator[Bot]:
        bot = make_bot(tg)  # tests.fakes.telegram_aiogram
        yield bot
        await bot.session.close()

    async def test_start_greets(tg, bot):
        async with polling(dp, bot, tg):  # start_polling ... stop_polling
            tg.push_command(42, "start")
            call = await tg.wait_for("sendMessage")
        assert tg.sent_messages(42) == [...]

The server answers calls from an in-memory world (``telegram_state``), records every call as a
``Call``, serves getUpdates by long polling (held at most ``max_poll_wait`` seconds) and can
inject Telegram errors (``fail_next``). Tests await events (``wait_for``) instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from aiohttp import ClientSession, web

from tests.fakes.telegram_forms import ApiRequest, read_api_request, read_webhook_reply
from tests.fakes.telegram_media import MEDIA_METHODS
from tests.fakes.telegram_methods import MESSAGE_METHODS, Handler
from tests.fakes.telegram_payments import PAYMENT_METHODS
from tests.fakes.telegram_profile import PROFILE_METHODS
from tests.fakes.telegram_state import ApiError, Call, World, bad_request
from tests.fakes.telegram_updates import UpdateBuilders, command_entities, tg_user

__all__ = ["Call", "FakeTelegramServer", "WebhookReply", "command_entities", "tg_user"]

log = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
HANDLERS: dict[str, Handler] = {
    **MESSAGE_METHODS,
    **MEDIA_METHODS,
    **PAYMENT_METHODS,
    **PROFILE_METHODS,
}
_CANONICAL = {name.lower(): name for name in [*HANDLERS, "getUpdates"]}


@dataclass(frozen=True)
class WebhookReply:
    """What an app answered to a delivered webhook update: the HTTP status and the method call
    it returned in the response body (executed by the fake), if any."""

    status: int
    call: Call | None


class FakeTelegramServer(UpdateBuilders):
    """An aiohttp Bot API server on 127.0.0.1 with a free port; an async context manager."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "oneiroscope_test_bot",
        max_poll_wait: float = 1.0,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.max_poll_wait = max_poll_wait
        self.world = World(
            bot_user={
                "id": self.bot_id,
                "is_bot": True,
                "first_name": "OneiroScope Test",
                "username": bot_username,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        )
        self._calls: list[Call] = []
        self.polls_received = 0  # getUpdates requests received, answered or still waiting
        self._recorded = asyncio.Event()
        self._faults: defaultdict[str, deque[ApiError]] = defaultdict(deque)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # --- lifecycle -------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.world.updates.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def bot_user(self) -> dict[str, Any]:
        """The bot's ``User`` object (what getMe returns and ``from`` of its messages)."""
        return self.world.bot_user

    # --- HTTP ------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").payload(), status=401)
        decoded = await read_api_request(request)
        method = _CANONICAL.get(request.match_info["method"].lower(), request.match_info["method"])
        call, body = await self.execute(method, decoded)
        return web.json_response(body, status=call.error_code or 200)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        stored = self.world.files.by_path(request.match_info["path"])
        if request.match_info["token"] != self.token or stored is None:
            return web.json_response(ApiError(404, "Not Found").payload(), status=404)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    async def execute(self, method: str, request: ApiRequest) -> tuple[Call, dict[str, Any]]:
        """Answer one call (injected faults first) and record it; the call and response body."""
        try:
            if self._faults[method]:
                raise self._faults[method].popleft()
            result = await self._dispatch(method, request)
        except ApiError as error:
            call = Call(method, request.params, request.files, request.filenames, error.error_code)
            self._record(call)
            return call, error.payload()
        call = Call(method, request.params, request.files, request.filenames, None, result)
        self._record(call)
        return call, {"ok": True, "result": result}

    async def _dispatch(self, method: str, request: ApiRequest) -> Any:
        if method == "getUpdates":
            return await self._get_updates(request.params)
        handler = HANDLERS.get(method)
        if handler is None:
            log.debug("fake Telegram has no method %s", method)
            raise ApiError(404, "Not Found: method not found")
        try:
            return handler(self.world, request)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            # Malformed parameters (message_id="abc", a missing nested field): a 400 as from
            # Telegram instead of a bare 500, logged so a gap in the fake stays visible.
            log.warning("fake Telegram could not read %s: %r", method, error)
            raise bad_request(f"fake server could not read the request: {error!r}") from error

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.polls_received += 1
        self._notify()
        if self.world.settings.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset")
        timeout = min(float(params.get("timeout") or 0), self.max_poll_wait)
        return await self.world.updates.next_batch(
            offset if isinstance(offset, int) else None,
            int(params.get("limit") or 100),
            timeout,
            params.get("allowed_updates"),
        )

    # --- recording and waiting -------------------------------------------------------------

    def _record(self, call: Call) -> None:
        self._calls.append(call)
        self._notify()

    def _notify(self) -> None:
        """Wake every waiter; each waits on the event current when it started waiting."""
        self._recorded.set()
        self._recorded = asyncio.Event()

    def calls(self, method: str | None = None) -> list[Call]:
        """Every recorded call, or those of one method, in arrival order."""
        return [call for call in self._calls if method is None or call.method == method]

    def mark(self) -> int:
        """A position in the call log; ``wait_for(..., after=mark)`` looks from there."""
        return len(self._calls)

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - the documented test-facing API
        *,
        after: int | None = None,
    ) -> Call:
        """The first call of ``method`` (matching ``predicate(call)``) recorded at or after
        ``after`` (default: now); AssertionError listing the calls seen on timeout."""
        start = self.mark() if after is None else after
        position = start
        try:
            async with asyncio.timeout(timeout):
                while True:
                    for call in self._calls[position:]:
                        if call.method == method and (predicate is None or predicate(call)):
                            return call
                    position = len(self._calls)
                    await self._recorded.wait()
        except TimeoutError:
            raise AssertionError(self._timeout_report(method, start, timeout)) from None

    async def wait_for_poll(self, after: int = 0, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until more than ``after`` getUpdates requests arrived (a poll may still be
        waiting for updates): the bot is long-polling."""
        try:
            async with asyncio.timeout(timeout):
                while self.polls_received <= after:
                    await self._recorded.wait()
        except TimeoutError:
            raise AssertionError(f"no getUpdates request within {timeout}s") from None

    def _timeout_report(self, method: str, start: int, timeout: float) -> str:
        seen = [
            f"  {c.method}{'' if c.ok else f' -> {c.error_code}'} {_brief(c.params)}"
            for c in self._calls[start:]
            if c.method != "getUpdates"
        ]
        earlier = len([c for c in self._calls[:start] if c.method == method])
        polls = len([c for c in self._calls[start:] if c.method == "getUpdates"])
        return (
            f"no matching {method} call within {timeout}s; calls since the mark "
            f"({polls} getUpdates omitted):\n"
            + ("\n".join(seen) or "  (none)")
            + f"\n{earlier} {method} call(s) were recorded before the mark "
            "(take tg.mark() before acting and pass after=mark to include them)"
        )

    # --- what the user sees ----------------------------------------------------------------

    def sent_messages(self, chat_id: int | None = None) -> list[str]:
        """Texts of the bot's live text messages in order, edits applied, deletions removed."""
        return [
            str(message["text"])
            for message in self.world.chats.bot_messages(chat_id)
            if "text" in message
        ]

    def bot_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The bot's live Message dicts of any kind (photos, invoices…) in order."""
        return self.world.chats.bot_messages(chat_id)

    def last_message(self, chat_id: int) -> dict[str, Any]:
        """The bot's latest live Message in ``chat_id`` (AssertionError when there is none)."""
        messages = self.world.chats.bot_messages(chat_id)
        if not messages:
            raise AssertionError(f"the bot has no message in chat {chat_id}")
        return messages[-1]

    # --- test controls ---------------------------------------------------------------------

    def register_file(
        self, file_id: str, data: bytes, file_path: str | None = None
    ) -> dict[str, Any]:
        """Make ``file_id`` downloadable (getFile + file URL); returns its File object."""
        return self.world.files.register(file_id, data, file_path).info()

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes stored under ``file_id`` (registered by a test or uploaded by the bot)."""
        stored = self.world.files.get(file_id)
        if stored is None:
            raise KeyError(f"no file {file_id!r}")
        return stored.data

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail like Telegram would (a 429 carries
        ``parameters.retry_after``, default 1 s)."""
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else f"Error {error_code}"
            )
        for _ in range(times):
            self._faults[method].append(ApiError(error_code, description, retry_after))

    async def deliver_webhook(
        self, url: str, update: dict[str, Any], secret_token: str | None = None
    ) -> WebhookReply:
        """POST ``update`` to an app's webhook as Telegram does; a method call the app returns
        in the response body is executed and recorded like any other call.

        ``update`` usually comes from a ``push_*`` builder; it is taken out of the getUpdates
        queue, since Telegram delivers an update one way only. ``secret_token`` defaults to the
        one the app passed to setWebhook; pass ``""`` to send no secret header.
        """
        self.world.updates.discard(update)
        if secret_token is None:
            secret_token = self.world.settings.webhook_secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret_token} if secret_token else {}
        async with (
            ClientSession() as session,
            session.post(url, json=update, headers=headers) as response,
        ):
            if response.status != 200:
                return WebhookReply(response.status, None)
            method, request = await read_webhook_reply(response)
        if method is None:
            return WebhookReply(200, None)
        method = _CANONICAL.get(method.lower(), method)
        call, _ = await self.execute(method, request)
        return WebhookReply(200, call)


def _brief(params: dict[str, Any]) -> str:
    """A short rendering of call parameters for assertion messages."""
    text = repr({k: v for k, v in params.items() if k != "reply_markup"})
    return text if len(text) <= 160 else text[:157] + "..."
