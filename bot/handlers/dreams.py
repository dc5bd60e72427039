"""A text message that looks like a dream starts an analysis; the job reports back."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from core.billing.credits import balance_of
from core.db.models import DreamSource, User
from core.dreams.intake import DreamRejected, message_origin, save_dream, validate_dream
from core.dreams.journal import enqueue_analysis
from core.dreams.report import Delivery
from core.jobs import QueueUnavailable
from core.services import Services

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="dreams")
    router.message.filter(F.chat.type == "private")
    router.message.register(receive_dream, F.text, ~F.text.startswith("/"))
    return router


async def receive_dream(message: Message, user: User, services: Services) -> None:
    origin = message_origin(message.chat.id, message.message_id)
    await submit_dream(message, user, services, message.text or "", origin)


async def submit_dream(
    message: Message, user: User, services: Services, text: str, origin: str
) -> None:
    """Validate, save (once per ``origin``) and start the analysis; answers in ``message``'s chat."""
    settings = services.settings
    try:
        dream_text = validate_dream(
            text, min_chars=settings.min_dream_chars, max_chars=settings.max_dream_chars
        )
    except DreamRejected as rejected:
        await message.answer(_(rejected.message).format(**rejected.params))
        return
    dream, created = await save_dream(user, dream_text, source=DreamSource.TEXT, origin_key=origin)
    if not created:
        return  # the same message delivered again: it is already being analysed
    if not balance_of(user).can_analyze:
        await message.answer(
            _(
                "Your dream is saved in your journal, but you have no analyses left. "
                "Top up to analyse it — nothing else is needed, it will wait for you."
            )
        )
        return
    status = await message.answer(_("🌙 Dream received. Analysing…"))
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
