"""Stable ids: content hashes, so every stage is idempotent and resumable."""

from __future__ import annotations

import hashlib

from .graph import SYMMETRIC_RELATIONS, RelationType


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def article_id(text: str) -> str:
    """An article is its text: the same text from two paths is one article."""
    return "a" + _digest("article", text)


def entity_id(entity_type: str, key: str) -> str:
    """An entity is its type plus its normalized canonical name key."""
    return "e" + _digest("entity", entity_type, key)


def relation_id(
    relation: RelationType, source: str, target: str, *, status: str | None = None, modality: str | None = None
) -> str:
    """One edge per (type, source, target), per status for sanctions (imposed vs threatened), and
    per modality but asserted (a planned meeting is another edge than the meeting held; an
    asserted relation keeps the id it had before relations had a modality)."""
    if relation in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    parts = ["relation", relation.value, source, target, status or ""]
    if modality and modality != "asserted":
        parts.append(modality)
    return "r" + _digest(*parts)


def evidence_id(article: str, start: int, end: int, rule: str) -> str:
    return "v" + _digest("evidence", article, start, end, rule)


def statement_id(speaker: str, words: str) -> str:
    """A statement is its speaker (an entity id, or a described speaker in its article) and its
    words, folded (`graph.statements.plain_words`)."""
    return "s" + _digest("statement", speaker, words)
