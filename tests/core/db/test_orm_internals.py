"""What ``core.db.orm_internals`` relies on in Tortoise's private model API. A Tortoise release
that changes any of it fails here, by name, before the fixed statements misbehave."""

from __future__ import annotations

import pytest
import tortoise
from tortoise.models import Model

from core.db import sql
from core.db.models import Dream, User
from core.db.orm_internals import cache_related, mark_saved, model_from_db

pytestmark = pytest.mark.usefixtures("database")


def test_the_private_names_still_exist() -> None:
    assert callable(getattr(Model, "_init_from_db", None)), tortoise.__version__
    assert hasattr(User(telegram_id=1), "_saved_in_db"), tortoise.__version__


async def test_a_raw_row_becomes_the_model_the_orm_reads() -> None:
    created = await User.create(telegram_id=11, first_name="Вера", latitude=55.75)
    rows = await sql.fetch(
        sql.Statement(f"SELECT {sql.columns(User, 'u')} FROM users u WHERE u.id = $1"),
        created.id,
    )

    built = model_from_db(User, rows[0])
    by_orm = await User.get(id=created.id)

    for field in User._meta.fields_db_projection:
        assert getattr(built, field) == getattr(by_orm, field), field
    assert built._saved_in_db


async def test_a_model_marked_saved_is_updated_not_inserted_again() -> None:
    user = User(telegram_id=12, first_name="Ann")
    await sql.insert(user)  # our own INSERT, then mark_saved
    user.first_name = "Anna"

    await user.save()  # an INSERT here would collide with the row

    assert await User.filter(telegram_id=12).values_list("first_name", flat=True) == ["Anna"]


async def test_a_cached_relation_is_read_without_a_query() -> None:
    user = await User.create(telegram_id=13)
    dream = await Dream.create(user=user, text="I was flying over the sea", language="en")
    fresh = await Dream.get(id=dream.id)

    cache_related(fresh, "user", user)

    assert fresh.user is user  # the object itself, not a query to await


def test_mark_saved_sets_the_flag_save_reads() -> None:
    user = User(telegram_id=14)
    assert not user._saved_in_db
    mark_saved(user)
    assert user._saved_in_db
