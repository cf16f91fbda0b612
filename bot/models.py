"""The small value types that flow through newsbot: feeds, entries, articles, key points, quotes, digests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Feed:
    """A configured feed: where to poll and which channels its articles go to."""

    name: str
    url: str
    channels: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a parsed feed, before its article page is fetched."""

    guid: str | None
    link: str | None
    title: str
    summary: str = ""
    content: str = ""
    published: datetime | None = None
    author: str | None = None
    image: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What the parser made of a feed document."""

    title: str | None
    link: str | None
    language: str | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported speech and who said it; spans are character offsets into the article text."""

    speaker: str
    source_text: str | None
    source_span: tuple[int, int] | None
    cue: str | None
    content: str
    content_span: tuple[int, int]
    kind: QuoteKind


@dataclass(frozen=True, slots=True)
class Article:
    """A processed article: its text, its key points and its quotes."""

    id: int
    feed: str
    url: str
    title: str
    text: str
    published: datetime | None
    fetched: datetime
    image: str | None = None
    language: str | None = None
    key_points: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One article of a digest, numbered as readers see it."""

    number: int
    article: Article


@dataclass(frozen=True, slots=True)
class Digest:
    """A channel's digest: the articles it carries, in order."""

    id: int
    channel: str
    created: datetime
    items: tuple[DigestItem, ...] = field(default_factory=tuple)
