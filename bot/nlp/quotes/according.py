"""The "according to X" attribution: X is the source of the clause around it."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import NP, PRON
from bot.nlp.quotes.segment import MASK

Span = tuple[int, int]


def according_hit(mk: str, claimed: int, cs: int, ce: int, end: int) -> tuple[Span, Span] | None:
    """Return (content, source) for "according to X" at cs..ce; a content end of -1 means "to the clause end".

    The content is the unclaimed text before the cue, or the clause after the comma that follows X when
    nothing (bar a conjunction) precedes it.
    """
    r = re.match(rf"\s+(?P<subj>{NP}|{PRON}|[^,;:.{MASK}\n]{{2,90}}?)(?=\s*(?:[,;:.]|$))", mk[ce:end])
    if r is None:
        return None
    ss, se = ce + r.start("subj"), ce + r.end("subj")
    lead = mk[claimed:cs].strip(" ,\n")
    if not lead or lead.lower() in ("but", "and", "yet"):
        comma = mk.find(",", se, end)
        if comma < 0:
            return None
        return (comma + 1, -1), (ss, se)
    return (claimed, cs), (ss, se)
