"""newsgraph_name_types on hand-built Docs: what makes a bare surname NER tagged ORG a Person."""

from __future__ import annotations

from newsgraph.model.graph import EntityType

P, O = EntityType.PERSON, EntityType.ORGANIZATION


def test_a_pronoun_bound_by_the_names_clause_votes_person(ng):
    # Quillfeather claimed that he won.
    doc = ng.run([
        ("Quillfeather", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
        ("claimed", "VERB", "VBD", "ROOT", 1, "claim"),
        ("that", "SCONJ", "IN", "mark", 4),
        ("he", "PRON", "PRP", "nsubj", 4, "he"),
        ("won", "VERB", "VBD", "ccomp", 1, "win"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    votes = ng.mention(doc, "Quillfeather").votes
    assert votes[P] > votes[O]
    assert ng.entity_of(doc, "Quillfeather").type is P


def test_his_owning_the_clause_subject_votes_person(ng):
    # Quillfeather said his plan failed.
    doc = ng.run([
        ("Quillfeather", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        ("his", "PRON", "PRP$", "poss", 3, "his"),
        ("plan", "NOUN", "NN", "nsubj", 4),
        ("failed", "VERB", "VBD", "ccomp", 1, "fail"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert ng.entity_of(doc, "Quillfeather").type is P


def test_a_pronoun_outside_the_names_clause_votes_nothing(ng):
    # Quillfeather grew and he left.  (no complement clause of the name's verb)
    doc = ng.run([
        ("Quillfeather", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
        ("grew", "VERB", "VBD", "ROOT", 1, "grow"),
        ("and", "CCONJ", "CC", "cc", 1),
        ("he", "PRON", "PRP", "nsubj", 4, "he"),
        ("left", "VERB", "VBD", "conj", 1, "leave"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert P not in ng.mention(doc, "Quillfeather").votes


def test_relative_who_votes_person(ng):
    # Quillfeather, who ran, lost.
    doc = ng.run([
        ("Quillfeather", "PROPN", "NNP", "nsubj", 5, None, "B-ORG"),
        (",", "PUNCT", ",", "punct", 0),
        ("who", "PRON", "WP", "nsubj", 3, "who"),
        ("ran", "VERB", "VBD", "relcl", 0, "run"),
        (",", "PUNCT", ",", "punct", 0),
        ("lost", "VERB", "VBD", "ROOT", 5, "lose"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    votes = ng.mention(doc, "Quillfeather").votes
    assert votes[P] > votes[O]


def test_relative_which_votes_nothing(ng):
    # Quillfeather, which ran, lost.
    doc = ng.run([
        ("Quillfeather", "PROPN", "NNP", "nsubj", 5, None, "B-ORG"),
        (",", "PUNCT", ",", "punct", 0),
        ("which", "PRON", "WDT", "nsubj", 3, "which"),
        ("ran", "VERB", "VBD", "relcl", 0, "run"),
        (",", "PUNCT", ",", "punct", 0),
        ("lost", "VERB", "VBD", "ROOT", 5, "lose"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    assert P not in ng.mention(doc, "Quillfeather").votes


def test_a_role_noun_in_apposition_votes_person_and_is_a_role(ng):
    # Quillfeather, a reporter, wrote.
    doc = ng.run([
        ("Quillfeather", "PROPN", "NNP", "nsubj", 5, None, "B-ORG"),
        (",", "PUNCT", ",", "punct", 0),
        ("a", "DET", "DT", "det", 3),
        ("reporter", "NOUN", "NN", "appos", 0),
        (",", "PUNCT", ",", "punct", 0),
        ("wrote", "VERB", "VBD", "ROOT", 5, "write"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    mention = ng.mention(doc, "Quillfeather")
    assert mention.votes[P] > mention.votes[O]
    assert "reporter" in mention.roles


def test_a_party_adjective_names_the_party_beside_the_person(ng):
    # Republican Okafor spoke.
    doc = ng.run([
        ("Republican", "PROPN", "NNP", "compound", 1, None, "B-NORP"),
        ("Okafor", "PROPN", "NNP", "nsubj", 2, None, "B-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert ng.entity_of(doc, "Republican").name == "Republican Party"
    assert ng.entity_of(doc, "Okafor").type is P


def test_a_name_ner_missed_after_a_gendered_title_is_a_person_and_joins_the_full_name(ng):
    # Dave Ostrander spoke. Mr Ostrander left.
    doc = ng.run([
        ("Dave", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Ostrander", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        (".", "PUNCT", ".", "punct", 2),
        ("Mr", "PROPN", "NNP", "compound", 5),
        ("Ostrander", "PROPN", "NNP", "nsubj", 6),
        ("left", "VERB", "VBD", "ROOT", 6, "leave"),
        (".", "PUNCT", ".", "punct", 6),
    ])
    titled = ng.mention(doc, "Ostrander")  # the mention NER missed
    assert titled.gender == "m" and titled.votes[P] > 0
    assert ng.entity_names(doc) == ["Dave Ostrander"]
    assert len(ng.entity(doc, "Dave Ostrander").mentions) == 2


def test_a_title_after_a_title_is_no_name(ng):
    # Mr Speaker rose.
    doc = ng.run([
        ("Mr", "PROPN", "NNP", "compound", 1),
        ("Speaker", "PROPN", "NNP", "nsubj", 2),
        ("rose", "VERB", "VBD", "ROOT", 2, "rise"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert ng.entity_names(doc) == []


def test_a_titled_name_ner_tagged_as_a_group_is_still_a_person(ng):
    # Mr Ostrander left.  (NER: NORP)
    doc = ng.run([
        ("Mr", "PROPN", "NNP", "compound", 1),
        ("Ostrander", "PROPN", "NNP", "nsubj", 2, None, "B-NORP"),
        ("left", "VERB", "VBD", "ROOT", 2, "leave"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert ng.entity(doc, "Ostrander").type is P


def test_a_person_name_modifying_an_organization_noun_is_an_organization(ng):
    # the Ostrava brand grew.
    doc = ng.run([
        ("the", "DET", "DT", "det", 2),
        ("Ostrava", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("brand", "NOUN", "NN", "nsubj", 3),
        ("grew", "VERB", "VBD", "ROOT", 3, "grow"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    assert ng.entity_of(doc, "Ostrava").type is O


def test_a_plural_role_noun_in_front_is_no_person_cue(ng):
    # analysts Kettle-Marsh said it.
    doc = ng.run([
        ("analysts", "NOUN", "NNS", "compound", 1, "analyst"),
        ("Kettle-Marsh", "PROPN", "NNP", "nsubj", 2, None, "B-ORG"),
        ("said", "VERB", "VBD", "ROOT", 2, "say"),
        ("it", "PRON", "PRP", "dobj", 2, "it"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert P not in ng.mention(doc, "Kettle-Marsh").votes


def test_what_only_a_company_has_votes_organization(ng):
    # Ostrava's shares fell.
    doc = ng.run([
        ("Ostrava", "PROPN", "NNP", "poss", 2, None, "B-PERSON"),
        ("'s", "PART", "POS", "case", 0),
        ("shares", "NOUN", "NNS", "nsubj", 3, "share"),
        ("fell", "VERB", "VBD", "ROOT", 3, "fall"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    assert ng.entity_of(doc, "Ostrava").type is O


def test_a_stake_in_a_name_votes_organization(ng):
    # They bought a stake in Ostrava.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1, "they"),
        ("bought", "VERB", "VBD", "ROOT", 1, "buy"),
        ("a", "DET", "DT", "det", 3),
        ("stake", "NOUN", "NN", "dobj", 1),
        ("in", "ADP", "IN", "prep", 3),
        ("Ostrava", "PROPN", "NNP", "pobj", 4, None, "B-PERSON"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert ng.entity_of(doc, "Ostrava").type is O


def test_a_spaced_hyphen_ends_a_name(ng):
    # Ostrava Forum - the group met.
    doc = ng.run([
        ("Ostrava", "PROPN", "NNP", "compound", 1, None, "B-ORG"),
        ("Forum", "PROPN", "NNP", "nsubj", 5, None, "I-ORG"),
        ("-", "PUNCT", ":", "punct", 1, None, "I-ORG"),
        ("the", "DET", "DT", "det", 4, None, "I-ORG"),
        ("group", "NOUN", "NN", "appos", 1),
        ("met", "VERB", "VBD", "ROOT", 5, "meet"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    assert ng.entity_names(doc) == ["Ostrava Forum"]


def test_a_hyphen_inside_a_name_does_not_end_it(ng):
    # Robert Kettle-Marsh spoke.
    doc = ng.run([
        ("Robert", "PROPN", "NNP", "compound", 3, None, "B-PERSON"),
        ("Kettle", "PROPN", "NNP", "compound", 3, None, "I-PERSON"),
        ("-", "PUNCT", "HYPH", "punct", 3, None, "I-PERSON"),
        ("Marsh", "PROPN", "NNP", "nsubj", 4, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 4, "speak"),
        (".", "PUNCT", ".", "punct", 4),
    ], spaces=[True, False, False, True, False, False])
    assert ng.entity_names(doc) == ["Robert Kettle-Marsh"]


def test_a_bound_its_votes_organization_for_a_name_ner_called_a_person(ng):
    # Ostrava said its profits rose.
    doc = ng.run([
        ("Ostrava", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("said", "VERB", "VBD", "ROOT", 1, "say"),
        ("its", "PRON", "PRP$", "poss", 3, "its"),
        ("profits", "NOUN", "NNS", "nsubj", 4, "profit"),
        ("rose", "VERB", "VBD", "ccomp", 1, "rise"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert ng.entity_of(doc, "Ostrava").type is O


def test_relative_which_votes_organization_for_a_name_ner_called_a_person(ng):
    # Ostrava, which makes pills, grew.
    doc = ng.run([
        ("Ostrava", "PROPN", "NNP", "nsubj", 6, None, "B-PERSON"),
        (",", "PUNCT", ",", "punct", 0),
        ("which", "PRON", "WDT", "nsubj", 3, "which"),
        ("makes", "VERB", "VBZ", "relcl", 0, "make"),
        ("pills", "NOUN", "NNS", "dobj", 3, "pill"),
        (",", "PUNCT", ",", "punct", 0),
        ("grew", "VERB", "VBD", "ROOT", 6, "grow"),
        (".", "PUNCT", ".", "punct", 6),
    ])
    assert ng.entity_of(doc, "Ostrava").type is O


def test_a_verb_opening_the_sentence_is_no_part_of_the_name(ng):
    # Observes Mr Ostrander: …
    doc = ng.run([
        ("Observes", "VERB", "VBZ", "ROOT", 0, "observe", "B-PERSON"),
        ("Mr", "PROPN", "NNP", "compound", 2, None, "I-PERSON"),
        ("Ostrander", "PROPN", "NNP", "nsubj", 0, None, "I-PERSON"),
        (":", "PUNCT", ":", "punct", 0),
    ])
    assert ng.entity_names(doc) == ["Ostrander"]


def test_a_given_name_opening_the_sentence_stays_in_the_name(ng):
    # Will Ostrander spoke.
    doc = ng.run([
        ("Will", "AUX", "MD", "compound", 1, "will", "B-PERSON"),
        ("Ostrander", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
        (".", "PUNCT", ".", "punct", 2),
    ])
    assert ng.entity_names(doc) == ["Will Ostrander"]


def test_a_common_word_opening_the_sentence_is_no_name(ng):
    # Fraud grew. They fought fraud.
    doc = ng.run([
        ("Fraud", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
        ("grew", "VERB", "VBD", "ROOT", 1, "grow"),
        (".", "PUNCT", ".", "punct", 1),
        ("They", "PRON", "PRP", "nsubj", 4, "they"),
        ("fought", "VERB", "VBD", "ROOT", 4, "fight"),
        ("fraud", "NOUN", "NN", "dobj", 4),
        (".", "PUNCT", ".", "punct", 4),
    ])
    assert ng.entity_names(doc) == []


def test_a_name_does_not_end_in_a_function_word(ng):
    # They sold Hard Rock and films.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1, "they"),
        ("sold", "VERB", "VBD", "ROOT", 1, "sell"),
        ("Hard", "PROPN", "NNP", "compound", 3, None, "B-ORG"),
        ("Rock", "PROPN", "NNP", "dobj", 1, None, "I-ORG"),
        ("and", "CCONJ", "CC", "cc", 3, None, "I-ORG"),
        ("films", "NOUN", "NNS", "conj", 3, "film"),
        (".", "PUNCT", ".", "punct", 1),
    ])
    assert ng.entity_names(doc) == ["Hard Rock"]


def test_a_name_ending_in_an_organization_noun_is_an_organization(ng):
    # The Delia Ostrander Foundation gave.
    doc = ng.run([
        ("The", "DET", "DT", "det", 3),
        ("Delia", "PROPN", "NNP", "compound", 3, None, "B-PERSON"),
        ("Ostrander", "PROPN", "NNP", "compound", 3, None, "I-PERSON"),
        ("Foundation", "PROPN", "NNP", "nsubj", 4, "foundation", "I-PERSON"),
        ("gave", "VERB", "VBD", "ROOT", 4, "give"),
        (".", "PUNCT", ".", "punct", 4),
    ])
    assert ng.entity_of(doc, "Delia Ostrander Foundation").type is O


def test_a_products_name_is_no_entity(ng):
    # The drug Ostravax failed. The Ostrava crossover sold.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("drug", "NOUN", "NN", "nsubj", 3),
        ("Ostravax", "PROPN", "NNP", "appos", 1, None, "B-ORG"),
        ("failed", "VERB", "VBD", "ROOT", 3, "fail"),
        (".", "PUNCT", ".", "punct", 3),
        ("The", "DET", "DT", "det", 7),
        ("Ostrava", "PROPN", "NNP", "compound", 7, None, "B-PERSON"),
        ("crossover", "NOUN", "NN", "nsubj", 8),
        ("sold", "VERB", "VBD", "ROOT", 8, "sell"),
        (".", "PUNCT", ".", "punct", 8),
    ])
    assert ng.entity_names(doc) == []


def test_what_is_based_somewhere_is_an_organization(ng):
    # Brookfield-based Ostrava grew.
    doc = ng.run([
        ("Brookfield", "PROPN", "NNP", "npadvmod", 2, None, "B-GPE"),
        ("-", "PUNCT", "HYPH", "punct", 2),
        ("based", "VERB", "VBN", "amod", 3, "base"),
        ("Ostrava", "PROPN", "NNP", "nsubj", 4, None, "B-PERSON"),
        ("grew", "VERB", "VBD", "ROOT", 4, "grow"),
        (".", "PUNCT", ".", "punct", 4),
    ], spaces=[False, False, True, True, False, False])
    assert ng.entity_of(doc, "Ostrava").type is O


def test_one_member_of_a_party_is_no_party_mention(ng):
    # A senior Republican spoke.
    doc = ng.run([
        ("A", "DET", "DT", "det", 2),
        ("senior", "ADJ", "JJ", "amod", 2),
        ("Republican", "PROPN", "NNP", "nsubj", 3, None, "B-NORP"),
        ("spoke", "VERB", "VBD", "ROOT", 3, "speak"),
        (".", "PUNCT", ".", "punct", 3),
    ])
    assert "Republican Party" not in ng.entity_names(doc)


def test_where_a_person_works_is_an_organization(ng):
    # An economist at Merrow Kettle spoke.
    doc = ng.run([
        ("An", "DET", "DT", "det", 1),
        ("economist", "NOUN", "NN", "nsubj", 5),
        ("at", "ADP", "IN", "prep", 1),
        ("Merrow", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
        ("Kettle", "PROPN", "NNP", "pobj", 2, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 5, "speak"),
        (".", "PUNCT", ".", "punct", 5),
    ])
    mention = ng.mention(doc, "Merrow Kettle")
    assert mention.votes[O] >= 3.0


def _ruled(ng, name: list[tuple[str, str]]):
    # <name> ruled .   (NER: ORG over the name; compounds on its last word)
    last = len(name) - 1
    rows = [(w, pos, "NNP", "compound" if i < last else "nsubj", last if i < last else last + 1, None,
             ("B-ORG" if i == 0 else "I-ORG")) for i, (w, pos) in enumerate(name)]
    rows += [("ruled", "VERB", "VBD", "ROOT", last + 1, "rule"), (".", "PUNCT", ".", "punct", last + 1)]
    return ng.run(rows)


def test_a_court_legislature_department_or_police_named_as_one_is_a_government(ng):
    G = EntityType.GOVERNMENT
    for words in (["Quillfeather", "Supreme", "Court"], ["Quillfeather", "Police"], ["Quillfeather", "Senate"],
                  ["Senate", "Ethics", "Committee"], ["Quillfeather", "Department", "of", "Health"]):
        doc = _ruled(ng, [(w, "ADP" if w == "of" else "PROPN") for w in words])
        name = " ".join(words)
        assert ng.entity_of(doc, name).type is G, name


def test_a_supranational_court_or_a_committee_of_no_chamber_is_no_government(ng):
    for words in (["European", "Quillfeather", "Court"], ["Quillfeather", "Ethics", "Committee"]):
        doc = _ruled(ng, [(w, "PROPN") for w in words])
        name = " ".join(words)
        assert ng.entity_of(doc, name).type is O, name



def _spoke(ng, before: list[tuple], *, spaces: list[bool] | None = None):
    # <before> Merrow Kettle spoke .   (NER: ORG; "Kettle" hangs on the row `before` ends with)
    n = len(before)
    rows = [*before,
            ("Merrow", "PROPN", "NNP", "compound", n + 1, None, "B-ORG"),
            ("Kettle", "PROPN", "NNP", "pobj", n - 1, None, "I-ORG"),
            ("spoke", "VERB", "VBD", "ROOT", n + 2, "speak"),
            (".", "PUNCT", ".", "punct", n + 2)]
    return ng.run(rows, spaces=spaces)


def test_where_a_journalist_works_is_an_outlet(ng):
    # A columnist for Merrow Kettle spoke.
    doc = _spoke(ng, [("A", "DET", "DT", "det", 1), ("columnist", "NOUN", "NN", "nsubj", 5),
                      ("for", "ADP", "IN", "prep", 1)])
    assert ng.entity_of(doc, "Merrow Kettle").type is EntityType.OUTLET


def test_where_an_op_ed_appears_is_an_outlet(ng):
    # An op-ed in Merrow Kettle spoke.  (the tokenizer splits "op-ed" in three)
    doc = _spoke(ng, [("An", "DET", "DT", "det", 3), ("op", "NOUN", "NN", "compound", 3),
                      ("-", "PUNCT", "HYPH", "punct", 3), ("ed", "NOUN", "NN", "nsubj", 7),
                      ("in", "ADP", "IN", "prep", 3)],
                 spaces=[True, False, False, True, True, True, True, False, False])
    assert ng.entity_of(doc, "Merrow Kettle").type is EntityType.OUTLET


def test_a_meeting_in_an_organization_is_no_outlet(ng):
    # A meeting in Merrow Kettle spoke.
    doc = _spoke(ng, [("A", "DET", "DT", "det", 1), ("meeting", "NOUN", "NN", "nsubj", 5),
                      ("in", "ADP", "IN", "prep", 1)])
    assert ng.entity_of(doc, "Merrow Kettle").type is O


def test_what_a_journalist_is_compounded_into_is_an_outlet_and_a_donor_is_no_journalist(ng):
    # Merrow Kettle reporter spoke.  /  Merrow Kettle donor spoke.
    for noun, expected in (("reporter", EntityType.OUTLET), ("donor", O)):
        doc = ng.run([
            ("Merrow", "PROPN", "NNP", "compound", 1, None, "B-ORG"),
            ("Kettle", "PROPN", "NNP", "compound", 2, None, "I-ORG"),
            (noun, "NOUN", "NN", "nsubj", 3),
            ("spoke", "VERB", "VBD", "ROOT", 3, "speak"),
            (".", "PUNCT", ".", "punct", 3),
        ])
        assert ng.entity_of(doc, "Merrow Kettle").type is expected, noun


def test_a_name_closing_in_an_institution_noun_is_no_person_for_its_given_name(ng):
    # Denver Art Museum ruled.   ("Denver" is also a given name)
    doc = _ruled(ng, [("Denver", "PROPN"), ("Art", "PROPN"), ("Museum", "PROPN")])
    assert ng.entity_of(doc, "Denver Art Museum").type is O
