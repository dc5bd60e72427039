"""Mini App initData: Telegram's HMAC (through aiogram) plus the age limit aiogram lacks."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from core.auth import ExpiredCredentials, InvalidCredentials, verify_init_data
from tests.miniapp.signing import BOT_TOKEN, init_data

DAY = timedelta(hours=24)


def test_valid_fresh_init_data_names_the_user() -> None:
    launch = verify_init_data(BOT_TOKEN, init_data(42, first_name="Вера"), DAY)
    assert (launch.telegram_id, launch.first_name, launch.language_code) == (42, "Вера", "en")


def test_init_data_signed_with_another_token_is_refused() -> None:
    forged = init_data(42, token="999:another-bot-token")
    with pytest.raises(InvalidCredentials):
        verify_init_data(BOT_TOKEN, forged, DAY)


def test_an_edited_user_id_breaks_the_signature() -> None:
    edited = init_data(42).replace("%22id%22%3A42", "%22id%22%3A43")
    assert edited != init_data(42)
    with pytest.raises(InvalidCredentials):
        verify_init_data(BOT_TOKEN, edited, DAY)


def test_init_data_older_than_the_limit_is_expired() -> None:
    old = init_data(42, auth_date=int(time.time()) - 25 * 3600)
    with pytest.raises(ExpiredCredentials):
        verify_init_data(BOT_TOKEN, old, DAY)
    # ... while a longer configured limit accepts it
    assert verify_init_data(BOT_TOKEN, old, timedelta(hours=48)).telegram_id == 42


def test_init_data_from_the_future_is_refused() -> None:
    future = init_data(42, auth_date=int(time.time()) + 3600)
    with pytest.raises(InvalidCredentials):
        verify_init_data(BOT_TOKEN, future, DAY)


@pytest.mark.parametrize("garbage", ["", "hash=abc", "a" * 5000, "user=%7B&hash=00"])
def test_garbage_is_invalid_not_a_crash(garbage: str) -> None:
    with pytest.raises(InvalidCredentials):
        verify_init_data(BOT_TOKEN, garbage, DAY)


def test_a_remembered_launch_still_expires() -> None:
    """A verified initData is remembered per process; its age is checked on every request."""
    signed = init_data(42, auth_date=int(time.time()) - 3600)
    assert verify_init_data(BOT_TOKEN, signed, DAY).telegram_id == 42

    with pytest.raises(ExpiredCredentials):
        verify_init_data(BOT_TOKEN, signed, timedelta(minutes=30))


def test_a_refused_init_data_is_refused_again_and_not_remembered() -> None:
    forged = init_data(43, token="999:another-bot-token")
    for _ in range(2):
        with pytest.raises(InvalidCredentials):
            verify_init_data(BOT_TOKEN, forged, DAY)
    # The same string under the token that did sign it verifies: the memo is keyed by token.
    assert verify_init_data("999:another-bot-token", forged, DAY).telegram_id == 43
