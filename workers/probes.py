"""Health, readiness and metrics of the processes that serve no web app (``worker``, ``bot``).

``/healthz``: the process is up. ``/readyz``: PostgreSQL and Redis answer — 503 with what is
down while an outage lasts (the process itself rides it out and says so in its log).
``/metrics``: this process's metrics, with the job queue's depth read at scrape time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import web
from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.db import ping_db
from core.metrics import METRICS
from core.services import Services, ping_redis

log = logging.getLogger(__name__)

_SERVICES = web.AppKey("services", Services)
_QUEUE = web.AppKey("queue", str)
_REDIS: web.AppKey[Redis | None] = web.AppKey("redis")


async def _healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _readyz(request: web.Request) -> web.Response:
    checks = {"database": await ping_db(), "redis": await ping_redis(request.app[_REDIS])}
    ready = all(checks.values())
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": checks,
        "waiting_for": sorted(name for name, ok in checks.items() if not ok),
    }
    return web.json_response(body, status=200 if ready else 503)


async def _metrics(request: web.Request) -> web.Response:
    redis = request.app[_REDIS]
    if redis is not None:
        # While Redis is away the last known depth stays; /readyz says Redis is away.
        with contextlib.suppress(RedisError, OSError):
            METRICS.set_gauge("job_queue_depth", float(await redis.zcard(request.app[_QUEUE])))
    return web.Response(text=METRICS.render(), content_type="text/plain", charset="utf-8")


def probe_app(services: Services, redis: Redis | None, queue_name: str) -> web.Application:
    app = web.Application()
    app[_SERVICES] = services
    app[_QUEUE] = queue_name
    app[_REDIS] = redis
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get("/metrics", _metrics)
    return app


async def serve_probes(
    services: Services, host: str, port: int, redis: Redis | None, queue_name: str
) -> None:
    """Serve the probes until cancelled."""
    runner = web.AppRunner(probe_app(services, redis, queue_name), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        log.info("probes listening on %s:%d", host, port)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
