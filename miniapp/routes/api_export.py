"""``GET /api/v1/export``: everything held on the caller, as JSON or CSV, as a download."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from aiohttp import web
from pydantic import BaseModel

from core.account import export_account, export_csv, export_json
from miniapp.api.registry import ApiCall, ApiRouter

api = ApiRouter(tag="account")


class ExportQuery(BaseModel):
    format: Literal["json", "csv"] = "json"


@api.route(
    "GET",
    "/export",
    summary="Download everything held on you (JSON or CSV)",
    input=ExportQuery,
    output=None,
    produces=("application/json", "text/csv"),
)
async def get_export(call: ApiCall, query: ExportQuery) -> web.Response:
    export = await export_account(call.user)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    if query.format == "csv":
        body, kind = export_csv(export), "text/csv"
    else:
        body, kind = export_json(export), "application/json"
    return web.Response(
        body=body,
        content_type=kind,
        charset="utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="oneiroscope-{stamp}.{query.format}"',
            "Cache-Control": "no-store",
        },
    )
