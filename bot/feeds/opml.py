"""Read and write OPML subscription lists, the format feed readers exchange."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from defusedxml import ElementTree as SafeET

from bot.models import Feed


class OPMLError(ValueError):
    """An OPML file that cannot be read."""


def read_opml(data: bytes, channels: tuple[str, ...]) -> list[Feed]:
    """The feeds of an OPML document (every outline with an xmlUrl), routed to `channels`."""
    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises several unrelated types
        raise OPMLError(f"not valid OPML: {exc}") from None
    feeds: list[Feed] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        name = (outline.get("title") or outline.get("text") or url).strip()[:100]
        feeds.append(Feed(name, url, channels, outline.get("language")))
    return feeds


def write_opml(feeds: Sequence[Feed], title: str = "newsbot feeds") -> bytes:
    """An OPML 2.0 document listing `feeds`."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.channels:
            attrs["category"] = ",".join(feed.channels)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
