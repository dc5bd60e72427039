"""Journal pages, the HVdC details of one dream (each code with the words it came from), and
the list of similar past dreams."""

from __future__ import annotations

from html import escape
from typing import Any

from core.analysis.hvdc.labels import category_name
from core.db.models import Dream, DreamAnalysis, User
from core.dreams.journal import JournalPage, get_user_dream
from core.dreams.search import JournalResults
from core.excerpts import excerpt
from core.i18n import gettext_for, ngettext
from core.llm.labels import model_label

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


def _code_line(code: dict[str, Any], text: str) -> str:
    span = code.get("span")
    evidence = text[span[0] : span[1]] if span else ""
    suffix = f" ← «{escape(evidence)}»" if evidence else ""
    return f"<code>{escape(code['code'])}</code>{suffix}"


def details_text(dream: Dream, row: DreamAnalysis, locale: str) -> str:
    _ = gettext_for(locale)
    details: dict[str, Any] = row.hvdc or {}
    if not details.get("supported", True):
        coded = _("The Hall/Van de Castle coder reads English and Russian reports.")
    else:
        codes = details.get("codes", [])[:MAX_DETAIL_CODES]
        coded = "\n".join(
            f"{escape(category_name(c['category'], locale))}: {_code_line(c, dream.text)}"
            for c in codes
        )
        coded = coded or _("No codable elements were found.")
    lines = [
        _("<b>Hall/Van de Castle coding</b> (each code with the words it came from)"),
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
