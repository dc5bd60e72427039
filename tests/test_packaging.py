"""The built wheel is the product: installed without ``-e``, away from the checkout, it still
answers in Russian (the gettext catalogues ship inside it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_SHIPPED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", "tests", "bench",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", "*.db", ".env",
)  # fmt: skip
DREAM_RU = "Мне снилось, что я плыву по тёмной реке и мне страшно."
TIMEOUT = 300


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, (
        f"{command[:3]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    )
    return done.stdout


def build_wheel(tmp_path: Path) -> Path:
    """A wheel built from a copy of the sources, as ``pip wheel .`` builds it for a release."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    dist = tmp_path / "dist"
    pip = (sys.executable, "-m", "pip")
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist, source, cwd=tmp_path)
    (wheel,) = dist.glob("oneiroscope-*.whl")
    return wheel


def fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    """A new virtualenv holding the wheel; the dependencies are borrowed from this one (a path
    line in a ``.pth`` file: this environment's own ``.pth`` files, the editable install among
    them, are not run, so the checkout stays invisible)."""
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", wheel, cwd=tmp_path)  # fmt: skip
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                       cwd=tmp_path).strip())  # fmt: skip
    (purelib / "borrowed_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return venv


def test_the_installed_wheel_answers_in_russian(tmp_path: Path) -> None:
    """Regression: the wheel held no ``locales/``; installed, the bot answered Russians in English."""
    venv = fresh_venv(tmp_path, build_wheel(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["DATABASE_URL"] = f"sqlite://{elsewhere / 'unused.db'}"

    where = run(venv / "bin" / "python", "-c", "import core, locales; print(core.__file__)",
                cwd=elsewhere, env=env)  # fmt: skip
    answer = run(venv / "bin" / "oneiroscope", "analyze", "--lang", "ru", DREAM_RU,
                 cwd=elsewhere, env=env)  # fmt: skip

    assert Path(where.strip()).is_relative_to(venv), where
    assert not Path(where.strip()).is_relative_to(ROOT), where
    assert "Народ" in answer, answer[-500:]
