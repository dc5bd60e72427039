"""The dream/not-a-dream classifier: its figures on the project's message set and on DreamBank.

Usage: ``python bench/dream_classifier.py [--train] [--limit N]``.
``--train`` relearns ``core/dreams/screening/data/weights.json`` from ``tests/data/messages.jsonl``
first. Prints precision/recall on the set (as shipped, and 10-fold cross-validated: each message
judged by a model that never saw it), the share of the 21 924 DreamBank reports judged dreams
(``../shared``; skipped with a message when absent) and the CPU time per message. CPU time on
this shared host drifts; compare runs of the same invocation only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.dreams.screening.evaluation import cross_validate, judge, score  # noqa: E402
from core.dreams.screening.model import WEIGHTS_FILE, Verdict, shipped_model  # noqa: E402
from core.dreams.screening.training import read_examples, train  # noqa: E402

MESSAGES = ROOT / "tests" / "data" / "messages.jsonl"
DREAMBANK = ROOT.parent / "shared" / "data" / "dreambank" / "dreambank_en.jsonl"


def retrain() -> None:
    model = train(read_examples(MESSAGES))
    WEIGHTS_FILE.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"weights written to {WEIGHTS_FILE.relative_to(ROOT)}")


def message_set() -> None:
    examples = read_examples(MESSAGES)
    shipped = judge(shipped_model(), examples)
    print(f"message set ({len(examples)}), shipped model: {score(shipped).describe()}")
    for lang in ("en", "ru"):
        part = [(e, v) for e, v in shipped if e.language == lang]
        print(f"  {lang}: {score(part).describe()}")
    print(f"message set, 10-fold cross-validated: {score(cross_validate(examples)).describe()}")
    for example, verdict in shipped:
        if verdict != (Verdict.DREAM if example.is_dream else Verdict.NOT_A_DREAM):
            print(f"    {verdict.value:12s} {example.kind:12s} {example.text[:80]}")


def dreambank(limit: int | None) -> None:
    if not DREAMBANK.is_file():
        print(f"DreamBank skipped: {DREAMBANK} is absent (only in the dev workplace)")
        return
    lines = DREAMBANK.read_text(encoding="utf-8").splitlines()[:limit]
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    model = shipped_model()
    started = time.process_time()
    verdicts = Counter(model.judge(text) for text in texts)
    cpu = time.process_time() - started
    share = verdicts[Verdict.DREAM] / len(texts)
    print(
        f"DreamBank ({len(texts)} reports): dream {verdicts[Verdict.DREAM]} ({share:.2%}), "
        f"asked {verdicts[Verdict.UNSURE]}, talk {verdicts[Verdict.NOT_A_DREAM]}; "
        f"{cpu / len(texts) * 1000:.2f} ms CPU per report"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="relearn the shipped weights first")
    parser.add_argument("--limit", type=int, default=None, help="DreamBank reports to read")
    args = parser.parse_args()
    if args.train:
        retrain()
    message_set()
    dreambank(args.limit)


if __name__ == "__main__":
    main()
