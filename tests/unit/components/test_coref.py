"""newsgraph_coref on hand-built Docs: names, surnames, acronyms, short outlet names,
groups, anaphors, pronouns and entity typing."""

from __future__ import annotations

from newsgraph.ingest.components.types import MentionKind
from newsgraph.model.graph import EntityType

PUNCT = ("PUNCT", ".", "punct")


def _period(head: int) -> tuple:
    return (".", *PUNCT, head)


# ---- names -----------------------------------------------------------------------------


def test_surname_attaches_to_the_full_name(ng):
    # Nicolás Maduro spoke. Maduro left.
    doc = ng.run([
        ("Nicolás", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Maduro", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        _period(2),
        ("Maduro", "PROPN", "NNP", "nsubj", 5, None, "B-PERSON"),
        ("left", "VERB", "VBD", "ROOT", 5, "leave"),
        _period(5),
    ])
    assert ng.entity_names(doc) == ["Nicolás Maduro"]
    maduro = ng.entity(doc, "Nicolás Maduro")
    assert maduro.type is EntityType.PERSON
    assert maduro.aliases == {"Maduro"}
    assert (maduro.given_name, maduro.surname, maduro.gender) == ("Nicolás", "Maduro", "m")
    assert doc._.ng_mention_entity == [0, 0]


def test_shared_surname_goes_to_the_nearest_preceding_full_name(ng):
    # Bill Clinton praised Hillary Clinton. Clinton smiled.
    doc = ng.run([
        ("Bill", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Clinton", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("praised", "VERB", "VBD", "ROOT", 2, "praise"),
        ("Hillary", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
        ("Clinton", "PROPN", "NNP", "dobj", 2, None, "I-PERSON"),
        _period(2),
        ("Clinton", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("smiled", "VERB", "VBD", "ROOT", 7, "smile"),
        _period(7),
    ])
    assert ng.entity_names(doc) == ["Bill Clinton", "Hillary Clinton"]
    assert ng.entity_of(doc, "Clinton").name == "Hillary Clinton"
    assert ng.entity(doc, "Bill Clinton").mentions == [0]


def test_a_titled_surname_skips_a_full_name_of_the_other_gender(ng):
    # Hillary Clinton spoke. Mr. Clinton smiled.
    doc = ng.run([
        ("Hillary", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Clinton", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        _period(2),
        ("Mr.", "PROPN", "NNP", "compound", 5),
        ("Clinton", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
        ("smiled", "VERB", "VBD", "ROOT", 6, "smile"),
        _period(6),
    ])
    assert ng.entity_names(doc) == ["Hillary Clinton", "Clinton"]
    assert ng.entity(doc, "Clinton").gender == "m"
    assert ng.entity(doc, "Hillary Clinton").gender == "f"


def test_gender_from_he_when_the_name_gives_none(ng):
    # Okonkwo spoke. He left.
    doc = ng.run([
        ("Okonkwo", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 1, "speak"),
        _period(1),
        ("He", "PRON", "PRP", "nsubj", 4, "he"),
        ("left", "VERB", "VBD", "ROOT", 4, "leave"),
        _period(4),
    ])
    assert ng.entity(doc, "Okonkwo").gender == "m"


# ---- acronyms --------------------------------------------------------------------------


def test_acronym_joins_the_name_it_follows_with_or(ng):
    # The Citizens Action Council, or CAC, met.
    doc = ng.run([
        ("The", "DET", "DT", "det", 3),
        ("Citizens", "PROPN", "NNPS", "compound", 3, None, "B-ORG"),
        ("Action", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Council", "PROPN", "NNP", "nsubj", 8, None, "I-ORG"),
        (",", "PUNCT", ",", "punct", 3),
        ("or", "CCONJ", "CC", "cc", 3),
        ("ZAP", "PROPN", "NNP", "conj", 3, None, "B-ORG"),
        (",", "PUNCT", ",", "punct", 3),
        ("met", "VERB", "VBD", "ROOT", 8, "meet"),
        _period(8),
    ])
    # "ZAP" is no initialism of the name: only the ", or" bridge can join them
    assert ng.entity_names(doc) == ["Citizens Action Council"]
    council = ng.entity(doc, "Citizens Action Council")
    assert council.aliases == {"ZAP"}
    assert council.type is EntityType.ORGANIZATION


def test_a_dateline_agency_is_no_alias_of_its_place(ng):
    # Brookfield (AP) — Officials left.
    doc = ng.run([
        ("Brookfield", "PROPN", "NNP", "npadvmod", 6, None, "B-GPE"),
        ("(", "PUNCT", "-LRB-", "punct", 0),
        ("AP", "PROPN", "NNP", "appos", 0, None, "B-ORG"),
        (")", "PUNCT", "-RRB-", "punct", 0),
        ("—", "PUNCT", ":", "punct", 6),
        ("Officials", "NOUN", "NNS", "nsubj", 6, "official"),
        ("left", "VERB", "VBD", "ROOT", 6, "leave"),
        _period(6),
    ])
    assert ng.entity_of(doc, "Brookfield").name == "Brookfield"
    assert "Brookfield" not in ng.entity_of(doc, "AP").aliases
    assert ng.entity_of(doc, "AP") is not ng.entity_of(doc, "Brookfield")


def test_an_outlet_in_parentheses_is_no_alias_of_a_name(ng):
    # Clara Voss (AFP) spoke.
    doc = ng.run([
        ("Clara", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Voss", "PROPN", "NNP", "nsubj", 5, None, "I-PERSON"),
        ("(", "PUNCT", "-LRB-", "punct", 1),
        ("AFP", "PROPN", "NNP", "appos", 1, None, "B-ORG"),
        (")", "PUNCT", "-RRB-", "punct", 1),
        ("spoke", "VERB", "VBD", "ROOT", 5, "speak"),
        _period(5),
    ])
    assert ng.entity_of(doc, "Clara Voss").name == "Clara Voss"
    assert ng.entity_of(doc, "AFP").type.value == "Outlet"


def test_the_end_of_an_organization_name_named_before_joins_it(ng):
    # The Quarlow Action Council met. The Council left. (NER: organizations)
    doc = ng.run([
        ("The", "DET", "DT", "det", 3),
        ("Quarlow", "PROPN", "NNP", "compound", 3, None, "B-ORG"),
        ("Action", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Council", "PROPN", "NNP", "nsubj", 4, None, "I-ORG"),
        ("met", "VERB", "VBD", "ROOT", 4, "meet"),
        _period(4),
        ("The", "DET", "DT", "det", 7),
        ("Council", "PROPN", "NNP", "nsubj", 8, None, "B-ORG"),
        ("left", "VERB", "VBD", "ROOT", 8, "leave"),
        _period(8),
    ])
    assert ng.entity_names(doc) == ["Quarlow Action Council"]


def test_a_place_ending_an_organization_name_is_no_part_of_it(ng):
    # The Bank of Quarlow met. Quarlow left. (NER: an organization, then a place)
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("Bank", "PROPN", "NNP", "nsubj", 4, None, "B-ORG"),
        ("of", "ADP", "IN", "prep", 1, None, "I-ORG"),
        ("Quarlow", "PROPN", "NNP", "pobj", 2, None, "I-ORG"),
        ("met", "VERB", "VBD", "ROOT", 4, "meet"),
        _period(4),
        ("Quarlow", "PROPN", "NNP", "nsubj", 7, None, "B-ORG"),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        _period(7),
    ])
    assert sorted(ng.entity_names(doc)) == ["Bank of Quarlow", "Quarlow"]


def test_an_end_two_longer_names_share_joins_neither(ng):
    # The Quarlow Council met the Brenmoor Council. The Council left.
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("Quarlow", "PROPN", "NNP", "compound", 2, None, "B-ORG"),
        ("Council", "PROPN", "NNP", "nsubj", 3, None, "I-ORG"),
        ("met", "VERB", "VBD", "ROOT", 3, "meet"),
        ("the", "DET", "DT", "det", 6),
        ("Brenmoor", "PROPN", "NNP", "compound", 6, None, "B-ORG"),
        ("Council", "PROPN", "NNP", "dobj", 3, None, "I-ORG"),
        _period(3),
        ("The", "DET", "DT", "det", 9),
        ("Council", "PROPN", "NNP", "nsubj", 10, None, "B-ORG"),
        ("left", "VERB", "VBD", "ROOT", 10, "leave"),
        _period(10),
    ])
    assert sorted(ng.entity_names(doc)) == ["Brenmoor Council", "Council", "Quarlow Council"]


def test_one_word_of_a_company_name_joins_it_even_read_as_a_person(ng):
    # Quarlow Finance Group grew. Quarlow left. (NER: the group an organization, the word a person)
    doc = ng.run([
        ("Quarlow", "PROPN", "NNP", "compound", 2, None, "B-ORG"),
        ("Finance", "PROPN", "NNP", "compound", 2, None, "I-ORG"),
        ("Group", "PROPN", "NNP", "nsubj", 3, None, "I-ORG"),
        ("grew", "VERB", "VBD", "ROOT", 3, "grow"),
        _period(3),
        ("Quarlow", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
        ("left", "VERB", "VBD", "ROOT", 6, "leave"),
        _period(6),
    ])
    assert ng.entity_names(doc) == ["Quarlow Finance Group"]


def test_a_surname_that_joined_its_person_stays_off_a_company_named_for_it(ng):
    # Ann Quarlow runs Quarlow Holdings. Quarlow left.
    doc = ng.run([
        ("Ann", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Quarlow", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("runs", "VERB", "VBZ", "ROOT", 2, "run"),
        ("Quarlow", "PROPN", "NNP", "compound", 4, None, "B-ORG"),
        ("Holdings", "PROPN", "NNP", "dobj", 2, None, "I-ORG"),
        _period(2),
        ("Quarlow", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        _period(7),
    ])
    assert sorted(ng.entity_names(doc)) == ["Ann Quarlow", "Quarlow Holdings"]
    assert len(ng.entity(doc, "Ann Quarlow").mentions) == 2


def test_acronym_joins_the_name_by_initials(ng):
    # The Citizens Action Council met. CAC left.
    doc = ng.run([
        ("The", "DET", "DT", "det", 3),
        ("Citizens", "PROPN", "NNPS", "compound", 3, None, "B-ORG"),
        ("Action", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Council", "PROPN", "NNP", "nsubj", 4, None, "I-ORG"),
        ("met", "VERB", "VBD", "ROOT", 4, "meet"),
        _period(4),
        ("CAC", "PROPN", "NNP", "nsubj", 7, None, "B-ORG"),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        _period(7),
    ])
    assert ng.entity_names(doc) == ["Citizens Action Council"]
    assert ng.entity(doc, "Citizens Action Council").aliases == {"CAC"}


# ---- short outlet names ------------------------------------------------------------------

_TIMES_LATER = [  # heads relative to "Times"
    ("Times", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
    ("reported", "VERB", "VBD", "ROOT", 1, "report"),
    ("it", "PRON", "PRP", "dobj", 1),
    _period(1),
]


def _the_times(offset: int) -> list[tuple]:
    """ "The Times reported it." starting at token `offset`."""
    return [("The", "DET", "DT", "det", offset + 1), *_shift(_TIMES_LATER, offset + 1)]


def test_the_times_joins_the_new_york_times_named_earlier(ng):
    # The New York Times spoke. The Times reported it.
    doc = ng.run([
        ("The", "DET", "DT", "det", 3, None, "B-ORG"),
        ("New", "PROPN", "NNP", "compound", 2, None, "I-ORG"),
        ("York", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Times", "PROPN", "NNP", "nsubj", 4, None, "I-ORG"),
        ("spoke", "VERB", "VBD", "ROOT", 4, "speak"),
        _period(4),
        *_the_times(6),
    ], outlet="Reuters")
    assert ng.entity_names(doc)[0] == "The New York Times"
    times = ng.mention(doc, "Times")
    assert times.short_form
    assert ng.entity_of(doc, "Times").name == "The New York Times"
    assert ng.entity(doc, "The New York Times").type is EntityType.OUTLET


def test_the_times_is_the_articles_own_outlet_when_not_named_in_full(ng):
    # The Times reported it.   (published by The New York Times)
    doc = ng.run(_the_times(0), outlet="The New York Times")
    entity = ng.entity_of(doc, "Times")
    assert (entity.name, entity.type) == ("The New York Times", EntityType.OUTLET)


def test_the_times_is_a_separate_outlet_otherwise(ng):
    # The Times reported it. The Times reported it.   (published by Reuters)
    doc = ng.run([*_the_times(0), *_the_times(5)], outlet="Reuters")
    assert ng.entity_names(doc) == ["The Times"]  # the article's own outlet is no entity it names
    entity = ng.entity(doc, "The Times")
    assert entity.type is EntityType.OUTLET
    assert len([m for m in entity.mentions if doc._.ng_mentions[m].text == "Times"]) == 2


def test_the_times_without_article_outlet_is_a_separate_outlet(ng):
    doc = ng.run(_the_times(0), outlet=None)
    assert ng.entity_names(doc) == ["The Times"]


# ---- groups and anaphors -----------------------------------------------------------------

_SPECIFIC = [  # Venezuelan military officers met. (tokens 0-3)
    ("Venezuelan", "ADJ", "JJ", "amod", 2, None, "B-NORP"),
    ("military", "ADJ", "JJ", "amod", 2),
    ("officers", "NOUN", "NNS", "nsubj", 3, "officer"),
    ("met", "VERB", "VBD", "ROOT", 3, "meet"),
]


def _shift(rows: list[tuple], offset: int) -> list[tuple]:
    return [(w, p, t, d, h + offset, *rest) for w, p, t, d, h, *rest in rows]


def test_less_specific_group_joins_the_more_specific_one(ng):
    # Venezuelan military officers met. Venezuelan officers left.
    doc = ng.run([
        *_SPECIFIC,
        _period(3),
        ("Venezuelan", "ADJ", "JJ", "amod", 6, None, "B-NORP"),
        ("officers", "NOUN", "NNS", "nsubj", 7, "officer"),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        _period(7),
    ])
    assert [m.text for m in doc._.ng_mentions] == ["Venezuelan military officers", "Venezuelan officers"]
    assert ng.entity_names(doc) == ["Venezuelan military officers"]
    group = ng.entity(doc, "Venezuelan military officers")
    assert group.mentions == [0, 1]
    assert (group.type, group.kind) == (EntityType.ORGANIZATION, MentionKind.GROUP)


def test_less_specific_group_named_first_still_joins_the_more_specific_one(ng):
    # Venezuelan officers left. Venezuelan military officers met.
    doc = ng.run([
        ("Venezuelan", "ADJ", "JJ", "amod", 1, None, "B-NORP"),
        ("officers", "NOUN", "NNS", "nsubj", 2, "officer"),
        ("left", "VERB", "VBD", "ROOT", 2, "leave"),
        _period(2),
        *_shift(_SPECIFIC, 4),
        _period(7),
    ])
    assert len(doc._.ng_entities) == 1
    assert doc._.ng_mention_entity == [0, 0]


def test_merged_group_is_named_by_the_more_specific_group_whatever_the_order(ng):
    # Venezuelan officers left. Venezuelan military officers met.
    doc = ng.run([
        ("Venezuelan", "ADJ", "JJ", "amod", 1, None, "B-NORP"),
        ("officers", "NOUN", "NNS", "nsubj", 2, "officer"),
        ("left", "VERB", "VBD", "ROOT", 2, "leave"),
        _period(2),
        *_shift(_SPECIFIC, 4),
        _period(7),
    ])
    assert ng.entity_names(doc) == ["Venezuelan military officers"]


def test_the_officers_joins_the_group_with_head_officers(ng):
    # Venezuelan military officers met. The officers left.
    doc = ng.run([
        *_SPECIFIC,
        _period(3),
        ("The", "DET", "DT", "det", 6),
        ("officers", "NOUN", "NNS", "nsubj", 7, "officer"),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        _period(7),
    ])
    anaphor = doc._.ng_mentions[1]
    assert (anaphor.text, anaphor.kind) == ("officers", MentionKind.ANAPHOR)
    assert ng.entity_names(doc) == ["Venezuelan military officers"]
    assert doc._.ng_mention_entity == [0, 0]


# ---- pronouns ------------------------------------------------------------------------------


def test_he_in_reported_clause_resolves_to_the_reporting_subject(ng):
    # Marco Rubio told Nicolás Maduro that he would win.
    doc = ng.run([
        ("Marco", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Rubio", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("told", "VERB", "VBD", "ROOT", 2, "tell"),
        ("Nicolás", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
        ("Maduro", "PROPN", "NNP", "dobj", 2, None, "I-PERSON"),
        ("that", "SCONJ", "IN", "mark", 8),
        ("he", "PRON", "PRP", "nsubj", 8),
        ("would", "AUX", "MD", "aux", 8),
        ("win", "VERB", "VB", "ccomp", 2),
        _period(2),
    ])
    # the nearest compatible mention is Maduro; the reporting subject wins
    assert ng.entity_of(doc, "he").name == "Marco Rubio"


def test_he_in_reported_clause_of_the_president_resolves_to_the_titled_name(ng):
    # President Dwight Holloway spoke. The president told Anna Pruitt that he would win.
    doc = ng.run([
        ("President", "PROPN", "NNP", "compound", 2),
        ("Dwight", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("Holloway", "PROPN", "NNP", "nsubj", 3, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 3, "speak"),
        _period(3),
        ("The", "DET", "DT", "det", 6),
        ("president", "NOUN", "NN", "nsubj", 7),
        ("told", "VERB", "VBD", "ROOT", 7, "tell"),
        ("Anna", "PROPN", "NNP", "compound", 9, None, "B-PERSON"),
        ("Pruitt", "PROPN", "NNP", "dobj", 7, None, "I-PERSON"),
        ("that", "SCONJ", "IN", "mark", 13),
        ("he", "PRON", "PRP", "nsubj", 13),
        ("would", "AUX", "MD", "aux", 13),
        ("win", "VERB", "VB", "ccomp", 7),
        _period(7),
    ])
    # "the president" stands for the name that carried the title; the pronoun follows it
    assert ng.entity_of(doc, "president").name == "Dwight Holloway"
    assert ng.entity_of(doc, "he").name == "Dwight Holloway"


_RUBIO_MET_GUAIDO = [  # Marco Rubio met Juan Guaidó. (tokens 0-5)
    ("Marco", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
    ("Rubio", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
    ("met", "VERB", "VBD", "ROOT", 2, "meet"),
    ("Juan", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
    ("Guaidó", "PROPN", "NNP", "dobj", 2, None, "I-PERSON"),
    _period(2),
]


def test_sentence_initial_he_resolves_to_previous_main_clause_subject(ng):
    # Marco Rubio met Juan Guaidó. He smiled.
    doc = ng.run([
        *_RUBIO_MET_GUAIDO,
        ("He", "PRON", "PRP", "nsubj", 7),
        ("smiled", "VERB", "VBD", "ROOT", 7, "smile"),
        _period(7),
    ])
    assert ng.entity_of(doc, "He").name == "Marco Rubio"
    assert ng.entity(doc, "Marco Rubio").mentions == [0, 2]


def test_an_object_pronoun_never_takes_its_own_verbs_subject(ng):
    # Juan Guaidó spoke. Marco Rubio accused him. Rubio praised himself.
    doc = ng.run([
        ("Juan", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Guaidó", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        _period(2),
        ("Marco", "PROPN", "NNP", "compound", 5, None, "B-PERSON"),
        ("Rubio", "PROPN", "NNP", "nsubj", 6, None, "I-PERSON"),
        ("accused", "VERB", "VBD", "ROOT", 6, "accuse"),
        ("him", "PRON", "PRP", "dobj", 6, "he"),
        _period(6),
        ("Rubio", "PROPN", "NNP", "nsubj", 10, None, "B-PERSON"),
        ("praised", "VERB", "VBD", "ROOT", 10, "praise"),
        ("himself", "PRON", "PRP", "dobj", 10, "himself"),
        _period(10),
    ])
    assert ng.entity_of(doc, "him").name == "Juan Guaidó"
    assert ng.entity_of(doc, "himself").name == "Marco Rubio"


def test_a_subject_pronoun_never_takes_its_own_verbs_objects(ng):
    # Marco Rubio met Juan Guaidó. He accused Rubio. / ... He met with Rubio. ("He" is Guaidó, though
    # the subject of the sentence before is the likelier antecedent)
    def run(*clause):
        return ng.run([
            *_RUBIO_MET_GUAIDO,
            ("He", "PRON", "PRP", "nsubj", 7),
            *clause,
            _period(7),
        ])

    accused = run(("accused", "VERB", "VBD", "ROOT", 7, "accuse"), ("Rubio", "PROPN", "NNP", "dobj", 7, None, "B-PERSON"))
    met = run(("met", "VERB", "VBD", "ROOT", 7, "meet"), ("with", "ADP", "IN", "prep", 7),
              ("Rubio", "PROPN", "NNP", "pobj", 8, None, "B-PERSON"))
    assert ng.entity_of(accused, "He").name == "Juan Guaidó"
    assert ng.entity_of(met, "He").name == "Juan Guaidó"


def test_she_skips_a_male_candidate_for_a_female_one(ng):
    # Marco Rubio met Lilian Tintori. She smiled.
    doc = ng.run([
        ("Marco", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Rubio", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("met", "VERB", "VBD", "ROOT", 2, "meet"),
        ("Lilian", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
        ("Tintori", "PROPN", "NNP", "dobj", 2, None, "I-PERSON"),
        _period(2),
        ("She", "PRON", "PRP", "nsubj", 7),
        ("smiled", "VERB", "VBD", "ROOT", 7, "smile"),
        _period(7),
    ])
    assert ng.entity_of(doc, "She").name == "Lilian Tintori"
    assert ng.entity(doc, "Lilian Tintori").gender == "f"


def test_he_outside_a_quote_skips_the_names_inside_it(ng):
    # Marco Rubio spoke. “Juan Guaidó won,” he said.
    doc = ng.run([
        ("Marco", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Rubio", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        _period(2),
        ("“", "PUNCT", "``", "punct", 11),
        ("Juan", "PROPN", "NNP", "compound", 6, None, "B-PERSON"),
        ("Guaidó", "PROPN", "NNP", "nsubj", 7, None, "I-PERSON"),
        ("won", "VERB", "VBD", "ccomp", 11, "win"),
        (",", "PUNCT", ",", "punct", 11),
        ("”", "PUNCT", "''", "punct", 11),
        ("he", "PRON", "PRP", "nsubj", 11),
        ("said", "VERB", "VBD", "ROOT", 11, "say"),
        _period(11),
    ])
    assert ng.entity_of(doc, "he").name == "Marco Rubio"


def test_he_skips_a_plural_people_name(ng):
    # Jack Straw arrived. Kashmiris cheered. He smiled.
    doc = ng.run([
        ("Jack", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Straw", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("arrived", "VERB", "VBD", "ROOT", 2, "arrive"),
        _period(2),
        ("Kashmiris", "PROPN", "NNPS", "nsubj", 5, None, "B-NORP"),
        ("cheered", "VERB", "VBD", "ROOT", 5, "cheer"),
        _period(5),
        ("He", "PRON", "PRP", "nsubj", 8),
        ("smiled", "VERB", "VBD", "ROOT", 8, "smile"),
        _period(8),
    ])
    assert ng.entity_of(doc, "He").name == "Jack Straw"


def test_it_takes_an_organization_not_a_person(ng):
    # Marco Rubio praised the Citizens Action Council. It thanked him.
    doc = ng.run([
        ("Marco", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Rubio", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("praised", "VERB", "VBD", "ROOT", 2, "praise"),
        ("the", "DET", "DT", "det", 6),
        ("Citizens", "PROPN", "NNPS", "compound", 6, None, "B-ORG"),
        ("Action", "PROPN", "NNP", "compound", 6, None, "I-ORG"),
        ("Council", "PROPN", "NNP", "dobj", 2, None, "I-ORG"),
        _period(2),
        ("It", "PRON", "PRP", "nsubj", 9),
        ("thanked", "VERB", "VBD", "ROOT", 9, "thank"),
        ("him", "PRON", "PRP", "dobj", 9, "he"),
        _period(9),
    ])
    assert ng.entity_of(doc, "It").name == "Citizens Action Council"
    assert ng.entity_of(doc, "him").name == "Marco Rubio"


# ---- typing ----------------------------------------------------------------------------------


def _guaido(label: str, offset: int) -> list[tuple]:
    """ "Guaidó spoke." with NER label `label`."""
    return [
        ("Guaidó", "PROPN", "NNP", "nsubj", offset + 1, None, f"B-{label}"),
        ("spoke", "VERB", "VBD", "ROOT", offset + 1, "speak"),
        _period(offset + 1),
    ]


def test_majority_vote_types_a_name_person(ng):
    doc = ng.run([*_guaido("PERSON", 0), *_guaido("ORG", 3), *_guaido("PERSON", 6)])
    assert ng.entity_names(doc) == ["Guaidó"]
    guaido = ng.entity(doc, "Guaidó")
    assert guaido.type is EntityType.PERSON
    assert not guaido.fixed_type
    assert guaido.votes[EntityType.PERSON] > guaido.votes[EntityType.ORGANIZATION]


def test_majority_vote_types_a_name_organization(ng):
    doc = ng.run([*_guaido("ORG", 0), *_guaido("ORG", 3), *_guaido("PERSON", 6)])
    assert ng.entity(doc, "Guaidó").type is EntityType.ORGANIZATION


def test_a_name_in_apposition_to_a_place_noun_is_a_location(ng):
    # They visited Wilmington, the biggest city.   (NER: PERSON)
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1),
        ("visited", "VERB", "VBD", "ROOT", 1, "visit"),
        ("Wilmington", "PROPN", "NNP", "dobj", 1, None, "B-PERSON"),
        (",", "PUNCT", ",", "punct", 2),
        ("the", "DET", "DT", "det", 6),
        ("biggest", "ADJ", "JJS", "amod", 6, "big"),
        ("city", "NOUN", "NN", "appos", 2),
        _period(1),
    ])
    assert ng.entity(doc, "Wilmington").type is EntityType.LOCATION


def test_curated_name_type_is_fixed_whatever_ner_says(ng):
    # FARC spoke. FARC spoke.   (NER: PERSON twice)
    rows = [
        ("FARC", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 1, "speak"),
        _period(1),
    ]
    doc = ng.run([*rows, *_shift(rows, 3)])
    farc = ng.entity(doc, "Revolutionary Armed Forces of Colombia")
    assert farc.type is EntityType.ORGANIZATION
    assert farc.fixed_type
    assert farc.aliases == {"FARC"}
    assert len(farc.mentions) == 2


def test_they_is_a_group_before_it_is_an_organization(ng):
    # Venezuelan officers called the Obama administration and they met Rubio.
    doc = ng.run([
        ("Venezuelan", "ADJ", "JJ", "amod", 1, None, "B-NORP"),
        ("officers", "NOUN", "NNS", "nsubj", 2, "officer"),
        ("called", "VERB", "VBD", "ROOT", 2, "call"),
        ("the", "DET", "DT", "det", 5),
        ("Obama", "PROPN", "NNP", "compound", 5, None, "B-PERSON"),
        ("administration", "NOUN", "NN", "dobj", 2),
        ("and", "CCONJ", "CC", "cc", 2),
        ("they", "PRON", "PRP", "nsubj", 8),
        ("met", "VERB", "VBD", "conj", 2, "meet"),
        ("Rubio", "PROPN", "NNP", "dobj", 8, None, "B-PERSON"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert ng.entity_of(doc, "they").name == "Venezuelan officers"


def test_the_government_is_the_government_named_not_the_legislature_named_since(ng):
    # The Blair government lost. Congress voted. The government resigned.
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("Blair", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("government", "NOUN", "NN", "nsubj", 3),
        ("lost", "VERB", "VBD", "ROOT", 3, "lose"),
        _period(3),
        ("Congress", "PROPN", "NNP", "nsubj", 6, None, "B-ORG"),
        ("voted", "VERB", "VBD", "ROOT", 6, "vote"),
        _period(6),
        ("The", "DET", "DT", "det", 9),
        ("government", "NOUN", "NN", "nsubj", 10),
        ("resigned", "VERB", "VBD", "ROOT", 10, "resign"),
        _period(10),
    ])
    assert ng.entity_names(doc) == ["Blair government", "Congress"]
    assert [m.text for m in doc._.ng_mentions] == ["Blair government", "Congress", "government"]
    assert doc._.ng_mention_entity == [0, 1, 0]


def test_the_government_with_no_government_named_is_the_government_of_the_country_in_view(ng):
    # The Commons voted. The government resigned.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("Commons", "PROPN", "NNP", "nsubj", 2, None, "B-ORG"),
        ("voted", "VERB", "VBD", "ROOT", 2, "vote"),
        _period(2),
        ("The", "DET", "DT", "det", 5),
        ("government", "NOUN", "NN", "nsubj", 6),
        ("resigned", "VERB", "VBD", "ROOT", 6, "resign"),
        _period(6),
    ])
    government = ng.entity_of(doc, "government")
    assert (government.name, government.type) == ("British government", EntityType.GOVERNMENT)
    assert ng.entity_of(doc, "Commons").name == "House of Commons"
    assert government.aliases == set()  # "government" is no name of it


def test_ministers_join_the_country_government_named_later(ng):
    # The Commons voted. Ministers resigned. The British government fell.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("Commons", "PROPN", "NNP", "nsubj", 2, None, "B-ORG"),
        ("voted", "VERB", "VBD", "ROOT", 2, "vote"),
        _period(2),
        ("Ministers", "NOUN", "NNS", "nsubj", 5, "minister"),
        ("resigned", "VERB", "VBD", "ROOT", 5, "resign"),
        _period(5),
        ("The", "DET", "DT", "det", 9),
        ("British", "ADJ", "JJ", "amod", 9, None, "B-NORP"),
        ("government", "NOUN", "NN", "nsubj", 10),
        ("fell", "VERB", "VBD", "ROOT", 10, "fall"),
        _period(10),
    ])
    assert ng.entity_of(doc, "Ministers") is ng.entity_of(doc, "British government")
    assert ng.entity_of(doc, "Ministers").name == "British government"


def test_a_possessive_in_a_phrase_before_the_subject_is_the_subjects(ng):
    # Jo Roe left. In his talks, Tom Baxley smiled.   (not the man named before: the subject after)
    doc = ng.run([
        ("Jo", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Roe", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("left", "VERB", "VBD", "ROOT", 2, "leave"),
        _period(2),
        ("In", "ADP", "IN", "prep", 10),
        ("his", "PRON", "PRP$", "poss", 6, "his"),
        ("talks", "NOUN", "NNS", "pobj", 4, "talk"),
        (",", "PUNCT", ",", "punct", 10),
        ("Tom", "PROPN", "NNP", "compound", 9, None, "B-PERSON"),
        ("Baxley", "PROPN", "NNP", "nsubj", 10, None, "I-PERSON"),
        ("smiled", "VERB", "VBD", "ROOT", 10, "smile"),
        _period(10),
    ])
    assert ng.entity_of(doc, "his").name == "Tom Baxley"


def test_its_may_be_a_countrys_but_a_bare_it_is_not(ng):
    # Japan lifted its ban. It rained.   ("its" of a country: the country; a bare "it" no country)
    doc = ng.run([
        ("Japan", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("lifted", "VERB", "VBD", "ROOT", 1, "lift"),
        ("its", "PRON", "PRP$", "poss", 3, "its"),
        ("ban", "NOUN", "NN", "dobj", 1, "ban"),
        _period(1),
        ("It", "PRON", "PRP", "nsubj", 6, "it"),
        ("rained", "VERB", "VBD", "ROOT", 6, "rain"),
        _period(6),
    ])
    assert ng.entity_of(doc, "its").name == "Japan"
    assert ng.entity_of(doc, "It") is None
