"""Entities, relations and quotes against our hand-made gold set (`eval/gold/`).

Matching is by position in the text, so names that annotators normalized
("UK government") or capitals acting for their country still meet our
mentions: a gold entity occupies the characters where its names occur; ours
occupy our mentions' characters. A gold entity is found when one of our
entities overlaps it; its type is right when one of those has its type (the
annotators made a country that acts one Government node; we keep the place
and the state acting as two nodes, "France" and "French government"); its
names are clustered right when exactly one of our entities covers them all. Relations compare (type, source, target[, status]) after
mapping our entities to gold ones (MET_WITH unordered); the gold set holds facts, so only our
asserted relations are scored (a planned or negated meeting is no meeting). Quotes: the gold set
marks only the words inside quotation marks and each quoted span apart, while
we (like PolNeAR) mark the reported clause and join the pieces of one
attribution; so each of our quote's parts is matched on its own, by overlap
relative to the shorter of the two spans. Speakers match by entity.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ...ingest.readers import read_inputs
from ...model.graph import Modality, RelationType
from ...model.records import Article, ArticleExtraction
from .measures import PRF, Accuracy
from .spans import match

SCORED_TYPES = ("Person", "Government", "Outlet", "Organization")
RELATION_TYPES = (RelationType.MET_WITH, RelationType.SANCTIONED, RelationType.ACCUSED)
_OUTLETS = {"bbc": "BBC"}


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    names: tuple[str, ...]  # the name and aliases that are names, not descriptions
    aliases: tuple[str, ...]  # every surface form, descriptions included
    described: bool


@dataclass(frozen=True)
class GoldFile:
    article: Article
    entities: tuple[GoldEntity, ...]
    relations: tuple[dict, ...]
    quotes: tuple[dict, ...]


def read_gold(folder: Path, corpus: Path, *, max_chars: int = 1_000_000) -> list[GoldFile]:
    files = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        [article] = [a for a in read_inputs([corpus / data["path"]], max_chars=max_chars) if isinstance(a, Article)]
        if article.outlet is None:
            article = article.model_copy(update={"outlet": _OUTLETS.get(data["path"].split("/")[0])})
        entities = tuple(
            GoldEntity(
                name=e["name"], type=e["type"],
                names=tuple(dict.fromkeys([e["name"], *(a for a in e["aliases"] if a not in e.get("descriptions", []))])),
                aliases=tuple(dict.fromkeys([e["name"], *e["aliases"]])), described=bool(e.get("described")),
            )
            for e in data["entities"]
        )
        files.append(GoldFile(article=article, entities=entities, relations=tuple(data["relations"]),
                              quotes=tuple(data["quotes"])))
    return files


def _occurrences(text: str, surfaces: Iterable[str]) -> set[int]:
    chars: set[int] = set()
    for surface in surfaces:
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            chars.update(range(*m.span()))
    return chars


class _Alignment:
    """Our entities of one article mapped to its gold entities by shared characters."""

    def __init__(self, gold: GoldFile, extraction: ArticleExtraction) -> None:
        text = gold.article.text
        self.gold_chars = {g.name: _occurrences(text, g.aliases) for g in gold.entities}
        self.name_chars = {g.name: _occurrences(text, g.names) for g in gold.entities}
        self.ours = {e.id: {i for m in e.mentions for i in range(m.start, m.end)} for e in extraction.entities}
        self.types = {e.id: e.type.value for e in extraction.entities}
        self.to_gold: dict[str, str] = {}
        for entity_id, chars in self.ours.items():
            best = max(self.gold_chars, key=lambda name: len(chars & self.gold_chars[name]), default=None)
            if best is not None and chars & self.gold_chars[best]:
                self.to_gold[entity_id] = best

    def overlapping(self, gold_name: str, *, names_only: bool = False) -> list[str]:
        chars = (self.name_chars if names_only else self.gold_chars)[gold_name]
        return [e for e, mine in self.ours.items() if mine & chars]


GOLD_QUOTE_THRESHOLD = 0.5


def score_gold(pairs: Iterable[tuple[GoldFile, ArticleExtraction]], *, threshold: float = GOLD_QUOTE_THRESHOLD) -> list[dict]:
    recall = {t: PRF(f"entities: {t} recall") for t in SCORED_TYPES}
    typing = Accuracy("entities: type of found entities")
    clustering = Accuracy("entities: all names of an entity on one node")
    relations = {t: PRF(f"relations: {t.value}") for t in RELATION_TYPES}
    quotes = PRF("quotes: content")
    speakers = Accuracy("quotes: speaker (matched)")
    for gold, extraction in pairs:
        align = _Alignment(gold, extraction)
        for g in gold.entities:
            if g.described or g.type not in SCORED_TYPES:
                continue
            found = align.overlapping(g.name)
            recall[g.type].add(matched=bool(found), predicted=0, gold=1)
            if found:
                # a country that acts is one Government node for the annotators; here the place
                # (Location) and the state acting ("French government") are two: either carries the type
                typing.add(g.type in {align.types[e] for e in found})
                clustering.add(len(align.overlapping(g.name, names_only=True)) == 1)
        _score_relations(gold, extraction, align, relations)
        _score_quotes(gold, extraction, align, quotes, speakers, threshold)
    return [
        *(r.row() for r in recall.values()), typing.row(), clustering.row(),
        *(r.row() for r in relations.values()), quotes.row(), speakers.row(),
    ]


def _shorter_overlap(a: set[int], b: set[int]) -> float:
    """Shared characters over the shorter span: a quoted phrase inside our reported clause counts."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _key(rel_type: str, source: str, target: str, status: str | None) -> tuple:
    ends = tuple(sorted((source, target))) if rel_type == RelationType.MET_WITH.value else (source, target)
    return (rel_type, *ends, status if rel_type == RelationType.SANCTIONED.value else None)


def _score_relations(gold: GoldFile, extraction: ArticleExtraction, align: _Alignment, measures: dict) -> None:
    gold_keys: dict[str, set[tuple]] = defaultdict(set)
    for r in gold.relations:
        gold_keys[r["type"]].add(_key(r["type"], r["source"], r["target"], r.get("status")))
    ours: dict[str, set[tuple]] = defaultdict(set)
    for r in extraction.relations:
        if r.type in RELATION_TYPES and r.modality in (None, Modality.ASSERTED):
            source, target = align.to_gold.get(r.source, "?" + r.source), align.to_gold.get(r.target, "?" + r.target)
            ours[r.type.value].add(_key(r.type.value, source, target, r.status.value if r.status else None))
    for rel_type, prf in measures.items():
        predicted, expected = ours[rel_type.value], gold_keys[rel_type.value]
        prf.matched_predicted += len(predicted & expected)
        prf.matched_gold += len(predicted & expected)
        prf.predicted += len(predicted)
        prf.gold += len(expected)


def _score_quotes(gold: GoldFile, extraction: ArticleExtraction, align: _Alignment, quotes: PRF,
                  speakers: Accuracy, threshold: float) -> None:
    text = gold.article.text
    gold_items = []
    for q in gold.quotes:
        at = text.find(q["content"])
        if at >= 0:
            gold_items.append((q, set(range(at, at + len(q["content"])))))
    predicted = [
        (q, set(range(part.start, part.end)))
        for q in extraction.quotes if q.kind == "speech"
        for part in (q.content_parts or (q.content,))
    ]
    matched = match(gold_items, predicted, lambda g, p: _shorter_overlap(g[1], p[1]), threshold=threshold)
    quotes.add(matched=len(matched), predicted=len(predicted), gold=len(gold_items))
    for (g, _), (p, _) in matched:
        ours = align.to_gold.get(p.speaker) if p.speaker else None
        if ours is None and p.speaker_mention is not None:
            chars = set(range(p.speaker_mention.start, p.speaker_mention.end))
            ours = next((name for name, occ in align.gold_chars.items() if occ & chars), None)
        speakers.add(ours == g["speaker"])
