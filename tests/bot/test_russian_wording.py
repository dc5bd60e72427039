"""Russian wording of the bot's small texts: agreement, plurals, no English labels."""

from __future__ import annotations

import pytest

from bot.i18n import create_i18n
from bot.rendering.analysis import balance_text
from core.billing.credits import Balance
from core.llm.labels import model_label


@pytest.mark.parametrize(
    ("credits", "text"),
    [(1, "Остался 1 разбор."), (2, "Осталось 2 разбора."), (5, "Осталось 5 разборов."),
     (21, "Остался 21 разбор.")],
)  # fmt: skip
def test_credits_left_use_russian_plural_forms(credits: int, text: str) -> None:
    assert balance_text(Balance(free_dream_available=False, credits=credits), "ru") == text


def test_the_built_in_interpreter_is_named_in_russian() -> None:
    assert model_label("offline", "ru") == "встроенный толкователь"
    assert model_label("openai:gpt-4o-mini", "ru") == "openai:gpt-4o-mini"  # a model's own name


def test_unset_sex_agrees_with_the_word_for_sex() -> None:
    from bot.texts import settings_text

    class _User:
        language = "ru"
        place_name = "Saint Petersburg"
        timezone = "Europe/Moscow"
        sex = "unspecified"

    i18n = create_i18n()
    with i18n.context(), i18n.use_locale("ru"):
        text = settings_text(_User())  # type: ignore[arg-type]
    assert "Пол для норм: не указан" in text
    assert "Место: Санкт-Петербург" in text
    assert "Язык: русский" in text
