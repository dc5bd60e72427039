"""The ``web`` section of the settings (``settings.web``): Mini App and dashboard sign-in,
session tokens, cookies and the API's body limit (admins are
``Settings.admin_ids``: one list for the web and the bot)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class WebSettings(BaseModel):
    model_config = ConfigDict(frozen=True, validate_by_name=True)

    #: Oldest Mini App initData accepted (Telegram signs it when the app opens), seconds.
    webapp_auth_max_age_s: int = Field(86400, validation_alias="WEBAPP_AUTH_MAX_AGE", ge=60)
    #: Oldest Telegram Login Widget payload the dashboard's sign-in accepts, seconds.
    login_max_age_s: int = Field(86400, validation_alias="LOGIN_MAX_AGE", ge=60)
    #: Signs the dashboard's tokens; derived from BOT_TOKEN when unset.
    secret_key: SecretStr | None = Field(None, validation_alias="WEB_SECRET_KEY")
    access_token_ttl_s: int = Field(900, validation_alias="ACCESS_TOKEN_TTL", ge=30)
    refresh_token_ttl_s: int = Field(30 * 86400, validation_alias="REFRESH_TOKEN_TTL", ge=300)
    #: Off only for plain-http local development: browsers drop Secure cookies elsewhere.
    cookie_secure: bool = Field(True, validation_alias="WEB_COOKIE_SECURE")
    #: The bot's @username (without @), for the dashboard's Telegram Login Widget.
    bot_username: str | None = Field(None, validation_alias="BOT_USERNAME")
    #: Where the bot's menu button opens the Mini App (https); default PUBLIC_URL + /app/.
    mini_app_url: str | None = Field(None, validation_alias="MINI_APP_URL")
    api_max_body_bytes: int = Field(64 * 1024, validation_alias="API_MAX_BODY_BYTES", ge=1024)
    #: How long an API read may reuse the caller's account row read by an earlier request of
    #: this process (``core.auth.account_lookup.RecentAccounts``), seconds; 0: never.
    account_cache_s: float = Field(2.0, validation_alias="WEB_ACCOUNT_CACHE_S", ge=0, le=60)
    #: How long a journal page may be reused until a write announces that its journal changed
    #: (``miniapp.journal_pages``), seconds: the last bound should an announcement be lost; it
    #: also bounds how long a page stays in memory. 0: never.
    journal_cache_s: float = Field(30.0, validation_alias="WEB_JOURNAL_CACHE_S", ge=0, le=600)

    def mini_app(self, public_url: str | None) -> str | None:
        """The Mini App's address for Telegram, which opens only https pages."""
        url = self.mini_app_url or (f"{public_url.rstrip('/')}/app/" if public_url else None)
        return url if url and url.startswith("https://") else None
