"""The phrase patterns of attribution: names, noun phrases, subjects, cues and clause boundaries."""

from __future__ import annotations

import re

from bot.nlp.quotes.lexicon import (
    PARTICIPLES,
    PHRASE_CUES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECT_FILLERS,
    word_list,
)
from bot.nlp.quotes.segment import MASK


def alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """Return a regex group matching any of words, longest first (a group, so what follows binds to all)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


# "a think tank" names a group, not an act of thinking; "a bank named after a lake" tells what it is called
CUE = re.compile(rf"(?<![\w’'-])(?:{alternation(PHRASE_CUES)}|[Aa]ccording to|{alternation(SPEECH_VERBS)})(?![\w’'-])"
                 r"(?!\s+tanks?\b)(?!(?<=named)\s+(?:after|for)\b)"
                 # "report daily to a police station": turning up somewhere, not a report
                 r"(?!(?<=report)\s+(?:(?:daily|weekly|regularly|back|in)\s+)?to\s+(?:a|an|the|his|her|their)\s)")
NAME_TOK = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.|[A-Z](?:[\w’'&-]|\.(?=[\w-])|/(?=[A-Z]))*)"  # "InStat/MDR"
NAME = rf"(?:(?:[Tt]he\s+)?{NAME_TOK}(?:\s+(?:(?:of(?:\s+the)?|for|the|de|van|von|al)\s+)?{NAME_TOK})*)"
DET = (r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal"
       r"|[Oo]ther|[Bb]oth|[Tt]hese|[Tt]hose|[Tt]his|[Tt]wo|[Tt]hree|[Ee]ach|[Aa]nother|[Aa]ll)")
ROLE = rf"(?:{alternation(ROLE_NOUNS)})"
POSS = rf"(?:{NAME}[’']s?)"
PAREN = r"(?:\s*\([^()\n]{1,30}\))?"
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|hundred)"
# "two in three", "nine out of 10", "three-quarters": a part of a group of people
SHARE = (rf"(?:\d[\d,.]*\s*(?:percent|%)|[Hh]alf|[Mm]ost|[Mm]any|(?:[A-Z]?[a-z]+|\d+)\s+(?:in|out\s+of)\s+{_COUNT}"
         r"|[A-Z]?[a-z]+-(?:thirds|quarters|fifths)|(?:[Aa]|[Tt]he)\s+majority)(?:(?:\s+of)?(?:\s+[\w’'-]+){1,4}?)?")
# "two-thirds support a ban", "40 percent support Roe": an object after the share makes its noun a verb
SHARE_VERB_OBJECT = re.compile(r"\s+(?:(?:a|an|the|his|her|their|its|this|these|those)\s|[a-z]+ing\b|[A-Z][a-z])")
# "Roe has 41 percent support", "with 40 percent support": a share someone holds is a figure
SHARE_OWNER = re.compile(r"\b(?:has|have|had|with|at|of|to|won|wins|got|gets|drew|draws|earned|earns)\s+"
                         r"(?:(?:about|nearly|almost|roughly|only|just|over|under)\s+)?$")
# a share standing alone as a subject: "About 9 percent said …", "nine in 10 say …"
BARE_SHARE = re.compile(rf"(?:percent|%|\b(?:in|out\s+of)\s+{_COUNT}|-(?:thirds|quarters|fifths)|majority)$")
# "US government agencies", "G20 finance ministers": one capitalised word and nouns before the role noun (not "Mr
# Clarke won over critics", "Cairn after the company", "How dare people")
_QUALIFIED = (rf"(?<![\w’'-]){NAME_TOK}\s+(?:(?!(?:the|a|an|after|before|over|under|with|from|and|or|but|his|her|its|"
              rf"their|this|that|these|those|dare|said|says|told|won|argues|month|week|year)\b)[a-z][a-z-]*(?<!ed)\s+)"
              rf"{{1,2}}?{ROLE}(?![\w’'-])")
NP = (rf"(?:(?:{DET}|{POSS})\s+(?:[\w’'-]+\s+){{0,4}}?{ROLE}|(?<![\w-]){ROLE}|{SHARE}|{NAME}\s+{ROLE}(?![\w’'-])"
      rf"|{_QUALIFIED}|{NAME}{PAREN}(?:[’']s\s+(?:[\w-]+\s+){{0,2}}?{ROLE})?)")
PRON = (r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou|who|[Aa]nother|[Oo]thers|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal"
        r"|[Bb]oth|[Ff]ew|[Hh]alf)(?![\w’'-])")
COORD = rf"(?:\s+and\s+(?:{NP}|{PRON}|{DET}\s+[\w’'-]+\s+{NAME}))?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
# "Roe on Tuesday said", "Roe last week told": a time phrase between a subject and its verb
TIME_FILL = (rf"(?:(?:on|late|early|earlier)\s+)?(?:{_DAY}|(?:last|this|earlier|late)\s+"
             rf"(?:week|month|year|night|{_DAY}))(?:\s+(?:morning|afternoon|evening|night))?,?")
# "is expected to say", "has been reluctant to endorse", "seems to feel": a verb chain before the cue
CHAIN = (r"(?:(?:is|was|are|were|be|been|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
         r"(?:expected|likely|set|going|scheduled|reluctant|unwilling|willing|eager|ready|able|about|quick|careful)"
         r"|seems?|seemed|appears?|appeared|tried|tries|try|began|begins?|continues?|continued|hopes?|hoped"
         r"|needs?|needed|declined|declines?|refused|refuses?|wants?|wanted|plans?|planned|sought|seeks?"
         r"|go(?:es)?\s+on|went\s+on)\s+to")
# ", however,", ", for their part,": a set-off adverb between a subject and its verb
ASIDE = r",\s+(?:however|though|too|meanwhile|instead|in turn|in fact|for (?:his|her|their|its|our) part),"
FILL = rf"(?:\s+(?:{alternation(frozenset(SUBJECT_FILLERS) | {'twice'})}|[a-z]+ly|{TIME_FILL}|{CHAIN})|{ASIDE})*"
# the subject right before a cue: "Ms. Choe", "the West", "Rich Heffley, a top operative,", "he also"
SUBJ_LEFT = re.compile(
    rf"(?<![\w’'-])(?P<subj>{PRON}|{NP}{COORD})(?P<appos>(?:,[^,{MASK}\n]{{2,160}}){{1,3}},|\s+(?:—|--)[^—{MASK}\n]{{2,160}}(?:—|--)"
    rf"|\s+[-–]\s(?:(?!\s[-–—]\s)[^{MASK}\n]){{2,160}}\s[-–]|,)?{FILL}\s+$"
)
# a word inside a generic subject: no conjunction, relative, auxiliary or "to" ("The city had" is "The city"
# and "had", "The group continues to" is "The group" and a verb chain)
PLAIN = (r"(?!(?:and|but|or|that|who|which|what|as|than|is|was|are|were|be|been|has|have|had|will|would|can"
         r"|could|may|might|must|should|shall|do|does|did|not|to)\b)[\w’'-]+")
GENERIC_SUBJ = re.compile(
    rf"(?<![\w’'-])(?P<subj>(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)(?:\s+{PLAIN}){{1,4}}"
    rf"(?:\s+(?:of|for|with|from|at|in)(?:\s+{PLAIN}){{1,3}})?){FILL}\s+$"
)
CORE_VERBS = frozenset(word_list(
    "said says say told tells added adds wrote writes reported reports argued argues noted notes explained "
    "explains claimed claims stated states warned warns concluded concludes found finds showed shows"
))
# the subject right after an inverted cue: "…,” said Mr. Rudenko, the deputy minister."
SUBJ_RIGHT = re.compile(rf"\s+(?P<subj>{PRON}|{NP})")
# "…,” said a New Hampshire Republican, who …": after a quotation, the phrase up to a comma is the source
# abbreviations whose period does not end the phrase: "…,” said Ms. Vogt at a press conference.
_ABBREV = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Jr", "Sr")
_NOT_AFTER_ABBREV = "".join(rf"(?<!\b{a})" for a in _ABBREV)
_INITIAL = r"(?<![\w'’-])[A-Z]\.(?=\s+[A-Z])"  # "said Mr R. Sridharan, vice president …": an initial
LOOSE_RIGHT = re.compile(rf"\s+(?P<subj>(?:[A-Z]|(?:a|an|the|one|another|former|longtime)\s"
                         rf"|(?:[a-z]+\s+){{1,3}}(?=[A-Z]))(?:(?:{'|'.join(_ABBREV)})\.|{_INITIAL}|[^,.;:\n{MASK}]){{1,80}}?)"
                         rf"(?=\s*(?:{_NOT_AFTER_ABBREV}\.(?!(?<=\b[A-Z]\.)\s+[A-Z])|[,;:]|$"
                         rf"|\s(?:in|on|at|during|of|about|after|before|when|while)\b))")
ADJUNCT = re.compile(
    r"\s*(?:(?:on|in|at|during|last|this|earlier|late|early|after|before|to|via|from|with|through)\b"
    # "on Friday", not "on Friday that the striker was fit": a clause of reported speech is no adjunct
    r"(?:(?!\sthat\s+(?:the|an?|he|she|it|they|we|I|there|his|her|its|their|[A-Z]))[^,.;:\x01]){0,60}?"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)?"
    r"\s*(?=[.!?]|,\s*(?:adding|noting|saying|and|while|before|after|as|in|according|but|who|which)\b|$)"
)
# the last few words before a cue, back to a clause break: "security specialists say", "47 percent said"
_OPENERS = r"(?:and|but|or|while|as|because|though|although|when|if|since|so|that|after|before|where)"
_BREAK = rf"(?:^|(?<=[,;:(—–\x01])|(?<=\s)(?={_OPENERS}\s))"
LOOSE_LEFT = re.compile(
    rf"{_BREAK}\s*(?:{_OPENERS}\s+)?(?P<subj>[\w’'.%-]+(?:\s+[\w’'.%-]+){{0,5}}?){FILL}\s+$"
)
SUBJ_START = re.compile(rf"(?P<subj>{PRON}|{NP}{COORD})(?=[\s,])")
PARTICIPLE_CUE = re.compile(
    rf"(?:,|(?<={MASK})|\s+(?:before|after|while|when))\s+(?:[a-z]+ly\s+)?(?:{alternation(PARTICIPLES)})\b"
)
# "…?” a staffer in the room wondered.": whatever short phrase sits between a quote and its cue
LOOSE_SUBJ = re.compile(
    rf"{MASK},?\s+(?P<subj>(?:[A-Z]|(?:a|an|the|one|another|former|longtime)\s|(?:[a-z]+\s+){{1,3}}(?=[A-Z]))"
    rf"[^{MASK};\n]{{1,90}}?),?\s+$"
)
COLON_QUOTE = re.compile(rf"(?<![\w’'-])(?P<subj>{NAME_TOK}(?:\s+{NAME_TOK}){{0,3}}):\s*(?={MASK})")
# "Lund was more guarded in his assessment: “…”": the words the subject's own verdict names before a quotation
VERDICT_COLON = re.compile(
    rf"\b(?:his|her|their)\s+(?:[a-z]+\s+)?(?P<noun>assessment|verdict|response|reply|view|answer|prediction|"
    rf"explanation|reaction):\s*(?={MASK})"
)
# "…, new fundraising reports show": lowercase modifiers between a comma and the head of a trailing source
MODIFIERS = re.compile(r",\s+((?:[\w’'-]+\s+){1,3})$")
TITLE_PREFIX = re.compile(rf"[,{MASK}]\s+((?:[\w’'.-]+\s+){{1,4}})$")
CLAUSE_STOP = re.compile(
    r"\s+(?:—|--|–)\s+|,?\s+and\s+(?:(?:has|have|had)\s+)?(?:then\s+|also\s+|later\s+)?(?:\w+ly\s+)?[a-z]{3,}ed\s+"
    r"(?!by\b|to\b|in\b|on\b)"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=,|\s*$)"
    rf"|(?:,|(?<={MASK}))\s+(?:(?:he|she|they|it|we|I|{NAME}|(?:some\s+|many\s+|other\s+)?(?:analysts|observers|officials"
    rf"|experts|critics|economists|traders|sources))\s+)?(?:(?:{alternation(frozenset(SUBJECT_FILLERS))})\s+)*"
    rf"(?:{alternation(frozenset(v for v in SPEECH_VERBS if not v.endswith('ing')))})\b"
)
# what the words set off, told by the narrator: "…, prompting unions to threaten action", "…, in a move
# branded a retreat by the Tories"; unless the words foretell it ("it will cut the incentive, leading to more
# crashes": HEDGED)
SET_OFF = re.compile(
    r",\s+(?:prompting|sparking|triggering|raising\s+(?:hopes|fears|concerns|questions)|fuell?ing|reviving|dashing"
    r"|leading\s+to|in\s+a\s+move\s+(?:that|which|branded|described|seen))\b"
)
HEDGED = re.compile(r"\b(?:will|would|may|might|could|can|should)\b")
# "In a poll released Monday, 50 percent …": a document or poll named in an opening phrase is the source
IN_SOURCE = re.compile(
    r"[Ii]n\s+(?P<subj>(?:an?|the|his|her|their|its|[A-Z][\w’'.&/-]*)\s+(?:[^,;\x01]{0,60}?\s)?"
    r"(?:poll|survey|report|study|statement|interview|letter|memo|op-ed|tweet|post|speech|analysis|filing"
    r"|email|e-mail|editorial|column|book|essay|video|ad|release|document|documents|ruling|opinion|data)s?\b"
    r"[^,;\x01]{0,60}?),\s+"
)
STATEMENT = re.compile(r"\b(?:statement|remarks|message|letter|post|tweet)\b")
HEADLINE = re.compile(rf"(?!The\s)(?P<subj>{NAME_TOK}\s+{NAME}):\s+(?=\S)")
# "Graham: Trump's rhetoric is hateful" — one name and a colon opening a paragraph
SHORT_HEADLINE = re.compile(r"(?P<subj>[A-Z][a-z][\w’'-]+(?<!ing)(?<!ed))(?:\s+(?:to|on)\s+[A-Z][^:\n\x01]{0,60}?)?"
                            r":\s+(?=[A-Z\x01‘'])")
# "… took 6 percent in a Washington Post-ABC News poll released Sunday.": a poll closing the sentence
TRAILING_POLL = re.compile(
    r"\s+in\s+(?P<subj>(?:an?|the|its|their|our|[A-Z][\w’'.&/-]*)\s+(?:[^,;:\x01.]{0,70}?\s)?"
    r"(?:polls?|surveys?|study|analysis|average)\b(?:\s+(?:released|conducted|taken|"
    r"published|out|from|of|by)\b[^,;:\x01]{0,50}?)?)(?=\s*(?:[.;!?]|,|$))"
)
# "Roe leads Lee in the polls": a standing that only a poll can report, so an unnamed poll still is its source
STANDING = re.compile(r"\b(?:leads?|led|leading|ahead|behind|trail(?:s|ed|ing)?|percent|points|tied)\b|%")
ADJUNCT_HEADS = frozenset(word_list(
    "on in at during last this earlier late early after before to via from with through of about as when while "
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight recently"
))
ADJUNCT_THAT = re.compile(r"\s*(?:(?:on|in|at|during|last|this|earlier|late|early|to|via|from|with|through|after"
                          r"|outside|inside|near|by|for|over"
                          r"|before|again|also|publicly|repeatedly|recently|yesterday|today|Monday|Tuesday|Wednesday|Thursday"
                          r"|Friday|Saturday|Sunday)\b"
                          r"[^,.;:\x01]{0,70}?\s+)?(?=that\b)")
# "said Thursday during a town hall in Buffalo, New York, that …": a longer adjunct closed by a comma
ADJUNCT_THAT_LONG = re.compile(r"\s*(?:(?:on|in|at|during|last|this|earlier|to|via|from|with|through|after|before"
                               r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b"
                               r"[^.;:\x01]{0,140}?,\s+)(?=that\b)")
# "said in a statement Thursday they …", "told CNN on Sunday the …": a medium phrase before a bare clause
ADJUNCT_CLAUSE = re.compile(
    r"\s*(?:(?:in|on|at|during|via|to)\s+(?:(?:an?|the|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:statement|interview|interviews|email|e-mail|letter|speech|tweet|tweets|post|video|call|conversation|"
    r"release|remarks|appearance|briefing|conference|rally|hearing|Twitter|Facebook|Instagram|television|radio|"
    r"[A-Z]{2,5})(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?"
    rf"(?:\s+{TIME_FILL})?|{TIME_FILL}),?\s+"
    r"(?=(?:he|she|they|it|we|I|there|the|his|her|their|its|this|these|[A-Z][a-z]+)\s)"
)
# "to rally members", not "to reporters": an infinitive after a verb is its content
INFINITIVE = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those|reporters"
                        r"|journalists|me|him|them|us|you|supporters|voters)\b)[a-z]+\b")
AND_CUE = re.compile(
    rf"\s+(?:and|but)\s+(?:{alternation(frozenset(SUBJECT_FILLERS))}\s+)*(?={alternation(SPEECH_VERBS)}\b)"
)
# ", and he railed against …": a coordinated clause whose subject is a personal pronoun
NEW_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?:he|she|they)\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+|also\s+)?"
                        r"(?!(?:is|was|are|were|would|will|could|can|should|might|may|must|has|have|had|does|do|did)\b)"
                        r"[a-z]+ed\b")
# ", falsely suggesting", "… as weak and suggesting": what sets a participle apart from the noun before it
DETACHED = re.compile(r"(?:,|\band)\s+(?:[a-z]+ly\s+)?$")
# "…, though she acknowledged …", "… and Democrats accused …": a second attribution with a subject of its own
# "about 6 cents", "another $2 million", "300 jobs": an amount that "add" puts to a total
AMOUNT = re.compile(r"(?:(?:about|nearly|almost|roughly|around|another|only|just|some|over|up\s+to|more\s+than"
                    r"|less\s+than)\s+)?[$€£]?\d")
# "is promising", "was increasingly wary of": a form of "be" before a cue of attitude ("is not opposed" is none)
BE_BEFORE = re.compile(r"\s(?:is|was|are|were|been|am)(?:\s+(?:also|still|now|already|[a-z]+ly))?\s+$")
# a verb of a clause of its own: "30 people had been arrested", "2,000 jobs will go"
FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|will|would|could|can|may|might|must|should)\b")
# "as he remembered it,", "as Reuters reported.": what may follow the cue of an "as" clause, which has no content
AS_OBJECT = re.compile(r"\s*(?:(?:it|them|this|that)\b\s*)?(?:[,.;:!?)—–]|$)")
SECOND_CUE = re.compile(
    rf"(?:,|\s+[-–—])?\s+(?:and|but|though|although|while|whereas|as)\s+(?:he|she|they|we|I|{NP})(?:\s+(?:in|at|from)\s+[A-Z][\w-]+)?\s+"
    rf"(?:(?:{alternation(frozenset(SUBJECT_FILLERS))})\s+)*"
    rf"(?:{alternation(frozenset(v for v in SPEECH_VERBS if not v.endswith('ing')))}"
    rf"|(?:is|are|was|were)\s+(?:{alternation(frozenset(v for v in SPEECH_VERBS if v.endswith('ing')))}))\b"
    r"(?!\s+(?:it|them)\s*(?:[,.;:!?)—–]|$))"  # "… exactly as he remembered it, down to …" goes on
)
# "with former Gov. Dana Roe calling …", "about Roe saying …": a name as the subject of a participle
NAMED_PARTICIPLE = re.compile(
    rf"(?:^|\b(?:with|about|of|after|as)\s+)(?:[a-z]+\s+)?(?P<subj>{NAME})\s+$|\bwith\s+(?P<share>{SHARE})\s+$"
)
REL_BEFORE = re.compile(
    rf"(?:^|\s)(what|as|As|than(?!\s+(?:\d|{_COUNT}\b|half\b|a\s+(?:third|quarter|majority)\b))|how|whom)\s+(?:{PRON}|{NP})(?:\s+(?:{alternation(frozenset(SUBJECT_FILLERS))}))*\s+$"
)
OBJECT_PRONOUN = re.compile(rf"\s*(?:him|her|them|us|me|reporters|voters|supporters)\s*,?\s*(?={MASK})")
LEAD_FILLER = re.compile(r"^(?:[,:;—–-]|\s)+")
THAT = re.compile(r"(?<![\w’'-])that(?![\w’'-])")
# a named addressee with what names it further: "BBC Radio 4's Today programme", "the BBC News website", "BBC 6
# Music"
_NAMED_ADDRESSEE = (
    rf"{NAME}(?:\s+\d+(?:\s+[A-Z][\w’'-]*)?)?(?:[’']s\s+{NAME})?(?:\s+(?:news\s+)?(?:website|programme|program|newspaper|paper|"
    r"magazine|radio|station|channel|show|agency|service|conference|committee|summit|meeting|audience))?"
)
OBJECT = re.compile(rf"\s*(?!(?:of|about|on|against|to|that|for)\b)(?:{_NAMED_ADDRESSEE}|(?:{DET}\s+)?[\w’'-]+)")
ENDPUNCT = " \t\n.,;:!?—–-"
# whom a verb of telling addresses: "reporters", "Ms Roe", "BBC Radio 4's Today programme"
OBJECT_AFTER_TELL = re.compile(
    rf"\s+(?:{_NAMED_ADDRESSEE}|reporters|journalists|supporters|the crowd|an? [\w-]+ [\w-]+)(?=[.,\s]|$)"
)
