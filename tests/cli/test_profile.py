"""``oneiroscope code`` and ``oneiroscope profile`` on tiny JSON-lines files."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from cli.hvdc import register
from core.analysis.hvdc.types import CATEGORIES

CARD = {"characters": ["1MSA", "1MSA"], "aggression": ["1MSA 7> D"], "emotions": ["AP, D"]}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="oneiroscope")
    register(parser.add_subparsers(required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_code_adds_the_thirteen_categories_and_keeps_other_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_lines(
        tmp_path / "dreams.jsonl",
        [
            json.dumps({"id": 1, "report": "I was afraid when a man chased me in the street."}),
            json.dumps({"id": 2, "text": "My mother and I were in the kitchen."}),
        ],
    )
    assert run(["code", str(source)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    for obj in out:
        assert all(isinstance(obj[cat], list) for cat in CATEGORIES)
    assert out[1]["text"] == "My mother and I were in the kitchen."


def test_code_reports_bad_lines_with_their_number_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_lines(
        tmp_path / "mixed.jsonl",
        ['{"report": "I flew."}', "{broken", '{"title": "no text"}', '{"report": "I ran."}'],
    )
    assert run(["code", str(source)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "line 2: skipped: not valid JSON" in captured.err
    assert "line 3: skipped: no 'report' or 'text'" in captured.err
    assert "4/4 100%" in captured.err  # the progress bar reached the end


def test_code_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"report": "I saw a dog."}\n'))
    assert run(["code", "-"]) == 0
    captured = capsys.readouterr()
    assert "characters" in json.loads(captured.out)
    assert "100%" not in captured.err  # no progress bar for a stream of unknown length


def test_profile_uses_existing_codes_and_prints_table_and_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_lines(tmp_path / "coded.jsonl", [json.dumps(CARD)] * 3)
    assert run(["profile", str(source), "--sex", "female", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Male/Female %" in out and "too few dreams" in out
    assert "Dreams: 3. That is too few to compare with the norms" in out


def test_profile_json_and_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_lines(tmp_path / "coded.jsonl", [json.dumps(CARD)] * 60)
    png = tmp_path / "profile.png"
    code = run(["profile", str(source), "--sex", "male", "--json", "--png", str(png), "--quiet"])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["norm_group"] == "male" and payload["n_dreams"] == 60
    victim = next(row for row in payload["rows"] if row["key"] == "victimization")
    assert victim["verdict"] == "higher" and len(victim["ci"]) == 2
    assert any("victim" in sentence for sentence in payload["reading"])
    with Image.open(png) as image:
        assert image.format == "PNG" and image.width > 0


def test_profile_of_a_file_without_usable_lines_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_lines(tmp_path / "bad.jsonl", ["nonsense"])
    assert run(["profile", str(source), "--quiet"]) == 2
    assert "line 1: skipped" in capsys.readouterr().err
