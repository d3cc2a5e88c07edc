"""Find boilerplate lines (photo captions and credits, social footers, comment
prompts, promos, repeated lines) and mask them out of the text.

Rules are data (`data/boilerplate.jsonl`). Masking replaces boilerplate
characters with spaces, so every offset into the masked text is an offset into
the original: nothing downstream can read a caption, and evidence offsets still
index the article exactly as decoded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_MIN_DUPLICATE_CHARS = 25
_WHITESPACE = re.compile(r"\s+")  # rules see one plain space for any run (NBSP included)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class BoilerplateRule:
    id: str
    kind: str
    pattern: re.Pattern[str]
    scope: str = "line"  # "line"; "prefix": the start of the body's first line ("LONDON (AP) — ");
    # "matches": only the matched pieces of any line (markup around an embedded post's words)


@dataclass(frozen=True)
class BoilerplateSpan:
    start: int
    end: int
    kind: str
    rule: str


@lru_cache(maxsize=1)
def load_rules() -> tuple[BoilerplateRule, ...]:
    text = resources.files("newsgraph.ingest").joinpath("data/boilerplate.jsonl").read_text("utf-8")
    rules = []
    for raw in text.splitlines():
        if raw.strip():
            row = json.loads(raw)
            flags = re.IGNORECASE if "i" in row["flags"] else 0
            rules.append(BoilerplateRule(row["id"], row["kind"], re.compile(row["pattern"], flags), row.get("scope", "line")))
    return tuple(rules)


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line from `start`, end excluding the newline."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        if match.group().strip():
            a, b = match.span()
            spans.append((start + a, start + b))
    return spans


def find_boilerplate(
    text: str, *, body_start: int = 0, rules: tuple[BoilerplateRule, ...] | None = None
) -> list[BoilerplateSpan]:
    """Boilerplate line spans in `text`, searching from `body_start` (after the title).

    A line is boilerplate when a rule matches it, when it repeats an earlier line
    (duplicated captions), or when it is an unpunctuated line directly above a
    credit line (the caption the credit belongs to).
    """
    rules = load_rules() if rules is None else rules
    lines = _lines(text, body_start)
    found: dict[int, BoilerplateSpan] = {}
    pieces: list[BoilerplateSpan] = []
    seen: set[str] = set()
    for index, (start, end) in enumerate(lines):
        line = _WHITESPACE.sub(" ", text[start:end]).translate(_APOSTROPHES).strip()
        for rule in rules:
            if rule.scope == "matches":
                pieces += [BoilerplateSpan(start + m.start(), start + m.end(), rule.kind, rule.id)
                           for m in rule.pattern.finditer(text[start:end])]
            elif rule.scope == "prefix":
                if index > 0:
                    continue  # a dateline opens the article's first paragraph only
                match = rule.pattern.match(text[start:end])  # offsets into the raw line
                if match:
                    found[index] = BoilerplateSpan(start, start + match.end(), rule.kind, rule.id)
                    break
            elif rule.pattern.search(line):
                found[index] = BoilerplateSpan(start, end, rule.kind, rule.id)
                break
        else:
            if len(line) >= _MIN_DUPLICATE_CHARS and line in seen:
                found[index] = BoilerplateSpan(start, end, "duplicate", "duplicate.line")
        seen.add(line)
    for index, span in sorted(found.items()):
        previous = index - 1
        if span.kind == "credit" and previous >= 0 and previous not in found:
            start, end = lines[previous]
            adjacent = not _BLANK_LINE.search(text[end : span.start])
            if adjacent and not _TERMINAL.search(text[start:end]):
                found[previous] = BoilerplateSpan(start, end, "caption", "caption.above_credit")
    whole = [found[i] for i in sorted(found)]
    inside_whole = [p for p in pieces if not any(w.start <= p.start and p.end <= w.end for w in whole)]
    return sorted(whole + inside_whole, key=lambda span: span.start)


def mask_text(text: str, spans: list[BoilerplateSpan]) -> str:
    """Replace each span's characters with spaces, keeping newlines and length."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
