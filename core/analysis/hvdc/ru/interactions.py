"""Aggression, friendliness and sexuality in a Russian report: who did what to whom.

A verb from the lists names the act and its HVdC level; the sentence's dependency parse names
the initiator (the verb's subject, or the subject of the verb it is coordinated with) and the
recipient (the accusative object, the dative, or the object of the verb's own preposition:
«гнаться **за** мной», «напасть **на** неё», «ссориться **с** братом»). Only sentences that hold
such a verb are parsed. An act with no recipient who is a person is not an interaction.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import Entry, Lexicon, lexicon
from .negation import negated
from .nlp import RuDoc, Word, children, head_of, parse_syntax
from .roles import actor

CATEGORIES: tuple[str, ...] = ("aggression", "friendliness", "sexuality")
_SUBJECT = ("nsubj", "nsubj:pass")
_OBJECTS = ("obj", "iobj", "obl", "nmod", "obl:agent")
#: Reciprocal verbs with «с»: the act is mutual (HVdC "=").
_MUTUAL_PREPOSITION = "с"
#: Only affection (a hug, a kiss, a stroke) is read with its object left unsaid: a listener
#: supplies «меня» to «мама целует в макушку»; for other acts the guess costs more than it gains.
_FILL_LEVEL = 6
_KISSES = frozenset({"поцеловать", "целовать", "целоваться", "поцеловаться"})
_PARTNERS = frozenset(
    {"парень", "жених", "муж", "жена", "невеста", "любовник", "любовница", "возлюбленный",
     "любимый", "кавалер", "бойфренд", "бывший", "бывшая", "партнер", "супруг", "супруга"}
)  # fmt: skip
_DRIVEN = frozenset(
    {"машина", "автомобиль", "грузовик", "автобус", "мотоцикл", "танк", "самолет", "вертолет",
     "лодка", "катер", "корабль", "джип", "фургон"}
)  # fmt: skip
_FEAR = frozenset(
    {"бояться", "испугаться", "побояться", "опасаться", "страшно", "ужас", "страх", "ужасе"}
)  # fmt: skip
#: Resisting an attack («сопротивлялась», «стало отбиваться»): aimed at the attacker.
_FIGHT_BACK = frozenset(
    {"сопротивляться", "отбиваться", "отбиться", "защищаться", "бороться", "дать"}
)  # fmt: skip
_PLAIN = {
    "со": "с", "надо": "над", "ко": "к", "во": "в", "подо": "под", "передо": "перед",
    "ото": "от", "изо": "из", "обо": "о",
}  # fmt: skip
#: Verbs of threat: the act in their infinitive is only threatened («угрожал убить меня»).
_THREATS = frozenset({"угрожать", "пригрозить", "грозить", "грозиться", "обещать"})
_GREETINGS = frozenset({"здороваться", "поздороваться", "прощаться", "попрощаться"})
_RETOLD = 3  # sentences within which the same act between the same pair is one act
_CONTEXT = 3  # words beyond the clause's edges that the parse also reads
_WINDOW = 12  # at most this many words on either side of the act
_CLAUSE_EDGE = frozenset(
    {",", ".", ";", ":", "—", "!", "?", "«", "»", "а", "но", "что", "чтобы", "когда",
     "который", "пока", "если", "потому"}
)  # fmt: skip


def _candidates(doc: RuDoc) -> list[tuple[int, int, str, Entry]]:
    """(word, length, category, entry) for every listed act that is not denied."""
    lemmas = [w.lemma for w in doc.words]
    found: list[tuple[int, int, str, Entry]] = []
    for category in CATEGORIES:
        lex = lexicon(category)
        i = 0
        while i < len(lemmas):
            hit = lex.phrase_at(lemmas, i) or _gapped(doc, lemmas, lex, i)
            entry, length = hit if hit else (lex.words.get(lemmas[i]), 1)
            if entry is not None and category == "aggression" and _feared(doc, i):
                pass  # «боялась, что он нас догонит»: what she feared did not happen
            elif entry is not None and _threatened(doc, i):
                pass  # «угрожал убить меня» is a threat, coded by its own verb
            elif entry is not None and doc.words[i].pos in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
                if lemmas[i] == "не" or not negated(doc, i) or _almost(doc, i):
                    found.append((i, length, category, entry))
            elif entry is not None and hit is not None:
                found.append((i, length, category, entry))
            i += length
    # «дала мне пощёчину»: a blow, not a gift — a listed aggression phrase wins over its verb
    blows = {k for i, n, cat, _ in found if cat == "aggression" and n > 1 for k in range(i, i + n)}
    return [c for c in found if c[2] != "friendliness" or c[0] not in blows]


def _gapped(doc: RuDoc, lemmas: list[str], lex: Lexicon, i: int) -> tuple[Entry, int] | None:
    """A listed phrase with a pronoun inside it («дала **мне** пощёчину», «не давал **ей**
    проходу»): matched without the pronoun, and as long as the words it spans."""
    if i + 1 >= len(lemmas) or doc.words[i + 1].pos != "NPRO":
        return None
    hit = lex.phrase_at([*lemmas[: i + 1], *lemmas[i + 2 :]], i)
    return (hit[0], hit[1] + 1) if hit else None


def _threatened(doc: RuDoc, i: int) -> bool:
    w = doc.words[i]
    if w.pos != "INFN":
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    before = doc.words[max(sentence.first, i - 3) : i]
    return any(b.lemma in _THREATS for b in before)


def _feared(doc: RuDoc, i: int) -> bool:
    """Whether the act is in a clause of fear: «я боялась, что он меня ударит»."""
    clause = _clause(doc, i)
    k = clause.start - 1
    if k < 1 or doc.words[k].lower not in ("что", "чтобы"):
        return False
    before = doc.words[k - 2] if doc.words[k - 1].text == "," and k >= 2 else doc.words[k - 1]
    return before.lemma in _FEAR


def _almost(doc: RuDoc, i: int) -> bool:
    """«чуть не поймало», «едва не ударил»: an attempt, which HVdC codes, not a denial."""
    before = [w.lower for w in doc.words[max(0, i - 3) : i]]
    return "не" in before and any(w in ("чуть", "едва", "чуть-чуть") for w in before)


def _preposition(doc: RuDoc, i: int) -> str:
    """The preposition of the word at ``i`` in its plain form («со мной» → с, «надо мной» →
    над)."""
    for child, rel in children(doc, i):
        if rel == "case":
            return _PLAIN.get(doc.words[child].lower, doc.words[child].lower)
    if i > 0 and (doc.words[i - 1].pos == "PREP" or doc.words[i - 1].lower in _PLAIN):
        return _PLAIN.get(doc.words[i - 1].lower, doc.words[i - 1].lower)
    return ""


def _clause(doc: RuDoc, verb: int) -> range:
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
        return not v.number or not w.number or v.number == w.number
    if v.tense == "past":
        if v.number == "plur":  # «подруги смеялись»: a group even where the noun looks singular
            return w.number == "plur" or w.lemma == "мы" or who[:1] in "23456789"
        if w.lemma == "мы" or w.number == "plur":
            return False
        if w.lemma == "я":
            sex = {"femn": "F", "masc": "M"}.get(v.gender, "")
            return not cast.dreamer_sex or not sex or sex == cast.dreamer_sex
        gender = _gender_of(who)
        return not gender or not v.gender or gender == v.gender
    return True


def _subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """The verb's subject: the parse's if it agrees, else the nearest agreeing person word in
    the clause (Russian often puts it after the verb: «за мной гонится собака»); for an
    infinitive or a verb joined to another («побежала и ударила»), that verb's subject."""
    current = verb
    link = head_of(doc, verb)
    if doc.words[verb].pos == "GRND" and link is not None and link[0] >= 0:
        current = link[0]
    elif doc.words[verb].pos == "INFN" and link is not None and link[1] == "xcomp":
        current = link[0]  # «стала отчитывать их»: the subject is the finite verb's
    for _ in range(3):
        for child, rel in children(doc, current):
            who = actor(doc, cast, child) if rel in _SUBJECT else None
            if who is not None and _agrees(doc, cast, current, child, who):
                return who
        found = _nearest_subject(doc, cast, current)
        if found is not None:
            return found
        link = head_of(doc, current)
        if link is None or link[0] < 0 or link[1] not in ("conj", "xcomp", "advcl"):
            break
        current = link[0]
    return "D" if doc.words[verb].person == "1per" else None


def _nearest_subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    words = sorted(_clause(doc, verb), key=lambda k: (k > verb, abs(k - verb)))
    for k in words:
        w = doc.words[k]
        if (
            k == verb
            or (w.case != "nomn" and w.lemma not in ("я", "мы"))
            or w.case not in ("nomn", "")
        ):
            continue
        who = actor(doc, cast, k)
        if who is not None and _agrees(doc, cast, verb, k, who):
            return who
    return None


def _recipient(doc: RuDoc, cast: Cast, verb: int, marker: str) -> str | None:
    """The person the act is aimed at, by the verb's markers (obj, dat or a preposition):
    from the parse when it has one, else from the clause's word order and cases. A thing of
    the dreamer's («врезалась в мою машину», «украла мою сумку») makes the dreamer the one
    aimed at."""
    markers = marker.lstrip("<").split("|")
    for child, rel in children(doc, verb):
        if rel not in _OBJECTS:
            continue
        who = actor(doc, cast, child)
        if who is not None and _marked(doc, child, markers):
            return who
    for k in _clause(doc, verb):
        if k == verb or doc.words[k].case == "nomn":
            continue
        who = actor(doc, cast, k) or _owner(doc, k)
        if who is not None and _marked(doc, k, markers):
            return who
    return None


def _owner(doc: RuDoc, k: int) -> str | None:
    """D for a thing the dreamer calls hers («мою машину»), else None."""
    w = doc.words[k]
    if w.pos != "NOUN" or k == 0:
        return None
    before = doc.words[max(0, k - 2) : k]
    return "D" if any(b.lemma in ("мой", "наш") for b in before) else None


def _marked(doc: RuDoc, word: int, markers: list[str]) -> bool:
    w, preposition = doc.words[word], _preposition(doc, word)
    if preposition:
        return preposition in markers
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


def _fill_unsaid(
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


def _impersonal(verb: Word) -> bool:
    """«меня схватили», «его увели»: a plural verb with no subject is an unnamed group."""
    return verb.number == "plur" and verb.person != "1per"


def _thing_subject(doc: RuDoc, verb: int) -> bool:
    """Whether the parse gives the verb a subject that is a thing, not a person (a vehicle
    has a driver: «меня преследует машина» is someone's chase)."""
    for child, rel in children(doc, verb):
        w = doc.words[child]
        if rel in _SUBJECT and w.pos == "NOUN" and not w.animate and w.case == "nomn":
            return w.lemma not in _DRIVEN
    return False


def _code(doc: RuDoc, cast: Cast, i: int, category: str, entry: Entry) -> Code | None:
    verb = doc.words[i]
    initiator = _subject(doc, cast, i)
    if initiator is None and category == "aggression" and _impersonal(verb):
        initiator = "2IUA"  # «меня схватили»: attackers the dream does not name
    recipient = _recipient(doc, cast, i, entry.extra)
    if entry.extra.startswith("<"):  # «убегать от полицейского»: the object is the aggressor
        if recipient is None:
            return None  # «убежала домой»: running off from no one is no chase
        initiator, recipient = recipient, initiator or "D"
    if initiator is None and _thing_subject(doc, i):
        return None  # «вода нас не пускала», «ветер сбил меня»: no one did it
    if recipient is not None or (category == "friendliness" and int(entry.code) >= _FILL_LEVEL):
        initiator, recipient = _fill_unsaid(doc, cast, i, initiator, recipient)
    if initiator is None or recipient is None or recipient == initiator:
        return None
    mutual = (
        _MUTUAL_PREPOSITION in entry.extra.split("|")
        and verb.lemma.endswith(("ся", "сь"))
        and verb.lemma not in _GREETINGS  # «она поздоровалась со мной»: she greets me
    )
    sign = "=" if mutual else ">"
    if mutual and recipient == "D":  # HVdC writes the dreamer first in a mutual act
        initiator, recipient = recipient, initiator
    return Code(
        category, f"{initiator} {entry.code}{sign} {recipient}", (verb.start, verb.end), verb.text
    )


def _windows(doc: RuDoc, verbs: list[int]) -> list[tuple[int, int]]:
    """One span per sentence covering each act's clause and a few words around it."""
    spans: dict[int, tuple[int, int]] = {}
    for verb in verbs:
        sentence = doc.sentences[doc.sentence_of[verb]]
        clause = _clause(doc, verb)
        start = max(sentence.first, clause.start - _CONTEXT, verb - _WINDOW)
        end = min(sentence.last, clause.stop + _CONTEXT, verb + _WINDOW)
        old = spans.get(doc.sentence_of[verb])
        spans[doc.sentence_of[verb]] = (
            (min(start, old[0]), max(end, old[1]))
            if old
            else (
                start,
                end,
            )
        )
    return sorted(spans.values())


def _romantic_kiss(doc: RuDoc, verb: int) -> bool:
    """A kiss with a boyfriend, a husband, a lover is HVdC sexuality (level 3), not the
    friendly kiss of a mother or a friend."""
    if doc.words[verb].lemma not in _KISSES:
        return False
    return any(doc.words[k].lemma in _PARTNERS for k in _clause(doc, verb))


def _fought_back(
    doc: RuDoc, cast: Cast, verb: int, entry: Entry, earlier: list[Code]
) -> Code | None:
    """«оно стало отбиваться», «она сопротивлялась» with no one named: HVdC's reciprocated
    aggression, from the one attacked back to the latest one who attacked them."""
    who = _subject(doc, cast, verb)
    for code in reversed(earlier):
        parts = code.code.split()
        if code.category == "aggression" and len(parts) == 3 and parts[2] == who:
            w = doc.words[verb]
            return Code("aggression", f"{who} {entry.code}> {parts[0]}", (w.start, w.end), w.text)
    return None


def _chase(code: Code) -> bool:
    return code.category == "aggression" and " 6> " in code.code


def code_interactions(doc: RuDoc, cast: Cast) -> list[Code]:
    """Interaction codes in text order; the same act between the same pair in a sentence once."""
    candidates = _candidates(doc)
    parse_syntax(doc, _windows(doc, [i for i, _, _, _ in candidates]))
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    for i, _length, category, entry in sorted(candidates, key=lambda c: c[0]):
        verb = i + 1 if doc.words[i].lower == "не" and i + 1 < len(doc.words) else i
        if category == "friendliness" and _romantic_kiss(doc, verb):
            category, entry = "sexuality", Entry("3", entry.extra)
        code = _code(doc, cast, verb, category, entry)
        if code is None and doc.words[verb].lemma in _FIGHT_BACK:
            code = _fought_back(doc, cast, verb, entry, codes)
        if code is None:
            continue
        sentence = doc.sentence_of[i]
        told = _chase(code) and any(c == code.code for _, c in seen)
        # an act told again within three sentences is one act (a chase that goes on, however far)
        told = told or any(c == code.code and sentence - k < _RETOLD for k, c in seen)
        if not told:
            seen.add((sentence, code.code))
            codes.append(code)
    return codes
