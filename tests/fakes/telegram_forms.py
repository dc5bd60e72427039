"""Decoding Bot API requests the way Telegram does: form fields, JSON-encoded objects, uploads.

aiogram sends every call as a urlencoded or multipart form: strings verbatim, every other value
(numbers, booleans, objects, lists) JSON-encoded, empty values dropped, uploads as file parts.
Telegram also accepts query strings and JSON bodies; the fake does too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, ClientResponse, MultipartReader, web

# Parameters whose value is a string even when it looks like JSON ("42", "true"): decoding them
# would turn a user's text "42" into an int. Everything else is JSON-decoded when it parses.
STRING_PARAMS = frozenset(
    {
        "action",
        "animation",
        "audio",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "currency",
        "custom_emoji_id",
        "description",
        "document",
        "emoji",
        "error_message",
        "file_id",
        "inline_message_id",
        "ip_address",
        "language_code",
        "message_effect_id",
        "name",
        "parse_mode",
        "payload",
        "photo",
        "photo_url",
        "pre_checkout_query_id",
        "provider_data",
        "provider_token",
        "secret_token",
        "short_description",
        "start_parameter",
        "sticker",
        "telegram_payment_charge_id",
        "text",
        "thumbnail",
        "title",
        "url",
        "video",
        "video_note",
        "voice",
    }
)


@dataclass
class ApiRequest:
    """The decoded parameters and uploaded files of one call."""

    params: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    filenames: dict[str, str] = field(default_factory=dict)

    def add_field(self, name: str, raw: str) -> None:
        """Add one form/query field, JSON-decoding it unless it is a string parameter."""
        self.params[name] = decode_value(name, raw)

    def add_file(self, name: str, data: bytes, filename: str | None) -> None:
        """Add one uploaded part."""
        self.files[name] = data
        self.filenames[name] = filename or name


def decode_value(name: str, raw: str) -> Any:
    """Decode a raw field value: JSON for objects, numbers and booleans; strings stay strings."""
    if name in STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


async def read_api_request(request: web.Request) -> ApiRequest:
    """Decode query string plus body (urlencoded, multipart or JSON) of a Bot API call."""
    decoded = ApiRequest()
    for name, raw in request.query.items():
        decoded.add_field(name, raw)
    if request.content_type == "application/json":
        body = await request.json()
        decoded.params.update(body if isinstance(body, dict) else {})
        return decoded
    if request.method != "POST" or not request.can_read_body:
        return decoded
    form = await request.post()
    for name, value in form.items():
        if isinstance(value, web.FileField):
            decoded.add_file(name, value.file.read(), value.filename)
        else:
            decoded.add_field(name, str(value))
    return decoded


async def read_webhook_reply(response: ClientResponse) -> tuple[str | None, ApiRequest]:
    """Decode a method call an app returned in its webhook response (aiogram's multipart form).

    Returns ``(method, request)``; ``method`` is None when the app replied with no call
    (aiogram answers ``{}`` then).
    """
    decoded = ApiRequest()
    if not response.content_type.startswith("multipart/"):
        body = await response.read()
        parsed = json.loads(body) if body.strip() else {}
        method = parsed.pop("method", None) if isinstance(parsed, dict) else None
        if method:
            decoded.params.update(parsed)
        return method, decoded
    method: str | None = None
    reader = MultipartReader(response.headers, response.content)
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or part.name is None:
            continue
        data = await part.read()
        if part.filename:
            decoded.add_file(part.name, bytes(data), part.filename)
        elif part.name == "method":
            method = data.decode()
        else:
            decoded.add_field(part.name, data.decode())
    return method, decoded
