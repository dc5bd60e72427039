"""Aggression, friendliness and sexuality in a Russian report: who did what to whom.

A verb from the lists names the act and its HVdC level; the sentence's dependency parse names
the initiator (the verb's subject, or the subject of the verb it is coordinated with) and the
recipient (the accusative object, the dative, or the object of the verb's own preposition:
«гнаться **за** мной», «напасть **на** неё», «ссориться **с** братом»). Only sentences that hold
such a verb are parsed. An act with no recipient who is a person is not an interaction.

Acts told without a listed verb are read by their own modules — verbal hostility and kind
words (:mod:`.verbal`, :mod:`.kind_words`), rejection (:mod:`.rejections`, :mod:`.hostility`,
:mod:`.refusals`), warmth and favours (:mod:`.warmth`, :mod:`.favours`), weddings
(:mod:`.marriage`) — and every code is counted once (:mod:`.counting`).
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .counting import MARRIAGE, count_once, reciprocated
from .favours import code_favours
from .hostility import code_hostility
from .kind_words import code_kind_words
from .lexicon import Entry, Lexicon, lexicon
from .marriage import code_weddings
from .negation import negated
from .nlp import RuDoc, parse_syntax
from .participants import (
    clause_of,
    fill_unsaid,
    impersonal,
    pair_partner,
    passive,
    passive_sides,
    recipient_of,
    subject_of,
    thing_subject,
)
from .reciprocals import reciprocal_object
from .refusals import code_refused_requests
from .rejections import code_rejections
from .speech import in_speech
from .verbal import code_verbal_hostility, hostile_speech
from .warmth import code_warmth

CATEGORIES: tuple[str, ...] = ("aggression", "friendliness", "sexuality")
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
_FEAR = frozenset(
    {"бояться", "испугаться", "побояться", "опасаться", "страшно", "ужас", "страх", "ужасе"}
)  # fmt: skip
#: Resisting an attack («сопротивлялась», «стало отбиваться»): aimed at the attacker.
_FIGHT_BACK = frozenset(
    {"сопротивляться", "отбиваться", "отбиться", "защищаться", "бороться", "дать"}
)  # fmt: skip
#: Verbs of threat: the act in their infinitive is only threatened («угрожал убить меня»).
_THREATS = frozenset({"угрожать", "пригрозить", "грозить", "грозиться", "обещать"})
#: Verbs of request and command: the act in their infinitive is the listener's to do, and is
#: only asked for («умолял меня разорвать помолвку», «попросил сломать замок»). Wishes and
#: plans are not among them: the coders code «хотела его вытащить», «хотела убить нас».
_REQUESTS = frozenset(
    {"просить", "попросить", "умолять", "упрашивать", "уговаривать", "уговорить", "велеть",
     "приказать", "приказывать"}
)  # fmt: skip
#: Acts with «с» that still have a direction: she greets me, he comes to see me.
_GREETINGS = frozenset(
    {"здороваться", "поздороваться", "прощаться", "попрощаться", "повидаться"}
)  # fmt: skip
_PLAY = frozenset({"шутка", "шутя", "понарошку", "игриво", "шутливо", "играючи", "шуточный"})
#: Going after someone: a chase when someone does it to the dreamer (the English coder's
#: "follow"), going along when the dreamer or a character goes after another.
_FOLLOW = frozenset(
    {"идти", "пойти", "следовать", "бежать", "побежать", "увязаться", "последовать"}
)  # fmt: skip
_CALLS = frozenset({"звать", "позвать"})
_TRIED = frozenset({"мочь", "смочь", "успеть", "суметь", "удаться", "получиться", "пытаться"})
_CONTEXT = 3  # words beyond the clause's edges that the parse also reads
_WINDOW = 12  # at most this many words on either side of the act


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
            elif entry is not None and _requested(doc, i):
                pass  # «попросил меня сломать замок»: asked for, not done
            elif entry is not None and doc.words[i].pos in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
                denied = negated(doc, i) or _modal_denied(doc, i)
                if lemmas[i] == "не" or not denied or _almost(doc, i):
                    found.append((i, length, category, entry))
            elif entry is not None and hit is not None:
                found.append((i, length, category, entry))
            i += length
    # «дала мне пощёчину»: a blow, not a gift — a listed aggression phrase wins over its verb
    blows = {k for i, n, cat, _ in found if cat == "aggression" and n > 1 for k in range(i, i + n)}
    return [c for c in found if c[2] != "friendliness" or c[0] not in blows]


def _modal_denied(doc: RuDoc, i: int) -> bool:
    """«не стал её бить», «не захотел помочь»: an infinitive whose verb of will is denied
    did not happen either («не смогли догнать», «не успела отдать» were attempts, which
    HVdC codes)."""
    if doc.words[i].pos != "INFN":
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i - 1, max(sentence.first, i - 3) - 1, -1):
        w = doc.words[k]
        if w.pos == "VERB":
            return w.lemma not in _TRIED and negated(doc, k)
        if w.pos not in ("NPRO", "ADVB", "PRCL"):
            return False
    return False


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


def _requested(doc: RuDoc, i: int) -> bool:
    """An infinitive governed by a verb of request (at most four words back, past the
    listener, pronouns and adverbs)."""
    if doc.words[i].pos != "INFN":
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i - 1, max(sentence.first, i - 4) - 1, -1):
        w = doc.words[k]
        if w.lemma in _REQUESTS:
            return True
        if w.pos not in ("NPRO", "ADVB", "PRCL", "NOUN", "INFN"):
            return False
    return False


def _feared(doc: RuDoc, i: int) -> bool:
    """Whether the act is in a clause of fear: «я боялась, что он меня ударит»."""
    clause = clause_of(doc, i)
    k = clause.start - 1
    if k < 1 or doc.words[k].lower not in ("что", "чтобы"):
        return False
    before = doc.words[k - 2] if doc.words[k - 1].text == "," and k >= 2 else doc.words[k - 1]
    return before.lemma in _FEAR


def _almost(doc: RuDoc, i: int) -> bool:
    """«чуть не поймало», «едва не ударил»: an attempt, which HVdC codes, not a denial."""
    before = [w.lower for w in doc.words[max(0, i - 3) : i]]
    return "не" in before and any(w in ("чуть", "едва", "чуть-чуть") for w in before)


def _sides(
    doc: RuDoc, cast: Cast, i: int, category: str, entry: Entry
) -> tuple[str | None, str | None]:
    """(initiator, recipient) as the words give them: a passive participle's doer is in the
    instrumental and the one it was done to is its subject (:func:`.participants.passive_sides`)."""
    if passive(doc, i):
        doer, done_to = passive_sides(doc, cast, i)
        if doer is None and done_to == "D" and category == "aggression":
            doer = "1IUA"  # «я была схвачена»: by someone the dream does not name
        return doer, done_to
    initiator = subject_of(doc, cast, i)
    if initiator is None and thing_subject(doc, i):
        return None, None  # «поиски меня измучили», «волны нас сбили»: no one did it
    if initiator is None and category == "aggression" and impersonal(doc.words[i]):
        initiator = "2IUA"  # «меня схватили»: attackers the dream does not name
    recipient = recipient_of(doc, cast, i, entry.extra)
    if recipient is None and initiator == "D" and _together(doc, i, entry):
        recipient = cast.last_before(i, "")  # «мы помирились»: the dreamer and her companion
    if recipient is None and initiator is not None and _each_other(doc, i):
        recipient = _partner(doc, cast, i, initiator)
    if recipient is None and initiator not in (None, "D") and _mutual_verb(doc, i, entry):
        recipient = pair_partner(doc, cast, i, initiator or "")
    return initiator, recipient


def _two_of(cast: Cast, code: str) -> bool:
    """Whether two characters share the code («Нэнси» and «Джулия», both 1FKA), so an act
    between two mentions of it can be one of them acting on the other."""
    return code != "D" and sum(1 for c in cast.characters if c.code == code) > 1


def _each_other(doc: RuDoc, verb: int) -> bool:
    return reciprocal_object(doc, clause_of(doc, verb)) is not None


def _partner(doc: RuDoc, cast: Cast, verb: int, initiator: str) -> str | None:
    """Who is on the other side of «друг друга»: a group acts within itself (HVdC codes
    «стреляли друг в друга» on the group, ``2MSA 8= 2MSA``); «мы» is the dreamer and her
    companion; a single subject («Ирма и Барб ссорились»), the latest other person named."""
    if initiator[0] in "23456789":
        return initiator
    for k in sorted((k for k in cast.by_word if k < verb), reverse=True):
        if cast.by_word[k] != initiator or initiator == "D":
            return cast.by_word[k]
    return None


def _mutual_verb(doc: RuDoc, verb: int, entry: Entry) -> bool:
    """A reflexive act with «с» («помирились», «дрались»): done together, not to someone."""
    reflexive = doc.words[verb].lemma.endswith(("ся", "сь"))
    return reflexive and _MUTUAL_PREPOSITION in entry.extra.split("|")


def _together(doc: RuDoc, verb: int, entry: Entry) -> bool:
    """A mutual act («помирились», «встретились») told of «мы» with no one after «с»: «мы»
    in its clause, or a plural verb whose dropped subject is the dreamer («мы с ним
    ругались, потом помирились»)."""
    if not _mutual_verb(doc, verb, entry):
        return False
    plural = doc.words[verb].number == "plur"  # the caller's subject is the dreamer
    return plural or any(doc.words[k].lower == "мы" for k in clause_of(doc, verb))


_THREAT, _SAID = "4", "2"


def _code(doc: RuDoc, cast: Cast, i: int, category: str, entry: Entry) -> Code | None:
    verb = doc.words[i]
    if in_speech(doc, i):  # «сказал: «Я тебя убью»»: words, not the act they name
        if category != "aggression" or verb.tense == "past":
            return None
        # an act promised is a threat (HVdC level 4), one declared («ненавижу») hostile words
        entry = Entry(_THREAT if verb.tense == "futr" else _SAID, entry.extra)
    initiator, recipient = _sides(doc, cast, i, category, entry)
    if entry.extra.startswith("<"):  # «убегать от полицейского»: the object is the aggressor
        if recipient is None:
            return None  # «убежала домой»: running off from no one is no chase
        initiator, recipient = recipient, initiator or "D"
    if initiator is None and thing_subject(doc, i):
        return None  # «вода нас не пускала», «ветер сбил меня»: no one did it
    if recipient is not None or (category == "friendliness" and int(entry.code) >= _FILL_LEVEL):
        initiator, recipient = fill_unsaid(doc, cast, i, initiator, recipient)
    each_other = _each_other(doc, i)
    if initiator is None or recipient is None:
        return None
    if recipient == initiator and not (each_other or _two_of(cast, initiator)):
        return None
    if category == "aggression" and verb.lemma in _FOLLOW and recipient != "D":
        return None  # «я побежала за мамой»: going after someone is a chase only at the dreamer
    mutual = (
        _MUTUAL_PREPOSITION in entry.extra.split("|")
        and verb.lemma.endswith(("ся", "сь"))
        and verb.lemma not in _GREETINGS  # «она поздоровалась со мной»: she greets me
    ) or (category == "friendliness" and entry.code == MARRIAGE)  # a marriage is the couple's
    mutual = mutual or each_other
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
        clause = clause_of(doc, verb)
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
    return any(doc.words[k].lemma in _PARTNERS for k in clause_of(doc, verb))


def _occasion(doc: RuDoc, verb: int) -> bool:
    """An invitation names what one is invited to: «позвала обедать», «зовёт на ужин», «в
    гости», «к себе», «домой»; «позвала на помощь» is a call for help."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    after = doc.words[verb + 1 : min(sentence.last, verb + 5)]
    if any(w.lemma == "помощь" for w in doc.words[verb + 1 : min(sentence.last, verb + 8)]):
        return False  # «позвал маму с огорода на помощь»
    return any(w.pos == "INFN" or w.lower in ("на", "в", "к", "домой", "гости") for w in after)


def _playful(doc: RuDoc, verb: int) -> bool:
    """«мы начали в шутку бороться», «шутя толкнул меня»: a fight in play is a shared game
    (HVdC friendliness), not an attack."""
    return any(doc.words[k].lemma in _PLAY for k in clause_of(doc, verb))


def _fought_back(
    doc: RuDoc, cast: Cast, verb: int, entry: Entry, earlier: list[Code]
) -> Code | None:
    """«оно стало отбиваться», «она сопротивлялась» with no one named: HVdC's reciprocated
    aggression, from the one attacked back to the latest one who attacked them."""
    who = subject_of(doc, cast, verb)
    for code in reversed(earlier):
        parts = code.code.split()
        if code.category == "aggression" and len(parts) == 3 and parts[2] == who:
            w = doc.words[verb]
            return Code("aggression", f"{who} {entry.code}> {parts[0]}", (w.start, w.end), w.text)
    return None


def code_interactions(doc: RuDoc, cast: Cast) -> list[Code]:
    """Interaction codes in text order: the listed acts, then the acts told without a listed
    verb where no listed act was coded on the same word, counted once each
    (:mod:`.counting`)."""
    candidates = _candidates(doc)
    speech = hostile_speech(doc)
    parse_syntax(doc, _windows(doc, [i for i, _, _, _ in candidates] + speech))
    codes = _unlisted(doc, cast, speech, _listed(doc, cast, candidates))
    return reciprocated(count_once(doc, sorted(codes, key=lambda c: c.span[0] if c.span else -1)))


def _listed(doc: RuDoc, cast: Cast, candidates: list[tuple[int, int, str, Entry]]) -> list[Code]:
    """Codes of the acts the word lists name."""
    codes: list[Code] = []
    for i, _length, category, entry in sorted(candidates, key=lambda c: c[0]):
        verb = i + 1 if doc.words[i].lower == "не" and i + 1 < len(doc.words) else i
        if category == "friendliness" and _romantic_kiss(doc, verb):
            category, entry = "sexuality", Entry("3", entry.extra)
        if category == "aggression" and _playful(doc, verb):
            category, entry = "friendliness", Entry("5", entry.extra)
        if doc.words[verb].lemma in _CALLS and not _occasion(doc, verb):
            continue  # «позвала мужа»: a call, not an invitation
        code = _code(doc, cast, verb, category, entry)
        if code is None and doc.words[verb].lemma in _FIGHT_BACK:
            code = _fought_back(doc, cast, verb, entry, codes)
        if code is not None:
            codes.append(code)
    return codes


def _unlisted(doc: RuDoc, cast: Cast, speech: list[int], codes: list[Code]) -> list[Code]:
    """The listed codes plus the acts told by constructions, not by a listed verb (speech,
    rejection, warmth, favours, kind words, weddings, withheld kindness, refused requests);
    a word already coded is not coded again."""
    told = code_verbal_hostility(doc, cast, speech) + code_rejections(doc, cast)
    told += code_warmth(doc, cast) + code_favours(doc, cast) + code_kind_words(doc, cast)
    codes = codes + [c for c in told if c.span not in {x.span for x in codes}]
    codes.extend(code_weddings(doc, cast, codes))
    spans = {c.span for c in codes}
    codes.extend(c for c in code_hostility(doc, cast) if c.span not in spans)
    spans = {c.span for c in codes if c.category == "aggression"}
    codes.extend(c for c in code_refused_requests(doc, cast) if c.span not in spans)
    return codes
