"""The process's shared services, built once in ``main()`` and handed to every adapter."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.cache import Cache, MemoryCache, RedisCache
from core.config import Settings
from core.jobs import JobQueue
from core.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter

if TYPE_CHECKING:
    from core.account.erase import AccountEraser
    from core.dreams.analyzer import Analyzer
    from core.dreams.report import Notifier

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Services:
    """Everything a handler, route or job may need, typed; no globals."""

    settings: Settings
    cache: Cache
    rate_limiter: RateLimiter
    redis: Redis | None = None
    #: Set by the composition root once the runner (in-process or arq) exists.
    jobs: JobQueue | None = None
    #: The dream analysis (built from the LLM settings) and how its results reach the user.
    analyzer: Analyzer | None = None
    notifier: Notifier | None = None
    #: What each part keeps on an account outside the database, erased with the account.
    erasers: list[AccountEraser] = field(default_factory=list)

    async def close(self) -> None:
        if self.jobs is not None:
            await self.jobs.close()
        if self.redis is not None:
            await self.redis.aclose()


def build_services(settings: Settings) -> Services:
    """Memory-backed parts for the embedded default, Redis-backed ones when ``REDIS_URL`` is set."""
    if settings.redis_url is None:
        return Services(
            settings=settings,
            cache=MemoryCache(),
            rate_limiter=MemoryRateLimiter(settings.throttle_rate, settings.throttle_burst),
        )
    redis = Redis.from_url(
        settings.redis_url, socket_timeout=5, socket_connect_timeout=5, health_check_interval=30
    )
    prefix = settings.redis_prefix
    return Services(
        settings=settings,
        cache=RedisCache(redis, prefix=prefix),
        rate_limiter=RedisRateLimiter(
            redis, settings.throttle_rate, settings.throttle_burst, prefix=f"{prefix}rl:"
        ),
        redis=redis,
    )


async def ping_redis(redis: Redis | None) -> bool:
    """True when Redis answers (or is not configured); for ``/readyz``."""
    if redis is None:
        return True
    try:
        return bool(await redis.ping())
    except (RedisError, OSError) as exc:
        log.warning("redis ping failed: %s", type(exc).__name__)
        return False
