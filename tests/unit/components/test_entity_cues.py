"""What the words around a name say it is, on hand-built Docs: a company from what it reports and
owns and from the list it is in, an outlet from its name or the list it is in, a place from a
facility in it or a firm based there; and what is no actor at all (a product in apposition, a
law or scheme, a common noun that opens a sentence). Also a party or committee glued to a
person's name, and places that act as states through a relative clause or an action noun."""

from __future__ import annotations

from newsgraph.model.graph import EntityType

P, O, L, OUT = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.OUTLET


def _period(head: int) -> tuple:
    return (".", "PUNCT", ".", "punct", head)


def test_a_name_that_reports_a_rise_in_profits_is_a_company(ng):
    # Quarlow reported a rise in profits.
    doc = ng.run([
        ("Quarlow", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("reported", "VERB", "VBD", "ROOT", 1, "report"),
        ("a", "DET", "DT", "det", 3),
        ("rise", "NOUN", "NN", "dobj", 1, "rise"),
        ("in", "ADP", "IN", "prep", 3),
        ("profits", "NOUN", "NNS", "pobj", 4, "profit"),
        _period(1),
    ])
    assert ng.entity_of(doc, "Quarlow").type is O


def test_a_name_that_reports_a_forecast_is_not_a_company(ng):
    # Quarlow reported a rise in demand.  (demand is no company's result)
    doc = ng.run([
        ("Quarlow", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("reported", "VERB", "VBD", "ROOT", 1, "report"),
        ("a", "DET", "DT", "det", 3),
        ("rise", "NOUN", "NN", "dobj", 1, "rise"),
        ("in", "ADP", "IN", "prep", 3),
        ("demand", "NOUN", "NN", "pobj", 4, "demand"),
        _period(1),
    ])
    assert O not in ng.mention(doc, "Quarlow").votes


def test_profit_figures_owned_by_a_name_vote_organization(ng):
    # Quarlow's profit figures rose.
    doc = ng.run([
        ("Quarlow", "PROPN", "NNP", "poss", 3, None, "B-PERSON"),
        ("'s", "PART", "POS", "case", 0, "'s"),
        ("profit", "NOUN", "NN", "compound", 3, "profit"),
        ("figures", "NOUN", "NNS", "nsubj", 4, "figure"),
        ("rose", "VERB", "VBD", "ROOT", 4, "rise"),
        _period(4),
    ])
    votes = ng.mention(doc, "Quarlow").votes
    assert votes.get(O, 0) > votes.get(P, 0)


def test_names_listed_under_carmakers_are_companies(ng):
    # Carmakers, including Quarlow and Brenmoor, grew.
    doc = ng.run([
        ("Carmakers", "NOUN", "NNS", "nsubj", 7, "carmaker"),
        (",", "PUNCT", ",", "punct", 0),
        ("including", "VERB", "VBG", "prep", 0, "include"),
        ("Quarlow", "PROPN", "NNP", "pobj", 2, None, "B-PERSON"),
        ("and", "CCONJ", "CC", "cc", 3),
        ("Brenmoor", "PROPN", "NNP", "conj", 3, None, "B-PERSON"),
        (",", "PUNCT", ",", "punct", 0),
        ("grew", "VERB", "VBD", "ROOT", 7, "grow"),
        _period(7),
    ])
    assert ng.entity_of(doc, "Quarlow").type is O
    assert ng.entity_of(doc, "Brenmoor").type is O


def test_a_name_listed_under_newspapers_is_an_outlet(ng):
    # Newspapers including La Brisa reported it.
    doc = ng.run([
        ("Newspapers", "NOUN", "NNS", "nsubj", 4, "newspaper"),
        ("including", "VERB", "VBG", "prep", 0, "include"),
        ("La", "PROPN", "NNP", "compound", 3, None, "B-PERSON"),
        ("Brisa", "PROPN", "NNP", "pobj", 1, None, "I-PERSON"),
        ("reported", "VERB", "VBD", "ROOT", 4, "report"),
        ("it", "PRON", "PRP", "dobj", 4, "it"),
        _period(4),
    ])
    assert ng.entity_of(doc, "La Brisa").type is OUT


def test_a_name_closed_by_television_is_an_outlet(ng):
    # He spoke to Brenmoor Television.
    doc = ng.run([
        ("He", "PRON", "PRP", "nsubj", 1, "he"),
        ("spoke", "VERB", "VBD", "ROOT", 1, "speak"),
        ("to", "ADP", "IN", "prep", 1),
        ("Brenmoor", "PROPN", "NNP", "compound", 4, None, "B-ORG"),
        ("Television", "PROPN", "NNP", "pobj", 2, None, "I-ORG"),
        _period(1),
    ])
    assert ng.entity_of(doc, "Brenmoor Television").type is OUT


def test_where_a_plant_is_is_a_place_but_a_stake_in_a_name_is_a_company(ng):
    # They built a plant in Quarlow. They bought a stake in Brenmoor.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1, "they"),
        ("built", "VERB", "VBD", "ROOT", 1, "build"),
        ("a", "DET", "DT", "det", 3),
        ("plant", "NOUN", "NN", "dobj", 1, "plant"),
        ("in", "ADP", "IN", "prep", 3),
        ("Quarlow", "PROPN", "NNP", "pobj", 4, None, "B-ORG"),
        _period(1),
        ("They", "PRON", "PRP", "nsubj", 8, "they"),
        ("bought", "VERB", "VBD", "ROOT", 8, "buy"),
        ("a", "DET", "DT", "det", 10),
        ("stake", "NOUN", "NN", "dobj", 8, "stake"),
        ("in", "ADP", "IN", "prep", 10),
        ("Brenmoor", "PROPN", "NNP", "pobj", 11, None, "B-ORG"),
        _period(8),
    ])
    assert ng.entity_of(doc, "Quarlow").type is L
    assert ng.entity_of(doc, "Brenmoor").type is O


def test_the_name_before_a_based_firm_is_its_base(ng):
    # The Quarlow, Fenshire-based firm grew.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("Quarlow", "PROPN", "NNP", "nsubj", 7, None, "B-ORG"),
        (",", "PUNCT", ",", "punct", 1),
        ("Fenshire", "PROPN", "NNP", "npadvmod", 5),
        ("-", "PUNCT", "HYPH", "punct", 5),
        ("based", "VERB", "VBN", "amod", 6, "base"),
        ("firm", "NOUN", "NN", "appos", 1, "firm"),
        ("grew", "VERB", "VBD", "ROOT", 7, "grow"),
        _period(7),
    ], spaces=[True, False, True, False, False, True, True, False, False])
    votes = ng.mention(doc, "Quarlow").votes
    assert votes[O] == 1.0  # NER's label only: the firm in apposition is no organization cue here
    assert ng.entity_of(doc, "Quarlow").type is L


def test_a_name_described_as_a_based_firm_is_the_firm(ng):
    # Quarlow, a Fenshire-based firm, grew. (NER: a place)
    doc = ng.run([
        ("Quarlow", "PROPN", "NNP", "nsubj", 8, None, "B-GPE"),
        (",", "PUNCT", ",", "punct", 0),
        ("a", "DET", "DT", "det", 6),
        ("Fenshire", "PROPN", "NNP", "npadvmod", 5),
        ("-", "PUNCT", "HYPH", "punct", 5),
        ("based", "VERB", "VBN", "amod", 6, "base"),
        ("firm", "NOUN", "NN", "appos", 0, "firm"),
        (",", "PUNCT", ",", "punct", 0),
        ("grew", "VERB", "VBD", "ROOT", 8, "grow"),
        _period(8),
    ], spaces=[False, True, True, False, False, True, False, True, False, False])
    assert ng.mention(doc, "Quarlow").votes[O] == 3.0
    assert ng.entity_of(doc, "Quarlow").type is O


def test_the_company_an_entity_is_called_votes_organization(ng):
    # Quarlow, a firm, grew. Quarlow rose. Quarlow fell. Quarlow sank. The company held.
    # (NER: a place each time; "the company" resolves to the mention the firm made an organization)
    doc = ng.run([
        ("Quarlow", "PROPN", "NNP", "nsubj", 5, None, "B-GPE"),
        (",", "PUNCT", ",", "punct", 0),
        ("a", "DET", "DT", "det", 3),
        ("firm", "NOUN", "NN", "appos", 0, "firm"),
        (",", "PUNCT", ",", "punct", 0),
        ("grew", "VERB", "VBD", "ROOT", 5, "grow"),
        _period(5),
        ("Quarlow", "PROPN", "NNP", "nsubj", 8, None, "B-GPE"),
        ("rose", "VERB", "VBD", "ROOT", 8, "rise"),
        _period(8),
        ("Quarlow", "PROPN", "NNP", "nsubj", 11, None, "B-GPE"),
        ("fell", "VERB", "VBD", "ROOT", 11, "fall"),
        _period(11),
        ("Quarlow", "PROPN", "NNP", "nsubj", 14, None, "B-GPE"),
        ("sank", "VERB", "VBD", "ROOT", 14, "sink"),
        _period(14),
        ("The", "DET", "DT", "det", 17),
        ("company", "NOUN", "NN", "nsubj", 18, "company"),
        ("held", "VERB", "VBD", "ROOT", 18, "hold"),
        _period(18),
    ], spaces=[False, True, True, False, True, False, True, True, False, True, True, False, True, True, False, True,
               True, True, False, False])
    entity = ng.entity_of(doc, "Quarlow")
    assert entity.votes[L] == 4.0 and entity.votes[O] == 3.0 + 2.0  # the firm, then the company
    assert entity.type is O


def test_a_name_in_apposition_to_a_car_is_a_product(ng):
    # They sell an SUV - the Falcon - now.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1, "they"),
        ("sell", "VERB", "VBP", "ROOT", 1, "sell"),
        ("an", "DET", "DT", "det", 3),
        ("SUV", "NOUN", "NN", "dobj", 1, "suv"),
        ("-", "PUNCT", ":", "punct", 3),
        ("the", "DET", "DT", "det", 6),
        ("Falcon", "PROPN", "NNP", "appos", 3, None, "B-ORG"),
        ("-", "PUNCT", ":", "punct", 6),
        ("now", "ADV", "RB", "advmod", 1),
        _period(1),
    ])
    assert "Falcon" not in ng.mention_texts(doc)


def test_a_name_closed_by_agenda_or_act_names_no_actor(ng):
    # They backed the Brenmoor Agenda and the Clean Water Act.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1, "they"),
        ("backed", "VERB", "VBD", "ROOT", 1, "back"),
        ("the", "DET", "DT", "det", 4),
        ("Brenmoor", "PROPN", "NNP", "compound", 4, None, "B-ORG"),
        ("Agenda", "PROPN", "NNP", "dobj", 1, None, "I-ORG"),
        ("and", "CCONJ", "CC", "cc", 4),
        ("the", "DET", "DT", "det", 9),
        ("Clean", "PROPN", "NNP", "compound", 9, None, "B-LAW"),
        ("Water", "PROPN", "NNP", "compound", 9, None, "I-ORG"),
        ("Act", "PROPN", "NNP", "conj", 4, None, "I-ORG"),
        _period(1),
    ])
    assert [m.text for m in doc._.ng_names] == []


def test_an_opening_word_coordinated_with_common_nouns_is_one_of_them(ng):
    # Cotton, tea and rice rose. Brenmoor and its rivals rose.
    doc = ng.run([
        ("Cotton", "PROPN", "NNP", "nsubj", 5, None, "B-ORG"),
        (",", "PUNCT", ",", "punct", 0),
        ("tea", "NOUN", "NN", "conj", 0, "tea"),
        ("and", "CCONJ", "CC", "cc", 2),
        ("rice", "NOUN", "NN", "conj", 2, "rice"),
        ("rose", "VERB", "VBD", "ROOT", 5, "rise"),
        _period(5),
        ("Brenmoor", "PROPN", "NNP", "nsubj", 11, None, "B-ORG"),
        ("and", "CCONJ", "CC", "cc", 7),
        ("its", "PRON", "PRP$", "poss", 10, "its"),
        ("rivals", "NOUN", "NNS", "conj", 7, "rival"),
        ("rose", "VERB", "VBD", "ROOT", 11, "rise"),
        _period(11),
    ])
    names = [m.text for m in doc._.ng_names]
    assert "Cotton" not in names
    assert "Brenmoor" in names  # coordinated with "its rivals": a name


def test_a_party_word_glued_to_a_persons_surname_is_cut_off(ng):
    # Jo Quarlow won. Republican Quarlow spoke.
    doc = ng.run([
        ("Jo", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Quarlow", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("won", "VERB", "VBD", "ROOT", 2, "win"),
        _period(2),
        ("Republican", "PROPN", "NNP", "compound", 5, None, "B-PERSON"),
        ("Quarlow", "PROPN", "NNP", "nsubj", 6, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 6, "speak"),
        _period(6),
    ])
    assert ng.entity_of(doc, "Quarlow").name == "Jo Quarlow"
    assert ng.entity_of(doc, "Republican").type is O


def test_a_capital_opening_a_persons_name_stays_in_it(ng):
    # Paris Quarlow won.  (one name: no other Quarlow in the article)
    doc = ng.run([
        ("Paris", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Quarlow", "PROPN", "NNP", "nsubj", 2, None, "I-PERSON"),
        ("won", "VERB", "VBD", "ROOT", 2, "win"),
        _period(2),
    ])
    assert [m.text for m in doc._.ng_names] == ["Paris Quarlow"]


def test_an_organization_and_a_title_glued_to_a_persons_name_are_cut_off(ng):
    # Amnesty International Director Jo Quarlow spoke.
    doc = ng.run([
        ("Amnesty", "PROPN", "NNP", "compound", 1, None, "B-ORG"),
        ("International", "PROPN", "NNP", "compound", 4, None, "I-ORG"),
        ("Director", "PROPN", "NNP", "compound", 4, None, "I-ORG"),
        ("Jo", "PROPN", "NNP", "compound", 4, None, "I-ORG"),
        ("Quarlow", "PROPN", "NNP", "nsubj", 5, None, "I-ORG"),
        ("spoke", "VERB", "VBD", "ROOT", 5, "speak"),
        _period(5),
    ])
    assert ng.entity_of(doc, "Jo Quarlow").type is P
    assert ng.entity_of(doc, "Amnesty International").type is O


def test_a_country_in_a_relative_clause_that_acts_is_its_government(ng):
    # Ties with Spain, which opposed the plan, ended.
    doc = ng.run([
        ("Ties", "NOUN", "NNS", "nsubj", 9, "tie"),
        ("with", "ADP", "IN", "prep", 0),
        ("Spain", "PROPN", "NNP", "pobj", 1, None, "B-GPE"),
        (",", "PUNCT", ",", "punct", 2),
        ("which", "PRON", "WDT", "nsubj", 5, "which"),
        ("opposed", "VERB", "VBD", "relcl", 2, "oppose"),
        ("the", "DET", "DT", "det", 7),
        ("plan", "NOUN", "NN", "dobj", 5, "plan"),
        (",", "PUNCT", ",", "punct", 2),
        ("ended", "VERB", "VBD", "ROOT", 9, "end"),
        _period(9),
    ])
    assert ng.entity_of(doc, "Spain").name == "Spanish government"


def test_every_country_of_a_list_that_acts_is_its_government(ng):
    # Spain, Italy and Poland signed it.   (Poland hangs on Italy, not on Spain)
    doc = ng.run([
        ("Spain", "PROPN", "NNP", "nsubj", 5, None, "B-GPE"),
        (",", "PUNCT", ",", "punct", 0),
        ("Italy", "PROPN", "NNP", "conj", 0, None, "B-GPE"),
        ("and", "CCONJ", "CC", "cc", 2),
        ("Poland", "PROPN", "NNP", "conj", 2, None, "B-GPE"),
        ("signed", "VERB", "VBD", "ROOT", 5, "sign"),
        ("it", "PRON", "PRP", "dobj", 5),
        _period(5),
    ])
    assert [ng.entity_of(doc, c).name for c in ("Spain", "Italy", "Poland")] == [
        "Spanish government", "Italian government", "Polish government"]


def test_a_country_that_takes_a_stance_on_something_is_its_government(ng):
    # Spain is opposed to it. Italy is ready for summer.
    doc = ng.run([
        ("Spain", "PROPN", "NNP", "nsubj", 1, None, "B-GPE"),
        ("is", "AUX", "VBZ", "ROOT", 1, "be"),
        ("opposed", "ADJ", "JJ", "acomp", 1, "opposed"),
        ("to", "ADP", "IN", "prep", 2),
        ("it", "PRON", "PRP", "pobj", 3),
        _period(1),
        ("Italy", "PROPN", "NNP", "nsubj", 7, None, "B-GPE"),
        ("is", "AUX", "VBZ", "ROOT", 7, "be"),
        ("ready", "ADJ", "JJ", "acomp", 7, "ready"),
        ("for", "ADP", "IN", "prep", 8),
        ("summer", "NOUN", "NN", "pobj", 9),
        _period(7),
    ])
    assert ng.entity_of(doc, "Spain").name == "Spanish government"
    assert ng.entity_of(doc, "Italy").type is L


def test_a_country_that_decides_is_its_government_and_one_that_is_visited_a_place(ng):
    # The decision by Spain surprised tourists in Spain.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("decision", "NOUN", "NN", "nsubj", 4, "decision"),
        ("by", "ADP", "IN", "prep", 1),
        ("Spain", "PROPN", "NNP", "pobj", 2, None, "B-GPE"),
        ("surprised", "VERB", "VBD", "ROOT", 4, "surprise"),
        ("tourists", "NOUN", "NNS", "dobj", 4, "tourist"),
        ("in", "ADP", "IN", "prep", 5),
        ("Spain", "PROPN", "NNP", "pobj", 6, None, "B-GPE"),
        _period(4),
    ])
    assert ng.entity_of(doc, "Spain").name == "Spanish government"
    assert ng.entity_of(doc, "Spain", nth=1).name == "Spain"


def test_two_names_glued_by_and_are_two_when_one_is_named_alone(ng):
    # Ostrava grew. Ostrava and Kestrel Holdings merged.
    doc = ng.run([
        ("Ostrava", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
        ("grew", "VERB", "VBD", "ROOT", 1, "grow"),
        _period(1),
        ("Ostrava", "PROPN", "NNP", "nsubj", 7, None, "B-ORG"),
        ("and", "CCONJ", "CC", "cc", 3, None, "I-ORG"),
        ("Kestrel", "PROPN", "NNP", "compound", 6, None, "I-ORG"),
        ("Holdings", "PROPN", "NNP", "conj", 3, None, "I-ORG"),
        ("merged", "VERB", "VBD", "ROOT", 7, "merge"),
        _period(7),
    ])
    assert sorted(m.text for m in doc._.ng_names) == ["Kestrel Holdings", "Ostrava", "Ostrava"]


def test_a_name_with_and_inside_stays_one(ng):
    # The Board of Trade and Industry met.
    doc = ng.run([
        ("The", "DET", "DT", "det", 1),
        ("Board", "PROPN", "NNP", "nsubj", 6, None, "B-ORG"),
        ("of", "ADP", "IN", "prep", 1, None, "I-ORG"),
        ("Trade", "PROPN", "NNP", "pobj", 2, None, "I-ORG"),
        ("and", "CCONJ", "CC", "cc", 3, None, "I-ORG"),
        ("Industry", "PROPN", "NNP", "conj", 3, None, "I-ORG"),
        ("met", "VERB", "VBD", "ROOT", 6, "meet"),
        _period(6),
    ])
    assert [m.text for m in doc._.ng_names] == ["Board of Trade and Industry"]


def test_the_name_before_based_is_a_place(ng):
    # Fenshire-based insurers grew.
    doc = ng.run([
        ("Fenshire", "PROPN", "NNP", "npadvmod", 2, None, "B-PERSON"),
        ("-", "PUNCT", "HYPH", "punct", 2),
        ("based", "VERB", "VBN", "amod", 3, "base"),
        ("insurers", "NOUN", "NNS", "nsubj", 4, "insurer"),
        ("grew", "VERB", "VBD", "ROOT", 4, "grow"),
        _period(4),
    ], spaces=[False, False, True, True, False, False])
    assert ng.entity_of(doc, "Fenshire").type is L


def test_the_letter_of_a_politicians_affiliation_names_the_party(ng):
    # Sen. Jo Quarlow (R-Fen.) spoke.
    doc = ng.run([
        ("Sen.", "PROPN", "NNP", "compound", 2),
        ("Jo", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("Quarlow", "PROPN", "NNP", "nsubj", 9, None, "I-PERSON"),
        ("(", "PUNCT", "-LRB-", "punct", 2),
        ("R", "PROPN", "NNP", "appos", 2),
        ("-", "PUNCT", "HYPH", "punct", 4),
        ("Fen", "PROPN", "NNP", "appos", 4),
        (".", "PUNCT", ".", "punct", 4),
        (")", "PUNCT", "-RRB-", "punct", 2),
        ("spoke", "VERB", "VBD", "ROOT", 9, "speak"),
        _period(9),
    ], spaces=[True, True, True, False, False, False, False, False, True, False, False])
    assert ng.entity_of(doc, "R-Fen.").name == "Republican Party"
    assert ng.entity_of(doc, "Jo Quarlow").type is P


def test_a_party_letter_in_capitals_is_no_acronym_of_the_name_before_it(ng):
    # Rep. Ana Velloso (D-NM) spoke.
    doc = ng.run([
        ("Rep.", "PROPN", "NNP", "compound", 2),
        ("Ana", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("Velloso", "PROPN", "NNP", "nsubj", 8, None, "I-PERSON"),
        ("(", "PUNCT", "-LRB-", "punct", 2),
        ("D", "PROPN", "NNP", "appos", 2),
        ("-", "PUNCT", "HYPH", "punct", 4),
        ("NM", "PROPN", "NNP", "appos", 4),
        (")", "PUNCT", "-RRB-", "punct", 2),
        ("spoke", "VERB", "VBD", "ROOT", 8, "speak"),
        _period(8),
    ], spaces=[True, True, True, False, False, False, False, True, False, False])
    assert ng.entity_of(doc, "D-NM").name == "Democratic Party"
    velloso = ng.entity_of(doc, "Ana Velloso")
    assert (velloso.name, velloso.type) == ("Ana Velloso", P)


def test_a_brand_with_a_model_code_is_a_product(ng):
    # They bought Ostrava V60 cars.
    doc = ng.run([
        ("They", "PRON", "PRP", "nsubj", 1, "they"),
        ("bought", "VERB", "VBD", "ROOT", 1, "buy"),
        ("Ostrava", "PROPN", "NNP", "compound", 3, None, "B-ORG"),
        ("V60", "PROPN", "NNP", "compound", 4, None, "I-ORG"),
        ("cars", "NOUN", "NNS", "dobj", 1, "car"),
        _period(1),
    ])
    assert [m.text for m in doc._.ng_names] == []


def test_an_opening_plural_whose_singular_the_article_writes_in_lower_case_is_no_name(ng):
    # Closures rose. One closure hurt.
    doc = ng.run([
        ("Closures", "PROPN", "NNPS", "nsubj", 1, None, "B-PERSON"),
        ("rose", "VERB", "VBD", "ROOT", 1, "rise"),
        _period(1),
        ("One", "NUM", "CD", "nummod", 4),
        ("closure", "NOUN", "NN", "nsubj", 5, "closure"),
        ("hurt", "VERB", "VBD", "ROOT", 5, "hurt"),
        _period(5),
    ])
    assert [m.text for m in doc._.ng_names] == []


def test_a_company_closer_outweighs_a_given_name(ng):
    # Michael Quarlow Foods grew.
    doc = ng.run([
        ("Michael", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("Quarlow", "PROPN", "NNP", "compound", 2, None, "I-PERSON"),
        ("Foods", "PROPN", "NNP", "nsubj", 3, None, "I-PERSON"),
        ("grew", "VERB", "VBD", "ROOT", 3, "grow"),
        _period(3),
    ])
    assert ng.entity_of(doc, "Michael Quarlow Foods").type is O


def test_a_place_word_closing_a_name_votes_location(ng):
    # Ships crossed the Quarlow Straits.
    doc = ng.run([
        ("Ships", "NOUN", "NNS", "nsubj", 1, "ship"),
        ("crossed", "VERB", "VBD", "ROOT", 1, "cross"),
        ("the", "DET", "DT", "det", 4),
        ("Quarlow", "PROPN", "NNP", "compound", 4, None, "B-PERSON"),
        ("Straits", "PROPN", "NNPS", "dobj", 1, None, "I-PERSON"),
        _period(1),
    ])
    assert ng.entity_of(doc, "Quarlow Straits").type is L


def test_a_name_compounded_into_a_chairman_is_a_company_but_into_a_plant_a_place(ng):
    # The Quarlow chairman visited the Fenshire plant.
    doc = ng.run([
        ("The", "DET", "DT", "det", 2),
        ("Quarlow", "PROPN", "NNP", "compound", 2, None, "B-PERSON"),
        ("chairman", "NOUN", "NN", "nsubj", 3, "chairman"),
        ("visited", "VERB", "VBD", "ROOT", 3, "visit"),
        ("the", "DET", "DT", "det", 6),
        ("Fenshire", "PROPN", "NNP", "compound", 6, None, "B-GPE"),
        ("plant", "NOUN", "NN", "dobj", 3, "plant"),
        _period(3),
    ])
    assert ng.entity_of(doc, "Quarlow").type is O
    assert ng.entity_of(doc, "Fenshire").type is L
