"""Settings: indoor/outdoor and how familiar each scene's place is (``IF``, ``OQ``, ``AQ``...).

A dream usually has one setting; a new one is coded when the report marks a change of scene.
The first place word of a scene decides indoor or outdoor; nearby words decide familiarity:
the dreamer's own places (``my room``, ``home``) are familiar, places said to be strange are
unfamiliar, known places that look different are distorted, named cities or countries are
geographical, and anything else is questionable.
"""

from __future__ import annotations

import itertools

from .cast.model import DREAMER, Cast
from .lexicon import table
from .place_cues import said_distorted, said_unfamiliar
from .text import Document, Sentence, Token, word_set
from .types import Code

_PLACE_PREPS = word_set(
    "in at into inside on through to toward towards across along down up outside near by from "
    "onto around under over entered reached left entering enter reaching leaving thru "
    "crossing crossed beside behind within throughout upon below beneath turned"
)
_OWN = word_set(
    "my our home dorm dormitory campus school sorority aunt's grandmother's friend's "
    "mother's parents'"
)
#: Token indexes of every referring word, of those that refer to a character, and of those
#: that refer to a stranger (S, U, O or E).
_People = tuple[set[int], set[int], set[int]]
#: How many tokens before the place's sentence still tell whether the scene is strange.
_LOOK_BACK = 30
_SCENE_MARKERS = (
    "scene changed",
    "scene shifted",
    "complete change",
    "next scene",
    "then i was in",
    "then i was at",
    "later i was",
    "next i was",
    "then we were",
    "suddenly i was in",
    "i was then in",
    "next thing i knew",
    "next thing i remember",
    "later in the dream",
    "the scene",
    "then i found myself",
    "i found myself in",
    "next part",
)
_FAMILIAR_ANYWHERE = word_set("home campus dorm dormitory")
_NOT_NAMES = word_set("i the a an my our")
_NOT_PLACE_NAMES = word_set("then i mother father dad mom god christmas")
_INSTITUTIONS = word_set("church school class college bed work camp chapel temple synagogue office")
_SEEN_FROM = word_set("window windows looking looked watching watched saw see")
_VEHICLES = word_set(
    "car bus train truck taxi cab boat ship airplane plane bicycle motorcycle canoe"
)
_NAMED_PLACE_SUFFIXES = word_set(
    "bar cafe restaurant club inn arms "
    "avenue ave street st road rd roads streets hall building store theatre theater "
    "hotel park school college church hospital library drive boulevard"
)
_FAMILIAR_CUES = (
    "where i live",
    "where we live",
    "i was living",
    "used to",
    "where i work",
    "where i worked",
    "i was back",
    "ours",
    "where i go",
    "i attend",
    " lived",
    "we live",
    "i live",
    "same house",
    "familiar with",
)
#: Rooms whose furniture still places the dreamer there ("around the kitchen table").
_ROOMS = word_set("kitchen bedroom livingroom bathroom parlor den attic basement")
_HOME_ROOMS = word_set(
    "kitchen attic basement cellar bathroom bedroom shower hall hallway stairs upstairs "
    "downstairs porch yard backyard livingroom parlor den lobby cafeteria classroom"
)
_KIN_OWNERS = word_set(
    "mother's father's grandmother's grandfather's aunt's uncle's sister's brother's "
    "cousin's parents' grandparents' friend's"
)
_OWN_PLACES = word_set("house home street room yard neighborhood town dorm apartment")
_WEAK_PLACES = word_set(
    "class party dance movie movies show home stage town city country corner village neighborhood "
    "school picnic banquet meeting wedding concert conference"
)
_MOVES = word_set(
    "went go going came walked ran drove rode entered left arrived got moved returned "
    "hurried rushed stepped climbed found outside inside into walking running driving riding "
    "coming arriving entering leaving flew flying swam swimming sailed sailing headed heading "
    "ran walk run drive ride come arrive enter leave"
)
_GEO = word_set(
    "europe asia africa america canada mexico england france germany italy spain russia china "
    "japan india siberia arctic alaska california texas florida ohio michigan york chicago "
    "angeles hollywood detroit pittsburgh miami washington boston paris london rome berlin "
    "moscow albuquerque hampshire ontario pennsylvania virginia carolina georgia colorado "
    "arizona nevada oregon hawaii philadelphia baltimore toronto montreal vienna switzerland "
    "holland ireland scotland australia brazil egypt israel korea cuba dakota erie pacific "
    "atlantic mediterranean rochester buffalo cincinnati columbus toledo akron youngstown "
    "milwaukee minneapolis denver seattle francisco orleans dallas houston atlanta "
    "sacramento anchorage wisconsin indiana illinois iowa kansas missouri kentucky tennessee "
    "alabama mississippi louisiana maine vermont massachusetts connecticut jersey maryland "
    "montana wyoming utah idaho nebraska oklahoma arkansas minnesota japan norway sweden "
    "denmark poland greece turkey africa india"
)
#: Prepositions that put the dreamer in a named region: ``in Texas``, ``over the Pacific``.
_GEO_PREPS = word_set("in at to through near over across around of")


def _scene_starts(doc: Document) -> list[int]:
    """Token indexes where a new scene begins (always 0 first)."""
    starts = [0]
    toks = doc.tokens
    for sent in doc.sentences[1:]:
        words = " ".join(toks[j].low for j in range(sent.first, min(sent.last, sent.first + 7)))
        if any(marker in words for marker in _SCENE_MARKERS):
            starts.append(sent.first)
    return starts


def _place_at(doc: Document, i: int, first: int) -> tuple[str, bool] | None:
    """(kind, weak) when token i names where someone is; weak places (events, ``home``,
    destinations after ``to``) yield to a stronger place in the same stretch of text."""
    tok = doc.tokens[i]
    kind = table("settings").words.get(tok.low)
    if kind is None:
        return None
    if tok.low in {"inside", "outside", "outdoors", "indoors", "upstairs", "downstairs"}:
        return kind, False
    prev = [doc.tokens[j].low for j in range(max(first, i - 6), i)]
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    if nxt in table("settings").words or (nxt in table("objects").words and tok.low not in _ROOMS):
        return None  # "street floor", "car door": the word only qualifies another
    if any(w in _SEEN_FROM for w in prev[-4:]):
        return None  # "looking out of the window at the street": seen, not where one is
    if prev and prev[-1] in {"indoor", "indoors"}:
        return "I", False
    preps = [w for w in prev if w in _PLACE_PREPS]
    if not preps and tok.low not in {"home", "downtown", "uptown"}:
        return None
    destination = bool(preps) and preps[-1] in {"to", "toward", "towards", "from"}
    if kind.startswith("I") and _outside_of(prev, preps):
        kind = "O" + kind[1:]  # "out by the barn", "in front of someone's home"
    return kind, destination or tok.low in _WEAK_PLACES


def _outside_of(prev: list[str], preps: list[str]) -> bool:
    """``walking past an old building``, ``out by the barn``, ``in front of the house``: the
    dreamer is outdoors beside a building, not in it."""
    joined = " ".join(prev[-5:])
    return preps[-1:] in (["past"], ["behind"], ["beside"], ["outside"]) or (
        "in front of" in joined or "out by" in joined
    )


def _first_place(doc: Document, first: int, last: int) -> tuple[int, str] | None:
    """The first strong place in ``[first, last)``, else the first weak one."""
    weak: tuple[int, str] | None = None
    for i in range(first, last):
        found = _place_at(doc, i, first)
        if found is None:
            continue
        kind, is_weak = found
        if not is_weak:
            if weak is not None and weak[1].endswith("F"):
                return i, kind[0] + "F"
            return i, kind
        weak = weak or (i, kind)
    return weak


def _familiarity(doc: Document, cast: _People, i: int, kind: str, first: int, last: int) -> str:
    """F, D, U, G or Q for the place at token i, read from the words around it."""
    toks = doc.tokens
    sent = doc.sentences[toks[i].sentence]
    window = [
        t.low
        for t in toks[max(first, sent.first - 1, i - 200) : min(last, sent.last + 25, i + 200)]
    ]
    joined = " ".join(window)
    people, others, strangers = cast
    if said_unfamiliar(
        toks, others, max(first, sent.first - _LOOK_BACK), min(last, sent.last + 25)
    ):
        return "U"
    if said_distorted(toks, max(first, sent.first - 1), min(last, sent.last + 25)):
        return "D"
    near = [
        toks[j].low
        for j in range(max(sent.first, i - 4), i)
        if not (toks[j].low == "my" and toks[j + 1].low == "dream")
    ]
    if toks[i].low in _VEHICLES:
        near = []
    opening = doc.sentences[toks[first].sentence]
    if _named_region(toks, max(first, sent.first), min(last, sent.last)) or _named_region(
        toks, first, min(last, opening.last)
    ):
        return "G"
    indefinite = bool(near) and any(w in {"a", "an", "some"} for w in near[-3:])
    cut = max((k for k, w in enumerate(near) if w in _PLACE_PREPS), default=-1)
    own = near[cut + 1 :]  # "drove my car down the highway": "my" is the car's, not the road's
    if _strangers_place(toks, strangers, i):
        return "U"  # "the home of an aged lady", "his home" (a masked man's)
    if (kind.endswith("F") and not indefinite) or any(w in _OWN for w in own):
        return "F"  # "the dorm", "my room"; "a dorm" is some dorm
    if any(cue in joined for cue in _FAMILIAR_CUES):
        return "F"
    upstairs = toks[i].low in {"upstairs", "downstairs"}
    if toks[i].low in _HOME_ROOMS and (not near or near[-1] == "the" or upstairs):
        return "F"  # "the kitchen", "upstairs": the rooms of the dreamer's own home
    scene = toks[max(first, sent.first - 200) : min(last, sent.last + 30)]
    if not indefinite and (
        _familiar_place_in(doc, scene) or _local_name(scene, people) or _own_place(scene)
    ):
        return "F"  # "a building" is a new place even in a dream set on campus
    if i > 0 and toks[i - 1].low in {"in", "at", "to"} and toks[i].low in _INSTITUTIONS:
        return "F"  # "in church", "at school": the dreamer's own institutions
    for j in range(i - 3, min(len(toks), i + 4)):
        if 0 <= j < len(toks) and toks[j].capitalized and toks[j].low in _GEO:
            return "G"
    return "Q"


def _strangers_place(toks: list[Token], strangers: set[int], i: int) -> bool:
    """The place belongs to someone the dreamer does not know: its owner (``his home``,
    ``the man's house``) or ``of`` + owner (``the home of an aged lady``) is a stranger."""
    if i > 0 and i - 1 in strangers:
        return True
    if i + 1 >= len(toks) or toks[i + 1].low != "of":
        return False
    for k in range(i + 2, min(len(toks), i + 5)):
        if k in strangers:
            return True
        if toks[k].low in table("settings").words or not toks[k].is_word:
            return False  # "a basement of a building where men...": the building's
    return False


def _named_region(toks: list[Token], first: int, last: int) -> bool:
    """``in Texas``, ``over the Pacific Ocean``: the scene's sentence places the dreamer in a
    named city, state, country or sea (a geographical setting, HVdC ``G``)."""
    for j in range(first, last):
        tok = toks[j]
        if not (tok.capitalized and tok.low in _GEO):
            continue
        before = [toks[k].low for k in range(max(first, j - 3), j)]
        if any(w in _GEO_PREPS for w in before):
            return True
    return False


def _familiar_place_in(doc: Document, scene: list[Token]) -> bool:
    """``back on campus``, ``went home``: the scene is at the dreamer's own home or campus;
    ``my dormitory friends``, ``the campus police`` only qualify people or things."""
    characters = table("characters").words
    for tok in scene:
        if tok.low not in _FAMILIAR_ANYWHERE:
            continue
        nxt = doc.tokens[tok.index + 1].low if tok.index + 1 < len(doc.tokens) else ""
        single = nxt[:-1] if nxt.endswith("s") else nxt
        if nxt not in characters and single not in characters:
            return True
    return False


def _own_place(scene: list[Token]) -> bool:
    """``from my house``, ``my grandmother's house``: the scene is around places the dreamer
    knows as their own or their family's."""
    for a, b in itertools.pairwise(scene):
        if b.low in _OWN_PLACES and (a.low in {"my", "our", "own"} or a.low in _KIN_OWNERS):
            return True
    return False


def _local_name(scene: list[Token], people: set[int]) -> bool:
    """A named street, hall or store (``Euclid Avenue``, ``the Commodore Bar``, ``18th and
    Euclid``): a place the dreamer knows; named cities and countries are geographical."""
    for a, b, c in zip(scene, scene[1:], scene[2:], strict=False):
        if a.low.isdigit() and b.low in {"st", "nd", "rd", "th"} and c.low in {"and", "street"}:
            return True  # "at 18th and Euclid", "105th Street": a street of the dreamer's town
    for a, b in itertools.pairwise(scene):
        if a.capitalized and a.low not in _GEO | _NOT_NAMES and b.low in _NAMED_PLACE_SUFFIXES:
            return True
        if a.low in {"in", "at", "on", "into", "near", "the"} and _place_name(b, people):
            return True
    return False


def _place_name(tok: Token, people: set[int]) -> bool:
    return (
        tok.is_word
        and tok.capitalized
        and tok.index not in people
        and tok.low not in _GEO | _NOT_NAMES | _NOT_PLACE_NAMES
    )


def _scene_setting(doc: Document, people: _People, first: int, last: int) -> list[Code]:
    """The settings of one scene: its first place, then each move between inside and out."""
    codes: list[Code] = []
    sentences = doc.sentences[doc.tokens[first].sentence : doc.tokens[last - 1].sentence + 1]
    for n, sent in enumerate(sentences):
        found = _first_place(doc, max(first, sent.first), min(last, sent.last))
        if found is None:
            continue
        if not codes and _is_weak(doc, found, sent.first):
            found = _sharpened(doc, found, sentences[n + 1 : n + 3], last)
        i, kind = found
        if codes and codes[-1].code[0] == kind[0]:
            continue
        if codes and not (_moved(doc, i, sent.first) or _placed_there(doc, i, sent.first)):
            continue
        fam = _familiarity(doc, people, i, kind, first, last)
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("settings", kind[0] + fam, (start, end), text))
    return codes


def _is_weak(doc: Document, found: tuple[int, str], first: int) -> bool:
    placed = _place_at(doc, found[0], first)
    return placed is None or placed == (found[1], True)


def _sharpened(
    doc: Document, found: tuple[int, str], ahead: list[Sentence], last: int
) -> tuple[int, str]:
    """``I was at home. I was in the yard...``: a vague first place takes its inside/outside
    from a definite place in the next two sentences (keeping "familiar" if it was)."""
    if not ahead:
        return found
    better = _first_place(doc, ahead[0].first, min(last, ahead[-1].last))
    if better is None or better[1] == found[1]:
        return found
    fam = "F" if found[1].endswith("F") else ""
    return found[0], better[1][0] + (fam or better[1][1:])


def _placed_there(doc: Document, i: int, first: int) -> bool:
    """``I was in the yard``, ``we were at the beach``: the dreamer is said to be there."""
    words = [doc.tokens[j].low for j in range(max(first, i - 6), i)]
    pairs = {" ".join(p) for p in itertools.pairwise(words)}
    return bool(pairs & {"i was", "we were", "i am", "we are"}) and any(
        w in {"in", "at", "on", "inside", "outside"} for w in words
    )


def _moved(doc: Document, i: int, first: int) -> bool:
    """``went into the store``, ``ran outside``: the dreamer changes place in this sentence."""
    return any(doc.tokens[j].low in _MOVES for j in range(first, i))


def code_scenes(doc: Document, cast: Cast) -> list[Code]:
    """One setting per scene and per move between indoors and outdoors; ``AQ`` when no place
    is named at all."""
    codes: list[Code] = []
    others = {t for t, ref in cast.refs.items() if ref != DREAMER}
    strangers = {t for t in others if cast.characters[cast.refs[t]].identity in "SUOE"}
    people = (set(cast.refs), others, strangers)
    starts = _scene_starts(doc)
    bounds = list(zip(starts, [*starts[1:], len(doc.tokens)], strict=True))
    for first, last in bounds:
        for code in _scene_setting(doc, people, first, last):
            if codes and codes[-1].code == code.code:
                continue
            codes.append(code)
    if not codes:
        codes.append(Code("settings", "AQ", None, ""))
    return codes
