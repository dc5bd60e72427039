"""The dream/not-a-dream model: a logistic regression over :mod:`.features`, shipped as JSON.

Its weights are learned from ``tests/data/messages.jsonl`` by :mod:`.training` (``python -m
bench.dream_classifier --train`` rewrites ``data/weights.json``); nothing is downloaded.
Two thresholds make three answers: a dream, conversation, or "not sure — ask the user".
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from core.dreams.screening.cues import JOKE
from core.dreams.screening.features import NAMES, features

WEIGHTS_FILE = Path(__file__).resolve().parent / "data" / "weights.json"


class Verdict(StrEnum):
    DREAM = "dream"  # analyse it (charged as usual)
    UNSURE = "unsure"  # keep it waiting and ask "Analyse as a dream?" — nothing charged
    NOT_A_DREAM = "not_a_dream"  # conversation: answer it, store nothing


@dataclass(frozen=True, slots=True)
class Model:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    dream_at: float  # probability at or above which a message is a dream
    talk_below: float  # probability below which it is conversation

    def probability(self, text: str) -> float:
        """How likely ``text`` tells a dream, 0..1."""
        values = features(text)
        z = self.bias + sum(
            w * (v - m) / s
            for w, v, m, s in zip(self.weights, values, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def judge(self, text: str) -> Verdict:
        """The model's verdict, except that a joke is at most worth a question: a joke is
        told as a story, and a story is what the model looks for."""
        verdict = self.verdict(self.probability(text))
        if verdict == Verdict.DREAM and JOKE.search(text):
            return Verdict.UNSURE
        return verdict

    def verdict(self, probability: float) -> Verdict:
        if probability >= self.dream_at:
            return Verdict.DREAM
        if probability < self.talk_below:
            return Verdict.NOT_A_DREAM
        return Verdict.UNSURE

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(NAMES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "dream_at": self.dream_at,
            "talk_below": self.talk_below,
        }


def model_from_json(data: dict[str, Any]) -> Model:
    if tuple(data["features"]) != NAMES:
        raise ValueError("the weights were trained on other features: retrain the model")
    return Model(
        mean=tuple(float(v) for v in data["mean"]),
        scale=tuple(float(v) for v in data["scale"]),
        weights=tuple(float(v) for v in data["weights"]),
        bias=float(data["bias"]),
        dream_at=float(data["dream_at"]),
        talk_below=float(data["talk_below"]),
    )


@cache
def shipped_model() -> Model:
    """The model in the repository (read once; warm-up loads it before the first message)."""
    return model_from_json(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")))
