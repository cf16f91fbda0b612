"""Tests for the offline sentence splitter and sumy tokenizer."""

from __future__ import annotations

import pytest

from bot.nlp.lang import detect_language, normalize_language
from bot.nlp.sentences import OfflineTokenizer, SentenceSplitter, words


def split(text: str, language: str = "en") -> list[str]:
    return SentenceSplitter(language).split(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Okafor met Mr. Dunn and Dr. Patel at the town hall on Monday.",
        "The U.S. Senate voted on Oct. 12 to fund the program.",
        "Officials gathered outside No. 10 Downing Street before noon.",
        "Author J. R. Tolkien and George W. Bush never met in person.",
        "Inflation rose to 3.5 per cent, up from 2.9 per cent a year earlier.",
        "The firm, e.g. its London office, kept the records.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text: str) -> None:
    assert split(text) == [text]


def test_acronym_at_the_end_of_a_sentence_still_ends_it() -> None:
    assert split("The talks moved to the U.S. The delegates flew home on Friday.") == [
        "The talks moved to the U.S.",
        "The delegates flew home on Friday.",
    ]


def test_quote_with_comma_and_attribution_stays_one_sentence() -> None:
    text = "“We will finish the bridge by spring,” she said. The work starts next week."
    assert split(text) == ["“We will finish the bridge by spring,” she said.", "The work starts next week."]


def test_lone_attribution_after_a_closed_quote_joins_it() -> None:
    text = '"The budget is fine." Okafor said. Critics disagreed.'
    assert split(text) == ['"The budget is fine." Okafor said.', "Critics disagreed."]


def test_quote_closing_a_sentence_splits_before_the_next() -> None:
    text = 'He kept it. "But any deliberate waste is wrong." The rest was dropped.'
    assert split(text) == ["He kept it.", '"But any deliberate waste is wrong."', "The rest was dropped."]


def test_german_ordinals_and_abbreviations() -> None:
    text = "Am 3. Oktober feierte die Stadt. Im 19. Jahrhundert stand hier eine Fabrik. Hr. Keller kam z.B. spät."
    assert split(text, "de") == [
        "Am 3. Oktober feierte die Stadt.",
        "Im 19. Jahrhundert stand hier eine Fabrik.",
        "Hr. Keller kam z.B. spät.",
    ]


def test_german_year_still_ends_a_sentence() -> None:
    assert split("Das war 2019. Danach kam alles anders.", "de") == ["Das war 2019.", "Danach kam alles anders."]


def test_french_guillemets_and_titles() -> None:
    text = "« Nous gagnerons. » M. Dupont est arrivé. Mme Durand aussi !"
    assert split(text, "fr") == ["« Nous gagnerons. »", "M. Dupont est arrivé.", "Mme Durand aussi !"]


def test_spanish_inverted_marks_and_titles() -> None:
    text = "¿Qué pasó? ¡Nadie lo sabe! El Sr. García llegó tarde."
    assert split(text, "es") == ["¿Qué pasó?", "¡Nadie lo sabe!", "El Sr. García llegó tarde."]


def test_russian_sentences_and_abbreviations() -> None:
    text = "Договор подписали в 2024 г. в Москве. Мэр это подтвердил. Стоимость составит 4 млрд руб. за год."
    assert split(text, "ru") == [
        "Договор подписали в 2024 г. в Москве.",
        "Мэр это подтвердил.",
        "Стоимость составит 4 млрд руб. за год.",
    ]


def test_line_breaks_end_sentences_and_offsets_point_into_the_text() -> None:
    text = "First line without a stop\nSecond line here. Third one."
    spans = list(SentenceSplitter("en").spans(text))
    assert [s.text for s in spans] == ["First line without a stop", "Second line here.", "Third one."]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_empty_text_gives_no_sentences() -> None:
    assert split("") == []
    assert split("   \n\n ") == []


def test_tokenizer_serves_sumy() -> None:
    tok = OfflineTokenizer("de")
    assert tok.language == "german"
    assert tok.to_sentences("Am 3. Oktober war es kalt. Dann kam der Schnee.") == (
        "Am 3. Oktober war es kalt.",
        "Dann kam der Schnee.",
    )
    assert tok.to_words("Die 18 Millionen Euro kosteten viel.") == ("Die", "Millionen", "Euro", "kosteten", "viel")


def test_words_keep_numbers_whole() -> None:
    assert words("The US says 8,000 troops and 3.5% more.") == [
        "The",
        "US",
        "says",
        "8,000",
        "troops",
        "and",
        "3.5%",
        "more",
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council said that the bridge was ready and the mayor opened it.", "en"),
        ("Die Stadt hat die Brücke eröffnet und der Bürgermeister ist zufrieden.", "de"),
        ("La ville a ouvert le pont et les habitants sont contents pour la fête.", "fr"),
        ("El alcalde dijo que los vecinos están contentos con el puente y la plaza.", "es"),
        ("Мэр города открыл новый мост через реку в среду.", "ru"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_metadata_language_wins_and_is_normalized() -> None:
    assert normalize_language("de-AT", "The English words here.") == "de"
    assert normalize_language("French") == "fr"
    assert normalize_language("xx", "Die Stadt und der Fluss sind nicht weit.") == "de"
