"""newsgraph_headlines and what it means for names and relations: a headline names nothing
of its own (hand-built Docs and made-up lines, no model)."""

from __future__ import annotations

from newsgraph.ingest.components.headlines import headline_lines, in_headline

NL = ("\n", "SPACE", "_SP", "dep", None)


def test_title_line_is_a_headline_whatever_its_case():
    text = "Mayor quits after budget row\nThe mayor quit on Monday."
    assert headline_lines(text, title_end=28) == [(0, 28)]


def test_title_case_and_capital_lines_are_headlines():
    text = "Senator Warns Of Budget Gap\nThe senator spoke.\nWHAT THE VOTE MEANS\nShe left at noon."
    spans = headline_lines(text)
    assert [text[a:b] for a, b in spans] == ["Senator Warns Of Budget Gap", "WHAT THE VOTE MEANS"]


def test_a_sentence_or_a_short_line_is_no_headline():
    text = "The Senate Passed The Budget Bill On Friday.\nBy Kim\nThe vote was close."
    assert headline_lines(text) == []


def test_in_headline_is_containment():
    assert in_headline([(0, 20)], 3, 9) and not in_headline([(0, 20)], 15, 25) and not in_headline(None, 0, 1)


def _run(ng, rows, title_end):
    doc = ng.doc(rows)
    doc._.ng_title_end = title_end
    return ng.nlp(doc)


def test_a_name_only_in_the_headline_makes_no_entity(ng):
    # "Brackley Warns Ostrander\nOstrander spoke."
    rows = [
        ("Brackley", "PROPN", "NNP", "compound", 1, None, "B-PERSON"),
        ("Warns", "PROPN", "NNP", "ROOT", 1, None, "I-PERSON"),
        ("Ostrander", "PROPN", "NNP", "dobj", 1, None, "B-PERSON"),
        ("\n", "SPACE", "_SP", "dep", 2),
        ("Ostrander", "PROPN", "NNP", "nsubj", 5, None, "B-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 5, "speak"),
        (".", "PUNCT", ".", "punct", 5),
    ]
    doc = _run(ng, rows, title_end=len("Brackley Warns Ostrander"))
    assert ng.entity_names(doc) == ["Ostrander"]
    assert len(ng.entity(doc, "Ostrander").mentions) == 2  # the headline adds a mention to the body's entity


def test_a_headline_surname_joins_the_full_name_of_the_body(ng):
    # "Ostrander Speaks Out\nDelia Ostrander spoke."
    rows = [
        ("Ostrander", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("Speaks", "VERB", "VBZ", "ROOT", 1, "speak"),
        ("Out", "ADP", "RP", "prt", 1),
        ("\n", "SPACE", "_SP", "dep", 2),
        ("Delia", "PROPN", "NNP", "compound", 5, None, "B-PERSON"),
        ("Ostrander", "PROPN", "NNP", "nsubj", 6, None, "I-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 6, "speak"),
        (".", "PUNCT", ".", "punct", 6),
    ]
    doc = _run(ng, rows, title_end=len("Ostrander Speaks Out"))
    assert ng.entity_names(doc) == ["Delia Ostrander"]
    assert len(ng.entity(doc, "Delia Ostrander").mentions) == 2


def test_a_headline_states_no_relation(ng):
    # "Rubio met Maduro\nRubio and Maduro spoke."  (the body names both; only the headline has them meet)
    from newsgraph.ingest.extract import extract_article
    from newsgraph.model.records import Article

    rows = [
        ("Rubio", "PROPN", "NNP", "nsubj", 1, None, "B-PERSON"),
        ("met", "VERB", "VBD", "ROOT", 1, "meet"),
        ("Maduro", "PROPN", "NNP", "dobj", 1, None, "B-PERSON"),
        ("\n", "SPACE", "_SP", "dep", 2),
        ("Rubio", "PROPN", "NNP", "nsubj", 7, None, "B-PERSON"),
        ("and", "CCONJ", "CC", "cc", 4),
        ("Maduro", "PROPN", "NNP", "conj", 4, None, "B-PERSON"),
        ("spoke", "VERB", "VBD", "ROOT", 7, "speak"),
        (".", "PUNCT", ".", "punct", 7),
    ]
    title = "Rubio met Maduro"
    headline = _run(ng, rows, title_end=len(title))
    assert [r.type.value for r in headline._.ng_relations] == ["MET_WITH"]  # read, then left out
    article = Article(id="a1", path="a1.txt", text=headline.text, title=title, title_end=len(title))
    extraction = extract_article(article, headline, [], extractor="test")
    assert extraction.relations == ()
    assert {e.name for e in extraction.entities} == {"Rubio", "Maduro"}


def test_a_headline_word_of_an_organizations_name_makes_no_entity(ng):
    # "Tribunal Rejects Claim\nThe Tribunal of Appeals ruled."
    rows = [
        ("Tribunal", "PROPN", "NNP", "nsubj", 1, None, "B-ORG"),
        ("Rejects", "VERB", "VBZ", "ROOT", 1, "reject"),
        ("Claim", "NOUN", "NN", "dobj", 1),
        ("\n", "SPACE", "_SP", "dep", 2),
        ("The", "DET", "DT", "det", 5),
        ("Tribunal", "PROPN", "NNP", "nsubj", 8, None, "B-ORG"),
        ("of", "ADP", "IN", "prep", 5, None, "I-ORG"),
        ("Appeals", "PROPN", "NNP", "pobj", 6, None, "I-ORG"),
        ("ruled", "VERB", "VBD", "ROOT", 8, "rule"),
        (".", "PUNCT", ".", "punct", 8),
    ]
    doc = _run(ng, rows, title_end=len("Tribunal Rejects Claim"))
    assert ng.entity_names(doc) == ["Tribunal of Appeals"]
