"""Where the dreamer is: the place words of a Russian report that name a place she is at.

A place word from the list gives I, O or A and, when the word itself says so, its familiarity
(дача → OF, a named city → OG). Places only mentioned — where someone else works, what a person
is from, a likeness («как в кино») — are left out; a move («вышла на улицу») is told apart from
a place left behind. ``places`` turns these mentions into one setting per scene.
"""

from __future__ import annotations

from itertools import pairwise

from .cast import Cast
from .ellipsis import elided_place
from .lexicon import Entry, lexicon
from .moves import (
    CARRIES,
    CLAUSE_END,
    EXITS,
    WE,
    dreamer_moves,
    exit_is_dreamers,
    is_move,
    someone_elses_move,
)
from .negation import negated
from .nlp import RuDoc, morph_analyzer
from .waking import dream_start, waking

_HOME_ADVERBS = frozenset({"дома", "домой"})
#: Forms of «дорогой» (dear, expensive) that pymorphy3 may read as «дорога» (road).
_ADJECTIVE_HOMONYMS = frozenset({"дорогой", "дорогую", "дорогие", "дорогих", "дороги"})
_BESIDE = frozenset({"перед", "возле", "около", "рядом", "вокруг", "напротив"})
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "у", "около", "возле", "по", "через", "из", "к"})
#: «вышла из здания»: the place left behind is not where the next scene is.
#: Where one only meant to go, or came too late for («опаздываю на поезд»).
_MEANT = frozenset({"собираться", "собраться", "опоздать", "опаздывать"})
_HABITS = frozenset({"учиться", "работать", "преподавать", "служить"})
#: Parts of a building: leaving one («вышла из комнаты») is no step outdoors.
_ROOMS = frozenset(
    {"комната", "спальня", "кухня", "ванная", "туалет", "уборная", "класс", "аудитория",
     "кабинет", "зал", "гостиная", "коридор", "номер", "палата", "лифт", "раздевалка"}
)  # fmt: skip
_OURS = frozenset({"себя", "нас", "меня"})
_IT = {"него": ("masc", "neut"), "неё": ("femn",), "нее": ("femn",)}
_LEAVING = frozenset({"из", "от", "изо"})
#: Other prepositions of place (a place word needs one to be where someone is).
_AROUND = frozenset(
    {
        "за",
        "под",
        "над",
        "перед",
        "вдоль",
        "среди",
        "от",
        "до",
        "ко",
        "изо",
        "вокруг",
        "рядом",
        "с",
        "со",
    }
)
_QUALIFIERS = frozenset({"ADJF", "PRTF", "NUMR", "ADVB", "NPRO"})
#: Verbs whose object place is only looked for or looked at («искала дом», «увидела сад»).
_SEEKING = frozenset(
    {"искать", "найти", "находить", "отыскать", "разыскивать", "видеть", "увидеть", "заметить",
     "рассматривать", "разглядывать", "осматривать", "осмотреть", "показать", "показывать",
     "вспомнить", "помнить", "представить", "представлять", "строить", "построить", "купить"}
)  # fmt: skip
_LOOKING = frozenset(
    {"смотреть", "посмотреть", "глядеть", "поглядеть", "выглянуть", "выглядывать", "взглянуть"}
)
#: Parts of a place: the genitive after them is the place («в конце улицы», «на краю леса»).
_PARTS = frozenset(
    {"конец", "край", "середина", "центр", "окраина", "часть", "глубина", "сторона", "угол",
     "берег", "сиденье", "сидение", "дно", "территория", "вершина", "склон", "подножие", "пол", "порог"}
)  # fmt: skip
#: Regions and events: where the dream is only roughly (HVdC codes the definite place in them).
_BROAD = frozenset(
    {"город", "городок", "деревня", "село", "поселок", "страна", "район", "местность",
     "окрестность", "штат", "центр"}
)  # fmt: skip
_EVENTS = frozenset(
    {"урок", "лекция", "занятие", "собрание", "вечеринка", "праздник", "свадьба", "концерт",
     "бал", "спектакль", "пикник", "банкет", "конференция", "митинг", "выставка", "кино"}
)  # fmt: skip
#: A place only gone towards or come from («пошла к дому», «дошла до озера», «от реки»).
_TOWARD = frozenset({"к", "ко", "до", "из", "изо", "от"})
_STREET_SUFFIXES = ("авеню", "роуд", "стрит", "-бульвар", "-драйв", "-лейн")


def mentions(doc: RuDoc, cast: Cast) -> list[tuple[int, str]]:
    """(word, kind) for each place the dreamer is in, in text order: kind is I, O or A and,
    when the word itself says so, its familiarity (дача → OF, a named city → OG)."""
    lex = lexicon("places")
    found: list[tuple[int, str]] = []
    dream = dream_start(doc)
    for i, w in enumerate(doc.words):
        if i < dream or waking(doc, i):
            continue  # «У нас в университете есть парень… Мне снилось, что…»: waking life
        if w.lower in _HOME_ADVERBS and not _after_preposition(doc, i):  # not «из дома»
            if _dreamer_there(doc, i):
                found.append((i, "I" if _someone_elses(doc, i) else "IF"))
            continue
        place = elided_place(doc, i, found) or _street_corner(doc, i)
        if place:  # «перешла в другую», «повернула за угол»
            found.append((i, place))
            continue
        if w.lower in _IT and _after_preposition(doc, i):
            place = _pronoun_place(doc, i, found)  # «стоял дом. Мы вбежали в него»
            if place:
                found.append((i, place))
            continue
        if w.lemma.endswith(_STREET_SUFFIXES) and w.text[:1].isupper():
            found.append((i, "OF"))  # «по Энтисдейл-авеню»: a street of the dreamer's town
            continue
        if w.geo and w.pos == "NOUN" and (_after_preposition(doc, i) or _of_a_part(doc, i)):
            if not aside(doc, i):  # «он работает в «Маршалл Филд» в Чикаго»
                found.append((i, "AG"))
            continue
        if not _place_word(doc, i) or (w.case == "gent" and not _gent_at(doc, i)):
            continue
        if _sought(doc, i):
            continue
        if _simile(doc, i) or _any_such(doc, i):
            continue  # «цветной, как в кино», «будто на сцене»: a likeness, not a place
        if w.case == "ablt" and _governing_preposition(doc, i) in ("с", "со"):
            continue  # «с мостом во рту», «с домом»: something had, not a place
        entry = lex.get(w.lemma) or _other_reading(doc, i)
        if entry is None or _denied(doc, i) or _describes_a_person(doc, cast, i):
            continue
        if aside(doc, i) or someone_elses_move(doc, i, cast.dreamer_sex):
            continue
        inside, own = entry.code[0], entry.code[1:]
        qualifier = doc.words[i - 1].lemma if i > 0 else ""
        # «крытый бассейн», «в торговом центре»
        inside = {"крытый": "I", "открытый": "O", "торговый": "I"}.get(qualifier, inside)
        if inside == "I" and (_outside_of(doc, i) or (_left(doc, i) and w.lemma not in _ROOMS)):
            inside = "O"  # «перед домом», «вышла из дома»: by the building, not in it
        found.append((i, inside + own))
    return _strong_places_only_alone(doc, found)


def _street_corner(doc: RuDoc, i: int) -> str:
    """«повернула за угол», «ждала на углу»: a street corner, outdoors (the English list's
    corner); «в углу» is the corner of a room, and «в углу комнаты» the room."""
    w = doc.words[i]
    at = i > 0 and doc.words[i - 1].lower in ("за", "на")
    return "O" if w.lemma == "угол" and w.pos == "NOUN" and at else ""


#: «у каждой аудитории», «в любом магазине»: every such place, none in particular.
_EVERY = frozenset({"каждый", "любой", "всякий"})


def _any_such(doc: RuDoc, i: int) -> bool:
    """A place said of every one of its kind («ждёт меня у каждой аудитории») is no one place
    the dreamer is at: HVdC codes a setting where she is."""
    sentence = doc.sentences[doc.sentence_of[i]]
    return any(w.lemma in _EVERY for w in doc.words[max(sentence.first, i - 2) : i])


def _pronoun_place(doc: RuDoc, i: int, found: list[tuple[int, str]]) -> str:
    """The kind of the place a pronoun after a preposition stands for: the last place named
    in this or the last sentence, of the pronoun's gender («стоял дом. Мы вбежали в него»)."""
    if not found or doc.words[i - 1].lower not in ("в", "во", "на"):
        return ""
    j, kind = found[-1]
    if (
        doc.sentence_of[i] - doc.sentence_of[j] > 1
        or doc.words[j].gender not in _IT[doc.words[i].lower]
    ):
        return ""
    return kind[0]


def _strong_places_only_alone(doc: RuDoc, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A weak place is the setting only where no definite place word says more in its
    sentence («в Лондоне, в здании парламента» is the building, geographically placed; «шла
    домой по дороге» is on the road)."""
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for item in found:
        by_sentence.setdefault(doc.sentence_of[item[0]], []).append(item)
    kept = []
    for items in by_sentence.values():
        plain = [it for it in items if not weak(doc, *it)]
        kept.extend(plain or items)
    return sorted(kept)


def weak(doc: RuDoc, i: int, kind: str) -> bool:
    """A place that says little of where the dreamer is, as the English coder's weak places:
    a named city or a town («в Чикаго», «в городе»), an event («на уроке», «на вечеринке»),
    home («дома», «домой»), or a place only gone towards or come from («к сараю», «от
    озера»); a definite place near it tells the setting instead."""
    w = doc.words[i]
    if kind == "AG" or w.lower in _HOME_ADVERBS or w.lemma in _BROAD | _EVENTS:
        return True
    return toward(doc, i)


def toward(doc: RuDoc, i: int) -> bool:
    """«побежала к дому», «дошла до озера», «отошла от машины»: the dreamer is not in it."""
    return _governing_preposition(doc, i) in _TOWARD and not _left(doc, i)


def _other_reading(doc: RuDoc, i: int) -> Entry | None:
    """A place under a less likely reading after a preposition of place: pymorphy3 reads
    «в парке» as «парка» (a parka) first."""
    if not _after_preposition(doc, i):
        return None
    lex = lexicon("places")
    for parse in morph_analyzer().parse(doc.words[i].lower)[1:4]:
        entry = lex.get(parse.normal_form.replace("ё", "е"))
        if entry is not None:
            return entry
    return None


def _denied(doc: RuDoc, i: int) -> bool:
    """«не в школе», «без дома»; «бросили в чулан» throws the dreamer there (the «бросить» of
    «бросила курить» stops a state, not a place)."""
    near = doc.words[max(0, i - 3) : i]
    return negated(doc, i) and not any(w.lemma in CARRIES for w in near)


def _of_a_part(doc: RuDoc, i: int) -> bool:
    """«в конце улицы», «на переднем сиденье машины», «в центре Питтсбурга»: a genitive place
    after the part of it the dreamer is at."""
    j = i - 1
    while j > 0 and doc.words[j].pos in ("ADJF", "PRTF"):
        j -= 1
    return j > 0 and doc.words[j].lemma in _PARTS and _governing_preposition(doc, j) is not None


def _gent_at(doc: RuDoc, i: int) -> bool:
    """A genitive place is one the dreamer is at only after a preposition («у дома», «из
    школы») or a part of it («в конце улицы»)."""
    return _after_preposition(doc, i) or _of_a_part(doc, i)


def _sought(doc: RuDoc, i: int) -> bool:
    """«ищу гостиницу», «увидела дом»: a place looked for or seen, the object of its verb, is
    not where the dreamer is (the English coder's "saw the street" rule)."""
    if doc.words[i].case != "accs":
        return False
    if _governing_preposition(doc, i) in ("в", "во", "на"):
        # «смотрела в окно на улицу», «выглянула на улицу»: looked at, not gone to
        near = doc.words[max(0, i - 4) : i]
        return any(w.lemma in _LOOKING for w in near)
    if _governing_preposition(doc, i) is not None:
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i - 1, max(sentence.first, i - 4) - 1, -1):
        if doc.words[j].pos in ("VERB", "INFN", "GRND"):
            return doc.words[j].lemma in _SEEKING
    return False


def _place_word(doc: RuDoc, i: int) -> bool:
    """A noun, or an adjective standing for one («на лабораторной», «в столовой»)."""
    w = doc.words[i]
    if w.pos == "NOUN":
        return True
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    return w.pos == "ADJF" and (nxt is None or nxt.pos not in ("NOUN", "ADJF"))


def aside(doc: RuDoc, i: int) -> bool:
    """«он учится у нас в университете», «мы собирались в кино»: where someone else studies
    or works now, or where one only meant to go, is not where the dream is (where a friend
    lives may well be: «в гостях у подруги, которая живёт за городом»)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    j = i - 1
    while j >= sentence.first and doc.words[j].lower not in CLAUSE_END:
        w = doc.words[j]
        if w.lemma in _HABITS and w.person == "3per" and w.tense == "pres":
            return True
        if w.lemma in _MEANT and doc.words[j + 1].lower in ("в", "на"):
            return True  # «собирались в кино», «опоздала на поезд»: not there
        j -= 1
    return False


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


def _governing_preposition(doc: RuDoc, i: int) -> str | None:
    """The preposition that puts someone at the place word («в большом доме», «на кухне»),
    looking back over its adjectives; None when the word is not a place someone is at
    («с мостом во рту», «дом был большой»)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    j = i - 1
    while j >= max(sentence.first, i - 4) and doc.words[j].pos in _QUALIFIERS:
        j -= 1
    if j < sentence.first:
        return None
    if doc.words[i].case == "gent" and doc.words[j].lemma in _PARTS:
        return _governing_preposition(doc, j)  # «в конце улицы»: the part's preposition
    word = doc.words[j].lower
    return word if word in _PLACE_PREPOSITIONS | _AROUND else None


def _simile(doc: RuDoc, i: int) -> bool:
    """«цветной, как в кино», «прозрачная, как в бассейне»: the place ends a comparison (in
    «смотрела, как в реке плыли» a clause goes on after it)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    before = [w.lower for w in doc.words[max(sentence.first, i - 3) : i]]
    if not any(b in ("как", "будто", "словно", "точно") for b in before[-2:]):
        return False
    if i + 1 < sentence.last and doc.words[i + 1].text.isalpha():
        return False
    # «стояла в воде, как в озере»: a likeness of where the dreamer is still tells the setting
    clause = doc.words[max(sentence.first, i - 8) : i - 2]
    return not any(a.pos == "PREP" and b.pos == "NOUN" for a, b in pairwise(clause))


def _left(doc: RuDoc, i: int) -> bool:
    """«вышла из дома», «выбежала из школы»: the dreamer is now outside the building."""
    sentence = doc.sentences[doc.sentence_of[i]]
    if _governing_preposition(doc, i) not in _LEAVING:
        return False
    return any(w.lemma in EXITS for w in doc.words[max(sentence.first, i - 5) : i])


def _after_preposition(doc: RuDoc, i: int) -> bool:
    return i > 0 and doc.words[i - 1].lower in _PLACE_PREPOSITIONS


def moved(doc: RuDoc, i: int, sex: str = "") -> bool:
    """«вышла на улицу», «мы были в доме»: the dreamer goes to, or is said to be at, the place
    (not a place left behind, «вышла из комнаты»)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    if i > 0 and doc.words[i - 1].lower in _LEAVING:
        # «я вышла из здания»: the dreamer is now outside it (a room left is still indoors)
        return _left(doc, i) and doc.words[i].lemma not in _ROOMS and exit_is_dreamers(doc, i, sex)
    before = doc.words[max(sentence.first, i - 8) : i]
    for k in range(len(before) - 1, -1, -1):
        # «вышла на улицу», not «ей надо было пойти в библиотеку»
        if is_move(doc, i - len(before) + k):
            return dreamer_moves(doc, i - len(before) + k, sex)
        if before[k].lemma in CARRIES:  # «меня бросили в чулан»: taken there by someone
            return any(w.lower in ("меня", "нас") for w in before[max(0, k - 2) : k + 3])
    return any(  # «я была на улице», «мы были в доме»
        a.lemma in WE and b.lemma == "быть" for a, b in pairwise(before[-4:])
    )


def _someone_elses(doc: RuDoc, i: int) -> bool:
    """«у него дома», «у подруги дома»: someone else's home, as familiar as its owner is."""
    return i > 1 and doc.words[i - 2].lower == "у" and doc.words[i - 1].lower not in _OURS


def _dreamer_there(doc: RuDoc, i: int) -> bool:
    """«я дома», «мы были дома», «у себя дома» put the dreamer at home; «люди, которые были
    дома» or «она живёт дома» do not."""
    sentence = doc.sentences[doc.sentence_of[i]]
    before = doc.words[max(sentence.first, i - 4) : i]
    if any(w.lower in _OURS for w in before[-2:]):
        return True
    after = [w.lower for w in doc.words[i + 1 : min(sentence.last, i + 3)]]
    if after[:1] == ["у"] and after[1:] and after[1] in _OURS:
        return True  # «дома у нас был полный переполох»
    if _someone_elses(doc, i):  # «я уже была у него дома»
        before = doc.words[max(sentence.first, i - 6) : i - 2]
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        if w.lemma in WE:
            return True
        if w.lemma == "который" or (w.case == "nomn" and w.pos in ("NOUN", "NPRO")):
            return False
        if is_move(doc, i - len(before) + k):  # «а потом поехали домой»
            return dreamer_moves(doc, i - len(before) + k)
    return i == sentence.first or all(not w.text.isalpha() for w in before)
