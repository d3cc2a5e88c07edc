"""Character-span overlap and one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Ranges = tuple[tuple[int, int], ...]
G = TypeVar("G")
P = TypeVar("P")


def chars(ranges: Ranges) -> set[int]:
    return {i for a, b in ranges for i in range(a, b)}


def overlap(a: set[int], b: set[int]) -> float:
    """Intersection over union of two character sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def match(gold: Sequence[G], predicted: Sequence[P], score: Callable[[G, P], float], *, threshold: float) -> list[tuple[G, P]]:
    """Greedy one-to-one matching, best scores first, pairs at or above `threshold`."""
    pairs = sorted(
        ((score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        key=lambda t: -t[0],
    )
    used_gold, used_pred, matched = set(), set(), []
    for value, gi, pi in pairs:
        if value < threshold:
            break
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gold[gi], predicted[pi]))
    return matched
