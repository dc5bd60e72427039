"""A journal to serve in ``bench/web_api.py``: one user with analysed dreams (the real offline
analysis), in a fresh SQLite file or a fresh PostgreSQL database."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.db import close_db, init_db
from core.db.models import User
from tests.miniapp.harness import analysed_dream

BENCH_USER = 777_000
SHARED = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "data"
    / "dreambank"
    / "dreambank_en.jsonl"
)
FALLBACK = [
    "I was swimming in dark water near my old school and a dog followed me along the shore.",
    "My mother and I were flying over a city at night and I felt very happy and free.",
    "A stranger chased me through a dark forest and I was terrified that he would catch me.",
]


def _texts(count: int) -> list[str]:
    if not SHARED.is_file():
        return [FALLBACK[i % len(FALLBACK)] for i in range(count)]
    rng = random.Random(15)
    with SHARED.open(encoding="utf-8") as fh:
        lines = [json.loads(line)["text"] for _, line in zip(range(4000), fh, strict=False)]
    good = [t for t in lines if 200 <= len(t) <= 1500]
    return rng.sample(good, count)


async def seed_database(folder: Path, dreams: int, postgres: bool) -> tuple[str, int]:
    """The database URL and the Telegram id of the user whose journal it holds."""
    if postgres:
        from tests import services
        from tests.dbutil import _create_postgres_database, with_database

        server = services.postgres_url()
        url = with_database(server, await _create_postgres_database(server))
    else:
        url = f"sqlite://{folder / 'bench.db'}"
    await init_db(url, migrate=True)
    try:
        user = await User.create(telegram_id=BENCH_USER, first_name="Bench", dream_balance=dreams)
        start = datetime.now(UTC) - timedelta(days=dreams)
        for index, text in enumerate(_texts(dreams)):
            await analysed_dream(await User.get(id=user.id), text, start + timedelta(days=index))
    finally:
        await close_db()
    return url, BENCH_USER


async def drop_database(url: str) -> None:
    """Remove a PostgreSQL database made by :func:`seed_database` (SQLite files go with the
    temporary folder)."""
    if url.startswith("sqlite"):
        return
    from urllib.parse import urlsplit

    from tests import services
    from tests.dbutil import _drop_postgres_database

    await _drop_postgres_database(services.postgres_url(), urlsplit(url).path.lstrip("/"))
