"""A generated graph the size of a 400-article corpus, written without NLP: for the notebooks'
charts and figures at scale (eight outlets, hundreds of actors joined by relations, a thousand
statements). Names and sentences are made up from numbers: no corpus text."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model.graph import (
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
    Statement,
)

ARTICLES = 400
OUTLETS = 8
PEOPLE = 240
STATEMENTS = 1000


def large_graph() -> KnowledgeGraph:
    outlets = [EntityNode(id=f"o{k}", type=EntityType.OUTLET, name=f"Outlet {k}", mention_count=1, article_count=1)
               for k in range(OUTLETS)]
    people = [EntityNode(id=f"p{i}", type=EntityType.PERSON, name=f"Person {i}", mention_count=3, article_count=2)
              for i in range(PEOPLE)]
    articles = [ArticleNode(id=f"a{n}", title=f"Story {n}", path=f"/corpus/story-{n}.txt",
                            outlet=outlets[n % OUTLETS].name, published=f"2005-{1 + n % 12:02d}-{1 + n % 28:02d}",
                            url=f"https://outlet{n % OUTLETS}.example/story-{n}", chars=2000)
                for n in range(ARTICLES)]
    evidence_count = 0

    def evidence(*article_numbers: int, quote: str | None = None) -> tuple[Evidence, ...]:
        nonlocal evidence_count
        items = []
        for n in article_numbers:
            evidence_count += 1
            items.append(Evidence(id=f"v{evidence_count}", article_id=f"a{n % ARTICLES}", start=0, end=20,
                                  sentence=f"Sentence {evidence_count} of story {n % ARTICLES}.", rule="generated",
                                  quote=quote, direct=True if quote else None))
        return tuple(items)

    def reported(items: tuple[Evidence, ...]) -> tuple[str, ...]:
        return tuple(sorted({articles[int(e.article_id[1:])].outlet for e in items}))

    relations = []
    # a chain of meetings through everyone, with shortcuts every tenth person: paths run through people
    pairs = [(i, i + 1) for i in range(PEOPLE - 1)] + [(i, (i * 7 + 31) % PEOPLE) for i in range(0, PEOPLE, 10)]
    for number, (i, j) in enumerate(pairs):
        if i == j:
            continue
        items = evidence(number, number + 3) if number % 3 == 0 else evidence(number)
        relations.append(Relation(id=f"r{number}", type=RelationType.MET_WITH, source=f"p{i}", target=f"p{j}",
                                  source_label=NodeLabel.PERSON, target_label=NodeLabel.PERSON, evidence=items,
                                  outlets=reported(items)))
    for i in range(0, PEOPLE, 3):
        items = evidence(i, quote=f"words {i}")
        relations.append(Relation(id=f"q{i}", type=RelationType.QUOTED_BY, source=f"p{i}", target=f"o{i % OUTLETS}",
                                  source_label=NodeLabel.PERSON, target_label=NodeLabel.OUTLET, evidence=items,
                                  outlets=reported(items)))
    for n in range(0, ARTICLES, 5):
        items = evidence(n, quote=f"cited {n}")
        relations.append(Relation(id=f"c{n}", type=RelationType.CITES, source=f"a{n}", target=f"o{(n + 1) % OUTLETS}",
                                  source_label=NodeLabel.ARTICLE, target_label=NodeLabel.OUTLET, evidence=items,
                                  outlets=reported(items)))
    statements, links = [], []
    for s in range(STATEMENTS):
        speaker = f"p{(s * 13) % PEOPLE}"
        items = evidence(s, s + 1, quote=f"statement {s}") if s % 4 == 0 else evidence(s, quote=f"statement {s}")
        statements.append(Statement(id=f"s{s}", text=f"statement {s}", speaker=speaker, speaker_label=NodeLabel.PERSON,
                                    kind="speech", cue="said", evidence=items, outlets=reported(items)))
        links.append(Link(type=LinkType.SAID, source=speaker, source_label=NodeLabel.PERSON, target=f"s{s}",
                          target_label=NodeLabel.STATEMENT))
        links += [Link(type=LinkType.REPORTS, source=article, target=f"s{s}", target_label=NodeLabel.STATEMENT)
                  for article in sorted({e.article_id for e in items})]
    for article in articles:
        n = int(article.id[1:])
        links.append(Link(type=LinkType.PUBLISHED_BY, source=article.id, target=f"o{n % OUTLETS}",
                          target_label=NodeLabel.OUTLET))
        links += [Link(type=LinkType.MENTIONS, source=article.id, target=f"p{(n + k) % PEOPLE}",
                       target_label=NodeLabel.PERSON) for k in range(3)]
    return KnowledgeGraph(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        entities=tuple(sorted([*outlets, *people], key=lambda e: e.id)),
        relations=tuple(sorted(relations, key=lambda r: (r.type.value, r.source, r.target, r.id))),
        statements=tuple(sorted(statements, key=lambda s: s.id)),
        links=tuple(sorted(set(links), key=lambda l: (l.type.value, l.source, l.target))),
    )


def write_large_home(home: Path) -> Path:
    from newsgraph.store.embedded import EmbeddedStore

    EmbeddedStore(home).write(large_graph())
    return home
