"""Everything held on a user, as JSON (complete) and CSV (one line per dream, for a spreadsheet).

Dreams are intimate: the export is built only for the owner and never cached.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from core.db.models import (
    Dream,
    DreamAnalysis,
    DreamEmbedding,
    Subscription,
    Transaction,
    User,
)

FORMAT_VERSION = 1
_PROFILE_FIELDS = (
    "id",
    "telegram_id",
    "email",
    "first_name",
    "language",
    "timezone",
    "latitude",
    "longitude",
    "place_name",
    "sex",
    "free_dream_used",
    "dream_balance",
    "created_at",
)
CSV_COLUMNS = (
    "dream_id",
    "created_at",
    "dreamt_on",
    "status",
    "source",
    "language",
    "text",
    "mood",
    "symbols",
    "archetypes",
    "lunar_day",
    "summary",
    "interpretation",
    "hvdc_card",
    "model_used",
)


@dataclass(frozen=True, slots=True)
class AccountExport:
    """The export as plain data: ``profile`` plus one list per kind of record."""

    profile: dict[str, Any]
    dreams: list[dict[str, Any]]
    transactions: list[dict[str, Any]]
    subscriptions: list[dict[str, Any]]
    exported_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "exported_at": self.exported_at,
            "profile": self.profile,
            "dreams": self.dreams,
            "transactions": self.transactions,
            "subscriptions": self.subscriptions,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _row(model: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        name: _plain(getattr(model, name))
        for name in model._meta.db_fields
        if name not in skip and not name.endswith("_id")
    }


async def export_account(user: User) -> AccountExport:
    dreams = await Dream.filter(user_id=user.id).order_by("created_at")
    ids = [d.id for d in dreams]
    analyses: dict[UUID, list[DreamAnalysis]] = {}
    for analysis in await DreamAnalysis.filter(dream_id__in=ids).order_by("created_at"):
        analyses.setdefault(analysis.dream_id, []).append(analysis)  # type: ignore[attr-defined]
    vectors = {e.dream_id: e for e in await DreamEmbedding.filter(dream_id__in=ids)}  # type: ignore[attr-defined]
    exported = []
    for dream in dreams:
        item = _row(dream)
        item["analyses"] = [_row(a) for a in analyses.get(dream.id, [])]
        vector = vectors.get(dream.id)
        item["embedding"] = _row(vector) if vector else None
        exported.append(item)
    return AccountExport(
        profile={name: _plain(getattr(user, name)) for name in _PROFILE_FIELDS},
        dreams=exported,
        transactions=[_row(t) for t in await Transaction.filter(user_id=user.id)],
        subscriptions=[_row(s) for s in await Subscription.filter(user_id=user.id)],
        exported_at=datetime.now(UTC),
    )


def export_json(export: AccountExport) -> bytes:
    return json.dumps(export.as_dict(), ensure_ascii=False, indent=2, default=_plain).encode()


def _csv_line(dream: dict[str, Any]) -> list[str]:
    latest = dream["analyses"][-1] if dream["analyses"] else {}
    card = (latest.get("hvdc") or {}).get("card")
    values = {
        **{k: dream.get(k) for k in ("created_at", "dreamt_on", "status", "source", "language")},
        "dream_id": dream["id"],
        "text": dream["text"],
        "mood": latest.get("mood"),
        "symbols": " ".join(latest.get("symbols") or ()),
        "archetypes": " ".join(latest.get("archetypes") or ()),
        "lunar_day": latest.get("lunar_day"),
        "summary": latest.get("summary"),
        "interpretation": latest.get("interpretation"),
        "hvdc_card": json.dumps(card, ensure_ascii=False) if card else "",
        "model_used": latest.get("model_used"),
    }
    return ["" if values[c] is None else str(values[c]) for c in CSV_COLUMNS]


def export_csv(export: AccountExport) -> bytes:
    """One line per dream with its latest analysis; UTF-8 with a BOM so spreadsheets read it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_line(dream) for dream in export.dreams)
    return ("\ufeff" + buffer.getvalue()).encode()
