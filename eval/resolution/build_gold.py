#!/usr/bin/env python3
"""Join the resolution labels with the candidates into the gold files, check them, and measure
the second annotator's agreement with the first (B-cubed on the names both call an entity).

Run:  python3 eval/resolution/build_gold.py
Writes dev.jsonl and heldout.jsonl: one line per candidate labelled as an entity (`entity`
key and `type`), with its article, outlet, text and offsets. Candidates labelled "-" are
left out.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"Person", "Government", "Outlet", "Organization", "Location"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `predicted` clusters against `gold` (item -> cluster)."""
    items = sorted(set(gold) & set(predicted))
    gold_members, pred_members = defaultdict(set), defaultdict(set)
    for item in items:
        gold_members[gold[item]].add(item)
        pred_members[predicted[item]].add(item)
    precision = recall = 0.0
    for item in items:
        g, p = gold_members[gold[item]], pred_members[predicted[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(items), recall / len(items)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> int:
    candidates = {c["id"]: c for c in load(HERE / "mentions.jsonl")}
    labels = {row["id"]: row for row in load(HERE / "annotations" / "main.jsonl")}
    problems = [f"{i}: no label" for i in candidates if i not in labels]
    problems += [f"{i}: type {r.get('type')!r}" for i, r in labels.items()
                 if r["entity"] != "-" and r.get("type") not in TYPES]
    counts: Counter = Counter()
    for split in ("dev", "heldout"):
        with (HERE / f"{split}.jsonl").open("w", encoding="utf-8") as out:
            for cid, cand in candidates.items():
                label = labels.get(cid)
                if cand["split"] != split or label is None or label["entity"] == "-":
                    continue
                out.write(json.dumps({k: cand[k] for k in ("id", "path", "outlet", "text", "offsets")}
                                     | {"entity": label["entity"], "type": label["type"]}, ensure_ascii=False) + "\n")
                counts[split, "names"] += 1
                counts[split, "entity", label["entity"]] += 1
                counts[split, "article", cand["path"]] += 1
                counts[split, "outlet", cand["outlet"]] += 1
        entities = [k for k in counts if k[:2] == (split, "entity")]
        across = sum(1 for k in entities
                     if len({candidates[c]["path"] for c, l in labels.items() if l["entity"] == k[2]
                             and candidates[c]["split"] == split}) > 1)
        print(f"{split}: {counts[split, 'names']} names of {len(entities)} entities ({across} named in more than one "
              f"article) in {sum(1 for k in counts if k[:2] == (split, 'article'))} articles from "
              f"{sum(1 for k in counts if k[:2] == (split, 'outlet'))} outlets")
    second = {row["id"]: row for row in load(HERE / "annotations" / "overlap-b.jsonl")}
    common = [i for i in second if i in labels]
    same_call = sum((labels[i]["entity"] == "-") == (second[i]["entity"] == "-") for i in common)
    both = [i for i in common if labels[i]["entity"] != "-" and second[i]["entity"] != "-"]
    p, r, f = b_cubed({i: labels[i]["entity"] for i in both}, {i: second[i]["entity"] for i in both})
    same_type = sum(labels[i]["type"] == second[i]["type"] for i in both)
    print(f"agreement on {len(common)} candidates: entity or not {same_call}/{len(common)}; on the {len(both)} both "
          f"call an entity, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}, type {same_type}/{len(both)}")
    for problem in problems[:20]:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
