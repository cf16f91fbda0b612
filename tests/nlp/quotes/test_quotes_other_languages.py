"""Quotations and speakers in French, German, Spanish and Russian text, on small invented articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.models import Quote
from bot.nlp.quotes import extract_quotes
from bot.nlp.quotes.other_languages import _MAX_QUOTES, extract_other
from bot.pipeline import Analyzer
from bot.textfmt import quote_text

FRENCH = (
    "La piscine de Montbrac fermera en juin pour deux ans de travaux.\n\n"
    "« Le bassin fuit depuis des années », a déclaré la directrice, Odile Ferrand, lors du conseil. "
    "« Nous n’avions plus le choix. »\n\n"
    "Mme Ferrand a précisé : « Les écoles iront à Serlac. » « Ce sera plus long pour les enfants », "
    "a-t-elle ajouté.\n\n"
    "« Personne ne nous a consultés. »\n\n"
    "Le président du club, Paul Garnier, estime que la ville a eu tort. « C’est un coup dur », regrette-t-il."
)


def _spans_are_exact(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert text[q.content_span[0]:q.content_span[1]] == q.content
        if q.source_span is not None:
            assert text[q.source_span[0]:q.source_span[1]] == q.source_text


def _who(quotes: list[Quote]) -> list[tuple[str, str]]:
    return [(q.speaker, q.content) for q in quotes]


def _read(text: str, language: str) -> list[Quote]:
    """Return the quotes extract_quotes finds in text, after checking that their offsets slice it."""
    quotes = extract_quotes(text, language=language)
    _spans_are_exact(text, quotes)
    return quotes


def test_french_roles_continuations_honorifics_and_pronouns() -> None:
    quotes = _read(FRENCH, "fr")
    assert _who(quotes) == [
        # the quotation resumed after its attribution is one quote with it
        ("Odile Ferrand", "Le bassin fuit depuis des années », a déclaré la directrice, Odile Ferrand, lors du "
                          "conseil. « Nous n’avions plus le choix."),
        ("Odile Ferrand", "Les écoles iront à Serlac."),  # "Mme Ferrand" before a colon
        ("Odile Ferrand", "Ce sera plus long pour les enfants"),  # "a-t-elle ajouté"
        ("Paul Garnier", "la ville a eu tort"),  # reported speech: "X estime que …"
        ("Paul Garnier", "C’est un coup dur"),  # "regrette-t-il": the speaker of the clause before
    ]
    first, colon, pronoun, reported, _ = quotes
    assert (first.source_text, first.cue, first.kind) == ("Odile Ferrand", "a déclaré", "direct")
    assert quote_text(first, 200) == "“Le bassin fuit depuis des années … Nous n’avions plus le choix.”"
    assert (colon.source_text, colon.cue) == ("Mme Ferrand", "a précisé")
    assert (pronoun.source_text, pronoun.cue) == ("elle", "a-t-elle ajouté")
    assert (reported.kind, reported.cue) == ("indirect", "estime")
    assert "Personne ne nous a consultés." not in [q.content for q in quotes]  # no attribution: dropped


def test_exact_content_span_inside_guillemets() -> None:
    text = "« Il fera beau », explique Jeanne Morel, météorologue."
    [q] = extract_other(text, "fr")
    assert q.content_span == (2, 14) and q.content == "Il fera beau"
    assert q.source_span == (27, 39) and q.cue == "explique"


CASES = {
    # a role before the name, an honorific before a colon, a pronoun after the verb
    "de": ("„Das Bad ist zu alt“, sagte Bürgermeisterin Greta Lindner am Montag. "
           "Frau Lindner fügte hinzu: „Im Frühjahr öffnen wir wieder.“ „Das steht fest“, sagte sie.",
           [("Greta Lindner", "Greta Lindner", "Das Bad ist zu alt"),
            ("Greta Lindner", "Frau Lindner", "Im Frühjahr öffnen wir wieder."),
            ("Greta Lindner", "sie", "Das steht fest")]),
    # a role phrase closed by a comma, a verb with no subject, an honorific before a colon
    "es": ("\"No hay otra opción\", dijo la concejala de Deportes, Marta Ibarra. \"La caldera es vieja\", explicó.\n"
           "La Sra. Ibarra añadió: «Abriremos en primavera».",
           [("Marta Ibarra", "Marta Ibarra", "No hay otra opción"), ("Marta Ibarra", None, "La caldera es vieja"),
            ("Marta Ibarra", "Sra. Ibarra", "Abriremos en primavera")]),
    # "сказал он" is masculine: it cannot be Климова, and nobody else was named, so it is dropped
    "ru": ("«У нас нет выхода», — сказала мэр Вера Климова. «Котёл слишком старый», — добавила она.\n"
           "Климова заявила: «Весной откроемся». «Это ошибка», — сказал он.",
           [("Вера Климова", "Вера Климова", "У нас нет выхода"), ("Вера Климова", "она", "Котёл слишком старый"),
            ("Вера Климова", "Климова", "Весной откроемся")]),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_german_spanish_and_russian_attributions(code: str) -> None:
    text, expected = CASES[code]
    assert [(q.speaker, q.source_text, q.content) for q in _read(text, code)] == expected


def test_pronoun_without_earlier_speaker_is_dropped() -> None:
    assert extract_other("« Nous fermerons demain », a-t-elle annoncé.", "fr") == []
    assert extract_other("„Wir schließen morgen“, sagte er.", "de") == []


def test_pronoun_does_not_reach_past_a_newly_named_person() -> None:
    text = ("« Le quai est fini », explique Lucie Varenne. Le pêcheur Marc Olivier Lenoir pense autrement. "
            "« Il faudra attendre », dit-elle.")
    assert _who(extract_other(text, "fr")) == [("Lucie Varenne", "Le quai est fini")]


def test_honorific_stays_as_written_without_a_full_name() -> None:
    [q] = extract_other("« Nous verrons », a dit M. Tassin.", "fr")
    assert (q.speaker, q.source_text) == ("M. Tassin", "M. Tassin")


def test_organisation_is_not_a_speaker() -> None:
    assert extract_other("« Tout va bien », affirme l’association Terre Vive.", "fr") == []


def test_language_is_detected_when_not_given() -> None:
    text = "« Le pont sera prêt en mai », a déclaré la maire, Anne Roux, devant les habitants de la ville."
    assert [q.speaker for q in extract_quotes(text)] == ["Anne Roux"]


def test_english_goes_the_english_way() -> None:
    text = "“The ferry will run again in May,” said harbour master Ines Kovac. She spoke after the vote."
    detected = extract_quotes(text)
    assert detected == extract_quotes(text, language="en") == extract_quotes(text, language="en-GB")
    assert [(q.speaker, q.content, q.kind) for q in detected] == [
        ("Ines Kovac", "“The ferry will run again in May,”", "direct")]


def test_long_line_of_marks_and_commas_is_bounded() -> None:
    for text in ("«, " * 40000, "„“, " * 30000, "« a, » , — сказала " * 6000, "\", dijo " * 13000):
        assert len(text) >= 100_000
        for code in ("fr", "de", "es", "ru"):
            found = extract_other(text, code)
            assert len(found) <= _MAX_QUOTES
            _spans_are_exact(text, found)


def test_cli_prints_the_quotes_of_a_french_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "piscine.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in FRENCH.split("\n\n")[1:])
    page.write_text(f'<!doctype html><html lang="fr"><head><title>Piscine</title></head><body><article>'
                    f"<h1>La piscine ferme</h1>{paragraphs}</article></body></html>", encoding="utf-8")
    assert main(["quotes", str(page), "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    assert ("Odile Ferrand", "Les écoles iront à Serlac.") in [(q["speaker"], q["content"]) for q in quotes]


def test_analyzer_keeps_french_quotes() -> None:
    result = Analyzer(points=2).analyse_text("Piscine", FRENCH, "fr")
    assert ("Paul Garnier", "C’est un coup dur") in _who(list(result.quotes))
