"""``oneiroscope lunar``: both forms (date at a place, ``phases``) and the calendar action."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from PIL import Image

from cli.lunar import register


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="oneiroscope")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_date_form_prints_lunar_days_rise_set_phase_and_sign(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["lunar", "--date", "2024-03-25", "--lat", "38.9", "--lon", "-77.0"]
    assert _run([*argv, "--tz", "America/New_York", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["number"] for d in out["lunar_days"]] == [16, 17]
    assert out["lunar_days"][0]["end"] == out["lunar_days"][1]["start"]
    assert out["lunar_days"][1]["start"].endswith("-04:00")  # daylight saving time in March
    assert out["moonrise"] == [out["lunar_days"][1]["start"]]
    assert len(out["moonset"]) == 1
    assert out["phase"] == "full_moon" and out["illumination"] > 0.99
    assert out["sign"] == "libra"


def test_phases_form_lists_principal_phases_in_utc(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["lunar", "phases", "--from", "2024-01-01", "--to", "2024-01-31", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [e["kind"] for e in out] == ["last_quarter", "new", "first_quarter", "full"]
    assert out[1]["utc"].startswith("2024-01-11T11:57")  # USNO: 11:57 UT
    assert all(e["utc"].endswith("Z") for e in out)


def test_city_form_prints_a_russian_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["lunar", "--city", "Москва", "--date", "2026-11-26", "--locale", "ru"]) == 0
    out = capsys.readouterr().out
    assert "Луна на 26 ноября 2026" in out and "18-й лунный день" in out
    assert "Народное поверье" in out


def test_impossible_coordinates_exit_2_with_a_localized_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run(["lunar", "--lat", "95", "--lon", "0", "--locale", "ru"]) == 2
    assert "невозможны" in capsys.readouterr().err


def test_out_of_range_phases_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["lunar", "phases", "--from", "1890-01-01", "--to", "1890-02-01"]) == 2
    assert "1900-2100" in capsys.readouterr().err


def test_calendar_action_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "month.png"
    assert (
        _run(["lunar", "calendar", "--month", "2026-12", "--city", "Sydney", "--out", str(out)])
        == 0
    )
    with Image.open(out) as image:
        assert image.format == "PNG" and image.width > 600
    assert "PNG" in capsys.readouterr().out


def test_the_console_script_dispatches_both_forms(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cli.main

    if "cli.lunar" not in cli.main.TOOL_MODULES:
        monkeypatch.setattr(cli.main, "TOOL_MODULES", (*cli.main.TOOL_MODULES, "cli.lunar"))
    assert cli.main.main(["lunar", "phases", "--from", "2024-03-01", "--to", "2024-03-31"]) == 0
    assert "full" in capsys.readouterr().out
    assert cli.main.main(["lunar", "--lat", "0", "--lon", "0", "--date", "2024-03-25"]) == 0
    assert "Lunar day" in capsys.readouterr().out
