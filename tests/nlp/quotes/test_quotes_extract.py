"""Quote extraction on small invented articles: kinds, spans, speakers and their resolution."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.models import Quote
from bot.nlp.quotes import extract_quotes

ARTICLE = """Harbour town votes to rebuild its pier

Port Calder Mayor Ingrid Solberg said the council would rebuild the old pier before next summer.

Ms. Solberg spoke after a long meeting with fishing families and her deputy, Arne Dahl.

“We waited too long, and the storms did not wait for us. The pier is the town's front door,” she said.

The fishermen's cooperative says repairs will cost at least twice the first estimate.

The mayor is “certain the money will be found before the autumn,” she told reporters.

Mr Dahl warned that the harbour fund was nearly empty.

“Nobody here wants higher fees,” Mr. Dahl said. “But nobody wants to lose the harbour either.

“If we do nothing, the boats will simply go elsewhere.”

According to the regional ministry, three other harbours asked for the same grant this year.

Calder and its neighbour Brill have both denied that they compete for the grant, saying the two \
towns will apply together.
"""


def _find(quotes: list[Quote], words: str) -> Quote:
    for q in quotes:
        if words in q.content:
            return q
    raise AssertionError(f"no quote holds {words!r}: {[q.content for q in quotes]}")


@pytest.fixture(scope="module")
def quotes() -> list[Quote]:
    return extract_quotes(ARTICLE)


def test_spans_slice_the_text(quotes: list[Quote]) -> None:
    assert quotes
    for q in quotes:
        s, e = q.content_span
        assert ARTICLE[s:e] == q.content
        if q.source_span is not None:
            ss, se = q.source_span
            assert ARTICLE[ss:se] == q.source_text


def test_indirect_speech_with_title(quotes: list[Quote]) -> None:
    q = _find(quotes, "rebuild the old pier")
    assert q.kind == "indirect"
    assert q.speaker == "Ingrid Solberg"
    assert q.source_text == "Port Calder Mayor Ingrid Solberg"
    assert q.cue == "said"
    assert q.content == "the council would rebuild the old pier before next summer"


def test_direct_quote_with_pronoun_resolves_to_named_woman(quotes: list[Quote]) -> None:
    q = _find(quotes, "We waited too long")
    assert q.kind == "direct"
    assert q.source_text == "she"
    assert q.speaker == "Ingrid Solberg"
    assert q.content.startswith("“We waited") and q.content.endswith("front door,”")


def test_organisation_as_speaker(quotes: list[Quote]) -> None:
    q = _find(quotes, "twice the first estimate")
    assert q.speaker == "The fishermen's cooperative"
    assert q.kind == "indirect"


def test_mixed_quote(quotes: list[Quote]) -> None:
    q = _find(quotes, "certain the money")
    assert q.kind == "mixed"
    assert q.speaker == "Ingrid Solberg"
    assert q.content.startswith("The mayor is “certain")


def test_surname_without_title_period_resolves(quotes: list[Quote]) -> None:
    q = _find(quotes, "harbour fund was nearly empty")
    assert q.source_text == "Mr Dahl"
    assert q.speaker == "Arne Dahl"
    assert q.cue == "warned"


def test_quote_running_over_paragraphs(quotes: list[Quote]) -> None:
    q = _find(quotes, "Nobody here wants higher fees")
    assert q.speaker == "Arne Dahl"
    assert q.source_text == "Mr. Dahl"
    assert q.kind == "direct"
    assert "boats will simply go elsewhere" in q.content
    assert "\n\n“If we do nothing" in q.content


def test_according_to(quotes: list[Quote]) -> None:
    q = _find(quotes, "three other harbours")
    assert q.cue == "according to"
    assert q.source_text == "the regional ministry"
    assert q.content == "three other harbours asked for the same grant this year"


def test_participle_takes_the_sentence_subject(quotes: list[Quote]) -> None:
    q = _find(quotes, "the two towns will apply together")
    assert q.source_text == "Calder and its neighbour Brill"
    assert q.cue == "saying"


def test_inverted_attribution_and_straight_marks() -> None:
    text = ('Officials met on Friday.\n\n"The bridge stays closed until the inspection ends,"'
            " said Ruth Okafor, the county engineer.\n")
    [q] = extract_quotes(text)
    assert q.speaker == "Ruth Okafor"
    assert q.kind == "direct"
    assert q.content == '"The bridge stays closed until the inspection ends,"'


def test_inverted_attribution_with_an_honorific_and_more_after_it() -> None:
    text = ("Mayor Lena Vogt set the date on Monday.\n\n"
            "“We promised a safe bridge,” said Ms. Vogt at a press conference in the town hall.\n")
    (quote,) = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert quote.speaker == "Lena Vogt" and quote.source_text == "Ms. Vogt"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an initial's period ends no name: "said Mr K. Ramanathan, head of …" is Ramanathan, not "K"
        ("“Digging up the roads takes months,” said Mr K. Ramanathan, head of networks at Calder Telecom.",
         "K. Ramanathan"),
        # "National" after "Office for" is part of the body's name, not a title before a person called "Statistics"
        ("Last year, the Office for National Harbour Statistics reported that half of all berths stood empty.",
         "the Office for National Harbour Statistics"),
        # ... while a title that closes the run still heads the person named after it
        ("Council for National Parks chairman Ivo Lund said the park would stay open all winter.", "Ivo Lund"),
        # a name set after the role that closes the sentence is who spoke
        ("“It will be a tragedy,” said the chairman of the harbour committee, Labour MP Ivo Lund.", "Ivo Lund"),
        ("“Any half plan would hurt the port,” said its chairman, Tomas Berg.", "Tomas Berg"),
        # a name joined by a slash is one name
        ("A report by analysts HarbourStat/NDR has predicted that ferry traffic will grow by 44% by 2030.",
         "HarbourStat/NDR"),
    ],
)
def test_a_speaker_is_named_whole(text: str, speaker: str) -> None:
    (quote,) = extract_quotes(text + "\n")
    assert quote.speaker == speaker


def test_nyt_style_marks_and_role_reference() -> None:
    text = ("Finance Minister Paolo Brandt defended the budget on Tuesday.\n\n"
            "''Every line of it has been checked twice,'' the minister said.\n")
    qs = extract_quotes(text)
    q = _find(qs, "Every line")
    assert q.kind == "direct"
    assert q.source_text == "the minister"
    assert q.speaker == "Paolo Brandt"


def test_he_and_she_pick_the_matching_person() -> None:
    text = ("Mrs. Lena Varga met Mr. Otto Klein at the summit.\n\n"
            "“The talks went well,” he said.\n\n“We agreed on very little,” she said.\n")
    qs = extract_quotes(text)
    assert _find(qs, "talks went well").speaker == "Otto Klein"
    assert _find(qs, "agreed on very little").speaker == "Lena Varga"


def test_description_before_the_name_is_part_of_the_source() -> None:
    text = "“The numbers simply do not add up,” veteran budget analyst Omar Reyes wrote on Sunday.\n"
    [q] = extract_quotes(text)
    assert q.kind == "direct"
    assert q.source_text == "veteran budget analyst Omar Reyes"
    assert q.speaker == "Omar Reyes"
    assert q.content == "“The numbers simply do not add up,”"


def test_a_sentence_opening_on_a_place_then_a_description_is_the_named_one_s() -> None:
    # "British number one Tim Henman, who …, believes …": Henman believes, not "British"
    text = ("Danish number one Ida Holm, who won the title twice, believes Calder can win the cup.\n\n"
            "Norwegian shipping giant Skerrco has posted record profits and predicted that fares will rise.\n")
    qs = extract_quotes(text)
    assert _find(qs, "Calder can win").speaker == "Ida Holm"
    assert _find(qs, "fares will rise").speaker == "Skerrco"  # the firm the description ends on
    # a past tense between two names is a verb, not a description
    led = "Ivo Lund led the past four Calder crews but said the club dropped him after the race.\n"
    assert _find(extract_quotes(led), "dropped him").speaker == "Ivo Lund"


def test_though_between_a_subject_and_its_verb_keeps_the_subject() -> None:
    text = ("Ida Holm lost in the first round in Holm.\n\n"
            "Ana Lund, the youngest in the draw, will now face champion Eva Berg.\n\n"
            "“Berg is a great player,” she said. Holm though blamed her defeat on injuries. "
            "“Blisters were a factor,” she said.\n")
    qs = extract_quotes(text)
    assert _find(qs, "Blisters").speaker == "Ida Holm"


def test_a_newcomer_opening_the_sentence_before_is_the_he_even_with_his_own_his() -> None:
    text = ("Joe Mclean, a ferry specialist at Calder Bank, said the support of the owners was “crucial”. "
            "“The bid will not go ahead without them.”\n\n"
            "Tom Brandt was little-known in Holm until he started to build up his stake in the ferry line. "
            "In February he said he was “considering” whether to bid for the line.\n")
    assert _find(extract_quotes(text), "considering").speaker == "Tom Brandt"


def test_a_man_named_in_a_sentence_about_the_last_speaker_is_not_the_he() -> None:
    text = ("Ivo Lund has broken his wrist. “It will take six weeks to heal,” he told the Holm Courier. "
            "The 24-year-old missed the spring races after a fall with Calder's Tom Brandt. "
            "And he added: “It felt different this time.”\n")
    assert _find(extract_quotes(text), "felt different").speaker == "Ivo Lund"


def test_an_age_after_the_narration_names_the_one_it_opens_on() -> None:
    text = ("Calder harbour has hired a band for its summer fair.\n\n"
            "Ivo Lund is free on bail and is awaiting trial in Holm. "
            "The 64-year-old has denied the theft, saying the boat was his own.\n")
    assert _find(extract_quotes(text), "boat was his own").speaker == "Ivo Lund"
    # ... but a nationality is not checked so: "the American" may be the other player
    match = ("Tom Brandt was delighted with his win over Eva Berg in Holm.\n\n"
             "“I felt good,” said the American.\n")
    assert _find(extract_quotes(match), "felt good").speaker == "the American"


def test_the_company_far_after_the_firm_said_is_the_firm() -> None:
    text = ("Ferry line Calderlink may sue the port for damages after a royal visit closed the harbour.\n\n"
            "Calderlink said that it may lose millions of euros as a result of the closure on Wednesday. "
            "Crossings were stopped for an hour in the morning, twice as long as expected, which led to long "
            "queues at the terminal and to delays for freight lorries on both sides of the water. The port "
            "handles six of every ten crossings on the coast and had warned drivers to expect some delays.\n\n"
            "“We are looking into what we can do,” Ana Lund, a spokeswoman, told reporters in Holm. “We are "
            "checking whether there is a case to answer and in which court it could be heard.”\n\n"
            "The company said that it had to cancel 77 crossings, affecting about 5,000 passengers.\n")
    assert _find(extract_quotes(text), "cancel 77").speaker == "Calderlink"


def test_the_subject_of_a_clause_after_after_is_the_speaker_not_what_came_before() -> None:
    quotes = extract_quotes(
        "Shares in Holm Ferries rose 6% after the firm said its new route was full. Calder Oil stock lost "
        "a third of its value after island regulators said they wanted more tests. Letters released after "
        "30 years reveal the pier was sold twice.\n")
    assert [q.speaker for q in quotes] == ["the firm", "island regulators", "Letters released after 30 years"]


def test_the_paper_is_the_newspaper_named_last() -> None:
    text = ("The Harbour Gazette was sued by Ivo Lund after it printed the claims. The paper said it was in the "
            "public interest to publish them.\n")
    assert _find(extract_quotes(text), "public interest").speaker == "Harbour Gazette"


def test_he_who_was_asked_answers() -> None:
    text = ("Harbour chief Tom Lund left in May. On the radio Mr Berg was asked why Mr Lund had been allowed "
            "to go. He replied: “He decided it was time to move on.”\n")
    assert _find(extract_quotes(text), "time to move on").speaker == "Berg"


def test_she_after_a_spokeswoman_of_a_body_with_and_in_its_name_is_the_spokeswoman() -> None:
    text = ("Tom Lund was knighted in the New Year honours. A Department for Ports and Harbours spokeswoman "
            "confirmed Mr Lund was still in post. “No date was ever set for his departure,” she said.\n")
    assert _find(extract_quotes(text), "No date").speaker == "A Department for Ports and Harbours spokeswoman"


def test_a_surname_that_is_also_a_title_after_ms_is_the_person() -> None:
    text = ("Labour MP Anna King will stand again in May. Ms King has held the seat since 1997. "
            "She said: “I will win it again.”\n")
    assert _find(extract_quotes(text), "win it again").speaker == "Anna King"


def test_who_is_in_a_place_speaks_not_the_place() -> None:
    quotes = extract_quotes(
        "The Courier's Ana Lund in Holm says most islanders want the ferry back. Harbour officials in Calder "
        "said the pier was safe. Speaking in Holm, Tom Brandt said the fares would fall. Ivo Berg, of the "
        "Ferry Institute at the University of Calder in Holm said the boats were old.\n\n"
        "The port chief said the strike had ended - and the Courier's Ana Lund in Holm says the crews agree.\n")
    assert [q.speaker for q in quotes] == [
        "Ana Lund", "Harbour officials", "Tom Brandt", "Ivo Berg", "The port chief", "Ana Lund"]
    assert quotes[-2].content == "the strike had ended"


def test_the_bank_is_the_one_the_text_set_beside_that_description() -> None:
    text = ("Calder Savings, the island's largest bank, is to cut 300 jobs. It follows cuts at Holm Bank and "
            "Brennock Bank last month.\n\n"
            "The bank said that its profits would fall this year. In May, the bank said it would stay.\n")
    assert _find(extract_quotes(text), "profits would fall").speaker == "Calder Savings"


def test_the_one_who_opens_the_sentence_before_is_the_he_though_another_newcomer_is_nearer() -> None:
    text = ("John Lund beat Peter Hale in the first heat. Mark Brandt beat Paul Berg in the second, and Brandt "
            "said he was happy.\n\n"
            "Lund also revealed the extent of the back problems he suffered. “I was pretty exhausted,” said Lund. "
            "Brandt dropped a tight first heat against former champion Berg, but was content with his rowing. "
            "“It was about getting used to the water,” he said.\n")
    assert _find(extract_quotes(text), "getting used").speaker == "Mark Brandt"


def test_a_speaker_is_not_the_one_her_words_name_by_given_name() -> None:
    text = ("Eva Hale and Ida Holm both won on Tuesday.\n\n"
            "Hale was far from content. “I do not know what I was doing,” she said. "
            "And Holm is in upbeat mood ahead of her clash with Hale. "
            "“I feel I have an advantage (over Eva) because I have played here twice,” she said.\n")
    assert _find(extract_quotes(text), "advantage").speaker == "Ida Holm"


def test_he_after_a_long_titled_persons_spokesman_is_the_spokesman() -> None:
    text = ("Troops are on standby in Holm. Mayor Ana Lund met them on Monday.\n\n"
            "Prime Minister John Brandt's official spokesman said: “The boats are ready if the storm gets worse.”\n\n"
            "He added the harbour would be watched closely in case the boats had to leave.\n")
    q = _find(extract_quotes(text), "watched closely")
    assert q.speaker == "Prime Minister John Brandt's official spokesman"


def test_a_named_body_s_role_with_the_name_between_commas_is_that_person() -> None:
    text = ("Calder Ferries chairwoman, Ana Lund, said the deal was “fair and workable”. "
            "“We are dealing with people who are ill,” she said.\n\n"
            "Its lawyer, Tom Hale, told the court that the ferry had been sold in May.\n")
    qs = extract_quotes(text)
    assert _find(qs, "fair and workable").speaker == "Ana Lund"
    assert _find(qs, "people who are ill").speaker == "Ana Lund"
    assert _find(qs, "sold in May").speaker == "Tom Hale"


def test_the_spokesman_is_the_one_who_spoke_just_before() -> None:
    text = ("“We expect to resist the charges,” said a Calderlink spokesman.\n\n"
            "The firms will have three months to reply, and the process “may take some time”, the spokesman said.\n")
    assert _find(extract_quotes(text), "may take some time").speaker == "a Calderlink spokesman"


def test_a_clause_run_into_the_people_who_say_is_not_their_name() -> None:
    text = ("Islanders may want to book their crossings early as experts predict a shortage of berths this summer.\n\n"
            "Few people will be surprised by the announcement many analysts had already said was a sensible move.\n")
    qs = extract_quotes(text)
    assert _find(qs, "shortage of berths").speaker == "experts"
    assert _find(qs, "sensible move").speaker == "many analysts"


def test_the_company_is_the_firm_a_two_word_name_leads_the_story_with() -> None:
    text = ("Weak fares trim Calderlink profits\n\n"
            "The biggest ferry firm on the coast, Calderlink Holmsway, has reported a small rise in profits "
            "after the weak krone took a bite out of its results.\n\n"
            "Underlying profits rose 1% to £93m in 2004, but would have been 8% higher without currency moves. "
            "The owner of the Skerry and Holm routes makes most of its money abroad. "
            "Calderlink said it was confident it would hit its targets for 2005. Chief executive Tom Brandt said "
            "the strategy and the boats were right for the years ahead.\n\n"
            "The small rise had been expected by analysts after the company said in May that the storms had hit "
            "crossings in the north.\n")
    assert _find(extract_quotes(text), "storms had hit").speaker == "Calderlink"


def test_a_firm_named_international_is_the_firm_a_later_the_firm_means() -> None:
    text = ("Tarnby International, of Holm, builds ferries for the island routes. Tarnby said “the work could not be "
            "done at a fair price”. But the firm denied reports that it was leaving Calder.\n")
    assert [q.speaker for q in extract_quotes(text)] == ["Tarnby", "Tarnby"]


def test_shares_in_a_firm_do_not_make_it_a_place() -> None:
    text = ("Skerrco shares slump on fuel setback\n\n"
            "Shares in Skerrco, a Holm ferry firm, have closed down 18% after a poor fuel update.\n\n"
            "Investors had piled into Skerrco after it found new routes this year. The port has asked it to pay "
            "a harbour tax, for which Skerrco argues it is not liable. Chief executive Tom Brandt said he was "
            "disappointed with the fuel prices this winter and with the delays to the new boats at the yard "
            "in Holm, which had cost the line two months of summer crossings and most of its freight.\n\n"
            "The company said the rate would be about 900 krone a tonne.\n")
    assert _find(extract_quotes(text), "900 krone").speaker == "Skerrco"


def test_a_firm_closing_a_description_speaks_but_not_for_the_person_before_it() -> None:
    text = ("Security firm Calderguard said that most spam now came from hijacked home computers.\n\n"
            "“Fares will rise in May,” said Ana Lund from ferry firm Skerrco.\n\n"
            "General Motors said it would build a new car at its plant in Holm.\n")
    qs = extract_quotes(text)
    assert _find(qs, "hijacked").speaker == "Calderguard"
    assert _find(qs, "Fares will rise").speaker == "Ana Lund"
    assert _find(qs, "new car").speaker == "General Motors"  # a firm, not a general called Motors


def test_quote_before_a_relative_clause_belongs_to_the_main_subject() -> None:
    text = ("“I have not made up my mind,” Dana Whitfield, who chairs the budget panel, "
            "told reporters in the lobby.\n")
    qs = extract_quotes(text)
    q = _find(qs, "made up my mind")
    assert q.speaker == "Dana Whitfield"
    assert q.cue == "told"


def test_name_and_colon_introduce_a_quotation() -> None:
    text = "The two rivals traded lines. Moreau: “Nobody in this room believes the forecast.”\n"
    q = _find(extract_quotes(text), "Nobody in this room")
    assert q.speaker == "Moreau"
    assert q.kind == "direct"


def test_text_without_attribution_gives_nothing() -> None:
    assert extract_quotes("The river rose two metres overnight. Schools stayed shut.") == []
    assert extract_quotes("") == []



def test_an_order_given_to_someone_is_not_their_words() -> None:
    # the one "told to" do something after a passive was told it; "report daily to" a station is turning up there
    text = ("Mr Lund was also given a curfew and told to surrender his passport. He must report daily to a police "
            "station in Calder.")
    assert extract_quotes(text) == []
    # ... while the same subject who told others speaks
    told = "Mr Lund was elected in May and told reporters that the harbour would close."
    assert [q.speaker for q in extract_quotes(told)] == ["Lund"]


SHARED = Path(__file__).resolve().parents[3].parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "seed_check.py").exists(), reason="shared evaluation data not present")
def test_seed_quotes_have_the_right_speakers(tmp_path: Path) -> None:
    """Run the reference seed check through a stand-in command built on extract_quotes."""
    cmd = tmp_path / "quotes_cmd.py"
    cmd.write_text(
        "import dataclasses, json, sys\n"
        "from bot.nlp.quotes import extract_quotes\n"
        "for path in [a for a in sys.argv[1:] if a != '--json']:\n"
        "    text = open(path, encoding='utf-8').read()\n"
        "    qs = [dataclasses.asdict(q) for q in extract_quotes(text)]\n"
        "    print(json.dumps({'file': path, 'quotes': qs}))\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "seed_check.py"), "--quotes-cmd",
         f"{sys.executable} {cmd}", "--min-quotes", "11"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "quotes 11/11 right speaker" in proc.stdout
