"""Find direct, indirect and mixed quotes in article text and attribute them to speakers."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from bot.models import Quote, QuoteKind
from bot.nlp.lang import normalize_language
from bot.nlp.quotes.attribution import SentenceAttributor
from bot.nlp.quotes.coref import Resolver
from bot.nlp.quotes.hit import Hit
from bot.nlp.quotes.layout import credit_lines, transcript_turns
from bot.nlp.quotes.lexicon import (
    ABBREVIATIONS,
    FINITE_AUXILIARIES,
    PEERAGE,
    PERSON_ROLES,
    PLAIN_SAYING,
    word_list,
)
from bot.nlp.quotes.names import find_mentions, names_no_one
from bot.nlp.quotes.other_languages import extract_other
from bot.nlp.quotes.segment import Segment, find_segments, mask_datelines, mask_segments, sentences
from bot.nlp.quotes.subjects import with_people_of


def _kind(text: str, content: tuple[int, int], segs: list[Segment]) -> QuoteKind:
    s, e = content
    inside = [g for g in segs if g.start >= s - 1 and g.end <= e + 1]
    if not inside:
        return "indirect"
    head = text[s:inside[0].start].strip(" ,")
    tail = text[inside[-1].end:e].strip(" ,")
    if head or tail:
        return "mixed"
    # "“…,” she said. “…”": only the attribution between the quotations
    between = [text[a.end:b.start] for a, b in itertools.pairwise(inside)]
    return "direct" if all(len(b.split()) <= 12 for b in between) else "mixed"


def _lone_quotes(text: str, masked: str, segs: list[Segment], hits: list[Hit]) -> list[Hit]:
    """Attach unattributed quotations to the speaker of the quotation just before them."""
    out: list[Hit] = []
    covered = sorted(h.content for h in hits)
    by_start = sorted(hits, key=lambda h: h.content[0])
    for g in segs:
        if any(s <= g.start and g.end <= e + 1 for s, e in covered):
            continue
        if any(s < g.end and g.start < e for s, e in covered):
            continue
        if len(text[g.start:g.end].split()) < 4:
            continue
        prev = [h for h in by_start if h.content[1] <= g.start and h.quoted]
        if not prev:
            continue
        p = prev[-1]
        # "…, Mr Howard said." closing the paragraph right before: the quotation that opens the next is his
        said = [h for h in by_start if p.content[1] <= h.content[0] and h.content[1] <= g.start and h.source
                and h.source[0] > h.content[1] and _NAMED_LAST.fullmatch(masked, h.source[1], g.start)]
        if said:
            p = said[-1]
        # 'Peter Nielson said he had suspended him. "He will remain suspended …"': in a new paragraph, the
        # person who speaks in it before the quotation, not the one quoted in an earlier paragraph
        here = [h for h in by_start if p.content[1] <= h.content[0] and h.content[1] <= g.start and h.source
                and "\n" in masked[p.content[1]:h.content[0]] and "\n" not in masked[h.content[0]:g.start]]
        said_here = here and PLAIN_SAYING.intersection((here[-1].cue or "").lower().split())
        if said_here and _SENTENCE_BEFORE.search(masked, 0, g.start):
            out.append(Hit((g.start, g.end), None, None, True, inherited=here[-1].source))
            continue
        gap = masked[p.content[1]:g.start]
        if gap.count("\n") > 2 or len(gap) > 400:
            continue
        same_para = "\n" not in gap
        if same_para and _someone_else_leads(text, masked, p, g.start):
            continue  # '… she said. Meanwhile backbencher Stephen Pound labelled the plans "a pile of pants".'
        out.append(Hit((g.start, g.end), p.source if same_para else None, p.cue if same_para else None, True,
                       lone=same_para, inherited=None if same_para else p.source))
    return out


def _someone_else_leads(text: str, masked: str, p: Hit, pos: int) -> bool:
    """Tell whether a new sentence between quote p and a quotation at pos names a person other than p's
    speaker before the quotation: the quotation is then that sentence's, not a continuation of p's."""
    ends = list(_SENTENCE_END.finditer(masked, p.content[1], pos))
    if not ends:
        return False
    speaker = set(text[slice(*p.source)].split()) if p.source is not None else set()
    # a person surely: a given name or a title tells ("Stephen Pound", "backbencher Pound"), not "Onyx Hotel"
    return any(m.person and (m.gender or m.titles) and not speaker.intersection(m.name.split())
               for m in find_mentions(masked[ends[-1].end():pos]))


_SENTENCE_END = re.compile(r"[.!?][\"”’'\x01]?\s+(?=[A-Z])")


def _merge_continuations(text: str, masked: str, hits: list[Hit]) -> list[Hit]:
    """Join a quote with the next one of the same speaker when only its attribution lies between."""
    hits = sorted(hits, key=lambda h: h.content[0])
    out: list[Hit] = []
    for h in hits:
        if out:
            p = out[-1]
            gap = masked[p.content[1]:h.content[0]]
            if h.lone and p.quoted and h.source == p.source and "\n" not in gap:
                out[-1] = Hit((p.content[0], h.content[1]), p.source, p.cue, True)
                continue
        if h.lone:
            continue  # its speaker's quotation is not the one just before: too unsure to keep
        out.append(h)
    return out


def _with_layout(text: str, segs: list[Segment], hits: list[Hit]) -> list[Hit]:
    """Add the quotes that credit lines and transcript labels attribute, replacing weaker readings of them."""
    extra = [h for h in credit_lines(text, segs)
             if not any(o.content[0] <= h.content[0] + 1 and h.content[1] - 1 <= o.content[1] for o in hits)]
    turns = transcript_turns(text)
    labels = [t.source for t in turns if t.source is not None]
    # a label already read as a one-line headline gives way to the whole turn
    kept = [h for h in hits if h.source is None or not any(s <= h.source[0] < e for s, e in labels)]
    return kept + extra + turns


def _quoted_as_saying(masked: str, hits: list[Hit]) -> list[Hit]:
    """Give words that a paper or an agency "quoted X as saying" to X ("…," AP quoted prosecutor Russell McGuire
    as saying), and drop the reading of "X as saying" as what the agency said."""
    out: list[Hit] = []
    for h in hits:
        if _AS_SAYING.fullmatch(masked, *h.content) is not None:
            continue  # "Reuters quoted: a central bank official as saying"
        if h.source is not None and (m := _QUOTED_AS.match(masked, h.source[1])) is not None:
            h.source = m.span("who")
            if masked[h.content[0] : m.start("who")].strip() == "":
                # "The Times quoted an adviser as saying the plan would fail": what the adviser said
                start = m.end() + len(masked[m.end() : h.content[1]]) - len(masked[m.end() : h.content[1]].lstrip())
                if h.content[1] - start < 3:
                    continue
                h.content = (start, h.content[1])
        out.append(h)
    return out


# "… quoted a central bank official as saying", "… quoting prosecutor Russell McGuire as saying"
_QUOTED_AS = re.compile(
    r"\s+(?:has\s+|had\s+|was\s+)?quot(?:ed|es|ing)\s+(?P<who>(?:[^\s\x01,.;:]+\s+){0,6}?[^\s\x01,.;:]+)"
    r"\s+as\s+(?:saying|having\s+said)\b"
)
_AS_SAYING = re.compile(r"(?:[^\s\x01,.;:]+\s+){0,6}?[^\s\x01,.;:]+\s+as\s+(?:saying|having\s+said)[.,]?")


def extract_quotes(text: str, *, language: str | None = None) -> list[Quote]:
    """Return the quotes of an article with their speakers; spans are offsets into text as given.

    language is the article's language if known ("fr", "de-AT", "German"), else it is detected from text;
    French, German, Spanish and Russian text is read by extract_other, anything else as English.
    Pure and synchronous: the same text always gives the same quotes, in text order.
    """
    code = normalize_language(language, text)
    if code != "en":
        return extract_other(text, code)
    segs = find_segments(text)
    masked = mask_datelines(mask_segments(text, segs))
    hits: list[Hit] = []
    seg_at = {g.start: g for g in segs}
    spans = sentences(text, masked)
    for s, e in spans:
        hits.extend(SentenceAttributor(text, masked, s, e, seg_at).run())
    hits = _with_layout(text, segs, hits)
    hits.extend(_lone_quotes(text, masked, segs, hits))
    hits = _merge_continuations(text, masked, hits)
    hits = _quoted_as_saying(masked, hits)
    # "Despite hopes of approval …", "Registering credit card details …": a noun read as a verb of saying
    hits = [h for h in hits if h.source is None or not names_no_one(masked, *h.source, h.cue)]
    for h in hits:
        if h.source is not None:
            h.source = _without_full_stop(masked, *with_people_of(masked, *h.source))  # "Critics of …": the critics
    resolver = Resolver(masked, find_mentions(masked), spans)
    peers = _peers(masked)
    quotes: list[Quote] = []
    for h in sorted(hits, key=lambda h: h.content[0]):
        s, e = h.content
        lead = _BEFORE_COLON.match(text, s, e)
        if lead is not None and not _FINITE.search(lead.group()):
            s = lead.end()  # "told the Reuters news agency: “If they default …”": the quotation alone
        if h.inherited is not None:
            ss, se = h.inherited
            src, speaker = None, resolver.resolve(text[ss:se], ss)
        elif h.source is not None:
            ss, se = h.source
            src = text[ss:se]
            # what was said before its speaker ("X has failed, he claimed") names someone else than "he"
            before = e <= ss or src.strip().lower() in ("who", "which", "that")  # "Roe, who says Lee …": not Lee
            speaker = resolver.resolve(src, ss, text[s:e] if before else "")
        else:
            src, speaker = None, "unknown"
        cue = _verb_group(text, h.source, h.content, h.cue) if h.inherited is None else h.cue
        quotes.append(Quote(speaker=peers.get(speaker, speaker), source_text=src, source_span=h.source, cue=cue,
                            content=text[s:e], content_span=(s, e), kind=_kind(text, (s, e), segs)))
    return _named_next(quotes, masked, spans)


def _named_next(quotes: list[Quote], masked: str, spans: list[tuple[int, int]]) -> list[Quote]:
    """Name a story's first speaker when it is described, not named, and the next sentence opens on a person
    the text has not named before as its subject ("Mike Tindall's agent has warned Bath … / Dipo Alli says he
    has received an offer …", "A former Home Office minister has called … / Barbara Roche said …"): news
    leads with the description and names the person next. That speaker's later "the agent" is the same one.
    The speaker may follow one the headline gives. A spokesman or an official, whom news often leaves
    unnamed, and a body ("The Conservatives") stay as they are."""
    starts = [s for s, _ in spans]
    lead = ((q, q.source_span[0], _DESCRIBED_SPEAKER.fullmatch(q.speaker)) for q in quotes
            if q.source_span is not None and bisect.bisect_right(starts, q.source_span[0]) <= 2)
    first, at, described = next(((q, at, d) for q, at, d in lead if d is not None), (None, 0, None))
    if first is None or described is None or described.group("head").lower() not in _NAMED_NEXT_HEADS:
        return quotes
    i = bisect.bisect_right(starts, at)  # the sentence after the speaker's
    if i >= len(spans):
        return quotes
    lo, hi = spans[i]
    opening = next(iter(find_mentions(masked[lo:hi])), None)
    if (opening is None or not opening.person or opening.titles or len(opening.name.split()) < 2
            or masked[lo : lo + opening.start].strip(" \n\"“") or opening.name.split()[-1] in masked[:lo]
            or not _SUBJECT_NEXT.match(masked, lo + opening.end)):
        return quotes
    same = {first.speaker.lower(), f"the {described.group('head').lower()}"}
    return [replace(q, speaker=opening.name) if q.speaker.lower() in same else q for q in quotes]


_SUBJECT_NEXT = re.compile(r"(?:\s+\x01+)?,?\s+[a-z]")  # "Dipo Alli says", "Richard Thomas “…” condemned"


# "Mike Tindall's agent", "A former Home Office minister", "Chancellor Gordon Brown's closest ally"
_DESCRIBED_SPEAKER = re.compile(r"(?:[Aa]n?|[Tt]he|[^\s].*?['’]s)\s+(?:[\w-]+\s+){0,4}?(?P<head>[a-z][a-z-]+)")
_NAMED_NEXT_HEADS = (PERSON_ROLES - {"spokesman", "spokeswoman", "spokesperson", "official", "person",
                                     "counterpart", "representative"}) | frozenset(
    word_list("expert ally commissioner backbencher barrister agent coach boss friend analyst campaigner"))


def _without_full_stop(masked: str, s: int, e: int) -> tuple[int, int]:
    """Return a source span without the full stop of the sentence it closes ("…, said Band Aid."), which an
    initial or an abbreviation keeps ("Acme Co.", "John E.")."""
    if e - s > 1 and masked[e - 1] == "." and not _KEEPS_STOP.search(masked, s, e):
        return s, e - 1
    return s, e


_SHORT_FORMS = "|".join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))
_KEEPS_STOP = re.compile(rf"(?:\b[A-Z]|\b(?i:{_SHORT_FORMS}))\.$")


def _peers(masked: str) -> dict[str, str]:
    """Map the surname of each peer the text names by title alone ("Lord Falconer") to that title and name,
    so that a speaker is "Lord Falconer" rather than "Falconer"; not when another capitalised word comes
    before that surname somewhere ("Kathy Butler" beside "Lord Butler")."""
    out: dict[str, str] = {}
    for m in _PEER.finditer(masked):
        title, surname = m.groups()
        before = {b.group(1) for b in re.finditer(rf"([A-Z][\w’'.-]*)\s+{re.escape(surname)}\b", masked)}
        if before == {title}:
            out[surname] = f"{title} {surname}"
    for m in _PEER_OF.finditer(masked):  # "Lord Nicholls of Birkenhead", not "Nicholls of Birkenhead"
        out[m.group(2)] = f"{m.group(1)} {m.group(2)}"
    return out


_PEER = re.compile(r"\b(Lord|Lady|Baroness|Baron|Dame)\s+([A-Z][a-z][\w’'-]*)\b(?!\s+[A-Z])")
_PEER_OF = re.compile(
    rf"\b({'|'.join(sorted(w.capitalize() for w in PEERAGE))})\s+([A-Z][a-z][\w’'-]*\s+of\s+[A-Z][\w’'-]*[a-z])"
)


# the rest of whom or how something was said, up to a colon and a quotation ("news agency: “…”", "in a
# letter: “…”", "that: “…”", "of the hostility she met: “…”"); a clause of reported speech is longer
_BEFORE_COLON = re.compile(
    r"(?:(?:of|about|on|in|to|at|during)\s+(?:[^\s\"“”]+\s+){0,12}|(?:[^\s\"“”]+\s+){0,5})[^\s\"“”:]+:\s*(?=[\"“])"
)

_SENTENCE_BEFORE = re.compile(r"[.!?][\"”’'\x01]?\s+$")  # a quotation that opens a sentence of its own
_NAMED_LAST = re.compile(r"[^\n.!?]{0,40}[.!?]\s*\n\s*")  # only the verb and the paragraph's end after the speaker
# a verb that makes the words before the colon reported speech of their own ("the club had one aim: “…”")
_FINITE = re.compile(rf"\b(?:{'|'.join(sorted(FINITE_AUXILIARIES))})\b")

# the words a cue may carry before it: auxiliaries, a negation and adverbs ("has not yet confirmed")
_VERB_GROUP = re.compile(
    r"(?<![\w’'-])(?:(?:has|have|had|is|are|was|were|be|been|will|would|can|could|may|might|must|shall|should|do"
    r"|does|did|not|never|also|still|yet|just|then|now|already|again|ever|[a-z]+ly)\s+|n['’]t\s+){0,4}$"
)


def _verb_group(text: str, source: tuple[int, int] | None, content: tuple[int, int], cue: str | None) -> str | None:
    """Return the cue with the auxiliaries, negation and adverbs written before it and the few words of whom
    it was said to after it, when the speaker comes first ("Roe has not confirmed that ...": "has not
    confirmed"; "Roe urged residents not to ...": "urged residents"), so that no reader sees "confirmed".

    >>> text = "Mayor Dana Roe has not yet confirmed that she will run."
    >>> _verb_group(text, (6, 14), (38, 55), "confirmed")
    'has not yet confirmed'
    """
    if cue is None or source is None or source[1] > content[0]:
        return cue
    gap = text[source[1] : content[0]]
    at = gap.lower().rfind(cue.lower())
    if at < 0 or not re.fullmatch(r"[\s\w’'-]*", gap[at + len(cue) :]):
        return cue
    before = _VERB_GROUP.search(gap, 0, at)
    lead = " ".join(before.group().split()) if before is not None else ""
    told = gap[at + len(cue) :].split()  # "urged residents not to drive ...": whom, which the words need
    if told[-1:] == ["that"]:
        told = told[:-1]
    whom = " ".join(told) if len(told) <= 3 and all(any(c.isalnum() for c in w) for w in told) else ""
    return " ".join(w for w in (lead, gap[at : at + len(cue)], whom) if w)
