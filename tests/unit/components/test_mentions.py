"""newsgraph_mentions on hand-built Docs: curated names, government patterns, cleaned
NER spans, described groups and people, anaphors and pronouns."""

from __future__ import annotations

import pytest
from newsgraph.ingest.components.types import MentionKind
from newsgraph.model.graph import EntityType


def _person_wins(mention) -> bool:
    votes = mention.votes
    return votes.get(EntityType.PERSON, 0.0) > 0 and votes[EntityType.PERSON] == max(votes.values())


# ---- curated names ---------------------------------------------------------------------


def test_curated_outlet_government_and_organization(ng):
    # The New York Times said the White House met FARC.
    doc = ng.run([
        ("The", "DET", "DT", "det", 3, None, "B-ORG"),
        ("New", "PROPN", "NNP", "compound", 2, None, "I-ORG"),
        ("York", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Times", "PROPN", "NNP", "nsubj", 4, None, "I-ORG"),
        ("said", "VERB", "VBD", "ROOT", 4, "say"),
        ("the", "DET", "DT", "det", 7),
        ("White", "PROPN", "NNP", "compound", 7, None, "B-ORG"),
        ("House", "PROPN", "NNP", "nsubj", 8, None, "I-ORG"),
        ("met", "VERB", "VBD", "ccomp", 4, "meet"),
        ("FARC", "PROPN", "NNP", "dobj", 8, None, "B-ORG"),
        (".", "PUNCT", ".", "punct", 4),
    ])
    summary = [(m.text, m.kind, m.fixed_type, m.canonical, m.origin) for m in doc._.ng_mentions]
    assert summary == [
        ("New York Times", MentionKind.NAME, EntityType.OUTLET, "The New York Times", "lexicon:OUTLET"),
        ("White House", MentionKind.NAME, EntityType.GOVERNMENT, "White House", "lexicon:GOVERNMENT"),
        ("FARC", MentionKind.NAME, EntityType.ORGANIZATION, "Revolutionary Armed Forces of Colombia", "lexicon:ORGANIZATION"),
    ]
    # the determiner is stripped from the span, not only from the display text
    assert ng.surface(doc, doc._.ng_mentions[0]) == "New York Times"


# ---- government patterns ---------------------------------------------------------------


def test_trump_administration_matched_on_tokens_when_both_nouns_hang_on_officials(ng):
    # Senior Trump administration officials met rebels.
    doc = ng.run([
        ("Senior", "ADJ", "JJ", "amod", 3),
        ("Trump", "PROPN", "NNP", "compound", 3, None, "B-PERSON"),
        ("administration", "NOUN", "NN", "compound", 3),
        ("officials", "NOUN", "NNS", "nsubj", 4, "official"),
        ("met", "VERB", "VBD", "ROOT", 4, "meet"),
        ("rebels", "NOUN", "NNS", "dobj", 4, "rebel"),
        (".", "PUNCT", ".", "punct", 4),
    ])
    assert ng.mention_texts(doc) == ["Trump administration", "rebels"]  # the rebels: a group of the article's own
    government = doc._.ng_mentions[0]
    assert (government.start, government.end, government.head) == (1, 3, 2)
    assert government.fixed_type is EntityType.GOVERNMENT
    assert government.canonical == "Trump administration"
    assert government.origin == "pattern:government"
    # "officials" stands for the administration
    assert doc._.ng_proxies == {3: 0}


def test_us_government_gets_the_country_government_canonical_name(ng):
    # He criticized the U.S. government.
    doc = ng.run([
        ("He", "PRON", "PRP", "nsubj", 1),
        ("criticized", "VERB", "VBD", "ROOT", 1, "criticize"),
        ("the", "DET", "DT", "det", 4),
        ("U.S.", "PROPN", "NNP", "compound", 4, None, "B-GPE"),
        ("government", "NOUN", "NN", "dobj", 1),
        (".", "PUNCT", ".", "punct", 1),
    ])
    government = ng.mention(doc, "U.S. government")
    assert ng.surface(doc, government) == "U.S. government"
    assert government.fixed_type is EntityType.GOVERNMENT
    assert government.canonical == "United States government"
    assert ng.entity_of(doc, "U.S. government").name == "United States government"


def test_headline_case_sentence_does_not_make_a_socialist_regime(ng):
    # Trump Officials Discussed Socialist Regime With Rebels
    doc = ng.run([
        ("Trump", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Officials", "PROPN", "NNPS", "nsubj", 2, "Officials"),
        ("Discussed", "VERB", "VBD", "ROOT", 2, "discuss"),
        ("Socialist", "PROPN", "NNP", "compound", 4),
        ("Regime", "PROPN", "NNP", "dobj", 2),
        ("With", "ADP", "IN", "prep", 2, "with"),
        ("Rebels", "PROPN", "NNPS", "pobj", 5),
    ])
    assert not [m for m in doc._.ng_mentions if m.fixed_type is EntityType.GOVERNMENT]
    assert "Socialist regime" not in ng.entity_names(doc)


def test_capitalized_modifier_in_running_text_makes_a_government(ng):
    """Control for the headline test: the same words mid-sentence in a normal sentence."""
    # They met envoys of the Socialist regime in secret.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        ("envoys", "NOUN", "NNS", "dobj", 1, "envoy"),
        ("of", "ADP", "IN", "prep", 2),
        ("the", "DET", "DT", "det", 6),
        ("Socialist", "ADJ", "JJ", "amod", 6),
        ("regime", "NOUN", "NN", "pobj", 3),
        ("in", "ADP", "IN", "prep", 1),
        ("secret", "NOUN", "NN", "pobj", 7),
        (".", "PUNCT", ".", "punct", 1),
    ])
    government = ng.mention(doc, "Socialist regime")
    assert government.canonical == "Socialist regime"
    assert government.fixed_type is EntityType.GOVERNMENT


# ---- NER spans, cleaned ----------------------------------------------------------------


def test_title_is_stripped_from_a_person_span(ng):
    # Sen. Marco Rubio spoke.
    doc = ng.run([
        ("Sen.", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("Marco", "PROPN", "NNP", "compound", 2, None, "I-PERSON"),
        ("Rubio", "PROPN", "NNP", "nsubj", 3, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 3, "speak"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    assert ng.mention_texts(doc) == ["Marco Rubio"]
    rubio = doc._.ng_mentions[0]
    assert (rubio.start, rubio.end) == (1, 3)
    assert rubio.kind is MentionKind.NAME
    assert _person_wins(rubio)
    assert rubio.votes[EntityType.PERSON] > 1.0  # title and given name add to NER's vote
    assert rubio.gender == "m"
    assert ng.entity(doc, "Marco Rubio").type is EntityType.PERSON


def test_surname_that_is_also_a_title_after_mr_is_a_name(ng):
    # Mr. King spoke.
    doc = ng.run([
        ("Mr.", "PROPN", "NNP", "compound", 1),
        ("King", "PROPN", "NNP", "nsubj", 2, None, "B-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert ng.mention_texts(doc) == ["King"]
    assert doc._.ng_mentions[0].gender == "m"


def test_title_with_its_complement_names_no_one(ng):
    # The King of Norway spoke.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1, None, "B-PERSON"),
        ("King", "PROPN", "NNP", "nsubj", 4, None, "I-PERSON"),
        ("of", "ADP", "IN", "prep", 1, None, "I-PERSON"),
        ("Norway", "PROPN", "NNP", "pobj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 4, "speak"),
        (".", "PUNCT", ".", "punct", 4),
    ])
    assert "of Norway" not in ng.mention_texts(doc)
    assert not [m for m in doc._.ng_mentions if m.kind is MentionKind.NAME and m.text.startswith("of ")]


def test_ner_span_is_split_at_possessive_and_parenthesis(ng):
    # The Citizens Action Council's (CAC) director spoke.   (NER: "Citizens Action Council's (CAC")
    doc = ng.run([
        ("The", "DET", "DT", "det", 3),
        ("Citizens", "PROPN", "NNPS", "compound", 3, None, "B-ORG"),
        ("Action", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Council", "PROPN", "NNP", "poss", 8, None, "I-ORG"),
        ("'s", "PART", "POS", "case", 3, None, "I-ORG"),
        ("(", "PUNCT", "-LRB-", "punct", 6, None, "I-ORG"),
        ("CAC", "PROPN", "NNP", "appos", 3, None, "I-ORG"),
        (")", "PUNCT", "-RRB-", "punct", 6),
        ("director", "NOUN", "NN", "nsubj", 9),
        ("spoke", "VERB", "VBD", "ROOT", 9, "speak"),
        (".", "PUNCT", ".", "punct", 9),
    ])
    assert [(m.text, m.origin) for m in doc._.ng_mentions] == [
        ("Citizens Action Council", "ner:ORG"),
        ("CAC", "ner:ORG"),
    ]
    assert [(m.start, m.end) for m in doc._.ng_mentions] == [(1, 4), (6, 7)]


def test_curated_who_span_split_from_ner_span_with_possessive_and_parenthesis(ng):
    # The World Health Organization's (WHO) director spoke.
    doc = ng.run([
        ("The", "DET", "DT", "det", 3),
        ("World", "PROPN", "NNP", "compound", 3, None, "B-ORG"),
        ("Health", "PROPN", "NNP", "compound", 3, None, "I-ORG"),
        ("Organization", "PROPN", "NNP", "poss", 8, None, "I-ORG"),
        ("'s", "PART", "POS", "case", 3, None, "I-ORG"),
        ("(", "PUNCT", "-LRB-", "punct", 6, None, "I-ORG"),
        ("WHO", "PROPN", "NNP", "appos", 3, None, "I-ORG"),
        (")", "PUNCT", "-RRB-", "punct", 6),
        ("director", "NOUN", "NN", "nsubj", 9),
        ("spoke", "VERB", "VBD", "ROOT", 9, "speak"),
        (".", "PUNCT", ".", "punct", 9),
    ])
    assert [(m.text, m.canonical) for m in doc._.ng_mentions] == [
        ("World Health Organization", "World Health Organization"),
        ("WHO", "World Health Organization"),
    ]
    assert ng.entity_names(doc) == ["World Health Organization"]
    assert ng.entity(doc, "World Health Organization").aliases == {"WHO"}


def test_curated_facility_glued_to_a_person_in_an_org_span_is_split_out(ng):
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
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert ng.mention_texts(doc) == ["Trump", "Oval Office", "Lilian Tintori"]
    office = ng.mention(doc, "Oval Office")
    assert (office.fixed_type, office.origin) == (EntityType.LOCATION, "lexicon:FACILITY")
    tintori = ng.mention(doc, "Lilian Tintori")
    assert (tintori.start, tintori.end) == (6, 8)
    assert _person_wins(tintori)  # NER said ORG; the given name outvotes it
    assert tintori.gender == "f"
    assert ng.entity_of(doc, "Lilian Tintori").type is EntityType.PERSON


def test_outlet_glued_to_a_person_by_a_possessive_is_split_at_the_possessive(ng):
    # Fox News' Lilian Tintori asked him.   (NER: ORG "Fox News' Lilian Tintori")
    doc = ng.run([
        ("Fox", "PROPN", "NNP", "compound", 1, None, "B-ORG"),
        ("News", "PROPN", "NNP", "poss", 4, None, "I-ORG"),
        ("'", "PART", "POS", "case", 1, None, "I-ORG"),
        ("Lilian", "PROPN", "NNP", "compound", 4, None, "I-ORG"),
        ("Tintori", "PROPN", "NNP", "nsubj", 5, None, "I-ORG"),
        ("asked", "VERB", "VBD", "ROOT", 5, "ask"),
        ("him", "PRON", "PRP", "dobj", 5),
        (".", "PUNCT", ".", "punct", 5),
    ])
    assert ng.mention_texts(doc) == ["Fox News", "Lilian Tintori", "him"]
    assert ng.mention(doc, "Fox News").fixed_type is EntityType.OUTLET  # the outlet no longer runs to the end
    tintori = ng.mention(doc, "Lilian Tintori")
    assert (tintori.start, tintori.end) == (3, 5)
    assert tintori.origin == "ner:PERSON"  # the person part is no organization NER found
    assert ng.entity_of(doc, "Lilian Tintori").type is EntityType.PERSON


def test_possessive_inside_a_company_name_does_not_split_it(ng):
    # Moody's Investors Service cut it.   (no given name after the possessive)
    doc = ng.run([
        ("Moody", "PROPN", "NNP", "poss", 3, None, "B-ORG"),
        ("'s", "PART", "POS", "case", 0, None, "I-ORG"),
        ("Investors", "PROPN", "NNPS", "compound", 3, None, "I-ORG"),
        ("Service", "PROPN", "NNP", "nsubj", 4, None, "I-ORG"),
        ("cut", "VERB", "VBD", "ROOT", 4, "cut"),
        ("it", "PRON", "PRP", "dobj", 4),
        (".", "PUNCT", ".", "punct", 4),
    ])
    assert ng.mention_texts(doc)[0] == "Moody's Investors Service"


def test_person_span_containing_a_country_name_is_not_split(ng):
    # Michael Jordan spoke.
    doc = ng.run([
        ("Michael", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Jordan", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert [(m.text, m.origin) for m in doc._.ng_mentions] == [("Michael Jordan", "ner:PERSON")]
    assert ng.entity(doc, "Michael Jordan").type is EntityType.PERSON
    assert "Jordan" not in ng.entity_names(doc)


def test_ordinal_tagged_person_is_rejected(ng):
    # He joined the 207th in May.
    doc = ng.run([
        ("He", "PRON", "PRP", "nsubj", 1),
        ("joined", "VERB", "VBD", "ROOT", 1, "join"),
        ("the", "DET", "DT", "det", 3),
        ("207th", "NOUN", "NN", "dobj", 1, None, "B-PERSON"),
        ("in", "ADP", "IN", "prep", 1),
        ("May", "PROPN", "NNP", "pobj", 4, None, "B-DATE"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert [m.text for m in doc._.ng_mentions if m.kind is MentionKind.NAME] == []
    assert ng.mention_texts(doc) == ["He"]


def test_period_abbreviated_country_is_a_mention(ng):
    # The U.S. sanctioned Maduro.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("U.S.", "PROPN", "NNP", "nsubj", 2, None, "B-GPE"),
        ("sanctioned", "VERB", "VBD", "ROOT", 2, "sanction"),
        ("Maduro", "PROPN", "NNP", "dobj", 2, None, "B-PERSON"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    us = ng.mention(doc, "U.S.")
    assert (us.fixed_type, us.country) == (EntityType.LOCATION, "United States")
    assert ng.relations(doc) == [("SANCTIONED", "United States government", "Maduro", "imposed", "sanctioned.verb")]


def test_period_abbreviated_curated_alias_is_a_mention(ng):
    # The C.I.A. said so.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("C.I.A.", "PROPN", "NNP", "nsubj", 2, None, "B-ORG"),
        ("said", "VERB", "VBD", "ROOT", 2, "say"),
        ("so", "ADV", "RB", "advmod", 2),
        (".", "PUNCT", ".", "punct", 2),
    ])
    cia = ng.mention(doc, "C.I.A.")
    assert cia.canonical == "Central Intelligence Agency"
    assert cia.fixed_type is EntityType.GOVERNMENT


# ---- described groups and people -----------------------------------------------------------


def test_group_description_with_country_in_prepositional_phrase(ng):
    # Trump officials met rebellious military officers from Venezuela.
    doc = ng.run([
        ("Trump", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("officials", "NOUN", "NNS", "nsubj", 2, "official"),
        ("met", "VERB", "VBD", "ROOT", 2, "meet"),
        ("rebellious", "ADJ", "JJ", "amod", 5),
        ("military", "ADJ", "JJ", "amod", 5),
        ("officers", "NOUN", "NNS", "dobj", 2, "officer"),
        ("from", "ADP", "IN", "prep", 5),
        ("Venezuela", "PROPN", "NNP", "pobj", 6, None, "B-GPE"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    group = ng.mention(doc, "Venezuelan military officers")
    assert group.kind is MentionKind.GROUP
    assert ng.surface(doc, group) == "rebellious military officers"
    assert group.canonical == "Venezuelan military officers"
    assert group.fixed_type is EntityType.ORGANIZATION
    assert group.plural and group.country == "Venezuela" and group.head_lemma == "officers"
    entity = ng.entity_of(doc, "Venezuelan military officers")
    assert (entity.name, entity.type, entity.kind) == ("Venezuelan military officers", EntityType.ORGANIZATION, MentionKind.GROUP)


def test_norp_phrase_that_is_no_country_names_a_group(ng):
    # He met Latin American leaders.
    doc = ng.run([
        ("He", "PRON", "PRP", "nsubj", 1),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        ("Latin", "ADJ", "JJ", "amod", 3, None, "B-NORP"),
        ("American", "ADJ", "JJ", "amod", 4, None, "I-NORP"),
        ("leaders", "NOUN", "NNS", "dobj", 1, "leader"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    group = ng.mention(doc, "Latin American leaders")
    assert group.kind is MentionKind.GROUP
    assert ng.surface(doc, group) == "Latin American leaders"
    assert group.country is None
    assert ng.entity_of(doc, "Latin American leaders").type is EntityType.ORGANIZATION
    assert "United States government" not in ng.entity_names(doc)


def test_members_of_an_institution_are_a_proxy_of_the_institution(ng):
    # Members of the Venezuelan security apparatus met him.
    doc = ng.run([
        ("Members", "NOUN", "NNS", "nsubj", 6, "member"),
        ("of", "ADP", "IN", "prep", 0),
        ("the", "DET", "DT", "det", 5),
        ("Venezuelan", "ADJ", "JJ", "amod", 5, None, "B-NORP"),
        ("security", "NOUN", "NN", "compound", 5),
        ("apparatus", "NOUN", "NN", "pobj", 1),
        ("met", "VERB", "VBD", "ROOT", 6, "meet"),
        ("him", "PRON", "PRP", "dobj", 6, "he"),
        (".", "PUNCT", ".", "punct", 6),
    ])
    institution = ng.mention(doc, "Venezuelan security apparatus")
    assert ng.surface(doc, institution) == "Venezuelan security apparatus"
    assert (institution.kind, institution.fixed_type) == (MentionKind.GROUP, EntityType.ORGANIZATION)
    assert institution.country == "Venezuela"
    index = doc._.ng_mentions.index(institution)
    assert doc._.ng_proxies == {0: index}
    assert "Members" not in ng.mention_texts(doc)


def test_american_officials_are_the_united_states_government(ng):
    # American officials met him.
    doc = ng.run([
        ("American", "ADJ", "JJ", "amod", 1, None, "B-NORP"),
        ("officials", "NOUN", "NNS", "nsubj", 2, "official"),
        ("met", "VERB", "VBD", "ROOT", 2, "meet"),
        ("him", "PRON", "PRP", "dobj", 2, "he"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    officials = ng.mention(doc, "American officials")
    assert officials.kind is MentionKind.NAME
    assert officials.fixed_type is EntityType.GOVERNMENT
    assert officials.canonical == "United States government"
    assert officials.country == "United States"
    assert ng.entity_of(doc, "American officials").name == "United States government"


def test_partitive_one_of_the_commanders_is_a_description(ng):
    # One of the military commanders spoke.
    doc = ng.run([
        ("One", "NUM", "CD", "nsubj", 5, "one"),
        ("of", "ADP", "IN", "prep", 0),
        ("the", "DET", "DT", "det", 4),
        ("military", "ADJ", "JJ", "amod", 4),
        ("commanders", "NOUN", "NNS", "pobj", 1, "commander"),
        ("spoke", "VERB", "VBD", "ROOT", 5, "speak"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    description = ng.mention(doc, "military commander")
    assert description.kind is MentionKind.DESCRIPTION
    assert ng.surface(doc, description) == "One of the military commanders"
    assert (description.head, description.head_lemma) == (0, "commander")
    assert description.fixed_type is EntityType.PERSON
    entity = ng.entity_of(doc, "military commander")
    assert (entity.name, entity.type, entity.kind) == ("military commander", EntityType.PERSON, MentionKind.DESCRIPTION)


def test_described_person_keeps_former_and_nationality(ng):
    # A former Venezuelan military commander spoke.
    doc = ng.run([
        ("A", "DET", "DT", "det", 4),
        ("former", "ADJ", "JJ", "amod", 4),
        ("Venezuelan", "ADJ", "JJ", "amod", 4, None, "B-NORP"),
        ("military", "ADJ", "JJ", "amod", 4),
        ("commander", "NOUN", "NN", "nsubj", 5),
        ("spoke", "VERB", "VBD", "ROOT", 5, "speak"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    description = ng.mention(doc, "former Venezuelan military commander")
    assert description.kind is MentionKind.DESCRIPTION
    assert ng.surface(doc, description) == "former Venezuelan military commander"
    assert description.country == "Venezuela"


def test_definite_description_without_qualifiers_is_an_anaphor(ng):
    # The officers left.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("officers", "NOUN", "NNS", "nsubj", 2, "officer"),
        ("left", "VERB", "VBD", "ROOT", 2, "leave"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    [anaphor] = doc._.ng_described
    assert (anaphor.text, anaphor.kind, anaphor.head_lemma, anaphor.plural) == ("officers", MentionKind.ANAPHOR, "officers", True)
    # an anaphor no group named before takes is a group of its own
    [group] = doc._.ng_entities
    assert (group.name, group.kind, group.type) == ("officers", MentionKind.GROUP, EntityType.ORGANIZATION)
    assert doc._.ng_mention_entity == [0]


def test_a_role_no_one_named_before_has_is_a_described_person(ng):
    # The prime minister resigned.
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("prime", "ADJ", "JJ", "amod", 2),
        ("minister", "NOUN", "NN", "nsubj", 3),
        ("resigned", "VERB", "VBD", "ROOT", 3, "resign"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    [person] = doc._.ng_entities
    assert (person.name, person.kind, person.type) == ("prime minister", MentionKind.DESCRIPTION, EntityType.PERSON)


def test_a_role_written_with_capitals_is_an_anaphor_too(ng):
    # The Prime Minister resigned. (the tagger reads the capitalized role as proper nouns)
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("Prime", "PROPN", "NNP", "compound", 2),
        ("Minister", "PROPN", "NNP", "nsubj", 3, "minister"),
        ("resigned", "VERB", "VBD", "ROOT", 3, "resign"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    [anaphor] = doc._.ng_described
    assert (anaphor.kind, anaphor.head_lemma) == (MentionKind.ANAPHOR, "minister")
    [person] = doc._.ng_entities
    assert (person.kind, person.type) == (MentionKind.DESCRIPTION, EntityType.PERSON)


def test_a_plain_group_is_named_by_its_words_without_possessor_or_other(ng):
    # She met her other EU counterparts and local farmers.
    doc = ng.run([
        ("She", "PRON", "PRP", "nsubj", 1),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        ("her", "PRON", "PRP$", "poss", 5),
        ("other", "ADJ", "JJ", "amod", 5),
        ("EU", "PROPN", "NNP", "compound", 5, None, "B-ORG"),
        ("counterparts", "NOUN", "NNS", "dobj", 1, "counterpart"),
        ("and", "CCONJ", "CC", "cc", 5),
        ("local", "ADJ", "JJ", "amod", 8),
        ("farmers", "NOUN", "NNS", "conj", 5, "farmer"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    groups = [m for m in doc._.ng_described if m.kind is MentionKind.GROUP]
    assert [(m.canonical, m.origin) for m in groups] == [("EU counterparts", "group:plain"), ("local farmers", "group:plain")]


def test_pronouns_with_gender_and_number(ng):
    # She told them it worked.
    doc = ng.run([
        ("She", "PRON", "PRP", "nsubj", 1),
        ("told", "VERB", "VBD", "ROOT", 1, "tell"),
        ("them", "PRON", "PRP", "dative", 1, "they"),
        ("it", "PRON", "PRP", "nsubj", 4),
        ("worked", "VERB", "VBD", "ccomp", 1, "work"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert [(m.text, m.kind, m.gender, m.plural) for m in doc._.ng_mentions] == [
        ("She", MentionKind.PRONOUN, "f", False),
        ("them", MentionKind.PRONOUN, None, True),
        ("it", MentionKind.PRONOUN, None, False),
    ]


# ---- more government patterns and proxies ----------------------------------------------------


def test_the_maduro_regime_is_a_government(ng):
    # They denounced the Maduro regime again.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1),
        ("denounced", "VERB", "VBD", "ROOT", 1, "denounce"),
        ("the", "DET", "DT", "det", 4),
        ("Maduro", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
        ("regime", "NOUN", "NN", "dobj", 1),
        ("again", "ADV", "RB", "advmod", 1),
        (".", "PUNCT", ".", "punct", 1),
    ])
    regime = ng.mention(doc, "Maduro regime")
    assert (regime.fixed_type, regime.canonical) == (EntityType.GOVERNMENT, "Maduro regime")
    assert "Maduro" not in ng.mention_texts(doc)


@pytest.mark.parametrize(
    ("rows", "surface"),
    [
        (
            [("Venezuela", "PROPN", "NNP", "poss", 2, None, "B-GPE"), ("'s", "PART", "POS", "case", 0)],
            "Venezuela's government",
        ),
        ([("the", "DET", "DT", "det", 2), ("US", "PROPN", "NNP", "compound", 2, None, "B-GPE")], "US government"),
    ],
    ids=["possessive", "US"],
)
def test_curated_country_in_government_pattern(ng, rows, surface):
    # <rows> government spoke.
    doc = ng.run([
        *rows,
        ("government", "NOUN", "NN", "nsubj", 3),
        ("spoke", "VERB", "VBD", "ROOT", 3, "speak"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    government = [m for m in doc._.ng_mentions if m.origin == "pattern:government"]
    assert [ng.surface(doc, m) for m in government] == [surface]
    assert government[0].canonical in ("Venezuelan government", "United States government")


def test_us_officials_are_the_united_states_government(ng):
    # U.S. officials met a White House spokesman.
    doc = ng.run([
        ("U.S.", "PROPN", "NNP", "compound", 1, None, "B-GPE"),
        ("officials", "NOUN", "NNS", "nsubj", 2, "official"),
        ("met", "VERB", "VBD", "ROOT", 2, "meet"),
        ("a", "DET", "DT", "det", 6),
        ("White", "PROPN", "NNP", "compound", 5, None, "B-ORG"),
        ("House", "PROPN", "NNP", "compound", 6, None, "I-ORG"),
        ("spokesman", "NOUN", "NN", "dobj", 2),
        (".", "PUNCT", ".", "punct", 2),
    ])
    officials = ng.mention(doc, "U.S. officials")
    assert (officials.fixed_type, officials.canonical) == (EntityType.GOVERNMENT, "United States government")
    # "a White House spokesman" stands for the White House
    white_house = doc._.ng_mentions.index(ng.mention(doc, "White House"))
    assert doc._.ng_proxies == {6: white_house}


def test_trump_officials_stand_for_the_trump_administration_named_in_the_article(ng):
    # The Trump administration spoke. Trump officials left.
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("Trump", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("administration", "NOUN", "NN", "nsubj", 3),
        ("spoke", "VERB", "VBD", "ROOT", 3, "speak"),
        (".", "PUNCT", ".", "punct", 3),
        ("Trump", "PROPN", "NNP", "compound", 6, None, "B-PERSON"),
        ("officials", "NOUN", "NNS", "nsubj", 7, "official"),
        ("left", "VERB", "VBD", "ROOT", 7, "leave"),
        (".", "PUNCT", ".", "punct", 7),
    ])
    administration = doc._.ng_mentions.index(ng.mention(doc, "Trump administration"))
    assert doc._.ng_proxies == {6: administration}


def test_a_name_coordinated_with_a_curated_organization_leans_organization(ng):
    # The FARC and Ozarka talked.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("FARC", "PROPN", "NNP", "nsubj", 4, None, "B-ORG"),
        ("and", "CCONJ", "CC", "cc", 1),
        ("Ozarka", "PROPN", "NNP", "conj", 1, None, "B-PERSON"),
        ("talked", "VERB", "VBD", "ROOT", 4, "talk"),
        (".", "PUNCT", ".", "punct", 4),
    ])
    ozarka = ng.mention(doc, "Ozarka")
    assert ozarka.votes == {EntityType.PERSON: 1.0, EntityType.ORGANIZATION: 1.5}
    assert ng.entity_of(doc, "Ozarka").type is EntityType.ORGANIZATION
