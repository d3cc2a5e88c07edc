"""Cross-article resolution rules: name forms that are one person, and clusters that cannot be
one entity (graph/resolve.py, graph/person_names.py), on names made up for these tests."""

from __future__ import annotations

from newsgraph.graph.article_rows import article_rows
from newsgraph.graph.person_names import load_person_names, middles_agree
from newsgraph.graph.resolve import resolve
from newsgraph.model.graph import EntityType

P, O, OUT, L = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.OUTLET, EntityType.LOCATION


def clusters(*extractions) -> dict[tuple[str, str], str]:
    """(article, entity name) -> the global entity's name."""
    rows = [row for x in extractions for row in article_rows(x).entities if row.role is None]
    resolution = resolve(rows)
    return {(r.article_id, r.name): resolution.entities[resolution.global_id(r.block_key)].name for r in rows}


# ---- name forms ---------------------------------------------------------------------------------


def test_person_form_drops_middle_initials_and_suffixes():
    forms = load_person_names()
    form = forms.form("Walter K. Brennan Jr.")
    assert (form.given, form.surname, form.middle) == ("walter", "brennan", "k")
    assert forms.form("Walter Brennan").key == form.key
    assert forms.form("Brennan") is None and forms.form("K. Brennan") is None


def test_given_name_variants_read_as_the_full_form():
    forms = load_person_names()
    assert forms.form("Bill Hartwell").key == forms.form("William Hartwell").key
    assert forms.form("Joe Pemberton").key == forms.form("Joseph Pemberton").key
    assert forms.form("Tim Ashgrove").key == forms.form("Timothy Ashgrove").key
    assert forms.form("Bob Kettering").key == forms.form("Robert Kettering").key


def test_middle_initials_agree_only_as_prefixes():
    assert middles_agree("", "k") and middles_agree("k", "kl")
    assert not middles_agree("hw", "w")


def test_middle_initial_form_joins_the_plain_form_across_articles(mk):
    a = mk.entity("Walter K. Brennan", P, mentions=3)
    b = mk.entity("Walter Brennan", P, mentions=5)
    found = clusters(mk.extraction("a1", [a]), mk.extraction("a2", [b]))
    assert found[("a1", "Walter K. Brennan")] == found[("a2", "Walter Brennan")]


def test_suffix_and_nickname_join_the_full_name(mk):
    a = mk.entity("Joseph R. Pemberton Jr.", P, mentions=2)
    b = mk.entity("Joe Pemberton", P, mentions=2)
    found = clusters(mk.extraction("a1", [a]), mk.extraction("a2", [b]))
    assert found[("a1", "Joseph R. Pemberton Jr.")] == found[("a2", "Joe Pemberton")]


def test_different_middle_initials_stay_two_people(mk):
    father = mk.entity("Harold Q. Lindqvist", P, mentions=2)
    son = mk.entity("Harold T. Lindqvist", P, mentions=2)
    found = clusters(mk.extraction("a1", [father]), mk.extraction("a2", [son]))
    assert found[("a1", "Harold Q. Lindqvist")] != found[("a2", "Harold T. Lindqvist")]


# ---- blocking -----------------------------------------------------------------------------------


def test_a_different_given_name_blocks_a_surname_merge(mk):
    # "Ostrova" has Marta's given name in its article: it cannot join Pavel
    pavel = mk.entity("Pavel Ostrova", P, mentions=9)
    bare = mk.entity("Ostrova", P, mentions=2, given_name="Marta")
    found = clusters(mk.extraction("a1", [pavel]), mk.extraction("a2", [bare]))
    assert found[("a2", "Ostrova")] == "Ostrova"


def test_gender_conflict_blocks_a_surname_merge(mk):
    she = mk.entity("Dana Whitcombe", P, mentions=9, gender="f")
    mister = mk.entity("Whitcombe", P, mentions=2, gender="m")  # "Mr. Whitcombe"
    found = clusters(mk.extraction("a1", [she]), mk.extraction("a2", [mister]))
    assert found[("a2", "Whitcombe")] == "Whitcombe"


def test_same_gender_surname_still_joins(mk):
    she = mk.entity("Dana Whitcombe", P, mentions=9, gender="f")
    missus = mk.entity("Whitcombe", P, mentions=2, gender="f")
    found = clusters(mk.extraction("a1", [she]), mk.extraction("a2", [missus]))
    assert found[("a2", "Whitcombe")] == "Dana Whitcombe"


def test_a_justice_is_not_a_reporter(mk):
    reporter = mk.entity("Nora Castellane", P, mentions=6, roles=("reporter",))
    justice = mk.entity("Castellane", P, mentions=3, roles=("justice",))
    found = clusters(mk.extraction("a1", [reporter]), mk.extraction("a2", [justice]))
    assert found[("a2", "Castellane")] == "Castellane"


def test_compatible_roles_do_not_block(mk):
    senator = mk.entity("Nora Castellane", P, mentions=6, roles=("senator",))
    bare = mk.entity("Castellane", P, mentions=3, roles=("lawmaker",))
    found = clusters(mk.extraction("a1", [senator]), mk.extraction("a2", [bare]))
    assert found[("a2", "Castellane")] == "Nora Castellane"


def test_a_place_never_joins_a_person_through_the_surname(mk):
    person = mk.entity("Edgar Fairhaven", P, mentions=4)
    town = mk.entity("Fairhaven", L, mentions=2, fixed=True)  # a curated place
    ner = mk.entity("Fairhaven", P, mentions=1)  # NER's name, which joins the curated place
    found = clusters(mk.extraction("a1", [person]), mk.extraction("a2", [town]), mk.extraction("a3", [ner]))
    assert found[("a3", "Fairhaven")] == "Fairhaven"
    assert found[("a1", "Edgar Fairhaven")] == "Edgar Fairhaven"


def test_an_organization_named_after_a_person_is_not_that_person(mk):
    person = mk.entity("Edgar Fairhaven", P, mentions=4)
    firm = mk.entity("Fairhaven Holdings", O, mentions=3, aliases=("Edgar Fairhaven",))
    found = clusters(mk.extraction("a1", [person]), mk.extraction("a2", [firm]))
    assert found[("a2", "Fairhaven Holdings")] == "Fairhaven Holdings"
    assert found[("a1", "Edgar Fairhaven")] == "Edgar Fairhaven"


def test_a_place_never_joins_an_outlet_through_an_alias(mk):
    outlet = mk.entity("Lakeside Wire", OUT, mentions=2, fixed=True, aliases=("Port Lakeside",))
    place = mk.entity("Port Lakeside", L, mentions=3, fixed=True)
    found = clusters(mk.extraction("a1", [outlet]), mk.extraction("a2", [place]))
    assert found[("a2", "Port Lakeside")] == "Port Lakeside"


def test_family_plural_is_no_person(mk):
    person = mk.entity("Edgar Fairhaven", P, mentions=4)
    family = mk.entity("Fairhavens", P, mentions=1)
    extractions = [mk.extraction("a1", [person]), mk.extraction("a2", [family])]
    rows = [row for x in extractions for row in article_rows(x).entities]
    resolution = resolve(rows)
    types = {e.name: e.type for e in resolution.entities.values()}
    assert types["Edgar Fairhaven"] is P and types["Fairhavens"] is not P


def test_a_company_name_joins_its_short_form_without_the_suffix(mk):
    full = mk.entity("Ostravex International", O, mentions=3)
    short = mk.entity("Ostravex", O, mentions=2)
    found = clusters(mk.extraction("a1", [full]), mk.extraction("a2", [short]))
    assert found[("a2", "Ostravex")] == "Ostravex International"


def test_a_company_suffix_does_not_join_a_place(mk):
    firm = mk.entity("Fairhaven Group", O, mentions=3)
    town = mk.entity("Fairhaven", L, mentions=2, fixed=True)
    found = clusters(mk.extraction("a1", [firm]), mk.extraction("a2", [town]))
    assert found[("a2", "Fairhaven")] == "Fairhaven"
