"""Cross-article entity resolution (`resolve`), on hand-built article entities."""

from __future__ import annotations

import random

import pytest
from newsgraph.graph import resolve as link
from newsgraph.graph.article_rows import article_rows, metadata_rows
from newsgraph.graph.build import build_graph
from newsgraph.graph.resolve import SURNAME_DOMINANCE
from newsgraph.model.graph import EntityType
from newsgraph.model.ids import entity_id
from newsgraph.model.names import name_key

P, O, G, OUT, L = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.OUTLET,
                   EntityType.LOCATION)


class Resolved:
    """The linker's answer, asked by (article, local entity id) as these tests ask; entities are
    the graph's nodes, so they carry article counts."""

    def __init__(self, extractions) -> None:
        extractions = list(extractions)
        rows = [row for x in extractions for row in article_rows(x).entities]
        self._resolution = link.resolve(rows)
        self._key = {(r.article_id, entity_id(r.type.value, name_key(r.name))): r.block_key for r in rows}
        self.entities = {e.id: e for e in build_graph(extractions).entities}

    def global_id(self, article: str, local_id: str) -> str:
        return self._resolution.global_id(self._key[(article, local_id)])

    @property
    def mapping(self) -> dict[tuple[str, str], str]:
        return {pair: self._resolution.global_id(key) for pair, key in self._key.items()}


def resolve(extractions) -> Resolved:
    return Resolved(extractions)


def entity_of(resolution, article, record):
    return resolution.entities[resolution.global_id(article, record.id)]


# ---- step 1: names join on their key, whatever NER voted -------------------------------------


def test_name_typed_differently_becomes_one_person(mk):
    as_org = mk.entity("Donald Trump", O, mentions=1)
    as_person = mk.entity("Donald Trump", P, mentions=3)
    assert as_org.id != as_person.id  # local ids differ with the local type
    res = resolve([mk.extraction("aA", [as_org]), mk.extraction("aB", [as_person])])
    assert len(res.entities) == 1
    trump = entity_of(res, "aA", as_org)
    assert entity_of(res, "aB", as_person) is trump
    assert trump.type is P
    assert trump.id == entity_id("Person", "donald trump")
    assert (trump.name, trump.mention_count, trump.article_count) == ("Donald Trump", 4, 2)


def test_type_follows_summed_weighted_votes_not_article_count(mk):
    # two articles vote Organization weakly, one votes Person strongly
    a = mk.entity("Jordan Peterson", O, votes={O: 0.4})
    b = mk.entity("Jordan Peterson", O, votes={O: 0.4})
    c = mk.entity("Jordan Peterson", P, votes={P: 1.5})
    res = resolve([mk.extraction("aA", [a]), mk.extraction("aB", [b]), mk.extraction("aC", [c])])
    assert [e.type for e in res.entities.values()] == [P]


def test_name_variants_join_on_key_and_become_aliases(mk):
    a = mk.entity("Nicolás Maduro", P, mentions=2)
    b = mk.entity("Nicolas Maduro", P, mentions=1)
    c = mk.entity("NICOLAS MADURO’s", P, mentions=1)
    res = resolve([mk.extraction("aA", [a]), mk.extraction("aB", [b]), mk.extraction("aC", [c])])
    assert len(res.entities) == 1
    maduro = entity_of(res, "aA", a)
    assert maduro.id == entity_id("Person", "nicolas maduro")
    assert maduro.mention_count == 4
    # aliases never repeat the chosen name's key
    assert maduro.aliases == ()


def test_aliases_collect_other_names_sorted(mk):
    a = mk.entity("Angela Merkel", P, mentions=3, aliases=("Chancellor Merkel",))
    b = mk.entity("Merkel", P, mentions=1)
    res = resolve([mk.extraction("aA", [a]), mk.extraction("aB", [b])])
    merkel = entity_of(res, "aB", b)
    assert merkel.name == "Angela Merkel"
    assert merkel.aliases == ("Chancellor Merkel", "Merkel")


def test_different_names_stay_apart(mk):
    a = mk.entity("Joe Biden", P)
    b = mk.entity("Kamala Harris", P)
    res = resolve([mk.extraction("aA", [a, b])])
    assert len(res.entities) == 2


# ---- step 3: bare surnames -------------------------------------------------------------------


def test_bare_surname_joins_the_only_full_name(mk):
    full = mk.entity("Angela Merkel", P, mentions=2)
    bare = mk.entity("Merkel", P, mentions=3)
    res = resolve([mk.extraction("aA", [full]), mk.extraction("aB", [bare])])
    assert len(res.entities) == 1
    merkel = entity_of(res, "aB", bare)
    assert merkel.name == "Angela Merkel" and merkel.type is P
    assert merkel.mention_count == 5 and merkel.article_count == 2


def test_bare_surname_typed_organization_still_joins_the_person(mk):
    full = mk.entity("Angela Merkel", P, mentions=4)
    bare = mk.entity("Merkel", O, mentions=1)
    res = resolve([mk.extraction("aA", [full]), mk.extraction("aB", [bare])])
    assert entity_of(res, "aB", bare).type is P
    assert len(res.entities) == 1


def test_surname_of_an_organization_name_does_not_attract(mk):
    firm = mk.entity("Goldman Sachs", O, mentions=5)
    bare = mk.entity("Sachs", P, mentions=1)
    res = resolve([mk.extraction("aA", [firm]), mk.extraction("aB", [bare])])
    assert len(res.entities) == 2
    assert entity_of(res, "aB", bare).name == "Sachs"


def clinton_corpus(mk, bill_mentions, hillary_mentions):
    bill = mk.entity("Bill Clinton", P, mentions=bill_mentions)
    hillary = mk.entity("Hillary Clinton", P, mentions=hillary_mentions)
    bare = mk.entity("Clinton", P, mentions=2)
    res = resolve([mk.extraction("aA", [bill, hillary]), mk.extraction("aB", [bare])])
    return res, bill, hillary, bare


def test_bare_surname_shared_by_two_people_stays_apart(mk):
    res, bill, hillary, bare = clinton_corpus(mk, 4, 4)
    assert len(res.entities) == 3
    clinton = entity_of(res, "aB", bare)
    assert clinton.name == "Clinton"
    assert clinton.id not in {res.global_id("aA", bill.id), res.global_id("aA", hillary.id)}


def test_bare_surname_joins_a_dominant_full_name(mk):
    res, bill, hillary, bare = clinton_corpus(mk, 9, 2)  # weights 10 vs 3: 77 %
    assert len(res.entities) == 2
    assert res.global_id("aB", bare.id) == res.global_id("aA", bill.id)
    assert res.global_id("aB", bare.id) != res.global_id("aA", hillary.id)
    assert entity_of(res, "aB", bare).mention_count == 11


@pytest.mark.parametrize(("bill", "joins"), [(5, True), (4, False)])
def test_surname_dominance_threshold(mk, bill, joins):
    # weight = mentions + 1: 6 vs 2 is exactly 75 % (joins), 5 vs 2 is 71 % (stays apart)
    assert SURNAME_DOMINANCE == 0.75
    res, bill_rec, _, bare = clinton_corpus(mk, bill, 1)
    assert (res.global_id("aB", bare.id) == res.global_id("aA", bill_rec.id)) is joins


def test_surname_join_uses_recorded_surname(mk):
    # a name whose last word is not the surname ("Xi Jinping": surname Xi)
    full = mk.entity("Xi Jinping", P, mentions=3, given_name="Jinping", surname="Xi")
    bare = mk.entity("Xi", P, mentions=1)
    res = resolve([mk.extraction("aA", [full]), mk.extraction("aB", [bare])])
    assert res.global_id("aB", bare.id) == res.global_id("aA", full.id)


# ---- step 2: aliases -------------------------------------------------------------------------


def test_acronym_alias_joins_bare_acronym_in_another_article(mk):
    farc = mk.entity("Revolutionary Armed Forces of Colombia", O, mentions=2, aliases=("FARC",))
    bare = mk.entity("FARC", O, mentions=3)
    res = resolve([mk.extraction("aA", [farc]), mk.extraction("aB", [bare])])
    assert len(res.entities) == 1
    entity = entity_of(res, "aB", bare)
    assert entity.name == "Revolutionary Armed Forces of Colombia"
    assert entity.aliases == ("FARC",)
    assert (entity.mention_count, entity.article_count) == (5, 2)
    assert entity.id == entity_id("Organization", "revolutionary armed forces of colombia")


def test_multiword_alias_joins(mk):
    who = mk.entity("WHO", O, mentions=1, aliases=("World Health Organization",))
    full = mk.entity("World Health Organization", O, mentions=1)
    res = resolve([mk.extraction("aA", [who]), mk.extraction("aB", [full])])
    assert len(res.entities) == 1
    assert entity_of(res, "aA", who).name == "World Health Organization"


def test_single_word_non_acronym_alias_does_not_join(mk):
    bank = mk.entity("Bank of England", O, mentions=2, aliases=("Bank",))
    other = mk.entity("Bank", O, mentions=1)
    res = resolve([mk.extraction("aA", [bank]), mk.extraction("aB", [other])])
    assert len(res.entities) == 2


# ---- curated names and outlets ---------------------------------------------------------------


def test_curated_outlets_merge_and_keep_their_type(mk):
    a = mk.entity("Reuters", OUT, fixed=True, votes={O: 3.0}, mentions=3)
    b = mk.entity("Reuters", OUT, fixed=True, votes={P: 2.0}, mentions=2)
    res = resolve([mk.extraction("aA", [a]), mk.extraction("aB", [b])])
    assert len(res.entities) == 1
    reuters = entity_of(res, "aA", a)
    assert reuters.type is OUT and reuters.name == "Reuters"
    assert reuters.id == entity_id("Outlet", "reuters")
    assert reuters.mention_count == 5


def test_ner_name_joins_the_curated_entity_of_that_name(mk):
    curated = mk.entity("Associated Press", OUT, fixed=True)
    ner = mk.entity("Associated Press", O, mentions=4)  # NER said Organization, four times
    res = resolve([mk.extraction("aA", [curated]), mk.extraction("aB", [ner])])
    assert len(res.entities) == 1
    assert entity_of(res, "aB", ner).type is OUT


def test_one_word_name_does_not_join_a_curated_name_across_articles(mk):
    # "Hill" in one article is not The Hill curated in another
    curated = mk.entity("The Hill", OUT, fixed=True)
    ner = mk.entity("Hill", P, mentions=2)
    res = resolve([mk.extraction("aA", [curated]), mk.extraction("aB", [ner])])
    assert len(res.entities) == 2
    assert entity_of(res, "aB", ner).type is P
    assert entity_of(res, "aA", curated).name == "The Hill"


def test_name_shared_by_two_curated_types_joins_neither(mk):
    outlet = mk.entity("Politico", OUT, fixed=True)
    org = mk.entity("Politico", O, fixed=True)
    ner = mk.entity("Politico", P)
    res = resolve([mk.extraction("aA", [outlet]), mk.extraction("aB", [org]), mk.extraction("aC", [ner])])
    assert len(res.entities) == 3
    assert {e.type for e in res.entities.values()} == {OUT, O, P}


def test_metadata_outlet_joins_the_ner_mention(mk):
    ner = mk.entity("The Daily Planet", O, mentions=2)
    res = resolve([mk.extraction("aA", [], outlet="Daily Planet"), mk.extraction("aB", [ner])])
    assert len(res.entities) == 1
    planet = entity_of(res, "aB", ner)
    metadata_id = entity_id("Outlet", "daily planet")
    assert res.global_id("aA", metadata_id) == planet.id
    assert planet.type is OUT
    assert planet.name == "Daily Planet"  # curated (metadata) name wins over the NER form
    assert planet.aliases == ()  # "The Daily Planet" has the same key
    assert (planet.mention_count, planet.article_count) == (2, 1)


def test_one_word_metadata_outlet_joins_its_own_articles_mention(mk):
    ner = mk.entity("Axios", O, mentions=2)
    res = resolve([mk.extraction("aA", [ner], outlet="Axios")])
    assert len(res.entities) == 1
    assert entity_of(res, "aA", ner).type is OUT


def test_metadata_only_outlet_has_no_mentions(mk):
    res = resolve([mk.extraction("aA", [], outlet="Daily Planet")])
    [planet] = res.entities.values()
    assert (planet.type, planet.mention_count, planet.article_count) == (OUT, 0, 0)


def test_metadata_rows_split_authors(mk):
    x = mk.extraction("aA", outlet="Daily Planet", author="Lois Lane and Clark Kent, Jimmy Olsen")
    rows = metadata_rows(x)
    assert [(r.name, r.type, r.fixed, r.role) for r in rows] == [
        ("Daily Planet", OUT, True, "outlet"), ("Lois Lane", P, False, "author"),
        ("Clark Kent", P, False, "author"), ("Jimmy Olsen", P, False, "author")]
    assert rows[1].surname == "Lane"
    assert all(r.mentions == 0 for r in rows)
    assert metadata_rows(mk.extraction("aB")) == []


def test_metadata_author_joins_ner_person(mk):
    ner = mk.entity("Lois Lane", P, mentions=1)
    res = resolve([mk.extraction("aA", [], author="Lois Lane"), mk.extraction("aB", [ner])])
    assert len(res.entities) == 1
    assert res.global_id("aA", entity_id("Person", "lois lane")) == res.global_id("aB", ner.id)


# ---- groups and descriptions -----------------------------------------------------------------


def test_group_descriptions_merge_on_their_name(mk):
    a = mk.entity("protesters", O, kind="group", mentions=2)
    b = mk.entity("Protesters", O, kind="group", mentions=1)
    c = mk.entity("the Venezuelan opposition", O, kind="description", mentions=1)
    d = mk.entity("Venezuelan opposition", O, kind="description", mentions=1)
    res = resolve([mk.extraction("aA", [a, c]), mk.extraction("aB", [b, d])])
    assert len(res.entities) == 2
    assert res.global_id("aA", a.id) == res.global_id("aB", b.id)
    assert res.global_id("aA", c.id) == res.global_id("aB", d.id)
    assert entity_of(res, "aA", a).mention_count == 3


def test_distinct_groups_stay_apart(mk):
    a = mk.entity("protesters", O, kind="group")
    b = mk.entity("police officers", O, kind="group")
    res = resolve([mk.extraction("aA", [a]), mk.extraction("aB", [b])])
    assert len(res.entities) == 2


# ---- order independence ----------------------------------------------------------------------


def corpus(mk):
    return [
        mk.extraction("aA", [
            mk.entity("Bill Clinton", P, mentions=9), mk.entity("Hillary Clinton", P, mentions=2),
            mk.entity("Revolutionary Armed Forces of Colombia", O, mentions=2, aliases=("FARC",)),
            mk.entity("Associated Press", OUT, fixed=True), mk.entity("protesters", O, kind="group"),
        ], outlet="Daily Planet", author="Lois Lane"),
        mk.extraction("aB", [
            mk.entity("Clinton", P, mentions=2), mk.entity("FARC", O, mentions=3),
            mk.entity("Donald Trump", O, mentions=1), mk.entity("The Daily Planet", O),
        ], outlet="Associated Press"),
        mk.extraction("aC", [
            mk.entity("Donald Trump", P, mentions=3), mk.entity("Trump", P, mentions=2),
            mk.entity("Associated Press", O, mentions=1), mk.entity("Protesters", O, kind="group"),
            mk.entity("Sanders", P), mk.entity("Bernie Sanders", P), mk.entity("Sarah Sanders", P),
        ], outlet="Globe", author="Jimmy Olsen and Lois Lane"),
        mk.extraction("aD", [mk.entity("Lois Lane", P), mk.entity("Caracas", L, mentions=2)]),
    ]


def test_resolution_is_order_independent(mk):
    extractions = corpus(mk)
    reference = resolve(extractions)
    for seed in range(8):
        shuffled = list(extractions)
        random.Random(seed).shuffle(shuffled)
        shuffled = [x.model_copy(update={"entities": tuple(random.Random(seed).sample(x.entities, len(x.entities)))})
                    for x in shuffled]
        again = resolve(shuffled)
        assert again.entities == reference.entities
        assert again.mapping == reference.mapping


def test_corpus_resolution_expected_entities(mk):
    res = resolve(corpus(mk))
    by_name = {e.name: e for e in res.entities.values()}
    assert set(by_name) == {
        "Bill Clinton", "Hillary Clinton", "Revolutionary Armed Forces of Colombia", "Associated Press", "protesters",
        "Daily Planet", "Lois Lane", "Donald Trump", "Globe", "Jimmy Olsen", "Sanders", "Bernie Sanders",
        "Sarah Sanders", "Caracas",
    }
    assert by_name["Donald Trump"].type is P and by_name["Donald Trump"].mention_count == 6
    assert by_name["Associated Press"].type is OUT and by_name["Associated Press"].article_count == 2
    assert by_name["Lois Lane"].article_count == 1  # authorship is not a mention
    # every article entity and metadata record is mapped
    for x in corpus(mk):
        local_ids = [r.id for r in x.entities] + [entity_id(r.type.value, name_key(r.name)) for r in metadata_rows(x)]
        for local_id in local_ids:
            assert res.global_id(x.article.id, local_id) in res.entities
