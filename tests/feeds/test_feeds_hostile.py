"""Hostile feeds against the real poller and a local server: each ends in a recorded error for that feed,
with no crash, no hang and bounded memory."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import httpx
import pytest
from conftest import FeedServer

from bot.feeds.http import Fetcher
from bot.feeds.poller import Poller
from bot.models import Feed
from bot.settings import PollSettings
from bot.store import SQLiteStore

DATA = Path(__file__).parent / "data"
GOOD = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Fine</title><item><title>Calm day</title>"
        b"<link>https://fine.example/1</link></item></channel></rss>")
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>')


def hostile_server(server: FeedServer) -> dict[str, str]:
    """Serve one hostile answer per path; return feed name -> the words its recorded error must hold."""
    server.serve("/fine", GOOD)
    server.serve("/huge", b"<rss>" + b"x" * 3_000_000)
    server.serve("/bomb", b"<rss>" + b"\0" * 40_000_000, gzip_body=True)
    server.serve("/drip", GOOD * 50, drip=0.2, drip_chunk=16)
    server.serve("/laughs", BILLION_LAUGHS)
    server.serve("/xxe", (DATA / "xxe.xml").read_bytes())
    server.serve("/broken", b"<?xml version='1.0'?><rss><channel><title>cut off")
    server.serve("/binary", bytes(range(256)) * 100, content_type="image/png")
    server.serve("/html", b"<!doctype html><html><body><p>Not a feed</p></body></html>", content_type="text/html")
    server.serve("/misencoded", b"<?xml version='1.0' encoding='utf-8'?><rss><channel><title>\xff\xfe\xfa</title>")
    server.redirect("/loop", "/loop")
    server.serve("/gone", "gone", status=410)
    return {"huge": "over", "bomb": "over", "drip": "timed out", "laughs": "entit", "xxe": "entit",
            "broken": "", "binary": "", "html": "not a feed", "misencoded": "", "loop": "redirects", "gone": "410"}


async def test_every_hostile_feed_is_a_recorded_error(feed_server: FeedServer, tmp_path: Path) -> None:
    expected = hostile_server(feed_server)
    store = SQLiteStore(tmp_path / "hostile.sqlite3")
    settings = PollSettings(max_bytes=1_000_000, deadline=1.0, first_poll_entries=10)
    names = ["fine", *expected]
    store.sync_feeds([Feed(n, feed_server.url(f"/{n}"), ("news",)) for n in names])
    async with httpx.AsyncClient(timeout=2, follow_redirects=True, max_redirects=5) as client:
        poller = Poller(store, Fetcher(client, max_bytes=settings.max_bytes, deadline=settings.deadline), settings)
        started = time.monotonic()
        report = await poller.poll()
        elapsed = time.monotonic() - started
    assert report.new_articles == 1 and "fine" not in report.failed
    assert set(report.failed) == set(expected)
    for name, words in expected.items():
        state = store.feed(name)
        assert state is not None and state.failures == 1 and state.next_try is not None
        assert words.lower() in (state.last_error or "").lower(), (name, state.last_error)
    assert elapsed < 10  # the slow drip ends at its deadline instead of taking 40 s
    store.close()


@pytest.mark.parametrize("name", ["huge", "bomb", "laughs", "binary"])
async def test_memory_stays_bounded(feed_server: FeedServer, tmp_path: Path, name: str) -> None:
    """A 40 MB gzip bomb or a 3 MB body, fetched with a 1 MB cap, costs a few MB at the peak."""
    hostile_server(feed_server)
    store = SQLiteStore(tmp_path / "m.sqlite3")
    store.sync_feeds([Feed(name, feed_server.url(f"/{name}"), ("news",))])
    async with httpx.AsyncClient(timeout=2) as client:
        poller = Poller(store, Fetcher(client, max_bytes=1_000_000, deadline=2.0), PollSettings())
        tracemalloc.start()
        try:
            report = await poller.poll()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert name in report.failed
    # The peak includes the in-process test server sending its body; the client side holds at most the cap.
    assert peak < 6_000_000, f"peak traced memory {peak / 1e6:.1f} MB"
    store.close()


@pytest.mark.parametrize("body", [BILLION_LAUGHS, (DATA / "xxe.xml").read_bytes()])
async def test_entity_tricks_do_not_leak_into_entries(feed_server: FeedServer, tmp_path: Path, body: bytes) -> None:
    feed_server.serve("/f", body)
    store = SQLiteStore(tmp_path / "x.sqlite3")
    store.sync_feeds([Feed("f", feed_server.url("/f"), ("news",))])
    async with httpx.AsyncClient(timeout=2) as client:
        report = await Poller(store, Fetcher(client), PollSettings()).poll()
    assert report.failed and store.pending_articles(10) == []
    store.close()
