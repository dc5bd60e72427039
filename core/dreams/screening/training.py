"""Learning the model's weights from labelled messages: a small, deterministic logistic regression.

Plain numpy gradient descent (a few hundred examples, two dozen features): the same data gives
the same weights to the last printed digit, so the shipped JSON can be checked against its data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.dreams.screening.features import features
from core.dreams.screening.model import Model

L2 = 0.05
STEPS = 3000
LEARNING_RATE = 0.5
#: Thresholds: below ``TALK_BELOW`` a message is conversation, at ``DREAM_AT`` or above a dream.
DREAM_AT = 0.6
TALK_BELOW = 0.2


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    is_dream: bool
    language: str
    kind: str


def read_examples(path: Path) -> list[Example]:
    """The labelled set (one JSON object a line: text, label, lang, kind)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Example(r["text"], r["label"] == "dream", r["lang"], r["kind"]) for r in rows]


def train(examples: Sequence[Example]) -> Model:
    """Weights that separate dreams from conversation, classes weighted equally."""
    x = np.array([features(e.text) for e in examples], dtype=np.float64)
    y = np.array([1.0 if e.is_dream else 0.0 for e in examples])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    balance = np.where(y == 1.0, 0.5 / y.mean(), 0.5 / (1.0 - y.mean()))
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        error = (p - y) * balance
        w -= LEARNING_RATE * (z.T @ error / len(y) + L2 * w)
        b -= LEARNING_RATE * float(error.mean())
    return Model(
        mean=tuple(round(float(v), 6) for v in mean),
        scale=tuple(round(float(v), 6) for v in scale),
        weights=tuple(round(float(v), 6) for v in w),
        bias=round(b, 6),
        dream_at=DREAM_AT,
        talk_below=TALK_BELOW,
    )
