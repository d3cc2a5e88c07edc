#!/usr/bin/env python3
"""Validate the gold annotation files (stdlib only).

python3 eval/gold/validate.py [--corpus /work/shared/corpus]
Checks: selection.json <-> files; schema; entity/relation/quote types; relation endpoints and
quote speakers/outlets are entity names of the same file; names unique; every alias, relation
sentence and quote content occurs verbatim in the article text; each split has >= 16 articles.
Exit status 1 on any error; warnings (name not verbatim in text) do not fail.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENTITY_TYPES = {"Person", "Government", "Outlet", "Organization", "Location"}
REL_TYPES = {"MET_WITH", "SANCTIONED", "ACCUSED"}
STATUSES = {"imposed", "threatened", "lifted"}
SPLITS = ("dev", "heldout")


def file_name(path):
    parts = path.split("/")
    source = "polnear" if parts[0] == "polnear" else f"{parts[0]}_{parts[1]}"
    return f"{source}-{os.path.splitext(parts[-1])[0]}.json"


def check(doc, text, where, errors, warnings):
    def err(msg):
        errors.append(f"{where}: {msg}")

    for key, typ in (("path", str), ("split", str), ("entities", list), ("relations", list),
                     ("quotes", list)):
        if not isinstance(doc.get(key), typ):
            err(f"missing or bad key {key!r}")
            return
    names = {}
    for e in doc["entities"]:
        n = e.get("name")
        if not isinstance(n, str) or not n:
            err(f"entity without name: {e}")
            continue
        if n in names:
            err(f"duplicate entity name {n!r}")
        names[n] = e
        if e.get("type") not in ENTITY_TYPES:
            err(f"entity {n!r}: bad type {e.get('type')!r}")
        al = e.get("aliases")
        if not isinstance(al, list) or not al or not all(isinstance(a, str) and a for a in al):
            err(f"entity {n!r}: aliases must be a non-empty list of strings")
            al = []
        if len(set(al)) != len(al):
            err(f"entity {n!r}: duplicate aliases")
        for a in al:
            if a not in text:
                err(f"entity {n!r}: alias {a!r} not in text")
        for d in e.get("descriptions", []):
            if d not in al:
                err(f"entity {n!r}: description {d!r} not among aliases")
        if "described" in e and not isinstance(e["described"], bool):
            err(f"entity {n!r}: 'described' must be a boolean")
        if n not in text:
            warnings.append(f"{where}: entity name {n!r} not verbatim in text")
        extra = set(e) - {"name", "type", "aliases", "descriptions", "described"}
        if extra:
            err(f"entity {n!r}: unknown keys {extra}")
    seen = set()
    for r in doc["relations"]:
        t = r.get("type")
        if t not in REL_TYPES:
            err(f"bad relation type {t!r}")
        for end in ("source", "target"):
            if r.get(end) not in names:
                err(f"relation {t} {end} {r.get(end)!r} is not an entity name")
        if r.get("source") == r.get("target"):
            err(f"relation {t} with source == target {r.get('source')!r}")
        if t == "SANCTIONED" and r.get("status") not in STATUSES:
            err(f"SANCTIONED needs status in {sorted(STATUSES)}: {r}")
        if t != "SANCTIONED" and "status" in r:
            err(f"status only for SANCTIONED: {r}")
        s = r.get("sentence")
        if not isinstance(s, str) or not s or s not in text:
            err(f"relation sentence not verbatim in text: {s!r}")
        key = (t, r.get("source"), r.get("target"), r.get("status"))
        if t == "MET_WITH":
            key = (t, frozenset((r.get("source"), r.get("target"))), None)
        if key in seen:
            err(f"duplicate relation {key}")
        seen.add(key)
    for q in doc["quotes"]:
        if q.get("speaker") not in names:
            err(f"quote speaker {q.get('speaker')!r} is not an entity name")
        if not isinstance(q.get("direct"), bool):
            err(f"quote 'direct' must be boolean: {q}")
        o = q.get("outlet")
        if o is not None and (o not in names or names[o].get("type") != "Outlet"):
            err(f"quote outlet {o!r} is not an Outlet entity of the file")
        c = q.get("content")
        if not isinstance(c, str) or not c or c not in text:
            err(f"quote content not verbatim in text: {c!r}")
        elif q.get("direct") is True:
            starts = [i for i in range(len(text)) if text.startswith(c, i)]
            if not any(m in text[max(0, i - 2):i] for i in starts for m in "\"“‘'>"):
                warnings.append(f"{where}: direct quote not preceded by a quote mark: {c[:50]!r}")


def stats(selection, corpus):
    from collections import Counter
    for split in SPLITS:
        c = Counter()
        for item in selection:
            if item["split"] != split:
                continue
            path = os.path.join(HERE, split, file_name(item["path"]))
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            src = "polnear" if item["path"].startswith("polnear") else "bbc"
            c["articles"] += 1
            c[f"articles:{src}"] += 1
            for e in doc["entities"]:
                c[f"entity:{e['type']}"] += 1
                if e.get("described"):
                    c["entity:described"] += 1
            for r in doc["relations"]:
                key = r["type"] + (f"/{r['status']}" if "status" in r else "")
                c[f"relation:{key}"] += 1
            for q in doc["quotes"]:
                c["quote:direct" if q["direct"] else "quote:indirect"] += 1
                if q.get("outlet"):
                    c["quote:with_outlet"] += 1
        print(f"[{split}] " + ", ".join(f"{k}={v}" for k, v in sorted(c.items())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--stats", action="store_true", help="print counts per split")
    args = ap.parse_args()
    errors, warnings = [], []
    with open(os.path.join(HERE, "selection.json")) as f:
        selection = json.load(f)
    counts = {s: 0 for s in SPLITS}
    for item in selection:
        split, path = item["split"], item["path"]
        if split not in SPLITS:
            errors.append(f"selection: bad split {split!r}")
            continue
        gold = os.path.join(HERE, split, file_name(path))
        if not os.path.exists(gold):
            errors.append(f"missing annotation file {gold}")
            continue
        counts[split] += 1
        with open(gold, encoding="utf-8") as f:
            doc = json.load(f)
        with open(os.path.join(args.corpus, path), encoding="utf-8") as f:
            text = f.read()
        where = os.path.relpath(gold, HERE)
        if doc.get("path") != path or doc.get("split") != split:
            errors.append(f"{where}: path/split do not match selection.json")
        check(doc, text, where, errors, warnings)
    listed = {os.path.join(i["split"], file_name(i["path"])) for i in selection}
    for split in SPLITS:
        for fn in sorted(os.listdir(os.path.join(HERE, split))):
            if fn.endswith(".json") and os.path.join(split, fn) not in listed:
                errors.append(f"{split}/{fn} is not in selection.json")
        if counts[split] < 16:
            errors.append(f"split {split} has {counts[split]} articles (< 16)")
    if args.stats:
        stats(selection, args.corpus)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{sum(counts.values())} files checked ({counts}); {len(errors)} errors, "
          f"{len(warnings)} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
