"""The process's shared services, built once by the composition root (``cli/runtime.py``) and
handed to every adapter: handlers, routes and jobs ask for ``services`` by parameter name."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.account.erase import AccountEraser, Erasure
from core.billing.config import billing_key
from core.billing.receipts import ReceiptSender
from core.billing.stars_gateway import StarsGateway
from core.cache import Cache, MemoryCache, RedisCache
from core.config import Settings
from core.dreams.analyzer import Analyzer
from core.dreams.journal_changes import JournalFeed, LocalFeed
from core.dreams.journal_feed_redis import RedisFeed
from core.dreams.report import Notifier
from core.jobs import JobQueue
from core.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from core.voice.service import VoiceServices

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Services:
    """Everything a handler, route or job may need, typed and complete; no globals.

    ``redis`` is None in the embedded deployment (no ``REDIS_URL``): caches, rate limits and
    jobs then live in this process.
    """

    settings: Settings
    cache: Cache
    rate_limiter: RateLimiter
    redis: Redis | None
    jobs: JobQueue
    #: The dream analysis (built from ``settings.llm``) and how its results reach the user.
    analyzer: Analyzer
    notifier: Notifier
    #: "The journal of account X changed", to and from every process (``journal_changes``).
    journal: JournalFeed = field(default_factory=LocalFeed)
    #: Voice notes (transcriber + Bot API side); None without a bot or without ffmpeg.
    voice: VoiceServices | None = None
    #: How credit receipts reach users (Telegram); None without a bot.
    receipts: ReceiptSender | None = None
    #: Stars refunds and renewals through Telegram; None without a bot.
    stars: StarsGateway | None = None
    #: What each part keeps on an account outside the database (the bot's conversation
    #: state, ...), erased with the account. A registry: the parts add theirs as they start.
    erasers: list[AccountEraser] = field(default_factory=list)

    def erasure(self) -> Erasure:
        """Everything erasing an account goes through, whichever adapter asks for it."""
        return Erasure(
            erasers=tuple(self.erasers),
            billing_key=billing_key(self.settings),
            stars=self.stars,
            cache=self.cache,
        )


@dataclass(frozen=True, slots=True)
class Storage:
    """The key-value parts: memory-backed when embedded, Redis-backed with ``REDIS_URL``."""

    cache: Cache
    rate_limiter: RateLimiter
    redis: Redis | None
    journal: JournalFeed


def build_storage(settings: Settings) -> Storage:
    """Memory-backed parts for the embedded default, Redis-backed ones when ``REDIS_URL`` is set."""
    if settings.redis_url is None:
        return Storage(
            cache=MemoryCache(),
            rate_limiter=MemoryRateLimiter(settings.throttle_rate, settings.throttle_burst),
            redis=None,
            journal=LocalFeed(),
        )
    redis = Redis.from_url(
        settings.redis_url, socket_timeout=5, socket_connect_timeout=5, health_check_interval=30
    )
    prefix = settings.redis_prefix
    return Storage(
        cache=RedisCache(redis, prefix=prefix),
        rate_limiter=RedisRateLimiter(
            redis, settings.throttle_rate, settings.throttle_burst, prefix=f"{prefix}rl:"
        ),
        redis=redis,
        journal=RedisFeed(redis, f"{prefix}journal-changed"),
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
