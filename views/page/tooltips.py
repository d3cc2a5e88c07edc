"""Tooltips of the graph page: HTML-escaped text inside this module's own tags only.

Article text is untrusted: every name, title, sentence and quote goes through `esc`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ...model.graph import ArticleNode, EntityNode, NodeLabel, Relation

MAX_TOOLTIP_EVIDENCE = 8
_SENTENCE_CHARS = 400


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)

def shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"

def _fields(rows: Iterable[tuple[str, object]]) -> str:
    return "".join(f"<br>{esc(key)}: {esc(value)}" for key, value in rows if value not in (None, ""))

def entity_tooltip(entity: EntityNode, statements: int) -> str:
    """The entity's facts, and how many statements it made (the panel lists them: a click)."""
    return f"<b>{esc(entity.name)}</b>" + _fields(
        [
            ("Type", entity.type.value),
            ("Aliases", ", ".join(entity.aliases)),
            ("Mentions", entity.mention_count),
            ("Articles", entity.article_count),
            ("Statements", statements or None),
        ]
    ) + "<br><i>click for everything known about it</i>"

def article_tooltip(article: ArticleNode) -> str:
    return f"<b>{esc(article.title)}</b>" + _fields(
        [
            ("Type", NodeLabel.ARTICLE.value),
            ("Outlet", article.outlet),
            ("Author", article.author),
            ("Published", article.published),
            ("Path", article.path),
            ("URL", article.url),
        ]
    )

def relation_tooltip(
    rel: Relation, names: dict[str, str], articles: dict[str, ArticleNode]
) -> str:
    head = f"<b>{esc(names[rel.source])}</b> {esc(rel.type)} <b>{esc(names[rel.target])}</b>"
    outlets = ", ".join(rel.outlets) or "none"
    seen = " to ".join(dict.fromkeys(d for d in (rel.first_seen, rel.last_seen) if d))
    details = _fields([("Status", rel.status and rel.status.value),
                       ("Modality", rel.modality.value if rel.modality and rel.modality.value != "asserted" else None),
                       ("Corroboration", f"{rel.corroboration} outlet(s): {outlets}"),
                       ("Reported", seen),
                       ("Verified", "yes, checked by a person" if rel.verified else None)])
    items = "".join(_evidence_item(ev.sentence, ev.quote, ev.direct, articles.get(ev.article_id))
                    for ev in rel.evidence[:MAX_TOOLTIP_EVIDENCE])
    more = len(rel.evidence) - MAX_TOOLTIP_EVIDENCE
    tail = f"\u2026 and {more} more" if more > 0 else ""
    return f"{head}{details}<ol>{items}</ol>{tail}"

def _evidence_item(
    sentence: str, quote: str | None, direct: bool | None, article: ArticleNode | None
) -> str:
    text = esc(shorten(sentence, _SENTENCE_CHARS))
    if quote:
        kind = {True: "direct quote", False: "paraphrase", None: "quote"}[direct]
        text += f"<br><i>{kind}:</i> \u201c{esc(shorten(quote, _SENTENCE_CHARS))}\u201d"
    source = (
        f"{esc(article.title)} ({esc(article.outlet or 'unknown outlet')})"
        if article
        else "unknown article"
    )
    return f"<li>{text}<br><small>\u2014 {source}</small></li>"
