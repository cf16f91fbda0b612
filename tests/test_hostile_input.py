"""Property-based tests: whatever a user types or a feed sends, the front ends answer without raising."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import Services
from bot.commands import Commands, Invocation, TextReply
from bot.feeds.parse import FeedParseError, parse_feed
from bot.models import Article, Digest, DigestItem
from bot.platforms.console import render_digest, render_reply
from bot.platforms.console.render import ConsoleSender

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(['"', "NEAR(a b)", "a OR b", "*", "title:x", "'; DROP TABLE quotes; --", "\x00\x1b[2J",
                     "https://user:pw@news.example/a", "\u202eevil\u202c", "@everyone", "x" * 10_000, "🙂" * 50,
                     "²", "#٣"]),
)
COMMANDS = st.sampled_from(["/summary", "/who-said", "/feeds", "/feeds add", "/feeds remove", "/digest", "/help",
                            "/nonsense", ""])


@pytest.fixture
async def commands(services: Services) -> Commands:
    await services.refresh()
    services.make_digest("news")
    return Commands(services)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=COMMANDS, argument=HOSTILE, admin=st.booleans())
async def test_any_command_line_gets_a_reply(commands: Commands, command: str, argument: str, admin: bool) -> None:
    if command in ("/feeds add", "/digest") and admin:
        admin = False  # these would poll or post for real; their refusals are still exercised
    reply = await commands.run_line(Invocation("news", admin), f"{command} {argument}")
    text = render_reply(reply)
    assert isinstance(text, str)
    assert "Traceback" not in text and "sqlite" not in text.lower() and "fts5" not in text.lower()
    if isinstance(reply, TextReply) and reply.error:
        assert len(reply.text) < 300


@settings(max_examples=200, deadline=None)
@given(data=st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda head, body: head + body, st.sampled_from([
        b"<?xml version='1.0'?><rss version='2.0'><channel>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
        b"<?xml version='1.0' encoding='latin-1'?><rss><channel><item><title>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    ]), st.binary(max_size=500)),
))
def test_feed_parsing_front_end_either_parses_or_says_why(data: bytes) -> None:
    try:
        parsed = parse_feed(data, base_url="https://feeds.example/rss")
    except FeedParseError as exc:
        assert exc.reason
    else:
        assert all(isinstance(e.title, str) for e in parsed.entries)


def _digest(title: str, point: str) -> Digest:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    article = Article(1, "Feed \x1b[31m", "https://news.example/a", title, "", now, now, key_points=(point,))
    return Digest(1, "news", now, (DigestItem(1, article),))


@given(title=HOSTILE, point=HOSTILE)
def test_terminal_output_has_no_control_or_direction_characters(title: str, point: str) -> None:
    for text in (*ConsoleSender().render(_digest(title, point)), render_digest(_digest("ok", "ok"))):
        assert isinstance(text, str)
    out = ConsoleSender().render(_digest(title, point))[0]
    assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x7f\x9b")
