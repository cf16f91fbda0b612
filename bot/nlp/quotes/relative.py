"""Subjects kept apart from their verb by a relative clause, a participial aside or an earlier verb of a list."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import DET, FILL, NAME, ROLE
from bot.nlp.quotes.hit import Span
from bot.nlp.quotes.segment import MASK
from bot.nlp.quotes.subjects import NOT_INSIDE_SUBJECT, NOT_SUBJECT_END, clean_subject

# the head before the relative: "One attendee", "A White House official", "Mr. Paulson", "Democrats in Iowa",
# "Board member Dana Roe"
_HEAD = (rf"(?:{DET}(?:\s+[\w’'.-]+){{1,4}}?|(?:{NAME}\s+)?{ROLE}\s+{NAME}|{NAME})"
         r"(?:\s+(?:of|in|from|at|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?")
# ", who …," set off by commas, or a bare "who …" that runs up to the verb, also when only a comma opens it ("Mr
# Galloway, who on Thursday won damages from the Telegraph said …")
REL_SUBJ = re.compile(
    rf"(?:(?:And|But|So|Yet|Still|Now)\b,?\s+)?(?P<subj>{_HEAD})"
    rf"(?:,\s+(?:who|which)\s[^;{MASK}\n]{{2,200}}?,|(?P<bare>,?\s+who(?:se)?\s(?:[^,;{MASK}\n]|(?<=\d),(?=\d)){{2,120}}?)){FILL}\s+$"
)
# "… who did not want to be named said …": a verb of saying that ends the relative clause
_MAIN = r"(?:said|says|say|told|tells|tell|added|wrote|argued|warned|insisted)"
MAIN_VERB = re.compile(rf"\s+{_MAIN}\b")
_MAIN_AT = re.compile(rf"{_MAIN}\b")


def relative_subject(masked: str, start: int, cue_start: int) -> Span | None:
    """Return the subject opening the sentence when only a relative clause of it precedes the cue at cue_start."""
    m = REL_SUBJ.match(masked, start, cue_start)
    if m is None:
        return None
    if m.group("bare") is not None and not _MAIN_AT.match(masked, cue_start, cue_start + 9):
        return None  # without commas only a plain verb of saying shows where the relative clause ends
    words = [w.lower() for w in m.group("subj").split()]
    if words[-1] in NOT_SUBJECT_END or any(w in NOT_INSIDE_SUBJECT for w in words):
        return None
    return clean_subject(masked, m.start("subj"), m.end("subj"))


def relative_end(masked: str, start: int, end: int) -> int:
    """Return where the content of a cue inside a bare relative clause stops: before the main verb of saying."""
    m = MAIN_VERB.search(masked, start, end)
    return m.start() if m is not None else end


def listed_verb(masked: str, prev_source: Span, prev_cue: str | None, low: str) -> bool:
    """Tell whether a finite cue right after a comma continues the clause of the previous hit, sharing its subject."""
    if prev_cue is None or prev_cue.lower() in ("according to", "in", ":"):
        return False
    if prev_cue.lower().endswith("ing"):
        return True  # "Roe, citing the delays, said …": a participial aside between subject and verb
    if masked[prev_source[0]:prev_source[1]].lower() in ("who", "which", "that"):
        return False  # the relative's verb list is not the main clause's
    # "said" after a comma mostly closes an appositive ("Roe, a founder of Acme, said"), not a list
    return low.endswith("ed") and low not in ("said", "compared")
