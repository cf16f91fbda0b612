"""Small text helpers every renderer shares: trimming and quote display."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeGuard
from urllib.parse import urlsplit

from bot.nlp.quotes.lexicon import PHRASE_CUES, SPEECH_VERBS

if TYPE_CHECKING:
    from bot.store import FeedState

# C0 and C1 controls (but tab and newline), and the bidirectional overrides and isolates that can make
# text display in another order than it is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_OPEN = "\"“„«‘'"
_QUOTED = re.compile(r"[“\"„«]([^“”\"„«»]+)[”\"»]")
_CLOSE = "\"”»’'"
_PHRASES = frozenset(c.lower() for c in PHRASE_CUES)


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


def show_quote(content: str, limit: int, cue: str | None = None) -> str:
    """A quote as readers see it: direct speech in “…” without its trailing comma, reported speech as is, led
    by its English verb when that says more than "said" ("called the walkout “deeply disappointing”",
    "voted against the budget", "warned that …")."""
    text = " ".join(content.split())
    verb = (cue or "").lower()
    if text[:1] not in _OPEN and _tells_more(verb) and not text.lower().startswith(verb):
        text = f"{verb} {text}"
    if text[:1] in _OPEN:
        # A quotation resumed after its attribution ("“A,” she said. “B.”") shows its quoted words only.
        parts = [p.strip().rstrip(",") for p in _QUOTED.findall(text)] or [text[1:]]
        inner = " … ".join(p for p in parts if p)
        if inner[-1:] in _CLOSE:
            inner = inner[:-1]
        return "“" + trim(inner.rstrip(", "), max(limit - 2, 1)) + "”"
    return trim(re.sub(r",\s*([”\"’])$", r"\1", text.rstrip(", ")), limit)


# verbs that add nothing to reported speech: "Roe: the pier will open" reads as "Roe said the pier will open"
_PLAIN_CUES = frozenset(["says", "said", "tells", "told", "adds", "added", "states", "stated"])
_IRREGULAR_PAST = frozenset(["found", "wrote", "thought", "knew", "felt", "saw", "sought", "swore", "made", "spoke"])


def _tells_more(verb: str) -> bool:
    """Whether an English cue is worth showing before reported speech: a past or present form that says more
    than "said" ("warned", "calls for"). Not a base form, which an auxiliary or a "not" the cue leaves out
    may have governed ("could not describe"), nor a cue of another language ("a déclaré")."""
    first = verb.split(" ")[0]
    inflected = first.endswith(("ed", "s")) or first in _IRREGULAR_PAST
    return inflected and verb not in _PLAIN_CUES and (verb in SPEECH_VERBS or verb in _PHRASES)


def no_quotes(query: str, by_phrase: bool) -> str:
    """The answer to a /who-said that found nothing, saying whether a phrase or a person was sought."""
    if by_phrase:
        return f"No stored quote contains “{query}”."
    return f"No one called “{query}” is quoted, and no stored quote contains those words."


def plural(count: int, word: str) -> str:
    """'1 feed', '2 feeds'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def utf16_units(text: str) -> int:
    """Length as chat platforms count it: UTF-16 code units (an emoji outside the BMP counts two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def is_web_url(url: str | None) -> TypeGuard[str]:
    """Whether `url` is an http(s) link with a host and no white space, fit to show as a link."""
    if not url or any(c.isspace() or not c.isprintable() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def utc_time(value: datetime | None) -> str:
    """'27 Nov 2026 08:00 UTC', or 'date unknown'."""
    return value.astimezone(UTC).strftime("%d %b %Y %H:%M UTC") if value else "date unknown"


def feed_health(state: FeedState, when: Callable[[datetime | None], str] = utc_time) -> str:
    """A feed's health in a few words: paused, failing (with the error and next try), ok, or not polled yet."""
    error = state.last_error or "unknown error"
    if state.paused:
        return f"paused after {state.failures} failures: {error}"
    if state.failures:
        return f"failing ({state.failures}x): {error}; next try {when(state.next_try)}"
    if state.last_success:
        return f"ok, last success {when(state.last_success)}"
    return "not polled yet"
