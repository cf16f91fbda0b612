"""Title-case headlines, phrasal cues, verbs of reporting and clause ends added for recall."""

from __future__ import annotations

from bot.nlp.quotes import extract_quotes
from bot.nlp.quotes.headline import is_title_case
from tests.nlp.quotes.quoting import only, pairs


def test_a_title_case_headline_attributes_what_follows_its_verb() -> None:
    q = only("Harbour Board Says Ferry Fares Must Rise Next Year\n\nThe board met on Monday.")
    assert q.source_text == "Harbour Board"
    assert q.content == "Ferry Fares Must Rise Next Year"


def test_a_headline_content_stops_at_a_comma() -> None:
    assert pairs("Dana Roe Slams Council Over Ferry Fares, Quits Race") == [("Dana Roe", "Council Over Ferry Fares")]


def test_a_headline_verb_drops_the_auxiliaries_before_it() -> None:
    q = extract_quotes("Roe May Not Have Backed The Ferry Plan, But She Praised It Later")[0]
    assert q.source_text == "Roe"
    assert q.content == "The Ferry Plan"


def test_headline_noun_phrases_and_passives_are_not_attributions() -> None:
    assert extract_quotes("Ten Of The Things Roe Said This Year") == []
    assert extract_quotes("Ferry Suspect Named By Police Before Hearing") == []


def test_title_case_needs_most_long_words_capitalized() -> None:
    assert is_title_case("Harbour Board Says Ferry Fares Must Rise")
    assert not is_title_case("The harbour board says ferry fares must rise")
    assert not is_title_case("HARBOUR BOARD SAYS FARES MUST RISE")


def test_a_pronoun_after_the_cue_opens_the_content_not_an_inverted_source() -> None:
    q = only("Another rider on the route, Ann Poole, said she was only leaning toward the ferry.")
    assert q.source_text == "Ann Poole"
    assert q.content == "she was only leaning toward the ferry"


def test_a_set_off_adverb_may_sit_between_subject_and_cue() -> None:
    q = only("Members of the ferry board, however, say the fares will stay as they are.")
    assert q.content == "the fares will stay as they are"
    assert q.source_text is not None and "ferry board" in q.source_text


def test_and_has_with_a_past_verb_ends_the_reported_clause() -> None:
    q = extract_quotes("Roe said the fares must rise, and has promised a review in May.")[0]
    assert q.content == "the fares must rise"


def test_reported_words_end_where_others_are_said_to_speak() -> None:
    text = "The port said it would keep the pier open, observers said they expected a strike in May."
    assert [(q.source_text, q.content) for q in extract_quotes(text)] == [
        ("The port", "it would keep the pier open"), ("observers", "they expected a strike in May")]


def test_what_the_words_set_off_is_told_by_the_narrator() -> None:
    q = extract_quotes("The port has confirmed it is closing the north pier, prompting the crews to strike.")[0]
    assert q.content == "it is closing the north pier"
    q = extract_quotes("Roe has announced a cap on fares, in a move branded a retreat by the ferry union.")[0]
    assert q.content == "a cap on fares"
    q = extract_quotes("The yard has said it has built a ferry in a year, raising hopes of more crossings.")[0]
    assert q.content == "it has built a ferry in a year"
    # what the speaker foretells stays theirs
    q = extract_quotes("Roe says the cap will cut the fares, leading to more crossings in winter.")[0]
    assert q.content == "the cap will cut the fares, leading to more crossings in winter"


def test_phrasal_cues_of_stance_take_their_object() -> None:
    assert pairs("Roe railed against the new ferry timetable.") == [("Roe", "the new ferry timetable")]
    assert pairs("Park pushed for a vote on the harbour fees.") == [("Park", "a vote on the harbour fees")]
    assert pairs("The union took aim at the night schedule.") == [("The union", "the night schedule")]


def test_more_verbs_of_reporting_and_judging_are_cues() -> None:
    assert pairs("The judge ruled that the fees were lawful.") == [("The judge", "that the fees were lawful")]
    assert pairs("The council chastised the operator for the late ferries.") == [
        ("The council", "the operator for the late ferries")]
    assert pairs("The panel released a report on the late ferries.") == [("The panel", "a report on the late ferries")]


def test_a_noun_of_saying_before_a_later_cue_keeps_its_possessor() -> None:
    found = pairs("Despite her claim that the pier was sound, the board ordered a full inspection.")
    assert ("her", "that the pier was sound") in found
    assert ("the board", "a full inspection") in found


def test_an_opening_participle_of_saying_belongs_to_the_subject_after_the_comma() -> None:
    found = pairs("While saying the fares were fair, Roe conceded that the timetable needed work.")
    assert found == [("Roe", "the fares were fair"), ("Roe", "that the timetable needed work")]
    found = pairs("Conceding that the fares were high, Park warned that cuts would come.")
    assert found == [("Park", "that the fares were high"), ("Park", "that cuts would come")]


def test_an_opening_participle_of_another_kind_is_no_attribution() -> None:
    assert pairs("Speaking at the pier, Roe said the board would decide.") == [("Roe", "the board would decide")]


def test_interest_and_the_case_for_something_are_stances() -> None:
    assert pairs("Roe is interested in a second ferry route.") == [("Roe", "a second ferry route")]
    assert pairs("Park made the case for a lower fare at night.") == [("Park", "a lower fare at night")]


def test_a_verb_after_a_participial_aside_shares_the_aside_speaker() -> None:
    found = pairs("Roe, citing the delays, said that the ferry needed a new captain.")
    assert found == [("Roe", "the delays"), ("Roe", "that the ferry needed a new captain")]


def test_a_name_before_a_role_noun_is_a_speaker_in_a_second_clause() -> None:
    found = pairs("Roe declined to comment and Harbour aides later said the ferry was late.")
    assert found == [("Roe", "to comment"), ("Harbour aides", "the ferry was late")]
