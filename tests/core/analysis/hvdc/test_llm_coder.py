"""The LLM coding path through the real OpenAI and Anthropic SDKs against a local fake server:
a good answer is used, malformed codes are dropped and counted, and a timeout or an unreadable
answer leaves the report to the rules."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anthropic
import openai
import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.llm import LLMCoder, PlanCoder
from core.analysis.hvdc.llm.backends import AnthropicCoding, OpenAICoding
from tests.fakes.llm_server import FakeLLMServer, Reply

DREAM = (
    "I was in my kitchen with Betty Walker when a man broke in and hit her. I was terrified "
    "and ran outside to the garden."
)
GOOD: dict[str, Any] = {
    "characters": ["1FKA", "1MSA"],
    "aggression": ["1MSA 7> 1FKA"],
    "friendliness": [],
    "sexuality": [],
    "settings": ["IF", "OF"],
    "success": [],
    "failure": [],
    "misfortune": [],
    "good_fortune": [],
    "emotions": ["AP, D"],
}


@pytest.fixture
async def server() -> AsyncIterator[FakeLLMServer]:
    async with FakeLLMServer() as fake:
        yield fake


def openai_coder(server: FakeLLMServer, timeout_s: float = 5.0) -> LLMCoder:
    client = openai.AsyncOpenAI(api_key="test", base_url=server.openai_base_url, max_retries=0)
    return LLMCoder(OpenAICoding(client, "gpt-4o-mini"), timeout_s=timeout_s)


async def test_a_valid_answer_is_the_coding_with_the_rules_for_objects(
    server: FakeLLMServer,
) -> None:
    # given a provider that answers well-formed codes
    server.script("chat", Reply(answer=GOOD, usage=(1000, 100)))
    coder = openai_coder(server)
    # when a report is coded
    result = await coder.code(DREAM)
    await coder.aclose()
    # then the LLM's codes are used, objects come from the rules, cost and latency are counted
    card = result.coding.card()
    assert result.source == "llm" and result.dropped == 0
    assert card["aggression"] == ["1MSA 7> 1FKA"] and card["settings"] == ["IF", "OF"]
    assert card["objects"] == code_dream(DREAM).card()["objects"] != []
    assert result.cost_usd == pytest.approx((1000 * 0.15 + 100 * 0.60) / 1_000_000)
    assert coder.stats.answered == 1 and coder.stats.latency_ms > 0
    # and the request carried the codebook, a strict schema, and no personal name
    [request] = server.requests_to("chat")
    assert "HVdC" in request.body["messages"][0]["content"]
    assert request.body["response_format"]["json_schema"]["strict"] is True
    assert "Betty" not in request.raw and "Walker" not in request.raw


async def test_malformed_codes_are_dropped_and_counted(server: FakeLLMServer) -> None:
    bad = {**GOOD, "characters": ["1FKA", "a woman"], "aggression": ["1MSA 9> 1FKA", "x"]}
    server.script("chat", Reply(answer=bad))
    coder = openai_coder(server)
    result = await coder.code(DREAM)
    await coder.aclose()
    assert result.source == "llm"
    assert result.coding.card()["characters"] == ["1FKA"]
    assert result.coding.card()["aggression"] == []
    assert result.dropped == 3 and coder.stats.dropped_codes == 3


async def test_a_category_left_out_is_coded_by_the_rules(server: FakeLLMServer) -> None:
    partial = {k: v for k, v in GOOD.items() if k != "emotions"}
    server.script("chat", Reply(answer=partial))
    coder = openai_coder(server)
    result = await coder.code(DREAM)
    await coder.aclose()
    assert result.coding.card()["emotions"] == code_dream(DREAM).card()["emotions"]


async def test_a_timeout_leaves_the_report_to_the_rules(server: FakeLLMServer) -> None:
    server.script("chat", Reply.stall(5.0))
    coder = openai_coder(server, timeout_s=0.3)
    result = await coder.code(DREAM)
    await coder.aclose()
    assert (result.source, result.error) == ("rules", "timeout")
    assert result.coding.card() == code_dream(DREAM).card()
    assert coder.stats.fallbacks == 1 and coder.stats.errors == {"timeout": 1}


@pytest.mark.parametrize(
    "reply", [Reply(raw_content="these are the codes: 1MSA"), Reply.error(500)]
)
async def test_an_unreadable_answer_or_an_error_leaves_the_report_to_the_rules(
    server: FakeLLMServer, reply: Reply
) -> None:
    server.script("chat", reply)
    coder = openai_coder(server)
    result = await coder.code(DREAM)
    await coder.aclose()
    assert result.source == "rules" and result.error
    assert result.coding.card() == code_dream(DREAM).card()


async def test_anthropic_answers_through_the_forced_tool(server: FakeLLMServer) -> None:
    server.script("messages", Reply(answer=GOOD))
    client = anthropic.AsyncAnthropic(
        api_key="test", base_url=server.anthropic_base_url, max_retries=0
    )
    coder = LLMCoder(AnthropicCoding(client, "claude-3-5-haiku-latest"))
    result = await coder.code(DREAM)
    await coder.aclose()
    assert result.source == "llm"
    assert result.coding.card()["characters"] == ["1FKA", "1MSA"]
    [request] = server.requests_to("messages")
    assert request.body["tool_choice"] == {"type": "tool", "name": "record_hvdc_codes"}


async def test_the_pipeline_codes_with_the_llm_only_for_the_plans_given_one(
    server: FakeLLMServer,
) -> None:
    # given "auto": an LLM coder for the premium plans only
    server.script("chat", Reply(answer=GOOD))
    hvdc = PlanCoder("auto", premium=openai_coder(server), premium_plans=frozenset({"pro"}))
    # when a free and a premium user's dreams are coded
    free = await hvdc.code(DREAM, "en", "free")
    pro = await hvdc.code(DREAM, "en", "pro")
    await hvdc.aclose()
    # then only the premium dream went to the LLM
    assert free.card() == code_dream(DREAM).card()
    assert pro.card()["aggression"] == ["1MSA 7> 1FKA"]
    assert len(server.requests_to("chat")) == 1


async def test_an_anthropic_page_that_is_no_message_leaves_the_report_to_the_rules(
    server: FakeLLMServer,
) -> None:
    server.script("messages", Reply(raw_body="<html>gateway</html>", content_type="text/html"))
    client = anthropic.AsyncAnthropic(
        api_key="test", base_url=server.anthropic_base_url, max_retries=0
    )
    coder = LLMCoder(AnthropicCoding(client, "claude-3-5-haiku-latest"))
    result = await coder.code(DREAM)
    await coder.aclose()
    assert result.source == "rules" and result.error
    assert result.coding.card() == code_dream(DREAM).card()
