"""Receipts: a Telegram message for every change of a user's credits (purchase, renewal,
refund, grant), rendered in the user's language. Sending is the transport's job
(:class:`ReceiptSender`); the web app's payment webhooks and the bot both use it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from core.i18n import gettext_for, ngettext


class ReceiptSender(Protocol):
    async def send_receipt(self, telegram_id: int, text: str) -> None: ...


_PROVIDERS = {"stars": "Telegram Stars", "stripe": "Stripe", "yookassa": "YooKassa"}


@dataclass(frozen=True, slots=True)
class Money:
    amount_minor: int
    currency: str

    def render(self) -> str:
        if self.currency == "XTR":
            return f"{self.amount_minor} ⭐"
        major, minor = divmod(abs(self.amount_minor), 100)
        sign = "-" if self.amount_minor < 0 else ""
        return f"{sign}{major}.{minor:02d} {self.currency}"


def _credits(n: int, locale: str) -> str:
    return ngettext("{n} analysis", "{n} analyses", n, locale).format(n=n)


def purchase_receipt(
    locale: str, credits: int, paid: Money, provider: str, balance: int, ref: str
) -> str:
    _ = gettext_for(locale)
    return "\n".join(
        [
            _("🧾 <b>Receipt</b>"),
            _("Bought: {credits}").format(credits=_credits(credits, locale)),
            _("Paid: {money} via {provider}").format(
                money=paid.render(), provider=_PROVIDERS.get(provider, provider)
            ),
            _("Analyses available now: {n}").format(n=balance),
            _("Payment id: {ref}").format(ref=ref),
        ]
    )


def subscription_receipt(
    locale: str, renewal: bool, paid: Money, period_end: datetime, daily: int, ref: str
) -> str:
    _ = gettext_for(locale)
    head = _("Subscription renewed") if renewal else _("Subscription started")
    return "\n".join(
        [
            _("🧾 <b>Receipt</b>"),
            head,
            _("Analyses a day: {n}, until {date}").format(n=daily, date=f"{period_end:%d.%m.%Y}"),
            _("Paid: {money} via {provider}").format(
                money=paid.render(), provider=_PROVIDERS["stars"]
            ),
            _("Payment id: {ref}").format(ref=ref),
        ]
    )


def refund_receipt(locale: str, credits_taken: int, refunded: Money, balance: int, ref: str) -> str:
    _ = gettext_for(locale)
    return "\n".join(
        [
            _("🧾 <b>Refund</b>"),
            _("Refunded: {money}").format(money=refunded.render()),
            _("Credits taken back: {credits}").format(credits=_credits(credits_taken, locale)),
            _("Analyses available now: {n}").format(n=balance),
            _("Payment id: {ref}").format(ref=ref),
        ]
    )


def grant_receipt(locale: str, credits: int, balance: int) -> str:
    _ = gettext_for(locale)
    return "\n".join(
        [
            _("🎁 You received {credits} as a gift.").format(credits=_credits(credits, locale)),
            _("Analyses available now: {n}").format(n=balance),
        ]
    )
