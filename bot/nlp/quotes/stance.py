"""Stance cues: verbs whose bare object is what the subject holds or says about it ("Roe endorsed Lee")."""

from __future__ import annotations

import re

from bot.nlp.quotes.hit import Span
from bot.nlp.quotes.lexicon import verb_forms, word_list

# Verbs of support and opposition that annotators treat as attributions even with a one-word object.
STANCE_VERBS: frozenset[str] = frozenset(
    f for b in word_list("""
    endorse support back oppose criticize criticise praise attack condemn applaud denounce blast defend
    favor favour prefer reject welcome commend hail mock deride blame accuse dismiss slam|slammed|slams|slamming
    lambaste decry challenge embrace champion assail chastise rebuke scold fault congratulate""")
    for f in verb_forms(b)
)


# Cues whose bare object is a proposal or a vote, trimmed like a stance's: "proposed the budget in October"
OBJECT_CUES: frozenset[str] = STANCE_VERBS | frozenset(
    f"{verb} {prep}" for verb in ("vote", "votes", "voted", "voting") for prep in ("for", "against")
) | frozenset(verb_forms("propose"))


def short_object_ok(cue: str, content: str) -> bool:
    """Tell whether a one-word content may stand as the object of a stance cue: a name, not a stray word."""
    word = content.strip(" ,.;:")
    return cue.lower() in STANCE_VERBS and re.fullmatch(r"[A-Z][\w’'.-]+", word) is not None


# words that end the noun phrase before a participle: verbs, prepositions and clause openers
_NP_BREAK = frozenset(word_list("""
    to in on at by for with from about into over after before during since than as if when while because
    that who which whom whose and or but is was are were be been has have had did does do not also
    said says told would will could should can may might must there here""")
)
_DETERMINERS = frozenset(word_list("a an the his her their its our those these this some many most other others"))
# what closes the object of a stance cue: a clause break (not the comma of "10,000"), a relative or a subordinate
# clause
_OBJECT_END = re.compile(
    r"(?<!\s)\s*(?:,(?!\d)|[;:—–(\x01])|(?<!\s)\s+(?:who|which|whose|while|as|because|but|although|though|when|where|after|before|and\s+(?:is|was|are|were|has|have|had))\b"
)
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD = re.compile(r"[\w’'.-]+")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "… in October", "… on Tuesday", "… last week" closing an object: when, not what
_TRAILING_TIME = re.compile(
    rf"\s+(?:(?:in|on|during|since|until|by)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?"
    rf"|{_DAY}|\d{{4}}|the\s+(?:spring|summer|fall|autumn|winter))|{_DAY}|(?:last|this|next)\s+(?:week|month|year"
    rf"|spring|summer|fall|autumn|winter|{_DAY}|{_MONTH})|(?:yesterday|today|earlier\s+this\s+(?:week|month|year)))$"
)


def stance_object(masked: str, ce: int, end: int) -> tuple[int, int] | None:
    """Return the object phrase after a stance cue, up to the clause end; None when there is none."""
    s = len(masked) - len(masked[ce:].lstrip()) if masked[ce:end].strip() else end
    stop = _OBJECT_END.search(masked, s, end)
    e = stop.start() if stop is not None else end
    while e > s and masked[e - 1] in " .!?":
        e -= 1
    words = masked[s:e].split()
    if not words or len(words) > 14 or words[0].lower() in _NP_BREAK - {"that"}:
        return None
    return s, e


def untimed_end(masked: str, s: int, e: int) -> int:
    """Return where an object ends without the time phrase that closes it ("the budget in October").

    >>> text = "proposed the budget in October"
    >>> text[9:untimed_end(text, 9, len(text))]
    'the budget'
    """
    when = _TRAILING_TIME.search(masked, s, e)
    return when.start() if when is not None and masked[s:when.start()].strip() else e


def participle_source(masked: str, lo: int, cs: int) -> tuple[int, int] | None:
    """Return the noun phrase right before a stance participle ("a group backing Lee"): its holder."""
    toks = list(_WORD.finditer(masked, max(lo, cs - 120), cs))
    if not toks or masked[toks[-1].end():cs].strip():
        return None
    keep: list[re.Match[str]] = []
    for t in reversed(toks):
        w = t.group().lower()
        if w in _NP_BREAK or w.endswith(("ly", "ed")) or masked[t.end():(keep[-1].start() if keep else cs)].strip():
            break
        keep.append(t)
        if w in _DETERMINERS or len(keep) == 5:
            break
    if not keep:
        return None
    last = keep[0].group().lower()
    if last in _DETERMINERS - {"those", "others", "some", "many", "most"} or last.endswith(("ed", "ing")):
        return None
    return keep[-1].start(), keep[0].end()


# "her criticism of the vote", "Roe's attacks on Lee", "their support for the ban"
_STANCE_NOUN = re.compile(
    r"(?<![\w’'-])(?P<src>[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*[’']s?)\s+"
    r"(?:(?:[a-z]+ly|harsh|strong|sharp|repeated|latest|early|public|fierce|personal|own|vocal)\s+){0,2}"
    r"(?P<cue>criticism\s+of|attacks?\s+on|support\s+for|opposition\s+to|praise\s+(?:of|for)|endorsement\s+of"
    r"|condemnation\s+of|defen[cs]e\s+of)\s+"
)


# "Roe's plan to cut fares", "his claim that the vote was rigged": a noun whose clause its possessor put forward
_CLAUSE_NOUN = re.compile(
    r"(?<![\w’'-])(?P<src>[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*[’']s?)\s+"
    r"(?:(?:[a-z]+ly|new|latest|recent|repeated|earlier|own|public|controversial|proposed|stated)\s+){0,2}"
    r"(?P<cue>(?:plans?|proposals?|decision|promises?|pledges?|vows?|calls?|refusal)(?=\s+to\s+[a-z])"
    r"|(?:claims?|assertions?|arguments?|insistence|beliefs?|view|suggestions?|warnings?)(?=\s+that\b))\s+"
)


def _clause(masked: str, s: int, end: int) -> Span | None:
    """Return the clause a noun of saying introduces ("to cut fares", "that it was rigged"), up to a break."""
    stop = re.compile(r"\s*[,;:—–(\x01]|\s+(?:but|because|although|though|while)\b").search(masked, s, end)
    e = stop.start() if stop is not None else end
    while e > s and masked[e - 1] in " .!?":
        e -= 1
    return (s, e) if len(masked[s:e].split()) >= 3 else None


def stance_nouns(masked: str, start: int, end: int) -> list[tuple[Span, Span, str]]:
    """Return (content, source, cue) for the stance nouns of a sentence, their possessor as the holder."""
    out: list[tuple[Span, Span, str]] = []
    for m in _CLAUSE_NOUN.finditer(masked, start, end):
        clause = _clause(masked, m.end(), end)
        if clause is not None:
            ss, se = m.span("src")
            owner = _POSSESSIVE.search(masked, ss, se)
            out.append((clause, (ss, owner.start() if owner else se), m.group("cue")))
    for m in _STANCE_NOUN.finditer(masked, start, end):
        obj = stance_object(masked, m.end(), end)
        if obj is not None:
            ss, se = m.span("src")
            owner = _POSSESSIVE.search(masked, ss, se)
            out.append((obj, (ss, owner.start() if owner else se), " ".join(m.group("cue").split())))
    return out


_RELATIVE = re.compile(r"(?<![\w’'-])(?:which|that)(?=\s+$)")


def relative_holder(masked: str, lo: int, cs: int) -> Span | None:
    """Return the "which" or "that" right before a stance cue ("Acme, which opposed the bill"), if any."""
    m = _RELATIVE.search(masked, max(lo, cs - 7), cs)
    return m.span() if m is not None else None
