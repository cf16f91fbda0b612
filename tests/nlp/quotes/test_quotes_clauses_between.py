"""Subjects kept apart from their verb: relative clauses, asides, verb lists, shares and unnamed polls."""

from __future__ import annotations

from bot.nlp.quotes import extract_quotes
from tests.nlp.quotes.quoting import only, pairs


def _said(text: str) -> tuple[str | None, str]:
    """Return (source, content) of the quote whose cue is a form of "say" or "tell"."""
    found = [(q.source_text, q.content) for q in extract_quotes(text)
             if q.cue is not None and q.cue.lower() in ("said", "says", "say", "told")]
    assert len(found) == 1, pairs(text)
    return found[0]


def test_a_relative_clause_set_off_by_commas_keeps_the_subject_of_the_main_verb() -> None:
    source, content = _said("One neighbour, who asked not to be named, said the dam had leaked for weeks.")
    assert source is not None and source.endswith("neighbour")
    assert content == "the dam had leaked for weeks"


def test_a_bare_relative_clause_ends_at_the_verb_of_saying() -> None:
    text = "A harbour official who spoke on condition of anonymity said the ferries would resume in June."
    assert _said(text) == ("A harbour official", "the ferries would resume in June")
    text = "Another rower who did not want to be named said the coach had quit."
    assert _said(text) == ("Another rower", "the coach had quit")
    for q in extract_quotes(text):
        assert "said" not in q.content  # the relative clause's own content stops before the main verb


def test_a_whose_clause_keeps_its_head_as_the_speaker() -> None:
    text = "The growers whose orchards flooded say the levee was never finished."
    assert _said(text) == ("The growers", "the levee was never finished")


def test_shares_out_of_small_counts_can_speak() -> None:
    assert only("Two in three said the tram was too slow.").source_text == "Two in three"
    assert only("More than 4 in 10 said the tram was too slow.").source_text == "4 in 10"
    assert only("About three-quarters said the fare was fair.").source_text == "three-quarters"
    assert only("Nine out of 10 riders say the tram is late.").source_text == "Nine out of 10 riders"


def test_than_before_a_count_is_not_a_comparison_of_speech() -> None:
    assert extract_quotes("She earned more than he said she would.") == []
    assert only("Fewer than three in 10 said they trusted the board.").content == "they trusted the board"


def test_a_naming_verb_keeps_its_pronoun_object() -> None:
    q = only('The coach called her "a born sprinter" and left the track.')
    assert q.content.startswith('her "a born sprinter"')


def test_a_verb_in_a_list_shares_the_subject_of_the_first() -> None:
    got = pairs('Lee mocked the budget, called it "a fairy tale" and walked out.')
    assert ("Lee", 'it "a fairy tale" and walked out') in got or any(
        src == "Lee" and content.startswith('it "a fairy tale"') for src, content in got)


def test_a_participial_aside_leaves_the_main_verb_its_subject() -> None:
    text = "The mayor, hoping to win the port vote, called the plan a gift to developers."
    assert ("The mayor", "the plan a gift to developers") in pairs(text)
    text = "Ms. Orr, citing the storm damage, said the pier would stay shut."
    assert ("Ms. Orr", "the pier would stay shut") in pairs(text)


def test_an_appositive_before_said_is_not_a_verb_list() -> None:
    text = "Dana Vik, a fellow at a rural think tank, said the grain tariff would backfire."
    assert pairs(text) == [("Dana Vik", "the grain tariff would backfire")]


def test_a_name_given_after_something_is_no_saying() -> None:
    assert pairs("Only two firms bid, Holm Oil and the new Calder Trust, named after a lake in the north.") == []


def test_an_unnamed_poll_reports_a_standing() -> None:
    assert pairs("Roe leads Lee by six points in the polls.") == [("the polls", "Roe leads Lee by six points")]
    assert extract_quotes("Roe wore a red coat in the polls.") == []  # no standing, no source


def test_a_dropped_determiner_does_not_hide_the_comma_before_a_trailing_source() -> None:
    q = only("The ferry route is dead for now, one longtime boatman said.")
    assert q.content == "The ferry route is dead for now"
    assert q.source_text is not None and q.source_text.endswith("boatman")


def test_late_before_a_day_is_an_adjunct_before_that() -> None:
    assert only("Vik said late Friday that the strike was over.").content == "that the strike was over"


def test_a_document_finds_or_shows_a_bare_clause() -> None:
    assert only("The audit found lax controls at the port authority.").content == "lax controls at the port authority"
    assert only("A recent survey of anglers found most favour the quota.").source_text == "A recent survey of anglers"
    assert extract_quotes("Roe found a new job in the valley.") == []  # a person finding a thing reports nothing


def test_a_long_source_after_according_to_is_kept_whole() -> None:
    text = ("According to early results of an exit poll conducted by two universities for the regional papers, "
            "most voters backed the levy.")
    q = only(text)
    assert q.source_text == ("early results of an exit poll conducted by two universities for the regional papers")
    assert q.content == "most voters backed the levy"


def test_a_share_followed_by_an_object_supports_it() -> None:
    assert pairs("About two-thirds support a cap on ferry fares.") == [("two-thirds", "a cap on ferry fares")]
    assert extract_quotes("Vik has 41 percent support among older anglers.") == []


def test_a_passive_asked_by_makes_the_asker_the_source_of_the_question() -> None:
    got = pairs("When asked by the host on Sunday about the levy, Lee said it was fair.")
    assert got == [("the host", "about the levy"), ("Lee", "it was fair")]
