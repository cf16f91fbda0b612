"""Discord's message limits: measure text and embeds, make feed text safe, and pack embeds into messages.

Discord counts characters; UTF-16 code units are never fewer than code points, so measuring in code units
keeps every figure under the limit whichever way the service counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import discord

from bot.textfmt import is_web_url
from bot.textfmt import utf16_units as units

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
TOTAL = 6000
EMBEDS = 10
CONTENT = 2000
URL = 2000

Embed = dict[str, Any]

_PING = re.compile(r"@(?=everyone|here|[!&]?[0-9]{17,20})", re.IGNORECASE)
_BLANK = "\u200b"


@dataclass(frozen=True, slots=True)
class DiscordMessage:
    """One message as Discord receives it: optional text and up to ten embeds, all within the limits."""

    content: str | None = None
    embeds: tuple[Embed, ...] = ()
    ephemeral: bool = False

    def embed_objects(self) -> list[discord.Embed]:
        """The embeds as discord.py objects."""
        return [discord.Embed.from_dict(e) for e in self.embeds]



def fit(text: str, limit: int, fallback: str = "") -> str:
    """`text` with white space folded, cut at a word boundary to at most `limit` units (… when cut)."""
    text = " ".join(text.split())
    if units(text) <= limit:
        return text or fallback
    cut = text[:limit]
    while units(cut) > limit - 1:
        cut = cut[: len(cut) - max(1, (units(cut) - limit + 1) // 2)]
    if " " in cut[len(cut) // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    # A lone backslash left at the end would escape the ellipsis.
    cut = cut.rstrip(",;: \\")
    return (cut + "…") if cut else fallback or "…"


def safe(text: str, limit: int | None = None) -> str:
    """Feed text made inert: white space folded, markdown escaped, no mention can ping; cut to `limit`."""
    if limit is not None:
        # Escaping at most doubles the text, so a generous cut first keeps huge inputs cheap.
        text = text[: limit * 3 + 16]
    text = " ".join(text.split())
    text = discord.utils.escape_markdown(text)
    text = _PING.sub("@" + _BLANK, text)
    return fit(text, limit) if limit is not None else text


def link_text(text: str, limit: int) -> str:
    """Text for the label of a markdown link: safe, and without brackets that would end it early."""
    return safe(re.sub(r"[\[\]()]", " ", text), limit)


def web_url(url: str | None) -> str | None:
    """`url` when Discord accepts it in an embed or a link (http or https, a host, short enough), else None."""
    if not is_web_url(url) or units(url) > URL:
        return None
    # Parentheses and angle brackets would end a markdown link; encode them.
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def embed_length(embed: Embed) -> int:
    """The characters Discord counts towards the 6,000 of a message: title, description, fields, footer, author."""
    total = units(embed.get("title", "")) + units(embed.get("description", ""))
    total += units(embed.get("footer", {}).get("text", "")) + units(embed.get("author", {}).get("name", ""))
    for f in embed.get("fields", ()):
        total += units(f["name"]) + units(f["value"])
    return total


def field_embeds(head: Embed, fields: Sequence[tuple[str, str]], budget: int = TOTAL - 500) -> list[Embed]:
    """`head` with the fields added, continued in copies without title when 25 fields or the budget are reached."""
    fixed = embed_length(head)
    embeds: list[Embed] = []
    current: Embed = dict(head, fields=[])
    used = fixed
    for name, value in fields:
        field: Embed = {"name": fit(name, FIELD_NAME, _BLANK), "value": fit_lines(value, FIELD_VALUE) or _BLANK,
                 "inline": False}
        size = units(field["name"]) + units(field["value"])
        if current["fields"] and (len(current["fields"]) >= FIELDS or used + size > budget):
            embeds.append(current)
            current = {"fields": []}
            if "color" in head:
                current["color"] = head["color"]
            used = embed_length(current)
        current["fields"].append(field)
        used += size
    embeds.append(current)
    for embed in embeds:
        if not embed["fields"]:
            del embed["fields"]
    return embeds


def fit_lines(text: str, limit: int) -> str:
    """Lines of already safe text, each folded, kept whole while they fit; the last one cut to fit."""
    out: list[str] = []
    used = 0
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        room = limit - used - (1 if out else 0)
        if room <= 1:
            break
        whole = units(line) <= room
        piece = line if whole else fit(line, room)
        out.append(piece)
        used += units(piece) + (1 if len(out) > 1 else 0)
        if not whole:
            break
    return "\n".join(out)


def pack(embeds: Iterable[Embed], content: str | None = None, *, ephemeral: bool = False) -> list[DiscordMessage]:
    """Embeds (each within its own limits) in as few messages as Discord allows: ten and 6,000 characters each."""
    messages: list[DiscordMessage] = []
    batch: list[Embed] = []
    used = 0
    text = fit_lines(content, CONTENT) if content else None
    for embed in embeds:
        size = embed_length(embed)
        if batch and (len(batch) >= EMBEDS or used + size > TOTAL):
            messages.append(DiscordMessage(text, tuple(batch), ephemeral))
            text, batch, used = None, [], 0
        batch.append(embed)
        used += size
    if batch or text or not messages:
        messages.append(DiscordMessage(text or (None if batch else _BLANK), tuple(batch), ephemeral))
    return messages
