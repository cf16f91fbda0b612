"""Find quoted passages and sentences in raw text, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlp.quotes.lexicon import ABBREVIATIONS, SPEECH_VERBS

MASK = "\x01"

_MARK = re.compile(r"“|”|„|\"|``|''")
_PARA = re.compile(r"\n")
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\x01\"“‘'(\[`A-Z0-9])|[.!?]+[\"”’')\]]*(?=\s*$)")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
# a sentence, then a short attribution that opens a quotation ("… a Muslim. He added: "): no quotation goes on so
_LOST_CLOSE = re.compile(r"[.!?](?=\s+[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}\s+\w+:\s+$)")
# a sentence ended inside a quotation, then a mark opens the next paragraph of it
_REOPENS = re.compile(r"[.!?][’']?\s+$")


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted passage: its span includes the quotation marks; closed is False when it ran to a break."""

    start: int
    end: int
    closed: bool


def _is_opening(text: str, pos: int, mark: str) -> bool:
    """Decide whether a mark at pos opens a quotation."""
    if mark in ("“", "„", "``"):
        return True
    if mark == "”":
        # a wrong-way mark opening a paragraph ("”Fear. …") still opens its quotation
        return (pos == 0 or text[pos - 1] == "\n") and text[pos + 1:pos + 2].isalnum()
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    return False


def _reopens(text: str, open_at: int, pos: int) -> bool:
    """Whether the opening mark at pos, in a quotation open since open_at, opens its next paragraph: each
    paragraph of a quotation opens with a mark and only the last one closes, so a text that lost its
    paragraph breaks reads '"… for us. "There's no plans …"'."""
    return _REOPENS.search(text, open_at + 1, pos) is not None and not text[pos + 1 : pos + 2].isspace()


def without_reopenings(quotation: str) -> str:
    """Return a quotation without the marks that open its later paragraphs, so that it reads as one.

    >>> without_reopenings('"We watched. It was hard. "Yet we stood up," she said.')
    '"We watched. It was hard. Yet we stood up," she said.'
    """
    parts: list[str] = []
    last = 0
    open_at: int | None = None
    for m in re.finditer(r"[“”\"]", quotation):
        pos, mark = m.start(), m.group()
        if open_at is None:
            open_at = pos if mark != "”" else None
        elif mark != "”" and _reopens(quotation, open_at, pos):
            parts.append(quotation[last:pos])
            last = pos + 1
        elif mark == "“":
            open_at = pos
        else:
            open_at = None
    return "".join(parts) + quotation[last:]


def _paragraph_segments(text: str, ps: int, pe: int) -> tuple[list[Segment], int | None]:
    """Return the closed passages of one paragraph and where an unclosed one opens (or None)."""
    segs: list[Segment] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, ps, pe):
        pos, mark = m.start(), m.group()
        opening = _is_opening(text, pos, mark)
        if open_at is None:
            if opening or mark == '"':
                open_at = pos
        elif mark == "“" and (pos + 1 >= pe or text[pos + 1].isspace()) and text[pos - 1] in ".,?!":
            # a wrong-way mark closing a quotation ("… a fascist?“ he asked")
            segs.append(Segment(open_at, pos + 1, True))
            open_at = None
        elif mark in ('"', "“") and opening and _reopens(text, open_at, pos):
            continue  # '… for us. "There's no plans …"': a quotation over paragraphs whose break the text lost
        elif mark in ('"', "“") and opening and (lost := _LOST_CLOSE.search(text, open_at + 1, pos)) is not None:
            # '"… because I was a Muslim. He added: "The authorities …"': the first quotation lost its closing
            # mark; it ends with its last sentence before the attribution that opens the next
            segs.append(Segment(open_at, lost.start() + 1, False))
            open_at = pos
        elif mark in ("“", "``") and opening:
            open_at = pos  # the earlier mark was never closed: start again here
        elif mark == "''" and opening and text[open_at] != "`" and text[open_at:open_at + 2] != "''":
            continue
        else:
            segs.append(Segment(open_at, pos + len(mark), True))
            open_at = None
    return segs, open_at


def find_segments(text: str) -> list[Segment]:
    """Return quoted passages in order; a passage left open at a paragraph end continues into the next one."""
    segs: list[Segment] = []
    carry: int | None = None  # start of a passage left open by the previous paragraph
    last_end = 0
    for para in re.finditer(r"[^\n]+", text):
        ps, pe = para.span()
        while pe > ps and text[pe - 1].isspace():
            pe -= 1
        if pe <= ps:
            continue
        lead = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        inner, open_at = _paragraph_segments(text, ps, pe)
        if carry is not None:
            if inner and inner[0].start == lead:
                inner[0] = Segment(carry, inner[0].end, True)
            elif open_at == lead and not inner:
                open_at = carry
            else:
                segs.append(Segment(carry, last_end, False))
        segs.extend(inner)
        carry = open_at
        last_end = pe
    if carry is not None:
        segs.append(Segment(carry, len(text.rstrip()), False))
    return [s for s in segs if s.end - s.start > 2]


def mask_segments(text: str, segs: list[Segment]) -> str:
    """Return text with every quoted passage replaced by MASK characters of the same length."""
    parts: list[str] = []
    last = 0
    for s in segs:
        parts.append(text[last:s.start])
        # newlines too: a quotation running over paragraphs stays one piece of the sentence
        parts.append(MASK * (s.end - s.start))
        last = s.end
    parts.append(text[last:])
    return "".join(parts)


# "WESTHOLM — ", "LOS ANGELES, Sept. 28 (UPI) — ", "WASHINGTON (AP) -- ": a place line opening a paragraph
_DATELINE = re.compile(
    r"(?:(?<=\n)|^)[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ.'’-]+){0,5}"
    r"(?:[ \t]*\([^()\n]{1,30}\))?(?:,[^,—–\n]{1,30})?"
    rf"[ \t]+(?:—|–|--|-)[ \t]+(?=[A-Z“\"‘'{MASK}])"
)


def mask_datelines(masked: str) -> str:
    """Return masked text with the datelines that open paragraphs blanked out, offsets kept.

    A dateline names where a story was filed, never who speaks, and no quote's content includes it:
    >>> mask_datelines("PORT CALDER — The mayor said so.")
    '              The mayor said so.'
    """
    return _DATELINE.sub(lambda m: " " * len(m.group()), masked)


def sentences(text: str, masked: str) -> list[tuple[int, int]]:
    """Split masked text into sentence spans; quoted passages (masked) never split."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", masked):
        ps, pe = para.span()
        if masked[ps:pe].strip(MASK + " \t") == "" and MASK not in masked[ps:pe]:
            continue
        start = ps
        for b in sorted([*_BOUNDARY.finditer(masked, ps, pe), *_quote_ends(text, masked, ps, pe)],
                        key=lambda x: x.start()):
            word = _LAST_WORD.search(masked, max(ps, b.start() - 12), b.start() + 1)
            if word and b.group().startswith(".") and len(b.group()) == 1:
                w = word.group(1).lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                    continue
            spans.append((start, b.end()))
            start = b.end()
        if masked[start:pe].strip():
            spans.append((start, pe))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and masked[s].isspace():
            s += 1
        if s < e:
            out.append((s, e))
    return out


# "…?” Trump said." / "…!” said Ms. Roe": an attribution right after the marks keeps the sentence whole
_FINITE = "|".join(sorted((v for v in SPEECH_VERBS if not v.endswith("ing")), key=len, reverse=True))
_ATTRIBUTION_NEXT = re.compile(
    rf"\s+(?:[\w’'.-]+\s+){{0,3}}?(?:{_FINITE})\b"
    r"(?=[,.;:]|\s+(?:when|after|before|while|in|on|at|during|to|of|about|from|as)\b"
    r"|(?:\s+[^\s.!?]+){1,8}[.!?,;:]|\s*$)"
)
_QUOTE_END = re.compile(r"\x01(?=\s+[\x01\"“‘'(\[`A-Z0-9])")


def _quote_ends(text: str, masked: str, ps: int, pe: int) -> list[re.Match[str]]:
    """Return ends of quoted passages whose last sentence closes inside the marks ("… over.” He left)."""
    out = []
    for m in _QUOTE_END.finditer(masked, ps, pe):
        inner = text[max(ps, m.start() - 3):m.start()]
        # "… over.” He left." ends a sentence; "… over?” she asked." does not
        if re.search(r"\.[’']?$", inner) or (
                re.search(r"[!?][’']?$", inner) and not _ATTRIBUTION_NEXT.match(masked, m.end(), pe)):
            out.append(m)
    return out
