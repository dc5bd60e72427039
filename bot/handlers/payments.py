"""Buying analyses with Telegram Stars: /buy, invoices, the pre-checkout answer (in this
process, within Telegram's 10 s), crediting ``successful_payment`` once, then offering the
dreams that waited for a credit."""

from __future__ import annotations

import logging
from collections.abc import Callable

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, LabeledPrice, Message, PreCheckoutQuery
from aiogram.utils.i18n import gettext as _

from bot.keyboards.billing import (
    BillingAction,
    card_keyboard,
    packages_keyboard,
    subscribe_keyboard,
    waiting_keyboard,
)
from core.billing.catalogue import Catalogue, load_catalogue
from core.billing.checkout import card_links
from core.billing.config import card_payments_on
from core.billing.credits import balance_of
from core.billing.errors import UnknownItem
from core.billing.receipts import Money, purchase_receipt, subscription_receipt
from core.billing.stars import (
    PLAN,
    Invoice,
    StarsPayment,
    check_pre_checkout,
    credit_payment,
    package_invoice,
    plan_invoice,
)
from core.billing.waiting import reset_no_credit_notice, resume_waiting, waiting_dreams
from core.db.models import User
from core.dreams.journal import enqueue_analysis
from core.dreams.report import Delivery
from core.services import Services

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="payments")
    router.message.register(show_packages, Command("buy"))
    router.pre_checkout_query.register(answer_pre_checkout)
    router.message.register(payment_received, F.successful_payment)
    router.callback_query.register(buy_pressed, BillingAction.filter(F.action == "buy"))
    router.callback_query.register(send_package_invoice, BillingAction.filter(F.action == "pkg"))
    router.callback_query.register(send_plan_link, BillingAction.filter(F.action == "plan"))
    router.callback_query.register(show_card_links, BillingAction.filter(F.action == "card"))
    router.callback_query.register(
        analyse_waiting, BillingAction.filter(F.action.in_({"analyse", "all"}))
    )
    return router


async def show_packages(message: Message, user: User, services: Services) -> None:
    settings = services.settings
    catalogue = load_catalogue(settings.billing.catalogue_json)
    balance = balance_of(user)
    await message.answer(
        _("Analyses available: {n}. Choose a package — paid with Telegram Stars:").format(
            n=balance.credits
        ),
        reply_markup=packages_keyboard(catalogue, user.language, card=card_payments_on(settings)),
    )


async def buy_pressed(query: CallbackQuery, user: User, services: Services) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await show_packages(query.message, user, services)


async def _offer(
    query: CallbackQuery,
    services: Services,
    make: Callable[[Catalogue, str, User], Invoice],
    code: str,
    user: User,
) -> Invoice | None:
    """The Stars invoice for the pressed offer (the button answered), or None when the offer is
    no longer sold (the user told so in an alert)."""
    catalogue = load_catalogue(services.settings.billing.catalogue_json)
    try:
        invoice = make(catalogue, code, user)
    except UnknownItem:
        await query.answer(_("This offer is no longer available."), show_alert=True)
        return None
    await query.answer()
    return invoice


async def send_package_invoice(
    query: CallbackQuery, callback_data: BillingAction, user: User, services: Services, bot: Bot
) -> None:
    invoice = await _offer(query, services, package_invoice, callback_data.code, user)
    if invoice is None:
        return
    await bot.send_invoice(
        chat_id=user.telegram_id or query.from_user.id,
        title=invoice.title,
        description=invoice.description,
        payload=invoice.payload,
        currency="XTR",
        prices=[LabeledPrice(label=invoice.label, amount=invoice.amount)],
        provider_token="",
    )


async def send_plan_link(
    query: CallbackQuery, callback_data: BillingAction, user: User, services: Services, bot: Bot
) -> None:
    invoice = await _offer(query, services, plan_invoice, callback_data.code, user)
    if invoice is None:
        return
    link = await bot.create_invoice_link(
        title=invoice.title,
        description=invoice.description,
        payload=invoice.payload,
        currency="XTR",
        prices=[LabeledPrice(label=invoice.label, amount=invoice.amount)],
        provider_token="",
        subscription_period=invoice.subscription_period,
    )
    if isinstance(query.message, Message):
        await query.message.answer(
            invoice.description,
            reply_markup=subscribe_keyboard(link, invoice.amount, user.language),
        )


async def show_card_links(query: CallbackQuery, user: User, services: Services) -> None:
    settings = services.settings
    links = card_links(settings, load_catalogue(settings.billing.catalogue_json), user)
    await query.answer()
    if isinstance(query.message, Message) and links:
        await query.message.answer(
            _("Pay by card on a secure page (the link works once, for a few minutes):"),
            reply_markup=card_keyboard(links),
        )


async def answer_pre_checkout(query: PreCheckoutQuery, user: User, services: Services) -> None:
    """Validated here, never through the job queue: Telegram cancels after 10 seconds."""
    catalogue = load_catalogue(services.settings.billing.catalogue_json)
    refusal = check_pre_checkout(
        catalogue, user, query.invoice_payload, query.currency, query.total_amount
    )
    if refusal is None:
        await query.answer(ok=True)
    else:
        await query.answer(ok=False, error_message=_(refusal))


async def payment_received(message: Message, user: User, services: Services) -> None:
    payment = message.successful_payment
    assert payment is not None  # the filter says so
    catalogue = load_catalogue(services.settings.billing.catalogue_json)
    credited = await credit_payment(
        catalogue,
        user,
        StarsPayment(
            payload=payment.invoice_payload,
            currency=payment.currency,
            total_amount=payment.total_amount,
            charge_id=payment.telegram_payment_charge_id,
            subscription_expiration_date=payment.subscription_expiration_date,
            is_recurring=bool(payment.is_recurring),
            is_first_recurring=bool(payment.is_first_recurring),
        ),
    )
    if not credited.posted.applied:
        return  # the same payment delivered again: credited and answered the first time
    paid = Money(payment.total_amount, payment.currency)
    if credited.kind == PLAN and credited.period_end is not None:
        daily = catalogue.plan(credited.code).daily_allowance
        text = subscription_receipt(
            user.language,
            credited.renewal,
            paid,
            credited.period_end,
            daily,
            payment.telegram_payment_charge_id,
        )
    else:
        text = purchase_receipt(
            user.language,
            credited.credits,
            paid,
            "stars",
            credited.posted.balance,
            payment.telegram_payment_charge_id,
        )
    await message.answer(text)
    await reset_no_credit_notice(services.cache, user.id)
    await offer_waiting(message, user)


async def offer_waiting(message: Message, user: User) -> None:
    """After a purchase: the dreams that waited for a credit, newest first."""
    await user.refresh_from_db()
    dreams, total = await waiting_dreams(user.id)
    if not dreams:
        return
    available = balance_of(user).credits
    await message.answer(
        _("Dreams waiting for an analysis: {n}. Analyse them now?").format(n=total),
        reply_markup=waiting_keyboard(dreams, total, available, user.language),
    )


async def analyse_waiting(
    query: CallbackQuery, callback_data: BillingAction, user: User, services: Services
) -> None:
    ids = None if callback_data.action == "all" else [callback_data.code]
    resumed = await resume_waiting(user, ids)
    if not resumed:
        await query.answer(
            _("No analyses left for this dream. Buy more with /buy."), show_alert=True
        )
        return
    await query.answer()
    if not isinstance(query.message, Message):
        return
    for dream in resumed:
        status = await query.message.answer(_("🌙 Dream received. Analysing…"))
        delivery = Delivery(query.message.chat.id, status.message_id, user.language)
        await enqueue_analysis(services.jobs, dream, delivery, request_key=f"credit:{query.id}")
