"""Speech recognition cost: real-time factor on two cores for a 30 s voice note, per model,
and the worker's memory with each model loaded.

The note is joined with ffmpeg from the English fixtures of ``../shared/data/asr`` and
encoded like a Telegram voice note (Opus, 48 kHz mono, 32 kbit/s, voip). Each model runs in a
fresh process (so its memory is its own): resident memory before and after loading, peak
resident memory after transcribing, CPU seconds of the whole process (every thread) and wall
seconds per transcription. RTF = seconds spent / seconds of audio; on a shared host, the CPU
figure is the one to compare (wall time depends on the neighbours).

    .venv/bin/python bench/asr_bench.py [--runs 3] [--models tiny.en,base] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._bench_common import host_speed_ms  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "data" / "asr"
THREADS = 2
PAUSE_S = 0.5


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _seconds(path: Path) -> float:
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return float(probe.stdout.strip())


def join_note(seconds: float, out: Path) -> Path:
    """Whole English clips with half-second pauses, as one voice note of ``seconds`` (silence
    pads the end; no clip is cut, a cut word would be a different test). The fixtures say five
    sentences in three voices, so some sentences recur; the order keeps repeats apart."""
    order = ["ef01", "ef02", "ef03", "ef04", "ef05", "en01", "efn02", "en02", "efn03", "efn04"]
    clips: list[Path] = []
    total = 0.0
    for name in order:
        length = _seconds(FIXTURES / f"{name}.ogg") + PAUSE_S
        if total + length > seconds:
            break
        clips.append(FIXTURES / f"{name}.ogg")
        total += length
    inputs: list[str] = []
    for clip in clips:
        inputs += ["-i", str(clip)]
    pause = f"apad=pad_dur={PAUSE_S}"
    graph = "".join(f"[{i}:a]aresample=48000,{pause}[c{i}];" for i in range(len(clips)))
    graph += "".join(f"[c{i}]" for i in range(len(clips)))
    graph += f"concat=n={len(clips)}:v=0:a=1,apad=whole_dur={seconds}[a]"
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *inputs,
         "-filter_complex", graph, "-map", "[a]", "-t", str(seconds), "-ac", "1", "-ar", "48000",
         "-c:a", "libopus", "-b:a", "32k", "-application", "voip", str(out)],
        check=True,
    )  # fmt: skip
    return out


def child(model: str, note: Path, runs: int, cache: Path) -> None:
    """One model in this fresh process; prints one JSON line."""
    from core.asr import AsrSettings, Transcriber

    data = note.read_bytes()
    start_rss = rss_mb()
    transcriber = Transcriber(AsrSettings(model=model, cache_dir=cache, cpu_threads=THREADS))
    cpu0 = time.process_time()
    transcriber.check()
    transcriber.load()
    load_cpu = time.process_time() - cpu0
    loaded_rss = rss_mb()
    timings = []
    text = ""
    duration = 0.0
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        heard = transcriber.transcribe(data, "auto")
        timings.append((time.process_time() - cpu, time.perf_counter() - wall))
        text, duration = heard.text, heard.duration_s
    print(json.dumps({
        "model": model, "audio_s": duration, "load_cpu_s": load_cpu,
        "rss_start_mb": start_rss, "rss_loaded_mb": loaded_rss, "peak_rss_mb": peak_rss_mb(),
        "cpu_s": [c for c, _ in timings], "wall_s": [w for _, w in timings], "text": text,
    }))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--models", default="tiny.en,base")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument(
        "--child", nargs=3, metavar=("MODEL", "NOTE", "CACHE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.runs, Path(args.child[2]))
        return 0
    if not FIXTURES.is_dir():
        print(f"skipped: the fixtures folder {FIXTURES} is absent (only in the dev workplace)")
        return 0
    print(f"host speed before: reference loop {host_speed_ms():.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        note = join_note(args.seconds, Path(tmp) / "note.ogg")
        rows = []
        for model in args.models.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--runs", str(args.runs), "--child", model, str(note),
                 str(Path(tmp) / "cache")],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"host speed after: reference loop {host_speed_ms():.0f} ms")
    print(f"\n{'model':8} {'audio s':>7} {'CPU s':>6} {'RTF cpu':>7} {'wall s':>6} "
          f"{'RTF wall':>8} {'load CPU s':>10} {'RSS +model MB':>13} {'peak RSS MB':>11}")  # fmt: skip
    for r in rows:
        cpu, wall = statistics.median(r["cpu_s"]), statistics.median(r["wall_s"])
        print(
            f"{r['model']:8} {r['audio_s']:7.1f} {cpu:6.2f} {cpu / r['audio_s']:7.3f} "
            f"{wall:6.2f} {wall / r['audio_s']:8.3f} {r['load_cpu_s']:10.2f} "
            f"{r['rss_loaded_mb'] - r['rss_start_mb']:13.0f} {r['peak_rss_mb']:11.0f}"
        )
    for r in rows:
        print(f"  {r['model']}: {r['text'][:120]}…")
    print(f"\n{THREADS} threads per transcription; medians of {args.runs} runs; CPU = the whole "
          "process (all threads). Shared host: compare CPU figures, and only within one run.")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
