"""Find the attributions of one sentence: its cues, their subjects and what they report."""

from __future__ import annotations

import re

from bot.nlp.quotes import stance
from bot.nlp.quotes.according import according_hit, asked_by, trailing_poll
from bot.nlp.quotes.clauses import SentenceView
from bot.nlp.quotes.grammar import (
    ADJUNCT_CLAUSE,
    ADJUNCT_HEADS,
    ADJUNCT_THAT,
    ADJUNCT_THAT_LONG,
    AMOUNT,
    AS_OBJECT,
    BARE_SHARE,
    BE_BEFORE,
    COLON_QUOTE,
    CORE_VERBS,
    CUE,
    DET,
    FINITE,
    GENERIC_SUBJ,
    HEADLINE,
    IN_SOURCE,
    INFINITIVE,
    LEAD_FILLER,
    LOOSE_RIGHT,
    LOOSE_SUBJ,
    MODIFIERS,
    NAMED_PARTICIPLE,
    NP,
    OBJECT,
    OBJECT_PRONOUN,
    REL_BEFORE,
    SHARE_OWNER,
    SHARE_VERB_OBJECT,
    SHORT_HEADLINE,
    STATEMENT,
    SUBJ_LEFT,
    SUBJ_RIGHT,
    THAT,
    TITLE_PREFIX,
    VERDICT_COLON,
)
from bot.nlp.quotes.headline import headline_hits, is_title_case
from bot.nlp.quotes.hit import Hit
from bot.nlp.quotes.lexicon import (
    ATTITUDE_CUES,
    FINDING_VERBS,
    INFINITIVE_VERBS,
    NAMING_VERBS,
    NON_NAMES,
    NOUN_LIKE,
    OBJECT_VERBS,
    PARTICIPLES,
    PLAIN_SAYING,
    ROLE_NOUNS,
    TIME_WORDS,
    TITLES,
    WEAK_VERBS,
)
from bot.nlp.quotes.names import analyse_run
from bot.nlp.quotes.nouns import bare_verb_disagrees, noun_reading
from bot.nlp.quotes.opening import opening_participle
from bot.nlp.quotes.relative import listed_verb, relative_end, relative_subject
from bot.nlp.quotes.segment import MASK, Segment
from bot.nlp.quotes.subjects import (
    NOT_INSIDE_SUBJECT,
    NOT_SPEAKERS,
    NOT_SUBJECT_START,
    clean_subject,
    names_document,
    trim_span,
)

# verbs whose passive names the one addressed: "was … and told to …", "were … and asked to …"
_ADDRESSING = frozenset(["told", "asked", "ordered", "urged", "warned", "instructed"])
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:(?:also|then|later|[a-z]+ly)\s+)?[a-z]+(?:ed|en|wn|ght)\b")


class SentenceAttributor(SentenceView):
    """The attribution finder for one sentence of masked text."""

    def __init__(self, text: str, masked: str, start: int, end: int, segs: dict[int, Segment]) -> None:
        self.segs = segs
        self.text = text
        self.masked = masked
        self.start = start
        self.end = end
        self.hits: list[Hit] = []
        self.claimed = start  # text before this offset already belongs to a hit
        self.subject: tuple[int, int] | None = None

    def run(self) -> list[Hit]:
        """Return the sentence's attributions in order."""
        head = HEADLINE.match(self.masked, self.start, self.end)
        if head is not None:
            # "Jane Roe: Taxes Must Rise" — a speaker and a colon opening a line
            span = clean_subject(self.masked, head.start("subj"), head.end("subj"))
            if span is not None:
                self._add((head.end(), self.end), span, ":")
        elif self._paragraph_start():
            short = SHORT_HEADLINE.match(self.masked, self.start, self.end)
            if (short is not None and self.masked[short.start("subj"):short.end("subj")].lower() not in NOT_SPEAKERS
                    and len(self.masked[short.end():self.end].split()) >= (3 if self.start == 0 else 6)
                    and self.masked.count(",", short.end(), self.end) < 3):
                self._add((short.end(), self.end), short.span("subj"), ":")
        if self._paragraph_start() and not self.hits and is_title_case(self.masked[self.start:self.end]):
            for content, src, cue in headline_hits(self.masked, self.start, self.end):
                self._add(content, src, cue)
        if (lead := opening_participle(self.masked, self.start, self.end)) is not None:
            self._add(*lead)
            self.claimed = min(self.claimed, lead[0][1] + 1)  # the subject after the comma still has its verb
        opening = IN_SOURCE.match(self.masked, self.start, self.end)
        if opening is not None and not CUE.search(self.masked, opening.end(), min(self.end, opening.end() + 80)):
            self._add((opening.end(), self._content_end(opening.end())), opening.span("subj"), "in")
        for m in COLON_QUOTE.finditer(self.masked, self.start, self.end):
            # "… Bush: “The mission is …”" — a name and a colon before a quotation
            if _TOLD.search(self.masked, max(self.start, m.start("subj") - 30), m.start("subj")):
                continue  # "He told BBC Five Live: “…”": the station heard it, the cue finds who said it
            seg = self.segs.get(m.end())
            span = clean_subject(self.masked, m.start("subj"), m.end("subj"))
            if seg is not None and span is not None and m.start() >= self.claimed:
                self._add((seg.start, seg.end), span, ":")
        for m in VERDICT_COLON.finditer(self.masked, max(self.start, self.claimed), self.end):
            seg = self.segs.get(m.end())
            subject = self._sentence_subject()
            if seg is not None and subject is not None and subject[1] <= m.start():
                self._add((seg.start, seg.end), subject, m.group("noun"))
        before_cues = self.claimed
        for m in CUE.finditer(self.masked, self.start, self.end):
            if m.start() < self.claimed:
                continue
            self._try(m.start(), m.end(), m.group())
        if not self.hits and self.masked[self.start:self.end].rstrip().endswith(":"):
            self._introduces_next()
        taken = [h.content for h in self.hits]
        for content, held, cue in stance.stance_nouns(self.masked, before_cues, self.end):
            # "Despite his claim that …, the board ordered …": a noun of saying before a later cue still counts
            if not any(s < content[1] and content[0] < e for s, e in taken) and not any(
                    s < held[1] and held[0] < e for s, e in taken):
                self._add(content, held, cue)
        if not self.hits and (polled := trailing_poll(self.masked, self.start, self.end)) is not None:
            self._add(*polled, "in")
        self._outer_attribution()
        return self.hits

    def _outer_attribution(self) -> None:
        """Give a sentence that closes on ", KDB said." to KDB whole, when what the verbs inside it found ("The
        creditors have asked the government to mediate …") is only part of what KDB said."""
        mk = self.masked
        found = list(_OUTER_SAID.finditer(mk, self.start, self.end))
        outer = found[-1] if found else None  # the last one: the one that may close the sentence
        if outer is None or mk[outer.end():self.end].strip() or not self.hits or MASK in mk[self.start:outer.start()]:
            return
        src = outer.span("src")
        if any(h.quoted or h.source is None or not self.start <= h.source[0] < outer.start()
               or PLAIN_SAYING.intersection((h.cue or "").lower().split()) for h in self.hits):
            # a quotation, a speaker outside the words, or one inside them who is said to say it ("SAIC says …,
            # the FT said"): the verbs inside tell who said what
            return
        if max(h.content[1] for h in self.hits) < outer.start() - 2:
            return
        lead = re.match(r"\s*(?:(?:But|And|However|Meanwhile|Also)\b,?\s*)?", mk[self.start:outer.start()])
        begin = self.start + (lead.end() if lead is not None else 0)
        self.hits = [Hit((begin, outer.start()), src, outer.group("cue"), False)]

    def _introduces_next(self) -> None:
        """Attribute the quotation after "X released the following statement:" to the sentence subject."""
        mk = self.masked
        nxt = len(mk) - len(mk[self.end:].lstrip())
        seg = self.segs.get(nxt)
        cue = CUE.search(mk, self.start, self.end) or STATEMENT.search(mk, self.start, self.end)
        if seg is None or cue is None or "\n" not in mk[self.end:nxt]:
            return
        subject = self._sentence_subject()
        if subject is not None:
            self._add((seg.start, seg.end), subject, cue.group())

    def _add(self, content: tuple[int, int], source: tuple[int, int] | None, cue: str) -> None:
        """Record a hit unless its content is too short, and claim the text it covers."""
        s, e = trim_span(self.text, *content)
        if e - s < 3:
            return
        words = len(self.masked[s:e].split())
        quoted = MASK in self.masked[s:e]
        if not quoted and words < 2 and not stance.short_object_ok(cue, self.masked[s:e]):
            return
        self.hits.append(Hit((s, e), source, cue, quoted))
        if source is not None and self.subject is None:
            self.subject = source
        self.claimed = max(self.claimed, e, _past(source))

    def _try(self, cs: int, ce: int, cue: str) -> None:
        """Attribute the cue at cs..ce: find its source and the content it reports, if any."""
        mk = self.masked
        low = cue.lower()
        if noun_reading(mk, self.start, cs, cue):
            return  # "with a promise of jobs", "the defending champions": a noun, not a verb of saying
        if low in ("knew", "know", "knows") and _KNOWN_PERSON.match(mk, ce, self.end):
            return  # "Melcher - who knew Manson - was …": knowing someone, not knowing that something is so
        if low == "according to":
            found = according_hit(mk, self.claimed, cs, ce, self.end)
            if found is not None:
                (s, e), source = found
                self._add((s, e if e >= 0 else self._content_end(s)), source, "according to")
            return
        if low == "asked" and (passive := asked_by(mk, ce, self.end)) is not None:
            self._add(*passive, cue)  # "Asked by a reporter whether …": the asker's question
            return
        rel = REL_BEFORE.search(mk, max(self.start, cs - 40), cs)
        if rel is not None and low != "put it" and (rel.group(1) != "as" or AS_OBJECT.match(mk, ce, self.end)):
            return  # "what he calls", "as Reuters reported", "as he remembered it": the content is not after the cue
        if re.search(r"\bto\s+$", mk[max(self.start, cs - 4):cs]) and mk[ce:ce + 1] in (",", ":"):
            self._from_subject(ce, cue, low)  # "… interrupted me to announce, “…”"
            return
        if (self.hits and self.hits[-1].source is not None and mk[self.claimed:cs].strip() in (",", "")
                and low not in PARTICIPLES and (re.match(rf"\s*[,:]?\s*(?:{MASK}|that\b)", mk[ce:self.end])
                                                or listed_verb(mk, self.hits[-1].source, self.hits[-1].cue, low))):
            # "Roe, noting the delays, said: “…”": the verb after an aside shares the aside's speaker
            self._forward(ce, self.hits[-1].source, cue, low)
            return
        participle = low.endswith("ing") or low in PARTICIPLES
        if not participle and (held := relative_subject(mk, self.start, cs)) is not None:
            self._forward(ce, held, cue, low)  # "One aide, who asked not to be named, said …"
            return
        # "met the families and later said …", not "… and analysts expect …"
        coordinated = re.search(r"(?:^|\s)(?:and|but)(?:\s+(?:[a-z]+ly|also|then|later|now|still|again|never|not|even"
                                r"|just|soon|once|having|being|has|had|have|will|would|could|should|may|might|must"
                                r"|can|shall|did|does|do|is|was|are|were|yesterday|today|tonight|often|always"
                                r"|sometimes|afterwards))?\s+$",
                                mk[max(self.start, cs - 20):cs])
        if (coordinated and low in _ADDRESSING and _PASSIVE.search(mk, self.start, cs)
                and re.match(r"\s+(?:to|that)\s", mk[ce:self.end])):
            return  # "Wass was given a curfew and told to surrender his passport": he was told, he told no one
        if not participle and coordinated and self._from_subject(ce, cue, low):
            return  # "met the families and said …": the verb shares the sentence's subject
        if participle:
            # "…, saying", "before adding", "a statement saying": the subject is the sentence's
            if re.search(r"\b(?:before|after|while|when|by|statement|letter|release|tweet|post|message|note|video|ad)"
                         r"\s+$", mk[self.start:cs]):
                self._from_subject(ce, cue, low)
                return
            if not re.search(r"\b(?:is|was|are|were|been|be|am)\s+$", mk[self.start:cs]):
                quoting = re.match(rf"\s*[:,]\s*{MASK}", mk[ce:self.end]) is not None
                if low in PARTICIPLES and (self._detached(cs) or quoting):
                    self._from_subject(ce, cue, low)  # "emailed supporters saying: “…”"
                elif (named := NAMED_PARTICIPLE.search(mk, self.claimed, cs)) is not None:
                    # "with Mayor Dana Roe calling the plan a fraud": the name right before holds the words
                    group = "subj" if named.group("subj") is not None else "share"
                    holder = clean_subject(mk, named.start(group), named.end(group))
                    if holder is not None:
                        self._forward(ce, holder, cue, low)
                elif low in stance.STANCE_VERBS and (held := stance.participle_source(mk, self.claimed, cs)):
                    obj = stance.stance_object(mk, ce, self.end)  # "a group backing Lee": the group holds it
                    if obj is not None:
                        self._add(obj, held, cue)
                return
        loose = LOOSE_SUBJ.search(mk, self.claimed, cs)
        if loose is not None and low not in PARTICIPLES and self._pronoun_closes(loose, cue):
            return
        if loose is not None and low not in PARTICIPLES and self._little_after(self._past_object(ce, low)):
            # "“…,” former speechwriter Jane Roe wrote in an essay.": the phrase between is the source
            between = clean_subject(mk, loose.start("subj"), loose.end("subj"))
            if between is not None:
                self._add((self.claimed, loose.start() + 1), between, cue)
                return
        if low in stance.STANCE_VERBS and (rel_word := stance.relative_holder(mk, self.start, cs)) is not None:
            self._forward(ce, rel_word, cue, low)  # "Acme, which opposed the bill": the relative holds it
            return
        left_from = max(self.claimed, cs - 260)
        subj_end = cs
        be = BE_BEFORE.search(mk, max(self.start, cs - 30), cs)
        if (low.split()[0].endswith("ing") or low in ATTITUDE_CUES) and be is not None:
            subj_end = be.start() + 1  # "Trump is promising …", "is calling for", "was increasingly wary of"
        subj = SUBJ_LEFT.search(mk, left_from, subj_end) if subj_end > left_from else None
        if subj is not None and subj.end() != subj_end:
            subj = None
        if subj is not None and low in NOUN_LIKE and BARE_SHARE.search(subj.group("subj")) and not (
                SHARE_VERB_OBJECT.match(mk, ce, self.end) and not SHARE_OWNER.search(mk, self.start, subj.start())):
            subj = None  # "45 percent support": a share before a noun is a figure, not a speaker
        right = SUBJ_RIGHT.match(mk, ce, self.end)
        if (subj is not None and subj.group("appos") == "," and right is not None
                and right.group("subj").lower() not in ("he", "she", "they", "we", "i", "it")):
            subj = None  # "…, said David Axelrod": the name after the cue is the source; "said he" is content
        # "The talk show host said": a noun-like cue inside a compound noun that a real cue follows
        nxt = re.match(r"\s+[a-z][\w-]*\s+", mk[ce:self.end])
        noun_like = (low in NOUN_LIKE and low not in CORE_VERBS and nxt is not None
                     and CUE.match(mk, ce + nxt.end()) is not None)
        finding = low in FINDING_VERBS  # "The audit found …", "Polls show …": a document's finding
        if subj is None and (low not in WEAK_VERBS or finding) and not noun_like and subj_end > left_from:
            subj = GENERIC_SUBJ.search(mk, left_from, subj_end)
            if subj is not None and low not in CORE_VERBS and not re.fullmatch(
                    r"\s*(?:(?:But|And|So|Yet|Still|Now|Instead)\b,?\s*)?", mk[self.start:subj.start()]):
                subj = None
        span: tuple[int, int] | None = None
        if subj is not None:
            span = clean_subject(mk, subj.start("subj"), subj.end("subj"))
        if span is None and (finding or low not in PARTICIPLES | WEAK_VERBS | NOUN_LIKE) and subj_end > left_from:
            span = self._loose_left(left_from, subj_end)
            span = None if span is None or (finding and not names_document(mk[slice(*span)])) else span
        if (span is not None and _PLACE_NAME.fullmatch(mk, *span) and not _is_person_name(mk[span[0]:span[1]])
                and (placed := _IN_PLACE.search(mk, left_from, span[0])) is not None
                and not _PREPOSITION_BEFORE.search(mk, max(0, placed.start() - 8), placed.start())):
            # "The BBC's Zubair Ahmed in Mumbai says", "officials in Powys said": the place is where they are; not
            # where a preposition's object is ("of the Centre at the University of Kent in Bristol said"), nor a
            # person ("Speaking in Harrogate, Charles Kennedy said")
            span = clean_subject(mk, placed.start("subj"), placed.end("subj")) or span
        if span is not None and bare_verb_disagrees(mk, span, cs, low):
            span = None  # "The evacuation order, issued …": one noun, not a subject and a bare verb
        if span is not None:
            # "…, one longtime friend said": words the cleaning dropped still close the content
            head = subj.start("subj") if subj is not None and self.claimed <= subj.start("subj") < span[0] else span[0]
            if (dropped := re.search(rf"(?<=[\s,]){DET}\s+$", mk[self.claimed:head])) is not None:
                head = self.claimed + dropped.start()
            before = mk[self.claimed:head].rstrip()
            titled = TITLE_PREFIX.search(mk, self.claimed, span[0])
            if titled is not None and not before.endswith((",", MASK)) and all(
                    w[0].isupper() or w.lower() in TITLES or w in ROLE_NOUNS for w in titled.group(1).split()):
                # ", Republican candidate Ben Carson said": a title in front of the name
                span = (titled.start(1), span[1])
                head = span[0]
                before = mk[self.claimed:titled.start(1)].rstrip()
            mods = MODIFIERS.search(mk, self.claimed, span[0])
            if (mods is not None and mk[span[0]:span[1]] in ROLE_NOUNS and not before.endswith(",")
                    and self._ends_after(ce, obj=low in OBJECT_VERBS)
                    and all(w.lower() not in NON_NAMES | NOT_INSIDE_SUBJECT | NOT_SUBJECT_START
                            for w in mods.group(1).split())):
                # "…, new campaign filings show.": the words between the comma and the head belong to the source
                span = (mods.start(1), span[1])
                head = span[0]
                before = mk[self.claimed:mods.start(1)].rstrip()
            if before.endswith(",") and len(before.split()) <= 6 and self._parenthetical(ce):
                self._add((self.claimed, self.end), span, cue)
                return
            if (before.endswith(MASK) and self._little_after(self._past_object(ce, low))) or (
                    before.endswith((",", "—")) and self._ends_after(ce, obj=low in OBJECT_VERBS)):
                self._add((self.claimed, head), span, cue)
                return
            if subj is not None or not re.match(r"\s+(?:by|off|for|as|up|out)\b", mk[ce:self.end]):
                self._forward(ce, span, cue, low)
            return
        # inverted order: "…,” said Mr. Rudenko." / "…, says Jane Roe, a pollster."
        before = mk[self.claimed:cs].rstrip()
        if (before.endswith((",", "—", "--")) and self.hits and self.hits[-1].source is not None
                and mk[slice(*self.hits[-1].source)].lower() in ("who", "which")):
            # "Graham, who says A, tweeted B": the main verb after a relative clause
            rel_start = self.hits[-1].source[0]
            opening = self.segs.get(self.start)
            if opening is not None and len(self.hits) == 1 and self._little_after(self._past_object(ce, low)):
                # "“…,” Warren, who has not endorsed anyone, told reporters.": the quotation is Warren's
                name = mk[opening.end:rel_start].strip(" ,")
                if name:
                    ns = mk.index(name, opening.end)
                    self.hits.append(Hit((opening.start, opening.end), (ns, ns + len(name)), cue, True))
                    return
            subject = self._sentence_subject()
            if subject is not None:
                self._forward(ce, subject, cue, low)
                return
        # a phrase between a quotation and its cue is its source even when more follows the cue
        loose = LOOSE_SUBJ.search(mk, self.claimed, cs)
        if loose is not None and low not in PARTICIPLES:
            q_end = loose.start() + 1  # keep the closing mark
            self._add((self.claimed, q_end), (loose.start("subj"), loose.end("subj")), cue)
            return
        if before.endswith(MASK):
            r = LOOSE_RIGHT.match(mk, ce, self.end)
            if r is not None:
                span = self._apposed(r) or clean_subject(mk, r.start("subj"), r.end("subj"))
                if span is not None:
                    self._add((self.claimed, self.claimed + len(before)), span, cue)
                    return
        if before.endswith((",", MASK)):
            r = SUBJ_RIGHT.match(mk, ce, self.end)
            if r is not None:
                # "…, said Cochilco vice president Patricio Cartagena.": the role and the name after it
                named = _NAME_CLOSING.match(mk, r.end("subj"), self.end)
                subj_end = named.end() if named is not None and r.group("subj")[-1:].islower() else r.end("subj")
                span = self._apposed(r) or clean_subject(mk, r.start("subj"), subj_end)
                trailing = before.endswith(MASK) or self._ends_after(subj_end, appositive=True)
                if span is not None and trailing:
                    self._add((self.claimed, self.claimed + len(before)), span, cue)
                    return
        if low in PARTICIPLES and self._detached(cs):
            self._from_subject(ce, cue, low)

    def _apposed(self, right: re.Match[str]) -> tuple[int, int] | None:
        """Return the name set after a role that closes the sentence ("said its chairman, Sir Anthony Greener.",
        "said the chairman of the committee, Labour MP Barry Sheerman."): who spoke; None when there is none."""
        apposed = _APPOSED_NAME.match(self.masked, right.end("subj"), self.end)
        if apposed is None or not _ROLE_PHRASE.match(right.group("subj")):
            return None
        return clean_subject(self.masked, apposed.start("name"), apposed.end("name"))

    def _pronoun_closes(self, loose: re.Match[str], cue: str) -> bool:
        """Attribute '“hurt” by the Iraq controversy, he added.' to the pronoun after the last comma, the words
        before it being what was said; False when the phrase between the quotation and the cue ends otherwise."""
        pronoun = _CLOSING_PRONOUN.search(loose.group("subj"))
        if pronoun is None:
            return False
        at = loose.start("subj") + pronoun.start(1)
        self._add((self.claimed, loose.start("subj") + pronoun.start()), (at, at + len(pronoun.group(1))), cue)
        return True

    def _from_subject(self, ce: int, cue: str, low: str) -> bool:
        """Attribute what follows a cue to the subject of the sentence; tell whether one was found."""
        subject = self.subject or self._sentence_subject()
        if subject is None:
            return False
        self._forward(ce, subject, cue, low)
        return True

    def _forward(self, ce: int, source: tuple[int, int], cue: str, low: str) -> None:
        """Attribute what follows the cue ("said that …", "told reporters …", "said: “…”") to source."""
        mk = self.masked
        s = ce
        if low in OBJECT_VERBS:
            that = THAT.search(mk, ce, min(self.end, ce + 80))
            # not the "that" of a relative after the object's infinitive: "asked Rosneft to repay a loan that Yugansk
            # had …", though "told MPs care was needed to ensure that …" reports a clause of its own
            inf = INFINITIVE.search(mk, ce, that.start()) if that else None
            if (that and MASK not in mk[ce:that.start()] and "," not in mk[ce:that.start()]
                    and (inf is None or FINITE.search(mk, ce, inf.start()) is not None)):
                s = that.start()
            elif inf is not None and len(mk[ce:inf.start()].split()) <= 5 and MASK not in mk[ce:inf.start()]:
                s = inf.start()  # "asked the Houston court | to order Russia to arbitration so that …"
            else:
                obj = OBJECT.match(mk, ce, self.end)
                if obj:
                    s = obj.end()
        adj = ADJUNCT_THAT.match(mk, s, self.end) or ADJUNCT_THAT_LONG.match(mk, s, self.end)
        if adj is not None and s == ce:
            s = adj.end()
        pron = OBJECT_PRONOUN.match(mk, s, self.end)
        if pron is not None and s == ce and low not in NAMING_VERBS:
            s = pron.end()  # "chiding him, “…”"
        s = len(mk[:s]) + len(mk[s:self.end]) - len(LEAD_FILLER.sub("", mk[s:self.end]))
        if s >= self.end:
            if mk[ce:self.end].strip() == ":":
                # "X said:" closing a paragraph introduces the quotation that follows
                nxt = len(mk) - len(mk[self.end:].lstrip())
                seg = self.segs.get(nxt)
                if seg is not None:
                    self._add((seg.start, seg.end), source, cue)
            return
        e = self._content_end(s)
        if mk[source[0]:source[1]].lower() == "who":
            e = relative_end(mk, s, e)
        if low in stance.OBJECT_CUES and MASK not in mk[s:e] and (stance_end := stance.stance_object(mk, s, e)):
            # "endorsed Lee in June, but only after …", "proposed the budget in October": the object alone
            e = stance.untimed_end(mk, s, stance_end[1])
        if low in ("add", "adds", "added", "adding") and AMOUNT.match(mk, s, e) and not FINITE.search(mk, s, e):
            return  # "adds about 6 cents to the cost": a sum, not a remark; "added 30 people had been held" is one
        words = mk[s:e].split()
        if mk[s:self.end].rstrip().endswith(":") and len(words) <= 5:
            # "Cruz called them on it:" closing a paragraph introduces the quotation that follows
            nxt = len(mk) - len(mk[self.end:].lstrip())
            seg = self.segs.get(nxt)
            if seg is not None and "\n" in mk[self.end:nxt]:
                self._add((seg.start, seg.end), source, cue)
                return
        timed = len(words) > 1 and words[1].lower().strip(",") in TIME_WORDS
        if words and words[0].lower() in ("this", "last") and not timed:
            pass  # "thought this term would be different": a clause, not a time adjunct
        elif words and words[0].lower() in ADJUNCT_HEADS - {"that", "of", "about", "to"} and low not in PARTICIPLES:
            lead = re.search(rf"[:,]\s*(?={MASK})", mk[s:min(e, s + 100)])
            medium = ADJUNCT_CLAUSE.match(mk, s, e)
            if lead is not None:
                s += lead.end()
            elif medium is not None and low not in WEAK_VERBS:
                s = medium.end()
            else:
                return
        lead_word = words[0] if words else ""
        if low in WEAK_VERBS and not (MASK in mk[s:e] or lead_word == "that"
                                      or (lead_word == "to" and low in INFINITIVE_VERBS)
                                      or (low in FINDING_VERBS and names_document(mk[slice(*source)]))):
            return
        if len(words) < 2 and MASK not in mk[s:e] and not stance.short_object_ok(low, mk[s:e]):
            return
        self._add((s, e), source, cue)


def _is_person_name(words: str) -> bool:
    """Tell whether a capitalised run reads as a person's name ("Charles Kennedy", not "Mumbai")."""
    found = analyse_run(words, 0, len(words))
    return found is not None and found.person


# a place's name taken as a speaker: "Mumbai", "Powys", "New South Wales"
_PLACE_NAME = re.compile(r"[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){0,2}")
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|of|for|in|on|by|from|with)\s+$")
# who is somewhere, right before the place: "The BBC's Zubair Ahmed in Mumbai", "traders in Asia"
_IN_PLACE = re.compile(rf"(?<![\w’'-])(?P<subj>(?![A-Z][a-z]+ing\b){NP})\s+in\s+$")  # not "Speaking in Leeds, Roe said"
_KNOWN_PERSON = re.compile(r"\s+(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+\s*(?:[-–—,.;)]|$)")
_CLOSING_PRONOUN = re.compile(r",\s+(he|she|they|we|I)$")


def _past(source: tuple[int, int] | None) -> int:
    """Return the offset past a source, so a later cue does not reuse it as content."""
    return source[1] if source is not None else 0


# a name that closes a source phrase: "(said Cochilco vice president) Patricio Cartagena."
_NAME_CLOSING = re.compile(r"\s+(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+(?=\s*(?:[,.;:]|$))")
# a name set after a role at the sentence's end: "(said the chairman of the committee), Labour MP Barry Sheerman."
_APPOSED_NAME = re.compile(
    r"(?:\s+(?:of|at|for)\s[^,;:]{1,60})?,\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]+)\s*[.!?]?\s*$"
)
_ROLE_PHRASE = re.compile(r"(?:the|its|his|her|their)\s+[a-z]")  # "the chairman of …", "its chairman"
# words before a name that make it whom something was told, not who said it
_TOLD = re.compile(r"\b(?:told|tells|telling|tell|to|in|on)\s+(?:the\s+|a\s+)?$")


# ", KDB said.", "the Land Registry added.": who said a whole sentence, named after it
_OUTER_SAID = re.compile(
    r",\s+(?P<src>(?:(?:the|a|an)\s+)?(?:[A-Z][\w’'.&-]*\s+){0,3}[A-Z][\w’'&-]*)\s+"
    r"(?P<cue>(?:(?:has|have|had)\s+)?(?:said|indicated|confirmed|claimed)|says|added|adds|reported|reports)\s*[.!]?"
)
