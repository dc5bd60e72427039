"""«Луна в знаке Скорпиона»: the sign in the case Russian needs, as whole phrases."""

from __future__ import annotations

from core.i18n import gettext
from core.lunar.names import SIGN_KEYS, SIGN_PHRASES


def test_every_sign_has_a_russian_phrase_in_the_genitive() -> None:
    phrases = [gettext(SIGN_PHRASES[key], "ru") for key in SIGN_KEYS]
    assert phrases[7] == "Луна в знаке Скорпиона"
    assert phrases[10] == "Луна в знаке Водолея"
    assert all(p.startswith("Луна в знаке ") for p in phrases)
    assert gettext(SIGN_PHRASES["scorpio"], "en") == "Moon in Scorpio"
