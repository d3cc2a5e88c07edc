"""MET_WITH, ACCUSED and SANCTIONED against the relation gold set (`eval/relations/`).

The gold set is every sentence holding a meeting, accusation or sanction trigger in its
articles, each with its relations (type, the two parties as written and by full name, a
sanction's status, a modality) or none. A relation we extracted is scored when its evidence
lies in one of those sentences (others are counted apart: "out of scope"). It matches a gold
relation of the same sentence with the same type (and sanction status) when each party
matches: one of the names of our entity (its name, aliases, or the words of its mentions in
that sentence) has the gold party's name key or words' key, shares a surname with it, or one
key holds the other as whole words. MET_WITH is unordered. Matching is one to one.

By default only asserted facts are scored: asserted gold relations against our relations of
modality asserted. `modality_errors` counts the gold relations that are not asserted
(planned, proposed, denied, negated, hypothetical) which we extracted as asserted.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ...ingest.readers import read_inputs
from ...model.graph import Modality, RelationType
from ...model.names import name_key
from ...model.records import Article, ArticleExtraction, EntityRecord, RelationRecord
from .measures import PRF, Accuracy

SCORED = (RelationType.MET_WITH, RelationType.ACCUSED, RelationType.SANCTIONED)


@dataclass(frozen=True)
class GoldSentence:
    id: str
    path: str
    start: int
    end: int
    relations: tuple[dict, ...]


def read_relation_gold(path: Path, corpus: Path, *, max_chars: int = 1_000_000) -> tuple[list[Article], list[GoldSentence]]:
    """The articles of a gold file (in a fixed order) and its sentences."""
    sentences = [GoldSentence(row["id"], row["path"], row["start"], row["end"], tuple(row["relations"]))
                 for row in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())]
    articles = []
    for rel in sorted({s.path for s in sentences}):
        found = [a for a in read_inputs([corpus / rel], max_chars=max_chars) if isinstance(a, Article)]
        articles.extend(a.model_copy(update={"path": rel}) for a in found)
    return articles, sentences


def _names(entity: EntityRecord, start: int, end: int) -> set[str]:
    """Our names for an entity in the sentence [start, end): name, aliases, mentions there."""
    here = {m.text for m in entity.mentions if start <= m.start < end}
    return {name_key(n) for n in (entity.name, *entity.aliases, *here)} - {""}


def party_matches(ours: set[str], gold: dict, side: str) -> bool:
    wanted = {name_key(gold.get(f"{side}_name") or ""), name_key(gold.get(side) or "")} - {""}
    for a in ours:
        for b in wanted:
            if a == b or a.split()[-1] == b.split()[-1] or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
                return True
    return False


def _relation_matches(rel: RelationRecord, ends: tuple[set[str], set[str]], gold: dict) -> bool:
    if gold["type"] != rel.type.value:
        return False
    if rel.type is RelationType.SANCTIONED and gold.get("status") != (rel.status.value if rel.status else None):
        return False
    source, target = ends
    straight = party_matches(source, gold, "source") and party_matches(target, gold, "target")
    crossed = party_matches(source, gold, "target") and party_matches(target, gold, "source")
    return straight or (rel.type is RelationType.MET_WITH and crossed)


@dataclass
class _Predicted:
    relation: RelationRecord
    sentence: GoldSentence
    ends: tuple[set[str], set[str]]


def score_relations(articles: Iterable[tuple[ArticleExtraction, list[GoldSentence]]], *, label: str) -> list[dict]:
    """P/R/F1 per type on asserted facts, the modality errors, and what fell out of scope."""
    measures = {t: PRF(f"{label}: {t.value} (asserted)") for t in SCORED}
    modality_errors = Accuracy(f"{label}: unasserted gold relations not extracted as asserted")
    out_of_scope: Counter = Counter()
    for extraction, sentences in articles:
        entities = {e.id: e for e in extraction.entities}
        predicted: list[_Predicted] = []
        for rel in extraction.relations:
            if rel.type not in SCORED:
                continue
            for ev in rel.evidence:
                sentence = next((s for s in sentences if s.start <= ev.start < s.end or ev.start <= s.start < ev.end), None)
                if sentence is None:
                    out_of_scope[rel.type] += 1
                    continue
                source = _names(entities[rel.source], sentence.start, sentence.end) if rel.source in entities else set()
                target = _names(entities[rel.target], sentence.start, sentence.end)
                predicted.append(_Predicted(rel, sentence, (source, target)))
        for rtype, prf in measures.items():
            ours = [p for p in predicted if p.relation.type is rtype and p.relation.modality is Modality.ASSERTED]
            gold = [(s, g) for s in sentences for g in s.relations if g["type"] == rtype.value and g["modality"] == "asserted"]
            used: set[int] = set()
            matched = 0
            for s, g in gold:
                hit = next((i for i, p in enumerate(ours) if i not in used and p.sentence is s
                            and _relation_matches(p.relation, p.ends, g)), None)
                if hit is not None:
                    used.add(hit)
                    matched += 1
            prf.add(matched=matched, predicted=len(ours), gold=len(gold))
        for s in sentences:
            for g in s.relations:
                if g["modality"] == "asserted" or g["type"] not in {t.value for t in SCORED}:
                    continue
                wrong = any(p.sentence is s and p.relation.modality is Modality.ASSERTED
                            and _relation_matches(p.relation, p.ends, g) for p in predicted)
                modality_errors.add(not wrong)
    rows = [m.row() for m in measures.values()] + [modality_errors.row()]
    scope = ", ".join(f"{t.value} {n}" for t, n in sorted(out_of_scope.items())) or "none"
    rows.append({"measure": f"{label}: our relations outside the annotated sentences", "counts": scope})
    return rows
