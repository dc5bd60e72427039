"""Storing dream vectors and ranking a user's own similar dreams, on SQLite and PostgreSQL."""

from __future__ import annotations

import numpy as np
import pytest

from core.db.models import Dream, DreamAnalysis, DreamEmbedding, User
from core.embeddings import HashingEmbedder
from core.embeddings.store import (
    from_bytes,
    recurring_symbols,
    save_embedding,
    similar_dreams,
    to_bytes,
)

MODEL = "hashing-v1-512"


@pytest.fixture
def db(database: str) -> None:
    """A migrated, empty database: each test runs once on SQLite and once on PostgreSQL."""


async def _dream(user: User, text: str, *, symbols: list[str] | None = None) -> Dream:
    dream = await Dream.create(user=user, text=text)
    vector = (await HashingEmbedder().embed([text]))[0]
    await save_embedding(dream, vector, MODEL)
    if symbols is not None:
        await DreamAnalysis.create(dream=dream, interpretation="-", symbols=symbols)
    return dream


def test_vectors_round_trip_as_float32_little_endian_bytes() -> None:
    vector = np.array([0.25, -1.5, 3.0], dtype=np.float64)
    blob = to_bytes(vector)
    assert len(blob) == 12 and blob[:4] == np.float32(0.25).tobytes()
    np.testing.assert_array_equal(from_bytes(blob), vector.astype(np.float32))


async def test_save_embedding_stores_model_dim_and_replaces_on_second_save(db: None) -> None:
    user = await User.create()
    dream = await Dream.create(user=user, text="water")
    await save_embedding(dream, np.ones(4, dtype=np.float32), "m1")
    await save_embedding(dream, np.zeros(8, dtype=np.float32), "m2")
    stored = await DreamEmbedding.get(dream=dream)
    assert (stored.model, stored.dim, len(stored.vector)) == ("m2", 8, 32)
    assert await DreamEmbedding.all().count() == 1


async def test_similar_dreams_ranks_the_users_own_dreams_best_first(db: None) -> None:
    me, someone = await User.create(), await User.create()
    sea = await _dream(me, "I was swimming in the cold sea with my sister")
    await _dream(me, "The tax office lost my papers again")
    near = await _dream(me, "Swimming in a cold sea at night, my sister beside me")
    await _dream(someone, "I was swimming in the cold sea with my sister")  # not mine
    query = (await HashingEmbedder().embed(["swimming in the cold sea with my sister"]))[0]

    found = await similar_dreams(me.id, query, limit=3, min_similarity=0.3, model=MODEL)

    assert [s.dream_id for s in found] == [str(sea.id), str(near.id)]
    assert found[0].similarity >= found[1].similarity >= 0.3
    assert found[0].excerpt.startswith("I was swimming") and found[0].created_at is not None


async def test_similar_dreams_excludes_the_current_dream_and_other_models(db: None) -> None:
    me = await User.create()
    current = await _dream(me, "a red door in a dark corridor")
    other_model = await Dream.create(user=me, text="a red door in a dark corridor")
    vector = (await HashingEmbedder().embed([current.text]))[0]
    await save_embedding(other_model, vector, "use-multilingual-v3")

    found = await similar_dreams(str(me.id), vector, exclude_dream_id=str(current.id), model=MODEL)

    assert found == []


async def test_similar_dreams_respects_limit_and_threshold(db: None) -> None:
    me = await User.create()
    for n in range(5):
        await _dream(me, f"flying over the city again, night {n}")
    query = (await HashingEmbedder().embed(["flying over the city again"]))[0]
    assert len(await similar_dreams(me.id, query, limit=2, model=MODEL)) == 2
    assert await similar_dreams(me.id, query, min_similarity=0.999, model=MODEL) == []


async def test_recurring_symbols_are_keys_seen_in_two_or_more_past_dreams(db: None) -> None:
    me = await User.create()
    await _dream(me, "one", symbols=["water", "snake", "house"])
    await _dream(me, "two", symbols=["water", "house"])
    twice_analysed = await _dream(me, "three", symbols=["snake"])
    await DreamAnalysis.create(dream=twice_analysed, interpretation="-", symbols=["snake"])
    current = await _dream(me, "now", symbols=["water", "fire"])

    assert await recurring_symbols(me.id, exclude_dream_id=current.id) == [
        "house",
        "snake",
        "water",
    ]
    assert await recurring_symbols(me.id, among=["water", "fire"]) == ["water"]
