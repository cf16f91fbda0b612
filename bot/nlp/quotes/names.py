"""Find capitalized name mentions and tell people (with titles and gender) from organisations and places."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlp.given_names import given_name_gender, is_given_name
from bot.nlp.quotes.lexicon import (
    ABBREVIATIONS,
    DEMONYMS,
    DESCRIBING_ADJECTIVES,
    HONORIFICS,
    NON_NAMES,
    ORG_WORDS,
    PEERAGE,
    PLAIN_SAYING,
    TIME_WORDS,
    TITLES,
    word_list,
)
from bot.nlp.quotes.nouns import ING_NOUNS

# a period ends a name token only for initials and known abbreviations ("J.", "Mr.", "Jr.", "Co."), so that a
# name never runs across a sentence end ("… Taj Mahal. Roffman") nor takes one in ("… beat Tomas Zib.")
_SHORT_FORMS = "|".join(sorted((w.capitalize() for w in ABBREVIATIONS if w.isalpha() and len(w) <= 4), key=len,
                               reverse=True))
_TOKEN = rf"(?:[A-Z]\.(?:[A-Z]\.)+|(?:[A-Z]|{_SHORT_FORMS})\.(?=\s)|[A-Z](?:[\w’'&-]|/(?=[A-Z]))*)"
NAME_RUN = re.compile(
    rf"(?<![\w’'-]){_TOKEN}(?:[ \t]+(?:(?:of|for|the|de|da|del|van|von|bin|al|la|le|du|ibn)[ \t]+)?{_TOKEN})*"
)
_POSSESSIVE = re.compile(r"[’']s?$")

PLACE_WORDS: frozenset[str] = frozenset(
    word_list("""
    north south east west new united korea america york jersey hampshire carolina dakota virginia mexico
    zealand arabia kong angeles francisco diego orleans island islands africa europe asia emirates sea
    ocean river valley mountain bay gulf county washington moscow beijing london paris ukraine russia
    china iran iraq syria israel japan india germany france britain canada texas florida ohio iowa
    california nevada michigan wisconsin pennsylvania georgia arizona colorado""")
)


# Last words of places and buildings named after people ("Beverly Hills", "Victoria Station"): no gender.
# Words that are surnames as well ("Debra Hill", "Nick Park") are not among them.
PLACE_TAILS = frozenset(
    word_list("""
    hills springs road avenue square station line island islands beach falls river bay gardens hospital
    college university school stadium arena centre center theatre airport cathedral""")
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A capitalized name as written: the whole run, the name without its titles, and what it tells."""

    start: int
    end: int
    name: str
    name_start: int
    titles: tuple[str, ...]
    gender: str | None
    person: bool


def _norm(word: str) -> str:
    return word.rstrip(".").lower()


# plural nouns of people, which open sentences before a name ("Analysts Fitch", "Developers Rockstar"); the
# short ones are surnames as often ("Rogers", "Chambers"), given names with these endings are told apart by the
# given-name table, names of bodies by the word that follows
_COMMON_PLURAL = re.compile(r"[A-Z][a-z]{5,}(?:ers|ors)|[A-Z][a-z]+(?:ists|ians|ants|ents)")
_SENTENCE_OPENING = re.compile(r"(?:^|\n\s*|[.!?:;]['\"’”]?\s+|[\"“‘(]\s*)$")


def _opens_sentence(text: str, start: int) -> bool:
    """Tell whether the word at start opens a sentence or a quotation."""
    return _SENTENCE_OPENING.search(text[max(0, start - 4) : start]) is not None


def _common_plural(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] opens a sentence and reads as a plural common noun."""
    word = text[start:end]
    following = _POSSESSIVE.sub("", _norm(text[end:].split(maxsplit=1)[0])) if text[end:].strip() else ""
    return (
        _COMMON_PLURAL.fullmatch(word) is not None
        and given_name_gender(word) is None
        # "Doctors Without Borders", "Masters Cup", "Borders Council"
        and following not in NON_NAMES | ORG_WORDS | {"without", "united", "cup"}
        and _opens_sentence(text, start)
    )


# one capitalized word that opens a sentence and names no one: an adverb ("Sadly", "Locally"), a word that
# opens a clause ("Despite", "Having") or an adjective made with a hyphen ("PC-based", "Long-running")
_CLAUSE_OPENER = re.compile(
    r"During|Despite|Although|Though|Whenever|Whether|Among|Amid|Having|Following|Unless|Until|Because"
    r"|No-one|Nobody|Anyone|Anybody|Everyone|Everybody|Someone|Somebody"
)
# words that may still be names ("Connally", "Co-op", "Beijing") unless a plain verb of saying follows them
_NO_SPEAKER = re.compile(
    r"[A-Z][a-z]+(?:ally|ously|ively|ently|antly|edly|ingly|fully|tely|ably|ibly|arly|dly)"
    r"|[A-Za-z]+-(?!(?:quarters?|thirds?|fifths?)\b)[a-z][\w-]*"
)
_ING = re.compile(r"[A-Z][a-z]+ing")


def names_no_one(text: str, start: int, end: int, cue: str | None = None) -> bool:
    """Tell whether the one word text[start:end] cannot be a speaker: a sentence's first word that opens a
    clause ("Despite"), or, unless a plain verb of saying follows it (cue), an adverb, a hyphenated adjective
    or an -ing word the text only writes at a sentence's start ("Registering card details …", "Sadly comments
    such as his …"; not "Boeing said", nor "Manning said" after "Peyton Manning")."""
    word = text[start:end]
    if " " in word or not _opens_sentence(text, start):
        return False
    if _CLAUSE_OPENER.fullmatch(word):
        return True
    verb = (cue or "").lower().split()[-1:]
    if verb and verb[0] in PLAIN_SAYING and text[end : end + 1] != ",":
        return False  # "Boeing said", but not "Locally, say analysts, …"
    if _NO_SPEAKER.fullmatch(word):
        return True
    named = re.search(rf"(?:[A-Z][\w.’'-]*|[a-z,])\s+{re.escape(word)}\b", text)  # "JK Rowling", "rival Boeing"
    return _ING.fullmatch(word) is not None and word.lower() not in ING_NOUNS and named is None  # not "Polling"


def without_common_plural(run: str, text: str, start: int) -> str:
    """Return a capitalized run written at text[start:] without a plural noun that opens it and the sentence
    ("Bookmakers Ladbrokes" → "Ladbrokes")."""
    first = run.split(maxsplit=1)
    if len(first) == 2 and first[1][:1].isupper() and _common_plural(text, start, start + len(first[0])):
        return first[1]
    return run


_GENERAL_BODIES = frozenset(word_list(
    "electric motors mills dynamics accident assembly synod medical foods atomics instruments cable"
))


def analyse_run(text: str, start: int, end: int) -> Mention | None:
    """Split a capitalized run into titles and name; return None when it names nothing."""
    toks = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    # sentence-initial function words ("The", "But") and quote leftovers are not part of a name
    while toks and _norm(text[toks[0][0]:toks[0][1]]) in NON_NAMES:
        toks.pop(0)
    while len(toks) > 1 and text[toks[-2][1] - 1] == "." and _norm(text[toks[-1][0]:toks[-1][1]]) in NON_NAMES:
        toks.pop()  # "… written about Hank Williams Jr. He said …": the next sentence's first word
    if len(toks) > 1 and _common_plural(text, *toks[0]) and text[toks[1][0]].isupper():
        toks.pop(0)  # "Bookmakers Ladbrokes says": a sentence's first word, capitalized as any would be
    if not toks:
        return None
    last_s, last_e = toks[-1]
    word = text[last_s:last_e]
    stripped = _POSSESSIVE.sub("", word)
    if stripped != word and stripped:
        toks[-1] = (last_s, last_s + len(stripped))
    words = [_norm(text[s:e]) for s, e in toks]
    cut = 0
    for i, w in enumerate(words):
        # "Labour MP Oona King", "Billie Jean King": a title word that closes the run after a given name is a surname,
        # as it is after "Mr" or "Ms" ("Ms King", "Mr Major")
        surname = i == len(words) - 1 and i > 0 and (
            is_given_name(text[slice(*toks[i - 1])]) or (words[i - 1] in _SURNAME_HONORIFICS and w not in _ADDRESSED))
        # "Office for National Statistics": a title word after a body's "for" or "of" is the body's name
        body = i > 1 and words[i - 1] in ("of", "for") and any(v in ORG_WORDS for v in words[: i - 1])
        if w in TITLES and not surname and not body:
            cut = i + 1
    cut = max(cut, _described_before(text, toks, words))
    titles = tuple(words[:cut])
    gender: str | None = None
    for t in titles:
        if t in HONORIFICS and HONORIFICS[t] is not None:
            gender = HONORIFICS[t]
    name_toks = toks[cut:]
    if not name_toks:
        if not titles:
            return None
        # a bare title ("the Foreign Minister") names a role, kept for role references
        s0 = toks[0][0]
        return Mention(s0, toks[-1][1], text[s0:toks[-1][1]], s0, titles, gender, True)
    if titles == ("general",) and len(name_toks) == 1 and _norm(text[slice(*name_toks[0])]) in _GENERAL_BODIES:
        # "General Electric", "General Motors", "the General Assembly": a firm's or a body's name, not a general
        s0, ne = toks[0][0], name_toks[0][1]
        return Mention(s0, ne, text[s0:ne], s0, (), None, False)
    if len(name_toks) >= 3 and _norm(text[slice(*name_toks[-1])]) in _POSTS and is_given_name(
            text[slice(*name_toks[0])]):
        name_toks = name_toks[:-1]  # "Frank Field MP", "Ian MacDonald QC": the person, without the post
    ns, ne = name_toks[0][0], name_toks[-1][1]
    name = " ".join(text[s:e] for s, e in name_toks)
    name_words = [_norm(text[s:e]) for s, e in name_toks]
    orgish = any(w in ORG_WORDS for w in name_words) or any(w in ("of", "for", "the") for w in name_words)
    # "the Gambling Bill", "the Data Protection Act": a law's name, though "Bill" is a given name too
    orgish = orgish or (len(name_words) >= 2 and name_words[-1] in _LAW_TAILS and not is_given_name(
        text[slice(*name_toks[-2])]))
    if orgish and set(titles) & PEERAGE and len(name_words) >= 3 and name_words[1] == "of":
        orgish = False  # "Lord Nicholls of Birkenhead": a peer, named by surname and place
    # "New Year", "Boxing Day": a time, though "Doris Day" is a person
    placeish = all(w in PLACE_WORDS for w in name_words) or (
        name_words[-1] in _TIME_TAILS and not is_given_name(text[slice(*name_toks[0])]))
    caps = all(text[s:e].rstrip(".").isupper() for s, e in name_toks)
    person = bool(titles) and not orgish
    if not titles and not orgish and not placeish and not caps and 2 <= len(name_toks) <= 4:
        person = True
    if gender is None and person and len(name_toks) >= 2 and name_words[-1] not in PLACE_TAILS:
        # "Alicia Keys", "Labour MSP Christine May": a given name before the surname tells a gender
        given = (given_name_gender(text[s:e]) for s, e in name_toks[:-1])
        gender = next((g for g in given if g), None)
    return Mention(toks[0][0], ne, name, ns, titles, gender, person)


# last words of a day or a season's name, never a person's: "New Year", "Boxing Day", "Easter Monday"
_TIME_TAILS = TIME_WORDS | frozenset(word_list("day eve christmas easter"))
# honorifics that only ever stand before a surname: "Lord Chancellor" and "Dr" may name an office
_SURNAME_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mister"])
_ADDRESSED = frozenset(["speaker", "president", "chairman", "chancellor", "justice", "secretary"])  # "Mr Speaker"
_LAW_TAILS = frozenset(word_list("bill act treaty directive amendment convention charter accord"))


def _described_before(text: str, toks: list[tuple[int, int]], words: list[str]) -> int:
    """Return how many words open a run before a person's given name and surname as a description of them:
    a possessive ("Chelsea's William Gallas"), a party or post ("Tory MP Michael Mates", "Ex-Labour MP George
    Galloway"), a nationality ("American Andy Roddick"); 0 when the run opens with its name."""
    for k in range(1, len(toks) - 1):
        if not is_given_name(text[toks[k][0] : toks[k][1]]):
            continue
        if len(toks) - k > 4:
            return 0  # "Truther’ Donald Trump Is Like A Lawyer’s Dumbest Client Ever": a headline, no name
        before, after = words[:k], words[k:]
        if any(w in ("of", "for", "the", "and", "&") for w in before) or any(w in ORG_WORDS for w in after):
            return 0  # "Bank of England Mark Carney", "Tony Blair Institute": one name
        possessive = _POSSESSIVE.search(text[toks[k - 1][0] : toks[k - 1][1]]) is not None
        if possessive or before[-1] in _POSTS:
            return k
        if all(_describes(text[s:e]) for s, e in toks[:k]):
            # "Tory David Davis", "Swede Joachim Johansson", "Liberal Democrat Charles Kennedy", "Top-seeded
            # Americans Andy Roddick and Andre Agassi"
            return k
        # "Singer George Michael" opening a sentence; not "Juan Carlos Ferrero", "Saint Bernard Software", "CB
        # Richard Ellis", nor "Jean Pierre Meersseman", whose first words are names the table does not hold
        first = text[toks[0][0] : toks[0][1]]
        describes = (_opens_sentence(text, toks[0][0]) and _ROLE_WORD.fullmatch(first) is not None
                     and not is_given_name(first))
        return k if k == 1 and describes else 0
    return 0


def _describes(word: str) -> bool:
    """Tell whether a capitalised word before a name describes the person: a people ("Swede", "Americans"), a
    describing adjective or one made with a hyphen ("Top-seeded")."""
    return (word in DEMONYMS or word in DESCRIBING_ADJECTIVES or word.removesuffix("s") in DEMONYMS
            or _HYPHENATED.fullmatch(word) is not None)


_HYPHENATED = re.compile(r"[A-Z][a-z]+-[a-z]+")
# a word that opens a sentence before a name as a description, not a given name: "Singer George Michael",
# "Film-maker Spike Lee", "Coach Andy Robinson"; not "Howard Dean", "Norbert Leo Butz", "Lindsey Graham"
_ROLE_WORD = re.compile(
    r"[A-Z][a-z]+(?:er|or|ist|ian|ess|ant|aire)|[A-Z][a-z]+-[a-z]+|Boss|Coach|Star|Wing|Referee|Substitute|Judges?"
)
# posts written between a party and a name: "Labour MP Stephen Pound", "Tory MEP Roger Helmer"
_POSTS = frozenset(["mp", "mps", "msp", "mep", "am", "mla", "peer", "qc"])


def find_mentions(masked: str) -> list[Mention]:
    """Return the name mentions of a (quote-masked) text in order."""
    out: list[Mention] = []
    for m in NAME_RUN.finditer(masked):
        men = analyse_run(masked, m.start(), m.end())
        if men is not None:
            out.append(men)
    return out
