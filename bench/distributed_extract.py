"""Extraction as a map over partitions with Dask: the first stage of ingest beyond one machine.

    .venv/bin/pip install -e '.[scale]'            # dask[bag]
    .venv/bin/python bench/distributed_extract.py examples/ --partitions 2 --out /tmp/extractions
    .venv/bin/python bench/distributed_extract.py /shared/news/ --partitions 4000 --scheduler tcp://scheduler:8786 --out /shared/x

Extraction is a pure function of an article (`ingest.parallel.extract_chunk`: text in,
`ArticleExtraction` out; no shared state but the loaded model), so it maps over
partitions of the input files on any engine. Each partition loads the spaCy pipeline once
per worker process, reads its files with newsgraph's own readers (.txt/.html with their
.meta.json sidecars, .jsonl shards), extracts in batches and returns one JSON line per
article: exactly what `newsgraph extract` prints for the same file. Lines are written as
one text file per partition (`part-0.jsonl`, ...), in input order.

`--scheduler processes` (default) runs locally on a process pool; a `tcp://` address
sends the same graph to a dask.distributed cluster (pip install distributed; the workers
need newsgraph and the model installed, and must see the input paths: a shared file
system; for object storage, a partition would fetch its shard before reading it).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _pipeline(model: str):
    """One spaCy pipeline per worker process, loaded by its first partition."""
    from newsgraph.ingest.nlp import build_nlp
    from newsgraph.ingest.version import extractor_version

    return build_nlp(model), extractor_version(model)


def extract_partition(paths: list[str], *, model: str, batch_size: int, max_chars: int) -> list[str]:
    """The map: one partition's files -> ArticleExtraction JSON lines (skipped inputs dropped)."""
    from newsgraph.ingest.parallel import extract_chunk
    from newsgraph.ingest.readers import read_inputs
    from newsgraph.model.records import Article, ArticleExtraction

    nlp, extractor = _pipeline(model)
    articles = [a for a in read_inputs([Path(p) for p in paths], max_chars=max_chars) if isinstance(a, Article)]
    results = extract_chunk(nlp, articles, batch_size=batch_size, extractor=extractor)
    return [x.model_dump_json() for x in results if isinstance(x, ArticleExtraction)]


def input_files(paths: list[str]) -> list[str]:
    """The files under `paths`, in the order `newsgraph extract` reads them."""
    from newsgraph.ingest.readers import article_files

    files: list[str] = []
    for given in paths:
        path = Path(given)
        files += [str(p) for p in article_files(path)[0]] if path.is_dir() else [str(path)]
    return files


def run(paths: list[str], *, partitions: int, out: Path | None, scheduler: str = "processes",
        model: str | None = None, batch_size: int = 16, max_chars: int = 1_000_000) -> list[str]:
    """Map extraction over `partitions` partitions of the input files; the JSON lines, in order
    (and one file per partition under `out` when given)."""
    import dask
    import dask.bag as db
    from newsgraph.app.settings import get_settings

    model = model or get_settings().model
    files = input_files(paths)
    bag = db.from_sequence(files, npartitions=min(partitions, len(files)) or 1)
    lines = bag.map_partitions(extract_partition, model=model, batch_size=batch_size, max_chars=max_chars)
    if scheduler.startswith("tcp://"):
        from dask.distributed import Client  # the `distributed` package

        Client(scheduler)
        scheduler = None  # the client just created is the default
    with dask.config.set(scheduler=scheduler) if scheduler else contextlib.nullcontext():
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            lines.to_textfiles(str(out / "part-*.jsonl"))
            return [line for part in sorted(out.glob("part-*.jsonl"), key=lambda p: int(p.stem.split("-")[1]))
                    for line in part.read_text(encoding="utf-8").splitlines()]
        return lines.compute()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl)")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--out", type=Path, help="folder for part-N.jsonl (default: print the lines)")
    parser.add_argument("--scheduler", default="processes", help="processes, threads, sync or tcp://HOST:PORT")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    lines = run(args.paths, partitions=args.partitions, out=args.out, scheduler=args.scheduler,
                batch_size=args.batch_size)
    if args.out is None:
        for line in lines:
            print(line)
    else:
        print(f"{len(lines)} extractions in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
