"""What a correction typed on the command line names in the current graph: an entity by a name
or alias, relations by their type and two parties, a statement by its speaker and words, or
either by id. Checked when the correction is made, so that a typo is caught then, with the
closest names as suggestions, rather than left to match nothing."""

from __future__ import annotations

from collections.abc import Sequence

from ..model.curation import EdgeAction, EdgeCorrection
from ..model.graph import (
    SYMMETRIC_RELATIONS,
    KnowledgeGraph,
    Modality,
    Relation,
    RelationType,
    Statement,
)
from ..model.names import name_key
from ..queries.resolver import Named, NoSuchNode, match_name

SAID = "SAID"
_LABEL_WORDS = 60


class TargetError(ValueError):
    """A correction that names nothing in the graph, or names it badly; the message says which."""


def entity_name(graph: KnowledgeGraph, text: str) -> str:
    """The name of the one entity `text` names (a name or alias, case and accents ignored)."""
    try:
        matches = match_name(_named(graph), text)
    except NoSuchNode as exc:
        raise TargetError(str(exc)) from None
    named = matches.by_name or matches.by_alias or matches.by_id
    if len({n.id for n in named}) > 1:
        listed = ", ".join(sorted(f"{n.name} ({_type(graph, n.id)})" for n in named))
        raise TargetError(f"{text!r} names {len(named)} entities: {listed}; give the full name of one")
    return text.strip() if not matches.by_id else named[0].name


def edge_corrections(
    graph: KnowledgeGraph, action: EdgeAction, spec: Sequence[str], *, modality: Modality | None = None,
    note: str | None = None,
) -> list[EdgeCorrection]:
    """The corrections `spec` stands for: ``ID``, ``TYPE SOURCE TARGET`` (every such relation, of
    any modality unless one is given) or ``SAID SPEAKER WORDS`` (the speaker's statements holding
    those words)."""
    if len(spec) == 1:
        found = _by_id(graph, spec[0])
    elif len(spec) == 3 and spec[0].upper() == SAID:
        found = _statements(graph, spec[1], spec[2])
    elif len(spec) == 3:
        found = _relations(graph, spec[0], spec[1], spec[2], modality)
    else:
        raise TargetError("name an edge by its id, by TYPE SOURCE TARGET, or by SAID SPEAKER WORDS")
    return [EdgeCorrection(action=action, edge=item.id, label=label(graph, item), note=note) for item in found]


def label(graph: KnowledgeGraph, item: Relation | Statement) -> str:
    """How `curate list` shows an edge: "A MET_WITH B (planned)", 'A SAID "words…"'."""
    names = {e.id: e.name for e in graph.entities}
    if isinstance(item, Statement):
        speaker = names.get(item.speaker or "", item.described_speaker or "someone")
        words = item.text if len(item.text) <= _LABEL_WORDS else item.text[: _LABEL_WORDS - 1].rstrip() + "\u2026"
        return f"{speaker} SAID \u201c{words}\u201d"
    source = names.get(item.source) or next((a.title for a in graph.articles if a.id == item.source), item.source)
    details = [d for d in (item.status and item.status.value,
                           item.modality.value if item.modality and item.modality is not Modality.ASSERTED else None) if d]
    return f"{source} {item.type.value} {names.get(item.target, item.target)}" + (
        f" ({', '.join(details)})" if details else "")


def _named(graph: KnowledgeGraph) -> list[Named]:
    return [Named(e.id, e.name, e.aliases, e.mention_count) for e in graph.entities]


def _type(graph: KnowledgeGraph, entity: str) -> str:
    return next(e.type.value for e in graph.entities if e.id == entity)


def _ids(graph: KnowledgeGraph, text: str) -> set[str]:
    try:
        return set(match_name(_named(graph), text).ids())
    except NoSuchNode as exc:
        raise TargetError(str(exc)) from None


def _by_id(graph: KnowledgeGraph, edge: str) -> list[Relation | Statement]:
    found = [r for r in graph.relations if r.id == edge] + [s for s in graph.statements if s.id == edge]
    if not found:
        raise TargetError(f"no relation or statement has the id {edge!r}")
    return found


def _relations(graph: KnowledgeGraph, kind: str, source: str, target: str,
               modality: Modality | None) -> list[Relation | Statement]:
    try:
        rel_type = RelationType(kind.upper())
    except ValueError:
        raise TargetError(f"{kind!r} is no relation type (one of {', '.join(t.value for t in RelationType)}, "
                          f"or {SAID})") from None
    sources, targets = _ids(graph, source), _ids(graph, target)
    found = [r for r in graph.relations if r.type is rel_type
             and ((r.source in sources and r.target in targets)
                  or (rel_type in SYMMETRIC_RELATIONS and r.source in targets and r.target in sources))
             and (modality is None or r.modality is modality)]
    if not found:
        what = f" ({modality.value})" if modality else ""
        raise TargetError(f"no {rel_type.value}{what} from {source!r} to {target!r} in the graph")
    return found


def _statements(graph: KnowledgeGraph, speaker: str, words: str) -> list[Relation | Statement]:
    speakers, wanted = _ids(graph, speaker), " ".join(name_key(words).split())
    found = [s for s in graph.statements if s.speaker in speakers
             and wanted and wanted in " ".join(name_key(e.quote or s.text) for e in s.evidence)]
    if not found:
        raise TargetError(f"no statement by {speaker!r} holds the words {words!r}")
    return found
