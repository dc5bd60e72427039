"""Every text the pages' script shows, translated on the server (the script has no gettext)."""

from __future__ import annotations

from functools import lru_cache

from core.i18n import N_, gettext
from core.insights.tallies import EMOTION_NAMES

NAV: tuple[tuple[str, str], ...] = (
    ("", N_("Journal")),
    ("new", N_("New dream")),
    ("stats", N_("Statistics")),
    ("moon", N_("Moon")),
    ("buy", N_("Analyses")),
    ("settings", N_("Settings")),
)
PAGE_TITLES: dict[str, str] = {
    "journal": N_("Journal"),
    "dream": N_("Dream"),
    "new": N_("New dream"),
    "stats": N_("Statistics"),
    "moon": N_("Moon"),
    "buy": N_("Analyses"),
    "settings": N_("Settings"),
    "login": N_("Sign in"),
    "admin": N_("Support"),
}
MOOD_NAMES: dict[str, str] = {
    "positive": N_("positive"),
    "negative": N_("negative"),
    "mixed": N_("mixed"),
    "neutral": N_("neutral"),
}
STATUS_NAMES: dict[str, str] = {
    "queued": N_("waiting for analysis"),
    "analyzing": N_("being analysed"),
    "waiting_for_credit": N_("waiting for a credit"),
    "awaiting_confirmation": N_("waiting for your answer in the chat"),
    "analyzed": N_("analysed"),
    "failed": N_("analysis failed — you can retry in the chat"),
}
#: Ledger entries as the support page lists them.
PAYMENT_KINDS: dict[str, str] = {
    "purchase": N_("purchase"),
    "consume": N_("analysis"),
    "refund": N_("refund"),
    "grant": N_("gift"),
    "subscription": N_("subscription"),
}
_TEXTS: dict[str, str] = {
    "error": N_("Something went wrong. Please try again."),
    "new_dream": N_("New dream"),
    "analyse": N_("Analyse"),
    "empty_journal": N_("No dreams yet. Tell the bot a dream, or write one here."),
    "nothing_found": N_("No dream matches these filters."),
    "symbol_prefix": N_("symbol: "),
    "interpretation": N_("Interpretation"),
    "symbols": N_("Symbols"),
    "hvdc": N_("Content analysis (Hall/Van de Castle)"),
    "characters": N_("Characters"),
    "emotions_title": N_("Emotions"),
    "none": N_("none coded"),
    "lunar_night": N_("The lunar night"),
    "lunar_day": N_("Lunar day"),
    "not_found": N_("This dream is not in your journal."),
    "delete_dream": N_("Delete this dream"),
    "delete_dream_confirm": N_("Delete this dream and its analysis for good?"),
    "failed": N_("The analysis failed. Your dream is kept; you can try again from the chat."),
    "buy": N_("Buy analyses"),
    "caveat_few": N_(
        "{n} dreams so far: too few to compare with the norms (at least {min} are needed, about "
        "{good} give a reliable profile). The bars are descriptive only; the intervals show how "
        "uncertain they are."
    ),
    "caveat_tentative": N_(
        "{n} dreams: a tentative profile; about {good} dreams give a reliable one."
    ),
    "caveat_ok": N_("{n} dreams: enough for a reliable profile."),
    "h_profile": N_("h-profile"),
    "moods_title": N_("Moods over time"),
    "no_data": N_("Not enough analysed dreams yet."),
    "moonrise": N_("Moonrise"),
    "moonset": N_("Moonset"),
    "illumination": N_("Illumination"),
    "balance": N_("Analyses left"),
    "free_dream": N_("Your first analysis is free."),
    "buy_in_chat": N_("Buy analyses in the chat with Telegram Stars: send /buy to the bot."),
    "place": N_("Place for the lunar calendar"),
    "place_default": N_(
        "the default of your time zone; share your location for exact moonrise times"
    ),
    "saved": N_("Saved."),
    "no_location": N_("Your location is not available. Enter your time zone instead."),
    "delete_confirm": N_(
        "Delete your account with every dream and analysis for good? This cannot be undone."
    ),
    # The support team's page (dashboard only).
    "admin_link": N_("Support page"),
    "support_only": N_("This page is for the support team."),
    "no_account": N_("No account with this Telegram id."),
    "refund": N_("Refund"),
    "refunded": N_("refunded"),
    "refund_confirm": N_(
        "Refund this payment? The money goes back to the buyer (stars to Telegram, a card payment to the card) and its credits are taken back."
    ),
    "refund_done": N_("Refunded. Credits taken back: {n}."),
    "refund_again": N_("This payment was refunded already; nothing changed."),
    "refund_at_gateway": N_(
        "This payment service is not connected here: refund the payment in its own dashboard."
    ),
    "buyer_deleted": N_("The buyer deleted their account; refund it by hand if needed."),
    "refund_refused": N_("The payment service refused the refund: {reason}"),
    "telegram_unavailable": N_("Refunds in stars need the bot to be configured on this server."),
    "dreams_count": N_("Dreams"),
    "analyses_count": N_("Analyses"),
    "payments": N_("Payments"),
    "no_payments": N_("No payments."),
}


@lru_cache(maxsize=4)
def strings(locale: str) -> dict[str, object]:
    """The script's texts in ``locale`` (moods, statuses and emotions as small maps)."""
    found: dict[str, object] = {key: gettext(msgid, locale) for key, msgid in _TEXTS.items()}
    found["moods"] = {key: gettext(msgid, locale) for key, msgid in MOOD_NAMES.items()}
    found["statuses"] = {key: gettext(msgid, locale) for key, msgid in STATUS_NAMES.items()}
    found["emotions"] = {key: gettext(msgid, locale) for key, msgid in EMOTION_NAMES.items()}
    found["payment_kinds"] = {key: gettext(msgid, locale) for key, msgid in PAYMENT_KINDS.items()}
    return found
