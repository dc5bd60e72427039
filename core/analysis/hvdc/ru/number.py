"""How many people a Russian noun names: the count, the agreement and the case say what the
noun's own number may hide («три девушки» is a group, «от мужчины» one man, «одна из подруг»
one woman of a group). Split from ``cast`` so each module has one job."""

from __future__ import annotations

from .nlp import RuDoc, Word

_QUANTIFIERS = frozenset({"несколько", "много", "сколько", "столько", "немного", "мало"})
_GENITIVE_PREPOSITIONS = frozenset({"от", "у", "из", "без", "для", "до", "около", "возле", "после"})
_FEMININE = {"femn": "F", "masc": "M"}
_COMINGS = frozenset(
    {"прийти", "появиться", "войти", "подойти", "зайти", "прибежать", "приехать", "выйти",
     "стоять", "сидеть", "собраться", "вбежать", "ворваться", "подбежать", "явиться"}
)  # fmt: skip


def _before(doc: RuDoc, i: int, n: int = 2) -> list[Word]:
    sentence = doc.sentences[doc.sentence_of[i]]
    return doc.words[max(sentence.first, i - n) : i]


def counted(doc: RuDoc, i: int) -> bool:
    """«две ведьмы», «три девушки»: after 2-4 Russian puts the noun in the genitive singular,
    so the count, not the noun's number, says it is a group."""
    prev = doc.words[i - 1] if i > 0 else None
    if prev is None or doc.words[i].case == "nomn":
        return False  # «минут через десять официантка …»: the count is of something else
    if prev.text.isdigit():
        return int(prev.text) > 1
    return prev.pos == "NUMR" and prev.lemma not in ("один", "полтора")


def plural_agreement(doc: RuDoc, i: int) -> bool:
    """«Мои подруги», «повара совещаются», «здоровались мамы»: the agreeing word shows the
    plural that pymorphy3's best reading of the noun alone («подруги», also a genitive
    singular) may miss; «мои мама и папа» are two, each one."""
    w = doc.words[i]
    before = doc.words[i - 1] if i > 0 else None
    if before is not None and before.pos == "VERB" and _takes_no_object(before):
        # «Пришли девочки», «здоровались мамы»: a verb of coming or a reflexive verb takes no
        # genitive object, so its plural is theirs
        return before.number == "plur" and w.case in ("gent", "nomn")
    if w.case == "gent" and _plural_verb_after(doc, i) and not _governed(doc, i):
        return True
    if before is None or before.pos not in ("ADJF", "PRTF") or before.number != "plur":
        return False
    return before.case == "nomn" and (w.case == "gent" or w.number == "plur")


def _takes_no_object(verb: Word) -> bool:
    return verb.lemma in _COMINGS or verb.lemma.endswith(("ся", "сь"))


def _plural_verb_after(doc: RuDoc, i: int) -> bool:
    """«повара долго совещаются», «лошади, которые тянули»: the noun's verb is plural."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for w in doc.words[i + 1 : min(sentence.last, i + 4)]:
        if w.pos == "VERB" or w.lemma == "который":
            return w.number == "plur"
        if w.pos != "ADVB" and w.text != ",":
            return False
    return False


def _governed(doc: RuDoc, i: int) -> bool:
    """Whether something before the noun takes a genitive («у моей мамы», «много людей»,
    «дом подруги») or shows the singular («моей»)."""
    j = i - 1
    while j >= 0 and doc.words[j].pos in ("ADJF", "PRTF"):
        if doc.words[j].number == "sing":
            return True
        j -= 1
    return j >= 0 and doc.words[j].pos in ("PREP", "NOUN", "NUMR", "VERB", "PRCL", "INFN", "ADVB")


def singular_agreement(doc: RuDoc, i: int) -> bool:
    """«от огромного темнокожего мужчины»: a singular adjective before the noun shows the
    genitive singular that pymorphy3 may read as a nominative plural; a person's name is one
    person whatever pymorphy3 reads, unless its verb is plural («Смиты пришли»)."""
    before = doc.words[i - 1] if i > 0 else None
    if doc.words[i].name and not _plural_verb_after(doc, i):
        return True  # «мисс Стовер» (read as a plural of «стовера»): a name is one person
    if before is None or doc.words[i].case != "nomn":
        return False
    if before.pos in ("ADJF", "PRTF") and before.number == "sing":
        return before.case in ("gent", "datv", "ablt", "loct")
    # «от мужчины», «у женщины»: after a genitive preposition «-ы/-и» is the singular
    for w in reversed(_before(doc, i, 3)):
        if w.pos == "PREP":
            return w.lower in _GENITIVE_PREPOSITIONS
        if w.pos not in ("ADJF", "PRTF", "NOUN"):
            return False
    return False


def counted_people(doc: RuDoc, i: int, number: str, sex: str) -> tuple[str, str]:
    """«несколько человек», «человек пять» are a group (the counted form equals the singular);
    «молодой человек» is a young man."""
    prev = doc.words[i - 1] if i > 0 else None
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if (
        prev is not None
        and (prev.pos == "NUMR" or prev.lemma in _QUANTIFIERS or prev.text.isdigit())
    ) or (nxt is not None and nxt.pos == "NUMR"):
        return "2", "J"
    if prev is not None and prev.lemma == "молодой":
        return number, "M"
    return number, sex


def one_of(doc: RuDoc, i: int) -> str:
    """ "F"/"M" when the noun is «одна из подруг» / «один из преподавателей», else ""."""
    if doc.words[i].number != "plur" or i < 2 or doc.words[i].case != "gent":
        return ""
    for j in range(i - 1, max(-1, i - 4), -1):
        w = doc.words[j]
        if w.lower == "из" and j > 0 and doc.words[j - 1].lemma == "один":
            return _FEMININE.get(doc.words[j - 1].gender, "M")
    return ""
