"""Settings: indoor/outdoor and how familiar each scene's place is (``IF``, ``OQ``, ``AQ``...).

A dream usually has one setting; a new one is coded when the report marks a change of scene.
The first place word of a scene decides indoor or outdoor; nearby words decide familiarity:
the dreamer's own places (``my room``, ``home``) are familiar, places said to be strange are
unfamiliar, known places that look different are distorted, named cities or countries are
geographical, and anything else is questionable.
"""

from __future__ import annotations

from .lexicon import first_names, table
from .text import Document
from .types import Code



def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


_PLACE_PREPS = _words(
    "in at into inside on through to toward towards across along down up outside near by from "
    "onto around under over entered reached left"
)
_UNFAMILIAR = _words("strange unfamiliar unknown foreign unrecognized somewhere unidentified")
_DISTORTED = _words("different distorted changed resembled unlike instead")
_DISTORTED_CUES = ("not look like", "didn't look like", "not our", "not my", "no longer",
                   "looked nothing like", "not like our", "not like my")
_OWN = _words("my our home dorm dormitory campus school sorority aunt's grandmother's friend's "
              "mother's parents'")
_SCENE_MARKERS = (("scene", "changed"), ("scene", "shifted"), ("complete", "change"),
                  ("next", "scene"), ("then", "i", "was", "in"), ("then", "i", "was", "at"),
                  ("later", "i", "was"), ("next", "i", "was"), ("then", "we", "were"),
                  ("suddenly", "i", "was", "in"), ("i", "was", "then", "in"))
_FAMILIAR_ANYWHERE = _words("home dorm dormitory campus school class classroom sorority college "
                            "university")
_NOT_NAMES = _words("i the a an my our")
_MOVES = _words("went go going came walked ran drove rode entered left arrived got moved returned "
                "hurried rushed stepped climbed found outside inside into")
_GEO = _words(
    "europe asia africa america canada mexico england france germany italy spain russia china "
    "japan india siberia arctic alaska california texas florida ohio michigan york chicago "
    "angeles hollywood detroit pittsburgh miami washington boston paris london rome berlin "
    "moscow albuquerque hampshire ontario pennsylvania virginia carolina georgia colorado "
    "arizona nevada oregon hawaii philadelphia baltimore toronto montreal vienna switzerland "
    "holland ireland scotland australia brazil egypt israel korea cuba"
)


def _scene_starts(doc: Document) -> list[int]:
    """Token indexes where a new scene begins (always 0 first)."""
    starts = [0]
    toks = doc.tokens
    for sent in doc.sentences[1:]:
        words = [toks[j].low for j in range(sent.first, min(sent.last, sent.first + 6))]
        for marker in _SCENE_MARKERS:
            if tuple(words[: len(marker)]) == marker or (
                len(words) > len(marker) and tuple(words[1 : len(marker) + 1]) == marker
            ):
                starts.append(sent.first)
                break
    return starts


def _first_place(doc: Document, first: int, last: int) -> tuple[int, str] | None:
    places = table("settings").words
    for i in range(first, last):
        tok = doc.tokens[i]
        kind = places.get(tok.low)
        if kind is None:
            continue
        prev = [doc.tokens[j].low for j in range(max(first, i - 6), i)]
        if tok.low in {"inside", "outside", "outdoors", "indoors", "upstairs", "downstairs"}:
            return i, kind
        if any(w in _PLACE_PREPS for w in prev) or (kind.endswith("F") and tok.low == "home"):
            return i, kind
    return None


def _familiarity(doc: Document, i: int, kind: str, first: int, last: int) -> str:
    toks = doc.tokens
    sent = doc.sentences[toks[i].sentence]
    window = [t.low for t in toks[max(first, sent.first - 1) : min(last, sent.last + 25)]]
    near = [toks[j].low for j in range(max(sent.first, i - 3), i)]
    if any(w in _UNFAMILIAR for w in window):
        return "U"
    joined = " ".join(window)
    if any(w in _DISTORTED for w in window) or any(cue in joined for cue in _DISTORTED_CUES):
        return "D"
    if kind.endswith("F") or any(w in _OWN for w in near):
        return "F"
    scene = [t.low for t in toks[first : min(last, sent.last + 30)]]
    if any(w in _FAMILIAR_ANYWHERE for w in scene):
        return "F"
    names = first_names()
    for j in range(first, min(last, sent.last + 30) - 1):
        name = toks[j + 1]
        if toks[j].low in {"in", "at", "on", "into", "near"} and name.capitalized and (
            name.low not in _GEO | _NOT_NAMES and name.low not in names
        ):
            return "F"
    for j in range(i - 3, min(len(toks), i + 4)):
        if 0 <= j < len(toks) and toks[j].capitalized and toks[j].low in _GEO:
            return "G"
    return "Q"


def _scene_setting(doc: Document, first: int, last: int) -> list[Code]:
    """The settings of one scene: its first place, then each move between inside and out."""
    codes: list[Code] = []
    for sent in doc.sentences[doc.tokens[first].sentence : doc.tokens[last - 1].sentence + 1]:
        found = _first_place(doc, max(first, sent.first), min(last, sent.last))
        if found is None:
            continue
        i, kind = found
        if codes and codes[-1].code[0] == kind[0]:
            continue
        if codes and not _moved(doc, i, sent.first):
            continue
        fam = _familiarity(doc, i, kind, first, last)
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("settings", kind[0] + fam, (start, end), text))
    return codes


def _moved(doc: Document, i: int, first: int) -> bool:
    """``went into the store``, ``ran outside``: the dreamer changes place in this sentence."""
    return any(doc.tokens[j].low in _MOVES for j in range(first, i))


def code_settings(doc: Document) -> list[Code]:
    """One setting per scene and per move between indoors and outdoors; ``AQ`` when no place
    is named at all."""
    codes: list[Code] = []
    starts = _scene_starts(doc)
    bounds = list(zip(starts, [*starts[1:], len(doc.tokens)], strict=True))
    for first, last in bounds:
        for code in _scene_setting(doc, first, last):
            if codes and codes[-1].code == code.code:
                continue
            codes.append(code)
    if not codes:
        codes.append(Code("settings", "AQ", None, ""))
    return codes
