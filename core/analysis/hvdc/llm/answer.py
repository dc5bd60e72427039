"""The answer the LLM coder asks for (a JSON schema) and its check, code by code."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .notation import LLM_CATEGORIES, valid_code


def answer_schema() -> dict[str, Any]:
    """A strict JSON schema: one list of strings per LLM category, all required."""
    lists = {c: {"type": "array", "items": {"type": "string"}} for c in LLM_CATEGORIES}
    return {
        "type": "object",
        "properties": lists,
        "required": list(LLM_CATEGORIES),
        "additionalProperties": False,
    }


class UnreadableAnswer(ValueError):
    """The answer is no JSON object at all: the rules code the whole report instead."""


@dataclass(slots=True)
class CheckedAnswer:
    """The valid codes of an answer and how many were dropped, per category."""

    codes: dict[str, list[str]] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    #: Categories the answer left out (or gave as no list): the rules code them.
    missing: list[str] = field(default_factory=list)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())


def check_answer(payload: str | dict[str, Any]) -> CheckedAnswer:
    """Keep every well-formed code; count the rest; raise :class:`UnreadableAnswer` when the
    payload is no JSON object."""
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise UnreadableAnswer(f"not JSON ({exc.msg})") from exc
    if not isinstance(payload, dict):
        raise UnreadableAnswer("not a JSON object")
    checked = CheckedAnswer()
    for category in LLM_CATEGORIES:
        values = payload.get(category)
        if not isinstance(values, list):
            checked.missing.append(category)
            continue
        good = [v.strip() for v in values if isinstance(v, str) and valid_code(category, v)]
        checked.codes[category] = good
        if len(good) < len(values):
            checked.dropped[category] = len(values) - len(good)
    return checked
