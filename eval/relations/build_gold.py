#!/usr/bin/env python3
"""Join the annotators' batches into the gold files, check them, and measure agreement.

Run:  python3 eval/relations/build_gold.py
Reads sentences.jsonl and annotations/batch-*.jsonl; writes dev.jsonl and heldout.jsonl (one
line per annotated sentence: the sentence's id, path, offsets, text and its relations). Checks
that every sentence has one annotation, every relation has the required keys and allowed
values, and that non-empty party words occur in the sentence. Prints counts per split, type
and modality, and the agreement of the second annotator (annotations/overlap-b.jsonl) with
the first on the overlap sentences (aggregate figures only: heldout items are never shown).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"MET_WITH", "ACCUSED", "SANCTIONED"}
MODALITIES = {"asserted", "planned", "proposed", "denied", "negated", "hypothetical"}
STATUSES = {"imposed", "threatened", "lifted"}
ENTITY_TYPES = {"Person", "Government", "Outlet", "Organization", "Location"}


def key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"'s$|'$", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(sentence: dict, annotation: dict, problems: list[str]) -> None:
    for rel in annotation["relations"]:
        where = f"{sentence['id']}: {rel.get('type')}"
        for field in ("type", "source", "source_name", "source_type", "target", "target_name", "target_type", "modality"):
            if field not in rel:
                problems.append(f"{where}: no {field}")
        if rel.get("type") not in TYPES or rel.get("modality") not in MODALITIES:
            problems.append(f"{where}: type or modality not allowed")
        if rel.get("type") == "SANCTIONED" and rel.get("status") not in STATUSES:
            problems.append(f"{where}: SANCTIONED needs a status")
        for side in ("source", "target"):
            if rel.get(f"{side}_type") not in ENTITY_TYPES:
                problems.append(f"{where}: {side}_type not allowed")
            words = rel.get(side) or ""
            if words and _plain(words) not in _plain(sentence["sentence"]):
                print(f"warning: {where}: {side} words not in the sentence", file=sys.stderr)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")


def same_party(a: str, b: str) -> bool:
    """Lenient: the same name key, one key inside the other, or the same last word (a surname)."""
    ka, kb = key(a), key(b)
    return ka == kb or (ka and kb and (ka in kb or kb in ka or ka.split()[-1] == kb.split()[-1]))


def lenient_matches(first: list[dict], second: list[dict]) -> int:
    """Relations of `first` with a counterpart in `second`: same type (and status), parties by `same_party`."""
    used, found = set(), 0
    for ra in first:
        for j, rb in enumerate(second):
            if j in used or ra["type"] != rb["type"] or ra.get("status") != rb.get("status"):
                continue
            straight = same_party(ra["source_name"], rb["source_name"]) and same_party(ra["target_name"], rb["target_name"])
            crossed = same_party(ra["source_name"], rb["target_name"]) and same_party(ra["target_name"], rb["source_name"])
            if straight or (ra["type"] == "MET_WITH" and crossed):
                used.add(j)
                found += 1
                break
    return found


def relation_keys(annotation: dict) -> set[tuple]:
    keys = set()
    for rel in annotation["relations"]:
        a, b = key(rel["source_name"]), key(rel["target_name"])
        ends = tuple(sorted((a, b))) if rel["type"] == "MET_WITH" else (a, b)
        keys.add((rel["type"], ends, rel.get("status")))
    return keys


def agreement(first: dict[str, dict], second: dict[str, dict]) -> None:
    common = sorted(set(first) & set(second))
    a_keys = {i: relation_keys(first[i]) for i in common}
    b_keys = {i: relation_keys(second[i]) for i in common}
    both = sum(len(a_keys[i] & b_keys[i]) for i in common)
    only_a = sum(len(a_keys[i] - b_keys[i]) for i in common)
    only_b = sum(len(b_keys[i] - a_keys[i]) for i in common)
    f1 = 2 * both / (2 * both + only_a + only_b) if both else 0.0
    print(f"agreement on {len(common)} sentences: relations {both} matched, {only_a} only first, {only_b} only second "
          f"(F1 {f1:.3f}; matched on type, both parties' name keys, sanction status)")
    n_a = sum(len(first[i]["relations"]) for i in common)
    n_b = sum(len(second[i]["relations"]) for i in common)
    lenient = sum(lenient_matches(first[i]["relations"], second[i]["relations"]) for i in common)
    print(f"  parties matched leniently (a surname, or one name inside the other): {lenient} of {n_a} / {n_b} "
          f"(F1 {2 * lenient / (n_a + n_b):.3f})")
    # sentence level: does it hold a relation (of each type)?
    for rtype in sorted(TYPES):
        has_a = [any(r["type"] == rtype for r in first[i]["relations"]) for i in common]
        has_b = [any(r["type"] == rtype for r in second[i]["relations"]) for i in common]
        agree = sum(x == y for x, y in zip(has_a, has_b)) / len(common)
        pa, pb = sum(has_a) / len(common), sum(has_b) / len(common)
        expected = pa * pb + (1 - pa) * (1 - pb)
        kappa = (agree - expected) / (1 - expected) if expected < 1 else 1.0
        print(f"  sentence holds {rtype}: agreement {agree:.3f}, Cohen's kappa {kappa:.3f} "
              f"({sum(has_a)} / {sum(has_b)} sentences)")
    modality = [(ra["modality"], rb["modality"]) for i in common
                for ra in first[i]["relations"] for rb in second[i]["relations"]
                if ra["type"] == rb["type"] and {key(ra["source_name"]), key(ra["target_name"])}
                == {key(rb["source_name"]), key(rb["target_name"])}]
    if modality:
        same = sum(x == y for x, y in modality)
        print(f"  modality of matched relations: {same}/{len(modality)} the same")


def main() -> int:
    sentences = {s["id"]: s for s in load(HERE / "sentences.jsonl")}
    annotations: dict[str, dict] = {}
    for path in sorted((HERE / "annotations").glob("batch-*.jsonl")):
        for row in load(path):
            if row["id"] in annotations:
                print(f"{path.name}: {row['id']} annotated twice", file=sys.stderr)
            annotations[row["id"]] = row
    problems: list[str] = []
    missing = set(sentences) - set(annotations)
    if missing:
        problems.append(f"{len(missing)} sentences without an annotation")
    for sid, annotation in annotations.items():
        check(sentences[sid], annotation, problems)
    counts: Counter = Counter()
    for split in ("dev", "heldout"):
        with (HERE / f"{split}.jsonl").open("w", encoding="utf-8") as out:
            for sid, sentence in sentences.items():
                if sentence["split"] != split or sid not in annotations:
                    continue
                rels = annotations[sid]["relations"]
                out.write(json.dumps({k: sentence[k] for k in ("id", "path", "start", "end", "sentence")}
                                     | {"relations": rels}, ensure_ascii=False) + "\n")
                counts[split, "sentences"] += 1
                counts[split, "articles", sentence["path"]] = 1
                for rel in rels:
                    counts[split, rel["type"], rel["modality"]] += 1
    for split in ("dev", "heldout"):
        arts = sum(1 for k in counts if k[:2] == (split, "articles"))
        print(f"{split}: {counts[split, 'sentences']} sentences from {arts} articles")
        for rtype in sorted(TYPES):
            by = {m: counts[split, rtype, m] for m in sorted(MODALITIES) if counts[split, rtype, m]}
            print(f"  {rtype}: {sum(by.values())} ({', '.join(f'{m} {n}' for m, n in by.items())})")
    second = {row["id"]: row for row in load(HERE / "annotations" / "overlap-b.jsonl")}
    agreement(annotations, second)
    for p in problems[:20]:
        print("problem:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
