"""The offline interpreter reads as prose in both languages, stays grounded and never fails."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime

import pytest

from core.analysis.hvdc.types import Code, Coding
from core.analysis.symbols import find_symbols
from core.interpret.offline import OfflineInterpreter
from core.interpret.types import DreamContext, LunarContext, SimilarDream

MEDICAL = re.compile(
    r"diagnos|disorder|symptom|therap|medicat|psychiatr|patholog|depression|illness|disease|"
    r"treatment|диагноз|расстройств|симптом|терапи|лекарств|психиатр|патолог|депресс|болезн|лечени",
    re.IGNORECASE,
)
BULLETS = re.compile(r"^\s*([-*•·]|\d+[.)])\s", re.MULTILINE)

EN_TEXT = (
    "I was in my childhood house and a huge snake chased me through the kitchen. "
    "I was terrified and ran to the door. My mother was laughing."
)
RU_TEXT = "Мне снилось, что я летала над морем, а потом упала в холодную воду. Было страшно."

EN_CODING = Coding(
    codes=[
        Code("characters", "1ANI"),
        Code("characters", "1FMA"),
        Code("aggression", "1ANI 6> D"),
        Code("emotions", "AP, D"),
        Code("settings", "IF"),
    ]
)
UNSUPPORTED = Coding(supported=False, reason="unsupported_language", language="ru")


def _lunar(locale: str) -> LunarContext:
    if locale == "ru":
        return LunarContext(14, "полнолуние", "full_moon", 0.99, "Лев", "Сны этого дня ясные.")
    return LunarContext(14, "full moon", "full_moon", 0.99, "Leo", "Dreams of this day are clear.")


def _context(text: str, locale: str, coding: Coding, **extra: object) -> DreamContext:
    return DreamContext(
        text=text, locale=locale, coding=coding, symbols=tuple(find_symbols(text, locale)), **extra
    )


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


@pytest.fixture(scope="module")
def interpreter() -> OfflineInterpreter:
    return OfflineInterpreter()


@pytest.mark.parametrize(
    ("text", "locale", "coding"), [(EN_TEXT, "en", EN_CODING), (RU_TEXT, "ru", UNSUPPORTED)]
)
async def test_interpretation_reads_as_grounded_prose(
    interpreter: OfflineInterpreter, text: str, locale: str, coding: Coding
) -> None:
    context = _context(text, locale, coding, lunar=_lunar(locale))
    result = await interpreter.interpret(context)
    assert not BULLETS.search(result.text) and "•" not in result.text
    assert len(_sentences(result.text)) >= 2
    assert any(hit.label in result.text for hit in context.symbols)
    assert not MEDICAL.search(result.text) and not MEDICAL.search(result.summary)
    assert len(_sentences(result.summary)) == 1


async def test_russian_interpretation_is_written_in_russian(
    interpreter: OfflineInterpreter,
) -> None:
    result = await interpreter.interpret(_context(RU_TEXT, "ru", UNSUPPORTED))
    latin_words = re.findall(r"\b[a-zA-Z]{3,}\b", result.text + result.summary)
    assert latin_words == []
    assert "«Полёт»" in result.text


async def test_accounting_fields_are_filled(interpreter: OfflineInterpreter) -> None:
    similar = SimilarDream("d1", "A snake in the garden.", 0.8, datetime(2026, 3, 3, tzinfo=UTC))
    context = _context(
        EN_TEXT,
        "en",
        EN_CODING,
        lunar=_lunar("en"),
        similar=(similar,),
        recurring_symbols=("snake",),
    )
    result = await interpreter.interpret(context)
    assert result.model_used == "offline"
    assert result.sources == ["hvdc", "symbols", "lunar", "similar"]
    assert result.symbols == ["house", "snake", "chase"]
    assert result.archetypes and result.archetypes[0] in {"self", "shadow"}
    assert result.mood == "negative"
    assert 0.0 < result.confidence <= 0.6
    assert result.latency_ms >= 0 and result.tokens_used == 0 and result.cost_usd == 0.0
    assert "March 3, 2026" in result.text and '"Snake"' in result.text


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_lunar_context_is_labelled_as_folklore(
    interpreter: OfflineInterpreter, locale: str
) -> None:
    result = await interpreter.interpret(_context(EN_TEXT, locale, EN_CODING, lunar=_lunar(locale)))
    assert ("folklore" if locale == "en" else "фольклор") in result.text


async def test_lunar_note_label_from_the_lunar_package_is_not_repeated(
    interpreter: OfflineInterpreter,
) -> None:
    lunar = LunarContext(3, "waxing crescent", "waxing_crescent", 0.1, "Aries",
                         "Folk belief, not science: Dreams of this day come true soon.")  # fmt: skip
    result = await interpreter.interpret(_context(EN_TEXT, "en", EN_CODING, lunar=lunar))
    assert "Folk belief, not science" not in result.text
    assert "Dreams of this day come true soon." in result.text


async def test_same_dream_reads_the_same_and_different_dreams_differ(
    interpreter: OfflineInterpreter,
) -> None:
    first = await interpreter.interpret(_context(EN_TEXT, "en", EN_CODING))
    again = await interpreter.interpret(_context(EN_TEXT, "en", EN_CODING))
    texts = {
        (await interpreter.interpret(_context(EN_TEXT + f" Night {n}.", "en", EN_CODING))).text
        for n in range(6)
    }
    assert first.text == again.text
    assert len(texts) > 1


CODINGS = [
    Coding(),
    UNSUPPORTED,
    Coding(supported=False, reason="empty"),
    EN_CODING,
    Coding(
        codes=[
            Code("characters", "2JUA"),
            Code("friendliness", "D 4> 2JUA"),
            Code("success", "SU, D"),
            Code("failure", "FL, D"),
            Code("misfortune", "M3, 1MKA"),
            Code("good_fortune", "GF, D"),
            Code("emotions", "HA, D"),
            Code("emotions", "SD, 1FKA"),
            Code("settings", "OU"),
            Code("aggression", "D 3> 1MKA"),
        ]
    ),
    Coding(
        codes=[
            Code("characters", "weird"),
            Code("aggression", "garbage"),
            Code("emotions", "??"),
            Code("settings", "Z"),
        ]
    ),
]


@pytest.mark.parametrize(
    ("coding", "locale", "text", "with_extras"),
    list(itertools.product(CODINGS, ["en", "ru", "de"], [EN_TEXT, RU_TEXT, "", "zzz"], [0, 1])),
)
async def test_never_raises_and_always_answers(
    interpreter: OfflineInterpreter, coding: Coding, locale: str, text: str, with_extras: int
) -> None:
    extras: dict[str, object] = {}
    if with_extras:
        created = datetime(2025, 1, 2, tzinfo=UTC)
        extras = {
            "lunar": _lunar(locale),
            "similar": (
                SimilarDream("a", "x " * 200, 0.5, created),
                SimilarDream("b", "", 0.4, created),
            ),
            "recurring_symbols": ("water", "no-such-symbol"),
            "mood": "mixed",
        }
    result = await interpreter.interpret(_context(text, locale, coding, **extras))
    assert result.text and result.summary
    assert result.mood in {"positive", "negative", "mixed", "neutral"}
