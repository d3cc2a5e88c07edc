"""Curated lists the extractor uses, loaded once from `ingest/data/`.

Everything here is data under version control: known outlets, organizations,
government bodies, countries (aliases, demonyms, capitals), titles, given
names, pronouns and the gender of titles (`grammar.json`), the weights of type
votes (`type_votes.json`), and the closed word lists of `word_lists.json`.
Components receive a `Lexicon` at `initialize` (tests can hand them a small one);
`load_lexicon()` is the one built from these files.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..model.graph import EntityType
from ..model.names import name_key

DATA_PACKAGE = "newsgraph.ingest"


@dataclass(frozen=True)
class KnownEntity:
    """A curated entity: canonical name, type, unambiguous aliases, context-only short forms."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    government: str


@dataclass(frozen=True)
class TypeVoteWeights:
    """How much each cue adds to a name mention's type votes (`data/type_votes.json`)."""

    ner_labels: dict[str, EntityType]  # NER label -> the type it votes for
    ner_label_weight: dict[str, float]  # by the name's dependency: compound, poss, other
    person_cue: float  # a title, a gendered title or a role noun in front of the name
    organization_cue: float  # "oil firm Yukos"
    place_apposition: float  # "Wilmington, the state's biggest city"
    speaking_place: float  # a place NER found that speaks: mostly a person
    given_name: float  # a known given name opening a title-case name
    speaker: float  # a capitalized name NER missed that speaks
    conjunct_of_curated: float  # coordinated with a curated name
    gendered_pronoun: float  # an entity's he/she pronouns
    bound_pronoun: float  # "X claimed that he …": he / she / his bound by the name's clause
    relative_who: float  # "X, who …"
    outlet_cue: float  # "Canal Television", "the newspaper La Voz"
    state_body_cue: float  # "the Ohio Supreme Court", "the Senate Finance Committee", "Department of Health"
    list_member: float  # "carmakers including X": the type of what the list lists
    located_place: float  # "a plant in X", "The X, Y-based firm"
    typed_anaphor: float  # an entity's "the company", "the firm": an anaphor of one type that resolved to it

    def ner_weight(self, dep: str) -> float:
        return self.ner_label_weight.get(dep, self.ner_label_weight["other"])


@dataclass(frozen=True)
class Lexicon:
    known: dict[str, KnownEntity]  # name_key of name or alias -> entity
    short_forms: dict[str, tuple[KnownEntity, ...]]  # name_key of short form -> candidates
    countries: dict[str, Country]  # name_key of name, alias or capital -> country
    capitals: frozenset[str]  # name_keys of capitals
    demonyms: dict[str, Country]  # lower-case demonym -> country
    titles: frozenset[str]  # name_keys of titles ("sen", "president", "prime minister")
    given_names: dict[str, str]  # name_key -> gender m/f/u
    pronouns: dict[str, tuple[str | None, bool]]  # lower-case pronoun -> (gender m/f or None, plural)
    title_gender: dict[str, str]  # name_key of a title -> gender m/f ("mrs" -> "f")
    vote_weights: TypeVoteWeights
    party_letters: dict[str, str] = field(default_factory=dict)  # "R" -> "Republican Party", as in "(R-Tex.)"
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def word_list(self, name: str) -> frozenset[str]:
        return self.words[name]


def _read(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(f"data/{name}").read_text("utf-8")


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in _read(name).splitlines() if line.strip()]


def _known_entities() -> list[KnownEntity]:
    entities = []
    for filename, entity_type in (
        ("outlets.jsonl", EntityType.OUTLET),
        ("organizations.jsonl", EntityType.ORGANIZATION),
        ("governments.jsonl", EntityType.GOVERNMENT),
    ):
        for row in _jsonl(filename):
            entities.append(
                KnownEntity(
                    name=row["name"],
                    type=entity_type,
                    aliases=tuple(row.get("aliases", ())),
                    short=tuple(row.get("short", ())),
                    country=row.get("country"),
                )
            )
    return entities


def _countries() -> list[Country]:
    return [
        Country(
            name=row["name"],
            aliases=tuple(row["aliases"]),
            demonyms=tuple(row["demonyms"]),
            capitals=tuple(row["capitals"]),
            government=row["government"],
        )
        for row in _jsonl("countries.jsonl")
    ]


def _given_names() -> dict[str, str]:
    lines = [line for line in _read("given_names.tsv").splitlines() if line and not line.startswith("#")]
    return {name_key(row["name"]): row["gender"] for row in csv.DictReader(lines, delimiter="\t")}


def _vote_weights() -> TypeVoteWeights:
    row = {k: v for k, v in json.loads(_read("type_votes.json")).items() if not k.startswith("_")}
    row["ner_labels"] = {label: EntityType(t) for label, t in row["ner_labels"].items()}
    return TypeVoteWeights(**row)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon of `ingest/data/`, read once per process."""
    known: dict[str, KnownEntity] = {}
    short_forms: dict[str, list[KnownEntity]] = {}
    for entity in _known_entities():
        for surface in (entity.name, *entity.aliases):
            known.setdefault(name_key(surface), entity)
        for surface in entity.short:
            short_forms.setdefault(name_key(surface), []).append(entity)
    countries: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    capitals: set[str] = set()
    for country in _countries():
        for surface in (country.name, *country.aliases):
            countries.setdefault(name_key(surface), country)
        for capital in country.capitals:
            countries.setdefault(name_key(capital), country)
            capitals.add(name_key(capital))
        for demonym in country.demonyms:
            demonyms.setdefault(demonym.lower(), country)
    titles = frozenset(
        name_key(line) for line in _read("titles.txt").splitlines() if line.strip() and not line.startswith("#")
    )
    words = {
        key: frozenset(values)
        for key, values in json.loads(_read("word_lists.json")).items()
        if not key.startswith("_")
    }
    grammar = json.loads(_read("grammar.json"))
    return Lexicon(
        known=known,
        short_forms={k: tuple(v) for k, v in short_forms.items()},
        countries=countries,
        capitals=frozenset(capitals),
        demonyms=demonyms,
        titles=titles,
        given_names=_given_names(),
        pronouns={word: (gender, plural) for word, (gender, plural) in grammar["pronouns"].items()},
        title_gender=dict(grammar["title_gender"]),
        party_letters=dict(grammar["party_letters"]),
        vote_weights=_vote_weights(),
        words=words,
    )


def span_ruler_patterns(lexicon: Lexicon) -> list[dict]:
    """Phrase patterns for spaCy's SpanRuler: every curated surface form with its label.

    Labels: OUTLET, ORGANIZATION, GOVERNMENT (curated bodies), COUNTRY (names and
    aliases), CAPITAL, SHORT (context-only short forms), FACILITY. The pattern
    `id` carries the canonical name, so the span's `id_` says which entity it is.
    """
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, surface: str, canonical: str) -> None:
        """ "The New York Times" also matches "the New York Times" and "New York Times";
        "The Hill" matches only with its article: a bare "Hill" is a surname."""
        bare = surface.removeprefix("the ").removeprefix("The ")
        forms = {surface}
        if bare != surface:
            forms.add("the " + bare)
            if len(bare.split()) >= 2:
                forms.add(bare)
        for form in forms:
            if (label, form) not in seen:
                seen.add((label, form))
                patterns.append({"label": label, "pattern": form, "id": canonical})

    for entity in {id(e): e for e in lexicon.known.values()}.values():
        for surface in (entity.name, *entity.aliases):
            add(entity.type.name, surface, entity.name)
        for surface in entity.short:
            add("SHORT", surface, surface)
    for country in {c.name: c for c in lexicon.countries.values()}.values():
        for surface in (country.name, *country.aliases):
            add("COUNTRY", surface, country.name)
        for capital in country.capitals:
            add("CAPITAL", capital, country.name)
    for facility in lexicon.word_list("facilities"):
        add("FACILITY", facility, facility)
    return patterns
