"""find_quote_spans: pairing quotation marks in plain text (no spaCy)."""

from __future__ import annotations

from newsgraph.ingest.components.quote_spans import find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quote_spans(text)]


def test_curly_quotes():
    text = "He said, “We will win.” Then he left."
    assert find_quote_spans(text) == [(10, 22)]
    assert quoted(text) == ["We will win."]


def test_straight_quotes():
    assert quoted('He said, "We will win." Then "we go" now.') == ["We will win.", "we go"]
    assert quoted('"Yes," he said.') == ["Yes,"]


def test_guillemets():
    assert quoted("«Bonjour», dit-il.") == ["Bonjour"]


def test_apostrophes_and_possessives_are_not_quote_marks():
    assert quoted("ThinkProgress’ Casey Michel wrote that the Times‘ sources lied.") == []
    assert quoted("ThinkProgress’ Casey Michel wrote: “It’s over.”") == ["It’s over."]
    assert quoted("The officers’ ‘plan’ failed, the Times‘ sources said.") == []


def test_two_apostrophes_are_a_double_quote_mark():
    assert quoted("''We may be seeing wage growth,'' the economist wrote.") == ["We may be seeing wage growth,"]
    assert quoted("They ''actually had chemistry,''  said Rhodes.") == ["actually had chemistry,"]
    # a single quote closing inside: `it,'''` is the inner mark, then the double one
    assert quoted("''I said, 'No daylight, ever,''' he recalled. It's Bob's.") == ["I said, 'No daylight, ever,"]
    assert quoted("''First paragraph.\n\n''Second paragraph,'' he said.") == ["First paragraph.\n\n''Second paragraph,"]


def test_inch_mark_is_not_an_opening_quote():
    assert quoted('The 12" record "is great" he said') == ["is great"]


def test_quote_continues_over_paragraphs_when_the_next_one_opens_with_a_mark():
    text = "“First paragraph.\n\n“Second paragraph,” he said."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    content = text[spans[0][0] : spans[0][1]]
    assert content.startswith("First paragraph.")
    assert content.endswith("Second paragraph,")


def test_straight_quote_continues_over_paragraphs():
    text = '"First paragraph.\n\n"Second paragraph," he said.'
    assert quoted(text) == ['First paragraph.\n\n"Second paragraph,']


def test_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_open_with_a_mark():
    assert quoted("“Open and never closed.\n\nNot a quote, he said.") == ["Open and never closed."]


def test_new_opening_mark_closes_an_unclosed_quote_in_the_same_paragraph():
    text = "“We will win, he said. “They will lose.”"
    # the first quote ends before the new mark, trailing space trimmed
    assert quoted(text) == ["We will win, he said.", "They will lose."]


def test_mis_typed_opening_mark_used_as_closing_mark():
    assert quoted("“We will win,“ he said.") == ["We will win,"]
    assert quoted("“We will win“. He left.") == ["We will win"]


def test_quotes_in_order_and_empty_quotes_dropped():
    assert quoted('He said “yes” and “no.” Then “ ” and "".') == ["yes", "no."]


def test_straight_quote_standing_alone_closes_the_open_quote():
    # after an inner single-quoted phrase the closing mark is spaced off: `,' " X said`
    text = "\"They say, 'Look, this matters,' \" Trevellian said. \"Nobody asks.\""
    assert quoted(text) == ["They say, 'Look, this matters,'", "Nobody asks."]
