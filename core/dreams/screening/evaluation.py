"""How well the dream/not-a-dream model does on labelled messages: the figures the bench prints.

"Precision" is about dreams: of the messages analysed (charged) without a question, how many were
dreams. "Recall" is the share of dreams analysed without a question. The figure that matters most
to a user is ``talk_charged``: conversation that would have cost an analysis (must stay 0).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.dreams.screening.model import Model, Verdict
from core.dreams.screening.training import Example, train


@dataclass(frozen=True, slots=True)
class Scores:
    dreams: int
    talk: int
    dreams_analysed: int  # dreams judged DREAM (analysed without a question)
    dreams_asked: int  # dreams judged UNSURE (the user is asked; still never lost)
    dreams_dismissed: int  # dreams judged NOT_A_DREAM
    talk_charged: int  # conversation judged DREAM — would be charged
    talk_asked: int

    @property
    def precision(self) -> float:
        analysed = self.dreams_analysed + self.talk_charged
        return self.dreams_analysed / analysed if analysed else 1.0

    @property
    def recall(self) -> float:
        return self.dreams_analysed / self.dreams if self.dreams else 1.0

    def describe(self) -> str:
        return (
            f"dreams {self.dreams}: analysed {self.dreams_analysed}, asked {self.dreams_asked}, "
            f"answered as talk {self.dreams_dismissed} | talk {self.talk}: charged "
            f"{self.talk_charged}, asked {self.talk_asked} | precision {self.precision:.3f}, "
            f"recall {self.recall:.3f}"
        )


def score(verdicts: Sequence[tuple[Example, Verdict]]) -> Scores:
    def count(dream: bool, verdict: Verdict) -> int:
        return sum(1 for e, v in verdicts if e.is_dream == dream and v == verdict)

    return Scores(
        dreams=sum(1 for e, _v in verdicts if e.is_dream),
        talk=sum(1 for e, _v in verdicts if not e.is_dream),
        dreams_analysed=count(True, Verdict.DREAM),
        dreams_asked=count(True, Verdict.UNSURE),
        dreams_dismissed=count(True, Verdict.NOT_A_DREAM),
        talk_charged=count(False, Verdict.DREAM),
        talk_asked=count(False, Verdict.UNSURE),
    )


def judge(model: Model, examples: Sequence[Example]) -> list[tuple[Example, Verdict]]:
    return [(e, model.judge(e.text)) for e in examples]


def cross_validate(
    examples: Sequence[Example], folds: int = 10, trainer: Callable[..., Model] = train
) -> list[tuple[Example, Verdict]]:
    """Each message judged by a model that never saw it (deterministic folds by position)."""
    verdicts: list[tuple[Example, Verdict]] = []
    for fold in range(folds):
        held = [e for i, e in enumerate(examples) if i % folds == fold]
        seen = [e for i, e in enumerate(examples) if i % folds != fold]
        verdicts += judge(trainer(seen), held)
    return verdicts
