"""Regular expressions for the machine-shaped personal data in a dream: e-mails, URLs, phones,
street addresses (English and Russian), and the existing placeholders that must stay intact."""

from __future__ import annotations

import re

#: A placeholder as the scrubber writes it, e.g. ``[PERSON_1]``.
PLACEHOLDER = re.compile(r"\[(PERSON|EMAIL|PHONE|URL|ADDRESS)_(\d+)\]")
#: The same without brackets, as a model sometimes echoes it (``PERSON_1``).
BARE_PLACEHOLDER = re.compile(r"(?<![\w\[])(PERSON|EMAIL|PHONE|URL|ADDRESS)_(\d+)(?![\w\]])")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_TLD = r"(?:com|org|net|ru|io|info|me|dev|app|рф|su|ua|by|kz|co|uk|de|fr|eu|us|tv|xyz)"
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'«»]+"
    rf"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{_TLD}\b(?:/[^\s<>\"'«»]*)?",
    re.IGNORECASE,
)

#: Cheap necessary conditions: a text without a match of these cannot match the full pattern,
#: so the costly scan is skipped (most dream sentences have no digit, ``@`` or domain).
URL_HINT = re.compile(rf"://|www\.|\.{_TLD}\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")

PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}(?![\w])"
)
#: Digit groups that look like phones but are dates or year ranges.
NOT_A_PHONE = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{4}\s*[-–]\s*\d{4}"
)

_EN_STREET = (
    r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Court|Ct\.?"
    r"|Way|Place|Pl\.?|Terrace|Square|Sq\.?|Highway|Hwy\.?"
)
_EN_UNIT = r"(?:,?\s*(?i:apt\.?|apartment|suite|unit|#)\s*\w+)?"
ADDRESS_EN = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+){{1,4}}(?:{_EN_STREET})(?!\w){_EN_UNIT}"
)

_RU_STREET = (
    r"ул\.|улиц[аеуыи]|улицей|пр-т|просп\.|проспект[аеу]?|пер\.|переул(?:ок|ке|ка)"
    r"|бульвар[аеу]?|б-р|шоссе|наб\.|набережн(?:ая|ой|ую)|пл\.|площад(?:ь|и)"
)
_RU_HOUSE = r"(?:,?\s*(?:д\.|дом[аеу]?)\s*\d+[а-я]?)?(?:,?\s*(?:кв\.|квартир[аеуы])\s*\d+)?"
ADDRESS_RU = re.compile(
    rf"(?:(?<!\w)(?:{_RU_STREET})\s*[А-ЯЁ0-9][\w-]*(?:\s+[А-ЯЁ][\w-]*)?(?:,?\s*\d+[а-я]?)?"
    rf"|[А-ЯЁ][\w-]+\s+(?:проспект|шоссе|бульвар|переулок)(?:,?\s*\d+[а-я]?)?){_RU_HOUSE}",
)

#: A capitalized word (with an optional hyphenated second part), the unit of the name detector.
CAPITALIZED = re.compile(r"(?<![\w\[])[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?(?![\w\]])")


#: The product's own method, named after two researchers: never a person in a dream. Kept out of
#: the name detector in both languages and the usual spellings ("Hall and Van de Castle",
#: "Hall/Van de Castle", «Холла — Ван де Касла», «Холла и Ван де Касла»).
METHOD_NAME = re.compile(
    r"\bHall\s*(?:and|&|/|[-\u2010-\u2015])\s*Van\s+de\s+Castle\b"
    r"|\bХолл(?:а|у|ом|е)?\s*(?:и|&|/|[-\u2010-\u2015])\s*Ван\s+де\s+Касл(?:а|у|ом|е)?\b",
    re.IGNORECASE,
)
