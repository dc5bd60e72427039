"""The throughput bench's database: users with dreams to analyse and a journal of past ones."""

from __future__ import annotations

from tortoise import connections

from bench._bench_common import chunks, dream_texts
from core.analysis.symbols import find_symbols
from core.db.config import CONNECTION
from core.db.models import Dream, DreamAnalysis, DreamEmbedding, DreamStatus, User
from core.embeddings import HashingEmbedder
from core.embeddings.store import to_bytes

DREAMS_PER_USER = 10


async def seed_users(count: int) -> tuple[list[str], str]:
    """Users with ``DREAMS_PER_USER`` dreams to analyse each, credits to spare and a journal of
    as many past dreams already analysed (vectors, symbols): the steady state of a service in
    use, statistics gathered. The ids of the dreams to analyse."""
    texts, source = dream_texts(2 * count)
    if len(texts) < 2 * count:
        texts = [f"{texts[i % len(texts)]} ({i})" for i in range(2 * count)]
    new, past = texts[::2], texts[1::2]
    embedder = HashingEmbedder()
    ids: list[str] = []
    for number, (batch, history) in enumerate(
        zip(chunks(new, DREAMS_PER_USER), chunks(past, DREAMS_PER_USER), strict=False)
    ):
        user = await User.create(telegram_id=10_000 + number, dream_balance=1000)
        dreams = [Dream(user=user, text=text, language="en") for text in batch]
        journal = [
            Dream(user=user, text=text, language="en", status=DreamStatus.ANALYZED)
            for text in history
        ]
        await Dream.bulk_create([*dreams, *journal])
        await _analysed(journal, embedder)
        ids.extend(str(d.id) for d in dreams)
    await connections.get(CONNECTION).execute_script("ANALYZE")
    return ids, source


async def _analysed(journal: list[Dream], embedder: HashingEmbedder) -> None:
    """Past analyses (their symbols) and vectors for a user's journal."""
    vectors = embedder.embed_sync([d.text for d in journal])
    await DreamEmbedding.bulk_create(
        [
            DreamEmbedding(dream_id=d.id, model=embedder.name, dim=embedder.dim, vector=to_bytes(v))
            for d, v in zip(journal, vectors, strict=True)
        ]
    )
    await DreamAnalysis.bulk_create(
        [
            DreamAnalysis(
                dream_id=d.id,
                interpretation="-",
                symbols=[hit.key for hit in find_symbols(d.text, "en")],
            )
            for d in journal
        ]
    )
