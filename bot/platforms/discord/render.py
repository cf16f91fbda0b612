"""Render digests and command replies as Discord embeds: pure functions, every limit respected.

Feed text is escaped (markdown and mentions) before it is placed; links only when Discord accepts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from bot.commands import ArticleReply, DigestReply, FeedsReply, QuotesReply, Reply, TextReply
from bot.models import Article, Digest
from bot.platforms.discord.limits import (
    AUTHOR,
    DESCRIPTION,
    FIELD_VALUE,
    FOOTER,
    TITLE,
    DiscordMessage,
    Embed,
    field_embeds,
    fit_lines,
    link_text,
    pack,
    safe,
    web_url,
)
from bot.store import FeedState, QuoteHit
from bot.textfmt import feed_health, no_quotes, plural, quote_text
from bot.textfmt import utf16_units as units

COLOR = 0x2B6CB0
QUOTE_CHARS = 300


def when(value: datetime | None) -> str:
    """A time as readers see it."""
    return value.astimezone(UTC).strftime("%d %b %Y %H:%M UTC") if value else "date unknown"


def _link(label: str, url: str | None, limit: int = 200) -> str:
    target = web_url(url)
    return f"[{link_text(label, limit)}]({target})" if target else ""


def headline(article: Article, number: int | None = None, limit: int = TITLE) -> str:
    """The article's title, safe, numbered when it is a digest item."""
    head = f"{number}. " if number is not None else ""
    title = safe(article.title, limit - len(head)) if article.title.strip() else ""
    return head + (title or "(untitled)")


def article_embed(article: Article, number: int | None = None, *, brief: bool = False,
                  note: str | None = None) -> Embed:
    """One article: numbered headline linking to it, key points as bullets, source and time, lead image."""
    embed: Embed = {"title": headline(article, number), "color": COLOR}
    url = web_url(article.url)
    if url:
        embed["url"] = url
    points = article.key_points[:1] if brief else article.key_points
    lines = [f"• {safe(p, DESCRIPTION)}" for p in points if p.strip()]
    if not lines:
        lines = ["_No key points: the article had too little text._"]
    embed["description"] = fit_lines("\n".join(lines), DESCRIPTION)
    source = safe(article.feed or "requested link", 200)
    embed["footer"] = {"text": fit_lines(f"{source} · {when(article.published or article.fetched)}", FOOTER)}
    stamp = article.published or article.fetched
    if stamp is not None:
        embed["timestamp"] = stamp.astimezone(UTC).isoformat()
    image = web_url(article.image)
    if image:
        embed["thumbnail"] = {"url": image}
    if note:
        embed["author"] = {"name": safe(note, AUTHOR)}
    return embed


def _brief_field(number: int, article: Article) -> tuple[str, str]:
    point = article.key_points[0] if article.key_points else "(no key points)"
    link = _link(f"{article.feed or 'source'} · {when(article.published or article.fetched)}", article.url)
    room = FIELD_VALUE - units(link) - 1
    return headline(article, number, 250), f"{safe(point, room)}\n{link}"


def render_digest(digest: Digest, *, brief: bool = False) -> list[DiscordMessage]:
    """A digest as messages: a header line, then one embed per article (or, brief, one field per article)."""
    title = f"#{safe(digest.channel, 100)} digest · {when(digest.created)} · {plural(len(digest.items), 'article')}"
    if brief:
        head: Embed = {"title": title, "color": COLOR,
                       "footer": {"text": "/summary N shows all key points of item N"}}
        fields = [_brief_field(i.number, i.article) for i in digest.items]
        return pack(field_embeds(head, fields))
    return pack((article_embed(i.article, i.number) for i in digest.items), f"**{title}**")


def _health(state: FeedState) -> str:
    mark = "⏸" if state.paused else "⚠" if state.failures else "✅" if state.last_success else "…"
    return f"{mark} {safe(feed_health(state, when), 400)}"


def render_feeds(channel: str | None, feeds: Sequence[FeedState]) -> list[DiscordMessage]:
    """This channel's feeds, each with its health."""
    where = f" for #{safe(channel, 100)}" if channel else ""
    head: Embed = {"title": f"Feeds{where}", "color": COLOR}
    if not feeds:
        head["description"] = f"No feeds{where}. Managers can add one with /feeds add URL."
        return pack([head])
    fields = []
    for state in feeds:
        url = web_url(state.feed.url)
        shown = f"<{url}>" if url else safe(state.feed.url, 300)
        fields.append((safe(state.name, 200), f"{_health(state)}\n{shown}"))
    return pack(field_embeds(head, fields))


def _quote_field(hit: QuoteHit) -> tuple[str, str]:
    quote = safe(quote_text(hit.quote, QUOTE_CHARS), QUOTE_CHARS + 20)
    link = _link(hit.title or "the article", hit.url) or safe(hit.title, 200)
    return f"{safe(hit.quote.speaker, 150)} · {when(hit.published)}", f"{quote}\n{link}"


def render_quotes(query: str, by_phrase: bool, hits: Sequence[QuoteHit]) -> list[DiscordMessage]:
    """A person's quotes, newest first, or who said a phrase; each with a link to its article."""
    if not hits:
        return pack([{"description": no_quotes(safe(query, 200), by_phrase), "color": COLOR}])
    title = f"Who said “{safe(query, 200)}”" if by_phrase else f"Quotes of {safe(hits[0].quote.speaker, 200)}"
    head: Embed = {"title": title, "color": COLOR}
    return pack(field_embeds(head, [_quote_field(h) for h in hits]))


def render_text(text: str, *, ephemeral: bool = False) -> list[DiscordMessage]:
    """A plain answer; the text may echo what a user typed, so it is escaped too."""
    lines = "\n".join(safe(line) for line in text.splitlines())
    return pack([], lines or "…", ephemeral=ephemeral)


def render_reply(reply: Reply) -> list[DiscordMessage]:
    """Any command reply as Discord messages (the first answers the interaction, the rest follow)."""
    match reply:
        case TextReply(text=text, ephemeral=ephemeral, error=error):
            return render_text(text, ephemeral=ephemeral or error)
        case DigestReply(digest=digest, brief=brief):
            return render_digest(digest, brief=brief)
        case ArticleReply(article=article, number=number, note=note):
            return pack([article_embed(article, number, note=note)])
        case QuotesReply(query=query, by_phrase=by_phrase, hits=hits):
            return render_quotes(query, by_phrase, hits)
        case FeedsReply(channel=channel, feeds=feeds):
            return render_feeds(channel, feeds)
    raise TypeError(f"cannot render {type(reply).__name__}")
