"""What a sentence tells about its own clauses: where a reported clause ends, what opens it, what follows a cue."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import (
    ADJUNCT,
    AND_CUE,
    CLAUSE_STOP,
    DETACHED,
    FINITE,
    HEDGED,
    INFINITIVE,
    LOOSE_LEFT,
    NAME_TOK,
    NEW_CLAUSE,
    OBJECT_AFTER_TELL,
    PARTICIPLE_CUE,
    ROLE,
    SECOND_CUE,
    SET_OFF,
    SUBJ_START,
    alternation,
)
from bot.nlp.quotes.lexicon import NON_NAMES, OBJECT_VERBS, ROLE_NOUNS, SPEECH_VERBS
from bot.nlp.quotes.nouns import noun_before_tail
from bot.nlp.quotes.segment import MASK
from bot.nlp.quotes.subjects import (
    INTRODUCERS,
    NOT_INSIDE_SUBJECT,
    NOT_SUBJECT_END,
    NOT_SUBJECT_START,
    clean_subject,
)

_SEMICOLON = re.compile(r";(?![^()]*\))")
# "…, it added." closing a sentence: who reports the words, not what the subject before expects or says
_IT_TAG = re.compile(
    r"\s*[,\-–—]\s+(?:it|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:documentary|programme|report|study|survey|newspaper"
    r"|paper|investigation|inquiry|book|film))\s+(?:has\s+|have\s+)?"
    r"(?:said|added|says|adds|reported|reports|revealed|reveals|found|finds|shown|showed|shows|claimed|claims)(?=\W*$)"
)  # "…, it added.", "…, a new documentary has revealed.": who tells, set after what is told
# a verb of a clause: grammar.FINITE's auxiliaries or a past tense ("rose" aside)
_VERB_SEEN = re.compile(rf"{FINITE.pattern}|\b[a-z]{{2,}}ed\b")
_ROLE_AFTER = re.compile(rf"(?:\s+{ROLE})+(?![\w’'-])")  # "A Labour party spokesman": "spokesman" after "party"
# "Council member Dana Roe": the name right after a role noun that opens a sentence
_NAME_AFTER_ROLE = re.compile(rf"\s+{NAME_TOK}(?:\s+{NAME_TOK}){{0,3}}(?=[\s,])")
# a description between an opening name and the name it describes, up to that name's verb or comma; no word
# of it a past tense ("Pierce Brosnan led the past four Bond films" describes no one)
_DESCRIBED_NAME = re.compile(
    rf"(?:\s+(?!(?:and|or|but|of|in|on|at|to|for|with|from|by|has|had|have|is|was|are|were|will|would|said|says"
    rf"|include|includes|included)\b)"
    rf"[a-z][\w-]*(?<!ed)){{1,4}}\s+{NAME_TOK}(?:\s+{NAME_TOK}){{0,2}}(?=,|\s+(?:[a-z]+ly\s+)?(?:has|had|is|was|will"
    r"|would|[a-z]+s|[a-z]+ed)\b)"
)


def _with_name(masked: str, s: int, e: int, end: int) -> int:
    """Return where a subject ending in a role noun ends when a name follows it ("Council member Dana Roe").

    >>> text = "Council member Dana Roe, who chairs it, said no."
    >>> text[:_with_name(text, 0, 14, len(text))]
    'Council member Dana Roe'
    """
    words = masked[s:e].split()
    if not words or words[-1] not in ROLE_NOUNS:
        return e
    named = _NAME_AFTER_ROLE.match(masked, e, end)
    if named is None or named.group().split()[0].lower() in NON_NAMES:
        return e  # "The committee Thursday released …": a day, not a name
    return named.end()


# "… and knocked his head": a second verb, not one of saying, which goes on with the reported clause's own
# subject ("he ran towards the bedroom and knocked his head"), not with the speaker's
_GOES_ON = re.compile(rf",?\s+and\s+(?:(?:has|have|had)\s+)?(?:then\s+|also\s+|later\s+)?(?:\w+ly\s+)?"
                      rf"(?!{alternation(SPEECH_VERBS)}\b)[a-z]{{3,}}ed\s+")
# "The man who says he got the film made and signed up its star has been shut out": the main verb comes after
_IN_RELATIVE = re.compile(r"\b(?:who|which)\s+(?:[a-z]+\s+){1,2}$")
_OWN_SUBJECT = re.compile(r"(?:that\s+)?(?:[^,]{0,60},\s+)?(?:he|she|they|we|I)\s+(?!said|says)[a-z]")
# a modal or "to" in a reported clause, whose verbs a base form after "and" continues ("should monitor and
# publish figures", "wants to review and publish it")
_BASE_FORM = re.compile(
    r"(?!(?:said|told|thought|knew|felt|wrote|saw|made|spoke|found|sought|swore|understood|began|gave|took)\b)"
    r"[a-z]+(?<!s)(?<!ed)\b(?!-)"
)
_SHARED_MODAL = re.compile(r"\b(?:should|would|will|could|can|may|might|must|to)\s+(?:[a-z]+ly\s+)?[a-z]+\s*$")


class SentenceView:
    """One sentence of quote-masked text, with the clause tests that attribution rules share."""

    masked: str
    start: int
    end: int

    def _paragraph_start(self) -> bool:
        """Tell whether the sentence opens its paragraph."""
        before = self.masked[:self.start].rstrip(" \t")  # a blanked dateline leaves spaces before it
        return before == "" or before.endswith("\n")

    def _content_end(self, s: int) -> int:
        """Return where a content that starts at s ends: the sentence end or an earlier clause break."""
        e = self.end
        # a forward content stops at a semicolon or a dash-led aside closing the clause
        semi = _SEMICOLON.search(self.masked, s, e)  # not the one of "($375m; £198m)"
        if semi is not None:
            e = semi.start()
        tag = _IT_TAG.search(self.masked, s, e)
        if tag is not None:
            e = tag.start()  # "Toho expects 40 million viewers - almost a third of the country - it added."
        according = self.masked.find(", according to ", s, e)
        if according > 0:
            e = according
        part = PARTICIPLE_CUE.search(self.masked, s, e)
        # not "said that after hearing the news, he …": the reported clause opens so
        opens = part is not None and part.group()[:1].isspace() and self.masked[s : part.start()].strip() in (
            "", "that")
        if part is not None and not opens:
            e = part.start()
        coord = AND_CUE.search(self.masked, s, e)
        if coord is not None and self.masked[coord.end():].split(" ", 1)[0].endswith("ing"):
            coord = None  # "an era that demanded detailed and convincing graphics": an adjective, no second verb
        shared = coord is not None and _BASE_FORM.match(self.masked, coord.end()) is not None and _SHARED_MODAL.search(
            self.masked, s, coord.start()) is not None
        if coord is not None and not shared and not noun_before_tail(self.masked, coord.end()):
            e = coord.start()  # "said A and added B"; but "said the board should monitor and publish figures"
        second = SECOND_CUE.search(self.masked, s, e)
        # "said that Electronic Arts and Vivendi would both support …": "and" joins two subjects of one clause
        # when "both" says so and no verb comes before it
        joined = second is not None and re.search(r"\bboth\b", second.group()) is not None and (
            _VERB_SEEN.search(self.masked, s, second.start()) is None)
        if second is not None and second.start() - s > 3 and not joined:
            e = second.start()
        own = NEW_CLAUSE.search(self.masked, s, e)
        if own is not None and own.start() - s > 3:
            e = own.start()  # "…, but he urged the panel …": a new clause with the speaker as its subject
        # a dash-led aside or a second verb of the subject closes the reported clause
        stop = CLAUSE_STOP.search(self.masked, s, e)
        if stop is not None and stop.start() - s > 3 and not (
                _GOES_ON.match(stop.group()) and _OWN_SUBJECT.match(self.masked, s, stop.start())
                and not _IN_RELATIVE.search(self.masked, self.start, s)):
            e = stop.start()
        told = SET_OFF.search(self.masked, s, e)
        if told is not None and HEDGED.search(self.masked, s, told.start()) is None:
            e = told.start()
        return e

    def _detached(self, cs: int) -> bool:
        """Tell whether a participle at cs opens a clause of its own (", falsely suggesting", "and saying")."""
        return DETACHED.search(self.masked, max(self.start, cs - 30), cs) is not None

    def _loose_left(self, left_from: int, subj_end: int) -> tuple[int, int] | None:
        """Return a short noun phrase closing the text before a cue ("security experts", "those surveyed")."""
        # searched in a slice so that its "^" marks where the phrase may begin
        m = LOOSE_LEFT.search(self.masked[left_from:subj_end])
        if m is None:
            return None
        ss, se = left_from + m.start("subj"), left_from + m.end("subj")
        words = [w.lower() for w in self.masked[ss:se].split()]
        if words[0] in NOT_SUBJECT_START or words[-1] in NOT_SUBJECT_END or any(
                w in NOT_INSIDE_SUBJECT or w.endswith(("n’t", "n't")) for w in words):
            return None
        return clean_subject(self.masked, ss, se)

    def _little_after(self, pos: int) -> bool:
        """Tell whether what follows a cue is an adjunct, not the clause a forward cue would take."""
        rest = self.masked[pos:self.end].lstrip()
        if rest.startswith((MASK, ":")):
            return False
        words = rest.split()
        if not words:
            return True
        first = words[0].strip(",").lower()
        if first == "that":
            return False
        return not (len(words) >= 4 and first in ("he", "she", "they", "it", "we", "i", "the", "a", "there"))

    def _past_object(self, ce: int, low: str) -> int:
        """Return the offset after the person a verb like "told" addresses ("told the crowd")."""
        if low in OBJECT_VERBS:
            obj = OBJECT_AFTER_TELL.match(self.masked, ce, self.end)
            if obj is not None:
                return obj.end()
        return ce

    def _parenthetical(self, ce: int) -> bool:
        """Tell whether an attribution sits inside its content ("Perhaps, he said, the town grew too fast")."""
        rest = self.masked[ce:self.end]
        return rest.startswith(",") and len(rest.strip()) >= 15

    def _sentence_subject(self) -> tuple[int, int] | None:
        """Return the noun phrase that opens the sentence, the subject of a trailing participle."""
        start = self.start
        lead = re.match(r"(?:(?:And|But|So|Yet|Then|then|Still|Also|also|Now|now)\b,?\s+)+",
                        self.masked[start:self.end])
        if lead is not None:
            start += lead.end()  # "And then Trump went …"
        first = re.match(r"[A-Za-z]+", self.masked[start:self.end])
        if first is not None and first.group().lower() in INTRODUCERS:
            # "At Sunday's debate, Sanders compared …": the subject follows the opening phrase
            comma = self.masked.find(", ", start, min(self.end, start + 120))
            if comma > 0:
                start = comma + 2
        m = SUBJ_START.match(self.masked, start, self.end)
        if m is None:
            return None
        opening = m.group("subj")
        if not re.search(r"\b[a-z]", opening) and opening.lower() not in NON_NAMES:
            # "UK advertising giant WPP has …", "British number one Tim Henman, who …,": the name closes it
            described = _DESCRIBED_NAME.match(self.masked, m.end("subj"), self.end)
            if described is not None and len(described.group().split()[-1]) > 1:
                return clean_subject(self.masked, m.start("subj"), described.end())
        end = m.end("subj")
        if (more := _ROLE_AFTER.match(self.masked, end, self.end)) is not None:
            end = more.end()  # "A Labour party spokesman played down …": the role runs on past "party"
        return clean_subject(self.masked, m.start("subj"), _with_name(self.masked, m.start("subj"), end, self.end))

    def _ends_after(self, pos: int, appositive: bool = False, obj: bool = True) -> bool:
        """Tell whether the sentence ends (bar adjuncts) after pos: the mark of a trailing attribution."""
        mk = self.masked
        if INFINITIVE.match(mk, pos, self.end):
            return False  # "…, Roe sought to rally members": an infinitive, not an adjunct
        if appositive and pos < self.end and mk[pos] == ",":
            nxt = re.match(r",[^,.;\x01]{2,120}(?=[.,;]|$)", mk[pos:self.end])
            if nxt:
                pos += len(nxt.group())
        told = OBJECT_AFTER_TELL.match(mk, pos, self.end) if obj else None
        if told is not None:
            pos = told.end()  # "…, Roe told reporters.": only a verb of telling takes a person here
        return ADJUNCT.match(mk, pos, self.end) is not None
