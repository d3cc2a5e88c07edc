"""Incremental ingest on the embedded store, with the real model and real databases.

Three batches of articles (BBC politics files from ../shared, the two examples, and short
articles written here: a bare "Biden" that joins "Joe Biden" only once a later batch makes him
dominant, "Joe Biden" renamed "Joseph R. Biden Jr." by a later article) ingested one after the
other must give the graph a full assembly of all of them gives: the same export, the same
name-key table, the same state kept for the next increment. A `kill -9` at any point of an
increment leaves the previous graph readable, and the next run completes it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from newsgraph.app.pipeline import ingest
from newsgraph.store.embedded import NAME_KEY_TABLE, EmbeddedStore

from ..conftest import EXAMPLES, MODEL, shared_path

pytestmark = pytest.mark.model

WRITTEN = {
    "a": {
        "who-geneva.txt": "Health officials gather in Geneva\n\nThe WHO said on Monday that the outbreak in the north "
                          "was slowing. A spokeswoman for the WHO told reporters that new cases had fallen.\n",
        "who-report.txt": "Agency warns of winter pressure\n\nThe World Health Organization warned hospitals to prepare "
                          "for a hard winter. The World Health Organization said vaccines would reach clinics soon.\n",
        "biden-ohio.txt": "Biden visits factory in Ohio\n\nJoe Biden visited a car factory in Toledo on Friday. Joe Biden "
                          "met with Governor Mike DeWine and praised the workers. \"We are building the future here,\" "
                          "Biden said.\n",
        "hunter-biden.txt": "Inquiry into business dealings\n\nHunter Biden appeared before a House committee on "
                            "Thursday. Hunter Biden answered questions for six hours. Hunter Biden's lawyer said the "
                            "inquiry was unfair.\n",
        "biden-bare.txt": "Campaign stop draws crowd\n\nBiden spoke to a crowd of supporters in Scranton. Biden promised "
                          "new jobs for the town, and he thanked the volunteers.\n",
    },
    "b": {
        "who-alias.txt": "Vaccine deliveries speed up\n\nThe World Health Organization (WHO) said deliveries of vaccines "
                         "had doubled. The WHO added that poorer countries would receive the next shipments.\n",
    },
    "c": {
        "biden-senate.txt": "President addresses senators\n\nJoseph R. Biden Jr. addressed the Senate on Wednesday. Biden "
                            "met with Senator Susan Collins after the speech. \"We owe the country an answer,\" Biden "
                            "told senators.\n",
        "joe-biden-rally.txt": "Rally in Pittsburgh\n\nJoe Biden held a rally in Pittsburgh on Saturday. Joe Biden spoke "
                               "about wages. Supporters cheered as Joe Biden arrived. Joe Biden later met union "
                               "leaders, and Joe Biden promised to return.\n",
    },
}
BBC = {"a": range(1, 13), "b": range(13, 19), "c": range(19, 25)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    bbc = shared_path("corpus", "bbc", "politics")
    root = tmp_path_factory.mktemp("incremental-corpus")
    for batch in "abc":
        folder = root / batch
        folder.mkdir()
        for name, text in WRITTEN[batch].items():
            (folder / name).write_text(text, encoding="utf-8")
        for number in BBC[batch]:
            shutil.copy(bbc / f"{number:03d}.txt", folder / f"bbc-{number:03d}.txt")
    for name in EXAMPLES.glob("breitbart*"):
        shutil.copy(name, root / "a" / name.name)
    for name in EXAMPLES.glob("thinkprogress*"):
        shutil.copy(name, root / "b" / name.name)
    return root


def run(home: Path, *paths: Path):
    with EmbeddedStore(home) as store:
        return ingest(list(paths), home=home, store=store, model=MODEL, workers=1, batch_size=8, max_chars=200_000)


def name_keys(home: Path) -> list:
    with EmbeddedStore(home) as store:
        rows = store.run(f"MATCH (k:{NAME_KEY_TABLE}) RETURN k.id AS id, k.ids AS ids, k.labels AS labels")
    return sorted((r["id"], r["ids"], r["labels"]) for r in rows)


def state(home: Path) -> dict:
    import sqlite3

    db = sqlite3.connect(home / "cache.sqlite")
    try:
        return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("graph_articles", "graph_keys", "graph_buckets")}
    finally:
        db.close()


@pytest.fixture(scope="module")
def steps(corpus, tmp_path_factory):
    """The home grown batch by batch (its graph after each), and a home of the same cache
    assembled in full."""
    home = tmp_path_factory.mktemp("incremental-home")
    graphs, reports = [], []
    for batch in "abc":
        reports.append(run(home, corpus / batch))
        graphs.append(EmbeddedStore(home).load())
    full = tmp_path_factory.mktemp("full-home")
    shutil.copy(home / "cache.sqlite", full / "cache.sqlite")
    reports.append(run(full, corpus / "a", corpus / "b", corpus / "c"))
    return home, full, graphs, reports


def test_batches_ingested_one_after_the_other_give_the_graph_of_a_full_assembly(steps):
    home, full, graphs, reports = steps
    first, second, third, whole = reports
    assert first.incremental is None and second.incremental and third.incremental
    assert whole.incremental is None and whole.extracted == 0  # the full home: the cache, no NLP
    assert second.incremental.articles == 8 and third.incremental.articles == 8
    assert 0 < second.incremental.keys < len({k for k in state(home)["graph_keys"]})
    assert graphs[-1] == EmbeddedStore(full).load()
    assert name_keys(home) == name_keys(full)
    assert state(home) == state(full)
    assert (third.corpus, third.entities, third.relations, third.statements) == \
        (whole.corpus, whole.entities, whole.relations, whole.statements)


def test_an_increment_renames_a_cluster_and_joins_a_bare_surname_to_it(steps):
    _, _, graphs, _ = steps

    def holding(graph, name):
        return [e for e in graph.entities if name == e.name or name in e.aliases]

    joe_before = holding(graphs[1], "Joe Biden")
    assert [e.name for e in joe_before] == ["Joe Biden"]
    bare = [e for e in graphs[1].entities if e.name == "Biden"]
    assert len(bare) == 1  # Joe and Hunter: no one dominates
    joe_after = holding(graphs[2], "Joe Biden")
    assert [e.name for e in joe_after] == ["Joseph R. Biden Jr."]  # the fullest name: a new id
    assert joe_after[0].id != joe_before[0].id and "Biden" in joe_after[0].aliases
    assert not [e for e in graphs[2].entities if e.id in (joe_before[0].id, bare[0].id)]  # the bare surname joined
    assert joe_after[0].mention_count > joe_before[0].mention_count + bare[0].mention_count
    links = [l for l in graphs[2].links if l.target == joe_after[0].id]
    assert len({l.source for l in links}) == joe_after[0].article_count > joe_before[0].article_count


def test_a_re_ingest_after_an_increment_is_a_no_op(steps, corpus):
    home = steps[0]
    generation = EmbeddedStore(home).path
    report = run(home, corpus / "a", corpus / "b", corpus / "c")
    assert not report.assembled and report.extracted == 0 and EmbeddedStore(home).path == generation


KILLER = """
    import os, signal, sys
    from pathlib import Path
    from newsgraph.app.pipeline import ingest
    from newsgraph.store import embedded
    from newsgraph.store.embedded import EmbeddedStore

    def dying(function, after, *, once_done=False):
        calls = []
        def wrapper(*args, **kwargs):
            calls.append(1)
            if len(calls) > after and not once_done:
                os.kill(os.getpid(), signal.SIGKILL)
            result = function(*args, **kwargs)
            if once_done:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapper

    where, after = {where!r}, {after}
    if where == "pointer":  # the new generation is current, the cache does not know it yet
        embedded.EmbeddedStore._replace_pointer = dying(embedded.EmbeddedStore._replace_pointer, after, once_done=True)
    elif where == "create":
        embedded._create = dying(embedded._create, after)
    else:
        embedded._Patch.remove_entities = dying(embedded._Patch.remove_entities, after)

    def main():
        home = Path({home!r})
        with EmbeddedStore(home) as store:
            ingest([Path(p) for p in {paths!r}], home=home, store=store, model={model!r}, workers=1, batch_size=8,
                   max_chars=200_000)

    if __name__ == "__main__":
        main()
"""


def kill_an_ingest(home: Path, paths: list[str], where: str, after: int, tmp_path: Path) -> None:
    script = tmp_path / "killer.py"
    script.write_text(textwrap.dedent(KILLER.format(where=where, after=after, home=str(home), paths=paths, model=MODEL)))
    killed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600,
                            env={k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")})
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]


def test_an_increment_killed_at_any_point_leaves_the_previous_graph_and_the_next_run_completes_it(
        steps, corpus, tmp_path):
    _, full, graphs, _ = steps
    home = tmp_path / "home"
    run(home, corpus / "a")
    before = EmbeddedStore(home).load()
    paths = [str(corpus / b) for b in "abc"]
    kill_an_ingest(home, paths, "remove", 0, tmp_path)  # extracts b and c, dies in the first removal
    assert EmbeddedStore(home).load() == before  # the previous graph, readable
    other = tmp_path / "other-home"
    shutil.copytree(home, other)
    kill_an_ingest(home, paths, "create", 3, tmp_path)  # dies among the inserts
    assert EmbeddedStore(home).load() == before
    report = run(home, *map(Path, paths))
    assert report.extracted == 0 and report.incremental is not None
    assert EmbeddedStore(home).load() == EmbeddedStore(full).load() == graphs[-1]
    assert name_keys(home) == name_keys(full)
    assert len([p for p in (home / "graph").iterdir() if p.is_dir()]) == 1

    kill_an_ingest(other, paths, "pointer", 0, tmp_path)  # the new graph is current, the cache's state is not
    assert EmbeddedStore(other).load() == graphs[-1]
    report = run(other, *map(Path, paths))
    assert report.assembled and report.incremental is None  # the state does not describe it: in full
    assert EmbeddedStore(other).load() == graphs[-1] and name_keys(other) == name_keys(full)


def test_resolution_is_local_to_components_on_real_extractions(steps):
    """resolve(all rows) restricted to a component == resolve(that component's rows)."""
    from newsgraph.app.cache import ExtractionCache
    from newsgraph.graph.blocking import closure
    from newsgraph.graph.resolve import EntityLinker
    from newsgraph.ingest.version import extractor_version

    with ExtractionCache(steps[1] / "cache.sqlite") as cache:
        rows = list(cache.rows(extractor_version(MODEL)).entity_rows())
    linker = EntityLinker()
    linker.add(rows)
    whole, buckets = linker.resolve(), linker.buckets()
    members: dict[str, list] = {}
    for key, entries in buckets.items():
        for bucket, hub in entries:
            members.setdefault(bucket, []).append((key, hub))
    seen: set[str] = set()
    sizes = []
    for key in sorted(buckets):
        if key in seen:
            continue
        part = closure({key: buckets[key]}, lambda keys: {k: buckets[k] for k in keys},
                       lambda names: {b: members.get(b, []) for b in names})
        seen |= part
        sizes.append(len(part))
        local = EntityLinker()
        local.add(r for r in rows if r.block_key in part)
        alone = local.resolve()
        assert {k: alone.entities[alone.global_id(k)] for k in part} == \
            {k: whole.entities[whole.global_id(k)] for k in part}
    assert len(sizes) > 100 and max(sizes) < len(buckets) / 4
