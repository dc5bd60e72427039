"""The product's own processes (``oneiroscope run|bot|web|worker``) started as a deployment
would, for tests that kill, stop and restart them.

Each runs ``python -m cli <command>`` in a directory of its own (no ``.env`` of the checkout is
read) with only the environment given, and writes its log to a file the test can read.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from aiohttp import ClientError, ClientSession, ClientTimeout

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 180.0  # warm-up builds lexicons and a city index; the host is shared


@dataclass
class ProductProcess:
    command: str
    process: asyncio.subprocess.Process
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def signal(self, sig: signal.Signals) -> None:
        if self.process.returncode is None:
            self.process.send_signal(sig)

    async def kill(self) -> None:
        await self.signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self, timeout: float = 60.0) -> int:  # noqa: ASYNC109
        """SIGTERM, then wait for the graceful drain; SIGKILL if it overruns."""
        await self.signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(timeout):
                return await self.process.wait()
        except TimeoutError:
            await self.kill()
            raise AssertionError(f"{self.command} ignored SIGTERM for {timeout} s") from None

    @property
    def running(self) -> bool:
        return self.process.returncode is None


def base_env(**values: str | None) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "PYTHONPATH": str(ROOT),
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "OMP_NUM_THREADS": "1",
    }
    env.update({key: value for key, value in values.items() if value is not None})
    return env


def _open_log(path: Path) -> BinaryIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("ab")


async def start_process(command: str, env: dict[str, str], workdir: Path) -> ProductProcess:
    """Start ``oneiroscope <command>``; returns at once (see the ``wait_*`` helpers)."""
    log_path = workdir / f"{command}.log"
    log_file = await asyncio.to_thread(_open_log, log_path)
    with log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "cli",
            command,
            cwd=workdir,
            env=env,
            stdout=log_file,
            stderr=log_file,
            start_new_session=True,
        )
    return ProductProcess(command, process, log_path)


async def wait_http_ok(url: str, process: ProductProcess, timeout: float = START_TIMEOUT) -> None:  # noqa: ASYNC109
    """Until ``url`` answers 200 (a process's /healthz), failing early if the process dies."""
    async with asyncio.timeout(timeout), ClientSession(timeout=ClientTimeout(total=2)) as http:
        while True:
            if not process.running:
                raise AssertionError(f"{process.command} exited:\n{process.log()[-3000:]}")
            try:
                async with http.get(url) as response:
                    if response.status == 200:
                        return
            except (ClientError, TimeoutError, OSError):
                pass
            await asyncio.sleep(0.2)


async def readiness(url: str) -> dict[str, object]:
    """The /readyz body (status and checks), or ``{"status": "down"}`` when nothing answers."""
    try:
        async with (
            ClientSession(timeout=ClientTimeout(total=5)) as http,
            http.get(url) as response,
        ):
            body = await response.json()
            return dict(body) if isinstance(body, dict) else {"status": "unreadable"}
    except (ClientError, TimeoutError, OSError, ValueError):
        return {"status": "down"}


async def healthcheck(env: dict[str, str], workdir: Path) -> int:
    """The exit code of ``oneiroscope healthcheck`` (the Dockerfile's HEALTHCHECK) in ``env``."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "cli", "healthcheck", cwd=workdir, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    return await process.wait()
