"""``oneiroscope transcribe FILE [--lang] [--json]`` through the real console entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from core.asr.weights import BUNDLED, installed
from tests.asr_models import require_ffmpeg


@pytest.fixture
def tiny_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    require_ffmpeg()
    if not installed(BUNDLED["tiny.en"]):
        pytest.skip("the offline tiny.en weights are not installed (the asr extra)")
    monkeypatch.setenv("ASR_MODEL", "tiny.en")
    monkeypatch.setenv("ASR_CACHE_DIR", str(tmp_path))


def test_json_output_has_text_language_duration_engine_and_model(
    tiny_model: None, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = shared_dir / "data" / "asr" / "ef05.ogg"
    assert main(["transcribe", str(clip), "--lang", "en", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"text", "language", "duration_s", "engine", "model"}
    assert "black dog" in result["text"].lower()
    assert (result["language"], result["engine"], result["model"]) == (
        "en",
        "faster-whisper",
        "tiny.en",
    )
    assert 1.0 < result["duration_s"] < 10.0


def test_bad_input_prints_a_localized_reason_and_exits_2(
    tiny_model: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.ogg"
    empty.write_bytes(b"")
    assert main(["transcribe", str(empty), "--ui", "ru"]) == 2
    assert "пуст" in capsys.readouterr().err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcribe", str(tmp_path / "nope.ogg")]) == 2
    assert "nope.ogg" in capsys.readouterr().err
