"""Turn new entries into articles: fetch the page, extract its text, find key points and quotes, store them.

Extraction and NLP are CPU-bound: they run in a bounded thread pool so that the event loop (the chat
gateways' heartbeats, command answers) stays responsive, and at most `workers` articles are in memory at once.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.extract import Extracted, read_document, strip_boilerplate
from bot.feeds.http import ARTICLE_ACCEPT, Fetcher, FetchError, FetchResult
from bot.feeds.parse import html_to_text
from bot.models import Article, Quote
from bot.nlp.lang import normalize_language
from bot.store import PendingArticle, Store

log = logging.getLogger(__name__)



@dataclass(frozen=True, slots=True)
class Analysis:
    """What the NLP made of an article's text."""

    title: str
    text: str
    image: str | None
    language: str | None
    published: datetime | None
    key_points: tuple[str, ...]
    quotes: tuple[Quote, ...]


def worth_showing(quote: Quote, language: str = "en") -> bool:
    """Whether a found attribution is worth a /who-said answer.

    Reported speech whose content is a bare short phrase ("disputed that figure", "welcomed the news")
    says nothing quotable, though the extractor reports it as an attribution; nor does one whose verb tells
    of a deed, a plan or a wish rather than of words ("saw its shares rise 14%", "plans to split", "has
    released a test version", "pleaded guilty", "wants the reporters to reveal", "The volunteers showed
    that …", though "figures showed that …" tells a finding) or of an aim ("agreed to pay", "wants to cut
    costs"), nor one that only says what it was about ("commenting on the figures") or that nothing was
    said ("declined to comment on the report"), nor a threat or a suspicion that names none ("threatened further
    scores", "terror suspects without trial"), nor one whose speaker is a pronoun no name was found for or
    a scrap of a clause, nor one whose subject was lost ("critics say: will add to the cost"). Those word
    lists are English: in another language (an ISO code) only the length counts.
    """
    if language != "en":
        return quote.kind != "indirect" or len(quote.content.split()) >= 4
    if quote.speaker.lower() in _UNNAMED and quote.speaker != "US":
        return False  # "They: also plan a new post": nobody a reader could ask /who-said about
    named = quote.speaker.split()
    if _CLAUSE_WORDS.intersection(named) or (named and named[-1] in _SCRAP_ENDS):
        # "59% are men: Of the 22 million …", "Apple also sent: …", "The owner of: brands …", "the best:
        # supporting actress …": a scrap of a clause, no one
        return False
    if quote.speaker.lower() in _ADVERBS or (named and _ADJECTIVE_END.search(named[-1]) and named[-1] != "constable"):
        return False  # "Elsewhere: supporting Franz Ferdinand …", "Unlike commercially available: voice software …"
    if named and named[-1] in _THINGS:
        return False  # "Wearable technology: promised much …", "The film: recounts the life of …": no one speaks
    cue_words = (quote.cue or "").lower().split()
    if quote.speaker.lower() in _SOME and len(cue_words) == 1 and cue_words[0].endswith("s"):
        return False  # "Some: details of the chip …", "some: estimates putting …": "some" takes no verb in -s
    if _SHARE.fullmatch(quote.speaker):
        return False  # "60%: they did not think the lawsuits …": a share of people the speaker does not name
    if not re.search(r"[^\W\d_]", quote.speaker):
        return False  # "-": no word at all
    from bot.nlp.quotes.lexicon import ROLE_NOUNS, SPEECH_VERBS  # here: the quote package loads the grammar

    if (named and _VERB_FORM.fullmatch(named[0]) and quote.speaker.islower()
            and not _AGENT_PLURAL.search(named[-1]) and named[-1] not in ROLE_NOUNS):
        return False  # "played down: Mr Blair was …", "looking at weather: or all …": a verb's clause, no one
    if quote.kind != "indirect":
        return True
    cue = set(cue_words)
    found = bool(_SHOWING & cue) and bool(_FINDINGS.intersection(quote.speaker.lower().split()))
    deed = bool(_DEEDS & cue) and not found
    # "agreed to pay $850m", "wants to cut costs": an aim or a deed, unless the verb is a spoken act
    aim = quote.content.startswith("to ") and not (_SPOKEN_ACTS & cue)
    # "Commenting on the BoE's figures": what it was about, with nothing said, but not "about 300 people were
    # hurt" nor "by 2010 every home would have broadband", which have their verb
    words = quote.content.split()
    if words and words[0] in ("and", "or", "but", "nor"):
        return False  # "won votes from the public, press: and EAA member federations": a list's tail, no claim
    about = bool(words) and words[0] in _PREPOSITIONS and not _FINITE.search(quote.content)
    # "added a third after rounding the keeper", "The name says it all": a goal and an idiom, no words said
    scored = "added" in cue and _SCORED.match(quote.content) is not None
    idiom = quote.content.startswith("it all")
    # "critics say: will add to the cost", "Chidambaram said: would be 4.5% of GDP": what was said about a thing
    # named before the speaker ("the deficit, which he said would be …"), its subject lost; but "warned it: may
    # cut jobs" keeps the subject in its verb group
    headless = bool(cue_words) and cue_words[-1] in SPEECH_VERBS and _HEADLESS.match(quote.content) is not None
    # "declined to comment on the report", "refused to say whether …", "did not say why …": nothing said
    silent = (bool(_REFUSALS & cue) and _NO_COMMENT.match(quote.content) is not None) or _UNSAID.search(
        " ".join(cue_words)) is not None
    # "Full details: of the new powers will not be revealed", "The film tells the story: of two boys",
    # "suspected: of links with terrorism can be detained": a noun's "of", unless one warns, tells or speaks of
    # something ("warned of lower margins", "has told of his shock")
    of_noun = bool(words) and words[0] == "of" and not (cue_words and cue_words[-1] in _OF_VERBS)
    # "echoed his manager's sentiments", "repeated her earlier comments": that words were said, not which
    echoed = _WORDS_NAMED.match(quote.content) is not None and not _FINITE.search(quote.content)
    # "has rejected the chance to become the club's new boss", "turned down an offer": a deed
    declined = bool(_REJECTS & cue) and _OPENING_DECLINED.match(quote.content) is not None
    # "has agreed a contract until the end of the season", "agreed a $168m settlement": a deal made, not words
    dealt = bool(_AGREES & cue) and _DEAL.match(quote.content) is not None
    # "wrote the award-winning musical …", "is writing two new songs": a work written, not words said to anyone;
    # but "writes that …" and "writes: Mr Blair then changed his mind" report what the writer said
    composed = bool(_WRITES & cue) and bool(words) and words[0][:1].islower() and words[0] != "that"
    # "claimed her seventh Grand Slam title", "claiming the men's 800m": a prize won, not a claim made
    won = any(w.startswith("claim") for w in cue_words) and _PRIZE.match(quote.content) is not None
    # "Wales twice threatened further scores", "a break threatened a try": danger, not words; a threat says what
    # will be done ("threatened to raise fuel taxes", "legal action against any buyer", "… with penalties")
    menace = bool(_THREATENS & cue) and not quote.content.startswith(("to ", "that ")) and (
        _SANCTION.search(quote.content) is None)
    # "foreign terror suspects without trial", "anyone suspected of …": the noun and the passive; only
    # "suspects that …" says what someone suspects
    suspect = bool(_SUSPECTS & cue) and not quote.content.startswith("that ")
    return len(words) >= 4 and not (
        deed or aim or about or scored or idiom or silent or headless or of_noun or echoed or declined or composed
        or dealt or won or menace or suspect)


# what a claim is when it is won: "her seventh Grand Slam title", "only their second ever win", "the men's 800m"
_PRIZE = re.compile(
    r"(?:the|a|an|his|her|its|their|only|[\w’'-]+[’']s)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:title|titles|win|wins|victory|victories|award|awards|medal|medals|gold|silver|bronze|crown|prize|trophy"
    r"|cup|place|spot|lead|seat|seats|victim|victims|lives|scalp|points|wickets?|\d+(?:,\d{3})*m|race|final|double"
    r"|treble|honours|pole)\b"
    # where the prize ends the phrase: "the title race was fixed" is a claim about a race
    r"(?=\s*$|\s*[,;(]|\s+(?:at|in|on|for|with|over|after|while|and|ahead|against|from|since|by|as|to)\b)"
)


# what names words said without giving them: "his manager's sentiments", "the earlier comments of the minister"
_WORDS_NAMED = re.compile(
    r"(?:the|his|her|its|their|these|those|such|[A-Z][\w’'-]*[’']s?)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:sentiments|comments|remarks|views|words|concerns|criticisms?|claims|warnings?|calls)"
    r"(?:\s+(?:on|about|of|over|from|at|in|to|by|for)\b(?:(?!\s[-—–]\s)[^,;:])*)?$"
)
_AGREES = frozenset(["agree", "agrees", "agreed", "agreeing"])
_DEAL = re.compile(
    r"(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w$£€().,-]+\s+){0,4}?(?:deal|deals|settlement|settlements|contract|"
    r"contracts|package|fee|move|plans?|proposal|buy-back|terms|compromise|agreement|merger|pact|loan|takeover)\b"
)
_WRITES = frozenset(["write", "writes", "wrote", "written", "writing"])
_REJECTS = frozenset(["reject", "rejects", "rejected", "rejecting", "turned", "turns", "turn", "turning"])
_OPENING_DECLINED = re.compile(
    r"(?:down\s+)?(?:the|a|an|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}"
    r"(?:chance|offer|bid|job|post|approach|invitation|opportunity)\b"
)


# verbs whose "to ..." is something said: a promise, a call, a refusal ("vowed to sue", "urged MPs to reject")
_SPOKEN_ACTS = frozenset([
    "promise", "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed", "urge", "urges",
    "urged", "tell", "tells", "told", "ask", "asks", "asked", "call", "calls", "called", "threaten", "threatens",
    "threatened", "warn", "warns", "warned", "refuse", "refuses", "refused", "decline", "declines", "declined",
    "claim", "claims", "claimed", "admit", "admits", "admitted", "confess", "confesses", "confessed", "deny",
    "denies", "denied",
])

# verbs of saying followed by "of" and what was said about
_OF_VERBS = frozenset([
    "warn", "warns", "warned", "warning", "speak", "speaks", "spoke", "spoken", "speaking", "talk", "talks",
    "talked", "talking", "complain", "complains", "complained", "complaining", "boast", "boasts", "boasted",
    "boasting", "tell", "tells", "told", "telling", "write", "writes", "wrote", "written", "writing", "think",
    "thinks", "thought", "dream", "dreams", "dreamed", "dreamt", "despair", "despairs", "despaired",
])
# "did not say", "would not comment on", "could not confirm": a cue that tells nothing was said
_UNSAID = re.compile(
    r"\b(?:not|never|n't)\s+(?:say|reveal|comment|disclose|confirm|specify|elaborate|indicate|explain|name|give)\b"
)
# one-word speakers that are adverbs opening a sentence, and a last word that is an adjective
_ADVERBS = frozenset(["elsewhere", "overall", "separately", "similarly", "likewise", "otherwise", "instead",
                      "nonetheless", "nevertheless", "additionally", "furthermore", "moreover"])
_ADJECTIVE_END = re.compile(r"^[a-z]+(?:able|ible)$")
# things that do not speak, though the extractor reads their verbs as saying ("the device emphasises …")
_THINGS = frozenset([
    "device", "devices", "technology", "technologies", "phone", "phones", "product", "products", "gadget",
    "gadgets", "game", "games", "machine", "machines", "chip", "chips", "computer", "computers", "console",
    "consoles", "laptop", "laptops", "handset", "handsets", "software", "engine", "engines", "screen", "screens",
    "camera", "cameras", "film", "films", "movie", "movies", "show", "album", "song",
])
_HEADLESS = re.compile(r"(?:would|will|was|were|is|are|had|has|have|could|can|may|might|should|must)\b")
_REFUSALS = frozenset(["decline", "declines", "declined", "declining", "refuse", "refuses", "refused", "refusing"])
_NO_COMMENT = re.compile(
    r"to\s+(?:(?:make\s+(?:any\s+)?)?comment|say|discuss|confirm|elaborate|speculate|be\s+drawn|give\s+(?:any\s+)?details"
    r"|reveal|disclose|name|answer|identify)\b"
)
_SCORED = re.compile(r"(?:a\s+(?:second|third|fourth|fifth|sixth|late|last-minute)|another|his\s+second|his\s+third)\b")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do)\b")
_PREPOSITIONS = frozenset(["of", "for", "by", "about", "over", "on", "at", "with", "as", "in", "from"])

# pronouns left as the speaker when no name was found for them
_UNNAMED = frozenset(["i", "we", "you", "they", "it", "he", "she", "me", "us", "them", "who", "which", "that",
                      "whose", "whom", "what"])
# verbs that make a speaker a piece of a clause rather than a name or a description
_CLAUSE_WORDS = frozenset([
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "sent", "did", "does", "but", "although",
    "because",
    # past tenses that are no adjective: "Labour came to power in 1997: …", "women made Commons speeches: …"
    "came", "became", "began", "went", "took", "gave", "made", "grew", "brought", "bought", "thought", "knew",
    "found", "set", "met", "kept", "spent",
])


# speakers that are a share of people, whose verb never ends in -s
_SOME = frozenset(["some", "many", "most", "both", "few", "several", "all", "others", "a few"])
# the opening word of a lower-case speaker that is a verb's form, not a noun ("raised", "looking"), though
# "leading economists" and "retired teachers" are people
_VERB_FORM = re.compile(r"[a-z-]+(?:ed|ing)")
_AGENT_PLURAL = re.compile(r"(?:ers|ors|ists|ians|ants|ents|men|women|people)$")
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten"
                r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
# a bare share of people: "39%", "One in four", "Forty-three per cent", "A majority", "Most (62%)"
_SHARE = re.compile(
    r"(?i:(?:almost|nearly|some|just|about|around|over|more\s+than|fewer\s+than|less\s+than)\s+)?"
    r"(?:\d+(?:\.\d+)?%|(?i:half|a third|a quarter|(?:one|two|three)-(?:thirds?|quarters?|fifths?)"
    rf"|{_NUMBER_WORD}\s+in\s+{_NUMBER_WORD}|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?\s+per\s*cent|(?:a|the)\s+majority"
    r"|most))(?:,?\s*\(?\d+(?:\.\d+)?%\)?)?"
)
# words no speaker ends with: a name or a noun does, not a preposition, an article, a pronoun, an adverb, an
# adjective or a verb ("The owner of", "A previous", "The Bank remains", "the system, he", "afterwards")
_SCRAP_ENDS = frozenset([
    "of", "to", "on", "over", "with", "and", "in", "for", "by", "at", "as", "amid", "without", "which", "who",
    "it", "he", "she", "they", "the", "a", "an", "best", "previous", "own", "such", "much", "similar", "first",
    "other", "top", "annual", "personal", "new", "any", "remain",
    "remains", "remained", "seemed", "joined", "grew", "got", "looked", "broke", "issued", "helped", "begun",
    "proposed", "having", "makes", "once", "perhaps", "already", "afterwards", "widely", "allegedly", "later",
])

# what people and shows "show" is no words said ("The four volunteers showed that …"); a finding shown by
# figures or a survey is told (_FINDINGS)
_SHOWING = frozenset(["show", "shows", "showed", "shown", "showing"])
# verbs that say something only with what is suspected ("suspects that …") or what is threatened ("threatened to
# …", "threatened legal action", "threatened the crews with fines")
_SUSPECTS = frozenset(["suspect", "suspects", "suspected"])
_THREATENS = frozenset(["threaten", "threatens", "threatened", "threatening"])
_SANCTION = re.compile(r"\b(?:action|strikes?|sanctions?|penalties|fines?|boycotts?|vetoe?s?|with)\b")
# verbs the extractor reads as attributions that tell of no words said
_DEEDS = frozenset([
    "saw", "plan", "plans", "planned", "planning", "offer", "offers", "offered",
    "offering", "decide", "decides", "decided", "deciding", "release", "releases", "released", "releasing",
    "plead", "pleads", "pleaded", "pleading", "learn", "learns", "learned", "learnt", "learning", "seek", "seeks",
    "sought", "seeking", "discuss", "discusses", "discussed", "discussing", "focus", "focuses", "focused",
    "focusing", "ignore", "ignores", "ignored", "ignoring", "off", "publish", "publishes", "published",
    "publishing", "persuade", "persuades", "persuaded", "persuading",
    # wishes, hopes and views nobody was heard to voice ("Apple wants the reporters to reveal …", "had been
    # hoping the bill would …", "is considering letting web users …", "sees hope on the horizon")
    "want", "wants", "wanted", "wanting", "hope", "hopes", "hoped", "hoping", "prefer", "prefers", "preferred",
    "consider", "considers", "considered", "considering", "intend", "intends", "intended", "see", "sees", "seen",
    "seeing",
    # what prizes do ("The awards recognise …")
    "recognise", "recognises", "recognised",
]) | _SHOWING
# what reports a finding: "figures from the Bank of England showed that …", "The survey showed that …"
_FINDINGS = frozenset([
    "figures", "figure", "data", "survey", "surveys", "report", "reports", "study", "studies", "poll", "polls",
    "research", "statistics", "results", "analysis", "findings", "records", "documents", "tests", "test", "index",
    "estimates", "numbers",
])


class Analyzer:
    """Extraction, key points and quotes for one article; sync and CPU-bound, safe to call from threads."""

    def __init__(self, points: int) -> None:
        # Imported here: loading the summarizer and the quote grammar takes half a second, which a poll
        # that finds nothing new never needs.
        from bot.nlp.keypoints import KeyPointer
        from bot.nlp.quotes import extract_quotes

        self.points = points
        self._keypointer = KeyPointer()
        self._extract_quotes = extract_quotes

    def analyse(
        self, *, title: str, page: FetchResult | None, url: str, fallback: str, language: str | None,
        published: datetime | None = None,
    ) -> Analysis:
        """Extract the page (or use the feed's own text when the page gives nothing) and analyse it; published
        is the date the feed gives, if any, else the page's own."""
        extracted: Extracted | None = None
        if page is not None and page.body:
            extracted = read_document(page.body, url, page.content_type)
        if extracted and len(extracted.text) >= max(200, len(fallback) // 2):
            text, image = extracted.text, extracted.image
            language = language or extracted.language
            published = published or extracted.published
            title = title or extracted.title or url
        else:
            text, image = strip_boilerplate(html_to_text(fallback, paragraphs=True)), None
        return self.analyse_text(title, text, language, image=image, published=published)

    def analyse_text(
        self, title: str, text: str, language: str | None, *, image: str | None = None,
        published: datetime | None = None,
    ) -> Analysis:
        """Key points and quotes of an article's plain text; its date tells which of its years are history."""
        code = normalize_language(language, text)  # detected once for both
        year = published.year if published is not None else None
        points = tuple(self._keypointer.key_points(text, self.points, title=title, language=code, year=year))
        quotes = tuple(q for q in self._extract_quotes(text, language=code) if worth_showing(q, code))
        return Analysis(title, text, image, language, published, points, quotes)


class Processor:
    """Processes pending articles with a bounded pool; one failing article never stops the others."""

    def __init__(self, store: Store, fetcher: Fetcher, analyzer: Analyzer, workers: int = 2,
                 user_fetcher: Fetcher | None = None) -> None:
        """`user_fetcher` fetches what chat users asked for (their links, their feeds' pages): guarded."""
        self._store = store
        self._fetcher = fetcher
        self._user_fetcher = user_fetcher or fetcher
        self._analyzer = analyzer
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsbot-nlp")
        self._slots = asyncio.Semaphore(workers * 2)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    async def process_pending(
        self, *, batch: int = 100, progress: Callable[[PendingArticle], None] | None = None,
    ) -> int:
        """Process every pending article; return how many were processed."""
        done = 0
        while pending := self._store.pending_articles(batch):
            async def one(item: PendingArticle) -> None:
                async with self._slots:
                    await self.process(item)
                if progress:
                    progress(item)

            await asyncio.gather(*(one(p) for p in pending))
            done += len(pending)
        return done

    async def process(self, item: PendingArticle) -> None:
        """Fetch, analyse and store one article; on failure store it with the feed's own text."""
        fetcher = self._user_fetcher if item.from_user else self._fetcher
        page = await self._fetch_page(fetcher, item.url, allow_files=item.local and not item.from_user)
        fallback = item.content or item.summary
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(
                self._pool,
                lambda: self._analyzer.analyse(
                    title=item.title, page=page, url=item.url, fallback=fallback, language=item.language,
                    published=item.published,
                ),
            )
            error = None if page else "page not fetched; key points from the feed's text"
        except Exception as exc:
            log.exception("article %s: analysis failed", item.url)
            result = Analysis(item.title, html_to_text(fallback, paragraphs=True), None, item.language, None, (), ())
            error = f"analysis failed: {type(exc).__name__}"
        self._store.save_processed(
            item.id, datetime.now(UTC), title=result.title, text=result.text, image=result.image,
            language=result.language, key_points=result.key_points, quotes=result.quotes,
            published=result.published, error=error,
        )

    async def analyse_url(self, url: str) -> Article | None:
        """Fetch and analyse a page that is not stored (for /summary URL); None when it cannot be read."""
        page = await self._fetch_page(self._user_fetcher, url, allow_files=False)
        if page is None:
            return None
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(
            self._pool,
            lambda: self._analyzer.analyse(title="", page=page, url=url, fallback="", language=None),
        )
        if not result.text:
            return None
        now = datetime.now(UTC)
        return Article(
            id=0, feed="", url=url, title=result.title, text=result.text, published=result.published,
            fetched=now, image=result.image, language=result.language, key_points=result.key_points,
            quotes=result.quotes,
        )

    async def _fetch_page(self, fetcher: Fetcher, url: str, *, allow_files: bool) -> FetchResult | None:
        try:
            return await fetcher.fetch(url, allow_files=allow_files, accept=ARTICLE_ACCEPT)
        except FetchError as exc:
            log.info("article page %s not fetched: %s", url, exc.reason)
            return None
