"""`co_mentioned` without an entity: the exact top pairs, pairing only entities in at least
`min_articles` articles (what keeps it within the buffer pool at 50,000 articles). Against a count
in Python over made-up graphs in a real LadybugDB store."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import pytest
from newsgraph.model.graph import ArticleNode, EntityNode, EntityType, KnowledgeGraph, Link, LinkType, NodeLabel
from newsgraph.queries import run_query
from newsgraph.store.embedded import EmbeddedStore

TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.LOCATION)


def graph_of(mentions: dict[str, list[str]]) -> KnowledgeGraph:
    """Articles (id -> the entity names they mention); entities named as given, ids e<name>."""
    counts = Counter(name for names in mentions.values() for name in set(names))
    entities = tuple(EntityNode(id=f"e{name}", name=name, type=TYPES[i % len(TYPES)], mention_count=n,
                                article_count=n) for i, (name, n) in enumerate(sorted(counts.items())))
    label = {e.id: NodeLabel(e.type.value) for e in entities}
    articles = tuple(ArticleNode(id=a, title=f"Article {a}", path=f"/made/up/{a}.txt", chars=100) for a in mentions)
    links = tuple(Link(type=LinkType.MENTIONS, source=a, target=f"e{name}", target_label=label[f"e{name}"])
                  for a, names in mentions.items() for name in sorted(set(names)))
    return KnowledgeGraph(articles=articles, entities=entities, links=links)


def expected(mentions: dict[str, list[str]], limit: int, min_articles: int) -> list[tuple[str, str, int]]:
    pairs = Counter(pair for names in mentions.values() for pair in combinations(sorted(set(names)), 2))
    rows = [(a, b, n) for (a, b), n in pairs.items() if n >= min_articles]
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))[:limit]  # ids e<name>: a is the smaller id


def pairs(store: EmbeddedStore, **params) -> list[tuple[str, str, int]]:
    return [(r["a"], r["b"], r["articles"]) for r in run_query(store, "co_mentioned", **params)]


def test_a_pair_of_less_mentioned_entities_always_together_beats_two_famous_ones(tmp_path):
    # Ames and Bode are in ten articles each, together in one; Cole and Dunn in five, always together:
    # the pair of the most-mentioned entities is not the top pair
    mentions = {f"a{i}": ["Ames"] for i in range(9)} | {f"b{i}": ["Bode"] for i in range(9)}
    mentions |= {"ab": ["Ames", "Bode"]} | {f"c{i}": ["Cole", "Dunn"] for i in range(5)}
    store = EmbeddedStore(tmp_path / "home")
    store.write(graph_of(mentions))
    assert pairs(store, limit=1) == [("Cole", "Dunn", 5)]
    assert pairs(store, limit=2, min_articles=1) == [("Cole", "Dunn", 5), ("Ames", "Bode", 1)]
    assert pairs(store, limit=0) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_top_pairs_are_exact(tmp_path, seed):
    rng = random.Random(seed)
    names = [f"N{i:02d}" for i in range(40)]
    weights = [1 / (i + 1) for i in range(len(names))]  # a few entities in many articles, most in few
    mentions = {f"a{i:03d}": rng.choices(names, weights, k=rng.randint(1, 7)) for i in range(150)}
    store = EmbeddedStore(tmp_path / "home")
    store.write(graph_of(mentions))
    for limit, min_articles in [(1, 2), (5, 2), (50, 2), (1000, 1), (10, 25), (3, 1000)]:
        assert pairs(store, limit=limit, min_articles=min_articles) == expected(mentions, limit, min_articles), (
            limit, min_articles)
    # with an entity: its partners, however many articles those are in
    anchored = {(r["b"], r["articles"]) for r in run_query(store, "co_mentioned", entity="N05", min_articles=1,
                                                           limit=1000)}
    together = Counter(n for names in mentions.values() if "N05" in names for n in set(names) - {"N05"})
    assert anchored == set(together.items())
