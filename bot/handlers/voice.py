"""Dreams told aloud: a voice note, an audio file or a round video note is stored and
transcribed by a job; the transcript comes back with "analyse", "edit" and "cancel", and only
the user's answer starts the normal analysis (and its charge)."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.handlers.dreams import start_analysis
from bot.keyboards.voice import VoiceAction
from bot.replies import show_in_place
from core.asr import AsrError
from core.db.models import User
from core.dreams.intake import DreamRejected, message_origin
from core.dreams.report import Delivery
from core.jobs import QueueUnavailable
from core.services import Services
from core.voice.confirm import awaiting_transcript, cancel_transcript, confirm_transcript
from core.voice.intake import VoiceNote, accept_voice
from core.voice.job import enqueue_transcription

log = logging.getLogger(__name__)


class TranscriptEdit(StatesGroup):
    waiting_for_text = State()


def create_router() -> Router:
    router = Router(name="voice")
    router.message.filter(F.chat.type == "private")
    router.message.register(
        receive_corrected_text, TranscriptEdit.waiting_for_text, F.text, ~F.text.startswith("/")
    )
    audio_document = F.document.mime_type.startswith("audio/")
    router.message.register(receive_voice, F.voice | F.audio | F.video_note | audio_document)
    router.callback_query.register(answer_transcript, VoiceAction.filter())
    return router


def voice_note(message: Message) -> VoiceNote | None:
    """The recording in ``message``, with Telegram's duration and size (0 when unknown)."""
    media = message.voice or message.audio or message.video_note
    if media is not None:
        return VoiceNote(media.file_id, int(media.duration or 0), media.file_size)
    if message.document is not None:
        return VoiceNote(message.document.file_id, 0, message.document.file_size)
    return None


async def receive_voice(message: Message, user: User, services: Services) -> None:
    note = voice_note(message)
    if services.voice is None or note is None:
        await message.answer(
            _("I can't listen to voice notes yet. Please type your dream in a message for now.")
        )
        return
    origin = message_origin(message.chat.id, message.message_id)
    try:
        dream, created = await accept_voice(user, note, services.settings.asr, origin)
    except AsrError as refused:
        await message.answer(refused.localized(user.language))
        return
    if not created:
        return  # the same message delivered again: it is already being transcribed
    status = await message.answer(_("🎙 Voice note received. Listening…"))
    delivery = Delivery(message.chat.id, status.message_id, user.language)
    try:
        await enqueue_transcription(services.jobs, str(dream.id), delivery)
    except QueueUnavailable as exc:
        log.warning("transcription not queued yet: %s", exc)
        await status.edit_text(
            _(
                "🎙 Your voice note is saved. I'll transcribe it in a few minutes, and the "
                "text will come here."
            )
        )


async def answer_transcript(
    query: CallbackQuery,
    callback_data: VoiceAction,
    user: User,
    services: Services,
    state: FSMContext,
) -> None:
    dream = await awaiting_transcript(user, callback_data.dream_id)
    if dream is None or not isinstance(query.message, Message):
        await query.answer(_("This button is no longer active."))
        return
    await query.answer()
    message = query.message
    if callback_data.action == "cancel":
        await cancel_transcript(dream)
        await state.clear()
        await show_in_place(
            query, _("Cancelled: the voice note's transcript is deleted and nothing was charged.")
        )
    elif callback_data.action == "edit":
        await state.set_state(TranscriptEdit.waiting_for_text)
        await state.update_data(dream_id=str(dream.id))
        await message.answer(
            _("Send me the corrected text of your dream in one message, and I'll analyse it.")
        )
    elif callback_data.action == "analyse":
        settings = services.settings
        try:
            await confirm_transcript(
                dream, min_chars=settings.min_dream_chars, max_chars=settings.max_dream_chars
            )
        except DreamRejected as rejected:
            await message.answer(_(rejected.message).format(**rejected.params))
            return
        await state.clear()
        await message.edit_reply_markup(reply_markup=None)
        await start_analysis(message, user, services, dream)


async def receive_corrected_text(
    message: Message, user: User, services: Services, state: FSMContext
) -> None:
    data = await state.get_data()
    dream = await awaiting_transcript(user, str(data.get("dream_id", "")))
    if dream is None:
        await state.clear()
        await message.answer(_("This transcript was already answered. Send me a new dream."))
        return
    settings = services.settings
    try:
        await confirm_transcript(
            dream,
            min_chars=settings.min_dream_chars,
            max_chars=settings.max_dream_chars,
            corrected=message.text or "",
        )
    except DreamRejected as rejected:
        await message.answer(_(rejected.message).format(**rejected.params))
        return
    await state.clear()
    await start_analysis(message, user, services, dream)
