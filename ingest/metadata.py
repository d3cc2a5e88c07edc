"""Where an article's outlet and date come from when the article itself does not say.

In order, the first that says wins:
1. the article's own metadata: its `NAME.meta.json` sidecar, its JSONL fields, its HTML page;
2. a folder's `meta.json` (the nearest one above the file, up to the folder the run was given);
3. the run's own (`newsgraph ingest --outlet NAME --published DATE`);
4. the text and the file: a wire dateline ("WASHINGTON (AP) —", "(Reuters) -") names the
   outlet, a date in the file name ("2016-10-02-story.txt", "story_20161002.html") the day.

Dates are kept as YYYY-MM-DD where they can be read as one ("October 2, 2016", an ISO time).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ..model.records import Article
from .decoding import InputError

FOLDER_META = "meta.json"
FOLDER_KEYS = ("outlet", "author", "published")  # what a folder can say of every article below it

_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w.'\u2019-]*(?:[ ,]+[A-Z][\w.'\u2019-]*){0,4}[ ,]*)?"  # WASHINGTON, Paris, France
    r"\((?P<agency>[^()\n]{2,40})\)\s*[-\u2014\u2013:]"  # (AP) —
)
_DATELINE_LINES = 3  # a dateline opens one of the body's first lines (a byline may come first)


def read_folder_meta(path: Path) -> dict[str, str]:
    """The metadata a folder's `meta.json` gives every article below it."""
    where = f"{path}"
    try:
        record = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{where}: not a readable JSON file ({type(exc).__name__})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    unknown = sorted(set(record) - set(FOLDER_KEYS))
    if unknown:
        raise InputError(f"{where}: unknown key '{unknown[0]}' (expected {', '.join(FOLDER_KEYS)})")
    bad = [k for k, v in record.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise InputError(f"{where}: '{bad[0]}' must be a string")
    return {k: v.strip() for k, v in record.items() if isinstance(v, str) and v.strip()}


def inherit(article: Article, metadata: Mapping[str, str]) -> Article:
    """`article` with the `metadata` it does not have of its own."""
    missing = {k: v for k, v in metadata.items() if getattr(article, k) is None}
    return article.model_copy(update=missing) if missing else article


def with_file_date(article: Article, path: Path) -> Article:
    """The day in the file name, for an article that has no date; every date as YYYY-MM-DD."""
    if article.published is None:
        found = date_in_name(path.name)
        return article.model_copy(update={"published": found}) if found else article
    normal = iso_date(article.published)
    return article.model_copy(update={"published": normal}) if normal and normal != article.published else article


def date_in_name(name: str) -> str | None:
    """ "2016-10-02-debate.txt", "debate_20161002.html" -> "2016-10-02" (a real day only)."""
    for match in _NAME_DATE.finditer(name):
        try:
            return date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            continue
    return None


def iso_date(text: str) -> str | None:
    """A date as YYYY-MM-DD: "2016-10-02T08:00:00Z", "October 2, 2016", "2 Oct 2016" (None: no date)."""
    text = text.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    if not re.search(r"\d{4}", text):
        return None  # "Tuesday", "yesterday": no year, no day to keep
    from dateutil import parser as dateparser  # here: loaded only for a date not written as ISO

    try:
        return dateparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None


def dateline_agency(text: str, body_start: int) -> str | None:
    """The agency a wire dateline at the start of the body names: "LONDON (Reuters) -" -> "Reuters"."""
    lines = [line for line in text[body_start : body_start + 2000].split("\n") if line.strip()]
    for line in lines[:_DATELINE_LINES]:
        match = _DATELINE.match(line)
        if match:
            return match.group("agency").strip()
    return None
