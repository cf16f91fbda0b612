"""Block Kit for digests and command replies: pure functions whose messages always fit Slack's limits.

Every message has at most MAX_BLOCKS blocks, section texts of at most SECTION_CHARS, header texts of at most
HEADER_CHARS and a plain `text` fallback of at most FALLBACK_CHARS. Feed text never carries a mention or
markup: it goes through `mrkdwn.escape`. Longer content is split over several messages.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.commands import ArticleReply, DigestReply, FeedsReply, QuotesReply, Reply, TextReply
from bot.models import Article, Digest
from bot.platforms.slack.mrkdwn import cut, escape, link, mrkdwn, plain, safe_url
from bot.store import FeedState, QuoteHit
from bot.textfmt import feed_health, no_quotes, plural, quote_text
from bot.textfmt import utf16_units as units

Block = dict[str, Any]

MAX_BLOCKS = 50
SECTION_CHARS = 3000
HEADER_CHARS = 150
CONTEXT_CHARS = 2000
ALT_CHARS = 1000
FALLBACK_CHARS = 3000
# Slack documents no total size for a message; staying well below what it accepts keeps posts reliable.
MESSAGE_CHARS = 12_000
TITLE_CHARS = 300
POINT_CHARS = 900
QUOTE_CHARS = 500
MAX_POINTS = 10


@dataclass(frozen=True, slots=True)
class Message:
    """One Slack message: its blocks and the plain text that notifications and old clients show."""

    text: str
    blocks: tuple[Block, ...]
    ephemeral: bool = False


@dataclass(slots=True)
class _Group:
    """Blocks that stay together in one message, with their line of the fallback text."""

    blocks: list[Block]
    fallback: str = ""
    size: int = field(init=False)

    def __post_init__(self) -> None:
        self.size = units(json.dumps(self.blocks, ensure_ascii=False))


def _section(text: str, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}
    if accessory is not None:
        block["accessory"] = accessory
    return block


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(text, CONTEXT_CHARS) or " "}]}


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": plain(text, HEADER_CHARS) or "newsbot"}}


def _when(value: datetime | None) -> str:
    """A date every reader sees in their own time zone, with a UTC fallback for old clients."""
    if value is None:
        return "date unknown"
    utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return f"<!date^{int(utc.timestamp())}^{{date_short_pretty}} {{time}}|{utc:%d %b %Y %H:%M} UTC>"


def _pack(lines: Sequence[str], limit: int = SECTION_CHARS) -> list[str]:
    """Lines (each within `limit`) joined into as few texts of at most `limit` as possible."""
    texts: list[str] = []
    for line in lines:
        line = cut(line, limit)
        if texts and units(texts[-1]) + 1 + units(line) <= limit:
            texts[-1] += "\n" + line
        else:
            texts.append(line)
    return texts


def _paginate(title: str | None, groups: Sequence[_Group], footer: Sequence[Block] = (),
              *, ephemeral: bool = False) -> list[Message]:
    """Groups laid out over as many messages as the block and size limits need; a header on each."""
    reserve = 1 if title else 0
    pages: list[list[_Group]] = [[]]
    for group in groups:
        page = pages[-1]
        count = sum(len(g.blocks) for g in page)
        size = sum(g.size for g in page)
        if page and (count + len(group.blocks) + reserve > MAX_BLOCKS or size + group.size > MESSAGE_CHARS):
            pages.append([])
        pages[-1].append(group)
    if footer:
        last = pages[-1]
        if sum(len(g.blocks) for g in last) + len(footer) + reserve > MAX_BLOCKS:
            pages.append([])
        pages[-1].append(_Group(list(footer)))
    messages = []
    for number, page in enumerate(pages, 1):
        blocks: list[Block] = []
        heading = title or ""
        if title:
            heading = title if len(pages) == 1 else f"{title} ({number}/{len(pages)})"
            blocks.append(_header(heading))
        for group in page:
            blocks += group.blocks
        if not blocks:
            blocks.append(_section("Nothing to show."))
        lines = [escape(heading)] if heading else []
        lines += [g.fallback for g in page if g.fallback]
        messages.append(Message(cut("\n".join(lines) or "newsbot", FALLBACK_CHARS), tuple(blocks), ephemeral))
    return messages


def _image(article: Article) -> Block | None:
    url = safe_url(article.image, 3000)
    if url is None:
        return None
    return {"type": "image", "image_url": url, "alt_text": plain(article.title, ALT_CHARS) or "article image"}


def _article(article: Article, number: int | None = None, *, brief: bool = False) -> _Group:
    """An article: linked headline with its key points (the lead image beside them), then source and date."""
    head = f"{number}. " if number is not None else ""
    title = mrkdwn(article.title, TITLE_CHARS) or "(untitled)"
    lines = [f"*{head}{link(article.url, title)}*"]
    points = article.key_points[:1] if brief else article.key_points[:MAX_POINTS]
    lines += [f"• {mrkdwn(point, POINT_CHARS)}" for point in points]
    if not points:
        lines.append("_(no key points: the article had too little text)_")
    texts = _pack(lines)
    blocks = [_section(texts[0], _image(article))] + [_section(t) for t in texts[1:]]
    source = mrkdwn(article.feed, 200) or "requested link"
    blocks.append(_context(f"{source} · {_when(article.published or article.fetched)}"))
    return _Group(blocks, f"{head}{title}")


def render_digest(digest: Digest, *, brief: bool = False) -> list[Message]:
    """A digest as one or more messages: a header, then each article."""
    when = digest.created.astimezone(UTC) if digest.created.tzinfo else digest.created
    title = f"#{digest.channel} digest · {when:%d %b %Y} · {plural(len(digest.items), 'article')}"
    groups = [_article(item.article, item.number, brief=brief) for item in digest.items]
    footer = [_context("`/summary N` shows all key points of item N")] if brief else []
    return _paginate(title, groups, footer)


def render_text(text: str, *, ephemeral: bool = False) -> list[Message]:
    """Plain text (its line breaks kept) as mrkdwn sections."""
    lines = [t for t in (mrkdwn(line, SECTION_CHARS) for line in text.splitlines()) if t] or ["…"]
    groups = [_Group([_section(t)], t) for t in _pack(lines)]
    return _paginate(None, groups, ephemeral=ephemeral)


def _quote(hit: QuoteHit) -> _Group:
    speaker = mrkdwn(hit.quote.speaker, 200) or "someone"
    said = mrkdwn(quote_text(hit.quote, QUOTE_CHARS), QUOTE_CHARS + 20)
    source = link(hit.url, mrkdwn(hit.title, TITLE_CHARS) or "article")
    return _Group([_section(f"*{speaker}*\n>{said}"), _context(f"{source} · {_when(hit.published)}")],
                  f"{speaker}: {said}")


def render_quotes(query: str, by_phrase: bool, hits: Sequence[QuoteHit]) -> list[Message]:
    """Who said a phrase, or what a person said: each quote with its speaker and article."""
    if not hits:
        return render_text(no_quotes(query, by_phrase), ephemeral=True)
    title = f"Who said “{query}”?" if by_phrase else f"Quotes of {hits[0].quote.speaker}"
    return _paginate(title, [_quote(hit) for hit in hits])


def _health(state: FeedState) -> str:
    return feed_health(state)


def render_feeds(channel: str | None, feeds: Sequence[FeedState]) -> list[Message]:
    """Each feed with where it goes and its health."""
    where = f" for #{channel}" if channel else ""
    if not feeds:
        return render_text(f"No feeds{where}.", ephemeral=True)
    groups = []
    for state in feeds:
        name = mrkdwn(state.name, 200)
        channels = mrkdwn(", ".join(f"#{c}" for c in state.feed.channels), 500)
        text = (f"*{name}* · {link(state.feed.url, mrkdwn(state.feed.url, 300))} → {channels}\n"
                f"{mrkdwn(_health(state), 1000)}")
        groups.append(_Group([_section(cut(text, SECTION_CHARS))], name))
    return _paginate(f"Feeds{where}", groups)


def render_reply(reply: Reply) -> list[Message]:
    """Any command reply as messages (ephemeral for errors and private notes)."""
    match reply:
        case TextReply(text=text, ephemeral=ephemeral, error=error):
            return render_text(text, ephemeral=ephemeral or error)
        case DigestReply(digest=digest, brief=brief):
            return render_digest(digest, brief=brief)
        case ArticleReply(article=article, number=number, note=note):
            head = [_Group([_context(mrkdwn(note, 500))])] if note else []
            return _paginate(None, [*head, _article(article, number)])
        case QuotesReply(query=query, by_phrase=by_phrase, hits=hits):
            return render_quotes(query, by_phrase, hits)
        case FeedsReply(channel=channel, feeds=feeds):
            return render_feeds(channel, feeds)
    raise TypeError(f"cannot render {type(reply).__name__}")
