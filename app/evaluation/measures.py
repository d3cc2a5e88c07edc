"""Counts behind every figure: precision/recall/F1 measures and accuracies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRF:
    """Matched predictions / predictions, matched gold / gold."""

    name: str
    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None

    def add(self, *, matched: int, predicted: int, gold: int, matched_gold: int | None = None) -> None:
        """`matched_gold` when a prediction may match several gold items (defaults to `matched`)."""
        self.matched_predicted += matched
        self.matched_gold += matched if matched_gold is None else matched_gold
        self.predicted += predicted
        self.gold += gold

    def row(self) -> dict:
        return {"measure": self.name, "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "counts": f"{self.matched_predicted}/{self.predicted} pred, {self.matched_gold}/{self.gold} gold"}


@dataclass
class Accuracy:
    name: str
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def row(self) -> dict:
        return {"measure": self.name, "accuracy": self.value, "counts": f"{self.correct}/{self.total}"}


def format_table(rows: list[dict]) -> str:
    """An aligned text table of measure rows (P/R/F1 rows and accuracy rows)."""
    def pct(value: float | None) -> str:
        return "   -  " if value is None else f"{value:6.3f}"

    lines = [f"{'measure':<72} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}  counts"]
    for row in rows:
        lines.append(
            f"{row['measure']:<72} {pct(row.get('precision'))} {pct(row.get('recall'))} "
            f"{pct(row.get('f1'))} {pct(row.get('accuracy'))}  {row['counts']}"
        )
    return "\n".join(lines)
