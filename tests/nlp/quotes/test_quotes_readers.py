"""What readers of /who-said see: datelines, nouns that look like verbs, subjects, relatives and who "he" is."""

from __future__ import annotations

import pytest

from bot.models import Quote
from bot.nlp.quotes import extract_quotes
from bot.nlp.quotes.segment import mask_datelines


def _by_content(text: str, words: str) -> Quote:
    found = [q for q in extract_quotes(text) if words in q.content]
    assert len(found) == 1, [(q.source_text, q.speaker, q.content) for q in extract_quotes(text)]
    return found[0]


# datelines


def test_a_dateline_is_blanked_with_its_offsets_kept() -> None:
    text = "Title line\nOSTERVIK (Reuters) — The ferry sailed.\nNORTH BAY, Ont. -- Ice closed the port."
    masked = mask_datelines(text)
    assert len(masked) == len(text)
    assert "OSTERVIK" not in masked and "NORTH BAY" not in masked
    assert masked.split("\n")[1].strip() == "The ferry sailed."
    assert masked.split("\n")[2].strip() == "Ice closed the port."
    assert mask_datelines("I - We think so.") == "I - We think so."


def test_a_participle_after_a_dateline_takes_the_company_as_its_subject() -> None:
    text = ("NORTHBRIDGE — Kessel Foods has closed its cannery for the winter, saying that the herring catch "
            "was too small to process.")
    q = _by_content(text, "herring catch")
    assert q.speaker == "Kessel Foods"
    assert q.content == "that the herring catch was too small to process"


def test_no_quote_holds_the_dateline() -> None:
    text = ("Harbour rebuilt\n\nSALTMERE — The harbour reopened on Friday after two years of work, according to "
            "figures the port authority released this week.\n\n“It was worth the wait,” said Nora Quist.")
    quotes = extract_quotes(text)
    assert quotes
    for q in quotes:
        assert "SALTMERE" not in q.content and "SALTMERE" not in q.speaker


# words that look like cues but are nouns


def test_a_promise_of_something_is_no_quote() -> None:
    assert extract_quotes("The ferry line was launched in 2019 with a promise of hourly crossings.") == []


def test_a_participle_used_as_an_adjective_makes_the_cue_a_noun() -> None:
    assert extract_quotes("The club won the regatta, beating the defending champions from Harwick by a length.") == []
    assert extract_quotes("On Sunday, the reigning champions lost their first heat.") == []


def test_a_singular_noun_before_a_bare_verb_form_is_one_noun() -> None:
    assert extract_quotes("The curfew order, signed at noon, covers the old town.") == []


def test_adding_an_amount_is_no_remark() -> None:
    assert extract_quotes("A second coat of paint adds about 3 percent to the price of each hull.") == []


# subjects


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        # an auxiliary belongs to the verb, not the subject
        ("The county had expected the new bridge toll to raise money by spring.", "bridge toll", "The county"),
        ("The county has said the toll will stay for another year.", "toll", "The county"),
        # so does a verb chain
        ("The fishing lobby continues to argue that the quota is too low.", "quota", "The fishing lobby"),
        # an -ing noun that can report still reports
        ("The ruling shows that the landlord broke the lease.", "landlord", "The ruling"),
        # a group noun takes a plural verb in British English
        ("The club say the striker will be out for a month.", "striker", "The club"),
        # an attitude with an adverb keeps its subject
        ("Many skippers are increasingly convinced that the quota is too low.", "quota", "Many skippers"),
        # according to a record a publisher has put out: the publisher
        ("Waiting lists grew, according to figures the hospital has published.", "Waiting lists", "the hospital"),
    ],
)
def test_the_source_is_the_subject_as_written(text: str, words: str, source: str) -> None:
    assert _by_content(text, words).source_text == source


def test_a_role_noun_and_the_name_after_it_open_the_sentence() -> None:
    text = ("Board member Tessa Varga, who represents the east ward and voted against the plan, said the cuts "
            "went too far.")
    q = _by_content(text, "cuts went too far")
    assert q.speaker == "Tessa Varga"
    assert _by_content(text, "the plan").speaker == "Tessa Varga"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a plural noun opening a sentence is capitalized as any first word is: no part of the name
        ("Bookmakers Kelby say the singer is now the favourite to leave the show.", "Kelby"),
        ("Producers Dana Whitlow said the next film would be shot in Wales.", "Dana Whitlow"),
        ("Presenters Simon Rowe and Ann Lee said the final would be close.", "Simon Rowe and Ann Lee"),
        # ... but a short one is as often a surname: "Rogers Cable", '"…," said Chris Martin.'
        ("Rogers Cable said it would cut 300 jobs at the plant.", "Rogers Cable"),
        ('"We are ready for the tour," said Chris Martin.', "Chris Martin"),
        # ... but a body's name may open on one
        ("Doctors Without Frontiers said the clinic had run out of drugs.", "Doctors Without Frontiers"),
    ],
)
def test_a_plural_noun_opening_the_sentence_is_not_part_of_the_name(text: str, speaker: str) -> None:
    assert _by_content(text, "the").speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Double Olympic champion Kara Voss was back to her best in Glasgow on Saturday.",
        "The world 60m champion got off to a rolling start in the heats.",
        "The Olympic 5,000m champion was inside record pace but faded over the last laps.",
        "Defending champion Lena Ruiz had pulled out of the final with a chest infection.",
        "European champions Calder lost at home to a side from the second division on Saturday.",
    ],
)
def test_a_champion_before_a_name_is_a_title_not_a_verb(text: str) -> None:
    assert extract_quotes(text) == []


def test_a_plural_noun_before_its_verb_is_no_cue() -> None:
    assert extract_quotes("Past shows have featured viewers eating worms on a raft.") == []
    assert _by_content("Initial reports suggested the fire was started on purpose.", "fire").source_text == (
        "Initial reports")
    # ... but after a name the verb is one: "the yard, which Kessel claims was sold illegally"
    assert _by_content("The yard, which Kessel claims was sold illegally, is for sale.", "sold").speaker == "Kessel"
    # ... unless the verb after it is plural: "DDoS attacks are" heads the subject
    assert extract_quotes("Many ferry sites hit by DDoS attacks are in offshore centres.") == []
    # ... but a whole noun phrase before it speaks in a clause of its own
    text = "Skerry and Calder are the two ports the HTA fears are most at risk."
    assert _by_content(text, "most at risk").source_text == "the HTA"


def test_a_titled_champion_who_speaks_is_the_speaker() -> None:
    text = "World 100m champion Kim Dale says the indoor track in Calder is the fastest he has run on."
    assert _by_content(text, "indoor track").speaker == "Kim Dale"


@pytest.mark.parametrize(
    "text",
    [
        "Despite hopes of approval last spring, a series of delays has put back the ferry's launch.",
        "Registering credit card details could become a lot easier for determined scammers.",
        "Having said that, the club are yet to concede a goal in this cup run.",
        "Sadly comments such as his will make a lot of voters angry.",
        "PC-based calls to other users of the service are free.",
    ],
)
def test_a_first_word_that_names_no_one_is_no_speaker(text: str) -> None:
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # names that look like those words speak with a plain verb of saying
        ("Beijing said the talks on the harbour would resume next week.", "Beijing"),
        ("Co-op said sales at its Calder shops had risen by four percent.", "Co-op"),
        ("Connally said the deal for the harbour was off for now.", "Connally"),
        # a time word between "and" and the verb keeps the subject
        ("Ann Bell visited the flooded town and yesterday warned that more rain was coming.", "Ann Bell"),
        # a "who" after a body that is no apposition is that body
        ("Tom Lee met officials from Unison on Monday, who said that the strike would go ahead.", "Unison"),
        # with no one else to be, "he" is the man his words name as a team or a slogan
        ('Arsene Wenger said Arsenal deserved to win. "Wenger out banners do not bother me," he said.',
         "Arsene Wenger"),
    ],
)
def test_the_new_rules_leave_real_speakers_alone(text: str, speaker: str) -> None:
    quotes = [q for q in extract_quotes(text) if q.source_text != "Arsene Wenger"]
    assert quotes and quotes[-1].speaker == speaker


def test_words_before_a_colon_with_their_own_verb_are_reported_speech() -> None:
    quote = _by_content('Tom Lee said the club had one aim: "To win the league this year."', "one aim")
    assert quote.content.startswith("the club had one aim")


def test_a_verb_only_cue_before_a_verb_is_still_a_verb() -> None:
    text = "The bill, which the minister says will protect children, was passed on Monday."
    assert [q.speaker for q in extract_quotes(text)] == ["the minister"]


def test_names_ending_like_other_words_still_speak() -> None:
    text = "Dana Manning joined Calder in May. Manning said the move had been right for her family."
    assert _by_content(text, "the move").speaker == "Dana Manning"
    text = "The order went to rival Boeing. Boeing said it would build the first jets in Seattle."
    assert _by_content(text, "first jets").speaker == "Boeing"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"You cannot win them all," said Lund afterwards.', "Lund"),
        ("The band recently said that it would tour again next year.", "The band"),
        ("Harbour spokesman Ed Lund meanwhile said the ferry would stay.", "Ed Lund"),
        # ... nor a time after a speaker who follows the verb
        ('"We will be ready for them," said Lund ahead of the final.', "Lund"),
        ('"We will be ready for them," said Lund yesterday.', "Lund"),
        ('"We will be ready for them," said coach Ivo Lund last week.', "Ivo Lund"),
    ],
)
def test_an_adverb_after_the_speaker_is_no_part_of_the_name(text: str, speaker: str) -> None:
    assert _by_content(text, "").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the people of a body speak, not the body: critics of the council are not the council
        ("Critics of the council say it has announced twenty plans and kept none of them.", "Critics of the council"),
        ("But researchers from Calder University warned that the wardens could weaken bonds with residents.",
         "researchers from Calder University"),
        ("Opponents of the bridge said that it would ruin the view from the harbour.", "Opponents of the bridge"),
        # "and" before other people starts a clause of their own
        ("Ferry fares rose in the summer and analysts expect that they will rise again in the spring.", "analysts"),
        ("The harbour minister and his officials said that the pier would reopen in May.",
         "The harbour minister and his officials"),
        ("Professor Ann Bell and colleagues say that the new drug cut deaths by a third.",
         "Professor Ann Bell and colleagues"),
        # ... but a named person from a body is that person
        ("Ana Lund from Harbour Research said the fares would have to rise again.", "Ana Lund"),
    ],
)
def test_people_of_a_body_are_the_speakers(text: str, speaker: str) -> None:
    assert _by_content(text, "").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Until December Kessel Foods said the cannery would stay open all year.", "Kessel Foods"),
        ("Although Calder Council is pressing for more money, the port said the fees would stay.", "Calder Council"),
    ],
)
def test_a_word_that_opens_a_clause_is_no_part_of_the_name(text: str, speaker: str) -> None:
    assert _by_content(text, "").speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Ana Lund told the Calder Gazette news desk: "We will fight them in every court in the land."',
        'The ferry firm added that: "We will fight them in every court in the land."',
        'Ana Lund said in a letter: "We will fight them in every court in the land."',
    ],
)
def test_whom_or_how_it_was_said_stays_out_of_the_quotation(text: str) -> None:
    quote = _by_content(text, "every court")
    assert quote.content == '"We will fight them in every court in the land."'
    assert quote.kind == "direct"


def test_who_after_an_apposition_with_a_body_in_it_is_the_person() -> None:
    text = ("The claim was backed by Ed Lund - a former Calder College lecturer, and an expert on boats, who has "
            "confirmed the hull was sound.")
    assert _by_content(text, "hull was sound").speaker == "Ed Lund"


def test_a_description_is_the_person_it_was_written_before() -> None:
    text = "Harbour party leader Dana Roe spoke in Calder. The Harbour party leader said the fees were too high."
    assert _by_content(text, "fees were too high").speaker == "Dana Roe"
    text = 'Calder defender Tom Lund is fit again. "It will be a hard game," said the defender.'
    assert _by_content(text, "hard game").speaker == "Tom Lund"
    # a description with other words is the last person named before it
    text = 'Calder defender Tom Lund is fit again. "It will be a hard game," said the central defender.'
    assert _by_content(text, "hard game").speaker == "Tom Lund"
    text = ('Olympic champion Tom Lund will race in March. Ann Bell may run too. "It is a special race for me,"'
            " said the two-time champion.")
    assert _by_content(text, "special race").speaker != "Tom Lund"
    # ... and only that person: "the Calder player" is not "Calder defender Tom Lund"
    text = 'Calder defender Tom Lund is fit again. "It will be a hard game," said the Calder player.'
    assert _by_content(text, "hard game").speaker == "the Calder player"


def test_a_quotation_after_a_paragraph_that_ends_on_its_speaker_is_theirs() -> None:
    text = ('"The port will open in May," said Tom Hale. Rival Ann Bell replied: "It will not."\n\n'
            "The storm had delayed the work for a month, Mr Hale said.\n\n"
            '"We lost four weeks to the weather, and the crews have worked every weekend since."')
    assert _by_content(text, "four weeks").speaker == "Tom Hale"


def test_a_quotation_whose_paragraph_break_was_lost_ends_at_its_last_mark() -> None:
    # each paragraph of a quotation opens with a mark and only the last closes; this text lost the break
    text = ('Calder coach Tom Lund spoke on Sunday. "He has trained well all week, but we will wait and see," he '
            'said. "We want him back soon. "There is no plan yet for the cup game." His words differ from those '
            "of the club doctor, who said on Friday that the striker was fit.")
    quotes = extract_quotes(text)
    lund = [q for q in quotes if "no plan yet" in q.content]
    assert len(lund) == 1 and lund[0].speaker == "Tom Lund"
    assert "His words" not in lund[0].content  # the narration after the last mark is no quotation
    doctor = [q for q in quotes if "striker was fit" in q.content]
    assert len(doctor) == 1 and doctor[0].speaker == "the club doctor"
    # curly marks: the second opening mark continues the quotation, it does not start it again
    text = "“We want him back soon. “There is no plan yet for the cup game,” Lund said."
    assert _by_content(text, "no plan yet").content.startswith("“We want him back")


def test_a_quotation_that_lost_its_closing_mark_ends_before_the_next_attribution() -> None:
    text = ('Mr Hale said: "I have lost three years of my life. He added: "They wanted to break me, but they '
            'made me stronger." The harbour board denied the claims.')
    lost = _by_content(text, "three years")
    assert "added" not in lost.content and lost.speaker == "Hale"
    assert _by_content(text, "break me").speaker == "Hale"
    assert _by_content(text, "the claims").speaker == "The harbour board"


def test_a_noun_before_its_own_verb_is_no_cue() -> None:
    # "label", "champion", "order" and "calls" head the subject of the verb after them
    for text in ("The sale of the Lacroix label comes as many fashion houses are losing money.",
                 "The double-Olympic champion is still undecided about the indoor season.",
                 "The Sepa order comes as the government tries to cool the economy.",
                 "The rules on marketing calls apply as much to parties as to firms."):
        assert extract_quotes(text) == [], text
    # but a verb of saying agrees with a plural subject or follows a modal
    assert _by_content("It is a tax which critics claim would close the pier.", "close the pier").speaker == "critics"
    # a relative's own verb or a "that" pointing at a noun is no speaker's name
    text = "According to cables from the embassy that were later released by the council, the ferry was sold."
    assert _by_content(text, "ferry").speaker == "cables from the embassy that were later released by the council"
    assert _by_content('Ann Roe wrote: "All I can say is bring back the ferry."', "bring back").speaker == "Ann Roe"


def test_who_said_on_a_day_reports_the_clause_after_it() -> None:
    # "on Friday" is an adjunct; "on Friday that the striker was fit" is what was said, not a trailing phrase
    text = "His words differ from those of the club doctor, who said on Friday that the striker was fit."
    q = _by_content(text, "striker")
    assert (q.speaker, q.content) == ("the club doctor", "that the striker was fit")
    text = "The pier will shut, the mayor said on that day."
    assert _by_content(text, "pier").content == "The pier will shut"


def test_a_quotation_takes_the_speaker_of_its_own_paragraph() -> None:
    text = ('Harbour master Tom Hale said: "The pier is unsafe and must close."\n\n'
            "Council leader Ann Bell said she had ordered the closure on Friday. "
            '"It will stay shut until the engineers have finished their survey of the piles."')
    assert _by_content(text, "engineers").speaker == "Ann Bell"
    # a verb that says nothing lends no speaker: the quotation stays with whoever spoke before
    text = ('Harbour master Tom Hale said: "The pier is unsafe and must close."\n\n'
            "Council leader Ann Bell wanted the closure on Friday. "
            '"It will stay shut until the engineers have finished their survey of the piles."')
    assert all(q.speaker != "Ann Bell" for q in extract_quotes(text) if "engineers" in q.content)


def test_she_after_an_unnamed_spokeswoman_is_the_spokeswoman() -> None:
    text = ("Mr Hale said the ferry would run all winter.\n\n"
            "A council spokeswoman said Andi Roe would stay in charge of the timetable. She said that the winter "
            "fares were still to be decided.")
    assert _by_content(text, "winter fares").speaker == "A council spokeswoman"
    # the name set beside the description is who spoke
    text = ("Calder Link made the app for storms, a spokeswoman, Ann Bell, said on Friday. It was the first time "
            "it had been used, she said.")
    assert _by_content(text, "app for storms").speaker == "Ann Bell"
    assert _by_content(text, "first time").speaker == "Ann Bell"
    text = 'Tom Hale, a spokesman for the harbour board said: "The pier is shut." He declined to say more.'
    assert _by_content(text, "pier is shut").speaker == "Tom Hale"
    # someone's spokesman is not the one he speaks for
    text = ("Mayor Tom Hale met the union on Monday. The mayor's official spokesman said the talks went well. He "
            'added: "What matters is that the talks go on."')
    assert _by_content(text, "talks go on").speaker == "The mayor's official spokesman"


def test_a_description_set_after_a_name_finds_that_person_again() -> None:
    text = ("Ann Bell, Calder's first minister, opened the pier on Monday. Later the first minister said the "
            "ferries would run all winter.")
    assert _by_content(text, "ferries").speaker == "Ann Bell"
    # a shadow or former holder of the office is not "the chancellor"
    text = ("The cuts planned by shadow chancellor Tom Hale would close schools, Ann Bell said. The chancellor "
            "said the economy was growing.")
    assert _by_content(text, "economy").speaker != "Tom Hale"
    # after a fronted phrase, "…, the prime minister said" is the subject, not a description of the name
    text = ("Echoing Ann Bell, the prime minister said the harbour must stay open. The prime minister added that "
            "it would.")
    assert all(q.speaker != "Ann Bell" for q in extract_quotes(text))


def test_a_name_before_its_body_without_the_closing_comma_is_the_speaker() -> None:
    text = 'Colin Hale, Calder Hotel Association said: "We have tried very hard to keep the pier open."'
    assert _by_content(text, "tried very hard").speaker == "Colin Hale"
    text = "Mark Bell, from the Public Transport union said there should be a one-day strike."
    assert _by_content(text, "strike").speaker == "Mark Bell"
    # a name that is the object of a phrase set before the subject is not it
    text = "After meeting Laura Voss, the transport minister said there was a clear change of policy."
    assert _by_content(text, "change of policy").speaker == "the transport minister"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('Ann Bell said the ferry would run again. "It will sail in May," she said. "We owe it to the islands," '
         "added the 43-year-old.", "owe it", "Ann Bell"),
        # a surname alone ("Okoro") stands for the full name the text gave first
        ('Kenya captain Jomo Okoro warned the visitors would be tough to beat. "They are very strong up front," '
         "Okoro said. The 31-year-old admitted the tour had been a long one.", "long one", "Jomo Okoro"),
        ('Tom Hale said the ferry would run again. "It will sail in May," Hale said. "We owe it to the islands," '
         "the Dutchman added.", "owe it", "Tom Hale"),
        ('Tom Hale scored twice. "It was a great night," Hale said. "We deserved it," said the Holland '
         "international.", "deserved it", "Tom Hale"),
        # a sentence that only describes her ("The Calder runner", "the Kenyan, who …,") passes the question on
        ("Ann Bell won the 800m in Erfurt on Friday. The Calder runner set a best of one minute 58. "
         '"I am ready now," said the 28-year-old.', "ready now", "Ann Bell"),
        ("Double world champion Ann Bell is set to race in Lyon. But the Kenyan, who has not raced for a year, "
         'will decide in May. "I only run to win," said the 30-year-old.', "only run", "Ann Bell"),
        # another person named in between: the description is left as written
        ('Ann Bell said the ferry would run again. Her rival Tom Hale disagreed. "We owe it to the islands," '
         "added the 43-year-old.", "owe it", "the 43-year-old"),
        ('Tom Hale said the ferry would run. "It will sail in May," Hale said. When Ivan Petrov met him, the '
         'Russian said: "It will not."', "It will not", "the Russian"),
        # a newspaper is no nationality
        ('Tom Hale said the ferry would run. "It will sail in May," Hale said. The Guardian said it would not.',
         "would not", "The Guardian"),
    ],
)
def test_an_age_or_a_nationality_is_the_person_who_just_spoke_when_the_readings_agree(
    text: str, words: str, speaker: str
) -> None:
    assert _by_content(text, words).speaker == speaker


_DESCRIBED = ("Tory MP Tom Hale said the ferry must run. Chelsea's Ann Bell said it would. Songwriter Mark Dunn "
              "said it should not. Earlier, fellow American Jane Roe said she agreed. Juan Carlos Ferrero said he "
              "was fit. Saint Bernard Software said sales rose. CB Richard Ellis said rents fell. Britain's Sam Lund "
              "said the race was hard. Top-seeded Americans Tim Voss and Ed Kerr won. Voss said he had no sets "
              "to lose.")


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("must run", "Tom Hale"),
        ("it would", "Ann Bell"),
        ("should not", "Mark Dunn"),
        ("agreed", "Jane Roe"),
        # names that open with a given name or a saint's are whole, and so is a firm
        ("fit", "Juan Carlos Ferrero"),
        ("sales rose", "Saint Bernard Software"),
        ("rents fell", "CB Richard Ellis"),
        # a given name borne by men and women alike is a given name all the same
        ("race was hard", "Sam Lund"),
        # a hyphenated word and a people in the plural describe the two named after them
        ("sets to lose", "Tim Voss"),
    ],
)
def test_a_speaker_is_named_without_the_words_that_describe_them(words: str, speaker: str) -> None:
    assert _by_content(_DESCRIBED, words).speaker == speaker


def test_a_peer_named_by_title_alone_keeps_the_title() -> None:
    text = 'Lord Tamworth said the bill was flawed. "It cannot stand," he added.'
    assert [q.speaker for q in extract_quotes(text)] == ["Lord Tamworth", "Lord Tamworth"]
    # "Tamworth" may be someone else where another Tamworth is named
    text = "Lord Tamworth met Jim Tamworth on Monday. Later Tamworth said the bill was flawed."
    assert _by_content(text, "flawed").speaker != "Lord Tamworth"
    # a peer named by surname and place is a person, who may go on speaking as "he"
    text = ('On Thursday, senior judge Lord Ames said the rules were unfair. Lord Bryce of Calder, in his ruling, '
            'said: "Prison without trial is wrong." He said the weakness of the case was its reach.')
    assert _by_content(text, "Prison without").speaker == "Lord Bryce of Calder"
    assert _by_content(text, "weakness").speaker == "Lord Bryce of Calder"
    # ... and the peerage a man took is no fuller name of his surname
    text = ('Ex-premier Lord Ames has died. He became Lord Ames of Calder in 1987. In 1968 he said: "I am not '
            'going to resign."')
    assert _by_content(text, "not going to resign").speaker == "Lord Ames"


def test_a_description_with_the_name_between_commas_after_it_is_that_person() -> None:
    text = ("The lord chancellor, Lord Tamworth, said the reforms would go ahead. The harbour master, Ann Bell, said "
            "the pier was safe.")
    assert [q.speaker for q in extract_quotes(text)] == ["Lord Tamworth", "Ann Bell"]
    # a firm between commas is no person
    text = "The ferry company, Calderlink, said fares would rise."
    assert _by_content(text, "fares would rise").speaker == "The ferry company"


def test_a_clause_joined_before_the_speaker_is_no_part_of_it() -> None:
    text = ("Turnout is a key election issue but critics say the record is at best patchy. The carmaker returned to "
            "profit in 2025 but Calder Motors said it will do less well this year, delivering $2bn.")
    assert [q.speaker for q in extract_quotes(text)] == ["critics", "Calder Motors"]
    # "but" inside a description is part of it
    text = "Three sources who spoke to the paper but were not named said the ferry would be sold."
    assert _by_content(text, "ferry would be sold").speaker != "were not named"


def test_words_an_agency_quoted_someone_as_saying_are_theirs() -> None:
    text = ('"He has been cheating the islanders for years," AP quoted prosecutor Tom Hale as saying. The Gazette '
            "quoted an adviser as saying the ferry would be sold.")
    assert [(q.speaker, q.content) for q in extract_quotes(text)] == [
        ("Tom Hale", '"He has been cheating the islanders for years,"'),
        ("an adviser", "the ferry would be sold"),
    ]


def test_a_firm_joined_by_an_ampersand_is_named_whole() -> None:
    text = "Ernst & Young said fares must rise by 10% next year. Hale & Dunn said the ferry would be sold."
    assert [q.speaker for q in extract_quotes(text)] == ["Ernst & Young", "Hale & Dunn"]


def test_an_archbishop_is_found_again_by_his_title() -> None:
    text = "Archbishop Thomas Hale called for calm. The archbishop said the ferry must run."
    assert _by_content(text, "must run").speaker == "Thomas Hale"


def test_an_auxiliary_left_after_a_name_is_no_part_of_it() -> None:
    text = 'The pier is unsafe. "I have no doubt," the harbour master is quoted as saying.'
    assert _by_content(text, "no doubt").speaker == "the harbour master"


def test_the_company_is_the_firm_that_spoke_just_before() -> None:
    text = ("Kessel said sales fell by 4% in the spring. The company said it would close two of its "
            "canneries by the end of the year.")
    assert _by_content(text, "close two").speaker == "Kessel"
    # analysts are no firm, and a firm that spoke long before is too far
    text = "Analysts said sales would fall. The company said it would close two of its canneries."
    assert _by_content(text, "close two").speaker == "The company"
    text = "Doctors say that the drug works. The company said it would close two of its canneries."
    assert _by_content(text, "close two").speaker == "The company"


def test_the_company_is_the_firm_the_story_is_about() -> None:
    text = ("Kessel Group has closed two canneries. Workers at Kessel Group were told on Monday, and the union "
            "met its lawyers.\n\nThe company said the herring catch had fallen by half.")
    assert _by_content(text, "herring").speaker == "Kessel Group"
    # a place, a person's surname and a product are no firm
    text = "Prices in Calderia rose again, and Calderia has raised its rates. The company said demand was weak."
    assert _by_content(text, "demand").speaker == "The company"
    text = "Ann Bell sold her shares. Later Bell has left the board. The company said she had resigned."
    assert _by_content(text, "resigned").speaker == "The company"
    text = ("Kessel lost a trial of its Calmix drug. In May, Calmix failed again, and Calmix was withdrawn. The "
            "company said it would try again.")
    assert _by_content(text, "try again").speaker == "The company"


def test_a_speaker_stays_close_across_his_own_long_quotation() -> None:
    long = " ".join(["The crew have worked hard all winter and the boats are ready for the new season."] * 6)
    text = (f'Coach Tom Lund praised director Ed Hale and his staff. "They are the best," said Lund. "{long}" '
            'His enthusiasm is in contrast to his past with the club. "I have had talks with the board," he said.')
    assert _by_content(text, "talks with the board").speaker == "Tom Lund"


def test_the_station_told_is_not_the_speaker() -> None:
    text = 'Harbour master Ana Lund spoke on Sunday. She told Calder FM: "The pier will reopen in May."'
    assert _by_content(text, "pier will reopen").speaker == "Ana Lund"
    text = 'Ana Lund spoke on Sunday. Speaking to the Calder Gazette: "The pier will reopen in May."'
    assert all(q.speaker != "Calder Gazette" for q in extract_quotes(text))


def test_a_verb_after_and_inside_what_was_said_stays_in_it() -> None:
    text = "Ann Bell said the board should monitor and publish fares and be independent of the council."
    assert [q.content for q in extract_quotes(text)] == [
        "the board should monitor and publish fares and be independent of the council"]
    # the speaker's own second verb still starts a quote of its own
    text = "Ann Bell said the board would meet and warned that fares would rise."
    assert [q.content for q in extract_quotes(text)] == ["the board would meet", "that fares would rise"]
    text = 'Ann Bell accused the board of offering "false hopes" to drivers and said the fares would rise.'
    assert _by_content(text, "fares would rise").content == "the fares would rise"


def test_the_programme_or_website_told_is_no_part_of_what_was_said() -> None:
    for text in ("Ann Bell told Calder Radio 4's Morning programme there was no chance of a deal.",
                 "A council spokesman told the Calder News website there was no chance of a deal.",
                 "Ann Bell told Calder 6 Music there was no chance of a deal."):
        q = _by_content(text, "no chance")
        assert q.content == "there was no chance of a deal", text


def test_he_is_not_the_man_his_own_words_name() -> None:
    text = ('Tom Hale spoke first. "Things are bad for the port," Mr Hale said. Mayor Dan Roe sat in the front '
            "row. Mr Roe has failed the town and its harbour, he claimed.")
    assert _by_content(text, "failed the town").speaker == "Tom Hale"
    # ... though a name quoted inside his words may be his own
    text = 'Tom Hale met the boxer in 1970. "He always called me ‘Tom Hale the Great’ when we trained," he said.'
    assert _by_content(text, "always called me").speaker == "Tom Hale"


def test_a_proposal_is_its_object_without_the_time_phrase() -> None:
    text = "Mayor Ilse Brandt, who proposed the harbour levy in March, said the quay could not wait."
    q = next(q for q in extract_quotes(text) if q.cue == "proposed")
    assert q.content == "the harbour levy"
    assert q.speaker == "Ilse Brandt"
    q = next(q for q in extract_quotes("The council has proposed hiring 1,200 wardens.") if q.cue == "has proposed")
    assert q.content == "hiring 1,200 wardens"


def test_a_negated_attitude_is_no_quote_of_the_opposite() -> None:
    # "is not opposed to the bill" must never read as "Roe: opposed to the bill"
    assert extract_quotes("Senator Dana Roe is not opposed to the harbour bill.") == []
    assert extract_quotes("Her aides are not convinced that the plan will pass.") == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Mayor Ilse Brandt has never denied that the fund was spent.", "has never denied"),
        ("The port authority could not describe the riders as partners.", "could not describe"),
        ("Councillor Ines Volk on Tuesday said that the pier would close.", "said"),  # a day is no auxiliary
        ("The pier will close next month, Mayor Ilse Brandt warned on Tuesday.", "warned"),  # speaker after
        # ... and the few words of whom it was said to: "urged not to drive" would lose who was urged
        ("Chief Dana Roe urged residents not to drive through standing water.", "urged residents"),
        ("Mayor Ilse Brandt told reporters that the pier would close.", "told reporters"),
        ("Mayor Ilse Brandt warned the owners of the harbour boats that the pier would close.", "warned"),
        ("Mayor Ilse Brandt probably hopes - that the pier will close.", "probably hopes"),  # a dash is no one
    ],
)
def test_the_cue_carries_its_auxiliary_and_negation_when_the_speaker_comes_first(text: str, cue: str) -> None:
    (q,) = extract_quotes(text)
    assert q.cue == cue


def test_titles_alone_before_of_are_no_speaker() -> None:
    q = _by_content("Harbour Secretary of State Lena Fisk said the talks were useful.", "talks were useful")
    assert q.speaker == "Lena Fisk"


def test_adding_a_clause_with_a_number_is_a_remark() -> None:
    q = _by_content("Police chief Ilse Brandt added 30 people had been arrested.", "arrested")
    assert q.speaker == "Ilse Brandt"


def test_a_time_or_place_before_that_stays_out_of_the_content() -> None:
    q = _by_content("Marta Holm said outside the courthouse that she would appeal.", "appeal")
    assert q.content == "that she would appeal"


def test_a_person_of_an_institution_is_the_person() -> None:
    q = _by_content("Judge Carla Mendes of the Brill County Court found that the lease was void.", "lease")
    assert q.speaker == "Carla Mendes"


def test_an_as_clause_with_an_object_does_not_cut_the_content() -> None:
    text = "Walter Ekdahl visited on Friday. He said the station looked exactly as he remembered it, down to the clock."
    q = _by_content(text, "station looked")
    assert q.content == "the station looked exactly as he remembered it, down to the clock"
    assert q.speaker == "Walter Ekdahl"


# according to


def test_according_to_a_record_names_who_put_it_out() -> None:
    text = ("Marlow Valley Hospital opened a new ward. Waiting lists grew by a fifth this year, according to figures "
            "the hospital released on Friday.")
    q = _by_content(text, "Waiting lists")
    assert q.source_text == "the hospital"
    assert q.speaker == "Marlow Valley Hospital"


def test_according_to_before_a_relative_clause() -> None:
    text = ("Repairs add about 2 percent to the cost, according to the engineers, who estimate that the bridge will "
            "last 40 years.")
    q = next(q for q in extract_quotes(text) if q.cue == "according to")
    assert q.content == "Repairs add about 2 percent to the cost"
    assert q.source_text == "the engineers"
    q = _by_content(text, "bridge will last")
    assert q.speaker == "the engineers"


# relative pronouns and pronouns


def test_who_after_a_lowercase_noun_phrase_is_that_phrase() -> None:
    text = "The panel heard from Brill Transit staff and a former dispatcher who described how the rota was set."
    q = _by_content(text, "rota")
    assert q.speaker == "a former dispatcher"


def test_who_after_an_apposition_is_the_name() -> None:
    text = "Lena Ostrova, a pollster who predicted the upset, said turnout would fall."
    q = next(q for q in extract_quotes(text) if q.cue == "predicted")
    assert q.speaker == "Lena Ostrova"


def test_he_is_the_man_the_previous_sentence_introduces() -> None:
    text = ("“The tide was late,” said Tomas Eklund. “We waited an hour.”\n\n"
            "Among the visitors was Walter Pike, 80, a retired pilot. He said the harbour had changed beyond "
            "recognition.")
    q = _by_content(text, "changed beyond recognition")
    assert q.speaker == "Walter Pike"


def test_he_stays_with_the_speaker_the_previous_sentence_is_about() -> None:
    text = ("“The tide was late,” said Tomas Eklund.\n\n"
            "He met Walter Pike at the pier. He said the boats would sail at dawn.")
    q = _by_content(text, "boats would sail")
    assert q.speaker == "Tomas Eklund"


def test_he_is_a_close_speaker_of_unknown_gender_before_an_older_man() -> None:
    text = ("“We will run the late buses,” said board chair Tomas Lind.\n\n"
            "Ayo Quist, the finance director, told the board that six buses were idle. He said that new buses "
            "were due in April.\n\nMr. Lind said the board would report monthly.")
    q = _by_content(text, "new buses were due")
    assert q.speaker == "Ayo Quist"


def test_a_surname_names_the_person_it_closes_not_the_firm_it_opens() -> None:
    text = ("Among the bidders is Ravi Kohli, whose firm, Kohli Marine Works, builds ferries. He said the tender "
            "was fair.\n\n“We are ready,” Mr. Kohli said.")
    assert _by_content(text, "tender was fair").speaker == "Ravi Kohli"
    assert _by_content(text, "We are ready").speaker == "Ravi Kohli"


def test_a_given_name_and_surname_is_not_another_person_of_that_surname() -> None:
    text = ("Helga Roe and her brother Tom Roe ran the mill for thirty years.\n\n"
            "Tom Roe said the mill would close in May.")
    assert _by_content(text, "mill would close").speaker == "Tom Roe"


def test_a_titled_person_of_a_body_is_found_again_by_title_and_surname() -> None:
    text = ("“Please go now,” said Battalion Chief Ines Kowal of Calder County Fire Rescue.\n\n"
            "Chief Kowal said that crews would check every street before midnight.")
    assert _by_content(text, "Please go now").speaker == "Ines Kowal"
    assert _by_content(text, "crews would check").speaker == "Ines Kowal"


def test_a_college_named_like_a_titled_person_is_no_one() -> None:
    text = "Students met at Lady Ada Holm of Calder University on Monday.\n\nMs Holm said: “It is over.”"
    assert _by_content(text, "It is over").speaker == "Holm"


def test_the_organisation_a_role_noun_closes() -> None:
    text = "Brill Harbour Hospital opened a ward on Monday. The hospital said it had hired 12 nurses."
    assert _by_content(text, "12 nurses").speaker == "Brill Harbour Hospital"


def test_the_mayor_is_the_mayor_named_long_before() -> None:
    filler = " ".join(["The ferry ran late again and the quay was busy with trucks."] * 30)
    text = f"Mayor Ilse Brandt presented the budget.\n\n{filler}\n\nThe mayor said she would not resign."
    assert _by_content(text, "would not resign").speaker == "Ilse Brandt"


def test_a_person_described_before_the_verb_is_the_speaker_not_the_firm_in_the_description() -> None:
    # the description lost its closing comma: the speaker is still the person it describes
    text = "However, Ana Lund, a fund manager at Harbour Research said the stake was a step towards a takeover."
    assert _by_content(text, "a step towards").speaker == "Ana Lund"
    text = ("Dr Ivo Brandt, of the Centre for Ferry Studies at the University of Calder in Holm said: "
            "\u201cThe new boats are too small.\u201d")
    assert _by_content(text, "too small").speaker == "Ivo Brandt"


def test_a_person_from_a_body_is_the_speaker() -> None:
    text = "\u201cThe boats are concept ships,\u201d said Dr Ana Lund from the Ferry Group at Calder University."
    assert _by_content(text, "concept ships").speaker == "Ana Lund"
    for text in ("\u201cWe are a nation of late sleepers,\u201d Ivo Brandt from Holmtel said.",
                 "\u201cWe are a nation of late sleepers,\u201d said Ivo Brandt from Holmtel."):
        assert _by_content(text, "late sleepers").speaker == "Ivo Brandt"


def test_nouns_that_look_like_verbs_of_saying_before_a_list_or_for() -> None:
    for text in ("Calder Foods bought 18% of Holm Wines, the maker behind the Skerry, Brennock and Gull brands, "
                 "for $4 a share.",
                 "The stake came from the Lunds, who founded the Gull Estates label and sold it in 2001.",
                 "Other Tory law and order plans include building more prisons."):
        assert extract_quotes(text) == [], text
    # ... nor ends what a speaker said
    text = "Ana Lund said the port had given free berths and support, for her charity."
    assert _by_content(text, "free berths").content.endswith("for her charity")


def test_a_name_that_ends_a_sentence_leaves_its_full_stop() -> None:
    # "Bez." read as an abbreviation made the surname another name than "Bez"
    text = "Calder won with two late goals from striker Ivo Bez.\n\nBez said the pitch had been poor all season."
    assert _by_content(text, "the pitch").speaker == "Ivo Bez"
    text = "The charity's single went on sale at last, said Band Aid.\n\nIt costs 79p."
    assert _by_content(text, "went on sale").speaker == "Band Aid"
    text = "Prices will rise in May, said Calder Steel Co.\n\nThe firm makes rails."
    assert _by_content(text, "Prices will rise").speaker == "Calder Steel Co."


def test_he_with_no_speaker_before_is_the_subject_of_the_sentence_before() -> None:
    text = ("Karl Holm flew back from the islands on Monday.\n\n"
            "Mr Holm held talks with the harbour master, Tom Roe, and the mayor, Ivo Brandt. He confirmed that a "
            "new ferry would come into service in March.")
    assert _by_content(text, "new ferry").speaker == "Karl Holm"
    # ... unless the sentence of the "he" names someone first
    text = ("Brandt waiting on O'Hara\n\nCalder Town's Thomas Brandt is waiting to learn the future of manager "
            "Sean O'Hara before committing himself to a new contract.\n\nO'Hara has been in talks over a new deal "
            "and he said: \"I had a message from Thomas' agent asking me what the news was on myself.\"")
    assert _by_content(text, "a message from").speaker == "Sean O'Hara"


def test_a_law_a_preposition_and_a_surname_like_a_broadcaster_are_read_right() -> None:
    # "Bill" closing a law's name is no given name, nor is a preposition opening a sentence part of a name
    # ("Under Acpo's plan"): neither is the man who speaks after a woman did
    for text in ("Culture minister Ana Lund said the new casinos would be smaller. Eight casinos are planned if "
                 "the Gambling Bill becomes law. He said the licences were unfair to small firms.",
                 "Police chief Ana Lund said the pubs must close earlier. Under Acpo's proposal, pubs would shut at "
                 "midnight. He said the licences were unfair to small firms."):
        assert _by_content(text, "unfair to small firms").speaker == "He", text
    # "Fox" is a surname as often as a broadcaster
    text = ("Tory co-chairman Liam Fox said the plan was a sham.\n\n"
            "Dr Fox said the government had broken its word on the ferries.")
    assert _by_content(text, "broken its word").speaker == "Liam Fox"


def test_a_description_opening_the_first_paragraph_is_no_part_of_the_name() -> None:
    # the headline ends without a full stop; the paragraph still opens a sentence, and "Singer" describes Lund
    text = ("Lund film marks 'farewell'\n\nSinger Ana Lund has said a new film about her life marks her farewell.\n\n"
            "\u201cI wanted to explain myself before I go,\u201d said Lund.")
    assert _by_content(text, "explain myself").speaker == "Ana Lund"


def test_the_subject_after_an_opening_phrase_says_what_a_participle_reports() -> None:
    for opening in ("Despite her doubts", "Following a late meeting", "Under pressure from the crews"):
        text = f"{opening}, Mayor Ana Lund has kept the ferries running, arguing that the crews need the work."
        assert _by_content(text, "crews need").speaker == "Ana Lund", opening


def test_the_company_is_the_firm_the_story_gives_things_to() -> None:
    text = ("Quiet ferries take shape\n\nA new kind of electric ferry is being built by Danish yard Holmwerft.\n\n"
            "The boats will be shown at the Holmwerft stand in March. While Holmwerft's designs are aimed at "
            "islands, the company says the ferries will suit rivers too.")
    assert _by_content(text, "suit rivers").speaker == "Holmwerft"


def test_a_post_after_a_name_is_no_part_of_it() -> None:
    text = "Anna Holm MP said the ferry cuts were a disgrace.\n\nIan Brandt QC said the men had waited three years."
    assert _by_content(text, "a disgrace").speaker == "Anna Holm"
    assert _by_content(text, "three years").speaker == "Ian Brandt"


def test_the_airline_and_the_group_are_the_firm_the_story_is_about() -> None:
    text = ("Skyholm has ordered 40 new planes.\n\nSkyholm said it would fly to ten new cities. The shares "
            "rose 3%. Analysts praised Skyholm for its low costs.\n\nThe airline said fares would not rise this "
            "year. The group also said profits had doubled.")
    assert _by_content(text, "fares would not rise").speaker == "Skyholm"
    assert _by_content(text, "profits had doubled").speaker == "Skyholm"
    # people named by their post are no firm: "The group" of a politics story is not "MPs"
    text = ("A cross-party group of MPs wants the harbour board abolished.\n\nThe MPs have written to ministers. "
            "Some MPs say the board costs too much.\n\nThe group said pressure for change was growing.")
    assert _by_content(text, "pressure for change").speaker != "MPs"


def test_an_order_of_a_court_is_a_noun_and_a_name_ends_before_the_next_sentence() -> None:
    text = ("The port has won a court order that stops the crews blocking the quay. The court order also "
            "freezes the union's funds.")
    assert extract_quotes(text) == []
    text = ("The book tells the story of singer Tom Holm Jr. He wrote it in prison.\n\n"
            "Holm said the book was his best work.")
    assert all(" He" not in q.speaker for q in extract_quotes(text))


def test_a_word_of_a_headline_that_describes_a_firm_is_no_part_of_its_name() -> None:
    for opening in ("Troubled", "Rival", "Ailing"):
        text = f"{opening} Holmwerft said it would cut 300 jobs at its two yards."
        assert _by_content(text, "300 jobs").speaker == "Holmwerft", opening


def test_she_in_a_sentence_about_the_31_year_old_is_the_one_described() -> None:
    text = ("Ana Lund will miss the harbour race to rest for the indoor season.\n\n"
            "The 31-year-old was third behind Eva Holm and Ida Berg last week but she prefers to race indoors. "
            "\u201cIt was great to win bronze but I must rest now,\u201d she said.")
    assert _by_content(text, "win bronze").speaker == "Ana Lund"


def test_he_after_an_office_holder_who_opens_the_sentence_before_is_that_office_holder() -> None:
    text = ("The harbour will be at the heart of the campaign, Mayor Tom Hale has said. He said voters would "
            "back the plan. Earlier the Bishop of Calder wrote to all the candidates about the ferry. In a letter, "
            "he called on them not to frighten voters about the cost.")
    assert _by_content(text, "frighten voters").speaker == "the Bishop of Calder"
    assert _by_content(text, "back the plan").speaker == "Tom Hale"


def test_a_pronoun_after_a_comma_closing_a_mixed_quote_is_the_speaker() -> None:
    text = ('Councillor Ann Bell said the ferry plan was sound. But the mayor had been "hurt" by the pier row, she '
            'added. The council could not go on "patching up" the pier, she said.')
    found = _by_content(text, "hurt")
    assert (found.speaker, found.content) == ("Ann Bell", 'But the mayor had been "hurt" by the pier row')
    assert _by_content(text, "patching").content == 'The council could not go on "patching up" the pier'


def test_a_role_runs_on_past_a_word_that_is_a_role_of_its_own() -> None:
    text = ("A Calder party spokesman played down the row with Ms Bell and said the mayor already had a big role "
            "in the campaign.")
    assert _by_content(text, "big role").speaker == "A Calder party spokesman"


def test_a_lead_that_describes_its_speaker_is_named_by_the_sentence_after_it() -> None:
    text = ("Calder faced with Lund ultimatum\n\nOskar Lund's agent has warned Calder they have until Friday to "
            "improve their offer or lose him. Ivo Berg says he has received a better offer from another club. "
            '"Oskar wants to stay," the agent added.')
    assert [q.speaker for q in extract_quotes(text)] == ["Ivo Berg", "Ivo Berg", "Ivo Berg"]
    # a spokesman is often left unnamed: the next name is someone else
    spokesman = text.replace("Oskar Lund's agent", "A Calder spokesman").replace("the agent added", "he added")
    assert extract_quotes(spokesman)[0].speaker == "A Calder spokesman"
    # ... and so is a name the story gave before
    known = ("Ivo Berg met the board on Monday. Oskar Lund's agent has warned Calder they have until Friday. Ivo Berg "
             "says he has received a better offer.")
    assert extract_quotes(known)[0].speaker == "Oskar Lund's agent"


def test_he_after_a_sentence_that_opens_on_a_description_and_a_name_is_that_name() -> None:
    text = ("The party goes into its spring forum in Calder. Harbour Party co-chairman Colin Lund has opened it with "
            "a speech criticising Tom Berg's record in office. The government's rule has been characterised by "
            "\"lost trust and failure to deliver\", he told the Calder conference.")
    assert _by_content(text, "lost trust").speaker == "Colin Lund"


def test_a_relative_clause_whose_closing_comma_is_missing_leaves_the_subject_before_it() -> None:
    text = ("Mr Lund, who on Thursday won £150,000 in libel damages from the Calder Herald said he would stand in "
            "Fenwick.")
    assert _by_content(text, "stand in Fenwick").speaker == "Lund"


def test_a_statement_to_a_body_is_the_words_of_the_one_whose_statement_it_is() -> None:
    text = 'Calder Town\'s statement to the stock exchange said: "The board has noted the press reports."'
    assert _by_content(text, "board has noted").speaker == "Calder Town"


def test_the_comedian_is_the_one_just_named_and_quoted() -> None:
    text = ('Comedian Colin Lund is to write a cartoon book. "It is for children," said Lund. "I drew it myself," the '
            "comedian added.")
    assert _by_content(text, "drew it myself").speaker == "Colin Lund"
    # another person named in between: the description stays
    other = text.replace('"I drew', 'His agent Tom Berg was there. "I drew')
    assert _by_content(other, "drew it myself").speaker == "the comedian"


def test_the_bank_is_the_bank_of_a_place_named_before() -> None:
    text = ("Figures from the Bank of Calder showed lending fell. New loans in May fell to 7,000 from 8,000 in April, "
            "the bank said.")
    assert _by_content(text, "New loans").speaker == "Bank of Calder"
    # ... but "the Supreme Court" is not the Court of Appeal named last
    court = ("The Court of Appeal cleared him. However, the Supreme Court stated that the files were published "
             "unlawfully.")
    assert _by_content(court, "unlawfully").speaker == "the Supreme Court"


def test_a_relative_clause_with_no_comma_after_a_name_is_no_part_of_it() -> None:
    text = '"Gamers are fans like any others," said Colin Lund who filmed the event for Calder TV.'
    assert _by_content(text, "Gamers").speaker == "Colin Lund"
    text = '"It has gone too far," said Magistrate Ann Bell.'
    assert _by_content(text, "too far").speaker == "Ann Bell"


def test_a_surname_that_is_also_a_title_closes_a_name() -> None:
    text = ('Tom Berg is to stand against Labour MP Oona King at the election. Ms King said she was "delighted". '
            '"Defences are common now," said Paul King, a security consultant.')
    assert _by_content(text, "delighted").speaker == "Oona King"
    assert _by_content(text, "Defences").speaker == "Paul King"
    assert _by_content("President Tom Berg said the bridge was open.", "bridge").speaker == "Tom Berg"


def test_a_second_verb_of_the_reported_clause_s_own_subject_stays_in_what_was_said() -> None:
    text = "Mr Lund said that after becoming dizzy, he ran towards the door and knocked his head on the frame."
    assert _by_content(text, "ran towards").content.endswith("and knocked his head on the frame")
    # a participle that opens the reported clause ("after feeling faint") does not end it
    text = "Mr Lund said that after feeling faint, he sat down."
    assert _by_content(text, "sat down").content == "that after feeling faint, he sat down"
    # the speaker's own second verb still closes it
    text = "Mr Lund said the plan was sound and urged the council to back it."
    assert _by_content(text, "plan was sound").content == "the plan was sound"
    # ... and so does the main verb after a relative clause
    text = "The man who says he got the film made and signed up its star has been left off the list."
    assert "has been left" not in _by_content(text, "got the film").content


def test_knowing_a_person_is_not_knowing_that_something_is_so() -> None:
    text = "Rumours circulated that Lund - who knew Berg - was the real target. Ms Bell knew the ferry was late."
    assert [(q.speaker, q.content) for q in extract_quotes(text) if q.cue == "knew"] == [
        ("Bell", "the ferry was late")]


def test_full_details_of_are_a_noun_and_the_spokesman_at_the_end_speaks() -> None:
    text = 'Full details of the new ferry will not be given until May "at the earliest," a spokesman said.'
    found = _by_content(text, "Full details")
    assert found.speaker == "a spokesman"
    # a role set after a name without its closing comma leaves the name the speaker
    text = "Ann Bell, head of policy at harbour charity the Calder Trust said the plan was unfair."
    assert _by_content(text, "unfair").speaker == "Ann Bell"


def test_she_passes_over_a_partner_named_in_a_sentence_she_opens() -> None:
    text = ("Ana Lund will play on next year at the age of 38. She won two of her seven "
            "singles matches last season and reached the second round at the Calder Open in June. Lund will "
            "play the doubles at the Harbour Cup, which begins on Sunday. She will then link up with Eva Holm "
            'for the Fenwick Open. "I might play some singles too, depending on the surface," she added.')
    assert _by_content(text, "depending on the surface").speaker == "Ana Lund"


def test_the_31_year_old_is_the_one_who_opens_the_sentence_before_after_but() -> None:
    text = ("Ivo Lund denies missing the test. But Lund has always protested his innocence and blamed his coach "
            "Tom Berg. The 31-year-old insisted he would be happy to be charged so he can clear his name.")
    assert _by_content(text, "clear his name").speaker == "Ivo Lund"


def test_the_spokesman_is_the_firms_spokesman_who_spoke_last() -> None:
    text = ("The Harbour Board has written to Holmwerft about its prices. The board said the prices were too high."
            "\n\nThe Holmwerft spokesman said the yard would answer in May.\n\n"
            "\u201cWe expect to resist the charges,\u201d the spokesman said.")
    assert _by_content(text, "resist the charges").speaker == "The Holmwerft spokesman"


def test_a_sentence_closing_on_who_said_it_is_theirs_whole() -> None:
    text = ("Private harbour surveys suggest a busier port than the official figures show, Ms Lund said. "
            "The creditors have asked the council to mediate in the dispute, the Harbour Bank said.")
    assert _by_content(text, "busier port").speaker == "Lund"
    assert _by_content(text, "asked the council").speaker == "the Harbour Bank"
    # ... but one who is said to say it keeps the words: the paper only reports them
    text = "Holmwerft says none of the money will go to the yard's owners, the Calder Post said."
    assert _by_content(text, "none of the money").speaker == "Holmwerft"
    # "has said", "has indicated": the same tag in the perfect, over a deed or a plan told inside
    text = ("Mayor Ivo Lund is pressing the port to cut its fees despite its refusal to open the books, City "
            "Hall has indicated. Calder plans to cut ferry fares are fair to the islands, Ana Berg has said.")
    assert _by_content(text, "pressing the port").speaker == "City Hall"
    assert _by_content(text, "ferry fares are fair").speaker == "Ana Berg"


def test_a_nationality_before_a_surname_is_no_part_of_the_name() -> None:
    text = ('Rhea Tomlin beat Ana Varga in three sets. American Tomlin saved two match points in the last set. '
            '"I never thought I would come back," said Tomlin.')
    assert _by_content(text, "come back").speaker == "Rhea Tomlin"
    text = 'Rhea Tomlin won in Perth. "I never thought I would come back," said American Tomlin.'
    assert _by_content(text, "come back").speaker == "Rhea Tomlin"


def test_a_quotation_after_the_subject_s_own_verdict_is_theirs() -> None:
    text = ('"She served better than anyone this week," said Lucas Brandt. Rhea Tomlin was more guarded in her '
            'assessment: "I still have a lot to improve before the final."')
    assert _by_content(text, "a lot to improve").speaker == "Rhea Tomlin"
    assert _by_content(text, "served better").speaker == "Lucas Brandt"


def test_an_office_set_before_its_holder_names_them_later() -> None:
    text = ('The Mayor of Eastmere, the Rt Hon Dana Pell, called the plan "reckless". Critics of Ivo Brandt\'s plan '
            'say it is costly, and the Mayor said it would close two schools. "The figures do not add up," she said.')
    assert _by_content(text, "reckless").speaker == "Dana Pell"
    assert _by_content(text, "two schools").speaker == "Dana Pell"
    assert _by_content(text, "add up").speaker == "Dana Pell"


def test_a_quotation_in_a_sentence_led_by_someone_else_is_no_continuation() -> None:
    text = ('Rhea Tomlin spoke first. She said there would be no "big-city" casinos on the island. Meanwhile '
            'councillor Tom Brandt labelled the whole scheme "a very expensive mistake".')
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes if "casinos" in q.content] == ["Rhea Tomlin"]
    assert not any("expensive mistake" in q.content and q.speaker == "Rhea Tomlin" for q in quotes)
    # ... while her own next sentence goes on with her words
    text = ('Rhea Tomlin spoke first. She said there would be no "big-city" casinos on the island. She then '
            'labelled the whole scheme "a very expensive mistake".')
    assert any("expensive mistake" in q.content and q.speaker == "Rhea Tomlin" for q in extract_quotes(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the "that" of a relative after the object's infinitive is no reported clause
        ("Harbour Trust has asked Calder Link to repay a £9m loan that the port had secured on its piers.",
         "to repay a £9m loan that the port had secured on its piers"),
        ("The union asked the county court to order a ballot so that its members can vote again.",
         "to order a ballot so that its members can vote again"),
        # ... while a clause of its own keeps its "that"
        ("Ivo Lund told Calder Link that the loan was due.", "that the loan was due"),
    ],
)
def test_what_someone_was_asked_to_do_is_the_content(text: str, content: str) -> None:
    assert _by_content(text, "").content == content
    # an infinitive inside a reported clause with its own verb does not make the clause an order
    told = _by_content("Ivo Lund told the council on Tuesday care was needed to ensure that no ferry was lost.", "")
    assert not told.content.startswith("to ")


def test_two_subjects_joined_by_and_both_stay_in_one_reported_clause() -> None:
    text = ("The Ferry Association said on Monday that island firms Calder Link and Skerry Lines would both "
            "support the plan.")
    quotes = extract_quotes(text)
    assert [(q.speaker, q.content) for q in quotes] == [
        ("The Ferry Association", "that island firms Calder Link and Skerry Lines would both support the plan")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("According to its Leeds lawyer, Ruth Okafor of Bell and Marsh, the claim rests on that figure.",
         "Ruth Okafor", "the claim rests on that figure"),
        ("According to the harbour spokesman, Dana Roe, the port will close for a week.",
         "Dana Roe", "the port will close for a week"),
    ],
)
def test_according_to_a_description_and_the_name_set_beside_it(text: str, speaker: str, content: str) -> None:
    quote = _by_content(text, "")
    assert (quote.speaker, quote.content) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # nouns between a name and the role noun belong to the speaker
        ("EU government agencies fear the deal could open the port to rivals.", "EU government agencies"),
        ("G20 finance ministers said nothing about the currency.", "G20 finance ministers"),
        # ... but not a verb or a preposition between them
        ("Mr Lund won over critics and said the port would stay open.", "Lund"),
        # a name after the role closes the source that follows the verb
        ("Demand has fuelled production, said Calder vice president Ana Roe.", "Ana Roe"),
        ("The ferry will not run in winter, said Harbour finance director Ann Lee.", "Ann Lee"),
    ],
)
def test_the_words_around_a_role_noun_that_belong_to_the_speaker(text: str, speaker: str) -> None:
    assert _by_content(text, "").speaker == speaker


def test_a_description_of_the_firm_that_just_spoke_is_that_firm() -> None:
    text = ("Calderlink said on Monday that fares would rise by 4%. The island ferry giant said the rise would pay "
            "for two new boats.")
    assert _by_content(text, "two new boats").speaker == "Calderlink"
    # ... but not a rival, nor a firm the text has not heard from just before
    text = "Calderlink said on Monday that fares would rise by 4%. The rival firm said its fares would stay the same."
    assert _by_content(text, "stay the same").speaker == "The rival firm"


def test_he_after_a_lone_name_that_just_spoke_is_that_person() -> None:
    text = ("Lindqvist said the offer would not change. Asked about the strike fund, he insisted talks with the "
            "union were going on.")
    assert _by_content(text, "talks with the union").speaker == "Lindqvist"


def test_a_full_name_is_not_another_person_of_the_same_surname() -> None:
    text = ("Tomas Okafor was held for a year. Wale Okafor, father of Tomas, thanked the lawyers for their help. "
            "Mr Okafor said the family would meet him on Friday.")
    assert _by_content(text, "the lawyers").speaker == "Wale Okafor"
    # ... while an honorific before the surname still finds the fuller name
    assert _by_content(text, "meet him").speaker != "Mr Okafor"


def test_a_semicolon_inside_brackets_does_not_end_the_reported_clause() -> None:
    text = "Analysts said Calder Link would raise at least 16bn krona ($1.5bn; £1.2bn) from the share sale."
    assert _by_content(text, "").content == text[len("Analysts said "):-1]


def test_and_before_an_ing_word_goes_on_with_the_same_clause() -> None:
    text = "Lund said the port faced a winter that demanded detailed and convincing plans from every crew."
    assert _by_content(text, "").content == text[len("Lund said "):-1]


def test_a_closing_it_added_is_no_part_of_what_was_expected() -> None:
    text = ("Harbour Weekly said fares rose. The ferry firm Calder Link expects two million riders this year - about "
            "a third of the island - it added.")
    assert _by_content(text, "million riders").content == "two million riders this year - about a third of the island"
    # ... nor a closing "a new documentary has revealed"
    text = "A harbour councillor suggested the ferry was cheaper than a bridge, a new documentary has revealed."
    assert _by_content(text, "cheaper").content == "the ferry was cheaper than a bridge"


def test_a_description_closing_on_a_surname_is_the_person_named_in_full_before() -> None:
    text = ('Rhea Tomlin won the final in Perth. "I was lucky with the wind," said Danish teenager Tomlin. '
            '"Both Calder Link and Skerry Lines want the route," said industry watcher Ivo Brandt.')
    assert _by_content(text, "lucky with the wind").speaker == "Rhea Tomlin"


def test_a_description_after_a_person_opens_the_narration_is_that_person() -> None:
    text = ("Nicholas Okafor, who had been picked to fight the Eastmere seat, quit after a newspaper report. "
            "The former teacher confirmed he had been to the meeting.")
    assert _by_content(text, "been to the meeting").speaker == "Nicholas Okafor"
    # ... but not a coach or a club that opens it
    text = ("Coach Tom Brandt praised his side. The 22-cap Calder man says that Okafor will be badly missed.")
    assert _by_content(text, "badly missed").speaker != "Coach Tom Brandt"
