"""Requests aiohttp cannot even parse (a method like ``FOO``, a broken request line) are the
client's fault: one INFO line each instead of an ERROR with a traceback (a fuzzer made 230)."""

from __future__ import annotations

import logging

from aiohttp.http_exceptions import HttpProcessingError

_SERVER_LOGGER = "aiohttp.server"


class ClientErrorsAreInfo(logging.Filter):
    """Turns aiohttp's "Error handling request" for a 4xx parse error into a short INFO line."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError) and 400 <= (error.code or 0) < 500:
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = "bad request refused (%s): %s", (error.code, error.message)
            record.exc_info, record.exc_text = None, None
        return True


def quiet_client_errors() -> None:
    """Install the filter once per process (idempotent)."""
    logger = logging.getLogger(_SERVER_LOGGER)
    if not any(isinstance(f, ClientErrorsAreInfo) for f in logger.filters):
        logger.addFilter(ClientErrorsAreInfo())
