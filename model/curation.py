"""A journalist's corrections to the graph, as data: merge, split, alias, type, reject, verify.

Corrections are kept in a small JSON Lines file (one per line, in the order they were made) and
applied at every assembly, so they survive re-ingests and rebuilds and reach every store.
Entities are named by a name or alias they have (compared by name key, as queries compare
them); relations and statements by their id.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .graph import EntityType


class _Correction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    note: str | None = Field(default=None, description="why, in the journalist's words")
    at: str | None = Field(default=None, description="when the correction was made (ISO time)")


class Merge(_Correction):
    """`name`'s entity becomes part of `into`'s, which keeps its name and type."""

    action: Literal["merge"] = "merge"
    name: str = Field(min_length=1)
    into: str = Field(min_length=1)

    def describe(self) -> str:
        return f"merge {self.name!r} into {self.into!r}"


class Split(_Correction):
    """The mentions under the name `name` leave the entity they were joined to: an entity of
    their own."""

    action: Literal["split"] = "split"
    name: str = Field(min_length=1)

    def describe(self) -> str:
        return f"split {self.name!r} off its entity"


class Alias(_Correction):
    """`alias` is another name of `entity`: mentions under it join the entity, queries find it."""

    action: Literal["alias"] = "alias"
    entity: str = Field(min_length=1)
    alias: str = Field(min_length=1)

    def describe(self) -> str:
        return f"{self.alias!r} is an alias of {self.entity!r}"


class Retype(_Correction):
    """`entity` is of type `type`, whatever the votes of its mentions."""

    action: Literal["type"] = "type"
    entity: str = Field(min_length=1)
    type: EntityType

    def describe(self) -> str:
        article = "an" if self.type.value[0] in "AEIOU" else "a"
        return f"{self.entity!r} is {article} {self.type.value}"


class EdgeAction(StrEnum):
    REJECT = "reject"  # false: it leaves the graph
    VERIFY = "verify"  # checked by a person: marked verified


class EdgeCorrection(_Correction):
    """A relation or a statement, by id, rejected or verified; `label` says which for people."""

    action: Literal[EdgeAction.REJECT, EdgeAction.VERIFY]
    edge: str = Field(pattern=r"^[rs][0-9a-f]{16}$", description="a relation id (r…) or a statement id (s…)")
    label: str = ""

    def describe(self) -> str:
        return f"{self.action.value} {self.label or self.edge}" + (f" ({self.edge})" if self.label else "")


Correction = Annotated[Merge | Split | Alias | Retype | EdgeCorrection, Field(discriminator="action")]


class Outcome(StrEnum):
    """What a correction did at the last assembly."""

    APPLIED = "applied"
    ALREADY = "already so"  # a merge of one entity, a split of a name that is alone
    NOT_FOUND = "not found"  # no entity has that name, no edge that id (it changed or left)
    AMBIGUOUS = "ambiguous"  # several entities have that name


class Curation(BaseModel):
    """Every correction, in the order made: later ones see what earlier ones did."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    corrections: tuple[Correction, ...] = ()

    def edges(self, action: EdgeAction) -> frozenset[str]:
        return frozenset(c.edge for c in self.corrections if isinstance(c, EdgeCorrection) and c.action is action)

    @property
    def entity_corrections(self) -> tuple[tuple[int, Merge | Split | Alias | Retype], ...]:
        return tuple((i, c) for i, c in enumerate(self.corrections) if not isinstance(c, EdgeCorrection))
