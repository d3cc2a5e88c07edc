"""Quote attribution against PolNeAR: content P/R/F1 by span overlap, speaker accuracy.

Direct quotes are gold attributions whose content is in quotation marks and
our quotes marked `direct`. A predicted and a gold content match when their
character overlap (intersection over union) reaches the threshold, one to one.
Our content is the characters of its parts (`"A," X said, "B"` is A and B,
not "X said"); a quote in several parts is matched as a whole first, then the
gold attributions left over may match its parts one by one (annotators split
such a quote into one attribution per part as often as they keep it whole).
A matched quote's speaker is right when our speaker mention, or any mention
of the entity we resolved it to, overlaps the gold Source span (so "he" ->
the right person counts, as does the name when gold marks the pronoun). A
gold Source that is a relative pronoun ("Obama, who said …") stands for its
antecedent: the mention ending closest before it in the same sentence.

That measure credits a speaker mention whatever entity it resolved to. A second one
checks the entity, where the gold Source is a name ("Sen. Ted Cruz", "Trump", "Chad Roe,
an expert at the Tax Institute"): the entity named there is the last of our named
entities (places aside) named in the Source's head (before a comma, a parenthesis, "of",
"at", "from"), and the quote's speaker must be that entity (a Source whose head we found
no name in counts as wrong).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model.graph import EntityType
from ...model.records import ArticleExtraction, QuoteRecord
from .measures import PRF, Accuracy
from .polnear import GoldArticle, GoldAttribution
from .spans import chars, match, overlap

QUOTE_MARKS = frozenset('“”"«»„')
UNNAMING_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_ANTECEDENT_CHARS = 150
_HEAD_END = re.compile(r",|\(| of | at | from ")


def is_direct(text: str, attribution: GoldAttribution) -> bool:
    """Content in quotation marks; the Times' texts in PolNeAR type them as two apostrophes."""
    return any(any(ch in QUOTE_MARKS for ch in text[a:b]) or "''" in text[a:b] for a, b in attribution.content)


def _antecedent(text: str, gold: GoldAttribution, mentions: list[tuple[int, int]]) -> set[int]:
    """The chars of the mention a relative-pronoun Source stands for; empty otherwise."""
    start, end = min(a for a, _ in gold.source), max(b for _, b in gold.source)
    if text[start:end].strip().lower() not in RELATIVE_PRONOUNS:
        return set()
    before = [(a, b) for a, b in mentions if start - _ANTECEDENT_CHARS <= b <= start]
    if not before:
        return set()
    a, b = max(before, key=lambda m: m[1])
    if any(mark in text[b:start] for mark in ".!?\n"):
        return set()
    return set(range(a, b))


def _speaker_right(
    gold: GoldAttribution, quote: QuoteRecord, entity_spans: dict[str, set[int]], antecedent: set[int]
) -> bool:
    source = chars(gold.source) | antecedent
    ours: set[int] = set()
    if quote.speaker_mention is not None:
        ours |= set(range(quote.speaker_mention.start, quote.speaker_mention.end))
    if quote.speaker is not None:
        ours |= entity_spans.get(quote.speaker, set())
    return bool(source & ours)


def named_source(text: str, gold: GoldAttribution, lower_words: frozenset[str]) -> bool:
    """A Source holding a name: a capitalized word that is no pronoun or article and, when it
    opens the Source, is not a word the article also writes in lower case ("Police said")."""
    words = [w.strip(".,'’\"“”()") for a, b in gold.source for w in text[a:b].split()]
    return any(
        w[:1].isupper() and w.isalpha() and w.lower() not in UNNAMING_WORDS and (i > 0 or w.lower() not in lower_words)
        for i, w in enumerate(words)
    )


def lower_case_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case."""
    return frozenset(re.findall(r"\b[a-z]+\b", text))


def named_entity_at(text: str, gold: GoldAttribution, entity_spans: dict[str, set[int]], named: set[str]) -> str | None:
    """The id of our named entity (not a place) that the Source is: the last one named in the
    Source's head, before its first comma, parenthesis or "of" / "at" / "from" ("Tax Institute
    analyst Chad Roe, a former aide" and "Chad Roe of the Tax Institute" are Chad Roe); None
    when the head names none."""
    start = min(a for a, _ in gold.source)
    end = start + len(_HEAD_END.split(text[start : max(b for _, b in gold.source)], maxsplit=1)[0])
    head = chars(gold.source) & set(range(start, end))
    last = {entity: max(head & spans) for entity, spans in entity_spans.items() if entity in named and head & spans}
    return max(last, key=lambda entity: (last[entity], entity)) if last else None


def _match_quotes(
    gold: list[GoldAttribution], predicted: list[QuoteRecord], *, threshold: float
) -> list[tuple[GoldAttribution, QuoteRecord]]:
    """Whole quotes first; then leftover gold against the parts of quotes in several parts."""
    whole = match(gold, predicted, lambda g, q: overlap(chars(g.content), _content_chars(q.content_parts or (q.content,))),
                  threshold=threshold)
    matched = {id(g) for g, _ in whole}
    parts = [(q, (part,)) for q in predicted if len(q.content_parts) > 1 for part in q.content_parts]
    by_part = match([g for g in gold if id(g) not in matched], parts,
                    lambda g, qp: overlap(chars(g.content), _content_chars(qp[1])), threshold=threshold)
    return whole + [(g, q) for g, (q, _) in by_part]


def _content_chars(parts) -> set[int]:
    return {i for p in parts for i in range(p.start, p.end)}


def score_quotes(pairs: Iterable[tuple[GoldArticle, ArticleExtraction]], *, threshold: float) -> list[dict]:
    direct, everything = PRF("direct quotes: content"), PRF("all attributions: content")
    direct_speaker = Accuracy("direct quotes: speaker (matched, gold source given)")
    all_speaker = Accuracy("all attributions: speaker (matched, gold source given)")
    direct_entity = Accuracy("direct quotes: speaker entity (matched, named gold source)")
    all_entity = Accuracy("all attributions: speaker entity (matched, named gold source)")
    for gold, extraction in pairs:
        text = gold.article.text
        entity_spans = {e.id: {i for m in e.mentions for i in range(m.start, m.end)} for e in extraction.entities}
        named = {e.id for e in extraction.entities if e.kind == "name" and e.type is not EntityType.LOCATION}
        mentions = [(m.start, m.end) for e in extraction.entities for m in e.mentions]
        lower_words = lower_case_words(text)
        gold_direct = [g for g in gold.attributions if is_direct(text, g)]
        for prf, accuracy, by_entity, gold_items, predicted in (
            (direct, direct_speaker, direct_entity, gold_direct, [q for q in extraction.quotes if q.direct]),
            (everything, all_speaker, all_entity, list(gold.attributions), list(extraction.quotes)),
        ):
            pairs_matched = _match_quotes(gold_items, predicted, threshold=threshold)
            prf.add(
                matched=len({id(q) for _, q in pairs_matched}), predicted=len(predicted), gold=len(gold_items),
                matched_gold=len(pairs_matched),
            )
            for g, q in pairs_matched:
                if g.source:
                    accuracy.add(_speaker_right(g, q, entity_spans, _antecedent(text, g, mentions)))
                if g.source and named_source(text, g, lower_words):
                    entity = named_entity_at(text, g, entity_spans, named)
                    by_entity.add(entity is not None and q.speaker == entity)
    return [direct.row(), direct_speaker.row(), direct_entity.row(), everything.row(), all_speaker.row(), all_entity.row()]
