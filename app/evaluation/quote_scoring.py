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
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model.records import ArticleExtraction, QuoteRecord
from .measures import PRF, Accuracy
from .polnear import GoldArticle, GoldAttribution
from .spans import chars, match, overlap

QUOTE_MARKS = frozenset('“”"«»„')
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_ANTECEDENT_CHARS = 150


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
    for gold, extraction in pairs:
        text = gold.article.text
        entity_spans = {e.id: {i for m in e.mentions for i in range(m.start, m.end)} for e in extraction.entities}
        mentions = [(m.start, m.end) for e in extraction.entities for m in e.mentions]
        gold_direct = [g for g in gold.attributions if is_direct(text, g)]
        for prf, accuracy, gold_items, predicted in (
            (direct, direct_speaker, gold_direct, [q for q in extraction.quotes if q.direct]),
            (everything, all_speaker, list(gold.attributions), list(extraction.quotes)),
        ):
            pairs_matched = _match_quotes(gold_items, predicted, threshold=threshold)
            prf.add(
                matched=len({id(q) for _, q in pairs_matched}), predicted=len(predicted), gold=len(gold_items),
                matched_gold=len(pairs_matched),
            )
            for g, q in pairs_matched:
                if g.source:
                    accuracy.add(_speaker_right(g, q, entity_spans, _antecedent(text, g, mentions)))
    return [direct.row(), direct_speaker.row(), everything.row(), all_speaker.row()]
