"""Assertions that a message payload keeps every Discord limit and cannot ping anyone."""

from __future__ import annotations

import re
from typing import Any

LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256, "field_name": 256,
          "field_value": 1024, "fields": 25, "total": 6000, "embeds": 10, "content": 2000}
_PING = re.compile(r"@(everyone|here|[!&]?\d{17,20})", re.IGNORECASE)


def size(text: str) -> int:
    """Length in UTF-16 code units, never fewer than Discord's characters."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def strings(embed: dict[str, Any]) -> list[str]:
    out = [embed.get("title", ""), embed.get("description", ""), embed.get("footer", {}).get("text", ""),
           embed.get("author", {}).get("name", "")]
    for f in embed.get("fields", []):
        out += [f["name"], f["value"]]
    return out


def assert_message_ok(content: str | None, embeds: list[dict[str, Any]]) -> None:
    """One message: within every limit, no empty field, no live mention, links only over http(s)."""
    assert content or embeds
    assert len(embeds) <= LIMITS["embeds"]
    if content is not None:
        assert 0 < size(content) <= LIMITS["content"]
        assert not _PING.search(content)
    total = 0
    for e in embeds:
        assert size(e.get("title", "")) <= LIMITS["title"]
        assert size(e.get("description", "")) <= LIMITS["description"]
        assert size(e.get("footer", {}).get("text", "")) <= LIMITS["footer"]
        assert size(e.get("author", {}).get("name", "")) <= LIMITS["author"]
        fields = e.get("fields", [])
        assert len(fields) <= LIMITS["fields"]
        for f in fields:
            assert 0 < size(f["name"]) <= LIMITS["field_name"] and f["name"].strip()
            assert 0 < size(f["value"]) <= LIMITS["field_value"] and f["value"].strip()
        for key in ("url",):
            if key in e:
                assert e[key].startswith(("http://", "https://"))
        if "thumbnail" in e:
            assert e["thumbnail"]["url"].startswith(("http://", "https://"))
        total += sum(size(s) for s in strings(e))
        assert not any(_PING.search(s) for s in strings(e))
    assert total <= LIMITS["total"]
