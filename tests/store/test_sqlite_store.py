"""The Store contract, run against every implementation (SQLite today)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import Entry, Feed, Quote
from bot.store import NewEntry, SQLiteStore, Store
from bot.store.migrations import MIGRATIONS

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    impl = SQLiteStore(tmp_path / "store.sqlite3")
    yield impl
    impl.close()


def _entry(store: Store, feed: str, link: str, title: str, *, guid: str | None = None, fresh: bool = True) -> list[int]:
    state = store.feed(feed)
    assert state is not None
    entry = Entry(guid=guid, link=link, title=title, summary=f"{title}. Summary.")
    keys = (f"url:{link}",) + ((f"guid:{feed}:{guid}",) if guid else ())
    return store.add_entries(state, [NewEntry(entry, link, link, keys, False, fresh)], NOW)


def _process(store: Store, article_id: int, title: str, text: str, quotes: tuple[Quote, ...] = ()) -> None:
    store.save_processed(article_id, NOW, title=title, text=text, image=None, language="en",
                         key_points=[f"{title} happened."], quotes=quotes)


def test_schema_is_migrated_and_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = SQLiteStore(path)
    first.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    first.close()
    again = SQLiteStore(path)
    assert again.schema_version == len(MIGRATIONS) == 2
    assert [f.name for f in again.feeds()] == ["A"]
    again.close()


def test_sync_feeds_drops_config_feeds_but_keeps_user_feeds(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",)), Feed("B", "https://b.example/f", ("news",))])
    store.add_feed(Feed("U", "https://u.example/f", ("news",)))
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    assert [f.name for f in store.feeds()] == ["A", "U"]


def test_changing_a_feed_url_forgets_its_validators(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    store.record_success("A", NOW, etag='"v1"', last_modified=None, title="A", not_modified=False)
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    assert store.feed("A").etag == '"v1"'  # type: ignore[union-attr]
    store.sync_feeds([Feed("A", "https://a.example/other", ("news",))])
    assert store.feed("a").etag is None  # type: ignore[union-attr]


def test_failures_count_up_pause_and_resume(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    assert store.record_failure("A", NOW, "HTTP 503", NOW + timedelta(minutes=5), False) == 1
    assert store.record_failure("A", NOW, "HTTP 503", NOW + timedelta(minutes=10), True) == 2
    state = store.feed("A")
    assert state is not None and state.paused and state.last_error == "HTTP 503"
    assert store.resume_feed("A")
    state = store.feed("A")
    assert state is not None and not state.paused and state.failures == 0
    assert not store.resume_feed("missing")


def test_entries_are_idempotent_and_stale_ones_only_marked_seen(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    assert len(_entry(store, "A", "https://a.example/1", "One", guid="1")) == 1
    assert _entry(store, "A", "https://a.example/1", "One again", guid="1") == []
    assert _entry(store, "A", "https://a.example/old", "Old", fresh=False) == []
    assert store.known_keys(["url:https://a.example/old", "url:nope"]) == {"url:https://a.example/old"}
    assert [p.title for p in store.pending_articles(10)] == ["One"]


def test_digest_takes_each_article_once_per_channel(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news", "tech"))])
    (first,) = _entry(store, "A", "https://a.example/1", "One")
    (second,) = _entry(store, "A", "https://a.example/2", "Two")
    _process(store, first, "One", "Text one.")
    digest = store.create_digest("news", NOW, 10)
    assert digest is not None and [i.article.title for i in digest.items] == ["One"]
    _process(store, second, "Two", "Text two.")
    later = store.create_digest("news", NOW, 10)
    assert later is not None and [(i.number, i.article.title) for i in later.items] == [(1, "Two")]
    assert store.create_digest("news", NOW, 10) is None
    tech = store.create_digest("tech", NOW, 10)
    assert tech is not None and len(tech.items) == 2
    assert store.latest_digest("news") == later


def test_posts_are_recorded_once_and_resent_until_marked(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    (aid,) = _entry(store, "A", "https://a.example/1", "One")
    _process(store, aid, "One", "Text.")
    digest = store.create_digest("news", NOW, 10)
    assert digest is not None
    record = store.record_post(digest.id, "discord", "123", 0, NOW)
    assert store.record_post(digest.id, "discord", "123", 0, NOW) == record
    assert [p.id for p in store.unsent_posts("discord")] == [record.id]
    store.mark_post_failed(record.id, "HTTP 503", final=False)
    assert store.unsent_posts("discord")[0].attempts == 1
    store.mark_post_sent(record.id, "999", NOW)
    assert store.unsent_posts("discord") == []
    assert store.record_post(digest.id, "discord", "123", 0, NOW).message_id == "999"


def test_search_tolerates_any_user_input(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    (aid,) = _entry(store, "A", "https://a.example/1", "Harbour strike ends")
    _process(store, aid, "Harbour strike ends", "Dock workers returned on Monday after a pay deal.")
    assert [a.id for a in store.search_articles("dock pay")] == [aid]
    assert [a.id for a in store.search_articles("dock ferries")] == [aid]  # any word when not all match
    for hostile in ['"', "NEAR(", "a OR", "*", "'; DROP TABLE articles; --", "title:x", "\x00", "é" * 5000]:
        assert isinstance(store.search_articles(hostile), list)
        assert isinstance(store.quotes_by_speaker(hostile), list)
        assert isinstance(store.quotes_by_phrase(hostile), list)


def _quote(speaker: str, source: str, content: str, start: int) -> Quote:
    return Quote(speaker, source, (0, len(source)), "said", content, (start, start + len(content)), "direct")


def test_quotes_by_speaker_surname_accents_and_phrase(store: Store) -> None:
    store.sync_feeds([Feed("A", "https://a.example/feed", ("news",))])
    (older,) = _entry(store, "A", "https://a.example/1", "One")
    (newer,) = _entry(store, "A", "https://a.example/2", "Two")
    _process(store, older, "One", "x" * 200, (
        _quote("Zoë Marchetti", "Ms. Marchetti", "The bridge opens in May", 10),
        _quote("Tomas Marchetti", "Tomas Marchetti", "I have no comment", 50),
    ))
    _process(store, newer, "Two", "y" * 200, (_quote("Zoë Marchetti", "she", "Tolls stay as they are", 10),))
    hits = store.quotes_by_speaker("zoe marchetti")
    assert [h.quote.content for h in hits] == ["Tolls stay as they are", "The bridge opens in May"]
    assert hits[-1].aliases == ("Ms. Marchetti",)
    assert {h.quote.speaker for h in store.quotes_by_speaker("Tomas")} == {"Tomas Marchetti"}
    (hit,) = store.quotes_by_phrase("bridge opens")
    assert hit.quote.speaker == "Zoë Marchetti" and hit.url == "https://a.example/1"
    assert store.quotes_by_phrase("opens bridge") == []
