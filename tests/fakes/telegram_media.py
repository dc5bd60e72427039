"""Bot API methods of the fake for files: getFile, sendPhoto, sendDocument, sendVoice,
editMessageMedia. Uploaded bytes are kept so tests can decode what the bot sent."""

from __future__ import annotations

import mimetypes
import struct
from typing import Any

from tests.fakes.telegram_forms import ApiRequest
from tests.fakes.telegram_html import formatted
from tests.fakes.telegram_methods import (
    Handler,
    chat_id_of,
    editable_message,
    inline_markup,
    replace_message,
    reply_fields,
    require,
)
from tests.fakes.telegram_state import ATTACH_PREFIX, StoredFile, World, bad_request

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MEDIA_KEYS = ("photo", "document", "voice", "audio", "video", "animation")


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG (from its IHDR chunk); (0, 0) for anything else."""
    if data.startswith(_PNG_SIGNATURE) and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    return 0, 0


def resolve_upload(world: World, req: ApiRequest, value: Any, name: str, kind: str) -> StoredFile:
    """The file a media parameter refers to: an ``attach://`` part, a part sent directly under
    the parameter's name, a known file_id, or an HTTP URL (kept with no bytes)."""
    if isinstance(value, str) and value.startswith(ATTACH_PREFIX):
        key = value.removeprefix(ATTACH_PREFIX)
        if key not in req.files:
            raise bad_request(f"file must be uploaded as a part named {key!r}")
        return world.files.store_upload(kind, req.files[key], req.filenames.get(key))
    if name in req.files:
        return world.files.store_upload(kind, req.files[name], req.filenames.get(name))
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return world.files.store_upload(kind, b"", value.rsplit("/", 1)[-1] or None)
    known = world.files.get(str(value)) if value else None
    if known is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return known


def media_object(kind: str, stored: StoredFile, params: dict[str, Any]) -> dict[str, Any]:
    """The message field for an uploaded file: ``photo`` sizes, ``document`` or ``voice``."""
    base = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }
    if kind == "photo":
        width, height = image_size(stored.data)
        return {"photo": [{**base, "width": width, "height": height}]}
    if kind == "voice":
        duration = int(params.get("duration") or 0)
        return {"voice": {**base, "duration": duration, "mime_type": "audio/ogg"}}
    name = stored.file_name or "document"
    mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {kind: {**base, "file_name": name, "mime_type": mime_type}}


def caption_fields(params: dict[str, Any]) -> dict[str, Any]:
    """``caption`` and ``caption_entities`` as Telegram stores them."""
    caption = params.get("caption")
    if not caption:
        return {}
    if len(str(caption)) > 1024:
        raise bad_request("message caption is too long")
    explicit = params.get("caption_entities")
    return formatted(str(caption), params.get("parse_mode"), explicit, key="caption")


def _send_media(world: World, req: ApiRequest, kind: str) -> dict[str, Any]:
    params = req.params
    chat_id = chat_id_of(params)
    if kind not in params and kind not in req.files:
        raise bad_request(f"there is no {kind} in the request")
    stored = resolve_upload(world, req, params.get(kind), kind, kind)
    content = media_object(kind, stored, params) | caption_fields(params)
    content |= inline_markup(params) | reply_fields(world, chat_id, params)
    return world.new_bot_message(chat_id, content)


def send_photo(world: World, req: ApiRequest) -> dict[str, Any]:
    """sendPhoto: one PhotoSize with the PNG's real dimensions."""
    return _send_media(world, req, "photo")


def send_document(world: World, req: ApiRequest) -> dict[str, Any]:
    """sendDocument: keeps bytes and the uploaded file name."""
    return _send_media(world, req, "document")


def send_voice(world: World, req: ApiRequest) -> dict[str, Any]:
    """sendVoice."""
    return _send_media(world, req, "voice")


def edit_message_media(world: World, req: ApiRequest) -> dict[str, Any] | bool:
    """editMessageMedia: swaps the file (and caption) of a bot message."""
    media = require(req.params, "media")
    if not isinstance(media, dict) or media.get("type") not in _MEDIA_KEYS:
        raise bad_request("can't parse InputMedia: media type is invalid")
    kind = str(media["type"])
    message = editable_message(world, req.params, "edit")
    stored = resolve_upload(world, req, media.get("media"), "media", kind)
    if message is None:
        return True
    content = media_object(kind, stored, media) | caption_fields(media)
    dropped = (*_MEDIA_KEYS, "caption", "caption_entities")
    return replace_message(world, message, content | inline_markup(req.params), drop=dropped)


def edit_message_caption(world: World, req: ApiRequest) -> dict[str, Any] | bool:
    """editMessageCaption: only messages with media have a caption to edit."""
    message = editable_message(world, req.params, "edit")
    if message is None:
        return True
    if not any(key in message for key in _MEDIA_KEYS):
        raise bad_request("there is no caption in the message to edit")
    content = caption_fields(req.params) | inline_markup(req.params)
    return replace_message(world, message, content, drop=("caption", "caption_entities"))


def get_file(world: World, req: ApiRequest) -> dict[str, Any]:
    """getFile: the File object whose ``file_path`` the download URL serves."""
    stored = world.files.get(str(require(req.params, "file_id")))
    if stored is None:
        raise bad_request("invalid file_id")
    return stored.info()


MEDIA_METHODS: dict[str, Handler] = {
    "getFile": get_file,
    "sendPhoto": send_photo,
    "sendDocument": send_document,
    "sendVoice": send_voice,
    "editMessageMedia": edit_message_media,
    "editMessageCaption": edit_message_caption,
}
