"""Verbal hostility told without a hostile verb (HVdC aggression 2): a speech act in a hostile
manner or with hostile words, and anger voiced in the sentence that tells it.

HVdC codes level 2 for "verbal or expressive hostility" whatever verb tells it. Russian
reports mostly say it with a plain verb of speech and a word that makes it hostile: the
manner («грубо ответила», «сказал с раздражением», «ответила язвительным «хм»»), the words
said («— Убирайся! — сказала она», «крикнула, что я дура»), or anger told beside the speech
(«я так разозлилась, что начала кричать», «папа рассердился и сказал мне…»). These are read
as classes — a speech verb plus a hostile manner, content or anger — not as listed phrases.
The speech is aimed at the one addressed (dative, «на», «у»); with no one addressed, at the
dreamer when the sentence names her, or, when the dreamer speaks, at the last person met.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .hostility import INSULTS
from .lexicon import lexicon
from .negation import negated
from .nlp import RuDoc
from .participants import clause_of, recipient_of, subject_of

_SPEECH = frozenset(
    {"сказать", "говорить", "ответить", "отвечать", "крикнуть", "закричать", "кричать",
     "прокричать", "заорать", "орать", "произнести", "заявить", "заявлять", "процедить",
     "прошипеть", "буркнуть", "выпалить", "спросить", "спрашивать", "огрызнуться", "отрезать",
     "возразить", "воскликнуть", "высказать", "высказывать", "выговаривать", "повторить",
     "добавить", "бросить", "проворчать", "пробурчать", "рявкнуть", "вопить", "завопить",
     "махнуть", "отмахнуться", "велеть", "приказать"}
)  # fmt: skip
#: Shouting is hostile when anger is told beside it; saying is only with a hostile manner.
_SHOUTS = frozenset(
    {"крикнуть", "закричать", "кричать", "прокричать", "заорать", "орать", "вопить",
     "завопить", "рявкнуть"}
)  # fmt: skip
#: Hostile manners, as adverbs and as the adjectives pymorphy3 reads some of them as.
_MANNER = frozenset(
    {"грубо", "резко", "зло", "злобно", "сердито", "раздраженно", "язвительно", "ехидно",
     "насмешливо", "презрительно", "холодно", "надменно", "высокомерно", "свысока",
     "угрожающе", "враждебно", "нагло", "издевательски", "недовольно", "ядовито", "гневно",
     "яростно", "возмущенно", "сурово", "укоризненно", "саркастически", "саркастично",
     "злорадно", "пренебрежительно", "снисходительно", "обвиняюще", "зловеще", "колко",
     "грубый", "резкий", "злой", "злобный", "сердитый", "раздраженный", "язвительный",
     "ехидный", "насмешливый", "презрительный", "надменный", "высокомерный", "угрожающий",
     "враждебный", "наглый", "издевательский", "недовольный", "ядовитый", "гневный",
     "яростный", "возмущенный", "суровый", "укоризненный", "саркастический", "злорадный",
     "пренебрежительный", "снисходительный", "обвиняющий", "зловещий", "колкий"}
)  # fmt: skip
#: Nouns of a hostile manner after «с»: «сказал с раздражением», «со злостью».
_MANNER_NOUNS = frozenset(
    {"злость", "злоба", "раздражение", "презрение", "ненависть", "насмешка", "издевка",
     "упрек", "укор", "угроза", "сарказм", "ехидство", "ярость", "гнев", "возмущение",
     "негодование", "недовольство", "пренебрежение", "злорадство", "отвращение"}
)  # fmt: skip
#: Words said that drive away or silence the one addressed («убирайся», «отстань»).
_DRIVE_OFF = frozenset(
    {"убираться", "убраться", "вон", "отстать", "отстаньте", "заткнуться", "проваливать",
     "катиться", "отвязаться", "отвалить"}
)  # fmt: skip
#: What a demand tells the one addressed to do when it drives them off («чтобы прекратила»).
_STOP_OR_GO = frozenset(
    {"прекратить", "перестать", "отстать", "уйти", "уходить", "убраться", "убираться",
     "замолчать", "заткнуться", "отойти", "отвязаться", "проваливать", "выйти", "уехать",
     "исчезнуть"}
)  # fmt: skip
_DREAMER_FORMS = frozenset({"меня", "мне", "мной", "нас", "нам", "нами", "я", "мы"})
_PHASES = frozenset(
    {"начать", "начинать", "стать", "продолжать", "продолжить", "приняться", "начало"}
)  # fmt: skip
_LAUGH = frozenset(
    {"смеяться", "засмеяться", "рассмеяться", "расхохотаться", "хохотать", "захохотать",
     "ржать", "заржать", "хихикать", "захихикать"}
)  # fmt: skip
_REACH = 4  # words on either side of the speech verb where its manner is told
_ADDRESSED = "dat|на|у|obj"


def manner_words(doc: RuDoc, verb: int) -> list[int]:
    """The words that can tell how the verb's act was done: a few on either side in its
    clause, up to another verb or «и» («резко повернулся и сказал»: «резко» is the turn's)."""
    clause = clause_of(doc, verb)
    found: list[int] = []
    for step in (-1, 1):
        k = verb + step
        while k in clause and abs(k - verb) <= _REACH:
            w = doc.words[k]
            if w.pos in ("VERB", "INFN", "GRND") or w.lower == "и":
                break
            found.append(k)
            k += step
    return found


def said_in_manner(doc: RuDoc, verb: int, adverbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """One of ``adverbs`` (not negated) or «с/со» + one of ``nouns`` next to the verb in its
    clause: the manner of what was said («грубо ответила», «со злостью», «ласково сказала»)."""
    for k in manner_words(doc, verb):
        w = doc.words[k]
        if w.lemma in adverbs and not negated(doc, k):
            return True
        if w.lemma in nouns and k > 0 and doc.words[k - 1].lower in ("с", "со"):
            return True
    return False


def _hostile_words(doc: RuDoc, verb: int) -> bool:
    """An insult or a driving-off word said in the sentence of the speech («— Вон! — крикнула
    она», «сказала, что я дура»), or a demand that the one addressed stop or go away («сказала
    ей, чтобы прекратила», «махнул рукой, чтобы я уходила»)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    words = doc.words[sentence.first : sentence.last]
    if any(w.lemma in INSULTS or w.lemma in _DRIVE_OFF for w in words):
        return True
    after = doc.words[verb + 1 : sentence.last]
    for k, w in enumerate(after):
        if w.lower == "чтобы":
            return any(x.lemma in _STOP_OR_GO for x in after[k + 1 : k + 4])
    return False


def _angry(doc: RuDoc, verb: int) -> bool:
    """Anger told in the speech's sentence before it («я так разозлилась, что начала
    кричать»), not denied."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    emotions = lexicon("emotions")
    for k in range(sentence.first, verb):
        entry = emotions.get(doc.words[k].lemma)
        if entry is not None and entry.code == "AN" and not negated(doc, k):
            return True
    return False


def _names_dreamer(doc: RuDoc, verb: int) -> bool:
    sentence = doc.sentences[doc.sentence_of[verb]]
    return any(w.lower in _DREAMER_FORMS for w in doc.words[sentence.first : sentence.last])


def addressee(doc: RuDoc, cast: Cast, verb: int, speaker: str) -> str | None:
    """Who the speech is aimed at (see the module docstring); what is said *about* someone
    («говорила обо мне гадости») is aimed at them."""
    addressed = recipient_of(doc, cast, verb, "о") or recipient_of(doc, cast, verb, _ADDRESSED)
    if addressed is not None:
        return addressed
    if speaker != "D":
        return "D" if _names_dreamer(doc, verb) else None
    return cast.last_before(verb, "")


def said(doc: RuDoc, verb: int) -> bool:
    """Whether the word is a verb of speech that was said: not denied, and an infinitive only
    under a verb of beginning («боялась сказать им», «хотела крикнуть»: not said)."""
    w = doc.words[verb]
    if w.lemma not in _SPEECH or w.pos not in ("VERB", "INFN", "GRND") or negated(doc, verb):
        return False
    return w.pos != "INFN" or _begun(doc, verb)


def _hostile_speech(doc: RuDoc, verb: int) -> bool:
    if not said(doc, verb):
        return False
    w = doc.words[verb]
    if said_in_manner(doc, verb, _MANNER, _MANNER_NOUNS) or _hostile_words(doc, verb):
        return True
    return w.lemma in _SHOUTS and _angry(doc, verb)


def hostile_speech(doc: RuDoc) -> list[int]:
    """The words of hostile speech acts (their sentences are worth parsing)."""
    return [i for i in range(len(doc.words)) if _hostile_speech(doc, i)]


def _begun(doc: RuDoc, verb: int) -> bool:
    """«начала кричать», «стала ругаться»: an infinitive is said only under a verb of
    beginning or going on (pymorphy3 may read «начала» as a noun: its lemma is then
    «начало»)."""
    before = doc.words[max(0, verb - 3) : verb]
    return any(b.lemma in _PHASES for b in before)


def _laughed_at(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    """«Все начали смеяться», «все ржут» right after the dreamer's doing: everyone laughing
    with no one else to laugh at laughs at the dreamer (ridicule, HVdC expressive hostility)."""
    w = doc.words[i]
    if w.lemma not in _LAUGH or negated(doc, i) or (w.pos == "INFN" and not _begun(doc, i)):
        return None
    sentence = doc.sentences[doc.sentence_of[i]]
    before = doc.words[max(sentence.first, i - 3) : i]
    after = doc.words[i + 1 : min(sentence.last, i + 3)]
    if not any(b.lower == "все" for b in before) or any(
        a.lower in ("над", "с", "со") for a in after
    ):
        return None
    previous = doc.sentences[max(0, doc.sentence_of[i] - 1)]
    if not any(x.lemma in ("я", "мы") for x in doc.words[previous.first : sentence.last]):
        return None
    who = cast.last_before(i, "plur") or "2IUA"
    return Code("aggression", f"{who} 2> D", (w.start, w.end), w.text)


def code_verbal_hostility(doc: RuDoc, cast: Cast, speech: list[int]) -> list[Code]:
    """``S 2> R`` for each hostile speech act of S (at ``speech``) aimed at R (see the
    module docstring)."""
    codes: list[Code] = []
    for i in speech:
        speaker = subject_of(doc, cast, i) or ("D" if doc.words[i].person == "1per" else None)
        target = None if speaker is None else addressee(doc, cast, i, speaker)
        if speaker is None or target is None or target == speaker:
            continue
        w = doc.words[i]
        codes.append(Code("aggression", f"{speaker} 2> {target}", (w.start, w.end), w.text))
    laughs = (_laughed_at(doc, cast, i) for i, w in enumerate(doc.words) if w.lemma in _LAUGH)
    return codes + [code for code in laughs if code is not None]
