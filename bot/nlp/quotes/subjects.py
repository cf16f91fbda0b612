"""The source phrase of an attribution: which words can open, close or sit inside a subject."""

from __future__ import annotations

import re

from bot.nlp.quotes.grammar import ENDPUNCT
from bot.nlp.quotes.lexicon import DOCUMENT_NOUNS, NON_NAMES, ROLE_NOUNS, word_list
from bot.nlp.quotes.names import analyse_run


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and edge punctuation that quote spans leave out."""
    while s < e and text[s] in " \t\n,:;—–-":
        s += 1
    while e > s and text[e - 1] in ENDPUNCT and text[e - 1] not in "!?":
        e -= 1
    return s, e


OPENING_ADVERBS = frozenset(word_list(
    "shortly recently meanwhile similarly separately finally additionally previously currently ultimately "
    "apparently clearly ironically interestingly notably earlier later initially eventually subsequently"
))


# words that can stand alone as the subject of a cue ("Some said …", "Many believe …")
PRONOUN_SUBJECTS = frozenset(word_list("he she they we i it you who some many most several both few half"))

# determiners that stay at the head of a subject ("those surveyed", "many voters")
KEPT_DETERMINERS = frozenset(word_list(
    "the a an his her their its those these some many most several both each other another all"))

INTRODUCERS = frozenset(word_list(
    "at in on during after before earlier later speaking asked when while for with since last this yesterday "
    "today monday tuesday wednesday thursday friday saturday sunday meanwhile however following despite under amid "
    "unlike having among without"
))


# "One in three", "Two out of five": a share whose count words are not function words to drop
_SHARE_START = re.compile(r"[A-Za-z]+\s+(?:in|out\s+of)\s+(?:\d+|[a-z]+)\b")


# a conjunction that opens the clause whose subject the source is: "… rose 6% after the firm said …"
_SUBORDINATE = re.compile(r"(?<=\s)(?:after|before|when|while|until|since|because)\s+(?=\S)")
# … but not a time: "Documents released after 30 years", "the election after next"
_TIME_AFTER = re.compile(r"(?:\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)|next|last)\b")


def clean_subject(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop sentence-initial function words from a subject; None when nothing name-like is left."""
    if _SHARE_START.match(text, s, e):
        return s, e
    clauses = list(_SUBORDINATE.finditer(text, s, e))
    if clauses and not _TIME_AFTER.match(text, clauses[-1].end(), e):
        s = clauses[-1].end()  # "Shares rose 6% after the firm (said)", "their value after UK regulators (warned)"
    while True:
        m = re.match(r"[A-Za-z]+\s+", text[s:e])
        if not m or text[s:s + len(m.group()) - 1].lower() not in NON_NAMES:
            break
        if text[s:s + len(m.group()) - 1].lower() in KEPT_DETERMINERS:
            break
        s += len(m.group())
    word = text[s:e].strip()
    if word.endswith(("’s", "'s", "s’", "s'")):
        return None
    if word and (re.match(r"[A-Z][a-z]+ing\s+[a-z]", word) or word.split()[0].lower() in OPENING_ADVERBS):
        # "Speaking at the rally", "Shortly after": an opening participle or adverb, not a name
        return None
    if not word or word.lower() in NON_NAMES - PRONOUN_SUBJECTS:
        return None
    return s, e


# words that cannot open or close a bare noun phrase taken as a source
NOT_SUBJECT_START = frozenset(word_list(
    "in on at by for with of to from about into over under after before during since than as if when while "
    "because although though whether where why how what which that there it’s it's is was are were be been "
    "has have had not no would will could should can may might must do does did"
))
NOT_SUBJECT_END = NOT_SUBJECT_START | frozenset(word_list(
    "the a an his her their its our my your this these those and or but being"))
# capitalized words that open a "Word: text" line without naming a speaker
NOT_SPEAKERS = frozenset(word_list(
    "note update updated editor photo photos video watch read related correction source sources caption "
    "image images credit disclosure disclaimer follow listen warning update tags category share"
)) | NON_NAMES
NOT_INSIDE_SUBJECT = frozenset(word_list(
    "is was are were be been being has have had would will could should can may might must do does did not "
    "what which where why how whether if when while because although though than"))


def names_document(phrase: str) -> bool:
    """Tell whether a source phrase names a poll, report or record ("A recent survey", "Polls there")."""
    return any(w.strip(",.").lower() in DOCUMENT_NOUNS for w in phrase.split())


_NAMED_FROM = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)\s+from\s+(?:the\s+)?$")
_DESCRIBED_BEFORE = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+),\s+(?:a|an|the|of|from|at|[a-z]+\s+(?:of|at))\s"
    r"[^,.;:!?\n“”\"\x01]{3,160}$"
)
# ("Lisa Power, head of policy at Aids charity the Terrence Higgins Trust said": Lisa Power)
# what may stand before a sentence's subject: its start, a quotation, "However," ("Speaking to Le Matin, …" no)
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?][\"”’\x01]?\s+|\n\s*|\x01\s*|\b(?:However|But|And|Meanwhile),?\s+)$")
_SAYS = re.compile(r"\s+(?:said|says|told|tells|added|adds|explained|warned)\b")
_FROM_INSIDE = re.compile(r"((?:[A-Z][\w’'.-]+\s+){1,2}[A-Z][\w’'-]+)\s+from\s+(?:the\s+)?[A-Z]")
# "Critics of", "researchers from", "Supporters of": people of whom the words after are only a part
_PEOPLE_OF = re.compile(r"(?:\b(?:the|some|many|most|other|several|senior|leading)\s+)?\b([A-Za-z]+)\s+(?:of|from)\s+$")


def with_people_of(text: str, s: int, e: int) -> tuple[int, int]:
    """Return a source span grown back over the people it belongs to: in "Critics of the government say" the
    speakers are the critics, not the government; in "researchers from Leeds University", the researchers.
    A span that runs over "and" into such people from something else is cut to them ("the summer and
    analysts"). A person named before the body ("Ana Lund from the Harbour Institute", "Ana Lund, a fund
    manager at Harbour Research said" with no comma to close the description) is the speaker, not the body."""
    joined = _AND_PEOPLE.search(text, s, e)
    head = text[s : joined.start()] if joined is not None else ""
    if (joined is not None and joined.end() == e and _is_people(joined.group(2)) and not _is_people(head.split()[-1])
            and head.split()[-1].lower() not in ROLE_NOUNS  # "the minister and his officials"
            and not re.search(r"[A-Z][\w’'-]*\s+[A-Z]", head)):  # "Professor Ann Bell and colleagues"
        s = joined.start(1)  # "Spending rose in the summer and analysts expect …": the analysts
    named = _NAMED_FROM.search(text, max(0, s - 60), s)
    if named is not None and named.end() == s and (person := _person(text, named.start(1), named.end(1))):
        return person  # "Ana Lund from (the) Harbour Institute said": Ana Lund
    whole = _FROM_INSIDE.match(text, s, e)
    if whole is not None and (person := _person(text, s, whole.end(1))):
        return person  # "… said Ana Lund from Harbour Research": Ana Lund
    described = _DESCRIBED_BEFORE.search(text, max(0, s - 200), s)
    # "Ana Lund, a fund manager at Harbour Research said": the description lost its closing comma
    if (described is not None and _SAYS.match(text, e)
            and _CLAUSE_OPENING.search(text, max(0, described.start(1) - 12), described.start(1))
            and (person := _person(text, described.start(1), described.end(1)))):
        return person
    sent = _SENT_TO.search(text, max(0, s - 60), s)
    if sent is not None and sent.end() == s:
        return sent.span(1)  # "United's statement to the stock exchange said": United, not the exchange
    m = _PEOPLE_OF.search(text, max(0, s - 40), s)
    if m is None or m.end() != s:
        return s, e
    return (m.start(), e) if _is_people(m.group(1)) else (s, e)


_SENT_TO = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)['’]s\s+(?:[a-z]+\s+)?"
    r"(?:statement|letter|submission|filing|note|message|memo|email)\s+to\s+(?:the\s+)?$"
)


def _person(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Return the span of the person's name that the capitalised run at s..e is, without its titles; None
    when the run names no person."""
    found = analyse_run(text, s, e)
    return (found.start, e) if found is not None and found.person and found.start >= s else None


def _is_people(word: str) -> bool:
    """Tell whether a word is a plural noun of people ("critics", "analysts", "residents")."""
    head = word.lower()
    plural = head in ROLE_NOUNS and head.endswith("s") and head not in ("police", "press", "staff")
    return plural or head in _PEOPLE_NOUNS


_AND_PEOPLE = re.compile(r"\s+and\s+((?:[a-z][\w-]*\s+)?([a-z][\w-]*s))")


# plural nouns of people that speak for themselves, besides the role nouns
_PEOPLE_NOUNS = frozenset(word_list(
    "opponents campaigners fans friends relatives colleagues members residents bosses chiefs executives "
    "analysts observers commentators scientists researchers doctors teachers parents students workers unions"
))
