"""Shared helpers of the quote tests."""

from __future__ import annotations

from bot.models import Quote
from bot.nlp.quotes import extract_quotes


def only(text: str) -> Quote:
    """Return the one quote found in text, failing with what was found otherwise."""
    quotes = extract_quotes(text)
    assert len(quotes) == 1, [(q.source_text, q.content) for q in quotes]
    return quotes[0]


def pairs(text: str) -> list[tuple[str | None, str]]:
    """Return (source as written, content) of every quote found in text."""
    return [(q.source_text, q.content) for q in extract_quotes(text)]
