"""Incremental assembly on hand-built records (names made up here), through the real cache and
embedded store: each step's graph equals a full assembly of the same articles."""

from __future__ import annotations

import shutil

from newsgraph.app.cache import ExtractionCache
from newsgraph.app.pipeline import IngestReport, _assemble
from newsgraph.model.records import Article, ArticleExtraction, QuoteRecord, Span
from newsgraph.store.embedded import EmbeddedStore

EXTRACTOR = "test-extractor/1"


def quote(speaker, words: str, start: int) -> QuoteRecord:
    return QuoteRecord(speaker=speaker.id, speaker_mention=Span(start=start, end=start + 5, text=speaker.name),
                       content=Span(start=start + 10, end=start + 10 + len(words), text=words), direct=True,
                       rule="test.quote", sentence=Span(start=start, end=start + 20 + len(words), text=words))


def article(x: ArticleExtraction) -> Article:
    node = x.article
    return Article(id=node.id, path=node.path, text="x" * node.chars, title=node.title, outlet=node.outlet)


def assembled(home, extractions) -> IngestReport:
    report = IngestReport()
    with ExtractionCache(home / "cache.sqlite") as cache, EmbeddedStore(home) as store:
        cache.save([article(x) for x in extractions], list(extractions))
        _assemble(cache, EXTRACTOR, home, store, report, force=False)
    return report


def steps(mk):
    anna, place = mk.entity("Anna Berglund", "Person", mentions=2), mk.entity("Ruritania", "Location", mentions=2)
    first = mk.extraction("a1", [anna, place], outlet="Valley Courier")
    first = first.model_copy(update={"quotes": (quote(anna, "We will open the border soon", 10),
                                                quote(place, "The border stays closed", 200))})
    anna2, bare = mk.entity("Anna Berglund", "Person"), mk.entity("Berglund", "Person", mentions=3)
    second = mk.extraction("a2", [anna2, bare], [mk.relation("MET_WITH", anna2, bare)], outlet="Valley Courier")
    second = second.model_copy(update={"quotes": (quote(bare, "We will open the border soon", 30),)})
    third = mk.extraction("a3", [mk.entity("Ruritania", "Person", mentions=5)], outlet="Hill Gazette")
    return [first, second, third]


def test_each_increment_equals_a_full_assembly_of_the_same_articles(mk, tmp_path):
    home = tmp_path / "home"
    records, graphs = steps(mk), []
    for n in range(1, len(records) + 1):
        report = assembled(home, records[n - 1:n])
        assert (report.incremental is not None) == (n > 1)
        full = tmp_path / f"full-{n}"
        full.mkdir()
        shutil.copy(home / "cache.sqlite", full / "cache.sqlite")
        assert assembled(full, []).incremental is None
        assert EmbeddedStore(home).load() == EmbeddedStore(full).load()
        graphs.append(EmbeddedStore(home).load())
    # the place that spoke in a1 is a person once a3 votes so: its described statement gets a speaker
    before, after = ([s for s in g.statements if "closed" in s.text] for g in graphs[1:])
    assert [(s.speaker, s.described_speaker) for s in before] == [(None, "Ruritania")]
    ruritania = next(e for e in graphs[2].entities if e.name == "Ruritania")
    assert ruritania.type.value == "Person" and [s.speaker for s in after] == [ruritania.id]
    # the bare surname a2 named joined Anna Berglund: one statement, said by her, reported twice
    said = [s for s in graphs[1].statements if "open the border" in s.text]
    assert len(said) == 1 and len(said[0].evidence) == 2 and said[0].speaker is not None


def test_entities_that_stay_keep_their_edges_and_gain_the_new_articles(mk, tmp_path):
    piet, lena = mk.entity("Piet Kramer", "Person", mentions=2), mk.entity("Lena Osei", "Person")
    maria = mk.entity("Maria Kramer", "Person")  # not in a2: untouched
    first = mk.extraction("a1", [piet, lena, maria], [mk.relation("MET_WITH", piet, lena)], outlet="Valley Courier")
    first = first.model_copy(update={"quotes": (quote(piet, "Prices will fall next year", 10),
                                                quote(maria, "The harbour reopens in May", 300))})
    piet2, lena2 = mk.entity("Piet Kramer", "Person"), mk.entity("Lena Osei", "Person", aliases=("Dr Osei",))
    second = mk.extraction("a2", [piet2, lena2], [mk.relation("MET_WITH", lena2, piet2, mk.evidence(50, 90))],
                           outlet="Hill Gazette")
    second = second.model_copy(update={"quotes": (quote(piet2, "Prices will fall next year", 20),)})
    home, full = tmp_path / "home", tmp_path / "full"
    assembled(home, [first])
    increment = assembled(home, [second]).incremental
    full.mkdir()
    shutil.copy(home / "cache.sqlite", full / "cache.sqlite")
    assembled(full, [])
    graph = EmbeddedStore(home).load()
    assert graph == EmbeddedStore(full).load()
    with EmbeddedStore(home) as a, EmbeddedStore(full) as b:
        keys = [sorted((r["id"], r["ids"]) for r in s.run("MATCH (k:NameKey) RETURN k.id AS id, k.ids AS ids"))
                for s in (a, b)]
    assert keys[0] == keys[1] and any(k == "dr osei" for k, _ in keys[0])  # the alias a2 gave is a name key
    # the two a2 mentions stay and are set anew; nothing left; only a2's outlet came
    assert (increment.kept, increment.updated, increment.removed, increment.entities) == (2, 2, 0, 1)
    by_name = {e.name: e for e in graph.entities}
    assert by_name["Piet Kramer"].article_count == 2 and by_name["Maria Kramer"].article_count == 1
    met = [r for r in graph.relations if r.type.value == "MET_WITH"]
    assert len(met) == 1 and {e.article_id for e in met[0].evidence} == {"a1", "a2"}
    said = {s.text: s for s in graph.statements}
    assert len(said["Prices will fall next year"].evidence) == 2
    assert said["The harbour reopens in May"].speaker == by_name["Maria Kramer"].id
