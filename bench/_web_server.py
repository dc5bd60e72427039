"""One web server for ``bench/web_api.py``, in a process of its own.

``product DATABASE_URL[,REDIS_URL] PORT``: the real web app (build_runtime + create_app) over a
seeded database, embedded or with Redis (then its journal pages are kept while its Redis
subscription to journal changes is live); ``uncached DATABASE_URL[,REDIS_URL] PORT``: the same
with the web caches off (every request reads the account and builds the journal page: what a
request after a change costs). ``bare BODY_DIR PORT``: a bare aiohttp app answering each path with the bytes the product gave for it (the
baseline: same bytes, no auth, no database, no JSON building).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from aiohttp import web


async def _serve(app: web.Application, port: int) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print("ready", flush=True)
    await asyncio.Event().wait()


async def product(where: str, port: int, cached: bool = True) -> None:
    from cli.runtime import build_runtime
    from core.auth.config import WebSettings
    from core.config import Settings
    from core.dreams.report import JournalOnlyNotifier
    from core.embeddings import HashingEmbedder
    from miniapp.app import create_app
    from tests.miniapp.signing import BOT_TOKEN

    caches = {} if cached else {"account_cache_s": 0, "journal_cache_s": 0}
    database_url, _, redis_url = where.partition(",")
    settings = Settings(
        _env_file=None,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url or None,
        REDIS_NAMESPACE=f"web-bench-{port}",
        BOT_TOKEN=BOT_TOKEN,
        LOG_LEVEL="WARNING",
        web=WebSettings(**caches),  # type: ignore[arg-type]
    )  # type: ignore[call-arg]
    async with build_runtime(
        settings, migrate=False, notifier=JournalOnlyNotifier(), embedder=HashingEmbedder()
    ) as runtime:
        await _serve(create_app(runtime.services), port)


def read_bodies(body_dir: Path) -> dict[str, bytes]:
    return {f"/{p.stem.replace('__', '/')}": p.read_bytes() for p in body_dir.glob("*.json")}


async def bare(bodies: dict[str, bytes], port: int) -> None:

    async def answer(request: web.Request) -> web.Response:
        return web.Response(body=bodies[request.path], content_type="application/json")

    app = web.Application()
    for path in bodies:
        app.router.add_get(path, answer)
    await _serve(app, port)


def main() -> None:
    kind, where, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    if kind in ("product", "uncached"):
        asyncio.run(product(where, port, cached=kind == "product"))
    else:
        asyncio.run(bare(read_bodies(Path(where)), port))


if __name__ == "__main__":
    main()
