"""Bot API methods of the fake for messages, webhooks and callback answers.

Each handler takes the fake's ``World`` and the decoded request and returns the ``result`` of
the Telegram response, or raises ``ApiError`` with Telegram's wording where it matters to a
product (``message is not modified``, ``message to edit not found``…).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.fakes.telegram_forms import ApiRequest
from tests.fakes.telegram_html import formatted
from tests.fakes.telegram_state import World, bad_request

Handler = Callable[[World, ApiRequest], Any]

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def require(params: dict[str, Any], name: str) -> Any:
    """A required parameter, or Telegram's 400 when it is missing or empty."""
    value = params.get(name)
    if value is None or value == "":
        raise bad_request(f"{name} is empty")
    return value


def chat_id_of(params: dict[str, Any]) -> int:
    """The numeric chat id; usernames are unknown to the fake, as unknown chats are to Telegram."""
    chat_id = require(params, "chat_id")
    if not isinstance(chat_id, int):
        raise bad_request("chat not found")
    return chat_id


def inline_markup(params: dict[str, Any]) -> dict[str, Any]:
    """Message fields for ``reply_markup``: Telegram echoes only inline keyboards."""
    markup = params.get("reply_markup")
    if isinstance(markup, dict) and "inline_keyboard" in markup:
        return {"reply_markup": markup}
    return {}


def reply_fields(world: World, chat_id: int, params: dict[str, Any]) -> dict[str, Any]:
    """``reply_to_message`` when the call replies to a message the fake knows."""
    reply = params.get("reply_parameters")
    if not isinstance(reply, dict) or "message_id" not in reply:
        return {}
    original = world.chats.get(int(reply.get("chat_id", chat_id)), int(reply["message_id"]))
    if original is None and reply.get("allow_sending_without_reply"):
        return {}
    if original is None:
        raise bad_request("message to be replied not found")
    return {"reply_to_message": {k: v for k, v in original.items() if k != "reply_to_message"}}


def editable_message(world: World, params: dict[str, Any], verb: str) -> dict[str, Any] | None:
    """The bot message an edit targets; None for inline messages (those answer ``True``)."""
    if params.get("inline_message_id"):
        return None
    chat_id = chat_id_of(params)
    message = world.chats.get(chat_id, int(require(params, "message_id")))
    if message is None:
        raise bad_request(f"message to {verb} not found")
    if message.get("from", {}).get("id") != world.bot_user["id"]:
        raise bad_request(f"message can't be {verb}ed")
    return message


def replace_message(
    world: World, old: dict[str, Any], content: dict[str, Any], drop: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Store ``old`` with ``drop`` keys and the keyboard removed and ``content`` swapped in;
    refuse an edit that changes nothing, like Telegram does."""
    removed = {*drop, "edit_date", "reply_markup"}
    new = {k: v for k, v in old.items() if k not in removed} | content
    if new == {k: v for k, v in old.items() if k != "edit_date"}:
        raise bad_request(NOT_MODIFIED)
    new["edit_date"] = max(int(old["date"]), int(old.get("edit_date", 0))) + 1
    world.chats.save(new, from_bot=True)
    return new


def send_message(world: World, req: ApiRequest) -> dict[str, Any]:
    """sendMessage: stores and returns the bot's Message."""
    params = req.params
    chat_id = chat_id_of(params)
    text = params.get("text")
    if not text:
        raise bad_request("message text is empty")
    if len(str(text)) > 4096:
        raise bad_request("message is too long")
    content = formatted(str(text), params.get("parse_mode"), params.get("entities"))
    content |= inline_markup(params) | reply_fields(world, chat_id, params)
    return world.new_bot_message(chat_id, content)


def edit_message_text(world: World, req: ApiRequest) -> dict[str, Any] | bool:
    """editMessageText: replaces text and entities; a missing reply_markup removes it."""
    params = req.params
    text = params.get("text")
    if not text:
        raise bad_request("message text is empty")
    message = editable_message(world, params, "edit")
    if message is None:
        return True
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    content = formatted(str(text), params.get("parse_mode"), params.get("entities"))
    return replace_message(world, message, content | inline_markup(params), drop=("entities",))


def edit_message_reply_markup(world: World, req: ApiRequest) -> dict[str, Any] | bool:
    """editMessageReplyMarkup: replaces (or removes) the inline keyboard."""
    message = editable_message(world, req.params, "edit")
    if message is None:
        return True
    return replace_message(world, message, inline_markup(req.params))


def delete_messages(world: World, req: ApiRequest) -> bool:
    """deleteMessages: deletes those that exist; Telegram fails only when none could be."""
    chat_id = chat_id_of(req.params)
    deleted = [world.chats.delete(chat_id, int(i)) for i in require(req.params, "message_ids")]
    if not any(deleted):
        raise bad_request("message to delete not found")
    return True


def delete_message(world: World, req: ApiRequest) -> bool:
    """deleteMessage: the message disappears from ``sent_messages``."""
    chat_id = chat_id_of(req.params)
    if not world.chats.delete(chat_id, int(require(req.params, "message_id"))):
        raise bad_request("message to delete not found")
    return True


def send_chat_action(world: World, req: ApiRequest) -> bool:
    """sendChatAction: only checked and recorded."""
    chat_id_of(req.params)
    require(req.params, "action")
    return True


def answer_callback_query(world: World, req: ApiRequest) -> bool:
    """answerCallbackQuery: the id must come from a pushed callback query."""
    if str(require(req.params, "callback_query_id")) not in world.callback_ids:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    return True


def get_me(world: World, req: ApiRequest) -> dict[str, Any]:
    """getMe: the bot user."""
    return world.bot_user


def set_webhook(world: World, req: ApiRequest) -> bool:
    """setWebhook: Telegram only accepts HTTPS URLs; an empty URL removes the webhook."""
    url = str(req.params.get("url", ""))
    if url and not url.startswith("https://"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    settings = world.settings
    settings.webhook_url = url
    settings.webhook_secret = req.params.get("secret_token")
    settings.webhook_allowed_updates = req.params.get("allowed_updates")
    if req.params.get("drop_pending_updates"):
        world.updates.clear()
    return True


def delete_webhook(world: World, req: ApiRequest) -> bool:
    """deleteWebhook: back to getUpdates; optionally drops the queue."""
    world.settings.webhook_url = ""
    world.settings.webhook_secret = None
    if req.params.get("drop_pending_updates"):
        world.updates.clear()
    return True


def get_webhook_info(world: World, req: ApiRequest) -> dict[str, Any]:
    """getWebhookInfo: the URL set and the number of queued updates."""
    info: dict[str, Any] = {
        "url": world.settings.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(world.updates),
    }
    if world.settings.webhook_allowed_updates is not None:
        info["allowed_updates"] = world.settings.webhook_allowed_updates
    return info


MESSAGE_METHODS: dict[str, Handler] = {
    "getMe": get_me,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "deleteMessages": delete_messages,
    "sendChatAction": send_chat_action,
    "answerCallbackQuery": answer_callback_query,
}
