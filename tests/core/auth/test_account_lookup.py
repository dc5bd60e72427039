"""Recently read accounts: reused for a moment by reads, never past their time, bounded."""

from __future__ import annotations

from core.auth.account_lookup import RecentAccounts
from core.db.models import User


def test_an_account_is_reused_until_its_time_is_up_or_it_is_forgotten() -> None:
    now = [0.0]
    recent = RecentAccounts(ttl_s=2.0, clock=lambda: now[0])
    ann = User(telegram_id=1, first_name="Ann")
    recent.put(1, ann)

    assert recent.get(1) is ann
    now[0] = 2.0
    assert recent.get(1) is None
    recent.put(1, ann)
    recent.forget(1)
    assert recent.get(1) is None


def test_off_and_full_caches_keep_nothing_new() -> None:
    assert RecentAccounts(ttl_s=0).get(1) is None
    off = RecentAccounts(ttl_s=0)
    off.put(1, User(telegram_id=1))
    assert off.get(1) is None

    full = RecentAccounts(ttl_s=5.0, max_items=1)
    full.put(1, User(telegram_id=1))
    full.put(2, User(telegram_id=2))
    assert full.get(1) is not None and full.get(2) is None
