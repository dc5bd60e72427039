"""The coder's output on the development set equals the stored golden file, code for code.

Refactors keep this green; a change that alters codes on purpose regenerates the file with
``python -m tests.core.analysis.hvdc.golden`` in the same commit and says why.
"""

from __future__ import annotations

from pathlib import Path

from core.analysis.hvdc.parse import SentenceParser
from tests.core.analysis.hvdc.golden import coded_rows, dev_reports, read_golden


def test_dev_set_codes_equal_the_golden_file(shared_dir: Path, parser: SentenceParser) -> None:
    """The golden file holds the codes with the parser (the ``nlp`` extra) installed."""
    # given the development reports and the codes stored before the last refactor
    rows = dev_reports(shared_dir)
    golden = {(g["series"], g["number"]): g for g in read_golden()}
    # when the current coder codes them
    coded = coded_rows(rows)
    # then every report gets exactly the stored codes
    changed = [c for c in coded if golden.get((c["series"], c["number"])) != c]
    assert len(coded) == len(golden) == 490
    assert not changed, f"{len(changed)} reports coded differently, first: {changed[0]}"
