"""score_quotes: PolNeAR content matching by overlap and speaker accuracy, on hand-built records."""

from __future__ import annotations

from newsgraph.app.evaluation.polnear import GoldArticle, GoldAttribution
from newsgraph.app.evaluation.quote_scoring import is_direct, lower_case_words, named_source, score_quotes
from newsgraph.model.graph import ArticleNode, EntityType
from newsgraph.model.records import (
    Article,
    ArticleExtraction,
    EntityRecord,
    QuoteRecord,
    Span,
)

TEXT = 'Senator Obama, who spoke first, said: "We will win." Reporters left. "Taxes rise," Mr Reid said.'


def _span(text: str, *, after: int = 0) -> Span:
    start = TEXT.index(text, after)
    return Span(start=start, end=start + len(text), text=text)


def _ranges(span: Span) -> tuple[tuple[int, int], ...]:
    return ((span.start, span.end),)


def _extraction(quotes: list[QuoteRecord]) -> ArticleExtraction:
    obama = EntityRecord(id="obama", name="Obama", type=EntityType.PERSON, kind="name", mentions=(_span("Obama"),))
    reid = EntityRecord(id="reid", name="Reid", type=EntityType.PERSON, kind="name", mentions=(_span("Reid"),))
    return ArticleExtraction(
        article=ArticleNode(id="a", path="a.txt", title="t", chars=len(TEXT)),
        entities=(obama, reid), quotes=tuple(quotes), extractor="test",
    )


def _quote(content: str, speaker: str | None, mention: str | None) -> QuoteRecord:
    return QuoteRecord(speaker=speaker, speaker_mention=_span(mention) if mention else None,
                       content=_span(content), direct=True, rule="test")


def _score(gold: list[GoldAttribution], quotes: list[QuoteRecord]) -> dict[str, dict]:
    article = GoldArticle(article=Article(id="a", path="a.txt", text=TEXT, title="t"), attributions=tuple(gold))
    return {row["measure"]: row for row in score_quotes([(article, _extraction(quotes))], threshold=0.3)}


def _gold(source: str | None, content: str) -> GoldAttribution:
    """PolNeAR's content spans keep the quote marks: that is what makes a quote direct."""
    marked = _span(f'"{content}"')
    return GoldAttribution(source=_ranges(_span(source)) if source else (), cue=(), content=_ranges(marked))


def test_content_match_and_speaker_by_mention_or_entity():
    rows = _score(
        [_gold("Senator Obama", "We will win."), _gold("Mr Reid", "Taxes rise,")],
        [_quote("We will win.", "obama", "Obama"), _quote("Taxes rise,", "obama", "Obama")],
    )
    assert rows["direct quotes: content"]["counts"] == "2/2 pred, 2/2 gold"
    # Reid's quote given to Obama is wrong
    assert rows["direct quotes: speaker (matched, gold source given)"]["counts"] == "1/2"


def test_relative_pronoun_source_stands_for_its_antecedent():
    right = _score([_gold("who", "We will win.")], [_quote("We will win.", "obama", "Obama")])
    wrong = _score([_gold("who", "We will win.")], [_quote("We will win.", "reid", "Reid")])
    key = "direct quotes: speaker (matched, gold source given)"
    assert (right[key]["counts"], wrong[key]["counts"]) == ("1/1", "0/1")


def test_a_quote_overlapping_too_little_does_not_match():
    rows = _score([_gold("Mr Reid", "Taxes rise,")], [_quote("We will win.", "reid", "Reid")])
    assert rows["direct quotes: content"]["counts"] == "0/1 pred, 0/1 gold"


def test_content_in_two_apostrophes_is_direct():
    text = "''We will win,'' Mr Reid said. He won it."
    article = Article(id="a", path="a.txt", text=text, title="t")
    quoted = GoldAttribution(source=(), cue=(), content=((0, 16),))
    plain = GoldAttribution(source=(), cue=(), content=((34, 41),))
    assert [is_direct(article.text, a) for a in (quoted, plain)] == [True, False]


def test_a_quote_in_two_parts_matches_gold_split_in_two():
    first, second = _span("We will win."), _span("Taxes rise,")
    whole = Span(start=first.start, end=second.end, text=TEXT[first.start : second.end])
    quote = QuoteRecord(speaker="reid", speaker_mention=_span("Reid"), content=whole, content_parts=(first, second),
                        direct=True, rule="test")
    split = _score([_gold("Mr Reid", "We will win."), _gold("Mr Reid", "Taxes rise,")], [quote])
    assert split["direct quotes: content"]["counts"] == "1/1 pred, 2/2 gold"
    assert split["direct quotes: speaker (matched, gold source given)"]["counts"] == "2/2"
    # the words between the parts are not the quote's
    between = _score([GoldAttribution(source=(), cue=(), content=_ranges(_span("Reporters left.")))], [quote])
    assert between["all attributions: content"]["counts"] == "0/1 pred, 0/1 gold"


ENTITY_KEY = "direct quotes: speaker entity (matched, named gold source)"


def test_speaker_by_entity_needs_the_entity_named_at_the_source():
    # our speaker mention is Reid's name, but the entity we resolved it to is Obama's
    misresolved = QuoteRecord(speaker="obama", speaker_mention=_span("Reid"), content=_span("Taxes rise,"),
                              direct=True, rule="test")
    rows = _score([_gold("Mr Reid", "Taxes rise,")], [misresolved])
    assert rows["direct quotes: speaker (matched, gold source given)"]["counts"] == "1/1"  # the mention overlaps
    assert rows[ENTITY_KEY]["counts"] == "0/1"  # the entity does not
    right = _score([_gold("Mr Reid", "Taxes rise,")], [_quote("Taxes rise,", "reid", "Reid")])
    assert right[ENTITY_KEY]["counts"] == "1/1"


def test_speaker_by_entity_counts_named_sources_only():
    rows = _score([_gold("who", "We will win.")], [_quote("We will win.", "obama", "Obama")])
    assert rows[ENTITY_KEY]["counts"] == "0/0"


def test_a_capitalized_common_noun_opening_the_source_is_no_name():
    text = "Reporters said: \"Rain fell.\" The reporters left."
    lower = lower_case_words(text)
    assert not named_source(text, GoldAttribution(source=((0, 9),), cue=(), content=()), lower)
    named = "Okafor said: \"Rain fell.\""
    assert named_source(named, GoldAttribution(source=((0, 6),), cue=(), content=()), lower_case_words(named))
