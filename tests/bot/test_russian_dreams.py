"""A Russian user is answered in Russian, whatever language the dream is told in.

Through the real bot and the fake Bot API server: the analysis has its Hall/Van de Castle
block, the dream's chase, family and stairs, and no English word except names (DreamBank),
HVdC codes shown as codes, and the user's own words.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.bot.harness import Product, button

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

CHAT = 2016
DREAM_RU = (
    "Мне снилось, что за мной гонится какой-то мужчина. Я бегу вверх по лестнице старого дома, "
    "ступеньки скрипят, а наверху стоит моя мама. Она обнимает меня, и я перестаю бояться."
)
DREAM_EN = "I dreamed my mother was chasing me up the stairs of an old house and I was scared."
ALLOWED_LATIN = {"DreamBank"}


def is_result(call) -> bool:  # type: ignore[no-untyped-def]
    return call.method == "sendMessage" and "Толкование:" in call.params.get("text", "")


def latin_words(html: str, dream: str) -> set[str]:
    """Latin words of a reply outside <code> (HVdC codes), names we allow and the user's own."""
    shown_as_codes = re.sub(r"<code>.*?</code>", " ", html)
    text = unescape(re.sub(r"<[^>]+>", " ", shown_as_codes))
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", dream)}
    return {
        word
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", text)
        if word not in ALLOWED_LATIN and word.lower() not in own
    }


async def _analysis(product: Product, dream: str) -> str:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, dream, language_code="ru")
    result = await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await product.analyses_settled(CHAT)
    return str(result.params["text"])


async def test_russian_dream_gets_a_russian_analysis_with_its_chase_family_and_stairs(
    product: Product,
) -> None:
    text = await _analysis(product, DREAM_RU)

    assert "Что есть во сне" in text  # the HVdC block
    assert "персонаж" in text and "агресси" in text
    for image in ("Погоня", "Мать", "Лестница"):
        assert image in text, image
    assert latin_words(text, DREAM_RU) == set()


async def test_english_dream_from_a_russian_user_is_glossed_in_russian(product: Product) -> None:
    text = await _analysis(product, DREAM_EN)

    assert "Что есть во сне" in text
    assert "Лестница" in text and "Мать" in text
    assert latin_words(text, DREAM_EN) == set()


async def test_details_name_the_categories_in_russian_and_show_codes_as_codes(
    product: Product,
) -> None:
    """Each code is read in Russian words (category, who, what) with its notation kept as a
    code on the line below: the reader gets prose, the curious get the HVdC code."""
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, DREAM_RU, language_code="ru")
    result = await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await product.analyses_settled(CHAT)
    mark = tg.mark()
    tg.push_callback(CHAT, result.result["message_id"], button(result, "🔬 Подробнее"))
    details = await tg.wait_for(
        "sendMessage", lambda c: "Кодирование" in c.params.get("text", ""), timeout=30, after=mark
    )
    text = str(details.params["text"])
    assert "<b>Персонаж</b>: ваша мать" in text and "<code>1FMA</code>" in text
    assert "<b>Агрессия</b>" in text and "<code>1MSA 6&gt; D</code>" in text
    assert latin_words(text, DREAM_RU) == set()
