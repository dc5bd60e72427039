"""Overhead of the interpretation chain over the provider's own latency.

Usage: ``python bench/llm_overhead.py [--delay-ms 50] [--dreams 200]``. A local fake provider
answers every chat completion after ``--delay-ms``; the script times (a) the bare openai SDK call
and (b) ``InterpretationChain.interpret`` (scrubbing, prompt rendering, budget checks, the same
SDK call, validation, quality checks, restoring, accounting; cache off so every dream is a call)
and prints p50/p95 of the chain's overhead over the fake's delay and over the bare SDK call.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openai  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from core.analysis.hvdc.types import Coding  # noqa: E402
from core.interpret.types import DreamContext, Interpretation  # noqa: E402
from core.llm import LLMSettings, MemoryCounter, build_chain  # noqa: E402
from core.llm.prompting import render_prompt  # noqa: E402
from core.llm.scrubbing import scrub_context  # noqa: E402
from tests.fakes.llm_server import FakeLLMServer  # noqa: E402

DREAM = (
    "I was walking with Anna Petrova along dark water, looking for the way home. She wrote her "
    "e-mail anna.petrova@example.com on my hand and told me to call +1 (555) 123-4567. The water "
    "kept rising, the street turned into a river and I felt afraid, then I saw a light in a window."
)


class Offline:
    name = "offline"

    async def interpret(self, context: DreamContext) -> Interpretation:
        return Interpretation(summary="offline", text="offline")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def context(n: int) -> DreamContext:
    return DreamContext(text=f"{DREAM} Night {n}.", locale="en", coding=Coding(), user_key="bench")


async def bare_sdk(server: FakeLLMServer, dreams: int) -> list[float]:
    client = openai.AsyncOpenAI(api_key="sk-bench", base_url=server.openai_base_url, max_retries=0)
    prompt = render_prompt(scrub_context(context(0), 6000))
    times = []
    try:
        for _ in range(dreams):
            started = time.perf_counter()
            await client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[
                    {"role": "system", "content": prompt.system},
                    {"role": "user", "content": prompt.user},
                ],
            )
            times.append((time.perf_counter() - started) * 1000)
    finally:
        await client.close()
    return times


async def through_chain(server: FakeLLMServer, dreams: int) -> list[float]:
    settings = LLMSettings(
        openai_api_key=SecretStr("sk-bench"),
        openai_base_url=server.openai_base_url,
        chain="openai:gpt-4o-mini,offline",
        user_daily_budget_usd=1000.0,
        global_monthly_budget_usd=1000.0,
    )
    chain = build_chain(settings, Offline(), MemoryCounter(), None)
    times = []
    try:
        for n in range(dreams):
            started = time.perf_counter()
            result = await chain.interpret(context(n))
            times.append((time.perf_counter() - started) * 1000)
            assert result.model_used == "openai:gpt-4o-mini", result.model_used
    finally:
        await chain.aclose()
    return times


def report(label: str, times: list[float], baseline: float) -> None:
    overhead = [t - baseline for t in times]
    print(
        f"{label:<28} p50 {percentile(times, 0.5):7.2f} ms  p95 {percentile(times, 0.95):7.2f} ms  "
        f"overhead p50 {percentile(overhead, 0.5):6.2f} ms  p95 {percentile(overhead, 0.95):6.2f} ms"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--delay-ms", type=float, default=50.0)
    parser.add_argument("--dreams", type=int, default=200)
    args = parser.parse_args()
    async with FakeLLMServer(default_delay_s=args.delay_ms / 1000) as server:
        await bare_sdk(server, 5)  # warm up connections and imports
        sdk = await bare_sdk(server, args.dreams)
        chain = await through_chain(server, args.dreams)
    print(f"fake provider delay {args.delay_ms:.0f} ms, {args.dreams} dreams each")
    report("bare openai SDK call", sdk, args.delay_ms)
    report("chain (over the delay)", chain, args.delay_ms)
    chain_vs_sdk = [c - statistics.median(sdk) for c in chain]
    print(
        f"chain over the bare SDK call: p50 {percentile(chain_vs_sdk, 0.5):.2f} ms, "
        f"p95 {percentile(chain_vs_sdk, 0.95):.2f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
