"""Speech recognition for dreams told aloud: decoding, engines (faster-whisper, Vosk), offline
weights, limits. Transport-free: the bot and the workers call :class:`Transcriber`."""

from core.asr.audio import AudioLimits, decode_audio
from core.asr.config import AsrSettings
from core.asr.errors import (
    AsrConfigError,
    AsrError,
    AudioTooLarge,
    AudioTooLong,
    DailyQuotaExceeded,
    EmptyAudio,
    EngineUnavailable,
    LanguageUnavailable,
    NoSpeech,
    UnreadableAudio,
    UnsupportedAudio,
)
from core.asr.language import parse_choice, pick_language
from core.asr.transcriber import Transcriber
from core.asr.types import SUPPORTED_LANGUAGES, Audio, LanguageChoice, Transcript

__all__ = [
    "SUPPORTED_LANGUAGES",
    "AsrConfigError",
    "AsrError",
    "AsrSettings",
    "Audio",
    "AudioLimits",
    "AudioTooLarge",
    "AudioTooLong",
    "DailyQuotaExceeded",
    "EmptyAudio",
    "EngineUnavailable",
    "LanguageChoice",
    "LanguageUnavailable",
    "NoSpeech",
    "Transcriber",
    "Transcript",
    "UnreadableAudio",
    "UnsupportedAudio",
    "decode_audio",
    "parse_choice",
    "pick_language",
]
