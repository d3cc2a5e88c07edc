#!/usr/bin/env python3
"""Reproducible selection of the relation evaluation sentences (stdlib only).

Run:  python3 eval/relations/select.py [--corpus /work/shared/corpus]
Writes eval/relations/sentences.jsonl, one sentence to annotate per line:
  {"id", "path" (relative to the corpus), "split", "start", "end" (character offsets in the
   file as decoded), "sentence", "before" (up to two sentences before it), "title", "triggers"}

Procedure (seed 20261203), decided before any sentence was read:
  * Candidates: bbc/politics, bbc/business, polnear/train/text, polnear/dev/text. Files are decoded
    as UTF-8, else cp1252 (as newsgraph's reader does). Articles in eval/gold (the older set) are
    left out, and exact duplicate texts are collapsed to the first path in sorted order.
  * Sentences: a paragraph is a line; a sentence ends at . ! ? (with closing quote marks) before
    whitespace and a capital, digit or quote mark.
  * Trigger sentences: TRIGGERS below (verbs and nouns of meeting, accusing and sanctioning).
  * Every sentence with a sanction trigger in any candidate article is taken (they are rare).
  * For meetings and accusations, candidate articles are shuffled (seeded) and taken whole (all
    their trigger sentences, negatives included) until at least TARGET meeting-trigger and TARGET
    accusation-trigger sentences are in.
  * Split by article: PolNeAR dev articles are heldout (PolNeAR dev is only ever scored); the
    others by a hash of the path, half and half. Annotators see both; engineers read only dev.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

SEED = 20261203
TARGET = 520
HERE = Path(__file__).resolve().parent
OUT = HERE / "sentences.jsonl"
POOLS = ["bbc/politics", "bbc/business", "polnear/train/text", "polnear/dev/text"]

TRIGGERS = {
    "meeting": re.compile(
        r"\b(meet|meets|met|meeting|meetings|talks|summit\w*|host|hosts|hosted|hosting|visit|visits|"
        r"visited|visiting|sat down|sit-down|sit down|dinner|lunch|breakfast|conferred|huddled)\b", re.I),
    "accusation": re.compile(
        r"\b(accus\w*|blam\w*|charg\w*|alleg\w*|sue|sues|sued|suing|lawsuit\w*|indict\w*)\b", re.I),
    "sanction": re.compile(
        r"\b(sanction\w*|embargo\w*|blacklist\w*|froze|freeze|freezes|freezing|frozen)\b", re.I),
}
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018A-Z0-9])")


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sentences(text: str):
    """(start, end) of each sentence: lines split at sentence ends."""
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in SENTENCE_END.finditer(line):
            yield offset + start, offset + m.end()
            start = m.end()
            while start < len(line) and line[start].isspace():
                start += 1
        if line[start:].strip():
            yield offset + start, offset + len(line.rstrip())
        offset += len(line) + 1


def gold_paths() -> set[str]:
    old = HERE.parent / "gold" / "selection.json"
    return {row["path"] for row in json.loads(old.read_text())} if old.exists() else set()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(HERE.parents[2] / "shared" / "corpus"))
    corpus = Path(ap.parse_args().corpus)
    skip, seen, articles = gold_paths(), set(), []
    for pool in POOLS:
        for path in sorted((corpus / pool).glob("*.txt")):
            rel = path.relative_to(corpus).as_posix()
            text = decode(path.read_bytes())
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if rel in skip or digest in seen:
                continue
            seen.add(digest)
            title = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
            spans = list(sentences(text))
            rows = []
            for i, (s, e) in enumerate(spans):
                sent = text[s:e]
                kinds = [k for k, rx in TRIGGERS.items() if rx.search(sent)]
                if kinds:
                    before = " ".join(text[a:b] for a, b in spans[max(0, i - 2):i])
                    rows.append({"path": rel, "start": s, "end": e, "sentence": sent, "before": before,
                                 "title": title, "triggers": kinds})
            if rows:
                articles.append((rel, rows))
    chosen: dict[str, list] = {}
    for rel, rows in articles:
        san = [r for r in rows if "sanction" in r["triggers"]]
        if san:
            chosen[rel] = san
    random.Random(SEED).shuffle(articles)
    counts = {"meeting": 0, "accusation": 0}
    for rel, rows in articles:
        if min(counts.values()) >= TARGET:
            break
        chosen[rel] = rows
        for r in rows:
            for k in counts:
                counts[k] += k in r["triggers"]
    out = []
    for rel in sorted(chosen):
        split = "heldout" if rel.startswith("polnear/dev/") else (
            "dev" if int(hashlib.sha1(rel.encode()).hexdigest(), 16) % 2 == 0 else "heldout")
        for r in chosen[rel]:
            r = {"id": f"{rel}#{r['start']}", "split": split, **r}
            out.append(r)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    by = {}
    for r in out:
        for k in r["triggers"]:
            by[r["split"], k] = by.get((r["split"], k), 0) + 1
    print(f"{len(out)} sentences from {len(chosen)} articles -> {OUT}")
    for key in sorted(by):
        print(key, by[key])


if __name__ == "__main__":
    main()
