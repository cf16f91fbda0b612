"""Turn feed bytes (RSS 2.0, RSS 1.0, Atom) into a ``ParsedFeed`` of plain-text entries, newest first.

Well-formed RSS 2.0, RSS 1.0 and Atom 1.0 go through parse_fast (lxml), several times faster than
feedparser; everything else (malformed XML, old or odd formats) goes through feedparser, which recovers
what it can and says what is wrong. Both paths give the same result for the documents the fast one
takes (tests/feeds/test_feeds_parse_fast.py compares them). fastfeedparser was measured as well, but
drops the RSS ``<language>`` and ``dc:language``, leaves relative links unresolved and returns a silently
truncated feed for malformed XML.
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.feeds.parse_fast import RawEntry, RawFeed, Unsupported, read_feed
from bot.models import Entry, ParsedFeed

__all__ = ["FeedParseError", "ParseError", "html_to_text", "join_link", "parse_feed"]


class ParseError(Exception):
    """A document could not be turned into data; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FeedParseError(ParseError):
    """The bytes are not a usable feed."""


_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure"),
        *("footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "table", "td", "th", "tr", "ul"),
    }
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title"})
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[\s?]")
# Complaints about the HTTP metadata, not the document: with no entries they mean "not a feed".
_SOFT_BOZO = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_HTML_HEAD = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str, *, paragraphs: bool = False) -> str:
    """Strip tags and decode entities; keep blank lines between blocks if ``paragraphs``, else one line."""
    if "<" in html or "&" in html:
        parts = _simple_html_parts(html)
        if parts is None:
            collector = _TextCollector()
            collector.feed(html)
            collector.close()
            parts = collector.parts
        html = "".join(parts)
    if not paragraphs or "\n" not in html:
        return " ".join(html.split())
    blocks = []
    for block in _BLANK_LINE.split(html):
        if "\n" in block:
            block = "\n".join([line for line in [" ".join(ln.split()) for ln in block.split("\n")] if line])
        else:
            block = " ".join(block.split())
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A start or end tag with well-formed attributes: what the simple path below takes; all else goes to HTMLParser.
_SIMPLE_TAG = re.compile(
    r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(/?)>"""
)
# What a tag leaves in the text: (start tag, self-closing start tag, end tag); other tags leave nothing.
_TAG_SEPARATORS = {**{t: ("\n\n", "\n\n\n\n", "\n\n") for t in _BLOCK_TAGS}, "br": ("\n", "\n", "")}
_NO_SEPARATOR = ("", "", "")


def _simple_html_parts(html: str) -> list[str] | None:
    """The pieces _TextCollector would collect, for plain markup (most feed summaries); None otherwise.

    A regex pass is several times faster than HTMLParser; anything it is unsure of (comments, CDATA,
    skipped elements, odd tag names, a stray "<") returns None so that HTMLParser decides. Entities are
    decoded in each run of text on its own, as HTMLParser does.
    """
    # split() gives the text before the first tag, then per tag its three groups (end slash, name,
    # self-closing slash) and the text after it.
    pieces = _SIMPLE_TAG.split(html)
    if "<" in "".join(pieces[::4]):
        return None
    parts = [unescape(pieces[0])] if pieces[0] else []
    for i in range(1, len(pieces), 4):
        name = pieces[i + 1].lower()
        if name in _SKIP_TAGS:
            return None
        separators = _TAG_SEPARATORS.get(name, _NO_SEPARATOR)
        separator = separators[2] if pieces[i] else separators[1] if pieces[i + 2] else separators[0]
        if separator:
            parts.append(separator)
        if text := pieces[i + 3]:
            parts.append(unescape(text))
    return parts


def parse_feed(data: bytes, *, base_url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document; raise ``FeedParseError`` if it is not a feed or too broken to yield entries.

    ``base_url`` is where the bytes came from (the final URL after redirects, or a local file's path or
    ``file://`` URL); relative links are resolved against it. ``content_type`` is the HTTP header, which
    weighs in on the character encoding. A feed that parses with errors but still yields entries is kept;
    one that yields none is an error. DTDs declaring entities are refused outright.
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError("parse_feed takes bytes; a str would be fetched by feedparser as a URL")
    if not data.strip():
        raise FeedParseError("empty document")
    if _declares_entities(data):
        raise FeedParseError("XML entity declarations are not allowed")
    base = _base_uri(base_url)
    try:
        raw = read_feed(bytes(data), base)
    except Unsupported:
        return _parse_with_feedparser(data, base, content_type)
    return _from_raw(raw)


def _from_raw(raw: RawFeed) -> ParsedFeed:
    return ParsedFeed(
        title=_raw_text(raw.title, raw.title_html) or None,
        link=raw.link,
        language=raw.language,
        entries=tuple(_newest_first([_raw_entry(e) for e in raw.entries])),
    )


def _raw_text(value: str, is_html: bool, *, paragraphs: bool = False) -> str:
    if is_html:
        return html_to_text(value, paragraphs=paragraphs)
    return html_to_text(value.replace("&", "&amp;").replace("<", "&lt;"), paragraphs=paragraphs)


def _raw_entry(e: RawEntry) -> Entry:
    html = [v for kind, v in e.content if "html" in kind]
    return Entry(
        guid=e.guid,
        link=e.link,
        title=_raw_text(e.title, e.title_html),
        summary=_raw_text(e.summary, e.summary_html, paragraphs=True),
        content="\n".join(v for v in (html or [v for _, v in e.content]) if v.strip()),
        published=e.published,
        author=_clean(e.author),
        image=e.images[0] if e.images else None,
        language=e.language,
    )


def _parse_with_feedparser(data: bytes, base: str, content_type: str | None) -> ParsedFeed:
    """Parse with feedparser: slower, but it takes any feed and recovers what it can from broken ones."""
    headers = {}
    if content_type:
        headers["content-type"] = content_type
    if urlsplit(base).scheme in ("http", "https"):
        # feedparser mangles file:// bases (file:///a/b becomes file://a/b), so those are joined below only.
        headers["content-location"] = base
    fp = feedparser.parse(
        bytes(data), response_headers=headers, sanitize_html=True, resolve_relative_uris=True
    )
    if not fp.entries:
        _raise_if_not_feed(fp, data, content_type)
    feed = fp.feed
    language = _clean(feed.get("language"))
    entries = [_entry(e, base, language) for e in fp.entries]
    return ParsedFeed(
        title=_text(feed.get("title"), feed.get("title_detail")) or None,
        link=join_link(base, feed.get("link")),
        language=language,
        entries=tuple(_newest_first(entries)),
    )


def _raise_if_not_feed(fp: Any, data: bytes, content_type: str | None) -> None:
    exc = fp.get("bozo_exception")
    broken = bool(fp.get("bozo")) and not isinstance(exc, _SOFT_BOZO)
    if fp.get("version") and not broken:
        return  # a well-formed feed that has no items right now
    if _HTML_HEAD.match(data[:4096]) or (content_type or "").split(";")[0].strip() == "text/html":
        raise FeedParseError("not a feed: looks like HTML")
    if broken:
        # feedparser puts an XML declaration on its own line before a document that has none.
        shift = 0 if _XML_DECLARATION.match(data[:256]) else 1
        raise FeedParseError(_bozo_reason(exc, shift))
    raise FeedParseError("not a feed: no RSS or Atom root element")


def _bozo_reason(exc: BaseException | None, shift: int) -> str:
    if exc is None:
        return "malformed feed"
    line = getattr(exc, "getLineNumber", None)
    message = getattr(exc, "getMessage", None)
    if callable(line) and callable(message):
        return f"malformed XML at line {max(1, line() - shift)}: {message()}"
    return f"malformed feed: {exc}"


def _declares_entities(data: bytes) -> bool:
    head = data[:65536]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<\x00" in head[:64] or b"<\x00!\x00" in head[:64]:
        codec = "utf-16-le" if head[:2] == b"\xff\xfe" or head[:1] == b"<" else "utf-16-be"
        head = head.decode(codec, errors="ignore").encode("utf-8", errors="ignore")
    doctype = re.search(rb"<!DOCTYPE", head, re.IGNORECASE)
    if doctype is None:
        return False
    end = head.find(b"]>", doctype.end())
    subset = head[doctype.end() : end if end != -1 else len(head)]
    return b"<!ENTITY" in subset


def _base_uri(base_url: str) -> str:
    scheme = urlsplit(base_url).scheme
    if scheme == "" or (len(scheme) == 1 and base_url[1:2] == ":"):
        return Path(base_url).expanduser().resolve().as_uri()
    return base_url


def join_link(base: str, link: object) -> str | None:
    """`link` resolved against `base`; None when it is not a non-empty string."""
    if not isinstance(link, str) or not link.strip():
        return None
    return urljoin(base, link.strip())


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _text(value: object, detail: object = None, *, paragraphs: bool = False) -> str:
    if not isinstance(value, str):
        return ""
    kind = detail.get("type") if isinstance(detail, Mapping) else None
    if kind == "text/plain":
        return html_to_text(value.replace("&", "&amp;").replace("<", "&lt;"), paragraphs=paragraphs)
    return html_to_text(value, paragraphs=paragraphs)


def _entry(e: Any, base: str, feed_language: str | None) -> Entry:
    detail = e.get("author_detail")
    author = _clean(detail.get("name")) if isinstance(detail, Mapping) else None
    title_detail = e.get("title_detail")
    language = None
    if isinstance(title_detail, Mapping):
        language = _clean(title_detail.get("language"))
    return Entry(
        guid=_clean(e.get("id")),
        link=join_link(base, e.get("link")),
        title=_text(e.get("title"), title_detail),
        summary=_text(e.get("summary"), e.get("summary_detail"), paragraphs=True),
        content=_content(e.get("content")),
        published=_when(e.get("published_parsed") or e.get("updated_parsed")),
        author=author or _clean(_text(e.get("author"))),
        image=_image(e, base),
        language=language or feed_language,
    )


def _content(blocks: object) -> str:
    if not isinstance(blocks, list):
        return ""
    values = [b.get("value", "") for b in blocks if isinstance(b, Mapping)]
    html = [b.get("value", "") for b in blocks if isinstance(b, Mapping) and "html" in str(b.get("type"))]
    return "\n".join(v for v in (html or values) if isinstance(v, str) and v.strip())


def _when(parsed: object) -> datetime | None:
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _image(e: Any, base: str) -> str | None:
    def candidates() -> Iterable[str | None]:
        for media in e.get("media_content") or ():
            kind = str(media.get("medium") or media.get("type") or "")
            if kind == "image" or kind.startswith("image/") or _IMAGE_EXT.search(str(media.get("url", ""))):
                yield media.get("url")
        for thumb in e.get("media_thumbnail") or ():
            yield thumb.get("url")
        for enclosure in e.get("enclosures") or ():
            if str(enclosure.get("type", "")).startswith("image/"):
                yield enclosure.get("href") or enclosure.get("url")

    for url in candidates():
        joined = join_link(base, url)
        if joined:
            return joined
    return None


def _newest_first(entries: list[Entry]) -> list[Entry]:
    # Undated entries keep their document order, after the dated ones.
    return sorted(entries, key=lambda en: (en.published is None, -(en.published or _EPOCH).timestamp()))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
