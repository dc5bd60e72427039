"""Person words in a Russian report that name no one met in the dream: an adjective before a
noun («знакомый город»), whose wife someone is («жена брата»), who someone already met is
(«оказался врачом»), someone only looked for or likened to, a
group listed by name after a dash, and waking life. Split from ``cast`` so each module has
one job.
"""

from __future__ import annotations

from itertools import pairwise

from .apposition import apposition
from .lexicon import lexicon
from .nlp import RuDoc, Word, morph_analyzer
from .number import counted
from .waking import waking

_LINKING = frozenset({"быть", "стать", "оказаться", "превратиться", "являться", "казаться"})
_RACE_ADJECTIVES = frozenset({"чернокожий", "темнокожий"})
_ANYONE = frozenset({"кто-то", "кто-нибудь", "кто-либо"})
_LIKE = frozenset({"как", "словно", "будто", "точно", "подобно"})
#: «кто-нибудь», «кто-либо» are "anyone": with a "may" or "if" they are no one in particular.
_ANY_AT_ALL = frozenset({"кто-нибудь", "кто-либо"})
_MIGHT = frozenset({"мочь", "бы", "если", "чтобы", "ли", "вдруг"})
#: Degree words: what follows them is an adjective («очень знакомую» комнату), not a person.
_DEGREE = frozenset(
    {"очень", "совсем", "совершенно", "довольно", "слишком", "весьма", "крайне", "такой",
     "так", "смутно", "вполне"}
)  # fmt: skip
#: Words between «я» and a noun that says what the dreamer is («я опять девочка»).
_STILL = frozenset({"опять", "снова", "вновь", "уже", "еще", "ещё", "тоже", "теперь", "всё", "все"})


def unmet(doc: RuDoc, i: int) -> bool:
    """Whether the person word at ``i`` names no one met in the dream."""
    if modifier(doc, i) or _possessor_only(doc, i) or _predicate(doc, i):
        return True
    if _sought(doc, i) or _idiom(doc, i) or _listed_next(doc, i):
        return True
    if waking(doc, i) or _likened(doc, i) or _absent(doc, i) or _noun_as_adjective(doc, i):
        return True
    if _graded(doc, i) or _what_the_dreamer_is(doc, i) or _anyone_who_might(doc, i):
        return True
    if apposition(doc, i):
        return True
    if lexicon("characters").get(doc.words[i].lemma) and _by_diminutive_only(doc, i):
        return True
    # «тип вроде Энди Гампа»: someone he is like, not someone in the dream
    return i > 0 and doc.words[i - 1].lower in ("вроде", "наподобие")


def _before(doc: RuDoc, i: int, n: int = 2) -> list[Word]:
    sentence = doc.sentences[doc.sentence_of[i]]
    return doc.words[max(sentence.first, i - n) : i]


def modifier(doc: RuDoc, i: int) -> bool:
    """«знакомый» before a noun is an adjective (знакомый город), not a character."""
    w = doc.words[i]
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if w.lower == "другом" and i > 0 and doc.words[i - 1].lower in ("в", "во", "на", "о", "об"):
        return True  # «в другом сне»: after these «другом» is «другой» (the friend is «друге»)
    if w.pos not in ("ADJF", "PRTF") and w.lemma not in _RACE_ADJECTIVES:
        return False  # pymorphy3 may read «темнокожего» as a noun
    return nxt is not None and nxt.pos in ("NOUN", "ADJF")


def _possessor_only(doc: RuDoc, i: int) -> bool:
    """«жена брата»: the brother is named only as whose wife she is, not met in the dream."""
    if i == 0 or doc.words[i].case != "gent" or doc.sentence_of[i - 1] != doc.sentence_of[i]:
        return False
    prev = doc.words[i - 1]
    return prev.pos == "NOUN" and lexicon("characters").get(prev.lemma) is not None


def _predicate(doc: RuDoc, i: int) -> bool:
    """«она была моей учительницей», «оказался врачом», «Это была крошечная старушка»: the
    noun says who someone already met is."""
    sentence = doc.sentences[doc.sentence_of[i]]
    if doc.words[i].case == "nomn":
        before = doc.words[max(sentence.first, i - 4) : i]
        lemmas = [w.lemma for w in before]
        if "это" in lemmas and "быть" in lemmas[lemmas.index("это") :]:
            return True
        # «Это француз лет сорока»: a present-tense «это» + noun, nothing but adjectives between
        if "это" not in lemmas:
            return False
        k = lemmas.index("это")
        at = i - len(before) + k  # where «это» stands: it must open its clause
        opens = at == sentence.first or doc.words[at - 1].lower in (",", "—", "что", ":")
        return opens and all(w.pos in ("ADJF", "ADJS", "NPRO") for w in before[k + 1 :])
    if doc.words[i].case != "ablt":
        return False
    before = doc.words[max(sentence.first, i - 3) : i]
    if any(w.pos == "PREP" for w in before):  # «была с сестрой» is company, not a predicate
        return False
    return any(w.lemma in _LINKING for w in before)


def _sought(doc: RuDoc, i: int) -> bool:
    """«на охоте на енотов», «в поисках брата», «пыталась найти хоть кого-то», «чтобы
    спросить у кого-нибудь»: who is hunted, searched for or only meant is not met."""
    before = [w.lemma for w in _before(doc, i, 3)]
    if "охота" in before or "поиск" in before:
        return True
    if doc.words[i].lemma not in _ANYONE:
        return False
    return bool({"найти", "искать", "чтобы"} & {w.lemma for w in _before(doc, i, 4)})


def _likened(doc: RuDoc, i: int) -> bool:
    """«насекомое, похожее на паука», «лечу, как птица»: what something looks like or acts
    like is not in the dream."""
    before = [w.lemma for w in _before(doc, i, 3)]
    if any(a in ("похожий", "похоже") and b == "на" for a, b in pairwise(before)):
        return True
    prev = doc.words[i - 1] if i > 0 else None
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    ends = nxt is None or not nxt.text.isalpha() or nxt.lower in ("и", "а", "но")
    return prev is not None and prev.lower in _LIKE and doc.words[i].case == "nomn" and ends


def _absent(doc: RuDoc, i: int) -> bool:
    """«а жениха нет», «нет ли там змеи», «его не было»: someone said not to be there."""
    near = [w.lower for w in doc.words[max(0, i - 3) : i + 3]]
    return doc.words[i].case == "gent" and ("нет" in near or "нету" in near)


def _by_diminutive_only(doc: RuDoc, i: int) -> bool:
    """«на песке»: an inanimate word that only looks like a diminutive of one on the list
    («песок» is no little «пёс»)."""
    w = doc.words[i]
    return not w.animate and lexicon("characters").words.get(w.lemma) is None


def _noun_as_adjective(doc: RuDoc, i: int) -> bool:
    """«пожарные лестницы»: pymorphy3 reads «пожарные» as firemen, but a thing of its case
    and number right after it shows the adjective."""
    w = doc.words[i]
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if w.pos != "NOUN" or nxt is None or nxt.pos != "NOUN" or nxt.animate:
        return False
    if (nxt.case, nxt.number) != (w.case, w.number):
        return False
    return any(p.tag.POS == "ADJF" for p in morph_analyzer().parse(w.lower))


def _listed_next(doc: RuDoc, i: int) -> bool:
    """«Две мои подруги — Нэнси и Джулия»: the group is the people listed after it."""
    w = doc.words[i]
    group = w.number == "plur" or counted(doc, i) or any(b.pos == "NUMR" for b in _before(doc, i))
    if not group or i + 2 >= len(doc.words) or doc.words[i + 1].text not in ("—", ":"):
        return False
    return any(x.name for x in doc.words[i + 2 : i + 5])


def _idiom(doc: RuDoc, i: int) -> bool:
    """«в гостях у подруги» is being a guest, not a group of guests."""
    w = doc.words[i]
    return (
        w.lemma == "гость"
        and w.number == "plur"
        and i > 0
        and doc.words[i - 1].lower
        in (
            "в",
            "из",
        )
    )


def _graded(doc: RuDoc, i: int) -> bool:
    """«перешла в другую, очень знакомую»: a degree word shows an adjective (a familiar room),
    not a substantivised «знакомая» (an acquaintance)."""
    w = doc.words[i]
    return w.pos in ("ADJF", "ADJS") and i > 0 and doc.words[i - 1].lemma in _DEGREE


def _what_the_dreamer_is(doc: RuDoc, i: int) -> bool:
    """«я опять девочка», «что я снова студентка»: a noun after «я» says what the dreamer is
    (a predicate, as «я была студенткой»), not someone else."""
    if doc.words[i].case != "nomn":
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    j = i - 1
    while j >= sentence.first and (
        doc.words[j].lower in _STILL or doc.words[j].pos in ("ADJF", "PRTF")
    ):
        j -= 1
    return j >= sentence.first and doc.words[j].lower == "я"


def _anyone_who_might(doc: RuDoc, i: int) -> bool:
    """«кто-нибудь вполне может туда проскользнуть», «если кто-нибудь придёт»: anyone who
    might, not someone in the dream («каждый раз, когда кто-нибудь просил» is someone)."""
    if doc.words[i].lemma not in _ANY_AT_ALL:
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    near = doc.words[max(sentence.first, i - 3) : min(sentence.last, i + 4)]
    return any(w.lemma in _MIGHT for w in near)
