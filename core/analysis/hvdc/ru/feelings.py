"""Emotions (HVdC AN, AP, SD, CO, HA) stated in a Russian report, with who feels them.

Coded only when the words state or clearly express the feeling, as HVdC requires; a denied
feeling («не боялась», «перестала бояться») is not coded. The experiencer is the dreamer
unless a character (or «он/она/они» pointing to one) is the clause's subject or the dative
of a state word («ей было страшно»).
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import Entry, lexicon
from .negation import negated
from .nlp import RuDoc
from .roles import clause_subject

#: Adjectives that name a feeling only in the short, predicative form («я была зла»), not as
#: an attribute («злая собака» is not an angry dreamer).
_SHORT_ONLY = frozenset({"злой"})


#: Adverbs that state a feeling only as a predicate («мне было странно»), not as the manner
#: of an act («девчонки как-то странно переглянулись»).
_PREDICATIVE_ONLY = frozenset({"странно"})
_LINKING = frozenset({"быть", "стать", "становиться", "казаться", "показаться"})
#: States said of someone in the dative («мне было хорошо и спокойно», «ей стало уютно»):
#: contentment (HA) only as the predicate, never as the manner of an act («хорошо знала»).
_STATES = {"хорошо": "HA", "спокойно": "HA", "уютно": "HA", "спокойный": "HA"}
#: Nouns of a calm that is a feeling only when felt («почувствовал странный покой»).
_FELT = {"покой": "HA", "спокойствие": "HA", "умиротворение": "HA", "облегчение": "HA"}
_FEEL_VERBS = frozenset({"чувствовать", "почувствовать", "ощутить", "ощущать", "испытать"})
_EXPERIENCERS = frozenset({"мне", "нам", "ей", "ему", "им"})
_CRYING = frozenset({"плакать", "заплакать", "расплакаться", "слеза", "рыдать"})
_JOY = frozenset({"радость", "счастье", "счастие"})
_CLAUSE_END = frozenset({",", ".", ";", ":", "—", "!", "?", "но", "а", "что", "когда"})
#: Verbs whose feeler is the dative («мне понравился», «ей полегчало»); any other finite verb's
#: feeler is its nominative subject, and a dative beside it is whom the feeling is about
#: («я ей очень обрадовалась» is the dreamer's joy).
_DATIVE_FEELERS = frozenset({"нравиться", "понравиться", "полегчать", "взгрустнуться"})
#: Adverbs of feeling that, before a word of quality or an act, only say "very": «страшно
#: искажены», «я страшно разозлилась», «ужасно холодно» («мне страшно идти» is fear).
_INTENSIFIERS = frozenset({"страшно", "ужасно", "жутко", "удивительно", "безумно", "дико"})
_QUALITIES = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "VERB", "ADVB", "COMP"})
#: Nouns that a feeling adjective describes as felt («в подавленном настроении»); before any
#: other noun it describes a look or a thing («судья весёлого вида», «весёлая музыка»).
_FELT_NOUNS = frozenset({"настроение", "состояние", "чувство", "душа", "сердце"})
#: «ничего страшного», «ничего смешного»: a feeling word after «ничего» denies it.
_NOTHING = frozenset({"ничего", "нечего"})


def _states_feeling(doc: RuDoc, i: int) -> bool:
    w = doc.words[i]
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if (
        nxt is not None
        and w.lower in _INTENSIFIERS
        and nxt.pos in _QUALITIES
        and nxt.lemma not in _LINKING
    ):
        return False
    if w.pos == "ADJF" and nxt is not None and nxt.pos == "NOUN" and nxt.case == w.case:
        return nxt.lemma in _FELT_NOUNS
    if w.lemma in _PREDICATIVE_ONLY:
        near = doc.words[max(0, i - 2) : i + 2]  # «ведёт себя странно» is a manner
        return not any(
            x.pos in ("VERB", "INFN", "GRND") and x is not w and x.lemma not in _LINKING
            for x in near
        )
    return w.lemma not in _SHORT_ONLY or w.pos == "ADJS"


def _clause_words(doc: RuDoc, i: int, reach: int = 4) -> list[int]:
    """Indices of the words around ``i`` up to the clause's edges (at most ``reach`` away)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    out = []
    for step in (-1, 1):
        k = i + step
        while sentence.first <= k < sentence.last and abs(k - i) <= reach:
            if doc.words[k].lower in _CLAUSE_END:
                break
            out.append(k)
            k += step
    return out


def _state(doc: RuDoc, i: int) -> str | None:
    """HA for «мне было хорошо», «ей стало спокойно», «я почувствовал покой»; None for a manner
    («хорошо плавала», «спокойный лось») or a calm not felt («оставь в покое»)."""
    w = doc.words[i]
    near = [doc.words[k] for k in _clause_words(doc, i)]
    if w.lower in _STATES:
        if any(x.pos in ("VERB", "INFN") and x.lemma not in _LINKING for x in near):
            return None
        if any(x.lower in _EXPERIENCERS for x in near):
            return _STATES[w.lower]
        return None  # «там было уютно», «всё было хорошо»: the place or the plan, not a feeling
    if w.lemma in _FELT and any(x.lemma in _FEEL_VERBS for x in near):
        return _FELT[w.lemma]
    return None


def _joyful_tears(doc: RuDoc, i: int) -> bool:
    """«плачет от радости»: tears of joy are not sadness."""
    after = doc.words[i + 1 : i + 4]
    return doc.words[i].lemma in _CRYING and any(x.lemma in _JOY for x in after)


def _feeler(doc: RuDoc, cast: Cast, i: int) -> str:
    """Who feels the emotion at ``i``: for a finite verb its subject, never a dative object;
    otherwise the clause's subject, a dative included («ей было страшно»)."""
    verb = doc.words[i]
    if verb.pos != "VERB" or verb.lemma in _DATIVE_FEELERS:
        return clause_subject(doc, cast, i)
    return clause_subject(doc, cast, i, cases=("nomn",))


def _denied_by_nothing(doc: RuDoc, i: int) -> bool:
    return i > 0 and doc.words[i - 1].lower in _NOTHING


def code_emotions(doc: RuDoc, cast: Cast) -> list[Code]:
    """One code per stated emotion; a repeat of the same class and feeler in a sentence is one."""
    lemmas = [w.lemma for w in doc.words]
    lex = lexicon("emotions")
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    i = 0
    while i < len(doc.words):
        hit = lex.phrase_at(lemmas, i)
        length = hit[1] if hit else 1
        entry = hit[0] if hit else lex.get(lemmas[i]) or lex.get(doc.words[i].lower)
        phrase_negative = hit is not None and lemmas[i] == "не"
        if entry is not None and hit is None and not _states_feeling(doc, i):
            entry = None
        if entry is None and hit is None:
            state = _state(doc, i)
            entry = Entry(state) if state else None
        if entry is not None and (_joyful_tears(doc, i) or _denied_by_nothing(doc, i)):
            entry = None
        if entry is not None and (phrase_negative or not negated(doc, i)):
            who = _feeler(doc, cast, i)
            key = (doc.sentence_of[i], f"{entry.code}, {who}")
            if key not in seen:
                seen.add(key)
                w, last = doc.words[i], doc.words[i + length - 1]
                codes.append(
                    Code("emotions", key[1], (w.start, last.end), doc.text[w.start : last.end])
                )
        i += length
    return codes
