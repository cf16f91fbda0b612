"""Article processing: page extraction, fallback to the feed's text, failures that stay contained."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx

from bot.app import open_services
from bot.feeds.http import Fetcher
from bot.models import Quote
from bot.pipeline import Analyzer, Processor, worth_showing
from bot.settings import load_settings
from bot.store import SQLiteStore

DATA = Path(__file__).parent / "data"

FEED_WITH_CONTENT = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Night buses approved</title><link>pages/missing.html</link><guid>wire-1</guid>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The city council voted on Thursday to run night buses on four routes from September.</p>
<p>“People have walked home in the dark for too long,” said councillor Priya Natarajan, who proposed the plan.</p>
<p>The transport operator says it will need to hire 40 drivers before the service can start.</p>]]></content:encoded>
</item></channel></rss>"""


async def test_page_that_cannot_be_fetched_falls_back_to_feed_content(make_config: Callable[..., Path]) -> None:
    settings = load_settings(make_config(FEED_WITH_CONTENT), env={})
    async with open_services(settings) as svc:
        _, processed = await svc.refresh()
        assert processed == 1
        digest = svc.make_digest("news")
        assert digest is not None
        article = digest.items[0].article
        assert "night buses" in article.text and "<p>" not in article.text
        assert article.key_points
        assert "Priya Natarajan" in {q.speaker for q in article.quotes}


DATED_FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Folk singer to wed</title><link>pages/missing.html</link><guid>wire-3</guid>
<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Singer Ana Lund is to marry record producer Tom Voss, her agent has confirmed.</p>
<p>Lund burst onto the folk scene in 2019, winning the best newcomer award at the folk awards in 2020.</p>
<p>Harbour-born Lund reached number one in the folk charts with her debut single Salt Road in October 2019.</p>
<p>"No wedding date has been set yet," said Lund's agent Mia Hale.</p>
<p>Lund's most recent single, Low Tide, reached number four in the folk charts last November.</p>
<p>The couple met while recording an album on the island of Skerry two years ago.</p>]]></content:encoded>
</item></channel></rss>"""


async def test_the_feed_date_tells_the_key_points_which_years_are_history(make_config: Callable[..., Path]) -> None:
    settings = load_settings(make_config(DATED_FEED), env={})
    async with open_services(settings) as svc:
        await svc.refresh()
        digest = svc.make_digest("news")
    assert digest is not None
    points = digest.items[0].article.key_points
    assert points and not any("2019" in p for p in points), points  # the text alone names 2019 most


async def test_page_is_extracted_with_its_image(make_config: Callable[..., Path]) -> None:
    settings = load_settings(make_config(), env={})
    async with open_services(settings) as svc:
        await svc.refresh()
        digest = svc.make_digest("news")
        assert digest is not None
        bridge = next(i.article for i in digest.items if "Bridge" in i.article.title)
        assert bridge.image == "https://img.example.org/bridge.jpg"
        assert "Leave a Comment" not in bridge.text and "cookies" not in bridge.text
        assert "12,000 vehicles" in bridge.text


async def test_analyse_url_over_http(tmp_path: Path) -> None:
    page = (DATA / "orchard.html").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/orchard":
            return httpx.Response(200, content=page, headers={"Content-Type": "text/html"})
        return httpx.Response(404)

    store = SQLiteStore(tmp_path / "db.sqlite3")
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        processor = Processor(store, Fetcher(client), Analyzer(points=3), workers=1)
        try:
            article = await processor.analyse_url("https://courier.example/orchard")
            assert article is not None and article.title.startswith("Cold snap")
            assert 1 <= len(article.key_points) <= 3
            assert await processor.analyse_url("https://courier.example/missing") is None
        finally:
            processor.close()
            store.close()


def test_bare_phrases_and_deeds_are_not_stored_as_quotes() -> None:
    def quote(content: str, kind: str, cue: str = "disputed") -> Quote:
        return Quote("Marek Olsen", "Marek Olsen", (0, 11), cue, content, (0, len(content)), kind)  # type: ignore[arg-type]

    assert not worth_showing(quote("that figure", "indirect"))
    assert worth_showing(quote("the council had left out the ferry", "indirect"))
    assert worth_showing(quote("“No.”", "direct"))
    # a deed, a plan or a sight is no quote, however long
    assert not worth_showing(quote("its shares rise 14% on Tuesday", "indirect", "saw"))
    assert not worth_showing(quote("to split the ferry company in two", "indirect", "plans"))
    assert not worth_showing(quote("a test version of its new search tool", "indirect", "has already released"))
    assert worth_showing(quote("the ferry company would be split in two", "indirect", "has said"))
    assert not worth_showing(quote("its most profitable ferry routes to the islands", "indirect", "focusing on"))
    assert not worth_showing(quote("orders to stop work at two of its yards", "indirect", "has also ignored"))
    # a goal and an idiom are no words said
    assert not worth_showing(quote("a third after rounding the keeper on the hour", "indirect", "added"))
    assert not worth_showing(quote("it all: it is a radio station for the islands", "indirect", "says"))
    assert worth_showing(quote("a third ferry would be bought next year", "indirect", "said"))
    # a prize claimed is won, not said; a claim that something is so is words
    assert not worth_showing(quote("her third regional title in four years at Holm", "indirect", "claimed"))
    assert not worth_showing(quote("the women's 800m at the Calder indoor meeting", "indirect", "claiming"))
    assert worth_showing(quote("the title race was fixed by the organisers", "indirect", "claimed"))
    assert worth_showing(quote("that the regional title had been bought", "indirect", "claimed"))
    # an aim is no quote, a promise or a refusal is
    assert not worth_showing(quote("to pay $85m to settle the lawsuit", "indirect", "has agreed"))
    assert not worth_showing(quote("to cut costs at the two yards", "indirect", "wants"))
    assert worth_showing(quote("to sue anyone who takes part in the sale", "indirect", "has vowed"))
    assert worth_showing(quote("to rule out a sale of the ferry company", "indirect", "refused"))
    # ... but a refusal to comment says nothing
    assert not worth_showing(quote("to comment on the talks with the union", "indirect", "refused"))
    # a noun's "of" is no words said, unless one warns, tells or speaks of something
    assert not worth_showing(quote("of the new ferry will be given in May", "indirect", "details"))
    assert not worth_showing(quote("of two islanders who lose their boat in a storm", "indirect", "tells the story"))
    assert worth_showing(quote("of waits at the harbour that would last all winter", "indirect", "warned"))
    assert worth_showing(quote("of his shock when the ferry was sold", "indirect", "has told"))
    assert not worth_showing(quote("to say whether the ferry would be sold", "indirect", "declined"))
    assert not worth_showing(quote("why the three crew had been held by the police", "indirect", "did not say"))
    assert not worth_showing(quote("whether the ferry would be sold to a rival", "indirect", "would not confirm"))
    assert worth_showing(quote("that the ferry would be sold to a rival", "indirect", "did not deny"))
    # words about a thing named before the speaker, their subject lost: "the levy, which critics say will …"
    assert not worth_showing(quote("will add to the cost of every crossing", "indirect", "say"))
    assert worth_showing(quote("may cut the winter crossings to two a day", "indirect", "warned it"))
    # a wish, a hope or a finding is no words said; a forecast is
    assert not worth_showing(quote("the reporters to reveal their sources", "indirect", "wants"))
    assert not worth_showing(quote("the bill would pave the way for more ferries", "indirect", "had been hoping"))
    assert not worth_showing(quote("that they could steer the boat better each time", "indirect", "showed"))
    figures = Quote("the figures", "the figures", (0, 11), "showed", "that fares rose by 4% in May", (19, 47),
                    "indirect")
    assert worth_showing(figures)  # a finding told by figures, a survey or a report
    assert not worth_showing(quote("a real test at the harbour on Sunday", "indirect", "sees"))
    # what it was about is not what was said; a sentence that opens with a preposition may be
    assert not worth_showing(quote("on the harbour board's figures", "indirect", "commenting"))
    assert worth_showing(quote("In the three months to May, fares rose", "indirect", "said"))
    assert worth_showing(quote("about 300 people were hurt in the storm", "indirect", "said"))
    assert worth_showing(quote("to have seen the thief outside the bank", "indirect", "claimed"))
    assert worth_showing(quote("inflation to rise to 3% next year", "indirect", "expects"))
    # that words were said, not which; a published book and a turned-down job are deeds
    assert not worth_showing(quote("his captain's sentiments on the cup final", "indirect", "echoed"))
    assert worth_showing(quote("his comments - made years ago - needed to be put in context", "indirect", "said"))
    assert not worth_showing(quote("his Harbour Budget on Monday morning", "indirect", "will publish"))
    assert not worth_showing(quote("the ferry crews to come back to work", "indirect", "persuaded"))
    assert not worth_showing(quote("the chance to become the club's new manager", "indirect", "has rejected"))
    assert worth_showing(quote("claims that the ferry had been sold twice", "indirect", "rejected"))
    # a work written is no words said; what a writer writes of the news is
    assert not worth_showing(quote("the award-winning musical Harbour Lights", "indirect", "wrote"))
    assert not worth_showing(quote("two new songs for the harbour show", "indirect", "is writing"))
    assert worth_showing(quote("Mr Holm then changed his mind in June", "indirect", "writes"))
    assert worth_showing(quote("that the ferry had been sold twice", "indirect", "wrote"))
    # a speaker left as a pronoun is nobody a reader could ask about
    unnamed = Quote("They", "They", (0, 4), "said", "the ferry would be sold", (10, 33), "indirect")
    assert not worth_showing(unnamed)
    assert not worth_showing(Quote("who", "who", (0, 3), "said", "the ferry would be sold", (9, 32), "indirect"))
    # the English word lists do not judge another language: "in Calder sei die Fähre zu teuer" is said
    german = Quote("Anna Vogel", "Anna Vogel", (0, 10), "sagte", "in Calder sei die Fähre zu teuer", (17, 49),
                   "indirect")
    assert worth_showing(german, "de") and not worth_showing(german)
    assert worth_showing(Quote("US", "The US", (0, 6), "said", "the ferry would be sold", (12, 35), "indirect"))
    # a scrap of a clause is no speaker: "59% are men", "whose"
    scrap = Quote("59% are men", "59% are men", (0, 11), "compared", "with half of all ferry users", (20, 48),
                  "indirect")
    assert not worth_showing(scrap)
    for scrap_speaker in ("Elsewhere", "Unlike commercially available", "expected in May but islanders",
                          "the new ferry technology", "The film"):
        assert not worth_showing(Quote(scrap_speaker, scrap_speaker, (0, 9), "said", "the ferry would sail in June",
                                       (20, 48), "indirect"))
    came = "the ferry came into service in 1997"
    said = "“We run it with the same passion.”"
    assert not worth_showing(Quote(came, came, (0, 36), "said", said, (40, 74), "mixed"))
    assert not worth_showing(Quote("whose", "whose", (0, 5), "credits", "include three ferry films", (6, 31),
                                   "indirect"))
    assert worth_showing(Quote("Will Hale", "Will Hale", (0, 9), "said", "the ferry would be sold", (15, 38),
                               "indirect"))
    # a speaker that ends with a preposition, an adjective or a verb is a scrap too
    for scrap_speaker, cue in (("The owner of", "brands"), ("the best", "supporting"), ("The port remains", "wary of"),
                               ("Its other", "brands"), ("the first", "reports")):
        assert not worth_showing(Quote(scrap_speaker, scrap_speaker, (0, 12), cue, "ferries such as the Skerry Star",
                                       (20, 51), "indirect"))
    # "some" takes no verb in -s: "Some details of the ferry have been revealed" names no speaker
    assert not worth_showing(Quote("Some", "Some", (0, 4), "details", "of the new ferry have been revealed", (13, 48),
                                   "indirect"))
    assert worth_showing(Quote("Some", "Some", (0, 4), "fear", "the ferry will be sold before May", (10, 43),
                               "indirect"))
    polled = "Half of those polled"
    assert worth_showing(Quote(polled, polled, (0, 20), "said", "the fares were too high", (26, 49), "indirect"))
    # ... but a bare share does not say of whom: "60% said the fares were too high"
    for share in ("60%", "Two-thirds", "half", "One in four", "Forty-three per cent", "A majority", "Most (62%)",
                  "almost a third"):
        assert not worth_showing(Quote(share, share, (0, 3), "said", "the fares were too high", (9, 32), "indirect"))
    # a lower-case speaker that opens on a verb's form is the verb's clause, not who spoke ...
    for clause in ("played down", "looking at weather", "raised", "-", "34"):
        assert not worth_showing(Quote(clause, clause, (0, 9), "said", "the ferry would be sold in May", (15, 45),
                                       "indirect"))
    # ... though "leading economists" and "retired dockers" are people
    for people in ("leading economists", "retired dockers", "banking experts"):
        assert worth_showing(Quote(people, people, (0, 9), "said", "the ferry would be sold in May", (15, 45),
                                   "indirect"))
    # agreeing a deal is a deed; agreeing that something is so is a claim
    for deal in ("a contract until the end of the season", "a £4m settlement with the port", "plans to merge"):
        assert not worth_showing(Quote("Will Hale", "Will Hale", (0, 9), "has agreed", deal, (20, 50), "indirect"))
    assert worth_showing(Quote("Will Hale", "Will Hale", (0, 9), "agreed", "the new timetable was a mistake", (20, 50),
                               "indirect"))
    # a threat says what will be done; "threatened further scores" is a side in a match, not words
    for threat in ("to close the harbour in May", "legal action against the port", "the crews with fines"):
        assert worth_showing(Quote("Calder", "Calder", (0, 6), "threatened", threat, (20, 50), "indirect"))
    assert not worth_showing(Quote("Calder", "Calder", (0, 6), "threatened", "further scores before half-time",
                                   (20, 50), "indirect"))
    # "foreign suspects without trial" is the noun; "suspects that …" says what is suspected
    noun = "the detention of 12 foreign"
    assert not worth_showing(Quote(noun, noun, (0, 6), "suspects", "without trial broke the law", (20, 50), "indirect"))
    police = "Calder police"
    assert worth_showing(Quote(police, police, (0, 6), "suspect", "that the fire was started on purpose", (20, 50),
                               "indirect"))
    # a reported claim never opens on "and": "won votes from the public, press and island councils" is a list
    assert not worth_showing(Quote("Will Hale", "Will Hale", (0, 9), "press", "and island councils on the route",
                                   (15, 47), "indirect"))


TEXT_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Night buses approved</title><link>pages/story.txt</link><guid>wire-2</guid>
<description>Teaser.</description></item></channel></rss>"""


async def test_a_plain_text_page_is_read_as_text(make_config: Callable[..., Path], tmp_path: Path) -> None:
    settings = load_settings(make_config(TEXT_FEED), env={})
    (tmp_path / "pages" / "story.txt").write_bytes((DATA / "story.txt").read_bytes())
    async with open_services(settings) as svc:
        await svc.refresh()
        digest = svc.make_digest("news")
    assert digest is not None
    article = digest.items[0].article
    assert "“People who clean our offices" in article.text and "â€" not in article.text
    assert "Scroll to Top" not in article.text and "Council approves night buses" not in article.text
    assert "Priya Natarajan" in {q.speaker for q in article.quotes}
