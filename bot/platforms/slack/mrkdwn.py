"""Text for Slack: feed text escaped for mrkdwn, mentions and formatting defused, lengths kept within limits.

Slack counts limits in characters of the JSON string; we measure UTF-16 code units, which is never fewer,
so a text that fits here fits there.
"""

from __future__ import annotations

import re

from bot.textfmt import is_web_url, trim
from bot.textfmt import utf16_units as units

FORMATTING = "*_~`"
# Look-alikes that Slack does not read as markup: ∗ ˍ ∼ ˋ.
_LOOKALIKE = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
# Bidirectional overrides and isolates can make the rest of a message read backwards.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_BROADCAST = re.compile(r"([@＠])(channel|here|everyone)", re.IGNORECASE)
_WORD_JOINER = "\u2060"
ELLIPSIS = "…"



def _inside_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def defuse(text: str) -> str:
    """`text` with every *, _, ~ or ` that could open or close Slack formatting replaced by a look-alike."""
    if not any(c in text for c in FORMATTING):
        return text
    out = list(text)
    last = len(text) - 1
    for i, char in enumerate(text):
        if char not in FORMATTING:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i < last else " "
        opens = not _inside_word(before) and not after.isspace()
        closes = not before.isspace() and not _inside_word(after)
        if opens or closes or char == "`":
            out[i] = char.translate(_LOOKALIKE)
    return "".join(out)


def clean(text: str) -> str:
    """`text` without control characters or bidirectional overrides, white space folded."""
    text = text.translate(_BIDI)
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def escape(text: str) -> str:
    """Feed text as inert mrkdwn: &, < and > escaped, broadcast words and formatting defused."""
    text = defuse(clean(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: m.group(1) + _WORD_JOINER + m.group(2), text)


def _head(text: str, limit: int) -> str:
    """`text` cut to `limit` code units with … when it is longer."""
    if units(text) <= limit:
        return text
    if limit < 1:
        return ""
    head = text[: limit - 1]
    while units(head) > limit - 1:
        head = head[:-1]
    return head + ELLIPSIS


def cut(text: str, limit: int) -> str:
    """Already-escaped mrkdwn cut to `limit` code units, never inside an entity; … when cut."""
    out = _head(text, limit)
    if out.endswith(ELLIPSIS) and out != text:
        out = re.sub(r"&[a-z]*$", "", out[:-1]) + ELLIPSIS
    return out


def mrkdwn(text: str, limit: int) -> str:
    """Feed text escaped for mrkdwn and shortened at a word boundary to at most `limit` code units."""
    raw = clean(text)
    out = escape(raw)
    room = limit
    while units(out) > limit and room > 1:
        # Escaping lengthens the text (& → &amp;), so shorten the raw text until the result fits.
        room = max(1, min(room - 1, room * limit // max(units(out), 1)))
        out = escape(trim(raw, room))
    return cut(out, limit)


def plain(text: str, limit: int) -> str:
    """Feed text for a plain_text object, shortened to at most `limit` code units."""
    return _head(trim(clean(text), max(limit, 2)), limit)


def safe_url(url: str | None, limit: int = 2000) -> str | None:
    """An http(s) URL fit to place inside <…> in mrkdwn or an image block, or None."""
    if not is_web_url(url) or units(url) > limit:
        return None
    return url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def link(url: str | None, label: str) -> str:
    """An mrkdwn link to `url` with an already-escaped label; the label alone when the URL is unusable."""
    target = safe_url(url)
    if target is None:
        return label
    return f"<{target.replace('&', '&amp;')}|{label}>"
