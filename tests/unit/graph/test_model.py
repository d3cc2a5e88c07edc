"""The typed domain model: closed fields, the relation schema table, and graph integrity."""

from __future__ import annotations

import pytest
from newsgraph.model.graph import (
    ALLOWED_LINKS,
    ALLOWED_RELATIONS,
    ArticleNode,
    EntityNode,
    EntityType,
    Evidence,
    KnowledgeGraph,
    Link,
    LinkType,
    NodeLabel,
    Relation,
    RelationType,
    SanctionStatus,
    relation_allowed,
)
from pydantic import ValidationError


def ev(article: str = "aA", start: int = 0, end: int = 10, **kw) -> Evidence:
    return Evidence(id=f"v{article}{start}", article_id=article, start=start, end=end, sentence="S.", rule="r", **kw)


def rel(rel_type=RelationType.MET_WITH, source="e1", target="e2", source_label=NodeLabel.PERSON,
        target_label=NodeLabel.PERSON, **kw) -> Relation:
    kw.setdefault("evidence", (ev(),))
    return Relation(id="r1", type=rel_type, source=source, target=target, source_label=source_label,
                    target_label=target_label, **kw)


def person(id_: str, name: str = "Jane Doe") -> EntityNode:
    return EntityNode(id=id_, type=EntityType.PERSON, name=name, mention_count=1, article_count=1)


def article(id_: str = "aA") -> ArticleNode:
    return ArticleNode(id=id_, title="T", path="/p.txt", chars=10)


# ---- closed models --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Evidence, dict(id="v1", article_id="a1", start=0, end=1, sentence="s", rule="r")),
        (ArticleNode, dict(id="a1", title="t", path="p", chars=1)),
        (EntityNode, dict(id="e1", type="Person", name="n", mention_count=1, article_count=1)),
        (Link, dict(type="MENTIONS", source="a1", target="e1", target_label="Person")),
        (KnowledgeGraph, dict()),
    ],
)
def test_unknown_fields_are_rejected(model, fields):
    model(**fields)  # valid as given
    with pytest.raises(ValidationError, match="extra"):
        model(**fields, colour="blue")


def test_relation_unknown_field_rejected():
    with pytest.raises(ValidationError, match="extra"):
        rel(weight=3)


def test_models_are_frozen():
    node = person("e1")
    with pytest.raises(ValidationError):
        node.name = "Other"


def test_node_id_length_bounds():
    with pytest.raises(ValidationError):
        person("")
    with pytest.raises(ValidationError):
        person("e" * 65)
    assert person("e" * 64).id == "e" * 64


def test_entity_name_must_not_be_empty():
    with pytest.raises(ValidationError):
        person("e1", name="")


def test_enums_hold_the_closed_sets():
    assert {label.value for label in NodeLabel} == {
        "Person", "Government", "Outlet", "Organization", "Location", "Article", "Statement"}
    assert {t.value for t in RelationType} == {"MET_WITH", "SANCTIONED", "ACCUSED", "QUOTED_BY", "CITES"}
    assert {t.value for t in LinkType} == {"PUBLISHED_BY", "AUTHORED_BY", "MENTIONS", "REPORTS", "SAID"}
    assert set(ALLOWED_RELATIONS) == set(RelationType)
    assert set(ALLOWED_LINKS) == set(LinkType)


# ---- relation schema -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel_type", "source", "target", "allowed"),
    [
        (RelationType.MET_WITH, "Person", "Government", True),
        (RelationType.MET_WITH, "Person", "Location", False),
        (RelationType.MET_WITH, "Outlet", "Person", False),
        (RelationType.SANCTIONED, "Government", "Person", True),
        (RelationType.SANCTIONED, "Organization", "Government", True),
        (RelationType.SANCTIONED, "Person", "Government", False),
        (RelationType.ACCUSED, "Outlet", "Person", True),
        (RelationType.ACCUSED, "Person", "Location", False),
        (RelationType.QUOTED_BY, "Person", "Outlet", True),
        (RelationType.QUOTED_BY, "Person", "Person", False),
        (RelationType.CITES, "Article", "Person", True),
        (RelationType.CITES, "Outlet", "Organization", True),
        (RelationType.CITES, "Person", "Organization", False),
        (RelationType.CITES, "Article", "Location", False),
    ],
)
def test_relation_allowed_table(rel_type, source, target, allowed):
    assert relation_allowed(rel_type, NodeLabel(source), NodeLabel(target)) is allowed


def test_relation_outside_schema_is_rejected():
    with pytest.raises(ValidationError, match="not in the schema"):
        rel(RelationType.QUOTED_BY, source_label=NodeLabel.PERSON, target_label=NodeLabel.PERSON)
    with pytest.raises(ValidationError, match="not in the schema"):
        rel(RelationType.MET_WITH, target_label=NodeLabel.LOCATION)


def test_relation_inside_schema_is_accepted():
    r = rel(RelationType.QUOTED_BY, target_label=NodeLabel.OUTLET)
    assert r.type is RelationType.QUOTED_BY and r.status is None


def test_sanctioned_requires_a_status():
    kw = dict(source_label=NodeLabel.GOVERNMENT, target_label=NodeLabel.PERSON)
    with pytest.raises(ValidationError, match="status"):
        rel(RelationType.SANCTIONED, **kw)
    r = rel(RelationType.SANCTIONED, status="imposed", **kw)
    assert r.status is SanctionStatus.IMPOSED


@pytest.mark.parametrize("rel_type", [RelationType.MET_WITH, RelationType.ACCUSED])
def test_other_relations_forbid_a_status(rel_type):
    with pytest.raises(ValidationError, match="status"):
        rel(rel_type, status=SanctionStatus.LIFTED)


def test_unknown_status_rejected():
    with pytest.raises(ValidationError):
        rel(RelationType.SANCTIONED, status="postponed", source_label=NodeLabel.GOVERNMENT)


def test_relation_needs_evidence():
    with pytest.raises(ValidationError):
        rel(evidence=())


# ---- evidence ------------------------------------------------------------------------------


def test_evidence_end_before_start_rejected():
    with pytest.raises(ValidationError, match="end 3 < start 5"):
        ev(start=5, end=3)


def test_evidence_empty_span_and_negative_offsets():
    assert ev(start=5, end=5).end == 5
    with pytest.raises(ValidationError):
        ev(start=-1, end=3)


def test_evidence_quote_and_direct_default_to_none():
    item = ev()
    assert item.quote is None and item.direct is None
    quoted = ev(quote="We will win", direct=True)
    assert quoted.quote == "We will win" and quoted.direct is True


# ---- corroboration and article ids ---------------------------------------------------------


def test_corroboration_counts_distinct_outlets_not_evidence():
    r = rel(evidence=(ev("aA", 0), ev("aA", 50, 60), ev("aB", 0), ev("aC", 0)), outlets=("Daily Planet", "Globe"))
    assert r.corroboration == 2
    assert r.article_ids == ("aA", "aB", "aC")


def test_corroboration_zero_without_outlets():
    assert rel().corroboration == 0


# ---- article links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link_type", "label", "ok"),
    [
        (LinkType.PUBLISHED_BY, "Outlet", True),
        (LinkType.PUBLISHED_BY, "Organization", False),
        (LinkType.AUTHORED_BY, "Person", True),
        (LinkType.AUTHORED_BY, "Outlet", False),
        (LinkType.MENTIONS, "Location", True),
        (LinkType.MENTIONS, "Outlet", True),
        (LinkType.MENTIONS, "Article", False),
    ],
)
def test_article_link_schema(link_type, label, ok):
    make = lambda: Link(type=link_type, source="aA", target="e1", target_label=label)  # noqa: E731
    if ok:
        assert make().count == 1
    else:
        with pytest.raises(ValidationError, match="not in the schema"):
            make()


def test_article_link_count_at_least_one():
    with pytest.raises(ValidationError):
        Link(type=LinkType.MENTIONS, source="aA", target="e1", target_label="Person", count=0)


# ---- graph integrity -----------------------------------------------------------------------


def test_graph_accepts_consistent_endpoints():
    g = KnowledgeGraph(articles=(article(),), entities=(person("e1"), person("e2")), relations=(rel(),),
                       links=(Link(type=LinkType.MENTIONS, source="aA", target="e1",
                                          target_label="Person"),))
    assert len(g.relations) == 1


def test_graph_rejects_relation_to_missing_node():
    with pytest.raises(ValidationError, match="unknown Person node e2"):
        KnowledgeGraph(entities=(person("e1"),), relations=(rel(),))


def test_graph_rejects_relation_with_wrong_label():
    gov = EntityNode(id="e2", type=EntityType.GOVERNMENT, name="U.S.", mention_count=1, article_count=1)
    with pytest.raises(ValidationError, match="unknown Person node e2"):
        KnowledgeGraph(entities=(person("e1"), gov), relations=(rel(),))


def test_graph_rejects_cites_from_missing_article():
    org = EntityNode(id="e2", type=EntityType.ORGANIZATION, name="WHO", mention_count=1, article_count=1)
    cites = rel(RelationType.CITES, source="aZ", target="e2", source_label=NodeLabel.ARTICLE,
                target_label=NodeLabel.ORGANIZATION)
    with pytest.raises(ValidationError, match="unknown Article node aZ"):
        KnowledgeGraph(entities=(org,), relations=(cites,))
    assert KnowledgeGraph(articles=(article("aZ"),), entities=(org,), relations=(cites,)).relations == (cites,)


def test_graph_rejects_bad_links():
    link = Link(type=LinkType.MENTIONS, source="aA", target="e1", target_label="Person")
    with pytest.raises(ValidationError, match="link from unknown article aA"):
        KnowledgeGraph(entities=(person("e1"),), links=(link,))
    with pytest.raises(ValidationError, match="link to unknown Person node e1"):
        KnowledgeGraph(articles=(article(),), links=(link,))
    wrong = Link(type=LinkType.MENTIONS, source="aA", target="e1", target_label="Location")
    with pytest.raises(ValidationError, match="link to unknown Location node e1"):
        KnowledgeGraph(articles=(article(),), entities=(person("e1"),), links=(wrong,))


def test_link_from_an_entity_posing_as_article_rejected():
    link = Link(type=LinkType.MENTIONS, source="e1", target="e2", target_label="Person")
    with pytest.raises(ValidationError, match="link from unknown article e1"):
        KnowledgeGraph(entities=(person("e1"), person("e2")), links=(link,))


def test_small_graph_fixture_is_valid(mk):
    g = mk.small_graph()
    assert {r.type for r in g.relations} == set(RelationType)
    assert {l.type for l in g.links} == set(LinkType)
