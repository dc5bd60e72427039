"""A text message: a dream starts an analysis, conversation gets an answer, and when the bot is
not sure it asks ("Analyse as a dream" / "No") before anything is charged."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.keyboards.billing import buy_keyboard
from bot.keyboards.callbacks import DreamConfirm
from bot.keyboards.dreams import confirm_dream_keyboard
from bot.middlewares.throttling import Pace
from bot.rendering.talk import talk_reply
from bot.replies import show_in_place
from core.billing.credits import ReserveOutcome
from core.billing.waiting import claim_no_credit_notice, reserve_or_wait
from core.db.models import Dream, DreamSource, DreamStatus, User
from core.dreams.intake import (
    DreamRejected,
    DreamText,
    message_origin,
    remember_status_message,
    save_dream,
    validate_dream,
)
from core.dreams.journal import enqueue_analysis, get_user_dream
from core.dreams.journal_changes import journal_changed
from core.dreams.report import Delivery
from core.dreams.screening import Verdict
from core.dreams.triage import triage
from core.jobs import QueueUnavailable
from core.services import Services

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="dreams")
    router.message.filter(F.chat.type == "private")
    router.message.register(receive_dream, F.text, ~F.text.startswith("/"))
    router.callback_query.register(answer_confirmation, DreamConfirm.filter())
    return router


async def receive_dream(
    message: Message, user: User, services: Services, pace: Pace | None = None
) -> None:
    """``pace``: given by the rate limit when the user sends faster than it allows."""
    origin = message_origin(message.chat.id, message.message_id)
    await submit_dream(message, user, services, message.text or "", origin, screen=True, pace=pace)


async def submit_dream(
    message: Message,
    user: User,
    services: Services,
    text: str,
    origin: str,
    *,
    screen: bool = False,
    pace: Pace | None = None,
) -> None:
    """Validate, save (once per ``origin``) and start the analysis; answers in ``message``'s chat.

    ``screen``: judge first whether the text is a dream at all (a typed message); a text the
    user already called a dream (a long draft's "Analyse") is not judged again.
    """
    settings = services.settings
    limits = {"min_chars": settings.min_dream_chars, "max_chars": settings.max_dream_chars}
    try:
        if not screen:
            dream_text = validate_dream(text, **limits)
            await _accept(message, user, services, dream_text, origin, pace)
            return
        judged = triage(text, **limits)
    except DreamRejected as rejected:
        await message.answer(_(rejected.message).format(**rejected.params))
        return
    if judged.dream is None:
        await message.answer(talk_reply(judged.screening, user))
    elif judged.screening.verdict == Verdict.UNSURE:
        await _ask(message, user, judged.dream, origin)
    else:
        await _accept(message, user, services, judged.dream, origin, pace)


async def _ask(message: Message, user: User, text: DreamText, origin: str) -> None:
    """Keep the text waiting for the user's answer; nothing is charged until they say yes."""
    dream, created = await save_dream(
        user,
        text,
        source=DreamSource.TEXT,
        origin_key=origin,
        status=DreamStatus.AWAITING_CONFIRMATION,
    )
    if not created:
        return
    await message.answer(
        _("I'm not sure this is a dream. Shall I analyse it as one?"),
        reply_markup=confirm_dream_keyboard(str(dream.id), user.language),
    )


async def _accept(
    message: Message,
    user: User,
    services: Services,
    text: DreamText,
    origin: str,
    pace: Pace | None,
) -> None:
    dream, created = await save_dream(user, text, source=DreamSource.TEXT, origin_key=origin)
    if created:
        await start_analysis(message, user, services, dream, pace)


async def start_analysis(
    message: Message, user: User, services: Services, dream: Dream, pace: Pace | None = None
) -> None:
    """Analyse a saved dream now (after its turn when the user is over the rate limit: ``pace``),
    or tell the user it waits for a credit.

    The credit is reserved here, as the dream is accepted, so dreams sent together can never
    share one; those without one wait, and a burst of them gets one notice with a buy button.
    """
    if await reserve_or_wait(user, dream) is ReserveOutcome.NO_CREDIT:
        if await claim_no_credit_notice(services.cache, user.id):
            await message.answer(
                _(
                    "Your dream is saved in your journal, but you have no analyses left. "
                    "Top up to analyse it — nothing else is needed, it will wait for you."
                ),
                reply_markup=buy_keyboard(user.language),
            )
        return
    if pace is not None:
        await pace()
    status = await message.answer(_("🌙 Dream received. Analysing…"))
    await remember_status_message(dream, status.message_id)
    delivery = Delivery(
        chat_id=message.chat.id, status_message_id=status.message_id, locale=user.language
    )
    try:
        await enqueue_analysis(services.jobs, dream, delivery)
    except QueueUnavailable as exc:
        # The dream is stored and stays queued: the sweeper starts its analysis once the
        # queue is back, and the result comes here.
        log.warning("analysis not queued yet: %s", exc)
        await status.edit_text(
            _(
                "🌙 Your dream is saved in your journal. The analysis will start in a few "
                "minutes, and the result will come here."
            )
        )


async def answer_confirmation(
    query: CallbackQuery, callback_data: DreamConfirm, user: User, services: Services
) -> None:
    """ "Analyse as a dream" starts the analysis; "No" forgets the text (it was conversation)."""
    dream = await get_user_dream(user, callback_data.dream_id)
    message = query.message
    if (
        dream is None
        or dream.status != DreamStatus.AWAITING_CONFIRMATION
        or not isinstance(message, Message)
    ):
        await query.answer(_("This button is no longer active."))
        return
    await query.answer()
    if callback_data.answer == "yes":
        confirmed = await Dream.filter(
            id=dream.id, status=DreamStatus.AWAITING_CONFIRMATION
        ).update(status=DreamStatus.QUEUED)
        if not confirmed:  # a second press raced the first: one analysis is enough
            return
        await journal_changed(user.id)
        await show_in_place(query, _("Analysing it as a dream."))
        await start_analysis(message, user, services, dream)
        return
    await dream.delete()
    await journal_changed(user.id)
    await show_in_place(
        query, _("All right, I haven't analysed or kept it. Tell me a dream whenever you like.")
    )
