"""Turn what a user typed into a safe SQLite FTS5 query: words only, never FTS syntax."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")
MAX_TERMS = 12


def terms(text: str) -> list[str]:
    """The words of `text`, NFKC-normalized, at most MAX_TERMS of them."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))[:MAX_TERMS]


def all_words(text: str, *, prefix_last: bool = False) -> str | None:
    """An FTS5 query matching rows holding every word of `text`; None when there are no words."""
    words = terms(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix_last:
        quoted[-1] += "*"
    return " ".join(quoted)


def any_words(text: str) -> str | None:
    """An FTS5 query matching rows holding any word of `text`; None when there are no words."""
    words = terms(text)
    return " OR ".join(f'"{w}"' for w in words) if words else None


def phrase(text: str) -> str | None:
    """An FTS5 query matching the words of `text` in that order; None when there are no words."""
    words = terms(text)
    return '"' + " ".join(words) + '"' if words else None


def fold(text: str) -> str:
    """Lowercase without accents, for comparing names ("Lavrov" ~ "lavrov", "Zoë" ~ "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
