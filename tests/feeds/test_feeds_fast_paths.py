"""The parser's and dedup's shortcuts give exactly what the general code they bypass gives."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.feeds import dedup, parse, parse_fast

# URLs built from the pieces where the shortcuts and the general code could part ways.
_SCHEMES = st.sampled_from(["http", "https", "HTTP", "Https", "ftp", "tag", "mailto", "file", ""])
_HOSTS = st.sampled_from([
    "example.com", "WWW.Example.com", "www.www.a.example", "a.example.", "127.0.0.1", "[::1]", "host",
    "user:pw@a.example", "café.example", "", "www.", "a..b",
])
_PORTS = st.sampled_from(["", ":80", ":443", ":8001", ":0080", ":", ":x", ":99999"])
_SEGMENTS = st.sampled_from(["a", "B", "", ".", "..", ".hidden", "x;p=1", "caf%c3%a9", "%2f", "a b", "é", "~u"])
_QUERIES = st.sampled_from([
    "", "?", "?a=1", "?b=2&a=1", "?utm_source=x", "?a=%7e&utm_medium=y&", "?ref=1&z", "?q=a?b", "?x=1;y",
])
_FRAGMENTS = st.sampled_from(["", "#", "#top", "#a#b", "#x y"])
_EDGES = st.sampled_from(["", " ", "\t", "\n"])


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(_SCHEMES)
    head = f"{scheme}://" if scheme else draw(st.sampled_from(["", "//", "/"]))
    path = "/".join(draw(st.lists(_SEGMENTS, max_size=4)))
    lead = draw(st.sampled_from(["/", "", "//"]))
    return (draw(_EDGES) + head + draw(_HOSTS) + draw(_PORTS) + lead + path + draw(_QUERIES)
            + draw(_FRAGMENTS) + draw(_EDGES))


@st.composite
def references(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["url", "absolute path", "relative", "scheme only"]))
    path = "/".join(draw(st.lists(_SEGMENTS, max_size=4)))
    tail = draw(_QUERIES) + draw(_FRAGMENTS)
    if kind == "url":
        return draw(urls())
    if kind == "absolute path":
        return "/" + path + tail
    if kind == "relative":
        return path + tail
    return draw(st.sampled_from(["tag:", "TAG:", "urn:uuid:", "mailto:", "http:", "a+b.c-d:", "1a:"])) + path + tail


def _canonical_general(url: str) -> str:
    for _ in range(8):
        again = dedup._canonical_once(url)
        if again == url:
            break
        url = again
    return url


@given(urls())
@settings(max_examples=500, deadline=None)
@example("http://WWW.www.Example.com:0080//a//?b=2&utm_source=x&a=%7e#f")
@example("https://127.0.0.1:8001/articles/3/4.html")
def test_canonical_url_shortcut_matches_the_general_path(url: str) -> None:
    assert dedup.canonical_url(url) == _canonical_general(url)


def test_canonical_url_shortcut_is_taken_for_plain_links() -> None:
    assert dedup._PLAIN_URL.fullmatch("http://127.0.0.1:8001/articles/3/4.html?id=2#c") is not None
    assert dedup._PLAIN_URL.fullmatch("http://user@example.com/a") is None


@given(st.text(alphabet="ab?&=#:/ %\t", max_size=12).map(lambda s: "https://e.example/p" + s))
@settings(max_examples=300, deadline=None)
def test_without_tracking_shortcut_changes_nothing(url: str) -> None:
    assert "?" in url or dedup.without_tracking(url) == url


@given(st.one_of(urls(), st.sampled_from(["", "/", "http://e.example", "C:\\feeds\\a.xml"])), references())
@settings(max_examples=500, deadline=None)
@example("http://127.0.0.1:8001/", "/articles/1/2.html?x=1#y")
@example("http://e.example/feed", "tag:bench,2026:1/2")
def test_urljoin_shortcut_matches_urljoin(base: str, ref: str) -> None:
    try:
        expected: object = urljoin(base, ref)
    except ValueError as exc:
        expected = type(exc)
    try:
        got: object = parse_fast._urljoin(base, ref)
    except ValueError as exc:
        got = type(exc)
    assert got == expected


@st.composite
def rfc822_dates(draw: st.DrawFn) -> str:
    day = draw(st.sampled_from(["", "Sun, ", "Mon,", "xyz, ", "Sunday, "]))
    dd = draw(st.sampled_from(["1", "01", "31", "32", "0", "٣"]))
    month = draw(st.sampled_from(["Mar", "mar", "FEB", "Feb", "June", "Xyz"]))
    year = draw(st.sampled_from(["2026", "1999", "0001", "9999", "0000", "26"]))
    clock = draw(st.sampled_from(["06:00:00", "23:59:59", "24:00:00", "12:60:00", "00:00:60", "6:00:00", "06:00"]))
    zone = draw(st.sampled_from(["GMT", "UT", "UTC", "Z", "+0000", "-0000", "+0530", "-1200", "+2359", "+9999",
                                 "EST", "gmt", "+05", ""]))
    return " ".join(p for p in (day + dd, month, year, clock, zone) if p)


@given(rfc822_dates())
@settings(max_examples=400, deadline=None)
@example("Sun, 01 Mar 2026 06:00:00 GMT")
@example("Sat, 01 Jan 0001 00:30:00 +0100")
def test_date_shortcut_matches_email_utils(value: str) -> None:
    def outcome(read: object) -> object:
        try:
            return read(value)  # type: ignore[operator]
        except Exception as exc:  # the same failure on both sides is agreement too
            return type(exc)

    expected = outcome(lambda v: parse_fast._when_general(v.strip()))  # the values are never blank
    got = outcome(parse_fast._when)
    assert got == expected
    if isinstance(got, datetime):
        assert got.tzinfo is UTC


_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<br/>", "</br>", "<p/>", "</p/>", "<b>", "</b>", "<DIV class='x'>", "</div>", "<li>",
    "<a title=\"<p>\">", "<script>", "<!-- c -->", "&amp;", "&am", "p;", "&#6", "5;", "&nbsp", "<", ">", " ",
    "\n", "\n \n", "\r", "\u2028", "\xa0", "word", "Zoë", "<h2 id=t>", "</h2>", "<title>",
])


def _html_to_text_general(html: str, paragraphs: bool) -> str:
    collector = parse._TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    if not paragraphs:
        return " ".join(text.split())
    blocks = []
    for block in re.split(r"\n[^\S\n]*\n", text):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        blocks.append("\n".join(line for line in lines if line))
    return "\n\n".join(b for b in blocks if b)


@given(st.lists(_PIECES, max_size=30), st.booleans())
@settings(max_examples=400, deadline=None)
@example(["<p>", "One ", "&amp;", " two", "</p>", "<p/>", "three", "<br>", "four"], True)
def test_html_to_text_matches_htmlparser(pieces: list[str], paragraphs: bool) -> None:
    html = "".join(pieces)
    assert parse.html_to_text(html, paragraphs=paragraphs) == _html_to_text_general(html, paragraphs)


@pytest.mark.parametrize(
    ("value", "person"),
    [("Ada Quill", "Ada Quill"), ("ada@dock.example (Ada Quill)", "Ada Quill"),
     ("Ada Quill <ada@dock.example>", "Ada Quill"), ("  ", None), ("a@b", "a@b")],
)
def test_person_names(value: str, person: str | None) -> None:
    assert parse_fast._person(value) == person
