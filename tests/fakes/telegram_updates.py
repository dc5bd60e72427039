"""Update builders of the fake server: what users do (messages, commands, voice notes, button
presses, payments), queued for getUpdates and returned as the Update dict that was queued.

Every builder takes ``update_id=`` to force an id (e.g. a duplicate); otherwise ids increase.
Message ids are allocated per chat from the same counter as the bot's messages.
"""

from __future__ import annotations

import copy
import itertools
import re
import time
from typing import Any

from tests.fakes.telegram_state import World

_COMMAND_TOKEN = re.compile(r"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")


def tg_user(
    user_id: int,
    first_name: str = "Test",
    *,
    language_code: str | None = "en",
    username: str | None = None,
    last_name: str | None = None,
) -> dict[str, Any]:
    """A Telegram ``User`` object for a human (``is_bot`` false)."""
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def command_entities(text: str | None) -> list[dict[str, Any]]:
    """The ``bot_command`` entity Telegram adds to a leading ``/command`` (what aiogram's
    ``Command`` filter needs)."""
    match = _COMMAND_TOKEN.match(text or "")
    if match is None:
        return []
    length = len(match[0].encode("utf-16-le")) // 2
    return [{"type": "bot_command", "offset": 0, "length": length}]


class UpdateBuilders:
    """Mixin for the fake server: build user-side updates and queue them."""

    world: World
    _callback_serial = itertools.count(1)
    _payment_serial = itertools.count(1)

    def push_raw(self, update: dict[str, Any], update_id: int | None = None) -> dict[str, Any]:
        """Queue ``update`` as given (an ``update_id`` in it is kept: duplicates are allowed).

        Callback and pre-checkout query ids and payment charge ids in it become answerable
        and refundable, so hand-built updates behave like the builders' ones.
        """
        self._register_ids(update)
        return self.world.updates.push(copy.deepcopy(update), update_id)

    def _register_ids(self, update: dict[str, Any]) -> None:
        if "callback_query" in update:
            self.world.callback_ids.add(str(update["callback_query"]["id"]))
        if "pre_checkout_query" in update:
            self.world.payments.open_queries.add(str(update["pre_checkout_query"]["id"]))
        message = update.get("message") or {}
        if "successful_payment" in message:
            charge_id = message["successful_payment"]["telegram_payment_charge_id"]
            self.world.payments.charges[charge_id] = message["from"]["id"]

    def _user_for(
        self, chat_id: int, user: dict[str, Any] | None, language: str | None
    ) -> dict[str, Any]:
        if user is not None:
            return user
        return tg_user(chat_id if chat_id > 0 else 1, language_code=language)

    def _message(
        self,
        chat_id: int,
        user: dict[str, Any] | None,
        language: str | None,
        fields: dict[str, Any],
    ) -> dict[str, Any]:
        message = {
            "message_id": self.world.chats.next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self.world.chat(chat_id),
            "from": self._user_for(chat_id, user, language),
            **{key: value for key, value in fields.items() if value is not None},
        }
        self.world.chats.save(message, from_bot=False)
        return message

    def push_message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user: dict[str, Any] | None = None,
        language_code: str | None = "en",
        entities: list[dict[str, Any]] | None = None,
        update_id: int | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """A user's message; ``/commands`` get their ``bot_command`` entity automatically.
        Extra keyword fields (``photo=…``, ``reply_to_message=…``) go into the Message."""
        if entities is None:
            entities = command_entities(text)
        content = {"text": text, "entities": entities or None, **fields}
        message = self._message(chat_id, user, language_code, content)
        return self.push_raw({"message": message}, update_id)

    def push_command(
        self, chat_id: int, command: str, args: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """``/command args`` from a user (keywords as for ``push_message``)."""
        text = "/" + command.lstrip("/") + (f" {args}" if args else "")
        return self.push_message(chat_id, text, **kwargs)

    def push_sticker(
        self, chat_id: int, emoji: str = "🙂", *, file_id: str = "sticker-file-1", **kwargs: Any
    ) -> dict[str, Any]:
        """A regular static sticker."""
        sticker = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self.push_message(chat_id, sticker=sticker, **kwargs)

    def push_voice(
        self,
        chat_id: int,
        file_id: str,
        duration: int,
        *,
        data: bytes | None = None,
        mime_type: str = "audio/ogg",
        **kwargs: Any,
    ) -> dict[str, Any]:
        """A voice note; ``data`` registers its bytes so getFile/download serve them."""
        stored = self.world.files.get(file_id)
        if data is not None:
            stored = self.world.files.register(file_id, data, f"voice/{file_id}.oga")
        voice: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": stored.file_unique_id if stored else f"u-{file_id}",
            "duration": duration,
            "mime_type": mime_type,
        }
        if stored is not None:
            voice["file_size"] = len(stored.data)
        return self.push_message(chat_id, voice=voice, **kwargs)

    def push_location(self, chat_id: int, lat: float, lon: float, **kwargs: Any) -> dict[str, Any]:
        """A shared location."""
        return self.push_message(chat_id, location={"latitude": lat, "longitude": lon}, **kwargs)

    def push_callback(
        self,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        user: dict[str, Any] | None = None,
        language_code: str | None = "en",
        callback_id: str | None = None,
        update_id: int | None = None,
    ) -> dict[str, Any]:
        """A press on an inline button of message ``message_id`` (the stored message is
        attached; an unknown one arrives as an inaccessible message)."""
        callback_id = callback_id or f"cbq-{next(self._callback_serial)}"
        message = self.world.chats.get(chat_id, message_id)
        if message is None:
            message = {"chat": self.world.chat(chat_id), "message_id": message_id, "date": 0}
        query = {
            "id": callback_id,
            "from": self._user_for(chat_id, user, language_code),
            "chat_instance": f"ci-{chat_id}",
            "message": copy.deepcopy(message),
            "data": data,
        }
        return self.push_raw({"callback_query": query}, update_id)

    def push_pre_checkout(
        self,
        user_id: int,
        payload: str,
        total_amount: int,
        *,
        currency: str = "XTR",
        query_id: str | None = None,
        user: dict[str, Any] | None = None,
        language_code: str | None = "en",
        update_id: int | None = None,
    ) -> dict[str, Any]:
        """A pre-checkout query the bot must answer with answerPreCheckoutQuery."""
        query_id = query_id or f"pcq-{next(self._payment_serial)}"
        query = {
            "id": query_id,
            "from": self._user_for(user_id, user, language_code),
            "currency": currency,
            "total_amount": total_amount,
            "invoice_payload": payload,
        }
        return self.push_raw({"pre_checkout_query": query}, update_id)

    def push_successful_payment(
        self,
        chat_id: int,
        payload: str,
        total_amount: int,
        *,
        currency: str = "XTR",
        charge_id: str | None = None,
        subscription_expiration_date: int | None = None,
        is_recurring: bool | None = None,
        is_first_recurring: bool | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        """A service message with ``successful_payment``; its charge id becomes refundable."""
        charge_id = charge_id or f"stxfake{next(self._payment_serial)}"
        payment = {
            "currency": currency,
            "total_amount": total_amount,
            "invoice_payload": payload,
            "telegram_payment_charge_id": charge_id,
            "provider_payment_charge_id": "",
            "subscription_expiration_date": subscription_expiration_date,
            "is_recurring": is_recurring,
            "is_first_recurring": is_first_recurring,
        }
        payment = {key: value for key, value in payment.items() if value is not None}
        return self.push_message(chat_id, successful_payment=payment, **kwargs)
