"""The in-memory Telegram world behind the fake Bot API server: calls, chats, files, payments.

Kept apart from the HTTP layer so method handlers are plain functions over this state and
tests can read what a user would see (messages with edits applied) without parsing requests.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.telegram_queue import UpdateQueue

ATTACH_PREFIX = "attach://"


class ApiError(Exception):
    """A Telegram-style failure: becomes ``{"ok": false, "error_code", "description"}``."""

    def __init__(self, error_code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(f"{error_code} {description}")
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error (``parameters`` only on flood waits)."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(detail: str) -> ApiError:
    """The 400 error every validation failure maps to, worded like Telegram's."""
    return ApiError(400, f"Bad Request: {detail}")


@dataclass(frozen=True)
class Call:
    """One Bot API call as the fake received and answered it.

    ``params`` holds the form fields with nested objects JSON-decoded (``reply_markup`` is a
    dict, ``chat_id`` an int); ``files`` maps each uploaded part's field name to its bytes.
    ``error_code`` is set when the fake answered ``ok: false``.
    """

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    filenames: dict[str, str] = field(default_factory=dict)
    error_code: int | None = None
    result: Any = None

    @property
    def ok(self) -> bool:
        """Whether the fake answered this call successfully."""
        return self.error_code is None

    def upload(self, name: str) -> bytes:
        """Bytes uploaded for parameter ``name``, whether sent as ``attach://`` or directly."""
        value = self.params.get(name)
        if isinstance(value, str) and value.startswith(ATTACH_PREFIX):
            return self.files[value.removeprefix(ATTACH_PREFIX)]
        if name in self.files:
            return self.files[name]
        raise KeyError(f"{self.method}: no file uploaded for {name!r} (value {value!r})")


@dataclass
class StoredFile:
    """A file the fake can serve through getFile and the download URL."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    file_name: str | None = None

    def info(self) -> dict[str, Any]:
        """The Bot API ``File`` object for this file."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


class FileStore:
    """Files registered by tests (user uploads) and files the bot uploaded."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._serial = itertools.count(1)

    def register(
        self,
        file_id: str,
        data: bytes,
        file_path: str | None = None,
        file_name: str | None = None,
    ) -> StoredFile:
        """Store ``data`` under ``file_id``; the path defaults to ``documents/file_<n>``."""
        serial = next(self._serial)
        unique = hashlib.sha1(file_id.encode()).hexdigest()[:16]
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=unique,
            data=data,
            file_path=file_path or f"documents/file_{serial}",
            file_name=file_name,
        )
        self._by_id[file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def store_upload(self, kind: str, data: bytes, file_name: str | None) -> StoredFile:
        """Keep bytes the bot uploaded under a fresh file_id, like Telegram does."""
        serial = next(self._serial)
        suffix = f"_{file_name}" if file_name else ""
        return self.register(
            f"{kind}-upload-{serial}", data, f"{kind}s/file_{serial}{suffix}", file_name
        )

    def get(self, file_id: str) -> StoredFile | None:
        """The stored file for ``file_id`` or None."""
        return self._by_id.get(file_id)

    def by_path(self, file_path: str) -> StoredFile | None:
        """The stored file served at ``file_path`` or None."""
        return self._by_path.get(file_path)


class ChatStore:
    """Messages of every chat, with per-chat message ids as Telegram numbers them."""

    def __init__(self) -> None:
        self._next_id: dict[int, int] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._bot_order: list[tuple[int, int]] = []
        self._deleted: set[tuple[int, int]] = set()

    def next_message_id(self, chat_id: int) -> int:
        """Allocate the next message id in ``chat_id`` (users' and bot's messages share it)."""
        message_id = self._next_id.get(chat_id, 1)
        self._next_id[chat_id] = message_id + 1
        return message_id

    def save(self, message: dict[str, Any], *, from_bot: bool) -> None:
        """Remember ``message`` so later edits, deletes and callbacks can find it."""
        key = (int(message["chat"]["id"]), int(message["message_id"]))
        if from_bot and key not in self._messages:
            self._bot_order.append(key)
        self._messages[key] = message

    def get(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """The live (not deleted) message or None."""
        key = (chat_id, message_id)
        return None if key in self._deleted else self._messages.get(key)

    def delete(self, chat_id: int, message_id: int) -> bool:
        """Mark a message deleted; False when it does not exist (or is already gone)."""
        if self.get(chat_id, message_id) is None:
            return False
        self._deleted.add((chat_id, message_id))
        return True

    def bot_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The bot's live messages in the order they were sent, edits applied."""
        return [
            self._messages[key]
            for key in self._bot_order
            if key not in self._deleted and (chat_id is None or key[0] == chat_id)
        ]


@dataclass
class Payments:
    """Pre-checkout queries awaiting an answer and Stars charges that can be refunded."""

    open_queries: set[str] = field(default_factory=set)
    answers: dict[str, bool] = field(default_factory=dict)
    charges: dict[str, int] = field(default_factory=dict)
    refunded: set[str] = field(default_factory=set)


@dataclass
class BotSettings:
    """Webhook, commands and menu button as the bot configured them."""

    webhook_url: str = ""
    webhook_secret: str | None = None
    webhook_allowed_updates: list[str] | None = None
    commands: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    menu_buttons: dict[int | None, dict[str, Any]] = field(default_factory=dict)
    texts: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class World:
    """Everything the fake server knows besides the update queue and the call log."""

    bot_user: dict[str, Any]
    chats: ChatStore = field(default_factory=ChatStore)
    files: FileStore = field(default_factory=FileStore)
    payments: Payments = field(default_factory=Payments)
    settings: BotSettings = field(default_factory=BotSettings)
    updates: UpdateQueue = field(default_factory=UpdateQueue)
    callback_ids: set[str] = field(default_factory=set)

    def chat(self, chat_id: int) -> dict[str, Any]:
        """A ``Chat`` object: positive ids are private chats, negative ones groups."""
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Chat {chat_id}"}

    def new_bot_message(self, chat_id: int, content: dict[str, Any]) -> dict[str, Any]:
        """Create, store and return a bot ``Message`` in ``chat_id`` carrying ``content``."""
        message = {
            "message_id": self.chats.next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": self.bot_user,
            **content,
        }
        self.chats.save(message, from_bot=True)
        return message
