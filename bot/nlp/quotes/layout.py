"""Quotes that page layout attributes: credit lines after a quotation and speaker labels in transcripts."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import NAME_TOK
from bot.nlp.quotes.hit import Hit
from bot.nlp.quotes.segment import Segment
from bot.nlp.quotes.subjects import NOT_SPEAKERS

# "“…” ― Dana Roe" closing a line: a dash and a bare name credit the quotation before them
_CREDIT = re.compile(
    rf"[^\S\n]*(?:―|—|–|--)[^\S\n]*(?P<subj>{NAME_TOK}(?:[^\S\n]+{NAME_TOK}){{0,4}})[^\S\n]*\.?[^\S\n]*(?=\n|$)"
)
# "ROE: Thank you." / "Q: Why now?" opening a paragraph of an interview or transcript
_TURN = re.compile(
    r"^[ \t]*[\"“]?(?P<label>[A-Z][A-Z’'.-]+(?:[ \t]+[A-Z][A-Z’'.-]+){0,2}|[QA]):[ \t]+(?P<body>\S[^\n]*)$",
    re.MULTILINE,
)
# the shortest a transcript is: two labelled turns
_MIN_TURNS = 2


def credit_lines(text: str, segs: list[Segment]) -> list[Hit]:
    """Return quotations credited by a dash and a name after them, the name as the source."""
    out: list[Hit] = []
    for g in segs:
        m = _CREDIT.match(text, g.end)
        if m is None or m.group("subj").lower() in NOT_SPEAKERS:
            continue
        if len(text[g.start:g.end].split()) < 3:
            continue  # a quoted title or nickname, not a statement
        out.append(Hit((g.start, g.end), m.span("subj"), m.group().strip()[:1], True))
    return out


def transcript_turns(text: str) -> list[Hit]:
    """Return the turns of a transcript ("ROE: …", "Q: …"), each label the source of its paragraph.

    Only texts with at least two labelled paragraphs count as transcripts, so that a lone "UPDATE:" or an
    all-capital headline is left alone; a question-and-answer interview needs both its Q and its A.
    """
    turns = [m for m in _TURN.finditer(text)
             if m.group("label") in ("Q", "A") or m.group("label").lower().strip(".") not in NOT_SPEAKERS]
    if not {"Q", "A"} <= {m.group("label") for m in turns}:
        turns = [m for m in turns if m.group("label") not in ("Q", "A")]
    if len(turns) < _MIN_TURNS:
        return []
    out: list[Hit] = []
    for m in turns:
        s, e = m.span("body")
        while e > s and text[e - 1] in " \t\"”":
            e -= 1
        if e - s >= 3:
            out.append(Hit((s, e), m.span("label"), ":", False))
    return out
