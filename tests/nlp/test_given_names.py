"""Given names that tell a gender, and the name mentions that take it from them."""

from __future__ import annotations

from importlib import resources

import pytest

from bot.nlp.given_names import given_name_gender, is_given_name
from bot.nlp.quotes import extract_quotes
from bot.nlp.quotes.names import find_mentions


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Alicia", "f"), ("Svetlana", "f"), ("John", "m"), ("Jean-Pierre", "m"), ("Ieuan", "m"),
     # borne by men and women alike, or not a given name at all
     ("Alex", None), ("Jean", None), ("Andrea", None), ("Kim", None), ("Harbour", None),
     # a given name is capitalised: "john" is no one
     ("john", None),
     # accents do not matter; names borne by both sexes in the news tell nothing
     ("Ségolène", "f"), ("José", "m"), ("Jürgen", "m"), ("Hilary", None), ("Courtney", None), ("Jamie", None)],
)
def test_a_given_name_tells_a_gender_only_when_its_bearers_share_one(word: str, gender: str | None) -> None:
    assert given_name_gender(word) == gender


def test_a_name_of_either_gender_is_a_given_name_that_tells_none() -> None:
    assert is_given_name("Kelly") and given_name_gender("Kelly") is None
    assert is_given_name("Tony") and given_name_gender("Tony") == "m"
    assert not is_given_name("Singer") and not is_given_name("kelly")
    # the names of the last section tell no gender at all
    assert is_given_name("Alain") and given_name_gender("Alain") is None


def test_a_post_and_what_comes_before_it_are_no_part_of_a_name_after_any_given_name() -> None:
    quotes = extract_quotes("Green MEP Alain Ferrand said the vote was an insult.\n\n"
                            "\"It is ironic,\" said Harbour Watch's Jan Ostrow.")
    assert [q.speaker for q in quotes] == ["Alain Ferrand", "Jan Ostrow"]


def test_the_table_gives_no_name_both_genders() -> None:
    text = resources.files("bot.nlp").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    seen: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip("[]")
            continue
        if line.startswith("#"):
            continue
        for name in line.split():
            assert seen.setdefault(name, section) == section, name
            assert name[0].isupper() and name.replace("-", "").isalpha(), name
    assert set(seen.values()) == {"m", "f", "either", "name"} and len(seen) > 800


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("The singer Alicia Marten opened the show.", "Alicia Marten", "f"),
        ("Comic Joanna Hale spoke first.", "Comic Joanna Hale", "f"),  # the given name need not lead
        ("Labour MSP Christine May spoke first.", "Christine May", "f"),  # a party and a post are no part of it
        ("Mr Jean Dupont spoke first.", "Jean Dupont", "m"),  # the honorific tells it
        ("Promoter Sam Okafor spoke first.", "Sam Okafor", None),  # "Sam" is a given name of either gender
        # places named after people are no one's gender
        ("He died at his home in Beverly Hills on Sunday.", "Beverly Hills", None),
        ("Victoria Station was shut for an hour.", "Victoria Station", None),
        ("Doris Day sang on Boxing Day.", "Doris Day", "f"),  # a day's name closes hers, but "Doris" is a given name
    ],
)
def test_a_name_mention_takes_its_gender_from_its_given_name(text: str, name: str, gender: str | None) -> None:
    mention = next(m for m in find_mentions(text) if m.name == name)
    assert mention.gender == gender


def test_a_day_or_a_season_is_no_person() -> None:
    mentions = {m.name: m.person for m in find_mentions("He was knighted in the New Year honours on Boxing Day.")}
    assert mentions == {"New Year": False, "Boxing Day": False}


def test_she_is_given_to_the_woman_not_to_the_man_who_spoke_last() -> None:
    article = """Festival opens with a surprise

Singer Alicia Marten opened the Calder festival on Friday night.

Promoter Daniel Okafor said ticket sales had doubled since last year.

"I never expected a crowd this big," she said.
"""
    quote = next(q for q in extract_quotes(article) if "crowd this big" in q.content)
    assert quote.speaker is not None and quote.speaker.endswith("Alicia Marten")
