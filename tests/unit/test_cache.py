"""The SQLite extraction cache: save, look up by extractor version, prune, atomic batches."""

from __future__ import annotations

import sqlite3

import pytest
from newsgraph.app.cache import ExtractionCache
from newsgraph.model.graph import ArticleNode, EntityType
from newsgraph.model.ids import article_id
from newsgraph.model.records import (
    Article,
    ArticleExtraction,
    EntityRecord,
    Span,
)
from pydantic_core import PydanticSerializationError

V1, V2 = "newsgraph-0.1.0+aaa/model-1", "newsgraph-0.1.0+bbb/model-1"


def article(text: str, path: str | None = None) -> Article:
    return Article(id=article_id(text), path=path or f"/corpus/{text[:8]}.txt", text=text, title=text.split(".")[0],
                   outlet="Daily Planet", title_end=len(text.split(".")[0]))


def extraction(a: Article, extractor: str = V1, *, name: str = "Jane Doe") -> ArticleExtraction:
    return ArticleExtraction(
        article=ArticleNode(id=a.id, path=a.path, title=a.title, outlet=a.outlet, chars=len(a.text)),
        entities=(EntityRecord(id="e1", name=name, type=EntityType.PERSON, kind="name",
                               mentions=(Span(start=0, end=len(name), text=name),),
                               type_votes={EntityType.PERSON: 1.0}),),
        extractor=extractor,
    )


def bad_extraction(a: Article) -> ArticleExtraction:
    """A record that fails to serialize, to break a save half way."""
    info = ArticleNode(id=a.id, path=a.path, title=a.title, chars=1)
    return ArticleExtraction.model_construct(article=info, extractor=V1, entities=(object(),))


@pytest.fixture
def articles() -> list[Article]:
    return [article("Second story. Body two."), article("First story. Body one."), article("Third story. Body three.")]


@pytest.fixture
def cache(tmp_path):
    with ExtractionCache(tmp_path / "home" / "cache.sqlite") as c:
        yield c


def test_save_then_lookups(cache, articles):
    cache.save(articles, [extraction(a) for a in articles])
    ids = [a.id for a in articles]
    assert cache.article_count() == 3
    assert cache.extracted(ids + ["a-unknown"], V1) == set(ids)
    assert cache.extracted(ids, V2) == set()
    assert cache.extracted([], V1) == set()


def test_extractions_round_trip_in_article_id_order(cache, articles):
    saved = {a.id: extraction(a) for a in articles}
    cache.save(articles, list(saved.values()))
    out = list(cache.extractions(V1))
    assert [x.article.id for x in out] == sorted(saved)
    assert out == [saved[i] for i in sorted(saved)]
    assert list(cache.extractions(V2)) == []


def test_articles_without_a_new_version(cache, articles):
    cache.save(articles, [extraction(a) for a in articles])
    stale = list(cache.articles_without(V2))
    assert stale == sorted(articles, key=lambda a: a.id)  # whole articles, text included, by id
    assert stale[0].text in {a.text for a in articles}
    assert list(cache.articles_without(V1)) == []
    cache.save([articles[0]], [extraction(articles[0], V2)])
    assert [a.id for a in cache.articles_without(V2)] == sorted(a.id for a in articles[1:])


def test_article_saved_without_extraction_is_stale(cache, articles):
    cache.save(articles[:1], [])  # e.g. a crash between reading and extracting
    assert [a.id for a in cache.articles_without(V1)] == [articles[0].id]
    assert cache.extracted([articles[0].id], V1) == set()


def test_prune_drops_other_versions_only(cache, articles):
    cache.save(articles, [extraction(a, V1) for a in articles])
    cache.save(articles[:1], [extraction(articles[0], V2)])
    assert cache.prune(V2) == 3
    assert list(cache.extractions(V1)) == []
    assert [x.article.id for x in cache.extractions(V2)] == [articles[0].id]
    assert cache.article_count() == 3  # articles stay: they are re-extracted from the stored text
    assert cache.prune(V2) == 0


def test_save_is_atomic_per_call(cache, articles):
    first, second, third = articles
    cache.save([first], [extraction(first)])
    with pytest.raises(PydanticSerializationError):
        cache.save([second, third], [extraction(second), bad_extraction(third)])
    assert cache.article_count() == 1  # neither article of the failed call was stored
    assert cache.extracted([a.id for a in articles], V1) == {first.id}
    assert [x.article.id for x in cache.extractions(V1)] == [first.id]
    # the cache is still usable after the failed transaction
    cache.save([second], [extraction(second)])
    assert cache.extracted([second.id], V1) == {second.id}


def test_failed_article_insert_stores_nothing(cache, articles):
    broken = Article.model_construct(id=articles[1].id, path="/x.txt", text=object(), title="t")
    with pytest.raises(PydanticSerializationError):
        cache.save([articles[0], broken], [extraction(articles[0])])
    assert cache.article_count() == 0
    assert list(cache.extractions(V1)) == []


def test_resaving_the_same_article_is_a_no_op(cache, articles):
    a = articles[0]
    cache.save([a], [extraction(a)])
    before = list(cache.extractions(V1)), list(cache.articles_without(V2))
    cache.save([a], [extraction(a)])
    cache.save([a.model_copy(update={"path": "/elsewhere/same-text.txt"})], [extraction(a)])
    assert cache.article_count() == 1
    assert (list(cache.extractions(V1)), list(cache.articles_without(V2))) == before
    assert next(cache.articles_without(V2)).path == a.path  # the first path is kept


def test_resaving_with_a_new_extraction_of_the_same_version_replaces_it(cache, articles):
    a = articles[0]
    cache.save([a], [extraction(a, name="Jane Doe")])
    cache.save([a], [extraction(a, name="John Roe")])
    [x] = cache.extractions(V1)
    assert x.entities[0].name == "John Roe"


def test_versions_are_kept_side_by_side(cache, articles):
    a = articles[0]
    cache.save([a], [extraction(a, V1), extraction(a, V2)])
    assert len(list(cache.extractions(V1))) == len(list(cache.extractions(V2))) == 1


def test_cache_persists_across_connections(tmp_path, articles):
    path = tmp_path / "nested" / "dir" / "cache.sqlite"
    with ExtractionCache(path) as c:
        c.save(articles, [extraction(a) for a in articles])
    assert path.exists()
    with ExtractionCache(path) as c:
        assert c.article_count() == 3
        assert len(list(c.extractions(V1))) == 3


def test_lookups_over_many_ids(cache, articles):
    cache.save(articles, [extraction(a) for a in articles])
    ids = [f"a{i:05d}" for i in range(1234)] + [a.id for a in articles]
    assert cache.extracted(reversed(ids), V1) == {a.id for a in articles}


def test_closed_cache_refuses_work(tmp_path, articles):
    c = ExtractionCache(tmp_path / "cache.sqlite")
    c.close()
    with pytest.raises(sqlite3.ProgrammingError):
        c.article_count()


def test_graph_rows_are_cached_with_the_extraction(cache, articles):
    """Assembly streams the cached rows: the same graph as assembling the records themselves."""
    from newsgraph.graph.build import ExtractionRows, GraphCollector, assemble

    extractions = [extraction(a) for a in articles]
    cache.save(articles, extractions)
    from_cache, from_records = GraphCollector(), GraphCollector()
    assemble(cache.rows(V1), from_cache)
    assemble(ExtractionRows(extractions), from_records)
    assert from_cache.graph() == from_records.graph()
    assert cache.rows(V2).articles() and list(cache.rows(V2).entity_rows()) == []


def test_an_older_cache_keeps_its_articles_and_drops_what_derives_from_them(tmp_path, articles):
    import sqlite3

    path = tmp_path / "cache.sqlite"
    with ExtractionCache(path) as c:
        c.save(articles, [extraction(a) for a in articles])
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with ExtractionCache(path) as c:
        assert c.article_count() == 3
        assert c.extracted([a.id for a in articles], V1) == set()
        assert [a.id for a in c.articles_without(V1)] == sorted(a.id for a in articles)



# ---- paths, edits and removal (issue 17.3, 17.4) ------------------------------------------------


def test_an_edited_path_names_its_old_version_unless_that_text_was_read_elsewhere(cache):
    old, moved = article("Old words. Body.", "/c/a.txt"), article("Moved line. Body.", "/c/feed.jsonl:2")
    cache.save([old, moved], [extraction(old), extraction(moved)])
    edited = article("New words. Body.", "/c/a.txt")
    shifted = article("Inserted line. Body.", "/c/feed.jsonl:2")  # and the moved text now at line 3
    read = {edited.path: edited.id, shifted.path: shifted.id, "/c/feed.jsonl:3": moved.id}
    assert cache.replaced(read) == {old.id: "/c/a.txt"}
    assert cache.replaced({old.path: old.id}) == {}


def test_under_finds_files_folders_and_jsonl_lines_and_forget_removes_everything_of_them(cache):
    items = [article("One. Body.", "/c/x/one.txt"), article("Two. Body.", "/c/x/sub/two.html"),
             article("Three. Body.", "/c/feed.jsonl:1"), article("Four. Body.", "/c/xy.txt")]
    cache.save(items, [extraction(a) for a in items])
    assert set(cache.under(["/c/x"]).values()) == {"/c/x/one.txt", "/c/x/sub/two.html"}
    assert set(cache.under(["/c/x/"]).values()) == {"/c/x/one.txt", "/c/x/sub/two.html"}
    assert set(cache.under(["/c/feed.jsonl"]).values()) == {"/c/feed.jsonl:1"}
    assert cache.under(["/c/x/one"]) == {}
    assert cache.forget(cache.under(["/c/x"])) == 2
    assert cache.article_ids() == {items[2].id, items[3].id}
    assert [x.article.id for x in cache.extractions(V1)] == sorted([items[2].id, items[3].id])
    rows = cache.rows(V1)
    assert {r.article_id for r in rows.entity_rows()} == {items[2].id, items[3].id}


def test_other_metadata_is_a_change_and_takes_the_new_record_another_path_is_not(cache):
    a = article("Story. Body.", "/c/a.txt")
    cache.save([a], [extraction(a)])
    assert cache.changed([a.model_copy(update={"path": "/c/b.txt"})]) == set()
    renamed = a.model_copy(update={"outlet": "Evening Star"})
    assert cache.changed([renamed]) == {a.id}
    before = cache.digest(V1)
    cache.save([renamed], [extraction(renamed)])
    assert cache.changed([renamed]) == set() and cache.digest(V1) != before
    assert next(cache.articles_without(V2)).outlet == "Evening Star"


def test_forget_extractions_keeps_the_articles_for_a_rebuild(cache, articles):
    cache.save(articles, [extraction(a) for a in articles])
    cache.forget_extractions()
    assert cache.article_count() == 3 and cache.extracted([a.id for a in articles], V1) == set()
    assert {a.id for a in cache.articles_without(V1)} == {a.id for a in articles}


def test_the_article_digest_is_kept_until_the_extractions_change(cache, articles):
    cache.save(articles[:2], [extraction(a) for a in articles[:2]])
    first = cache.digest(V1)
    assert cache.digest(V1) == first
    cache.save(articles[2:], [extraction(a) for a in articles[2:]])
    grown = cache.digest(V1)
    assert grown != first
    cache.forget([articles[2].id])
    assert cache.digest(V1) == first
    assert cache.digest(V2) != first  # one per extractor version


def test_prune_with_nothing_to_drop_keeps_every_row(cache, articles):
    cache.save(articles, [extraction(a) for a in articles])
    assert cache.prune(V1) == 0
    assert cache.extracted([a.id for a in articles], V1) == {a.id for a in articles}
    cache.save([articles[0]], [extraction(articles[0], V2)])
    assert cache.prune(V1) == 1
    assert cache.extracted([articles[0].id], V2) == set()


def fresh_digest(cache, extractor: str) -> str:
    """The digest worked out from the extractions alone, with nothing kept."""
    with cache._db:
        cache._db.execute("DELETE FROM article_digests")
    return cache.digest(extractor)


def test_a_saved_batch_updates_the_kept_digest_to_what_working_it_out_again_gives(cache, articles):
    cache.save(articles[:1], [extraction(articles[0])])
    cache.digest(V1), cache.digest(V2)
    cache.save(articles[1:], [extraction(a) for a in articles[1:]])
    kept = cache.digest(V1)
    assert kept == fresh_digest(cache, V1)
    renamed = articles[1].model_copy(update={"outlet": "Evening Star"})
    cache.digest(V2)
    cache.save([renamed], [extraction(renamed)])  # an article's record replaced
    changed = cache.digest(V1)
    assert changed != kept and changed == fresh_digest(cache, V1)
    assert cache.digest(V2) == fresh_digest(cache, V2)  # another version's set did not change


def graph_of(cache) -> None:
    """Record that the stored graph holds every article extracted by V1 (as a full assembly does)."""
    from newsgraph.graph.state import GraphState

    cache.write_graph_state(GraphState(), stamp="s1", base="b1", extractor=V1, full=True)
    assert cache.graph_state() == ("s1", "b1")


def test_the_graph_state_stays_when_articles_are_added_and_goes_when_one_of_its_articles_changes(cache, articles):
    cache.save(articles[:2], [extraction(a) for a in articles[:2]])
    graph_of(cache)
    cache.save(articles[2:], [extraction(a) for a in articles[2:]])
    assert cache.graph_state() == ("s1", "b1")  # an increment can add the third
    renamed = articles[0].model_copy(update={"outlet": "Evening Star"})
    cache.save([renamed], [extraction(renamed)])
    assert cache.graph_state() is None


def test_the_graph_state_goes_when_one_of_its_articles_is_forgotten_or_pruned(cache, articles):
    cache.save(articles[:2], [extraction(a) for a in articles[:2]])
    graph_of(cache)
    cache.save(articles[2:], [extraction(a) for a in articles[2:]])
    cache.forget([articles[2].id])  # not the graph's
    assert cache.graph_state() == ("s1", "b1")
    cache.forget([articles[1].id])
    assert cache.graph_state() is None
    graph_of(cache)
    cache.save([articles[0]], [extraction(articles[0], V2)])
    assert cache.graph_state() == ("s1", "b1")
    cache.prune(V2)
    assert cache.graph_state() is None
