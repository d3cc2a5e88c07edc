"""Read PolNeAR: article texts, metadata and brat standoff attributions.

Each attribution has a Source (may be missing), a Cue and a Content, each a
set of character ranges (brat allows discontinuous spans: "315 448;463 553").
Several annotation files for one article are different annotators; we use
the first in sorted order.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ...model.ids import article_id
from ...model.records import Article

Ranges = tuple[tuple[int, int], ...]
_SPAN_LINE = re.compile(r"^T\d+\t")
_EVENT_LINE = re.compile(r"^E\d+\t")

PUBLISHERS = {
    "breitbart": "Breitbart News",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "The Western Journal",
}


@dataclass(frozen=True)
class GoldAttribution:
    source: Ranges  # empty when the annotator marked no source
    cue: Ranges
    content: Ranges


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    attributions: tuple[GoldAttribution, ...]


def _ranges(spec: str) -> Ranges:
    return tuple(tuple(int(x) for x in part.split()) for part in spec.split(";"))  # type: ignore[misc]


def read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, Ranges] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if _SPAN_LINE.match(line):  # a span's text may run over lines: only "T<n>\t" lines are spans
            tid, info = line.split("\t")[:2]
            kind, spec = info.split(" ", 1)
            spans[tid] = _ranges(spec)
        elif _EVENT_LINE.match(line):
            _, args = line.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    found = []
    for event in events:
        if "Content" not in event:
            continue
        found.append(GoldAttribution(
            source=spans.get(event.get("Source", ""), ()),
            cue=spans.get(event.get("Cue", ""), ()),
            content=spans[event["Content"]],
        ))
    return found


def _metadata(root: Path) -> dict[str, dict[str, str]]:
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def read_split(root: Path, split: str, *, limit: int | None = None) -> list[GoldArticle]:
    """The articles of one split (`train` or `dev`) with one annotator's attributions each."""
    metadata = _metadata(root)
    articles = []
    for text_path in sorted((root / split / "text").glob("*.txt"))[:limit]:
        name = text_path.stem
        annotations = sorted((root / split / "attributions").glob(f"{name}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        meta = metadata.get(name, {})
        title = next((line.strip() for line in text.splitlines() if line.strip()), name)
        article = Article(
            id=article_id(text), path=str(text_path), text=text, title=title,
            outlet=PUBLISHERS.get(meta.get("publisher", "")), author=meta.get("author") or None,
            published=meta.get("publication_date") or None, title_end=text.index(title) + len(title),
        )
        articles.append(GoldArticle(article=article, attributions=tuple(read_ann(annotations[0]))))
    return articles
