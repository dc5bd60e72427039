"""Telegram Login Widget payloads: signature (constant-time) and freshness."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from core.auth import ExpiredCredentials, InvalidCredentials, verify_login_widget
from tests.miniapp.signing import BOT_TOKEN, widget_payload

DAY = timedelta(hours=24)


def test_a_valid_payload_names_the_account() -> None:
    launch = verify_login_widget(BOT_TOKEN, widget_payload(7, first_name="Ann"), DAY)
    assert (launch.telegram_id, launch.first_name) == (7, "Ann")


def test_a_changed_field_is_refused() -> None:
    payload = widget_payload(7)
    payload["id"] = "8"
    with pytest.raises(InvalidCredentials):
        verify_login_widget(BOT_TOKEN, payload, DAY)


def test_unsigned_extra_fields_are_ignored_not_trusted() -> None:
    payload = {**widget_payload(7), "role": "admin"}
    assert verify_login_widget(BOT_TOKEN, payload, DAY).telegram_id == 7


def test_an_old_payload_is_expired() -> None:
    old = widget_payload(7, auth_date=int(time.time()) - 2 * 86400)
    with pytest.raises(ExpiredCredentials):
        verify_login_widget(BOT_TOKEN, old, DAY)


def test_a_missing_hash_is_refused() -> None:
    payload = widget_payload(7)
    del payload["hash"]
    with pytest.raises(InvalidCredentials):
        verify_login_widget(BOT_TOKEN, payload, DAY)
