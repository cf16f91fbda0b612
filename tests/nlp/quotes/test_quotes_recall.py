"""Constructions of news reporting that attribute without a plain "X said that …"."""

from __future__ import annotations

from bot.nlp.quotes import extract_quotes
from tests.nlp.quotes.quoting import only, pairs


def test_a_progressive_phrase_cue_keeps_its_subject() -> None:
    q = only("Roe is calling for the city to raise the harbour fees.")
    assert q.source_text == "Roe"
    assert q.content == "the city to raise the harbour fees"


def test_a_bare_share_can_speak_but_not_before_a_noun() -> None:
    q = only("About 9 percent said they had no preference at all.")
    assert q.source_text == "9 percent"
    assert q.content == "they had no preference at all"
    assert all(q.source_text != "41 percent" for q in extract_quotes("Roe has 41 percent support among older voters."))


def test_modifiers_before_a_trailing_document_source_belong_to_it() -> None:
    q = only("Half of the money arrived in March, new campaign filings show.")
    assert q.source_text == "new campaign filings"
    assert q.content == "Half of the money arrived in March"


def test_a_clause_with_its_own_subject_ends_the_reported_one() -> None:
    text = "Roe said the ferry is safe, but she conceded that the timetable needs work."
    assert pairs(text) == [("Roe", "the ferry is safe"), ("she", "that the timetable needs work")]
    q = extract_quotes("Park said the bridge will open in May, and he railed against the delays.")[0]
    assert q.content == "the bridge will open in May"


def test_a_second_speaker_after_a_conjunction_splits_the_content() -> None:
    text = "Most members said the fees were fair, while 30 percent said they were too high."
    assert pairs(text) == [("Most members", "the fees were fair"), ("30 percent", "they were too high")]


def test_a_participle_after_an_adverb_or_and_shares_the_subject() -> None:
    q = extract_quotes("Roe spent the night at the archive, falsely suggesting that the mayor hid the costs.")[-1]
    assert q.source_text == "Roe"
    assert q.content == "that the mayor hid the costs"
    q = extract_quotes("Roe painted her rivals as timid and suggesting that she alone would act.")[-1]
    assert q.source_text == "Roe"
    assert q.content == "that she alone would act"


def test_a_modal_may_stand_between_subject_and_cue() -> None:
    q = only("Park can ask the delegates to back another candidate.")
    assert q.source_text == "Park"
    assert q.content.endswith("to back another candidate")


def test_a_name_before_a_participle_holds_its_words() -> None:
    q = only("Critics went further, with former Gov. Dana Roe calling the plan a fraud.")
    assert q.source_text is not None and q.source_text.endswith("Dana Roe")
    assert q.content == "the plan a fraud"
    q = only("Roe gained ground, with 30 percent of voters saying they trust her.")
    assert q.source_text == "30 percent of voters"
    assert q.content == "they trust her"


def test_nouns_of_saying_take_their_possessor_as_source() -> None:
    assert ("Dana Roe", "to close the harbour at night") in pairs(
        "Voters have a word for Dana Roe's plan to close the harbour at night: no.")
    assert ("his", "that the ferry was safe") in pairs(
        "Despite his claim that the ferry was safe, the board ordered a review.")


def test_voting_and_answering_phrases_are_cues() -> None:
    assert pairs("Most delegates voted for the harbour plan.") == [("Most delegates", "the harbour plan")]
    assert pairs("The port authority did not respond to a request for comment.") == [
        ("The port authority", "a request for comment")]


def test_a_long_adjunct_may_sit_between_cue_and_that() -> None:
    q = only("Roe said Thursday during a town hall in Calder, Maine, that the ferry must run at night.")
    assert q.content == "that the ferry must run at night"


def test_a_dash_credit_line_names_the_speaker_of_the_quotation_before_it() -> None:
    text = "“The new bridge is a waste of money and time.”\u00a0― Dana Roe\n“We need it badly.” — Lee Park\n"
    assert pairs(text) == [
        ("Dana Roe", "“The new bridge is a waste of money and time.”"),
        ("Lee Park", "“We need it badly.”"),
    ]


def test_a_wrong_way_mark_can_open_a_quotation_at_a_paragraph_start() -> None:
    q = only("”Fear is what I feel when I watch the debates.” ― Dana Roe\n")
    assert q.source_text == "Dana Roe"
    assert q.kind == "direct"


def test_transcript_labels_attribute_whole_turns() -> None:
    text = ("Partial transcript:\n\n\"ROE: Let us start with the bridge. Is it late?\n\n"
            "\"PARK: It is not late. We will open in May.\n")
    assert pairs(text) == [
        ("ROE", "Let us start with the bridge. Is it late?"),
        ("PARK", "It is not late. We will open in May."),
    ]
    interview = "Q: Why did you run?\n\nA: Because the town asked me to, and I could not say no.\n"
    assert [s for s, _ in pairs(interview)] == ["Q", "A"]


def test_a_lone_label_or_a_question_without_answers_is_not_a_transcript() -> None:
    assert all(q.source_text != "UPDATE" for q in extract_quotes("UPDATE: The ferry resumed service at noon.\n"))
    only_q = "Q: What changed in the harbour this year?\n\nThe answer came later.\n\nQ: And the fees?\n"
    assert all(q.source_text != "Q" for q in extract_quotes(only_q))


def test_an_adjective_of_attitude_after_be_reports_a_stance() -> None:
    assert pairs("Many voters are wary of the new harbour fees.") == [("Many voters", "the new harbour fees")]
    q = only("The mayor was confident that the bridge would open in May.")
    assert q.source_text == "The mayor"
    assert q.content.endswith("the bridge would open in May")
    assert extract_quotes("The weather was calm over the bay all week.") == []
