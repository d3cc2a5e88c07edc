"""Small analyses for notebooks and reports.

Of a KnowledgeGraph with networkx: everything starts from `to_networkx`; the entity
graph is its relations between entities (no articles, no mentions), with a symmetric
relation such as MET_WITH counted in both directions.

Of the rows of the named queries (`newsgraph.queries.run_query`), so that they work
the same on the embedded store and on Neo4j: how outlets cover the same story
(`coverage_matrix`, `coverage_by_outlet`), who publishes which article
(`article_outlets`), quote wording side by side (`quotes_side_by_side`), citation
chains (`citation_chains`, `sources_by_outlet`).

The store a notebook works on is `newsgraph.app.notebook.open_or_ingest`.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from ..model.graph import SYMMETRIC_RELATIONS, EntityType, KnowledgeGraph, Modality
from .networkx_io import to_networkx

if TYPE_CHECKING:
    from ..store import GraphStore

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.GOVERNMENT, EntityType.ORGANIZATION})


@dataclass(frozen=True)
class TypeCounts:
    """The graph in numbers."""

    articles: int
    entities: Counter[str]  # by entity type
    relations: Counter[str]  # edges by relation type
    evidence: Counter[str]  # evidence sentences by relation type
    links: Counter[str]  # article links by link type


def type_counts(graph: KnowledgeGraph) -> TypeCounts:
    relations: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    for rel in graph.relations:
        relations[rel.type.value] += 1
        evidence[rel.type.value] += len(rel.evidence)
    return TypeCounts(
        articles=len(graph.articles),
        entities=Counter(e.type.value for e in graph.entities),
        relations=relations,
        evidence=evidence,
        links=Counter(link.type.value for link in graph.links),
    )


def entity_graph(graph: KnowledgeGraph) -> nx.DiGraph:
    """Entities joined by their relations: one edge per direction, ``weight`` = evidence sentences,
    ``types`` = the relation types; symmetric relations go both ways; a meeting, sanction or
    accusation that did not happen (planned, negated...) joins no one. Nodes keep `to_networkx`'s
    attributes (``type`` is the entity type, ``name``)."""
    multi = to_networkx(graph, articles=False, mentions=False)
    entities = {e.id for e in graph.entities}
    simple = nx.DiGraph()
    simple.add_nodes_from((node, data) for node, data in multi.nodes(data=True) if node in entities)
    for source, target, data in multi.edges(data=True):
        if source not in entities or target not in entities:
            continue  # what a speaker SAID: the statements are `quotations`
        if data.get("modality") not in (None, Modality.ASSERTED.value):
            continue
        ends = [(source, target), (target, source)] if data.get("symmetric") else [(source, target)]
        for u, v in ends:
            if simple.has_edge(u, v):
                simple[u][v]["weight"] += len(data["evidence"])
                simple[u][v]["types"].add(data["type"])
            else:
                simple.add_edge(u, v, weight=len(data["evidence"]), types={data["type"]})
    return simple


@dataclass(frozen=True)
class Centrality:
    id: str
    name: str
    type: str
    degree: int  # distinct entities it has a relation with
    betweenness: float  # on the undirected graph of the entities in a relation, normalized over them
    pagerank: float  # on the directed graph of the same entities, weighted by evidence


def centrality(graph: KnowledgeGraph, *, types: frozenset[EntityType] | None = ACTOR_TYPES) -> list[Centrality]:
    """Degree, betweenness and PageRank of the entities of ``types`` (all entities: None) that
    take part in at least one relation, highest PageRank first. Every entity counts as a path
    or a link; ``types`` only selects the rows. Betweenness is the share of the shortest paths
    between two entities in a relation that run through the entity: normalized over those
    entities only, since the many entities no relation joins (most of a large corpus's) lie on
    no path and would make every figure round to 0."""
    directed = entity_graph(graph)
    undirected = directed.to_undirected()
    connected = [node for node in directed if undirected.degree(node) > 0]
    if not connected:
        return []
    betweenness = nx.betweenness_centrality(undirected.subgraph(connected))
    pagerank = nx.pagerank(directed.subgraph(connected), weight="weight")  # the same entities: readable shares
    wanted = {t.value for t in types} if types is not None else None
    rows = [
        Centrality(
            id=node, name=directed.nodes[node]["name"], type=directed.nodes[node]["type"],
            degree=undirected.degree(node), betweenness=betweenness[node], pagerank=pagerank[node],
        )
        for node in connected
        if wanted is None or directed.nodes[node]["type"] in wanted
    ]
    return sorted(rows, key=lambda row: (-row.pagerank, row.name))


def communities(graph: KnowledgeGraph, *, seed: int = 7, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities of the entities that take part in a relation, as lists of entity ids,
    largest first (ties: by first name). Edges are weighted by evidence; ``seed`` makes it repeatable."""
    undirected = nx.Graph()
    for u, v, data in entity_graph(graph).edges(data=True):
        weight = undirected[u][v]["weight"] + data["weight"] if undirected.has_edge(u, v) else data["weight"]
        undirected.add_edge(u, v, weight=weight)
    if undirected.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(undirected, weight="weight", resolution=resolution, seed=seed)
    names = {e.id: e.name for e in graph.entities}
    ordered = [sorted(group, key=lambda node: names[node].casefold()) for group in found]
    return sorted(ordered, key=lambda group: (-len(group), names[group[0]].casefold()))


@dataclass(frozen=True)
class Quotation:
    """One article's wording of a statement: ``speaker`` as reported in an article of
    ``reported_by`` (its outlet, None when unknown), ``given_to`` the outlet the words were
    given to (None: none is said)."""

    speaker: str
    reported_by: str | None
    given_to: str | None
    article_id: str
    quote: str | None
    direct: bool | None
    sentence: str


def quotations(graph: KnowledgeGraph) -> list[Quotation]:
    """Every wording of every statement, with names instead of ids."""
    names = {e.id: e.name for e in graph.entities}
    outlets = {a.id: a.outlet for a in graph.articles}
    return [
        Quotation(
            speaker=names[st.speaker] if st.speaker else st.described_speaker or "", reported_by=outlets.get(ev.article_id),
            given_to=names.get(st.receiver) if st.receiver else None, article_id=ev.article_id, quote=ev.quote,
            direct=ev.direct, sentence=ev.sentence,
        )
        for st in graph.statements
        for ev in st.evidence
    ]


def who_quoted_whom(graph: KnowledgeGraph) -> dict[str, Counter[str]]:
    """Per reporting outlet ("unknown outlet" when an article has none): how many wordings of
    each speaker its articles carry."""
    table: dict[str, Counter[str]] = {}
    for q in quotations(graph):
        table.setdefault(q.reported_by or "unknown outlet", Counter())[q.speaker] += 1
    return dict(sorted(table.items()))


def top_quoted(table: Mapping[str, Counter[str]], *, outlets: int, speakers: int) -> dict[str, list[tuple[str, int]]]:
    """The `outlets` outlets of `who_quoted_whom` carrying most wordings, each with its
    `speakers` most quoted speakers (a chart of a large corpus stays readable), most first."""
    ranked = sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:outlets]
    return {outlet: counter.most_common(speakers) for outlet, counter in ranked}


def connected_share(graph: KnowledgeGraph) -> tuple[int, int, int]:
    """(entities in a relation, entities, size of the largest group of entities joined by relations)."""
    undirected = entity_graph(graph).to_undirected()
    joined = [node for node in undirected if undirected.degree(node) > 0]
    largest = max((len(c) for c in nx.connected_components(undirected.subgraph(joined))), default=0)
    return len(joined), undirected.number_of_nodes(), largest


# --- how outlets cover the same story: analyses of named-query rows -----------------------

Row = Mapping[str, Any]


def relation_label(row: Row) -> str:
    """A relation as one line: ``source -MET_WITH- target``, ``source -SANCTIONED (threatened)-> target``."""
    kind = row["relation"]
    status = f" ({row['status']})" if row.get("status") else ""
    arrow = "-" if kind in {t.value for t in SYMMETRIC_RELATIONS} else "->"
    return f"{row['source']} -{kind}{status}{arrow} {row['target']}"


def coverage_matrix(rows: Iterable[Row]) -> pd.DataFrame:
    """Which outlets report each relation between entities, from rows of the ``corroborated``
    query (run with ``min_outlets=1`` for every relation): indexed by `relation_label`, columns
    ``relation``, ``corroboration``, then one boolean column per outlet (by name).

    An article's own CITES (source_type ``Article``) are left out: an article has one outlet,
    so they are never shared; `citation_chains` follows them."""
    kept = [row for row in rows if row.get("source_type") != "Article"]
    outlets = sorted({outlet for row in kept for outlet in row["outlets"] or ()}, key=str.casefold)
    table = pd.DataFrame(
        [{"relation": row["relation"], "corroboration": row["corroboration"],
          **{outlet: outlet in (row["outlets"] or ()) for outlet in outlets}} for row in kept],
        index=pd.Index([relation_label(row) for row in kept], name="reported"),
        columns=["relation", "corroboration", *outlets],
    )
    return table.sort_values(["corroboration", "relation"], ascending=[False, True], kind="stable")


def matrix_outlets(matrix: pd.DataFrame) -> list[str]:
    """The outlet columns of a `coverage_matrix`."""
    return [column for column in matrix.columns if column not in ("relation", "corroboration")]


def coverage_by_outlet(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per outlet of a `coverage_matrix`: relations it reports, how many of them another
    outlet reports too (``shared``) and how many only it does (``unique``)."""
    outlets = matrix_outlets(matrix)
    reported_by = matrix[outlets].sum(axis=1)
    rows = {
        outlet: {"relations": int(matrix[outlet].sum()),
                 "shared": int((matrix[outlet] & (reported_by > 1)).sum()),
                 "unique": int((matrix[outlet] & (reported_by == 1)).sum())}
        for outlet in outlets
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=["relations", "shared", "unique"]).rename_axis("outlet")


def article_outlets(store: GraphStore, outlets: Iterable[str]) -> dict[str, str]:
    """Article title -> the outlet that published it, for the articles of ``outlets`` (names),
    from each outlet's ``neighbourhood`` query (its PUBLISHED_BY articles). An outlet that is
    no node of the graph is skipped."""
    from ..queries import NoSuchNode, run_query

    published: dict[str, str] = {}
    for outlet in outlets:
        try:
            rows = run_query(store, "neighbourhood", entity=outlet)
        except NoSuchNode:
            continue
        published.update((row["neighbour"], outlet) for row in rows if row["relation"] == "PUBLISHED_BY")
    return published


def _wording(quote: str) -> str:
    return " ".join(quote.casefold().replace("\u2019", "'").split()).strip(" .,;:\"'\u201c\u201d")


def quotes_side_by_side(rows: Iterable[Row], *, min_outlets: int = 2) -> pd.DataFrame:
    """Speaker by reporting outlet: the quotes each outlet's articles attribute to a speaker, from
    rows of the ``quoted_by`` query (one per wording, with the outlet that published it).

    One row per speaker quoted in the articles of at least ``min_outlets`` outlets; a cell is
    the tuple of that outlet's quotes (empty: none). ``same_words``: some quote appears in two
    outlets' articles (case, spacing and edge punctuation aside); ``similarity``: the closest
    pair of quotes from different outlets (difflib ratio, 1 = the same words)."""
    quotes: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        outlet = row["outlet"]
        if not outlet or not row["quote"]:
            continue
        said = quotes.setdefault(row["speaker"], {}).setdefault(outlet, [])
        if row["quote"] not in said:
            said.append(row["quote"])
    outlets = sorted({outlet for by_outlet in quotes.values() for outlet in by_outlet}, key=str.casefold)
    records = {}
    for speaker, by_outlet in sorted(quotes.items(), key=lambda item: item[0].casefold()):
        if len(by_outlet) < min_outlets:
            continue
        pairs = [(a, b) for one, two in _outlet_pairs(by_outlet) for a in one for b in two]
        records[speaker] = {
            **{outlet: tuple(by_outlet.get(outlet, ())) for outlet in outlets},
            "same_words": any(_wording(a) == _wording(b) for a, b in pairs),
            "similarity": round(max((difflib.SequenceMatcher(None, _wording(a), _wording(b)).ratio()
                                     for a, b in pairs), default=0.0), 2),
        }
    return pd.DataFrame.from_dict(records, orient="index", columns=[*outlets, "same_words", "similarity"]
                                  ).rename_axis("speaker")


def _outlet_pairs(by_outlet: Mapping[str, list[str]]) -> list[tuple[list[str], list[str]]]:
    lists = list(by_outlet.values())
    return [(lists[i], lists[j]) for i in range(len(lists)) for j in range(i + 1, len(lists))]


def citation_chains(rows: Iterable[Row], published: Mapping[str, str], relations: Iterable[Row]) -> pd.DataFrame:
    """Rows of the ``article_sources`` query as readable chains, with the article's outlet.

    Beyond its first hop a chain follows the graph, which merges what every outlet reported:
    "the Times cites X" may come from another outlet's article. ``relations`` (rows of
    ``corroborated`` with ``min_outlets=1``) say who reported each CITES; ``own`` is true when
    the article's outlet reports every later hop itself. Columns: ``outlet``, ``article``,
    ``hops``, ``source``, ``source_type``, ``own``, ``chain`` (``article -> outlet -> source``)."""
    reported = {(row["source"], row["target"]): set(row["outlets"] or ())
                for row in relations if row["relation"] == "CITES"}
    records = []
    for row in rows:
        outlet = published.get(row["article"], "unknown outlet")
        later = zip(row["chain"][1:], row["chain"][2:])
        records.append({
            "outlet": outlet, "article": row["article"], "hops": row["hops"], "source": row["source"],
            "source_type": row["source_type"], "own": all(outlet in reported.get(hop, ()) for hop in later),
            "chain": " -> ".join(row["chain"]),
        })
    return pd.DataFrame(records, columns=["outlet", "article", "hops", "source", "source_type", "own", "chain"])


def sources_by_outlet(chains: pd.DataFrame, *, own: bool = True) -> pd.DataFrame:
    """Source by outlet, from `citation_chains`: the fewest hops from the outlet's articles to the
    source (empty: they do not reach it), sources reached from most outlets first. ``own``: only
    chains the outlet reports every hop of."""
    if own:
        chains = chains[chains["own"]]
    if chains.empty:
        return pd.DataFrame()
    table = chains.pivot_table(index="source", columns="outlet", values="hops", aggfunc="min")
    reach = table.notna().sum(axis=1)
    order = sorted(table.index, key=lambda source: (-reach[source], table.loc[source].min(), source.casefold()))
    return table.loc[order].astype("Int64")
