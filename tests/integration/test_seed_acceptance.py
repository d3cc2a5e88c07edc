"""The two seed articles must come out right: issue 2's acceptance, end to end on the real model.

Ingest `examples/` (a Breitbart News and a ThinkProgress retelling of one New
York Times report) into an embedded store, read the graph back, and check
the entities, relations and evidence a reader of the two articles expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from newsgraph.app.pipeline import ingest
from newsgraph.ingest.boilerplate import find_boilerplate
from newsgraph.model.graph import EntityType, KnowledgeGraph, LinkType, RelationType
from newsgraph.model.names import name_key
from newsgraph.store.embedded import EmbeddedStore

from ..conftest import EXAMPLES, MODEL

pytestmark = pytest.mark.model

BREITBART = "breitbart-venezuela-coup-talks.txt"
THINKPROGRESS = "thinkprogress-venezuela-coup-talks.txt"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, KnowledgeGraph]:
    home = tmp_path_factory.mktemp("seed-home")
    store = EmbeddedStore(home)
    report = ingest([EXAMPLES], home=home, store=store, model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    assert report.extracted == 2 and not report.skipped
    return home, store.load()


@pytest.fixture(scope="module")
def graph(seeded) -> KnowledgeGraph:
    return seeded[1]


def named(graph: KnowledgeGraph, name: str) -> list:
    """Entities whose name or an alias is `name` (case, accents and "the" ignored)."""
    key = name_key(name)
    return [e for e in graph.entities if key == name_key(e.name) or key in {name_key(a) for a in e.aliases}]


def the(graph: KnowledgeGraph, name: str, entity_type: EntityType | None = None):
    found = named(graph, name)
    assert len(found) == 1, f"expected one node for {name!r}, found {[(e.name, e.type.value) for e in found]}"
    if entity_type is not None:
        assert found[0].type is entity_type, f"{name!r} is {found[0].type}, expected {entity_type}"
    return found[0]


def article(graph: KnowledgeGraph, filename: str):
    return next(a for a in graph.articles if Path(a.path).name == filename)


def relations(graph: KnowledgeGraph, rel_type: RelationType, source: str, target: str) -> list:
    ends = {source, target}
    return [
        r for r in graph.relations
        if r.type is rel_type and ((r.source, r.target) == (source, target)
                                   or (rel_type is RelationType.MET_WITH and {r.source, r.target} == ends))
    ]


@pytest.mark.parametrize(
    ("name", "entity_type"),
    [
        ("Donald Trump", EntityType.PERSON),
        ("Nicolás Maduro", EntityType.PERSON),
        ("The New York Times", EntityType.OUTLET),
        ("White House", EntityType.GOVERNMENT),
        ("Trump administration", EntityType.GOVERNMENT),
        ("Obama administration", EntityType.GOVERNMENT),
        ("Venezuelan military officers", EntityType.ORGANIZATION),
    ],
)
def test_one_node_per_actor(graph, name, entity_type):
    the(graph, name, entity_type)


@pytest.mark.parametrize("short", ["Trump", "Times", "the Times", "Maduro"])
def test_no_separate_node_for_short_names(graph, short):
    assert not [e for e in graph.entities if name_key(e.name) == name_key(short)]


@pytest.mark.parametrize(
    "name", ["Marco Rubio", "Lilian Tintori", "Leopoldo López", "Hugo Chávez", "H.R. McMaster", "Bob Woodward", "Casey Michel"]
)
def test_people(graph, name):
    the(graph, name, EntityType.PERSON)


@pytest.mark.parametrize("name", ["Associated Press", "Univisión", "Washington Post", "ThinkProgress", "Breitbart News"])
def test_outlets(graph, name):
    the(graph, name, EntityType.OUTLET)


@pytest.mark.parametrize(("name", "acronym"), [("Revolutionary Armed Forces of Colombia", "FARC"), ("World Health Organization", "WHO")])
def test_organizations_merge_acronym_and_full_name(graph, name, acronym):
    entity = the(graph, name, EntityType.ORGANIZATION)
    assert the(graph, acronym) == entity


def test_met_with_corroborated_by_both_outlets(graph):
    admin, officers = the(graph, "Trump administration"), the(graph, "Venezuelan military officers")
    [edge] = relations(graph, RelationType.MET_WITH, admin.id, officers.id)
    assert edge.corroboration == 2
    assert set(edge.outlets) == {"Breitbart News", "ThinkProgress"}
    assert {article(graph, BREITBART).id, article(graph, THINKPROGRESS).id} <= set(edge.article_ids)


def test_trump_met_tintori(graph):
    [edge] = relations(graph, RelationType.MET_WITH, the(graph, "Donald Trump").id, the(graph, "Lilian Tintori").id)
    assert any("Tintori" in ev.sentence for ev in edge.evidence)


def _officers_or_commander(graph) -> set[str]:
    return {e.id for e in graph.entities if e.type in (EntityType.ORGANIZATION, EntityType.PERSON)
            and ("officer" in e.name.lower() or "commander" in e.name.lower())}


def test_sanctioned_from_the_sanctions_list(graph):
    government = the(graph, "United States government", EntityType.GOVERNMENT)
    edges = [r for r in graph.relations if r.type is RelationType.SANCTIONED and r.source == government.id
             and r.target in _officers_or_commander(graph)]
    assert edges, "no SANCTIONED edge from the United States government to the officers or a commander"
    assert any("sanctions list" in ev.sentence for r in edges for ev in r.evidence)
    assert all(r.status.value == "imposed" for r in edges)


def test_accused_by_washington(graph):
    government = the(graph, "United States government")
    targets = _officers_or_commander(graph) | {e.id for e in named(graph, "Venezuelan security apparatus")}
    edges = [r for r in graph.relations if r.type is RelationType.ACCUSED and r.source == government.id and r.target in targets]
    assert edges
    assert any("accused by Washington" in ev.sentence for r in edges for ev in r.evidence)


@pytest.mark.parametrize(
    ("speaker", "outlet", "quote_words"),
    [  # words given to an outlet: QUOTED_BY it, and the statement's receiver
        ("White House", "The New York Times", "dialogue with all Venezuelans"),
        ("Marco Rubio", "Univisión", "very strong argument"),
    ],
)
def test_quoted_by_with_quote_text(graph, speaker, outlet, quote_words):
    [edge] = relations(graph, RelationType.QUOTED_BY, the(graph, speaker).id, the(graph, outlet).id)
    assert any(ev.quote and quote_words in ev.quote for ev in edge.evidence), [ev.quote for ev in edge.evidence]
    [statement] = [s for s in graph.statements if s.speaker == the(graph, speaker).id and quote_words in s.text]
    assert statement.receiver == the(graph, outlet).id


@pytest.mark.parametrize(
    ("speaker", "outlet", "quote_words"),
    [  # who said what, reported by whom
        ("White House", "Breitbart News", "dialogue with all Venezuelans"),
        ("Donald Trump", "Breitbart News", "very dangerous mess"),
        ("Donald Trump", "ThinkProgress", "not going to rule out a military option"),
        ("Venezuelan military officers", "Breitbart News", "encrypted radios"),  # "they asked", a pronoun
    ],
)
def test_statement_with_its_words_and_the_outlet_reporting_it(graph, speaker, outlet, quote_words):
    said = [s for s in graph.statements if s.speaker == the(graph, speaker).id
            and any(quote_words in (ev.quote or "") for ev in s.evidence)]
    assert said, [s.text for s in graph.statements if s.speaker == the(graph, speaker).id]
    assert any(outlet in s.outlets for s in said)
    reported = {link.source for link in graph.links if link.type is LinkType.REPORTS and link.target == said[0].id}
    assert reported == set(said[0].article_ids)


def test_former_commander_quoted_by_the_times(graph):
    times = the(graph, "The New York Times")
    speakers = {r.source for r in graph.relations if r.type is RelationType.QUOTED_BY and r.target == times.id}
    commanders = {e.id for e in graph.entities if e.type is EntityType.PERSON and "former" in e.name and "commander" in e.name}
    assert speakers & commanders


@pytest.mark.parametrize(
    ("filename", "outlet"),
    [(BREITBART, "The New York Times"), (THINKPROGRESS, "The New York Times"),
     (BREITBART, "Associated Press"), (THINKPROGRESS, "Washington Post")],
)
def test_articles_cite_their_sources(graph, filename, outlet):
    assert relations(graph, RelationType.CITES, article(graph, filename).id, the(graph, outlet).id)


def test_nested_attribution_chain(graph):
    """article -> The New York Times -> the anonymous officials it cites."""
    times = the(graph, "The New York Times")
    cited_by_times = {r.target for r in graph.relations if r.type is RelationType.CITES and r.source == times.id}
    assert the(graph, "United States government").id in cited_by_times


def test_article_metadata_links(graph):
    breitbart = article(graph, BREITBART)
    links = {(l.type.value, l.target) for l in graph.links if l.source == breitbart.id}
    assert ("PUBLISHED_BY", the(graph, "Breitbart News").id) in links
    assert ("AUTHORED_BY", the(graph, "Frances Martel", EntityType.PERSON).id) in links


@pytest.mark.parametrize("junk", ["Twitter", "Facebook", "207th", "Fear", "the Oval Office Lilian Tintori", "CREDIT", "Getty Images"])
def test_no_entity_from_boilerplate_or_junk(graph, junk):
    assert not named(graph, junk)


def test_no_evidence_from_captions_or_credits(graph):
    for path_name in (BREITBART, THINKPROGRESS):
        text = (EXAMPLES / path_name).read_text(encoding="utf-8")
        art = article(graph, path_name)
        boilerplate = find_boilerplate(text, body_start=text.index("\n"))
        assert boilerplate, "the seeds have captions and footers"
        for rel in graph.relations:
            for ev in rel.evidence:
                if ev.article_id == art.id:
                    assert not any(b.start < ev.end and ev.start < b.end for b in boilerplate), (rel.type, ev.sentence)


def test_evidence_offsets_index_the_raw_text(graph):
    for path_name in (BREITBART, THINKPROGRESS):
        text = (EXAMPLES / path_name).read_text(encoding="utf-8")
        art = article(graph, path_name)
        for rel in graph.relations:
            for ev in rel.evidence:
                if ev.article_id == art.id:
                    assert text[ev.start : ev.end].strip(), ev
                    sentence_at = text.find(ev.sentence, max(0, ev.end - len(ev.sentence)))
                    assert 0 <= sentence_at <= ev.start and ev.end <= sentence_at + len(ev.sentence), ev
                    for piece in (ev.quote or "").split(" … "):
                        assert piece in text[sentence_at : sentence_at + len(ev.sentence)], piece


def test_reingest_changes_nothing(seeded):
    home, graph = seeded
    store = EmbeddedStore(home)
    report = ingest([EXAMPLES], home=home, store=store, model=MODEL, workers=1, batch_size=8, max_chars=1_000_000)
    assert report.extracted == 0 and report.cached == 2
    assert store.load() == graph
