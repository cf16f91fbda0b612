"""Small text helpers every renderer shares: trimming and quote display."""

from __future__ import annotations

import re

# C0 and C1 controls (but tab and newline), and the bidirectional overrides and isolates that can make
# text display in another order than it is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_OPEN = "\"“„«‘'"
_CLOSE = "\"”»’'"


def printable(text: str) -> str:
    """`text` without control characters and direction overrides (a terminal escape in a headline stays inert)."""
    return _UNSAFE.sub("", text)


def trim(text: str, limit: int) -> str:
    """`text` with white space folded, cut at a word boundary to at most `limit` characters (… when cut)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


def show_quote(content: str, limit: int) -> str:
    """A quote as readers see it: direct speech in “…” without its trailing comma, reported speech as is."""
    text = " ".join(content.split())
    if text[:1] in _OPEN:
        inner = text[1:]
        if inner[-1:] in _CLOSE:
            inner = inner[:-1]
        return "“" + trim(inner.rstrip(", "), max(limit - 2, 1)) + "”"
    return trim(re.sub(r",\s*([”\"’])$", r"\1", text.rstrip(", ")), limit)


def plural(count: int, word: str) -> str:
    """'1 feed', '2 feeds'."""
    return f"{count} {word}{'' if count == 1 else 's'}"
