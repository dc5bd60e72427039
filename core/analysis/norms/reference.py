"""The Hall/Van de Castle norms shipped with the package.

``data/norms_indicators.json`` holds the standard HVdC indicators computed from the 991 norm
coding cards (491 women's and 500 men's dreams of 1947-50 US college students): Hall, C. S., &
Van de Castle, R. L. (1966), *The Content Analysis of Dreams*; Domhoff, G. W. (1996), *Finding
Meaning in Dreams*; cards from DreamBank (Domhoff & Schneider, 2008, Consciousness and
Cognition 17:1238-1247). Public research data, shipped so profiles work offline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from core.analysis.norms.specs import INDICATORS

NORMS_PATH: Path = Path(__file__).resolve().parent / "data" / "norms_indicators.json"

FEMALE = "female"
MALE = "male"
POOLED = "pooled"
_GROUP_KEYS: dict[str, str] = {
    FEMALE: "Hall/VdC Norms: Female",
    MALE: "Hall/VdC Norms: Male",
    POOLED: "ALL",
}
_SEX_ALIASES: dict[str, str] = {
    "f": FEMALE,
    "female": FEMALE,
    "woman": FEMALE,
    "women": FEMALE,
    "m": MALE,
    "male": MALE,
    "man": MALE,
    "men": MALE,
}


@dataclass(frozen=True, slots=True)
class NormSet:
    """The norms of one group: ``values`` maps indicator keys (``specs``) to proportions."""

    group: str
    n_dreams: int
    n_characters: int
    values: MappingProxyType[str, float]

    def get(self, key: str) -> float | None:
        return self.values.get(key)


def norm_group(sex: str | None) -> str:
    """``female``/``male`` for those sexes; anything else (unspecified, other) is ``pooled``."""
    return _SEX_ALIASES.get((sex or "").strip().lower(), POOLED)


@lru_cache(maxsize=1)
def _raw_norms(path: Path = NORMS_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def load_norms(sex: str | None) -> NormSet:
    """The norms to compare a dreamer of this sex with (pooled when the sex is unspecified)."""
    group = norm_group(sex)
    raw = _raw_norms()[_GROUP_KEYS[group]]
    values = {
        spec.key: float(raw[spec.norms_label]) for spec in INDICATORS if spec.norms_label in raw
    }
    return NormSet(
        group=group,
        n_dreams=int(raw["n_dreams"]),
        n_characters=int(raw["n_characters"]),
        values=MappingProxyType(values),
    )
