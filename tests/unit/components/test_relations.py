"""newsgraph_relations on hand-built Docs: every rule of data/relation_patterns.jsonl,
negation and unasserted triggers, sanction status, places acting, conjoined
arguments, described groups as parties, the schema filter, and relations from quotes."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from newsgraph.model.graph import Modality

PUNCT = ("PUNCT", ".", "punct")
OPEN = ("“", "PUNCT", "``", "punct")
CLOSE = ("”", "PUNCT", "''", "punct")
COMMA = (",", "PUNCT", ",", "punct")

RUBIO = ("Rubio", "PROPN", "NNP")
MADURO = ("Maduro", "PROPN", "NNP")


def rubio(dep: str, head: int) -> tuple:
    return (*RUBIO, dep, head, None, "B-PERSON")


def maduro(dep: str, head: int) -> tuple:
    return (*MADURO, dep, head, None, "B-PERSON")


def period(head: int) -> tuple:
    return (".", *PUNCT, head)


def _rule_ids() -> list[str]:
    text = resources.files("newsgraph.ingest").joinpath("data/relation_patterns.jsonl").read_text("utf-8")
    return [json.loads(line)["id"] for line in text.splitlines() if line.strip()]


# ---- MET_WITH -------------------------------------------------------------------------------


def test_met_with_verb_with(ng):
    # Rubio met with Maduro.
    doc = ng.run([rubio("nsubj", 1), ("met", "VERB", "VBD", "ROOT", 1, "meet"), ("with", "ADP", "IN", "prep", 1),
                  maduro("pobj", 2), period(1)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_with")]
    relation = doc._.ng_relations[0]
    assert doc.text[relation.span[0] : relation.span[1]] == "Rubio met with Maduro"
    assert relation.sentence == (0, len(doc.text))


def test_met_with_a_participle_the_parse_hangs_on_the_subject_as_apposition_or_adverbial(ng):
    # Rubio, meeting with Maduro, spoke.   ("meeting" an appos / advcl of Rubio)
    for dep in ("appos", "advcl"):
        doc = ng.run([rubio("nsubj", 6), (",", "PUNCT", ",", "punct", 0), ("meeting", "VERB", "VBG", dep, 0, "meet"),
                      ("with", "ADP", "IN", "prep", 2), maduro("pobj", 3), (",", "PUNCT", ",", "punct", 0),
                      ("spoke", "VERB", "VBD", "ROOT", 6, "speak"), period(6)])
        assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_with")], dep


def test_met_with_verb_with_clause(ng):
    # Rubio met with Venezuelan officers plotting a coup.
    doc = ng.run([
        rubio("nsubj", 1),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        ("with", "ADP", "IN", "prep", 1),
        ("Venezuelan", "ADJ", "JJ", "amod", 4, None, "B-NORP"),
        ("officers", "NOUN", "NNS", "nsubj", 5, "officer"),
        ("plotting", "VERB", "VBG", "pcomp", 2, "plot"),
        ("a", "DET", "DT", "det", 7),
        ("coup", "NOUN", "NN", "dobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Venezuelan officers", None, "met_with.verb_with_clause")]


def test_met_with_verb_object(ng):
    # Rubio met Maduro.
    doc = ng.run([rubio("nsubj", 1), ("met", "VERB", "VBD", "ROOT", 1, "meet"), maduro("dobj", 1), period(1)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_object")]


def test_met_with_passive(ng):
    # Tintori was received by Trump.
    doc = ng.run([
        ("Tintori", "PROPN", "NNP", "nsubjpass", 2, None, "B-PERSON"),
        ("was", "AUX", "VBD", "auxpass", 2, "be"),
        ("received", "VERB", "VBN", "ROOT", 2, "receive"),
        ("by", "ADP", "IN", "agent", 2),
        ("Trump", "PROPN", "NNP", "pobj", 3, None, "B-PERSON"),
        period(2),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Trump", "Tintori", None, "met_with.passive")]


def test_met_with_noun_with(ng):
    # Rubio held a meeting with Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("held", "VERB", "VBD", "ROOT", 1, "hold"),
        ("a", "DET", "DT", "det", 3),
        ("meeting", "NOUN", "NN", "dobj", 1),
        ("with", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_with")]


def test_met_with_noun_with_clause(ng):
    # Rubio held secret meetings with Venezuelan officers plotting a coup.
    doc = ng.run([
        rubio("nsubj", 1),
        ("held", "VERB", "VBD", "ROOT", 1, "hold"),
        ("secret", "ADJ", "JJ", "amod", 3),
        ("meetings", "NOUN", "NNS", "dobj", 1, "meeting"),
        ("with", "ADP", "IN", "prep", 3),
        ("Venezuelan", "ADJ", "JJ", "amod", 6, None, "B-NORP"),
        ("officers", "NOUN", "NNS", "nsubj", 7, "officer"),
        ("plotting", "VERB", "VBG", "pcomp", 4, "plot"),
        ("a", "DET", "DT", "det", 9),
        ("coup", "NOUN", "NN", "dobj", 7),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Venezuelan officers", None, "met_with.noun_with_clause")]


def test_met_with_noun_between(ng):
    # A meeting between Rubio and Maduro took place.
    doc = ng.run([
        ("A", "DET", "DT", "det", 1),
        ("meeting", "NOUN", "NN", "nsubj", 6),
        ("between", "ADP", "IN", "prep", 1),
        rubio("pobj", 2),
        ("and", "CCONJ", "CC", "cc", 3),
        maduro("conj", 3),
        ("took", "VERB", "VBD", "ROOT", 6, "take"),
        ("place", "NOUN", "NN", "dobj", 6),
        period(6),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_between")]


def test_met_with_host(ng):
    # Trump hosted Lilian Tintori.
    doc = ng.run([
        ("Trump", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("hosted", "VERB", "VBD", "ROOT", 1, "host"),
        ("Lilian", "PROPN", "NNP", "compound", 3, None, "B-PERSON"),
        ("Tintori", "PROPN", "NNP", "dobj", 1, None, "I-PERSON"),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Trump", "Lilian Tintori", None, "met_with.host")]


def test_met_with_sit_down_with(ng):
    # Rubio sat down with Maduro.
    doc = ng.run([rubio("nsubj", 1), ("sat", "VERB", "VBD", "ROOT", 1, "sit"), ("down", "ADP", "RP", "prt", 1),
                  ("with", "ADP", "IN", "prep", 1), maduro("pobj", 3), period(1)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.sit_down_with")]


def test_met_with_dinner_with(ng):
    # Rubio had dinner with Maduro.
    doc = ng.run([rubio("nsubj", 1), ("had", "VERB", "VBD", "ROOT", 1, "have"), ("dinner", "NOUN", "NN", "dobj", 1),
                  ("with", "ADP", "IN", "prep", 2), maduro("pobj", 3), period(1)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_with")]


def test_met_with_dined_with(ng):
    # Rubio dined with Maduro.   (the model's lemma of "dined" is "din")
    doc = ng.run([rubio("nsubj", 1), ("dined", "VERB", "VBD", "ROOT", 1, "din"), ("with", "ADP", "IN", "prep", 1),
                  maduro("pobj", 2), period(1)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.dine_with")]


def test_met_with_a_sit_down_with_split_by_the_tokenizer(ng):
    # Rubio had a sit-down with Maduro.   ("sit", "-", "down": the noun is "down")
    doc = ng.run([rubio("nsubj", 1), ("had", "VERB", "VBD", "ROOT", 1, "have"), ("a", "DET", "DT", "det", 5),
                  ("sit", "NOUN", "NN", "compound", 5), ("-", "PUNCT", "HYPH", "punct", 5),
                  ("down", "NOUN", "NN", "dobj", 1, "down"), ("with", "ADP", "IN", "prep", 5), maduro("pobj", 6),
                  period(1)], spaces=[True, True, True, False, False, True, True, False, False])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.sit_down_noun_with")]


def test_met_with_the_meeting_x_had_with_y_parsed_as_an_auxiliary(ng):
    # The meeting Rubio had with Maduro ended.   (the parse: "had" an auxiliary of "ended", with a subject)
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("meeting", "NOUN", "NN", "nsubj", 6),
        rubio("nsubj", 3),
        ("had", "AUX", "VBD", "aux", 6, "have"),
        ("with", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        ("ended", "VERB", "VBD", "ROOT", 6, "end"),
        period(6),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_relative_with_parsed_as_aux")]


def test_an_auxiliary_without_a_meeting_noun_is_no_meeting(ng):
    # The plan Rubio had with Maduro ended.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("plan", "NOUN", "NN", "nsubj", 6),
        rubio("nsubj", 3),
        ("had", "AUX", "VBD", "aux", 6, "have"),
        ("with", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        ("ended", "VERB", "VBD", "ROOT", 6, "end"),
        period(6),
    ])
    assert ng.relations(doc) == []


def test_met_with_visited_by_a_person(ng):
    # Maduro was visited by Rubio.
    doc = ng.run([maduro("nsubjpass", 2), ("was", "AUX", "VBD", "auxpass", 2, "be"),
                  ("visited", "VERB", "VBN", "ROOT", 2, "visit"), ("by", "ADP", "IN", "agent", 2),
                  rubio("pobj", 3), period(2)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.visit_passive")]


def test_a_place_visited_by_a_person_is_no_meeting(ng):
    # Miami was visited by Rubio.
    doc = ng.run([("Miami", "PROPN", "NNP", "nsubjpass", 2, None, "B-GPE"), ("was", "AUX", "VBD", "auxpass", 2, "be"),
                  ("visited", "VERB", "VBN", "ROOT", 2, "visit"), ("by", "ADP", "IN", "agent", 2),
                  rubio("pobj", 3), period(2)])
    assert ng.relations(doc) == []


def test_met_with_welcome_to_a_person_glued_to_the_oval_office(ng):
    # Trump welcomed to the Oval Office Lilian Tintori.   (NER: ORG "the Oval Office Lilian Tintori")
    doc = ng.run([
        ("Trump", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("welcomed", "VERB", "VBD", "ROOT", 1, "welcome"),
        ("to", "ADP", "IN", "prep", 1),
        ("the", "DET", "DT", "det", 7, None, "B-ORG"),
        ("Oval", "PROPN", "NNP", "compound", 5, None, "I-ORG"),
        ("Office", "PROPN", "NNP", "compound", 7, None, "I-ORG"),
        ("Lilian", "PROPN", "NNP", "compound", 7, None, "I-ORG"),
        ("Tintori", "PROPN", "NNP", "pobj", 2, None, "I-ORG"),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Trump", "Lilian Tintori", None, "met_with.welcome_to")]


def test_welcome_to_a_place_is_no_meeting(ng):
    # Trump welcomed Rubio to the White House.
    doc = ng.run([
        ("Trump", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("welcomed", "VERB", "VBD", "ROOT", 1, "welcome"),
        rubio("dobj", 1),
        ("to", "ADP", "IN", "prep", 1),
        ("the", "DET", "DT", "det", 6),
        ("White", "PROPN", "NNP", "compound", 6, None, "B-ORG"),
        ("House", "PROPN", "NNP", "pobj", 3, None, "I-ORG"),
        period(1),
    ])
    # the White House is a Government, not a Person: only the host rule applies
    assert ng.relations(doc) == [("MET_WITH", "Trump", "Rubio", None, "met_with.host")]


def test_did_not_meet_is_a_negated_meeting(ng):
    # Rubio did not meet Maduro.
    doc = ng.run([
        rubio("nsubj", 3),
        ("did", "AUX", "VBD", "aux", 3, "do"),
        ("not", "PART", "RB", "neg", 3),
        ("meet", "VERB", "VB", "ROOT", 3),
        maduro("dobj", 3),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_object")]
    assert doc._.ng_relations[0].modality is Modality.NEGATED


def test_sought_a_meeting_is_a_proposed_meeting(ng):
    # Rubio sought a meeting with Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("sought", "VERB", "VBD", "ROOT", 1, "seek"),
        ("a", "DET", "DT", "det", 3),
        ("meeting", "NOUN", "NN", "dobj", 1),
        ("with", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_with")]
    assert doc._.ng_relations[0].modality is Modality.PROPOSED


def test_plans_to_meet_is_a_planned_meeting(ng):
    # Rubio plans to meet Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("plans", "VERB", "VBZ", "ROOT", 1, "plan"),
        ("to", "PART", "TO", "aux", 3),
        ("meet", "VERB", "VB", "xcomp", 1),
        maduro("dobj", 3),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_object")]
    assert doc._.ng_relations[0].modality is Modality.PLANNED


def test_met_with_light_verb_noun_with(ng):
    # Rubio had lunch in Miami with Maduro.  ("with" hangs from the verb)
    doc = ng.run([
        rubio("nsubj", 1),
        ("had", "VERB", "VBD", "ROOT", 1, "have"),
        ("lunch", "NOUN", "NN", "dobj", 1),
        ("in", "ADP", "IN", "prep", 2),
        ("Miami", "PROPN", "NNP", "pobj", 3, None, "B-GPE"),
        ("with", "ADP", "IN", "prep", 1),
        maduro("pobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.light_verb_noun_with")]
    assert doc._.ng_relations[0].modality is Modality.ASSERTED


def test_met_with_noun_relative_with(ng):
    # Rubio praised the meeting he held with Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("praised", "VERB", "VBD", "ROOT", 1, "praise"),
        ("the", "DET", "DT", "det", 3),
        ("meeting", "NOUN", "NN", "dobj", 1),
        ("he", "PRON", "PRP", "nsubj", 5),
        ("held", "VERB", "VBD", "relcl", 3, "hold"),
        ("with", "ADP", "IN", "prep", 5),
        maduro("pobj", 6),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_relative_with")]


def test_met_with_noun_were_with(ng):
    # Rubio's meetings were with Maduro.
    doc = ng.run([
        rubio("poss", 2),
        ("'s", "PART", "POS", "case", 0),
        ("meetings", "NOUN", "NNS", "nsubj", 3, "meeting"),
        ("were", "AUX", "VBD", "ROOT", 3, "be"),
        ("with", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_were_with")]


def test_met_with_attend_named_meeting(ng):
    # Rubio attended the OAS summit.
    doc = ng.run([
        rubio("nsubj", 1),
        ("attended", "VERB", "VBD", "ROOT", 1, "attend"),
        ("the", "DET", "DT", "det", 4),
        ("OAS", "PROPN", "NNP", "compound", 4, None, "B-ORG"),
        ("summit", "NOUN", "NN", "dobj", 1),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Organization of American States", None, "met_with.attend_named_meeting")]


def test_met_with_verb_between(ng):
    # A deal was negotiated between Rubio and Maduro.
    doc = ng.run([
        ("A", "DET", "DT", "det", 1),
        ("deal", "NOUN", "NN", "nsubjpass", 3),
        ("was", "AUX", "VBD", "auxpass", 3),
        ("negotiated", "VERB", "VBN", "ROOT", 3, "negotiate"),
        ("between", "ADP", "IN", "prep", 3),
        rubio("pobj", 4),
        ("and", "CCONJ", "CC", "cc", 5),
        maduro("conj", 5),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_between")]


@pytest.mark.parametrize(("noun", "lemma", "expected"), [
    ("summit", "summit", [("MET_WITH", "Rubio", "Organization of American States", None, "met_with.take_part_in_named_meeting")]),
    ("games", "game", []),  # taking part in a body's games is meeting no one
])
def test_met_with_take_part_in_named_meeting(ng, noun, lemma, expected):
    # Rubio took part in the OAS summit (games).
    doc = ng.run([
        rubio("nsubj", 1),
        ("took", "VERB", "VBD", "ROOT", 1, "take"),
        ("part", "NOUN", "NN", "dobj", 1),
        ("in", "ADP", "IN", "prep", 1),
        ("the", "DET", "DT", "det", 6),
        ("OAS", "PROPN", "NNP", "compound", 6, None, "B-ORG"),
        (noun, "NOUN", "NNS" if noun.endswith("s") else "NN", "pobj", 3, lemma),
        period(1),
    ])
    assert ng.relations(doc) == expected


def test_met_with_participate_in_named_meeting(ng):
    # Rubio participated in the OAS summit.
    doc = ng.run([
        rubio("nsubj", 1),
        ("participated", "VERB", "VBD", "ROOT", 1, "participate"),
        ("in", "ADP", "IN", "prep", 1),
        ("the", "DET", "DT", "det", 5),
        ("OAS", "PROPN", "NNP", "compound", 5, None, "B-ORG"),
        ("summit", "NOUN", "NN", "pobj", 2),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Organization of American States", None, "met_with.participate_in_named_meeting")]


def test_sent_x_to_meet_y_is_x_meeting_y_planned(ng):
    # Rubio sent his aides to meet Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("sent", "VERB", "VBD", "ROOT", 1, "send"),
        ("his", "PRON", "PRP$", "poss", 3),
        ("aides", "NOUN", "NNS", "dobj", 1, "aide"),
        ("to", "PART", "TO", "aux", 5),
        ("meet", "VERB", "VB", "advcl", 1),
        maduro("dobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "aides", "Maduro", None, "met_with.verb_object")]
    assert doc._.ng_relations[0].modality is Modality.PLANNED


def test_met_with_conjoined_subjects(ng):
    # Rubio and Maduro met in Havana.
    doc = ng.run([
        rubio("nsubj", 3),
        ("and", "CCONJ", "CC", "cc", 0),
        maduro("conj", 0),
        ("met", "VERB", "VBD", "ROOT", 3, "meet"),
        ("in", "ADP", "IN", "prep", 3),
        ("Havana", "PROPN", "NNP", "pobj", 4, None, "B-GPE"),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_subjects")]


def test_conjoined_subjects_meeting_a_third_are_one_side(ng):
    # Rubio and Maduro met with Padrino.
    doc = ng.run([
        rubio("nsubj", 3),
        ("and", "CCONJ", "CC", "cc", 0),
        maduro("conj", 0),
        ("met", "VERB", "VBD", "ROOT", 3, "meet"),
        ("with", "ADP", "IN", "prep", 3),
        ("Padrino", "PROPN", "NNP", "pobj", 4, None, "B-PERSON"),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Padrino", None, "met_with.verb_with"),
                                 ("MET_WITH", "Maduro", "Padrino", None, "met_with.verb_with")]


def test_met_with_conjoined_subjects_in_apposition(ng):
    # The leaders, Rubio and Maduro, met.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("leaders", "NOUN", "NNS", "nsubj", 7, "leader"),
        COMMA + (1,),
        rubio("appos", 1),
        ("and", "CCONJ", "CC", "cc", 3),
        maduro("conj", 3),
        COMMA + (1,),
        ("met", "VERB", "VBD", "ROOT", 7, "meet"),
        period(7),
    ], spaces=[True, False, True, True, True, False, True, False, False])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_appositive_subjects")]


def test_met_with_conjoined_antecedents_of_who(ng):
    # Rubio and Maduro, who met, left. (the relative clause on Maduro)
    doc = ng.run([
        rubio("nsubj", 7),
        ("and", "CCONJ", "CC", "cc", 0),
        maduro("conj", 0),
        COMMA + (2,),
        ("who", "PRON", "WP", "nsubj", 5, "who"),
        ("met", "VERB", "VBD", "relcl", 2, "meet"),
        COMMA + (2,),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        period(7),
    ], spaces=[True, True, False, True, False, False, True, False, False])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_antecedents")]


def test_met_with_part_of_meetings_were_with(ng):
    # Half of Rubio's meetings were with Maduro.
    doc = ng.run([
        ("Half", "NOUN", "NN", "nsubj", 5, "half"),
        ("of", "ADP", "IN", "prep", 0),
        rubio("poss", 4),
        ("'s", "PART", "POS", "case", 2),
        ("meetings", "NOUN", "NNS", "pobj", 1, "meeting"),
        ("were", "AUX", "VBD", "ROOT", 5, "be"),
        ("with", "ADP", "IN", "prep", 5),
        maduro("pobj", 6),
        period(5),
    ], spaces=[True, True, False, True, True, True, True, False, False])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.part_of_meetings_were_with")]


def test_a_gerund_under_a_possessed_noun_is_the_possessor_s(ng):
    # Rubio's reasons for meeting Maduro.
    doc = ng.run([
        rubio("poss", 2),
        ("'s", "PART", "POS", "case", 0),
        ("reasons", "NOUN", "NNS", "ROOT", 2, "reason"),
        ("for", "ADP", "IN", "prep", 2),
        ("meeting", "VERB", "VBG", "pcomp", 3, "meet"),
        maduro("dobj", 4),
        period(2),
    ], spaces=[False, True, True, True, True, False, False])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_object")]


def test_met_with_conjoined_subjects_of_the_verb_above(ng):
    # Rubio and Maduro agreed to meet.
    doc = ng.run([
        rubio("nsubj", 3),
        ("and", "CCONJ", "CC", "cc", 0),
        maduro("conj", 0),
        ("agreed", "VERB", "VBD", "ROOT", 3, "agree"),
        ("to", "PART", "TO", "aux", 5),
        ("meet", "VERB", "VB", "xcomp", 3, "meet"),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_subjects_of_the_verb_above")]


def test_the_object_of_criticized_for_does_the_gerund(ng):
    # Padrino criticized Rubio for accusing Maduro.
    doc = ng.run([
        ("Padrino", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("criticized", "VERB", "VBD", "ROOT", 1, "criticize"),
        rubio("dobj", 1),
        ("for", "ADP", "IN", "prep", 1),
        ("accusing", "VERB", "VBG", "pcomp", 3, "accuse"),
        maduro("dobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.verb")]


def test_a_party_adjective_is_the_agent_of_a_noun(ng):
    # Republican allegations against Maduro grew.
    doc = ng.run([
        ("Republican", "ADJ", "JJ", "amod", 1, None, "B-NORP"),
        ("allegations", "NOUN", "NNS", "nsubj", 4, "allegation"),
        ("against", "ADP", "IN", "prep", 1),
        maduro("pobj", 2),
        ("grew", "VERB", "VBD", "ROOT", 4, "grow"),
        period(4),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Republican Party", "Maduro", None, "accused.noun_against")]


def test_talks_under_a_participle_in_a_phrase_are_the_main_subject_s(ng):
    # At a conference following talks with Maduro, Rubio spoke.
    doc = ng.run([
        ("At", "ADP", "IN", "prep", 9),
        ("a", "DET", "DT", "det", 2),
        ("conference", "NOUN", "NN", "pobj", 0),
        ("following", "VERB", "VBG", "acl", 2, "follow"),
        ("talks", "NOUN", "NNS", "dobj", 3, "talk"),
        ("with", "ADP", "IN", "prep", 4),
        maduro("pobj", 5),
        COMMA + (9,),
        rubio("nsubj", 9),
        ("spoke", "VERB", "VBD", "ROOT", 9, "speak"),
        period(9),
    ], spaces=[True, True, True, True, True, True, False, True, True, False, False])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_with")]


def test_met_with_conjoined_subjects_held_talks(ng):
    # Rubio and Maduro held talks.
    doc = ng.run([
        rubio("nsubj", 3),
        ("and", "CCONJ", "CC", "cc", 0),
        maduro("conj", 0),
        ("held", "VERB", "VBD", "ROOT", 3, "hold"),
        ("talks", "NOUN", "NNS", "dobj", 3, "talk"),
        period(3),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_subjects_held_talks")]


@pytest.mark.parametrize(("verb", "lemma", "with_phrase", "expected"), [
    ("are", "be", False, [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_subjects_in_talks")]),
    ("remain", "remain", False, [("MET_WITH", "Rubio", "Maduro", None, "met_with.conjoined_subjects_in_talks")]),
    ("are", "be", True, []),  # "are in talks with Z": each of them with Z (met_with.noun_with), not with each other
])
def test_met_with_conjoined_subjects_in_talks(ng, verb, lemma, with_phrase, expected):
    # Rubio and Maduro are (remain) in talks [with officials].
    words = [
        rubio("nsubj", 3),
        ("and", "CCONJ", "CC", "cc", 0),
        maduro("conj", 0),
        (verb, "AUX" if lemma == "be" else "VERB", "VBP", "ROOT", 3, lemma),
        ("in", "ADP", "IN", "prep", 3),
        ("talks", "NOUN", "NNS", "pobj", 4, "talk"),
    ]
    if with_phrase:
        words += [("with", "ADP", "IN", "prep", 5), ("officials", "NOUN", "NNS", "pobj", 6, "official")]
    doc = ng.run([*words, period(3)])
    assert [r for r in ng.relations(doc) if r[4] == "met_with.conjoined_subjects_in_talks"] == expected


def test_met_with_joined_for_dinner(ng):
    # Rubio joined Maduro for dinner.
    doc = ng.run([
        rubio("nsubj", 1),
        ("joined", "VERB", "VBD", "ROOT", 1, "join"),
        maduro("dobj", 1),
        ("for", "ADP", "IN", "prep", 1),
        ("dinner", "NOUN", "NN", "pobj", 3, "dinner"),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.joined_for")]


def test_a_list_of_names_parsed_as_an_apposition_is_each_met(ng):
    # Rubio met Maduro, Padrino and Cabello. (Padrino in apposition to Maduro, Cabello conjoined to Padrino)
    doc = ng.run([
        rubio("nsubj", 1),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        maduro("dobj", 1),
        COMMA + (2,),
        ("Padrino", "PROPN", "NNP", "appos", 2, None, "B-PERSON"),
        ("and", "CCONJ", "CC", "cc", 4),
        ("Cabello", "PROPN", "NNP", "conj", 4, None, "B-PERSON"),
        period(1),
    ], spaces=[True, True, False, True, True, True, False, False])
    assert [r[2] for r in ng.relations(doc)] == ["Maduro", "Padrino", "Cabello"]


def test_arranged_for_x_to_meet_y_is_x_meeting_y(ng):
    # Padrino arranged for Rubio to meet Maduro.
    doc = ng.run([
        ("Padrino", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("arranged", "VERB", "VBD", "ROOT", 1, "arrange"),
        ("for", "ADP", "IN", "prep", 1),
        rubio("pobj", 2),
        ("to", "PART", "TO", "aux", 5),
        ("meet", "VERB", "VB", "advcl", 1),
        maduro("dobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_object")]


def test_will_hold_talks_is_planned_and_a_possible_meeting_proposed(ng):
    # Rubio will hold talks with Maduro. Padrino feared a possible meeting with Maduro.
    doc = ng.run([
        rubio("nsubj", 2),
        ("will", "AUX", "MD", "aux", 2),
        ("hold", "VERB", "VB", "ROOT", 2),
        ("talks", "NOUN", "NNS", "dobj", 2, "talk"),
        ("with", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        period(2),
        ("Padrino", "PROPN", "NNP", "nsubj", 8, None, "B-PERSON"),
        ("feared", "VERB", "VBD", "ROOT", 8, "fear"),
        ("a", "DET", "DT", "det", 11),
        ("possible", "ADJ", "JJ", "amod", 11),
        ("meeting", "NOUN", "NN", "dobj", 8),
        ("with", "ADP", "IN", "prep", 11),
        maduro("pobj", 12),
        period(8),
    ])
    modalities = [r.modality for r in doc._.ng_relations if r.type.value == "MET_WITH"]
    assert modalities == [Modality.PLANNED, Modality.PROPOSED]


def test_due_to_meet_is_a_planned_meeting_of_the_subject(ng):
    # Rubio is due to meet Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("is", "AUX", "VBZ", "ROOT", 1, "be"),
        ("due", "ADJ", "JJ", "acomp", 1),
        ("to", "PART", "TO", "aux", 4),
        ("meet", "VERB", "VB", "xcomp", 2),
        maduro("dobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.verb_object")]
    assert doc._.ng_relations[0].modality is Modality.PLANNED


def test_a_time_in_front_of_a_meeting_is_not_its_agent(ng):
    # After an hour-long meeting with Maduro, Rubio left.
    doc = ng.run([
        ("After", "ADP", "IN", "prep", 9),
        ("an", "DET", "DT", "det", 4),
        ("hour", "NOUN", "NN", "npadvmod", 3, None, "B-TIME"),
        ("long", "ADJ", "JJ", "compound", 4, None, "I-TIME"),
        ("meeting", "NOUN", "NN", "pobj", 0),
        ("with", "ADP", "IN", "prep", 4),
        maduro("pobj", 5),
        (*COMMA, 9),
        rubio("nsubj", 9),
        ("left", "VERB", "VBD", "ROOT", 9, "leave"),
        period(9),
    ])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.noun_with")]


# ---- SANCTIONED -----------------------------------------------------------------------------

def treasury(start: int, dep: str, head: int) -> list[tuple]:
    """ "the Treasury Department" from token `start`; the noun has `dep` on `head`."""
    noun = start + 2
    return [
        ("the", "DET", "DT", "det", noun),
        ("Treasury", "PROPN", "NNP", "compound", noun, None, "B-ORG"),
        ("Department", "PROPN", "NNP", dep, head, None, "I-ORG"),
    ]


def test_sanctioned_verb_active(ng):
    # The Treasury Department sanctioned Maduro.
    doc = ng.run([*treasury(0, "nsubj", 3), ("sanctioned", "VERB", "VBD", "ROOT", 3, "sanction"), maduro("dobj", 3), period(3)])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.verb")]


def test_sanctioned_freeze_assets(ng):
    # The Treasury Department froze the assets of Maduro.
    doc = ng.run([
        *treasury(0, "nsubj", 3),
        ("froze", "VERB", "VBD", "ROOT", 3, "freeze"),
        ("the", "DET", "DT", "det", 5),
        ("assets", "NOUN", "NNS", "dobj", 3, "asset"),
        ("of", "ADP", "IN", "prep", 5),
        maduro("pobj", 6),
        period(3),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.freeze_assets")]


def test_sanctioned_freeze_owners_assets_passive(ng):
    # Maduro's assets were frozen by the Treasury Department.
    doc = ng.run([
        maduro("poss", 2),
        ("'s", "PART", "POS", "case", 0),
        ("assets", "NOUN", "NNS", "nsubjpass", 4, "asset"),
        ("were", "AUX", "VBD", "auxpass", 4, "be"),
        ("frozen", "VERB", "VBN", "ROOT", 4, "freeze"),
        ("by", "ADP", "IN", "agent", 4),
        *treasury(6, "pobj", 5),
        period(4),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.freeze_assets")]


def test_sanctioned_place_on_list(ng):
    # The Treasury Department placed Maduro on its sanctions list.
    doc = ng.run([
        *treasury(0, "nsubj", 3),
        ("placed", "VERB", "VBD", "ROOT", 3, "place"),
        maduro("dobj", 3),
        ("on", "ADP", "IN", "prep", 3),
        ("its", "PRON", "PRP$", "poss", 8, "its"),
        ("sanctions", "NOUN", "NNS", "compound", 8, "sanction"),
        ("list", "NOUN", "NN", "pobj", 5),
        period(3),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.place_on_list")]


@pytest.mark.parametrize(("verb", "lemma", "noun", "expected"), [
    ("added", "add", "blacklist", [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.place_on_blacklist")]),
    ("added", "add", "guestlist", []),
])
def test_sanctioned_place_on_blacklist(ng, verb, lemma, noun, expected):
    # The Treasury Department added Maduro to its blacklist (guestlist).
    doc = ng.run([
        *treasury(0, "nsubj", 3),
        (verb, "VERB", "VBD", "ROOT", 3, lemma),
        maduro("dobj", 3),
        ("to", "ADP", "IN", "prep", 3),
        ("its", "PRON", "PRP$", "poss", 7, "its"),
        (noun, "NOUN", "NN", "pobj", 5),
        period(3),
    ])
    assert ng.relations(doc) == expected


def test_placed_on_a_list_of_another_kind_is_no_sanction(ng):
    # The Treasury Department placed Maduro on its guest list.
    doc = ng.run([
        *treasury(0, "nsubj", 3),
        ("placed", "VERB", "VBD", "ROOT", 3, "place"),
        maduro("dobj", 3),
        ("on", "ADP", "IN", "prep", 3),
        ("its", "PRON", "PRP$", "poss", 8, "its"),
        ("guest", "NOUN", "NN", "compound", 8),
        ("list", "NOUN", "NN", "pobj", 5),
        period(3),
    ])
    assert ng.relations(doc) == []


def test_sanctioned_verb_passive(ng):
    # Maduro was sanctioned by the Treasury Department.
    doc = ng.run([
        maduro("nsubjpass", 2),
        ("was", "AUX", "VBD", "auxpass", 2, "be"),
        ("sanctioned", "VERB", "VBN", "ROOT", 2, "sanction"),
        ("by", "ADP", "IN", "agent", 2),
        *treasury(4, "pobj", 3),
        period(2),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.verb")]


def test_could_be_sanctioned_is_threatened(ng):
    # Maduro could be sanctioned by the Treasury Department.
    doc = ng.run([
        maduro("nsubjpass", 3),
        ("could", "AUX", "MD", "aux", 3),
        ("be", "AUX", "VB", "auxpass", 3),
        ("sanctioned", "VERB", "VBN", "ROOT", 3, "sanction"),
        ("by", "ADP", "IN", "agent", 3),
        *treasury(5, "pobj", 4),
        period(3),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "threatened", "sanctioned.verb")]


def _impose(verb: str, lemma: str) -> list[tuple]:
    """ "Washington <verb> sanctions on Maduro." """
    return [
        ("Washington", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        (verb, "VERB", "VBD", "ROOT", 1, lemma),
        ("sanctions", "NOUN", "NNS", "dobj", 1, "sanction"),
        ("on", "ADP", "IN", "prep", 1),
        maduro("pobj", 3),
        period(1),
    ]


def test_sanctioned_impose_on_by_a_capital_is_the_countrys_government(ng):
    doc = ng.run(_impose("imposed", "impose"))
    assert doc.text == "Washington imposed sanctions on Maduro."
    assert ng.relations(doc) == [("SANCTIONED", "United States government", "Maduro", "imposed", "sanctioned.impose_on")]
    government = ng.entity(doc, "United States government")
    # the place's mention moved to the government it stands for
    assert [doc._.ng_mentions[m].text for m in government.mentions] == ["Washington"]


def test_lifted_sanctions(ng):
    doc = ng.run(_impose("lifted", "lift"))
    assert ng.relations(doc) == [("SANCTIONED", "United States government", "Maduro", "lifted", "sanctioned.impose_on")]


def test_threatened_to_impose_sanctions(ng):
    # Washington threatened to impose sanctions on Maduro.
    doc = ng.run([
        ("Washington", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("threatened", "VERB", "VBD", "ROOT", 1, "threaten"),
        ("to", "PART", "TO", "aux", 3),
        ("impose", "VERB", "VB", "xcomp", 1),
        ("sanctions", "NOUN", "NNS", "dobj", 3, "sanction"),
        ("on", "ADP", "IN", "prep", 3),
        maduro("pobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "United States government", "Maduro", "threatened", "sanctioned.impose_on")]


def test_could_face_sanctions_without_a_target_gives_nothing(ng):
    # Maduro could face the Treasury Department's sanctions.   (no "on"/"against": no rule matches)
    doc = ng.run([
        maduro("nsubj", 2),
        ("could", "AUX", "MD", "aux", 2),
        ("face", "VERB", "VB", "ROOT", 2),
        *treasury(3, "poss", 7),
        ("'s", "PART", "POS", "case", 5),
        ("sanctions", "NOUN", "NNS", "dobj", 2, "sanction"),
        period(2),
    ])
    assert ng.relations(doc) == []


def test_could_face_sanctions_against_is_threatened(ng):
    # The regime could face Treasury Department sanctions against Maduro.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("regime", "NOUN", "NN", "nsubj", 3),
        ("could", "AUX", "MD", "aux", 3),
        ("face", "VERB", "VB", "ROOT", 3),
        ("Treasury", "PROPN", "NNP", "compound", 5, None, "B-ORG"),
        ("Department", "PROPN", "NNP", "compound", 6, None, "I-ORG"),
        ("sanctions", "NOUN", "NNS", "dobj", 3, "sanction"),
        ("against", "ADP", "IN", "prep", 6),
        maduro("pobj", 7),
        period(3),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "threatened", "sanctioned.noun_on")]


def test_sanctioned_noun_on_with_a_capital_as_nominal_agent(ng):
    # Washington's sanctions on Maduro took effect.
    doc = ng.run([
        ("Washington", "PROPN", "NNP", "poss", 2, None, "B-GPE"),
        ("'s", "PART", "POS", "case", 0),
        ("sanctions", "NOUN", "NNS", "nsubj", 5, "sanction"),
        ("on", "ADP", "IN", "prep", 2),
        maduro("pobj", 3),
        ("took", "VERB", "VBD", "ROOT", 5, "take"),
        ("effect", "NOUN", "NN", "dobj", 5),
        period(5),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "United States government", "Maduro", "imposed", "sanctioned.noun_on")]


def test_sanctioned_noun_on_trade_with(ng):
    # The EU embargo on arms exports to Venezuela stays.
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("EU", "PROPN", "NNP", "compound", 2, None, "B-ORG"),
        ("embargo", "NOUN", "NN", "nsubj", 8, "embargo"),
        ("on", "ADP", "IN", "prep", 2),
        ("arms", "NOUN", "NNS", "compound", 5, "arm"),
        ("exports", "NOUN", "NNS", "pobj", 3, "export"),
        ("to", "ADP", "IN", "prep", 5),
        ("Venezuela", "PROPN", "NNP", "pobj", 6, None, "B-GPE"),
        ("stays", "VERB", "VBZ", "ROOT", 8, "stay"),
        period(8),
    ])
    assert ng.relations(doc) == [
        ("SANCTIONED", "European Union", "Venezuelan government", "imposed", "sanctioned.noun_on_trade_with")
    ]


def test_sanctioned_noun_imposed_on_and_a_planned_lift_leaves_it_imposed(ng):
    # Paris wants to lift the EU's embargo imposed on Venezuela.
    doc = ng.run([
        ("Paris", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("wants", "VERB", "VBZ", "ROOT", 1, "want"),
        ("to", "PART", "TO", "aux", 3),
        ("lift", "VERB", "VB", "xcomp", 1, "lift"),
        ("the", "DET", "DT", "det", 5),
        ("EU", "PROPN", "NNP", "poss", 7, None, "B-ORG"),
        ("'s", "PART", "POS", "case", 5),
        ("embargo", "NOUN", "NN", "dobj", 3, "embargo"),
        ("imposed", "VERB", "VBN", "acl", 7, "impose"),
        ("on", "ADP", "IN", "prep", 8),
        ("Venezuela", "PROPN", "NNP", "pobj", 9, None, "B-GPE"),
        period(1),
    ])
    assert ng.relations(doc) == [
        ("SANCTIONED", "European Union", "Venezuelan government", "imposed", "sanctioned.noun_imposed_on")
    ]


def test_sanctioned_noun_imposed_by_on(ng):
    # Sanctions imposed by the EU on Venezuela remain.
    doc = ng.run([
        ("Sanctions", "NOUN", "NNS", "nsubj", 7, "sanction"),
        ("imposed", "VERB", "VBN", "acl", 0, "impose"),
        ("by", "ADP", "IN", "agent", 1),
        ("the", "DET", "DT", "det", 4),
        ("EU", "PROPN", "NNP", "pobj", 2, None, "B-ORG"),
        ("on", "ADP", "IN", "prep", 1),
        ("Venezuela", "PROPN", "NNP", "pobj", 5, None, "B-GPE"),
        ("remain", "VERB", "VBP", "ROOT", 7, "remain"),
        period(7),
    ])
    assert ng.relations(doc) == [
        ("SANCTIONED", "European Union", "Venezuelan government", "imposed", "sanctioned.noun_imposed_by_on")
    ]


def test_sanctioned_noun_on_imposed_by(ng):
    # Sanctions on Venezuela, imposed by the EU, remain.
    doc = ng.run([
        ("Sanctions", "NOUN", "NNS", "nsubj", 9, "sanction"),
        ("on", "ADP", "IN", "prep", 0),
        ("Venezuela", "PROPN", "NNP", "pobj", 1, None, "B-GPE"),
        (*COMMA, 0),
        ("imposed", "VERB", "VBN", "acl", 0, "impose"),
        ("by", "ADP", "IN", "agent", 4),
        ("the", "DET", "DT", "det", 7),
        ("EU", "PROPN", "NNP", "pobj", 5, None, "B-ORG"),
        (*COMMA, 0),
        ("remain", "VERB", "VBP", "ROOT", 9, "remain"),
        period(9),
    ])
    assert ng.relations(doc) == [
        ("SANCTIONED", "European Union", "Venezuelan government", "imposed", "sanctioned.noun_on_imposed_by")
    ]


def test_sanctioned_placed_under_sanctions(ng):
    # The EU placed Maduro under sanctions.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("EU", "PROPN", "NNP", "nsubj", 2, None, "B-ORG"),
        ("placed", "VERB", "VBD", "ROOT", 2, "place"),
        maduro("dobj", 2),
        ("under", "ADP", "IN", "prep", 2),
        ("sanctions", "NOUN", "NNS", "pobj", 4, "sanction"),
        period(2),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "European Union", "Maduro", "imposed", "sanctioned.placed_under")]


def test_sanctioned_hit_with_sanctions(ng):
    # Maduro was hit with EU sanctions.
    doc = ng.run([
        maduro("nsubjpass", 2),
        ("was", "AUX", "VBD", "auxpass", 2, "be"),
        ("hit", "VERB", "VBN", "ROOT", 2, "hit"),
        ("with", "ADP", "IN", "prep", 2),
        ("EU", "PROPN", "NNP", "compound", 5, None, "B-ORG"),
        ("sanctions", "NOUN", "NNS", "pobj", 3, "sanction"),
        period(2),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "European Union", "Maduro", "imposed", "sanctioned.hit_with")]


def test_lifted_embargo_is_lifted(ng):
    # The EU lifted its embargo on Venezuela.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("EU", "PROPN", "NNP", "nsubj", 2, None, "B-ORG"),
        ("lifted", "VERB", "VBD", "ROOT", 2, "lift"),
        ("its", "PRON", "PRP$", "poss", 4),
        ("embargo", "NOUN", "NN", "dobj", 2, "embargo"),
        ("on", "ADP", "IN", "prep", 4),
        ("Venezuela", "PROPN", "NNP", "pobj", 5, None, "B-GPE"),
        period(2),
    ])
    assert [(r[0], r[2], r[3]) for r in ng.relations(doc)] == [("SANCTIONED", "Venezuelan government", "lifted")]


def test_warned_of_sanctions_on_is_threatened(ng):
    # Rubio warned of Washington's sanctions on Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("warned", "VERB", "VBD", "ROOT", 1, "warn"),
        ("of", "ADP", "IN", "prep", 1),
        ("Washington", "PROPN", "NNP", "poss", 5, None, "B-GPE"),
        ("'s", "PART", "POS", "case", 3),
        ("sanctions", "NOUN", "NNS", "pobj", 2, "sanction"),
        ("on", "ADP", "IN", "prep", 5),
        maduro("pobj", 6),
        period(1),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "United States government", "Maduro", "threatened", "sanctioned.noun_on")]


def test_sanctioned_on_list(ng):
    # Maduro is on the Treasury Department's sanctions list.
    doc = ng.run([
        maduro("nsubj", 1),
        ("is", "AUX", "VBZ", "ROOT", 1, "be"),
        ("on", "ADP", "IN", "prep", 1),
        *treasury(3, "poss", 8),
        ("'s", "PART", "POS", "case", 5),
        ("sanctions", "NOUN", "NNS", "compound", 8, "sanction"),
        ("list", "NOUN", "NN", "pobj", 2),
        period(1),
    ])
    assert ng.relations(doc) == [("SANCTIONED", "Treasury Department", "Maduro", "imposed", "sanctioned.on_list")]


# ---- ACCUSED ----------------------------------------------------------------------------------


def test_accused_by_a_statement_is_accused_by_its_author(ng):
    # A Washington claim accusing Maduro of fraud was dismissed.
    doc = ng.run([
        ("A", "DET", "DT", "det", 2),
        ("Washington", "PROPN", "NNP", "compound", 2, None, "B-GPE"),
        ("claim", "NOUN", "NN", "nsubjpass", 8, "claim"),
        ("accusing", "VERB", "VBG", "acl", 2, "accuse"),
        maduro("dobj", 3),
        ("of", "ADP", "IN", "prep", 3),
        ("fraud", "NOUN", "NN", "pobj", 5),
        ("was", "AUX", "VBD", "auxpass", 8, "be"),
        ("dismissed", "VERB", "VBN", "ROOT", 8, "dismiss"),
        period(8),
    ])
    assert ng.relations(doc) == [("ACCUSED", "United States government", "Maduro", None, "accused.verb")]


def test_accused_verb_active_by_a_capital(ng):
    # Washington accused Maduro of fraud.
    doc = ng.run([
        ("Washington", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("accused", "VERB", "VBD", "ROOT", 1, "accuse"),
        maduro("dobj", 1),
        ("of", "ADP", "IN", "prep", 1),
        ("fraud", "NOUN", "NN", "pobj", 3),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "United States government", "Maduro", None, "accused.verb")]
    assert ng.entity(doc, "United States government").fixed_type


def test_accused_verb_passive_with_conjoined_targets(ng):
    # Padrino met Rubio. He and other members of the Venezuelan security apparatus were accused by Washington.
    doc = ng.run([
        ("Padrino", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        rubio("dobj", 1),
        period(1),
        ("He", "PRON", "PRP", "nsubjpass", 14),
        ("and", "CCONJ", "CC", "cc", 4),
        ("other", "ADJ", "JJ", "amod", 7),
        ("members", "NOUN", "NNS", "conj", 4, "member"),
        ("of", "ADP", "IN", "prep", 7),
        ("the", "DET", "DT", "det", 12),
        ("Venezuelan", "ADJ", "JJ", "amod", 12, None, "B-NORP"),
        ("security", "NOUN", "NN", "compound", 12),
        ("apparatus", "NOUN", "NN", "pobj", 8),
        ("were", "AUX", "VBD", "auxpass", 14, "be"),
        ("accused", "VERB", "VBN", "ROOT", 14, "accuse"),
        ("by", "ADP", "IN", "agent", 14),
        ("Washington", "PROPN", "NNP", "pobj", 15, None, "B-GPE"),
        period(14),
    ])
    accused = [r for r in ng.relations(doc) if r[0] == "ACCUSED"]
    assert accused == [
        ("ACCUSED", "United States government", "Padrino", None, "accused.verb"),
        ("ACCUSED", "United States government", "Venezuelan security apparatus", None, "accused.verb"),
    ]
    assert ("MET_WITH", "Padrino", "Rubio", None, "met_with.verb_object") in ng.relations(doc)


def test_accused_blame_on(ng):
    # Rubio blamed the crisis on Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("blamed", "VERB", "VBD", "ROOT", 1, "blame"),
        ("the", "DET", "DT", "det", 3),
        ("crisis", "NOUN", "NN", "dobj", 1),
        ("on", "ADP", "IN", "prep", 1),
        maduro("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.blame_on")]


def test_accused_blame_thing_on_when_the_parse_hangs_on_from_the_thing(ng):
    # Rubio blamed the defeat on Maduro. ("on Maduro" under "defeat")
    doc = ng.run([
        rubio("nsubj", 1),
        ("blamed", "VERB", "VBD", "ROOT", 1, "blame"),
        ("the", "DET", "DT", "det", 3),
        ("defeat", "NOUN", "NN", "dobj", 1),
        ("on", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.blame_thing_on")]


def test_accused_laid_the_blame_on(ng):
    # Rubio pinned the blame on Maduro.
    doc = ng.run([rubio("nsubj", 1), ("pinned", "VERB", "VBD", "ROOT", 1, "pin"), ("the", "DET", "DT", "det", 3),
                  ("blame", "NOUN", "NN", "dobj", 1, "blame"), ("on", "ADP", "IN", "prep", 1), maduro("pobj", 4),
                  period(1)])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.laid_the_blame_on")]


def test_accused_laid_the_blame_for_something_on(ng):
    # Rubio put the blame for the defeat on Maduro.   ("on Maduro" under "defeat")
    doc = ng.run([rubio("nsubj", 1), ("put", "VERB", "VBD", "ROOT", 1, "put"), ("the", "DET", "DT", "det", 3),
                  ("blame", "NOUN", "NN", "dobj", 1, "blame"), ("for", "ADP", "IN", "prep", 1),
                  ("the", "DET", "DT", "det", 6), ("defeat", "NOUN", "NN", "pobj", 4), ("on", "ADP", "IN", "prep", 6),
                  maduro("pobj", 7), period(1)])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.laid_the_blame_for_on")]


def test_putting_something_else_on_a_party_is_no_accusation(ng):
    # Rubio put the money on Maduro.
    doc = ng.run([rubio("nsubj", 1), ("put", "VERB", "VBD", "ROOT", 1, "put"), ("the", "DET", "DT", "det", 3),
                  ("money", "NOUN", "NN", "dobj", 1), ("on", "ADP", "IN", "prep", 1), maduro("pobj", 4), period(1)])
    assert ng.relations(doc) == []


def test_accused_reduced_relative_with_an_agent(ng):
    # Maduro, accused by Rubio of fraud, resigned.
    doc = ng.run([
        maduro("nsubj", 8),
        (",", "PUNCT", ",", "punct", 0),
        ("accused", "VERB", "VBN", "acl", 0, "accuse"),
        ("by", "ADP", "IN", "agent", 2),
        rubio("pobj", 3),
        ("of", "ADP", "IN", "prep", 4),
        ("fraud", "NOUN", "NN", "pobj", 5),
        (",", "PUNCT", ",", "punct", 0),
        ("resigned", "VERB", "VBD", "ROOT", 8, "resign"),
        period(8),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.reduced_relative_by")]


def test_a_reduced_relative_without_an_agent_names_no_accuser(ng):
    # Maduro, accused of fraud, resigned.
    doc = ng.run([
        maduro("nsubj", 6),
        (",", "PUNCT", ",", "punct", 0),
        ("accused", "VERB", "VBN", "acl", 0, "accuse"),
        ("of", "ADP", "IN", "prep", 2),
        ("fraud", "NOUN", "NN", "pobj", 3),
        (",", "PUNCT", ",", "punct", 0),
        ("resigned", "VERB", "VBD", "ROOT", 6, "resign"),
        period(6),
    ])
    assert ng.relations(doc) == []


def test_accused_said_was_to_blame_and_is_asserted(ng):
    # Rubio said Maduro was to blame.
    doc = ng.run([rubio("nsubj", 1), ("said", "VERB", "VBD", "ROOT", 1, "say"), maduro("nsubj", 3),
                  ("was", "AUX", "VBD", "ccomp", 1, "be"), ("to", "PART", "TO", "aux", 5),
                  ("blame", "VERB", "VB", "xcomp", 3, "blame"), period(1)])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.said_was_to_blame")]
    assert [r.modality for r in doc._.ng_relations] == [Modality.ASSERTED]


def test_accused_by_the_owner_of_the_document_that_accuses(ng):
    # Rubio's suit accuses Maduro of fraud.   (a lawsuit, a complaint, an indictment stands for its author)
    doc = ng.run([rubio("poss", 2), ("'s", "PART", "POS", "case", 0), ("suit", "NOUN", "NN", "nsubj", 3),
                  ("accuses", "VERB", "VBZ", "ROOT", 3, "accuse"), maduro("dobj", 3), ("of", "ADP", "IN", "prep", 4),
                  ("fraud", "NOUN", "NN", "pobj", 5), period(3)])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.verb")]


def test_blaming_a_party_on_a_platform_blames_the_party_not_the_platform(ng):
    # Rubio blamed Maduro on Twitter.
    for on_head in (1, 2):  # "on Twitter" under the verb or under Maduro
        doc = ng.run([
            rubio("nsubj", 1),
            ("blamed", "VERB", "VBD", "ROOT", 1, "blame"),
            maduro("dobj", 1),
            ("on", "ADP", "IN", "prep", on_head),
            ("Twitter", "PROPN", "NNP", "pobj", 3, None, "B-ORG"),
            period(1),
        ])
        assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.verb")]


def test_accusations_against_x_by_y(ng):
    # The accusations against Maduro by Rubio grew.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("accusations", "NOUN", "NNS", "nsubj", 6, "accusation"),
        ("against", "ADP", "IN", "prep", 1),
        maduro("pobj", 2),
        ("by", "ADP", "IN", "prep", 1),
        rubio("pobj", 4),
        ("grew", "VERB", "VBD", "ROOT", 6, "grow"),
        period(6),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.noun_against")]


def test_never_accused_is_negated_and_denied_accusations_stay_asserted(ng):
    # Rubio never accused Maduro. Maduro denied the accusations against him by Rubio.
    doc = ng.run([
        rubio("nsubj", 2),
        ("never", "ADV", "RB", "neg", 2),
        ("accused", "VERB", "VBD", "ROOT", 2, "accuse"),
        maduro("dobj", 2),
        period(2),
        maduro("nsubj", 6),
        ("denied", "VERB", "VBD", "ROOT", 6, "deny"),
        ("the", "DET", "DT", "det", 8),
        ("accusations", "NOUN", "NNS", "dobj", 6, "accusation"),
        ("against", "ADP", "IN", "prep", 8),
        ("him", "PRON", "PRP", "pobj", 9, "he"),
        ("by", "ADP", "IN", "prep", 8),
        rubio("pobj", 11),
        period(6),
    ])
    found = [(r.rule, r.modality) for r in doc._.ng_relations if r.type.value == "ACCUSED"]
    assert found == [("accused.verb", Modality.NEGATED), ("accused.noun_against", Modality.ASSERTED)]


def test_accused_disputed(ng):
    # Maduro denied the allegations by Rubio.
    doc = ng.run([
        maduro("nsubj", 1),
        ("denied", "VERB", "VBD", "ROOT", 1, "deny"),
        ("the", "DET", "DT", "det", 3),
        ("allegations", "NOUN", "NNS", "dobj", 1, "allegation"),
        ("by", "ADP", "IN", "prep", 3),
        rubio("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.disputed")]
    assert doc._.ng_relations[0].modality is Modality.ASSERTED


def test_accused_disputed_made_by(ng):
    # Maduro denied the allegations made by Rubio.
    doc = ng.run([
        maduro("nsubj", 1),
        ("denied", "VERB", "VBD", "ROOT", 1, "deny"),
        ("the", "DET", "DT", "det", 3),
        ("allegations", "NOUN", "NNS", "dobj", 1, "allegation"),
        ("made", "VERB", "VBN", "acl", 3, "make"),
        ("by", "ADP", "IN", "agent", 4),
        rubio("pobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.disputed_made_by")]
    assert doc._.ng_relations[0].modality is Modality.ASSERTED


def test_accused_in_a_relative_clause_is_the_noun_it_describes(ng):
    # Rubio, who has accused Maduro, spoke.
    doc = ng.run([
        rubio("nsubj", 7),
        (*COMMA, 0),
        ("who", "PRON", "WP", "nsubj", 4),
        ("has", "AUX", "VBZ", "aux", 4, "have"),
        ("accused", "VERB", "VBN", "relcl", 0, "accuse"),
        maduro("dobj", 4),
        (*COMMA, 0),
        ("spoke", "VERB", "VBD", "ROOT", 7, "speak"),
        period(7),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.verb")]


def test_accused_suit_brought_by(ng):
    # Maduro settled a lawsuit filed by Rubio.
    doc = ng.run([
        maduro("nsubj", 1),
        ("settled", "VERB", "VBD", "ROOT", 1, "settle"),
        ("a", "DET", "DT", "det", 3),
        ("lawsuit", "NOUN", "NN", "dobj", 1),
        ("filed", "VERB", "VBN", "acl", 3, "file"),
        ("by", "ADP", "IN", "agent", 4),
        rubio("pobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.suit_brought_by")]


def test_accused_accuser_poss(ng):
    # Maduro's accuser, Rubio, spoke.
    doc = ng.run([
        maduro("poss", 2),
        ("'s", "PART", "POS", "case", 0),
        ("accuser", "NOUN", "NN", "nsubj", 6),
        (*COMMA, 2),
        rubio("appos", 2),
        (*COMMA, 2),
        ("spoke", "VERB", "VBD", "ROOT", 6, "speak"),
        period(6),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.accuser_poss")]


def test_accused_accuser_of(ng):
    # Rubio, an accuser of Maduro, spoke.
    doc = ng.run([
        rubio("nsubj", 7),
        (*COMMA, 0),
        ("an", "DET", "DT", "det", 3),
        ("accuser", "NOUN", "NN", "appos", 0),
        ("of", "ADP", "IN", "prep", 3),
        maduro("pobj", 4),
        (*COMMA, 0),
        ("spoke", "VERB", "VBD", "ROOT", 7, "speak"),
        period(7),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.accuser_of")]


def test_accused_noun_against(ng):
    # Washington's accusations against Maduro angered him.
    doc = ng.run([
        ("Washington", "PROPN", "NNP", "poss", 2, None, "B-GPE"),
        ("'s", "PART", "POS", "case", 0),
        ("accusations", "NOUN", "NNS", "nsubj", 5, "accusation"),
        ("against", "ADP", "IN", "prep", 2),
        maduro("pobj", 3),
        ("angered", "VERB", "VBD", "ROOT", 5, "anger"),
        ("him", "PRON", "PRP", "dobj", 5, "he"),
        period(5),
    ])
    assert ng.relations(doc) == [("ACCUSED", "United States government", "Maduro", None, "accused.noun_against")]


def test_accused_noun_against_through_the_verb_that_makes_the_accusation_only(ng):
    # Rubio filed a complaint against Maduro. / Rubio rejected the complaint against Maduro.
    def sentence(verb: str, lemma: str):
        return ng.run([
            rubio("nsubj", 1),
            (verb, "VERB", "VBD", "ROOT", 1, lemma),
            ("a", "DET", "DT", "det", 3),
            ("complaint", "NOUN", "NN", "dobj", 1, "complaint"),
            ("against", "ADP", "IN", "prep", 3),
            maduro("pobj", 4),
            period(1),
        ])

    assert ng.relations(sentence("filed", "file")) == [("ACCUSED", "Rubio", "Maduro", None, "accused.noun_against")]
    assert ng.relations(sentence("rejected", "reject")) == []  # Rubio makes no accusation
    assert ng.relations(sentence("welcomed", "welcome")) == []


def test_accused_indictment_sought_against(ng):
    # Rubio sought an indictment against Maduro. ("against" under "sought")
    doc = ng.run([
        rubio("nsubj", 1),
        ("sought", "VERB", "VBD", "ROOT", 1, "seek"),
        ("an", "DET", "DT", "det", 3),
        ("indictment", "NOUN", "NN", "dobj", 1, "indictment"),
        ("against", "ADP", "IN", "prep", 1),
        maduro("pobj", 4),
        period(1),
    ])
    assert [r[:3] + r[4:] for r in ng.relations(doc)] == [("ACCUSED", "Rubio", "Maduro", "accused.level_charges_against")]


def test_accused_charge_with(ng):
    # Washington charged Maduro with fraud.
    doc = ng.run([
        ("Washington", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("charged", "VERB", "VBD", "ROOT", 1, "charge"),
        maduro("dobj", 1),
        ("with", "ADP", "IN", "prep", 1),
        ("fraud", "NOUN", "NN", "pobj", 3),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "United States government", "Maduro", None, "accused.charge_with")]


@pytest.mark.parametrize(("verb", "lemma", "prep", "wrong", "by_dep", "expected"), [
    ("charged", "charge", "with", ("fraud", "NOUN", "NN", "pobj"), "prep",
     [("ACCUSED", "Rubio", "Maduro", None, "accused.passive_by_on_the_wrong")]),
    ("accused", "accuse", "of", ("lying", "VERB", "VBG", "pcomp"), "prep",
     [("ACCUSED", "Rubio", "Maduro", None, "accused.passive_by_on_the_wrong")]),
    # "accused of being paid by Rubio": Rubio is the agent of the paying, not the accuser
    ("accused", "accuse", "of", ("paid", "VERB", "VBN", "pcomp"), "agent", []),
])
def test_accused_passive_by_on_the_wrong(ng, verb, lemma, prep, wrong, by_dep, expected):
    # Maduro was charged with fraud (accused of lying) by Rubio: the parse hangs "by Rubio" on the wrong.
    doc = ng.run([
        maduro("nsubjpass", 2),
        ("was", "AUX", "VBD", "auxpass", 2, "be"),
        (verb, "VERB", "VBN", "ROOT", 2, lemma),
        (prep, "ADP", "IN", "prep", 2),
        (*wrong, 3),
        ("by", "ADP", "IN", by_dep, 4),
        rubio("pobj", 5),
        period(2),
    ])
    assert [r for r in ng.relations(doc) if r[4] != "accused.verb"] == expected


def test_charged_without_an_offence_is_no_accusation(ng):
    # Rubio charged Maduro $10. (a price, not a charge of wrongdoing)
    doc = ng.run([
        rubio("nsubj", 1),
        ("charged", "VERB", "VBD", "ROOT", 1, "charge"),
        maduro("dative", 1),
        ("$", "SYM", "$", "nmod", 4),
        ("10", "NUM", "CD", "dobj", 1),
        period(1),
    ])
    assert ng.relations(doc) == []


def test_accused_sue(ng):
    # Rubio is suing Maduro, alleging fraud.
    doc = ng.run([
        rubio("nsubj", 2),
        ("is", "AUX", "VBZ", "aux", 2, "be"),
        ("suing", "VERB", "VBG", "ROOT", 2, "sue"),
        maduro("dobj", 2),
        (*COMMA, 2),
        ("alleging", "VERB", "VBG", "advcl", 2, "allege"),
        ("fraud", "NOUN", "NN", "dobj", 5),
        period(2),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.verb")]


def test_accused_alleged_that(ng):
    # Rubio alleged that Maduro rigged the vote.
    doc = ng.run([
        rubio("nsubj", 1),
        ("alleged", "VERB", "VBD", "ROOT", 1, "allege"),
        ("that", "SCONJ", "IN", "mark", 4),
        maduro("nsubj", 4),
        ("rigged", "VERB", "VBD", "ccomp", 1, "rig"),
        ("the", "DET", "DT", "det", 6),
        ("vote", "NOUN", "NN", "dobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.alleged_that")]


def test_accused_noun_that(ng):
    # Rubio's allegation that Maduro rigged the vote was rejected.
    doc = ng.run([
        rubio("poss", 2),
        ("'s", "PART", "POS", "case", 0),
        ("allegation", "NOUN", "NN", "nsubjpass", 9),
        ("that", "SCONJ", "IN", "mark", 5),
        maduro("nsubj", 5),
        ("rigged", "VERB", "VBD", "acl", 2, "rig"),
        ("the", "DET", "DT", "det", 7),
        ("vote", "NOUN", "NN", "dobj", 5),
        ("was", "AUX", "VBD", "auxpass", 9, "be"),
        ("rejected", "VERB", "VBN", "ROOT", 9, "reject"),
        period(9),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.noun_that")]
    assert doc._.ng_relations[0].modality is Modality.ASSERTED  # a rejected allegation was made


@pytest.mark.parametrize(("dep", "tag", "expected"), [
    ("relcl", "VBD", []),  # "the allegation that Maduro made": a relative clause says who made it
    ("acl", "VBN", []),  # "the allegation made ...": a reduced relative has no clause subject of its own
])
def test_accused_noun_that_needs_a_complement_clause(ng, dep, tag, expected):
    # Rubio denied the allegation that Maduro made.
    doc = ng.run([
        rubio("nsubj", 1),
        ("denied", "VERB", "VBD", "ROOT", 1, "deny"),
        ("the", "DET", "DT", "det", 3),
        ("allegation", "NOUN", "NN", "dobj", 1),
        ("that", "PRON", "WDT", "dobj", 6),
        maduro("nsubj", 6),
        ("made", "VERB", tag, dep, 3, "make"),
        period(1),
    ])
    assert [r for r in ng.relations(doc) if r[4] == "accused.noun_that"] == expected


def test_accused_faced_charges_from(ng):
    # Maduro faced charges from Rubio.
    doc = ng.run([
        maduro("nsubj", 1),
        ("faced", "VERB", "VBD", "ROOT", 1, "face"),
        ("charges", "NOUN", "NNS", "dobj", 1, "charge"),
        ("from", "ADP", "IN", "prep", 2),
        rubio("pobj", 3),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.faced_charges_from")]


def test_accused_faced_charges_from_hung_on_the_verb(ng):
    # Maduro faced charges from Rubio. ("from" under "faced")
    doc = ng.run([
        maduro("nsubj", 1),
        ("faced", "VERB", "VBD", "ROOT", 1, "face"),
        ("charges", "NOUN", "NNS", "dobj", 1, "charge"),
        ("from", "ADP", "IN", "prep", 1),
        rubio("pobj", 3),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.faced_charges_verb_from")]


def test_accused_paid_the_accuser_to_settle(ng):
    # Maduro paid Rubio $5m to settle charges.
    doc = ng.run([
        maduro("nsubj", 1),
        ("paid", "VERB", "VBD", "ROOT", 1, "pay"),
        rubio("dative", 1),
        ("$", "SYM", "$", "nmod", 4),
        ("5m", "NUM", "CD", "dobj", 1, None, "B-MONEY"),
        ("to", "PART", "TO", "aux", 6),
        ("settle", "VERB", "VB", "advcl", 1, "settle"),
        ("charges", "NOUN", "NNS", "dobj", 6, "charge"),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.paid_to_settle")]


def test_accused_paid_to_the_accuser_to_settle(ng):
    # Maduro agreed to pay $5m to Rubio to settle the lawsuit.
    doc = ng.run([
        maduro("nsubj", 1),
        ("agreed", "VERB", "VBD", "ROOT", 1, "agree"),
        ("to", "PART", "TO", "aux", 3),
        ("pay", "VERB", "VB", "xcomp", 1, "pay"),
        ("$", "SYM", "$", "nmod", 5),
        ("5m", "NUM", "CD", "dobj", 3, None, "B-MONEY"),
        ("to", "ADP", "IN", "prep", 3),
        rubio("pobj", 6),
        ("to", "PART", "TO", "aux", 9),
        ("settle", "VERB", "VB", "advcl", 3, "settle"),
        ("the", "DET", "DT", "det", 11),
        ("lawsuit", "NOUN", "NN", "dobj", 9),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.paid_to_to_settle")]


def test_a_sum_paid_is_not_who_settles(ng):
    # Maduro paid $5m to settle a lawsuit filed by Rubio: Maduro, not "$5m", settles.
    doc = ng.run([
        maduro("nsubj", 1),
        ("paid", "VERB", "VBD", "ROOT", 1, "pay"),
        ("$", "SYM", "$", "nmod", 3),
        ("m", "NOUN", "NN", "dobj", 1),
        ("to", "PART", "TO", "aux", 5),
        ("settle", "VERB", "VB", "advcl", 1, "settle"),
        ("a", "DET", "DT", "det", 7),
        ("lawsuit", "NOUN", "NN", "dobj", 5),
        ("filed", "VERB", "VBN", "acl", 7, "file"),
        ("by", "ADP", "IN", "agent", 8),
        rubio("pobj", 9),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.suit_brought_by")]


def test_accused_level_charges_against_hung_on_the_verb(ng):
    # Rubio brought charges against Maduro. ("against" under "brought")
    doc = ng.run([
        rubio("nsubj", 1),
        ("brought", "VERB", "VBD", "ROOT", 1, "bring"),
        ("charges", "NOUN", "NNS", "dobj", 1, "charge"),
        ("against", "ADP", "IN", "prep", 1),
        maduro("pobj", 3),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.level_charges_against")]


def test_accused_charges_of_crime_against(ng):
    # Rubio leveled charges of fraud against Maduro. ("against" under "fraud")
    doc = ng.run([
        rubio("nsubj", 1),
        ("leveled", "VERB", "VBD", "ROOT", 1, "level"),
        ("charges", "NOUN", "NNS", "dobj", 1, "charge"),
        ("of", "ADP", "IN", "prep", 2),
        ("fraud", "NOUN", "NN", "pobj", 3),
        ("against", "ADP", "IN", "prep", 4),
        maduro("pobj", 5),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.charges_of_crime_against")]


def test_accused_pointed_the_finger_at(ng):
    # Rubio pointed the finger at Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("pointed", "VERB", "VBD", "ROOT", 1, "point"),
        ("the", "DET", "DT", "det", 3),
        ("finger", "NOUN", "NN", "dobj", 1),
        ("at", "ADP", "IN", "prep", 1),
        maduro("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.pointed_the_finger_at")]


def test_accused_held_responsible(ng):
    # Rubio held Maduro responsible.
    doc = ng.run([
        rubio("nsubj", 1),
        ("held", "VERB", "VBD", "ROOT", 1, "hold"),
        maduro("dobj", 1),
        ("responsible", "ADJ", "JJ", "oprd", 1),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.held_responsible")]


def test_a_lawsuit_filed_by_x_accusing_is_x_accusing(ng):
    # The lawsuit, filed by Rubio, accuses Maduro.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("lawsuit", "NOUN", "NN", "nsubj", 7),
        COMMA + (1,),
        ("filed", "VERB", "VBN", "acl", 1, "file"),
        ("by", "ADP", "IN", "agent", 3),
        rubio("pobj", 4),
        COMMA + (1,),
        ("accuses", "VERB", "VBZ", "ROOT", 7, "accuse"),
        maduro("dobj", 7),
        period(7),
    ], spaces=[True, False, True, True, True, False, True, True, False, False])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.verb")]


def test_a_sum_whose_currency_hangs_on_its_number_is_not_who_settles(ng):
    # Maduro paid $ 850 m to settle a lawsuit filed by Rubio. ("$" under "850", "850" under "m")
    doc = ng.run([
        maduro("nsubj", 1),
        ("paid", "VERB", "VBD", "ROOT", 1, "pay"),
        ("$", "SYM", "$", "nmod", 3),
        ("850", "NUM", "CD", "nummod", 4, None, "B-MONEY"),
        ("m", "NOUN", "NN", "dobj", 1),
        ("to", "PART", "TO", "aux", 6),
        ("settle", "VERB", "VB", "advcl", 1, "settle"),
        ("a", "DET", "DT", "det", 8),
        ("lawsuit", "NOUN", "NN", "dobj", 6),
        ("filed", "VERB", "VBN", "acl", 8, "file"),
        ("by", "ADP", "IN", "agent", 9),
        rubio("pobj", 10),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.suit_brought_by")]


def test_accused_took_to_court(ng):
    # Rubio took Maduro to court.
    doc = ng.run([
        rubio("nsubj", 1),
        ("took", "VERB", "VBD", "ROOT", 1, "take"),
        maduro("dobj", 1),
        ("to", "ADP", "IN", "prep", 1),
        ("court", "NOUN", "NN", "pobj", 3, "court"),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.took_to_court")]


def test_accused_by_a_described_group(ng):
    # Federal prosecutors accused Maduro of fraud.
    doc = ng.run([
        ("Federal", "ADJ", "JJ", "amod", 1),
        ("prosecutors", "NOUN", "NNS", "nsubj", 2, "prosecutor"),
        ("accused", "VERB", "VBD", "ROOT", 2, "accuse"),
        maduro("dobj", 2),
        ("of", "ADP", "IN", "prep", 2),
        ("fraud", "NOUN", "NN", "pobj", 4),
        period(2),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Federal prosecutors", "Maduro", None, "accused.verb")]


def test_accused_file_suit_against(ng):
    # Rubio filed a lawsuit against Maduro.
    doc = ng.run([
        rubio("nsubj", 1),
        ("filed", "VERB", "VBD", "ROOT", 1, "file"),
        ("a", "DET", "DT", "det", 3),
        ("lawsuit", "NOUN", "NN", "dobj", 1),
        ("against", "ADP", "IN", "prep", 1),
        maduro("pobj", 4),
        period(1),
    ])
    assert ng.relations(doc) == [("ACCUSED", "Rubio", "Maduro", None, "accused.file_suit_against")]


# ---- CITES ------------------------------------------------------------------------------------

def nyt(start: int, dep: str, head: int) -> list[tuple]:
    """ "the New York Times" from token `start`; "Times" has `dep` on `head`."""
    noun = start + 3
    return [
        ("The" if start == 0 else "the", "DET", "DT", "det", noun, None, "B-ORG"),
        ("New", "PROPN", "NNP", "compound", start + 2, None, "I-ORG"),
        ("York", "PROPN", "NNP", "compound", noun, None, "I-ORG"),
        ("Times", "PROPN", "NNP", dep, head, None, "I-ORG"),
    ]


def test_cites_verb_outlet_subject(ng):
    # The New York Times cited American officials.
    doc = ng.run([
        *nyt(0, "nsubj", 4),
        ("cited", "VERB", "VBD", "ROOT", 4, "cite"),
        ("American", "ADJ", "JJ", "amod", 6, None, "B-NORP"),
        ("officials", "NOUN", "NNS", "dobj", 4, "official"),
        period(4),
    ], outlet="Reuters")
    assert ng.relations(doc) == [("CITES", "The New York Times", "United States government", None, "cites.verb")]


def test_cites_verb_person_subject_gives_nothing(ng):
    # Rubio cited American officials.
    doc = ng.run([
        rubio("nsubj", 1),
        ("cited", "VERB", "VBD", "ROOT", 1, "cite"),
        ("American", "ADJ", "JJ", "amod", 3, None, "B-NORP"),
        ("officials", "NOUN", "NNS", "dobj", 1, "official"),
        period(1),
    ], outlet="Reuters")
    assert ng.relations(doc) == []


def test_cites_verb_falls_back_to_the_reporting_outlet(ng):
    # Maduro will fall, the New York Times reported Saturday, citing American officials.
    # ("citing" attached to the main clause, whose subject is Maduro)
    doc = ng.run([
        maduro("nsubj", 2),
        ("will", "AUX", "MD", "aux", 2),
        ("fall", "VERB", "VB", "ROOT", 2),
        (*COMMA, 2),
        *nyt(4, "nsubj", 8),
        ("reported", "VERB", "VBD", "parataxis", 2, "report"),
        ("Saturday", "PROPN", "NNP", "npadvmod", 8, None, "B-DATE"),
        (*COMMA, 2),
        ("citing", "VERB", "VBG", "advcl", 2, "cite"),
        ("American", "ADJ", "JJ", "amod", 13, None, "B-NORP"),
        ("officials", "NOUN", "NNS", "dobj", 11, "official"),
        period(2),
    ], outlet="Reuters")
    relations = ng.relations(doc)
    assert ("CITES", "The New York Times", "United States government", None, "cites.verb") in relations
    # the report itself: the article cites the Times ("Maduro will fall, the Times reported")
    assert (None, "The New York Times") in [(r[1], r[2]) for r in relations if r[4] == "cites.attribution"]


# ---- schema filter, places --------------------------------------------------------------------


def test_met_with_an_outlet_is_dropped_by_the_schema(ng):
    # Rubio met with the New York Times.
    doc = ng.run([rubio("nsubj", 1), ("met", "VERB", "VBD", "ROOT", 1, "meet"), ("with", "ADP", "IN", "prep", 1),
                  *nyt(3, "pobj", 2), period(1)], outlet="Reuters")
    assert ng.relations(doc) == []


def test_sanctioned_by_a_person_is_dropped_by_the_schema(ng):
    # Rubio sanctioned Maduro.
    doc = ng.run([rubio("nsubj", 1), ("sanctioned", "VERB", "VBD", "ROOT", 1, "sanction"), maduro("dobj", 1), period(1)])
    assert ng.relations(doc) == []


def test_met_with_a_location_is_dropped(ng):
    # Rubio met with Guaidó.   (NER mislabels the person GPE: a Location with no government)
    doc = ng.run([rubio("nsubj", 1), ("met", "VERB", "VBD", "ROOT", 1, "meet"), ("with", "ADP", "IN", "prep", 1),
                  ("Guaidó", "PROPN", "NNP", "pobj", 2, None, "B-GPE"), period(1)])
    assert ng.entity(doc, "Guaidó").type.value == "Location"
    assert ng.relations(doc) == []


def test_met_with_visit_a_person(ng):
    # Rubio visited Maduro.
    doc = ng.run([rubio("nsubj", 1), ("visited", "VERB", "VBD", "ROOT", 1, "visit"), maduro("dobj", 1), period(1)])
    assert ng.relations(doc) == [("MET_WITH", "Rubio", "Maduro", None, "met_with.visit")]


def test_visiting_a_place_without_a_government_is_no_meeting(ng):
    # Rubio visited Miami.
    doc = ng.run([rubio("nsubj", 1), ("visited", "VERB", "VBD", "ROOT", 1, "visit"),
                  ("Miami", "PROPN", "NNP", "dobj", 1, None, "B-GPE"), period(1)])
    assert ng.relations(doc) == []


def test_a_name_in_a_list_of_places_visited_is_a_place_too(ng):
    # Rubio visited Tintori and Miami.  (the model may take a town for a person: a list with a place is places)
    doc = ng.run([
        rubio("nsubj", 1),
        ("visited", "VERB", "VBD", "ROOT", 1, "visit"),
        ("Tintori", "PROPN", "NNP", "dobj", 1, None, "B-PERSON"),
        ("and", "CCONJ", "CC", "cc", 2),
        ("Miami", "PROPN", "NNP", "conj", 2, None, "B-GPE"),
        period(1),
    ])
    assert ng.relations(doc) == []


def test_visiting_a_capital_is_no_meeting_with_its_government(ng):
    # Rubio visited Caracas.   (a place as argument stands for its government, but visit wants a Person)
    doc = ng.run([rubio("nsubj", 1), ("visited", "VERB", "VBD", "ROOT", 1, "visit"),
                  ("Caracas", "PROPN", "NNP", "dobj", 1, None, "B-GPE"), period(1)])
    assert ng.relations(doc) == []


# ---- relations from quotes ----------------------------------------------------------------------


def _rubio_quote(outlet_rows: list[tuple] | None = None) -> list[tuple]:
    """ “We will win,” Rubio said[ in an interview with Univision]. """
    rows = [
        (*OPEN, 7),
        ("We", "PRON", "PRP", "nsubj", 3),
        ("will", "AUX", "MD", "aux", 3),
        ("win", "VERB", "VB", "ccomp", 7),
        (*COMMA, 7),
        (*CLOSE, 7),
        rubio("nsubj", 7),
        ("said", "VERB", "VBD", "ROOT", 7, "say"),
    ]
    return [*rows, *(outlet_rows or []), period(7)]


_INTERVIEW_WITH_UNIVISION = [
    ("in", "ADP", "IN", "prep", 7),
    ("an", "DET", "DT", "det", 10),
    ("interview", "NOUN", "NN", "pobj", 8),
    ("with", "ADP", "IN", "prep", 10),
    ("Univision", "PROPN", "NNP", "pobj", 11, None, "B-ORG"),
]


def test_publishing_a_quote_is_no_quoted_by(ng):
    # the statement is reported by the article, which is PUBLISHED_BY Reuters: no edge of its own
    doc = ng.run(_rubio_quote(), outlet="Reuters")
    assert ng.relations(doc) == []
    [quote] = doc._.ng_quotes
    assert doc.text[quote.sentence[0] : quote.sentence[1]] == "“We will win,” Rubio said."


def test_quote_is_quoted_by_its_receiver(ng):
    doc = ng.run(_rubio_quote(_INTERVIEW_WITH_UNIVISION), outlet="Reuters")
    assert doc.text == "“We will win,” Rubio said in an interview with Univision."
    assert ng.relations(doc) == [("QUOTED_BY", "Rubio", "Univision", None, "quoted_by.quote.verb_above")]
    relation = doc._.ng_relations[0]
    assert [doc.text[a:b] for a, b in relation.quote] == ["We will win,"]
    assert relation.direct is True
    assert doc.text[relation.span[0] : relation.span[1]] == "We will win,” Rubio said"


def test_quote_without_article_outlet_or_receiver_gives_nothing(ng):
    doc = ng.run(_rubio_quote(), outlet=None)
    assert ng.relations(doc) == []


def test_indirect_speech_published_by_an_outlet_is_no_quoted_by(ng):
    # Rubio said that the regime would fall.
    doc = ng.run([
        rubio("nsubj", 1),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        ("that", "SCONJ", "IN", "mark", 6),
        ("the", "DET", "DT", "det", 4),
        ("regime", "NOUN", "NN", "nsubj", 6),
        ("would", "AUX", "MD", "aux", 6),
        ("fall", "VERB", "VB", "ccomp", 1),
        period(1),
    ], outlet="Reuters")
    assert ng.relations(doc) == []
    assert [(q.direct, q.rule) for q in doc._.ng_quotes] == [(False, "indirect.speech")]


# “Maduro will fall,” the New York Times reported.
_TIMES_REPORTED = [
    (*OPEN, 10),
    maduro("nsubj", 3),
    ("will", "AUX", "MD", "aux", 3),
    ("fall", "VERB", "VB", "ccomp", 10),
    (*COMMA, 10),
    (*CLOSE, 10),
    *nyt(6, "nsubj", 10),
    ("reported", "VERB", "VBD", "ROOT", 10, "report"),
    period(10),
]


def test_outlet_speaker_gives_article_cites_outlet(ng):
    doc = ng.run(_TIMES_REPORTED, outlet="Reuters")
    assert doc.text == "“Maduro will fall,” the New York Times reported."
    assert ng.relations(doc) == [("CITES", None, "The New York Times", None, "cites.attribution")]
    [(start, end)] = doc._.ng_relations[0].quote
    assert doc.text[start:end] == "Maduro will fall,"


def test_own_outlet_as_speaker_gives_nothing(ng):
    doc = ng.run(_TIMES_REPORTED, outlet="The New York Times")
    [quote] = ng.quotes(doc)
    assert quote["speaker"] == "The New York Times"
    assert ng.relations(doc) == []


# ---- coverage of the rule file -----------------------------------------------------------------


def test_every_rule_in_the_pattern_file_is_tested_here():
    source = open(__file__, encoding="utf-8").read()
    untested = [rule for rule in _rule_ids() if f'"{rule}"' not in source]
    assert untested == []


# ---- countries acting ----------------------------------------------------------------------------


def test_a_country_that_acts_is_its_government_and_one_that_is_is_a_place(ng):
    # France breached the rules. France is large.
    doc = ng.run([
        ("France", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("breached", "VERB", "VBD", "ROOT", 1, "breach"),
        ("the", "DET", "DT", "det", 3),
        ("rules", "NOUN", "NNS", "dobj", 1, "rule"),
        period(1),
        ("France", "PROPN", "NNP", "nsubj", 6, None, "B-GPE"),
        ("is", "AUX", "VBZ", "ROOT", 6, "be"),
        ("large", "ADJ", "JJ", "acomp", 6),
        period(6),
    ])
    acting, place = doc._.ng_mentions[0], doc._.ng_mentions[1]
    entities = doc._.ng_entities
    assert entities[doc._.ng_mention_entity[0]].name == "French government"
    assert entities[doc._.ng_mention_entity[1]].name == "France"
    assert (acting.start, place.start) == (0, 5)
