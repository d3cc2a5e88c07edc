"""Boilerplate lines (captions, credits, social footers, prompts, promos, repeats) and masking."""

from __future__ import annotations

import pytest
from newsgraph.ingest.boilerplate import (
    BoilerplateSpan,
    find_boilerplate,
    load_rules,
    mask_text,
)

# (line, rule id that must claim it): at least one per rule in data/boilerplate.jsonl
POSITIVE = [
    ("Protesters march in Caracas. (AP Photo/Ariana Cubillos)", "credit.agency_photo_parenthesis"),
    ("Photo: Reuters", "credit.labelled"),
    ("Image credit: NASA", "credit.labelled"),
    ("PHOTOS | John Smith", "credit.labelled"),
    ("Credit: AP", "credit.labelled"),
    ("▲ Photograph: Jane Doe/Reuters", "credit.labelled"),
    ("Illustration: Jane Doe", "credit.labelled"),
    ("Protesters march in Caracas (Photo: Jane Doe)", "credit.trailing_parenthesis"),
    ("A man waves a flag (credit: AFP)", "credit.trailing_parenthesis"),
    ("AFP via Getty Images", "credit.agency_slash_photographer"),
    ("Reuters/Carlos Barria", "credit.agency_slash_photographer"),
    ("AP / Evan Vucci", "credit.agency_slash_photographer"),
    ("Evan Vucci/AP", "credit.photographer_slash_agency"),
    ("Jim Watson / AFP", "credit.photographer_slash_agency"),
    ("John Moore/Getty Images", "credit.photographer_slash_agency"),
    ("A protester in Caracas. Photograph: Getty Images", "credit.getty"),
    ("Supporters cheer in Miami. AP Photo/Lynne", "credit.getty"),
    ("Follow us on Twitter", "social.follow"),
    ("Follow Jane Doe on Twitter @janedoe", "social.follow"),
    ("Please like us on Facebook.", "social.follow"),
    ("Find us on Instagram", "social.follow"),
    ('<blockquote class="twitter-tweet">', "social.embedded_post"),
    ("— Jane Doe (@janedoe) March 5, 2024", "social.embedded_post"),
    ("Having trouble commenting? Contact us", "comments.prompt"),
    ("Leave a comment", "comments.prompt"),
    ("Comments are closed.", "comments.prompt"),
    ("Join the conversation", "comments.prompt"),
    ("What do you think? Let us know in the comments", "comments.prompt"),
    ("Tell us in the comments section below.", "comments.prompt"),
    ("Read more: Minister resigns", "promo.read_more"),
    ("Click here to subscribe", "promo.read_more"),
    ("Continue reading", "promo.read_more"),
    ("Related: Another story", "promo.read_more"),
    ("More on this story", "promo.read_more"),
    ("Watch:", "promo.read_more"),
    ("Advertisement", "promo.read_more"),
    ("Sponsored content", "promo.read_more"),
    ("Sign up for our daily newsletter", "promo.subscribe"),
    ("Subscribe now to our podcast", "promo.subscribe"),
    ("Subscribe to the Morning Brief updates", "promo.subscribe"),
    ("© 2024 Daily Planet", "meta.copyright"),
    ("Copyright 2024 The Associated Press.", "meta.copyright"),
    ("(c) 2023 Globe", "meta.copyright"),
    ("Daily Planet 2024. All rights reserved.", "meta.copyright"),
    ("This story has been updated", "meta.update_note"),
    ("This article was corrected on May 5.", "meta.update_note"),
    ("Update: the minister resigned", "meta.update_note"),
    ("Correction: an earlier version misstated the date.", "meta.update_note"),
    ("Editor's note: this is an opinion piece.", "meta.update_note"),
    ("Reporting by Jane Doe; Editing by John Roe", "meta.contributing"),
    ("Additional reporting by Jane Doe in Caracas.", "meta.contributing"),
    ("Contributing: Jane Doe", "meta.contributing"),
]

# ordinary news sentences no rule may claim
NEGATIVE = [
    "Officials said the photo was taken in May.",
    "He will follow the rules on Twitter policy, she said.",
    "The minister met his counterpart in Caracas on Tuesday.",
    "Sources said the deal was close.",
    "The photo, which went viral on Twitter, showed the minister asleep.",
    "Photographs show damage to the hospital.",
    "Reuters reported that talks had stalled.",
    "AP reporters were barred from the briefing.",
    "Follow-up talks are planned for June.",
    "Readers may find the report on the ministry's website.",
    "Likely voters on Facebook were targeted by the campaign.",
    "The spokesman declined to comment.",
    "Comment was not immediately available.",
    "Commenting on the decision, she said it was unfair.",
    "Reading the report, one sees a pattern.",
    "Related companies were also fined.",
    "Watchdogs criticised the move.",
    "Advertisement revenue fell 10 percent.",
    "Subscribers to the newsletter received the leaked memo.",
    "Copyrighted material was removed from the site.",
    "The rights of all citizens were reserved in the constitution.",
    "Updates to the software are expected next week.",
    "Update your software now, officials urged.",
    "This story began in 2019 when the company was founded.",
    "Reporting from the border has been restricted.",
    "Editing software was used to alter the image.",
]


def _rule_ids(text: str, **kw) -> list[str]:
    return [s.rule for s in find_boilerplate(text, **kw)]


def test_rules_load_with_unique_ids():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) >= 13
    assert all(r.kind for r in rules)


# Rules that mask only the start of a line: (line, masked prefix, rule)
PREFIX_POSITIVE = [
    ("LONDON (AP) — Donald Trump said he was unlikely to get along.", "LONDON (AP) — ", "meta.dateline"),
    ("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON — ", "meta.dateline"),
    ("NEW YORK, N.Y. — Officials met.", "NEW YORK, N.Y. — ", "meta.dateline"),
]


# Rules that mask only the matched pieces of a line: (line, masked pieces, rule)
MATCHES_POSITIVE = [
    ('<tweet author="JebBush" tweet_id="1">We can fix this. pic.twitter.com/abc123</tweet>',
     ['<tweet author="JebBush" tweet_id="1">', "pic.twitter.com/abc123", "</tweet>"], "social.embedded_post_markup"),
]


def test_every_rule_has_a_positive_example():
    examples = {rule for _, rule in POSITIVE} | {rule for _, _, rule in PREFIX_POSITIVE}
    examples |= {rule for _, _, rule in MATCHES_POSITIVE}
    assert examples == {r.id for r in load_rules()}


@pytest.mark.parametrize(("line", "pieces", "rule"), MATCHES_POSITIVE)
def test_markup_rules_mask_only_the_markup(line, pieces, rule):
    spans = find_boilerplate(line)
    assert [line[s.start : s.end] for s in spans] == pieces and {s.rule for s in spans} == {rule}
    assert "We can fix this." in mask_text(line, spans)


@pytest.mark.parametrize(("line", "prefix", "rule"), PREFIX_POSITIVE)
def test_prefix_rules_mask_only_the_start_of_the_line(line, prefix, rule):
    [span] = find_boilerplate("Title\n" + line, body_start=6)
    assert ((span.start - 6, span.end - 6), span.rule) == ((0, len(prefix)), rule)


@pytest.mark.parametrize("line", ["US officials said so.", "I — for one — disagree."])
def test_ordinary_lines_have_no_dateline(line):
    assert [s for s in find_boilerplate(line) if s.rule == "meta.dateline"] == []


def test_a_dateline_only_opens_the_first_paragraph():
    text = "Title\nWASHINGTON — The Senate voted.\n\nNATO — the alliance — met."
    assert [text[s.start : s.end] for s in find_boilerplate(text, body_start=6)] == ["WASHINGTON — "]


@pytest.mark.parametrize(("line", "rule"), POSITIVE)
def test_positive_examples(line, rule):
    spans = find_boilerplate(line)
    assert [(s.start, s.end, s.rule) for s in spans] == [(0, len(line), rule)]
    kinds = {r.id: r.kind for r in load_rules()}
    assert spans[0].kind == kinds[rule]


@pytest.mark.parametrize("line", NEGATIVE)
def test_negative_examples(line):
    assert find_boilerplate(line) == []


# Ordinary sentences that once matched a rule; each stays a regression case.
FORMER_FALSE_POSITIVES = [
    "Like many people on Facebook, Smith shared the video.",
    "Getty Images agreed to merge with Shutterstock.",
    "Copyright lawsuits against AI companies have multiplied this year.",
    "Contributing to the decline were higher interest rates.",
    "Read more broadly, the ruling limits federal power.",
    "Reuters/Ipsos polling shows support slipping among independents.",
]


@pytest.mark.parametrize("line", FORMER_FALSE_POSITIVES)
def test_ordinary_sentences_are_not_boilerplate(line):
    assert find_boilerplate(line) == []


def test_ap_photo_credit_with_full_name():
    assert _rule_ids("Protesters march in Caracas. (AP Photo/Ariana Cubillos)") != []


def test_editors_note_with_curly_apostrophe():
    assert _rule_ids("Editor’s note: this is an opinion piece.") == ["meta.update_note"]


def test_whitespace_runs_and_nbsp_are_one_space():
    text = "Follow X on\u00a0Twitter."
    assert [(s.start, s.end, s.kind, s.rule) for s in find_boilerplate(text)] == [
        (0, len(text), "social_footer", "social.follow")]
    assert _rule_ids("Sign  up\tfor our daily\u00a0newsletter") == ["promo.subscribe"]


def test_span_offsets_index_the_original_text():
    text = "Title line\n\nThe minister resigned on Tuesday.\n  Follow us on Twitter  \nShe left.\n"
    spans = find_boilerplate(text, body_start=10)
    [span] = spans
    assert text[span.start:span.end] == "  Follow us on Twitter  "
    assert span == BoilerplateSpan(span.start, span.end, "social_footer", "social.follow")


# ---- captions above credits --------------------------------------------------------------------


def test_unpunctuated_line_directly_above_a_credit_is_a_caption():
    text = "The minister resigned.\nProtesters gather outside parliament in Caracas\nPhoto: Reuters\nHe left."
    spans = find_boilerplate(text)
    assert [(text[s.start:s.end], s.kind, s.rule) for s in spans] == [
        ("Protesters gather outside parliament in Caracas", "caption", "caption.above_credit"),
        ("Photo: Reuters", "credit", "credit.labelled"),
    ]


def test_caption_above_a_slash_credit():
    text = "Supporters wave flags at the rally in Miami\nEvan Vucci/AP\n"
    assert _rule_ids(text) == ["caption.above_credit", "credit.photographer_slash_agency"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned on Tuesday.\nPhoto: Reuters",  # punctuated: a sentence, not a caption
        "He said: “We will not go back.”\nPhoto: Reuters",
        "Protesters gather outside parliament\n\nPhoto: Reuters",  # a blank line apart
        "Protesters gather outside parliament\nFollow us on Twitter",  # not a credit
        "Protesters gather outside parliament\nSupporters cheer (Photo: Jane Doe)",  # kind caption, not credit
    ],
)
def test_no_caption_without_an_adjacent_credit(text):
    assert "caption.above_credit" not in _rule_ids(text)


def test_title_is_never_taken_for_a_caption():
    text = "Headline without a period\nPhoto: Reuters\nBody text."
    title_end = len("Headline without a period")
    assert _rule_ids(text, body_start=title_end) == ["credit.labelled"]
    # without body_start the headline looks like a caption
    assert _rule_ids(text) == ["caption.above_credit", "credit.labelled"]


def test_lines_before_body_start_are_not_searched():
    text = "Photo: Reuters\nBody text."
    assert find_boilerplate(text, body_start=len("Photo: Reuters")) == []


def test_blank_line_separates_caption_with_crlf_too():
    lf = "Protests spread to the capital\n\nPhoto: Reuters\n"
    assert _rule_ids(lf) == ["credit.labelled"]
    assert _rule_ids(lf.replace("\n", "\r\n")) == ["credit.labelled"]


# ---- repeated lines --------------------------------------------------------------------------


def test_repeated_line_is_flagged_once_the_second_time():
    line = "Protesters gather outside parliament in Caracas on Tuesday"
    text = f"{line}.\nThe minister resigned.\n{line}.\nThe minister resigned.\n"
    spans = find_boilerplate(text)
    assert [(s.kind, s.rule) for s in spans] == [("duplicate", "duplicate.line")]
    second = text.index(line, 1)
    assert (spans[0].start, spans[0].end) == (second, second + len(line) + 1)


def test_every_later_repeat_is_flagged():
    line = "A long caption line that repeats, again and again."
    spans = find_boilerplate("\n".join([line] * 3))
    assert [s.start for s in spans] == [len(line) + 1, 2 * (len(line) + 1)]


def test_repeat_ignores_whitespace_differences():
    text = "Protesters gather outside parliament\nProtesters  gather\u00a0outside parliament  \n"
    assert _rule_ids(text) == ["duplicate.line"]


def test_short_repeated_lines_are_kept():
    text = "He said no.\nShe said yes.\nHe said no.\n"  # under 25 characters
    assert find_boilerplate(text) == []


# ---- masking ---------------------------------------------------------------------------------


def test_mask_text_blanks_only_the_spans_and_keeps_length_and_newlines():
    text = "Body one.\nPhoto: Reuters\nBody two.\nFollow us on Twitter\n"
    spans = find_boilerplate(text)
    assert len(spans) == 2
    masked = mask_text(text, spans)
    assert len(masked) == len(text)
    assert masked == "Body one.\n" + " " * 14 + "\nBody two.\n" + " " * 20 + "\n"
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_mask_text_keeps_newlines_inside_a_span():
    text = "ab\ncd\nef"
    assert mask_text(text, [BoilerplateSpan(1, 5, "promo", "x")]) == "a \n  \nef"


def test_mask_text_without_spans_returns_the_text():
    text = "Nothing to mask.\n"
    assert mask_text(text, []) is text


def test_clean_article_has_no_boilerplate():
    text = "Leaders meet in Geneva\n\nThe two leaders met on Tuesday.\n\nThey agreed to talk again.\n"
    assert find_boilerplate(text, body_start=len("Leaders meet in Geneva")) == []
