"""What incremental assembly keeps of a stored graph (in the extraction cache, `app.cache`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocking import Entry


@dataclass
class GraphState:
    """Each block key's entity (id, label, name) and candidate buckets (`blocking`)."""

    keys: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    buckets: dict[str, set[Entry]] = field(default_factory=dict)
