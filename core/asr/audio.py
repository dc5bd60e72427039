"""Decoding whatever Telegram sends (Opus voice notes, MP3/M4A audio files, MP4 round video
notes) into 16 kHz mono float samples for the engines.

pydub drives ffmpeg through pipes, so the audio never touches the disk. The work is bounded
before it starts: ffprobe's duration is checked first and ffmpeg stops one second past the
limit, so a two-hour file (or a header that lies) costs no more than the limit.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.asr.errors import (
    AsrConfigError,
    AudioTooLarge,
    AudioTooLong,
    EmptyAudio,
    UnreadableAudio,
    UnsupportedAudio,
)
from core.asr.types import SAMPLE_RATE, Audio, Samples

#: ffmpeg's words for "I know this format but cannot decode it" (vs. a damaged file).
_UNSUPPORTED_HINTS = ("decoder", "not found", "unsupported", "not implemented", "no audio")
_MIN_SECONDS = 0.1


@dataclass(frozen=True, slots=True)
class AudioLimits:
    max_seconds: float
    max_bytes: int


def require_ffmpeg() -> None:
    """Fail at start-up, clearly, where ffmpeg is missing (pydub only warns, then fails later)."""
    missing = [tool for tool in ("ffmpeg", "ffprobe") if shutil.which(tool) is None]
    if missing:
        raise AsrConfigError(
            f"voice notes need {' and '.join(missing)} on PATH (Debian: apt-get install ffmpeg)"
        )


def decode_audio(data: bytes, limits: AudioLimits) -> Audio:
    """Decode ``data`` to 16 kHz mono; raise a precise :class:`AsrError` for bad input."""
    if not data.strip(b"\x00"):
        raise EmptyAudio("no bytes")
    if len(data) > limits.max_bytes:
        raise AudioTooLarge(f"{len(data)} bytes", limit=_megabytes(limits.max_bytes))
    require_ffmpeg()
    info = _probe(data)
    declared = _declared_seconds(info)
    if declared is not None and declared > limits.max_seconds:
        raise AudioTooLong(f"{declared:.0f} s declared", limit=_minutes(limits.max_seconds))
    rate, pcm = _decode_pcm(data, limits.max_seconds + 1)
    duration = len(pcm) / rate if rate else 0.0
    if duration > limits.max_seconds:
        raise AudioTooLong(f"{duration:.0f} s decoded", limit=_minutes(limits.max_seconds))
    if duration < _MIN_SECONDS:
        raise EmptyAudio(f"{duration:.2f} s of sound")
    return Audio(samples=resample(pcm, rate), duration_s=duration)


def _probe(data: bytes) -> dict[str, Any]:
    """ffprobe's view of the file; distinguishes 'not media' from 'media without audio'."""
    from pydub.utils import mediainfo_json

    try:
        # pydub pipes a file object to ffprobe (no temp file); its stubs only say ``str``.
        info: dict[str, Any] = mediainfo_json(io.BytesIO(data))  # type: ignore[arg-type]
    except (ValueError, KeyError, IndexError) as exc:  # ffprobe printed nothing usable
        raise UnreadableAudio(f"ffprobe: {type(exc).__name__}") from exc
    streams = info.get("streams") or []
    if not streams:
        raise UnreadableAudio("no media streams")
    if not any(stream.get("codec_type") == "audio" for stream in streams):
        raise UnsupportedAudio("no audio stream")
    return info


def _declared_seconds(info: dict[str, Any]) -> float | None:
    try:
        return float(info["format"]["duration"])
    except (KeyError, TypeError, ValueError):
        return None


def _decode_pcm(data: bytes, max_seconds: float) -> tuple[int, Samples]:
    """Mono float32 PCM at the file's own rate, at most ``max_seconds`` of it."""
    from pydub import AudioSegment
    from pydub.exceptions import CouldntDecodeError

    try:
        segment = AudioSegment.from_file(io.BytesIO(data), duration=max_seconds)
    except CouldntDecodeError as exc:
        message = str(exc).lower()
        if any(hint in message for hint in _UNSUPPORTED_HINTS):
            raise UnsupportedAudio("ffmpeg has no decoder for it") from exc
        raise UnreadableAudio("ffmpeg could not decode it") from exc
    except (IndexError, KeyError) as exc:  # pydub's own probe found no usable audio stream
        raise UnsupportedAudio("no decodable audio stream") from exc
    segment = segment.set_channels(1).set_sample_width(2)
    pcm = np.frombuffer(segment.raw_data, dtype="<i2").astype(np.float32) / 32768.0
    return int(segment.frame_rate), pcm


def resample(pcm: Samples, rate: int) -> Samples:
    """To 16 kHz with ffmpeg's own resampler (libswresample, through PyAV): band-limited, unlike
    pydub's ``set_frame_rate`` (``audioop.ratecv``), which folds 8-24 kHz back into speech."""
    if rate == SAMPLE_RATE or len(pcm) == 0:
        return pcm.astype(np.float32, copy=False)
    import av

    frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    frames = [*resampler.resample(frame), *resampler.resample(None)]
    if not frames:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate([f.to_ndarray().reshape(-1) for f in frames]).astype(np.float32)


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:g}"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g}"
