"""Offline weights: found through importlib.resources, verified against pinned hashes, and
split models joined once, atomically, into the cache."""

from __future__ import annotations

import hashlib
import importlib
import threading
from pathlib import Path

import pytest

from core.asr import AsrConfigError
from core.asr.weights import BundledModel, PinnedFile, materialize, resolve_model

PART_A, PART_B = b"first half of the weights " * 1000, b"second half " * 1000


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def split_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BundledModel:
    """Two installed 'packages' holding the halves of a model.bin, like the base model's."""
    site = tmp_path / "site"
    for package, files in {
        "fake_weights_a": {"model.bin.part1": PART_A, "config.json": b"{}"},
        "fake_weights_b": {"model.bin.part2": PART_B},
    }.items():
        (site / package / "data").mkdir(parents=True)
        (site / package / "__init__.py").write_text("")
        for name, data in files.items():
            (site / package / "data" / name).write_bytes(data)
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    return BundledModel(
        "fake",
        (
            PinnedFile(
                "model.bin",
                sha(PART_A + PART_B),
                (
                    ("fake_weights_a", "data/model.bin.part1"),
                    ("fake_weights_b", "data/model.bin.part2"),
                ),
            ),
            PinnedFile("config.json", sha(b"{}"), (("fake_weights_a", "data/config.json"),)),
        ),
    )


def test_parts_are_joined_once_into_the_cache(split_model: BundledModel, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    folder = materialize(split_model, cache)
    assert (folder / "model.bin").read_bytes() == PART_A + PART_B
    assert (folder / "config.json").read_bytes() == b"{}"
    stamp = (folder / "model.bin").stat().st_mtime_ns

    assert materialize(split_model, cache) == folder
    assert (folder / "model.bin").stat().st_mtime_ns == stamp, "joined again"
    assert [p.name for p in cache.iterdir()] == [folder.name], "staging folders left behind"


def test_concurrent_workers_publish_one_complete_folder(
    split_model: BundledModel, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    results: list[Path] = []
    threads = [
        threading.Thread(target=lambda: results.append(materialize(split_model, cache)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1
    assert (results[0] / "model.bin").read_bytes() == PART_A + PART_B
    assert len(list(cache.iterdir())) == 1


def test_weights_that_do_not_match_the_pin_are_refused(
    split_model: BundledModel, tmp_path: Path
) -> None:
    tampered = BundledModel(
        "fake",
        (PinnedFile("model.bin", sha(b"other"), split_model.files[0].parts), split_model.files[1]),
    )
    with pytest.raises(AsrConfigError, match="SHA-256"):
        materialize(tampered, tmp_path / "cache")
    assert not any((tmp_path / "cache").iterdir()), "a half-verified model was published"


def test_asr_model_may_name_a_local_folder(tmp_path: Path) -> None:
    (tmp_path / "my-model").mkdir()
    with pytest.raises(AsrConfigError, match=r"without model\.bin"):
        resolve_model(str(tmp_path / "my-model"), tmp_path)
    (tmp_path / "my-model" / "model.bin").write_bytes(b"x")
    located = resolve_model(str(tmp_path / "my-model"), tmp_path)
    assert located.offline and located.path_or_name == str(tmp_path / "my-model")


def test_a_missing_folder_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(AsrConfigError, match="does not exist"):
        resolve_model(str(tmp_path / "nowhere"), tmp_path)


def test_other_model_names_are_left_to_faster_whisper_to_download(tmp_path: Path) -> None:
    located = resolve_model("small", tmp_path)
    assert (located.path_or_name, located.offline) == ("small", False)
