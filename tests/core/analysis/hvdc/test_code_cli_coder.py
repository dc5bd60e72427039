"""``oneiroscope code --coder rules|llm|auto``: the LLM codes when a provider is configured, and
asking for it without one says what to set."""

from __future__ import annotations

import argparse
import asyncio
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.hvdc import register
from core.analysis.hvdc import code_dream
from tests.core.analysis.hvdc.test_llm_coder import DREAM, GOOD
from tests.fakes.llm_server import FakeLLMServer, Reply

PROVIDER_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "LLM_CHAIN")


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="oneiroscope")
    register(parser.add_subparsers(required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def no_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in PROVIDER_VARS:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def dreams(tmp_path: Path) -> Path:
    path = tmp_path / "dreams.jsonl"
    path.write_text(json.dumps({"id": 7, "report": DREAM}) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def served(no_provider: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLLMServer]:
    """The fake provider on a loop of its own, so the command can run its own loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = FakeLLMServer()
    asyncio.run_coroutine_threadsafe(server.__aenter__(), loop).result(10)
    server.script("chat", Reply(answer=GOOD))
    monkeypatch.setenv("OPENAI_BASE_URL", server.openai_base_url)
    monkeypatch.setenv("LLM_CHAIN", "openai:gpt-4o-mini")
    yield server
    asyncio.run_coroutine_threadsafe(server.__aexit__(None, None, None), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


def test_llm_coder_codes_through_the_configured_provider(
    served: FakeLLMServer, dreams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["code", str(dreams), "--quiet", "--coder", "llm"]) == 0
    captured = capsys.readouterr()
    [line] = [json.loads(x) for x in captured.out.splitlines()]
    assert line["id"] == 7 and line["aggression"] == ["1MSA 7> 1FKA"]
    assert "1 calls, 0 coded by the rules" in captured.err
    assert len(served.requests_to("chat")) == 1


def test_llm_coder_without_a_provider_says_what_to_set(
    no_provider: None, dreams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["code", str(dreams), "--quiet", "--coder", "llm"]) == 2
    assert "OPENAI_API_KEY" in capsys.readouterr().err


def test_auto_without_a_provider_codes_with_the_rules(
    no_provider: None, dreams: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["code", str(dreams), "--quiet", "--coder", "auto"]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["aggression"] == code_dream(DREAM).card()["aggression"]
