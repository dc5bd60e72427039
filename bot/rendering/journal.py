"""Journal pages, the HVdC details of one dream (each code with the words it came from), and
the list of similar past dreams."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any

from babel.dates import format_date

from core.analysis.codes_in_words import category_name, code_in_words
from core.db.models import Dream, DreamAnalysis, User
from core.dreams.journal import JournalPage, get_user_dream
from core.dreams.search import JournalResults
from core.excerpts import excerpt
from core.i18n import gettext_for, ngettext, normalize_locale
from core.interpret.types import LunarContext
from core.llm.labels import model_label
from core.lunar.names import lit_percent

MOOD_ICONS = {"positive": "☀️", "negative": "🌧", "mixed": "🌦", "neutral": "🌫", None: "⏳"}
MAX_DETAIL_CODES = 40


def journal_text(page: JournalPage, user: User) -> str:
    _ = gettext_for(user.language)
    if page.total == 0:
        return _("Your journal is empty. Write me a dream and it will appear here.")
    count = ngettext("{n} dream", "{n} dreams", page.total, user.language).format(n=page.total)
    lines = [_("<b>Your dream journal</b> — {count}").format(count=count), ""]
    for entry in page.entries:
        icon = MOOD_ICONS.get(entry.mood, "⏳")
        lines.append(f"{icon} {entry.night_of:%d.%m.%Y} — {escape(entry.excerpt)}")
    return "\n".join(lines)


def night_moved_text(morning: date, lunar: LunarContext | None, locale: str) -> str:
    """What the user reads after choosing the night a dream came from."""
    _ = gettext_for(locale)
    lang = normalize_locale(locale)
    evening = format_date(morning - timedelta(days=1), "d MMMM", locale=lang)
    night = _("The dream now belongs to the night of {evening} to {morning}.").format(
        evening=evening, morning=format_date(morning, "d MMMM", locale=lang)
    )
    if lunar is None:
        return night
    moon = _(
        "<b>The moon that night</b> (at 03:00): lunar day {day}, {phase}, {percent}% lit, "
        "{in_sign}."
    ).format(
        day=lunar.lunar_day,
        phase=escape(lunar.phase_name[:1].lower() + lunar.phase_name[1:]),  # mid-sentence
        percent=lit_percent(lunar.illumination),
        in_sign=escape(lunar.sign_phrase or lunar.sign),
    )
    return f"{night}\n{moon}"


def search_text(found: JournalResults, words: str, locale: str) -> str:
    """The dreams a ``/journal <words>`` search found, newest first."""
    _ = gettext_for(locale)
    if not found.hits:
        return _(
            "No dream in your journal mentions «{words}». Try another word, or /journal to see "
            "them all."
        ).format(words=escape(words))
    lines = [_("<b>Dreams with «{words}»</b>").format(words=escape(words)), ""]
    for hit in found.hits:
        icon = MOOD_ICONS.get(hit.mood, "⏳")
        lines.append(f"{icon} {hit.night_of:%d.%m.%Y} — {escape(hit.excerpt)}")
    if found.next_cursor is not None:
        lines += ["", _("These are the newest matches; add a word to narrow the search.")]
    return "\n".join(lines)


def _code_line(code: dict[str, Any], text: str, locale: str) -> str:
    """The code in words with the words it came from; the code itself on a second line."""
    span = code.get("span")
    evidence = text[span[0] : span[1]] if span else ""
    suffix = f" ← «{escape(evidence)}»" if evidence else ""
    category = escape(category_name(code["category"], locale))
    raw = f"<code>{escape(code['code'])}</code>"
    words = code_in_words(code["category"], code["code"], locale)
    if words is None:
        return f"• <b>{category}</b>: {raw}{suffix}"
    return f"• <b>{category}</b>: {escape(words)}{suffix}\n   {raw}"


def details_text(dream: Dream, row: DreamAnalysis, locale: str) -> str:
    _ = gettext_for(locale)
    details: dict[str, Any] = row.hvdc or {}
    if not details.get("supported", True):
        coded = _("The Hall/Van de Castle coder reads English and Russian reports.")
    else:
        codes = details.get("codes", [])[:MAX_DETAIL_CODES]
        coded = "\n".join(_code_line(c, dream.text, locale) for c in codes)
        coded = coded or _("No codable elements were found.")
    lines = [
        _(
            "<b>Hall/Van de Castle coding</b>: what the content analysis found, each with the "
            "words it came from and its code on the line below"
        ),
        coded,
        "",
        _("Interpreted by {model}; {tokens} tokens; {latency} ms.").format(
            model=escape(model_label(row.model_used, locale)),
            tokens=row.tokens_used,
            latency=row.latency_ms,
        ),
    ]
    return "\n".join(lines)[:3900]


async def similar_text(user: User, row: DreamAnalysis, locale: str) -> str:
    _ = gettext_for(locale)
    similar = (row.hvdc or {}).get("similar", [])
    lines: list[str] = []
    for item in similar:
        dream = await get_user_dream(user, item["dream_id"])
        if dream is not None:
            percent = round(float(item["similarity"]) * 100)
            lines.append(
                f"• {dream.created_at:%d.%m.%Y} ({percent}%) — {escape(excerpt(dream.text, 80))}"
            )
    if not lines:
        return _(
            "No similar dreams in your journal yet. The more dreams you record, the more connections appear."
        )
    return "\n".join([_("<b>Similar dreams from your journal</b>"), *lines])
