"""Block Kit renderers: every Slack limit holds and no mention or markup survives, whatever the feed says."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import ArticleReply, DigestReply, FeedsReply, QuotesReply, Reply, TextReply
from bot.models import Article, Digest, DigestItem, Feed, Quote
from bot.platforms.slack import command_text, render_digest, render_reply
from bot.platforms.slack.mrkdwn import FORMATTING, escape, mrkdwn
from bot.platforms.slack.render import (
    FALLBACK_CHARS,
    HEADER_CHARS,
    MAX_BLOCKS,
    SECTION_CHARS,
    Message,
)
from bot.store import FeedState, QuoteHit
from bot.textfmt import utf16_units as units

WHEN = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
HOSTILE = ["<!channel>", "<!here>", "<!everyone>", "<@U0ADMIN>", "<#C0SECRET>", "<!subteam^S0TEAM>",
           "@here", "@channel", "*bold*", "_it_", "~gone~", "`code`", "&amp;", "<https://evil.example|click>",
           "\u200b", "\u200f", "\u202e", "\u2066", "👩‍👩‍👧", "مرحبا", "\n", "|", ">"]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=5), max_size=40).map("".join),
    st.tuples(st.sampled_from([*HOSTILE, "word ", "x"]), st.integers(1, 100_000 // 3)).map(lambda t: t[0] * t[1]),
)
urls = st.one_of(st.none(), st.sampled_from(["https://news.example/a?b=1&c=<2>|3", "javascript:alert(1)",
                                             "file:///etc/passwd", "https://img.example/x.jpg", "https://a b"]))
# A mention, a special command or a link that is not one of ours: what must never reach Slack unescaped.
FORBIDDEN = re.compile(r"<(?!https?://|!date\^\d+\^)|<!(?:channel|here|everyone|subteam)|<[@#]")


def _article(n: int, title: str, text: str, url: str | None = "https://news.example/a",
             image: str | None = None) -> Article:
    return Article(id=n, feed=text[:100], url=url or "", title=title, text=text, published=WHEN, fetched=WHEN,
                   image=image, key_points=(text, title, text[::-1]))


def _mrkdwn_texts(message: Message) -> list[str]:
    out = [message.text]
    for block in message.blocks:
        if block["type"] == "section":
            out.append(block["text"]["text"])
        elif block["type"] == "context":
            out += [e["text"] for e in block["elements"]]
    return out


def check(messages: list[Message]) -> None:
    """Every limit, and no live mention, in every message."""
    assert messages
    for message in messages:
        assert 1 <= len(message.blocks) <= MAX_BLOCKS
        assert 1 <= units(message.text) <= FALLBACK_CHARS
        for block in message.blocks:
            if block["type"] == "header":
                assert 1 <= units(block["text"]["text"]) <= HEADER_CHARS
                assert block["text"]["type"] == "plain_text"
            elif block["type"] == "section":
                assert 1 <= units(block["text"]["text"]) <= SECTION_CHARS
                if "accessory" in block:
                    assert block["accessory"]["image_url"].startswith("https://")
                    assert 1 <= units(block["accessory"]["alt_text"]) <= 2000
            else:
                assert block["type"] == "context" and len(block["elements"]) <= 10
                assert all(1 <= units(e["text"]) <= 3000 for e in block["elements"])
        for text in _mrkdwn_texts(message):
            assert not FORBIDDEN.search(text), text[:200]
            assert "\u202e" not in text
        json.dumps(message.blocks)  # plain JSON


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(texts, texts, urls, urls), min_size=0, max_size=50), st.booleans(), texts)
def test_digest_limits_hold_for_any_text(items: list[tuple[str, str, str | None, str | None]], brief: bool,
                                         channel: str) -> None:
    digest = Digest(7, channel, WHEN, tuple(
        DigestItem(n, _article(n, title, text, url, image)) for n, (title, text, url, image) in enumerate(items, 1)))
    messages = render_digest(digest, brief=brief)
    check(messages)
    shown = " ".join(b["text"]["text"] for m in messages for b in m.blocks if b["type"] == "section")
    assert all(f"*{n}. " in shown for n in range(1, len(items) + 1))  # every item is in some message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts, texts, st.lists(texts, max_size=25))
def test_reply_limits_hold_for_any_text(query: str, text: str, names: list[str]) -> None:
    quote = Quote(speaker=query, source_text=None, source_span=None, cue="said", content=text,
                  content_span=(0, 1), kind="direct")
    hits = tuple(QuoteHit(quote, (), 1, text, "https://news.example/q?a=1&b=2", WHEN) for _ in range(6))
    feeds = tuple(FeedState(Feed(n or "x", "https://feeds.example/" + n, (query,)), "user", None, None, None, True,
                            WHEN, WHEN, text, 3, None, True) for n in names)
    replies: list[Reply] = [TextReply(text), TextReply(query + "\n" + text, error=True), QuotesReply(query, True, hits),
               QuotesReply(query, False, hits), QuotesReply(query, False, ()), FeedsReply(query, feeds),
               ArticleReply(_article(1, query, text), number=3, note=text),
               DigestReply(Digest(1, query, WHEN, (DigestItem(1, _article(1, query, text)),)), brief=True)]
    for reply in replies:
        check(render_reply(reply))


@given(st.text(max_size=200) | st.lists(st.sampled_from([*HOSTILE, *FORMATTING, " ", "a"])).map("".join))
def test_escaped_text_can_neither_mention_nor_format(text: str) -> None:
    out = escape(text)
    assert "<" not in out and ">" not in out
    assert not re.search(r"&(?!amp;|lt;|gt;)", out)
    assert not re.search(r"@(channel|here|everyone)", out, re.I)
    for i, char in enumerate(out):
        if char in FORMATTING:  # only ever between two letters or two spaces, where Slack ignores it
            before, after = (out[i - 1] if i else " "), (out[i + 1] if i + 1 < len(out) else " ")
            assert (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()) or \
                (before.isspace() and after.isspace())


@given(st.text(max_size=2000), st.integers(1, 3000))
def test_mrkdwn_fits_and_never_cuts_an_entity(text: str, limit: int) -> None:
    out = mrkdwn(text, limit)
    assert units(out) <= limit
    assert not re.search(r"&[a-z]*…$", out)


def test_escaping_examples() -> None:
    assert escape("Fish & <chips> for @here") == "Fish &amp; &lt;chips&gt; for @\u2060here"
    assert escape("*Breaking* _news_ ~old~ `x`") == "∗Breaking∗ ˍnewsˍ ∼old∼ ˋxˋ"
    assert escape("snake_case and 2 * 3") == "snake_case and 2 * 3"
    assert escape("<!channel> <@U1> <#C1> <!subteam^S1>") == (
        "&lt;!channel&gt; &lt;@U1&gt; &lt;#C1&gt; &lt;!subteam^S1&gt;")


def test_a_digest_item_links_its_title_and_shows_its_image() -> None:
    article = _article(1, "Harbour *reopens* <today>", "Ships return.", "https://news.example/h?x=1&y=2",
                       "https://img.example/h.jpg")
    blocks: list[dict[str, Any]] = list(render_digest(Digest(3, "news", WHEN, (DigestItem(1, article),)))[0].blocks)
    assert blocks[0]["text"]["text"] == "#news digest · 02 Mar 2026 · 1 article"
    section = blocks[1]
    assert section["text"]["text"].startswith(
        "*1. <https://news.example/h?x=1&amp;y=2|Harbour ∗reopens∗ &lt;today&gt;>*\n• Ships return.")
    assert section["accessory"] == {"type": "image", "image_url": "https://img.example/h.jpg",
                                    "alt_text": "Harbour *reopens* <today>"}
    assert blocks[2]["elements"][0]["text"].startswith("Ships return. · <!date^1772436600^")


def test_a_long_digest_is_split_and_every_part_has_a_header() -> None:
    items = tuple(DigestItem(n, _article(n, f"Story {n}", "word " * 400)) for n in range(1, 51))
    messages = render_digest(Digest(1, "news", WHEN, items))
    assert len(messages) > 1
    assert [m.blocks[0]["text"]["text"] for m in messages][-1].endswith(f"({len(messages)}/{len(messages)})")
    check(messages)


def test_command_text_unwraps_what_slack_encodes() -> None:
    assert command_text("add <https://x.example/rss?a=1&amp;b=2|x.example> Tech &amp; Science") == (
        "add https://x.example/rss?a=1&b=2 Tech & Science")
    assert command_text("<@U123|lena> said &lt;no&gt;") == "lena said <no>"
    assert command_text("<#C1|news> <!subteam^S1|@editors> <!here>") == "news @editors here"
