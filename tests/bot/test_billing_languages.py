"""/buy, /balance, /paysupport and the receipts speak the user's language (en, ru)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.billing.config import BillingSettings
from core.billing.receipts import (
    Money,
    grant_receipt,
    purchase_receipt,
    refund_receipt,
    subscription_receipt,
)
from tests.bot.harness import running_product

CHAT = 6006


def _text(part: str) -> Any:
    return lambda call: part in call.params.get("text", "")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Choose a package", "Your balance", "Questions about a payment"]),
        ("ru", ["Выберите пакет", "Ваш баланс", "Вопрос об оплате"]),
    ],
)
async def test_buy_balance_and_paysupport_in_the_users_language(
    tmp_path: Path, language: str, expected: list[str]
) -> None:
    async with running_product(
        tmp_path, None, billing=BillingSettings(support_contact="@help")
    ) as product:
        tg = product.tg
        for command, part in zip(["buy", "balance", "paysupport"], expected, strict=True):
            mark = tg.mark()
            tg.push_command(CHAT, command, language_code=language)
            await tg.wait_for("sendMessage", _text(part), after=mark)
        assert "@help" in tg.sent_messages(CHAT)[-1]


def test_every_receipt_in_english_and_russian() -> None:
    end = datetime(2027, 1, 6, tzinfo=UTC)
    stars, rub = Money(250, "XTR"), Money(69900, "RUB")
    english = [
        purchase_receipt("en", 15, stars, "stars", 15, "ch1"),
        subscription_receipt("en", True, stars, end, 3, "ch2"),
        refund_receipt("en", 15, rub, 0, "pay3"),
        grant_receipt("en", 2, 2),
    ]
    russian = [
        purchase_receipt("ru", 15, stars, "stars", 15, "ch1"),
        subscription_receipt("ru", True, stars, end, 3, "ch2"),
        refund_receipt("ru", 15, rub, 0, "pay3"),
        grant_receipt("ru", 2, 2),
    ]
    assert "15 analyses" in english[0] and "250 ⭐" in english[0]
    assert "15 разборов" in russian[0] and "Чек" in russian[0]
    assert "Подписка продлена" in russian[1] and "06.01.2027" in russian[1]
    assert "699.00 RUB" in russian[2] and "Возврат" in russian[2]
    assert "подарено: 2 разбора" in russian[3]
    for en, ru in zip(english, russian, strict=True):
        assert en != ru
