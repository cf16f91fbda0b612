"""A local feed server for benchmarks: N feeds of M items on 127.0.0.1, with article pages.

    python bench/feedserver.py --feeds 1000 --items 20 [--ports 16] [--seconds 600]

Feeds are RSS 2.0 (most), Atom (every 7th) and RSS 1.0 (every 11th), with HTML descriptions, authors,
dates, images, and on some feeds full content and relative links. Every feed answers conditional GETs
(ETag and Last-Modified, 304 on a match) and is gzipped when the client accepts it. Each feed lives on
one of ``--ports`` ports, so a poller that limits connections per host:port sees many hosts.

Control (plain GET, on any port):

* ``/_control/change?share=0.1&round=1[&feeds=N]``: a new item appears at the top of that share of the
  feeds (of the first N; chosen by a fixed hash of feed and round), the oldest drops out; answers how many
  changed.
* ``/_control/stats``: requests served, by status, as JSON; ``/_control/reset`` zeroes them.

The server prints one JSON line ``{"ports": [...]}`` once it listens, and stops by itself after
``--seconds`` (or on SIGTERM). It binds 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email.utils
import gzip
import hashlib
import json
import random
import signal
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from aiohttp import web

HOST = "127.0.0.1"
EPOCH = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)

_NAMES = ("Mira Olsen", "Tomas Varga", "Lena Brandt", "Oskar Pell", "Ines Carvo", "Pavel Ruden", "Ada Quill")
_WORDS = (
    "harbour", "council", "ferry", "budget", "bridge", "river", "station", "market", "festival", "school",
    "library", "winter", "storm", "railway", "tunnel", "museum", "harvest", "election", "mayor", "minister",
    "treaty", "workers", "union", "hospital", "clinic", "vote", "plan", "road", "tram", "airport", "wind",
    "solar", "grid", "water", "port", "village", "district", "court", "trial", "inquiry", "report",
)
_VERBS = (
    "approved", "delayed", "opened", "closed", "rejected", "promised", "reviewed", "extended", "announced",
    "questioned",
)


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n))


def _sentence(rng: random.Random) -> str:
    return f"The {_words(rng, 2)} {rng.choice(_VERBS)} the {_words(rng, 3)} on {rng.choice(_WORDS)} day."


@dataclass
class FeedDoc:
    """One feed: its items (newest first), its current body (plain and gzipped) and validators."""

    index: int
    items: int
    kind: str
    version: int = 0
    next_item: int = 0
    item_ids: list[int] = field(default_factory=list)
    body: bytes = b""
    gz: bytes = b""
    etag: str = ""
    modified: str = ""

    def build(self, base: str) -> None:
        self.body = render_feed(self, base).encode("utf-8")
        self.gz = gzip.compress(self.body, compresslevel=5)
        self.etag = f'"f{self.index}-v{self.version}"'
        when = EPOCH + timedelta(minutes=self.next_item)
        self.modified = email.utils.format_datetime(when, usegmt=True)


def _item_date(feed: int, item: int) -> datetime:
    return EPOCH - timedelta(hours=feed % 24) + timedelta(minutes=item * 7)


def render_feed(doc: FeedDoc, base: str) -> str:
    """The feed's XML for its current items."""
    rng = random.Random(doc.index)
    title = f"{rng.choice(_WORDS).title()} {rng.choice(_WORDS).title()} News {doc.index}"
    site = f"{base}/site/{doc.index}/"
    parts: list[str] = []
    for item in doc.item_ids:
        irng = random.Random(doc.index * 100_003 + item)
        link = f"{base}/articles/{doc.index}/{item}.html"
        heading = f"{_words(irng, 1).title()} {_words(irng, 4)} {irng.choice(_VERBS)}"
        summary = f"<p>{_sentence(irng)} <b>{_sentence(irng)}</b></p><p>{_sentence(irng)} &amp; more.</p>"
        when = _item_date(doc.index, item)
        author = irng.choice(_NAMES)
        if doc.kind == "atom":
            parts.append(
                f"<entry><id>tag:bench,2026:{doc.index}/{item}</id><title type='html'>{_esc(heading)}</title>"
                f"<link rel='alternate' href='/articles/{doc.index}/{item}.html'/>"
                f"<published>{when.isoformat()}</published><updated>{when.isoformat()}</updated>"
                f"<author><name>{author}</name></author><summary type='html'>{_esc(summary)}</summary>"
                f"<content type='html'>{_esc(summary * 3)}</content></entry>"
            )
        elif doc.kind == "rss1":
            parts.append(
                f"<item rdf:about='{link}'><title>{_esc(heading)}</title><link>{link}</link>"
                f"<description>{_esc(summary)}</description><dc:creator>{author}</dc:creator>"
                f"<dc:date>{when.isoformat()}</dc:date></item>"
            )
        else:
            content = f"<content:encoded><![CDATA[{summary * 4}]]></content:encoded>" if doc.index % 3 == 0 else ""
            relative = doc.index % 5 == 0
            parts.append(
                f"<item><title>{_esc(heading)}</title>"
                f"<link>{f'/articles/{doc.index}/{item}.html' if relative else link}</link>"
                f"<guid isPermaLink='false'>bench-{doc.index}-{item}</guid>"
                f"<pubDate>{email.utils.format_datetime(when, usegmt=True)}</pubDate>"
                f"<dc:creator>{author}</dc:creator><category>{irng.choice(_WORDS)}</category>"
                f"<description>{_esc(summary)}</description>{content}"
                f"<media:content url='{base}/img/{doc.index}-{item}.jpg' medium='image'/></item>"
            )
    body = "".join(parts)
    if doc.kind == "atom":
        return (
            "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='en'"
            f" xml:base='{base}/'><title>{title}</title><id>{site}</id><link href='{site}'/>"
            f"<updated>{EPOCH.isoformat()}</updated>{body}</feed>"
        )
    if doc.kind == "rss1":
        return (
            "<?xml version='1.0' encoding='utf-8'?>\n<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
            " xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            f"<channel rdf:about='{site}'><title>{title}</title><link>{site}</link>"
            f"<description>{title}</description><dc:language>en</dc:language></channel>{body}</rdf:RDF>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'"
        " xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:media='http://search.yahoo.com/mrss/'><channel>"
        f"<title>{title}</title><link>{site}</link><description>{title}</description><language>en-GB</language>"
        f"{body}</channel></rss>"
    )


def render_article(feed: int, item: int) -> bytes:
    """An article page: navigation and footer boilerplate around a few paragraphs with quotes."""
    rng = random.Random(feed * 100_003 + item)
    heading = f"{_words(rng, 1).title()} {_words(rng, 4)} {rng.choice(_VERBS)}"
    paragraphs = []
    for _ in range(8):
        text = " ".join(_sentence(rng) for _ in range(4))
        if rng.random() < 0.5:
            text += f' "The {_words(rng, 3)} is {rng.choice(_VERBS)}," said {rng.choice(_NAMES)}.'
        paragraphs.append(f"<p>{text}</p>")
    nav = "".join(f"<li><a href='/section/{w}'>{w.title()}</a></li>" for w in _WORDS[:12])
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{heading}</title>"
        f"<meta property='og:image' content='/img/{feed}-{item}.jpg'></head><body><nav><ul>{nav}</ul></nav>"
        f"<main><article><h1>{heading}</h1><p class='byline'>By {rng.choice(_NAMES)}</p>{''.join(paragraphs)}"
        "</article></main><footer><p>Copyright the bench gazette. All rights reserved.</p></footer></body></html>"
    ).encode()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _kind(index: int) -> str:
    return "atom" if index % 7 == 3 else "rss1" if index % 11 == 5 else "rss2"


def _chosen(index: int, round_: int, share: float) -> bool:
    digest = hashlib.blake2b(f"{index}/{round_}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < share


class FeedSite:
    """Every feed's current document, and request counters."""

    def __init__(self, feeds: int, items: int, ports: list[int]) -> None:
        self.ports = ports
        self.docs = [FeedDoc(i, items, _kind(i)) for i in range(feeds)]
        self.stats: dict[str, int] = {}
        for doc in self.docs:
            doc.item_ids = list(range(items - 1, -1, -1))
            doc.next_item = items
            doc.build(self.base(doc.index))

    def base(self, index: int) -> str:
        return f"http://{HOST}:{self.ports[index % len(self.ports)]}"

    def change(self, share: float, round_: int, limit: int | None = None) -> int:
        changed = 0
        for doc in self.docs[:limit]:
            if _chosen(doc.index, round_, share):
                doc.item_ids = [doc.next_item, *doc.item_ids[:-1]]
                doc.next_item += 1
                doc.version += 1
                doc.build(self.base(doc.index))
                changed += 1
        return changed

    def count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/feeds/"):
            return self._feed(request, path)
        if path.startswith("/articles/"):
            try:
                feed, item = path[len("/articles/"):].removesuffix(".html").split("/")
                body = render_article(int(feed), int(item))
            except ValueError:
                return self._status(404)
            self.count("article 200")
            return web.Response(body=body, content_type="text/html", charset="utf-8")
        if path == "/_control/change":
            share = float(request.query.get("share", "0.1"))
            limit = int(request.query["feeds"]) if "feeds" in request.query else None
            changed = self.change(share, int(request.query.get("round", "1")), limit)
            return web.json_response({"changed": changed})
        if path == "/_control/stats":
            return web.json_response(self.stats)
        if path == "/_control/reset":
            self.stats = {}
            return web.json_response({})
        return self._status(404)

    def _status(self, status: int) -> web.Response:
        self.count(f"{status}")
        return web.Response(status=status)

    def _feed(self, request: web.Request, path: str) -> web.Response:
        try:
            doc = self.docs[int(path[len("/feeds/"):].removesuffix(".xml"))]
        except (ValueError, IndexError):
            return self._status(404)
        headers = {"ETag": doc.etag, "Last-Modified": doc.modified, "Cache-Control": "max-age=60"}
        inm = request.headers.get("If-None-Match")
        ims = request.headers.get("If-Modified-Since")
        if (inm is not None and inm == doc.etag) or (inm is None and ims == doc.modified):
            self.count("feed 304")
            return web.Response(status=304, headers=headers)
        ctype = "application/atom+xml" if doc.kind == "atom" else "application/rss+xml"
        headers["Content-Type"] = f"{ctype}; charset=utf-8"
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
            self.count("feed 200 gzip")
            return web.Response(body=doc.gz, headers=headers)
        self.count("feed 200")
        return web.Response(body=doc.body, headers=headers)


async def serve(feeds: int, items: int, nports: int, seconds: float) -> None:
    """Listen on `nports` ports of 127.0.0.1, print them, and serve until `seconds` pass or SIGTERM."""
    runner = web.ServerRunner(web.Server(lambda r: site.handle(r)), access_log=None)
    await runner.setup()
    ports: list[int] = []
    sites = []
    for _ in range(nports):
        tcp = web.TCPSite(runner, HOST, 0, backlog=1024)
        await tcp.start()
        sites.append(tcp)
        ports.append(tcp._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
    site = FeedSite(feeds, items, ports)
    print(json.dumps({"ports": ports}), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
    await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--ports", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=600, help="stop by itself after this long")
    args = ap.parse_args(argv)
    asyncio.run(serve(args.feeds, args.items, args.ports, args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
