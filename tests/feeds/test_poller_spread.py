"""Polls spread over the interval: each feed has a stable slot; back-off and first polls come first."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from bot.feeds.http import Fetcher
from bot.feeds.poller import Poller, slot_offset
from bot.models import Feed
from bot.settings import PollSettings
from bot.store import FeedState, SQLiteStore


def _state(name: str, checked: datetime | None, next_try: datetime | None = None) -> FeedState:
    return FeedState(Feed(name, f"https://{name}.example/feed", ("news",)), "config", None, None, None,
                     checked is not None, checked, checked, None, 0, next_try, False)


def _poller(tmp_path: Path, minutes: float = 15) -> Poller:
    store = SQLiteStore(tmp_path / "s.sqlite3")
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(304)))
    return Poller(store, Fetcher(client), PollSettings(interval_minutes=minutes), spread=True)


def test_offsets_are_stable_and_spread() -> None:
    offsets = [slot_offset(f"feed-{i}", 900) for i in range(2000)]
    assert offsets == [slot_offset(f"feed-{i}", 900) for i in range(2000)]
    assert all(0 <= o < 900 for o in offsets)
    per_minute = [sum(1 for o in offsets if m * 60 <= o < (m + 1) * 60) for m in range(15)]
    assert min(per_minute) > 80 and max(per_minute) < 190  # about 133 a minute, never all at once


def test_each_feed_is_due_once_per_interval_at_its_slot(tmp_path: Path) -> None:
    poller = _poller(tmp_path)
    checked = datetime(2026, 3, 2, 8, 0, 0, tzinfo=UTC)
    state = _state("harbour", checked)
    due = poller.next_due(state)
    assert checked < due <= checked + timedelta(minutes=15)
    assert (due.timestamp() - slot_offset("harbour", 900)) % 900 < 1e-6
    assert poller.next_due(replace(state, last_checked=due)) == due + timedelta(minutes=15)


def test_without_spread_a_healthy_feed_is_due_at_every_poll(tmp_path: Path) -> None:
    poller = _poller(tmp_path)
    plain = Poller(poller._store, poller._fetcher, poller._settings)
    checked = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert plain.next_due(_state("harbour", checked)) <= checked < poller.next_due(_state("harbour", checked))


def test_new_and_backed_off_feeds(tmp_path: Path) -> None:
    poller = _poller(tmp_path)
    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert poller.next_due(_state("fresh", None)) <= now
    later = now + timedelta(hours=2)
    assert poller.next_due(_state("failing", now, next_try=later)) == later


def test_due_picks_the_slice_whose_slots_passed(tmp_path: Path) -> None:
    poller = _poller(tmp_path)
    store = poller._store
    store.sync_feeds([Feed(f"feed-{i}", f"https://h{i}.example/f", ("news",)) for i in range(300)])
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    for state in store.feeds():
        store.record_success(state.name, start, etag=None, last_modified=None, title=None, not_modified=False)
    seen: set[str] = set()
    for minute in range(1, 16):  # a poll job every minute picks up about a fifteenth each time
        due = poller.due(start + timedelta(minutes=minute))
        batch = {f.name for f in due if f.name not in seen}
        assert len(batch) < 60
        for name in batch:
            store.record_success(name, start + timedelta(minutes=minute), etag=None, last_modified=None,
                                 title=None, not_modified=True)
        seen |= batch
    assert len(seen) == 300
    assert len(poller.due(start, force=True)) == 300
