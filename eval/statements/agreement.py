"""Statement merging, judged by hand: merge precision, missed merges, and agreement of two judges.

`merged.jsonl` holds every pair of different wordings the merger joined into one statement
(PolNeAR train+dev, one speaker, two articles); `near_misses.jsonl` the 50 most similar pairs of
one speaker's wordings it kept apart (written by `bench/statements.py --sample`). Two judges
labelled each pair `same` (one statement), `different` or `unsure`, without seeing the other's
labels: `judged-a.jsonl`, `judged-b.jsonl`.

    .venv/bin/python eval/statements/agreement.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
LABELS = ("same", "different", "unsure")


def _judgements(name: str) -> dict[tuple[str, int], str]:
    rows = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = {(r["file"], r["id"]): r["judgement"] for r in rows}
    assert len(judged) == len(rows), f"{name}: a pair judged twice"
    assert set(judged.values()) <= set(LABELS), f"{name}: a label outside {LABELS}"
    return judged


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa of two equally long label lists."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    ca, cb = Counter(first), Counter(second)
    expected = sum(ca[label] * cb[label] for label in LABELS) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    a, b = _judgements("judged-a.jsonl"), _judgements("judged-b.jsonl")
    for file in ("merged", "near_misses"):
        pairs = sorted(k for k in a if k[0] == file)
        assert pairs == sorted(k for k in b if k[0] == file), f"{file}: the judges labelled different pairs"
        first, second = [a[k] for k in pairs], [b[k] for k in pairs]
        agreed = [x for x, y in zip(first, second) if x == y]
        counts = Counter(agreed)
        print(f"{file}: {len(pairs)} pairs; judge A {dict(Counter(first))}, judge B {dict(Counter(second))}")
        print(f"  agreement {len(agreed)}/{len(pairs)} = {len(agreed) / len(pairs):.3f}, "
              f"Cohen's kappa {cohen_kappa(first, second):.2f}; both say same {counts['same']}, "
              f"different {counts['different']}, unsure {counts['unsure']}")
        decided = counts["same"] + counts["different"]
        if file == "merged" and decided:
            print(f"  merge precision where both judges decided: {counts['same']}/{decided} = "
                  f"{counts['same'] / decided:.3f} ({len(pairs) - decided} pairs undecided or disputed)")
        if file == "near_misses":
            print(f"  pairs kept apart that both judges call one statement: {counts['same']}/{len(pairs)}")


if __name__ == "__main__":
    main()
