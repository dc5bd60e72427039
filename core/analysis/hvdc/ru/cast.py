"""Characters of a Russian dream report, and the dreamer's sex from the grammar.

Russian shows what English hides: «друг» / «подруга», «знакомый» / «знакомая», a past-tense verb
agreeing with «я» («я побежала») gives the dreamer's sex, a verb or adjective agreeing with
«врач» gives the doctor's. So a character's sex comes from the word when the word has one,
else from its agreement, and only then stays indefinite (I).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .apposition import kept_partner
from .groups import EVERYONE, OTHERS, everyone, others
from .identity import identity_of
from .lexicon import lexicon
from .names import initials, opening_name, passive_agent, person_name, title_sex
from .nlp import RuDoc, Word
from .number import counted, counted_people, one_of, plural_agreement, singular_agreement
from .reciprocals import reciprocal
from .renames import apposition, aside_of, rename, subject_renamed
from .speech import in_speech
from .unmet import unmet

_OWN = frozenset({"мой", "наш", "свой"})
_LITTLE = frozenset({"маленький", "маленькая", "крошечный", "юный"})
#: Plural of these stays male; other masculine plurals («друзья», «люди») are a joint group.
_MALE_PLURALS = frozenset(
    {"мужчина", "мужик", "брат", "сын", "дядя", "дедушка", "парень", "мальчик", "юноша", "мальчишка",
     "солдат", "матрос", "моряк"}
)  # fmt: skip
_DREAMER = frozenset({"я"})
#: In the plural these name the dreamer's own peers («с девочками из общежития»), as the
#: English coder reads "the girls"; a single «девочка» is a child.
_PEERS = frozenset({"девочка", "девчонка"})
_ANOTHER = frozenset({"другой", "второй", "третий", "новый", "иной", "еще"})
_FAMILY_LETTERS = frozenset("FMXBTHWY")
_DEMONSTRATIVES = frozenset({"этот", "тот", "такой"})
_KIN_CHILDREN = frozenset({"сын", "дочь", "брат", "сестра", "братик", "сестренка"})
_FEMININE = {"femn": "F", "masc": "M"}
_RANKS = frozenset({"старший", "младший", "другой", "второй", "средний"})
_AGE_PRONOUNS = {"ей": "femn", "ему": "masc"}


@dataclass(slots=True)
class Character:
    code: str
    word: int
    lemma: str
    gender: str  # "femn", "masc" or "plur"


@dataclass(slots=True)
class Cast:
    """The dream's characters in order of first mention, and what grammar says of the dreamer."""

    characters: list[Character] = field(default_factory=list)
    by_word: dict[int, str] = field(default_factory=dict)
    dreamer_sex: str = ""  # "F", "M" or "" when no agreement shows it
    #: words that rename a character after a comma or a bracket («учительнице, Дороти»):
    #: another mention of that person, never the subject of the verb before them
    asides: set[int] = field(default_factory=set)

    def code_at(self, word: int) -> str | None:
        return self.by_word.get(word)

    def last_before(self, word: int, gender: str) -> str | None:
        """The character a pronoun of ``gender`` at ``word`` points to: the one mentioned
        last before it, by any of its mentions («Нэнси … Джулия … Нэнси засмеялась, она …»
        is Nancy), not the one whose first mention is latest."""
        genders = {char.code: char.gender for char in self.characters}
        for k in sorted((k for k in self.by_word if k < word), reverse=True):
            code = self.by_word[k]
            if not gender or genders.get(code, "") == gender:
                return code
        return None


def _agreement_sex(doc: RuDoc, i: int, default: str = "M", after: int = 3) -> str:
    """M/F from an adjective just before, or a past verb or «который» just after, a word that
    does not show its sex itself («врач сказала», «С. М., которого»; initials have no
    adjective, and the verb before them is someone else's: «увидела С. М.»)."""
    before = () if initials(doc, i) else (i - 1, i - 2)
    for j in (*before, *range(i + 1, i + after + 1)):
        if 0 <= j < len(doc.words) and doc.sentence_of[j] == doc.sentence_of[i]:
            w = doc.words[j]
            relative = w.lemma == "который"
            if (w.pos in ("ADJF", "VERB", "PRTF", "PRTS", "ADJS") or relative) and (
                w.number == "sing"
            ):
                sex = _FEMININE.get(w.gender)
                if sex and (j < i or w.pos == "VERB" or relative):
                    return sex
    return _pronoun_sex(doc, i) or default


def _pronoun_sex(doc: RuDoc, i: int) -> str:
    """«Врач говорит … я злюсь на неё»: the next «он»/«она» before anyone else is named
    (in this sentence or the next) tells the sex the noun hides."""
    sentence = doc.sentence_of[i]
    if (doc.words[i].number != "sing" and not one_of(doc, i)) or counted(doc, i):
        return ""
    for j in range(i + 1, len(doc.words)):
        w = doc.words[j]
        if doc.sentence_of[j] > sentence + 1:
            return ""
        if w.pos == "NOUN" and w.animate:
            return ""
        if w.lemma in ("он", "она") and w.number == "sing":
            return _FEMININE.get(w.gender, "")
    return ""


def _before(doc: RuDoc, i: int, n: int = 2) -> list[Word]:
    sentence = doc.sentences[doc.sentence_of[i]]
    return doc.words[max(sentence.first, i - n) : i]


def _code(doc: RuDoc, i: int, template: str) -> tuple[str, str]:
    """(code, dedup key) of the character word at ``i`` from its lexicon template.

    A template is four letters (number, sex, identity, age); age ``*`` marks a family term,
    whose identity depends on the possessor; sex ``g`` is read from agreement.
    """
    w = doc.words[i]
    if template in ("1ANI", "1CZZ"):
        group = w.number == "plur" or plural_agreement(doc, i) or counted(doc, i)
        code = ("2" + template[1:]) if group else template
        return code, f"{w.lemma}|{code}"
    number, sex, identity, age = template[0], template[1], template[2], template[3]
    family = age == "*"
    age = "A" if family else age
    if sex == "g":
        sex = _agreement_sex(doc, i, default="I")
    elif w.pos == "ADJF" and w.gender in _FEMININE:  # «знакомая», «полицейская»: the ending says
        sex = _FEMININE[w.gender]
    identity = identity_of(doc, i, identity, family)
    one = one_of(doc, i)
    if one:
        sex = one if sex in ("I", "J", "M") and one == "F" else sex
    elif (w.number == "plur" or counted(doc, i)) and number == "5":
        number = "6"  # «ведьмы»: a group of imaginary figures, as the English list has witches
    elif (
        (w.number == "plur" and not singular_agreement(doc, i))
        or plural_agreement(doc, i)
        or counted(doc, i)
    ) and number == "1":
        number = "2"
        sex = sex if sex == "F" or w.lemma in _MALE_PLURALS else "J"
    if w.lemma == "человек":
        number, sex = counted_people(doc, i, number, sex)
    if age in ("A", "C") and (number == "1" or _stated_age(doc, i) == "A"):
        age = _stated_age(doc, i) or age
    little = any(b.lemma in _LITTLE for b in _before(doc, i))
    if age == "A" and w.lemma in _KIN_CHILDREN and little:
        age = "C"
    if w.lemma in _PEERS and w.number == "plur" and not little and identity in ("S", "K"):
        identity, age = "K", "A"  # «девочки», «одна из девочек»: the dreamer's peers
    code = f"{number}{sex}{identity}{age}"
    if family and identity in _FAMILY_LETTERS:
        # «папа» and «отец» in one dream are one father, «брату (12 лет)» … «с братом» one
        # brother (the age told once); «старший брат» next to «младший» is another
        ranked = any(b.lemma in _RANKS and b.pos == "ADJF" for b in _before(doc, i))
        return code, code[:3] + (f"|{i}" if ranked else "")
    if number == "2":
        return code, code  # «толпа» … «люди», «девочки» … «девчонки»: one group
    # «пастора» … «Пастор», «с каким-то парнем» … «парень»: the same person whatever the later
    # mention adds; «другая женщина», «второй мужчина» is someone new
    other = any(b.lemma in _ANOTHER for b in _before(doc, i))
    return code, f"{w.lemma}|{number}" + (f"|{i}" if other else "")


def _stated_age(doc: RuDoc, i: int) -> str:
    """T or C from an age given right after the person («сестра, ей 17», «(19 лет)»)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i + 1, min(sentence.last, i + 7)):
        text = doc.words[j].text
        if doc.words[j].lemma == "возраст" and doc.words[j - 1].lemma in ("мой", "наш"):
            return "A"  # «мальчишки, примерно моего возраста»: the dreamer's peers
        if text.isdigit():
            return _age_letter(int(text))
    return _age_told_next(doc, i)


def _age_letter(years: int) -> str:
    return "T" if 13 <= years <= 17 else "C" if 2 <= years < 13 else ""  # 18+ adult


def _age_told_next(doc: RuDoc, i: int) -> str:
    """«сестра помогала мне собирать вещи. Ей 17»: the next sentence gives the age of the
    last person named (of the pronoun's sex)."""
    sentence = doc.sentence_of[i]
    if sentence + 1 >= len(doc.sentences):
        return ""
    rest = doc.words[i + 1 : doc.sentences[sentence].last]
    if any(w.animate and w.pos == "NOUN" for w in rest):
        return ""
    nxt = doc.sentences[sentence + 1]
    words = doc.words[nxt.first : min(nxt.last, nxt.first + 3)]
    if len(words) < 2 or words[0].lower not in _AGE_PRONOUNS:
        return ""
    if _AGE_PRONOUNS[words[0].lower] != doc.words[i].gender or not words[1].text.isdigit():
        return ""
    return _age_letter(int(words[1].text))


def _template(doc: RuDoc, i: int) -> str | None:
    w = doc.words[i]
    if initials(doc, i):  # «С. М.»: pymorphy3 reads the «С» as a preposition
        return "1" + _agreement_sex(doc, i, default="I", after=6) + "KA"
    if w.pos not in ("NOUN", "NPRO", "ADJF") or _anaphoric(doc, i) or reciprocal(doc, i):
        return None
    if unmet(doc, i) and not passive_agent(doc, i):
        return None
    entry = lexicon("characters").get(w.lemma)
    if entry is not None:
        return entry.code
    if (w.name or opening_name(doc, i)) and w.pos == "NOUN" and person_name(doc, i):
        # «Саша толкнул»: a name of either sex («Саша», «Женя») takes it from its verb
        sex = _FEMININE.get(w.gender) or _agreement_sex(doc, i, default="I")
        return "1" + title_sex(doc, i, sex) + "KA"
    return None


def _anaphoric(doc: RuDoc, i: int) -> bool:
    """«этот человек», «та женщина»: someone already met, not a new character («один из этих
    человечков» is one of them, met alone now)."""
    if i < 1 or doc.words[i - 1].lemma not in _DEMONSTRATIVES:
        return False
    return not one_of(doc, i)


def dreamer_sex(doc: RuDoc) -> str:
    """F or M when past-tense verbs or short adjectives agree with «я», else ""."""
    votes = {"F": 0, "M": 0}
    for i, w in enumerate(doc.words):
        if w.lemma not in _DREAMER or w.case != "nomn" or in_speech(doc, i):
            continue  # «Он сказал: «Я пришёл»»: the speaker's sex, not the dreamer's
        sentence = doc.sentences[doc.sentence_of[i]]
        for j in range(i + 1, min(i + 4, sentence.last)):
            nxt = doc.words[j]
            if nxt.pos in ("VERB", "ADJS", "PRTS") and nxt.number == "sing":
                sex = _FEMININE.get(nxt.gender)
                if sex:
                    votes[sex] += 1
                    break
            if nxt.text in (",", ".", "—", ";", "и", "а", "но"):
                break
    if votes["F"] == votes["M"]:
        return ""
    return "F" if votes["F"] > votes["M"] else "M"


def build_cast(doc: RuDoc) -> Cast:
    """Every character, once (first mention), in DreamBank notation."""
    cast = Cast(dreamer_sex=dreamer_sex(doc))
    seen: dict[str, str] = {}
    for i in range(len(doc.words)):
        template = _template(doc, i)
        if template is None:
            _met_again(doc, cast, seen, i)
            continue
        code, key = _code(doc, i, template)
        renamed = apposition(doc, cast, i)
        if renamed is None:
            renamed = aside_of(doc, cast, i)
        if renamed is not None:
            cast.asides.add(i)
        if renamed is None:
            renamed = subject_renamed(doc, cast, i)
        if renamed is None and doc.words[i].name and i > 0 and cast.code_at(i - 1) is not None:
            renamed = i - 1  # «моя подруга Шарлотта»: the name is the friend's, not someone new
        if renamed is None and key not in seen and opening_name(doc, i):
            renamed = _named_next(doc, cast, i, code)
        if renamed is not None:
            rename(cast, renamed, code)
            cast.by_word[i] = cast.by_word[renamed]
            seen.setdefault(key, cast.by_word[renamed])  # «подругой Джейн … Джейн осталась»
            continue
        if initials(doc, i):
            key = doc.words[i].text + doc.words[i + 2].text
        if code[0] == "2" and f"{doc.words[i].lemma}|group" in seen:
            key = f"{doc.words[i].lemma}|group"  # «мальчишки … Они (мальчишки)»: the same boys
        if key in seen:
            cast.by_word[i] = seen[key]
            continue
        seen[key] = code
        if code[0] == "2":
            seen.setdefault(f"{doc.words[i].lemma}|group", code)
        cast.by_word[i] = code
        w = doc.words[i]
        if w.name and i + 1 < len(doc.words) and doc.words[i + 1].name:
            seen.setdefault(f"{doc.words[i + 1].lemma}|{code[0]}", code)  # the surname alone
        gender = "plur" if code[0] != "1" else {"F": "femn", "M": "masc"}.get(code[1], "")
        cast.characters.append(Character(code, i, w.lemma, gender or w.gender))
    _add_everyone(doc, cast)
    _add_others(doc, cast)
    _link_dropped_names(doc, cast)
    return cast


def _link_dropped_names(doc: RuDoc, cast: Cast) -> None:
    """A person noun left out as the lesser of two names for one person
    («преподавательнице, Дороти Крэндалл») still stands for that person, so an act told of it
    («отдала тетрадь преподавательнице») reaches her."""
    for i, w in enumerate(doc.words):
        if w.pos == "NOUN" and i not in cast.by_word:
            kept = kept_partner(doc, i)
            if kept is not None and kept in cast.by_word:
                cast.by_word[i] = cast.by_word[kept]


def _named_next(doc: RuDoc, cast: Cast, i: int, code: str) -> int | None:
    """«…разбудила мою соседку. Ирма сказала…»: a name that opens the sentence right after
    someone familiar of its sex was met unnamed is that person's name (HVdC counts them
    once): the last such person of the previous sentence."""
    previous = doc.sentence_of[i] - 1
    if previous < 0:
        return None
    first, last = doc.sentences[previous].first, doc.sentences[previous].last
    for char in reversed(cast.characters):
        w = doc.words[char.word]
        if first <= char.word < last and char.code[:2] == code[:2] and not w.name:
            return char.word if char.code[2] == "K" else None
    return None


def _add_others(doc: RuDoc, cast: Cast) -> None:
    """«выступали другие», «остальные закончили»: the others, once («остальные» after a
    group is the rest of it)."""
    group = any(c.code[0] != "1" and c.code[1:] != "ANI" for c in cast.characters)
    for i in range(len(doc.words)):
        rest = doc.words[i].lemma == "остальной"
        if others(doc, i) and cast.code_at(i) is None and not (rest and group):
            cast.by_word[i] = OTHERS
            cast.characters.append(Character(OTHERS, i, "другие", "plur"))
            cast.characters.sort(key=lambda c: c.word)
            return


def _met_again(doc: RuDoc, cast: Cast, seen: dict[str, str], i: int) -> None:
    """«для этой женщины … женщина ждёт смерти»: after «этот/тот» names someone met before,
    the bare noun later is that person too, not someone new."""
    w = doc.words[i]
    entry = lexicon("characters").get(w.lemma)
    if entry is None or not _anaphoric(doc, i):
        return
    # «этой женщины»: the demonstrative shows the singular the noun may hide
    singular = doc.words[i - 1].number == "sing"
    gender = (w.gender if w.gender in ("femn", "masc") else "") if singular else "plur"
    same = [k for k in cast.by_word if k < i and doc.words[k].lemma == w.lemma]
    met = cast.by_word[max(same)] if same else cast.last_before(i, gender)
    if met is None:
        return
    cast.by_word[i] = met  # «Этот человек ударил меня»: the one met before did it
    if singular:
        seen.setdefault(f"{w.lemma}|1", met)


def _add_everyone(doc: RuDoc, cast: Cast) -> None:
    """«Все ржут», «при всех»: everyone present is a group when the report names none."""
    if any(c.code[0] != "1" and c.code[1:] != "ANI" for c in cast.characters):
        return
    for i in range(len(doc.words)):
        if everyone(doc, i):
            cast.by_word[i] = EVERYONE
            cast.characters.append(Character(EVERYONE, i, "все", "plur"))
            cast.characters.sort(key=lambda c: c.word)
            return
