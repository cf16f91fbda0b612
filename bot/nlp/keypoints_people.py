"""Who a key point speaks of, in German, French, Spanish and Russian.

A point opening with "Elle", "Er" or "Она", or closing a quotation with "a-t-elle ajouté" or "sagte
sie", has lost its subject once it stands alone. Such a pronoun may also stand for a thing ("la
mairie" is "elle"; German "sie" is she, they or you), so it is replaced only by a person whose honorific
gives the same gender in the sentence or two before it ("Mme Vautrin ... Elle a précisé" gives "Mme
Vautrin a précisé"); otherwise the sentence is no point. Neither is one opening with a word for what
was said before ("Cela a permis", "Das brachte", "Esto supone") or a Spanish verb of saying with no
subject ("Explicó que ..."). A person named by honorific and surname ("Mme Vautrin", "Frau Vogel", "la
señora Romero") gets the full name the article gives them, once. The English rules, which know verbs of
saying and roles, are in keypoints_clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.nlp.honorifics import HONORIFICS
from bot.nlp.keypoints_clean import name_once

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOWER = "a-zß-öø-ÿа-яё"
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_CLOSING_QUOTE = re.compile(r"[”»“\"]")  # German quotations close with “


@dataclass(frozen=True, slots=True)
class _People:
    pronouns: dict[str, str | None]  # subject pronoun -> "m", "f" or None (a group, or either)
    honorifics: dict[str, str | None]  # honorific -> gender it gives
    impersonal: re.Pattern[str] | None = None  # "Il faut": a pronoun that stands for no one
    leans_back: re.Pattern[str] | None = None  # "Cela a permis ...": a word for what was said before
    article: str = ""  # an article an honorific takes ("la señora"), replaced with it


_RULES: dict[str, _People] = {
    "fr": _People(
        {"il": "m", "elle": "f", "ils": None, "elles": None},
        HONORIFICS["fr"],
        re.compile(
            r"^Il\s+(?:faut|faudra|faudrait|fallait|fallu|y\b|s['’]agit|semble|reste|suffit|suffira|convient|"
            r"paraît|existe|vaut|arrive|manque|était\s+une\s+fois)",
        ),
        re.compile(r"^(?:Cela|Ceci|Ça)\s"),
    ),
    "de": _People(
        {"er": "m", "sie": None},  # "Sie" is she, they or the polite you: never resolved
        HONORIFICS["de"],
        leans_back=re.compile(r"^(?:Dies|Das|Dieses)\s+[a-zäöüß]"),  # "Das brachte", not "Das Becken"
    ),
    "es": _People(
        {"él": "m", "ella": "f", "ellos": None, "ellas": None},
        HONORIFICS["es"],
        # "Esto supone ...", and a verb of saying with no subject: "Explicó que ...", "Dijo que ..."
        leans_back=re.compile(r"^(?:(?:Esto|Eso|Ello)\s|(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]{2,14}ó|Dijo|Dice)\s+que\b)"),
        article=r"(?:[Ee]l|[Ll]a)\s+",
    ),
    "ru": _People(
        {"он": "m", "она": "f", "они": None},
        HONORIFICS["ru"],
    ),
}


def _honorific_names(rules: _People) -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(rules.honorifics, key=len, reverse=True))
    return re.compile(rf"(?:\b{rules.article})?(?<![\w-])(?P<title>{titles})(?!\w)\s*(?P<surname>{_NAME})")


_TITLED = {code: _honorific_names(rules) for code, rules in _RULES.items()}
_GIVEN = re.compile(rf"(?<![\w.-])({_NAME})\s+(?=({_NAME})\b)")  # overlapping: "Bürgermeisterin Anna Vogel"
_FIRST_WORD = re.compile(r"^\W*(\w+)")
# A French verb of saying inverted after a quotation: "a-t-elle ajouté", "explique-t-il", "poursuit-elle".
_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles)\b")


def handles(code: str) -> bool:
    """Return True for the languages these rules are for."""
    return code in _RULES


def stand_alone(point: str, previous: list[str], code: str) -> str | None:
    """Return point with an opening pronoun replaced by the person it stands for, point itself when it
    names its subject, or None when its subject is lost (a pronoun with no one to refer to)."""
    rules = _RULES[code]
    tail = point[max((m.end() for m in _CLOSING_QUOTE.finditer(point)), default=len(point)) :]
    said = re.findall(r"[\w-]+", tail)
    if len(said) <= 4 and (_INVERTED.search(tail) or {w.lower() for w in said} & set(rules.pronouns)):
        return None  # "», a-t-elle ajouté.", "“, sagte sie.": the speaker is in an earlier sentence
    if len(said) == 1 and said[0].islower():
        return None  # '", explicó.': no one is named
    if rules.leans_back is not None and rules.leans_back.match(point):
        return None
    first = _FIRST_WORD.match(point)
    if first is None or first.group(1).lower() not in rules.pronouns or not first.group(1)[0].isupper():
        return point
    if rules.impersonal is not None and rules.impersonal.match(point):
        return point
    gender = rules.pronouns[first.group(1).lower()]
    name = None if gender is None else _antecedent(previous[-2:], gender, code)
    return None if name is None else point[: first.start(1)] + name + point[first.end(1) :]


def _antecedent(previous: list[str], gender: str, code: str) -> str | None:
    """Return the nearest person named with an honorific of gender in previous ("Mme Vautrin")."""
    honorifics = _RULES[code].honorifics
    for sentence in reversed(previous):
        found = [m for m in _TITLED[code].finditer(sentence) if honorifics[m["title"]] == gender]
        if found:
            return f"{found[-1]['title']} {found[-1]['surname']}"
    return None


def introduce_names(points: list[str], sentences: list[str], code: str) -> list[str]:
    """Replace "Mme Vautrin" by "Clémence Vautrin" in the first point that names her so, when the article
    gives one full name for that surname and no earlier point has shown it."""
    titled = _TITLED[code]
    surnames = {m["surname"] for p in points for m in titled.finditer(p)}
    if not surnames:
        return points
    honorifics = set(_RULES[code].honorifics)
    given: dict[str, set[str]] = {}
    for sentence in sentences:
        for m in _GIVEN.finditer(sentence):
            if m.group(2) in surnames and m.group(1) not in honorifics and m.start() > 0:
                given.setdefault(m.group(2), set()).add(f"{m.group(1)} {m.group(2)}")
    full = {surname: next(iter(names)) for surname, names in given.items() if len(names) == 1}

    def mentions(point: str) -> Iterator[re.Match[str]]:
        for m in titled.finditer(point):
            if not point[: m.start()].endswith(("del ", "al ")):  # "del Pedro Ruiz" would be wrong
                yield m

    return name_once(points, full, mentions)
