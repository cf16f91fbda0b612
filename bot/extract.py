"""Turn an article page into clean text and a little metadata, leaving web boilerplate behind.

Extraction is CPU-bound and synchronous on purpose: callers run it in a worker pool, off the event loop.
Nothing here touches the network or needs downloaded data (trafilatura ships what it uses).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import trafilatura
from lxml import etree

from bot.feeds.parse import html_to_text, join_link

__all__ = ["Extracted", "extract_article", "is_boilerplate", "looks_like_html", "read_document", "strip_boilerplate"]


@dataclass(frozen=True)
class Extracted:
    """An article's main text (paragraphs separated by blank lines) and what the page says about it."""

    title: str | None
    text: str
    image: str | None
    language: str | None
    published: datetime | None
    author: str | None


# Whole lines (or paragraphs) that are page furniture, never article prose. Matched case-insensitively
# against a line stripped of surrounding whitespace and bullets; only short lines are considered.
_BOILERPLATE = re.compile(
    r"""(?ix)^(?:
        leave\ a\ (?:comment|reply)(?:\ cancel\ reply)?
      | cancel\ reply | post\ comment | submit\ comment | add\ a\ comment | comments?
      | \d+\ comments? | no\ comments(?:\ yet)?\.? | be\ the\ first\ to\ comment\.?
      | you\ must\ be\ logged\ in\ to\ post\ a\ comment\.?
      | your\ email\ address\ will\ not\ be\ published\.?(?:\ required\ fields\ are\ marked(?:\ \*)?)?
      | required\ fields\ are\ marked(?:\ \*)?
      | save\ my\ name,?\ email,?\ and\ website\ in\ this\ browser.*
      | (?:scroll|back|go)\ to\ top | top
      | share(?:\ this)?(?:\ (?:article|story|post|page))?(?:\ (?:on|via)\ [\w.\ ]{1,20})?:? | tweet
      | (?:share|follow\ us|find\ us)\ on\ [\w.\ ,]{1,40}
      | facebook | twitter | x | whatsapp | linkedin | pinterest | reddit | telegram | email | e-mail | print
      | copy\ link | link\ copied
      | (?:sign\ up|subscribe)(?:\ (?:for|to))?(?:\ (?:our|the))?\ (?:free\ |daily\ |weekly\ )*newsletters?.*
      | subscribe | sign\ up | get\ the\ (?:latest|day's\ top)\ .{0,60}\ (?:in|to)\ your\ inbox.*
      | (?:related|recommended|more|popular|latest)\ (?:articles|posts|stories|news|reads)
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in) | read\ more | continue\ reading | read\ next
      | advertisement | sponsored(?:\ content)? | skip\ to\ (?:main\ )?content
      | we\ use\ cookies\b.* | this\ (?:web)?site\ uses\ cookies\b.* | accept(?:\ all)?\ cookies
      | cookie\ (?:settings|preferences|policy) | manage\ (?:cookies|consent)
      | (?:©|\(c\)|copyright\ (?:©|\(c\)|\d{4})).{0,80} | all\ rights\ reserved\.?
      | tags?:.{0,120} | filed\ under:.{0,120}
    )$"""
)
_BULLETS = " \t\u00a0•·|–—-*>»"
_MAX_BOILERPLATE_LEN = 200
_IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate")
_NOISE_XPATH = (
    "//script | //style | //noscript | //template | //nav | //header | //footer | //aside | //form"
    " | //button | //iframe | //svg"
    " | //*[re:test(concat(' ', @class, ' ', @id), 'cookie|consent|share|social|newsletter|subscribe"
    "|comment|related|promo|advert|sidebar|breadcrumb|popup|modal', 'i')]"
)


def is_boilerplate(line: str) -> bool:
    """Tell whether a line of text is web page furniture rather than article prose."""
    stripped = line.strip(_BULLETS)
    return len(stripped) <= _MAX_BOILERPLATE_LEN and bool(stripped) and bool(_BOILERPLATE.match(stripped))


def strip_boilerplate(text: str) -> str:
    """Drop boilerplate and blank lines from the start and end of plain text; leave the middle alone.

    Meant for articles that arrive as plain text (a ``.txt`` link in a local feed), where there is no
    markup to tell the page furniture from the article.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or is_boilerplate(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or is_boilerplate(lines[end - 1])):
        end -= 1
    return "\n".join(line.rstrip() for line in lines[start:end])


def extract_article(html: bytes | str, url: str) -> Extracted | None:
    """Extract the main text of an article page at ``url``; return None when the page holds no text.

    trafilatura does the work, tuned for precision (no comments, no tables); when it finds nothing, a
    plain extraction of the page's paragraphs stands in. Paragraphs are separated by blank lines and
    boilerplate paragraphs are dropped wherever they appear. ``image`` comes from og:image or
    twitter:image (resolved against ``url``), ``published`` is timezone-aware UTC.
    """
    if not html.strip():
        return None
    doc = _parse_html(html)
    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )
    title = _clean(getattr(result, "title", None))
    paragraphs = _paragraphs(getattr(result, "body", None))
    if not paragraphs and doc is not None:
        paragraphs = _fallback_paragraphs(doc)
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    kept = [p for p in paragraphs if not is_boilerplate(p)]
    text = strip_boilerplate("\n\n".join(kept))
    if not text:
        return None
    return Extracted(
        title=title or _fallback_title(doc),
        text=text,
        image=_image(doc, url) or join_link(url, getattr(result, "image", None)),
        language=_language(doc),
        published=_published(doc) or _date_only(getattr(result, "date", None)),
        author=_clean(getattr(result, "author", None)),
    )


def _parse_html(html: bytes | str) -> Any:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _paragraphs(body: Any) -> list[str]:
    if body is None:
        return []
    out: list[str] = []
    for element in body:
        if element.tag == "list":
            items = (" ".join("".join(item.itertext()).split()) for item in element)
            block = "\n".join(f"- {item}" for item in items if item)
        else:
            block = " ".join("".join(element.itertext()).split())
        if block:
            out.append(block)
    return out


def _fallback_paragraphs(doc: Any) -> list[str]:
    doc = lxml.html.document_fromstring(lxml.html.tostring(doc))  # work on a copy
    for node in doc.xpath(_NOISE_XPATH, namespaces={"re": "http://exslt.org/regular-expressions"}):
        if node.getparent() is not None:
            node.drop_tree()
    body = doc.find("body")
    if body is None:
        return []
    text = html_to_text(lxml.html.tostring(body, encoding="unicode"), paragraphs=True)
    return [p for p in text.split("\n\n") if p.strip()]


def _meta(doc: Any, names: Iterable[str]) -> str | None:
    if doc is None:
        return None
    wanted = {n.lower(): i for i, n in enumerate(names)}
    best: tuple[int, str] | None = None
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in wanted and content and (best is None or wanted[key] < best[0]):
            best = (wanted[key], content)
    return best[1] if best else None


def _image(doc: Any, url: str) -> str | None:
    return join_link(url, _meta(doc, _IMAGE_META))


def _language(doc: Any) -> str | None:
    if doc is None:
        return None
    lang = doc.get("lang") or doc.get("{http://www.w3.org/XML/1998/namespace}lang")
    for meta in doc.iter("meta"):
        if not lang and (meta.get("http-equiv") or "").lower() == "content-language":
            lang = meta.get("content")
    lang = lang or (_meta(doc, ("og:locale",)) or "").replace("_", "-")
    lang = (lang or "").split(",")[0].strip()
    return lang or None


def _published(doc: Any) -> datetime | None:
    candidates = [_meta(doc, _DATE_META)]
    if doc is not None:
        candidates += [t.get("datetime") for t in doc.iter("time") if t.get("datetime")][:1]
    for raw in candidates:
        if not raw:
            continue
        try:
            when = datetime.fromisoformat(raw.strip())
        except ValueError:
            continue
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
    return None


def _date_only(raw: object) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        return datetime.strptime(raw[:10], "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None


def _fallback_title(doc: Any) -> str | None:
    if doc is None:
        return None
    return _clean(_meta(doc, ("og:title", "twitter:title"))) or _clean(doc.findtext(".//title"))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def looks_like_html(data: bytes, name: str = "", content_type: str | None = None) -> bool:
    """Whether an article document is a web page rather than plain text."""
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return True
        if kind == "text/plain":
            return False
    if name.lower().split("?", 1)[0].endswith((".html", ".htm", ".xhtml")):
        return True
    head = data.lstrip()[:512].lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head


def decode_text(data: bytes) -> str:
    """Plain text as UTF-8, or Latin-1 when it is not UTF-8 (offsets into it match how the file reads)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_document(data: bytes, url: str, content_type: str | None = None) -> Extracted | None:
    """An article from a web page, or from plain text whose first line is its title; None when empty."""
    if looks_like_html(data, url, content_type):
        return extract_article(data, url)
    lines = decode_text(data).strip().split("\n", 1)
    title = lines[0].strip() or None
    text = strip_boilerplate(lines[1]) if len(lines) > 1 else ""
    return Extracted(title, text.strip(), None, None, None, None) if text.strip() else None
