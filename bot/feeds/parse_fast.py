"""A fast reader for well-formed RSS 2.0, RSS 1.0 and Atom 1.0 documents, built on lxml.

``read_feed`` returns the raw fields of a feed the way feedparser would report them (title, link,
language, and per entry id, link, title, summary, content, dates, author, image candidates), or raises
``Unsupported`` for anything it does not handle exactly: malformed XML, another root element, RSS 0.90,
Atom 0.3, text it cannot decode. parse.py then falls back to feedparser, which tolerates all of those and
gives the precise error messages. The XML parser resolves no entities and loads nothing from the network;
parse.py refuses documents declaring entities before either parser sees them.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

from lxml import etree  # type: ignore[import-untyped]

__all__ = ["RawEntry", "RawFeed", "Unsupported", "read_feed"]

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# feedparser's test for "this RSS text is HTML": a closing tag or an entity reference.
_LOOKS_HTML = re.compile(r"</\w+>|&#?\w+;")
_NAME_IN_PARENS = re.compile(r"^\s*(\S+@\S+)\s*\((.+)\)\s*$")
_NAME_BEFORE_ANGLE = re.compile(r"^\s*(.+?)\s*<\S+@\S+>\s*$")

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
    remove_pis=True, strip_cdata=True,
)


class Unsupported(Exception):
    """The fast reader does not handle this document; use the general parser."""


@dataclass(slots=True)
class RawEntry:
    """One entry's fields: text values as in the document, ``*_html`` telling whether they are HTML."""

    guid: str | None = None
    link: str | None = None
    title: str = ""
    title_html: bool = False
    summary: str = ""
    summary_html: bool = True
    content: list[tuple[str, str]] = field(default_factory=list)  # (mime type, value)
    published: datetime | None = None
    author: str | None = None
    images: list[str] = field(default_factory=list)
    language: str | None = None


@dataclass(slots=True)
class RawFeed:
    title: str
    title_html: bool
    link: str | None
    language: str | None
    entries: list[RawEntry]


def read_feed(data: bytes, base: str) -> RawFeed:
    """Read a well-formed RSS 2.0, RSS 1.0 or Atom 1.0 document; raise Unsupported for anything else."""
    try:
        root = etree.fromstring(data, _PARSER, base_url=base)
    except (etree.XMLSyntaxError, ValueError, LookupError) as exc:
        raise Unsupported(str(exc)) from None
    if root is None:
        raise Unsupported("no root element")
    tag = root.tag
    if tag == "rss" and root.get("version", "2.0").strip() in ("2.0", "0.91", "0.92", "0.93", "0.94"):
        return _rss2(root, base)
    if tag == f"{RDF}RDF" and root.find(f"{RSS1}channel") is not None:
        return _rss1(root, base)
    if tag == f"{ATOM}feed":
        return _atom(root, base)
    raise Unsupported(f"root element {tag!r}")


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    if len(el):  # markup in an RSS element: feedparser keeps it as HTML
        raise Unsupported("child elements in a text element")
    return el.text or ""


def _lang(el: etree._Element) -> str | None:
    node: etree._Element | None = el
    while node is not None:
        value = node.get(XML_LANG)
        if value is not None:
            return value.strip() or None
        node = node.getparent()
    return None


def _when(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    m = _RFC822.fullmatch(value)
    if m is not None:
        when = _rfc822(m)
        if when is not None:
            return when
    return _when_general(value)


def _when_general(value: str) -> datetime:
    """Read a stripped, non-empty date the slow, general way (email.utils, then ISO 8601)."""
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            raise Unsupported(f"date {value!r}") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"), start=1)}
# The one RSS date form nearly every feed uses ("Sun, 01 Mar 2026 06:00:00 GMT"); email.utils takes the rest.
_RFC822 = re.compile(
    r"(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d\d):(\d\d):(\d\d) (GMT|UTC?|Z|[+-]\d{4})", re.ASCII
)


def _rfc822(m: re.Match[str]) -> datetime | None:
    """The instant email.utils.parsedate_to_datetime reads from an _RFC822 match, in UTC; None if unsure."""
    month = _MONTHS.get(m[2].lower())
    year = int(m[3])
    if month is None or year < 100:  # email.utils reads years below 100 as two-digit ones
        return None
    zone = m[7]
    offset = 0
    if zone[0] in "+-":
        offset = (int(zone[1:3]) * 3600 + int(zone[3:5]) * 60) * (-1 if zone[0] == "-" else 1)
        if abs(offset) >= 86400:
            return None
    try:
        when = datetime(year, month, int(m[1]), int(m[4]), int(m[5]), int(m[6]), tzinfo=UTC)
        return when - timedelta(seconds=offset) if offset else when
    except (ValueError, OverflowError):
        return None  # let the general path decide what a bad date is


def _rss_text(value: str) -> tuple[str, bool]:
    return value, ("&" in value or "</" in value) and _LOOKS_HTML.search(value) is not None


def _person(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if "@" not in value:  # both patterns need an address
        return value
    m = _NAME_IN_PARENS.match(value) or _NAME_BEFORE_ANGLE.match(value)
    if m:
        return m.group(m.lastindex or 1).strip()
    return value


def _media(el: etree._Element, images: list[str]) -> None:
    # One pass over the subtree for both kinds; feedparser lists media:content before media:thumbnail.
    thumbs: list[str] = []
    for media in el.iter(_MEDIA_CONTENT, _MEDIA_THUMBNAIL):
        url = media.get("url")
        if not url:
            continue
        if media.tag == _MEDIA_THUMBNAIL:
            thumbs.append(url)
            continue
        kind = media.get("medium") or media.get("type") or ""
        if kind == "image" or kind.startswith("image/") or _image_ext(url):
            images.append(url)
    images += thumbs


_MEDIA_CONTENT = f"{MEDIA}content"
_MEDIA_THUMBNAIL = f"{MEDIA}thumbnail"
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.IGNORECASE)


def _image_ext(url: str) -> bool:
    return _IMAGE_EXT.search(url) is not None


# What the children of an RSS item are, by tag, for items in no namespace (RSS 2.0) and in RSS 1.0's;
# anything else in an item (category, comments, media:*, ...) is not read from the item's children.
_TITLE, _LINK, _GUID, _DESCRIPTION, _ENCODED, _DATE, _AUTHOR, _ENCLOSURE = range(8)


def _item_fields(ns: str) -> dict[str, int]:
    return {
        f"{ns}title": _TITLE, f"{ns}link": _LINK, f"{ns}guid": _GUID, f"{ns}description": _DESCRIPTION,
        f"{CONTENT}encoded": _ENCODED, f"{ns}pubDate": _DATE, f"{DC}date": _DATE, f"{ns}author": _AUTHOR,
        f"{DC}creator": _AUTHOR, f"{ns}enclosure": _ENCLOSURE,
    }


_RSS2_FIELDS = _item_fields("")
_RSS1_FIELDS = _item_fields(RSS1)


def _rss_entry(item: etree._Element, fields: dict[str, int], parent_lang: str | None,
               feed_lang: str | None) -> RawEntry:
    """Read one item; ``parent_lang`` is the xml:lang in scope at the item's parent (_lang of it)."""
    entry = RawEntry()
    guid_link: str | None = None
    title: etree._Element | None = None
    described = False
    for child in item:
        kind = fields.get(child.tag)
        if kind is None:
            continue
        if kind == _TITLE:
            if title is None:
                title = child
            entry.title, entry.title_html = _rss_text(_text(child))
        elif kind == _LINK:
            entry.link = _text(child).strip() or entry.link
        elif kind == _GUID:
            entry.guid = _text(child).strip() or None
            if child.get("isPermaLink", "true").strip().lower() == "true":
                guid_link = entry.guid
        elif kind == _DESCRIPTION:
            described = True
            entry.summary = _text(child)
        elif kind == _ENCODED:
            entry.content.append(("text/html", _text(child)))
        elif kind == _DATE:
            entry.published = entry.published or _when(_text(child))
        elif kind == _AUTHOR:
            entry.author = entry.author or _person(_text(child))
        elif (child.get("type") or "").startswith("image/") and child.get("url"):  # enclosure
            entry.images.append(child.get("url", ""))
    media: list[str] = []
    _media(item, media)
    entry.images = media + entry.images
    entry.link = entry.link or guid_link
    if not described and entry.content:
        entry.summary = entry.content[0][1]  # feedparser's summary falls back to the full content
    entry.language = (_lang_below(title, item, parent_lang) if title is not None else None) or feed_lang
    return entry


def _lang_below(el: etree._Element, parent: etree._Element, above: str | None) -> str | None:
    """_lang(el) for an element whose parent is ``parent``, given ``above`` = _lang(parent's parent)."""
    value = el.get(XML_LANG)
    if value is None:
        value = parent.get(XML_LANG)
    if value is None:
        return above
    return value.strip() or None


def _rss2(root: etree._Element, base: str) -> RawFeed:
    channel = root.find("channel")
    if channel is None:
        raise Unsupported("rss without channel")
    language = (_text(channel.find("language")) or _text(channel.find(f"{DC}language"))).strip() or _lang(channel)
    title, title_html = _rss_text(_text(channel.find("title")))
    channel_lang = _lang(channel)
    entries = [_rss_entry(item, _RSS2_FIELDS, channel_lang, language) for item in channel.iterfind("item")]
    for entry in entries:
        _resolve(entry, base)
    return RawFeed(title, title_html, _join(base, _text(channel.find("link"))), language, entries)


def _rss1(root: etree._Element, base: str) -> RawFeed:
    channel = root.find(f"{RSS1}channel")
    assert channel is not None
    language = _text(channel.find(f"{DC}language")).strip() or _lang(channel)
    title, title_html = _rss_text(_text(channel.find(f"{RSS1}title")))
    entries = []
    root_lang = _lang(root)
    for item in root.iterfind(f"{RSS1}item"):
        entry = _rss_entry(item, _RSS1_FIELDS, root_lang, language)
        entry.guid = entry.guid or (item.get(f"{RDF}about") or "").strip() or None
        _resolve(entry, base)
        entries.append(entry)
    return RawFeed(title, title_html, _join(base, _text(channel.find(f"{RSS1}link"))), language, entries)


def _atom_text(el: etree._Element | None) -> tuple[str, bool]:
    if el is None:
        return "", False
    kind = (el.get("type") or "text").strip().lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        div = el.find("{http://www.w3.org/1999/xhtml}div")
        node = div if div is not None else el
        inner = (node.text or "") + "".join(
            etree.tostring(c, encoding="unicode", method="html", with_tail=True) for c in node
        )
        return inner, True
    if len(el):
        raise Unsupported("markup in an Atom text construct")
    if kind in ("html", "text/html"):
        return el.text or "", True
    if kind in ("text", "text/plain"):
        return el.text or "", False
    raise Unsupported(f"Atom text of type {kind!r}")


def _atom_link(links: Iterable[etree._Element]) -> str | None:
    for link in links:
        if (link.get("rel") or "alternate").strip() == "alternate" and link.get("href"):
            return _urljoin(str(link.base or ""), str(link.get("href", "")).strip())
    return None


# The children of an Atom entry that are read, by tag; a list of them is indexed by these numbers.
_A_ID, _A_TITLE, _A_SUMMARY, _A_CONTENT, _A_PUBLISHED, _A_UPDATED, _A_LINK, _A_AUTHOR = range(8)
_ATOM_FIELDS = {
    f"{ATOM}{name}": i
    for i, name in enumerate(("id", "title", "summary", "content", "published", "updated", "link", "author"))
}
_ATOM_NAME = f"{ATOM}name"


def _atom(root: etree._Element, base: str) -> RawFeed:
    web_base = base.lower().startswith(("http:", "https:"))
    language = _lang(root)
    title, title_html = _atom_text(root.find(f"{ATOM}title"))
    feed_author: list[etree._Element | None] = []  # the feed's author/name, looked up when first needed
    entries = []
    for item in root.iterfind(f"{ATOM}entry"):
        # One pass over the children: the first of each kind (as find() would give), every link, and the
        # first author's name.
        first: list[etree._Element | None] = [None] * 6
        links: list[etree._Element] = []
        name: etree._Element | None = None
        for child in item:
            kind = _ATOM_FIELDS.get(child.tag)
            if kind is None:
                continue
            if kind == _A_LINK:
                links.append(child)
            elif kind == _A_AUTHOR:
                if name is None:
                    name = child.find(_ATOM_NAME)
            elif first[kind] is None:
                first[kind] = child
        entry = RawEntry()
        item_base = item.base or base
        entry.guid = (_text(first[_A_ID])).strip() or None
        if entry.guid and web_base:  # feedparser resolves Atom ids as URIs, against the document's URL
            entry.guid = _urljoin(item_base, entry.guid)
        entry.link = _atom_link(links)
        title_el = first[_A_TITLE]
        entry.title, entry.title_html = _atom_text(title_el)
        entry.summary, entry.summary_html = _atom_text(first[_A_SUMMARY])
        content = first[_A_CONTENT]
        if content is not None:
            if content.get("src"):
                raise Unsupported("out-of-line Atom content")
            value, is_html = _atom_text(content)
            entry.content.append(("text/html" if is_html else "text/plain", value))
            if not entry.summary and first[_A_SUMMARY] is None:
                entry.summary, entry.summary_html = value, is_html
        dates = [_text(first[_A_PUBLISHED]), _text(first[_A_UPDATED])]
        entry.published = next((w for w in map(_when, dates) if w), None)
        if name is None:
            if not feed_author:
                feed_author.append(root.find(f"{ATOM}author/{ATOM}name"))
            name = feed_author[0]
        entry.author = _text(name).strip() or None
        _media(item, entry.images)
        entry.images = [j for j in (_join(item_base, u) for u in entry.images) if j]
        for link in links:
            if link.get("rel") == "enclosure" and (link.get("type") or "").startswith("image/") and link.get("href"):
                entry.images.append(_urljoin(link.base or "", link.get("href", "")))
        entry.language = (_lang_below(title_el, item, language) if title_el is not None else None) or language
        entries.append(entry)
    return RawFeed(title, title_html, _atom_link(root.iterfind(f"{ATOM}link")), language, entries)


def _resolve(entry: RawEntry, base: str) -> None:
    entry.link = _join(base, entry.link)
    entry.images = [j for j in (_join(base, u) for u in entry.images) if j]


def _join(base: str, link: str | None) -> str | None:
    if not link or not link.strip():
        return None
    link = link.strip()
    if _ABSOLUTE.match(link) and link.startswith(base[:5]):
        return link  # what urljoin returns for an absolute URL of the base's scheme, without its cost
    return _urljoin(base, link)


# An absolute http(s) URL that urljoin would hand back unchanged: it has a host, and nothing for
# urlunparse to tidy (no empty query or fragment, no params).
_ABSOLUTE = re.compile(r"^https?://[^/?#;\s]+(?:/[^?#;\s]*)?(?:\?[^#;\s]+)?$")


# What urljoin needs no parsing for: a reference whose scheme is not the base's comes back as it is, and an
# absolute path against an http(s) base takes only the base's scheme and host. Only for printable ASCII
# (urlsplit strips or refuses some other characters), without dot segments or ";" params in the path.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB_ORIGIN = re.compile(r"(https?)://([^/?#\[\]]+)")
_NOT_PRINTABLE = re.compile(r"[^!-~]")


def _urljoin(base: str, url: str) -> str:
    """Return urljoin(base, url), faster for the references feeds are mostly made of."""
    if base and url and _NOT_PRINTABLE.search(base) is None and _NOT_PRINTABLE.search(url) is None:
        scheme = _SCHEME.match(url)
        if scheme is not None:
            base_scheme = _SCHEME.match(base)
            if scheme[1].lower() != (base_scheme[1].lower() if base_scheme else ""):
                return url
        elif url[0] == "/" and url[1:2] != "/" and (origin := _WEB_ORIGIN.match(base)) is not None:
            rest, _, fragment = url.partition("#")
            path, _, query = rest.partition("?")
            if ";" not in path and "/." not in path:
                return "".join((origin[0], path, "?" if query else "", query, "#" if fragment else "", fragment))
    return urljoin(base, url)
