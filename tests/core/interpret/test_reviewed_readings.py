"""The offline reading of 30 reviewed dreams (nightmares, flying, family conflict, recurring,
lucid, very short, very long; English and Russian) keeps the rules a reader would check: whole
sentences, no dictionary glosses pasted in, nothing said twice, the salient image first."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.analysis.symbols.dictionary import load_dictionary
from core.dreams.analyzer import read_dream
from core.interpret.offline import OfflineInterpreter
from core.interpret.readings import reading
from core.interpret.types import DreamContext, Interpretation, LunarContext

DATA = Path(__file__).resolve().parents[2] / "data"
DREAMS = [json.loads(line) for line in (DATA / "interpretation_dreams.jsonl").open()]
REVIEWED = [json.loads(line) for line in (DATA / "interpretations.jsonl").open()]
LUNAR = LunarContext(28, "Waning crescent", "waning_crescent", 0.04, "Scorpio",
                     "Dreams of the twenty-eighth lunar day are said to come true slowly.")  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
QUOTED = re.compile(r"[\"«]([^\"»]+)[\"»]")


def _context(dream: dict[str, str]) -> DreamContext:
    reading = read_dream(dream["text"], dream["lang"], dream["lang"])
    return DreamContext(
        text=dream["text"],
        locale=dream["lang"],
        coding=reading.coding,
        highlights=reading.highlights,
        symbols=reading.symbols,
        mood=reading.mood,
        lunar=LUNAR,
    )


async def _reading(dream: dict[str, str]) -> tuple[DreamContext, Interpretation]:
    context = _context(dream)
    return context, await OfflineInterpreter().interpret(context)


def _glosses(locale: str) -> list[str]:
    """The dictionary's short glosses, except those that already are our written sentence."""
    return [
        entry.texts[locale].meaning
        for entry in load_dictionary()
        if entry.texts[locale].meaning != reading(entry.key, locale)
    ]


def assert_reads_as_prose(text: str, locale: str) -> None:
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs)), "a paragraph is said twice"
    for paragraph in paragraphs:
        assert paragraph[-1] in ".!?…", f"an unfinished paragraph: {paragraph[-60:]!r}"
        for sentence in SENTENCE_END.split(paragraph):
            assert sentence[0].isupper() or sentence[0] in '«"', f"a fragment: {sentence!r}"
            assert len(sentence.split()) >= 3, f"a fragment: {sentence!r}"
    for gloss in _glosses(locale):
        assert gloss not in text, f"a dictionary gloss pasted in: {gloss!r}"
    assert not re.search(r"^\W*[\w ]{1,30}:\s", text, re.MULTILINE), "a 'Label: gloss' line"


def assert_no_lunar_repeat(text: str) -> None:
    """The report has its own lunar block; the reading does not say it again."""
    assert "lunar day" not in text.lower() and "лунн" not in text.lower()
    assert LUNAR.folklore_note not in text


@pytest.mark.parametrize("dream", DREAMS, ids=[f"{d['lang']}-{d['kind']}" for d in DREAMS])
async def test_each_reading_keeps_the_rules(dream: dict[str, str]) -> None:
    context, answer = await _reading(dream)
    assert_reads_as_prose(answer.text, dream["lang"])
    assert_no_lunar_repeat(answer.text)
    if dream["lang"] == "ru":
        assert not re.findall(r"\b[a-zA-Z]{3,}\b", answer.text + answer.summary)
    labels = {hit.key: hit.label for hit in context.symbols}
    first = QUOTED.search(answer.text)
    assert first is not None, "the reading names no image"
    expected = [labels[key] for key in dream["leads"] if key in labels]
    assert first.group(1) in expected, (first.group(1), expected)


def test_the_reviewed_set_covers_every_kind_in_both_languages() -> None:
    kinds = {(d["lang"], d["kind"]) for d in REVIEWED}
    for lang in ("en", "ru"):
        for kind in ("nightmare", "flying", "family_conflict", "recurring", "lucid",
                     "very_short", "very_long"):  # fmt: skip
            assert (lang, kind) in kinds
    assert len(REVIEWED) == 30


@pytest.mark.parametrize("row", REVIEWED, ids=[f"{d['lang']}-{d['kind']}" for d in REVIEWED])
def test_the_reviewed_readings_keep_the_rules(row: dict[str, str]) -> None:
    assert_reads_as_prose(row["reading"], row["lang"])
    assert_no_lunar_repeat(row["reading"])


async def test_a_fear_that_ends_is_read_as_the_turn_of_a_bright_dream() -> None:
    dream = {
        "lang": "en",
        "text": "Last night I dreamed I was flying over a city at night. At first I was scared, "
        "then I stopped being afraid and just enjoyed it.",
    }
    _, answer = await _reading(dream)
    assert answer.mood == "positive"
    assert "from fear to joy" in answer.text
