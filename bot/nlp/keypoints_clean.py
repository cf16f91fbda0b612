"""Keep web boilerplate and dangling fragments out of key points, and make a chosen sentence stand alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.nlp.quotes.lexicon import HONORIFICS, NON_NAMES, ORG_WORDS, PERSON_ROLES, TITLES
from bot.nlp.quotes.names import PLACE_WORDS, find_mentions


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Phrases of web furniture, matched as lower-case substrings (cheaper than one large regex).
_FURNITURE = (
    "leave a comment",
    "leave a reply",
    "your email address",
    "required fields are",
    "scroll to top",
    "all rights reserved",
    "©",
    "cookie policy",
    "accept cookies",
    "privacy policy",
    "terms of use",
    "terms of service",
    "sign up for our",
    "subscribe to our",
    "our newsletter",
    "follow us on",
    "share this",
    "share on facebook",
    "click here",
    "read more",
    "related articles",
    "related stories",
    "getty images",
    "ap photo",
    "shutterstock",
    "min read",
    "kommentar hinterlassen",
    "laisser un commentaire",
    "deja un comentario",
    "оставить комментарий",
)
_NAME = r"[A-ZÀ-ÖØ-ÞА-Я][\w.'’-]+"
_FURNITURE_LINE = re.compile(
    rf"""(?:copyright\b|advertisement$|(?:image|photo|picture|video)\s*(?:credit|caption)?\s*[:(]|
    (?:by|von|par|por|автор)\s+{_NAME}(?:\s+{_NAME}){{0,3}}$|(?:posted|published|updated|last\ updated)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT = re.compile(r"(?:reuters|afp|epa|ap)\s*[)/]|[(/]\s*(?:reuters|afp|epa|ap)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"""[.!?…]["'”’»)]*$""")
_SPEECH = (
    r"said|says|stressed|added|told|explained|insisted|noted|warned|argued|wrote|continued|replied|"
    r"declared|announced|claimed|admitted|acknowledged|asked|urged|praised|emphasised|emphasized"
)
_LEADING_PRONOUN = re.compile(r"^(He|She|They)\b")
_TRAILING_PRONOUN = re.compile(rf"([,”\"]\s*)(he|she)\s+({_SPEECH})\b")
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)"
_TITLED = re.compile(rf"\b{_HONORIFIC}\.?\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)")
_SPEAKER = re.compile(
    rf"(?:^|[,“”\"]\s*|\s)((?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)\s+(?:{_SPEECH})\b"
    rf"|\b(?:{_SPEECH})\s+((?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)"
)
_ROLE_NAME = re.compile(
    r"\b(?:[Mm]inister|[Pp]resident|[Cc]hancellor|[Ss]ecretary|[Cc]hairman|[Cc]hairwoman|[Cc]hief|[Ll]eader|"
    r"[Ss]pokes(?:man|woman|person)|[Dd]irector|[Cc]oach|[Mm]anager|[Cc]ounterpart|[Ss]enator|[Gg]overnor|"
    r"[Aa]mbassador|[Pp]rofessor|[Ee]conomist|[Aa]nalyst|[Cc]ommissioner)\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)
_NOT_PERSON = _wordset(
    """The A An This That It He She They We I But And In On At For After Before When While If As
    However Meanwhile Mr Mrs Ms Dr"""
)
_DISCOURSE = re.compile(
    r"^(?:(?:But|And)\s+|(?:However|Meanwhile|Also|In addition|Moreover|Furthermore|Still|Yet|So|Now|Indeed),\s+)"
    r"(?=[A-Za-z“\"])"
)


# A wire-style dateline opening the first paragraph: "PORT CALDER — ", "LONDON (Reuters) - ", "PARIS, 3 May — ".
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,40}(?:\s*\([^()]{1,30}\))?(?:,[^,—–]{1,30})?\s+[—–-]\s+(?=[A-Z“\"])"
)

# A sentence pointing back at words it does not hold makes no sense alone.
_DANGLING = re.compile(r"\b(?i:the above|the aforementioned)\b(?!\s+(?:[A-Z]|\d))")
# A sentence that opens with "It" doing something ("It had cut rates", "It emerged from bankruptcy"), with
# "This"/"That" standing for the previous statement ("That brought the total to 49") or with "Neither
# does it ..." continuing a denial has lost its subject. "It is", "It will be" are kept: they mostly open
# a statement of their own ("It will be the first time since 1917 that ..."), and "This year", "That
# change" name what they speak of.
_LEANS_BACK = re.compile(
    r"^(?:It\s+(?!(?:is|was|will|would|may|might|could|can|has\s+been|had\s+been|seems|appears)\b)"
    r"(?:also\s+|now\s+|then\s+)?[a-z]+|(?:This|That|These|Those)\s+(?:also\s+)?(?:is|was|are|were|will|would|"
    r"could|can|may|might|has|had|have|[a-z]+ed|brought|drew|made|came|comes|left|led|meant|means|put|saw|"
    r"set|took|takes|gave|gives|sent|won|lost|kept|shows|marks|leaves|puts|makes|brings|follows)\b"
    r"|(?:Neither|Nor)\s+(?:is|was|are|were|will|would|could|can|did|does|do|has|have|had|should|may|might)\b)"
)


def is_boilerplate(line: str) -> bool:
    """Return True for web furniture: comment forms, share buttons, bylines, photo credits, copyright."""
    line = line.strip()
    if len(line) > 200:
        return False  # furniture is short; a long line is prose that may mention it
    low = line.lower()
    if any(phrase in low for phrase in _FURNITURE) or _FURNITURE_LINE.match(line):
        return True
    return ("/" in line or ")" in line) and bool(_CREDIT.search(line))


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def title_words(title: str | None) -> frozenset[str]:
    """Return the lower-case words of a headline, for repeats_title."""
    return frozenset(_words(title or ""))


def repeats_title(sentence: str, title: frozenset[str]) -> bool:
    """Return True when a sentence is the headline again (most of its words are the title's)."""
    if not title:
        return False
    s = _words(sentence)
    return bool(s) and len(s & title) >= 0.8 * len(s)


def is_fragment(sentence: str) -> bool:
    """Return True for text that cannot stand as a point: unclosed quotes, headlines, lone attributions."""
    words = sentence.split()
    if len(words) < 5:
        return True
    if not _TERMINAL.search(sentence):
        return True  # a headline, caption or list item
    if sentence[0].islower() or sentence[0] in ",;:.)]–—-" or is_unattributed_quote(sentence):
        return True  # it opens mid-sentence: the text before it was lost
    if sentence.count(",") + sentence.count(";") >= 0.25 * len(words):
        return True  # a list: a team sheet, a cast, a table row
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return True
    if sentence.count("«") != sentence.count("»") or sentence.count("(") != sentence.count(")"):
        return True
    if _DANGLING.search(sentence):
        return True
    return bool(sentence.endswith("?"))


def leans_back(sentence: str) -> bool:
    """Return True for a sentence whose opening "It", "This" or "That" stands for something said before."""
    return bool(_LEANS_BACK.match(sentence))


def _surname(name: str) -> str:
    parts = [p for p in name.split() if p not in _NOT_PERSON]
    if not parts or not _personal(parts):
        return ""
    return parts[-1]


def _personal(parts: list[str]) -> bool:
    """Return False for words that name a place, an organisation, a date or an acronym, not a person."""
    low = [p.lower().rstrip(".") for p in parts]
    if any(w in ORG_WORDS or w in PLACE_WORDS or w in NON_NAMES for w in low):
        return False
    last = parts[-1]
    return not (last.endswith(("'s", "’s")) or (last.isupper() and len(last) > 1))


def antecedent(previous: list[str], pronoun: str | None = None) -> str | None:
    """Return the person a pronoun most likely refers to: the nearest one named before it, of its gender."""
    wanted = {"he": "Mr", "she": "Ms"}.get((pronoun or "").lower())
    for sentence in reversed(previous[-8:]):
        found: list[tuple[int, str]] = []
        for m in _TITLED.finditer(sentence):
            title = "Mr" if m.group(0).startswith(("Mr", "Sir", "Lord")) else "Ms"
            gendered = m.group(0).startswith(("Mr", "Ms", "Mrs", "Miss", "Sir", "Dame", "Lord", "Lady"))
            if wanted in (None, title) or not gendered:
                found.append((m.start(), _surname(m.group(1))))
        for m in _ROLE_NAME.finditer(sentence):
            found.append((m.start(), _surname(m.group(1))))
        for m in _SPEAKER.finditer(sentence):
            name = m.group(1) or m.group(2)
            if name and name.split()[0] not in _NOT_PERSON:
                found.append((m.start(), _surname(name)))
        names = [name for _, name in sorted(found) if name]
        if names:
            return names[-1]
        subject = _named_person(sentence, wanted)
        if subject:
            return subject
    return None


def _named_person(sentence: str, wanted: str | None) -> str | None:
    """Return the surname of the first full name of a person in a sentence ("Jo Park, chief of X, says ...")."""
    for m in find_mentions(sentence):
        gender = {"m": "Mr", "f": "Ms"}.get(m.gender or "")
        fits = wanted is None or gender is None or gender == wanted
        if m.person and len(m.name.split()) >= 2 and fits:
            return _surname(m.name)
    return None


# A capitalised word, maybe after an honorific, not inside a longer run ("O'Leary", "Van Dyke"); "Dunn's" counts
_NAMED = re.compile(
    r"(?<![\w’'-])(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?(?P<surname>[A-Z][\w-]*[a-z])(?![\w-]|[’'](?![s\s])|\s+[A-Z])"
)
_NAME_PART = re.compile(r"[A-Z][a-z]+(?:[-’'][A-Z][a-z]+)*|[A-Z]\.?")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]*\b")
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w.’'-]*)\s+$")
_INTRODUCERS = TITLES | frozenset(HONORIFICS)  # "President Chavez", "Dr Whitcombe" name one person
# Signs that a capitalised word is a person's surname: an honorific before it, or a verb of saying beside it.
_PERSON_SURNAME = re.compile(
    rf"\b{_HONORIFIC}\.?\s+(?:[A-Z][\w-]*\s+)?([A-Z][\w-]*[a-z])\b"
    rf"|\b([A-Z][\w-]*[a-z])\s+(?:{_SPEECH})\b|\b(?:{_SPEECH})\s+(?:[A-Z][\w-]*\s+)?([A-Z][\w-]*[a-z])\b"
)


def full_names(sentences: list[str], surnames: set[str], common: set[str], people: set[str]) -> dict[str, str]:
    """Map each of surnames to the full name it has in an article ("Dunn" -> "Mark Dunn"). Only runs shaped
    like a person's name count (no possessive, no word of common, the text's lower-case words, no title,
    organisation or place word), and only with a title or a role before it ("Mayor Linda Okafor",
    "economist Andreas Rees") or a surname among people, those seen with an honorific or a verb of saying;
    a surname two people share maps to nothing."""
    names: dict[str, str] = {}
    shared: set[str] = set()
    for sentence in sentences:
        if not any(surname in sentence for surname in surnames):
            continue
        for m in find_mentions(sentence):
            parts = m.name.split()
            if parts[-1] not in surnames or not (m.person and 2 <= len(parts) <= 4 and _personal(parts)):
                continue
            if not all(_NAME_PART.fullmatch(p) for p in parts):
                continue
            first = parts[0].lower()
            if first in common or first.removesuffix("s") in common or first in TITLES:
                continue  # "Bookmakers Ladbrokes": a common noun is no first name
            role = sentence[: m.start].split()[-1:]  # "economist Andreas Rees"
            if not m.titles and parts[-1] not in people and not (role and role[0].lower() in PERSON_ROLES):
                continue
            if names.setdefault(parts[-1], m.name) != m.name:
                shared.add(parts[-1])
    return {surname: name for surname, name in names.items() if surname not in shared}


def introduce_names(points: list[str], sentences: list[str]) -> list[str]:
    """Give a person named by surname alone ("Mr Dunn said") the full name the article gives them ("Mark
    Dunn said") where the points have not shown it yet, so that no point names someone the reader cannot
    place. Only a word the article elsewhere uses as a person's surname ("Mr Dunn", "Dunn said") counts;
    one inside a longer capitalised run ("South American") or that the text also uses in lower case
    ("Rose", "rose") is left alone."""
    named = {m.group(1) for p in points for m in _NAMED.finditer(p)}
    if not named:
        return points
    common = {w for s in sentences for w in _LOWER_WORD.findall(s)}
    people = {g for s in sentences for m in _PERSON_SURNAME.finditer(s) for g in m.groups() if g in named}
    names = full_names(sentences, {n for n in named if n.lower() not in common}, common, people)
    if not names:
        return points
    return name_once(points, names, _surnames_alone)


def _surnames_alone(point: str) -> Iterator[re.Match[str]]:
    for m in _NAMED.finditer(point):
        before = _CAPITAL_BEFORE.search(point[: m.start()])
        if before and m.group(0) == m.group(1) and before.group(1).lower().rstrip(".") not in _INTRODUCERS:
            continue  # part of a longer name: "South American", "Di Pietro"
        yield m


def name_once(
    points: list[str], names: dict[str, str], mentions: Callable[[str], Iterable[re.Match[str]]]
) -> list[str]:
    """Replace, point by point, each mention whose surname (its group "surname") has a full name in names
    that no earlier point has shown; the whole mention ("Mr Dunn") gives way to the full name, once."""
    shown: set[str] = set()
    out: list[str] = []
    for point in points:
        shown |= {surname for surname, name in names.items() if name in point}
        pieces: list[str] = []
        done = 0
        for m in mentions(point):
            surname = m.group("surname")
            if surname in shown or surname not in names:
                continue
            pieces += [point[done : m.start()], names[surname]]
            done = m.end()
            shown.add(surname)
        out.append("".join(pieces) + point[done:])
    return out


def pronoun_of(sentence: str) -> str | None:
    """Return the he/she/they a sentence leans on, if any."""
    m = _LEADING_PRONOUN.match(sentence)
    if m:
        return m.group(1)
    t = _TRAILING_PRONOUN.search(sentence)
    return t.group(2) if t else None


def is_unattributed_quote(sentence: str) -> bool:
    """Return True for a bare quotation: it opens with a quote mark and names no one saying it."""
    if sentence[:1] not in "\"“«„'‘":
        return False
    closing = max(sentence.rfind(c) for c in "\"”»'’")
    return closing <= 0 or len(sentence[closing + 1 :].split()) < 2


# A quotation running over several sentences leaves its first sentence open and its last one unopened:
# 'Roe told the council: "We will fix it.' / 'We will fix it," said Roe.' Each says whole words of one
# speaker, so closing or opening the quotation makes it a point ("we will fix it" is quoted, not invented).
_SAYS = re.compile(rf"\b(?:{_SPEECH}|say)\b")
_QUOTED_SENTENCE = re.compile(r"[A-Z].*[.!?…]", re.DOTALL)
# "said Roe", "Roe said", "he said", "the mayor added", "a spokeswoman for the council said"
_TRAILING_SPEAKER = re.compile(
    rf"""\s+(?:(?:{_SPEECH})\s+(?:[A-Z][\w'’-]+|he|she)|(?:[\w'’-]+\s+){{1,5}}(?:{_SPEECH}))\b"""
)


def mend_quote(sentence: str) -> str | None:
    """Close the quotation a sentence opens after naming its speaker, or open the one it closes before
    naming its speaker; None when the sentence is not one of a quotation's ends."""
    marks = [i for i, c in enumerate(sentence) if c in '"“”']
    if len(marks) != 1 or not sentence[:1].isupper():
        return None
    at = marks[0]
    mark, before, after = sentence[at], sentence[:at], sentence[at + 1 :]
    speaker_first = before.rstrip().endswith(":") or _SAYS.search(before)
    if mark in '"“' and speaker_first and _QUOTED_SENTENCE.fullmatch(after) and len(after.split()) >= 4:
        return sentence + ("”" if mark == "“" else '"')
    if mark in '"”' and before[-1:] in ",.!?…" and len(before.split()) >= 4 and _TRAILING_SPEAKER.match(after):
        return ("“" if mark == "”" else '"') + sentence
    return None


def resolve_pronouns(sentence: str, name: str) -> str:
    """Replace a leading or attributing he/she/they by name."""
    out = _LEADING_PRONOUN.sub(name, sentence, count=1)
    return _TRAILING_PRONOUN.sub(lambda m: f"{m.group(1)}{name} {m.group(3)}", out, count=1)


_FRAMING = re.compile(
    rf"^(?:[\w’'-]+\s+){{1,6}}(?:comes?|came)\s+(?:as|amid|after)\s+"
    rf"(?=(?:the\s+)?[A-Z][\w ,]{{0,40}}?\s(?:{_SPEECH}|warns?|claims?|accuses?)\b)",
)


_RELATIVE_MID = re.compile(r",\s+(?:who|which|whose)\s[^,;:“”\"]{3,120}?,\s+(?=[a-z])")
_TRAILING = re.compile(r",\s+(?:which|who|whose|while|although|though|adding|as well as)\s[^;:“”\"]+(?=[.!?]$)")


def shorten(sentence: str, limit: int) -> str:
    """Cut non-restrictive clauses (", who ...,", ", which ...") from a sentence longer than limit words."""
    if len(sentence.split()) <= limit:
        return sentence
    out = _RELATIVE_MID.sub(" ", sentence, count=1)
    if len(out.split()) > limit:
        cut = _TRAILING.sub("", out, count=1)
        if len(cut.split()) >= 8:
            out = cut
    return out


def trim(sentence: str) -> str:
    """Drop a leading dateline, discourse marker or framing clause ("Her visit comes as ...") and capitalize
    the rest."""
    out = _DATELINE.sub("", sentence, count=1)
    out = _DISCOURSE.sub("", out, count=1)
    out = _FRAMING.sub("", out, count=1)
    if out is not sentence and out:
        out = out[0].upper() + out[1:]
    return out
