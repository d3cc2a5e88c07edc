"""Quote attribution forms where the small model's parse goes wrong, on the real pipeline.

Sentences written for these tests (not copied from any corpus); each one
breaks the parse in a way seen in real news: an inverted speaker taken for
an object, a speaker's name parsed into the quote before it, two subjects on
one verb, a cue in the sentence after the quote, a straight quote mark
closing after an inner single-quoted phrase, a surname NER does not know, a
speech verb after the quote parsed as a relative clause or hung on the quote,
a rank parsed as the subject, a speaker named in apposition to a description, a
comma glued to the opening quote mark, a speaker NER took for a place, quotes signed with a
dash (vox pops), a surname that is also a title after "Mr.", an interviewer NER glued to the
outlet by a possessive ("Fox News’ Jo Roe"), an outlet no list knows.
"""

from __future__ import annotations

import pytest
from newsgraph.ingest.nlp import make_doc, parse_text
from newsgraph.model.graph import EntityType

pytestmark = pytest.mark.model


def _quotes(nlp, body: str) -> list[dict]:
    text = "Budget row\n\n" + body + "\n"
    doc = nlp(make_doc(nlp, parse_text(text, text), outlet=None))
    entities = doc._.ng_entities
    return [
        {
            "parts": [doc.text[a:b] for a, b in q.parts],
            "speaker": entities[q.speaker_entity].name if q.speaker_entity is not None else None,
            "speaker_type": entities[q.speaker_entity].type if q.speaker_entity is not None else None,
            "speaker_text": doc.text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None,
        }
        for q in doc._.ng_quotes
        if q.direct
    ]


def test_inverted_speaker_parsed_as_object_and_its_next_sentence(nlp):
    quotes = _quotes(nlp, "“The plan is dead on arrival,” added a senior Ohio Republican. “Nobody in the caucus will vote for it.”")
    assert quotes == [{
        "parts": ["The plan is dead on arrival,", "Nobody in the caucus will vote for it."],
        "speaker": None, "speaker_type": None, "speaker_text": "a senior Ohio Republican",
    }]


def test_name_after_the_quote_parsed_into_it(nlp):
    quotes = _quotes(nlp, (
        "“It is not the moment that everybody wants to hear about,” Laura Whitcombe, a longtime adviser "
        "to the governor, said at a forum in Dayton. “We have made real progress on schools.”"
    ))
    assert [(q["speaker"], len(q["parts"])) for q in quotes] == [("Laura Whitcombe", 2)]


def test_same_speaker_participle_between_quote_and_continuation(nlp):
    quotes = _quotes(nlp, (
        "“Taxes are going to rise by $40,” Brankowski said, suggesting that the cuts would fall on the poor. "
        "“We have a governor who is ready to sell the state.”"
    ))
    assert [(q["speaker"], q["parts"][-1]) for q in quotes] == [
        ("Brankowski", "We have a governor who is ready to sell the state.")
    ]


def test_straight_quote_closing_after_inner_single_quotes(nlp):
    quotes = _quotes(nlp, (
        "\"They ask about something he wrote 20 years ago and say, 'Look, this matters,' \" Trevellian said "
        "at the rally. \"But nobody asks about the budget.\""
    ))
    assert [q["speaker"] for q in quotes] == ["Trevellian"]
    assert quotes[0]["parts"][0].endswith("'Look, this matters,'")
    assert quotes[0]["parts"][1] == "But nobody asks about the budget."


def test_cue_opening_a_long_sentence_after_the_quote(nlp):
    quotes = _quotes(nlp, (
        "\"I am not a lobbyist!\" Okonjo declared, a line he repeats at every stop on the tour of the state. "
        "\"I run a small bakery.\""
    ))
    assert quotes == [{
        "parts": ["I am not a lobbyist!", "I run a small bakery."],
        "speaker": "Okonjo", "speaker_type": EntityType.PERSON, "speaker_text": "Okonjo",
    }]


def test_two_subjects_on_the_cue_the_one_naming_someone_speaks(nlp):
    text = (
        "The former army commander who spoke with the Times and was present for the secret talks said "
        "the plan was never discussed. “I never agreed to it,” he said."
    )
    doc = nlp(make_doc(nlp, parse_text("T\n\n" + text, "T\n\n" + text), outlet=None))
    said = [q for q in doc._.ng_quotes if not q.direct]
    assert said and all(q.speaker_span is not None for q in said)
    assert "commander" in doc.text[said[0].speaker_span[0] : said[0].speaker_span[1]]


def test_speaker_after_the_quote_wins_over_a_speech_verb_inside_its_clause(nlp):
    quotes = _quotes(nlp, (
        "Dana Whitfield, R-Ohio, spoke on the radio after the address. Nothing the governor said "
        "\"will calm the farmers,\" the Ohio lawmaker said."
    ))
    assert [(q["speaker_text"], q["parts"]) for q in quotes] == [
        ("the Ohio lawmaker", ["Nothing the governor said \"will calm the farmers,"])
    ]


def test_speaker_after_the_quote_does_not_take_a_quote_its_verb_has_no_room_for(nlp):
    quotes = _quotes(nlp, (
        "Although Kessler admitted to the newspaper that the two had “been friends for years,” "
        "he claimed they had never met in person."
    ))
    assert [q["speaker"] for q in quotes] == ["Kessler"]


def test_statement_introduced_by_a_colon_in_the_previous_paragraph(nlp):
    quotes = _quotes(nlp, (
        "After the floods, Governor Alana Ruiz issued the following statement:\n\n"
        "“Our thoughts are with every family that lost a home this week. We will rebuild.”"
    ))
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("Alana Ruiz", EntityType.PERSON)]


def test_service_and_rank_before_a_name_are_a_title(nlp):
    quotes = _quotes(nlp, (
        "“Nobody here understands the budget,” said Army Capt. Marcus Delaney. "
        "“The base needs new runways,” said Air Force 1st Lt. Rosa Ibarra."
    ))
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [
        ("Marcus Delaney", EntityType.PERSON), ("Rosa Ibarra", EntityType.PERSON),
    ]


def test_reporting_verb_after_the_quote_is_the_outer_attribution(nlp):
    quotes = _quotes(nlp, (
        "During the inquiry, Hollis acknowledged that the payments he received could be termed "
        "\"a consulting retainer,\" The Boston Globe reported in 1994."
    ))
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("The Boston Globe", EntityType.OUTLET)]


def test_speaker_described_then_named_in_apposition(nlp):
    quotes = _quotes(nlp, (
        "\"It is time this city had a mayor who listens,\" exhorted the senator's warm-up speaker, "
        "singer Marla Quintero."
    ))
    assert [q["speaker"] for q in quotes] == ["Marla Quintero"]


def test_verb_after_the_quote_parsed_as_a_relative_clause_of_its_speaker(nlp):
    quotes = _quotes(nlp, (
        "“The governor needs a plan for rural voters,” Hal Brenner, the pollster who founded "
        "pollwatch.org tweeted on Monday."
    ))
    assert [q["speaker"] for q in quotes] == ["Hal Brenner"]


def test_inverted_speaker_ner_does_not_know_after_a_long_role(nlp):
    quotes = _quotes(nlp, (
        "“Voters are tired of the delays,\" said Judiciary ranking Democrat Elroy Cumberbatch (D-Md.)."
    ))
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("Elroy Cumberbatch", EntityType.PERSON)]


def test_age_description_as_speaker(nlp):
    quotes = _quotes(nlp, "“What if the mayor had taken lessons?” the 43-year-old asked in the video's caption.")
    assert [q["speaker_text"] for q in quotes] == ["the 43-year-old"]


def test_named_appositive_subject_the_parse_left_off_its_verb(nlp):
    quotes = _quotes(nlp, (
        "In a statement to the Observer, her senior policy adviser, Dov Adelman, said: "
        "“Hillary Clinton believes that transatlantic cooperation is essential.”"
    ))
    assert [q["speaker"] for q in quotes] == ["Dov Adelman"]


def test_role_word_before_a_speaker_the_parse_took_for_a_verb(nlp):
    quotes = _quotes(nlp, (
        "\"Just saw the ad. I'm impressed by his ability to insult every voter in the state,\" "
        "screenwriter Cole Haddon wrote on Twitter."
    ))
    assert [q["speaker"] for q in quotes] == ["Cole Haddon"]


def test_lone_surname_after_an_inverted_verb_tagged_as_an_adverb(nlp):
    quotes = _quotes(nlp, (
        "“Having access to the file is valuable,” said Skelly, explaining he worked more closely with the staff."
    ))
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("Skelly", EntityType.PERSON)]


def test_document_speaks_with_read(nlp):
    quotes = _quotes(nlp, "\"Our movement has already forced the senator to change her mind,\" read the email.")
    assert [q["speaker_text"] for q in quotes] == ["the email"]


def test_sources_within_an_organization_speak_for_it(nlp):
    quotes = _quotes(nlp, "Sources within the Conservative Party told the BBC: \"The leader has changed his mind.\"")
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("Conservative Party", EntityType.ORGANIZATION)]


def test_comma_glued_to_the_opening_quote_mark(nlp):
    quotes = _quotes(nlp, "Hallam said,“Look, the budget is not going to pass this week. Everybody knows that.”")
    assert [(q["speaker"], q["parts"]) for q in quotes] == [
        ("Hallam", ["Look, the budget is not going to pass this week. Everybody knows that."]),
    ]


def test_name_ner_takes_for_a_place_that_tweets_is_a_person(nlp):
    quotes = _quotes(nlp, "On March 3, Brixton tweeted, “The council passes a bill that could close the clinic. The mayor weeps.”")
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("Brixton", EntityType.PERSON)]


def test_transcript_turns_are_attributed_to_the_named_speakers(nlp):
    text = (
        "Budget row\n\nKTV's Lena Marsh interviews Ohio Gov. Walt Brenner.\n\n"
        "LENA MARSH: The council released a budget on Friday that cuts schools. Take a look.\n\n"
        "BRENNER: I think the council is trying to balance the books. I think that is the plan.\n"
    )
    doc = nlp(make_doc(nlp, parse_text(text, text), outlet=None))
    turns = [q for q in doc._.ng_quotes if q.rule == "indirect.colon_source"]
    assert [(doc._.ng_entities[q.speaker_entity].name, doc.text[q.parts[0][0] : q.parts[0][1]]) for q in turns] == [
        ("Lena Marsh", "The council released a budget on Friday that cuts schools. Take a look"),
        ("Walt Brenner", "I think the council is trying to balance the books. I think that is the plan"),
    ]


def test_quotes_signed_with_a_dash_are_the_signers(nlp):
    quotes = _quotes(nlp, (
        "“The new road will cut my commute in half and I cannot wait for it to open.”― Dora Lindqvist\n"
        "“Nobody asked the people who live here what they wanted.” — Ravi Holloway, 52, a baker\n"
        "“I have never voted before and this year I will.” –Sam Ortega"
    ))
    assert [q["speaker"] for q in quotes] == ["Dora Lindqvist", "Ravi Holloway", "Sam Ortega"]


def test_a_dash_going_on_into_a_sentence_signs_nothing(nlp):
    quotes = _quotes(nlp, "Critics called the plan “a giveaway to developers” — Dora Lindqvist has said so for years.")
    assert [(q["speaker_text"], q["parts"]) for q in quotes] == [("Critics", ["the plan “a giveaway to developers"])]


def test_surname_that_is_a_title_after_mr_speaks(nlp):
    quotes = _quotes(nlp, (
        "Wendell Bishop hosts a late-night radio show. “The money is good and the hours are short,” Mr. Bishop said."
    ))
    assert [(q["speaker"], q["speaker_text"]) for q in quotes] == [("Wendell Bishop", "Bishop")]


def test_pronoun_in_a_clause_inside_a_phrase_takes_the_governing_subject(nlp):
    quotes = _quotes(nlp, "Maria Olvera says she admired Ann Pole’s courage through what she calls “a long and ugly fight.”")
    assert [(q["speaker"], q["speaker_text"]) for q in quotes] == [("Maria Olvera", "she")]


def test_an_interviewer_glued_to_the_outlet_by_a_possessive_is_a_person_of_their_own(nlp):
    # NER reads "Fox Business’s Maria Pollard" as one organization
    quotes = _quotes(nlp, "“We will win the state,” Warren told Fox Business’s Maria Pollard on Sunday.")
    assert [(q["speaker"], q["speaker_type"]) for q in quotes] == [("Warren", EntityType.PERSON)]
    text = "Budget row\n\nIn an interview with Fox News’ Sean Pollard, Warren said she would stay in the race.\n"
    doc = nlp(make_doc(nlp, parse_text(text, text), outlet=None))
    assert {(e.name, e.type) for e in doc._.ng_entities} >= {
        ("Fox News", EntityType.OUTLET), ("Sean Pollard", EntityType.PERSON), ("Warren", EntityType.PERSON),
    }


def test_an_outlet_no_list_knows_is_one_by_what_it_prints_and_receives_the_quote(nlp):
    # neither name is curated: the columnist, the op-ed and the interview make them outlets
    text = (
        "Budget row\n\nDana Whitcombe, a columnist for the Harbour Ledger, said the council had lied. "
        "In an op-ed in the Westbury Clarion, Ms Harlow argued that taxes must rise. "
        "“We will not back down,” Ms Harlow said in an interview with the Westbury Clarion.\n"
    )
    doc = nlp(make_doc(nlp, parse_text(text, text), outlet=None))
    entities = doc._.ng_entities
    assert {(e.name, e.type) for e in entities} >= {
        ("Harbour Ledger", EntityType.OUTLET), ("Westbury Clarion", EntityType.OUTLET), ("Harlow", EntityType.PERSON),
    }
    received = [(entities[q.speaker_entity].name, entities[q.receiver_entity].name) for q in doc._.ng_quotes
                if q.direct and q.receiver_entity is not None]
    assert received == [("Harlow", "Westbury Clarion")]
