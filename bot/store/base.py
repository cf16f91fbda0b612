"""The store interface: what newsbot keeps between runs, and what every implementation promises.

Every implementation is safe to use from the one thread that runs the event loop; calls are short (no
network), so they are made directly from async code. Times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.models import Article, Digest, Entry, Feed, Quote


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed with its fetch state and health."""

    feed: Feed
    origin: str  # "config" or "user"
    title: str | None
    etag: str | None
    last_modified: str | None
    polled: bool  # polled successfully at least once
    last_checked: datetime | None
    last_success: datetime | None
    last_error: str | None
    failures: int
    next_try: datetime | None
    paused: bool

    @property
    def name(self) -> str:
        return self.feed.name


@dataclass(frozen=True, slots=True)
class NewEntry:
    """An entry the poller found, with the keys it is remembered by; `fresh` False only marks it seen."""

    entry: Entry
    url: str
    canonical: str
    keys: tuple[str, ...]
    local: bool
    fresh: bool


@dataclass(frozen=True, slots=True)
class PendingArticle:
    """An article that still has to be fetched and summarized."""

    id: int
    feed: str
    url: str
    local: bool
    title: str
    summary: str
    content: str
    language: str | None
    image: str | None
    from_user: bool = False  # its feed was added from chat: its page is fetched through the SSRF guard
    published: datetime | None = None  # the date its feed gives


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A stored quote with the article it came from."""

    quote: Quote
    aliases: tuple[str, ...]
    article_id: int
    title: str
    url: str
    published: datetime | None


@dataclass(frozen=True, slots=True)
class PostRecord:
    """One message of a digest on one platform target; recorded before it is sent."""

    id: int
    digest_id: int
    platform: str
    target: str
    part: int
    nonce: str
    state: str  # "pending", "sent" or "failed"
    message_id: str | None
    attempts: int


@dataclass(frozen=True, slots=True)
class Notice:
    """A message for a channel about a feed (for example, that it was paused)."""

    id: int
    feed: str
    channel: str
    text: str


class Store(abc.ABC):
    """Feeds, dedup keys, articles, quotes, digests and posts.

    Promises: every method commits before it returns, so a crash loses at most the call in progress;
    `add_entries` is idempotent on keys; `create_digest` never puts an article into two digests of the
    same channel; `record_post` returns the existing record when called again for the same message.
    """

    # feeds
    @abc.abstractmethod
    def sync_feeds(self, feeds: Sequence[Feed]) -> None:
        """Make the configured feeds known; config feeds missing from `feeds` stop being polled."""

    @abc.abstractmethod
    def add_feed(self, feed: Feed, origin: str = "user") -> None:
        """Add a feed or route an existing one to more channels."""

    @abc.abstractmethod
    def remove_feed(self, name: str, channel: str | None = None) -> bool:
        """Stop a feed (for one channel, or everywhere); False when no such feed."""

    @abc.abstractmethod
    def feeds(self) -> list[FeedState]:
        """Every active feed, by name."""

    @abc.abstractmethod
    def feed(self, name: str) -> FeedState | None:
        """One feed by name (case-insensitive)."""

    @abc.abstractmethod
    def record_success(
        self, name: str, now: datetime, *, etag: str | None, last_modified: str | None,
        title: str | None, not_modified: bool,
    ) -> None:
        """Record a successful poll: reset failures and store the validators for the next conditional GET."""

    @abc.abstractmethod
    def record_failure(self, name: str, now: datetime, error: str, next_try: datetime, pause: bool) -> int:
        """Record a failed poll; return the number of consecutive failures."""

    @abc.abstractmethod
    def resume_feed(self, name: str) -> bool:
        """Unpause a feed and poll it at the next round; False when no such feed."""

    # entries and articles
    @abc.abstractmethod
    def known_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of `keys` already seen."""

    @abc.abstractmethod
    def add_entries(self, feed: FeedState, entries: Sequence[NewEntry], now: datetime) -> list[int]:
        """Remember the entries' keys; create an article for each fresh one; return the new article ids.

        An entry some of whose keys are known is an article another feed brought (its link) that this feed
        has not carried before (its GUID): its new keys are remembered and, when fresh, the article goes to
        this feed's channels as well; until it is read, it is credited to the feed that published it first."""

    @abc.abstractmethod
    def pending_articles(self, limit: int) -> list[PendingArticle]:
        """Articles not yet processed, oldest first."""

    @abc.abstractmethod
    def save_processed(
        self, article_id: int, now: datetime, *, title: str, text: str, image: str | None,
        language: str | None, key_points: Sequence[str], quotes: Sequence[Quote],
        published: datetime | None = None, error: str | None = None,
    ) -> None:
        """Store an article's text, key points and quotes and make it searchable."""

    @abc.abstractmethod
    def article(self, article_id: int) -> Article | None:
        """A processed article by id."""

    @abc.abstractmethod
    def article_by_url(self, canonical_url: str) -> Article | None:
        """A processed article by canonical URL."""

    @abc.abstractmethod
    def search_articles(self, words: str, limit: int = 5) -> list[Article]:
        """Processed articles matching plain words (no query syntax), best first among recent matches;
        articles holding any of the words when none holds them all."""

    # quotes
    @abc.abstractmethod
    def quotes_by_speaker(self, name: str, limit: int = 10) -> list[QuoteHit]:
        """Quotes of the speaker best matching `name` (full name, surname or alias), newest article first."""

    @abc.abstractmethod
    def quotes_by_phrase(self, phrase: str, limit: int = 10) -> list[QuoteHit]:
        """Quotes containing `phrase` (words in that order), newest article first."""

    # digests and posts
    @abc.abstractmethod
    def create_digest(self, channel: str, now: datetime, max_items: int) -> Digest | None:
        """Put the channel's processed articles not yet in any of its digests into a new one, or None."""

    @abc.abstractmethod
    def latest_digest(self, channel: str | None) -> Digest | None:
        """The newest digest of a channel (of any channel when None)."""

    @abc.abstractmethod
    def digest(self, digest_id: int) -> Digest | None:
        """A digest by id."""

    @abc.abstractmethod
    def record_post(self, digest_id: int, platform: str, target: str, part: int, now: datetime) -> PostRecord:
        """Record a message before sending it; the same call again returns the same record."""

    @abc.abstractmethod
    def mark_post_sent(self, post_id: int, message_id: str | None, now: datetime) -> None:
        """Record that a message went out."""

    @abc.abstractmethod
    def mark_post_failed(self, post_id: int, error: str, *, final: bool) -> None:
        """Record a failed send; a final failure is not retried."""

    @abc.abstractmethod
    def unsent_posts(self, platform: str) -> list[PostRecord]:
        """Messages recorded but not marked sent on a platform, oldest first."""

    # notices
    @abc.abstractmethod
    def add_notice(self, feed: str, channel: str, text: str, now: datetime) -> None:
        """Queue a message about a feed for a channel."""

    @abc.abstractmethod
    def unsent_notices(self) -> list[Notice]:
        """Queued notices, oldest first."""

    @abc.abstractmethod
    def mark_notice_sent(self, notice_id: int, now: datetime) -> None:
        """Record that a notice went out."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the database."""
