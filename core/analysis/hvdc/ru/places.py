"""Settings (HVdC scenes) of a Russian report: indoor/outdoor and how familiar the place is.

A place word from the list gives I, O or A; its familiarity comes from the words around it:
the dreamer's own («мой», «наш», «свой», «дома», «у бабушки») is F, «незнакомый», «чужой»,
«какой-то» is U, «странный», «непохожий» is D (distorted), a place name is G, else Q. A new
setting starts when the dream moves between indoors and outdoors or to a named other place.
"""

from __future__ import annotations

from itertools import pairwise

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import lexicon
from .negation import negated
from .nlp import RuDoc, Word

_OWN = frozenset({"мой", "наш", "свой", "родной", "знакомый", "родительский"})
_UNKNOWN = frozenset({"незнакомый", "чужой", "неизвестный", "какой-то", "некий", "незнакомая"})
_DISTORTED = frozenset({"странный", "непохожий", "необычный", "искаженный"})
_HOME_ADVERBS = frozenset({"дома", "домой"})
#: Forms of «дорогой» (dear, expensive) that pymorphy3 may read as «дорога» (road).
_ADJECTIVE_HOMONYMS = frozenset({"дорогой", "дорогую", "дорогие", "дорогих", "дороги"})
_BESIDE = frozenset({"перед", "возле", "около", "рядом", "вокруг", "напротив"})
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "у", "около", "возле", "по", "через", "из", "к"})
_MAX_SCENES = 2
_DEFAULT = "AQ"  # nothing says where: HVdC's ambiguous, unqualified setting
#: Sentence cues that the place is unknown («местность была незнакомая») or a familiar place
#: changed («совсем не такой, как на самом деле» — HVdC's distorted setting).
_UNKNOWN_PREDICATE = frozenset({"незнакомый", "чужой", "неизвестный", "незнакомое"})
_DISTORTION = (("не", "похожий"), ("не", "такой"), ("не", "узнавать"), ("не", "похож"))


def _at_ours(before: list[Word]) -> bool:
    """«у нас в общежитии», «у меня в комнате»: the dreamer's own place."""
    texts = [w.lower for w in before]
    return any(a == "у" and b in ("нас", "меня", "себя") for a, b in pairwise(texts))


def _sentence_cue(doc: RuDoc, i: int) -> str:
    """U or D from the sentence around the place, "" when it says neither."""
    sentence = doc.sentences[doc.sentence_of[i]]
    words = doc.words[sentence.first : sentence.last]
    pairs = set(pairwise(w.lemma for w in words))
    if any(pair in pairs for pair in _DISTORTION):
        return "D"
    if any(w.lemma in _UNKNOWN_PREDICATE and w.pos in ("ADJS", "ADJF") for w in words):
        return "U"
    return ""


def _familiarity(doc: RuDoc, cast: Cast, i: int) -> str:
    sentence = doc.sentences[doc.sentence_of[i]]
    before = doc.words[max(sentence.first, i - 3) : i]
    lemmas = {w.lemma for w in before}
    if lemmas & _UNKNOWN:
        return "U"
    if lemmas & _DISTORTED:
        return "D"
    if lemmas & _OWN or _at_ours(before):
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
        if w.geo and w.pos == "NOUN" and _after_preposition(doc, i):
            found.append((i, "OG"))
            continue
        if not _place_word(doc, i) or (w.case == "gent" and not _after_preposition(doc, i)):
            continue
        entry = lex.get(w.lemma)
        if entry is None or negated(doc, i) or _describes_a_person(doc, cast, i):
            continue
        inside, own = entry.code[0], entry.code[1:]
        if inside == "I" and _outside_of(doc, i):
            inside = "O"  # «перед домом», «возле школы»: by the building, not in it
        familiarity = _familiarity(doc, cast, i) or own or _sentence_cue(doc, i) or "Q"
        found.append((i, inside + familiarity))
    return _named_places_only_alone(doc, found)


def _named_places_only_alone(doc: RuDoc, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A place name is the setting only where no place word says more in its sentence
    («в Лондоне, в здании парламента» is the building, geographically placed)."""
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for item in found:
        by_sentence.setdefault(doc.sentence_of[item[0]], []).append(item)
    kept = []
    for items in by_sentence.values():
        plain = [it for it in items if it[1] != "OG"]
        if plain and len(plain) < len(items):
            plain = [(k, s[0] + "G" if s[1] == "Q" else s) for k, s in plain]
        kept.extend(plain or items)
    return sorted(kept)


def _place_word(doc: RuDoc, i: int) -> bool:
    """A noun, or an adjective standing for one («на лабораторной», «в столовой»)."""
    w = doc.words[i]
    if w.pos == "NOUN":
        return True
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    return w.pos == "ADJF" and (nxt is None or nxt.pos not in ("NOUN", "ADJF"))


def _describes_a_person(doc: RuDoc, cast: Cast, i: int) -> bool:
    """«подруга по колледжу», «соседка по комнате», «девушка из соседней комнаты», «дорогой
    мебелью»: the place word tells who someone is (or is an adjective), not where one is."""
    w = doc.words[i]
    if w.lower in _ADJECTIVE_HOMONYMS and i + 1 < len(doc.words) and doc.words[i + 1].pos == "NOUN":
        return True
    j = i - 1
    while j > 0 and doc.words[j].pos in ("ADJF", "PRTF"):
        j -= 1
    if j < 1 or doc.words[j].lower not in ("по", "из"):
        return False
    return cast.code_at(j - 1) is not None


def _outside_of(doc: RuDoc, i: int) -> bool:
    before = [w.lower for w in doc.words[max(0, i - 3) : i]]
    if any(b in _BESIDE for b in before):
        return True
    return bool(before) and before[-1] == "у" and doc.words[i].case == "gent"


def _after_preposition(doc: RuDoc, i: int) -> bool:
    return i > 0 and doc.words[i - 1].lower in _PLACE_PREPOSITIONS


def code_settings(doc: RuDoc, cast: Cast) -> list[Code]:
    """The dream's settings: the first place, then each move indoors↔outdoors told in a later
    sentence with a place preposition («вышла на улицу»); a place named in passing in the same
    sentence («у окна на кухне») is not a new scene."""
    codes: list[Code] = []
    current, where = "", -1
    for i, setting in _mentions(doc, cast):
        moved = doc.sentence_of[i] != where and _after_preposition(doc, i)
        if current and (setting[0] == current[0] or "A" in (setting[0], current[0]) or not moved):
            sharper = current[0] == "A" and setting[0] != "A"
            qualified = current[1] == "Q" and setting[1] != "Q" and setting[0] == current[0]
            if sharper or qualified:  # «по лестнице … в доме», «в комнате … в моей комнате»
                current = setting if not sharper or setting[1] != "Q" else setting[0] + current[1]
                codes[-1] = _make(doc, i, current)
            continue
        current, where = setting, doc.sentence_of[i]
        codes.append(_make(doc, i, setting))
        if len(codes) == _MAX_SCENES:
            break
    return codes or [Code("settings", _DEFAULT)]


def _make(doc: RuDoc, i: int, setting: str) -> Code:
    w = doc.words[i]
    return Code("settings", setting, (w.start, w.end), w.text)
