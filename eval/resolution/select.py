#!/usr/bin/env python3
"""Reproducible selection of the cross-article resolution set (stdlib only).

Run:  python3 eval/resolution/select.py [--corpus /work/shared/corpus]
Writes eval/resolution/mentions.jsonl, one candidate name to label per line:
  {"id", "path" (relative to the corpus), "split", "outlet", "text" (the name as written),
   "offsets" (every start of that exact text in the article body), "context" (the sentence
   around its first occurrence)}

Procedure (seed 20261204), decided before any article was read:
  * Articles: PolNeAR train+dev from the three months with most articles (2016-03, 2016-06,
    2016-09), two per outlet per month (7 outlets: 42 articles), plus 8 BBC politics articles;
    at most MAX_CHARS characters; articles of eval/gold left out; seeded draws.
  * Candidates: in the body (the title line is left out), every maximal run of capitalized words
    (initials, "Jr.", "Mr.", hyphens and apostrophes inside; "of", "the", "de" between two
    capitalized words; a possessive 's and leading capitalized function words such as "When" cut off), one line per distinct text per article.
  * Split by article, the same rule as eval/relations: PolNeAR dev is heldout, the rest by a hash
    of the path.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
from pathlib import Path

SEED = 20261204
MAX_CHARS = 4500
MONTHS = ("2016-03", "2016-06", "2016-09")
PER_OUTLET_MONTH = 2
BBC_ARTICLES = 8
HERE = Path(__file__).resolve().parent
OUT = HERE / "mentions.jsonl"

ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Mt|Ft)\."
CAP = rf"(?:(?:[A-Z]\.)+|{ABBREVIATIONS}|[A-Z][\w'\u2019\-]*)"
CONNECT = r"(?:of|the|de|la|van|von|bin|al|du)"
NAME = re.compile(rf"{CAP}(?:[ \t]+(?:{CONNECT}[ \t]+)?{CAP})*")
POSSESSIVE = re.compile(r"['\u2019]s?$")
FUNCTION_WORDS = set("""A An The This That These Those It Its He She His Her They Their We Our I You But And Or
If In On At For To Of By As So Yet Not No Now Then When While Where What Who Why How After Before Since
Asked Also Still Just More Most Many Some All Both Each Other Such Only Even There Here Last Next""".split())
CONTEXT_CHARS = 160


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def split_of(rel: str) -> str:
    if rel.startswith("polnear/dev/"):
        return "heldout"
    return "dev" if int(hashlib.sha1(rel.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def excluded() -> set[str]:
    old = HERE.parent / "gold" / "selection.json"
    return {row["path"] for row in json.loads(old.read_text())} if old.exists() else set()


def context(text: str, start: int, length: int) -> str:
    """The paragraph around a name, cut to CONTEXT_CHARS on each side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return text[max(line_start, start - CONTEXT_CHARS): min(line_end, start + length + CONTEXT_CHARS)].strip()


def candidates(text: str):
    first = next(i for i, ln in enumerate(text.split("\n")) if ln.strip())
    body_start = sum(len(ln) + 1 for ln in text.split("\n")[: first + 1])
    found: dict[str, list[int]] = {}
    for m in NAME.finditer(text, body_start):
        name, start = POSSESSIVE.sub("", m.group()), m.start()
        while " " in name and name.split(" ", 1)[0] in FUNCTION_WORDS:
            head, name = name.split(" ", 1)
            start += len(head) + 1
        if name in FUNCTION_WORDS or not name:
            continue
        found.setdefault(name, []).append(start)
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(HERE.parents[2] / "shared" / "corpus"))
    corpus = Path(ap.parse_args().corpus)
    skip = excluded()
    with (corpus / "polnear" / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    rng = random.Random(SEED)
    chosen: list[tuple[str, str]] = []
    pool: dict[tuple[str, str], list[str]] = {}
    for split in ("train", "dev"):
        for path in sorted((corpus / "polnear" / split / "text").glob("*.txt")):
            rel = path.relative_to(corpus).as_posix()
            row = meta.get(path.stem)
            if rel in skip or row is None or row["publication_date"][:7] not in MONTHS:
                continue
            if len(decode(path.read_bytes())) > MAX_CHARS:
                continue
            pool.setdefault((row["publication_date"][:7], row["publisher"]), []).append(rel)
    for key in sorted(pool):
        for rel in rng.sample(pool[key], min(PER_OUTLET_MONTH, len(pool[key]))):
            chosen.append((rel, meta[Path(rel).stem]["publisher"]))
    bbc = [p.relative_to(corpus).as_posix() for p in sorted((corpus / "bbc" / "politics").glob("*.txt"))
           if len(decode(p.read_bytes())) <= MAX_CHARS]
    bbc = [rel for rel in bbc if rel not in skip]
    chosen += [(rel, "bbc") for rel in rng.sample(bbc, BBC_ARTICLES)]
    lines = []
    for rel, outlet in sorted(chosen):
        text = decode((corpus / rel).read_bytes())
        for name, offsets in candidates(text).items():
            sent = context(text, offsets[0], len(name))
            lines.append({"id": f"{rel}#{offsets[0]}", "path": rel, "split": split_of(rel), "outlet": outlet,
                          "text": name, "offsets": offsets, "context": sent})
    with OUT.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    arts = {line["path"] for line in lines}
    print(f"{len(lines)} candidate names in {len(arts)} articles -> {OUT}")
    for split in ("dev", "heldout"):
        print(split, sum(line["split"] == split for line in lines), "names in",
              len({line["path"] for line in lines if line["split"] == split}), "articles")


if __name__ == "__main__":
    main()
