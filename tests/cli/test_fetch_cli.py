"""`newsgraph fetch` against a real HTTP server on 127.0.0.1: pages and a feed, kept and ingested."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsgraph.app.cli import EXIT_SKIPPED, app
from typer.testing import CliRunner

from ..integration.local_site import Site, article_page, rss, serve

pytestmark = pytest.mark.model

runner = CliRunner()
FIRST = ("The foreign minister met her Canadian counterpart in Ottawa on Monday, the ministry said.\n\n"
         "\u201cWe agreed to keep talking,\u201d the minister told reporters after the meeting.")
SECOND = ("The transport union accused the rail operator of breaking its promises on pay.\n\n"
          "A spokesman for the operator said talks would resume next week.")


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def site():
    with serve(Site()) as running:
        running.pages.update({
            "/news/ottawa-talks.html": (200, "text/html", article_page(
                "Ministers meet in Ottawa", FIRST, outlet="Northern Ledger", date="2025-01-13")),
            "/news/rail-pay.html": (200, "text/html", article_page("Union and operator clash", SECOND,
                                                                   outlet="Northern Ledger")),
        })
        running.pages["/feed.xml"] = (200, "application/rss+xml", rss(running.url("/"), [
            running.url("/news/ottawa-talks.html"), running.url("/news/rail-pay.html"),
            running.url("/news/gone.html")]))
        yield running


def test_a_feed_is_fetched_kept_and_ingested_and_a_second_run_downloads_nothing(site: Site, tmp_path: Path):
    home = tmp_path / "home"
    result = run("fetch", "--feed", site.url("/feed.xml"), "--allow-private", "--delay", "0", "--timeout", "2",
                 "--home", str(home), "--workers", "1")
    assert result.exit_code == EXIT_SKIPPED, result.output  # the feed's third link is gone
    assert f"{site.url('/news/gone.html')}: not fetched: HTTP status 404" in result.stderr
    assert "fetched 2 pages, 0 already there, 1 failed" in result.stderr
    assert len(list((home / "fetched").rglob("*.html"))) == 2

    articles = json.loads(run("cypher", "MATCH (a:Article) RETURN a.title AS title, a.outlet AS outlet, "
                              "a.published AS published, a.url AS url ORDER BY title", "--home", str(home),
                              "--json").stdout)
    assert [(a["title"], a["outlet"]) for a in articles] == [
        ("Ministers meet in Ottawa", "Northern Ledger"), ("Union and operator clash", "Northern Ledger")]
    assert articles[0]["published"] == "2025-01-13" and articles[0]["url"] == site.url("/news/ottawa-talks.html")

    requests = len(site.requests)
    again = run("fetch", site.url("/news/ottawa-talks.html"), "--allow-private", "--home", str(home),
                "--workers", "1")
    assert again.exit_code == 0, again.output
    assert "fetched 0 pages, 1 already there, 0 failed" in again.stderr
    assert len(site.requests) == requests


def test_private_addresses_are_refused_by_default_and_nothing_is_ingested(site: Site, tmp_path: Path):
    home = tmp_path / "home"
    result = run("fetch", site.url("/news/ottawa-talks.html"), "--home", str(home))
    assert result.exit_code == 1
    assert "not fetched: a private or local address (refused unless allowed)" in result.stderr
    assert site.requests == [] and not (home / "cache.sqlite").exists()


def test_nothing_to_fetch_is_an_error(tmp_path: Path):
    result = run("fetch", "--home", str(tmp_path / "home"))
    assert result.exit_code == 1 and "nothing to fetch" in result.stderr
