"""Render digests and command replies as plain text for a terminal."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from bot.commands import ArticleReply, DigestReply, FeedsReply, QuotesReply, Reply, TextReply
from bot.models import Article, Digest
from bot.store import FeedState
from bot.textfmt import feed_health, no_quotes, plural, printable, quote_text, utc_time

QUOTE_CHARS = 280


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((100, 24)).columns))


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=_width(), initial_indent=first if first is not None else indent,
        subsequent_indent=indent, break_on_hyphens=False,  # "Reyes-Tan", "four-year" stay whole on a line
    )


def render_article(article: Article, number: int | None = None, *, brief: bool = False) -> str:
    """An article: headline, source line, link and its key points as bullets."""
    head = f"{number}. " if number is not None else ""
    lines = [_wrap(article.title, " " * len(head), head + "")]
    source = article.feed or "requested link"
    lines.append(f"{' ' * len(head)}{source} · {utc_time(article.published or article.fetched)}")
    lines.append(f"{' ' * len(head)}{article.url}")
    points = article.key_points[:1] if brief else article.key_points
    if not points:
        lines.append(f"{' ' * len(head)}(no key points: the article had too little text)")
    for point in points:
        lines.append(_wrap(point, " " * (len(head) + 2), " " * len(head) + "• "))
    return "\n".join(lines)


def render_digest(digest: Digest, *, brief: bool = False) -> str:
    """A digest as printed on a terminal."""
    header = f"── #{digest.channel} · digest of {utc_time(digest.created)} · {plural(len(digest.items), 'article')} "
    parts = [header + "─" * max(0, _width() - len(header))]
    parts += [render_article(i.article, i.number, brief=brief) for i in digest.items]
    if brief:
        parts.append("(/summary N shows all key points of item N)")
    return "\n\n".join(parts)


def render_feeds(channel: str | None, feeds: Sequence[FeedState]) -> str:
    """Each feed with its health: last success, last error, next try."""
    where = f" for #{channel}" if channel else ""
    if not feeds:
        return f"No feeds{where}."
    lines = [f"Feeds{where}:"]
    for f in feeds:
        health = feed_health(f)
        channels = ", ".join(f"#{c}" for c in f.feed.channels)
        lines.append(f"- {f.name} ({f.feed.url}) → {channels}\n    {health}")
    return "\n".join(lines)


def render_reply(reply: Reply) -> str:
    """Any command reply as text, without control characters from feed text."""
    return printable(_render_reply(reply))


def _render_reply(reply: Reply) -> str:
    match reply:
        case TextReply(text=text):
            return text
        case DigestReply(digest=digest, brief=brief):
            return render_digest(digest, brief=brief)
        case ArticleReply(article=article, number=number, note=note):
            body = render_article(article, number)
            return f"{note}:\n{body}" if note else body
        case QuotesReply(query=query, by_phrase=by_phrase, hits=hits):
            if not hits:
                return no_quotes(query, by_phrase)
            head = f"Who said “{query}”:" if by_phrase else f"Quotes of {hits[0].quote.speaker}:"
            lines = [head]
            for hit in hits:
                said = quote_text(hit.quote, QUOTE_CHARS)
                lines.append(_wrap(said, "    ", f"- {hit.quote.speaker}: "))
                lines.append(f"    {hit.title} · {utc_time(hit.published)} · {hit.url}")
            return "\n".join(lines)
        case FeedsReply(channel=channel, feeds=feeds):
            return render_feeds(channel, feeds)
    raise TypeError(f"cannot render {type(reply).__name__}")


class ConsoleSender:
    """Posts digests to a text stream; every channel has the one target "terminal"."""

    platform = "console"

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out

    def targets(self, channel: str) -> Sequence[str]:
        return ("terminal",)

    def render(self, digest: Digest) -> Sequence[str]:
        return (printable(render_digest(digest)),)

    async def send(self, target: str, message: object, nonce: str) -> str | None:
        out = self._out or sys.stdout
        out.write(f"{message}\n\n")
        out.flush()
        return None

    async def send_text(self, target: str, text: str) -> None:
        out = self._out or sys.stdout
        out.write(f"! {printable(text)}\n")
        out.flush()
