"""/journal and the buttons under an analysis: details, similar dreams, delete, analyse again."""

from __future__ import annotations

from datetime import datetime
from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.keyboards.callbacks import DreamNight
from bot.keyboards.dreams import (
    DreamAction,
    JournalPage,
    analysis_keyboard,
    delete_dream_keyboard,
    journal_keyboard,
    night_keyboard,
    retry_keyboard,
)
from bot.rendering.analysis import render_report
from bot.rendering.journal import (
    details_text,
    journal_text,
    night_moved_text,
    search_text,
    similar_text,
)
from bot.replies import show_in_place
from core.billing.credits import balance_of
from core.db.models import Dream, User
from core.dreams.journal import (
    delete_user_dream,
    enqueue_analysis,
    get_user_dream,
    journal_page,
    latest_analysis,
)
from core.dreams.nights import night_choices, set_dream_night
from core.dreams.report import Delivery
from core.dreams.search import JournalQuery, search_journal
from core.dreams.stored import report_from_row
from core.services import Services

#: Matches listed for ``/journal <words>``; the web journal pages through all of them.
SEARCH_LIMIT = 10


def create_router() -> Router:
    router = Router(name="journal")
    router.message.register(show_journal, Command("journal"))
    # A forged page number (negative, or past int64) is a stale button, not a database error.
    router.callback_query.register(turn_page, JournalPage.filter(F.page.in_(range(0, 10**6))))
    router.callback_query.register(dream_button, DreamAction.filter())
    router.callback_query.register(choose_night, DreamNight.filter())
    return router


async def _page(user: User, page: int) -> tuple[str, InlineKeyboardMarkup]:
    journal = await journal_page(user, page)
    text = journal_text(journal, user)
    entries = [(e.dream_id, f"{e.night_of:%d.%m} · {e.excerpt}") for e in journal.entries]
    return text, journal_keyboard(entries, journal.page, journal.has_next, user.language)


async def show_journal(message: Message, user: User, command: CommandObject) -> None:
    """``/journal`` pages through the journal; ``/journal whales`` searches it."""
    words = (command.args or "").strip()
    if not words:
        text, markup = await _page(user, 0)
        await message.answer(text, reply_markup=markup)
        return
    found = await search_journal(user, JournalQuery(words=words, limit=SEARCH_LIMIT))
    entries = [(h.dream_id, f"{h.night_of:%d.%m} · {h.excerpt[:40]}") for h in found.hits]
    await message.answer(
        search_text(found, words, user.language),
        reply_markup=journal_keyboard(entries, 0, False, user.language) if entries else None,
    )


async def turn_page(query: CallbackQuery, callback_data: JournalPage, user: User) -> None:
    await query.answer()
    text, markup = await _page(user, callback_data.page)
    await show_in_place(query, text, markup)


async def dream_button(
    query: CallbackQuery, callback_data: DreamAction, user: User, services: Services
) -> None:
    dream = await get_user_dream(user, callback_data.dream_id)
    if dream is None or not isinstance(query.message, Message):
        await query.answer(_("This dream is no longer in your journal."), show_alert=True)
        return
    await query.answer()
    action, message = callback_data.action, query.message
    if action == "delete":
        await message.answer(
            _("Delete this dream and its analysis? This cannot be undone."),
            reply_markup=delete_dream_keyboard(str(dream.id), user.language),
        )
    elif action == "delete_yes":
        await delete_user_dream(user, str(dream.id), services.cache)
        await show_in_place(query, _("The dream has been deleted."))
    elif action == "night":
        await message.answer(
            _("Which night was this dream from? Its moon will be read for that night."),
            reply_markup=night_keyboard(
                str(dream.id), night_choices(dream.created_at, user), user.language
            ),
        )
    elif action == "delete_no":
        await show_in_place(query, _("Nothing was deleted: the dream stays in your journal."))
    elif action == "analyze":
        status = await message.answer(_("🌙 Dream received. Analysing…"))
        delivery = Delivery(message.chat.id, status.message_id, user.language)
        await enqueue_analysis(services.jobs, dream, delivery, request_key=query.id)
    else:
        await _show_analysis(message, user, dream, action)


async def choose_night(query: CallbackQuery, callback_data: DreamNight, user: User) -> None:
    """The "dreamt on" answer: the dream moves to that night and its moon is read anew."""
    dream = await get_user_dream(user, callback_data.dream_id)
    try:
        morning = datetime.strptime(callback_data.morning, "%Y%m%d").date()
    except ValueError:
        morning = None
    if dream is None or morning is None or not isinstance(query.message, Message):
        await query.answer(_("This button is no longer active."))
        return
    await query.answer()
    lunar = await set_dream_night(dream, user, morning)
    await show_in_place(query, night_moved_text(morning, lunar, user.language))


async def _show_analysis(message: Message, user: User, dream: Dream, action: str) -> None:
    row = await latest_analysis(dream)
    dream_id = str(dream.id)
    if row is None:
        await message.answer(
            _("<b>Your dream</b>\n{text}\n\nIt has not been analysed yet.").format(
                text=escape(dream.text[:3000])
            ),
            reply_markup=retry_keyboard(dream_id, user.language),
        )
    elif action == "details":
        await message.answer(details_text(dream, row, user.language))
    elif action == "similar":
        await message.answer(await similar_text(user, row, user.language))
    else:
        report = report_from_row(row, dream, balance_of(user))
        await message.answer(
            render_report(report, user.language),
            reply_markup=analysis_keyboard(dream_id, user.language),
        )
