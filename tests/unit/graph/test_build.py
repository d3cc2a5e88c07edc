"""`build_graph`: extractions in, one resolved and evidence-merged KnowledgeGraph out."""

from __future__ import annotations

import random

from newsgraph.graph.build import build_graph
from newsgraph.model.graph import (
    EntityType,
    LinkType,
    NodeLabel,
    RelationType,
    SanctionStatus,
)
from newsgraph.model.ids import entity_id, evidence_id, relation_id

P, O, G, OUT, L = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.OUTLET,
                   EntityType.LOCATION)
MET = RelationType.MET_WITH
BIDEN = entity_id("Person", "joe biden")
XI = entity_id("Person", "xi jinping")


def meeting(mk, article, outlet, *, reverse=False, start=10, rule="met.verb"):
    biden, xi = mk.entity("Joe Biden", P), mk.entity("Xi Jinping", P)
    source, target = (xi, biden) if reverse else (biden, xi)
    ev = mk.evidence(start, start + 30, sentence=f"Biden met Xi ({article}).", rule=rule)
    return mk.extraction(article, [biden, xi], [mk.relation(MET, source, target, ev)], outlet=outlet)


def only(items):
    assert len(items) == 1, items
    return items[0]


# ---- merging relations across articles -------------------------------------------------------


def test_same_relation_from_two_outlets_is_one_edge(mk):
    g = build_graph([meeting(mk, "aA", "Daily Planet"), meeting(mk, "aB", "Globe")])
    rel = only(g.relations)
    assert (rel.type, rel.source_label, rel.target_label) == (MET, NodeLabel.PERSON, NodeLabel.PERSON)
    assert {rel.source, rel.target} == {BIDEN, XI}
    assert [e.article_id for e in rel.evidence] == ["aA", "aB"]
    assert [e.sentence for e in rel.evidence] == ["Biden met Xi (aA).", "Biden met Xi (aB)."]
    assert rel.outlets == ("Daily Planet", "Globe")
    assert rel.corroboration == 2
    assert rel.article_ids == ("aA", "aB")
    assert rel.id == relation_id(MET, BIDEN, XI)


def test_corroboration_counts_outlets_not_articles(mk):
    g = build_graph([meeting(mk, "aA", "Daily Planet"), meeting(mk, "aB", "Daily Planet"), meeting(mk, "aC", None)])
    rel = only(g.relations)
    assert len(rel.evidence) == 3
    assert rel.outlets == ("Daily Planet",)
    assert rel.corroboration == 1


def test_corroboration_counts_resolved_outlets(mk):
    g = build_graph([meeting(mk, "aA", "The Daily Planet"), meeting(mk, "aB", "Daily Planet")])
    assert len([e for e in g.entities if e.type is OUT]) == 1  # one outlet node (holds today)
    assert only(g.relations).corroboration == 1


def test_same_evidence_twice_is_deduplicated(mk):
    biden, xi = mk.entity("Joe Biden", P), mk.entity("Xi Jinping", P)
    ev = mk.evidence(10, 40, rule="met.verb")
    x = mk.extraction("aA", [biden, xi], [
        mk.relation(MET, biden, xi, ev, ev),
        mk.relation(MET, xi, biden, ev),  # the same sentence again, other order
    ])
    rel = only(build_graph([x]).relations)
    assert [e.id for e in rel.evidence] == [evidence_id("aA", 10, 40, "met.verb")]


def test_same_span_other_rule_is_other_evidence(mk):
    biden, xi = mk.entity("Joe Biden", P), mk.entity("Xi Jinping", P)
    x = mk.extraction("aA", [biden, xi], [
        mk.relation(MET, biden, xi, mk.evidence(10, 40, rule="met.verb"), mk.evidence(10, 40, rule="met.noun")),
    ])
    rel = only(build_graph([x]).relations)
    assert [e.rule for e in rel.evidence] == ["met.noun", "met.verb"]  # sorted by (article, start, rule)


def test_evidence_fields_are_carried(mk):
    speaker, outlet = mk.entity("Joe Biden", P), mk.entity("Globe", OUT, fixed=True)
    ev = mk.evidence(5, 60, sentence="“We will win,” Biden told the Globe.", rule="quoted_by.quote.cue",
                     quote="We will win,", direct=True)
    g = build_graph([mk.extraction("aA", [speaker, outlet], [mk.relation("QUOTED_BY", speaker, outlet, ev)])])
    item = only(only(g.relations).evidence)
    assert item.model_dump() == {
        "id": evidence_id("aA", 5, 60, "quoted_by.quote.cue"), "article_id": "aA", "start": 5, "end": 60,
        "sentence": "“We will win,” Biden told the Globe.", "rule": "quoted_by.quote.cue",
        "quote": "We will win,", "direct": True,
    }


def test_met_with_order_is_normalized(mk):
    g = build_graph([meeting(mk, "aA", "Daily Planet"), meeting(mk, "aB", "Globe", reverse=True)])
    rel = only(g.relations)
    assert (rel.source, rel.target) == tuple(sorted((BIDEN, XI)))
    assert len(rel.evidence) == 2


def test_directed_relations_keep_their_direction(mk):
    a, b = mk.entity("Joe Biden", P), mk.entity("Xi Jinping", P)
    g = build_graph([mk.extraction("aA", [a, b], [mk.relation("ACCUSED", a, b)]),
                     mk.extraction("aB", [a, b], [mk.relation("ACCUSED", b, a)])])
    assert sorted((r.source, r.target) for r in g.relations) == sorted([(BIDEN, XI), (XI, BIDEN)])


def test_sanction_statuses_are_separate_edges(mk):
    us = mk.entity("United States", G, fixed=True)
    maduro = mk.entity("Nicolás Maduro", P)
    x = mk.extraction("aA", [us, maduro], [
        mk.relation("SANCTIONED", us, maduro, mk.evidence(0, 20), status="imposed"),
        mk.relation("SANCTIONED", us, maduro, mk.evidence(30, 50), status="threatened"),
    ])
    g = build_graph([x])
    assert {r.status for r in g.relations} == {SanctionStatus.IMPOSED, SanctionStatus.THREATENED}
    assert len({r.id for r in g.relations}) == 2
    for r in g.relations:
        assert r.id == relation_id(RelationType.SANCTIONED, r.source, r.target, status=r.status)


def test_cites_from_the_article_itself(mk):
    who = mk.entity("World Health Organization", O)
    x = mk.extraction("aA", [who], [mk.relation("CITES", "aA", who, mk.evidence(quote="cases rose", direct=False))])
    rel = only(build_graph([x]).relations)
    assert (rel.source, rel.source_label) == ("aA", NodeLabel.ARTICLE)
    assert rel.target_label is NodeLabel.ORGANIZATION


# ---- relations resolution breaks -------------------------------------------------------------


def test_relation_that_becomes_a_self_loop_is_dropped(mk):
    # article A teaches that WHO is the World Health Organization; article B kept them apart
    a = mk.extraction("aA", [mk.entity("World Health Organization", O, aliases=("WHO",))])
    who, full = mk.entity("WHO", O), mk.entity("World Health Organization", O)
    keep = mk.entity("Joe Biden", P)
    b = mk.extraction("aB", [who, full, keep], [
        mk.relation("ACCUSED", who, full, mk.evidence(0, 10)),
        mk.relation("ACCUSED", keep, who, mk.evidence(20, 30)),
    ])
    g = build_graph([a, b])
    rel = only(g.relations)
    assert (rel.source, rel.target) == (BIDEN, entity_id("Organization", "world health organization"))


def test_relation_leaving_the_schema_after_resolution_is_dropped(mk):
    # article B's NER took Trump for a government; the corpus says Person, who cannot sanction
    a = mk.extraction("aA", [mk.entity("Donald Trump", P, mentions=5)])
    trump, iran = mk.entity("Donald Trump", G), mk.entity("Iran", G, fixed=True)
    b = mk.extraction("aB", [trump, iran], [mk.relation("SANCTIONED", trump, iran, status="imposed")])
    g = build_graph([a, b])
    assert g.relations == ()
    assert {e.name: e.type for e in g.entities} == {"Donald Trump": P, "Iran": G}


# ---- article nodes and links -----------------------------------------------------------------


def test_article_nodes_from_article_info(mk):
    x = mk.extraction("aA", outlet="Daily Planet", author="Lois Lane", title="Leaders meet", chars=1234)
    article = only(build_graph([x]).articles)
    assert article.model_dump() == {
        "id": "aA", "title": "Leaders meet", "path": "/corpus/aA.txt", "outlet": "Daily Planet",
        "author": "Lois Lane", "published": None, "url": None, "chars": 1234,
    }


def test_links_from_metadata_and_mentions(mk):
    x = mk.extraction("aA", [
        mk.entity("Donald Trump", P, mentions=3), mk.entity("Trump", P, mentions=2),
        mk.entity("Caracas", L, mentions=1), mk.entity("protesters", O, kind="group", mentions=0),
    ], outlet="Daily Planet", author="Lois Lane and Clark Kent")
    g = build_graph([x])
    planet = entity_id("Outlet", "daily planet")
    links = {(l.type, l.target): l for l in g.links}
    assert set(links) == {
        (LinkType.PUBLISHED_BY, planet),
        (LinkType.AUTHORED_BY, entity_id("Person", "lois lane")),
        (LinkType.AUTHORED_BY, entity_id("Person", "clark kent")),
        (LinkType.MENTIONS, entity_id("Person", "donald trump")),
        (LinkType.MENTIONS, entity_id("Location", "caracas")),
    }
    assert links[(LinkType.MENTIONS, entity_id("Person", "donald trump"))].count == 5  # "Trump" joined
    assert links[(LinkType.MENTIONS, entity_id("Location", "caracas"))].count == 1
    assert links[(LinkType.PUBLISHED_BY, planet)].target_label is NodeLabel.OUTLET
    assert all(l.source == "aA" for l in g.links)
    # sorted by (type, article, target)
    assert list(g.links) == sorted(g.links, key=lambda l: (l.type.value, l.source, l.target))


def test_author_resolving_to_an_outlet_gets_no_authored_by(mk):
    x = mk.extraction("aA", outlet="Associated Press", author="Associated Press")
    g = build_graph([x])
    assert [(l.type, l.target_label) for l in g.links] == [(LinkType.PUBLISHED_BY, NodeLabel.OUTLET)]
    assert [e.type for e in g.entities] == [OUT]


def test_one_word_author_equal_to_the_outlet_is_the_outlet(mk):
    g = build_graph([mk.extraction("aA", outlet="Reuters", author="Reuters")])
    assert [e.type for e in g.entities] == [OUT]
    assert [l.type for l in g.links] == [LinkType.PUBLISHED_BY]


def test_mentions_link_the_resolved_entity_per_article(mk):
    a = mk.extraction("aA", [mk.entity("Angela Merkel", P, mentions=2)])
    b = mk.extraction("aB", [mk.entity("Merkel", P, mentions=4)])
    g = build_graph([a, b])
    merkel = entity_id("Person", "angela merkel")
    assert [(l.source, l.target, l.count) for l in g.links] == [("aA", merkel, 2), ("aB", merkel, 4)]
    entity = only(g.entities)
    assert (entity.mention_count, entity.article_count) == (6, 2)


# ---- determinism -----------------------------------------------------------------------------


def corpus(mk):
    us, maduro = mk.entity("United States", G, fixed=True), mk.entity("Nicolás Maduro", P, mentions=3)
    biden, xi = mk.entity("Joe Biden", P, mentions=2), mk.entity("Xi Jinping", P)
    planet = mk.entity("Daily Planet", OUT, fixed=True)
    return [
        mk.extraction("aA", [us, maduro, biden, xi], [
            mk.relation("SANCTIONED", us, maduro, mk.evidence(0, 30), status="imposed"),
            mk.relation(MET, xi, biden, mk.evidence(40, 80), mk.evidence(100, 130, rule="met.noun")),
        ], outlet="Daily Planet", author="Lois Lane"),
        mk.extraction("aB", [biden, xi, mk.entity("Maduro", P), planet, mk.entity("Biden", P)], [
            mk.relation(MET, biden, xi, mk.evidence(5, 25)),
            mk.relation("QUOTED_BY", biden, planet, mk.evidence(50, 90, quote="We agree", direct=True)),
        ], outlet="Globe"),
        mk.extraction("aC", [us, mk.entity("Maduro", P, mentions=2)], [
            mk.relation("SANCTIONED", us, mk.entity("Maduro", P), mk.evidence(0, 30), status="imposed"),
            mk.relation("CITES", "aC", us, mk.evidence(60, 70, quote="x", direct=False)),
        ], outlet="Daily Planet"),
    ]


def test_build_is_deterministic(mk):
    assert build_graph(corpus(mk)) == build_graph(corpus(mk))


def test_build_is_independent_of_article_order(mk):
    reference = build_graph(corpus(mk))
    for seed in range(6):
        shuffled = corpus(mk)
        random.Random(seed).shuffle(shuffled)
        assert build_graph(shuffled) == reference


def test_corpus_graph_shape(mk):
    g = build_graph(corpus(mk))
    assert [a.id for a in g.articles] == ["aA", "aB", "aC"]
    assert list(g.entities) == sorted(g.entities, key=lambda e: e.id)
    assert list(g.relations) == sorted(g.relations, key=lambda r: (r.type.value, r.source, r.target, r.id))
    by_type = {}
    for r in g.relations:
        by_type.setdefault(r.type, []).append(r)
    sanction = only(by_type[RelationType.SANCTIONED])
    assert sanction.article_ids == ("aA", "aC") and sanction.corroboration == 1
    assert sanction.target == entity_id("Person", "nicolas maduro")
    met = only(by_type[MET])
    assert len(met.evidence) == 3 and met.outlets == ("Daily Planet", "Globe")
    assert only(by_type[RelationType.QUOTED_BY]).target_label is NodeLabel.OUTLET
    assert only(by_type[RelationType.CITES]).source == "aC"
