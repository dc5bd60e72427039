"""Names in a Russian report: which capitalised words are people, and their sex.

pymorphy3 marks a name only where the capital letter shows it (not at a sentence's start), a
foreign name may not decline, and a name after a thing may be the thing's («библиотека
Кларка»). Split from :mod:`.cast`, which decides who the characters are.
"""

from __future__ import annotations

from .nlp import RuDoc, morph_analyzer

_TITLES = {"мисс": "F", "миссис": "F", "госпожа": "F", "мистер": "M", "господин": "M"}


def opening_name(doc: RuDoc, i: int) -> bool:
    """«Ирма надулась»: a name that opens its sentence, where the capital letter says
    nothing, is a name when pymorphy3's first reading of the word is one (not «Вера», which
    is first the noun «вера»)."""
    w = doc.words[i]
    if i != doc.sentences[doc.sentence_of[i]].first or not w.text[:1].isupper():
        return False
    tag = morph_analyzer().parse(w.lower)[0].tag
    return "Name" in tag or "Surn" in tag


def passive_agent(doc: RuDoc, i: int) -> bool:
    """«я была укушена собакой», «преследуемая волком»: the instrumental right after a
    passive participle is the one who did it (a character), not what someone was
    («была собакой»)."""
    if doc.words[i].case != "ablt" or not doc.words[i].animate:
        return False
    for k in (i - 1, i - 2):
        w = doc.words[k] if k >= 0 else None
        if w is not None and w.pos in ("PRTS", "PRTF"):
            return any("pssv" in p.tag for p in morph_analyzer().parse(w.lower)[:2])
    return False


def person_name(doc: RuDoc, i: int) -> bool:
    """A name that is a person: not a place after «в/на/по» («в Юклиде», «по Сидар-роуд»),
    not a title in quotes («Энни, бери ружьё»), not a surname after a first name or a title
    already counted («Дороти Уильямс», «мисс Стовер»)."""
    w = doc.words[i]
    prev = doc.words[i - 1] if i > 0 else None
    if "-" in w.text or w.case == "loct":
        return False
    if prev is not None and (prev.lower in ("в", "во", "на", "по", "из") or prev.name):
        return False
    if prev is not None and prev.pos == "NOUN" and not prev.animate and not _acts(doc, i):
        return False  # «библиотека Кларка», «больница Крайла»: the name of a place
    sentence = doc.sentences[doc.sentence_of[i]]
    opened = sum(1 for x in doc.words[sentence.first : i] if x.text == "«")
    closed = sum(1 for x in doc.words[sentence.first : i] if x.text == "»")
    return opened == closed


def _acts(doc: RuDoc, i: int) -> bool:
    """«На мою фразу Нэнси ответила»: a name followed by a verb is its subject, a person,
    whatever noun stands before it."""
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if nxt is None or nxt.pos != "VERB" or doc.sentence_of[i + 1] != doc.sentence_of[i]:
        return False
    # «во дворе Адельберта пью»: a genitive name before the dreamer's verb is the place's
    return doc.words[i].case == "nomn" and (nxt.person == "3per" or nxt.tense == "past")


def title_sex(doc: RuDoc, i: int, sex: str) -> str:
    prev = doc.words[i - 1].lower if i > 0 else ""
    return _TITLES.get(prev, sex)


def initials(doc: RuDoc, i: int) -> bool:
    """«С. М.», «Г. С.»: a person named by initials, as dream reports often do."""
    words = doc.words
    if i + 3 >= len(words) or (i > 0 and words[i - 1].text == "."):
        return False
    return (
        _is_initial(words[i].text)
        and words[i + 1].text == "."
        and _is_initial(words[i + 2].text)
        and words[i + 3].text == "."
    )


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isupper() and text.isalpha()
