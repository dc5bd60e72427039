"""How familiar a Russian dream's place is: HVdC's F, D, G, U or Q for one setting.

The HVdC definitions, read in the order that settles conflicts: a place the report calls
strange or never seen is **unfamiliar** (U); a known place that looks different or turns into
another is **distorted** (D); a named city, region or country is **geographical** (G); the
dreamer's own places — home, her room, her school, church, job, a relative's or friend's house,
a place she lives or works in — are **familiar** (F); anything else is **questionable** (Q).
The English coder reads the same cues in English (``core/analysis/hvdc/scenes.py``); Russian
has no articles, so «на кухне» without a qualifier reads as "in the kitchen" (the dreamer's).
"""

from __future__ import annotations

from itertools import pairwise

from .cast import Cast
from .lexicon import lexicon
from .nlp import RuDoc, Word
from .whereabouts import aside

#: The dreamer's own, her family's, or her school's («университетский книжный магазин»).
_OWN = frozenset(
    {"мой", "наш", "свой", "родной", "знакомый", "родительский", "университетский",
     "институтский", "школьный", "студенческий"}
)  # fmt: skip
#: Possessive adjectives of kin («бабушкина деревня», «мамина квартира»).
_KIN_POSSESSIVES = frozenset(
    {"бабушкин", "дедушкин", "мамин", "папин", "тетин", "дядин", "сестрин", "маменькин"}
)  # fmt: skip
#: Words that make a named city the dreamer's home town («сюда, в Кливленд», «домой»).
_HOME_TOWN = frozenset({"сюда", "домой", "дома", "здесь"})
_OURS = frozenset({"себя", "нас", "меня"})
_FEATURES = frozenset(
    {"океан", "море", "озеро", "река", "гора", "горы", "залив", "остров", "пустыня"}
)
_UNKNOWN = frozenset({"незнакомый", "чужой", "неизвестный", "таинственный", "незнакомая"})
_DISTORTED = frozenset({"странный", "непохожий", "необычный", "искаженный"})
#: Verbs of a place changing into another («комната превратилась в бар»).
_CHANGES = frozenset({"превратиться", "превращаться", "измениться", "изменяться"})
_SOME = frozenset({"какой-то", "некий", "какой-нибудь"})
_INDEFINITE = frozenset({"какой-то", "некий", "какой-нибудь", "один", "другой", "чей-то"})
#: How far before the place's sentence (in words) a «незнакомый город» still colours it.
_LOOK_BACK = 30
_LOOK_AHEAD = 25
_UNKNOWN_CUES = (
    "никогда не видела", "никогда не видел", "никогда не была", "никогда не был",
    "никогда раньше не", "не знаю где", "не знала где", "не знал где", "не понимала где",
    "не понимал где", "понятия не имею где", "не узнавала", "не узнавал", "не узнала места",
    "незнакомое место", "незнакомом месте", "какое-то место", "каком-то месте", "заблудил",
)  # fmt: skip
_DISTORTED_CUES = (
    "не похож", "непохож", "не такой", "не такая", "не такое", "не такие", "уже не ",
    "по-другому", "совсем друг", "выглядел иначе",
    "выглядела иначе", "выглядело иначе",
)  # fmt: skip
_FAMILIAR_CUES = (
    "где я живу", "где мы живем", "где я жила", "где я жил", "где мы жили", "где я работаю",
    "где я работала", "где я работал", "где я учусь", "где я училась", "где я учился",
    "где я преподаю", "где когда-то", "где раньше", "где она живет", "где он живет",
    "где живет", "где жила", "где жил", "где она работает", "где он работает",
    "где она проходила", "в котором я", "в которой я", "я там работала", "я там жила",
    "мы там жили", "когда-то жила", "когда-то жил", "раньше жила", "раньше жил", "раньше жили",
    "как всегда", "как обычно", "у нас дома", "у меня дома", "у себя дома", "я жила в ",
    "я живу в ", "мы жили в ", "мы живем в ", "я жил в ", "я снова в ", "я опять в ",
    "я снова на ", "я опять на ", "мы снова в ", "мы опять в ", "опять работаю в ",
    "снова работаю в ",
)  # fmt: skip
#: Words that put the whole scene in the dreamer's own world («дома», «в общежитии»).
_FAMILIAR_ANYWHERE = frozenset({"дома", "домой", "общежитие", "общага", "кампус"})
#: «в церкви», «на уроке», «в колледже»: the dreamer's own institutions, as English "in church".
_INSTITUTIONS = frozenset(
    {"церковь", "школа", "урок", "класс", "колледж", "университет", "универ", "институт", "работа",
     "лагерь", "часовня", "храм", "синагога", "офис", "кровать", "постель", "занятие", "лекция",
     "лабораторная", "аудитория"}
)  # fmt: skip
#: «на кухне», «в спальне», «наверху»: rooms of the dreamer's own home (English "the kitchen").
_HOME_ROOMS = frozenset(
    {"кухня", "спальня", "ванная", "гостиная", "подвал", "чердак", "прихожая", "крыльцо",
     "двор", "веранда", "коридор", "детская", "наверху", "внизу", "наверх", "вниз", "сад",
     "огород", "квартира"}
)  # fmt: skip
_VEHICLES = frozenset(
    {"машина", "автомобиль", "автобус", "поезд", "вагон", "трамвай", "самолет", "лодка",
     "корабль", "такси", "велосипед", "метро", "грузовик"}
)  # fmt: skip
_PREPOSITIONS = frozenset({"в", "во", "на", "у", "по", "из", "к", "ко", "через", "около", "возле"})
_PERSON_OBJECTS = frozenset(
    {"одного", "одну", "его", "её", "ее", "их", "которого", "которую", "которых", "кого", "него",
     "неё", "нее", "них"}
)  # fmt: skip


def _text(words: list[Word]) -> str:
    """Lower-cased words without punctuation, space-joined, for cue phrases."""
    return " " + " ".join(w.lower for w in words if any(c.isalpha() for c in w.lower)) + " "


def _at_ours(before: list[Word]) -> bool:
    """«у нас в общежитии», «у меня в комнате», «к себе в комнату»: someone's own place."""
    texts = [w.lower for w in before]
    return any(
        (a == "у" and b in ("нас", "меня", "себя")) or (a == "к" and b in ("себе", "нам", "мне"))
        for a, b in pairwise(texts)
    )


def _window(doc: RuDoc, i: int, scene: tuple[int, int], back: int) -> list[Word]:
    sentence = doc.sentences[doc.sentence_of[i]]
    first = max(scene[0], sentence.first - back)
    return doc.words[first : min(scene[1], sentence.last + _LOOK_AHEAD)]


def _unfamiliar(doc: RuDoc, i: int, scene: tuple[int, int]) -> bool:
    """«незнакомый город … я вошла в больницу»: a scene called strange is unfamiliar, and so
    is «в каком-то офисе» (English "some place")."""
    sentence = doc.sentences[doc.sentence_of[i]]
    if any(w.lemma in _SOME for w in doc.words[max(sentence.first, i - 3) : i]):
        return True
    window = _window(doc, i, scene, _LOOK_BACK)
    start = doc.words.index(window[0]) if window else 0
    for k, w in enumerate(window):
        if w.lemma in _UNKNOWN and w.pos in ("ADJF", "ADJS", "ADVB"):
            nxt = doc.words[start + k + 1] if start + k + 1 < len(doc.words) else None
            if nxt is None or not nxt.animate:  # «незнакомый мужчина» is a stranger, not a place
                return True
    return _place_cue(window)


def _place_cue(window: list[Word]) -> bool:
    """A cue of a strange place, unless it is said of a person («одного я никогда раньше не
    видела» is a stranger, not a strange street)."""
    words = [w for w in window if any(c.isalpha() for c in w.lower)]
    for k in range(len(words)):
        text = _text(words[k : k + 6])
        if not any(text.startswith(f" {cue}") for cue in _UNKNOWN_CUES):
            continue
        before = words[max(0, k - 2) : k]
        if not any(w.lower in _PERSON_OBJECTS or (w.animate and w.pos == "NOUN") for w in before):
            return True
    return False


def _distorted(doc: RuDoc, cast: Cast, i: int, scene: tuple[int, int]) -> bool:
    """«совсем не похож на настоящий», «комната превратилась в бар»: a place changed (not
    a person: «отец превратился в моего парня» changes no place)."""
    window = _window(doc, i, scene, 1)
    if any(w.lemma in _DISTORTED for w in doc.words[max(scene[0], i - 3) : i]):
        return True
    if any(cue in _text(window) for cue in _DISTORTED_CUES):
        return True
    start = doc.words.index(window[0]) if window else 0
    return any(
        w.lemma in _CHANGES and not _person_changed(doc, cast, start + k)
        for k, w in enumerate(window)
    )


def _person_changed(doc: RuDoc, cast: Cast, verb: int) -> bool:
    """The changing verb's subject, just before it in its clause, is a character."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    for j in range(verb - 1, max(sentence.first, verb - 5) - 1, -1):
        w = doc.words[j]
        if not w.text.isalpha():
            return False
        if cast.code_at(j) is not None or (w.animate and w.case == "nomn"):
            return True
    return False


def _but_changed(doc: RuDoc, i: int) -> bool:
    """«я на улице в Юклиде, где я живу, только эта улица была в Бене», «дома, только дом
    стоял в глуши»: the dreamer's own place told with an "only" that changes it (D)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    places = lexicon("places")
    for j in range(sentence.first + 1, sentence.last - 1):
        if doc.words[j - 1].text == "," and doc.words[j].lower == "только":
            after = doc.words[j + 1 : min(sentence.last, j + 4)]
            if any(w.pos == "NOUN" and places.get(w.lemma) for w in after):
                return True
    return False


def _geographical(doc: RuDoc, i: int, scene: tuple[int, int]) -> str:
    """G for a named city, region or country in the place's sentence or in the scene's first
    sentence («в Лондоне», «в водах Арктики»); F when the dream shows it is the dreamer's home
    town («сюда, в Кливленд», «в центре Кливленда … поехали домой»): HVdC's familiar."""
    spans = [doc.sentences[doc.sentence_of[i]], doc.sentences[doc.sentence_of[scene[0]]]]
    for sentence in spans:
        for j in range(max(scene[0], sentence.first + 1), min(scene[1], sentence.last)):
            before = doc.words[j - 1]
            named = before.lower in _PREPOSITIONS or before.pos == "NOUN"
            if ((doc.words[j].geo and named) or _named_feature(doc, j)) and not aside(doc, j):
                return "F" if any(w.lower in _HOME_TOWN for w in doc.words) else "G"
    return ""


def _named_feature(doc: RuDoc, j: int) -> bool:
    """«над Тихим океаном», «в Чёрном море»: a sea, lake or mountain named by a capitalised
    adjective is a geographical place."""
    w, before = doc.words[j], doc.words[j - 1]
    first = doc.sentences[doc.sentence_of[j - 1]].first == j - 1
    return w.lemma in _FEATURES and before.pos == "ADJF" and before.text[:1].isupper() and not first


def _own_near(doc: RuDoc, cast: Cast, i: int) -> bool:
    """«моя комната», «у нас в общежитии», «дом бабушки», «у подруги»."""
    sentence = doc.sentences[doc.sentence_of[i]]
    before = doc.words[max(sentence.first, i - 3) : i]
    if {w.lemma for w in before} & _OWN or _at_ours(before):
        return True
    if any(w.lemma in _KIN_POSSESSIVES for w in before):
        return True  # «бабушкина деревня», «мамин дом»: a relative's place
    after = doc.words[i + 1 : min(sentence.last, i + 3)]
    for k, w in enumerate(after):
        if w.pos == "PREP" or not w.text.isalpha():
            break  # «по шоссе в моей машине»: the «моей» is the car's, not the road's
        if w.case == "gent" and (cast.code_at(i + 1 + k) is not None or w.lemma in _OWN):
            return True  # «дом бабушки», «курилка нашего общежития»
    return bool(before) and before[-1].lower == "у" and cast.code_at(i) is not None


def _home_word(doc: RuDoc, i: int) -> bool:
    """«дома», «домой», «общежитие»: the scene is in the dreamer's own world («из дома» is
    the noun, not the adverb, but still her house; «у него дома» is someone else's)."""
    w = doc.words[i]
    if i > 1 and doc.words[i - 2].lower == "у" and doc.words[i - 1].lower not in _OURS:
        return False
    if not (w.lower in _FAMILIAR_ANYWHERE or w.lemma in _FAMILIAR_ANYWHERE):
        return False
    return not _whose_people(doc, i)


def _whose_people(doc: RuDoc, i: int) -> bool:
    """«подруги из общежития», «девушку из нашего общежития»: the place tells who someone is,
    not where the scene is."""
    j = i - 1
    while j > 0 and doc.words[j].pos in ("ADJF", "PRTF"):
        j -= 1
    return j > 0 and doc.words[j].lower == "из" and doc.words[j - 1].animate


def _indefinite(doc: RuDoc, i: int) -> bool:
    sentence = doc.sentences[doc.sentence_of[i]]
    return any(w.lemma in _INDEFINITE for w in doc.words[max(sentence.first, i - 3) : i])


def _bare(doc: RuDoc, i: int) -> bool:
    """The place word follows its preposition directly («на кухне»), with no qualifier."""
    return i > 0 and doc.words[i - 1].lower in _PREPOSITIONS


def _local_name(doc: RuDoc, cast: Cast, scene: tuple[int, int]) -> bool:
    """A named street, hall or shop that is no city («по Сидар-роуд», «в аптеке Уэйда»,
    «кафетерий «Харви»»): a place of the dreamer's own town."""
    for j in range(scene[0] + 1, scene[1]):
        w = doc.words[j]
        named = w.text[:1].isupper() and not w.geo and cast.code_at(j) is None
        if named and w.lemma not in ("я", "мы") and _names_a_place(doc, j):
            return True
    return False


def _names_a_place(doc: RuDoc, j: int) -> bool:
    """«по Сидар-роуд», «в «Квинн-Маас»», «кафетерий «Харви»»; not a quoted speech
    («сказала: «Пошли»»)."""
    before = doc.words[j - 1].lower
    if before == "по":
        return True
    if before != "«" or j < 2 or doc.words[j - 2].text == ":" or doc.words[j].pos != "NOUN":
        return False
    return any(w.text == "»" for w in doc.words[j + 1 : j + 4])  # a short name, not speech


#: Words that may stand between a place and the «знакомую» that describes it.
_BETWEEN = frozenset({",", "очень", "совсем", "вполне", "такой", "до", "боли", "—"})


def _called_known(doc: RuDoc, i: int) -> bool:
    """«перешла в другую, очень знакомую»: the place's own description calls it familiar,
    which outweighs a strange scene before it (HVdC F)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    j = i + 1
    while j < sentence.last and doc.words[j].lower in _BETWEEN:
        j += 1
    if j >= sentence.last or j == i + 1:
        return False
    w = doc.words[j]
    nxt = doc.words[j + 1] if j + 1 < sentence.last else None
    return w.lemma in ("знакомый", "родной") and not (nxt is not None and nxt.pos == "NOUN")


def familiarity(doc: RuDoc, cast: Cast, i: int, listed: str, scene: tuple[int, int]) -> str:
    """F, D, G, U or Q for the place word at ``i`` inside the scene ``[first, last)``;
    ``listed`` is the familiarity the place list gives the word itself (дача → F)."""
    if _called_known(doc, i):
        return "F"
    if _unfamiliar(doc, i, scene):
        return "U"
    if _distorted(doc, cast, i, scene):
        return "D"
    own = _geographical(doc, i, scene) or _known(doc, cast, i, listed, scene)
    return "D" if own == "F" and _but_changed(doc, i) else own


#: «у него дома», «у неё в квартире»: whose place, and the gender the pronoun points to.
_AT_WHOSE = {"него": "masc", "неё": "femn", "нее": "femn", "них": "plur"}
#: «в его доме»: a possessive pronoun right before the place.
_WHOSE = {"его": "masc", "её": "femn", "ее": "femn", "их": "plur"}
#: Identities of people the dreamer does not know (HVdC strangers, uncertain, occupational,
#: ethnic): their home is a place she does not know either.
_STRANGERS = frozenset("SUOE")


def _owner_pronoun(doc: RuDoc, i: int) -> tuple[int, str] | None:
    """(word, gender) of «у него» just before the place, or «его» right before it after a
    preposition («в его доме»; not «навестить его в роддом», where «его» is the object)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(max(sentence.first + 1, i - 2), i):
        if doc.words[j - 1].lower == "у" and doc.words[j].lower in _AT_WHOSE:
            return j, _AT_WHOSE[doc.words[j].lower]
    before = doc.words[i - 1].lower if i > sentence.first else ""
    if before in _WHOSE and i - 2 >= sentence.first and doc.words[i - 2].pos == "PREP":
        return i - 1, _WHOSE[before]
    return None


def _strangers_place(doc: RuDoc, cast: Cast, i: int) -> bool:
    """«у него дома» (a masked man's), «в доме незнакомца»: the place belongs to someone the
    dreamer does not know, so it is unfamiliar (HVdC U), as the English coder's "his home"."""
    pronoun = _owner_pronoun(doc, i)
    if pronoun is not None:
        owner = cast.last_before(*pronoun)
        return owner is not None and owner[2] in _STRANGERS
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i + 1, min(sentence.last, i + 3)):
        owner = cast.code_at(j)
        if owner is not None and doc.words[j].case == "gent":
            return owner[2] in _STRANGERS
    return False


#: Buildings whose rooms a later «на кухне», «в подвале» are.
_HOUSES = frozenset({"дом", "домик", "квартира", "особняк", "коттедж", "здание", "гостиница"})


def _rooms_of(doc: RuDoc, cast: Cast, i: int, scene: tuple[int, int]) -> str:
    """«на кухне», «в подвале»: the dreamer's own home's rooms (F), unless the dream has put
    her in a house that is not hers («Я была в доме. Это был красивый большой дом … Я пошла на
    кухню»): then they are that house's rooms, as familiar as it is."""
    for j in range(i - 1, -1, -1):
        w = doc.words[j]
        if w.lemma in _HOUSES and w.pos == "NOUN" and _bare(doc, j):
            return _known(doc, cast, j, "", (0, len(doc.words)))
    return "F"


def _known(doc: RuDoc, cast: Cast, i: int, listed: str, scene: tuple[int, int]) -> str:
    """F when the place is the dreamer's own world, else Q (HVdC's questionable)."""
    w = doc.words[i]
    if _strangers_place(doc, cast, i):
        return "U"
    vehicle = w.lemma in _VEHICLES
    indefinite = _indefinite(doc, i)
    if not vehicle and ((listed == "F" and not indefinite) or _own_near(doc, cast, i)):
        return "F"
    sentence = doc.sentences[doc.sentence_of[i]]
    nearby = _text(doc.words[max(scene[0], sentence.first) : min(scene[1], sentence.last + 8)])
    if any(cue in nearby for cue in _FAMILIAR_CUES):
        return "F"
    if w.lemma in _HOME_ROOMS and (_bare(doc, i) or w.pos == "ADVB"):
        return _rooms_of(doc, cast, i, scene)
    words = doc.words[scene[0] : scene[1]]
    if not indefinite and not vehicle:
        if any(_home_word(doc, scene[0] + k) for k in range(len(words))):
            return "F"
        if _local_name(doc, cast, scene):
            return "F"
    if w.lemma in _INSTITUTIONS and _bare(doc, i):
        return "F"
    return "Q"
