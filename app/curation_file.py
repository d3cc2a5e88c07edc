"""The corrections file, `NEWSGRAPH_HOME/curation.jsonl`: one correction per line, in the order
made, readable and versionable (put it under git, copy it to another home).

Read whole at every assembly; a line that is not a correction stops the run with the file and
line named (corrections are never skipped silently). Written whole, through a temporary file.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..model.curation import Correction, Curation, EdgeAction
from ..views.files import write_text_atomic

CURATION_FILE = "curation.jsonl"
_ONE = TypeAdapter(Correction)
ACTIONS = ("merge", "split", "alias", "type", *(a.value for a in EdgeAction))


class CurationFileError(Exception):
    """The corrections file cannot be read or written; the message names it and why."""


def curation_path(home: Path) -> Path:
    return home / CURATION_FILE


def load_curation(home: Path) -> Curation:
    """Every correction in `home`'s file (none when there is no file)."""
    path = curation_path(home)
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return Curation()
    except OSError as exc:
        raise CurationFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CurationFileError(f"{path}: not UTF-8 text") from None
    corrections = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            action = record.get("action") if isinstance(record, dict) else None
            if action not in ACTIONS:
                raise CurationFileError(f"{path}: line {number}: unknown action {action!r} "
                                        f"(expected {', '.join(ACTIONS)})")
            corrections.append(_ONE.validate_python(record))
        except json.JSONDecodeError as exc:
            raise CurationFileError(f"{path}: line {number} is not JSON ({exc.msg})") from None
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"]) or "the line"
            raise CurationFileError(f"{path}: line {number}: {where}: {problem['msg']}") from None
    return Curation(corrections=tuple(corrections))


def add_correction(home: Path, correction: Correction) -> Curation:
    """`home`'s corrections with `correction` last (stamped with the time), written."""
    stamped = correction if correction.at else correction.model_copy(
        update={"at": datetime.now(UTC).isoformat(timespec="seconds")})
    curation = Curation(corrections=(*load_curation(home).corrections, stamped))
    _write(home, curation)
    return curation


def remove_correction(home: Path, number: int) -> tuple[Curation, Correction]:
    """`home`'s corrections without the `number`-th (from 1, as `curate list` numbers them)."""
    corrections = list(load_curation(home).corrections)
    if not 1 <= number <= len(corrections):
        raise CurationFileError(f"{curation_path(home)}: there is no correction {number} "
                                f"(it holds {len(corrections)})")
    removed = corrections.pop(number - 1)
    curation = Curation(corrections=tuple(corrections))
    _write(home, curation)
    return curation, removed


def _write(home: Path, curation: Curation) -> None:
    path = curation_path(home)
    lines = "".join(json.dumps({"action": str(c.action), **c.model_dump(mode="json", exclude_none=True)},
                               ensure_ascii=False) + "\n" for c in curation.corrections)
    try:
        home.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, lines)
    except OSError as exc:
        raise CurationFileError(f"{path}: cannot be written ({exc.strerror or exc})") from None
