"""Redis and PostgreSQL servers of the fault suite's own, to stop, kill and restart at will.

Never the shared servers on 6379 and 5432: other test runs use them at the same time. Redis runs
without persistence (like the outage that lost the queue); PostgreSQL is a fresh cluster made by
``initdb`` in a temporary directory owned by the ``postgres`` user (initdb refuses root).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest

from tests.services import services_required

PG_USER = "postgres"


def _missing(reason: str) -> NoReturn:
    """Skip on a laptop without the servers; fail in CI (``ONEIROSCOPE_REQUIRE_SERVICES=1``)."""
    if services_required():
        pytest.fail(reason + " (ONEIROSCOPE_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), 0.5):
            return True
    except OSError:
        return False


async def wait_until_listening(port: int, timeout: float = 60.0) -> None:  # noqa: ASYNC109
    async with asyncio.timeout(timeout):
        # Nothing signals a foreign process's listen(): ask the port.
        while not _answers(port):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


@dataclass
class OwnRedis:
    """``redis-server`` on a free port, no persistence: a restart loses every key."""

    port: int = field(default_factory=free_port)
    process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            _missing("redis-server is not installed (apt-get install redis-server)")
        self.process = await asyncio.create_subprocess_exec(
            *(binary, "--port", str(self.port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no"),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await wait_until_listening(self.port)

    async def kill(self) -> None:
        """Gone at once, keys and all (SIGKILL, as a crashed or evicted instance)."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()
            self.process = None


def _pg_bin() -> Path:
    root = Path("/usr/lib/postgresql")
    versions = sorted(root.glob("*/bin/initdb")) if root.is_dir() else []
    if not versions:
        _missing("PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin)")
    return versions[-1].parent


def _as_postgres(command: str) -> subprocess.CompletedProcess[bytes]:
    if os.geteuid() == 0:
        argv = ["su", PG_USER, "-s", "/bin/bash", "-c", command]
    else:
        argv = ["/bin/bash", "-c", command]
    return subprocess.run(argv, capture_output=True, timeout=120, check=False)


@dataclass
class OwnPostgres:
    """A PostgreSQL cluster of its own in a temp directory, on a free port, trust auth."""

    port: int = field(default_factory=free_port)
    directory: Path | None = None

    @property
    def url(self) -> str:
        return f"postgres://{PG_USER}@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, action: str) -> None:
        assert self.directory is not None
        data, log = self.directory / "data", self.directory / "log"
        options = f"-p {self.port} -k {self.directory} -c fsync=off -c max_connections=200"
        command = f"{_pg_bin()}/pg_ctl -D {data} -o '{options}' -l {log} -w -t 120 {action}"
        if action in ("stop", "restart"):
            command += " -m fast"
        result = _as_postgres(command)
        if result.returncode != 0:
            raise RuntimeError(f"pg_ctl {action} failed: {result.stderr.decode()[-400:]}")

    async def start(self) -> None:
        if self.directory is None:
            self.directory = Path(tempfile.mkdtemp(prefix="oneiroscope-pg-"))
            if os.geteuid() == 0:
                shutil.chown(self.directory, PG_USER, PG_USER)
            bin_dir = _pg_bin()
            result = await asyncio.to_thread(
                _as_postgres,
                f"{bin_dir}/initdb -D {self.directory}/data -A trust -U {PG_USER} --no-sync",
            )
            if result.returncode != 0:
                _missing(f"initdb failed: {result.stderr.decode()[-300:]}")
        await asyncio.to_thread(self._pg_ctl, "start")

    async def stop(self) -> None:
        await asyncio.to_thread(self._pg_ctl, "stop")

    async def restart(self) -> None:
        await asyncio.to_thread(self._pg_ctl, "restart")

    def remove(self) -> None:
        if self.directory is None:
            return
        with contextlib.suppress(RuntimeError):
            self._pg_ctl("stop")
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None


@contextlib.contextmanager
def removed_at_exit(pg: OwnPostgres) -> Iterator[OwnPostgres]:
    try:
        yield pg
    finally:
        pg.remove()
