"""Objects (HVdC two-letter classes) named in a Russian report, one code per mention."""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import lexicon
from .nlp import RuDoc


def code_objects(doc: RuDoc, cast: Cast) -> list[Code]:
    lex = lexicon("objects")
    codes: list[Code] = []
    for i, w in enumerate(doc.words):
        if w.pos != "NOUN" or cast.code_at(i) is not None:
            continue
        entry = lex.get(w.lemma)
        if entry is not None:
            codes.append(Code("objects", entry.code, (w.start, w.end), w.text))
    return codes
