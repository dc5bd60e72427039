"""Job modules; each maps job names to core coroutines."""

from __future__ import annotations

from core.dreams.journal import ANALYZE_JOB
from core.jobs import JobFunction
from core.voice.job import TRANSCRIBE_JOB
from workers.tasks.dreams import analyze_dream
from workers.tasks.voice import transcribe_voice

JOBS: dict[str, JobFunction] = {ANALYZE_JOB: analyze_dream, TRANSCRIBE_JOB: transcribe_voice}
