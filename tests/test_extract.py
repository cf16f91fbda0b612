"""Tests of article extraction: main text only, metadata, fallback, and boilerplate removal."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.extract import extract_article, is_boilerplate, strip_boilerplate

ARTICLE = [
    "The regional assembly voted on Thursday to approve the tidal power plant at the mouth of the estuary, "
    "ending four years of hearings and two rejected designs.",
    "Thirty-one members backed the plan and eleven opposed it. The operator expects to begin building the "
    "turbine barrage next spring and to deliver its first power within three years.",
    '"This is the most important decision this assembly has taken in a decade," said Tomas Lindqvist, who '
    'chairs the energy committee. "The tide comes in twice a day whether we use it or not."',
    "Fishing associations remain opposed. Their spokeswoman, Ana Ferreira, said the barrage would change how "
    "salmon reach the river and that the promised fish passes had never been tested at this scale.",
    "The operator says it will fund a ten-year monitoring programme and pay for a new hatchery upstream if "
    "salmon numbers fall below an agreed threshold.",
    "Construction is expected to employ around four hundred people at its peak, most of them hired locally.",
]

BOILERPLATE = [
    "We use cookies",
    "Accept all cookies",
    "Share on Facebook",
    "Share via Email",
    "Sign up for our newsletter",
    "delivered to your inbox",
    "Related articles",
    "Ferry fares rise in spring",
    "Leave a Comment",
    "Your email address will not be published",
    "Required fields are marked",
    "Save my name, email",
    "Post Comment",
    "Scroll to Top",
    "All rights reserved",
    "Sport",
    "Weather",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Tidal power plant clears final vote | Harbour Town Gazette</title>
  <meta property="og:title" content="Tidal power plant clears final vote">
  <meta name="twitter:image" content="https://cdn.example.org/tw/tidal.jpg">
  <meta property="og:image" content="/media/tidal-plant.jpg">
  <meta property="article:published_time" content="2025-03-06T14:20:00+01:00">
  <meta name="author" content="Mira Olsen">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
    <button>Accept all cookies</button> <a href="/privacy">Cookie settings</a></div>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
    <a href="/weather">Weather</a></nav></header>
  <main>
    <article>
      <h1>Tidal power plant clears final vote</h1>
      <p class="byline">By Mira Olsen</p>
      <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
        <a href="#">Share via Email</a></div>
      <p>{ARTICLE[0]}</p>
      <p>{ARTICLE[1]}</p>
      <p>{ARTICLE[2]}</p>
      <p>{ARTICLE[3]}</p>
      <p>{ARTICLE[4]}</p>
      <div class="newsletter-signup"><h3>Sign up for our newsletter</h3>
        <p>Get the day's top stories delivered to your inbox every morning.</p>
        <form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>
      <p>{ARTICLE[5]}</p>
    </article>
    <aside class="related"><h2>Related articles</h2><ul>
      <li><a href="/news/ferry">Ferry fares rise in spring</a></li>
      <li><a href="/news/lighthouse">Lighthouse reopens to visitors</a></li></ul></aside>
    <section id="comments" class="comments-area">
      <h3 id="reply-title">Leave a Comment</h3>
      <form id="commentform">
        <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
        <textarea name="comment"></textarea><input name="author" placeholder="Name*">
        <p><input type="checkbox"> Save my name, email, and website in this browser for the next time I comment.</p>
        <button>Post Comment</button></form>
    </section>
  </main>
  <footer><p>© 2025 Harbour Town Gazette. All rights reserved.</p>
    <a href="#top" class="scroll-top">Scroll to Top</a></footer>
</body>
</html>
"""

URL = "https://gazette.example.org/news/tidal-vote"


def test_article_text_without_boilerplate() -> None:
    result = extract_article(PAGE.encode("utf-8"), URL)
    assert result is not None
    assert result.text == "\n\n".join(ARTICLE)
    for phrase in BOILERPLATE:
        assert phrase.lower() not in result.text.lower(), phrase


def test_metadata() -> None:
    result = extract_article(PAGE, URL)
    assert result is not None
    assert result.title == "Tidal power plant clears final vote"
    assert result.image == "https://gazette.example.org/media/tidal-plant.jpg"  # og:image wins, resolved
    assert result.language == "en-GB"
    assert result.published == datetime(2025, 3, 6, 13, 20, tzinfo=UTC)
    assert result.author == "Mira Olsen"


def test_twitter_image_when_no_og_image() -> None:
    page = PAGE.replace('<meta property="og:image" content="/media/tidal-plant.jpg">', "")
    result = extract_article(page, URL)
    assert result is not None and result.image == "https://cdn.example.org/tw/tidal.jpg"


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def nothing(*args: Any, **kwargs: Any) -> None:
        return None

    monkeypatch.setattr("trafilatura.bare_extraction", nothing)
    result = extract_article(PAGE, URL)
    assert result is not None
    for paragraph in ARTICLE:
        assert paragraph in result.text.split("\n\n")
    for phrase in BOILERPLATE:
        assert phrase.lower() not in result.text.lower(), phrase
    assert result.title == "Tidal power plant clears final vote"


@pytest.mark.parametrize("html", [b"", "   ", "<html><head><title>x</title></head><body></body></html>"])
def test_nothing_to_extract(html: bytes | str) -> None:
    assert extract_article(html, URL) is None


def test_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("extraction tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = extract_article(PAGE, URL)
    assert result is not None and ARTICLE[0] in result.text


TEXT_ARTICLE = """Skip to content
Share this article

Harbour gets a new pilot boat

The harbour authority took delivery of its new pilot boat on Friday.

"She handles beautifully in a swell," said the senior pilot, Erik Dahl.

Leave a Comment

Your email address will not be published. Required fields are marked *

Scroll to Top
"""


def test_strip_boilerplate_from_plain_text() -> None:
    assert strip_boilerplate(TEXT_ARTICLE) == (
        "Harbour gets a new pilot boat\n\n"
        "The harbour authority took delivery of its new pilot boat on Friday.\n\n"
        '"She handles beautifully in a swell," said the senior pilot, Erik Dahl.'
    )


def test_strip_boilerplate_leaves_the_middle_alone() -> None:
    text = "First real line.\nRead more\nLast real line."
    assert strip_boilerplate(text) == text
    assert strip_boilerplate("Leave a Comment\n\nScroll to Top\n") == ""


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Back to top",
        "• Share on WhatsApp",
        "Sign up for our free daily newsletter",
        "Related Articles",
        "You may also like",
        "Advertisement",
        "This site uses cookies to give you a better experience.",
        "© 2025 Harbour Town Gazette",
        "12 Comments",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The comment period for the harbour plan closes on Friday.",
        "Readers shared the story widely on social media after the vote.",
        "Copyright law was at the centre of the dispute.",
        "Top officials met in Moscow on Monday.",
        "",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
