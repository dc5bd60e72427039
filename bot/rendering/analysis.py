"""The analysis as a Telegram message (HTML), in the user's language."""

from __future__ import annotations

from html import escape

from core.analysis.symbols import archetype_name
from core.billing.credits import Balance
from core.dreams.report import AnalysisReport, Stage
from core.i18n import gettext_for, ngettext
from core.llm.labels import model_label
from core.lunar.names import lit_percent

#: Telegram's limit for one message is 4096 characters; leave room for markup.
MAX_MESSAGE_CHARS = 3900
MOOD_ICONS = {"positive": "☀️", "negative": "🌧", "mixed": "🌦", "neutral": "🌫"}


def stage_text(stage: Stage, locale: str) -> str:
    _ = gettext_for(locale)
    texts = {
        Stage.READING: _("🔎 Reading your dream: characters, emotions, settings…"),
        Stage.CONTEXT: _("🌒 Looking at the moon of that night and your past dreams…"),
        Stage.INTERPRETING: _("✍️ Writing your interpretation…"),
    }
    return texts[stage]


def balance_text(balance: Balance, locale: str) -> str:
    _ = gettext_for(locale)
    if balance.free_dream_available:
        return _("Your first analysis is free.")
    if balance.credits == 0:
        return _("You have no analyses left.")
    return ngettext(
        "You have {count} analysis left.",
        "You have {count} analyses left.",
        balance.credits,
        locale,
    ).format(count=balance.credits)


def _symbols_block(report: AnalysisReport, locale: str) -> list[str]:
    _ = gettext_for(locale)
    if not report.symbols:
        return []
    lines = [_("<b>Symbols</b>")]
    for hit in report.symbols[:6]:
        lines.append(
            f"• <b>{escape(hit.label)}</b> («{escape(hit.evidence)}») — {escape(hit.meaning)}"
        )
    return lines


def _lunar_block(report: AnalysisReport, locale: str) -> list[str]:
    _ = gettext_for(locale)
    lunar = report.lunar
    if lunar is None:
        return []
    # Read at the middle of the dream's night (core.lunar.night), which the line names.
    head = _(
        "<b>The moon that night</b> (at 03:00): lunar day {day}, {phase}, {percent}% lit, "
        "{in_sign}."
    ).format(
        day=lunar.lunar_day,
        phase=escape(lunar.phase_name[:1].lower() + lunar.phase_name[1:]),  # mid-sentence
        percent=lit_percent(lunar.illumination),
        in_sign=escape(lunar.sign_phrase or lunar.sign),
    )
    return [head, f"<i>{escape(lunar.folklore_note)}</i>"] if lunar.folklore_note else [head]


def render_report(report: AnalysisReport, locale: str) -> str:
    _ = gettext_for(locale)
    icon = MOOD_ICONS.get(report.mood, "🌫")
    parts: list[str] = [f"{icon} <b>{escape(report.summary)}</b>"]
    if report.highlights:
        parts.append(
            "\n".join(
                [_("<b>What the dream contains</b> (Hall/Van de Castle)")]
                + [f"• {escape(h)}" for h in report.highlights]
            )
        )
    symbols = _symbols_block(report, locale)
    if symbols:
        parts.append("\n".join(symbols))
    if report.archetypes:
        names = ", ".join(escape(archetype_name(key, locale)) for key in report.archetypes[:4])
        parts.append(_("<b>Archetypes</b>: {names}").format(names=names))
    lunar = _lunar_block(report, locale)
    if lunar:
        parts.append("\n".join(lunar))
    footer = _("Interpreted by: {model} · confidence {confidence}%").format(
        model=escape(model_label(report.model_used, locale)),
        confidence=round(report.confidence * 100),
    )
    tail = f"<i>{footer}</i>\n{escape(balance_text(report.balance, locale))}"
    interpretation = escape(report.interpretation)
    budget = MAX_MESSAGE_CHARS - sum(len(p) + 2 for p in parts) - len(tail) - 4
    if len(interpretation) > budget:
        interpretation = interpretation[: max(0, budget - 1)].rsplit(" ", 1)[0] + "…"
    parts.append(interpretation)
    parts.append(tail)
    return "\n\n".join(parts)
