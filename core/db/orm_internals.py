"""The one module that uses Tortoise's private model API. Each use is measured to matter on the
analysis job's hot path (``core.db.sql`` says how much), and
``tests/core/db/test_orm_internals.py`` pins what each does, so a Tortoise release that changes
one fails there, loudly, instead of somewhere in the product."""

from __future__ import annotations

from typing import Any, TypeVar

from tortoise.models import Model

M = TypeVar("M", bound=Model)


def model_from_db(model: type[M], values: dict[str, Any]) -> M:
    """A model from a row's raw column values, built by the ORM's own row constructor (what its
    queries do: database values become Python ones, the instance counts as saved)."""
    return model._init_from_db(**values)


def mark_saved(instance: Model) -> None:
    """The instance was just inserted by a statement of our own: from now on ``save()`` updates
    its row instead of inserting it again."""
    instance._saved_in_db = True


def cache_related(instance: Model, relation: str, related: Model) -> None:
    """Where ``select_related`` puts a related row (the relation's cache attribute), so that
    ``instance.<relation>`` is the object itself, with no query."""
    object.__setattr__(instance, f"_{relation}", related)
