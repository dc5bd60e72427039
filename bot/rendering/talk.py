"""Answers to messages that are not dreams: helpful, short, and honest that nothing was charged."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from core.billing.credits import balance_of
from core.db.models import User
from core.dreams.screening import Screening, TalkKind


def _how_to_tell() -> str:
    return _(
        "To have a dream analysed, just tell it to me in a message: where you were, who was "
        "there, what happened and how you felt."
    )


def _balance_line(user: User) -> str:
    balance = balance_of(user)
    if balance.free_dream_available:
        return _("Your first analysis is free.")
    if balance.credits > 0:
        return _("Analyses left: {n}.").format(n=balance.credits)
    return _("You have no analyses left; a dream you tell me is kept until you top up.")


def _topic_line(topic: str | None) -> str:
    lines = {
        "journal": _("Your dreams and their analyses are in /journal (try /journal water)."),
        "stats": _("Your statistics and the moon are in /journal and /lunar."),
        "lunar": _("The lunar day is in /lunar and the month's calendar in /calendar."),
        "settings": _("Language, place and time zone are in /settings."),
        "delete": _("You can delete one dream from /journal, or everything in /settings."),
        "price": _("Prices and payments are explained in /help."),
        "privacy": _(
            "Your dreams are private: only you can read them, and /settings deletes them."
        ),
        "voice": _("For now I read dreams written as text."),
    }
    return lines.get(topic or "", _("/help lists everything I can do."))


def talk_reply(screening: Screening, user: User) -> str:
    """The answer to a message judged not to be a dream (nothing was stored or charged)."""
    kind = screening.kind or TalkKind.OTHER
    if kind == TalkKind.INSTRUCTIONS:
        return _(
            "This looks like instructions for me rather than a dream, so I won't analyse it. "
            "Tell me a dream and I'll gladly look at it."
        )
    if kind == TalkKind.GREETING:
        opening = _(
            "Hello! I'm OneiroScope. I analyse dreams the way dream researchers do, add the "
            "moon of that night and keep them in your private journal."
        )
        return "\n\n".join([opening, _how_to_tell(), _balance_line(user)])
    if kind == TalkKind.THANKS:
        return _("You're welcome! Tell me your next dream whenever you like. 🌙")
    if kind == TalkKind.COMPLAINT:
        return "\n\n".join(
            [
                _(
                    "I'm sorry something went wrong. Nothing is charged for messages that are "
                    "not dreams, and a dream you sent is never lost: it is in /journal."
                ),
                _topic_line(screening.topic),
            ]
        )
    if kind == TalkKind.JOKE:
        return "\n\n".join([_("😄 Good one."), _how_to_tell()])
    if kind in (TalkKind.REQUEST, TalkKind.QUESTION):
        return "\n\n".join([_topic_line(screening.topic), _how_to_tell()])
    return "\n\n".join(
        [_("This doesn't look like a dream, so I haven't analysed it."), _how_to_tell()]
    )
