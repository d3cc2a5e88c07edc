"""`newsgraph curate …`: corrections a person makes to the graph, kept as data and applied at
every assembly (see `model.curation`). Each command checks what it names against the current
graph, appends the correction to `NEWSGRAPH_HOME/curation.jsonl`, and rebuilds the graph from
the extraction cache (no NLP), saying what the correction did."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..model.curation import (
    Alias,
    Correction,
    EdgeAction,
    Merge,
    Outcome,
    Retype,
    Split,
)
from ..model.graph import EntityType, Modality
from .cli_support import (
    EXIT_USAGE,
    HomeOption,
    JsonOption,
    OutputFormat,
    StoreName,
    StoreOption,
    command_store,
    fail,
    print_rows,
    settings_for,
    worker_count,
)

if TYPE_CHECKING:
    from ..model.graph import KnowledgeGraph
    from .settings import Settings

curate_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True, help=(
    "Correct the graph: merge, split, alias, type, reject, verify. Corrections are kept in "
    "NEWSGRAPH_HOME/curation.jsonl and applied at every ingest."))

NoteOption = Annotated[Optional[str], typer.Option("--note", help="Why (kept with the correction).")]
EdgeArgument = Annotated[list[str], typer.Argument(
    help="An id; or TYPE SOURCE TARGET (e.g. MET_WITH \"Tony Blair\" \"Gordon Brown\"); or SAID SPEAKER WORDS.")]
ModalityOption = Annotated[Optional[Modality], typer.Option(help="Only the relations of this modality.")]


@curate_app.command()
def merge(name: Annotated[str, typer.Argument(help="The entity to merge (a name or alias).")],
          into: Annotated[str, typer.Argument(help="The entity it is part of: it keeps its name and type.")],
          note: NoteOption = None, home: HomeOption = None, store: StoreOption = None) -> None:
    """Make one entity of two: NAME becomes part of INTO."""
    _entity_correction(home, store, lambda graph: Merge(name=_entity(graph, name), into=_entity(graph, into),
                                                        note=note))


@curate_app.command()
def split(name: Annotated[str, typer.Argument(help="A name the entity was given that is someone else's.")],
          note: NoteOption = None, home: HomeOption = None, store: StoreOption = None) -> None:
    """Take the mentions under NAME out of the entity they were joined to."""
    _entity_correction(home, store, lambda graph: Split(name=_entity(graph, name), note=note))


@curate_app.command()
def alias(entity: Annotated[str, typer.Argument(help="The entity (a name or alias).")],
          alias: Annotated[str, typer.Argument(help="Another name of it.")],
          note: NoteOption = None, home: HomeOption = None, store: StoreOption = None) -> None:
    """Give ENTITY another name: mentions under ALIAS join it, queries find it by it."""
    _entity_correction(home, store, lambda graph: Alias(entity=_entity(graph, entity), alias=alias.strip(),
                                                        note=note))


@curate_app.command(name="type")
def retype(entity: Annotated[str, typer.Argument(help="The entity (a name or alias).")],
           entity_type: Annotated[EntityType, typer.Argument(metavar="TYPE", help="Person, Government, "
                                                             "Organization, Outlet or Location.")],
           note: NoteOption = None, home: HomeOption = None, store: StoreOption = None) -> None:
    """Set ENTITY's type, whatever its mentions voted."""
    _entity_correction(home, store, lambda graph: Retype(entity=_entity(graph, entity), type=entity_type,
                                                         note=note))


@curate_app.command()
def reject(edge: EdgeArgument, modality: ModalityOption = None, note: NoteOption = None,
           home: HomeOption = None, store: StoreOption = None) -> None:
    """Take a false relation or statement out of the graph."""
    _edge_correction(EdgeAction.REJECT, edge, modality, note, home, store)


@curate_app.command()
def verify(edge: EdgeArgument, modality: ModalityOption = None, note: NoteOption = None,
           home: HomeOption = None, store: StoreOption = None) -> None:
    """Mark a relation or statement as checked by a person (`verified` in the stores and the page)."""
    _edge_correction(EdgeAction.VERIFY, edge, modality, note, home, store)


@curate_app.command(name="list")
def list_corrections(as_json: JsonOption = False, home: HomeOption = None) -> None:
    """The corrections, in the order they apply."""
    curation = _load(settings_for(home).home)
    rows = [{"number": i, "action": str(c.action),
             "correction": c.describe(), "note": c.note or "", "at": c.at or ""}
            for i, c in enumerate(curation.corrections, 1)]
    print_rows(rows, ["number", "action", "correction", "note", "at"],
               OutputFormat.JSON if as_json else OutputFormat.TABLE)


@curate_app.command()
def remove(number: Annotated[int, typer.Argument(min=1, help="The correction's number in `curate list`.")],
           home: HomeOption = None, store: StoreOption = None) -> None:
    """Take correction NUMBER back, and rebuild the graph without it."""
    from .curation_file import CurationFileError, remove_correction

    settings = settings_for(home)
    try:
        _, removed = remove_correction(settings.home, number)
    except CurationFileError as exc:
        raise fail(str(exc), EXIT_USAGE) from exc
    typer.echo(f"removed: {removed.describe()}", err=True)
    _rebuild(settings, store, added=0)


def _entity(graph: KnowledgeGraph, text: str) -> str:
    from .curation_targets import TargetError, entity_name

    try:
        return entity_name(graph, text)
    except TargetError as exc:
        raise fail(str(exc), EXIT_USAGE) from exc


def _entity_correction(home: Path | None, store: StoreName | None, make) -> None:
    settings = settings_for(home)
    with command_store(settings, store) as opened:
        correction = make(opened.load())
    _add(settings, store, [correction])


def _edge_correction(action: EdgeAction, spec: list[str], modality: Modality | None, note: str | None,
                     home: Path | None, store: StoreName | None) -> None:
    from .curation_targets import TargetError, edge_corrections

    settings = settings_for(home)
    with command_store(settings, store) as opened:
        try:
            corrections = edge_corrections(opened.load(), action, spec, modality=modality, note=note)
        except TargetError as exc:
            raise fail(str(exc), EXIT_USAGE) from exc
    _add(settings, store, corrections)


def _add(settings: Settings, store: StoreName | None, corrections: list[Correction]) -> None:
    from .curation_file import CurationFileError, add_correction

    try:
        for correction in corrections:
            add_correction(settings.home, correction)
    except CurationFileError as exc:
        raise fail(str(exc)) from exc
    _rebuild(settings, store, added=len(corrections))


def _rebuild(settings: Settings, store: StoreName | None, *, added: int) -> None:
    """The graph again from the cache, with the corrections; what the new ones (the last `added`)
    did, and any earlier one that no longer applies."""
    from ..ingest.model_meta import ModelNotInstalled
    from .curation_file import CurationFileError
    from .pipeline import IngestBusy, ingest

    with command_store(settings, store) as opened:
        try:
            report = ingest([], home=settings.home, store=opened, model=settings.model,
                            workers=worker_count(settings, None), batch_size=settings.batch_size,
                            max_chars=settings.max_article_chars)
        except (ModelNotInstalled, IngestBusy, CurationFileError) as exc:
            raise fail(str(exc)) from exc
    first_new = len(report.curation) - added
    for number, (correction, outcome) in enumerate(report.curation, 1):
        if number > first_new or outcome is not Outcome.APPLIED:
            typer.echo(f"correction {number} ({correction.describe()}): {outcome.value}", err=True)
    typer.echo(f"graph: {report.corpus} articles, {report.entities} entities, {report.relations} relations, "
               f"{report.statements} statements", err=True)


def _load(home: Path):
    from .curation_file import CurationFileError, load_curation

    try:
        return load_curation(home)
    except CurationFileError as exc:
        raise fail(str(exc)) from exc
