"""Poll the due feeds concurrently (fetch, parse, dedup, store), spread over the interval; back off from failures."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.feeds.dedup import canonical_url, entry_keys, without_tracking
from bot.feeds.http import Fetcher, FetchError, HTTPStatusError
from bot.feeds.parse import FeedParseError, parse_feed
from bot.models import ParsedFeed
from bot.settings import PollSettings
from bot.store import FeedState, NewEntry, Store

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What one round of polling did."""

    polled: int = 0
    not_modified: int = 0
    new_articles: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # feed name -> reason
    paused: list[str] = field(default_factory=list)


def backoff_delay(failures: int, settings: PollSettings, retry_after: float | None = None) -> timedelta:
    """How long to wait after `failures` consecutive failures: doubling from backoff_minutes, capped, jittered."""
    base = settings.backoff_minutes * 60 * 2 ** max(failures - 1, 0)
    delay = min(base, settings.backoff_max_hours * 3600) * random.uniform(0.9, 1.1)
    if retry_after is not None:
        delay = max(delay, min(retry_after, settings.backoff_max_hours * 3600))
    return timedelta(seconds=delay)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def slot_offset(name: str, interval: float) -> float:
    """A feed's stable place within the poll interval, in seconds from the interval's start."""
    digest = hashlib.blake2b(name.casefold().encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 * interval


def is_local(url: str) -> bool:
    return url.lower().startswith("file:")


class Poller:
    """Polls the store's feeds through one Fetcher; a failing feed never stops the others."""

    def __init__(self, store: Store, fetcher: Fetcher, settings: PollSettings, *, spread: bool = False,
                 user_fetcher: Fetcher | None = None) -> None:
        """`spread`: poll each feed once per interval at its own slot (see `next_due`), for a poll job that
        runs more often than the interval; without it a healthy feed is due at every poll."""
        self._store = store
        self._fetcher = fetcher
        # Feeds added from chat are fetched through the SSRF guard; config feeds may be internal on purpose.
        self._user_fetcher = user_fetcher or fetcher
        self._settings = settings
        self._spread = spread

    def due(self, now: datetime, *, force: bool = False) -> list[FeedState]:
        """Feeds to poll now (every unpaused one when `force`); see `next_due` for when a feed is due."""
        return [f for f in self._store.feeds() if not f.paused and (force or self.next_due(f) <= now)]

    def next_due(self, state: FeedState) -> datetime:
        """When a feed is next due: at its back-off's end after a failure, at once if never polled (or
        without `spread`), else at its next slot.

        Each feed polls once per interval at its own stable offset within it (from a hash of its name), so
        thousands of feeds spread over the interval instead of all polling in the same second; a poll job
        that runs more often than the interval picks up the slice whose slots have passed.
        """
        if state.next_try is not None:
            return state.next_try
        if state.last_checked is None or not self._spread:
            return _EPOCH
        interval = self._settings.interval_minutes * 60
        checked = state.last_checked.timestamp()
        offset = slot_offset(state.name, interval)
        # The first slot (offset + k * interval) after the last check.
        following = checked - ((checked - offset) % interval) + interval
        return datetime.fromtimestamp(following, UTC)

    async def poll(
        self, feeds: list[FeedState] | None = None, *, force: bool = False,
        progress: Callable[[FeedState], None] | None = None,
    ) -> PollReport:
        """Poll `feeds` (default: the due ones) concurrently and store what is new."""
        now = datetime.now(UTC)
        todo = self.due(now, force=force) if feeds is None else feeds
        report = PollReport()

        async def one(state: FeedState) -> None:
            await self._poll_one(state, report)
            if progress:
                progress(state)

        await asyncio.gather(*(one(f) for f in todo))
        return report

    async def _poll_one(self, state: FeedState, report: PollReport) -> None:
        report.polled += 1
        url = state.feed.url
        try:
            fetcher = self._user_fetcher if state.origin == "user" else self._fetcher
            result = await fetcher.fetch(
                url, etag=state.etag, last_modified=state.last_modified,
                allow_files=is_local(url) and state.origin != "user",
            )
            now = datetime.now(UTC)
            if result.not_modified or result.body is None:
                self._store.record_success(
                    state.name, now, etag=state.etag, last_modified=state.last_modified, title=None,
                    not_modified=True,
                )
                report.not_modified += 1
                return
            parsed = parse_feed(result.body, base_url=result.url, content_type=result.content_type)
        except (FetchError, FeedParseError) as exc:
            retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
            self._fail(state, exc.reason, report, retry_after)
            return
        except Exception as exc:  # a bug in one feed's handling must not stop the round
            log.exception("feed %s: unexpected error", state.name)
            self._fail(state, f"internal error: {type(exc).__name__}", report, None)
            return
        report.new_articles += self._store_entries(state, parsed, now)
        self._store.record_success(
            state.name, now, etag=result.etag, last_modified=result.last_modified, title=parsed.title,
            not_modified=False,
        )

    def _store_entries(self, state: FeedState, parsed: ParsedFeed, now: datetime) -> int:
        local_feed = is_local(state.feed.url)
        news: list[NewEntry] = []
        for position, entry in enumerate(parsed.entries):
            url = entry.link or (entry.guid if entry.guid and "://" in entry.guid else None)
            if not url:
                continue
            local = is_local(url)
            if local and not local_feed:
                log.warning("feed %s: ignoring local link %s from a remote feed", state.name, url)
                continue
            # A feed seen for the first time must not flood its channels: only its newest entries count.
            fresh = state.polled or position < self._settings.first_poll_entries
            keys = entry_keys(state.name, entry)
            # entry_keys already canonicalized the link; canonical_url is the costly part of dedup.
            canonical = keys[0][5:] if url == entry.link and keys[0].startswith("link:") else canonical_url(url)
            news.append(NewEntry(entry, without_tracking(url), canonical, keys, local, fresh))
        if news and state.polled:
            # Mostly nothing is new: a read first spares a write transaction. add_entries checks again
            # inside its transaction, so a feed never polled (mostly all new) goes straight there.
            known = self._store.known_keys([k for n in news for k in n.keys])
            news = [n for n in news if not known.issuperset(n.keys)]  # partly known: see add_entries
        return len(self._store.add_entries(state, news, now)) if news else 0

    def _fail(self, state: FeedState, reason: str, report: PollReport, retry_after: float | None) -> None:
        now = datetime.now(UTC)
        failures = state.failures + 1
        pause = failures >= self._settings.pause_after_failures
        next_try = now + backoff_delay(failures, self._settings, retry_after)
        self._store.record_failure(state.name, now, reason, next_try, pause)
        report.failed[state.name] = reason
        log.warning("feed %s failed (%d in a row): %s", state.name, failures, reason)
        if pause:
            report.paused.append(state.name)
            for channel in state.feed.channels:
                self._store.add_notice(
                    state.name, channel,
                    f"The feed {state.name!r} is paused after {failures} failed polls in a row "
                    f"(last: {reason}). An admin can resume it with /feeds resume.", now,
                )
