"""Attributions to a named source around a clause: "according to X", "… in a Gallup poll"."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import NAME, NP, PRON, STANDING, TRAILING_POLL
from bot.nlp.quotes.hit import Span
from bot.nlp.quotes.lexicon import PERSON_ROLES
from bot.nlp.quotes.names import analyse_run
from bot.nlp.quotes.segment import MASK
from bot.nlp.quotes.subjects import names_document

# "figures the hospital published last week", "data its staff compiled": a record and who put it out
_PUBLISHER = re.compile(
    rf"(?P<doc>[\w’'-]+(?:\s+[\w’'-]+){{0,2}}?)\s+(?:that\s+)?(?P<who>(?:the|its|his|her|their|our)\s+[\w’'-]+"
    rf"(?:\s+(?!(?:has|have|had|[a-z]+ly)\b)[\w’'-]+)?|{NAME})\s+(?:has\s+|have\s+|had\s+)?(?:[a-z]+ly\s+)?"
    rf"(?:published|released|compiled|issued|gathered|collected"
    r"|provided|produced|prepared|shared|posted|filed|sent|gave|kept|put\s+out|made\s+public)\b"
)


def publisher(mk: str, ss: int, se: int) -> Span:
    """Return who put out the record that an "according to" source names, or the source itself.

    In "according to figures the hospital published last week" the hospital is the source a reader wants:
    >>> text = "figures the hospital published last week"
    >>> text[slice(*publisher(text, 0, len(text)))]
    'the hospital'
    """
    m = _PUBLISHER.match(mk, ss, se)
    if m is None or not names_document(m.group("doc")):
        return ss, se
    return m.span("who")


def according_hit(mk: str, claimed: int, cs: int, ce: int, end: int) -> tuple[Span, Span] | None:
    """Return (content, source) for "according to X" at cs..ce; a content end of -1 means "to the clause end".

    The content is the unclaimed text before the cue, or the clause after the comma that follows X when
    nothing (bar a conjunction) precedes it.
    """
    r = re.match(rf"\s+(?P<subj>{NP}|{PRON}|[^,;:.{MASK}\n]{{2,160}}?)(?=\s*(?:[,;:.]|$))", mk[ce:end])
    if r is None:
        return None
    ss, se = ce + r.start("subj"), ce + r.end("subj")
    lead = mk[claimed:cs].strip(" ,\n")
    if not lead or lead.lower() in ("but", "and", "yet"):
        comma = mk.find(",", se, end)
        if comma < 0 or re.match(r"\s*(?:who|whom|whose|which)\b", mk[comma + 1:end]):
            return None  # "…, according to the researchers, who estimate …": a relative, not the reported clause
        named = _NAME_SET_OFF.match(mk, comma + 1, end)
        if named is not None and re.search(r"\b[a-z]", mk[ss:se]):
            # "According to its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, the claim …": the lawyer
            person = analyse_run(mk, *named.span("name"))
            described = mk[ss:se].split()[-1].lower() in PERSON_ROLES  # "the mayor", "its Paris lawyer"
            if person is not None and person.person and (person.gender or described):
                return (named.end(), -1), named.span("name")
        return (comma + 1, -1), publisher(mk, ss, se)
    return (claimed, cs), publisher(mk, ss, se)


# a person's name set off by commas after a description, perhaps with the body they are of or from
_NAME_SET_OFF = re.compile(
    r"\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
    r"(?:\s+(?:of|at|from)\s+[A-Z][\w’'&-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'&-]*){0,3})?,"
)


def trailing_poll(mk: str, start: int, end: int) -> tuple[Span, Span] | None:
    """Return (content, source) when a poll closes the sentence: "Roe took 6 percent in a Marist poll."

    The poll must be named or recent, or the clause must state a standing that only a poll reports.
    """
    poll = TRAILING_POLL.search(mk, start, end)
    if poll is None or len(mk[start:poll.start()].split()) < 3:
        return None
    named = re.search(r"[A-Z]|\b(?:new|latest|recent)\b", mk[poll.start("subj") + 3:poll.end("subj")])
    if not named and not STANDING.search(mk, start, poll.start()):
        return None
    return (start, poll.start()), poll.span("subj")


# "Asked by a reporter whether the port would close, Roe …": the asker is the source of the question
ASKED_BY = re.compile(rf"\s+by\s+(?P<subj>[^,;:{MASK}\n]{{2,60}}?)(?:\s+(?:on|in|at)\s+[^,;:{MASK}\n]{{2,30}}?)?"
                      rf"\s+(?P<q>(?:whether|if|about|why|how|what|to)\b[^,;{MASK}\n]{{3,200}}?)(?=\s*(?:[,;.]|$))")


def asked_by(mk: str, ce: int, end: int) -> tuple[Span, Span] | None:
    """Return (content, source) for a passive "asked by X whether …" after a cue ending at ce."""
    m = ASKED_BY.match(mk, ce, end)
    if m is None:
        return None
    return m.span("q"), m.span("subj")
