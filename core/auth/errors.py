"""One exception root for authentication; each carries a stable machine-readable ``code``."""

from __future__ import annotations


class AuthError(Exception):
    """The caller is not authenticated (HTTP 401)."""

    code = "unauthorized"


class InvalidCredentials(AuthError):
    """A signature, hash or token that does not verify: forged or tampered."""

    code = "invalid_credentials"


class ExpiredCredentials(AuthError):
    """Correctly signed but too old: the client must log in (or reopen the Mini App) again."""

    code = "expired_credentials"


class ForbiddenError(Exception):
    """Authenticated, but not allowed (HTTP 403): a missing CSRF token, or not an admin."""

    code = "forbidden"

    def __init__(self, code: str = "forbidden", message: str = "Forbidden") -> None:
        super().__init__(message)
        self.code = code
