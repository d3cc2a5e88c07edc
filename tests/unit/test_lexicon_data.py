"""Validation of the curated lexicon data under ingest/data/ (no spaCy needed).

Checks schemas, uniqueness and cross-references of outlets, organizations,
governments, countries, titles and given names. Surface forms are compared
with the same folding the loader applies (`ingest.names.name_key`: case and
accents folded, leading "the" and periods dropped), because the loader keys
every name and alias that way: two entries sharing a key would be merged.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "ingest" / "data"

KNOWN_FILES = ("outlets.jsonl", "organizations.jsonl", "governments.jsonl")
SCHEMAS = {
    "outlets.jsonl": {"name": str, "aliases": list, "short": list},
    "organizations.jsonl": {"name": str, "aliases": list, "short": list},
    "governments.jsonl": {"name": str, "aliases": list, "country": (str, type(None))},
    "countries.jsonl": {"name": str, "aliases": list, "demonyms": list, "capitals": list, "government": str},
}
LIST_FIELDS = ("aliases", "short", "demonyms", "capitals")
# Demonyms genuinely shared by two countries; the loader keeps the first (sorted) one.
SHARED_DEMONYMS = {"congolese"}
# Accented given names whose gender differs from their unaccented census twin (French
# Stéphane is male, Swedish Åsa female); the loader keeps the later, added-block row.
GENDER_VARIANTS = {"stephane", "asa"}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " "})


def key(text: str) -> str:
    """Mirror of ingest.names.name_key, kept local so this test needs no package import."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s$|'$", "", text)
    text = re.sub(r"[^\w\s]", lambda m: "" if m.group() in ".'" else " ", text)
    return re.sub(r"\s+", " ", text).strip()


def strip_the(text: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", text)


def load_jsonl(name: str) -> list[dict]:
    rows = []
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{name}:{number}: blank line"
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - message only
            pytest.fail(f"{name}:{number}: invalid JSON: {exc}")
    return rows


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {name: load_jsonl(name) for name in SCHEMAS}


@pytest.mark.parametrize("filename", list(SCHEMAS))
def test_schema(data, filename):
    schema = SCHEMAS[filename]
    assert data[filename], f"{filename} is empty"
    for row in data[filename]:
        assert set(row) == set(schema), f"{filename}: {row.get('name')!r} has keys {sorted(row)}"
        for field, kind in schema.items():
            assert isinstance(row[field], kind), f"{filename}: {row['name']!r}.{field} is {type(row[field]).__name__}"
        assert row["name"] and row["name"] == row["name"].strip(), f"{filename}: bad name {row['name']!r}"
        for field in LIST_FIELDS:
            values = row.get(field, [])
            for value in values:
                assert isinstance(value, str) and value and value == value.strip() and "  " not in value, (
                    f"{filename}: {row['name']!r}.{field} has bad value {value!r}"
                )
            assert len(values) == len(set(values)), f"{filename}: {row['name']!r}.{field} has duplicates"
        assert row["name"] not in row["aliases"], f"{filename}: {row['name']!r} lists its own name as alias"
        for short in row.get("short", []):
            assert not short.lower().startswith("the "), f"{filename}: short form {short!r} keeps its 'the'"


@pytest.mark.parametrize("filename", list(SCHEMAS))
def test_sorted_and_unique_names(data, filename):
    names = [row["name"] for row in data[filename]]
    assert len(names) == len(set(names)), f"{filename}: duplicate names"
    assert names == sorted(names, key=lambda n: (n.casefold(), n)), f"{filename}: not sorted by name"


def test_minimum_sizes(data):
    assert len(data["outlets.jsonl"]) >= 250
    assert len(data["organizations.jsonl"]) >= 120
    assert len(data["countries.jsonl"]) >= 197


def _surfaces(row: dict, fields=("name", "aliases")) -> set[str]:
    out = set()
    for field in fields:
        values = row[field] if isinstance(row[field], list) else [row[field]]
        out.update(values)
    return out


def test_no_surface_shared_between_entries(data):
    """A name or alias belongs to one entry across outlets, organizations, governments and countries."""
    owners: dict[str, set[str]] = defaultdict(set)
    exact: dict[str, set[str]] = defaultdict(set)
    for filename in KNOWN_FILES:
        for row in data[filename]:
            for surface in _surfaces(row):
                owners[key(surface)].add(f"{filename}:{row['name']}")
                exact[strip_the(surface)].add(f"{filename}:{row['name']}")
    for row in data["countries.jsonl"]:
        for surface in _surfaces(row, ("name", "aliases", "capitals")):
            owners[key(surface)].add(f"countries.jsonl:{row['name']}")
            exact[strip_the(surface)].add(f"countries.jsonl:{row['name']}")
    for table in (exact, owners):
        clashes = {surface: sorted(who) for surface, who in table.items() if len(who) > 1}
        assert not clashes, f"surfaces owned by several entries: {clashes}"


def test_short_forms_are_not_names_of_other_entries(data):
    owners: dict[str, set[str]] = defaultdict(set)
    for filename in KNOWN_FILES:
        for row in data[filename]:
            for surface in _surfaces(row):
                owners[key(surface)].add(row["name"])
    for filename in KNOWN_FILES:
        for row in data[filename]:
            for short in row.get("short", []):
                others = owners.get(key(short), set()) - {row["name"]}
                assert not others, f"{filename}: short form {short!r} of {row['name']!r} is a name of {others}"


def test_government_countries_exist(data):
    countries = {row["name"] for row in data["countries.jsonl"]}
    for row in data["governments.jsonl"]:
        assert row["country"] is None or row["country"] in countries, f"{row['name']!r}: unknown country {row['country']!r}"


def test_countries(data):
    governments = [row["government"] for row in data["countries.jsonl"]]
    assert len(governments) == len(set(governments)), "two countries share a government name"
    demonym_owner: dict[str, str] = {}
    for row in data["countries.jsonl"]:
        assert row["demonyms"], f"{row['name']!r} has no demonyms"
        assert row["government"].strip() and "government" in row["government"].lower(), row["name"]
        for demonym in row["demonyms"]:
            low = demonym.lower()
            if low in demonym_owner and low not in SHARED_DEMONYMS:
                pytest.fail(f"demonym {demonym!r} of {row['name']!r} already belongs to {demonym_owner[low]!r}")
            demonym_owner.setdefault(low, row["name"])
    names = {row["name"] for row in data["countries.jsonl"]}
    for expected in ("United States", "United Kingdom", "Russia", "China", "Taiwan", "Palestine", "Kosovo", "Vatican City"):
        assert expected in names
    by_name = {row["name"]: row for row in data["countries.jsonl"]}
    assert "US" in by_name["United States"]["aliases"] and "U.S." in by_name["United States"]["aliases"]
    assert "Kyiv" in by_name["Ukraine"]["capitals"] and "Kiev" in by_name["Ukraine"]["capitals"]


def test_expected_entries(data):
    outlets = {row["name"]: row for row in data["outlets.jsonl"]}
    assert "Univisión" in outlets["Univision"]["aliases"]
    assert "Time" in outlets["Time magazine"]["short"] and "Time" not in outlets["Time magazine"]["aliases"]
    orgs = {row["name"] for row in data["organizations.jsonl"]}
    assert {"United Nations", "European Union", "NATO", "Revolutionary Armed Forces of Colombia"} <= orgs
    govs = {row["name"] for row in data["governments.jsonl"]}
    assert {"White House", "Kremlin", "Downing Street", "Pentagon", "State Department"} <= govs


def test_titles():
    lines = [line for line in (DATA / "titles.txt").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert all(line.strip() and line == line.strip() for line in lines), "blank or padded title line"
    assert len(lines) == len(set(lines)), "duplicate titles"
    assert len(lines) >= 120
    for expected in ("Mr.", "Sen.", "President", "Prime Minister", "Secretary of State", "Gen."):
        assert expected in lines


def test_given_names():
    text = (DATA / "given_names.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# source: US Census Bureau 1990")
    body = [line for line in lines if not line.startswith("#")]
    assert body[0] == "name\tgender"
    rows = list(csv.DictReader(body, delimiter="\t"))
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names)), "duplicate given names"
    by_key: dict[str, str] = {}
    for row in rows:
        assert set(row) == {"name", "gender"} and row["name"] and row["name"] == row["name"].strip(), row
        assert row["gender"] in {"m", "f", "u"}, row
        assert row["name"][0].isupper(), row
        previous = by_key.setdefault(key(row["name"]), row["gender"])
        if key(row["name"]) not in GENDER_VARIANTS:
            assert previous == row["gender"], f"{row['name']!r}: gender differs from a variant spelling"
    for expected in ("Lilian", "Marco", "Nicolás", "Vladimir"):
        assert expected in names
    assert "# added: common international given names" in lines
