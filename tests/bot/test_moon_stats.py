"""The moon-and-my-dreams finding: honest about small journals, computed from stored analyses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.db.models import Dream, DreamAnalysis, User
from core.dreams.moon_stats import has_negative_emotion, moon_and_my_dreams
from tests.dbutil import initialised_db


def test_negative_emotions_are_read_from_the_card() -> None:
    assert has_negative_emotion({"emotions": ["AP, D", "HA, 1FKA"]})
    assert not has_negative_emotion({"emotions": ["HA, D"]})
    assert not has_negative_emotion({})


@pytest.mark.parametrize("dreams", [3, 40])
async def test_the_finding_depends_on_how_many_dreams_were_analysed(dreams: int) -> None:
    async with initialised_db("sqlite"):
        user = await User.create(telegram_id=1, language="en", timezone="Europe/Moscow")
        start = datetime(2024, 1, 1, 3, tzinfo=UTC)
        for i in range(dreams):
            dream = await Dream.create(user=user, text=f"dream {i}")
            await Dream.filter(id=dream.id).update(created_at=start + timedelta(days=3 * i))
            card = {"emotions": ["AP, D"] if i % 2 else []}
            await DreamAnalysis.create(
                dream=dream,
                interpretation="-",
                mood="negative" if i % 2 else "positive",
                hvdc={"card": card},
            )

        finding = await moon_and_my_dreams(user)

    if dreams < 30:
        assert "more dreams" in finding
    else:
        assert "40 dreams" in finding
