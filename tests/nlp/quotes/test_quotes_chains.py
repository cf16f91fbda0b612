"""Subjects with asides and time phrases, verb chains, media adjuncts, participles and short headlines."""

from __future__ import annotations

import pytest

from bot.models import Quote
from bot.nlp.quotes import extract_quotes


def _by_cue(text: str, cue: str) -> Quote:
    """The one quote of text whose cue is cue, or cue and whom it was said to ("told reporters")."""
    found = [q for q in extract_quotes(text) if q.cue == cue or (q.cue or "").startswith(cue + " ")]
    assert len(found) == 1, [(q.source_text, q.cue, q.content) for q in extract_quotes(text)]
    return found[0]


def test_a_time_phrase_between_subject_and_verb_stays_out_of_the_source() -> None:
    q = _by_cue("Councillor Ines Volk on Tuesday said that the pier would close for repairs.", "said")
    assert q.source_text == "Councillor Ines Volk"
    assert q.content == "that the pier would close for repairs"
    q = _by_cue("Mayor Tomas Reyes last week told the council the ferry budget was short.", "told")
    assert q.source_text == "Mayor Tomas Reyes"


def test_a_subject_with_a_long_comma_aside_keeps_its_name() -> None:
    q = _by_cue(
        "Oskar Lind, 52, a ferry pilot who has worked the strait for years, said the new buoys were badly placed.",
        "said",
    )
    assert q.source_text == "Oskar Lind"
    assert q.content == "the new buoys were badly placed"


def test_a_dash_aside_after_a_relative_clause_returns_to_the_subject() -> None:
    q = _by_cue("Marta Quell — who has long opposed the tunnel — told reporters the vote was a mistake.", "told")
    assert q.speaker == "Marta Quell"
    assert q.content == "the vote was a mistake"


@pytest.mark.parametrize("dash", [" - ", " – "])
def test_an_aside_between_spaced_hyphens_returns_to_the_subject(dash: str) -> None:
    # the spaced hyphen of plain-text wires; the aside names a place and a year, and holds a hyphenated word
    text = f"Nils Harrow{dash}a so-called harbour rebel in Skerry since 1990{dash}said the buoys were badly placed."
    q = _by_cue(text, "said")
    assert q.speaker == "Nils Harrow"
    assert q.content == "the buoys were badly placed"


def test_the_main_verb_after_a_relative_clause_takes_the_opening_name() -> None:
    q = _by_cue("Quell, who says the tunnel costs too much, said the council should wait a year.", "said")
    assert q.speaker == "Quell"
    assert q.content == "the council should wait a year"


def test_verb_chains_reach_the_cue() -> None:
    q = _by_cue("Senator Ada Brook is expected to say the levy will be dropped.", "say")
    assert q.source_text == "Senator Ada Brook"
    assert q.content == "the levy will be dropped"
    q = _by_cue("Brook has been reluctant to endorse the harbour plan.", "endorse")
    assert q.source_text == "Brook"


def test_a_stance_verb_takes_an_infinitive() -> None:
    q = _by_cue("After the storm, Brook sought to calm the fishermen with promises of aid.", "sought")
    assert q.source_text == "Brook"
    assert q.content == "to calm the fishermen with promises of aid"


def test_a_weak_verb_without_a_clause_reports_nothing() -> None:
    assert [q for q in extract_quotes("Brook sought shelter in the old boathouse.") if q.cue == "sought"] == []


def test_a_medium_phrase_before_a_bare_clause_is_skipped() -> None:
    q = _by_cue("The ferry company said in a statement Thursday night it had cancelled the late crossing.", "said")
    assert q.content == "it had cancelled the late crossing"
    q = _by_cue("Brook told the Coast Gazette on Sunday the pier was unsafe.", "told")
    assert q.content == "the pier was unsafe"


def test_a_referring_participle_after_a_quotation_gets_the_same_speaker() -> None:
    text = "“They will regret it,” Brook said, referring to the port authority."
    said = _by_cue(text, "said")
    assert said.content == "“They will regret it,”"
    ref = _by_cue(text, "referring to")
    assert ref.speaker == "Brook"
    assert ref.content == "the port authority"


def test_a_referring_participle_closes_a_forward_content() -> None:
    q = _by_cue("Brook said the works “must end by June,” referring to the summer season, when boats return.", "said")
    assert q.content == "the works “must end by June,”"


def test_an_endorsed_name_is_not_a_listener() -> None:
    q = _by_cue(
        "At a rally on Friday, Mayor Tomas Reyes endorsed Ms. Brook, saying she would fix the pier.", "endorsed"
    )
    assert q.content == "Ms. Brook"
    assert q.source_text == "Mayor Tomas Reyes"


def test_a_compound_noun_is_not_cut_at_a_noun_like_cue() -> None:
    q = _by_cue("The radio show host said the callers were rude.", "said")
    assert q.source_text == "The radio show host"
    assert [x for x in extract_quotes("The radio show host said the callers were rude.") if x.cue == "show"] == []


def test_a_trailing_according_to_is_not_swallowed_by_an_earlier_cue() -> None:
    q = _by_cue("Brook returned on Friday and said little, according to an aide.", "according to")
    assert q.source_text == "an aide"
    assert q.content == "Brook returned on Friday and said little"


def test_a_first_line_headline_may_be_short_or_name_an_addressee() -> None:
    q = _by_cue("Brook to Harbour Board: The Pier Must Close\n\nThe board met on Monday.", ":")
    assert q.speaker == "Brook"
    assert q.content == "The Pier Must Close"


def test_it_opening_a_sentence_stands_for_the_subject_before() -> None:
    text = ("The charter was signed on Friday. It states that no berth may be sold to a private buyer.\n\n"
            "The Harbor Union raised its fees in May. It said that fuel had doubled in price.\n\n"
            "Ines Volk left the board in June. It said that the talks would go on without her.")
    speakers = [(q.source_text, q.speaker) for q in extract_quotes(text)]
    assert ("It", "the charter") in speakers
    assert ("It", "Harbor Union") in speakers
    assert ("It", "It") in speakers  # a person is never "it": the third stays unresolved
    # a word that titles a person ("home secretary") stays in a body's name
    office = "The Home Office denied any bias. It said that the checks had ended in May."
    assert [q.speaker for q in extract_quotes(office) if q.source_text == "It"] == ["Home Office"]
