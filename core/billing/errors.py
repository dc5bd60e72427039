"""The billing package's exception root."""

from __future__ import annotations


class BillingError(Exception):
    """Root of billing errors; the message says what to do about it."""


class UnknownItem(BillingError):
    """A package or plan code that is not in the catalogue (check ``BILLING_CATALOGUE``)."""


class CatalogueError(BillingError):
    """``BILLING_CATALOGUE`` cannot be read; the message names the field to fix."""


class GatewayError(BillingError):
    """A payment gateway failed or timed out; nothing was charged, the user may try again."""


class AlreadyRefunded(GatewayError):
    """The gateway had refunded this payment already (e.g. our record of it failed last time)."""
