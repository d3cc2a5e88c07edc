"""Where an article's outlet and date come from: its own metadata, a folder's meta.json, the run,
then a wire dateline and the file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsgraph.ingest.metadata import date_in_name, dateline_agency, iso_date
from newsgraph.ingest.process import dateline_outlet
from newsgraph.ingest.readers import read_inputs
from newsgraph.model.records import Article, SkippedInput


@pytest.mark.parametrize(("text", "day"), [
    ("2016-10-02", "2016-10-02"), ("2016-10-02T08:30:00Z", "2016-10-02"), ("October 2, 2016", "2016-10-02"),
    ("2 Oct 2016", "2016-10-02"), ("Tuesday", None), ("yesterday", None), ("not a date 2016 at all xyz", None),
])
def test_dates_are_read_as_days(text, day):
    assert iso_date(text) == day


@pytest.mark.parametrize(("name", "day"), [
    ("2016-10-02-debate.txt", "2016-10-02"), ("debate_20161002.html", "2016-10-02"),
    ("story-2016-13-40.txt", None),  # no such day
    ("id_1234567890.txt", None), ("plain.txt", None),
])
def test_a_date_in_the_file_name(name, day):
    assert date_in_name(name) == day


@pytest.mark.parametrize(("body", "agency", "outlet"), [
    ("WASHINGTON (AP) — The Senate voted.", "AP", "Associated Press"),
    ("By Jane Doe\nLONDON (Reuters) - Shares fell.", "Reuters", "Reuters"),
    ("Paris, France (AFP) - Talks resumed.", "AFP", "Agence France-Presse"),
    ("(Reuters) - Oil rose.", "Reuters", "Reuters"),
    ("Sen. Kay Smith (R-Ark.) - the senator said.", "R-Ark.", None),  # a party tag is no agency
    ("The mayor (pictured) - smiling.", None, None),  # a dateline is capitalized words only
    ("No dateline here.", None, None),
])
def test_a_wire_dateline_names_the_outlet(body, agency, outlet):
    text = "A headline\n" + body
    assert dateline_agency(text, len("A headline")) == agency
    article = Article(id="a", path="a.txt", text=text, title="A headline", title_end=len("A headline"))
    assert dateline_outlet(article) == outlet


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _read(*paths: Path, **defaults) -> dict[str, Article | SkippedInput]:
    return {Path(x.path).name: x for x in read_inputs(list(paths), max_chars=100_000, defaults=defaults)}


def test_metadata_comes_from_the_article_then_the_folder_then_the_run_then_the_file_name(tmp_path: Path):
    root = tmp_path / "corpus"
    _write(root / "meta.json", json.dumps({"outlet": "Daily Planet"}))
    _write(root / "2016-10-02-one.txt", "One\nText one.")
    _write(root / "two.txt", "Two\nText two.")
    _write(root / "two.meta.json", json.dumps({"outlet": "Globe", "published": "March 3, 2015"}))
    _write(root / "desk" / "meta.json", json.dumps({"outlet": "Evening Star", "published": "2016-01-01"}))
    _write(root / "desk" / "three.txt", "Three\nText three.")
    _write(root / "desk" / "night" / "four.txt", "Four\nText four.")
    _write(tmp_path / "loose.txt", "Loose\nText.")
    found = _read(root, tmp_path / "loose.txt", outlet="Wire Service", published="2017-05-05")
    assert (found["2016-10-02-one.txt"].outlet, found["2016-10-02-one.txt"].published) == ("Daily Planet", "2017-05-05")
    assert (found["two.txt"].outlet, found["two.txt"].published) == ("Globe", "2015-03-03")  # its sidecar
    assert (found["three.txt"].outlet, found["three.txt"].published) == ("Evening Star", "2016-01-01")  # nearer
    assert (found["four.txt"].outlet, found["four.txt"].published) == ("Evening Star", "2016-01-01")  # below it
    assert (found["loose.txt"].outlet, found["loose.txt"].published) == ("Wire Service", "2017-05-05")  # the run's
    assert _read(root / "2016-10-02-one.txt")["2016-10-02-one.txt"].published == "2016-10-02"  # the name's day


def test_a_bad_folder_meta_json_is_reported_once_and_the_articles_are_read(tmp_path: Path):
    root = tmp_path / "corpus"
    _write(root / "meta.json", "{not json")
    _write(root / "a.txt", "A\nText a.")
    _write(root / "b.txt", "B\nText b.")
    items = list(read_inputs([root], max_chars=100_000))
    skipped = [i for i in items if isinstance(i, SkippedInput)]
    assert [Path(s.path).name for s in skipped] == ["meta.json"] and "JSON" in skipped[0].reason
    assert sorted(Path(i.path).name for i in items if isinstance(i, Article)) == ["a.txt", "b.txt"]
    _write(root / "meta.json", json.dumps({"colour": "red"}))
    [bad] = [i for i in read_inputs([root], max_chars=100_000) if isinstance(i, SkippedInput)]
    assert "unknown key 'colour'" in bad.reason
