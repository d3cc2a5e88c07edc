"""Fetching articles from the web: pages by URL, or every link of a news feed, kept as files.

Each page is saved as ``FOLDER/HOST/SLUG-HASH.html`` with a ``.meta.json`` sidecar (its URL,
when it was fetched, the outlet and date the page gives), so that an ingest reads it like any
other HTML file and a later fetch of the same URL downloads nothing. Downloads go through
trafilatura (its size cap, redirects limit and refusal of private addresses); feeds are read
with `trafilatura.feeds` (RSS, Atom, JSON Feed; an HTML page's feed links are followed).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from configparser import ConfigParser
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import trafilatura
from trafilatura import downloads, feeds
from trafilatura.settings import use_config

from ..views.files import atomic_file

log = logging.getLogger(__name__)

USER_AGENT = f"newsgraph/{version('newsgraph')} (news knowledge graph; fetches only the pages it is given)"
_SLUG = re.compile(r"[^a-z0-9]+")
_HOST = re.compile(r"[^a-z0-9.-]+")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: politely, with a timeout, and only from public addresses unless allowed."""

    timeout: int = 20  # seconds per request
    delay: float = 1.0  # seconds between two requests to the same host
    user_agent: str = USER_AGENT
    allow_private: bool = False  # loopback and private networks (an intranet, a local test server)
    max_bytes: int = 20_000_000


@dataclass
class FetchReport:
    """What a fetch did: pages saved now, pages already there, and URLs that failed, with why."""

    saved: list[Path] = field(default_factory=list)
    present: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)

    @property
    def files(self) -> list[Path]:
        """Every page file this fetch stands for, saved now or before."""
        return [*self.saved, *self.present]


class FetchError(Exception):
    """A URL that could not be fetched; the message says why."""


def page_path(folder: Path, url: str) -> Path:
    """Where the page at `url` is kept: one file per URL, named after its host and path.

    Examples
    --------
    >>> page_path(Path("pages"), "https://news.example.org/world/2024/talks-resume?ref=rss").as_posix()
    'pages/news.example.org/talks-resume-aeeef9de33.html'
    """
    parts = urlsplit(url)
    host = _HOST.sub("-", (parts.hostname or "").lower()).strip("-.") or "unknown-host"
    last = [segment for segment in parts.path.split("/") if segment]
    stem = _SLUG.sub("-", (last[-1] if last else "index").lower().removesuffix(".html").removesuffix(".htm"))
    stem = stem.strip("-")[:60] or "page"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return folder / host / f"{stem}-{digest}.html"


def fetch_pages(
    urls: Iterable[str],
    *,
    folder: Path,
    options: FetchOptions = FetchOptions(),
    on_page: Callable[[str], None] | None = None,
) -> FetchReport:
    """Download each page not already in `folder`; keep it with its sidecar.

    Parameters
    ----------
    urls : iterable of str
        http(s) URLs; repeated ones are fetched once.
    folder : Path, keyword-only
        Where pages are kept (``HOST/SLUG-HASH.html`` and ``.meta.json``).
    options : FetchOptions, keyword-only
        Timeout, delay between requests to one host, user agent, private addresses.
    on_page : callable, optional
        Called with each URL once it is done (a progress bar).

    Returns
    -------
    FetchReport
        Pages saved, pages that were already there, and URLs that failed with their reason.

    Examples
    --------
    >>> report = fetch_pages(["https://news.example.org/a.html"], folder=Path("pages"))  # doctest: +SKIP
    >>> report.saved, report.failed  # doctest: +SKIP
    ([PosixPath('pages/news.example.org/a-….html')], [])
    """
    report = FetchReport()
    client = _Client(options)
    for url in dict.fromkeys(u.strip() for u in urls if u.strip()):
        target = page_path(folder, url)
        try:
            if target.exists():
                report.present.append(target)
            else:
                _save_page(url, client.get(url, html=True), target)
                report.saved.append(target)
        except FetchError as exc:
            report.failed.append((url, str(exc)))
            log.info("%s: not fetched: %s", url, exc)
        except OSError as exc:
            report.failed.append((url, f"cannot write {target}: {exc.strerror or exc}"))
        if on_page is not None:
            on_page(url)
    return report


def feed_links(feed_url: str, *, options: FetchOptions = FetchOptions()) -> list[str]:
    """The article links of a feed (RSS, Atom, JSON Feed), in feed order; for an HTML page,
    the links of the feeds it announces.

    Raises
    ------
    FetchError
        When the feed cannot be downloaded, or holds no links.

    Examples
    --------
    >>> feed_links("https://news.example.org/rss.xml")  # doctest: +SKIP
    ['https://news.example.org/world/talks-resume', ...]
    """
    client = _Client(options)
    document = client.get(feed_url, html=False).decode("utf-8", errors="replace").strip()
    links = _links_in(document, feed_url)
    if not links:
        params = _feed_parameters(feed_url)
        for announced in feeds.determine_feed(document, params)[: feeds.MAX_FEEDS_CHECKED]:
            links += _links_in(client.get(announced, html=False).decode("utf-8", errors="replace").strip(), announced)
    if not links:
        raise FetchError("no article links in it (not an RSS, Atom or JSON feed, nor a page announcing one)")
    return list(dict.fromkeys(links))


def _links_in(document: str, base: str) -> list[str]:
    found = feeds.find_links(document, _feed_parameters(base))
    absolute = (urljoin(base, link.strip()) for link in found)
    return [link for link in absolute  # a feed's own link to the site's home page is no article
            if urlsplit(link).scheme in ("http", "https") and urlsplit(link).path.strip("/") and link != base]


def _feed_parameters(url: str) -> feeds.FeedParameters:
    parts = urlsplit(url)
    return feeds.FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url, external=True)


class _Client:
    """trafilatura's downloader with our options, a pause between requests to one host, and the
    reason a download failed."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.config = _trafilatura_config(options)
        self.last_request: dict[str, float] = {}

    def get(self, url: str, *, html: bool) -> bytes:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("not an http(s) URL")
        self._wait_for(parts.hostname)
        with _download_errors() as errors:
            response = downloads.fetch_response(url, decode=False, config=self.config)
        self.last_request[parts.hostname] = time.monotonic()
        if response is None:
            raise FetchError(errors[-1] if errors else "no response")
        if response.status != 200:
            raise FetchError(f"HTTP status {response.status}")
        kind = (response.headers or {}).get("content-type", "").split(";")[0].strip().lower()
        if html and kind and kind not in _HTML_TYPES:
            raise FetchError(f"not an HTML page ({kind})")
        if not response.data:
            raise FetchError("empty response")
        return bytes(response.data)

    def _wait_for(self, host: str) -> None:
        if host in self.last_request:
            pause = self.options.delay - (time.monotonic() - self.last_request[host])
            if pause > 0:
                time.sleep(pause)


def _trafilatura_config(options: FetchOptions) -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(options.timeout))
    config.set("DEFAULT", "USER_AGENTS", options.user_agent)
    config.set("DEFAULT", "MAX_FILE_SIZE", str(options.max_bytes))
    config.set("DEFAULT", "SSRF_PROTECTION", str(not options.allow_private))
    return config


@contextmanager
def _download_errors() -> Iterator[list[str]]:
    """trafilatura logs why a download failed instead of raising: keep those messages (the last
    one becomes the URL's reason) and keep them off the terminal."""
    messages: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(_reason(record.getMessage()))

    logger = logging.getLogger(downloads.__name__)
    handler, propagate = Keep(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _reason(message: str) -> str:
    for known, reason in (("SSRF protection", "a private or local address (refused unless allowed)"),
                          ("timed out", "timed out"), ("Read timed out", "timed out"),
                          ("Connection refused", "connection refused"),
                          ("Name or service not known", "unknown host"), ("Failed to resolve", "unknown host"),
                          ("too many redirects", "too many redirects"), ("MaxRetryError", "too many redirects")):
        if known in message:
            return reason
    return message.split(": ", 1)[-1][:200]


def _save_page(url: str, html: bytes, target: Path) -> None:
    """The page and its sidecar, each written whole (a temporary file renamed): a crash leaves the
    page absent, never half-written, so the next fetch downloads it again."""
    document = trafilatura.extract_metadata(html.decode("utf-8", errors="replace"), default_url=url)
    sidecar = {
        "url": url,
        "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
        "outlet": _outlet(document.sitename if document else None, url),
        "published": (document.date if document else None) or None,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_whole(target.with_suffix(".meta.json"), json.dumps(
        {k: v for k, v in sidecar.items() if v}, ensure_ascii=False, indent=1).encode("utf-8"))
    _write_whole(target, html)


def _outlet(sitename: str | None, url: str) -> str | None:
    """The page's own name for its outlet; not a host name (trafilatura falls back to one), which
    would make "www.example.com" an outlet beside the outlet's real name."""
    if not sitename or " " not in sitename.strip() and ("." in sitename or sitename == urlsplit(url).netloc):
        return None
    return sitename.strip()


def _write_whole(path: Path, data: bytes) -> None:
    with atomic_file(path) as out:
        out.write(data)
