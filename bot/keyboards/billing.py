"""Buttons of billing: buy, the packages, card links, waiting dreams, the subscription."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.billing.catalogue import STARS, Catalogue
from core.billing.waiting import WaitingDream
from core.i18n import gettext_for, ngettext


class BillingAction(CallbackData, prefix="bill"):
    action: str  # buy | pkg | plan | card | analyse | all | cancel_sub
    code: str = ""  # package or plan code, or a dream id


def buy_button(locale: str) -> InlineKeyboardButton:
    _ = gettext_for(locale)
    return InlineKeyboardButton(
        text=_("⭐ Buy analyses"), callback_data=BillingAction(action="buy").pack()
    )


def buy_keyboard(locale: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[buy_button(locale)]])


def packages_keyboard(catalogue: Catalogue, locale: str, card: bool) -> InlineKeyboardMarkup:
    """One button per Stars package and plan, and "pay by card" where a gateway is set up."""
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    for package in catalogue.packages_in(STARS):
        label = ngettext("{n} analysis", "{n} analyses", package.credits, locale)
        builder.button(
            text=f"{label.format(n=package.credits)} — {package.price(STARS)} ⭐",
            callback_data=BillingAction(action="pkg", code=package.code),
        )
    for plan in catalogue.plans:
        price = plan.price(STARS)
        if price is None:
            continue
        builder.button(
            text=_("Subscription: {n} a day for 30 days — {price} ⭐").format(
                n=plan.daily_allowance, price=price
            ),
            callback_data=BillingAction(action="plan", code=plan.code),
        )
    if card:
        builder.button(text=_("💳 Pay by card"), callback_data=BillingAction(action="card"))
    builder.adjust(1)
    return builder.as_markup()


def card_keyboard(links: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """URL buttons: (label, signed checkout link)."""
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=label, url=url)] for label, url in links]
    )


def waiting_keyboard(
    dreams: list[WaitingDream], total: int, available: int, locale: str
) -> InlineKeyboardMarkup:
    """ "Analyse" for each waiting dream (newest first) and "analyse all" within the balance."""
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    for dream in dreams:
        builder.button(
            text=_("▶️ Analyse: {excerpt}").format(excerpt=dream.excerpt),
            callback_data=BillingAction(action="analyse", code=dream.dream_id),
        )
    if total > 1 and available > 1:
        builder.button(
            text=_("▶️ Analyse all I can ({n})").format(n=min(total, available)),
            callback_data=BillingAction(action="all"),
        )
    builder.adjust(1)
    return builder.as_markup()


def subscription_keyboard(locale: str, can_cancel: bool) -> InlineKeyboardMarkup:
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    builder.button(text=_("⭐ Buy analyses"), callback_data=BillingAction(action="buy"))
    if can_cancel:
        builder.button(
            text=_("Cancel the subscription's renewal"),
            callback_data=BillingAction(action="cancel_sub"),
        )
    builder.adjust(1)
    return builder.as_markup()


def subscribe_keyboard(link: str, stars: int, locale: str) -> InlineKeyboardMarkup:
    """The Stars subscription's invoice link as a button."""
    _ = gettext_for(locale)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=_("Subscribe — {n} ⭐ a month").format(n=stars), url=link)]
        ]
    )
