"""Liveness, readiness and metrics endpoints for the platform and for monitoring."""

from __future__ import annotations

from aiohttp import web

from core.db import ping_db
from core.llm.metrics import LLMMetrics, render_prometheus
from core.metrics import METRICS
from core.services import ping_redis
from miniapp.keys import SERVICES

routes = web.RouteTableDef()


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    """The process is up (no dependency checks: a slow database must not restart us)."""
    return web.json_response({"status": "ok"})


@routes.get("/readyz")
async def readyz(request: web.Request) -> web.Response:
    """Ready to serve: the database and, when configured, Redis answer."""
    services = request.app[SERVICES]
    checks = {"database": await ping_db()}
    if services.redis is not None:
        checks["redis"] = await ping_redis(services.redis)
    ready = all(checks.values())
    return web.json_response(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )


@routes.get("/metrics")
async def metrics(request: web.Request) -> web.Response:
    text = METRICS.render()
    analyzer = request.app[SERVICES].analyzer
    chain_metrics = getattr(analyzer.interpreter, "metrics", None) if analyzer else None
    if isinstance(chain_metrics, LLMMetrics):
        text += render_prometheus(chain_metrics)
    return web.Response(text=text, content_type="text/plain", charset="utf-8")
