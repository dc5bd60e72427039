"""The ``oneiroscope`` console script: processes (run, bot, web, worker, migrate) and research tools."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import logging
import signal
import sys
from collections.abc import Callable, Sequence

from core import eventloop
from core.config import Settings
from core.logs import configure_logging
from core.sentry import configure_sentry

log = logging.getLogger("oneiroscope")

#: Modules adding their own subcommands through ``register(subparsers)``.
TOOL_MODULES: tuple[str, ...] = ("cli.analyze", "cli.hvdc", "cli.lunar", "cli.transcribe")


def _run_until_signal(settings: Settings, parts_name: str) -> int:
    from cli.serve import Parts, announce_off_parts, serve
    from cli.threads import exit_if_still_loading

    parts = {
        "run": Parts(),
        "bot": Parts(bot=True, web=False, worker=False),
        "web": Parts(bot=False, web=True, worker=False),
    }[parts_name]

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()

        def on_signal(sig: signal.Signals) -> None:
            if stop.is_set():
                return  # a second signal while stopping (e.g. SIGTERM after SIGINT): once only
            log.warning("received %s: shutting down", sig.name)
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers
                loop.add_signal_handler(sig, on_signal, sig)
        announce_off_parts(settings)
        await serve(settings, parts, stop=stop, settle_heap=True)

    from bot.webhook import WebhookConfigError

    try:
        eventloop.run(main(), settings.event_loop)
    except WebhookConfigError as exc:
        log.critical("cannot start: %s", exc)
        print(f"oneiroscope: cannot start: {exc}", file=sys.stderr)
        return 2
    exit_if_still_loading(0)
    return 0


def _cmd_process(args: argparse.Namespace, settings: Settings) -> int:
    configure_logging(settings)
    configure_sentry(settings)
    if args.command == "worker":
        return _run_worker(settings)
    return _run_until_signal(settings, args.command)


def _run_worker(settings: Settings) -> int:
    if settings.redis_url is None:
        print(
            "The worker needs REDIS_URL. Without it, `oneiroscope run` executes jobs in-process.",
            file=sys.stderr,
        )
        return 2
    from cli.threads import exit_if_still_loading
    from workers.settings import run_worker

    run_worker(settings)
    exit_if_still_loading(0)  # stopped while the speech model loads: do not wait for it
    return 0


def _cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from core.db.migrate import migrate

    configure_logging(settings)
    applied = asyncio.run(migrate(settings.database_url))
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else ""))
    return 0


def _cmd_healthcheck(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when this container's process answers /healthz: ``run`` and ``web`` on WEB_PORT,
    ``bot`` and ``worker`` on HEALTH_PORT (the Dockerfile's one HEALTHCHECK for every process)."""
    import urllib.error
    import urllib.request

    for port in (settings.web_port, settings.health_port):
        if port is None:
            continue
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as reply:
                if reply.status == 200:
                    return 0
        except (urllib.error.URLError, OSError):
            continue
    return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oneiroscope",
        description="OneiroScope (СоноГраф): dream analysis in Telegram, and research tools.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    helps = {
        "run": "bot + web + worker in one process (the embedded default)",
        "bot": "the Telegram bot only",
        "web": "the web app only (Mini App, dashboard, API, webhooks)",
        "worker": "an arq worker (needs REDIS_URL)",
    }
    for name, help_text in helps.items():
        sub.add_parser(name, help=help_text).set_defaults(with_settings=_cmd_process)
    migrate = sub.add_parser("migrate", help="apply database migrations")
    migrate.set_defaults(with_settings=_cmd_migrate)
    probe = sub.add_parser("healthcheck", help="exit 0 if this container's process is healthy")
    probe.set_defaults(with_settings=_cmd_healthcheck)
    for module_name in TOOL_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


#: A subcommand that needs the configuration: ``set_defaults(with_settings=...)``; the research
#: tools (``set_defaults(func=...)``) run without it, so a broken ``.env`` cannot stop them.
CommandWithSettings = Callable[[argparse.Namespace, Settings], int]
Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """The one place the configuration is read: ``Settings()`` here, passed down from here."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with_settings: CommandWithSettings | None = getattr(args, "with_settings", None)
    if with_settings is not None:
        return int(with_settings(args, Settings()))
    command: Command = args.func
    return int(command(args))


if __name__ == "__main__":
    raise SystemExit(main())
