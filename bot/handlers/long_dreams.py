"""Long dreams arrive in parts: Telegram splits a text over 4096 characters into several
messages. A near-limit message starts a draft that collects the parts until the user taps
"Analyse", so one long dream is one dream in the journal and one credit, not three."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.handlers.dreams import submit_dream
from bot.replies import show_in_place
from core.db.models import User
from core.services import Services

#: A message this long may be the first part of a longer text split by the Telegram app.
SPLIT_AT = 3500
#: Longer texts cannot come from a Telegram app in one message, so they are not parts.
TELEGRAM_TEXT_LIMIT = 4096


class DreamDraft(StatesGroup):
    collecting = State()


class DraftAction(CallbackData, prefix="draft"):
    action: str  # analyse | discard


def create_router() -> Router:
    router = Router(name="long_dreams")
    router.message.filter(F.chat.type == "private")
    text = F.text & ~F.text.startswith("/")
    router.message.register(add_part, DreamDraft.collecting, text)
    router.message.register(
        start_draft, text, F.text.len() >= SPLIT_AT, F.text.len() <= TELEGRAM_TEXT_LIMIT
    )
    router.callback_query.register(finish_draft, DraftAction.filter())
    return router


def draft_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("🔮 Analyse"), callback_data=DraftAction(action="analyse"))
    builder.button(text=_("✖ Discard"), callback_data=DraftAction(action="discard"))
    return builder.as_markup()


def _progress(parts: list[str]) -> str:
    return _(
        "Parts received: {parts} ({chars} characters). Send the rest of the dream if there is "
        "more, then tap “Analyse”."
    ).format(parts=len(parts), chars=sum(len(p) for p in parts))


async def start_draft(message: Message, state: FSMContext) -> None:
    prompt = await message.answer(
        _("This is a long dream, so Telegram may deliver it in several parts.")
        + "\n"
        + _progress([message.text or ""]),
        reply_markup=draft_keyboard(),
    )
    await state.set_state(DreamDraft.collecting)
    await state.set_data(
        {
            "parts": [message.text or ""],
            "origin": f"tg:{message.chat.id}:{message.message_id}",
            "prompt_id": prompt.message_id,
        }
    )


async def add_part(message: Message, state: FSMContext) -> None:
    data = await state.get_data()
    parts = [*data.get("parts", []), message.text or ""]
    await state.update_data(parts=parts)
    await message.answer(_progress(parts), reply_markup=draft_keyboard())


async def finish_draft(
    query: CallbackQuery,
    callback_data: DraftAction,
    state: FSMContext,
    user: User,
    services: Services,
) -> None:
    data = await state.get_data()
    await state.clear()
    await query.answer()
    if not isinstance(query.message, Message) or not data.get("parts"):
        return
    if callback_data.action == "discard":
        await show_in_place(query, _("Discarded. Nothing was saved."))
        return
    await query.message.edit_reply_markup(reply_markup=None)
    text = "\n".join(data["parts"])
    await submit_dream(query.message, user, services, text, str(data["origin"]))
