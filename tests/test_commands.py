"""The command handlers every platform shares, on a store filled from local fixture feeds."""

from __future__ import annotations

import pytest

from bot.app import Services
from bot.commands import (
    ArticleReply,
    Commands,
    DigestReply,
    FeedsReply,
    Invocation,
    QuotesReply,
    TextReply,
)
from bot.platforms.console import render_reply

NEWS = Invocation("news", can_manage=False)
ADMIN = Invocation("news", can_manage=True)


@pytest.fixture
async def commands(services: Services) -> Commands:
    await services.refresh()
    return Commands(services)


async def test_summary_before_any_digest(commands: Commands) -> None:
    reply = await commands.summary(NEWS)
    assert isinstance(reply, TextReply) and "No digest" in reply.text


async def test_summary_of_latest_digest_and_of_an_item(commands: Commands, services: Services) -> None:
    digest = services.make_digest("news")
    assert digest is not None and len(digest.items) == 2
    reply = await commands.summary(NEWS)
    assert isinstance(reply, DigestReply) and reply.brief and reply.digest.id == digest.id
    item = await commands.summary(NEWS, "2")
    assert isinstance(item, ArticleReply) and item.number == 2
    assert item.article.key_points and "Scroll to Top" not in " ".join(item.article.key_points)
    missing = await commands.summary(NEWS, "7")
    assert isinstance(missing, TextReply) and "items 1 to 2" in missing.text
    # digits int() refuses ("²", Arabic-Indic "٣") are words to search, not item numbers
    for odd in ("²", "#٣"):
        reply = await commands.summary(NEWS, odd)
        assert isinstance(reply, TextReply) or (isinstance(reply, ArticleReply) and reply.number is None)


async def test_summary_by_words(commands: Commands) -> None:
    reply = await commands.summary(NEWS, "apple frost")
    assert isinstance(reply, ArticleReply) and "apple" in reply.article.title.lower()
    none = await commands.summary(NEWS, "zeppelin")
    assert isinstance(none, TextReply) and "No stored article" in none.text


async def test_summary_refuses_links_it_must_not_fetch(commands: Commands) -> None:
    for url in ("file:///etc/passwd", "ftp://x.example/a", "https://user:pw@x.example/a"):
        reply = await commands.summary(NEWS, url)
        assert isinstance(reply, TextReply) and reply.error


async def test_who_said_person_and_phrase(commands: Commands) -> None:
    reply = await commands.who_said(NEWS, "Vogt")
    assert isinstance(reply, QuotesReply) and not reply.by_phrase and reply.hits
    assert {h.quote.speaker for h in reply.hits} == {"Lena Vogt"}
    assert any("safe bridge" in h.quote.content for h in reply.hits)
    phrase = await commands.who_said(NEWS, "“nobody has counted”")
    assert isinstance(phrase, QuotesReply) and phrase.by_phrase
    assert [h.quote.speaker for h in phrase.hits] == ["Marek Olsen"]
    nobody = await commands.who_said(NEWS, "Zorro")
    assert isinstance(nobody, QuotesReply) and nobody.hits == ()
    assert not nobody.by_phrase  # the reply says no one of that name was quoted, not that a phrase was sought
    words = await commands.who_said(NEWS, "nobody has counted")
    assert isinstance(words, QuotesReply) and words.by_phrase
    assert [h.quote.speaker for h in words.hits] == ["Marek Olsen"]


@pytest.mark.parametrize("text", ["", "   ", '"', "NEAR(", "x" * 10_000, "'; DROP TABLE quotes; --", "\u202e\u200b"])
async def test_hostile_arguments_get_a_reply(commands: Commands, text: str) -> None:
    for reply in (await commands.who_said(NEWS, text), await commands.summary(NEWS, text),
                  await commands.feeds(ADMIN, "remove", text)):
        assert isinstance(reply, TextReply | QuotesReply | DigestReply | ArticleReply)


async def test_managing_needs_permission(commands: Commands) -> None:
    for reply in (await commands.digest(NEWS), await commands.feeds(NEWS, "add", "https://x.example/rss")):
        assert isinstance(reply, TextReply) and reply.ephemeral and "Only admins" in reply.text


async def test_digest_now_and_nothing_new(commands: Commands) -> None:
    first = await commands.digest(ADMIN)
    assert isinstance(first, DigestReply) and len(first.digest.items) == 2
    again = await commands.digest(ADMIN)
    assert isinstance(again, TextReply) and "Nothing new" in again.text


async def test_feeds_list_remove_and_unknown_action(commands: Commands) -> None:
    listed = await commands.feeds(NEWS)
    assert isinstance(listed, FeedsReply) and [f.name for f in listed.feeds] == ["Riverside Courier"]
    assert listed.feeds[0].last_success is not None
    other = await commands.feeds(Invocation("sport"))
    assert isinstance(other, FeedsReply) and other.feeds == ()
    bad = await commands.feeds(ADMIN, "explode")
    assert isinstance(bad, TextReply) and bad.error
    gone = await commands.feeds(ADMIN, "remove", "riverside courier")
    assert isinstance(gone, TextReply) and "Removed" in gone.text
    after = await commands.feeds(NEWS)
    assert isinstance(after, FeedsReply) and after.feeds == ()


async def test_run_line_parses_like_a_chat_client(commands: Commands, services: Services) -> None:
    services.make_digest("news")
    assert isinstance(await commands.run_line(NEWS, "/summary 1"), ArticleReply)
    assert isinstance(await commands.run_line(NEWS, '/who-said "safe bridge"'), QuotesReply)
    assert isinstance(await commands.run_line(NEWS, "/feeds list"), FeedsReply)
    help_reply = await commands.run_line(NEWS, "/help")
    assert isinstance(help_reply, TextReply) and "/who-said" in help_reply.text
    unknown = await commands.run_line(NEWS, "/launch rockets")
    assert isinstance(unknown, TextReply) and unknown.error


def test_empty_quote_replies_say_what_was_sought() -> None:
    person = render_reply(QuotesReply("Zorro", False, ()))
    assert person == "No one called “Zorro” is quoted, and no stored quote contains those words."
    phrase = render_reply(QuotesReply("safe bridge", True, ()))
    assert phrase == "No stored quote contains “safe bridge”."


def test_the_terminal_never_breaks_a_hyphenated_word_across_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from bot.models import Article
    point = ("The opening show brings together 32 new paintings by Joaquim Reyes-Tan, a harbour artist who "
             "spent a four-year stretch sketching the working quay from the lighthouse gallery.")
    article = Article(1, "Harbour Gazette", "https://gazette.example/a", "Lighthouse reopens", "text",
                      None, datetime(2026, 11, 20, tzinfo=UTC), key_points=(point,))
    for columns in range(40, 101):
        monkeypatch.setenv("COLUMNS", str(columns))
        shown = render_reply(ArticleReply(article))
        assert "Reyes-Tan" in shown and "four-year" in shown, columns
        assert all(not line.rstrip().endswith("-") for line in shown.splitlines()), columns
