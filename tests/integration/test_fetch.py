"""Fetching pages and feeds from a real HTTP server on 127.0.0.1 (never a real site)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsgraph.app.fetch import (
    USER_AGENT,
    FetchError,
    FetchOptions,
    feed_links,
    fetch_pages,
    page_path,
)
from newsgraph.ingest.readers import read_inputs
from newsgraph.model.records import Article

from .local_site import Site, article_page, atom, rss, serve

LOCAL = FetchOptions(timeout=1, delay=0.0, allow_private=True)
STORY = ("The finance minister met the central bank governor on Monday, the ministry said.\n\n"
         "Both sides called the talks constructive and agreed to meet again next month.")


@pytest.fixture
def site():
    pages = {
        "/world/talks.html": (200, "text/html; charset=utf-8",
                              article_page("Ministers hold talks", STORY, outlet="Harbour Gazette", date="2024-03-04")),
        "/plain.html": (200, "text/html", article_page("No metadata here", STORY)),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4 not a page"),
        "/moved": (301, "text/html", b"/world/talks.html"),
        "/slow.html": (200, "text/html", article_page("Slow", STORY)),
    }
    with serve(Site(pages=pages, slow={"/slow.html"})) as running:
        yield running


def test_a_page_is_saved_with_its_sidecar_and_read_as_an_article(site: Site, tmp_path: Path) -> None:
    url = site.url("/world/talks.html")
    report = fetch_pages([url], folder=tmp_path, options=LOCAL)

    assert report.failed == [] and report.saved == [page_path(tmp_path, url)]
    saved = report.saved[0]
    assert saved.parent.name == "127.0.0.1" and saved.name.startswith("talks-")
    sidecar = json.loads(saved.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert sidecar["url"] == url and sidecar["outlet"] == "Harbour Gazette" and sidecar["published"] == "2024-03-04"
    assert sidecar["fetched"][:2] == "20" and "T" in sidecar["fetched"]
    [article] = list(read_inputs([tmp_path], max_chars=100_000))
    assert isinstance(article, Article)
    assert (article.outlet, article.published, article.url) == ("Harbour Gazette", "2024-03-04", url)
    assert "central bank governor" in article.text
    assert site.requests == [("/world/talks.html", USER_AGENT)]


def test_a_second_fetch_downloads_nothing(site: Site, tmp_path: Path) -> None:
    url = site.url("/world/talks.html")
    first = fetch_pages([url, url], folder=tmp_path, options=LOCAL)
    second = fetch_pages([url], folder=tmp_path, options=LOCAL)

    assert len(first.saved) == 1 and first.present == []
    assert second.saved == [] and second.present == first.saved
    assert site.hits("/world/talks.html") == 1


def test_failures_have_reasons_and_leave_no_file(site: Site, tmp_path: Path) -> None:
    urls = [site.url("/missing.html"), site.url("/report.pdf"), site.url("/slow.html"), "ftp://example.org/x",
            "http://127.0.0.1:9/closed.html"]
    report = fetch_pages(urls, folder=tmp_path, options=LOCAL)

    reasons = dict(report.failed)
    assert report.saved == []
    assert reasons[site.url("/missing.html")] == "HTTP status 404"
    assert reasons[site.url("/report.pdf")] == "not an HTML page (application/pdf)"
    assert reasons[site.url("/slow.html")] == "timed out"
    assert reasons["ftp://example.org/x"] == "not an http(s) URL"
    assert reasons["http://127.0.0.1:9/closed.html"] == "connection refused"
    assert list(tmp_path.rglob("*")) == []


def test_private_addresses_are_refused_unless_allowed(site: Site, tmp_path: Path) -> None:
    url = site.url("/world/talks.html")
    report = fetch_pages([url], folder=tmp_path, options=FetchOptions(timeout=1, delay=0.0))

    assert report.failed == [(url, "a private or local address (refused unless allowed)")]
    assert site.requests == []


def test_a_redirect_is_followed_and_the_page_kept_under_the_asked_url(site: Site, tmp_path: Path) -> None:
    url = site.url("/moved")
    report = fetch_pages([url], folder=tmp_path, options=LOCAL)

    assert report.failed == [] and report.saved == [page_path(tmp_path, url)]
    assert site.hits("/world/talks.html") == 1


def test_a_page_without_metadata_gets_no_outlet_from_its_sidecar(site: Site, tmp_path: Path) -> None:
    report = fetch_pages([site.url("/plain.html")], folder=tmp_path, options=LOCAL)

    sidecar = json.loads(report.saved[0].with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert "outlet" not in sidecar and sidecar["url"] == site.url("/plain.html")


def test_rss_atom_and_announced_feeds_give_their_article_links(site: Site) -> None:
    links = [site.url("/world/talks.html"), site.url("/plain.html"), "/relative/story.html"]
    site.pages["/rss.xml"] = (200, "application/rss+xml", rss(site.url("/"), links))
    site.pages["/atom.xml"] = (200, "application/atom+xml", atom(links[:2], site.url("/atom.xml")))
    site.pages["/home.html"] = (200, "text/html", b'<html><head><link rel="alternate" type="application/rss+xml" '
                                                   b'href="/rss.xml"></head><body>home</body></html>')

    expected = [site.url("/world/talks.html"), site.url("/plain.html"), site.url("/relative/story.html")]
    assert feed_links(site.url("/rss.xml"), options=LOCAL) == expected
    assert feed_links(site.url("/atom.xml"), options=LOCAL) == expected[:2]
    assert feed_links(site.url("/home.html"), options=LOCAL) == expected


def test_a_feed_without_links_or_a_missing_feed_is_an_error(site: Site) -> None:
    site.pages["/empty.xml"] = (200, "application/rss+xml", rss(site.url("/"), []))
    with pytest.raises(FetchError, match="no article links"):
        feed_links(site.url("/empty.xml"), options=LOCAL)
    with pytest.raises(FetchError, match="HTTP status 404"):
        feed_links(site.url("/nothing.xml"), options=LOCAL)


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site, tmp_path: Path) -> None:
    import time

    urls = [site.url("/world/talks.html"), site.url("/plain.html"), site.url("/moved")]
    started = time.monotonic()
    fetch_pages(urls, folder=tmp_path, options=FetchOptions(timeout=1, delay=0.3, allow_private=True))

    assert time.monotonic() - started >= 0.6  # two pauses between three requests
