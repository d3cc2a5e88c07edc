"""What incremental assembly keeps of a stored graph (in the extraction cache, `app.cache`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocking import Entry


@dataclass
class GraphState:
    """Each block key's entity (id, label, name), candidate buckets (`blocking`) and aggregate
    (what resolution folded of its rows, `resolve.EntityLinker.aggregates`), and each entity's
    article count. An increment's
    state holds the buckets and aggregates of the keys its articles have, the others stay."""

    keys: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    buckets: dict[str, set[Entry]] = field(default_factory=dict)
    aggregates: dict[str, str] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)  # an increment's articles (a full state: all in the cache)
    article_counts: dict[str, int] = field(default_factory=dict)  # entity id -> articles mentioning it (those written)
