"""A news site on 127.0.0.1 for fetching tests: hand-written pages and feeds, served by a real
HTTP server in a thread, recording every request it gets."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Site:
    """What the server serves (path -> (status, content type, body)) and what it was asked."""

    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    slow: set[str] = field(default_factory=set)  # paths answered after a long pause
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)
    base: str = ""

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def article_page(title: str, body: str, *, outlet: str | None = None, date: str | None = None) -> bytes:
    meta = "".join([
        f'<meta property="og:site_name" content="{outlet}">' if outlet else "",
        f'<meta name="date" content="{date}">' if date else "",
    ])
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>").encode("utf-8")


def rss(channel_link: str, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test feed</title>'
            f"<link>{channel_link}</link><description>d</description>{items}</channel></rss>").encode("utf-8")


def atom(links: list[str], self_link: str) -> bytes:
    entries = "".join(f'<entry><title>E{i}</title><link href="{link}"/><id>{link}</id></entry>'
                      for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            f'<link rel="self" href="{self_link}"/>{entries}</feed>').encode("utf-8")


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            if self.path in site.slow:
                time.sleep(3)
            status, kind, body = site.pages.get(self.path, (404, "text/html", b"<html><body>gone</body></html>"))
            self.send_response(status)
            if status in (301, 302):
                self.send_header("Location", body.decode())
                body = b""
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
