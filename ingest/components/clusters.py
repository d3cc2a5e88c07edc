"""Clusters of an article's mentions: union-find, plus moving one mention to another cluster.

Coreference needs what a plain union-find has not: a mention that joined a cluster by
its name may move alone to another when a better antecedent turns up, and a mention in
no cluster at all (a pronoun nothing resolved) finds None.
"""

from __future__ import annotations


class Clusters:
    """Union-find over mention indices; a mention outside every cluster finds None."""

    def __init__(self, size: int) -> None:
        self.parent: list[int | None] = [None] * size

    def activate(self, i: int) -> None:
        if self.parent[i] is None:
            self.parent[i] = i

    def find(self, i: int) -> int | None:
        if self.parent[i] is None:
            return None
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, *, keep: int | None = None) -> None:
        self.activate(a)
        self.activate(b)
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        winner = self.find(keep) if keep is not None else min(ra, rb)
        loser = rb if winner == ra else ra
        self.parent[loser] = winner

    def move(self, i: int, target: int) -> None:
        """Put mention `i` alone into `target`'s cluster (its old cluster keeps the others)."""
        self.activate(target)
        root = self.find(target)
        if self.find(i) == root:
            return
        if self.find(i) == i and self.parent.count(i) > 1:  # a root others point at (through one of its children)
            others = [j for j in range(len(self.parent)) if j != i and self.find(j) == i]
            for j in others:
                self.parent[j] = others[0]
        self.parent[i] = root
