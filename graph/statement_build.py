"""Statements from every article's wordings: grouped by speaker, merged when they are one.

Streaming, like relation evidence: the wordings go through a scratch SQLite table ordered by
speaker, so only one speaker's wordings are in memory at a time. A statement of a described
speaker ("a spokesman") stays in its article: nothing says two articles' spokesmen are one.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..model.graph import Evidence, Link, LinkType, NodeLabel, Statement
from ..model.ids import evidence_id, statement_id
from ..model.names import name_key
from .article_rows import StatementRow
from .statements import plain_words, statement_clusters

CHUNK = 5_000


class StatementGroups:
    """Wordings grouped by speaker (entity id, or a described speaker in its article)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:")
        self.db.execute("CREATE TABLE wording (speaker TEXT, label TEXT, receiver TEXT, item TEXT)")
        self.db.execute("CREATE TABLE link (type TEXT, source TEXT, source_label TEXT, target TEXT)")
        self._pending: list[tuple] = []

    def __enter__(self) -> StatementGroups:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def add(self, row: StatementRow, speaker: str | None, label: NodeLabel | None, receiver: str | None) -> None:
        group = speaker if speaker is not None else f"described|{row.article_id}|{name_key(row.described or '')}"
        self._pending.append((group, label.value if label else "", receiver or "", json.dumps(vars(row))))  # its fields are plain values
        if len(self._pending) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO wording VALUES (?, ?, ?, ?)", self._pending)
        self._pending.clear()

    def statements(self, outlets: Mapping[str, str], dates: Mapping[str, str]) -> Iterator[Statement]:
        """One statement per group of wordings that say the same, with its SAID and REPORTS links
        kept for `links`."""
        self._flush()
        rows = self.db.execute("SELECT speaker, label, receiver, item FROM wording ORDER BY speaker, rowid")
        group, items = None, []
        for speaker, label, receiver, item in rows:
            if speaker != group and items:
                yield from self._merged(group, items, outlets, dates)
                items = []
            group = speaker
            items.append((label, receiver, StatementRow(**json.loads(item))))
        if items:
            yield from self._merged(group, items, outlets, dates)

    def _merged(self, group: str, items: list[tuple[str, str, StatementRow]], outlets: Mapping[str, str],
                dates: Mapping[str, str]) -> Iterator[Statement]:
        described = group.startswith("described|")
        links = []
        for cluster in statement_clusters([row.text for _, _, row in items]):
            members = [items[i] for i in cluster]
            statement = _statement(None if described else group, members, outlets, dates)
            if statement.speaker is not None:
                links.append((LinkType.SAID.value, statement.speaker, statement.speaker_label.value, statement.id))
            links += [(LinkType.REPORTS.value, a, NodeLabel.ARTICLE.value, statement.id) for a in statement.article_ids]
            yield statement
        self.db.executemany("INSERT INTO link VALUES (?, ?, ?, ?)", links)

    def links(self) -> Iterator[Link]:
        """The SAID and REPORTS links of the statements `statements` gave."""
        for link_type, source, source_label, target in self.db.execute("SELECT * FROM link ORDER BY rowid"):
            yield Link(type=LinkType(link_type), source=source, source_label=NodeLabel(source_label), target=target,
                       target_label=NodeLabel.STATEMENT)


def _statement(speaker: str | None, members: list[tuple[str, str, StatementRow]], outlets: Mapping[str, str],
               dates: Mapping[str, str]) -> Statement:
    rows = [row for _, _, row in members]
    forms = Counter(plain_words(row.text) for row in rows)
    # the wording most articles give; of those, the longest
    text = max((row.text for row in rows), key=lambda t: (forms[plain_words(t)], len(t), t))
    lead = next(row for row in rows if row.text == text)
    receivers = Counter(receiver for _, receiver, _ in members if receiver)
    evidence = {
        ev.id: ev for ev in (
            Evidence(id=evidence_id(r.article_id, r.start, r.end, r.rule), article_id=r.article_id, start=r.start,
                     end=r.end, sentence=r.sentence, rule=r.rule, quote=r.text, direct=r.direct)
            for r in rows
        )
    }
    seen = sorted(dates[r.article_id] for r in rows if dates.get(r.article_id))
    return Statement(
        id=statement_id(speaker or f"{lead.article_id}|{name_key(lead.described or '')}", " ".join(plain_words(text))),
        text=text, speaker=speaker, speaker_label=NodeLabel(members[0][0]) if speaker else None,
        described_speaker=None if speaker else lead.described,
        kind="speech" if any(r.kind == "speech" for r in rows) else "belief", cue=lead.cue,
        receiver=receivers.most_common(1)[0][0] if receivers else None,
        evidence=tuple(sorted(evidence.values(), key=lambda e: (e.article_id, e.start, e.rule))),
        outlets=tuple(sorted({outlets[r.article_id] for r in rows if r.article_id in outlets})),
        first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
    )
