"""/balance as text: credits, the subscription and recent history, in the user's language."""

from __future__ import annotations

from core.billing.balance import BalanceView, HistoryLine
from core.i18n import gettext_for


def _history_line(line: HistoryLine, locale: str) -> str:
    _ = gettext_for(locale)
    names = {
        "purchase": _("purchase"),
        "consume": _("analysis"),
        "refund": _("refund"),
        "grant": _("gift"),
        "subscription": _("subscription"),
    }
    paid = f" · {line.paid.render()}" if line.paid is not None and line.paid.amount_minor else ""
    credits = f"{line.credits:+d}" if line.credits else "0"
    return f"{line.created_at:%d.%m} {credits} {names.get(line.kind, line.kind)}{paid}"


def balance_text(view: BalanceView, locale: str) -> str:
    _ = gettext_for(locale)
    lines = [_("<b>Your balance</b>"), _("Analyses available: {n}").format(n=view.available)]
    if view.free_dream_available:
        lines.append(_("Your first analysis is free."))
    sub = view.subscription
    if sub is not None:
        ends = f"{sub.period_end:%d.%m.%Y}"
        lines.append(
            _("Subscription: {used} of {daily} analyses used today.").format(
                used=sub.used_today, daily=sub.daily_allowance
            )
        )
        lines.append(
            _("Ends on {date}.").format(date=ends)
            if sub.cancel_at_period_end
            else _("Renews on {date}.").format(date=ends)
        )
    if view.waiting_dreams:
        lines.append(_("Dreams waiting for an analysis: {n}").format(n=view.waiting_dreams))
    if view.history:
        lines.append("")
        lines.append(_("<b>Recent</b>"))
        lines.extend(_history_line(line, locale) for line in view.history)
    return "\n".join(lines)
