"""A local fake of the OpenAI and Anthropic HTTP APIs, for driving the real SDKs in tests.

It answers chat completions, embeddings (base64 by default, as the openai SDK asks) and Anthropic
messages with complete bodies, records every request, and can be scripted per test with a FIFO
of replies per endpoint: success, HTTP errors, stalls longer than the client timeout, malformed
bodies. An empty script falls back to a successful answer built from ``default_answer``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import socket
import struct
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

Endpoint = Literal["chat", "messages", "embeddings"]

DEFAULT_ANSWER: dict[str, Any] = {
    "summary": "A dream about searching for a way home near water.",
    "interpretation": (
        "The water in your dream can stand for feelings that are in motion. Looking for the way "
        "home suggests a wish for safety and belonging during a time of change."
    ),
    "symbols": [{"key": "water", "evidence": "water"}],
    "archetypes": ["journey"],
    "mood": "mixed",
}


@dataclass(frozen=True, slots=True)
class Reply:
    """One scripted answer of the fake: an answer payload, an HTTP error, a stall or raw bytes."""

    status: int = 200
    answer: dict[str, Any] | None = None  # the model's structured answer (None: the default)
    raw_content: str | None = None  # the model's text verbatim (chat) — e.g. malformed JSON
    raw_body: str | None = None  # the whole HTTP body verbatim — e.g. broken JSON
    content_type: str = "application/json"  # of ``raw_body`` (an HTML error page: text/html)
    delay_s: float = 0.0  # wait before answering (a stall when above the client timeout)
    usage: tuple[int, int] = (120, 80)  # (input tokens, output tokens)

    @classmethod
    def error(cls, status: int = 500) -> Reply:
        return cls(status=status)

    @classmethod
    def stall(cls, delay_s: float) -> Reply:
        return cls(delay_s=delay_s)


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """What a client sent: path, lower-cased headers and the decoded JSON body."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: str


@dataclass
class FakeLLMServer:
    """``async with FakeLLMServer() as server`` — serves on 127.0.0.1 at a free port."""

    default_answer: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_ANSWER))
    embedding_dim: int = 8
    #: Delay of unscripted replies (a provider's latency, for benchmarks).
    default_delay_s: float = 0.0
    requests: list[RecordedRequest] = field(default_factory=list)
    _scripts: dict[str, deque[Reply]] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    _port: int = 0
    _closing: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def openai_base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/v1"

    @property
    def anthropic_base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def script(self, endpoint: Endpoint, *replies: Reply) -> None:
        """Queue replies for one endpoint; they are used in order, then the default applies."""
        self._scripts.setdefault(endpoint, deque()).extend(replies)

    def requests_to(self, endpoint: Endpoint) -> list[RecordedRequest]:
        suffix = {"chat": "/chat/completions", "messages": "/messages", "embeddings": "/embeddings"}
        return [r for r in self.requests if r.path.endswith(suffix[endpoint])]

    async def __aenter__(self) -> FakeLLMServer:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/v1/embeddings", self._embeddings)
        app.router.add_post("/v1/messages", self._messages)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.1)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- plumbing ---------------------------------------------------------------------------

    async def _record(self, request: web.Request) -> RecordedRequest:
        raw = await request.text()
        try:
            body = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            body = {}
        headers = {k.lower(): v for k, v in request.headers.items()}
        recorded = RecordedRequest(request.path, headers, body, raw)
        self.requests.append(recorded)
        return recorded

    def _next(self, endpoint: Endpoint) -> Reply:
        queue = self._scripts.get(endpoint)
        return queue.popleft() if queue else Reply(delay_s=self.default_delay_s)

    async def _wait(self, reply: Reply) -> None:
        if reply.delay_s > 0:
            # Ends early when the server closes, so a stalled reply never holds up teardown.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), reply.delay_s)

    @staticmethod
    def _error(reply: Reply, kind: str) -> web.Response:
        if kind == "anthropic":
            payload: dict[str, Any] = {
                "type": "error",
                "error": {"type": "api_error", "message": "scripted failure"},
            }
        else:
            payload = {"error": {"message": "scripted failure", "type": "server_error"}}
        return web.json_response(payload, status=reply.status)

    # -- endpoints --------------------------------------------------------------------------

    async def _chat(self, request: web.Request) -> web.Response:
        recorded = await self._record(request)
        reply = self._next("chat")
        await self._wait(reply)
        if reply.status != 200:
            return self._error(reply, "openai")
        if reply.raw_body is not None:
            return web.Response(text=reply.raw_body, content_type=reply.content_type)
        content = reply.raw_content
        if content is None:
            content = json.dumps(reply.answer or self.default_answer, ensure_ascii=False)
        prompt_tokens, completion_tokens = reply.usage
        return web.json_response(
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": recorded.body.get("model", "unknown"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content, "refusal": None},
                        "finish_reason": "stop",
                        "logprobs": None,
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
            }
        )

    async def _messages(self, request: web.Request) -> web.Response:
        recorded = await self._record(request)
        reply = self._next("messages")
        await self._wait(reply)
        if reply.status != 200:
            return self._error(reply, "anthropic")
        if reply.raw_body is not None:
            return web.Response(text=reply.raw_body, content_type=reply.content_type)
        tools = recorded.body.get("tools") or [{"name": "answer"}]
        input_tokens, output_tokens = reply.usage
        return web.json_response(
            {
                "id": "msg_fake",
                "type": "message",
                "role": "assistant",
                "model": recorded.body.get("model", "unknown"),
                "content": [
                    {
                        "type": "tool_use",
                        "id": "toolu_fake",
                        "name": tools[0]["name"],
                        "input": reply.answer or self.default_answer,
                    }
                ],
                "stop_reason": "tool_use",
                "stop_sequence": None,
                "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens},
            }
        )

    async def _embeddings(self, request: web.Request) -> web.Response:
        recorded = await self._record(request)
        reply = self._next("embeddings")
        await self._wait(reply)
        if reply.status != 200:
            return self._error(reply, "openai")
        texts = recorded.body.get("input", [])
        texts = [texts] if isinstance(texts, str) else texts
        as_base64 = recorded.body.get("encoding_format", "float") == "base64"
        data = []
        for index, text in enumerate(texts):
            vector = _vector_for(str(text), self.embedding_dim)
            encoded: Any = (
                base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
                if as_base64
                else vector
            )
            data.append({"object": "embedding", "index": index, "embedding": encoded})
        tokens = sum(len(str(t).split()) for t in texts)
        return web.json_response(
            {
                "object": "list",
                "data": data,
                "model": recorded.body.get("model", "unknown"),
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            }
        )


def _vector_for(text: str, dim: int) -> list[float]:
    """A deterministic pseudo-embedding: the same text always maps to the same vector."""
    seed = sum(ord(ch) for ch in text) or 1
    return [((seed * (i + 3) + 7 * i + 1) % 97) / 97.0 for i in range(dim)]
