"""Resolve the words that introduce a quote ("he", "Ms. Choe", "the minister") to a canonical speaker."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from bot.nlp.given_names import given_name_gender
from bot.nlp.quotes.lexicon import (
    DEMONYMS,
    DOCUMENT_NOUNS,
    FEMALE_PRONOUNS,
    FIRM_DESCRIPTION_HEADS,
    HONORIFICS,
    MALE_PRONOUNS,
    NON_NAMES,
    ORG_WORDS,
    OTHER_FIRM_WORDS,
    PERSON_DESCRIPTION_HEADS,
    ROLE_NOUNS,
    TIME_WORDS,
    TITLES,
    word_list,
)
from bot.nlp.quotes.names import PLACE_WORDS, Mention, analyse_run, without_common_plural
from bot.nlp.quotes.segment import MASK
from bot.nlp.quotes.subjects import NOT_SUBJECT_END

# How far back (characters) a pronoun or a role may reach for its antecedent.
_WINDOW = 1500
_NOT_BODIES = frozenset(word_list("""
    mps us uk eu un critics officials experts observers figures rescue consumers shoppers voters users customers
    workers"""))
_FIRMS = frozenset(word_list("company firm group airline carrier"))
# the heads of a firm's description ("the global sports giant", "the US carmaker", "the budget airline")
_FIRM_DESCRIPTIONS = FIRM_DESCRIPTION_HEADS | frozenset(word_list("airline carrier"))
# last words of what is no organisation that spoke: roles, documents, groups of people, places
_NO_BODY_HEADS = ROLE_NOUNS | DOCUMENT_NOUNS | _NOT_BODIES | PLACE_WORDS
# last words of a body or a role that a person's name may stand before ("Colin Asplin, Blackpool Hotel Association")
_BODY_OR_ROLE_HEADS = ORG_WORDS | ROLE_NOUNS
_APPOSED = re.compile(r"\s*[-–—,]\s+(?:a|an|the)\s")  # "David Kahn - a former …", "Ann Bell, the …"
# a description of a person right before their name: up to two words and a lowercase role ("Tory leader")
_DESCRIPTIONS = (r"(?:leader|coach|manager|boss|player|defender|striker|midfielder|captain|chairman|chairwoman|"
                 r"chief|director|spokesman|spokeswoman|lawyer|minister|secretary|president|executive|analyst|"
                 r"economist|singer|actor|actress|star|champion|winger|goalkeeper|keeper|chancellor|governor|mayor)")
_DESCRIBED = re.compile(rf"(?:[A-Z][\w’'-]*\s+|[a-z][\w-]*\s+){{0,2}}{_DESCRIPTIONS}\s+$")
# "Tory co-chairman ", "BBC political correspondent ": a description opening a sentence before the name
_LEADS_TO_NAME = re.compile(
    rf"(?:[A-Z][\w’'-]*\s+){{1,2}}(?:[a-z][\w-]*\s+){{0,2}}(?:co-|vice-|ex-)?{_DESCRIPTIONS}\s+"
)
_RELATIVE_AFTER = re.compile(r"\s+(?:who|whose)\s")
# what a story calls the person it has just named and quoted ("the comedian", "the central defender")
_PERSON_DESCRIPTIONS = frozenset(word_list(
    """comedian comic actor actress singer rapper dj presenter star player striker defender midfielder winger
    goalkeeper keeper forward captain veteran youngster teenager man woman assistant director producer
    writer author novelist artist musician designer teacher pensioner student businessman businesswoman"""
))
# first words of a name that make its bearer someone a description of a player is not ("Coach Mike Ruddock")
_DESCRIPTION_WORDS = frozenset(word_list("coach manager boss captain"))
# "Democrats", "Conservatives", "Doctors": people, no firm
_PEOPLES = re.compile(r"[A-Z][a-z]+(?:ans|ats|ives|ists|ers|ors)")
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ian|ish|ese|ic|i)")  # "Indian", "British", "Japanese", "Iraqi"
# words that make a description another office than the one its noun names: "shadow chancellor" is not "the
# chancellor", nor "former coach" "the coach"
_OTHER_HOLDER = frozenset(["shadow", "former", "ex", "deputy", "vice", "assistant", "acting", "junior", "interim"])
# ... or set after it: "Jack McConnell, Scotland's first minister, said", found again by "the first minister"
_DESCRIBED_AFTER = re.compile(
    rf",\s+(?:(?:the|a|an|his|her|its|their)\s+|[A-Z][\w-]*[’']s\s+)((?:[\w-]+\s+){{0,2}}?{_DESCRIPTIONS})"
    r"(?=\s*[,.;]|\s+(?:of|at|for)\b)"
)
# an office of a place set before the name of who holds it: "The Bishop of Durham, the ", "the Mayor of Leeds, "
_OFFICE_BEFORE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?,\s+(?:the\s+)?$")
# one capitalised word closing a description: "Spanish teenager Nadal"
_TAIL_SURNAME = re.compile(r"(?<=[a-z] )([A-Z][\w’'-]+)$")
_TAIL_NAME = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+(?:\s+\([^()]*\))?\s*,?$")
_PERSON_FROM = re.compile(r"^((?:[A-Z](?:[\w-]|[’'](?!s\b))+\s+){1,2}[A-Z][\w’'-]+)\s+(?:from|of|at)\s+[a-z]")
# "UK advertising giant WPP", "security firm Clearswift": not "Graham Cluley from anti-virus firm Sophos"
_TAIL_FIRM = re.compile(
    r"^(?:[A-Z][\w’'.-]*\s+)?(?:[a-z][\w-]*\s+){0,3}(?:giant|firm|group|company|maker|carmaker|retailer|bank"
    r"|chain|operator|airline|broker|agency|insurer|publisher|manufacturer|conglomerate)\s+([A-Z][\w’'&.-]*[\w’'&-])"
    r"\s*,?$"
)
_LEAD = 400  # characters that hold a story's headline and first sentence
_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson"])
_ROLE = re.compile(r"^(?:the|this|that)\s+((?:[\w-]+\s+){0,2}[\w-]+)$", re.IGNORECASE)
# a person brought in, not named, by a noun that tells whether "he" or "she" fits: "A BBC spokeswoman", "Mr
# Blair's official spokesman"; "the spokesman" is more often someone the text has named
_FEMALE_NOUNS = frozenset(["spokeswoman", "chairwoman", "businesswoman", "policewoman", "congresswoman", "woman",
                           "mother", "wife", "daughter", "widow", "actress", "girl", "sportswoman"])
_MALE_NOUNS = frozenset(["spokesman", "chairman", "businessman", "policeman", "congressman", "man", "father",
                         "husband", "son", "widower", "actor", "boy", "sportsman"])
_GENDERED = re.compile(
    # "A Department for Work and Pensions spokeswoman": an "and" inside a body's name
    r"(?:(?i:a|an|one)\s+(?:(?!(?:that|the|this|who|which|after|before|of|to|in|on|with)\s|and\s+[a-z])[\w’'-]+\s+){0,5}"
    rf"({'|'.join(sorted(_FEMALE_NOUNS | _MALE_NOUNS))})"
    # "Mr Blair's official spokesman", "Prime Minister Tony Blair's official spokesman": someone's spokesman, not
    # their son or wife, whom a text mostly names
    r"|(?:(?i:the)\s+)?(?:[\w-]+\s+){0,3}[\w-]+[’']s\s+(?:[a-z-]+\s+){0,2}(spokesman|spokeswoman|chairman|chairwoman))"
    r"(?:\s+(?:for|of|at|from)\s+.+)?$"
)
# an "it" that opens a sentence refers back to the subject that opened the one before
_THING = re.compile(r"(?:The|This|That)\s+([a-z][a-z-]{2,})\s+(?:[a-z]+(?:s|ed)|has|had|is|was|will|would)\b")
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+(?:s|ed)|has|had|is|was|will|would|said|says)\b")
_OPENING_NAME = re.compile(r"(?:The\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+)?[A-Z][\w’'&-]*)*")
# what may sit between a name and the "who" that follows it: "Roe, who", "Roe, 84, who", "Roe (D-Va.), who"
_NAME_TO_RELATIVE = re.compile(r"[\s,]*(?:\d{1,3}[\s,]+|\([^()]{1,30}\)[\s,]*)?")
# what sets an appositive after a name: "Dana Roe, a pollster who …", "Roe — a builder who …"
_APPOSITION = re.compile(r"\s*(?:,|—|–|--)\s*$")
_WORD = re.compile(r"[\w’'-]+")
# "Dana Roe of the District Court", "Sen. Dana Roe of Ohio": a person and where they work or come from
_OF_PLACE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'-]+)\s+of\s+(?:the\s+)?[A-Z]")
# title words that name a body or a field, not a person ("Secretary of State", "House Speaker")
_PLACE_TITLES = frozenset(word_list(
    "state house senate gop dem national economic security health trade economy home interior finance defense "
    "defence foreign press"))
# title words that make another office of the same head ("vice president", "first lady")
_KIND_TITLES = frozenset(word_list("vice first deputy assistant associate"))
_DETERMINERS = frozenset(word_list("the a an one some many most those these its his her their our several two three"))
# words that end a noun phrase on its left: prepositions, verbs and adverbs of degree
_NP_STOPS = NOT_SUBJECT_END | TIME_WORDS | frozenset(word_list(
    "among between against toward towards across through without within around including like even also only"))
_PREPOSITIONS = frozenset(word_list(
    "of with in for from to about on at by among between against across around throughout inside outside"))


def noun_before(text: str, pos: int) -> tuple[int, int] | None:
    """Return the noun phrase that a relative pronoun at pos follows ("a former engineer who"), if any.

    The phrase must have a determiner or a plural head, so that a bare word of a list ("… and bully who")
    or of an adjunct ("on camera, who") is not taken for it:
    >>> text = "witnesses including a former engineer who"
    >>> text[slice(*noun_before(text, text.index("who")))]
    'a former engineer'
    >>> noun_before("a liar and bully who", 16) is None
    True
    """
    words = list(_WORD.finditer(text, max(0, pos - 80), pos))
    if not words or not re.fullmatch(r",?\s*", text[words[-1].end():pos]):
        return None
    head = words[-1]
    low = head.group().lower()
    if not head.group()[0].islower() or low in _NP_STOPS or low in _DETERMINERS:
        return None
    start, det = head.start(), False
    for w in reversed(words[:-1][-4:]):
        if not re.fullmatch(r"\s+", text[w.end():start]):
            break
        word = w.group()
        if word.lower() in _DETERMINERS:
            start, det = w.start(), True
            break
        if word.lower() in _NP_STOPS or word.endswith(("ly", "ed", "ing")) or word.lower() in NON_NAMES:
            break
        start = w.start()
    if not det and not (low.endswith("s") and not low.endswith("ss")):
        return None
    return start, head.end()


_NOBLE = frozenset(["lady", "lord", "queen", "king", "prince", "princess", "sir", "dame", "saint", "st"])


def _person_of_body(m: Mention) -> Mention:
    """Return a titled mention "of" a body as the person it names ("Battalion Chief Colm Brady of Brennock
    County Fire Rescue" → Colm Brady), so that a later "Chief Brady" finds him; any other mention as it is."""
    head = m.name.split(" of ")[0]
    if m.person or not set(m.titles) - _NOBLE or head == m.name:
        return m  # "Lady Margaret Hall of Oxford University", "Queen Victoria Market of Melbourne": places
    person = analyse_run(head, 0, len(head))
    if person is None or not person.person or len(person.name.split()) < 2:
        return m
    return replace(m, name=person.name, person=True, gender=m.gender or person.gender)


class Resolver:
    """Resolve speakers left to right, learning gender and surnames as it goes."""

    def __init__(self, masked: str, mentions: list[Mention], sentences: list[tuple[int, int]]) -> None:
        self._text = masked
        self._sentences = sentences
        self._sentence_starts = [s for s, _ in sentences]
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._gender: dict[str, str] = {}
        for m in mentions:
            if m.person and m.gender and m.name not in self._gender:
                self._gender[m.name] = m.gender
        # person mentions by each word of their name, then by name: their starts and the mentions, in text order
        self._named: dict[str, dict[str, tuple[list[int], list[Mention]]]] = {}
        # titled person mentions by each title word, in text order ("the mayor" looks them up)
        self._titled: dict[str, list[Mention]] = {}
        # person mentions with the lowercase description right before them, in text order
        self._described: list[tuple[Mention, list[str]]] = []
        for m in map(_person_of_body, mentions):
            if not m.person:
                continue
            for word in set(m.name.split()):
                starts, same = self._named.setdefault(word, {}).setdefault(m.name, ([], []))
                starts.append(m.start)
                same.append(m)
            for title in set(m.titles):
                self._titled.setdefault(title, []).append(m)
            described = _DESCRIBED.search(masked, max(0, m.start - 40), m.start)
            if described is not None and len(m.name.split()) > 1 and not m.titles:
                # "Tory leader Michael Howard", "Arsenal defender Sol Campbell": found again by "the Tory leader"
                self._described.append((m, described.group().lower().split()))
            elif (after := _DESCRIBED_AFTER.match(masked, m.end)) is not None and len(m.name.split()) > 1:
                self._described.append((m, after.group(1).lower().split()))
            elif (office := _OFFICE_BEFORE.search(masked, max(0, m.start - 60), m.start)) is not None and (
                    len(m.name.split()) > 1 and office.group(1).lower() in TITLES):
                # "The Bishop of Durham, the Rt Rev Dr Tom Wright, …": found again by "the Bishop"
                self._described.append((m, [office.group(1).lower()]))
        for m in mentions:
            # "Mr. Sandhu" later in the text tells that "Amrit Sandhu" is a man
            if m.person and m.gender and len(m.name.split()) == 1 and m.titles and m.titles[-1] in HONORIFICS:
                for name in self._named.get(m.name, {}):
                    if len(name.split()) > 1 and name.split()[-1] == m.name:
                        self._gender.setdefault(name, m.gender)
        # the full names of people, which a surname alone may stand for
        self._people = {m.name for m in mentions if m.person and len(m.name.split()) > 1}
        self._titled_surnames = {m.name for m in mentions if m.person and len(m.name.split()) == 1 and m.titles}
        self._last_speaker: tuple[int, str] | None = None
        self._last_body: tuple[int, str] | None = None  # the last organisation that spoke

    def _before(self, pos: int) -> list[Mention]:
        """Return mentions that end before pos within the window, most recent first."""
        i = bisect.bisect_left(self._starts, pos)
        out = []
        for m in reversed(self._mentions[:i]):
            if m.end > pos:
                continue
            if pos - m.end > _WINDOW:
                break
            out.append(m)
        return out

    def _canonical(self, m: Mention, pos: int) -> str:
        """Return the fullest earlier name that this mention's name shortens ("Lavrov" → "Sergei Lavrov")."""
        words = m.name.split()
        if len(words) > 1 and (not m.titles or given_name_gender(words[0]) is not None):
            return m.name  # "Dana Roe", "President Dana Roe": already a full name
        if m.titles and " of " in m.name and m.name.split(" of ")[0] in self._titled_surnames:
            return m.name.split(" of ")[0]  # "became Lord Callaghan of Cardiff": Lord Callaghan, as named before
        key = words[-1] if words else m.name
        # a peer's title ("Callaghan of Cardiff") is no fuller name of the surname
        fuller = [(first, last) for first, last in self._names_before(key, m.start)
                  if last.name != m.name and len(last.name) > len(m.name) and (len(words) == 1 or m.name in last.name)
                  and " of " not in last.name]
        return self._bearer(fuller, key, m.gender).name if fuller else m.name

    def _names_before(self, word: str, pos: int) -> list[tuple[Mention, Mention]]:
        """Return (first, latest) mentions before pos of each person name holding word, latest first."""
        out: list[tuple[Mention, Mention]] = []
        for starts, same in self._named.get(word, {}).values():
            i = bisect.bisect_left(starts, pos)
            if i:
                out.append((same[0], same[i - 1]))
        return sorted(out, key=lambda pair: -pair[1].start)

    def _bearer(self, names: list[tuple[Mention, Mention]], surname: str, gender: str | None) -> Mention:
        """Return the mention of the name that a surname most likely stands for, given (first, latest) mentions.

        A surname closes a person's name, so "Amrit Sandhu" comes before "Sandhu Precision Tooling". Among
        the names of the right gender it closes, a given name and surname the text introduced first wins: a
        story names its main Roe first and sets any other Roe apart ("his wife, Jane Roe"); else the most
        recent name.
        """
        closing = [(first, last) for first, last in names if last.name.split()[-1] == surname
                   and (gender is None or (last.gender or self._gender_of(last.name)) in (None, gender))]
        given = [first for first, last in closing
                 if len(last.name.split()) > 1 and given_name_gender(last.name.split()[0])]
        if given:
            return min(given, key=lambda m: m.start)
        # "Taylor Dent" (a given name the table does not tell) rather than "American Dent" after it
        named = [last for first, last in closing if len(last.name.split()) > 1 and last.name.split()[0] not in DEMONYMS]
        if named:
            return named[0]
        return closing[0][1] if closing else names[0][1]

    def _before_all(self, pos: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, pos)
        return list(reversed(self._mentions[:i]))

    def _gender_of(self, name: str) -> str | None:
        return self._gender.get(name)

    def resolve(self, source: str, start: int, said: str = "") -> str:
        """Return the canonical speaker for source words written at start; said is what they said, whose
        people a pronoun cannot mean ("Mr Blair has failed, he claimed": "he" is not Blair)."""
        joined = self._joined_by_ampersand(source, start)
        if joined is not None:
            self._body_spoke(start, joined)
            return joined  # "Ernst & Young said": the firm, not "Young"
        words = source.split()
        titled = _ROLE.match(source.strip()) is not None or (
            len(words) > 1 and words[-1] in ROLE_NOUNS and all(w[:1].isupper() for w in words[:-1]))
        if titled and (named := self._named_after(start + len(source))) is not None:
            # "The lord chancellor, Lord Falconer, said", "James Hardie chairwoman, Meredith Hellicar, said"
            name = self._canonical(named, named.start)
            self._note(start, name)
            return name
        person = self._named_before(source, start)
        if person is not None:
            self._note(start, person)  # "Mark Serwotka, from the PCS union said": Serwotka, not the union
            return person
        speaker = self._resolve(source, start, said)
        described = _GENDERED.match(speaker)
        if described is not None and (named := self._apposition(start, start + len(source))) is not None:
            name = self._canonical(named, named.start)  # "Scott Stanzel, a spokesman for the campaign, said"
            self._note(start, name)
            return name
        if described is not None:
            # "A BBC spokeswoman said …. She said …": the she who speaks next is the spokeswoman, not a woman
            # she named, though her name is unknown
            noun = (described.group(1) or described.group(2)).lower()
            self._gender.setdefault(speaker, "f" if noun in _FEMALE_NOUNS else "m")
            self._note(start, speaker)
        return speaker

    def _joined_by_ampersand(self, source: str, start: int) -> str | None:
        """Return the whole name of a firm when the speaker found is a part of it that "&" joins to the rest
        ("Young" of "Ernst & Young", "Marsh" of "Marsh & McLennan"), else None."""
        if not source[:1].isupper():
            return None
        end = start + len(source)
        before = _AMPERSAND_BEFORE.search(self._text, max(0, start - 60), start)
        after = _AMPERSAND_AFTER.match(self._text, end)
        if before is None and after is None:
            return None
        return self._text[before.start() if before else start : after.end() if after else end]

    def _resolve(self, source: str, start: int, said: str) -> str:
        source = _TRAILING_WORDS.sub("", source)  # "Gardener afterwards said", "Alun Michael has said"
        if (joined := _CONJOINED.search(source)) is not None:
            source = source[joined.end() :]  # "… profits in 2004 but GM said": GM
        if (rel := _OBJECT_RELATIVE.match(source)) is not None and _relative_subject(source[rel.end() :]):
            source = source[rel.end() :]  # "a bill which critics claim would …": the critics
        head = source.split(",")[0].strip()
        named = _RELATIVE_AFTER.split(head, maxsplit=1)[0]
        if named != head and (tail := _TAIL_NAME.search(named)) is not None and tail.end() == len(named):
            head = named  # "Simon Bysshe who filmed the event": the name before the relative clause
        if head != source.strip() and re.search(r"[A-Z]", head):
            source = head  # "Dana Roe, who chairs the panel": the name before the apposition
        if (of := _OF_PLACE.match(source)) is not None:
            person = analyse_run(of.group(1), 0, len(of.group(1)))
            if (person is not None and person.person and len(person.name.split()) > 1
                    and person.name_start > person.start):
                source = of.group(1)  # "Judge Dana Roe of the District Court": the judge, not the court
        low = source.lower()
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            want = "m" if low in MALE_PRONOUNS else "f"
            # no one else fits: "Wenger out banners do not bother me," he said (Arsene Wenger)
            name = (self._pronoun(start, want, said) or self._lone_name(start, said)
                    or (self._pronoun(start, want) if said else None))
            if name:
                self._gender.setdefault(name, want)
                self._note(start, name)
                return name
            return source
        if low in ("who", "which", "that"):
            return self._relative(source, start, said)
        if low == "it":
            return self._it(start) or source
        if low in ("i", "we", "they", "you"):
            return source
        if _AGE_OR_ORIGIN.fullmatch(source) and (aged := self._age_or_origin(start, "year-old" in low)) is not None:
            self._note(start, aged)
            return aged  # "the 30-year-old" after "Arsenal's Sol Campbell … he said": Campbell
        role = _ROLE.match(source)
        if role:
            words = role.group(1).lower().split()
            head = words[-1]
            last = self._last_speaker
            if (len(words) == 1 and head in _SPOKES and last is not None and start - last[0] < 600
                    and last[1].lower().split()[-1] == head and len(last[1].split()) > 1):
                # "said a Vodafone spokesman. … the spokesman said": the one who spoke just before
                self._note(start, last[1])
                return last[1]
            kind = {w for w in words if w in _KIND_TITLES}
            # "the mayor" is the person the text named with that title ("Mayor Dana Roe"), however far back;
            # "the vice president" needs both words, and "the state" is no person's title
            titled = self._titled.get(head, [])
            for m in reversed(titled[:bisect.bisect_left(titled, start, key=lambda t: t.start)]):
                if (head in TITLES and head not in _PLACE_TITLES and kind == set(m.titles) & _KIND_TITLES
                        and m.name_start > m.start):
                    name = self._canonical(m, m.start)
                    self._note(start, name)
                    return name
            # "the central defender" after "United defender Rio Ferdinand"; but "the Tory leader" needs "Tory"
            extra = role.group(1).split()[:-1]
            nearby = self._before(start) if self._described else []
            for m, description in reversed(self._described):
                exact = all(w.lower() in description for w in extra)
                # a looser match ("the two-time champion") only for the last person named before it
                loose = all(w.lower() in description or w.islower() for w in extra) and not any(
                    o.person and m.end <= o.start for o in nearby)
                # "shadow chancellor Oliver Letwin" is not "the chancellor"
                other = any(w in _OTHER_HOLDER and w not in (x.lower() for x in extra) for w in description)
                if m.start < start and description[-1] == head and (exact or loose) and not other:
                    name = self._canonical(m, m.start)  # "the defender" after "Arsenal defender Sol Campbell"
                    self._note(start, name)
                    return name
            described_firm = (head in _FIRM_DESCRIPTIONS or head.endswith("maker")) and not (
                OTHER_FIRM_WORDS & set(words))
            if (head in _FIRMS and len(words) == 1) or (len(words) > 1 and described_firm):
                # "The company said", "The global sports giant said": the firm that just spoke or the story's
                body = self._last_body
                if body is not None and start - body[0] < 400:
                    return body[1]  # "Apple said …" then "The company said …"
                if len(words) == 1 and (firm := self._main_firm(start)) is not None:
                    return firm  # "Nike raised its forecast. … The firm said …": the firm the story is about
            if head in ("newspaper", "paper") and len(words) == 1:
                for m in self._before(start):  # "The Telegraph was sued after the newspaper claimed …"
                    run = self._text[m.start:m.end].split()
                    if run and run[-1].lower() in _PAPER_NAMES and not m.gender:
                        return " ".join(run)
            if head in ORG_WORDS and head not in _PLACE_TITLES | {"republic", "kingdom", "states"}:
                if len(words) == 1 and (apposed := self._apposed_as(head, start)) is not None:
                    return apposed  # "ABN Amro, the Netherlands' largest bank, …": "the bank" later is ABN Amro
                # "the hospital" after "Calder General Hospital": the organisation the noun closes
                for m in self._before(start):
                    run = self._text[m.start:m.end].split()
                    # "the bank" after "Bank of England lending figures": a body named "X of Y" opens on its noun
                    opens = len(words) == 1 and len(run) > 2 and run[0].lower() == head and run[1] == "of"
                    if not m.person and len(run) > 1 and (run[-1].lower() == head or opens):
                        return " ".join(run)
            if head in _PERSON_DESCRIPTIONS and (named := self._age_or_origin(start, False)
                                                 or self._described_opening(start)) is not None:
                self._note(start, named)
                return named  # "…," the comedian said' after Ricky Gervais spoke, and no one else was named
            if head in _SPOKES and len(words) > 1 and (last is None or last[1] not in self._people):
                # "The Vodafone spokesman said …": the one a later "the spokesman" is, unless a person just spoke
                # ("… he asked. The Tory spokesman also criticised …" may be that person again)
                self._note(start, source)
            return source
        if re.search(r"\b(?!(?:of|for|the|and|de|van|von|al)\b)[a-z]", source):
            # "former speechwriter Jane Roe": a person's name closing a descriptive phrase names the speaker
            tail = _TAIL_NAME.search(source)
            of = re.search(r"\s+(?:of|from|for)\s+$", source[: tail.start()]) if tail is not None else None
            if of is not None:  # "researchers from Leeds University" are not the university
                before = _TAIL_NAME.search(source[: of.start()])  # but "Anthony Pratt from JD Power" is Pratt
                owner = before.group() if before is not None else ""
                possessive = "’s" in owner or "'s" in owner  # "Strathclyde University's Fraser of …"
                person = analyse_run(owner, 0, len(owner)) if owner and not possessive else None
                if before is None or person is None or not person.person:
                    return source.strip()
                tail = before
            if tail is None:
                closing = _TAIL_FIRM.search(source)  # "UK advertising giant WPP": the firm the phrase ends on
                if closing is not None:
                    return closing.group(1)
                surname = _TAIL_SURNAME.search(source.strip()) if " and " not in source else None
                if surname is not None and any(len(last.name.split()) > 1 for _, last in self._names_before(
                        surname.group(1), start)):
                    return self._resolve(surname.group(1), start, said)  # "Spanish teenager Nadal": Rafael Nadal
                worker = _PERSON_FROM.match(source)  # "Graham Cluley from anti-virus firm Sophos": Cluley
                name = worker.group(1) if worker is not None else ""
                person = analyse_run(name, 0, len(name)) if name else None
                if person is None or not person.person:
                    return source.strip()
                source = name
            else:
                source = tail.group()
        at = self._text.find(source.strip(), start)
        source = without_common_plural(source.strip(), self._text, at) if at >= 0 else source.strip()
        men = analyse_run(source, 0, len(source))
        if men is None:
            return source
        if not men.person and len(men.name.split()) > 1:
            self._body_spoke(start, source.strip())
            return source.strip()
        key = men.name.split()[-1]
        # "American Dent" after "Taylor Dent": a nationality before a surname is no part of the name
        own = key if len(men.name.split()) == 2 and men.name.split()[0] in DEMONYMS else men.name
        # a surname ("Mr. Roe") takes the fullest earlier name of that gender; a name of more words only a fuller
        # form of itself ("Bill Clinton" is not "Hillary Clinton", "Azmat Begg" not "Moazzam Begg")
        bearers = [(first, last) for first, last in self._names_before(key, start)
                   if len(last.name) >= len(own)
                   and (not _given_first(own) or own in last.name)
                   and (men.gender is None or (last.gender or self._gender_of(last.name)) in (None, men.gender))]
        if bearers:
            m = self._bearer(bearers, key, men.gender)
            name = self._canonical(m, m.start)
            if men.gender:
                self._gender.setdefault(name, men.gender)
            self._note(start, name)
            return name
        if men.gender and men.person:
            self._gender.setdefault(men.name, men.gender)
        if men.person:
            self._note(start, men.name)
            return men.name
        self._body_spoke(start, source.strip())
        return source.strip()

    def _apposed_as(self, head: str, start: int) -> str | None:
        """Return the last name before start that the text sets beside a description closing on head ("ABN
        Amro, the Netherlands' largest bank", "Ford, a US car company"), if any."""
        # set off by commas: not "In December, the bank said"
        pattern = (rf"([A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){{0,3}}),\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?"
                   rf"{head}\b(?=,)")
        names = [m.group(1) for m in re.finditer(pattern, self._text[:start])]
        return names[-1] if names else None

    def _lone_name(self, start: int, said: str) -> str | None:
        """Return the one capitalised word that spoke just before as the "he" or "she" at start ("Parry said the
        club would not sell. … he insisted"), when no person fits: a body would be "it", so that word is a person."""
        body = self._last_body
        if body is None or len(body[1].split()) != 1 or body[1].lower() in ORG_WORDS or _names(said, body[1]):
            return None
        gap = start - body[0] - self._text.count(MASK, body[0], start)
        return body[1] if gap < 400 else None

    def _body_spoke(self, start: int, name: str) -> None:
        """Remember an organisation that spoke ("Apple said"): "the company" may be it later. Groups of
        people ("Analysts"), records ("Figures"), places, given names and figures are not."""
        words = name.split()
        if not words or not all(w[:1].isupper() or w in ("of", "the", "and", "&") for w in words):
            return
        low = words[-1].lower()
        if any(c.isdigit() for c in name) or low in _NO_BODY_HEADS:
            return
        if len(words) == 1 and (given_name_gender(words[0]) is not None or _PEOPLES.fullmatch(words[0])):
            return
        self._last_body = (start, name)

    def _relative(self, source: str, start: int, said: str = "") -> str:
        """Return what a relative pronoun at start refers to: the name or noun phrase right before it.

        "Roe, 84, who …" → Roe; "a former engineer who …" → "a former engineer"; else a name close before.
        """
        before = self._before(start)
        for m in before[:1]:
            if _NAME_TO_RELATIVE.fullmatch(self._text, m.end, start):
                name = self._canonical(m, m.start)
                self._note(start, name)
                return name
        noun = noun_before(self._text, start)
        if noun is not None and not self._apposed(noun[0]) and not (
                "," in self._text[noun[1]:start] and self._after_preposition(noun[0])):
            # "… from developers who …"; but in "one aide familiar with the talks, who" the aide is meant
            return self.resolve(self._text[noun[0]:noun[1]], noun[0])
        for m in before:
            if start - m.end < 80:
                name = self._canonical(m, m.start)
                if not m.person and name == m.name:  # "David Kahn - a former Yale historian, …, who": Kahn
                    described = (p for p in before if p.person and start - p.end < 150
                                 and _APPOSED.match(self._text, p.end) and p.end < m.start)
                    m = next(described, m)  # but "Tom Lee met officials from Unison, who said …": Unison
                    name = self._canonical(m, m.start)
                if _names(said, name):
                    return source  # "the French, who also support Mr Forgeard": not Forgeard
                self._note(start, name)
                return name
        if noun is not None and not self._apposed(noun[0]):
            return self.resolve(self._text[noun[0]:noun[1]], noun[0])  # "according to the researchers, who"
        return source

    def _main_firm(self, pos: int) -> str | None:
        """Return the organisation the text names most often before pos, at least twice and once inside a
        sentence (not "Shares" or "Overall" opening one), if one does; never a place or a nationality."""
        counts: dict[str, int] = {}
        for m in self._mentions[: bisect.bisect_left(self._starts, pos)]:
            words = m.name.split()
            if (m.person or not words or words[-1].lower() in PLACE_WORDS or _NATIONALITY.fullmatch(words[-1])
                    or _PEOPLES.fullmatch(words[-1]) or re.fullmatch(r"[A-Z]{2,}s", words[-1])):
                continue  # nor people by their post: "MPs", "MEPs"
            counts[m.name] = counts.get(m.name, 0) + 1
        best = max(counts.values(), default=0)
        top = [name for name, n in counts.items() if n == best]
        if best < 2 or len(top) > 1 or self._surname_of_someone(top[0]):
            return None  # "Warren" after "Elizabeth Warren": a person's surname
        name = re.escape(top[0])
        if top[0] in self._named and re.search(rf"\b{name}\b", self._text[:_LEAD]) is None:
            return None  # a word also read as part of a name ("Cadbury Schweppes") must open the story too
        before = self._text[:pos]
        if re.search(rf"\b(?<![Ss]hares\s)(?<![Ss]take\s)(?<![Ss]takes\s)(?:in\s+(?:the\s+)?|its\s+){name}\b", before):
            return None  # "in Malaysia", "in the US": a place; "its Iressa drug": a product; "shares in Cairn" a firm
        # the firm does something somewhere in the text ("Nike raised its forecast"), and not only where a
        # sentence opens ("Profits rose", "Spam is …")
        acts = re.search(rf"(?:[a-z,]\s+|^){name}\s+(?:has|had|is|was|will|would|said|told|[a-z]+ed|[a-z]+s)\b"
                         rf"|[a-z,]\s+{name}[’']s\s+[a-z]", before, re.M)  # or owns something: "Toyota's prototypes"
        inside = re.search(rf"[a-z,]\s+{name}\b", before)
        return top[0] if acts is not None and inside is not None else None

    def _surname_of_someone(self, word: str) -> bool:
        """Tell whether word is part of a person's name the text gives with a given name or a title ("Warren" of
        "Elizabeth Warren"), not of a run only read as one ("Cadbury" of "Cadbury Schweppes")."""
        return any(any(m.titles for m in same) or given_name_gender(full.split()[0]) is not None
                   for full, (_, same) in self._named.get(word, {}).items())

    def _age_or_origin(self, start: int, age: bool) -> str | None:
        """Return whom "the 30-year-old" or "the Dutchman" means: the person named last before it, when that is
        also the last speaker; else, for an age, the person who opens the narration right before ("Paul
        McCartney will headline the show. The 62-year-old said …"), whose age a reader may check, though not
        whether they are Dutch; else None."""
        last = self._last_speaker
        if last is not None and start - last[0] < 400:
            for m in self._before(start):
                if m.name.lower() in TITLES:
                    continue
                name = self._canonical(m, m.start)
                if m.person or (name != m.name and name in self._people):  # "Umaga" after "Tama Umaga"
                    if given_name_gender(name.split()[0]) is None and len(name.split()) < 2:
                        return None  # "Old Trafford" and the like: one capitalised word, not surely a person
                    if last[1] == name:
                        return name
                    break
            else:
                return None
        return self._opening_subject_before(start) if age else None

    def _described_opening(self, start: int) -> str | None:
        """Return the person who opens the narration right before a description of someone ("Nicholas Betts-Green
        … quit. The former teacher confirmed …"), as for an age, when a given name or a pronoun shows a person and
        no title another ("Real Madrid", "Coach Mike Ruddock" are not "the 22-cap Dragons man")."""
        named = self._age_or_origin(start, True)
        if named is None or named.split()[0].lower() in ROLE_NOUNS | TITLES | _DESCRIPTION_WORDS:
            return None
        if any(m.name == named for m, _ in self._described):
            return None  # "Calder defender Tom Lund": described otherwise, so "the Calder player" is someone else
        return named if given_name_gender(named.split()[0]) is not None or self._gender_of(named) else None

    def _sentence_index(self, pos: int) -> int:
        """Return the index of the sentence that holds pos (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def _described_subject(self, pos: int) -> str | None:
        """Return whom an age opening the sentence that holds pos describes ("The 31-year-old was third …"): the
        person who opens the sentence before, as for "the 31-year-old said"; None when it opens otherwise."""
        i = self._sentence_index(pos)
        if i < 0:
            return None
        lo = self._sentences[i][0]
        opening = _AGE_OPENING.match(self._text, lo, pos)
        return self._opening_subject_before(lo) if opening is not None else None

    def _person_in_sentence(self, pos: int) -> bool:
        """Tell whether the sentence that holds pos names a person before pos."""
        i = self._sentence_index(pos)
        lo = self._sentences[i][0] if i >= 0 else 0
        return any(m.person or self._canonical(m, m.start) in self._people for m in self._before(pos) if m.start >= lo)

    def _opening_subject_before(self, start: int, carried: frozenset[str] = frozenset()) -> str | None:
        """Return the person who opens, as its subject, the sentence of narration right before the one at start
        (a sentence that opens on a quotation counts as the one at start), if a full name or a known surname. A
        sentence that opens on one of the pronouns carried ("She will then link up with …") passes the
        question to the one before it."""
        i = self._sentence_index(start) - 1  # the sentence before the one at start
        while i > 0 and (self._opens_on(i, carried) or self._describes_someone(self._sentences[i][0])):
            i -= 1  # "The Northern Ireland runner set a best …" only tells more of the one named before
        if i < 0:
            return None
        lo, hi = self._sentences[i]
        if MASK in self._text[lo:hi]:
            return None  # a quotation of its own: someone else may be speaking
        inside = [m for m in self._before(hi) if m.start >= lo]  # most recent first
        opening = inside[-1] if inside else None
        if opening is None or not _OPENS_ON_SUBJECT.fullmatch(self._text, lo, opening.start):
            return None  # "But Kenteris has protested …" opens on him
        if len(inside) > 1 and (not opening.person or inside[-2].person) and _LEADS_TO_NAME.fullmatch(
                self._text, opening.start, inside[-2].start):
            # "Tory co-chairman Liam Fox has opened …", "Double Olympic champion Hicham El Guerrouj is set …": the
            # name the description leads to
            opening = inside[-2]
        name = self._canonical(opening, opening.start)
        if not (opening.person or name in self._people):
            return None  # "Kenteris" after "Kostas Kenteris" is a person
        return name if given_name_gender(name.split()[0]) is not None or name in self._people else None

    def _asked_before(self, pos: int) -> str | None:
        """Return the person the sentence before pos says was asked something ("Mr Johnson was asked why …")."""
        i = self._sentence_index(pos)
        if i < 1:
            return None
        lo, hi = self._sentences[i - 1][0], self._sentence_starts[i]
        for m in self._before(hi):
            if m.start < lo:
                break
            if m.person and _WAS_ASKED.match(self._text, m.end):
                return self._canonical(m, m.start)
        return None

    def _opens_on(self, i: int, words: frozenset[str]) -> bool:
        """Tell whether sentence i opens on one of words (lower case)."""
        word = _WORD.match(self._text, self._sentences[i][0])
        return word is not None and word.group().lower() in words

    def _describes_someone(self, lo: int) -> bool:
        """Tell whether the sentence at lo opens on a description of a person as its subject ("The Northern
        Ireland runner set …", "The 25-year-old won …"), with no name of its own before the verb."""
        return _DESCRIPTION_OPENING.match(self._text, lo) is not None

    def _named_before(self, source: str, start: int) -> str | None:
        """Return the person named right before a body or a description that a comma sets after the name, when
        the comma that should close it is missing ("Colin Asplin, Blackpool Hotel Association said"), else None."""
        words = source.split()
        if len(words) < 2 or words[-1].lower() not in _BODY_OR_ROLE_HEADS:
            return None  # "Blackpool Hotel Association", "the Public and Commercial Services union"
        before = self._before(start)
        if not before or not before[0].person or given_name_gender(before[0].name.split()[0]) is None:
            return None  # a person's full name: "Colin Asplin"
        if _CLAUSE_START.search(self._text, max(0, before[0].start - 6), before[0].start) is None:
            return None  # "Echoing Condoleezza Rice, the prime minister said": the name is not the subject
        if _SET_AFTER.fullmatch(self._text, before[0].end, start) is None:
            return None
        return self._canonical(before[0], before[0].start)

    def _apposition(self, start: int, end: int) -> Mention | None:
        """Return the person whose name is set beside the description at start..end, before it ("Scott Stanzel,
        a spokesman …") or after it ("a spokeswoman, Anna White, said"), if any."""
        if self._apposed(start) and (before := self._before(start)) and before[0].person:
            return before[0]
        gap = re.match(r"\s*[,—–]\s*", self._text[end : end + 4])
        after = self._person_at(end + gap.end()) if gap is not None else None
        return after if after is not None and len(after.name.split()) > 1 else None

    def _person_at(self, pos: int) -> Mention | None:
        """Return the person whose name starts right at pos, if any."""
        i = bisect.bisect_left(self._starts, pos)
        m = self._mentions[i] if i < len(self._mentions) else None
        return m if m is not None and m.start == pos and m.person else None

    def _named_after(self, end: int) -> Mention | None:
        """Return the person whose name a description ending at end sets between commas right after it ("the
        lord chancellor, Lord Falconer, said"), if any."""
        gap = re.match(r",\s+(?:the\s+)?", self._text[end : end + 8])  # "the Bishop of Durham, the Rt Rev …"
        after = self._person_at(end + gap.end()) if gap is not None else None
        if after is None:
            return None
        if len(after.name.split()) < 2 and not any(t in HONORIFICS for t in after.titles):
            # "the company, Microsoft, …", "the head of the unit, Chief Superintendent, …": not surely a person;
            # "Lord Falconer" is
            return None
        return after if re.match(r"\s*,", self._text[after.end : after.end + 3]) else None

    def _apposed(self, pos: int) -> bool:
        """Tell whether the noun phrase at pos is set after a name ("Dana Roe, a pollster …")."""
        before = self._before(pos)
        dash = _APPOSITION.search(self._text, max(0, pos - 6), pos)
        return dash is not None and bool(before) and dash.start() - before[0].end <= 1

    def _after_preposition(self, pos: int) -> bool:
        """Tell whether a preposition comes right before pos ("familiar with the talks")."""
        prev = re.search(r"(\w+\s+)?([\w’'-]+)\s+$", self._text[max(0, pos - 30):pos])
        if prev is None or (prev.group(1) or "").strip().lower() == "according":
            return False  # "according to the engineers, who …": the source itself
        return prev.group(2).lower() in _PREPOSITIONS

    def _it(self, pos: int) -> str | None:
        """Return what a sentence-opening "it" stands for: the subject that opened the sentence before.

        "Gazprom raised prices. It said …" → Gazprom; "The treaty was signed. It states …" → the treaty.
        A person is never "it", and an "it" inside a sentence is left alone.
        """
        i = bisect.bisect_left(self._sentence_starts, pos)
        if i == 0 or i == len(self._sentence_starts) or self._sentence_starts[i] != pos:
            return None
        s, e = self._sentences[i - 1]
        sentence = self._text[s:e]
        thing = _THING.match(sentence)
        if thing:
            return f"the {thing.group(1)}"
        run = _OPENING_NAME.match(sentence)
        if run is None or not _VERB_NEXT.match(sentence, run.end()):
            return None
        men = analyse_run(sentence, 0, run.end())
        if men is None or men.person or men.name.lower() in ("here", "there", "much"):
            return None
        last = men.name.split()[-1]
        if any(m.person and last in m.name.split() for m in self._before_all(pos)):
            return None  # a surname alone: "Roe has left. It said …" cannot mean Roe
        # a body keeps what reads as a title in a person's name: "The Home Office said …" is the Home Office
        return sentence[men.start:men.end] if men.titles else men.name

    def _note(self, pos: int, name: str) -> None:
        self._last_speaker = (pos, name)

    def _newcomer(self, pos: int, want: str, last: tuple[int, str], said: str = "") -> str | None:
        """Return a person of the wanted gender whom the sentence before pos introduces instead of the last speaker.

        In "Among the guests was Walter Pym, 84. He said …" the "He" is Pym even when another man spoke
        just before; but a sentence that goes on about the last speaker ("He met Pym.") keeps him.
        """
        i = self._sentence_index(pos)
        if i < 1:
            return None
        lo, hi = self._sentences[i - 1][0], self._sentence_starts[i]
        if lo <= last[0]:
            return None
        pronouns = MALE_PRONOUNS if want == "m" else FEMALE_PRONOUNS
        if last[1].split()[-1] in self._text[lo:pos]:
            return None
        newcomers: list[tuple[Mention, str]] = []  # nearest first
        for m in self._before(hi):
            if m.start < lo:
                break
            if m.name.lower() in TITLES or m.name.lower() in HONORIFICS:
                continue
            name = self._canonical(m, m.start)
            if not m.person and not (name != m.name and name in self._people and not re.search(r"['’]s\b", name)):
                continue  # "Federer" after "Roger Federer" is a person too; "Budget" is not "Gordon Brown's Budget"
            known = self._gender_of(name)
            if name != last[1] and (m.gender or known) == want and known in (None, want) and not _names(said, name):
                newcomers.append((m, name))
        if not newcomers:
            return self._office_opening(lo, hi, pos, pronouns)
        # A pronoun before the newcomer is the last speaker's ("He met Pym."); one after a newcomer who opens the
        # sentence may be the newcomer's own ("Federer dropped a set to Gaudio but was content with his game.
        # “…,” he said."), unless the sentence is the last speaker's words ("Mr Blair has the passion, he said.").
        spoken = re.search(rf"\b(?:he|she)\s+{_SAYS}", self._text[lo:hi], re.IGNORECASE) is not None
        opening = [(m, name) for m, name in newcomers
                   if re.fullmatch(r"[\s“\"]*(?:(?:But|And|Yet|So|Meanwhile),?\s+)?", self._text[lo:m.start])]
        opens = bool(opening) and not spoken
        if not opens and self._describes_someone(lo):
            return None  # "The 21-year-old missed … after a tackle by Olivier Dacourt. He added": as "He missed …"
        m, name = opening[0] if opens else newcomers[0]
        upto = m.start if opens else pos
        if any(w.lower() in pronouns for w in _WORD.findall(self._text[lo:upto])):
            return None
        return name

    def _office_opening(self, lo: int, hi: int, pos: int, pronouns: frozenset[str]) -> str | None:
        """Return the holder of an office of a place who opens the sentence lo:hi as its subject ("Earlier the
        Archbishop of Canterbury wrote to the parties. In a letter, he …"), as the text writes them; None when
        the sentence opens otherwise or a he/she stands before pos in it."""
        opening = _OFFICE_OPENING.match(self._text, lo, hi)
        if opening is None:
            return None
        office = next((m for m in self._before(hi) if m.start == opening.start("office")), None)
        if office is None or not office.titles or not office.name.startswith("of "):
            return None
        if any(w.lower() in pronouns for w in _WORD.findall(self._text[office.end : pos])):
            return None
        return f"the {self._text[office.start : office.end]}"

    def _pronoun(self, pos: int, want: str, said: str = "") -> str | None:
        """Pick the antecedent of he/she: last speaker if close, else the nearest person of that gender; never
        one that what was said names."""
        unknown: str | None = None
        oldest = 0  # a person named before a close last speaker of unknown gender is not preferred to them
        described = self._described_subject(pos)
        if described is not None and self._gender_of(described) in (want, None) and not _names(said, described):
            # "The 31-year-old was third behind Hayley Yelling … but she prefers …": the one the sentence is about
            return described
        asked = self._asked_before(pos)
        if asked is not None and self._gender_of(asked) in (want, None) and not _names(said, asked):
            return asked  # "Mr Johnson was asked why Mr Smith had gone. He replied: …": the one asked answers
        last = self._last_speaker
        # how far back the last speaker is, in the narration between: their own long quotation keeps them close
        gap = pos - last[0] - self._text.count(MASK, last[0], pos) if last is not None else 0
        if last is not None and gap < 400 and not _names(said, last[1]):
            g = self._gender_of(last[1])
            if g == want:
                return self._newcomer(pos, want, last, said) or last[1]
            if g is None:
                unknown, oldest = last[1], last[0]
        elif not self._person_in_sentence(pos) and (opening := self._opening_subject_before(
                pos, MALE_PRONOUNS if want == "m" else FEMALE_PRONOUNS)) is not None and (
                not _names(said, opening) and self._gender_of(opening) == want):
            # "Mr Blair held talks with Ariel Sharon and Mahmoud Abbas. He confirmed …": no one spoke just before,
            # and the subject of the sentence before is the "he" more than the last man it names; but in "O'Leary
            # has been in talks and he said" the "he" is the one the sentence names
            return opening
        for m in self._before(pos):
            if m.end <= oldest:
                break
            if not m.person:
                continue
            if m.name.lower() in TITLES or m.name.lower() in HONORIFICS:
                continue
            name = self._canonical(m, m.start)
            if _names(said, name):
                continue
            g = m.gender or self._gender_of(name)
            if g == want:
                return name
            if g is None and unknown is None:
                unknown = name
        return unknown


def _given_first(name: str) -> bool:
    """Tell whether a name opens on a given name ("Azmat Begg", "Bill Clinton"), not on a title, an honorific or
    another word before a surname ("Mr King", "Supt Deats", "Said Williams")."""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0].lower().rstrip(".")
    if given_name_gender(words[0]) is not None:
        return True
    return not (first in TITLES or first in HONORIFICS or first in NON_NAMES or first in _NOT_GIVEN
                or not words[0][:1].isupper() or words[0].isupper())


# capitalised words that open a name run without being a given name: short ranks, a verb of saying
_NOT_GIVEN = frozenset(word_list("said says supt det insp sgt cllr"))


def _names(said: str, name: str) -> bool:
    """Tell whether the first sentence of what was said names the person by their surname, other than as a
    speaker ("the warnings were not there. Lord Butler said: …" runs on past what was said)."""
    surname = name.split()[-1] if name.split() else ""
    if not said or not surname:
        return False
    first = _NESTED.sub("", _SENTENCE_END.split(said, maxsplit=1)[0])  # "He called me ‘Billie Jean’," she said
    if re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])(?!:|\s+{_SAYS})", first) is not None:
        return True
    given = name.split()[0]  # "I have an advantage (over Serena)": Serena Williams is not the one speaking
    return len(name.split()) > 1 and re.search(
        rf"\((?:over|against|with|to|for)?\s*{re.escape(given)}\)", first) is not None


# a speaker known by age, nationality or party alone: "the 30-year-old", "the Dutchman", "the American", "the
# Holland international", "the Republican"
_AGE_OR_ORIGIN = re.compile(
    rf"(?i:the)\s+(?:\d{{1,3}}-year-old|(?:{'|'.join(sorted(DEMONYMS))})|[A-Z][a-z]+\s+international)"
)
# last words of newspapers' names: "the Daily Telegraph", "the Sunday Times", "the Guardian"
_PAPER_NAMES = frozenset(word_list("""telegraph times guardian post mail express mirror standard herald observer
    independent sun journal chronicle gazette tribune record star scotsman courier"""))
_WAS_ASKED = re.compile(r"\s+(?:was|were|had\s+been|has\s+been|is\s+being|was\s+being)\s+(?:also\s+)?asked\b")
_AGE_OPENING = re.compile(r"\s*The\s+\d{1,3}-year-old\b")
# "The Northern Ireland runner set …", "The 25-year-old won …": a sentence whose subject describes someone
_DESCRIPTION_OPENING = re.compile(
    r"\s*(?:(?:But|And)\s+[Tt]he|The)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{'|'.join(sorted(_PERSON_DESCRIPTIONS | PERSON_DESCRIPTION_HEADS))}|\d{{1,3}}-year-old"
    rf"|{_NATIONALITY.pattern}|{'|'.join(sorted(DEMONYMS))})"
    r"(?:\s+|,\s+who\s[^,]{3,80},\s+)"  # "But the Moroccan, who has not raced for 15 years, will …"
    r"(?:(?:has|had|is|was|will|would|also|now|then|later|still)\s+)*[a-z]+\b(?!['’])"
)
_OFFICE_OPENING = re.compile(r"[\s\"“]*(?:(?:But|And|Meanwhile|Earlier|Later),?\s+)?[Tt]he\s+(?P<office>[A-Z])")
_OPENS_ON_SUBJECT = re.compile(r"[\s\"“‘(]?\s*(?:(?:But|And|Yet|So)\s+)?")
_CLAUSE_START = re.compile(r"(?:^|[.!?][\"”’]?\s+|[,;:\x01]\s*|\n\s*)$")
_SET_AFTER = re.compile(r",\s+(?:(?:from|of|at)\s+)?")  # "Colin Asplin, ", "Mark Serwotka, from "
# the noun an object relative describes, before the relative's own subject: "a bill which critics (claim)"
_OBJECT_RELATIVE = re.compile(r"^[^,]*?\s(?:which|that)\s+(?=\S)")


def _relative_subject(words: str) -> bool:
    """Whether the words after "which" or "that" are the relative's own subject, a short noun phrase ("critics",
    "the foundation", "House ethics investigators"), not its verb ("were later released by …") nor a noun that
    "that" points to ("that night")."""
    split = words.split()
    if not 1 <= len(split) <= 4 or split[0].lower() in _NOT_RELATIVE_SUBJECT or words.lower() in TIME_WORDS:
        return False
    return not any(w.endswith("ed") or w.lower() in _NOT_RELATIVE_SUBJECT for w in split)


_NOT_RELATIVE_SUBJECT = frozenset(word_list(
    "is was are were be been has had have will would could can may might must shall should does did do not "
    "shows show contain contains includes include represents represent thwarted night day week year time morning"
))
# a clause joined before the subject that was read as part of it: "… rose in 2004 but GM said", "… the festival
# but organisers said"; not "a subtle but firm", "all but two", "sources who spoke but were not named"
_CONJOINED = re.compile(
    r"^.*\s(?:(?:but|although|though|because|as|while|whereas)\s+"  # "… get their presents in early as experts"
    r"|(?=(?:many|most|some|several)\s+[a-z]+s$))"  # "surprised by the announcement many analysts"
    r"(?=(?:[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*"
    r"|(?:(?:many|most|some|several)\s+)?(?:critics|analysts|organisers|organizers|developers|officials|experts"
    r"|economists|observers|campaigners|unions|residents|investors|traders)|many|others|some|most)$)"
)
# the rest of a firm's name that "&" joins to the words found: "Ernst & " before "Young", " & McLennan" after "Marsh"
_AMPERSAND_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2}[ \t]+&[ \t]+$")
_AMPERSAND_AFTER = re.compile(r"[ \t]+&[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2}")
# words between a subject and its verb of saying that are no part of who spoke: adverbs and auxiliaries
_TRAILING_WORDS = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|since|also|recently|meanwhile|afterwards|instead|later|"
    r"previously|earlier|subsequently|separately|ahead|beforehand|shortly|afterward|yesterday|today|tonight|"
    r"however|though|then|now|too|again|really|himself|herself|itself|themselves|allegedly|reportedly|"
    r"reputedly|publicly|privately|initially|originally|repeatedly|widely|highly|partially|"
    r"(?:last|this)\s+(?:night|week|weekend|month|year|season|morning|afternoon|evening)))+\s*$"
)
_NESTED = re.compile(r"(?<![\w’'])[‘'][^’'\n]*[’'](?!\w)")
_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s+")
_SAYS = r"(?:has\s+|had\s+)?(?:said|says|added|adds|admitted|told|tells|insisted|claimed|replied|wrote|explained)\b"
