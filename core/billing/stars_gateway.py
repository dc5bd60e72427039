"""What billing asks of Telegram about Stars payments: refunds and stopping a subscription's
renewal. A port: ``bot/stars.py`` implements it over a Bot, and the composition root gives one
to every process that has a bot token (the web process too: its admin pages and account
deletion need it)."""

from __future__ import annotations

from typing import Protocol


class StarsGateway(Protocol):
    async def refund(self, telegram_id: int, charge_id: str) -> None:
        """Give the stars of one payment back (``refundStarPayment``).

        Raises ``AlreadyRefunded`` when Telegram had refunded it already, ``GatewayError``
        (with Telegram's reason as the message) when Telegram refuses or cannot be reached.
        """
        ...

    async def cancel_renewal(self, telegram_id: int, charge_id: str) -> None:
        """Stop a Stars subscription from renewing (``editUserStarSubscription``); raises
        ``GatewayError`` when Telegram refuses or cannot be reached."""
        ...
