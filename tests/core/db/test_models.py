"""What the database guarantees about users' data, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from tortoise.exceptions import IntegrityError

from core.db.models import (
    Dream,
    DreamAnalysis,
    DreamEmbedding,
    Subscription,
    Transaction,
    TransactionKind,
    User,
)

pytestmark = pytest.mark.usefixtures("database")


async def _user_with_everything() -> tuple[User, Dream]:
    user = await User.create(telegram_id=42, first_name="Вера", language="ru")
    dream = await Dream.create(user=user, text="Мне снился дом с бесконечными комнатами")
    await DreamAnalysis.create(dream=dream, interpretation="…")
    await DreamEmbedding.create(dream=dream, model="m", dim=2, vector=b"\x00" * 8)
    await Subscription.create(user=user, plan="monthly", provider="stars")
    await Transaction.create(
        user=user, kind=TransactionKind.CONSUME, credits=-1, idempotency_key="c:1", dream=dream
    )
    return user, dream


async def _a_dream() -> Dream:
    return await Dream.create(user=await User.create(), text="сон")


async def test_keys_are_uuids_that_survive_a_round_trip() -> None:
    user = await User.create(first_name="Ада")

    loaded = await User.get(id=user.id)

    assert isinstance(user.id, uuid.UUID)
    assert loaded.id == user.id


async def test_timestamps_come_back_timezone_aware_in_utc() -> None:
    before = datetime.now(UTC)
    user = await User.create()
    renewal = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    await Subscription.create(
        user=user, plan="monthly", provider="stripe", current_period_end=renewal
    )

    loaded = await User.get(id=user.id)
    subscription = await Subscription.get(user=user)

    assert loaded.created_at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=5) <= loaded.created_at <= datetime.now(UTC)
    assert subscription.current_period_end == renewal
    assert subscription.current_period_end.utcoffset() == timedelta(0)


async def test_deleting_a_user_deletes_all_their_data_and_unlinks_the_ledger() -> None:
    user, _ = await _user_with_everything()
    bystander = await User.create(telegram_id=43)
    await Dream.create(user=bystander, text="чужой сон")

    await User.filter(id=user.id).delete()  # a plain SQL DELETE: the database cascades

    assert [dream.user_id for dream in await Dream.all()] == [bystander.id]
    for model in (DreamAnalysis, DreamEmbedding, Subscription):
        assert await model.all().count() == 0, model.__name__
    # The credit ledger is accounting: kept, without any link to the person.
    assert [row.user_id for row in await Transaction.all()] == [None]  # type: ignore[attr-defined]


async def test_deleting_a_dream_keeps_its_payment_record_without_the_link() -> None:
    user, dream = await _user_with_everything()

    await Dream.filter(id=dream.id).delete()  # a plain SQL DELETE: the database sets NULL

    transaction = await Transaction.get(idempotency_key="c:1")
    assert transaction.dream_id is None
    assert transaction.user_id == user.id


async def test_a_payment_event_is_recorded_only_once() -> None:
    user = await User.create()
    await Transaction.create(
        user=user, kind=TransactionKind.PURCHASE, credits=10, idempotency_key="stars:charge-1"
    )

    with pytest.raises(IntegrityError):
        await Transaction.create(
            user=user, kind=TransactionKind.PURCHASE, credits=10, idempotency_key="stars:charge-1"
        )
    assert await Transaction.filter(user=user).count() == 1


async def test_a_redelivered_update_makes_no_twin_dream() -> None:
    user = await User.create()
    await Dream.create(user=user, text="сон", origin_key="tg:1001")

    with pytest.raises(IntegrityError):
        await Dream.create(user=user, text="сон", origin_key="tg:1001")


async def test_dreams_without_origin_do_not_collide() -> None:
    user = await User.create()

    await Dream.create(user=user, text="первый")
    await Dream.create(user=user, text="второй")

    assert await Dream.filter(user=user, origin_key__isnull=True).count() == 2


async def test_embedding_bytes_round_trip_as_float32() -> None:
    dream = await _a_dream()
    vector = np.linspace(-1.0, 1.0, 512, dtype="<f4")
    await DreamEmbedding.create(dream=dream, model="use-m", dim=512, vector=vector.tobytes())

    loaded = await DreamEmbedding.get(dream=dream)

    assert bytes(loaded.vector) == vector.tobytes()
    np.testing.assert_array_equal(np.frombuffer(loaded.vector, dtype="<f4"), vector)


async def test_json_fields_keep_russian_text_intact() -> None:
    dream = await _a_dream()
    hvdc = {"characters": [{"code": "1FKA", "span": "моя мама"}], "emotions": ["страх"]}
    await DreamAnalysis.create(
        dream=dream,
        interpretation="Дом — это вы сами.",
        archetypes=["Тень", "Анима"],
        symbols=[{"symbol": "лестница", "meaning": "переход"}],
        hvdc=hvdc,
    )

    loaded = await DreamAnalysis.get(dream=dream)

    assert loaded.hvdc == hvdc
    assert loaded.archetypes == ["Тень", "Анима"]
    assert loaded.symbols == [{"symbol": "лестница", "meaning": "переход"}]
    assert loaded.interpretation == "Дом — это вы сами."
