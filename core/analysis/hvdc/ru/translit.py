"""Russian typed in Latin letters («mne snilos, chto ya bezhala»): recognise and convert it.

People without a Cyrillic keyboard write Russian this way; it is coded as Russian, not as bad
English. The conversion keeps, for each Cyrillic letter, the offset of the Latin letters it
came from, so every code still points at the user's own words.
"""

from __future__ import annotations

import re

#: Common words of Russian dream reports in the usual transliterations (none is English).
_MARKERS = frozenset(
    [
        "ya",
        "mne",
        "menya",
        "menia",
        "snilos",
        "snilsya",
        "snilas",
        "prisnilos",
        "son",
        "sne",
        "vo",
        "bylo",
        "byla",
        "byl",
        "byli",
        "chto",
        "kak",
        "ochen",
        "potom",
        "kogda",
        "gde",
        "moya",
        "moi",
        "moy",
        "moego",
        "mama",
        "papa",
        "drug",
        "podruga",
        "sestra",
        "brat",
        "dom",
        "doma",
        "ulitse",
        "ulice",
        "shla",
        "shel",
        "bezhala",
        "bezhal",
        "uvidela",
        "uvidel",
        "videla",
        "videl",
        "skazala",
        "skazal",
        "strashno",
        "boyalas",
        "boyalsya",
        "ispugalas",
        "ispugalsya",
        "ona",
        "oni",
        "on",
        "eto",
        "tam",
        "tut",
        "bolshoy",
        "bolshaya",
        "nochyu",
        "noch",
        "segodnya",
        "vdrug",
        "opyat",
        "esche",
        "eshche",
        "tozhe",
        "pochemu",
        "nichego",
        "kto",
        "kakoy",
        "kakaya",
    ]
)
_WORD = re.compile(r"[A-Za-z']+")
_PAIRS: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("sch", "щ"), ("yo", "ё"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
    ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("iu", "ю"), ("ia", "я"),
    ("ye", "е"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("h", "х"), ("c", "ц"), ("w", "в"), ("x", "кс"), ("j", "й"), ("q", "к"), ("'", "ь"),
)  # fmt: skip


def looks_transliterated(text: str) -> bool:
    """Latin text in which Russian function words are common enough to be Russian."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 2:
        return False
    hits = sum(1 for w in words if w in _MARKERS)
    return hits >= 2 and hits / len(words) >= 0.2


def _word_to_cyrillic(word: str) -> str:
    out, i, lower = [], 0, word.lower()
    while i < len(lower):
        for latin, cyrillic in _PAIRS:
            if lower.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(lower[i])
            i += 1
    text = "".join(out)
    if text.endswith("ыы"):
        text = text[:-2] + "ый"
    text = re.sub(r"л([оаи])с$", r"л\1сь", text)  # snilos → снилось, boyalas → боялась
    text = re.sub(r"(?<=[аеиоуыэюя])ы(?=$|[^аеиоуыэюя])", "й", text)  # moy → мой, noy → ной
    return text.capitalize() if word[:1].isupper() else text


def to_cyrillic(text: str) -> tuple[str, list[int]]:
    """The Cyrillic text and, for each of its characters, the offset in ``text`` it came from."""
    out: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _WORD.finditer(text):
        for k in range(last, match.start()):
            out.append(text[k])
            origin.append(k)
        converted = _word_to_cyrillic(match.group())
        span = match.end() - match.start()
        for k, char in enumerate(converted):
            out.append(char)
            origin.append(match.start() + min(span - 1, k * span // max(1, len(converted))))
        last = match.end()
    for k in range(last, len(text)):
        out.append(text[k])
        origin.append(k)
    origin.append(len(text))
    return "".join(out), origin
