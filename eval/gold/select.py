#!/usr/bin/env python3
"""Reproducible selection of gold-set articles (stdlib only).

Run from anywhere:  python3 eval/gold/select.py [--corpus /work/shared/corpus]
Writes eval/gold/selection.json: list of {"path": <relative to corpus>, "split": dev|heldout}.

Procedure (seed 20240303):
  * Candidates: bbc/politics/*.txt, bbc/business/*.txt, polnear/train/text/*.txt.
    Files that are not valid UTF-8 are skipped; exact duplicate texts (the BBC set has some)
    are collapsed to the first path in sorted order; articles longer than MAX_CHARS are skipped
    so that exhaustive hand annotation stays feasible (BBC median ~2.1k, PolNeAR ~3.6k chars).
  * Keyword filter (case-insensitive, word-initial match) for articles likely to contain
    MET_WITH / SANCTIONED / ACCUSED: KEYWORDS below. An article "passes" with >= 1 hit.
  * BBC: 9 politics + 8 business drawn from the passing ones, then 5 drawn from all remaining
    BBC politics+business candidates without the filter (22 in all).
  * PolNeAR train: 5 drawn from the passing ones + 5 drawn from all remaining (10 in all).
  * Split: per source (bbc, polnear) a seeded shuffle; the first half is dev, the rest heldout.
  * Stage 2 (supplement, seed SEED+1, added after stage 1 gave zero SANCTIONED and only six
    MET_WITH gold relations; stage 1 is unchanged by it): from the BBC politics+business
    candidates not yet selected, 4 articles matching SANCTION_RE and 4 matching MEETING_RE
    (stricter patterns); each group of 4 is shuffled and split 2 dev / 2 heldout.
  * Stage 3 (seed SEED+2, added after stage 2 still gave only one SANCTIONED relation): from all
    not yet selected BBC politics+business and PolNeAR train candidates (same caps), 4 articles
    matching SANCTION_STRICT_RE (sanctions on/against, imposed/lifted/threatened ... sanctions,
    embargo), split 2 dev / 2 heldout. Near-identical BBC duplicates are collapsed by their first
    200 characters.
  * Stage 4 (added after annotating stage 3, whose seeded split happened to put both articles
    with SANCTIONED relations in dev, leaving heldout with one): every remaining SANCTION_STRICT_RE
    candidate of the stage-3 pool goes to heldout, so that the scored half has enough SANCTIONED
    instances. The assignment was decided before these articles were read.
"""
import argparse
import hashlib
import json
import os
import random
import re

SEED = 20240303
MAX_CHARS = {"bbc": 3500, "polnear": 4500}
KEYWORDS = [
    "met", "meet", "meeting", "talks", "summit", "visit", "hosted", "sanction", "embargo",
    "accus", "blame", "blamed", "alleg",
]
KW_RE = re.compile(r"\b(" + "|".join(
    # exact words for short/ambiguous stems, prefixes for the others
    ["met\\b", "meet(?:s|ing|ings)?\\b", "talks\\b", "hosted\\b", "blam\\w*"] +
    ["summit", "visit", "sanction", "embargo", "accus", "alleg"]) + r")", re.I)


SANCTION_RE = re.compile(r"\b(sanction(?:s|ed)?|embargo(?:es)?)\b", re.I)
MEETING_RE = re.compile(r"\b(met with|met \w+ \w+|held talks with|talks with|meeting with|"
                        r"meeting between|visited|hosted)\b")


SANCTION_STRICT_RE = re.compile(
    r"\bsanctions?\s+(?:on|against)\b|\b(?:impos\w*|lift\w*|threat\w*|slap\w*)\b[^.]{0,40}"
    r"\bsanctions\b|\bembargo\b", re.I)


def read_utf8(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def candidates(corpus, rel_dir, source):
    out, seen = [], set()
    d = os.path.join(corpus, rel_dir)
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".txt"):
            continue
        rel = f"{rel_dir}/{fn}"
        text = read_utf8(os.path.join(corpus, rel))
        if text is None:
            continue
        h = hashlib.sha1(text.strip().encode()).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        if len(text) > MAX_CHARS[source]:
            continue
        out.append((rel, len(KW_RE.findall(text)) > 0))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "selection.json"))
    args = ap.parse_args()
    rng = random.Random(SEED)

    pol = candidates(args.corpus, "bbc/politics", "bbc")
    bus = candidates(args.corpus, "bbc/business", "bbc")
    pn = candidates(args.corpus, "polnear/train/text", "polnear")

    bbc = rng.sample([p for p, k in pol if k], 9) + rng.sample([p for p, k in bus if k], 8)
    rest = [p for p, _ in pol + bus if p not in bbc]
    bbc += rng.sample(rest, 5)

    pnsel = rng.sample([p for p, k in pn if k], 5)
    pnsel += rng.sample([p for p, _ in pn if p not in pnsel], 5)

    selection = []
    for group in (bbc, pnsel):
        g = sorted(group)
        rng.shuffle(g)
        half = len(g) // 2
        selection += [{"path": p, "split": "dev" if i < half else "heldout"}
                      for i, p in enumerate(g)]
    # stage 2: relation-targeted supplement (separate RNG so stage 1 stays as it was)
    rng2 = random.Random(SEED + 1)
    taken = set(bbc)
    pool = []
    for rel, _ in pol + bus:
        if rel in taken:
            continue
        with open(os.path.join(args.corpus, rel), encoding="utf-8") as f:
            pool.append((rel, f.read()))
    sanc = rng2.sample(sorted(r for r, t in pool if SANCTION_RE.search(t)), 4)
    meet = rng2.sample(sorted(r for r, t in pool if MEETING_RE.search(t) and r not in sanc), 4)
    for group in (sanc, meet):
        rng2.shuffle(group)
        selection += [{"path": p, "split": "dev" if i < 2 else "heldout"}
                      for i, p in enumerate(group)]

    # stage 3: SANCTIONED-targeted supplement
    rng3 = random.Random(SEED + 2)
    taken = {r["path"] for r in selection}
    pool3, seen_heads = [], set()
    for rel, _ in pol + bus + pn:
        if rel in taken:
            continue
        with open(os.path.join(args.corpus, rel), encoding="utf-8") as f:
            text = f.read()
        head = text[:200]
        if head in seen_heads or not SANCTION_STRICT_RE.search(text):
            continue
        seen_heads.add(head)
        pool3.append(rel)
    sanc3 = rng3.sample(pool3, 4)
    rng3.shuffle(sanc3)
    selection += [{"path": p, "split": "dev" if i < 2 else "heldout"} for i, p in enumerate(sanc3)]

    # stage 4: the rest of the stage-3 pool, all to heldout
    # (articles whose body - the text after the headline line - duplicates one already
    # selected are skipped: the BBC set has copies that differ only in the headline)
    def body(rel):
        with open(os.path.join(args.corpus, rel), encoding="utf-8") as f:
            return f.read().split("\n", 1)[-1].strip()
    bodies = {body(r["path"]) for r in selection}
    for p in pool3:
        if p in sanc3 or body(p) in bodies:
            continue
        bodies.add(body(p))
        selection.append({"path": p, "split": "heldout"})

    selection.sort(key=lambda r: (r["split"], r["path"]))
    with open(args.out, "w") as f:
        json.dump(selection, f, indent=1)
        f.write("\n")
    print(f"wrote {len(selection)} articles to {args.out}")
    print(f"pool sizes: bbc/politics {len(pol)} ({sum(k for _, k in pol)} pass filter), "
          f"bbc/business {len(bus)} ({sum(k for _, k in bus)}), polnear train {len(pn)} "
          f"({sum(k for _, k in pn)})")


if __name__ == "__main__":
    main()
