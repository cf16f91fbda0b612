"""Entries are written per feed in one batch: duplicates inside the batch, across feeds and on a first poll."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.feeds.poller import Poller
from bot.models import Entry, Feed, ParsedFeed
from bot.settings import PollSettings
from bot.store import NewEntry, SQLiteStore

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "batch.sqlite3")
    s.sync_feeds([Feed("A", "https://a.example/feed", ("news", "tech")), Feed("B", "https://b.example/f", ("news",))])
    yield s
    s.close()


def _new(link: str, *keys: str, fresh: bool = True) -> NewEntry:
    return NewEntry(Entry(guid=None, link=link, title=link.rsplit("/", 1)[-1]), link, link, keys, False, fresh)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return list(conn.execute(sql))


def test_one_batch_stores_fresh_entries_marks_the_rest_and_skips_repeats(store: SQLiteStore, tmp_path: Path) -> None:
    state = store.feed("A")
    assert state is not None
    batch = [
        _new("https://a.example/1", "link:1", "guid:1"),
        _new("https://a.example/2", "link:2"),
        _new("https://a.example/1b", "link:1b", "guid:1"),  # shares a key with the first: the same entry
        _new("https://a.example/old", "link:old", fresh=False),
    ]
    ids = store.add_entries(state, batch, NOW)
    assert len(ids) == 2
    seen = {str(k): v for k, v in _rows(tmp_path / "batch.sqlite3", "SELECT key, article_id FROM seen")}
    # the repeat's new link is remembered for the article it repeats
    assert set(seen) == {"link:1", "guid:1", "link:1b", "link:2", "link:old"}
    assert seen["link:1"] == seen["guid:1"] == seen["link:1b"] == ids[0] and seen["link:old"] is None
    channels = _rows(tmp_path / "batch.sqlite3", "SELECT article_id, channel FROM article_channels ORDER BY 1, 2")
    assert channels == [(ids[0], "news"), (ids[0], "tech"), (ids[1], "news"), (ids[1], "tech")]
    assert store.add_entries(state, batch, NOW) == []


def test_a_first_poll_skips_articles_another_feed_already_brought(store: SQLiteStore) -> None:
    poller = Poller(store, None, PollSettings(first_poll_entries=10))  # type: ignore[arg-type]
    a, b = store.feed("A"), store.feed("B")
    assert a is not None and b is not None and not b.polled
    shared = Entry(guid="x1", link="https://news.example/story?utm_source=a", title="Story")
    own = Entry(guid="x2", link="https://b.example/own", title="Own")
    assert poller._store_entries(a, ParsedFeed("A", None, None, (shared,)), NOW) == 1
    moved = Entry(guid="other", link="http://www.news.example/story/", title="Story, elsewhere")
    assert poller._store_entries(b, ParsedFeed("B", None, None, (moved, own)), NOW) == 1
    assert sorted(p.title for p in store.pending_articles(10)) == ["Own", "Story"]


def _two_feeds(path: Path, first: Feed, second: Feed, first_poll_entries: int) -> tuple[SQLiteStore, Poller]:
    store = SQLiteStore(path)
    store.sync_feeds([first, second])
    return store, Poller(store, None, PollSettings(first_poll_entries=first_poll_entries))  # type: ignore[arg-type]


def test_an_article_another_feed_brought_reaches_this_feeds_channels_once(tmp_path: Path) -> None:
    store, poller = _two_feeds(tmp_path / "shared.sqlite3", Feed("Wire", "https://wire.example/feed", ("news",)),
                               Feed("Harbor", "https://harbor.example/feed", ("harbor",)), 1)
    wire, harbor = store.feed("Wire"), store.feed("Harbor")
    assert wire is not None and harbor is not None
    story = Entry(guid="w-1", link="https://wire.example/ferry-strike", title="Ferry strike")
    older = Entry(guid="w-0", link="https://wire.example/old-news", title="Old news")
    assert poller._store_entries(wire, ParsedFeed("Wire", None, None, (story, older)), NOW) == 1
    # Harbor's first poll: the shared story is among its newest entries, the old one is not
    store.record_success("Wire", NOW, etag=None, last_modified=None, title=None, not_modified=False)
    first = (Entry(guid="h-9", link="https://wire.example/ferry-strike?utm_source=harbor", title="Ferry strike"),
             Entry(guid="h-8", link="https://wire.example/old-news", title="Old news"))
    assert poller._store_entries(harbor, ParsedFeed("Harbor", None, None, first), NOW) == 0
    store.record_success("Harbor", NOW, etag=None, last_modified=None, title=None, not_modified=False)
    harbor = store.feed("Harbor")
    assert harbor is not None and harbor.polled
    # polled again, nothing changes: the old entry stays out, the story is not added twice
    assert poller._store_entries(harbor, ParsedFeed("Harbor", None, None, first), NOW) == 0
    rows = _rows(tmp_path / "shared.sqlite3",
                 "SELECT a.title, ac.channel FROM article_channels ac JOIN articles a ON a.id = ac.article_id "
                 "ORDER BY 1, 2")
    assert rows == [("Ferry strike", "harbor"), ("Ferry strike", "news")]
    store.close()


def test_an_article_two_feeds_carry_is_credited_to_the_one_that_published_it_first(tmp_path: Path) -> None:
    store, poller = _two_feeds(tmp_path / "credit.sqlite3", Feed("Gazette", "https://gazette.example/feed", ("news",)),
                               Feed("Wire", "https://wire.example/feed", ("news",)), 5)
    gazette, wire = store.feed("Gazette"), store.feed("Wire")
    assert gazette is not None and wire is not None
    link = "https://port.example/ferry-strike"
    late = Entry(guid="w-1", link=link, title="Ferry strike", published=datetime(2026, 3, 1, 13, 0, tzinfo=UTC))
    early = Entry(guid="g-1", link=link, title="Ferry strike", published=datetime(2026, 3, 1, 11, 45, tzinfo=UTC))
    # the wire's copy is stored first, as when its server answers first
    assert poller._store_entries(wire, ParsedFeed("Wire", None, None, (late,)), NOW) == 1
    assert poller._store_entries(gazette, ParsedFeed("Gazette", None, None, (early,)), NOW) == 0
    [article] = store.pending_articles(5)
    assert article.feed == "Gazette"
    rows = _rows(tmp_path / "credit.sqlite3", "SELECT published FROM articles")
    assert rows == [("2026-03-01T11:45:00+00:00",)]
    store.close()
