"""The text helpers every renderer shares."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.models import Feed, Quote
from bot.store import FeedState
from bot.textfmt import (
    feed_health,
    is_web_url,
    leading_verb,
    plural,
    printable,
    quote_text,
    show_quote,
    trim,
    utf16_units,
)


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("“We will open it before the summer,”", "“We will open it before the summer”"),
        ('"Straight marks,"', "“Straight marks”"),
        ("“A quote,” she said. “And more of it.”", "“A quote … And more of it.”"),
        # a quotation over two paragraphs opens each of them and reads as one
        ('"The pier is shut. "It will open in May,"', "“The pier is shut. It will open in May”"),
        ("“The pier is shut.\n\n“It will open in May,”", "“The pier is shut. It will open in May”"),
        # ... also when the article never closes it
        ('"The pier is shut. "It will open in May. "Ferries will run.', "“The pier is shut. It will open in May. "
                                                                        "Ferries will run.”"),
        ("Moscow is “very grateful to friends,”", "Moscow is “very grateful to friends”"),
        ("the bridge will reopen in May", "the bridge will reopen in May"),
    ],
)
def test_show_quote(content: str, shown: str) -> None:
    assert show_quote(content, 200) == shown


def test_direct_speech_read_without_its_marks_is_shown_in_them() -> None:
    # French, German, Spanish and Russian quotations are stored without their « » or „ “
    quote = Quote(speaker="Ana Roe", source_text="Ana Roe", source_span=(0, 7), cue="a déclaré",
                  content="Le port rouvrira en mai", content_span=(30, 53), kind="direct")
    assert quote_text(quote, 200) == "“Le port rouvrira en mai”"
    assert quote_text(replace(quote, kind="indirect"), 200) == "Le port rouvrira en mai"


@pytest.mark.parametrize(
    ("content", "cue", "shown"),
    [
        ("By contrast, he said, the ferry had kept to time", "said", "By contrast, the ferry had kept to time"),
        ("The fares, Ms Roe warned, will rise in May", "warned", "The fares will rise in May"),
        ("But, she added, the pier is safe", "added", "But the pier is safe"),
        ("That might, he suggests, lead to a strike", "suggests", "That might lead to a strike"),
        ("The pier is shut, Calder Council said, but opens in May", "said", "The pier is shut, but opens in May"),
        # only the quote's own attribution goes
        ("Oddly, he said, the pier is safe", "added", "Oddly, he said, the pier is safe"),
    ],
)
def test_reported_speech_is_shown_without_its_attribution_inside_it(content: str, cue: str, shown: str) -> None:
    quote = Quote(speaker="Ana Roe", source_text="she", source_span=(100, 103), cue=cue, content=content,
                  content_span=(0, len(content)), kind="indirect")
    assert quote_text(quote, 200) == shown
    assert quote_text(replace(quote, kind="direct", content=f"“{content}”"), 200) == f"“{content}”"


@pytest.mark.parametrize(
    ("content", "cue", "shown"),
    [
        # a verb group that says more than "said" leads reported speech, with its auxiliary and negation
        ("the walkout “deeply disappointing”", "called", "called the walkout “deeply disappointing”"),
        ("the harbour levy", "voted against", "voted against the harbour levy"),
        ("that the pier is unsafe", "warned", "warned that the pier is unsafe"),
        ("calm after the storm", "calls for", "calls for calm after the storm"),
        ("that she will run again", "has not confirmed", "has not confirmed that she will run again"),
        ("them as partners", "could not describe", "could not describe them as partners"),
        ("that the pier was shut", "did not say", "did not say that the pier was shut"),
        # ... and with whom it was said to, whose names keep their capitals
        ("not to drive through deep water", "urged residents", "urged residents not to drive through deep water"),
        ("that the ferry was safe", "assured Port Calder", "assured Port Calder that the ferry was safe"),
        # "said", "has said", direct speech and other languages stay as they are
        ("the pier will open in May", "said", "the pier will open in May"),
        ("the pier will open in May", "has also said", "the pier will open in May"),
        ("the pier will open in May", "told reporters", "the pier will open in May"),
        ("not to drive through deep water", "told residents", "told residents not to drive through deep water"),
        ("“We will open it,”", "warned", "“We will open it”"),
        # a present tense or a participle says what was done with the words: "see … as", "claiming victory"
        ("the merger as a rescue deal", "see", "see the merger as a rescue deal"),
        ("victory in the women's race", "claiming", "claiming victory in the women's race"),
        ("it undervalued the business", "saying", "it undervalued the business"),
        ("le projet était trop cher", "a estimé", "le projet était trop cher"),
        ("the pier will open", None, "the pier will open"),
        # the "that" before reported speech whose verb is not shown goes; the pronoun "that" stays
        ("that the pier will open in May", "added", "the pier will open in May"),
        ("that the pier will open in May", None, "the pier will open in May"),
        ("that was the last ferry of the year", "said", "that was the last ferry of the year"),
        ("That is why the pier shut", None, "That is why the pier shut"),
        # a quotation mark after it would make the rest look like direct speech
        ("that 'Harbour Lights' won the prize", None, "that 'Harbour Lights' won the prize"),
    ],
)
def test_show_quote_leads_reported_speech_with_a_telling_verb(content: str, cue: str | None, shown: str) -> None:
    assert show_quote(content, 200, cue) == shown


def test_only_a_speaker_who_comes_first_lends_the_verb() -> None:
    first = Quote("Dana Roe", "Dana Roe", (0, 8), "warned", "that the pier is unsafe", (16, 39), "indirect")
    after = Quote("Dana Roe", "Dana Roe", (31, 39), "warned", "The pier is unsafe", (0, 18), "indirect")
    assert leading_verb(first) == "warned"
    assert leading_verb(after) is None
    assert show_quote(after.content, 200, leading_verb(after)) == "The pier is unsafe"


def test_a_long_quote_is_cut_after_its_last_whole_sentence_that_fits() -> None:
    said = ("“We will keep the ferry running all winter. The crew know the route better than anyone and they "
            "will not let the islands down, whatever the weather brings in the months to come.”")
    assert show_quote(said, 80) == "“We will keep the ferry running all winter. …”"
    # an abbreviation ends no sentence
    assert show_quote("the firm will close its plant in St. Louis and move all 300 jobs to Calder by May", 60) == (
        "the firm will close its plant in St. Louis and move all…")
    assert show_quote("“Ports fail when the towns around them fight them. As history shows, i.e. Leeds and Hull in "
                      "the 1970s, crews simply leave.”", 84) == "“Ports fail when the towns around them fight them. …”"
    # ... unless that would leave less than half of what fits
    assert show_quote("“No. The crew know the route better than anyone and will not let us down.”", 40) == (
        "“No. The crew know the route better…”")


def test_trim_cuts_at_a_word_with_an_ellipsis() -> None:
    assert trim("one two three four five", 12) == "one two…"
    assert trim("short", 12) == "short"
    assert len(trim("x" * 500, 40)) <= 40


def test_printable_drops_controls_and_direction_overrides() -> None:
    assert printable("a\x1b[2Jb\u202ec\nd\te") == "a[2Jbc\nd\te"


def test_web_urls_and_lengths() -> None:
    assert is_web_url("https://news.example/a?b=1")
    assert not any(is_web_url(u) for u in (None, "", "file:///etc/passwd", "https://", "http://a b", "javascript:x"))
    assert utf16_units("a🙂") == 3 and plural(1, "feed") == "1 feed" and plural(2, "feed") == "2 feeds"


def _state(**kw: object) -> FeedState:
    base: dict[str, object] = {
        "feed": Feed("F", "https://f.example/rss"), "origin": "config", "title": None, "etag": None,
        "last_modified": None, "polled": True, "last_checked": None, "last_success": None, "last_error": None,
        "failures": 0, "next_try": None, "paused": False}
    return FeedState(**{**base, **kw})  # type: ignore[arg-type]


def test_feed_health() -> None:
    when = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert feed_health(_state()) == "not polled yet"
    assert feed_health(_state(last_success=when)) == "ok, last success 01 Mar 2026 08:00 UTC"
    failing = feed_health(_state(failures=2, last_error="HTTP 503", next_try=when))
    assert failing == "failing (2x): HTTP 503; next try 01 Mar 2026 08:00 UTC"
    assert feed_health(_state(failures=10, paused=True, last_error="HTTP 404")).startswith("paused after 10")
