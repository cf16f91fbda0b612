"""Keep web boilerplate and dangling fragments out of key points, and make a chosen sentence stand alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.given_names import given_name_gender, is_given_name
from bot.nlp.quotes.lexicon import (
    DEMONYMS,
    FINITE_AUXILIARIES,
    FIRM_DESCRIPTION_HEADS,
    HONORIFICS,
    NON_NAMES,
    ORG_WORDS,
    OTHER_FIRM_WORDS,
    PEERAGE,
    PERSON_DESCRIPTION_HEADS,
    PERSON_ROLES,
    ROLE_NOUNS,
    TITLES,
)
from bot.nlp.quotes.names import PLACE_TAILS, PLACE_WORDS, Mention, find_mentions


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
# A publication telling what its piece does ("The BBC News website takes a look at ...", "We look back at
# ..."): a standfirst, no news.
_LOOKS_AT = (
    r"\s+(?:takes?\s+a\s+(?:closer\s+)?look|looks?\s+(?:at|back|ahead)|reflects?\s+on|examines?|explores?|"
    r"profiles?|assesses?|rounds?\s+up)\b"
)
# the website or "we" ("The BBC News website takes a look at ..."), or a name and "our" ("BBC Sport reflects on
# ... after our interview with ..."); not a body in the news ("UK Sport assesses the bids ...")
_STANDFIRST = re.compile(
    rf"(?:(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){{0,3}}(?:website|site)|We|Here,?\s+we){_LOOKS_AT}"
    rf"|(?:[A-Z][\w.&'’-]*\s+){{0,2}}[A-Z][\w.&'’-]*{_LOOKS_AT}.*\bour\b"
)
_LISTING = re.compile(r"[A-Z][\w' ]{0,30}:\s+([^\"“”]+?)[.!?]?$")
_LIST_WORDS = _wordset("and or of the for de van von pen og capt captain v vs")  # in names, fixtures, team sheets
_CREDIT = re.compile(r"(?:reuters|afp|epa|ap)\s*[)/]|[(/]\s*(?:reuters|afp|epa|ap)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"""[.!?…]["'”’»)]*$""")
_SPEECH = (
    r"said|says|stressed|added|told|explained|insisted|noted|warned|argued|wrote|continued|replied|"
    r"declared|announced|claimed|admitted|acknowledged|asked|urged|praised|emphasised|emphasized|"
    r"adds|explains|insists|notes|warns|replies|admits|stresses"  # a feature's present tense
)
# "He said ...", or after an opening phrase or a conjunction: "Born in Leeds, she starred ...", "But he had
# ..."; "he and Lord Callaghan" is a pair, not one person.
_LEADING_PRONOUN = re.compile(
    r"^(?P<intro>(?:[^,“”\"]{2,80},\s+){1,2}|(?:But|And|Yet|So|Then|Now|Still)\s+"
    # "Speaking at the conference he said": not "Asked about claims that he …", whose "he" is in the question
    r"|(?:Speaking|Writing|Asked)\s+(?:to|at|on|in|about|after|before|during)\s+"
    r"(?:(?!(?:that|whether|why|if|how|what|when)\b)[^,“”\"\s]+\s+){1,8}?)??"
    r"(?P<p>(?(intro)(?:he|she|they)|(?:He|She|They)))\b(?!\s+(?:and|or)\b)"
)
_TRAILING_PRONOUN = re.compile(rf"([,”\"]\s*)(he|she|they)\s+({_SPEECH})\b")
# Honorifics a point writes before a surname ("Mr Berg"), and those it keeps with the name the article gives
# them ("Sir Nicholas", "Lord Callaghan").
_SURNAME_HONORIFIC = r"Mr|Mrs|Ms|Miss|Dr|Prof"
_NAME_HONORIFICS = ("Sir", "Dame", "Lord", "Lady")
_HONORIFIC = rf"(?:{_SURNAME_HONORIFIC}|{'|'.join(_NAME_HONORIFICS)})"
_TITLED = re.compile(rf"\b{_HONORIFIC}\.?\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)")
_RUN = r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"
_NOT_AFTER = "".join(rf"(?<!\b{w})" for w in ["to", "on", "in", "for", "with", "by", "at", "from", "into"])
# Verbs that follow the subject of a reported clause ("said Khan was ..."), never a speaker put after "said".
_FINITE = r"is|was|are|were|has|had|have|would|will|could|can|should|may|might|must|did|does|do|\w+ed"
# A name and a verb of saying, either way round ("Dunn said", "said Dunn"). A name after a preposition is
# no subject: in "... turn to Windows said Dominic Hirsch" the speaker comes after the verb.
_SPEAKER = re.compile(
    rf"(?:^|[,“”\"]\s*|{_NOT_AFTER}\s)({_RUN})\s+(?:{_SPEECH})\b"
    rf"|\b(?!told|urged|praised|warned)(?:{_SPEECH})\s+((?>{_RUN}))"  # "told Cadena Cope": whom it was said to
    rf"(?!\s+(?:{_FINITE})\b)"  # "said Khan was being sent back": the subject of what was said
)
# the words for a nationality that may stand before a name ("said Spanish teenager Nadal"), none a surname
_NATIONALITIES = DEMONYMS | frozenset([
    "Spanish", "British", "French", "English", "Scottish", "Irish", "Welsh", "Chinese", "Japanese", "Portuguese",
    "Swedish", "Danish", "Finnish", "Polish", "Turkish", "Dutch", "Scots",
])
_DESCRIBED_AFTER_DEMONYM = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?=[\s,.;:!?]|$)")
_ROLE_NAME = re.compile(
    r"\b(?:[Mm]inister|[Pp]resident|[Cc]hancellor|[Ss]ecretary|[Cc]hairman|[Cc]hairwoman|[Cc]hief|[Ll]eader|"
    r"[Ss]pokes(?:man|woman|person)|[Dd]irector|[Cc]oach|[Mm]anager|[Cc]ounterpart|[Ss]enator|[Gg]overnor|"
    r"[Aa]mbassador|[Pp]rofessor|[Ee]conomist|[Aa]nalyst|[Cc]ommissioner|[Ee]xecutive)\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)
_NOT_PERSON = _wordset(
    """The A An This That It He She They We I But And In On At For After Before When While If As
    However Meanwhile Mr Mrs Ms Dr"""
)
# The person roles a subject or speaker may be named by ("the chancellor said", "The Conservative leader
# has ..."): the quote lexicon's, and sport's and the stage's.
_ROLES = "|".join(
    sorted(
        PERSON_ROLES
        | _wordset("mp co-chairman boss coach striker midfielder defender goalkeeper captain player actor actress "
                   "singer star owner founder executive officer head peer"),
        key=len,
        reverse=True,
    )
)
_ROLE_WORDS = frozenset(_ROLES.split("|")) | TITLES
_PEOPLE_WORDS = _ROLE_WORDS | ROLE_NOUNS | _wordset("closest close former new old top")
_ROLE_SUBJECT = re.compile(
    rf"^(?:(?:But|And|Yet|So)\s+)?(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){{0,2}}?(?P<role>(?i:{_ROLES}))\s+[a-z]"
    rf"|\b(?:{_SPEECH})\s+(?:the|an?)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<said>(?i:{_ROLES}))\b"
    rf"|\b(?:the|an?)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<sayer>(?i:{_ROLES}))"
    rf"(?:\s+(?:for|of|at)\s+(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)?\s+(?:{_SPEECH})\b"  # "the MP for Leeds said"
)
# "The American had cast doubt ...", "The 32-year-old also felt ...": news names the person of the sentence
# before again in other words, so the reference passes on.
_VARIATION_SUBJECT = re.compile(
    r"^(?:(?:But|And|Yet|So)\s+)?[Tt]he\s+(?:[A-Z][a-z]+(?:ian|ean|an|ese|ish|man|woman)|Scot|Briton|Spaniard|"
    r"Swede|Dane|Finn|Pole|Czech|Swiss|Greek|Turk|Kiwi|\d{2}-year-old)\s+(?:[a-z]+ly\s+)?[a-z]+\b"
)
# A name opening a sentence as its subject, maybe after an opening phrase: a verb or an apposition follows
# ("Keaveney, who ...", "Before her match, Davenport believes ..."), or what is theirs ("Jansen's career").
_OPENING = re.compile(
    rf"^(?:(?:But|And|Yet|So|However|Meanwhile|Now),?\s+|[^,“”\"]{{2,60}},\s+)?(?P<run>(?:(?P<honorific>{_HONORIFIC})\.?\s+)?"
    r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z](?:[\w-]|['’](?!s\b))*[a-z])(?P<possessive>['’]s)?(?=,|\s+[a-z])"
)
_DISCOURSE = re.compile(
    r"^(?:(?:But|And),?\s+|(?:However|Meanwhile|Also|In addition|Moreover|Furthermore|Still|Yet|So|Now|Indeed"
    r"|On the other hand|Conversely|Instead|Similarly|Likewise|Nevertheless|Nonetheless|Therefore|Consequently"
    r"|In turn|Mind you"
    r"|For (?:its|his|her|their|our|my) part|Having said that|That said|With that said"
    r"|Despite (?:this|that|these|those)(?:\s+[a-z]+){0,2}|Even so|Notwithstanding|All the same|Regardless|Besides),\s+"
    r"|(?:(?:By|In) contrast|As a result)(?:,\s+|\s+(?!(?:of|to|with)\b)))"  # not "As a result of the strike"
    rf"(?=[A-Za-z\d“\"])(?!(?:{_SPEECH})\b)"  # "Also, said Mr Flynn, ...": the verb needs what came before it
)


# A wire-style dateline opening the first paragraph: "PORT CALDER — ", "LONDON (Reuters) - ", "PARIS, 3 May — ".
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,40}"
    r"(?:(?:\s*\([^()]{1,30}\)|,[^,—–]{1,30})+\s+[—–-]\s+(?=[A-Z“\"])"  # "LONDON (Reuters) - ", "PARIS, 3 May — "
    r"|\s+[—–-]\s+(?=[A-Z“\"])"  # but not "EADS - Airbus' majority owner - admitted": a name and its apposition
    r"(?![^—–]{1,60}?\s[—–-]\s+(?:[a-z]+(?:ed|s)|said|told|wrote|made|won|took|is|was|were|has|had|will)\b))"
)

# A sentence pointing back at words it does not hold makes no sense alone.
_DANGLING = re.compile(r"\b(?i:the above|the aforementioned)\b(?!\s+(?:[A-Z]|\d))")
# A sentence that opens with "It" doing something ("It had cut rates", "It emerged from bankruptcy"), with
# "This"/"That" standing for the previous statement ("That brought the total to 49") or with "Neither
# does it ..." continuing a denial has lost its subject. "This year", "That change" name what they speak
# of; "It is", "It will be" are read by _IT_IS.
_LEANS_BACK = re.compile(
    r"^(?:It\s+(?!(?:is|was|(?:will|would|may|might|could|can)(?:\s+(?:not|[a-z]+ly)){0,2}\s+(?:be|take\s+(?:time|years"
    r"|months|weeks|days|decades|longer|some\s+time|a\s+while))|has\s+been|had\s+been|seems|appears)\b)"
    r"(?:also\s+|now\s+|then\s+)?['‘\"“]?[a-z]+|(?:This|That|These|Those)\s+(?:also\s+)?(?:is|was|are|were|will|would|"
    r"could|can|may|might|has|had|have|[a-z]+ed|brought|drew|made|came|comes|left|led|meant|means|put|saw|"
    r"set|took|takes|gave|gives|sent|won|lost|kept|shows|marks|leaves|puts|makes|brings|follows|goes|went|"
    r"compares|suggests|reflects|raises|adds|includes|applies|helps|explains|seems|appears|happens|matters)\b"
    r"|(?:Neither|Nor)\s+(?:is|was|are|were|will|would|could|can|did|does|do|has|have|had|should|may|might)\b)"
)


# "It is"/"It was" open a statement of their own when "it" stands for what follows ("It is thought ...",
# "It will be the first time since 1917 that ...", "It was because ..."); otherwise "it" is something
# named before ("It is based on the book by ...", "It was blocked by Courtney Love").
_IT_IS = re.compile(
    r"^It\s+(?:is|was|(?:will|would|may|might|could|can)\s+(?:[a-z]+ly\s+)?be|(?:has|had)\s+been|seems|appears)"
    r"\s+(?:(?:[a-z]+ly|very|so|quite|also|still|just)\s+)?(?:not\s+)?(?P<next>[\w'’]+)(?:\s+(?P<then>[\w'’]+))?"
)
_STATEMENT = _wordset(
    """estimated predicted thought expected believed understood likely unlikely certain clear unclear possible
    impossible important vital essential necessary hoped feared reported said claimed announced alleged
    rumoured argued suggested known true worth hard easy difficult too no good better best time this that
    because what who how why when where now"""
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


def states_no_news(sentence: str) -> bool:
    """Return True for an English sentence that is no news of its own, though the names it gives still serve
    the points: a publication telling what its piece does ("The BBC News website takes a look at ...", "We look
    back at ...") or a team sheet or score line ("Goals: Bowyer 35, Dyer 69.", "Subs not used: Orr, Brown.")."""
    if _STANDFIRST.match(sentence):
        return True
    listing = _LISTING.match(sentence)
    if listing is None or sentence.startswith(("The ", "A ", "An ")):
        return False  # "The winners: Kelly Holmes, ...": news told as a list
    return not any(w[0].islower() and w not in _LIST_WORDS for w in listing.group(1).split())


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
    if not any(w[:1].islower() and w not in _LIST_WORDS for w in _BRACKETED.sub(" ", sentence).split()):
        return True  # "L Achike (Shaftesbury Barnet Harriers), N Douglas (Oxford City AC).": names, no verb
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return True
    if sentence.count("«") != sentence.count("»") or sentence.count("(") != sentence.count(")"):
        return True
    if _DANGLING.search(sentence):
        return True
    if len(words) <= 8 and "," not in sentence and _NO_SUBJECT.match(sentence):
        return True  # "Released 1 March on PC.", "Release date to be confirmed on PS2.": a review's detail line
    return bool(sentence.endswith("?"))


_NO_SUBJECT = re.compile(r"[A-Z][a-z]+ed\s+(?:\d|on\b|in\b|for\b|by\b)|Release\s+date\b|Out\s+(?:now|on)\b")


# a phrase set before the subject "it": "Using technology from Lucent, it …", "In a statement, it …"
_FRONTED_IT = re.compile(
    r"(?:(?:In|On|At|After|Before|Using|With|Despite|Under|Following|Since|As|By|For|Through|Unlike|Like|Earlier|"
    r"Later|Last|Now|Instead|Meanwhile|However|Also)\b[^,;:\"“]{0,80},|(?:Last|This|Earlier|Later)\s+(?:week|month|"
    r"year|season)|On\s+[A-Z][a-z]+day)\s+it(?=\s)"
)
# a fronted phrase whose name is the object of what "it" did or is like, never "it": "Using technology from
# Lucent, it …", "Unlike Apple, it …"
_OBJECT_FRONTED = re.compile(r"(?:Using|Unlike|Like|Following|Despite)\s")
_NAMED_IN = re.compile(
    r"\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)[A-Z][\w’'-]*"
)
_CLEFT = re.compile(r"\s+(?:is|was)\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:who|that|which)\b")
_BRACKETED = re.compile(r"\([^()]*\)")
# "these"/"those" as a pronoun ("those who", "those facing charges", "those with players") or in a time
# phrase ("these days") names what it speaks of; before a noun it points back ("Among those suppliers").
_NOT_POINTING = frozenset({
    "who", "whom", "whose", "that", "which", "with", "without", "in", "at", "of", "on", "for", "from", "not",
    "under", "over", "aged", "already", "still", "most", "days", "times", "years",
})
# "That's disappointing" reads as "That is disappointing"
_CONTRACTED = re.compile(r"^(That)[’']s\b")
# "The pair", "The two men", "The trio" with no names after them
_PAIR = re.compile(
    r"^The\s+(?:pair|duo|trio|(?:two|three)\s+(?:men|women|sides|players|teams|clubs|countries|companies|firms))"
    r"\b(?![-’'])(?!\s*,?\s+[A-Z])(?!\s+(?:are|were)\s)"  # "The trio are Willie Walsh, ..." names them
)
# "Both" before a noun or a verb ("Both sides hope ...", "Both began life ...") stands for two things named
# before; "Both the IMF and the World Bank" and "Both Boeing and Airbus" name them.
_BOTH = re.compile(r"^(?:(?:With|As|For|Among|Of)\s+)?[Bb]oth\s+(?!the\b|and\b)(?:(?:these|those)\s+)?[a-z]")
# "Such a plan", "The resulting song", "Of that, £23bn would go ...", "Since then, ...", "After that race",
# "Less welcome was ..." ("this" points at the present: "Since this season began" stands alone)
_SUCH = re.compile(
    r"^(?:Such\s+(?!as\b)[a-z]|Of\s+(?:that|this)\s*,|Of\s+(?:these|those)\b|The\s+(?:resulting|ensuing|latter)\b"
    r"|(?:Even\s+)?(?:After|Before|Since|Until|Following)\s+(?:that|those|then)\b"
    r"|(?:Less|More|Equally)\s+[a-z]+\s+(?:was|were|is|are)\s+(?:the|a|an|his|her|their|its|fellow|[A-Z]))"
)
# A time told from an event before: "The following year ...", "Four months later, ...", "Days later".
# "The next year will be tough" looks ahead from now and stands alone.
_THEN = re.compile(
    r"^(?:(?:But|And|So)\s+)?(?:(?:The\s+(?:following|next|previous)\s+|(?:A|One|[A-Z][a-z]+|\d+)\s+"
    r"(?=\w+\s+later\b(?!\s+than)))"
    r"(?:days?|nights?|weeks?|weekends?|months?|years?|seasons?|mornings?|evenings?|hours?|minutes?|time)\b"
    r"(?!\s+(?:will|would|is|are|was|were|could|may|might|should|can|has|had)\b)"
    r"|(?:Minutes|Hours|Days|Weeks|Months|Years|Moments)\s+later\b)"
)
# "Yes, the laptop is a classic": an answer to what? "Not that England will lie down": a reply to what?
# "Its main drug is …", "Their first hit was …": whose? The owner is named before, if anywhere
_OWNER_BEFORE = re.compile(r"^(?:Its|Their)\s+(?=[a-z\d])")
# "Another feature is …", "Yet other names mentioned are …", "Others thought to be in the running include …":
# others than one told before; but "Another 300 jobs", "Another three executives" tell their news, and "Other
# nominees include …" says of what it lists
_ANOTHER = re.compile(
    r"^(?:Another\s+(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand)\b)[a-z]"
    r"|Yet\s+(?:another|other)\s|Others\s+(?!of\b|in\b|at\b|on\b|from\b|who\b)[a-z])"
)
# "That victory marked …", "That does not prevent …", "This upward trend will …": a thing told before; but
# "This year", "This week" tell when, from now, and "This third Harry Potter film brought …" names its thing
_THAT_THING = re.compile(
    r"^(?:That\s+(?=[a-z])|This\s+(?!(?:year|week|weekend|month|season|summer|winter|spring|autumn|morning"
    r"|afternoon|evening|time|term|decade|century)\b)(?:[a-z-]+\s+){1,3}?(?:is|was|are|were|will|would|could"
    r"|can|may|might|has|had|have|[a-z]+s|[a-z]+ed)\b)"
)
# '"They are big enough players to handle themselves," said Vieira.': who are? The speaker's "they"
_QUOTE_ON_PRONOUN = re.compile(r"^[\"“‘](?:He|She|They|His|Her|Their|Them|Him)\s+(?!Majesty\b)[a-z’']")
_REPLY = re.compile(r"^(?:(?:Yes|No|Well|Oh|Hey|OK|Okay)[,!]\s|Not\s+that\s)")
# "Called Global System for Mobiles (GSM), this is now …": a name given to what came before
_CALLED = re.compile(
    r"^(?:Called|Known\s+as|Dubbed|Named)\s[^.]{0,80}?\s(?:this|it|they)\s+(?:is|was|are|were|has|have)\b"
)
# "turn these beliefs into reality", "spending on that project", "this strong showing": a thing told before,
# anywhere in the sentence; not "these days", "those facing charges", "those who", nor "this year"
_THESE_THINGS = re.compile(
    r"\b(?:these|those)\s+(?!sorts\b|kinds\b|types\b|days\b|[a-z]+ing\b)(?:[a-z-]+\s+)?[a-z]+s\b"
    r"(?!\s+(?:who|that|which|whose)\b)"
)
# "this" or a "that" after a preposition, before a noun that names what was told before ("this fear", "on that
# project"); inside a quotation "this" is more often what the speaker has at hand ("this club")
_THIS_THING = re.compile(
    r"(?:\bthis|\b(?:on|of|in|at|for|with|from|about|by|to|over|against|precisely|and)\s+that)\s+(?:[a-z-]+\s+)?"
    r"(?:fear|debate|material|problem|deficit|concern|trap|project|plan|move|decision|idea|issue|policy|approach|"
    r"strategy|proposal|process|deal|figure|rise|fall|growth|fragmentation|criminality|showing|pace|claim|change|"
    r"trend|view|argument|situation|case|system|scheme|level|record|success|failure|law|measure|ruling|report|"
    r"offer|bid|sum|amount|money|news|development|attack|incident|event|stance|position|theme|topic|subject|"
    r"question|matter)\b"
)


# "I" doing something, or an opening "We", "Our" or "My", outside quotation marks: someone speaks, but the
# sentence does not say who. "I" after a capitalised word or before one belongs to a title ("World War I
# drama", "I'm A Celebrity"); a mid-sentence "we" or "our" is mostly everyone ("as we know it").
_FIRST_PERSON = re.compile(
    r"\bI(?:['’](?:m|ve|d|ll))?\s+(?!an?\s+[A-Z])[a-z]|^(?:We(?:['’](?:ve|re|d|ll))?|Our|My)\s+[a-z]"
    r"|^[^,“”\"]{2,60},\s+(?:we(?:['’](?:ve|re|d|ll))?|our|my)\s+[a-z]"  # "In my time here, we have never ...": whose?
    r"|\b(?:we(?:['’](?:ve|re|d|ll))?|us|me|my)\b(?!\s*[A-Z])"  # "… even though we were only 8-6 ahead"
)
# A verb of saying anywhere in a sentence. Not the bare "say": "it is difficult to say whether ..." names
# no speaker, though "They say: \"..." before a quotation does (mend_quote).
_SAYING = re.compile(rf"\b(?:{_SPEECH}|argues|believes|thinks|writes)\b")


def names_no_one(sentence: str) -> bool:
    """Return True for an English sentence whose "he" or "she" (outside quotation marks, not its first word)
    has no one to stand for in it: no name, no capitalised word but its first, no "the"/"a" noun before the
    pronoun ("Every time she breaks the record she gets $30,000")."""
    outside = _QUOTATION.sub(" ", sentence)
    pronoun = re.search(rf"(?<=\s)(?:he|she)\b(?!\s+(?:{_SPEECH}|adds|says)\b)", outside)  # '"…," he said': named later
    if pronoun is None or any(w not in _OPENERS for w in re.findall(r"\b[A-Z][\w'’-]*", outside)):
        return False
    return re.search(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s", outside[: pronoun.start()]) is None


# words that open a sentence with a capital without naming anyone
_OPENERS = _wordset(
    """Every Each When If As After Before While Although Though Since Because So But And Now Then Still Yet
    Once Until Unless Whenever Whether Even Only Just Also However"""
)


def speaks_unnamed(sentence: str) -> bool:
    """Return True for an English sentence in the first person with no quotation marks and no verb of
    saying ("I didn't argue with anybody.", "As an employee, I know ..."): a column or a reader's letter,
    or a quotation whose marks were lost, whose speaker a reader cannot see."""
    if any(c in sentence for c in '"“”') or _SAYING.search(sentence):
        return False
    for m in _FIRST_PERSON.finditer(sentence):
        before = sentence[: m.start()].split()
        if len(before) < 2 or not before[-1][:1].isupper():  # "When I was ...", not "World War I drama"
            return True
    return False


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(?=s?\b)")
# "in 1950", "In July 2004", "in the early 1990s": when what a sentence tells happened
_IN_YEAR = re.compile(
    r"\b(?:[Ii]n|[Bb]ack\s+in)\s+(?:the\s+)?(?:(?:early|late|mid)[- ])?(?:[A-Z][a-z]+\s+)?(1[89]\d\d|20\d\d)s?\b"
)
# a clause that dates something else than the sentence's own news ("the firm he founded in 1984"), or a
# comparison with a past year ("from 2.4bn euros in 2003", "the worst since 1981")
_SUBORDINATE = re.compile(r"\b(?:who|which|where|when|that|whose|after|before)\b")
_COMPARED = re.compile(
    r"\bfrom\s+(?:\S+\s+){0,4}in\s+(?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d"
    r"|\b(?:than|compared|record|previous|since|last\s+year|a\s+year\s+earlier)\b"
)


# before the date, a clause of its own: "accused of a fraud at the firm he co-founded in 1984"
_OWN_CLAUSE = re.compile(r"\b(?:he|she|they|it|we)\s+[a-z-]+ed\b")
# what is still to come: "set for release in 2005", "will now seek a third title"
_AHEAD = re.compile(r"\b(?:will|would|shall|set\s+(?:to|for)|due|expected|planned|scheduled|plans?\s+to)\b")


def story_year(sentences: list[str]) -> int | None:
    """Return the year a text names most often (the later one of a tie): about when its news happens."""
    counts: dict[int, int] = {}
    for sentence in sentences:
        for year in _YEAR.findall(sentence):
            counts[int(year)] = counts.get(int(year), 0) + 1
    if not counts:
        return None
    top = max(counts.values())
    return max(year for year, n in counts.items() if n == top)


def tells_history(point: str, year: int) -> bool:
    """Return True for an English point about what happened two or more years before the story's year ("Davis
    made his acting debut in 1950", "In 2002, the academy split the awards"): a reader's background, not the
    news. Not when the date sits in a clause of its own, the point compares with the past or reports what
    someone says."""
    dated = _IN_YEAR.search(point)
    if dated is None or _SUBORDINATE.search(point, 0, dated.start()) or _OWN_CLAUSE.search(point, 0, dated.start()):
        return False
    if _COMPARED.search(point) or _SAYING.search(point) or _AHEAD.search(point):
        return False
    return max(int(y) for y in _YEAR.findall(point)) <= year - 2


# a pronoun in an opening clause, and the main clause after it: "If they manage …, then …", "When he
# retired, Stan Lee …" (where the main clause names whom the pronoun means)
_CLAUSE_PRONOUN = re.compile(
    r"(?:If|When|Although|Though|While|Because|Since|Unless|Once|As|After|Before|Until|Even if|Even though)\s+"
    r"(?:he|she|they|it)\b[^,“”\"]*?(?:,\s+|\s+then\s+)(?P<main>.+)?"
)
# a main clause begun with no comma: "When it goes on sale the adapter is expected to cost …, roughly …"
_UNMARKED_MAIN = re.compile(r"\s(?:the|a|an)\s+(?:[\w-]+\s+){1,3}(?:is|was|are|were|will|would|has|had|can|could)\b")
# a main clause that opens on whom or what it is about: a name, "the firm", "those subject to …"
_MAIN_NAMES = re.compile(r"(?:[A-Z]|(?:the|those|these|this|his|her|their|its)\s)")


def leans_back(sentence: str) -> bool:
    """Return True for a sentence whose opening stands for something said before: "It", "This" or "That"
    doing something or being something ("It is based on ..."), "these"/"those" before a noun in its first
    words ("Among those suppliers is ..."), "Both" with no names ("Both sides hope ..."), "Such a plan", a
    time told from an event before ("Four months later, ...") or a reply ("Yes, ...", "Well, ..."); or one that
    names a thing told before anywhere ("turn these beliefs into reality", "spending on that project")."""
    sentence = _CONTRACTED.sub(r"\1 is", sentence)  # "That's disappointing" as "That is disappointing"
    if _LEANS_BACK.match(sentence) or _SUCH.match(sentence) or _THEN.match(sentence) or _REPLY.match(sentence):
        return True
    if _OWNER_BEFORE.match(sentence) or _THAT_THING.match(sentence) or _QUOTE_ON_PRONOUN.match(sentence) or (
            _ANOTHER.match(sentence)):
        return True
    quoted = sentence.lstrip("\"“‘")  # '"After that Downing Street proceeded …," said Sands': after what?
    if quoted != sentence and any(p.match(quoted) for p in (_SUCH, _THEN, _OWNER_BEFORE, _THAT_THING)):
        return True
    if _CALLED.match(sentence):
        return True
    clause = _CLAUSE_PRONOUN.match(sentence)
    if (clause is not None and clause.group("main") is not None and not _MAIN_NAMES.match(clause.group("main"))
            and not _UNMARKED_MAIN.search(sentence, 0, clause.start("main"))):
        return True  # "If they manage to create titles …, then a whole new market …": who are they?
    if _names_thing_before(sentence):
        return True
    fronted = _FRONTED_IT.match(sentence)
    named = _NAMED_IN.search(sentence, 1, fronted.end()) if fronted is not None else None
    if fronted is not None and (named is None or _OBJECT_FRONTED.match(sentence)) and not _CLEFT.match(
            sentence, fronted.end()):
        # "Last month, it signed …", "In addition to the 1967 film, it was adapted …", "Using technology from
        # Lucent, it will offer …": what did? But not "With Carnival remaining the leader, it looks set …" nor
        # "Since the government came to power, it has …", where the name may be what "it" is, nor "Despite the
        # rain, it was Lund who won"
        return leans_back("It" + sentence[fronted.end() :])
    if _PAIR.match(sentence):
        return True  # "The pair contest the 60m": which pair?
    it = _IT_IS.match(sentence)
    if it:
        following = it.group("next").lower()
        first = following == "the" and (it.group("then") or "").lower() in ("first", "second", "third", "last", "only")
        return not (following in _STATEMENT or first)  # "It will be the first time ...": its own news
    words = sentence.split()
    if _BOTH.match(sentence) and "and" not in words[2:5]:
        return True  # "Both parents and other relatives" names them
    for i, word in enumerate(words[:4]):
        if word.lower() in ("these", "those") and i + 1 < len(words):
            following = words[i + 1].strip(",;:").lower()
            if following and following.isalpha() and words[i + 1][0].islower():
                return following not in _NOT_POINTING and not following.endswith(("ing", "ed"))
            return following[:1].isdigit()  # "these two firms"
    return False


def _names_thing_before(sentence: str) -> bool:
    """Return True when sentence names with "these", "those", "this" or "that" a thing it does not name itself
    before ("turn these beliefs into reality"; not "deny accusations …, saying these accusations are baseless")."""
    for m in (_THESE_THINGS.search(sentence), _THIS_THING.search(_QUOTED.sub(" ", sentence))):
        if m is not None:
            noun = m.group().split()[-1].lower()
            stem = noun[:-1] if noun.endswith("s") else noun
            if not re.search(rf"\b{re.escape(stem)}", sentence[: m.start()], re.IGNORECASE):
                return True
    return False


def _surname(name: str) -> str:
    parts = [p for p in name.split() if p not in _NOT_PERSON]
    if not parts or (len(parts) == 1 and parts[0] in _NATIONALITIES):
        return ""  # "said Spanish teenager Nadal": a nationality, no one's surname
    return parts[-1] if _personal(parts) or _given_and_surname(parts) else ""


def _given_and_surname(parts: list[str]) -> bool:
    """Return True for "Theresa May", "Liam Fox": a given name shows a person whose surname is also a month or
    a firm."""
    given = len(parts) >= 2 and given_name_gender(parts[0]) is not None and _personal(parts[:-1])
    return given and _surname_word(parts[-1])


def _surname_word(word: str) -> bool:
    """Return True for a capitalised word that may be a surname though it is also a word ("May", "Fox"), not
    a firm, a body or a place ("Foundation", "Police", "Station"), a competition ("Cup") or an acronym."""
    low = word.lower()
    if low in PLACE_WORDS or low in PLACE_TAILS or low in _NOT_SURNAMES or low in _NOT_LAST or word.isupper():
        return False
    return bool(_SURNAME_SHAPE.fullmatch(word)) and (low not in ORG_WORDS or low in _FIRM_SURNAMES)


# words of firms' names that are common surnames too ("Liam Fox", "Michael J Fox")
_FIRM_SURNAMES = frozenset(["fox"])


def _personal(parts: list[str]) -> bool:
    """Return False for words that name a place, an organisation, an event, a date or an acronym, not a
    person, and for a last word no surname is shaped like ("Under-21", "London-based")."""
    low = [p.lower().rstrip(".") for p in parts]
    if any(w in ORG_WORDS or w in PLACE_WORDS or w in NON_NAMES or w in _NOT_SURNAMES for w in low):
        return False
    last = parts[-1]
    if last.endswith(("'s", "’s")) or (last.isupper() and len(last) > 1):
        return False
    if last.lower() in _NOT_LAST:
        return False  # "their first Triple Crown", but "Crown Prince Abdullah"
    if (last.endswith("s") and _DEMONYM.fullmatch(last[:-1])) or last.endswith(_NOT_SURNAME_ENDINGS):
        return False  # "Roma Czechs", "Mutually Assured Destruction": a people, a thing
    return bool(_SURNAME_SHAPE.fullmatch(last.rstrip(".")))


# Capitalised words of competitions, awards, clubs and firms that news puts where a name could stand
# ("Double Olympic champion", "after the 1998 World Cup", "Blackground Records", "Calder Rovers").
_NOT_SURNAMES = _wordset(
    """olympic olympics cup open games awards award championship championships trophy prize festival
    marathon series final finals records studios pictures productions entertainment music league special
    tonight today live weekly daily operation rovers wanderers athletic united rangers albion fc"""
)
_NOT_SURNAME_ENDINGS = ("tion", "sion", "ism")
_NOT_LAST = _wordset("crown slam shield")  # trophies, though a name may open with one ("Crown Prince")
_SURNAME_SHAPE = re.compile(r"[A-Z](?:[A-Za-z]*[a-z])?(?:[-’'][A-Z][A-Za-z]*[a-z])*")


def antecedent(previous: list[str], pronoun: str | None = None, *, speaks: bool = True) -> str | None:
    """Return the person a pronoun most likely refers to, looking back from the nearest sentence.

    A sentence carried by the same pronoun ("Born in Leeds, she ...", '"...," he said') or made of a bare
    quotation passes the reference on to the one before. Otherwise the sentence's speaker ("... Doug Ellis
    said"), or else its opening subject, is the antecedent, when it is a person of the pronoun's gender:
    a name ("Mourinho never coached ..."), or a role whose holder the article names ("the chancellor"
    after "Chancellor Gordon Brown"), and a role it cannot name makes the reference unknown; "The
    American ...", "The former France boss ..." or '"...," the 32-year-old said' names the person before
    again, and then only a name that opens a sentence is taken. Failing all these, the nearest person the
    sentence names is taken. Once a sentence has named someone of the other gender, only a
    person whose gender the article tells may follow ("Alicia Keys ..." before "He ...")."""
    wanted = _wanted(pronoun)
    genders = _known_genders(previous) if wanted else {}
    strict = described = False
    for k in range(len(previous) - 1, max(-1, len(previous) - 9), -1):
        sentence = previous[k]
        if _carried_by(sentence, pronoun) or is_unattributed_quote(sentence):
            continue
        if wanted == "Mr" and _OBJECT_HIM.match(sentence):
            continue  # "Tony Blair called him a giant. He held ...": the one the story is about, not Blair
        if _VARIATION_SUBJECT.match(sentence) or _DESCRIBED_SPEAKER.search(sentence) or _passes_on(sentence):
            described = True  # "The singer banked $56m", '"...," the 21-year-old said': someone named before
            continue
        role = _ROLE_SUBJECT.search(sentence)
        if role and not role.group("role") and re.match(r"an?\s", role.group(0)):
            role = None  # "O'Herlihy ... died at his home, a spokesman said": an unnamed source, not the subject
        if role:
            # "The company's new chief executive Peter Lynch said": the role's holder is named right after it
            named = _ROLE_NAME.search(sentence, role.start(), role.end() + 30)
            if named and _surname(named.group(1)):
                return _surname(named.group(1))
            return _role_holder(previous[:k], role.group("role") or role.group("said") or role.group("sayer"))
        speaker = _nearest_named(sentence, wanted, genders, strict, strong=True)
        if speaker and not speaks and _spoke_of_another(sentence, wanted):
            continue  # '"We'll get him back," Andrew said.' then "He was replaced as captain": whom he spoke of
        subject = speaker or _opening_person(sentence, previous[:k], wanted, strict)
        if subject:
            return subject
        name = _nearest_named(sentence, wanted, genders, strict, subject=described)
        if name:
            return name
        strict = strict or _names_other(sentence, wanted, genders)
    return None


# A named subject whose first verb takes "him": "him" is another man, the one the sentences around are about
_OBJECT_HIM = re.compile(r"(?:[A-Z][\w.’'-]*\s+)+(?:has\s+|had\s+)?[a-z]+(?:ed|s)\s+him\b")


def _spoke_of_another(sentence: str, wanted: str | None) -> bool:
    """Return True when a man's quoted words speak of "him", another man ('"We hope to get him back," said
    Andrew'). Outside the quotation "him" is as often the speaker ("Tindall said it kept him out"), and "his"
    and "her" may be anyone's."""
    return wanted == "Mr" and any(re.search(r"\bhim\b", q) for q in _QUOTED.findall(sentence))


def _passes_on(sentence: str) -> bool:
    """Return True when sentence opens with a description of someone named before ("The Swiss star hit
    back"), not followed by the name itself ("The singer, full name Jamelia Davis, was signed ...")."""
    found = variation_subject(sentence)
    if found is None:
        return False
    apposition = sentence[found.end :].split(",", 2)[1] if sentence[found.end : found.end + 1] == "," else ""
    if re.match(r"\s*(?:who|whose|which|where|when)\b", apposition):
        return True  # "The Scot, who led GB to World Cross Country bronze, ...": no name of hers
    return not any(m.person and len(m.name.split()) >= 2 for m in _mentions(apposition))


def _known_genders(sentences: list[str]) -> dict[str, str]:
    """Return the gender ("Mr", "Ms") of each surname the sentences give a person whose honorific or given
    name tells it ("Ms Hutt", "Alicia Keys"). A surname borne by a man and a woman, or by someone whose
    full name tells no gender ("Norah Jones" and "Quincy Jones"), tells nothing."""
    mentions = [m for sentence in sentences for m in _mentions(sentence) if m.person and _surname(m.name)]
    told = [m.name for m in mentions if m.gender]
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.gender or (len(m.name.split()) >= 2 and not any(name.endswith(" " + m.name) for name in told)):
            seen.setdefault(_surname(m.name), set()).add(_GENDER_TITLE.get(m.gender or "", "?"))
    return {surname: genders.pop() for surname, genders in seen.items() if len(genders) == 1 and "?" not in genders}


def _fits(gender: str | None, wanted: str | None, strict: bool) -> bool:
    """Return True when a person of gender (None: unknown) may be the one a pronoun asking for wanted
    means; if strict, only when the gender is known to be wanted."""
    return wanted is None or gender == wanted or (gender is None and not strict)


def _names_other(sentence: str, wanted: str | None, genders: dict[str, str]) -> bool:
    """Return True when sentence names a person known to be of the other gender than wanted."""
    for m in _mentions(sentence):
        surname = _surname(m.name)
        gender = _mention_gender(m, genders)
        if (m.person or surname in genders) and wanted and gender and gender != wanted:
            return True
    return False


_PARTICLES = "El|Al|Van|van|Von|von|De|de|Di|Da|da|Du|du|Le|La|Del|del|Dos|dos|Ter|ter|Ten|ten"


def with_particle(surname: str, previous: list[str]) -> str:
    """Return surname with the particle the article writes before it ("Guerrouj" → "El Guerrouj", "Nistelrooy"
    → "van Nistelrooy"), else surname itself."""
    bare = without_honorific(surname)
    title = surname[: len(surname) - len(bare)]  # "Mr Rompuy" → "Mr Van Rompuy"
    pattern = re.compile(rf"(?<![\w’'-])({_PARTICLES})\s+{re.escape(bare)}\b")
    for sentence in reversed(previous):
        found = pattern.search(sentence)
        if found is not None:
            return f"{title}{found.group(1)} {bare}"
    return surname


def speaker_in(lead: str, pronoun: str) -> str | None:
    """Return the person lead, the words before a pronoun in its own sentence, names with a verb of saying
    ("Although Campese admitted ..., he insisted"): the pronoun's antecedent is then in its sentence."""
    return _nearest_named(lead, _wanted(pronoun), strong=True)


def says(point: str) -> bool:
    """Return True when a point's he/she is the one who speaks ("He said ...", '"...," she added')."""
    lead = _LEADING_PRONOUN.match(point)
    if lead is not None:
        return _SAYS_AFTER.match(point, lead.end()) is not None
    return _TRAILING_PRONOUN.search(point) is not None


# a verb of saying within the few words after a leading pronoun: "He said", "He later said", "He went on to say"
_SAYS_AFTER = re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+(?:{_SPEECH}|say|tell|add)\b")


def _wanted(pronoun: str | None) -> str | None:
    """The honorific whose gender a pronoun asks for ("Mr" for he), None when it does not say."""
    return {"he": "Mr", "she": "Ms"}.get((pronoun or "").lower())


# A person's gender as the honorific "Mr" or "Ms", from a mention's gender ("m"/"f") or an honorific's.
_GENDER_TITLE = {"m": "Mr", "f": "Ms"}


def _mention_gender(m: Mention, genders: dict[str, str]) -> str | None:
    """The gender ("Mr", "Ms") a mention tells by its honorific or given name, else the one genders (surname
    to gender) knows for its surname."""
    return _GENDER_TITLE.get(m.gender or "") or genders.get(_surname(m.name))


def _honorific_gender(honorific: str) -> str | None:
    """The gender ("Mr", "Ms") an honorific ("Mrs", "Sir") tells, None when it tells none ("Dr")."""
    return _GENDER_TITLE.get(HONORIFICS.get(honorific.lower().rstrip(".")) or "")


def _carried_by(sentence: str, pronoun: str | None) -> bool:
    """Return True when pronoun (or its possessive: "His version of ...") is the subject or the speaker of
    sentence, or of a clause joined to it ("..., and he won a Bafta"), too."""
    if not pronoun:
        return False
    lead = _LEADING_PRONOUN.match(sentence)
    if lead:
        if lead.group("intro") and _nearest_named(lead.group("intro"), None, strong=True):
            return False  # "Michael Ancram said that, if in government, he would ...": he is the one named
        return not quoted_pronoun(sentence) and lead.group("p").lower() == pronoun.lower()
    said = _TRAILING_PRONOUN.search(sentence) or _JOINED_PRONOUN.search(sentence)
    if said is not None:
        return said.group(2).lower() == pronoun.lower()
    clause = _RELATIVE_PRONOUN.search(sentence)
    if clause is not None and clause.group(1).lower() == pronoun.lower():
        # "Meet the Fockers, in which he stars with Ben Stiller, ...": he is someone named before, not Stiller
        before = sentence[: clause.start()]
        wanted = _wanted(pronoun)
        return not (_opening_person(before, [], wanted) or _nearest_named(before, wanted) or _POSSESSOR(before))
    own = {"he": "his", "she": "her"}.get(pronoun.lower())
    if (among := _AMONG_HIS.match(sentence)) and among.group(1).lower() == own:
        return True  # "One of his fellow pupils was Vladimir Putin": Putin is his fellow, not "he"
    possessive = sentence.startswith({"he": "His ", "she": "Her "}.get(pronoun.lower(), "\0"))
    return possessive and _nearest_named(sentence, None) is None  # not "His words came as O'Connor ..."


_AMONG_HIS = re.compile(
    r"(?:(?:One|Many|Some|Several|Most|All|Both|Two|Three|None|Neither)\s+of|Among)\s+(his|her)\s+[a-z]"
)
_POSSESSOR = re.compile(r"\b[A-Z][\w-]+[’']s?\s").search  # "Campbell's relay triumph, when he ..."
# "…, in which he stars with Ben Stiller": whoever "he" is, the people he is with are others
_RELATIVE_PRONOUN = re.compile(
    r",\s+(?:(?:in|for|on|from|by|through)\s+which|where|when)\s+(he|she)\s+[a-z]+\s+(?:with|alongside|opposite)\b"
)
_JOINED_PRONOUN = re.compile(r"(,\s+(?:and|but)\s+|;\s+)(he|she)\s+[a-z]")  # "..., and he won a Bafta"


def quoted_pronoun(sentence: str, before: str = "") -> bool:
    """Return True when a sentence's opening pronoun is inside a quotation that began in an earlier
    sentence: one that closes later in it ('But when ..., he has to go," Lee said.') or that the sentence
    before it left open ('Kirwan said: "I was happy with Troncon.' / 'He had a great game.'). The "he" is
    the speaker's, not the text's."""
    lead = _LEADING_PRONOUN.match(sentence)
    if lead is None or any(c in sentence[: lead.start("p")] for c in '"“'):
        return False
    return inside_quotation(sentence, lead.end("p"), before)


def inside_quotation(sentence: str, at: int, before: str) -> bool:
    """Return True when the words of sentence up to at are inside a quotation that began in an earlier
    sentence: one that closes after at, or that the sentence before left open while this one has no marks."""
    after = sentence[at:].replace("''", '"')
    closes_later = after.count('"') % 2 == 1 or after.count("”") > after.count("“")
    return closes_later or (_leaves_open(before) and not any(c in sentence for c in '"“”'))


def _leaves_open(sentence: str) -> bool:
    """Return True when a sentence's last quotation mark opens a quotation it does not close."""
    text = sentence.replace("''", '"')
    at = max(text.rfind(c) for c in '"“”')
    if at < 0 or text[at] == "”" or (text[at] == '"' and text.count('"') % 2 == 0):
        return False
    return text[at] == "“" or text[at - 1 : at] not in tuple(",.!?…")


def _role_holder(previous: list[str], role: str) -> str | None:
    """Return the surname of the one person the article introduces with role ("Chancellor Gordon Brown")."""
    pattern = re.compile(rf"\b(?i:{re.escape(role)})\s+((?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
    for sentence in reversed(previous):
        names = {_surname(m.group(1)) for m in pattern.finditer(sentence)} - {""}
        if names:
            return names.pop() if len(names) == 1 else None
    return None


def _opening_person(sentence: str, previous: list[str], wanted: str | None, strict: bool = False) -> str | None:
    """Return the surname of the person who opens sentence as its subject ("Mr Cunningham went on ...",
    "Keaveney, who played ..."), after the honorific it has there ("Mr Cunningham"), when the article shows
    it is a person of the wanted gender."""
    m = _OPENING.match(sentence)
    if m is None:
        return None
    run = m.group("run")
    possessive = m.group("possessive")
    if _described_by_next(sentence, m.end(), _PEOPLE_WORDS if possessive else _ROLE_WORDS):
        # "Forest manager Gary Megson", "Brown's closest ally": the subject is someone else, the one named
        # right after the role when a name follows it ("Chelsea boss Jose Mourinho has insisted ...")
        lead = run.split()[0] in _NOT_PERSON  # "As Tory leader Michael Howard kicked off …, Kennedy said"
        named = None if possessive or lead else _NAMED_AFTER_ROLE.match(sentence, m.end())
        return _opening_person(sentence[named.start(1) :], previous, wanted, strict) if named else None
    if possessive and _owned_person(sentence, m.end(), wanted):
        return None  # "Sylvester Stallone's ex-wife Brigitte Nielsen": the one named after
    parts = run.split()
    if parts[0] in _NOT_PERSON and parts[0] not in ("Mr", "Mrs", "Ms", "Dr"):
        return None
    if any(p.endswith(("'s", "’s")) for p in parts[:-1]):
        return None  # "London's Evening Standard": a thing of theirs
    surname = _surname(run) or (run if " " not in run and _surname_word(run) else "")  # "Fox first found fame"
    if not surname or surname.lower() in TITLES or surname.lower() in PERSON_ROLES:
        return None  # "Finance minister Rosa Lindqvist": the run is her title
    honorific = m.group("honorific")
    if honorific:
        dotted = run[len(honorific) : len(honorific) + 1] == "."
        return _titled(honorific + "." * dotted, run[len(honorific) :].strip(" ."), wanted)
    seen = [text for text in [*previous, sentence] if surname in text]
    for mention in (x for text in seen for x in _mentions(text)):
        words = mention.name.split()
        # "Edward Fox": a given name shows a person whose surname is also a firm's name
        person = mention.person or (len(words) == 2 and given_name_gender(words[0]) is not None)
        if person and words[-1] == surname and (len(words) >= 2 or mention.titles):
            gender = _GENDER_TITLE.get(mention.gender or "")
            return surname if _fits(gender, wanted, strict) else None
    return None


@lru_cache(maxsize=4096)
def _mentions(sentence: str) -> list[Mention]:
    return find_mentions(sentence)


def without_honorific(name: str) -> str:
    """Return name without the honorific _titled keeps before a surname ("Ms Stone" → "Stone")."""
    return _LEADING_HONORIFIC.sub("", name)


_LEADING_HONORIFIC = re.compile(rf"^(?:{_SURNAME_HONORIFIC})\.?\s+")


def _titled(honorific: str, name: str, wanted: str | None) -> str | None:
    """Return how a point names a person met with an honorific: "Mr Berg" for "Mr Tomas Berg", "Sir Nicholas"
    and "Lord Callaghan" as written, "Smith" for "Sir John Smith"; None when the honorific's gender is not
    the pronoun's. The honorific tells a reader "Mrs Blair" from the Blair they know better."""
    title = honorific.rstrip(".")
    gender = _honorific_gender(title)
    last = name.split()[-1] if name.split() else ""
    surname = _surname(name) or (last if _surname_word(last) else "")  # "Mr Fox": a person whatever "fox" is
    if not surname or (wanted and gender and gender != wanted):
        return None
    if title in _NAME_HONORIFICS:
        return f"{title} {surname}" if " " not in name.strip() else surname
    return f"{honorific} {surname}"  # "Mr. Greenspan" where the article writes "Mr."


def _nearest_named(
    sentence: str,
    wanted: str | None,
    genders: dict[str, str] | None = None,
    strict: bool = False,
    *,
    strong: bool = False,
    subject: bool = False,
) -> str | None:
    """Return the surname of the last person a sentence names with a title, a role or a verb of saying
    (after its honorific: "Mr Berg"), else of the first full name it holds; if strong, only a name with a
    verb of saying counts. A person known (genders: surname to gender) to be of another gender than wanted
    is passed over."""
    genders = genders or {}
    found: list[tuple[int, str]] = []
    for m in _SPEAKER.finditer(sentence):
        name = m.group(1) or m.group(2)
        words = name.split() if name else []
        stripped = False
        while len(words) > 1 and words[0] not in _NOT_PERSON and words[0].lower() in NON_NAMES:
            words, stripped = words[1:], True  # "Although Campese admitted": Campese
        if stripped and words[0].lower() in HONORIFICS:
            continue  # "On Tuesday Sir Alan said": the honorific is read with it below
        name = " ".join(words)
        described = _DESCRIBED_AFTER_DEMONYM.match(sentence, m.end()) if name in _NATIONALITIES else None
        if described is not None:
            name = described.group(1)  # "said Spanish teenager Nadal": the name after the description
        if name and words[0] not in _NOT_PERSON:
            found.append((m.start(), _surname(name)))
    found = [(at, name) for at, name in found if name and _fits(genders.get(name), wanted, strict)]
    if strong:
        return max(found)[1] if found else None
    for m in _TITLED.finditer(sentence):
        honorific = m.group(0).split()[0]
        titled = _titled(honorific, m.group(1), wanted)
        gender = _honorific_gender(honorific) or genders.get(without_honorific(titled or ""))
        if titled and _fits(gender, wanted, strict):
            found.append((m.start(), titled))
    for m in _ROLE_NAME.finditer(sentence):
        name = _surname(m.group(1))
        if name and _fits(genders.get(name), wanted, strict):
            found.append((m.start(), name))
    if found:
        return sorted(found)[-1][1]
    # "... if Jo Pavey had been in shape she would ...": beside a woman, a name that tells no gender is no "he"
    return _named_person(sentence, wanted, genders, strict or _names_other(sentence, wanted, genders), subject)


def _describes(word: str) -> bool:
    """Return True when a word before a name may describe the person ("Double", "Olympic", "champion", "10,000m")."""
    word = word.strip(",")
    return word[:1].isupper() or any(c.isdigit() for c in word) or word.lower() in _PEOPLE_WORDS | _VARIATION_HEADS


# What puts the title of a work before a capitalised run: a quotation mark or bracket, a word such as "track"
# ("track Candy Shop"), or a "The" inside a sentence ("Speakerboxxx/The Love Below").
_WORK_BEFORE = re.compile(
    r"(?:\bThe|\b(?:album|single|song|track|film|movie|book|novel|play|musical|series|hit),?)\s+$|[(‘'\"“/]$"
)
_DATE_OR_PLACE_BEFORE = re.compile(r"\b(?:on|in|at|from|since|until|during)\s+(?:the\s+)?$")


def _named_person(
    sentence: str, wanted: str | None, genders: dict[str, str], strict: bool, subject: bool = False
) -> str | None:
    """Return the surname of the first full name of a person in a sentence ("Jo Park, chief of X, says ...");
    if subject, only of one that opens it, maybe after words that describe them ("Olympic champion Kelly
    Holmes was ...", not "Prince earned more, beating Elton John")."""
    dateline = _DATELINE.match(sentence)  # "MADRID — Carlo Ancelotti has signed ..."
    lead = dateline.end() if dateline else 0
    for m in _mentions(sentence):
        if m.start < lead:
            continue
        if subject and not all(_describes(word) for word in sentence[lead : m.start].split()):
            return None
        if _DATE_OR_PLACE_BEFORE.search(sentence, 0, m.start):
            continue  # "on Boxing Day", "in Palo Alto"
        if _described_by_next(sentence, m.end, _ROLE_WORDS):
            continue  # "Injured Chelsea winger Arjen Robben": the words before the name describe him
        if sentence[m.end : m.end + 2] in ("'s", "’s") and _owned_person(sentence, m.end + 2, wanted):
            continue  # "Sylvester Stallone's ex-wife Brigitte Nielsen": she is the one named
        if _WORK_BEFORE.search(sentence, 0, m.start):
            continue  # "Ludacris (Stand Up)", "'Hard Knock Life'", "album Speakerboxxx/The Love Below": a work
        if m.person and len(m.name.split()) >= 2 and _fits(_mention_gender(m, genders), wanted, strict):
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
    r"(?=[,.;:!?)’'\"”]|\s+(?:of|at|from|on|in|to|after|before|when|as|who)\b|\s*$)"  # not "said Voip would be"
)


def full_names(sentences: list[str], surnames: set[str], common: set[str], people: set[str]) -> dict[str, str]:
    """Map each of surnames to the full name it has in an article ("Dunn" -> "Mark Dunn"). Only runs shaped
    like a person's name count (no possessive, no word of common, the text's lower-case words, no title,
    organisation or place word), and only with a title, a role or a description before it ("Mayor Linda
    Okafor", "economist Andreas Rees", "star Paddy Considine"), a given name ("Tony Lester", "Jo Pavey")
    or a surname among people, those seen with an honorific or a verb of saying; a surname two
    people share maps to nothing."""
    names: dict[str, str] = {}
    shared: set[str] = set()
    for sentence in sentences:
        if not any(surname in sentence for surname in surnames):
            continue
        for m in _mentions(sentence):
            # "Battalion Chief Colm Brady of Brennock County Fire Rescue": a titled person of a body
            name = m.name.split(" of ")[0] if m.titles else m.name
            parts = name.split()
            person = m.person or name != m.name
            if parts[-1] not in surnames or not (person and 2 <= len(parts) <= 4):
                continue
            if not (_personal(parts) or _given_and_surname(parts)):
                continue
            if not all(_NAME_PART.fullmatch(p) for p in parts):
                continue
            first = parts[0].lower()
            if first in common or first.removesuffix("s") in common or first in TITLES:
                continue  # "Bookmakers Ladbrokes": a common noun is no first name
            role = sentence[: m.start].split()[-1:]  # "economist Andreas Rees"
            # "Dr ...", "Tony Lester", "Jo Pavey" (not "Comic Joe Pasquale"), "Lester said"
            known = m.titles or is_given_name(parts[0]) or parts[-1] in people
            if not known and not (role and role[0].lower() in PERSON_ROLES | _VARIATION_HEADS):
                continue
            if names.setdefault(parts[-1], name) != name:
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
    firms = {m.group(1) for s in sentences for pattern in (_FIRM, _FIRM_NAMED) for m in pattern.finditer(s)}
    names = full_names(sentences, {n for n in named if n.lower() not in common or n in people} - firms, common, people)
    # a surname the text also writes as a word ("May", "may") only with a given name: "Brian May said"
    names = {s: name for s, name in names.items() if s.lower() not in common or given_name_gender(name.split()[0])}
    if not names:
        return points
    roles = roles_of(sentences, names)
    set_after = {surname: f", {role}," for surname, role in appositions_of(sentences, names).items()
                 if surname not in roles}
    return name_once(points, names, _surnames_alone, roles, set_after)


def appositions_of(sentences: list[str], names: dict[str, str]) -> dict[str, str]:
    """Map the surname of each full name to the role the article sets between commas right after it, when that
    role is an office of a named body ("head of Tiga" from "Fred Hasson, head of Tiga, which represents …")."""
    found: dict[str, str] = {}
    for surname, name in names.items():
        for sentence in sentences:
            m = re.search(rf"(?<![\w’'-]){re.escape(name)},\s+({_APPOSED_ROLE}),", sentence)
            if m is not None and m.group(2) in _ROLE_HEADS | {"head"}:
                found[surname] = m.group(1)
                break
    return found


# "head of Tiga", "chief executive of Calder Link", "director at the Harbour Trust"
_APPOSED_ROLE = r"(?:[a-z]+\s+){0,2}([a-z]+)\s+(?:of|at)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,3}[A-Z][\w’'&-]*"


def roles_of(sentences: list[str], names: dict[str, str]) -> dict[str, str]:
    """Map the surname of each full name to the role the article sets right before it ("shadow home
    secretary" from "Shadow home secretary David Davis said", "Mayor" from "Mayor Linda Okafor"); a role with
    a capitalised word before it ("Lib Dem leader Charles Kennedy") is only the end of one, and is left out."""
    roles: dict[str, str] = {}
    inside = {_bare(w) for s in sentences for w in s.split()[1:] if w[:1].isupper()}
    for surname, name in names.items():
        for sentence in sentences:
            role = _role_before(sentence, name, inside)
            if role is not None:
                roles[surname] = role
                break
    return roles


def _role_before(sentence: str, name: str, inside: set[str]) -> str | None:
    """Return the whole role written right before name's first mention in sentence, if there is one (inside:
    the words the article writes with a capital inside a sentence, which are names)."""
    found = re.search(rf"(?<![\w’'-]){re.escape(name)}\b", sentence)
    if found is None:
        return None
    words = sentence[: found.start()].split()
    if not words or words[-1].lower() not in _ROLE_HEADS or not (words[-1].islower() or len(words) == 1):
        return None
    start = len(words) - 1
    while start > 0 and len(words) - start < 3 and _ROLE_WORD.fullmatch(words[start - 1]) is not None and (
            words[start - 1].islower() or (start == 1 and words[0].lower() in _ROLE_OPENERS)
    ) and words[start - 1].lower() not in _ROLE_STOP:
        start -= 1  # a sentence's capitalised first word only when it is a role's ("Chief executive …")
    before = words[start - 1] if start else ""
    owner = ""
    if before and not _role_boundary(before):
        # "Thanou's coach Christos Tzekos", "But Lions chairman Theo Paphitis": whose role, in one word, which
        # opening a sentence must be a name the article writes inside one too (not "Children's author …")
        prior = words[start - 2] if start > 1 else ""
        named = _bare(before) in inside if not prior else _role_boundary(prior) or prior.islower()
        if _ROLE_OWNER.fullmatch(before) is None or before in _NOT_PERSON or before.lower() in ORG_WORDS or not named:
            return None  # "Lib Dem leader", "to force home keeper": not the whole role
        owner = before
    role = words[start:]
    if start == 0 and not (len(role) == 1 and role[0].lower() in _FORMAL_TITLES):
        role[0] = role[0].lower()  # "Coach Andy Robinson" as "coach", but "Mayor Linda Okafor" keeps its title
    return " ".join([owner, *role] if owner else role)


def _bare(word: str) -> str:
    """Return a word without the punctuation after it and its possessive ("Thanou's," → "Thanou")."""
    return re.sub(r"(?:['’]s)?[,;:.!?)\"”’']*$", "", word)


def _role_boundary(word: str) -> bool:
    """Return True when word ends what comes before a role ("said,", "the", "But")."""
    return word.endswith((",", ";", ":", "(", "“", '"')) or word.lower() in _ROLE_LEADS or word in _NOT_PERSON


_ROLE_OWNER = re.compile(r"[A-Z][a-z]+(?:['’]s)?")


def name_the_firm(points: list[str], sentences: list[str], title: str) -> list[str]:
    """Replace an opening "The company", "The firm" or "The group" with the name of the one organisation the
    headline names and the article names most ("The firm reported …" → "Nike reported …"); not when the point
    names that organisation itself ("The group owns 5% of Deutsche") or no one organisation stands out."""
    if not any(_FIRM_OPENING.match(point) for point in points):
        return points  # the article's names are read only when a point needs one
    firm = headline_firm(sentences, title)
    if firm is None:
        return points
    out = []
    for point in points:
        m = _FIRM_OPENING.match(point)
        if m is not None and not re.search(rf"\b{re.escape(firm)}\b", point):
            point = firm + ("’s" if "’" in m.group(2) else "'s" if m.group(2) else "") + point[m.end() :]
        out.append(point)
    return out


def its_owner(point: str, previous: list[str], firm: Callable[[], str | None]) -> str | None:
    """Return a point opening "Its" with the story's organisation (firm(), the one the headline names) in its
    place ("Its shares are down 20%" → "Lenovo's shares are down 20%") when the sentence before names that
    organisation or "the company", "the firm" or "the group", or names no one while the one before it names the
    organisation; None when whose it is stays unclear ("Deutsche Bank's evidence came … Its lawyer told …")."""
    if not _OWNER_BEFORE.match(point) or not point.startswith("Its") or not previous:
        return None
    name = firm()
    if name is None:
        return None
    named = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])")
    last = previous[-1]
    if (named.search(last) or _THE_FIRM.search(last)
            or (len(previous) > 1 and not _mentions(last) and named.search(previous[-2]))):
        mark = "’" if "’" in point else "'"
        return f"{name}{mark}s{point[3:]}"
    return None


def it_owner(point: str, previous: list[str], firm: Callable[[], str | None]) -> str | None:
    """Return a point whose subject is "it" with the story's organisation (firm(), the one the headline names)
    in its place when the sentence before opens on that organisation ("Microsoft has warned PC users … / In its
    monthly bulletin, it flagged eight holes" → "…, Microsoft flagged eight holes"); None otherwise, and for an
    "it" that stands for no one ("It is expected that …", "It was a hard year")."""
    m = _IT_SUBJECT.match(point)
    if m is None or not previous:
        return None
    name = firm()
    if name is None or not re.match(rf"(?:The\s+)?{re.escape(name)}(?![\w-])(?![’']s)", previous[-1]):
        return None
    return point[: m.start("it")] + name + point[m.end("it") :]


def it_said(point: str, previous: list[str]) -> str | None:
    """Return a point that closes on "…, it said." with "it" replaced by the body that speaks in the sentence
    before ("…, Screen Daily said. / Toho expects 40 million viewers, it added." → "…, Screen Daily said."); the
    point unchanged when it does not close so; None when no body spoke just before: the claim is then no one's.
    (The quote extractor's clauses._IT_TAG ends reported words before such a tag, and before "…, a new
    documentary has revealed": the same shape, read there on masked text.)"""
    m = _IT_SAID.search(point)
    if m is None:
        return point
    source = _BODY_SAID.search(previous[-1]) if previous else None
    if source is None:
        return None
    return f"{point[: m.start('it')]}{source.group('body')} said{point[m.end():]}"


_IT_SAID = re.compile(
    r"(?<=[,\-–—\"”] )(?P<it>it) (?:said|added|says|adds|reported|stated)(?=(?: in a statement)?\W*$)"
)
# "…, Screen Daily said.", "…, the Japan Times reported."
_BODY_SAID = re.compile(
    r"(?P<body>(?:[Tt]he\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,3})\s+(?:said|reported|says|reports)\W*$"
)


# "It flagged …", "In its bulletin, it flagged …": "it" as a subject that acts; not the "it" of "It is likely
# that …", "It was a year of …", "It seems …" nor one inside a quotation
_IT_SUBJECT = re.compile(
    r"^(?:[A-Z][^,“”\"]{0,60},\s+)?(?P<it>[Ii]t)\s+(?!(?:is|was|'s|’s|has\s+been|had\s+been|will\s+be|would\s+be"
    r"|could\s+be|may\s+be|might\s+be|must\s+be|seems?|seemed|appears?|appeared|remains?|remained|looks?|looked"
    r"|takes?|took|comes?|came|follows?|followed|emerged|means?|meant|makes?|made|goes|went|gets|got)\b)"
    r"(?:(?:has|had|will|would|also|now|then|could|can|may)\s+)*[a-z]+(?:ed|s)\b"
)


# "the company", "the firm's": the organisation a business story is about, told before
_THE_FIRM = re.compile(r"\b[Tt]he (?:company|firm|group)\b(?![ -](?:of|which|that|who)\b)")


def headline_firm(sentences: list[str], title: str) -> str | None:
    """Return the organisation named in the headline that the article names most often, at least twice and
    once inside a sentence (not "Profits" opening one), if one does; never a place, a people or an acronym of
    two letters ("US", "PC")."""
    counts: dict[str, int] = {}
    inside: set[str] = set()
    for sentence in sentences:
        for m in _mentions(sentence):
            words = m.name.split()
            if (m.person or not words or words[-1].lower() in PLACE_WORDS or _NOT_FIRM.fullmatch(words[-1])
                    or words[-1] in DEMONYMS):
                continue
            if re.search(rf"(?<![\w’'-]){re.escape(m.name)}(?![\w-])", title):
                counts[m.name] = counts.get(m.name, 0) + 1
                if m.start > 0:
                    inside.add(m.name)
    best = sorted(((n, name) for name, n in counts.items() if n >= 2 and name in inside), reverse=True)[:2]
    if not best or (len(best) == 2 and best[0][0] == best[1][0]):
        return None
    return best[0][1]


# "The company said", "The firm's shares", "The group has", "The global sports giant said": not "The group test of
# 100 printers", nor "The rival firm said" or "The cross-party group has"
_FIRM_OPENING = re.compile(
    rf"The (group|(?:(?!(?:{'|'.join(sorted(OTHER_FIRM_WORDS))})\b)[a-z-]+\s+){{0,3}}?"
    rf"(?:{'|'.join(sorted(FIRM_DESCRIPTION_HEADS))}|[a-z]*maker))"
    r"((?:['’]s)?)"
    r"(?=\s(?:[a-z]+(?:s|ed)|is|was|has|had|will|would|could|can|may|might|must"
    r"|should|did|does|didn['’]t|doesn['’]t|won['’]t|also|now|still|said|told|sold|paid|made|bought|lost|won|cut)\b"
    r"|['’]s\s|,\s)"  # "The firm, reporting its first results, said …"
)
# a last word that is no firm's: two capitals ("US", "PC"), a plural ("MPs"), a people or a tongue ("Chinese")
_NOT_FIRM = re.compile(r"[A-Z]{1,2}|[A-Z][A-Za-z]*[A-Z]s|[A-Z][a-z]+(?:ese|ish|ian|ean)")


# "Ford, the US car company, ...": the name is a firm's in this article, whoever else bears it
_FIRM = re.compile(
    r"\b([A-Z][\w-]*[a-z]),\s+(?:the|a|an)\s+(?:(?!(?:of|for|at|in|with|from|by|on)\b)[\w-]+\s+){0,3}?"
    r"(?:company|firm|group|maker|carmaker|giant|bank|airline|chain|retailer|club|side|team|band|network|agency|"
    r"party)\b(?![’'])"  # not "Emma Hardy, an analyst at the bank" nor "Kane, the club's record scorer"
)


# "Indie dance band Kasabian", "media group Reuters": a name right after the kind of body it is
_FIRM_NAMED = re.compile(
    r"\b(?:band|group|firm|company|club|label|carmaker|retailer|airline|bank|broadcaster|network|giant)\s+"
    r"([A-Z][\w-]*[a-z])\b(?!\s+[A-Z]|['’]s)"
)


def _surnames_alone(point: str) -> Iterator[re.Match[str]]:
    for m in _NAMED.finditer(point):
        before = _CAPITAL_BEFORE.search(point[: m.start()])
        if before and m.group(0) == m.group(1) and before.group(1).lower().rstrip(".") not in _INTRODUCERS:
            continue  # part of a longer name: "South American", "Di Pietro"
        if before and before.group(1).lower() in PEERAGE:
            continue  # "Lord Callaghan" is how a peer is named: not "Lord Jim Callaghan"
        if m.group(0) == m.group(1) and _ATTRIBUTIVE.match(point, m.end()) and point[: m.start()].endswith("the "):
            continue  # "the Tomlinson report", "the Hutton inquiry": named after the person, not the person
        yield m


_ATTRIBUTIVE = re.compile(r"\s+[a-z]")


def _other_gender(mention: re.Match[str], name: str) -> bool:
    """Return True when a mention's honorific and a full name's given name tell different genders: "Mrs
    Blair" is not "Tony Blair"."""
    honorific = mention.group(0)[: mention.start("surname") - mention.start()].strip()
    told = _honorific_gender(honorific) if honorific else None
    given = _GENDER_TITLE.get(given_name_gender(name.split()[0]) or "")
    return told is not None and given is not None and told != given


def name_once(
    points: list[str], names: dict[str, str], mentions: Callable[[str], Iterable[re.Match[str]]],
    roles: dict[str, str] | None = None, set_after: dict[str, str] | None = None,
) -> list[str]:
    """Replace, point by point, each mention whose surname (its group "surname") has a full name in names
    that no earlier point has shown; the whole mention ("Mr Dunn") gives way to the full name, once, led by
    the person's role when roles gives one ("Dunn said" → "Councillor Mark Dunn said"), or followed by the
    words set_after gives when the person's verb comes next ("Hasson said" → "Fred Hasson, head of Tiga,
    said")."""
    shown: set[str] = set()
    out: list[str] = []
    for point in points:
        shown |= {surname for surname, name in names.items() if name in point}
        pieces: list[str] = []
        done = 0
        for m in mentions(point):
            surname = m.group("surname")
            if surname in shown or surname not in names or _other_gender(m, names[surname]):
                continue
            if _SHARED_POSSESSIVE.match(point, m.end()):
                continue  # "Mr Pitylak and Mr Trotter's companies": a full name would read as "Pitylak" alone
            name = names[surname]
            role = (roles or {}).get(surname)
            told = point[: m.start()].split()[-1:]  # "chief constable Steve Green": a role of its own
            if role and not point[: m.start()].lower().endswith(role.lower() + " ") and not _CAPITAL_BEFORE.search(
                    point[: m.start()]) and not (told and told[0] in _ROLE_HEADS):
                name = f"{role} {name}" if m.start() else f"{role[:1].upper()}{role[1:]} {name}"
            elif (after := (set_after or {}).get(surname)) and not told and _VERB_NEXT.match(point, m.end()):
                name += after
            pieces += [point[done : m.start()], name]
            done = m.end()
            shown.add(surname)
        out.append("".join(pieces) + point[done:])
    return out


_VERB_NEXT = re.compile(rf"\s+(?:{_SPEECH}|says|told|tells)\b")
_SHARED_POSSESSIVE = re.compile(rf"\s+and\s+(?:(?:{_SURNAME_HONORIFIC})\.?\s+)?[A-Z][\w'’-]+['’]s\b")


def pronoun_of(sentence: str) -> str | None:
    """Return the he/she/they a sentence leans on, if any."""
    m = _LEADING_PRONOUN.match(sentence)
    if m:
        return m.group("p")
    t = _TRAILING_PRONOUN.search(sentence)
    return t.group(2) if t else None


def lead_in(sentence: str) -> str:
    """Return the words before a pronoun ("Although Campese admitted ..., he insisted", 'Read said: "...,"
    he added'), the nearest place its antecedent may be named, without the words of any quotation."""
    m = _LEADING_PRONOUN.match(sentence)
    if m:
        return _QUOTED.sub(" ", m.group("intro") or "")
    said = _TRAILING_PRONOUN.search(sentence)  # 'Read said: "...," he added.'
    return _QUOTED.sub(" ", sentence[: said.start(2)]) if said else ""


_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")


def is_unattributed_quote(sentence: str) -> bool:
    """Return True for a bare quotation: it opens with a quote mark and names no one saying it."""
    if sentence[:1] not in "\"“«„'‘":
        return False
    closing = max(sentence.rfind(c) for c in "\"”»'’")
    return closing <= 0 or len(sentence[closing + 1 :].split()) < 2


# A quotation running over several sentences leaves its first sentence open and its last one unopened:
# 'Roe told the council: "We will fix it.' / 'We will fix it," said Roe.' Each says whole words of one
# speaker, so closing or opening the quotation makes it a point ("we will fix it" is quoted, not invented).
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
    speaker_first = before.rstrip().endswith(":") or _SAYING.search(before) or re.search(r"\bsay\b", before)
    if mark in '"“' and speaker_first and _QUOTED_SENTENCE.fullmatch(after) and len(after.split()) >= 4:
        return sentence + ("”" if mark == "“" else '"')
    if mark in '"”' and before[-1:] in ",.!?…" and len(before.split()) >= 4 and _TRAILING_SPEAKER.match(after):
        return ("“" if mark == "”" else '"') + sentence
    return None


def resolve_pronouns(sentence: str, name: str) -> str:
    """Replace a leading ("He said", "Asked why, he said") or attributing he/she/they by name."""
    m = _LEADING_PRONOUN.match(sentence)
    if m:
        rest = sentence[m.end("p") :]
        if (short := _CONTRACTED_VERB.match(rest)) is not None:
            # "He's now written a book": "'s" is "has" before a past participle, else "is"; never a possessive
            verb = "has" if _PARTICIPLE.match(rest, short.end()) else "is"
            rest = f" {verb}{rest[short.end() - 1:]}"
        return sentence[: m.start("p")] + name + rest
    return _TRAILING_PRONOUN.sub(lambda t: f"{t.group(1)}{name} {t.group(3)}", sentence, count=1)


_CONTRACTED_VERB = re.compile(r"['’]s\s")
# a past participle, maybe after an adverb: "'s now written", "'s been", "'s signed"
_PARTICIPLE = re.compile(
    r"(?:[a-z]+ly\s+|now\s+|just\s+|already\s+|never\s+|also\s+)?(?:been|got|[a-z]+(?:ed|en|wn|ne))\b"
)


_FRAMING = re.compile(
    rf"^(?:[\w’'-]+\s+){{1,6}}(?:comes?|came)\s+(?:as|amid|after)\s+"
    rf"(?=(?:the\s+)?[A-Z][\w ,]{{0,40}}?\s(?:{_SPEECH}|warns?|claims?|accuses?)\b)",
)


# what names who makes a sentence's claim at its end: "..., according to the OECD.", "..., analysts said.",
# "..., the adverts say.", "..., Mr Hale said on Friday."
_CLAIMANT = (
    rf",\s+(?:[\w'’-]+\s+){{1,5}}(?:{_SPEECH}|say|claim|claims|argue|insist|believe|suggest|suggests)"
    r"(?:\s+[\w'’-]+){0,3}"
)
_CLAIMANT_END = re.compile(rf"{_CLAIMANT}[.!?]$")
_CLAIMED_BY = re.compile(rf"\baccording to\b|{_CLAIMANT}[.!?]?$")
# A side clause that must stay: one that says the rest is not so (", which they were not", ", which he
# denies"), or one that says who did it (", which was won by Jonathan Caouette"), which the rest does not.
_KEPT_CLAUSE = re.compile(
    r"^,\s+which\s+(?:[\w'’-]+\s+){1,3}(?:not|never)\b|\b(?:den(?:y|ies|ied)|disput(?:es|ed)|reject(?:s|ed))\b"
    r"|^,\s+which\s+(?:was|were|is|are|has\s+been|had\s+been)\s+[a-z]+\s+by\s+[A-Z]"
)
# "… a call from his agent, who said the family had left.", "… claims in a book, which suggested Mr Blair went
# back on a pledge.": what was said is the news, the call or the book its frame
_SAID_AT_END = re.compile(
    rf"^,\s+(?:who|which)\s+(?:(?:had|has|then|later)\s+)?(?:{_SPEECH}|suggested|suggests|alleged|alleges)\s+"
    r"(?!(?:it|this|that)\s+(?:was|is)\b)"
)
_RELATIVE_MID = re.compile(r",\s+(?:who|which|whose)\s[^,;:“”\"]{3,120}?,\s+(?=[a-z])")
_TRAILING = re.compile(r",\s+(?:which|who|whose|while|although|though|adding|as well as)\s[^;:“”\"]+(?=[.!?]$)")


def shorten(sentence: str, limit: int) -> str:
    """Cut non-restrictive clauses (", who ...,", ", which ...") from a sentence longer than limit words; not one
    that denies or names who did it, tells what someone said, concedes (", although ..."), nor one whose comma
    is not its end (a list or an appositive runs on after it)."""
    if len(sentence.split()) <= limit:
        return sentence
    mid = _RELATIVE_MID.search(sentence)
    if mid is not None and _leaves_open(sentence[: mid.start()]):
        mid = None  # a speaker's own words are never cut: '"The government, which …, took the information …"'
    out = sentence
    if mid is not None and not _KEPT_CLAUSE.search(mid.group()) and not _runs_on(sentence[mid.end() :]):
        out = sentence[: mid.start()] + " " + sentence[mid.end() :]
        mid = None
    trailing = _TRAILING.search(out)
    if mid is not None and trailing is not None and trailing.start() <= mid.start():
        # "The unit, which prints The Sun, the Times and …, have all invested.": the main verb is in the clause
        before, rest = _WORD.findall(out[: trailing.start()]), _WORD.findall(out[trailing.start() :])
        if not FINITE_AUXILIARIES.intersection(before) and FINITE_AUXILIARIES.intersection(rest):
            trailing = None
    if trailing is not None and _leaves_open(out[: trailing.start()]):
        trailing = None
    if len(out.split()) > limit and trailing is not None:
        cut = out[: trailing.start()] + out[trailing.end() :]
        said = out[len(cut.rstrip(".!?")) :]  # ", although ..., according to the OECD": who claims it goes too
        # "… has decided to shut down and.", "Despite being absent from the entry list." (its main clause cut)
        dangling = _CONJUNCTION_END.search(cut) is not None or _SUBORDINATE_ONLY.match(cut) is not None
        # "it was in fact Lund, not Berg, who briefed the papers": a cleft's "who" clause is what it says
        dangling = dangling or (_CLEFT_IT.search(cut) is not None and _WHO_NEXT.match(said) is not None)
        # ", although smaller screens will do": a concession changes what the rest claims
        kept = bool(_KEPT_CLAUSE.search(said) or _SAID_AT_END.search(said) or _CONCESSION.match(said))
        # "… a top 100 list of gadgets, which includes the Walkman at number three": what the list holds
        kept = kept or (_INCLUDES.match(said) is not None and _SPEECH_END.search(cut) is None
                        and len(out.split()) <= _LIST_KEPT)
        if len(cut.split()) >= 8 and not kept and not dangling:
            claimant = _CLAIMANT_END.search(said)
            if claimant is not None and "according to" not in said:
                # "…, while staff get health insurance, the adverts say.": the side clause goes, who says it stays
                out = cut.rstrip(".!?") + claimant.group()
            elif not _CLAIMED_BY.search(said):
                out = cut
    return out


_CLEFT_IT = re.compile(r"\b[Ii]t\s+(?:was|is|were|had\s+been|has\s+been)\s+(?:in\s+fact\s+|not\s+|only\s+)?[A-Z]")
_WHO_NEXT = re.compile(r",\s+(?:who|which|that)\s")
_SUBORDINATE_ONLY = re.compile(
    r"(?:Despite|Although|Though|While|Whilst|After|Before|Because|If|Unless|When|Whenever|Since|Having|Being"
    r"|Following|Without|Amid|Unlike|In\s+spite\s+of)\b[^,]*[.!?]$"
)
_CONJUNCTION_END = re.compile(r"\s(?:and|but|or|nor|so|yet|while|as|because|that)[.!?]?$")
_WORD = re.compile(r"[a-z]+")
_CONCESSION = re.compile(r",\s+(?:although|though|even though)\s")
_LIST_KEPT = 28  # words up to which a sentence keeps what its list includes
_INCLUDES = re.compile(r",\s+which\s+(?:also\s+)?(?:include|includes|included)\s")
_SPEECH_END = re.compile(rf"\b(?:{_SPEECH})[.!?]$")


def _runs_on(rest: str) -> bool:
    """Return True when the words after a comma that seems to close a side clause go on with the clause or a
    list rather than the sentence: "which is a private, non-profit body", "which could mean curfews, tagging
    or bans", "which was bought by Rosneft, a Russian firm", "which publishes The Sun, the Times and …"."""
    words = rest.split()
    if not words:
        return False
    first = words[0].lower()
    if first in ("the", "a", "an", "its", "his", "her", "their") or first.startswith("non-"):
        return True
    return first.endswith(",") or (len(words) > 1 and words[1].lower() in ("or", "and"))


def addresses_reader(point: str) -> bool:
    """Return True when an English point speaks to the reader outside its quotations ("If you are a gadget fan,
    …", "Your computer can now …"), as a feature's opening hook does."""
    return _TO_READER.search(_QUOTED.sub(" ", point).strip()) is not None


_TO_READER = re.compile(r"(?<![\w-])(?:you|your|you're|you've|you'd|you'll)(?![\w-])|^(?:You|Your)\b")


def without_also(sentence: str) -> str:
    """Drop "also" outside quotation marks: a point's "X also praised Y" may lean on what X did before, which
    no point shows; and say "said" for an "added" that tells what someone said ("Cadbury added that …",
    '"…," Shatwan added.'), which leans on words no point may show. A sentence built on "not only ...
    (but) also" keeps its "also"."""
    keep_also = re.search(r"\bnot only\b", sentence, re.IGNORECASE) is not None
    parts = _QUOTATION.split(sentence)
    return "".join(part if i % 2 else _ADDED.sub("said", part if keep_also else _ALSO.sub("", part))
                   for i, part in enumerate(parts))


_QUOTATION = re.compile(r"(\"[^\"]*\"|“[^”]*”|‘[^’]*’|«[^»]*»)")
_ALSO = re.compile(r"(?<!\bbut)\s+also\b(?=\s)")
_ADDED = re.compile(r"\badded(?=\s*:|\s+that\b|[.!?]?$)|(?<=[,”\"] )added\b")


def trim(sentence: str) -> str:
    """Drop a leading dateline, discourse marker or framing clause ("Her visit comes as ...") and capitalize
    the rest."""
    out = _DATELINE.sub("", sentence, count=1)
    if (inverted := _MARKER_SAID.match(out)) is not None:
        # "Instead, said Mr Doctorow, DRM systems were …" → "DRM systems were …, Mr Doctorow said."
        rest, verb = inverted.group("rest"), inverted.group("verb")
        verb = {"added": "said", "adds": "says"}.get(verb, verb)
        out = f"{rest[0].upper()}{rest[1:]}, {inverted.group('who')} {verb}{inverted.group('stop')}"
    out = _DISCOURSE.sub("", out, count=1)
    out = _FRAMING.sub("", out, count=1)
    out = _BARE_MARKER.sub("", out, count=1)  # "Meanwhile Labour backbencher Stephen Pound labelled …"
    out = _SUBJECT_THOUGH.sub(r"\1 ", out, count=1)  # "Williams though blamed …", "Lund however ran": contrast
    out = _THOUGH_ASIDE.sub(r"\g<subject> ", out, count=1)  # "Bath director of rugby Jack Rowell, though, believes …"
    if out is not sentence and (aside := _SAID_ASIDE.match(out)) is not None:
        # "However, he said, now 45% use …" → "Now 45% use …, he said.": the aside goes to the end
        rest, stop = aside.group("rest"), aside.group("stop")
        out = f"{rest}, {aside.group('who')}{stop}"
    if out is not sentence and out:
        out = out[0].upper() + out[1:]
    return _BRACKET_GLUED.sub(" (", out)  # "the British National Party(BNP)": a space lost before a bracket


_BRACKET_GLUED = re.compile(r"(?<=[a-z])\((?=[A-Z])")


# a marker, then who said what follows set off between commas: "Also, said Mr Flynn, Vodafone has …"
_MARKER_SAID = re.compile(
    r"^(?:However|Instead|Also|But|And|Meanwhile|Still|Now|So|Indeed|In addition|Moreover|Yet),\s+"
    r"(?P<verb>said|says|added|adds)\s+(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*[a-z]),\s+"
    r"(?P<rest>[A-Za-z\d][^\"“”]*?)(?P<stop>[.!?])$"
)
_SAID_ASIDE = re.compile(
    rf"^(?P<who>(?:he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+(?:{_SPEECH})),\s+"
    r"(?P<rest>[a-z][^\"“”]*?)(?P<stop>[.!?])$"
)


# a marker with no comma after it, before the words it leans on: "Meanwhile Labour …", "Also on Thursday night, …",
# "Now 45% use …"; not "Now is the time"
_BARE_MARKER = re.compile(
    r"^(?:Meanwhile|Also|Now|Similarly|Likewise)\s+(?!(?:is|was|are|were|has|had|have|will|would|can|could|that|and|or)\b)"
    r"(?=[A-Za-z0-9£$€])"
)
# ", though," set after a long subject that closes on a name: "Bath director of rugby Jack Rowell, though, believes …"
_THOUGH_ASIDE = re.compile(r"^(?P<subject>[^,\"“”]{3,80}?\s[A-Z][\w'’-]+),\s+(?:though|however),\s+(?=[a-z])")
_SUBJECT_THOUGH = re.compile(
    r"^(?!(?:Even|And|But|So|Yet|As|If|Only)\b)((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),?\s+(?:though|however),?\s+"
    r"(?=[a-z])"
)


# "The 31-year-old", "The Olympic champion", "The Swiss star": a point opening with a description of the
# person the article named before has lost its subject as surely as one opening with "He".
_VARIATION_HEADS = PERSON_DESCRIPTION_HEADS
# up to three words naming what a person is, ending with a role ("chief operating officer", "fly-half")
_ROLE_HEADS = PERSON_ROLES | _VARIATION_HEADS | _wordset(
    """officer executive chair editor analyst founder owner agent critic producer writer author designer
    architect correspondent commentator chairman chief councillor"""
)
_ROLE_OPENERS = _ROLE_HEADS | TITLES  # a sentence's capitalised first word that may open a role ("Chief …")
_ROLE_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)*")
# titles written with a capital before a name wherever it stands ("Mayor Linda Okafor", "Chancellor Gordon Brown")
_FORMAL_TITLES = _wordset(
    """president mayor chancellor judge justice senator governor king queen prince princess pope bishop
    archbishop cardinal ambassador commissioner inspector detective sergeant captain colonel general admiral
    lieutenant professor premier sheikh emir"""
)
# what may come before a role: an article, a possessive, a preposition, a verb of saying
_ROLE_LEADS = _wordset(
    "the a an its his her their our says and or with by like including from for of as at"
) | frozenset(_SPEECH.split("|"))
_ROLE_STOP = _ROLE_LEADS | _wordset("to in on that who which is was")
_DEMONYM = re.compile(
    r"(?!Guardian|Christian)[A-Z][a-z]+(?:ian|ean|ese|ish|ican)|Ugandan|Afghan|(?:French|Dutch|Scots|Irish|English"
    rf"|Welsh)(?:man|woman)|{'|'.join(sorted(DEMONYMS - {'Democrat', 'Republican'}))}"
)
_VARIATION_MODIFIER = re.compile(
    r"former|reigning|defending|world|number|double|triple|top|[a-z]+-time|gold|silver|bronze|winning|\d+(?:m|km)?"
    r"|[A-Z][\w-]+"
)
_RANK = re.compile(r"one|two|three|four|five|six|seven|eight|nine|ten|\d+")  # "world number one", "number eight"
_AGE = re.compile(r"(\d{1,3})-year-old")
_VERB_AFTER = re.compile(
    r"(?:[a-z]+ly\s+)?(?:is|was|has|had|will|would|could|can|may|might|must|should|did|does|also|then|now|later"
    r"|still|never|won|lost|made|ran|came|went|set|took|hit|beat|got|threw|left|led|broke|saw|gave|told|kept"
    r"|said|began|became|spent|wrote|found|felt|grew|held|met|paid|sold|stood|thought|fell|drew|sang"
    r"|says|takes|makes|wants|believes|hopes|faces|plays|joins|admits|insists|feels|knows|thinks|remains"
    r"|returns|continues|needs|looks|leads|replaces|heads|goes|gets|comes|becomes|[a-z]+ed)\b(?![’'])"
)


class Variation(NamedTuple):
    """A point's opening description of a person: where it ends, the age and the words it gives."""

    opening: str  # "But " or ""
    end: int
    age: str | None
    described: str  # "Swiss star", "former France manager", "" for an age alone
    possessive: bool


def variation_subject(point: str) -> Variation | None:
    """Find a point's opening description of a person ("The 35-year-old was beaten ...", "The Swiss star
    hit back ...", "The 22-year-old singer's family ..."); None when the point opens otherwise."""
    m = re.match(r"(?:((?:But|And|Yet|So)\s+)[Tt]|T)he\s+", point)
    if m is None:
        return None
    tokens = [(t.group().rstrip(","), m.end() + t.end()) for t in re.finditer(r"\S+", point[m.end() :])]
    age: str | None = None
    i = 0
    if tokens and (a := _AGE.fullmatch(tokens[0][0])):
        age, i = a.group(1), 1
    described: list[str] = []
    head = possessive = False
    closed = i > 0 and point[tokens[0][1] - 1] == ","  # "The 30-year-old, whose contract ..."
    while i < len(tokens) and len(described) < 5 and not closed:
        word = tokens[i][0]
        bare = re.sub(r"['’]s$", "", word)
        is_head = _is_head(bare) or (described[-1:] == ["number"] and bool(_RANK.fullmatch(bare)))
        if not (is_head or (not head and _VARIATION_MODIFIER.fullmatch(bare))):
            break
        described.append(bare)
        head, possessive = is_head, bare != word
        closed = possessive or point[tokens[i][1] - 1] == ","
        i += 1
        if head and not closed and i + 1 < len(tokens) and tokens[i][0] == "and" and _is_head(tokens[i + 1][0]):
            described.append("and")  # "The comic and actor said ...": two words for one person
            head, i = False, i + 1
    if (described and not head) or (not described and age is None):
        return None  # "The European Commission", "The Olympic champion Kelly Holmes": not a description
    end = tokens[i - 1][1]  # i > 0: an age or a description was read
    if point[end - 1] == ",":
        end -= 1  # "The 34-year-old American, seeded eighth, made ...": an apposition follows
    elif not possessive and not _VERB_AFTER.match(point, end + 1):
        return None  # "The European ministers' comments", "The 17-year-old from Devon": not a subject
    return Variation(m.group(1) or "", end, age, " ".join(described), possessive)


def described_speaker(point: str) -> tuple[int, int, Variation] | None:
    """Find a quotation's speaker given by description at a point's end ('"…," said the 22-year-old.', '"…,"
    the Belgian star said.'): where the description starts and ends, and what it says, as variation_subject
    reads it at a sentence's start; None when the point ends otherwise."""
    m = _SAID_BY_DESCRIBED.search(point)
    if m is None:
        return None
    start, end = m.span("d") if m.group("d") else m.span("e")
    found = variation_subject(f"The {point[start + 4 : end]} said.")
    if found is None or found.possessive or found.end != end - start:
        return None
    return start, end, found


_SAID_BY_DESCRIBED = re.compile(
    rf"[,”\"]\s+(?:{_SPEECH})\s+(?P<d>the\s+[\w\s-]+?)\.$|[,”\"]\s+(?P<e>the\s+[\w\s-]+?)\s+(?:{_SPEECH})\.$"
)


def _is_head(word: str) -> bool:
    return word.lower() in _VARIATION_HEADS or bool(_DEMONYM.fullmatch(word))


def _described_by_next(sentence: str, end: int, roles: frozenset[str]) -> bool:
    """Return True when the word after a capitalised run ending at end makes the run a description
    ("Forest manager", "Double Olympic champion"): a role of roles, or what a person is known as."""
    after = sentence[end:].split(maxsplit=2)
    word = after[0].strip(",").lower() if after else ""
    if word == "first" and len(after) > 1 and after[1].lower() not in roles:
        return False  # "Fox first found fame": an adverb, not "First Minister"
    return word in roles or word in _VARIATION_HEADS


_NAMED_AFTER_ROLE = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}?((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]*[a-z])(?=\s+[a-z])")
_OWNED_PERSON = re.compile(r"((?:\s+[a-z][\w-]*){1,3}),?\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]*[a-z]\b")


def _owned_person(sentence: str, end: int, wanted: str | None) -> bool:
    """Return True when a possessive ending at end is followed by a person of theirs and that person's name
    ("Sylvester Stallone's ex-wife Brigitte Nielsen", "Blair's former adviser Alastair Campbell"), who may
    be the one a pronoun asking for wanted means: "she" after "Stallone's ex-wife Brigitte Nielsen" is
    Nielsen, "he" is Stallone. A team, a firm or a side of theirs is no person."""
    found = _OWNED_PERSON.match(sentence, end)
    if found is None:
        return False
    noun = found.group(1).split()[-1].removeprefix("ex-")
    if noun in _KIN:
        return wanted is None or _KIN[noun] == wanted
    return noun in _ROLE_WORDS or noun in PERSON_ROLES


# Kin whose word tells their gender ("Mr" or "Ms"), as a person of someone's ("Blair's wife Cherie Booth").
_KIN = dict.fromkeys(_wordset("wife mother daughter sister widow girlfriend fiancee niece aunt grandmother"), "Ms") | (
    dict.fromkeys(_wordset("husband father son brother widower boyfriend fiance nephew uncle grandfather"), "Mr")
)


_ONE_PER_TEAM = _wordset("coach manager boss captain skipper")


def identifies(found: Variation) -> bool:
    """Return True for a description a reader can tell the person by without a name: a team's one coach,
    manager or captain ("The Scotland coach", "The Celtic manager")."""
    words = found.described.split()
    return len(words) >= 2 and words[-1] in _ONE_PER_TEAM and any(w[:1].isupper() for w in words[:-1])


def name_variation(point: str, found: Variation, name: str) -> str:
    """Put name in place of the description variation_subject found, keeping what it says of the person:
    "The Swiss star hit back" → "Swiss star Federer hit back", "The 35-year-old was" → "Holmes, 35, was"."""
    if found.possessive:
        subject = name + ("’s" if "’" in point[: found.end] else "'s")
    else:
        described = found.described  # one word ("The player", "The Swede") says too little to keep
        subject = f"{described[:1].upper()}{described[1:]} {name}" if " " in described else name
        if found.age:
            subject += f", {found.age}" + ("" if point[found.end :].startswith(",") else ",")
    return found.opening + subject + point[found.end :]


def pronoun_for(point: str, previous: list[str]) -> str | None:
    """Return "he" or "she" for the person a point describes: the first pronoun the point holds ("The
    31-year-old won on her debut"), else the one that opens a sentence just before it; None if neither."""
    m = re.search(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", point, re.IGNORECASE)
    if m:
        return "he" if m.group(1) else "she"
    for sentence in reversed(previous[-2:]):
        lead = _LEADING_PRONOUN.match(sentence)
        if lead and lead.group("p").lower() != "they":
            return lead.group("p").lower()
    return None


def pronoun_by_name(previous: list[str], described: str = "") -> str | None:
    """Return "he" or "she" for the one person whose honorific or given name tells a gender in the nearest
    sentence that names such a person ("Euan Murray has been named …"), else None: what a point's opening
    description ("The Glasgow forward's ban …") may be checked against. Two such people tell nothing, nor
    does one the sentence gives another role than the description's ("boss Steve McClaren", "The winger")."""
    for sentence in reversed(previous[-3:]):
        genders = _known_genders([sentence])
        if not genders:
            continue
        if len(genders) > 1:
            return None
        surname, title = genders.popitem()
        role = re.search(rf"\b([a-z][\w-]*)\s+(?:[A-Z][\w'’-]+\s+)?{re.escape(surname)}\b", sentence)
        head = described.split()[-1].lower() if described else ""
        if role is not None and role.group(1) in _ROLE_HEADS and role.group(1) != head:
            return None
        return {"Mr": "he", "Ms": "she"}[title]
    return None


def described_person(previous: list[str], pronoun: str | None) -> str | None:
    """Return the surname of the person a point's opening description stands for ("The 31-year-old ..."):
    the one person the nearest sentence naming anyone names ("... has signed Roma defender Vincent
    Candela"). When it names several, only the gender of pronoun ("he", "she") may pick one; else None,
    since a description follows a subject as often as an object ("Federer beat Karlovic. The Swiss ...").
    A sentence that speaks of the person already ("He closed the show", "The Briton ...", "... want £6m
    for the midfielder") passes the question back to the one before."""
    wanted = _wanted(pronoun)
    known = {_surname(m.name) for text in previous for m in _mentions(text) if m.person} - {""}
    for k in range(len(previous) - 1, max(-1, len(previous) - 5), -1):
        sentence = previous[k]
        if sentence[:1].islower() or sentence[:1] in ",;:" or _PERSON_PRONOUN.search(_quoted(sentence)):
            return None  # its subject was lost; 'Andrew said: "He's fine"': the one described is spoken of
        if is_unattributed_quote(sentence) or _LEADING_PRONOUN.match(sentence) or variation_subject(sentence):
            continue
        if _DESCRIBED.search(sentence):
            continue  # "Blackburn want £6m for the midfielder": named before
        people: dict[str, str | None] = {}
        for m in _mentions(sentence):
            who = sentence[m.end :].split(maxsplit=1)[:1] == ["who"]  # "... fell to Gudjohnsen who ..."
            surname = _surname(m.name) if m.person or m.name in known or who else ""
            if surname and sentence.startswith(("'s", "’s"), m.end):
                return None  # "... Janet Jackson's performance": a thing of someone's, who may be meant
            if surname and not _described_by_next(sentence, m.end, _ROLE_WORDS):
                people.setdefault(surname, _GENDER_TITLE.get(m.gender or ""))
        if not people:
            continue
        if len(people) == 1:
            return next(iter(people))
        fitting = [name for name, gender in people.items() if wanted and gender == wanted]
        return fitting[0] if len(fitting) == 1 else None
    return None


# "the 21-year-old", "the Wasps striker": a person named before, spoken of again
_DESCRIPTION = rf"the\s+(?:[\w-]+\s+)?(?:\d{{1,3}}-year-old|{'|'.join(sorted(_VARIATION_HEADS))})"
_DESCRIBED_SPEAKER = re.compile(rf"[,“”\"]\s*{_DESCRIPTION}\s+(?:{_SPEECH})\b")  # '"...," the 21-year-old said'
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.IGNORECASE)
_DESCRIBED = re.compile(rf"\b{_DESCRIPTION}\b(?!\s+[A-Z])")


def _quoted(sentence: str) -> str:
    """Return the words of sentence inside its quotation marks (all after a mark left open), so that the
    "he" of '"I'm looking forward to it," he said.' is the speaker's and not one spoken of."""
    parts = re.split(r"[\"“”]", sentence.replace("''", '"'))
    return " ".join(parts[1::2])
