"""Telegram's HTML parse mode: plain text plus entities, and its "can't parse entities" errors.

The fake applies it so tests see the text a user sees and so an unescaped ``<`` in a dream
text fails here as it fails in production. Markdown modes are passed through unparsed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.telegram_state import ApiError, bad_request

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);")
_ATTR = re.compile(r"""([a-zA-Z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")

_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int


@dataclass
class _Parser:
    source: str
    text: list[str] = field(default_factory=list)
    length: int = 0  # UTF-16 code units emitted so far, the unit of entity offsets
    stack: list[_OpenTag] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def emit(self, chunk: str) -> None:
        self.text.append(chunk)
        self.length += len(chunk.encode("utf-16-le")) // 2

    def fail(self, detail: str, position: int) -> ApiError:
        offset = len(self.source[:position].encode())
        return bad_request(f"can't parse entities: {detail} at byte offset {offset}")

    def open_tag(self, name: str, raw_attrs: str, position: int) -> None:
        if name not in _ENTITY_TYPES:
            raise self.fail(f'Unsupported start tag "{name}"', position)
        attrs = {m[1]: m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(raw_attrs)}
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise self.fail('Tag "span" must have class "tg-spoiler"', position)
        self.stack.append(_OpenTag(name, attrs, self.length))

    def close_tag(self, name: str, position: int) -> None:
        if not self.stack:
            raise self.fail(f'Unexpected end tag "{name}"', position)
        tag = self.stack.pop()
        if tag.name != name:
            raise self.fail(f'Unmatched end tag "{name}", expected "</{tag.name}>"', position)
        self.add_entity(tag)

    def add_entity(self, tag: _OpenTag) -> None:
        length = self.length - tag.offset
        if length <= 0:
            return
        entity: dict[str, Any] = {
            "type": _ENTITY_TYPES[tag.name],
            "offset": tag.offset,
            "length": length,
        }
        if tag.name == "a":
            entity["url"] = tag.attrs.get("href", "")
        if tag.name == "tg-emoji":
            entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
        if tag.name == "blockquote" and "expandable" in tag.attrs:
            entity["type"] = "expandable_blockquote"
        self.entities.append(entity)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and ``MessageEntity`` dicts of an HTML-formatted text, or raise ApiError."""
    parser = _Parser(source)
    position = 0
    while position < len(source):
        char = source[position]
        if char == "<":
            match = _TAG.match(source, position)
            if match is None:
                raise parser.fail("Unexpected start of a tag", position)
            closing, name, attrs = match[1], match[2].lower(), match[3]
            if closing:
                parser.close_tag(name, position)
            else:
                parser.open_tag(name, attrs, position)
            position = match.end()
        elif char == "&" and (entity := _ENTITY.match(source, position)):
            parser.emit(html.unescape(entity[0]))
            position = entity.end()
        else:
            parser.emit(char)
            position += 1
    if parser.stack:
        name = parser.stack[-1].name
        raise bad_request(
            f"can't parse entities: Can't find end tag corresponding to start tag \"{name}\""
        )
    parser.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(parser.text), parser.entities


def formatted(
    text: str, parse_mode: Any, explicit: Any = None, *, key: str = "text"
) -> dict[str, Any]:
    """Message fields for ``text`` (or a caption, ``key="caption"``) as Telegram stores it.

    ``explicit`` is the ``entities``/``caption_entities`` parameter, used as sent when given.
    """
    entities_key = "entities" if key == "text" else f"{key}_entities"
    if explicit:
        return {key: text, entities_key: explicit}
    if isinstance(parse_mode, str) and parse_mode.lower() == "html":
        plain, entities = parse_html(text)
        return {key: plain, entities_key: entities} if entities else {key: plain}
    return {key: text}
