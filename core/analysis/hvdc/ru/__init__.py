"""The Russian Hall/Van de Castle coder (natasha syntax + pymorphy3 morphology).

Importing this package loads nothing heavy: the models load on the first Russian dream, once
per process, and a missing ``nlp-ru`` extra is reported as an unsupported coding, not a crash.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Coding


def code_dream_ru(text: str) -> Coding:
    """Code one Russian (or transliterated Russian) report; see :mod:`.coder`."""
    try:
        from .coder import code_dream_ru as code
    except ImportError:  # the nlp-ru extra (natasha, pymorphy3) is not installed
        return Coding(supported=False, reason="russian_nlp_missing", language="ru")
    return code(text)


def warm_up() -> None:
    """Load the Russian models and word lists now (start-up of a long-running process)."""
    try:
        from .coder import warm_up as load
    except ImportError:
        return
    load()


__all__ = ["code_dream_ru", "warm_up"]
