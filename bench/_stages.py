"""Where one job's time goes at a paced load: arq's start/finish joined with the stage marks the
bench's notifier took in the worker (the pipeline calls it at each stage boundary)."""

from __future__ import annotations

from typing import Any

from arq.jobs import JobResult

from bench._bench_common import Row, print_table

#: (label, from mark, to mark); "start"/"finish" are arq's, the rest the notifier's.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("load dream, check credit, mark analysing", "start", "reading"),
    ("HVdC coding, symbols, mood", "reading", "context"),
    ("lunar night, recurring symbols, embed, similar", "context", "interpreting"),
    ("chain - LLM delay, save analysis, build report", "interpreting", "deliver"),
    ("consume credit, mark analysed, arq finish", "deliver", "finish"),
)


def _marks_of(result: JobResult, marks: dict[int, dict[str, float]]) -> dict[str, float] | None:
    delivery = result.args[1] if len(result.args) > 1 else {}
    found = marks.get(int(delivery.get("chat_id", 0)))
    if found is None:
        return None
    return {
        **found,
        "start": result.start_time.timestamp(),
        "finish": result.finish_time.timestamp(),
    }


def print_stages(results: list[JobResult], reports: list[dict[str, Any]], delay_ms: float) -> None:
    """A table of stage durations (ms) over the paced jobs whose marks came back."""
    marks: dict[int, dict[str, float]] = {}
    for report in reports:
        marks.update(report.get("marks", {}))
    timed = [m for r in results if (m := _marks_of(r, marks)) is not None]
    rows = []
    for label, begin, end in STAGES:
        spans = [1000 * (m[end] - m[begin]) for m in timed if begin in m and end in m]
        if "deliver" in end:
            spans = [span - delay_ms for span in spans]
        rows.append(Row(label, spans))
    print_table("Paced run, one job's stages (worker's wall clock)", rows)
