"""The lxml reader gives what feedparser gives, for every document it takes; it hands the rest back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.feeds import parse
from bot.feeds.parse_fast import Unsupported, read_feed

Load = Callable[[str], bytes]

RSS_HEAD = (
    b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'"
    b" xmlns:media='http://search.yahoo.com/mrss/' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
    b"<channel><title>Quay &amp; Dock</title><link>/home</link>"
)
ATOM_HEAD = b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Dock log</title>"

DOCUMENTS = {
    "author in parentheses, guid as link": RSS_HEAD + (
        b"<item><title>Nets mended</title><guid>https://dock.example/nets</guid>"
        b"<author>Ola Brekke</author><pubDate>Thu, 06 Mar 2025 10:00:00 +0200</pubDate>"
        b"<description>Plain words &amp; no tags</description></item>"
        b"<item><title>Crane &lt;b&gt;fixed&lt;/b&gt;</title><link>cranes/1</link>"
        b"<guid isPermaLink='false'>crane-1</guid><dc:creator>Ada Quill</dc:creator>"
        b"<description><![CDATA[<p>First.</p><p>Second &mdash; third.</p>]]></description>"
        b"<media:group><media:content url='/img/crane.webp'/></media:group>"
        b"<enclosure url='https://cdn.dock.example/a.mp3' type='audio/mpeg'/></item></channel></rss>"
    ),
    "channel language and dates in other forms": RSS_HEAD.replace(
        b"<title>", b"<dc:language>nb</dc:language><title>", 1
    ) + (
        b"<item><title>Tide</title><link>https://dock.example/tide</link>"
        b"<dc:date>2025-03-01T06:30:00Z</dc:date></item>"
        b"<item><title>Fog</title><link>https://dock.example/fog</link>"
        b"<pubDate>Sat, 01 Mar 2025 07:00:00 GMT</pubDate><content:encoded>&lt;p&gt;Thick.&lt;/p&gt;</content:encoded>"
        b"</item></channel></rss>"
    ),
    "atom text kinds, content without summary, xml:base": ATOM_HEAD + (
        b"<link href='https://dock.example/'/>"
        b"<entry xml:lang='sv' xml:base='https://dock.example/sv/'><id>e1</id>"
        b"<title type='text'>3 &lt; 4 on the quay</title><link href='posts/1'/>"
        b"<updated>2025-03-02T08:00:00+01:00</updated><author><name>Sven Ek</name></author>"
        b"<content type='html'>&lt;p&gt;Only content.&lt;/p&gt;</content></entry>"
        b"<entry><id>e2</id><title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>Bold <b>move</b></div>"
        b"</title><link rel='self' href='https://dock.example/self'/><link href='https://dock.example/2'/>"
        b"<summary>Short &amp; plain.</summary><published>2025-03-03T08:00:00Z</published></entry></feed>"
    ),
}


def test_author_with_email_gives_the_name() -> None:
    # feedparser cuts this one up ("ple (Ola Brekke"); the fast reader takes the name.
    data = RSS_HEAD + b"<item><title>T</title><author>keeper@dock.example (Ola Brekke)</author></item></channel></rss>"
    assert parse.parse_feed(data, base_url="https://dock.example/").entries[0].author == "Ola Brekke"


def _both(data: bytes, base: str) -> tuple[object, object]:
    fast = parse.parse_feed(data, base_url=base)
    slow = parse._parse_with_feedparser(data, base, None)
    return fast, slow


@pytest.mark.parametrize("name", ["rss2.xml", "rss1.rdf", "atom.xml", "latin1.xml"])
def test_fixtures_read_alike(fixture_bytes: Load, name: str) -> None:
    read_feed(fixture_bytes(name), "https://e.example/feed")  # taken by the fast reader, not handed back
    fast, slow = _both(fixture_bytes(name), "https://e.example/feed")
    assert fast == slow


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_documents_read_alike(name: str) -> None:
    read_feed(DOCUMENTS[name], "https://dock.example/feed.xml")
    fast, slow = _both(DOCUMENTS[name], "https://dock.example/feed.xml")
    assert fast == slow


@pytest.mark.parametrize(
    "data",
    [
        b"<rss version='2.0'><channel><title>T</title><item><title>A &nbsp; b</title></item></channel></rss>",
        b"<rss version='2.0'><channel><title>T</title><item><title>cut",
        b"<html><body>not a feed</body></html>",
        b"<feed xmlns='http://purl.org/atom/ns#'><title>Atom 0.3</title></feed>",
        b"<rss version='2.0'><channel><item><title>x</title><pubDate>last Tuesday</pubDate></item></channel></rss>",
    ],
)
def test_what_it_does_not_take_is_handed_back(data: bytes) -> None:
    with pytest.raises(Unsupported):
        read_feed(data, "https://e.example/")


_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<br/>", "<p/>", "<b>", "</b>", "<DIV class='x'>", "</div>", "<a href=\"/x?a=1&amp;b\">",
    "</a>", "<li>", "<script>", "</script>", "<!-- c -->", "<o:p>", "&amp;", "&mdash;", "&#8212;", "&nbsp", "&",
    "<", ">", " ", "\n", "word", "Zoë", "3 < 4", "<img src='a.png' alt=\"a > b\">", "<h2 id=t>", "</h2>",
])


@given(st.lists(_PIECES, max_size=30))
@settings(max_examples=300, deadline=None)
def test_simple_html_path_matches_htmlparser(pieces: list[str]) -> None:
    html = "".join(pieces)
    simple = parse._simple_html_parts(html)
    if simple is not None:
        collector = parse._TextCollector()
        collector.feed(html)
        collector.close()
        assert "".join(simple) == "".join(collector.parts)


def test_simple_html_path_takes_plain_markup_and_leaves_the_rest() -> None:
    assert parse._simple_html_parts("<p>One &amp; <b>two</b></p><br/>three") == [
        "\n\n", "One & ", "two", "\n\n", "\n", "three"]
    assert parse._simple_html_parts("<p>a</p><!-- note -->") is None
    assert parse._simple_html_parts("<script>x</script>") is None
