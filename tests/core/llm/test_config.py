"""The ``llm`` section of the settings and the chain syntax."""

from __future__ import annotations

import pytest

from core.config import Settings
from core.llm.config import LinkSpec, LLMSettings, parse_chain
from core.llm.errors import ConfigError
from core.llm.pricing import PriceTable


def llm_from(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> LLMSettings:
    """The LLM section as the product reads it, from exactly these variables."""
    for name in LLMSettings.model_fields:
        alias = LLMSettings.model_fields[name].validation_alias
        if isinstance(alias, str):
            monkeypatch.delenv(alias, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None).llm  # type: ignore[call-arg]


def test_defaults_give_openai_then_anthropic_then_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [s.name for s in llm_from(monkeypatch, {}).links("free")]

    assert names == ["openai:gpt-4o-mini", "anthropic:claude-3-5-haiku-latest", "offline"]


def test_env_is_read_and_secrets_stay_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = llm_from(
        monkeypatch,
        {
            "OPENAI_API_KEY": "sk-secret",
            "LLM_TIMEOUT_S": "7.5",
            "LLM_PREMIUM_PLANS": "gold, pro",
            "LLM_CHAIN_PREMIUM": "anthropic:claude-sonnet-4-5",
        },
    )

    assert (
        settings.openai_api_key is not None
        and settings.openai_api_key.get_secret_value() == "sk-secret"
    )
    assert "sk-secret" not in repr(settings)
    assert settings.request_timeout_s == 7.5
    assert [s.name for s in settings.links("gold")] == ["anthropic:claude-sonnet-4-5", "offline"]


def test_blank_variables_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = llm_from(monkeypatch, {"OPENAI_API_KEY": "", "LLM_CHAIN": "  "})

    assert settings.openai_api_key is None
    assert settings.chain == LLMSettings().chain


def test_offline_is_always_the_last_link() -> None:
    assert [s.name for s in parse_chain("offline,openai:gpt-4o-mini")] == [
        "openai:gpt-4o-mini",
        "offline",
    ]


def test_language_limits_are_parsed() -> None:
    assert LinkSpec.parse("openai:llama3.1@en+de").languages == frozenset({"en", "de"})


@pytest.mark.parametrize("chain", ["gemini:pro", "openai", "openai:"])
def test_unknown_provider_fails_at_start_up(monkeypatch: pytest.MonkeyPatch, chain: str) -> None:
    with pytest.raises(ConfigError, match="LLM_CHAIN"):
        llm_from(monkeypatch, {"LLM_CHAIN": chain})


def test_dated_model_uses_its_family_price_and_unknown_models_are_free() -> None:
    prices = PriceTable()

    assert prices.price("gpt-4o-2024-08-06") == (2.50, 10.00)
    assert prices.price("gpt-4o-mini-2024-07-18") == (0.15, 0.60)
    assert prices.usage("llama3.1:8b", 1000, 1000).cost_usd == 0.0
