"""Opening participle clauses: in "While saying X, Roe …" the subject after the comma said X."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import SUBJ_START, alternation
from bot.nlp.quotes.hit import Span
from bot.nlp.quotes.lexicon import PARTICIPLES
from bot.nlp.quotes.segment import MASK
from bot.nlp.quotes.subjects import clean_subject

_OPENING = re.compile(
    rf"(?:(?:While|After|Before|When|Since|By|Without)\s+(?P<low>{alternation(PARTICIPLES)})"
    rf"|(?P<cap>{alternation(frozenset(p.capitalize() for p in PARTICIPLES))}))\b"
)


def opening_participle(masked: str, start: int, end: int) -> tuple[Span, Span, str] | None:
    """Return (content, source, cue) when the sentence opens with a participle of saying and a comma.

    The content runs from the participle to the first comma; the source is the noun phrase right after it.
    """
    m = _OPENING.match(masked, start, end)
    if m is None:
        return None
    group = "low" if m.group("low") is not None else "cap"
    comma = masked.find(", ", m.end(), min(end, m.end() + 200))
    if comma < 0 or MASK in masked[m.end():comma] or len(masked[m.end():comma].split()) < 2:
        return None
    subj = SUBJ_START.match(masked, comma + 2, end)
    if subj is None:
        return None
    source = clean_subject(masked, subj.start("subj"), subj.end("subj"))
    if source is None:
        return None
    s = m.end() + len(masked[m.end():comma]) - len(masked[m.end():comma].lstrip())
    return (s, comma), source, masked[m.start(group):m.end(group)]
