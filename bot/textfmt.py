"""Small text helpers every renderer shares: trimming and quote display."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeGuard
from urllib.parse import urlsplit

from bot.nlp.quotes.lexicon import FINITE_AUXILIARIES, PHRASE_CUES, SPEECH_VERBS
from bot.nlp.quotes.segment import without_reopenings

if TYPE_CHECKING:
    from bot.models import Quote
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


def quote_text(quote: Quote, limit: int) -> str:
    """What a reader sees of a stored quote: show_quote with its leading verb, direct speech in its marks,
    reported speech without its own attribution set inside it ("By contrast, he said, the plan …")."""
    content = quote.content
    if quote.kind != "direct" and quote.cue:
        content = without_inner_tag(content, quote.cue)
    return show_quote(content, limit, leading_verb(quote), direct=quote.kind == "direct")


def without_inner_tag(content: str, cue: str) -> str:
    """Reported speech without the attribution set between commas inside it: "By contrast, he said, the plan
    failed" → "By contrast, the plan failed"; "The main cloud, NIESR said, was the market" → "The main cloud
    was the market" (a subject takes no comma before its verb, nor "But" before what it joins)."""
    tag = re.search(rf",\s+{_INNER_SPEAKER}\s+{re.escape(cue)},\s+", content)
    if tag is None:
        return content
    before, after = content[: tag.start()], content[tag.end() :]
    # "The Tories, he said, can cut": a subject and its verb; "But, he added, those …": a conjunction;
    # "That might, he suggests, lead …" and "Far better, he said, to hand …" read on without a comma too
    first, last = (after.split() or [""])[0], (before.split() or [""])[-1]
    joined = first in FINITE_AUXILIARIES or first == "to" or last in FINITE_AUXILIARIES or before.strip() in (
        "But", "And", "Yet", "So", "Or")
    return before + (" " if joined else ", ") + after


# who says it inside the words: a pronoun or a name ("he", "Ms Diemont", "NIESR"), not "the report"
_INNER_SPEAKER = r"(?:he|she|they|we|I|(?:Mr|Mrs|Ms|Dr)\s+[A-Z][\w’'-]+|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'-]+){0,2})"


def show_quote(content: str, limit: int, cue: str | None = None, *, direct: bool = False) -> str:
    """A quote as readers see it: direct speech in “…” without its trailing comma, reported speech as is, led
    by cue (see leading_verb) when that English verb says more than "said" ("called the walkout “deeply
    disappointing”", "voted against the budget", "has not confirmed that …")."""
    text = " ".join(content.split())
    if direct and text[:1] not in _OPEN:
        text = f"“{text}”"  # "Personne ici n’est contre", said between « » that the content leaves out
    verb = " ".join((cue or "").split())
    # "told residents not to drive ...": a plain verb leads when what was said needs whom it was told to
    telling = _tells_more(verb.lower()) or (len(verb.split()) > 1 and text.startswith(("to ", "not ")))
    if text[:1] not in _OPEN and telling and not text.lower().startswith(verb.lower()):
        text = f"{verb} {text}"
    elif _THAT.match(text):
        text = text[5:]  # "Roe: the pier will open", not "Roe: that the pier will open"
    if text[:1] in _OPEN:
        # A quotation resumed after its attribution ("“A,” she said. “B.”") shows its quoted words only,
        # one over paragraphs ("“A. “B.”") reads as one, also when the article never closes it.
        joined = without_reopenings(text)
        parts = [p.strip().rstrip(",") for p in _QUOTED.findall(joined)] or [joined[1:]]
        inner = " … ".join(p for p in parts if p)
        if inner[-1:] in _CLOSE:
            inner = inner[:-1]
        return "“" + _trim_sentences(inner.rstrip(", "), max(limit - 2, 1)) + "”"
    return _trim_sentences(re.sub(r",\s*([”\"’])$", r"\1", text.rstrip(", ")), limit)


def _trim_sentences(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters after its last whole sentence that fits, when that keeps
    at least half of it ("… I think it…" reads worse than "… I think so. …"), else at a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit - 1) if not _ABBREVIATED.search(text, 0, m.start())]
    if ends and ends[-1] >= limit // 2:
        return text[: ends[-1]] + " …"
    return trim(text, limit)


# a sentence end is followed by a capital ("St. Louis" is not one, nor "the U.S. team" or "i.e. Russia")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?(?=\s+[“\"‘]?[A-Z])")
_ABBREVIATED = re.compile(
    r"(?:\b(?:St|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|No|Mt|vs|i\.e|e\.g)|\b[A-Z](?:\.[A-Z])*)\.$"
)


# the "that" of reported speech whose verb is not shown, not the pronoun of "that was unfair"
_THAT = re.compile(
    r"that (?!(?:is|was|were|are|would|will|could|can|may|might|must|should|shall|has|had|have|does|did|means|"
    r"meant|seems|seemed|made|makes|led|leads|'s|’s)\b)\w"
)

# verbs that add nothing to reported speech: "Roe: the pier will open" reads as "Roe said the pier will open"
_PLAIN_CUES = frozenset(["say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
                         "adding", "state", "states", "stated", "stating", "according to"])
# words before a cue that leave it as plain as it was ("has also said" is "said"); one word each, as compared
_AUXILIARIES = frozenset(["has", "have", "had", "also", "then", "later", "previously", "again", "now", "already",
                          "earlier", "just"])
_NEGATIONS = frozenset(["not", "never", "n't", "n’t"])


def leading_verb(quote: Quote) -> str | None:
    """The verb group of a quote whose speaker comes first ("has not confirmed"), else None: in "The pier will
    close, Roe warned" the verb follows what was said and cannot lead it."""
    if quote.source_span is None or quote.source_span[1] > quote.content_span[0]:
        return None
    return quote.cue


def _tells_more(verb: str) -> bool:
    """Whether an English verb group is worth showing before reported speech: one that says more than
    "said" ("warned", "calls for", "has not confirmed", "could not describe", "see" in "Analysts see the
    merger as a rescue"), not a cue of another language."""
    words = verb.replace("n’t", " n’t").replace("n't", " n't").split()
    if not words:
        return False
    negated = any(w in _NEGATIONS for w in words)
    core = words[next((i for i, w in enumerate(words) if w not in _AUXILIARIES), len(words)):]
    plain = " ".join(core) in _PLAIN_CUES or (bool(core) and core[0] in _PLAIN_CUES)  # "told reporters"
    if not negated and plain:
        return False
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words))}
    return any(w in SPEECH_VERBS for w in words) or bool(pairs & _PHRASES)


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
