"""Tests of feed parsing: formats, text cleaning, links, dates, images, languages and bad input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.feeds.parse import FeedParseError, ParseError, html_to_text, parse_feed

Load = Callable[[str], bytes]


def test_rss2(fixture_bytes: Load) -> None:
    feed = parse_feed(fixture_bytes("rss2.xml"), base_url="https://gazette.example.org/feed/")
    assert (feed.title, feed.link, feed.language) == (
        "Harbour Town Gazette",
        "https://gazette.example.org/",
        "en-GB",
    )
    market, ferry, lighthouse = feed.entries  # newest first, whatever the document order
    assert ferry.title == "Ferry timetable & fares change in spring"
    assert ferry.summary == "The council approved new fares — see inside."
    assert ferry.content.startswith("<p>The council approved new ferry fares")
    assert ferry.guid == "gazette-1001"
    assert ferry.link == "https://gazette.example.org/news/ferry-timetable"
    assert ferry.author == "Mira Olsen"
    assert ferry.published == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert ferry.image == "https://cdn.example.org/img/ferry.jpg"  # media:content
    assert ferry.language == "en-GB"
    assert lighthouse.image == "https://cdn.example.org/img/lighthouse.png"  # image enclosure
    assert market.image == "https://gazette.example.org/img/market-thumb.jpg"  # relative media:thumbnail
    assert market.link == "https://gazette.example.org/feed/news/market?id=7"
    assert market.guid is None


def test_rss1(fixture_bytes: Load) -> None:
    feed = parse_feed(fixture_bytes("rss1.rdf"), base_url="https://valley.example.net/rss")
    assert feed.title == "Valley Notes" and feed.language == "de"
    assert [e.title for e in feed.entries] == ["Snow closes pass", "Bridge inspection finished"]
    assert feed.entries[1].published == datetime(2025, 2, 1, 8, 0, tzinfo=UTC)
    assert feed.entries[0].link == "https://valley.example.net/a/2"


def test_atom(fixture_bytes: Load) -> None:
    feed = parse_feed(fixture_bytes("atom.xml"), base_url="https://lac.example.com/feed.atom")
    assert feed.language == "fr"
    niveau, cygnes = feed.entries
    assert cygnes.title == "Les cygnes reviennent"
    assert cygnes.link == "https://lac.example.com/articles/cygnes.html"
    assert cygnes.summary == "Retour des cygnes sur le lac."
    assert "Deuxième paragraphe" in cygnes.content
    assert cygnes.author == "Jeanne Roux"
    assert cygnes.published == datetime(2025, 1, 9, 8, 0, tzinfo=UTC)  # <updated> when no <published>
    assert niveau.published == datetime(2025, 1, 10, 10, 0, tzinfo=UTC)  # <published> wins over <updated>


def test_atom_plain_text_title_keeps_angle_brackets() -> None:
    data = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>x</id>'
        b'<title type="text">Why 3 &lt; 4 matters</title><link href="https://e.example/a"/></entry></feed>'
    )
    assert parse_feed(data, base_url="https://e.example/").entries[0].title == "Why 3 < 4 matters"


@pytest.mark.parametrize(
    "content_type",
    [None, "application/xml", "text/xml", "text/xml; charset=utf-8", "application/rss+xml; charset=utf-8"],
)
def test_encoding_declared_in_prolog(fixture_bytes: Load, content_type: str | None) -> None:
    feed = parse_feed(
        fixture_bytes("latin1.xml"), base_url="http://cafe.example.org/rss", content_type=content_type
    )
    assert feed.title == "Café Chronicle"
    assert feed.entries[0].title == "Crème brûlée wins the vote"
    assert feed.entries[0].summary == "Naïve voters chose the dessert."


def test_local_feed_links_resolve_under_its_folder(tmp_path: Path) -> None:
    data = (
        b"<rss version='2.0'><channel><title>Local</title>"
        b"<item><title>One</title><link>articles/one.html</link></item>"
        b"<item><title>Two</title><link>https://elsewhere.example/two</link></item></channel></rss>"
    )
    folder = tmp_path / "samples"
    by_path = parse_feed(data, base_url=str(folder / "feed.xml"))
    by_url = parse_feed(data, base_url=(folder / "feed.xml").as_uri())
    expected = (folder / "articles" / "one.html").as_uri()
    assert [e.link for e in by_path.entries] == [expected, "https://elsewhere.example/two"]
    assert [e.link for e in by_url.entries] == [expected, "https://elsewhere.example/two"]


def test_well_formed_feed_without_items_is_empty_not_an_error() -> None:
    feed = parse_feed(
        b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", base_url="http://q/"
    )
    assert feed.title == "Quiet" and feed.entries == ()


def test_undated_entries_follow_dated_ones_in_document_order() -> None:
    data = (
        b"<rss version='2.0'><channel><title>T</title>"
        b"<item><title>A</title><link>http://e/a</link></item>"
        b"<item><title>B</title><link>http://e/b</link>"
        b"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>"
        b"<item><title>C</title><link>http://e/c</link></item></channel></rss>"
    )
    assert [e.title for e in parse_feed(data, base_url="http://e/").entries] == ["B", "A", "C"]


def test_broken_feed_with_entries_keeps_them() -> None:
    data = (
        b"<rss version='2.0'><channel><title>T</title>"
        b"<item><title>Kept</title><link>http://e/kept</link></item>"
        b"<item><title>Bad &nbsp; entity</title><link>http://e/bad</link></item></channel></rss>"
    )
    feed = parse_feed(data, base_url="http://e/")
    assert [e.link for e in feed.entries] == ["http://e/kept", "http://e/bad"]


def test_malformed_xml_is_an_error_with_its_line(fixture_bytes: Load) -> None:
    with pytest.raises(FeedParseError) as info:
        parse_feed(fixture_bytes("malformed.xml"), base_url="http://e/")
    assert info.value.reason.startswith("malformed XML at line 4")
    assert isinstance(info.value, ParseError)


@pytest.mark.parametrize("content_type", [None, "text/html; charset=utf-8"])
def test_html_page_is_not_a_feed(fixture_bytes: Load, content_type: str | None) -> None:
    with pytest.raises(FeedParseError, match="not a feed: looks like HTML"):
        parse_feed(fixture_bytes("page.html"), base_url="http://e/", content_type=content_type)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b"   \n", "empty document"),
        (b'{"items": []}', "malformed XML at line 1"),
        (b"<note><to>nobody</to></note>", "not a feed: no RSS or Atom root element"),
    ],
)
def test_other_non_feeds(data: bytes, reason: str) -> None:
    with pytest.raises(FeedParseError) as info:
        parse_feed(data, base_url="http://e/")
    assert info.value.reason.startswith(reason)


@pytest.mark.parametrize("name", ["bomb.xml", "xxe.xml"])
def test_entity_declarations_are_refused(fixture_bytes: Load, name: str) -> None:
    with pytest.raises(FeedParseError, match="entity declarations are not allowed"):
        parse_feed(fixture_bytes(name), base_url="http://e/")


def test_entity_declarations_in_utf16_are_refused(fixture_bytes: Load) -> None:
    data = fixture_bytes("xxe.xml").decode("utf-8").encode("utf-16")
    with pytest.raises(FeedParseError, match="entity declarations"):
        parse_feed(data, base_url="http://e/")


def test_doctype_without_entities_is_fine() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b"<rss version='0.91'><channel><title>Old</title><item><title>Still here</title>"
        b"<link>http://old.example/1</link></item></channel></rss>"
    )
    assert parse_feed(data, base_url="http://old.example/").entries[0].title == "Still here"


def test_str_input_is_refused() -> None:
    with pytest.raises(TypeError):
        parse_feed("https://example.org/feed", base_url="http://e/")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("html", "paragraphs", "text"),
    [
        ("<p>One &amp; <b>two</b></p><p>three</p>", False, "One & two three"),
        ("<p>One &amp; <b>two</b></p><p>three</p>", True, "One & two\n\nthree"),
        ("line<br>next", True, "line\nnext"),
        ("<script>var x = 1;</script><p>Seen</p><style>p{}</style>", False, "Seen"),
        ("plain  text\n with   spaces", False, "plain text with spaces"),
        ("&eacute;t&eacute; &#8212; &#x2019;", False, "été — ’"),
    ],
)
def test_html_to_text(html: str, paragraphs: bool, text: str) -> None:
    assert html_to_text(html, paragraphs=paragraphs) == text
