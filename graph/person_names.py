"""One person's name in its forms (`data/person_names.json`): "Donald J. Trump", "Donald Trump";
"Joseph R. Biden Jr.", "Joe Biden"; the role classes that tell two people apart; and the
suffixes a company's short name drops (`data/organization_names.json`).

A person form is the canonical given name and the surname of a full name, with generational
suffixes dropped and middle names and initials set aside: two full names with the same form are
one person unless their middles differ ("George W. Bush" and "George H. W. Bush").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model.names import name_key

_INITIALS = re.compile(r"^(?:[A-Z]\.?)+$|^(?:[A-Z]\.)+[A-Z]?$")


@dataclass(frozen=True)
class PersonForm:
    given: str  # canonical given name: "joseph" for Joe
    surname: str
    middle: str  # middle names and initials, as initials ("j" for "J." or "John"); "" when none

    @property
    def key(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass(frozen=True)
class PersonNames:
    suffixes: frozenset[str]
    variants: dict[str, str]  # name_key of a given-name form -> its full form
    role_classes: dict[str, str]  # name_key of a role noun or title -> its class

    def canonical_given(self, word: str) -> str:
        key = name_key(word)
        return self.variants.get(key, key)

    def form(self, name: str) -> PersonForm | None:
        """The person form of a full name ("Joseph R. Biden Jr." -> joseph / biden / r); None for
        a name of fewer than two words once suffixes are dropped, or one opening with an initial."""
        words = [w for w in name.replace(",", " ").split() if name_key(w) and name_key(w) not in self.suffixes]
        if len(words) < 2 or _INITIALS.match(words[0]):
            return None
        middle = "".join(name_key(w)[0] if not _INITIALS.match(w) else name_key(w) for w in words[1:-1])
        return PersonForm(self.canonical_given(words[0]), name_key(words[-1]), middle)

    def classes(self, roles: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
        """The role classes of role nouns: {"justice", "judge"} -> {"judiciary"}."""
        return frozenset(c for c in (self.role_classes.get(name_key(r)) for r in roles) if c)


def middles_agree(a: str, b: str) -> bool:
    """Middle initials agree when one has none or one is the start of the other."""
    return not a or not b or a.startswith(b) or b.startswith(a)


@lru_cache(maxsize=1)
def organization_suffixes() -> frozenset[str]:
    """Words closing a company's full name that its short name leaves out ("International")."""
    data = json.loads(resources.files("newsgraph.graph").joinpath("data/organization_names.json").read_text(encoding="utf-8"))
    return frozenset(name_key(w) for w in data["suffixes"])


@lru_cache(maxsize=1)
def load_person_names() -> PersonNames:
    data = json.loads(resources.files("newsgraph.graph").joinpath("data/person_names.json").read_text(encoding="utf-8"))
    roles = {name_key(noun): cls for cls, nouns in data["role_classes"].items() for noun in nouns}
    return PersonNames(
        suffixes=frozenset(data["suffixes"]), variants={name_key(k): name_key(v) for k, v in data["given_name_variants"].items()},
        role_classes=roles,
    )
