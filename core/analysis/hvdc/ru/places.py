"""Settings (HVdC scenes) of a Russian report: indoor/outdoor and how familiar the place is.

A place word from the list gives I, O or A; its familiarity comes from the words around it:
the dreamer's own («мой», «наш», «свой», «дома», «у бабушки») is F, «незнакомый», «чужой»,
«какой-то» is U, «странный», «непохожий» is D (distorted), a place name is G, else Q. A new
setting starts when the dream moves between indoors and outdoors or to a named other place.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import lexicon
from .negation import negated
from .nlp import RuDoc

_OWN = frozenset({"мой", "наш", "свой", "родной", "знакомый", "родительский"})
_UNKNOWN = frozenset({"незнакомый", "чужой", "неизвестный", "какой-то", "некий", "незнакомая"})
_DISTORTED = frozenset({"странный", "непохожий", "необычный", "искаженный"})
_HOME_ADVERBS = frozenset({"дома", "домой"})
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "у", "около", "возле", "по", "через", "из", "к"})
_DEFAULT = "IQ"  # nothing says where: indoors and unqualified is the commonest scene


def _familiarity(doc: RuDoc, cast: Cast, i: int) -> str:
    sentence = doc.sentences[doc.sentence_of[i]]
    before = doc.words[max(sentence.first, i - 3) : i]
    lemmas = {w.lemma for w in before}
    if lemmas & _UNKNOWN:
        return "U"
    if lemmas & _DISTORTED:
        return "D"
    if lemmas & _OWN:
        return "F"
    after = doc.words[i + 1 : min(sentence.last, i + 3)]
    if any(w.geo for w in after) or any(w.geo for w in before):
        return "G"
    if any(cast.code_at(i + 1 + k) is not None and w.case == "gent" for k, w in enumerate(after)):
        return "F"  # «дом бабушки», «квартира подруги»
    if before and before[-1].lower == "у" and cast.code_at(i) is not None:
        return "F"
    return ""


def _mentions(doc: RuDoc, cast: Cast) -> list[tuple[int, str]]:
    """(word, setting) for each place the dreamer is in, in text order."""
    lex = lexicon("places")
    found: list[tuple[int, str]] = []
    for i, w in enumerate(doc.words):
        if w.lower in _HOME_ADVERBS:
            found.append((i, "IF"))
            continue
        if w.geo and w.pos == "NOUN":
            found.append((i, "OG"))
            continue
        if w.pos != "NOUN" or (w.case == "gent" and not _after_preposition(doc, i)):
            continue
        entry = lex.get(w.lemma)
        if entry is None or negated(doc, i):
            continue
        inside, own = entry.code[0], entry.code[1:]
        familiarity = _familiarity(doc, cast, i) or own or "Q"
        found.append((i, inside + familiarity))
    return found


def _after_preposition(doc: RuDoc, i: int) -> bool:
    return i > 0 and doc.words[i - 1].lower in _PLACE_PREPOSITIONS


def code_settings(doc: RuDoc, cast: Cast) -> list[Code]:
    """The dream's settings: the first place, then each move indoors↔outdoors or elsewhere."""
    codes: list[Code] = []
    current = ""
    for i, setting in _mentions(doc, cast):
        if current and (setting[0] == current[0] or "A" in (setting[0], current[0])):
            sharper = current[0] == "A" and setting[0] != "A"
            qualified = current[1] == "Q" and setting[1] != "Q" and setting[0] == current[0]
            if sharper or qualified:  # «по лестнице … в доме», «в комнате … в моей комнате»
                current = setting if not sharper or setting[1] != "Q" else setting[0] + current[1]
                codes[-1] = _make(doc, i, current)
            continue
        current = setting
        codes.append(_make(doc, i, setting))
        if len(codes) == 3:
            break
    return codes or [Code("settings", _DEFAULT)]


def _make(doc: RuDoc, i: int, setting: str) -> Code:
    w = doc.words[i]
    return Code("settings", setting, (w.start, w.end), w.text)
