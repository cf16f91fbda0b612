"""Attribution families beyond plain speech: bare subjects, headlines, polls, quantifiers and phrase cues."""

from __future__ import annotations

from bot.nlp.quotes import extract_quotes
from tests.nlp.quotes.quoting import only


def test_a_plain_noun_phrase_can_be_the_source() -> None:
    q = only("After the vote, 47 percent of members said they would accept the new fees.")
    assert q.source_text == "47 percent of members"
    assert q.content == "they would accept the new fees"
    assert q.cue == "said"


def test_a_participle_phrase_can_be_the_source() -> None:
    q = only("By a wide margin, those polled in March say the ferry fares should be cut in half.")
    assert q.source_text == "those polled in March"
    assert q.content == "the ferry fares should be cut in half"


def test_adverbs_and_nouns_that_look_like_cues_are_not_cues() -> None:
    assert extract_quotes("The boats came back to the quay after the storm had passed over the bay.") == []
    assert extract_quotes("Her views on the harbour changed little over the long winter.") == []


def test_a_one_word_headline_names_its_speaker() -> None:
    q = only("Okafor: The new bridge will open in May as planned")
    assert q.speaker == "Okafor"
    assert q.content == "The new bridge will open in May as planned"


def test_a_label_line_is_not_a_headline() -> None:
    assert extract_quotes("Contributing: Dana Roe and Lee Park in Calder") == []
    assert extract_quotes("Note: The figures below were rounded to the nearest hundred") == []


def test_a_named_poll_closing_the_sentence_is_the_source() -> None:
    text = "Mayor Solberg holds a ten-point lead over her rival in a Harbour Gazette poll released Sunday."
    q = only(text)
    assert q.source_text == "a Harbour Gazette poll released Sunday"
    assert q.content == "Mayor Solberg holds a ten-point lead over her rival"


def test_an_unnamed_poll_is_not_a_source() -> None:
    assert extract_quotes("Mayor Solberg has led in the polls for most of the spring.") == []


def test_a_quantifier_can_be_the_subject() -> None:
    q = only("Some said the new fees would drive the small boats away from Calder.")
    assert q.source_text == "Some"
    assert q.content == "the new fees would drive the small boats away from Calder"


def test_a_floating_quantifier_keeps_the_real_subject() -> None:
    q = only("Calder and Brill have both denied that they compete for the same grant.")
    assert q.source_text == "Calder and Brill"


def test_this_opens_a_clause_unless_a_time_follows() -> None:
    q = only("Residents thought this harbour would never be rebuilt after the storm.")
    assert q.content == "this harbour would never be rebuilt after the storm"
    assert extract_quotes("Residents thought this week about leaving the island for good.") == []


def test_phrase_cues_of_demand_and_reference() -> None:
    q = only("The fishermen's union called for an inquiry into the collapse of the old pier.")
    assert q.cue == "called for"
    assert q.content == "an inquiry into the collapse of the old pier"
    q = only("Ms. Solberg spoke about the storm damage as a warning for the whole coast.")
    assert q.cue == "spoke about"
    assert q.source_text == "Ms. Solberg"
