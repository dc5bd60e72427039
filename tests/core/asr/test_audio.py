"""Decoding what users send, and a clear, specific error for everything we cannot hear."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from core.asr import (
    AudioLimits,
    AudioTooLarge,
    AudioTooLong,
    EmptyAudio,
    UnreadableAudio,
    UnsupportedAudio,
    decode_audio,
)
from tests.asr_models import require_ffmpeg

LIMITS = AudioLimits(max_seconds=300, max_bytes=20_000_000)


def ffmpeg(tmp_path: Path, name: str, *args: str) -> bytes:
    """A recording made by ffmpeg from its test sources (``lavfi``)."""
    require_ffmpeg()
    out = tmp_path / name
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args, str(out)], check=True
    )
    return out.read_bytes()


def tone(tmp_path: Path, seconds: float, name: str = "tone.ogg", *codec: str) -> bytes:
    source = f"sine=frequency=440:sample_rate=48000:duration={seconds}"
    return ffmpeg(tmp_path, name, "-f", "lavfi", "-i", source, *codec)


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("voice.ogg", ("-c:a", "libopus", "-b:a", "32k", "-application", "voip")),
        (
            "audio.mp3",
            (
                "-c:a",
                "libmp3lame",
            ),
        ),
        (
            "audio.m4a",
            (
                "-c:a",
                "aac",
            ),
        ),
        ("audio.wav", ()),
    ],
)
def test_common_formats_decode_to_16_khz_mono(
    tmp_path: Path, name: str, codec: tuple[str, ...]
) -> None:
    audio = decode_audio(tone(tmp_path, 2.0, name, *codec), LIMITS)
    assert audio.samples.dtype.name == "float32"
    assert 1.9 < audio.duration_s < 2.2
    assert abs(len(audio.samples) / 16_000 - audio.duration_s) < 0.1
    assert 0.1 < float(abs(audio.samples).max()) <= 1.0


def test_a_round_video_note_is_heard_through_its_sound_track(tmp_path: Path) -> None:
    video = ffmpeg(
        tmp_path,
        "note.mp4",
        "-f", "lavfi", "-i", "color=c=black:s=240x240:d=2",
        "-f", "lavfi", "-i", "sine=frequency=300:duration=2",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )  # fmt: skip
    assert 1.8 < decode_audio(video, LIMITS).duration_s < 2.2


def test_a_video_without_sound_is_unsupported(tmp_path: Path) -> None:
    video = ffmpeg(
        tmp_path,
        "mute.mp4",
        "-f", "lavfi", "-i", "color=c=black:s=240x240:d=1",
        "-c:v", "libx264", "-pix_fmt", "yuv420p",
    )  # fmt: skip
    with pytest.raises(UnsupportedAudio):
        decode_audio(video, LIMITS)


def test_an_empty_file_is_empty() -> None:
    with pytest.raises(EmptyAudio):
        decode_audio(b"", LIMITS)
    with pytest.raises(EmptyAudio):
        decode_audio(b"\x00" * 4096, LIMITS)


def test_a_corrupt_file_is_unreadable(tmp_path: Path) -> None:
    good = tone(tmp_path, 2.0, "voice.ogg", "-c:a", "libopus")
    with pytest.raises(UnreadableAudio):
        decode_audio(b"OggS" + bytes(range(256)) * 40, LIMITS)
    with pytest.raises((UnreadableAudio, EmptyAudio)):
        decode_audio(good[:200], LIMITS)  # the header survives, the sound does not


def test_a_recording_over_the_limit_is_refused_without_decoding_it_all(tmp_path: Path) -> None:
    long = tone(tmp_path, 8.0, "long.ogg", "-c:a", "libopus", "-b:a", "16k")
    with pytest.raises(AudioTooLong) as caught:
        decode_audio(long, AudioLimits(max_seconds=5, max_bytes=20_000_000))
    assert "minutes" in caught.value.localized("en")


def test_a_header_that_hides_the_length_is_still_cut_at_the_limit(tmp_path: Path) -> None:
    # Raw ADTS AAC declares no duration; ffmpeg's decode stops one second past the limit.
    stream = tone(tmp_path, 8.0, "long.aac", "-c:a", "aac", "-f", "adts")
    with pytest.raises(AudioTooLong):
        decode_audio(stream, AudioLimits(max_seconds=5, max_bytes=20_000_000))


def test_a_file_over_the_size_limit_is_refused_before_decoding() -> None:
    with pytest.raises(AudioTooLarge) as caught:
        decode_audio(b"x" * 20_001, AudioLimits(max_seconds=300, max_bytes=20_000))
    assert "0.02 MB" in caught.value.localized("en")
