"""Telegram's HTML parse mode as the fake applies it."""

from __future__ import annotations

import pytest

from tests.fakes.telegram_html import parse_html
from tests.fakes.telegram_state import ApiError


def test_nested_tags_become_entities_with_utf16_offsets() -> None:
    text, entities = parse_html('<b>Сон <a href="https://x.test">🌕 луна</a></b>')
    assert text == "Сон 🌕 луна"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 11},
        {"type": "text_link", "offset": 4, "length": 7, "url": "https://x.test"},
    ]


def test_escaped_characters_are_unescaped() -> None:
    assert parse_html("a &lt;b&gt; &amp; &quot;c&quot; &#9790;")[0] == 'a <b> & "c" ☾'


@pytest.mark.parametrize(
    ("source", "detail"),
    [
        ("1 < 2", "Unexpected start of a tag"),
        ("<div>x</div>", 'Unsupported start tag "div"'),
        ("<b>open", "Can't find end tag"),
        ("<b><i>x</b></i>", 'Unmatched end tag "b"'),
        ('<span class="x">s</span>', 'must have class "tg-spoiler"'),
    ],
)
def test_malformed_html_fails_like_telegram(source: str, detail: str) -> None:
    with pytest.raises(ApiError) as raised:
        parse_html(source)
    assert raised.value.error_code == 400
    assert raised.value.description.startswith("Bad Request: can't parse entities: ")
    assert detail in raised.value.description
