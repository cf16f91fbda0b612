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
    assert set(seen) == {"link:1", "guid:1", "link:2", "link:old"}
    assert seen["link:1"] == seen["guid:1"] == ids[0] and seen["link:old"] is None
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
