"""Who is calling: Telegram Mini App init data, the Telegram Login Widget, and the dashboard's
short-lived signed tokens. No transport here: the web adapter (``miniapp/auth.py``) calls these."""

from core.auth.errors import AuthError, ExpiredCredentials, ForbiddenError, InvalidCredentials
from core.auth.identity import Identity, Role
from core.auth.initdata import MiniAppLaunch, verify_init_data
from core.auth.login_widget import verify_login_widget
from core.auth.tokens import TokenPair, TokenService

__all__ = [
    "AuthError",
    "ExpiredCredentials",
    "ForbiddenError",
    "Identity",
    "InvalidCredentials",
    "MiniAppLaunch",
    "Role",
    "TokenPair",
    "TokenService",
    "verify_init_data",
    "verify_login_widget",
]
