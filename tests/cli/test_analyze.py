"""``oneiroscope analyze`` prints the bot's analysis of one dream, offline, in either language."""

from __future__ import annotations

import json

import pytest

from cli.main import main

DREAM = "I was chased by a big dog through my old school and I was scared of it."


@pytest.fixture(autouse=True)
def no_llm_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_analyze_prints_a_grounded_offline_interpretation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", DREAM]) == 0
    out = capsys.readouterr().out
    assert "Being chased (chased)" in out
    assert "[Interpreted by: built-in interpreter" in out


def test_analyze_json_carries_codes_with_their_spans(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(DREAM))
    assert (
        main(
            ["analyze", "--json", "--lat", "55.75", "--lon", "37.62", "--tz", "Europe/Moscow", "-"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert "AP, D" in data["hvdc"]["emotions"]
    emotion = next(c for c in data["codes"] if c["code"] == "AP, D")
    assert DREAM[emotion["span"][0] : emotion["span"][1]] == "scared"
    assert 1 <= data["lunar"]["lunar_day"] <= 30
    assert data["interpretation"]["model_used"] == "offline"


def test_analyze_answers_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["analyze", "--lang", "ru", "Мне снилось, что я плыву по тёмной реке и мне страшно."])
        == 0
    )
    assert "Народ" in capsys.readouterr().out


def test_analyze_rejects_bad_input_with_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--lang", "ru", "🌙🌙"]) == 2
    assert "ни одного слова" in capsys.readouterr().err


def test_told_at_reads_the_moon_of_the_night_before(capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's example: told at 09:26 in London, after day 29 began at moonrise (06:42);
    the night's middle (03:00) still had day 28."""
    argv = ["analyze", "--told-at", "2026-12-07T09:26:00+00:00", "--lat", "51.5", "--lon",
            "-0.13", "--tz", "Europe/London", "--json",
            "Last night I dreamed I was walking along a river with my brother."]  # fmt: skip
    assert main(argv) == 0
    lunar = json.loads(capsys.readouterr().out)["lunar"]
    assert lunar["lunar_day"] == 28
    assert lunar["night_of"] == {
        "evening": "2026-12-06",
        "morning": "2026-12-07",
        "middle": "2026-12-07T03:00:00+00:00",
    }


def test_analyze_in_russian_has_no_english_footer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--lang", "ru", "Мне снилось, что за мной гналась собака."]) == 0
    out = capsys.readouterr().out
    assert "[Толкование: встроенный толкователь · уверенность" in out
