"""Settings (HVdC scenes) of a Russian report: indoor/outdoor and how familiar the place is.

The places the dreamer is at come from ``whereabouts``; their familiarity from the words around
them (``familiarity``): the dreamer's own is F, strange U, changed D, a named city G, else Q. A
new setting starts when the dream moves between indoors and outdoors or to a new scene.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .familiarity import familiarity
from .moves import move_verb
from .nlp import RuDoc
from .whereabouts import mentions, moved, toward, weak

_BREAKS = frozenset({",", "—", ";", ":"})
_LEADS = frozenset({"и", "а", "но", "потом", "тут", "вдруг", "затем", "внезапно"})
#: Fixtures of a room: at one of them the dreamer is indoors («у окна», «за столом»).
_FIXTURES = frozenset(
    {"окно", "стол", "холодильник", "диван", "кресло", "плита", "камин", "шкаф", "подоконник",
     "потолок", "стена", "телевизор", "комод", "раковина", "экзамен"}
)  # fmt: skip
#: Fixtures that tell a room wherever they are named («открыла холодильник»).
_TELLING = frozenset({"холодильник", "подоконник", "плита", "камин", "раковина"})
#: Verbs of moving along, within the place one is in («шла по парковке»).
_ALONG = frozenset(
    {"идти", "ехать", "бежать", "плыть", "лететь", "спускаться", "подниматься", "ходить",
     "ездить", "гулять", "брести", "ползти", "лезть", "мчаться", "кататься"}
)  # fmt: skip
_FAMILY = frozenset("FMXBTHWRY")
_TAKING = frozenset({"сдавать", "сдать", "писать"})
_MAX_SETTINGS = 3
#: Familiarities that tell two places apart (a changed D or an unsure Q place is the same).
_KNOWN_KINDS = frozenset("FUG")
_DEFAULT = "AQ"  # nothing says where: HVdC's ambiguous, unqualified setting
#: Sentence openings that start a new scene («Потом сон сменился», «Вдруг я оказалась …»).
_SCENE_MARKERS = (
    "сон сменился", "сон изменился", "сцена сменилась", "следующее что помню",
    "следующее что я помню", "я оказалась", "я оказался", "мы оказались", "потом я была",
    "потом я был", "потом мы были", "потом я уже", "в следующий миг", "в следующей части",
    "дальше снилось", "потом снилось", "потом мне снилось", "в другой части сна",
)  # fmt: skip


def _scenes(doc: RuDoc) -> list[tuple[int, int]]:
    """Word ranges ``[first, last)`` of the dream's scenes: a new one starts with a sentence or
    clause that says the scene changed («Потом сон сменился», «…, и в следующий миг я уже
    была у него дома»)."""
    starts = [0]
    for sentence in doc.sentences:
        for n, first in enumerate(_clause_starts(doc, sentence.first, sentence.last)):
            opening = " ".join(
                w.lower for w in doc.words[first : min(sentence.last, first + 7)]
                if any(c.isalpha() for c in w.lower)
            )  # fmt: skip
            # a sentence may open with «Потом вдруг я оказалась»; a clause must open with it
            found = (m in opening if n == 0 else opening.startswith(m) for m in _SCENE_MARKERS)
            if first > 0 and any(found):
                starts.append(first)
                break
    return list(zip(starts, [*starts[1:], len(doc.words)], strict=True))


def _clause_starts(doc: RuDoc, first: int, last: int) -> list[int]:
    """The sentence's first word and each word after a comma or dash, past «и», «а», «но»,
    «потом», «тут», «вдруг» (where a marker of a new scene may open the clause)."""
    out = [first]
    for j in [j + 1 for j in range(first, last - 1) if doc.words[j].text in _BREAKS]:
        while j < last - 1 and doc.words[j].lower in _LEADS:
            j += 1
        out.append(j)
    return out


def _scene_settings(
    doc: RuDoc, cast: Cast, mentions: list[tuple[int, str]], scene: tuple[int, int]
) -> list[Code]:
    """The settings of one scene: its first place, then each move between indoors and
    outdoors; a vague first place («по лестнице») takes the sharper kind of the next one."""
    inside = [m for m in mentions if scene[0] <= m[0] < scene[1]]
    if not inside:
        return []
    start, first = _first_setting(doc, cast, inside, scene)
    codes = [first]
    kind = inside[start][1][0] + first.code[1]
    for i, listed in inside[start + 1 :]:
        if toward(doc, i):
            continue  # «побежала к дому»: not there yet
        if listed[0] == kind[0] != "A" and _entered(doc, cast, i):
            fam = familiarity(doc, cast, i, listed[1:], scene)
            if fam != codes[-1].code[1] and {fam, codes[-1].code[1]} <= _KNOWN_KINDS:
                codes.append(_make(doc, i, listed[0] + fam))  # «вышла из незнакомой комнаты
                continue  # и перешла в другую, знакомую»: a new place, told apart by kind
        if (
            listed[0] == kind[0]
            or "A" in (listed[0], kind[0])
            or not moved(doc, i, cast.dreamer_sex)
        ):
            if kind[0] == "A" and listed[0] != "A" and len(codes) == 1:
                kind = listed[0] + codes[-1].code[1]
                codes[-1] = _make(doc, i, kind)
            elif listed[0] == kind[0] and codes[-1].code[1] == "Q" and listed[1:] == "F":
                # «в трамвае по Юклид-авеню»: a later word of the same place names it as the
                # dreamer's own (a weaker cue leaves HVdC's default, questionable)
                codes[-1] = _make(doc, i, kind[0] + familiarity(doc, cast, i, "F", scene))
            continue
        kind = listed
        fam = familiarity(doc, cast, i, listed[1:], scene)
        if fam == "Q" and codes[-1].code[1] == "U":
            fam = "U"  # «незнакомое озеро … вбежали в дом»: still the strange place's house
        codes.append(_make(doc, i, listed[0] + fam))
    return codes


def _entered(doc: RuDoc, cast: Cast, i: int) -> bool:
    """«зашла в больницу», «поехала на автобусе в центр»: a move into the place (its
    accusative) or a move that is done (a perfective verb), not a move within it
    («спускались на эскалаторе», «шла по парковке»)."""
    if not moved(doc, i, cast.dreamer_sex):
        return False
    verb = move_verb(doc, i)
    return doc.words[i].case == "accs" or (verb is not None and verb not in _ALONG)


def _first_setting(
    doc: RuDoc, cast: Cast, inside: list[tuple[int, str]], scene: tuple[int, int]
) -> tuple[int, Code]:
    """The scene's first setting and the mention it ends at: a weak first place («я была в
    Чикаго», «пошла домой») takes indoors or outdoors from a definite place in the next two
    sentences (and stays familiar if it was), as the English coder sharpens a vague one."""
    i, listed = inside[0]
    own = familiarity(doc, cast, i, listed[1:], scene)
    if weak(doc, i, listed):
        horizon = doc.sentence_of[i] + 2
        for n, (j, better) in enumerate(inside[1:], 1):
            if doc.sentence_of[j] > horizon:
                break
            if weak(doc, j, better) or better[0] == "A":
                continue
            if better[0] == listed[0] or _entered(doc, cast, j):
                break  # «в незнакомом городе … зашла в больницу»: a move, a new setting
            fam = own if own == "F" else familiarity(doc, cast, j, better[1:], scene)
            return n, _make(doc, j, better[0] + fam)
    return 0, _make(doc, i, listed[0] + own)


def code_settings(doc: RuDoc, cast: Cast) -> list[Code]:
    """One setting per scene and per move between indoors and outdoors (at most three);
    ``AQ`` when the report names no place."""
    found = mentions(doc, cast)
    codes: list[Code] = []
    for scene in _scenes(doc):
        for code in _scene_settings(doc, cast, found, scene):
            if not codes or codes[-1].code != code.code:
                codes.append(code)
    return codes[:_MAX_SETTINGS] or [_furnished(doc, cast) or Code("settings", _DEFAULT)]


def _furnished(doc: RuDoc, cast: Cast) -> Code | None:
    """A report that names no place but a room's fixture («сидела у окна», «открыла
    холодильник», «лежу на столе») is indoors: HVdC codes where the dreamer evidently is."""
    for i, w in enumerate(doc.words):
        if w.lemma in _FIXTURES and (w.lemma in _TELLING or _at(doc, i)):
            fam = familiarity(doc, cast, i, "", (0, len(doc.words)))
            if fam == "Q" and (w.lemma == "экзамен" or _family_there(cast)):
                fam = "F"  # a family home («мамочка сидела у окна»), the dreamer's school
            return _make(doc, i, "I" + fam)
    return None


def _family_there(cast: Cast) -> bool:
    return any(c.code[2] in _FAMILY and c.code[0] == "1" for c in cast.characters)


def _at(doc: RuDoc, i: int) -> bool:
    """«у окна», «за столом», «сдаю экзамен» (not «у меня экзамен», only told of)."""
    prev = doc.words[i - 1] if i > 0 else None
    if prev is None:
        return False
    return prev.lower in ("у", "за", "на", "возле", "около", "под") or prev.lemma in _TAKING


def _make(doc: RuDoc, i: int, setting: str) -> Code:
    w = doc.words[i]
    return Code("settings", setting, (w.start, w.end), w.text)
