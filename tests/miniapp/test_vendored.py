"""The vendored Telegram Web App script is the pinned release, with its licence beside it."""

from __future__ import annotations

import hashlib
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[2] / "miniapp" / "static" / "vendor"
PINNED_SHA256 = "ee7fc2e0150fcf51be9fc90aa800d7f2a97549aa8dc73b107cc2a9d8089b6d1b"


def test_the_telegram_script_is_the_pinned_release() -> None:
    script = (VENDOR / "telegram-web-apps.js").read_bytes()
    assert hashlib.sha256(script).hexdigest() == PINNED_SHA256


def test_its_licence_ships_with_it() -> None:
    assert "MIT License" in (VENDOR / "telegram-web-apps.LICENSE").read_text()
