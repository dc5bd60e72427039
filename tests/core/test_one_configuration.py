"""Nothing but the settings module reads the environment or ``.env``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_PACKAGES = ("bot", "miniapp", "workers", "core", "cli")
ENVIRONMENT_ACCESS = re.compile(r"os\.getenv|os\.environ|BaseSettings|dotenv")
#: Where reading the environment is the point: the settings themselves, and process-level
#: switches that must be set before any library is imported (BLAS threads).
ALLOWED = {
    "core/config.py": "the one Settings",
    "cli/__init__.py": "OPENBLAS/OMP/MKL threads, set before numpy is imported",
}


def environment_access() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for package in SOURCE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            hits = [f"{n}: {line.strip()}" for n, line in enumerate(lines, 1)
                    if ENVIRONMENT_ACCESS.search(line)]  # fmt: skip
            if hits:
                found[path.relative_to(ROOT).as_posix()] = hits
    return found


def test_only_the_settings_module_reads_the_environment() -> None:
    unexpected = {path: hits for path, hits in environment_access().items() if path not in ALLOWED}

    assert unexpected == {}, "read settings through core.config.Settings instead"


@pytest.mark.parametrize("path", sorted(ALLOWED))
def test_the_allowed_places_still_exist(path: str) -> None:
    """Keeps the allow-list honest: a place that no longer reads the environment leaves it."""
    assert path in environment_access()


def test_there_is_one_settings_class() -> None:
    subclasses = [
        path
        for package in SOURCE_PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if re.search(r"class \w+\(BaseSettings\)", path.read_text(encoding="utf-8"))
    ]

    assert [p.relative_to(ROOT).as_posix() for p in subclasses] == ["core/config.py"]
