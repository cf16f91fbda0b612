"""Title-case headlines: in "Roe Slams Council Over Fares" the names before the verb hold what follows it."""

from __future__ import annotations

import itertools
import re

from bot.nlp.quotes.grammar import CUE
from bot.nlp.quotes.hit import Span
from bot.nlp.quotes.lexicon import NON_NAMES, SUBJECT_FILLERS

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# words and marks that end a headline's clause: "Roe Slams Lee, Quits Race", "… While Lee Waits"
_BREAK = re.compile(r"[,:;?!—–(]|\s-+\s|\s(?:While|After|As|But|Amid|Because|Before|When|Despite|Following|"
                    r"Since|Though|Although|If|Then|And|Or|Than)\s")
# words that cannot close the subject of a headline verb
_NOT_SUBJECT_END = frozenset(w.lower() for w in ("Not", "Never", "Also", "Now", "Still", "Just", "Even", "Again"))
# words that make a capitalized run a noun phrase ("Things Of The Year") rather than a speaker's name
_PREPOSITIONS = frozenset(("of", "in", "on", "to", "for", "with", "by", "from", "at"))


def is_title_case(text: str) -> bool:
    """Tell whether a sentence is written in title case: long words capitalized, few exceptions."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    if len(words) < 3:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital >= 0.85 * len(words) and not text.isupper()


def _subject(masked: str, lo: int, cs: int) -> Span | None:
    """Return the capitalized words right before a headline verb, without trailing auxiliaries."""
    head = masked[lo:cs]
    breaks = list(_BREAK.finditer(head))
    s = lo + breaks[-1].end() if breaks else lo
    words = list(_WORD.finditer(masked, s, cs)) if masked[s:cs].strip() else []
    if not words or any(not re.fullmatch(r"[\s\d.&-]*", masked[p.end():m.start()])
                        for p, m in itertools.pairwise(words)):
        return None  # a quotation or other mark between the words: not one name
    while words and (words[-1].group().lower() in SUBJECT_FILLERS | _NOT_SUBJECT_END
                     or words[-1].group().lower().endswith("ly")):
        words.pop()  # "Roe May Not Have Said": the auxiliaries belong to the verb
    while words and words[0].group().lower() in NON_NAMES:
        if words[0].group().lower() in _PREPOSITIONS:
            return None  # "Ten Of The Things Roe Said": a noun phrase, not a speaker and verb
        words.pop(0)  # "Why Roe Says …": an opening function word is no name
    if not words or len(words) > 7 or not all(w.group()[0].isupper() for w in words):
        return None
    if any(w.group().lower() in _PREPOSITIONS | {"the"} for w in words[1:]):
        return None  # "Ten Of The Things Roe Said": a noun phrase, not a speaker
    lead = re.search(r"(?:\d[\d,.]*\s+)$", masked[s:words[0].start()])
    return (s + lead.start() if lead else words[0].start()), words[-1].end()


def headline_hits(masked: str, start: int, end: int) -> list[tuple[Span, Span, str]]:
    """Return (content, source, cue) for the verbs of a title-case headline sentence at start..end.

    The content runs from the verb to the next clause break; the source is the run of capitalized words
    before the verb. Participles and "according to" are left to the ordinary rules.
    """
    lowered = masked[start:end].lower()
    if len(lowered) != end - start:
        return []  # a case change that moves offsets: nothing safe to report
    out: list[tuple[Span, Span, str]] = []
    lo = start
    for m in CUE.finditer(lowered):
        cs, ce = start + m.start(), start + m.end()
        word = m.group()
        if not masked[cs].isupper() or word.endswith("ing") or word == "according to" or cs < lo:
            continue
        src = _subject(masked, lo, cs)
        if src is None:
            continue
        stop = _BREAK.search(masked, ce, end)
        e = stop.start() if stop is not None else end
        while e > ce and masked[e - 1] in " .":
            e -= 1
        s = ce + len(masked[ce:e]) - len(masked[ce:e].lstrip())
        first = masked[s:e].split()[0] if masked[s:e].strip() else ""
        if e - s < 2 or first.lower() == "by" or first.endswith("ed"):
            continue  # "Suspect Named By Police": the noun of a passive verb, not a speaker and cue
        out.append(((s, e), src, masked[cs:ce]))
        lo = e
    return out
