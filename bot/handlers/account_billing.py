"""/balance, /paysupport and the admins' /refund and /grant (Stars refunds through Telegram)."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.keyboards.billing import BillingAction, subscription_keyboard
from bot.receipts import TelegramReceipts
from bot.rendering.billing import balance_text
from bot.stars import TelegramStars
from core.billing.balance import balance_view
from core.billing.ledger import LedgerEntry, post
from core.billing.receipts import grant_receipt
from core.billing.refunds import RefundOutcome, RefundStatus
from core.billing.stars_refunds import refund_stars_payment
from core.billing.subscriptions import cancel_stars_renewal
from core.db.models import TransactionKind, User
from core.services import Services

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="account_billing")
    router.message.register(show_balance, Command("balance"))
    router.message.register(pay_support, Command("paysupport"))
    router.message.register(refund_command, Command("refund"))
    router.message.register(grant_command, Command("grant"))
    router.callback_query.register(cancel_renewal, BillingAction.filter(F.action == "cancel_sub"))
    return router


async def show_balance(message: Message, user: User) -> None:
    view = await balance_view(user.id)
    can_cancel = view.subscription is not None and not view.subscription.cancel_at_period_end
    await message.answer(
        balance_text(view, user.language),
        reply_markup=subscription_keyboard(user.language, can_cancel=can_cancel),
    )


async def pay_support(
    message: Message, command: CommandObject, services: Services, bot: Bot
) -> None:
    """How to reach us about a payment; ``/paysupport <question>`` goes to the admins."""
    billing, admins = services.settings.billing, services.settings.admin_ids
    question = (command.args or "").strip()
    if question and admins:
        sender = message.from_user.id if message.from_user else message.chat.id
        for admin in sorted(admins):
            # Admins are the operators who answer: they need the buyer's id to do so.
            await bot.send_message(admin, f"/paysupport {sender}:\n{question[:3000]}")
        await message.answer(_("Sent to our team. We will answer here within two working days."))
        return
    contact = billing.support_contact
    lines = [
        _(
            "Questions about a payment, or a refund? Tell us what happened and include the "
            "payment id from your receipt."
        )
    ]
    if contact:
        lines.append(
            _("Write to {contact} — we answer within two working days.").format(contact=contact)
        )
    elif admins:
        lines.append(
            _(
                "Send /paysupport followed by your question in one message, and we will answer "
                "here within two working days."
            )
        )
    lines.append(_("Telegram's own support cannot help with purchases made in this bot."))
    await message.answer("\n\n".join(lines))


def _is_admin(message: Message, services: Services) -> bool:
    sender = message.from_user
    return sender is not None and sender.id in services.settings.admin_ids


async def refund_command(
    message: Message, command: CommandObject, services: Services, bot: Bot, user: User
) -> None:
    """``/refund <telegram_payment_charge_id>``: the stars go back, the credits come back."""
    if not _is_admin(message, services):
        await message.answer(_("I don't know this command. Send /help to see what I can do."))
        return
    charge_id = (command.args or "").strip()
    outcome = await refund_stars_payment(
        charge_id, TelegramStars(bot), TelegramReceipts(bot), actor=user.id
    )
    await message.answer(_refund_answer(outcome))


def _refund_answer(outcome: RefundOutcome) -> str:
    match outcome.status:
        case RefundStatus.REFUNDED:
            return _("Refunded. Credits taken back: {n}.").format(n=outcome.credits_taken)
        case RefundStatus.ALREADY_REFUNDED:
            return _("This payment was refunded already.")
        case RefundStatus.BUYER_DELETED:
            return _("The buyer deleted their account; refund it by hand if needed.")
        case RefundStatus.REFUSED:
            return _("Telegram refused the refund: {reason}").format(reason=outcome.reason)
    return _("No Stars payment with this id. Usage: /refund <payment id>")


async def grant_command(
    message: Message, command: CommandObject, services: Services, bot: Bot
) -> None:
    """``/grant <telegram id> <credits>``: free credits from us, with a receipt."""
    if not _is_admin(message, services):
        await message.answer(_("I don't know this command. Send /help to see what I can do."))
        return
    parts = (command.args or "").split()
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 0 < int(parts[1]) <= 1000:
        await message.answer(_("Usage: /grant <telegram id> <credits, 1-1000>"))
        return
    receiver = await User.get_or_none(telegram_id=int(parts[0]))
    if receiver is None:
        await message.answer(_("No user with this Telegram id."))
        return
    posted = await post(
        LedgerEntry(
            user_id=receiver.id,
            kind=TransactionKind.GRANT,
            credits=int(parts[1]),
            idempotency_key=f"grant:{message.chat.id}:{message.message_id}",
            provider="admin",
        )
    )
    if posted.applied:
        await bot.send_message(
            int(parts[0]), grant_receipt(receiver.language, posted.credits, posted.balance)
        )
    await message.answer(_("Granted: {n}.").format(n=posted.credits))


async def cancel_renewal(query: CallbackQuery, user: User, bot: Bot) -> None:
    async def cancel_on_telegram(charge_id: str) -> None:
        await bot.edit_user_star_subscription(
            user_id=query.from_user.id, telegram_payment_charge_id=charge_id, is_canceled=True
        )

    period_end = await cancel_stars_renewal(user.id, cancel_on_telegram)
    if period_end is None:
        await query.answer(_("You have no subscription to cancel."), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            _("Renewal cancelled. Your subscription stays active until {date}.").format(
                date=f"{period_end:%d.%m.%Y}"
            )
        )
