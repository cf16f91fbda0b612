"""Word lists for quote attribution: speech and opinion verbs, titles, honorifics, role nouns, pronouns."""

from __future__ import annotations

import re


def word_list(words: str) -> list[str]:
    """Split a whitespace-separated word list."""
    return words.split()


def verb_forms(base: str) -> set[str]:
    """Return the inflected forms of a regular verb given as "base|past|3sg|ing" or a bare base."""
    parts = base.split("|")
    if len(parts) == 4:
        return set(parts)
    stem = parts[0]
    if stem.endswith("e"):
        return {stem, stem + "d", stem + "s", stem[:-1] + "ing"}
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return {stem, stem[:-1] + "ied", stem[:-1] + "ies", stem + "ing"}
    if stem.endswith(("sh", "ch", "ss", "x")):
        return {stem, stem + "ed", stem + "es", stem + "ing"}
    return {stem, stem + "ed", stem + "s", stem + "ing"}


# Verbs whose clause or object is what the subject said, wrote or holds; irregular ones spelled out.
_SPEECH = word_list("""
say|said|says|saying tell|told|tells|telling write|wrote|writes|writing think|thought|thinks|thinking
know|knew|knows|knowing tweet|tweeted|tweets|tweeting admit|admitted|admits|admitting
add stress warn note explain insist argue claim state declare ask continue reply respond announce suggest
acknowledge confirm deny predict report recall observe emphasize emphasise concede maintain contend assert
allege complain charge counter caution promise pledge vow urge believe hope fear expect estimate conclude
reveal agree mention joke boast lament speculate worry assure remind wonder question accuse
criticize criticise describe praise blame remark signal hint proclaim testify post insist retort muse
slam|slammed|slams|slamming quip|quipped|quips|quipping brag|bragged|brags|bragging
acknowledge underline reiterate repeat point|pointed|points|pointing demand
threaten|threatened|threatens|threatening propose recommend dismiss reject doubt guess
imply|implied|implies|implying lament announce call|called|calls|calling
predict disclose concede characterize characterise label brand blast attack defend endorse
cite insist acknowledge feel|felt|feels|feeling show|showed|shows|showing find|found|finds|finding
indicate|indicated|indicates|indicating plan|planned|plans|planning want|wanted|wants|wanting
read|read|reads|reading
request decline commend credit hail challenge plead oppose support favor favour reject condemn applaud
welcome advocate dispute denounce deride mock tout promote seek|sought|seeks|seeking refuse lambaste decry
name|named|names|naming
disagree offer|offered|offers|offering express|expressed|expresses|expressing acknowledge recommend
announce blast predict forecast|forecast|forecasts|forecasting project|projected|projects|projecting
estimate conclude suspect vow swear|swore|swears|swearing answer press bemoan interject chime
blare chant shout scream yell exclaim roar intone fume remember riff sing|sang|sings|singing elaborate
comment confide thank retweet quote
blog|blogged|blogs|blogging
back prefer|preferred|prefers|preferring decide view discuss highlight echo|echoed|echoes|echoing compare
identify|identified|identifies|identifying list consider learn see|saw|sees|seeing
recognize recognise encourage convince persuade champion embrace assail deem recount voice portray
congratulate reference chastise rebuke scold fault understand|understood|understands|understanding
rule order|ordered|orders|ordering
release expose document publish detail ignore accept
""")

# finite auxiliaries and modals: after a subject, its verb ("The Tories, he said, can cut …")
FINITE_AUXILIARIES = frozenset(
    word_list("is are was were has have had will would could can should may might must did does")
)

# forms of the verbs above that are mostly adverbs or nouns ("came back", "his views")
# verbs that say nothing but that words were said
PLAIN_SAYING = frozenset(word_list("said says say told tells added adds announced stated warned insisted claimed"))
_NOT_CUES = frozenset(word_list("back view views list lists name names"))

SPEECH_VERBS: frozenset[str] = frozenset(f for b in _SPEECH for f in verb_forms(b)) - _NOT_CUES

# Verbs that take a person object before the clause ("told reporters that", "assured allies").
OBJECT_VERBS: frozenset[str] = frozenset(
    f for b in word_list("tell|told|tells|telling assure remind warn urge ask "
                         "inform|informed|informs|informing")
    for f in verb_forms(b)
)

# Verbs that need an explicit clause or quote to count: their bare object is rarely speech.
WEAK_VERBS: frozenset[str] = frozenset(
    f for b in word_list("state continue maintain feel|felt|feels|feeling pledge charge "
                         "seek|sought|seeks|seeking answer find|found|finds|finding respond counter "
                         "read|read|reads|reading post repeat signal point|pointed|points|pointing rule")
    for f in verb_forms(b)
)

# Weak verbs that still report a stance when an infinitive follows ("sought to rally", "pledged to veto").
INFINITIVE_VERBS: frozenset[str] = frozenset(
    f for b in word_list("seek|sought|seeks|seeking pledge") for f in verb_forms(b)
)

# Verb forms that are as often nouns ("a talk show", "his support"): they need a recognised subject.
NOUN_LIKE: frozenset[str] = frozenset(word_list("""
    show shows support supports promise promises plan plans press call calls called dispute disputes praise
    fear fears demand demands question questions attack attacks charge charges offer offers project projects
    record tweet tweets post posts blog quote quotes comment comments answer answers reply challenge
    challenges label labels brand brands credit favor favour welcome decline declines signal signals concern
    concerns state states read reads point points find finds vow vows pledge pledges request requests thank
    thanks proposed opposed backed""")
)


# Adjectives of attitude that report a stance after "is", "are", "was", "were" ("are wary of the deal").
ATTITUDE_CUES: tuple[str, ...] = tuple(
    f"{adj} {prep}" for adj, preps in (
        ("concerned", "about that"), ("worried", "about that"), ("skeptical", "of about"), ("sceptical", "of about"),
        ("wary", "of"), ("critical", "of"), ("supportive", "of"), ("confident", "that"), ("convinced", "that"),
        ("optimistic", "about that"), ("pessimistic", "about"), ("hopeful", "that"), ("unhappy", "with about"),
        ("frustrated", "with by"), ("opposed", "to"), ("afraid", "of that"), ("proud", "of"),
        ("dissatisfied", "with"), ("satisfied", "with"), ("disappointed", "in with by that"), ("eager", "to"),
        ("enthusiastic", "about"), ("uneasy", "about"), ("fond", "of"), ("tired", "of"), ("angry", "about at with"),
        ("interested", "in"), ("confident", "in"),
    ) for prep in preps.split()
)

def _phrasal(*entries: str) -> list[str]:
    """Return every form of phrasal cues given as "form|form|… particle…" ("rail|railed against")."""
    out: list[str] = []
    for entry in entries:
        forms, rest = entry.split(" ", 1)
        out.extend(f"{form} {rest}" for form in forms.split("|"))
    return out


# Multi-word cues that work like a speech verb.
PHRASE_CUES: tuple[str, ...] = (
    "made it clear", "make it clear", "makes it clear", "made clear", "pointed out", "points out",
    "went on to say", "goes on to say", "spoke of", "talked about", "took to Twitter to say", "put it",
    "talked of", "referred to", "refers to", "worded it", "referring to", "talking about", "talks about",
    "spoke about", "speaks about", "spoke out", "focused on", "pointed to", "points to", "called on", "calls on",
    "calling on", "called for", "calls for", "calling for", "in favor of",
    "vote for", "voted for", "votes for", "voting for", "vote against", "voted against", "votes against",
    "voting against", "would like", "called out", "calls out", "calling out",
    "respond to", "responded to", "responds to", "commented on", "comment on", "comments on",
    "call for", "point out", "talk about", "focus on", "focuses on", "focusing on", "believe in", "believes in",
    "believed in", "agree with", "agreed with", "agrees with", "weighed in on", "weigh in on", "weighs in on",
    *_phrasal("rail|railed|rails|railing against", "push|pushed|pushes|pushing for",
              "advocate|advocated|advocates|advocating for", "apologize|apologized|apologizes|apologizing for",
              "balk|balked|balks|balking at", "lash|lashed|lashes|lashing out at", "take|took|takes|taking aim at",
              "raise|raised|raises|raising questions about", "raise|raised|raises|raising concerns about",
              "speak|spoke|speaks|speaking out against", "make|made|makes|making the case for",
              "lay|laid|lays|laying out", "draw|drew|draws|drawing attention to"),
    *ATTITUDE_CUES,
)

# Participles that attach to the subject of the main clause (", saying the accusations were baseless",
# ", referring to the convention").
PARTICIPLES: frozenset[str] = frozenset(f for f in SPEECH_VERBS if f.endswith("ing")) | frozenset(
    c for c in PHRASE_CUES if c.split()[0].endswith("ing"))

# Words that may sit between a subject and its speech verb.
SUBJECT_FILLERS: frozenset[str] = frozenset(
    word_list("""
    has have had also later previously repeatedly publicly recently reportedly then once again further
    often frequently never always now still just already privately initially earlier will would could may
    might did does do not long even first last quickly simply flatly angrily bluntly openly separately
    subsequently similarly again too herself himself themselves itself so far both all can cannot should must
    though""")
)

HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
    "dame": "f", "lady": "f", "baroness": "f", "dr": None, "prof": None, "rev": None,
}

# Titles of peers, who are named by title and surname ("Lord Callaghan") or by surname and place ("Lord Nicholls
# of Birkenhead"), never with a given name between.
PEERAGE: frozenset[str] = frozenset(word_list("lord lady baroness baron viscount earl"))

# Words of a time: "last week", "on Monday", "the New Year"
TIME_WORDS: frozenset[str] = frozenset(word_list(
    "week weekend month year morning afternoon evening night spring summer fall autumn winter time season "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"
))

# Heads of a description that stands for a person the text named ("The Swiss star", "the Northern Ireland runner",
# "The 22-cap Dragons man" aside): read by the key points and the quote resolver alike.
PERSON_DESCRIPTION_HEADS: frozenset[str] = frozenset(word_list("""
    star champion international striker midfielder defender winger forward goalkeeper keeper captain
    skipper player prop flanker hooker scrum-half fly-half full-back centre medallist sprinter runner
    hurdler athlete jumper thrower boxer golfer swimmer cyclist rider driver skier skater jockey bowler batsman
    seed singer actor actress comedian comic rapper presenter youngster teenager newcomer debutant manager coach
    boss"""))

# the heads of a description of a firm ("the global sports giant", "the media group"; also any "…maker") and the
# words that make it another firm than the one the story is about ("the rival firm", "the parent company")
FIRM_DESCRIPTION_HEADS: frozenset[str] = frozenset(word_list(
    "company firm giant retailer chain manufacturer insurer brewer"))
OTHER_FIRM_WORDS: frozenset[str] = frozenset(word_list(
    "rival other parent former new smaller larger bigger acquiring target merged combined two three"))

# Capitalized words that introduce a name without being part of it.
TITLES: frozenset[str] = frozenset(
    word_list("""
    president vice prime minister foreign deputy secretary senator sen rep gov governor mayor chancellor magistrate
    chairman chairwoman chair director general ambassador spokesman spokeswoman spokesperson king queen
    prince princess judge justice attorney speaker leader chief minority majority pope commissioner
    representative congressman congresswoman lt col gen adm sgt capt cpt maj officer inspector detective
    ceo executive founder head state defense defence interior finance health trade economy home
    professor premier sheikh emir crown former acting assistant associate press lawmaker senior junior archbishop
    candidate nominee presidential democratic republican house senate gop dem economic national security
    adviser advisor counselor commander chairperson treasurer manager strategist pastor bishop cardinal
    colonel sergeant captain major admiral lieutenant marshal sen. rep. gov. dr. mr. mrs. ms. prof. rt hon
    first lady""")
) | frozenset(HONORIFICS)

# A person known by nationality or party alone ("the Dutchman said", "the Republican said", "fellow American
# Andy Roddick").
DEMONYMS: frozenset[str] = frozenset(
    word_list("""
    American Argentine Argentinian Australian Austrian Belarusian Belgian Brazilian Briton Bulgarian Cameroonian
    Canadian Chilean Colombian Croat Croatian Cuban Czech Dane Democrat Dutchman Egyptian Englishman Estonian
    Ethiopian Finn Frenchman German Ghanaian Greek Hungarian Icelander Indian Iranian Irishman Israeli Italian
    Ivorian Jamaican Kenyan Kiwi Latvian Lithuanian Mexican Moroccan Nigerian Norwegian Peruvian Pole Republican
    Romanian Russian Scot Serb Serbian Slovak Slovakian Slovenian Spaniard Swede Swiss Turk Ukrainian Ulsterman
    Uruguayan Venezuelan Welshman Zimbabwean""")
)
# Words of nationality or party written before a name as a description of it ("Tory David Davis", "French
# striker"), besides DEMONYMS.
DESCRIBING_ADJECTIVES: frozenset[str] = frozenset(
    word_list("""
    British English Scottish Welsh Irish French Spanish Dutch Swedish Danish Finnish Polish Turkish Portuguese
    Chinese Japanese Californian Tory Labour Conservative Liberal Green Unionist Nationalist""")
)

# Role nouns that can head a speaker phrase ("the minister", "a spokesman for the campaign").
ROLE_NOUNS: frozenset[str] = frozenset(
    word_list("""
    official officials spokesman spokeswoman spokesperson aide aides adviser advisers advisor advisors
    campaign source sources analyst analysts expert experts critic critics supporter supporters voter voters
    leader leaders lawmaker lawmakers senator senators candidate candidates minister ministers president
    secretary director chairman chairwoman governor mayor ambassador diplomat diplomats people residents
    republicans democrats members member staff staffer staffers strategist strategists operative operatives
    economist economists researcher researchers scientist scientists lawyer lawyers attorney attorneys
    prosecutor prosecutors judge court police committee agency administration government ministry
    department company group organization organisation team report article investigation poll polls
    survey surveys study studies statement data observers allies opponents rivals nominee billionaire
    businessman businesswoman mogul woman man person veteran manager chief president-elect publication
    newspaper paper network website memo letter document documents filing lawsuit complaint ruling
    authorities authority military army officers officer spokespeople insiders donors activists activist
    organizers delegates pollster pollsters commentator commentators host hosts reporter reporters
    journalist journalists author authors editor editors writer writers historian historians professor
    scholars scholar economists union unions party parties leadership board council panel commission
    office firm bank agency agencies group groups coalition alliance friends friend family father mother
    wife husband son daughter brother sister counterpart counterparts premier chancellor regime kremlin
    country countries nation nations state states side sides ally congressman congresswoman representative
    governors mayors ministers presidents chairmen figures figure numbers polling records results estimates
    projections models review analysis audit data reports filings statistics tallies surveys""")
)

PERSON_ROLES: frozenset[str] = frozenset(
    word_list("""
    spokesman spokeswoman spokesperson aide adviser advisor senator candidate minister president secretary
    director chairman chairwoman governor mayor ambassador diplomat lawmaker strategist operative
    economist researcher scientist lawyer attorney prosecutor judge official nominee billionaire
    businessman businesswoman mogul woman man person veteran manager chief leader congressman
    congresswoman representative professor premier chancellor counterpart""")
)

MALE_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS: frozenset[str] = frozenset({"she", "her", "hers", "herself"})
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "we", "i", "it", "you", "who"})

# Capitalized words that start a sentence or a name run but never name a speaker.
NON_NAMES: frozenset[str] = frozenset(
    word_list("""
    the a an and but or if when while as in on at for of to by from with after before since this that
    these those there then so yet still however meanwhile also it its he she they we i you his her their our
    my your what who why how where which asked according last next earlier later now today yesterday
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december one two three some many most several both each every
    neither nor no not such other another all any more less only even just instead indeed until during despite
    although though because among amid throughout under without against between through over into about
    unlike within beyond across behind towards toward via upon troubled ailing embattled struggling beleaguered
    rival defiant disgraced jailed""")
)

# Words inside a capitalized run that mark an organisation or place rather than a person.
ORG_WORDS: frozenset[str] = frozenset(
    word_list("""
    party department house committee court times news post university council association inc corp
    ministry agency office network campaign foundation institute union bank company group administration
    senate congress duma journal press center centre commission service force army republic states kingdom
    street county city state college school club fund reuters cnn nbc abc cbs msnbc bbc ap pac
    times magazine tribune herald daily weekly review bureau board church organization organisation
    federation parliament assembly government police navy guard museum hospital airlines partners
    capital group holdings llc ltd co media television radio channel coalition alliance league team international""")
)

ABBREVIATIONS: frozenset[str] = frozenset(
    word_list("""
    mr mrs ms dr prof sen rep gov gen lt col sgt capt adm st jr sr inc corp co ltd vs no jan feb mar apr
    jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m d.c mt ft rev messrs""")
)

CUE_RE = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?")

# verbs whose object is part of what is said: "called her “third-rate”", "branded it a farce"
NAMING_VERBS: frozenset[str] = frozenset(word_list(
    "call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling branded brands brand"))

# verbs of finding whose bare object is what a document reports ("the audit found lax controls")
FINDING_VERBS: frozenset[str] = frozenset(word_list("find finds found show shows showed shown"))
DOCUMENT_NOUNS: frozenset[str] = frozenset(word_list("""
    poll polls survey surveys report reports study studies inquiry investigation analysis review audit data
    records emails documents figures research paper filings results numbers census probe tally tallies"""))
