"""Acceptance on the voice-note fixtures: word error rate pooled per group, and the language
identified on every clip with automatic detection and the multilingual (base) model.

Each recording is transcribed once per model (session-cached): the base run uses ``auto``, as
a user without a language setting would, and its transcripts serve every base assertion.
"""

from __future__ import annotations

import pytest

from core.asr import Transcriber, Transcript
from core.asr.wer import GroupScore, pooled_wer
from tests.core.asr.conftest import Clip

Results = list[tuple[Clip, Transcript]]


def _run(transcriber: Transcriber, clips: list[Clip], language: str, only_en: bool) -> Results:
    chosen = [c for c in clips if c.language == "en" or not only_en]
    return [(c, transcriber.transcribe(c.file.read_bytes(), language)) for c in chosen]  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def tiny_results(tiny_en: Transcriber, clips: list[Clip]) -> Results:
    return _run(tiny_en, clips, "en", only_en=True)


@pytest.fixture(scope="session")
def base_results(base: Transcriber, clips: list[Clip]) -> Results:
    return _run(base, clips, "auto", only_en=False)


def score(results: Results, group: str) -> GroupScore:
    pairs = [(clip.reference, heard.text) for clip, heard in results if clip.group == group]
    assert pairs, f"no clips in group {group}"
    return pooled_wer(pairs)


def report(results: Results, group: str) -> str:
    return "\n".join(
        f"{clip.file.name}: {heard.text!r} vs {clip.reference!r}"
        for clip, heard in results
        if clip.group == group
    )


def test_clean_english_with_tiny_en_is_within_ten_percent(tiny_results: Results) -> None:
    result = score(tiny_results, "clean_en")
    assert result.wer <= 0.10, report(tiny_results, "clean_en")


def test_noisy_english_with_tiny_en_is_within_25_percent(tiny_results: Results) -> None:
    result = score(tiny_results, "noisy_en")
    assert result.wer <= 0.25, report(tiny_results, "noisy_en")


def test_clean_english_with_base_is_within_five_percent(base_results: Results) -> None:
    result = score(base_results, "clean_en")
    assert result.wer <= 0.05, report(base_results, "clean_en")


def test_noisy_english_with_base_is_within_25_percent(base_results: Results) -> None:
    result = score(base_results, "noisy_en")
    assert result.wer <= 0.25, report(base_results, "noisy_en")


def test_russian_with_base_is_within_35_percent(base_results: Results) -> None:
    result = score(base_results, "ru")
    assert result.wer <= 0.35, report(base_results, "ru")


def test_auto_detection_names_the_right_language_on_every_clip(base_results: Results) -> None:
    wrong = [(c.file.name, h.language) for c, h in base_results if h.language != c.language]
    assert not wrong


def test_transcripts_say_which_engine_and_model_heard_them(
    tiny_results: Results, base_results: Results
) -> None:
    assert {(h.engine, h.model) for _, h in tiny_results} == {("faster-whisper", "tiny.en")}
    assert {(h.engine, h.model) for _, h in base_results} == {("faster-whisper", "base")}
    assert all(h.duration_s > 1 for _, h in base_results)
