"""The shared resources, built once and closed together: store, HTTP client, poller, NLP pool."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

import httpx

from bot.feeds.guard import guarded_transport
from bot.feeds.http import Fetcher, make_client
from bot.feeds.poller import Poller, PollReport
from bot.models import Digest
from bot.pipeline import Analyzer, Processor
from bot.settings import Settings
from bot.store import FeedState, PendingArticle, SQLiteStore, Store


@dataclass
class Services:
    """What every part of newsbot shares; built by `open_services`."""

    settings: Settings
    store: Store
    fetcher: Fetcher
    user_fetcher: Fetcher  # for what chat users ask for: connects only to public addresses

    @cached_property
    def poller(self) -> Poller:
        # Each feed polls at its own slot in the interval, so thousands of feeds do not all poll at once.
        return Poller(self.store, self.fetcher, self.settings.poll, spread=True, user_fetcher=self.user_fetcher)

    @cached_property
    def processor(self) -> Processor:
        # Loading the NLP is the slow part of start-up, so it happens on first use.
        analyzer = Analyzer(self.settings.digest.key_points)
        return Processor(self.store, self.fetcher, analyzer, self.settings.digest.workers, self.user_fetcher)

    def sync_config_feeds(self) -> None:
        """Make the store's feed list match the config (feeds added from chat are kept)."""
        self.store.sync_feeds(self.settings.feed_objects())

    async def refresh(
        self, *, force: bool = False,
        on_feed: Callable[[FeedState], None] | None = None,
        on_article: Callable[[PendingArticle], None] | None = None,
    ) -> tuple[PollReport, int]:
        """Poll the due feeds and process every new article; return the poll report and articles processed."""
        report = await self.poller.poll(force=force, progress=on_feed)
        if not self.store.pending_articles(1):
            return report, 0  # nothing new: do not load the NLP just to find that out
        processed = await self.processor.process_pending(progress=on_article)
        return report, processed

    def channel_names(self) -> list[str]:
        """Every channel that a config or chat-added feed routes to, configured ones first."""
        names = [c.name for c in self.settings.channels]
        for state in self.store.feeds():
            names += [c for c in state.feed.channels if c not in names]
        return names

    def make_digest(self, channel: str) -> Digest | None:
        """A new digest of what the channel has not seen yet, or None."""
        return self.store.create_digest(channel, datetime.now(UTC), self.settings.digest.max_items)


@contextlib.asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    """Build the shared resources, yield them, and close them all on the way out."""
    store = SQLiteStore(settings.store.path)
    poll = settings.poll

    def client(transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
        return make_client(connect_timeout=poll.connect_timeout, read_timeout=poll.read_timeout,
                           max_connections=poll.concurrency, user_agent=poll.user_agent, transport=transport)

    def fetcher(shared: httpx.AsyncClient, base_dir: Path | None) -> Fetcher:
        return Fetcher(shared, max_bytes=poll.max_bytes, per_host=poll.per_host, total=poll.concurrency,
                       deadline=poll.deadline, base_dir=base_dir)

    try:
        async with client() as main_client, client(guarded_transport(poll.allowed_hosts)) as user_client:
            services = Services(settings, store, fetcher(main_client, settings.base_dir), fetcher(user_client, None))
            services.sync_config_feeds()
            try:
                yield services
            finally:
                if "processor" in services.__dict__:
                    services.processor.close()
    finally:
        store.close()
