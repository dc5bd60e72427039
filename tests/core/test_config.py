"""One configuration: the environment and ``.env`` are read the same way for every field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.config import Settings, environment_variables

LLM_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_CHAIN", "LLM_TIMEOUT_S")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A working directory of its own and none of the settings' variables in the environment."""
    for name in environment_variables():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_llm_variables_written_in_dotenv_are_read(clean_env: Path) -> None:
    """Regression: ``OPENAI_API_KEY`` and ``LLM_*`` in ``.env`` were silently ignored."""
    (clean_env / ".env").write_text(
        "OPENAI_API_KEY=sk-from-dotenv\n"
        "OPENAI_BASE_URL=http://127.0.0.1:11434/v1\n"
        "LLM_CHAIN=openai:llama3.1,offline\n"
        "LLM_TIMEOUT_S=7\n"
        "BOT_TOKEN=123:abc\n",
        encoding="utf-8",
    )

    settings = Settings()

    assert settings.llm.openai_api_key is not None
    assert settings.llm.openai_api_key.get_secret_value() == "sk-from-dotenv"
    assert settings.llm.openai_base_url == "http://127.0.0.1:11434/v1"
    assert [link.name for link in settings.llm.links("free")] == ["openai:llama3.1", "offline"]
    assert settings.llm.request_timeout_s == 7
    assert not any(line.startswith("LLMs: off") for line in settings.off_parts())


def test_the_environment_wins_over_dotenv_for_sections_and_top_level_alike(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean_env / ".env").write_text("LLM_TIMEOUT_S=7\nWEB_PORT=9000\n", encoding="utf-8")
    monkeypatch.setenv("LLM_TIMEOUT_S", "3")
    monkeypatch.setenv("WEB_PORT", "9100")

    settings = Settings()

    assert settings.llm.request_timeout_s == 3
    assert settings.web_port == 9100


def test_a_copied_env_example_with_blank_values_starts_the_embedded_default(
    clean_env: Path,
) -> None:
    (clean_env / ".env").write_text(ENV_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    settings = Settings()

    assert settings.redis_url is None and settings.bot_token is None
    assert settings.llm.openai_api_key is None
    assert settings.embedded


def test_the_start_up_log_says_sqlite_is_in_use_not_that_the_url_is_missing(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: ``DATABASE_URL=sqlite://...`` was reported as "DATABASE_URL is not set"."""
    monkeypatch.setenv("DATABASE_URL", "sqlite:///srv/oneiroscope.db")

    lines = Settings().off_parts()

    postgres = [line for line in lines if line.startswith("PostgreSQL")]
    assert postgres == [
        "PostgreSQL: off (DATABASE_URL is SQLite) - using sqlite:///srv/oneiroscope.db"
    ]
    assert not any("DATABASE_URL is not set" in line for line in lines)


def test_postgres_is_not_reported_off(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u@127.0.0.1:5432/db")

    assert not any(line.startswith("PostgreSQL") for line in Settings().off_parts())


def test_an_unset_database_url_is_reported_as_unset(clean_env: Path) -> None:
    lines = [line for line in Settings().off_parts() if line.startswith("PostgreSQL")]

    assert lines == ["PostgreSQL: off (DATABASE_URL is not set) - using sqlite://./oneiroscope.db"]


ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"
VARIABLE_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=")


def test_env_example_documents_exactly_the_variables_the_settings_read() -> None:
    documented = {
        match.group(1)
        for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
        if (match := VARIABLE_LINE.match(line))
    }

    assert sorted(environment_variables() - documented) == [], "missing from .env.example"
    assert sorted(documented - environment_variables()) == [], "in .env.example, read by nothing"


def test_the_env_example_values_are_valid_settings(clean_env: Path) -> None:
    (clean_env / ".env").write_text(ENV_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    settings = Settings()

    assert settings.llm.links("free")[-1].name == "offline"


def test_one_admin_list_serves_the_web_and_the_bot(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_TELEGRAM_IDS", "11, 22")

    assert Settings().admin_ids == {11, 22}


def test_the_older_billing_admin_name_is_still_read(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean_env / ".env").write_text("BILLING_ADMIN_IDS=[33,44]\n", encoding="utf-8")

    assert Settings().admin_ids == {33, 44}


def test_both_admin_names_listing_different_admins_is_refused(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_TELEGRAM_IDS", "11")
    monkeypatch.setenv("BILLING_ADMIN_IDS", "11,22")

    with pytest.raises(ValueError, match="ADMIN_TELEGRAM_IDS and BILLING_ADMIN_IDS"):
        Settings()
    monkeypatch.setenv("BILLING_ADMIN_IDS", "11")
    assert Settings().admin_ids == {11}
