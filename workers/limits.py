"""How long and how often jobs may run: timeouts fitted to the work, retries with backoff."""

from __future__ import annotations

#: Tries of a job that asks to be retried (a database away for a moment): with the backoff of
#: :func:`retry_delay_s` they cover an outage of about a minute and a half; past that the
#: sweeper (``core.dreams.sweeper``) takes the dream up again.
MAX_TRIES = 8
#: What an analysis needs beyond the LLM chain's deadline (which bounds the embeddings too):
#: reading the dream, the database writes, and delivering the result to Telegram.
JOB_MARGIN_SECONDS = 45.0
#: The chain deadline's default (``LLM_CHAIN_DEADLINE_S``), for callers without settings.
DEFAULT_CHAIN_DEADLINE_SECONDS = 45.0
#: How long after a job's timeout its claim on a dream lapses (arq's own in-progress key lives
#: the job timeout + 10 s).
CLAIM_GRACE_SECONDS = 15.0


def job_timeout_s(chain_deadline_s: float = DEFAULT_CHAIN_DEADLINE_SECONDS) -> float:
    """A job's timeout: the real work's bound, not a round five minutes. It also bounds how
    long a killed worker's job waits before arq runs it again (timeout + 10 s)."""
    return chain_deadline_s + JOB_MARGIN_SECONDS


def claim_lease_s(chain_deadline_s: float = DEFAULT_CHAIN_DEADLINE_SECONDS) -> float:
    """How long a job's claim on a dream holds without news (see ``core.dreams.claims``)."""
    return job_timeout_s(chain_deadline_s) + CLAIM_GRACE_SECONDS


def retry_delay_s(job_try: int) -> float:
    """Backoff before try ``job_try + 1``: 1, 2, 4, 8, 16, then every 30 s."""
    return float(min(30, 2 ** max(0, job_try - 1)))


#: The default bound, for callers without settings.
JOB_TIMEOUT_SECONDS = job_timeout_s()
