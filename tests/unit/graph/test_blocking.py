"""Resolution is local to the components of the candidate graph (`graph.blocking`): resolving
one component's rows alone gives the entities the whole corpus gives it. Hand-built records
(names made up here) for each join `resolve` makes: a surname claimed or left alone, a family
plural, a company's short form, an acronym alias, a metadata outlet, person forms."""

from __future__ import annotations

from itertools import chain

from newsgraph.graph.article_rows import article_rows
from newsgraph.graph.blocking import closure
from newsgraph.graph.resolve import EntityLinker


def corpus(mk):
    return [
        mk.extraction("a1", [mk.entity("Marta Kowalski", "Person", mentions=3)]),
        mk.extraction("a2", [mk.entity("Kowalski", "Person", mentions=2)]),
        mk.extraction("a3", [mk.entity("Piotr Kowalski", "Person", mentions=1)]),
        mk.extraction("a4", [mk.entity("Kowalskis", "Person", mentions=1)]),
        mk.extraction("a5", [mk.entity("Northwind Logistics International", "Organization", mentions=2)]),
        mk.extraction("a6", [mk.entity("Northwind Logistics", "Organization", mentions=1)]),
        mk.extraction("a7", [mk.entity("Eastern Fisheries Board", "Organization", aliases=("EFB",))]),
        mk.extraction("a8", [mk.entity("EFB", "Organization", mentions=2)], outlet="Harbour Herald"),
        mk.extraction("a9", [mk.entity("Harbour Herald", "Organization"), mk.entity("Lake Ontario", "Location")]),
        mk.extraction("a10", [mk.entity("Joseph Oduya", "Person", mentions=2), mk.entity("Oduya", "Person")]),
        mk.extraction("a11", [mk.entity("Joe Oduya", "Person"), mk.entity("Ferreira", "Organization")]),
        mk.extraction("a12", [mk.entity("Ferreira", "Person", mentions=3)]),
    ]


def components(buckets: dict) -> list[set[str]]:
    members: dict[str, list] = {}
    for key, entries in buckets.items():
        for bucket, hub in entries:
            members.setdefault(bucket, []).append((key, hub))
    found, seen = [], set()
    for key in sorted(buckets):
        if key not in seen:
            component = closure({key: buckets[key]}, lambda keys: {k: buckets[k] for k in keys},
                                lambda names: {b: members.get(b, []) for b in names})
            seen |= component
            found.append(component)
    return found


def test_resolving_each_component_alone_gives_what_the_whole_corpus_gives(mk):
    rows = list(chain.from_iterable(article_rows(x).entities for x in corpus(mk)))
    linker = EntityLinker()
    linker.add(rows)
    whole = linker.resolve()
    parts = components(linker.buckets())
    assert sorted(map(len, parts))[-1] < len({r.block_key for r in rows})  # more than one component
    by_key = {k: i for part in parts for k in part for i in [id(part)]}
    for part in parts:
        local = EntityLinker()
        local.add(r for r in rows if r.block_key in part)
        alone = local.resolve()
        assert {k: alone.entities[alone.global_id(k)] for k in part} == \
            {k: whole.entities[whole.global_id(k)] for k in part}
    # the joins made, each inside one component
    for a, b in (("name|marta kowalski", "name|piotr kowalski"), ("name|northwind logistics international",
                 "name|northwind logistics"), ("name|eastern fisheries board", "name|efb"),
                 ("fixed|Outlet|harbour herald", "name|harbour herald"), ("name|joseph oduya", "name|joe oduya"),
                 ("name|kowalski", "name|kowalskis")):
        assert by_key[a] == by_key[b], (a, b)
    assert whole.global_id("name|eastern fisheries board") == whole.global_id("name|efb")
    assert whole.global_id("name|joseph oduya") == whole.global_id("name|oduya")
    assert whole.global_id("name|kowalski") not in (whole.global_id("name|marta kowalski"),
                                                     whole.global_id("name|piotr kowalski"))
    assert by_key["name|lake ontario"] != by_key["name|marta kowalski"]


def test_full_names_sharing_a_surname_meet_only_through_the_bare_surname(mk):
    rows = list(chain.from_iterable(article_rows(x).entities for x in corpus(mk)[:1] + corpus(mk)[2:3]))
    linker = EntityLinker()
    linker.add(rows)
    assert len(components(linker.buckets())) == 2  # Marta and Piotr Kowalski, no bare "Kowalski"
