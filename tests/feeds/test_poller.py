"""The poller against a real local HTTP server: conditional GET, failures and backoff, dedup in practice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from conftest import FeedServer

from bot.feeds.http import Fetcher
from bot.feeds.poller import Poller, backoff_delay
from bot.models import Feed
from bot.settings import PollSettings
from bot.store import SQLiteStore, Store


def rss(*items: tuple[str, str, str, str]) -> str:
    """An RSS 2.0 document; each item is (guid, link, title, pubDate)."""
    body = "".join(
        f"<item><guid isPermaLink='false'>{g}</guid><link>{link}</link><title>{t}</title>"
        f"<description>{t}: what happened, in two sentences. More follows.</description>"
        f"<pubDate>{d}</pubDate></item>"
        for g, link, t, d in items
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test feed</title>{body}</channel></rss>"


MON = "Mon, 02 Mar 2026 08:00:00 GMT"
TUE = "Tue, 03 Mar 2026 08:00:00 GMT"
WED = "Wed, 04 Mar 2026 08:00:00 GMT"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = SQLiteStore(tmp_path / "poll.sqlite3")
    yield s
    s.close()


def make_poller(store: Store, client: httpx.AsyncClient, **overrides: object) -> Poller:
    settings = PollSettings(**{"first_poll_entries": 10, "deadline": 1.0, **overrides})  # type: ignore[arg-type]
    fetcher = Fetcher(
        client,
        max_bytes=settings.max_bytes,
        per_host=settings.per_host,
        total=settings.concurrency,
        deadline=settings.deadline,
    )
    return Poller(store, fetcher, settings)


def titles(store: Store) -> list[str]:
    return sorted(p.title for p in store.pending_articles(100))


async def test_conditional_get_and_304(
    store: Store, feed_server: FeedServer, http_client: httpx.AsyncClient
) -> None:
    feed_server.serve("/a", rss(("1", "https://news.example/1", "One", MON)), etag='"v1"', last_modified=MON)
    store.sync_feeds([Feed("A", feed_server.url("/a"), ("news",))])
    poller = make_poller(store, http_client)
    first = await poller.poll()
    assert first.new_articles == 1 and first.not_modified == 0
    second = await poller.poll(force=True)
    assert second.not_modified == 1 and second.new_articles == 0
    sent = feed_server.requests_for("/a")[-1].headers
    assert sent.get("If-None-Match") == '"v1"' and sent.get("If-Modified-Since") == MON
    state = store.feed("A")
    assert state is not None and state.etag == '"v1"' and state.failures == 0


async def test_failing_and_slow_feeds_are_recorded_and_never_stop_the_others(
    store: Store, feed_server: FeedServer, http_client: httpx.AsyncClient
) -> None:
    feed_server.serve("/ok", rss(("1", "https://news.example/1", "One", MON)))
    feed_server.serve("/down", "oops", status=503, headers={"Retry-After": "7200"})
    feed_server.serve("/slow", rss(("2", "https://news.example/2", "Two", MON)), delay=5)
    feed_server.serve("/junk", "<rss><channel><title>broken<<</rss>", content_type="application/xml")
    store.sync_feeds([Feed(n, feed_server.url(f"/{n}"), ("news",)) for n in ("ok", "down", "slow", "junk")])
    poller = make_poller(store, http_client)
    before = datetime.now(UTC)
    report = await poller.poll()
    assert report.new_articles == 1
    assert set(report.failed) == {"down", "slow", "junk"}
    down = store.feed("down")
    assert down is not None and down.last_error == "HTTP 503" and down.failures == 1
    assert down.next_try is not None and down.next_try >= before + timedelta(seconds=7000)  # Retry-After
    slow = store.feed("slow")
    assert slow is not None and slow.next_try is not None and slow.next_try > before
    # Backing-off feeds are not due; the healthy one is.
    assert [f.name for f in poller.due(datetime.now(UTC))] == ["ok"]


async def test_feed_is_paused_after_repeated_failures_and_channels_told(
    store: Store, feed_server: FeedServer, http_client: httpx.AsyncClient
) -> None:
    feed_server.serve("/gone", "gone", status=404)
    store.sync_feeds([Feed("gone", feed_server.url("/gone"), ("news", "tech"))])
    poller = make_poller(store, http_client, pause_after_failures=3)
    for _ in range(3):
        await poller.poll(force=True)
    state = store.feed("gone")
    assert state is not None and state.paused and state.failures == 3
    notices = store.unsent_notices()
    assert sorted(n.channel for n in notices) == ["news", "tech"]
    assert "gone" in notices[0].text and "HTTP 404" in notices[0].text
    assert poller.due(datetime.now(UTC), force=True) == []


async def test_dedup_survives_bumped_dates_new_guids_tracking_and_second_feeds(
    store: Store, feed_server: FeedServer, http_client: httpx.AsyncClient
) -> None:
    feed_server.serve(
        "/a",
        rss(
            ("a1", "https://news.example/story", "Story", MON),
            ("a2", "https://news.example/other", "Other", MON),
        ),
    )
    feed_server.serve("/b", rss(("b9", "https://news.example/story?utm_source=rss&fbclid=x", "Story", MON)))
    store.sync_feeds(
        [Feed("A", feed_server.url("/a"), ("news",)), Feed("B", feed_server.url("/b"), ("news",))]
    )
    poller = make_poller(store, http_client)
    await poller.poll()
    assert titles(store) == ["Other", "Story"]
    # The publisher bumps the date, changes a GUID, and adds tracking parameters.
    feed_server.serve(
        "/a",
        rss(
            ("a1", "https://news.example/story", "Story (updated)", WED),
            ("a2-new", "https://news.example/other?utm_medium=feed#top", "Other", TUE),
            ("a3", "https://news.example/third", "Third", WED),
        ),
    )
    report = await poller.poll(force=True)
    assert report.new_articles == 1
    assert titles(store) == ["Other", "Story", "Third"]


async def test_first_poll_counts_only_the_newest_entries(
    store: Store, feed_server: FeedServer, http_client: httpx.AsyncClient
) -> None:
    items = [
        (str(i), f"https://news.example/{i}", f"Item {i}", f"Mon, 0{i} Mar 2026 08:00:00 GMT")
        for i in range(1, 8)
    ]
    feed_server.serve("/many", rss(*items))
    store.sync_feeds([Feed("many", feed_server.url("/many"), ("news",))])
    poller = make_poller(store, http_client, first_poll_entries=2)
    assert (await poller.poll()).new_articles == 2
    assert titles(store) == ["Item 6", "Item 7"]
    items.append(("8", "https://news.example/8", "Item 8", "Sun, 08 Mar 2026 08:00:00 GMT"))
    feed_server.serve("/many", rss(*items))
    assert (await poller.poll(force=True)).new_articles == 1  # later polls take every new entry


async def test_local_feed_file_and_its_links(
    store: Store, tmp_path: Path, http_client: httpx.AsyncClient
) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.html").write_text("<html><body><p>Hello</p></body></html>")
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(("1", "pages/p.html", "Local page", MON)))
    store.sync_feeds([Feed("local", feed.as_uri(), ("news",))])
    poller = make_poller(store, http_client)
    assert (await poller.poll()).new_articles == 1
    (pending,) = store.pending_articles(10)
    assert pending.local and pending.url == (tmp_path / "pages" / "p.html").as_uri()
    assert (await poller.poll(force=True)).not_modified == 1


async def test_remote_feed_cannot_point_at_local_files(
    store: Store, feed_server: FeedServer, http_client: httpx.AsyncClient
) -> None:
    feed_server.serve(
        "/evil",
        rss(("1", "file:///etc/passwd", "Sneaky", MON), ("2", "https://news.example/fine", "Fine", MON)),
    )
    store.sync_feeds([Feed("evil", feed_server.url("/evil"), ("news",))])
    await make_poller(store, http_client).poll()
    assert titles(store) == ["Fine"]


def test_backoff_doubles_and_is_capped() -> None:
    settings = PollSettings(backoff_minutes=1, backoff_max_hours=1)
    delays = [backoff_delay(n, settings).total_seconds() for n in (1, 2, 3, 10)]
    assert 54 <= delays[0] <= 66 and 108 <= delays[1] <= 132 and 216 <= delays[2] <= 264
    assert 3240 <= delays[3] <= 3960
    assert backoff_delay(1, settings, retry_after=600).total_seconds() >= 600
