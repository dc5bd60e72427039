"""Dream symbols: our bilingual symbol dictionary, the grounded finder and Jungian archetypes."""

from core.analysis.symbols.archetypes import ARCHETYPES, Archetype, archetype_name, archetype_note
from core.analysis.symbols.dictionary import SymbolEntry, get_symbol, load_dictionary
from core.analysis.symbols.matcher import find_symbols, is_negated

__all__ = [
    "ARCHETYPES",
    "Archetype",
    "SymbolEntry",
    "archetype_name",
    "archetype_note",
    "find_symbols",
    "get_symbol",
    "is_negated",
    "load_dictionary",
]
