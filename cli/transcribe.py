"""``oneiroscope transcribe FILE``: one recording transcribed exactly as a voice note would be.

Prints the text (or, with ``--json``, ``{"text", "language", "duration_s", "engine", "model"}``).
Nothing is stored. Errors are printed in the ``--ui`` language and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.asr import AsrError, Transcriber, parse_choice
from core.config import Settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("transcribe", help="transcribe one recording (voice note)")
    parser.add_argument("file", type=Path, help="an audio or video file (OGG, MP3, M4A, MP4, WAV…)")
    parser.add_argument(
        "--lang",
        choices=("en", "ru", "auto"),
        default="auto",
        help="the spoken language; auto detects English or Russian",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--ui", choices=("en", "ru"), default="en", help="language of messages")
    parser.set_defaults(with_settings=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"{args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    transcriber = Transcriber(settings.asr)
    try:
        transcriber.check()
        transcript = transcriber.transcribe(data, parse_choice(args.lang))
    except AsrError as error:
        print(error.localized(args.ui), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(transcript.as_json(), ensure_ascii=False))
    else:
        print(transcript.text)
    return 0
