"""Who acts and who is acted on in a Russian clause: the readers of an act's two sides.

The dependency parse names the subject (or the subject of the verb an infinitive, a gerund or
a coordinated verb hangs on) and the recipient (the accusative object, the dative, or the
object of the verb's own preposition); where the parse has none, the clause's word order and
cases do. A side the words leave unsaid is filled in as a Russian listener would
(:func:`fill_unsaid`).
"""

from __future__ import annotations

from functools import lru_cache

from .cast import Cast
from .nlp import RuDoc, Word, analyse_past, children, head_of, morph_analyzer
from .roles import actor

_SUBJECT = ("nsubj", "nsubj:pass")
_OBJECTS = ("obj", "iobj", "obl", "nmod", "obl:agent")
_DRIVEN = frozenset(
    {"машина", "автомобиль", "грузовик", "автобус", "мотоцикл", "танк", "самолет", "вертолет",
     "лодка", "катер", "корабль", "джип", "фургон"}
)  # fmt: skip
_COORDINATORS = frozenset({"и", "а", "но", "или"})
_PLAIN = {
    "со": "с", "надо": "над", "ко": "к", "во": "в", "подо": "под", "передо": "перед",
    "ото": "от", "изо": "из", "обо": "о",
}  # fmt: skip
_CLAUSE_EDGE = frozenset(
    {",", ".", ";", ":", "—", "!", "?", "«", "»", "а", "но", "что", "чтобы", "когда",
     "который", "пока", "если", "потому"}
)  # fmt: skip


def preposition(doc: RuDoc, i: int) -> str:
    """The preposition of the word at ``i`` in its plain form («со мной» → с, «надо мной» →
    над)."""
    for child, rel in children(doc, i):
        if rel == "case":
            return _PLAIN.get(doc.words[child].lower, doc.words[child].lower)
    if i > 0 and (doc.words[i - 1].pos == "PREP" or doc.words[i - 1].lower in _PLAIN):
        return _PLAIN.get(doc.words[i - 1].lower, doc.words[i - 1].lower)
    return ""


def clause_of(doc: RuDoc, verb: int) -> range:
    """The words of the verb's clause: up to punctuation or a clause-opening conjunction."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    start = verb
    while start > sentence.first and doc.words[start - 1].lower not in _CLAUSE_EDGE:
        start -= 1
    end = verb + 1
    while end < sentence.last and doc.words[end].lower not in _CLAUSE_EDGE:
        end += 1
    return range(start, end)


def _gender_of(code: str) -> str:
    if code == "D" or code[0] != "1":
        return "" if code == "D" else "plur"
    return {"F": "femn", "M": "masc"}.get(code[1], "")


def _agrees(doc: RuDoc, cast: Cast, verb: int, word: int, who: str) -> bool:
    """Whether the person word can be the verb's subject (person, number, past gender)."""
    v, w = doc.words[verb], doc.words[word]
    first = w.lemma in ("я", "мы")
    if v.person == "1per":
        return first
    if v.person in ("2per",) or (v.person == "3per" and first):
        return False
    if v.person == "3per":
        if v.number == "plur" and (paired(doc, cast, word) is not None or _undeclined(w)):
            return True  # «мама и папа ссорятся», «нападают зомби»
        return not v.number or not w.number or v.number == w.number
    if v.tense == "past":
        if v.number == "plur":  # «подруги смеялись»: a group even where the noun looks singular
            group = w.number == "plur" or w.lemma == "мы" or who[:1] in "23456789"
            return group or _undeclined(w) or paired(doc, cast, word) is not None
        if w.lemma == "мы" or w.number == "plur":
            return False
        if w.lemma == "я":
            sex = {"femn": "F", "masc": "M"}.get(v.gender, "")
            return not cast.dreamer_sex or not sex or sex == cast.dreamer_sex
        gender = _gender_of(who)
        if gender == "plur":  # «полиция арестовала»: a group named by a singular noun
            gender = w.gender
        return not gender or not v.gender or gender == v.gender
    return True


@lru_cache(maxsize=4096)
def _fixed(lower: str) -> bool:
    return "Fixd" in morph_analyzer().parse(lower)[0].tag


def _undeclined(w: Word) -> bool:
    """«напали зомби»: a noun that never changes («зомби», «кенгуру») shows no number, so it
    agrees with a plural verb too."""
    return w.pos == "NOUN" and _fixed(w.lower)


def paired(doc: RuDoc, cast: Cast, k: int) -> int | None:
    """The person joined by «и» (or a following «с») to the person word at ``k`` («мама и
    папа», «Ваня и мой брат», «мама с папой»): together they are the plural subject of one
    verb."""
    if actor(doc, cast, k) in (None, "D"):
        return None
    for step in (1, -1):
        j = k + step
        joins = ("и", "с", "со") if step == 1 else ("и",)  # «мама с папой переглянулись»
        if not (0 <= j < len(doc.words)) or doc.words[j].lower not in joins:
            continue
        other = j + step
        while 0 <= other < len(doc.words) and doc.words[other].pos == "ADJF":
            other += step
        inside = 0 <= other < len(doc.words) and doc.sentence_of[other] == doc.sentence_of[k]
        if inside and actor(doc, cast, other) not in (None, "D"):
            return other
    return None


def pair_partner(doc: RuDoc, cast: Cast, verb: int, initiator: str) -> str | None:
    """«Ваня и Петя дрались»: the other of a pair that does a mutual act together."""
    for k in clause_of(doc, verb):
        other = paired(doc, cast, k) if actor(doc, cast, k) == initiator else None
        if other is not None and doc.words[k].case == "nomn":
            return actor(doc, cast, other)
    return None


def subject_of(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """The verb's subject: the parse's if it agrees, else the nearest agreeing person word in
    the clause (Russian often puts it after the verb: «за мной гонится собака»); for an
    infinitive or a verb joined to another («побежала и ударила»), that verb's subject."""
    current = verb
    link = head_of(doc, verb)
    if doc.words[verb].pos == "GRND" and link is not None and link[0] >= 0:
        current = link[0]
    elif doc.words[verb].pos == "INFN" and link is not None and link[1] == "xcomp":
        current = link[0]  # «стала отчитывать их»: the subject is the finite verb's
    elif doc.words[verb].pos == "INFN" and link is None and verb > 0:
        before = verb - 1  # unparsed: the finite verb right before it («начала кричать»)
        current = before if doc.words[before].pos == "VERB" else verb
    # a verb joined to another agrees with the subject it borrows («мама ругает меня, что я
    # рассыпала муку, а потом смеётся и целует»: not «я»)
    finite = (verb,) if doc.words[verb].pos == "VERB" else ()
    for _ in range(3):
        for child, rel in children(doc, current):
            aside = child in cast.asides
            who = actor(doc, cast, child) if rel in _SUBJECT and not aside else None
            if (
                who is not None
                and all(_agrees(doc, cast, v, child, who) for v in (current, *finite))
                and not _next_clause(doc, current, child)
            ):
                return who
        found = _nearest_subject(doc, cast, current, finite)
        if found is not None:
            return found
        link = head_of(doc, current)
        if link is None or link[0] < 0 or link[1] not in ("conj", "xcomp", "advcl"):
            break
        current = link[0]
    if doc.words[verb].person == "1per":
        return "D"
    if doc.words[verb].pos == "INFN" and not _after_verb(doc, verb):
        return None
    if doc.words[verb].pos in ("VERB", "INFN", "GRND"):
        return _dropped_subject(doc, cast, verb)
    return None


def _after_verb(doc: RuDoc, verb: int) -> bool:
    """«начала кричать», «хотел ударить»: an infinitive right after a verb (pymorphy3 may
    read a past form such as «начала» as a noun) shares that verb's dropped subject."""
    before = doc.words[verb - 1] if verb > 0 else None
    return before is not None and (before.pos == "VERB" or analyse_past(before.lower) is not None)


def _next_clause(doc: RuDoc, verb: int, child: int) -> bool:
    """«позвала меня обедать, и я побежала»: a subject after «, и» belongs to the next
    clause, whatever the parse says."""
    between = doc.words[verb + 1 : child]
    return any(w.lower in _COORDINATORS for w in between) and any(w.text == "," for w in between)


def _dropped_subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """«я собак боялась, а тут не боялась, погладила её»: Russian drops the subject a
    sentence's clauses share; a finite verb with none takes the nearest earlier person word
    of the sentence that agrees with it (the dreamer too)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    for k in range(verb - 1, sentence.first - 1, -1):
        w = doc.words[k]
        if w.case != "nomn":
            continue
        who = actor(doc, cast, k)
        if who is not None and (doc.words[verb].pos != "VERB" or _agrees(doc, cast, verb, k, who)):
            return who
    opened = all(w.case != "nomn" for w in doc.words[sentence.first : verb])
    return _previous_subject(doc, cast, verb) if opened else None


def _previous_subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """«Ко мне подошёл мужчина. Схватил меня за руку»: a sentence that opens with its verb,
    with no subject before it, goes on with the previous sentence's subject (the first
    person named there in the nominative that agrees with the verb)."""
    number = doc.sentence_of[verb]
    if number == 0 or doc.words[verb].pos != "VERB":
        return None
    previous = doc.sentences[number - 1]
    for k in range(previous.first, previous.last):
        if doc.words[k].case != "nomn":
            continue
        who = actor(doc, cast, k)
        if who is not None and _agrees(doc, cast, verb, k, who):
            return who
    return None


def _nearest_subject(doc: RuDoc, cast: Cast, verb: int, also: tuple[int, ...] = ()) -> str | None:
    words = sorted(clause_of(doc, verb), key=lambda k: (k > verb, abs(k - verb)))
    for k in words:
        w = doc.words[k]
        if (
            k == verb
            or k in cast.asides
            or (w.case != "nomn" and w.lemma not in ("я", "мы"))
            or w.case not in ("nomn", "")
        ):
            continue
        who = actor(doc, cast, k)
        if who is not None and all(_agrees(doc, cast, v, k, who) for v in (verb, *also)):
            return who
    return None


def recipient_of(doc: RuDoc, cast: Cast, verb: int, marker: str) -> str | None:
    """The person the act is aimed at, by the verb's markers (obj, dat or a preposition):
    from the parse when it has one, else from the clause's word order and cases. A thing of
    the dreamer's («врезалась в мою машину», «украла мою сумку») makes the dreamer the one
    aimed at."""
    markers = marker.lstrip("<").split("|")
    for child, rel in children(doc, verb):
        if rel not in _OBJECTS:
            continue
        who = actor(doc, cast, child)
        direct = rel == "obj" and "obj" in markers and _accusative_form(doc, child)
        if who is not None and (_marked(doc, child, markers) or direct):
            return who
    for k in clause_of(doc, verb):
        if k == verb or doc.words[k].case == "nomn":
            continue
        who = actor(doc, cast, k) or _owner(doc, k)
        if who is not None and _marked(doc, k, markers):
            return who
    return None


def _accusative_form(doc: RuDoc, k: int) -> bool:
    """«схватил мою дочь»: a noun whose nominative and accusative look alike, which the
    parse makes the object, is the object (pymorphy3's first reading says nominative);
    never after a preposition."""
    w = doc.words[k]
    if w.case != "nomn" or preposition(doc, k):
        return False
    return any(p.tag.case == "accs" for p in morph_analyzer().parse(w.lower)[:4])


def _owner(doc: RuDoc, k: int) -> str | None:
    """D for a thing the dreamer calls hers («мою машину»), else None."""
    w = doc.words[k]
    if w.pos != "NOUN" or k == 0:
        return None
    before = doc.words[max(0, k - 2) : k]
    return "D" if any(b.lemma in ("мой", "наш") for b in before) else None


def _marked(doc: RuDoc, word: int, markers: list[str]) -> bool:
    w, before = doc.words[word], preposition(doc, word)
    if before:
        return before in markers
    # an animate masculine accusative looks like the genitive («обняла брата», «ударил его»)
    accusative = w.case == "accs" or (
        w.case == "gent" and (w.animate or w.pos == "NPRO" or w.lemma == "который")
    )
    return ("obj" in markers and accusative) or ("dat" in markers and w.case == "datv")


def _earlier_subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """«отец сказал, что отвезёт меня», «зашёл мой парень, чтобы сводить меня»: an act in a
    clause of the sentence with no subject of its own is by the person the sentence is about
    (the nearest nominative character before it)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    for k in range(verb - 1, sentence.first - 1, -1):
        w = doc.words[k]
        if w.case == "nomn" and w.lemma not in ("я", "мы"):
            who = actor(doc, cast, k)
            if who is not None and who != "D":
                return who
    return None


def _names_dreamer(doc: RuDoc, verb: int) -> bool:
    sentence = doc.sentences[doc.sentence_of[verb]]
    return any(w.lemma in ("я", "мы") for w in doc.words[sentence.first : sentence.last])


def fill_unsaid(
    doc: RuDoc, cast: Cast, verb: int, initiator: str | None, recipient: str | None
) -> tuple[str | None, str | None]:
    """Who is left unsaid, as a Russian listener fills it in: an act aimed at the dreamer by
    someone the text does not name is by «someone» (1IUA); a character's affection with its
    object left out («мама целует в макушку») is aimed at the dreamer or, when the dreamer
    acts, at the last person mentioned."""
    if recipient == "D" and initiator is None:
        return _earlier_subject(doc, cast, verb) or "1IUA", recipient
    if recipient is None and initiator is not None:
        if initiator != "D":  # aimed at the dreamer only where the sentence names her
            return initiator, "D" if _names_dreamer(doc, verb) else None
        return initiator, cast.last_before(verb, "")
    return initiator, recipient


def impersonal(verb: Word) -> bool:
    """«меня схватили», «его увели»: a plural verb with no subject is an unnamed group."""
    return verb.number == "plur" and verb.person != "1per"


def thing_subject(doc: RuDoc, verb: int) -> bool:
    """Whether the parse gives the verb a subject that is a thing, not a person (a vehicle
    has a driver: «меня преследует машина» is someone's chase)."""
    for child, rel in children(doc, verb):
        w = doc.words[child]
        # the parse's subject, whatever case pymorphy3 guessed («Волны» read as genitive)
        if rel in _SUBJECT and w.pos == "NOUN" and not w.animate:
            return w.lemma not in _DRIVEN
    return False


@lru_cache(maxsize=4096)
def _passive_form(lower: str) -> bool:
    return any("pssv" in p.tag for p in morph_analyzer().parse(lower)[:2])


def passive(doc: RuDoc, verb: int) -> bool:
    """Whether the act word is a passive participle («укушена», «преследуемая»)."""
    w = doc.words[verb]
    return w.pos in ("PRTS", "PRTF") and _passive_form(w.lower)


def passive_sides(doc: RuDoc, cast: Cast, verb: int) -> tuple[str | None, str | None]:
    """(doer, the one it was done to) of a passive participle: the doer in the instrumental
    («укушена собакой», «преследуемая волком»), the one acted on the participle's own person
    («я была укушена», «преследуемая волком, я бежала»)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    doer = None
    for k in range(verb + 1, min(sentence.last, verb + 7)):
        if doc.words[k].lower in _CLAUSE_EDGE:
            break  # «ранена в руку каким-то солдатом»: the doer may come after the wound
        if doc.words[k].case == "ablt" and preposition(doc, k) == "":
            doer = actor(doc, cast, k)
            if doer is not None:
                break
    participle = doc.words[verb]
    if participle.pos == "PRTS":
        return doer, subject_of(doc, cast, verb)
    if participle.case != "nomn":
        return doer, None  # «со сломанной лодыжкой»: a thing's attribute, not a person's
    near = sorted(range(sentence.first, sentence.last), key=lambda k: abs(k - verb))
    for k in near:
        w = doc.words[k]
        if k == verb or w.case != "nomn" or w.number != participle.number:
            continue
        who = actor(doc, cast, k)
        gender = "" if who is None else _gender_of(who)
        if who is not None and (not gender or gender == participle.gender or who == "D"):
            return doer, who
    return doer, None
