"""The prompts, rendered from ``core/llm/prompts/{system,user}.{locale}.jinja2``.

Prompt-injection defence: the dream and past dreams go inside ``<dream>``/``<past_dreams>`` blocks
that the dream cannot close (tag look-alikes are removed from the data), the system prompt says
the blocks are data, and it carries a canary marker that :mod:`core.llm.quality` looks for in the
answer to catch a leaked system prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from core.analysis.symbols import ARCHETYPES
from core.i18n import normalize_locale
from core.llm.scrubbing import ScrubbedDream

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
#: Part of the cache key: bump when a template changes what the model is asked.
PROMPT_VERSION = "2"
#: A marker only the system prompt contains; its presence in an answer proves a leak.
CANARY = "OSG-7F3A-91C2"
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:dream|past_dreams)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Prompt:
    """What is sent to a provider: the system prompt and the user message."""

    system: str
    user: str
    locale: str


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Plain text, not HTML: autoescape would mangle quotes in the dream.
    return Environment(
        loader=FileSystemLoader(PROMPTS_DIR),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def defuse(text: str) -> str:
    """Remove anything that looks like our block tags, so data cannot close its block."""
    return _BLOCK_TAG.sub(" ", text)


@lru_cache(maxsize=4)
def system_prompt(locale: str) -> str:
    """The system prompt of a locale (also used by the leak check)."""
    template = _environment().get_template(f"system.{normalize_locale(locale)}.jinja2")
    return template.render(canary=CANARY, archetype_keys=sorted(ARCHETYPES))


def render_prompt(dream: ScrubbedDream) -> Prompt:
    """The prompt for a scrubbed dream, in the dream's locale."""
    ctx = dream.context
    locale = normalize_locale(ctx.locale)
    similar = [
        {
            "date": f"{d.created_at:%Y-%m-%d}",
            "similarity": f"{d.similarity:.2f}",
            "excerpt": defuse(" ".join(d.excerpt.split())),
        }
        for d in ctx.similar
    ]
    user = (
        _environment()
        .get_template(f"user.{locale}.jinja2")
        .render(
            highlights=[defuse(h) for h in ctx.highlights],
            symbols=[s.key for s in ctx.symbols],
            mood=ctx.mood,
            lunar=ctx.lunar,
            recurring=list(ctx.recurring_symbols),
            similar=similar,
            text=defuse(ctx.text).strip(),
            truncated=dream.truncated,
        )
    )
    return Prompt(system_prompt(locale), user, locale)
