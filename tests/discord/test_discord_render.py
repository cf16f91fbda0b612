"""The Discord renderer: every limit holds for arbitrary feed text, and feed text cannot ping or format."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import ArticleReply, FeedsReply, QuotesReply, TextReply
from bot.models import Article, Digest, DigestItem, Feed, Quote
from bot.platforms.discord.limits import DiscordMessage, fit, safe
from bot.platforms.discord.render import render_digest, render_reply
from bot.store import FeedState, QuoteHit
from bot.textfmt import utf16_units as units
from tests.discord.checks import assert_message_ok

TRICKY = ["@everyone", "@here", "<@123456789012345678>", "<@&123456789012345678>", "**", "__", "~~", "||", "`",
          "](https://evil.example)", "[x](https://evil.example)", "> ", "# ", "\u200b", "\u202e", "\u200f",
          "مرحبا", "😀", "\\", "\n", "   ", "a" * 300]

pieces = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
words = st.lists(pieces, max_size=8).map("".join)
huge = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=30), st.integers(1, 4000))
texts = st.one_of(words, huge)
urls = st.one_of(st.none(), st.just("https://news.example/a(1)"), st.just("file:///tmp/x.html"),
                 st.just("https://news.example/" + "p" * 3000), texts)
times = st.one_of(st.none(), st.datetimes(timezones=st.just(UTC)))
NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    return Article(
        id=draw(st.integers(1, 10**6)), feed=draw(texts), url=draw(urls) or "", title=draw(texts), text="",
        published=draw(times), fetched=NOW, image=draw(urls), key_points=tuple(draw(st.lists(texts, max_size=12))),
    )


@st.composite
def digests(draw: st.DrawFn) -> Digest:
    items = draw(st.lists(articles(), min_size=1, max_size=50))
    return Digest(id=1, channel=draw(texts), created=NOW,
                  items=tuple(DigestItem(n, a) for n, a in enumerate(items, 1)))


@st.composite
def hits(draw: st.DrawFn) -> QuoteHit:
    quote = Quote(draw(texts), None, None, None, draw(texts), (0, 1), "direct")
    return QuoteHit(quote, (), 1, draw(texts), draw(urls) or "", draw(times))


@st.composite
def feed_states(draw: st.DrawFn) -> FeedState:
    failures = draw(st.integers(0, 20))
    return FeedState(Feed(draw(texts), draw(urls) or "", ("news",)), "config", None, None, None, True, NOW,
                     draw(times), draw(st.one_of(st.none(), texts)), failures, draw(times), draw(st.booleans()))


def check(messages: list[DiscordMessage]) -> None:
    assert messages
    for message in messages:
        assert_message_ok(message.content, list(message.embeds))
        for embed in message.embed_objects():  # discord.py accepts each one
            assert isinstance(embed, discord.Embed)


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.data_too_large])


@FAST
@given(digests())
def test_full_digest_keeps_every_limit_and_every_item(digest: Digest) -> None:
    messages = render_digest(digest)
    check(messages)
    assert sum(len(m.embeds) for m in messages) == len(digest.items)


@FAST
@given(digests())
def test_brief_digest_keeps_every_limit_and_every_item(digest: Digest) -> None:
    messages = render_digest(digest, brief=True)
    check(messages)
    names = [f["name"] for m in messages for e in m.embeds for f in e.get("fields", [])]
    assert len(names) == len(digest.items)
    assert all(n.startswith(f"{i}. ") for i, n in enumerate(names, 1))


@FAST
@given(articles(), st.one_of(st.none(), st.integers(1, 50)), st.one_of(st.none(), texts))
def test_article_reply_is_one_message(article: Article, number: int | None, note: str | None) -> None:
    messages = render_reply(ArticleReply(article, number, note))
    check(messages)
    assert len(messages) == 1 and len(messages[0].embeds) == 1


@FAST
@given(texts, st.booleans(), st.lists(hits(), max_size=30))
def test_quotes_reply_keeps_every_limit(query: str, by_phrase: bool, found: list[QuoteHit]) -> None:
    messages = render_reply(QuotesReply(query, by_phrase, tuple(found)))
    check(messages)
    fields = sum(len(e.get("fields", [])) for m in messages for e in m.embeds)
    assert fields == len(found)


@FAST
@given(st.lists(feed_states(), max_size=60), st.one_of(st.none(), texts))
def test_feeds_reply_keeps_every_limit(states: list[FeedState], channel: str | None) -> None:
    check(render_reply(FeedsReply(channel, tuple(states))))


@FAST
@given(texts, st.booleans(), st.booleans())
def test_text_reply_keeps_every_limit(text: str, ephemeral: bool, error: bool) -> None:
    messages = render_reply(TextReply(text, ephemeral, error))
    check(messages)
    assert all(m.ephemeral == (ephemeral or error) for m in messages)


@FAST
@given(texts, st.integers(1, 5000))
def test_fit_never_exceeds_its_limit(text: str, limit: int) -> None:
    assert units(fit(text, limit)) <= limit


def test_feed_text_cannot_ping_or_format() -> None:
    shown = safe("@everyone look: **bold** <@&123456789012345678> [x](https://evil.example)", 500)
    assert "@everyone" not in shown and "@\u200beveryone" in shown
    assert "\\*\\*bold\\*\\*" in shown
    assert "<@\u200b&123456789012345678>" in shown
    assert "\\[x](https://evil.example)" in shown  # an escaped bracket is no link


def test_links_thumbnail_source_and_time_are_shown() -> None:
    article = Article(7, "Courier", "https://news.example/story", "Storm @here", "", NOW, NOW,
                      image="https://img.example/lead.jpg", key_points=("First point.", "Second point."))
    [message] = render_digest(Digest(3, "news", NOW, (DigestItem(1, article),)))
    [embed] = message.embeds
    assert embed["title"] == "1. Storm @\u200bhere"
    assert embed["url"] == "https://news.example/story"
    assert embed["thumbnail"] == {"url": "https://img.example/lead.jpg"}
    assert embed["description"] == "• First point.\n• Second point."
    assert embed["footer"]["text"] == "Courier · 02 Mar 2026 08:00 UTC"
    assert embed["timestamp"] == NOW.isoformat()
    [brief] = render_digest(Digest(3, "news", NOW, (DigestItem(1, article),)), brief=True)
    [field] = brief.embeds[0]["fields"]
    assert field["value"] == "First point.\n[Courier · 02 Mar 2026 08:00 UTC](https://news.example/story)"


def test_a_big_digest_is_split_across_messages() -> None:
    article = Article(1, "Courier", "https://news.example/s", "T" * 300, "", NOW, NOW,
                      key_points=tuple("word " * 300 for _ in range(6)))
    digest = Digest(1, "news", NOW, tuple(DigestItem(n, article) for n in range(1, 31)))
    messages = render_digest(digest)
    check(messages)
    assert len(messages) > 3 and messages[0].content and all(m.content is None for m in messages[1:])
