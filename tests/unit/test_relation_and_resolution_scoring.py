"""The relation and cross-article resolution scorers on hand-made records."""

from __future__ import annotations

from newsgraph.app.evaluation.relation_scoring import (
    GoldSentence,
    party_matches,
    score_relations,
)
from newsgraph.app.evaluation.resolution_scoring import b_cubed
from newsgraph.model.graph import ArticleNode, EntityType, Modality, RelationType
from newsgraph.model.records import (
    ArticleExtraction,
    EntityRecord,
    EvidenceRecord,
    RelationRecord,
    Span,
)

TEXT = "Donald Trump met Theresa May in London. He will meet Angela Merkel next week."


def _entity(eid: str, name: str, at: int) -> EntityRecord:
    return EntityRecord(id=eid, name=name, type=EntityType.PERSON, kind="name",
                        mentions=(Span(start=at, end=at + len(name), text=name),))


def _met(source: str, target: str, start: int, end: int, modality: Modality) -> RelationRecord:
    return RelationRecord(type=RelationType.MET_WITH, source=source, target=target, modality=modality,
                          evidence=(EvidenceRecord(start=start, end=end, sentence=TEXT[start:end], rule="r"),))


def extraction(*relations: RelationRecord) -> ArticleExtraction:
    return ArticleExtraction(
        article=ArticleNode(id="a1", path="a.txt", title="t", chars=len(TEXT)),
        entities=(_entity("e1", "Donald Trump", 0), _entity("e2", "Theresa May", 17), _entity("e3", "Angela Merkel", 53)),
        relations=relations, extractor="x")


GOLD = [
    GoldSentence("s1", "a.txt", 0, 38, ({"type": "MET_WITH", "source": "Donald Trump", "source_name": "Donald Trump",
                                         "target": "Theresa May", "target_name": "Theresa May", "modality": "asserted"},)),
    GoldSentence("s2", "a.txt", 39, 77, ({"type": "MET_WITH", "source": "He", "source_name": "Donald Trump",
                                          "target": "Angela Merkel", "target_name": "Angela Merkel", "modality": "planned"},)),
]


def rows_by_measure(rows):
    return {r["measure"].split(": ", 1)[1]: r for r in rows}


def test_a_party_matches_by_name_key_surname_or_words_inside():
    assert party_matches({"trump"}, {"source_name": "Donald J. Trump", "source": "Mr. Trump"}, "source")
    assert party_matches({"venezuelan military officers"}, {"target_name": "officers", "target": ""}, "target")
    assert not party_matches({"theresa may"}, {"target_name": "Angela Merkel", "target": "her"}, "target")


def test_an_asserted_meeting_is_matched_unordered_and_a_planned_one_counted_as_a_modality_error():
    rows = rows_by_measure(score_relations([(extraction(
        _met("e2", "e1", 0, 28, Modality.ASSERTED),  # the other way round: MET_WITH is unordered
        _met("e1", "e3", 39, 77, Modality.ASSERTED),  # a planned meeting extracted as held
    ), GOLD)], label="t"))
    met = rows["MET_WITH (asserted)"]
    assert (met["precision"], met["recall"]) == (0.5, 1.0)
    assert rows["unasserted gold relations not extracted as asserted"]["counts"] == "0/1"


def test_a_planned_meeting_extracted_as_planned_is_no_error_and_no_prediction():
    rows = rows_by_measure(score_relations([(extraction(_met("e1", "e3", 39, 77, Modality.PLANNED)), GOLD)], label="t"))
    assert rows["MET_WITH (asserted)"]["counts"] == "0/0 pred, 0/1 gold"
    assert rows["unasserted gold relations not extracted as asserted"]["counts"] == "1/1"


def test_b_cubed_penalizes_merging_and_splitting():
    gold = {"a": "X", "b": "X", "c": "Y"}
    assert b_cubed(gold, {"a": 1, "b": 1, "c": 2}) == (1.0, 1.0, 1.0)
    p, r, _ = b_cubed(gold, {"a": 1, "b": 1, "c": 1})  # Y merged into X
    assert r == 1.0 and round(p, 3) == round((2 / 3 + 2 / 3 + 1 / 3) / 3, 3)
    p, r, _ = b_cubed(gold, {"a": 1, "b": 2, "c": 3})  # X split
    assert p == 1.0 and round(r, 3) == round((1 / 2 + 1 / 2 + 1) / 3, 3)
