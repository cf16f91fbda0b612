"""Stance cues: support and opposition verbs, participles and nouns with short object contents."""

from __future__ import annotations

from bot.nlp.quotes.extract import extract_quotes
from bot.nlp.quotes.stance import participle_source, short_object_ok, stance_nouns, stance_object


def _found(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.source_text, q.cue, q.content) for q in extract_quotes(text)]


def test_finite_stance_verb_takes_a_one_word_name() -> None:
    assert ("The union", "endorsed", "Okafor") in _found("The union endorsed Okafor.")


def test_attack_verb_reports_its_object() -> None:
    assert ("Mendes", "attacked", "the harbour plan") in _found("Mendes attacked the harbour plan.")


def test_one_word_object_must_be_a_name() -> None:
    assert short_object_ok("backed", "Okafor")
    assert not short_object_ok("backed", "down")
    assert not short_object_ok("said", "Okafor")


def test_participle_after_a_noun_phrase_gives_that_phrase_as_holder() -> None:
    text = "Last spring a donor sent money to a group backing Okafor, the former mayor."
    assert ("a group", "backing", "Okafor") in _found(text)


def test_participle_after_a_verb_has_no_holder() -> None:
    text = "The crowd kept chanting supporting slogans."
    cs = text.index("supporting")
    assert participle_source(text, 0, cs) is None


def test_object_stops_at_a_relative_clause() -> None:
    text = "those opposing the levy, who met on Friday"
    ce = text.index("opposing") + len("opposing")
    s, e = stance_object(text, ce, len(text)) or (0, 0)
    assert text[s:e] == "the levy"


def test_stance_noun_takes_its_possessor_as_holder() -> None:
    text = "Mendes sharpened her criticism of the harbour plan on Monday."
    hits = stance_nouns(text, 0, len(text))
    assert [(text[slice(*src)], cue, text[slice(*c)]) for c, src, cue in hits] == [
        ("her", "criticism of", "the harbour plan on Monday")]


def test_named_possessor_drops_its_apostrophe() -> None:
    text = "Okafor's attacks on the tunnel budget drew a reply."
    hits = stance_nouns(text, 0, len(text))
    assert [(text[slice(*src)], cue) for _, src, cue in hits] == [("Okafor", "attacks on")]


def test_a_stance_word_without_object_gives_nothing() -> None:
    assert _found("Everyone in the hall applauded.") == []


def test_relative_pronoun_holds_the_stance_and_resolves_to_the_name() -> None:
    quotes = extract_quotes("The filing came from the Harbour Trust, which opposed the tunnel.")
    found = [(q.source_text, q.speaker, q.content) for q in quotes]
    assert ("which", "Harbour Trust", "the tunnel") in found


def test_stance_object_ends_before_a_concessive_clause() -> None:
    quotes = _found("Okafor endorsed the ferry plan, although she has doubts about its cost.")
    assert ("Okafor", "endorsed", "the ferry plan") in quotes
