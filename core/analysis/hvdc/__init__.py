"""Hall/Van de Castle content analysis of dream reports: the offline coder and its types."""

from .coder import code_dream, detect_language
from .types import CATEGORIES, Code, Coding

__all__ = ["CATEGORIES", "Code", "Coding", "code_dream", "detect_language"]
