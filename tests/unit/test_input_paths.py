"""The paths given to ingest: missing ones found before any work, unsupported files named."""

from __future__ import annotations

from pathlib import Path

from newsgraph.app.input_paths import describe_unsupported, missing_paths, unsupported_files


def test_missing_paths_but_a_dangling_link_exists(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    given = [tmp_path / "a.txt", tmp_path / "typo", tmp_path / "link.txt", tmp_path]
    assert missing_paths(given) == [tmp_path / "typo"]


def test_unsupported_files_leave_out_articles_sidecars_and_hidden_ones(tmp_path):
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    for name in ("a.txt", "b.HTML", "c.jsonl", "a.meta.json", "meta.json", ".notes.pdf", "sub/x.pdf", "sub/y.docx",
                 "sub/.hidden/z.pdf", "README", "other.json"):
        (tmp_path / name).write_bytes(b"x")
    found = unsupported_files([tmp_path, tmp_path / "a.txt"])
    assert found == [tmp_path / "README", tmp_path / "other.json", tmp_path / "sub" / "x.pdf",
                     tmp_path / "sub" / "y.docx"]
    assert unsupported_files([tmp_path / "sub" / "x.pdf"]) == []  # named on the command line: skipped with its reason


def test_the_summary_names_ten_and_counts_the_rest():
    files = [Path(f"in/{n}.pdf") for n in range(12)] + [Path("in/notes")]
    line = describe_unsupported(files)
    assert "13 files (.pdf 12, no suffix 1): in/0.pdf, in/1.pdf," in line and line.endswith("in/9.pdf and 3 more")
