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
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
    when: datetime | None
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


def _rss_text(value: str) -> tuple[str, bool]:
    return value, bool(_LOOKS_HTML.search(value))


def _person(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    m = _NAME_IN_PARENS.match(value) or _NAME_BEFORE_ANGLE.match(value)
    if m:
        return m.group(m.lastindex or 1).strip()
    return value


def _media(el: etree._Element, images: list[str]) -> None:
    contents = el.iter(f"{MEDIA}content")
    for media in contents:
        kind = media.get("medium") or media.get("type") or ""
        url = media.get("url")
        if url and (kind == "image" or kind.startswith("image/") or _image_ext(url)):
            images.append(url)
    for thumb in el.iter(f"{MEDIA}thumbnail"):
        if thumb.get("url"):
            images.append(thumb.get("url", ""))


def _image_ext(url: str) -> bool:
    return bool(re.search(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", url, re.IGNORECASE))


def _rss_entry(item: etree._Element, ns: str, feed_lang: str | None) -> RawEntry:
    entry = RawEntry()
    guid_link: str | None = None
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == f"{ns}title":
            entry.title, entry.title_html = _rss_text(_text(child))
        elif tag == f"{ns}link":
            entry.link = _text(child).strip() or entry.link
        elif tag == f"{ns}guid":
            entry.guid = _text(child).strip() or None
            if child.get("isPermaLink", "true").strip().lower() == "true":
                guid_link = entry.guid
        elif tag == f"{ns}description":
            entry.summary = _text(child)
        elif tag == f"{CONTENT}encoded":
            entry.content.append(("text/html", _text(child)))
        elif tag in (f"{ns}pubDate", f"{DC}date"):
            entry.published = entry.published or _when(_text(child))
        elif tag in (f"{ns}author", f"{DC}creator"):
            entry.author = entry.author or _person(_text(child))
        elif tag == f"{ns}enclosure":
            if (child.get("type") or "").startswith("image/") and child.get("url"):
                entry.images.append(child.get("url", ""))
        elif tag.startswith(MEDIA):
            pass  # collected below, in feedparser's order
        elif tag in (f"{ns}source", f"{ns}comments", f"{ns}category", f"{DC}subject"):
            pass
    media: list[str] = []
    _media(item, media)
    entry.images = media + entry.images
    entry.link = entry.link or guid_link
    if item.find(f"{ns}description") is None and entry.content:
        entry.summary = entry.content[0][1]  # feedparser's summary falls back to the full content
    title = item.find(f"{ns}title")
    entry.language = (_lang(title) if title is not None else None) or feed_lang
    return entry


def _rss2(root: etree._Element, base: str) -> RawFeed:
    channel = root.find("channel")
    if channel is None:
        raise Unsupported("rss without channel")
    language = (_text(channel.find("language")) or _text(channel.find(f"{DC}language"))).strip() or _lang(channel)
    title, title_html = _rss_text(_text(channel.find("title")))
    entries = [_rss_entry(item, "", language) for item in channel.iterfind("item")]
    for entry in entries:
        _resolve(entry, base)
    return RawFeed(title, title_html, _join(base, _text(channel.find("link"))), language, entries)


def _rss1(root: etree._Element, base: str) -> RawFeed:
    channel = root.find(f"{RSS1}channel")
    assert channel is not None
    language = _text(channel.find(f"{DC}language")).strip() or _lang(channel)
    title, title_html = _rss_text(_text(channel.find(f"{RSS1}title")))
    entries = []
    for item in root.iterfind(f"{RSS1}item"):
        entry = _rss_entry(item, RSS1, language)
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


def _atom_link(el: etree._Element) -> str | None:
    for link in el.iterfind(f"{ATOM}link"):
        if (link.get("rel") or "alternate").strip() == "alternate" and link.get("href"):
            return urljoin(str(link.base or ""), str(link.get("href", "")).strip())
    return None


def _atom(root: etree._Element, base: str) -> RawFeed:
    web_base = base.lower().startswith(("http:", "https:"))
    language = _lang(root)
    title, title_html = _atom_text(root.find(f"{ATOM}title"))
    entries = []
    for item in root.iterfind(f"{ATOM}entry"):
        entry = RawEntry()
        entry.guid = (_text(item.find(f"{ATOM}id"))).strip() or None
        if entry.guid and web_base:  # feedparser resolves Atom ids as URIs, against the document's URL
            entry.guid = urljoin(item.base or base, entry.guid)
        entry.link = _atom_link(item)
        title_el = item.find(f"{ATOM}title")
        entry.title, entry.title_html = _atom_text(title_el)
        entry.summary, entry.summary_html = _atom_text(item.find(f"{ATOM}summary"))
        content = item.find(f"{ATOM}content")
        if content is not None:
            if content.get("src"):
                raise Unsupported("out-of-line Atom content")
            value, is_html = _atom_text(content)
            entry.content.append(("text/html" if is_html else "text/plain", value))
            if not entry.summary and item.find(f"{ATOM}summary") is None:
                entry.summary, entry.summary_html = value, is_html
        dates = [_text(item.find(f"{ATOM}published")), _text(item.find(f"{ATOM}updated"))]
        entry.published = next((w for w in map(_when, dates) if w), None)
        name = item.find(f"{ATOM}author/{ATOM}name")
        if name is None:
            name = root.find(f"{ATOM}author/{ATOM}name")
        entry.author = _text(name).strip() or None
        _media(item, entry.images)
        entry.images = [j for j in (_join(item.base or base, u) for u in entry.images) if j]
        for link in item.iterfind(f"{ATOM}link"):
            if link.get("rel") == "enclosure" and (link.get("type") or "").startswith("image/") and link.get("href"):
                entry.images.append(urljoin(link.base or "", link.get("href", "")))
        entry.language = (_lang(title_el) if title_el is not None else None) or language
        entries.append(entry)
    return RawFeed(title, title_html, _atom_link(root), language, entries)


def _resolve(entry: RawEntry, base: str) -> None:
    entry.link = _join(base, entry.link)
    entry.images = [j for j in (_join(base, u) for u in entry.images) if j]


def _join(base: str, link: str | None) -> str | None:
    if not link or not link.strip():
        return None
    link = link.strip()
    if _ABSOLUTE.match(link) and link.startswith(base[:5]):
        return link  # what urljoin returns for an absolute URL of the base's scheme, without its cost
    return urljoin(base, link)


# An absolute http(s) URL that urljoin would hand back unchanged: it has a host, and nothing for
# urlunparse to tidy (no empty query or fragment, no params).
_ABSOLUTE = re.compile(r"^https?://[^/?#;\s]+(?:/[^?#;\s]*)?(?:\?[^#;\s]+)?$")
