"""newsgraph_quotes on hand-built Docs: direct quotes with speaker, cue and receiver,
continuations, scare quotes and indirect attributions."""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest

PUNCT = ("PUNCT", ".", "punct")
OPEN = ("“", "PUNCT", "``", "punct")
CLOSE = ("”", "PUNCT", "''", "punct")
COMMA = (",", "PUNCT", ",", "punct")
BREAK = ("\n\n", "SPACE", "_SP", "dep")


def _q(quotes: list[dict], content: str) -> dict:
    found = [q for q in quotes if q["content"] == content]
    assert len(found) == 1, f"no single quote {content!r} in {quotes}"
    return found[0]


# "We will win," (tokens 0-5: “ We will win , ”) with the reporting verb at `verb`
def _we_will_win(verb: int) -> list[tuple]:
    return [
        (*OPEN, verb),
        ("We", "PRON", "PRP", "nsubj", 3),
        ("will", "AUX", "MD", "aux", 3),
        ("win", "VERB", "VB", "ccomp", verb),
        (*COMMA, verb),
        (*CLOSE, verb),
    ]


def test_quote_then_speaker_then_said(ng):
    # “We will win,” Rubio said.
    doc = ng.run([
        *_we_will_win(7),
        ("Rubio", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 7, "say"),
        (".", *PUNCT, 7),
    ])
    assert ng.quotes(doc) == [{
        "content": "We will win,", "direct": True, "rule": "quote.verb_above",
        "speaker": "Rubio", "cue": "said", "receiver": None,
    }]
    quote = doc._.ng_quotes[0]
    assert doc.text[quote.speaker_span[0] : quote.speaker_span[1]] == "Rubio"


def test_speaker_said_colon_quote(ng):
    # Rubio said: “We will win.”
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        (":", *PUNCT, 1),
        (*OPEN, 1),
        ("We", "PRON", "PRP", "nsubj", 6),
        ("will", "AUX", "MD", "aux", 6),
        ("win", "VERB", "VB", "ccomp", 1),
        (".", *PUNCT, 6),
        (*CLOSE, 1),
    ])
    assert doc.text == "Rubio said: “We will win.”"
    assert ng.quotes(doc) == [{
        "content": "We will win.", "direct": True, "rule": "quote.verb_above",
        "speaker": "Rubio", "cue": "said", "receiver": None,
    }]


def test_quote_said_speaker(ng):
    # “We will win,” said Rubio.
    doc = ng.run([
        *_we_will_win(6),
        ("said", "VERB", "VBD", "ROOT", 6, "say"),
        ("Rubio", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
        (".", *PUNCT, 6),
    ])
    [quote] = ng.quotes(doc)
    assert (quote["speaker"], quote["cue"], quote["content"], quote["rule"]) == ("Rubio", "said", "We will win,", "quote.verb_above")


# “We will win,” said Rubio.   (the quote's verb is the root; "said" hangs from it)
_OTHER_WAY_ROUND = [
    (*OPEN, 3),
    ("We", "PRON", "PRP", "nsubj", 3),
    ("will", "AUX", "MD", "aux", 3),
    ("win", "VERB", "VB", "ROOT", 3),
    (*COMMA, 3),
    (*CLOSE, 3),
    ("said", "VERB", "VBD", "parataxis", 3, "say"),
    ("Rubio", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
    (".", *PUNCT, 3),
]


def test_quote_said_speaker_parsed_the_other_way_round(ng):
    doc = ng.run(_OTHER_WAY_ROUND)
    [quote] = ng.quotes(doc, direct=True)
    assert (quote["speaker"], quote["cue"], quote["content"]) == ("Rubio", "said", "We will win,")


def test_reporting_verb_hanging_from_the_quote_is_rule_verb_below(ng):
    doc = ng.run(_OTHER_WAY_ROUND)
    [quote] = ng.quotes(doc, direct=True)
    assert quote["rule"] == "quote.verb_below"


def test_told_reporters_that_y_quote_is_spoken_by_the_teller(ng):
    # Rubio told reporters that Maduro “will fall soon.”
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("told", "VERB", "VBD", "ROOT", 1, "tell"),
        ("reporters", "NOUN", "NNS", "dobj", 1, "reporter"),
        ("that", "SCONJ", "IN", "mark", 7),
        ("Maduro", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        (*OPEN, 7),
        ("will", "AUX", "MD", "aux", 7),
        ("fall", "VERB", "VB", "ccomp", 1),
        ("soon", "ADV", "RB", "advmod", 7),
        (".", *PUNCT, 7),
        (*CLOSE, 1),
    ])
    [quote] = ng.quotes(doc, direct=True)
    assert quote == {
        "content": "that Maduro “will fall soon.", "direct": True, "rule": "quote.verb_above",
        "speaker": "Rubio", "cue": "told", "receiver": None,
    }
    # the reported clause overlaps the direct quote: no second, indirect attribution
    assert ng.quotes(doc, direct=False) == []


def test_adding_quote_after_a_told_clause_inherits_the_speaker(ng):
    # Rubio told reporters that Maduro would fall, adding, “His time is up.”
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("told", "VERB", "VBD", "ROOT", 1, "tell"),
        ("reporters", "NOUN", "NNS", "dobj", 1, "reporter"),
        ("that", "SCONJ", "IN", "mark", 6),
        ("Maduro", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
        ("would", "AUX", "MD", "aux", 6),
        ("fall", "VERB", "VB", "ccomp", 1),
        (*COMMA, 1),
        ("adding", "VERB", "VBG", "advcl", 1, "add"),
        (*COMMA, 8),
        (*OPEN, 13),
        ("His", "PRON", "PRP$", "poss", 12, "his"),
        ("time", "NOUN", "NN", "nsubj", 13),
        ("is", "AUX", "VBZ", "ccomp", 8, "be"),
        ("up", "ADV", "RB", "advmod", 13),
        (".", *PUNCT, 13),
        (*CLOSE, 8),
    ])
    direct = _q(ng.quotes(doc), "His time is up.")
    assert (direct["speaker"], direct["cue"], direct["rule"]) == ("Rubio", "adding", "quote.verb_above")
    indirect = _q(ng.quotes(doc), "that Maduro would fall")
    assert (indirect["speaker"], indirect["cue"], indirect["rule"], indirect["direct"]) == ("Rubio", "told", "indirect.speech", False)


def test_quote_according_to_speaker(ng):
    # “The regime will fall,” according to Rubio.
    doc = ng.run([
        (*OPEN, 4),
        ("The", "DET", "DT", "det", 2),
        ("regime", "NOUN", "NN", "nsubj", 4),
        ("will", "AUX", "MD", "aux", 4),
        ("fall", "VERB", "VB", "ROOT", 4),
        (*COMMA, 4),
        (*CLOSE, 4),
        ("according", "VERB", "VBG", "prep", 4, "accord"),
        ("to", "ADP", "IN", "prep", 7),
        ("Rubio", "PROPN", "NNP", "pobj", 8, None, "B-PERSON"),
        (".", *PUNCT, 4),
    ])
    assert ng.quotes(doc) == [{
        "content": "The regime will fall,", "direct": True, "rule": "quote.according_to",
        "speaker": "Rubio", "cue": "according to", "receiver": None,
    }]


def test_indirect_according_to(ng):
    # According to Rubio, the regime will fall.
    doc = ng.run([
        ("According", "VERB", "VBG", "prep", 7, "accord"),
        ("to", "ADP", "IN", "prep", 0),
        ("Rubio", "PROPN", "NNP", "pobj", 1, None, "B-PERSON"),
        (*COMMA, 7),
        ("the", "DET", "DT", "det", 5),
        ("regime", "NOUN", "NN", "nsubj", 7),
        ("will", "AUX", "MD", "aux", 7),
        ("fall", "VERB", "VB", "ROOT", 7),
        (".", *PUNCT, 7),
    ])
    assert ng.quotes(doc) == [{
        "content": "the regime will fall", "direct": False, "rule": "indirect.according_to",
        "speaker": "Rubio", "cue": "According to", "receiver": None,
    }]


def test_according_to_ending_its_paragraph(ng):
    # The regime will fall, according to Rubio.\n\n   (the line break hangs on the clause)
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("regime", "NOUN", "NN", "nsubj", 3),
        ("will", "AUX", "MD", "aux", 3),
        ("fall", "VERB", "VB", "ROOT", 3),
        (*COMMA, 3),
        ("according", "VERB", "VBG", "prep", 3, "accord"),
        ("to", "ADP", "IN", "prep", 5),
        ("Rubio", "PROPN", "NNP", "pobj", 6, None, "B-PERSON"),
        (".", *PUNCT, 3),
        (*BREAK, 3),
    ])
    assert [(q["content"], q["speaker"], q["rule"]) for q in ng.quotes(doc)] == [
        ("The regime will fall", "Rubio", "indirect.according_to"),
    ]


def test_parenthetical_reporting_clause_splits_its_content(ng):
    # The regime, Rubio said, will fall.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("regime", "NOUN", "NN", "nsubj", 7),
        (*COMMA, 4),
        ("Rubio", "PROPN", "NNP", "nsubj", 4, None, "B-PERSON"),
        ("said", "VERB", "VBD", "parataxis", 7, "say"),
        (*COMMA, 4),
        ("will", "AUX", "MD", "aux", 7),
        ("fall", "VERB", "VB", "ROOT", 7),
        (".", *PUNCT, 7),
    ])
    [quote] = doc._.ng_quotes
    assert [doc.text[a:b] for a, b in quote.parts] == ["The regime", "will fall"]
    assert (quote.rule, doc._.ng_entities[quote.speaker_entity].name) == ("indirect.speech_parenthetical", "Rubio")


def test_name_and_colon_opening_a_line_is_a_source_up_to_the_line_end(ng):
    # Rubio: The regime will fall. It is over.\n\nOthers disagree.
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "ROOT", 0, None, "B-PERSON"),
        (":", "PUNCT", ":", "punct", 0),
        ("The", "DET", "DT", "det", 3),
        ("regime", "NOUN", "NN", "nsubj", 5),
        ("will", "AUX", "MD", "aux", 5),
        ("fall", "VERB", "VB", "appos", 0),
        (".", *PUNCT, 0),
        ("It", "PRON", "PRP", "nsubj", 8),
        ("is", "AUX", "VBZ", "ROOT", 8),
        ("over", "ADV", "RB", "advmod", 8),
        (".", *PUNCT, 8),
        (*BREAK, 8),
        ("Others", "NOUN", "NNS", "nsubj", 13),
        ("disagree", "VERB", "VBP", "ROOT", 13),
        (".", *PUNCT, 13),
    ])
    assert [(q["content"], q["speaker"]) for q in ng.quotes(doc) if q["rule"] == "indirect.colon_source"] == [
        ("The regime will fall. It is over", "Rubio"),
    ]


def test_agentless_expectation_is_a_view_with_no_speaker(ng):
    # The bank is expected to hold rates.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("bank", "NOUN", "NN", "nsubjpass", 3),
        ("is", "AUX", "VBZ", "auxpass", 3),
        ("expected", "VERB", "VBN", "ROOT", 3, "expect"),
        ("to", "PART", "TO", "aux", 5),
        ("hold", "VERB", "VB", "xcomp", 3),
        ("rates", "NOUN", "NNS", "dobj", 5, "rate"),
        (".", *PUNCT, 3),
    ])
    assert [(q["content"], q["speaker"], q["rule"]) for q in ng.quotes(doc)] == [
        ("The bank is expected to hold rates", None, "indirect.belief_agentless"),
    ]


def test_in_the_poll_attributes_the_clause_to_the_poll(ng):
    # Rubio is ahead in the polls.
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("is", "AUX", "VBZ", "ROOT", 1, "be"),
        ("ahead", "ADV", "RB", "advmod", 1),
        ("in", "ADP", "IN", "prep", 1),
        ("the", "DET", "DT", "det", 5),
        ("polls", "NOUN", "NNS", "pobj", 3, "poll"),
        (".", *PUNCT, 1),
    ])
    [quote] = doc._.ng_quotes
    assert (doc.text[quote.content[0] : quote.content[1]], quote.rule) == ("Rubio is ahead", "indirect.in_poll")
    assert doc.text[quote.speaker_span[0] : quote.speaker_span[1]] == "the polls"


def test_said_in_an_interview_with_an_outlet_gives_the_receiver(ng):
    # “We will win,” Rubio said in an interview with Univision.
    doc = ng.run([
        *_we_will_win(7),
        ("Rubio", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 7, "say"),
        ("in", "ADP", "IN", "prep", 7),
        ("an", "DET", "DT", "det", 10),
        ("interview", "NOUN", "NN", "pobj", 8),
        ("with", "ADP", "IN", "prep", 10),
        ("Univision", "PROPN", "NNP", "pobj", 11, None, "B-ORG"),
        (".", *PUNCT, 7),
    ], outlet="Reuters")
    [quote] = ng.quotes(doc)
    assert (quote["speaker"], quote["cue"], quote["receiver"]) == ("Rubio", "said", "Univision")


def test_told_an_outlet_gives_the_receiver(ng):
    # “We will win,” Rubio told the BBC.
    doc = ng.run([
        *_we_will_win(7),
        ("Rubio", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("told", "VERB", "VBD", "ROOT", 7, "tell"),
        ("the", "DET", "DT", "det", 9),
        ("BBC", "PROPN", "NNP", "dative", 7, None, "B-ORG"),
        (".", *PUNCT, 7),
    ], outlet="Reuters")
    assert ng.quotes(doc) == [{
        "content": "We will win,", "direct": True, "rule": "quote.verb_above",
        "speaker": "Rubio", "cue": "told", "receiver": "BBC",
    }]


def test_statement_to_the_times_gives_the_receiver(ng):
    # Rubio said in a statement to the Times: “We will win.”   (published by The New York Times)
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        ("in", "ADP", "IN", "prep", 1),
        ("a", "DET", "DT", "det", 4),
        ("statement", "NOUN", "NN", "pobj", 2),
        ("to", "ADP", "IN", "prep", 4),
        ("the", "DET", "DT", "det", 7),
        ("Times", "PROPN", "NNP", "pobj", 5, None, "B-ORG"),
        (":", *PUNCT, 1),
        (*OPEN, 1),
        ("We", "PRON", "PRP", "nsubj", 12),
        ("will", "AUX", "MD", "aux", 12),
        ("win", "VERB", "VB", "ccomp", 1),
        (".", *PUNCT, 12),
        (*CLOSE, 1),
    ], outlet="The New York Times")
    [quote] = ng.quotes(doc)
    assert (quote["content"], quote["speaker"], quote["cue"], quote["receiver"]) == (
        "We will win.", "Rubio", "said", "The New York Times",
    )


def test_speaker_who_spoke_with_the_times_gives_the_receiver(ng):
    # “We will win,” said Rubio, who spoke with the Times.   (published by Reuters)
    doc = ng.run([
        *_we_will_win(6),
        ("said", "VERB", "VBD", "ROOT", 6, "say"),
        ("Rubio", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
        (*COMMA, 7),
        ("who", "PRON", "WP", "nsubj", 10),
        ("spoke", "VERB", "VBD", "relcl", 7, "speak"),
        ("with", "ADP", "IN", "prep", 10),
        ("the", "DET", "DT", "det", 13),
        ("Times", "PROPN", "NNP", "pobj", 11, None, "B-ORG"),
        (".", *PUNCT, 6),
    ], outlet="Reuters")
    direct = ng.quotes(doc, direct=True)
    assert [(q["speaker"], q["cue"], q["receiver"]) for q in direct] == [("Rubio", "said", "The Times")]


def test_passive_were_told_gives_no_speaker(ng):
    # “You will be paid,” the soldiers were told.
    doc = ng.run([
        (*OPEN, 10),
        ("You", "PRON", "PRP", "nsubjpass", 4),
        ("will", "AUX", "MD", "aux", 4),
        ("be", "AUX", "VB", "auxpass", 4),
        ("paid", "VERB", "VBN", "ccomp", 10, "pay"),
        (*COMMA, 10),
        (*CLOSE, 10),
        ("the", "DET", "DT", "det", 8),
        ("soldiers", "NOUN", "NNS", "nsubjpass", 10, "soldier"),
        ("were", "AUX", "VBD", "auxpass", 10, "be"),
        ("told", "VERB", "VBN", "ROOT", 10, "tell"),
        (".", *PUNCT, 10),
    ], outlet="Reuters")
    [quote] = ng.quotes(doc)
    assert quote["content"] == "You will be paid,"
    assert quote["speaker"] is None
    assert doc._.ng_quotes[0].speaker_span is None
    assert ng.relations(doc) == []


def test_cueless_quote_in_next_paragraph_continues_the_previous_speaker(ng):
    # Rubio said: “We will win.”\n\n“The regime is finished.”
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        (":", *PUNCT, 1),
        (*OPEN, 1),
        ("We", "PRON", "PRP", "nsubj", 6),
        ("will", "AUX", "MD", "aux", 6),
        ("win", "VERB", "VB", "ccomp", 1),
        (".", *PUNCT, 6),
        (*CLOSE, 1),
        (*BREAK, 8),
        (*OPEN, 13),
        ("The", "DET", "DT", "det", 12),
        ("regime", "NOUN", "NN", "nsubj", 13),
        ("is", "AUX", "VBZ", "ROOT", 13, "be"),
        ("finished", "ADJ", "JJ", "acomp", 13),
        (".", *PUNCT, 13),
        (*CLOSE, 13),
    ])
    assert doc.text == "Rubio said: “We will win.”\n\n“The regime is finished.”"
    [quote] = ng.quotes(doc)  # one attribution in two parts, as annotators mark it
    assert [doc.text[a:b] for a, b in doc._.ng_quotes[0].parts] == ["We will win.", "The regime is finished."]
    assert (quote["speaker"], quote["rule"], quote["cue"]) == ("Rubio", "quote.verb_above", "said")


def test_cueless_quote_continues_a_quote_whose_cue_follows_it(ng):
    # “We will win,” Rubio said.\n\n“The regime is finished.”
    doc = ng.run([
        *_we_will_win(7),
        ("Rubio", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 7, "say"),
        (".", *PUNCT, 7),
        (*BREAK, 8),
        (*OPEN, 13),
        ("The", "DET", "DT", "det", 12),
        ("regime", "NOUN", "NN", "nsubj", 13),
        ("is", "AUX", "VBZ", "ROOT", 13, "be"),
        ("finished", "ADJ", "JJ", "acomp", 13),
        (".", *PUNCT, 13),
        (*CLOSE, 13),
    ])
    [quote] = ng.quotes(doc)
    [_, (start, end)] = doc._.ng_quotes[0].parts
    assert doc.text[start:end] == "The regime is finished."
    assert quote["speaker"] == "Rubio"


def test_cueless_quote_two_paragraphs_later_is_not_a_continuation(ng):
    # Rubio said: “We will win.”\n\nHe left.\n\n“The regime is finished for good.”
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        (":", *PUNCT, 1),
        (*OPEN, 1),
        ("We", "PRON", "PRP", "nsubj", 6),
        ("will", "AUX", "MD", "aux", 6),
        ("win", "VERB", "VB", "ccomp", 1),
        (".", *PUNCT, 6),
        (*CLOSE, 1),
        (*BREAK, 8),
        ("He", "PRON", "PRP", "nsubj", 11),
        ("left", "VERB", "VBD", "ROOT", 11, "leave"),
        (".", *PUNCT, 11),
        (*BREAK, 12),
        (*OPEN, 17),
        ("The", "DET", "DT", "det", 16),
        ("regime", "NOUN", "NN", "nsubj", 17),
        ("is", "AUX", "VBZ", "ROOT", 17, "be"),
        ("finished", "ADJ", "JJ", "acomp", 17),
        ("for", "ADP", "IN", "prep", 17),
        ("good", "ADJ", "JJ", "pobj", 19),
        (".", *PUNCT, 17),
        (*CLOSE, 17),
    ])
    second = _q(ng.quotes(doc), "The regime is finished for good.")
    assert (second["speaker"], second["rule"]) == (None, "quote.unattributed")


def test_scare_quoted_noun_phrase_is_not_a_quote(ng):
    # Rubio cited an unnamed “former commander” who claimed the regime would fall.
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("cited", "VERB", "VBD", "ROOT", 1, "cite"),
        ("an", "DET", "DT", "det", 6),
        ("unnamed", "ADJ", "JJ", "amod", 6),
        (*OPEN, 6),
        ("former", "ADJ", "JJ", "amod", 6),
        ("commander", "NOUN", "NN", "dobj", 1),
        (*CLOSE, 6),
        ("who", "PRON", "WP", "nsubj", 9),
        ("claimed", "VERB", "VBD", "relcl", 6, "claim"),
        ("the", "DET", "DT", "det", 11),
        ("regime", "NOUN", "NN", "nsubj", 13),
        ("would", "AUX", "MD", "aux", 13),
        ("fall", "VERB", "VB", "ccomp", 9),
        (".", *PUNCT, 1),
    ])
    # "cited" is a stance: an attribution as PolNeAR counts them, never Rubio's quoted words
    assert all(q["content"] != "former commander" for q in ng.quotes(doc))
    assert all(q.kind.value != "speech" for q in doc._.ng_quotes)


def test_trailing_reporting_clause_with_lost_subject_is_the_outlet(ng):
    # “Maduro will fall,” the New York Times reported Saturday.   ("Times" not parsed as the subject)
    doc = ng.run([
        (*OPEN, 10),
        ("Maduro", "PROPN", "NNP", "nsubj", 3, None, "B-PERSON"),
        ("will", "AUX", "MD", "aux", 3),
        ("fall", "VERB", "VB", "ccomp", 10),
        (*COMMA, 10),
        (*CLOSE, 10),
        ("the", "DET", "DT", "det", 9, None, "B-ORG"),
        ("New", "PROPN", "NNP", "compound", 8, None, "I-ORG"),
        ("York", "PROPN", "NNP", "compound", 9, None, "I-ORG"),
        ("Times", "PROPN", "NNP", "npadvmod", 10, None, "I-ORG"),
        ("reported", "VERB", "VBD", "ROOT", 10, "report"),
        ("Saturday", "PROPN", "NNP", "npadvmod", 10, None, "B-DATE"),
        (".", *PUNCT, 10),
    ], outlet="Reuters")
    [quote] = ng.quotes(doc)
    assert (quote["content"], quote["speaker"], quote["cue"], quote["rule"]) == (
        "Maduro will fall,", "The New York Times", "reported", "quote.verb_above",
    )


def test_name_with_an_age_between_quote_and_verb_parsed_as_a_conjunct(ng):
    # “We will win,” Okafor, 61, told Reuters.   (the parse: "told" a conjunct of "win", no subject)
    doc = ng.run([
        (*OPEN, 3),
        ("We", "PRON", "PRP", "nsubj", 3),
        ("will", "AUX", "MD", "aux", 3),
        ("win", "VERB", "VB", "ROOT", 3),
        (*COMMA, 3),
        (*CLOSE, 6),
        ("Okafor", "PROPN", "NNP", "conj", 3, None, "B-PERSON"),
        (*COMMA, 6),
        ("61", "NUM", "CD", "appos", 6, None, "B-DATE"),
        (*COMMA, 6),
        ("told", "VERB", "VBD", "conj", 3, "tell"),
        ("Reuters", "PROPN", "NNP", "dobj", 10, None, "B-ORG"),
        (".", *PUNCT, 3),
    ])
    quote = _q(ng.quotes(doc, direct=True), "We will win,")
    assert (quote["speaker"], quote["cue"], quote["rule"], quote["receiver"]) == (
        "Okafor", "told", "quote.verb_after", "Reuters",
    )


def test_verbless_quote_opening_its_sentence_with_an_inverted_cue_is_speech(ng):
    # “Budget recap,” tweeted Tobias Wren.   (the parse: "recap" the root, "tweeted" a modifier of the name)
    doc = ng.run([
        (*OPEN, 2),
        ("Budget", "PROPN", "NNP", "compound", 2),
        ("recap", "NOUN", "NN", "ROOT", 2),
        (*COMMA, 2),
        (*CLOSE, 7),
        ("tweeted", "VERB", "VBD", "amod", 7, "tweet"),
        ("Tobias", "PROPN", "NNP", "compound", 7, None, "B-PERSON"),
        ("Wren", "PROPN", "NNP", "appos", 2, None, "I-PERSON"),
        (".", *PUNCT, 2),
    ])
    assert [(q["content"], q["speaker"], q["rule"]) for q in ng.quotes(doc)] == [
        ("Budget recap,", "Tobias Wren", "quote.verb_after"),
    ]


def test_verbless_quote_inside_a_sentence_stays_a_scare_quote(ng):
    # Aides called it a “budget recap,” Tobias Wren said.
    doc = ng.run([
        ("Aides", "NOUN", "NNS", "nsubj", 1),
        ("called", "VERB", "VBD", "ccomp", 11, "call"),
        ("it", "PRON", "PRP", "dobj", 1),
        ("a", "DET", "DT", "det", 6),
        (*OPEN, 6),
        ("budget", "NOUN", "NN", "compound", 6),
        ("recap", "NOUN", "NN", "oprd", 1),
        (*COMMA, 11),
        (*CLOSE, 11),
        ("Tobias", "PROPN", "NNP", "compound", 10, None, "B-PERSON"),
        ("Wren", "PROPN", "NNP", "nsubj", 11, None, "I-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 11, "say"),
        (".", *PUNCT, 11),
    ])
    assert [q for q in ng.quotes(doc, direct=True) if q["content"].startswith("budget")] == []


def test_as_x_puts_it_is_a_cue(ng):
    # As Morrow puts it, “We will win.”
    doc = ng.run([
        ("As", "SCONJ", "IN", "mark", 2),
        ("Morrow", "PROPN", "NNP", "nsubj", 2, None, "B-PERSON"),
        ("puts", "VERB", "VBZ", "advcl", 8, "put"),
        ("it", "PRON", "PRP", "dobj", 2),
        (*COMMA, 8),
        (*OPEN, 8),
        ("We", "PRON", "PRP", "nsubj", 8),
        ("will", "AUX", "MD", "aux", 8),
        ("win", "VERB", "VB", "ROOT", 8),
        (".", *PUNCT, 8),
        (*CLOSE, 8),
    ])
    quote = _q(ng.quotes(doc, direct=True), "We will win.")
    assert (quote["speaker"], quote["cue"]) == ("Morrow", "puts")
    assert doc._.ng_quotes[0].kind.value == "speech"


def test_of_two_verbs_on_the_quote_the_nearest_is_its_cue(ng):
    # Asked by Whitfield, Quintero said, “We will win.”   (both verbs hung on the quote's root)
    doc = ng.run([
        ("Asked", "VERB", "VBN", "advcl", 10, "ask"),
        ("by", "ADP", "IN", "agent", 0),
        ("Whitfield", "PROPN", "NNP", "pobj", 1, None, "B-PERSON"),
        (*COMMA, 10),
        ("Quintero", "PROPN", "NNP", "nsubj", 5, None, "B-PERSON"),
        ("said", "VERB", "VBD", "parataxis", 10, "say"),
        (*COMMA, 10),
        (*OPEN, 10),
        ("We", "PRON", "PRP", "nsubj", 10),
        ("will", "AUX", "MD", "aux", 10),
        ("win", "VERB", "VB", "ROOT", 10),
        (".", *PUNCT, 10),
        (*CLOSE, 10),
    ])
    quote = _q(ng.quotes(doc, direct=True), "We will win.")
    assert (quote["speaker"], quote["cue"]) == ("Quintero", "said")


def test_speaker_described_by_a_relative_clause_the_parse_cut_from_its_verb(ng):
    # An official who spoke anonymously said, “We will win.”   ("official" hung on the adverb)
    doc = ng.run([
        ("An", "DET", "DT", "det", 1),
        ("official", "NOUN", "NN", "npadvmod", 5),
        ("who", "PRON", "WP", "nsubj", 3),
        ("spoke", "VERB", "VBD", "relcl", 1, "speak"),
        ("anonymously", "ADV", "RB", "advmod", 3),
        ("said", "VERB", "VBD", "ROOT", 5, "say"),
        (*COMMA, 5),
        (*OPEN, 10),
        ("We", "PRON", "PRP", "nsubj", 10),
        ("will", "AUX", "MD", "aux", 10),
        ("win", "VERB", "VB", "ccomp", 5),
        (".", *PUNCT, 5),
        (*CLOSE, 5),
    ])
    [quote] = doc._.ng_quotes
    assert doc.text[quote.speaker_span[0] : quote.speaker_span[1]] == "An official"


def test_a_quoted_title_is_not_a_quote(ng):
    # He praised the book titled “Long Road Home.”
    doc = ng.run([
        ("He", "PRON", "PRP", "nsubj", 1),
        ("praised", "VERB", "VBD", "ROOT", 1, "praise"),
        ("the", "DET", "DT", "det", 3),
        ("book", "NOUN", "NN", "dobj", 1),
        ("titled", "VERB", "VBN", "acl", 3, "title"),
        (*OPEN, 7),
        ("Long", "PROPN", "NNP", "compound", 7, None, "B-WORK_OF_ART"),
        ("Road", "PROPN", "NNP", "compound", 8, None, "I-WORK_OF_ART"),
        ("Home", "PROPN", "NNP", "oprd", 4, None, "I-WORK_OF_ART"),
        (".", *PUNCT, 1),
        (*CLOSE, 1),
    ])
    assert ng.quotes(doc, direct=True) == []  # praising the book is a stance; its title is nobody's words


def test_indirect_speech_with_that_clause(ng):
    # Rubio said that the regime would fall.
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        ("that", "SCONJ", "IN", "mark", 6),
        ("the", "DET", "DT", "det", 4),
        ("regime", "NOUN", "NN", "nsubj", 6),
        ("would", "AUX", "MD", "aux", 6),
        ("fall", "VERB", "VB", "ccomp", 1),
        (".", *PUNCT, 1),
    ])
    assert ng.quotes(doc) == [{
        "content": "that the regime would fall", "direct": False, "rule": "indirect.speech",
        "speaker": "Rubio", "cue": "said", "receiver": None,
    }]


def test_indirect_belief(ng):
    # Rubio believes the regime will fall.
    doc = ng.run([
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("believes", "VERB", "VBZ", "ROOT", 1, "believe"),
        ("the", "DET", "DT", "det", 3),
        ("regime", "NOUN", "NN", "nsubj", 5),
        ("will", "AUX", "MD", "aux", 5),
        ("fall", "VERB", "VB", "ccomp", 1),
        (".", *PUNCT, 1),
    ], outlet="Reuters")
    [quote] = ng.quotes(doc)
    assert (quote["content"], quote["rule"], quote["speaker"]) == ("the regime will fall", "indirect.belief", "Rubio")
    # a belief is not a quote: no QUOTED_BY
    assert ng.relations(doc) == []


@contextmanager
def _time_limit(seconds: float):
    """Raise TimeoutError in the test if the block runs longer than `seconds` (SIGALRM, main thread)."""

    def _expire(signum, frame):
        raise TimeoutError(f"still running after {seconds}s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_report_noun_root_of_a_verbless_sentence_does_not_hang(ng):
    # Statement by Rubio: “We will win.”
    doc = ng.doc([
        ("Statement", "NOUN", "NN", "ROOT", 0),
        ("by", "ADP", "IN", "prep", 0),
        ("Rubio", "PROPN", "NNP", "pobj", 1, None, "B-PERSON"),
        (":", *PUNCT, 0),
        (*OPEN, 0),
        ("We", "PRON", "PRP", "nsubj", 7),
        ("will", "AUX", "MD", "aux", 7),
        ("win", "VERB", "VB", "appos", 0),
        (".", *PUNCT, 7),
        (*CLOSE, 0),
    ])
    with _time_limit(1.0):
        doc = ng.nlp(doc)
    [quote] = ng.quotes(doc)
    # "Statement" has no speaker of its own; the name before the colon is the speaker
    assert (quote["content"], quote["speaker"]) == ("We will win.", "Rubio")
