"""Corrections applied at assembly (`build_graph(..., curation=...)`), on hand-built articles."""

from __future__ import annotations

import pytest
from newsgraph.graph.build import ExtractionRows, GraphCollector, assemble, build_graph
from newsgraph.model.curation import (
    Alias,
    Curation,
    EdgeCorrection,
    Merge,
    Outcome,
    Retype,
    Split,
)
from newsgraph.model.graph import EntityType, LinkType, RelationType
from newsgraph.model.records import QuoteRecord, Span
from pydantic import ValidationError

P, O, G = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT


@pytest.fixture
def corpus(mk):
    howard = mk.entity("Michael Howard", P, mentions=3)
    leader = mk.entity("Tory leader", P, mentions=2, kind="described")
    blair = mk.entity("Tony Blair", P, mentions=2)
    quote = QuoteRecord(speaker=blair.id, content=Span(start=10, end=40, text="we will not change course now"),
                        direct=True, rule="test.quote")
    first = mk.extraction("a1", [howard, blair], [mk.relation(RelationType.MET_WITH, howard, blair)], outlet=None)
    first = first.model_copy(update={"quotes": (quote,)})
    second = mk.extraction("a2", [leader, mk.entity("Blair", P, mentions=1)])
    return [first, second]


def names(graph):
    return sorted(e.name for e in graph.entities)


def entity(graph, name):
    return next(e for e in graph.entities if e.name == name)


def curated(corpus, *corrections):
    collector = GraphCollector()
    done = assemble(ExtractionRows(corpus), collector, curation=Curation(corrections=corrections))
    return collector.graph(), [done.curation[i] for i in range(len(corrections))]


def test_no_corrections_is_the_automatic_graph(corpus):
    assert curated(corpus)[0] == build_graph(corpus)


def test_merge_keeps_the_target_name_and_type_and_takes_the_other_names(corpus):
    graph, outcomes = curated(corpus, Merge(name="tory leader", into="Michael Howard"))
    assert outcomes == [Outcome.APPLIED]
    howard = entity(graph, "Michael Howard")
    assert "Tory leader" in howard.aliases and howard.mention_count == 5 and howard.type is P
    assert "Tory leader" not in names(graph)
    mentions = {link.source for link in graph.links if link.type is LinkType.MENTIONS and link.target == howard.id}
    assert mentions == {"a1", "a2"}


def test_merge_of_one_entity_or_an_unknown_name_says_so(corpus):
    _, outcomes = curated(corpus, Merge(name="Tony Blair", into="Blair"), Merge(name="Nobody Here", into="Tony Blair"))
    assert outcomes == [Outcome.ALREADY, Outcome.NOT_FOUND]


def test_split_takes_a_name_out_of_its_entity(corpus):
    assert "Blair" in entity(build_graph(corpus), "Tony Blair").aliases
    graph, outcomes = curated(corpus, Split(name="Blair"))
    assert outcomes == [Outcome.APPLIED]
    assert names(graph) == ["Blair", "Michael Howard", "Tony Blair", "Tory leader"]
    assert "Blair" not in entity(graph, "Tony Blair").aliases
    # the entity's own name splitting off its other names is the same partition
    _, again = curated(corpus, Split(name="Tony Blair"), Split(name="Blair"), Split(name="Michael Howard"))
    assert again == [Outcome.APPLIED, Outcome.ALREADY, Outcome.ALREADY]


def test_alias_joins_the_entity_named_by_it_or_is_added(corpus):
    graph, outcomes = curated(corpus, Alias(entity="Michael Howard", alias="Tory leader"),
                              Alias(entity="Michael Howard", alias="Mr Howard"))
    assert outcomes == [Outcome.APPLIED, Outcome.APPLIED]
    howard = entity(graph, "Michael Howard")
    assert {"Tory leader", "Mr Howard"} <= set(howard.aliases)
    assert "Tory leader" not in names(graph)


def test_a_later_correction_sees_an_earlier_one(corpus):
    _, outcomes = curated(corpus, Alias(entity="Michael Howard", alias="Mr Howard"),
                          Retype(entity="mr howard", type=G))
    assert outcomes == [Outcome.APPLIED, Outcome.APPLIED]


def test_retype_changes_the_type_and_keeps_the_edges_valid(corpus):
    graph, outcomes = curated(corpus, Retype(entity="Michael Howard", type=O))
    assert outcomes == [Outcome.APPLIED]
    assert entity(graph, "Michael Howard").type is O
    [meeting] = [r for r in graph.relations if r.type is RelationType.MET_WITH]
    assert {meeting.source_label.value, meeting.target_label.value} == {"Organization", "Person"}
    assert curated(corpus, Retype(entity="Michael Howard", type=P))[1] == [Outcome.ALREADY]


def test_an_ambiguous_name_is_left_out(mk):
    bill = mk.entity("Bill Clinton", P, aliases=("Clinton",))
    hillary = mk.entity("Hillary Clinton", P, aliases=("Clinton",))
    corpus = [mk.extraction("a1", [bill]), mk.extraction("a2", [hillary])]
    graph, outcomes = curated(corpus, Retype(entity="Clinton", type=O))
    assert outcomes == [Outcome.AMBIGUOUS]
    assert graph == build_graph(corpus)


def test_reject_drops_a_relation_and_verify_marks_one(corpus):
    [meeting] = [r for r in build_graph(corpus).relations if r.type is RelationType.MET_WITH]
    graph, outcomes = curated(corpus, EdgeCorrection(action="reject", edge=meeting.id))
    assert outcomes == [Outcome.APPLIED] and not [r for r in graph.relations if r.type is RelationType.MET_WITH]
    graph, outcomes = curated(corpus, EdgeCorrection(action="verify", edge=meeting.id))
    assert outcomes == [Outcome.APPLIED]
    assert [r.verified for r in graph.relations if r.type is RelationType.MET_WITH] == [True]


def test_reject_drops_a_statement_with_its_links(corpus):
    [statement] = build_graph(corpus).statements
    graph, outcomes = curated(corpus, EdgeCorrection(action="reject", edge=statement.id),
                              EdgeCorrection(action="verify", edge="s" + "0" * 16))
    assert outcomes == [Outcome.APPLIED, Outcome.NOT_FOUND]
    assert graph.statements == ()
    assert not [link for link in graph.links if link.type in (LinkType.SAID, LinkType.REPORTS)]


def test_corrections_are_closed_shapes():
    with pytest.raises(ValidationError):
        Curation.model_validate({"corrections": [{"action": "delete", "name": "x"}]})
    with pytest.raises(ValidationError):
        Curation.model_validate({"corrections": [{"action": "merge", "name": "x"}]})
    with pytest.raises(ValidationError):
        Curation.model_validate({"corrections": [{"action": "reject", "edge": "not-an-id"}]})
    parsed = Curation.model_validate({"corrections": [{"action": "type", "entity": "X", "type": "Outlet"}]})
    assert parsed.corrections == (Retype(entity="X", type=EntityType.OUTLET),)
