"""Names resolved inside the embedded store: a primary-key lookup, every name pulled only for the
suggestions of a name that matches nothing. A real LadybugDB store under tmp_path."""

from __future__ import annotations

import pytest
from newsgraph.model.graph import ArticleNode, EntityNode, EntityType, KnowledgeGraph, Link, LinkType, NodeLabel
from newsgraph.queries import NoSuchNode, run_query
from newsgraph.queries.library import get_query
from newsgraph.queries.params import ARTICLE_LOOKUP, ENTITY_LOOKUP, OUTLET_LOOKUP, bind
from newsgraph.store.embedded import EmbeddedStore

ENTITIES = (
    EntityNode(id="eAda", name="Adélie Quarrington", aliases=("Quarrington",), type=EntityType.PERSON,
               mention_count=3, article_count=1),
    EntityNode(id="eMill", name="The Millbrook Courier", aliases=("Courier",), type=EntityType.OUTLET,
               mention_count=1, article_count=1),
    EntityNode(id="eQuar", name="Quarrington", type=EntityType.ORGANIZATION, mention_count=1, article_count=1),
)


class Spy(EmbeddedStore):
    """The embedded store, recording each statement it runs."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ran: list[str] = []

    def run(self, cypher, parameters=None, *, write=False):
        self.ran.append(cypher)
        return super().run(cypher, parameters, write=write)


@pytest.fixture
def store(tmp_path) -> Spy:
    article = ArticleNode(id="a1", title="A council vote in Millbrook", path="/made/up/vote.txt", chars=10)
    links = tuple(Link(type=LinkType.MENTIONS, source="a1", target=e.id, target_label=NodeLabel(e.type.value))
                  for e in ENTITIES)
    spy = Spy(tmp_path / "home")
    spy.write(KnowledgeGraph(articles=(article,), entities=ENTITIES, links=links))
    return spy


def test_a_name_an_alias_or_an_id_is_found_without_pulling_every_name(store):
    for text, expected in [("adelie quarrington", ["eAda"]), ("Quarrington", ["eAda", "eQuar"]), ("eQuar", ["eQuar"])]:
        store.ran.clear()
        run_query(store, "meetings_of", entity=text)
        assert ENTITY_LOOKUP not in store.ran, text
        bound = [r for r in store.ran if "NameKey" in r]
        assert len(bound) == 1, text
        assert bind(get_query("meetings_of"), {"entity": text}, store)["entity"] == expected


def test_an_outlet_parameter_takes_only_outlets_and_an_article_id_needs_no_scan(store):
    store.ran.clear()
    assert bind(get_query("quoted_by"), {"outlet": "millbrook courier"}, store)["outlet"] == ["eMill"]
    with pytest.raises(NoSuchNode):
        bind(get_query("quoted_by"), {"outlet": "Quarrington"}, store)  # a person and an organization
    assert OUTLET_LOOKUP in store.ran  # only for the suggestions
    store.ran.clear()
    assert bind(get_query("article_sources"), {"article": "a1"}, store)["article"] == ["a1"]
    assert ARTICLE_LOOKUP not in store.ran
    assert bind(get_query("article_sources"), {"article": "council vote"}, store)["article"] == ["a1"]


def test_a_name_that_matches_nothing_still_gets_suggestions(store):
    with pytest.raises(NoSuchNode, match="did you mean 'Adélie Quarrington'"):
        run_query(store, "meetings_of", entity="Adelie Quarington")
    assert ENTITY_LOOKUP in store.ran
