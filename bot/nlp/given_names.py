"""The gender a given name tells ("Alicia Keys" is a woman), so that "she" does not land on a man.

The table (data/given_names.txt) holds common given names of news in English, French, German, Spanish,
Italian, Russian (transliterated) and other languages whose bearers are almost all men or all women; names
borne by both (Alex, Jean, Andrea, Kim), and those of its last section, tell no gender, only that a word is a
given name.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources


@cache
def _table() -> dict[str, str]:
    """Every given name of the table, with "m", "f" or "either"."""
    table: dict[str, str] = {}
    gender = ""
    text = resources.files("bot.nlp").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            gender = line.strip("[]")
        elif line and not line.startswith("#"):
            table.update((name, gender) for name in line.split())
    return table


def _lookup(word: str) -> str | None:
    found = _table().get(word)
    if found is None and not word.isascii():
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        found = _table().get(plain) if plain[:1].isupper() else None
    return found


def given_name_gender(word: str) -> str | None:
    """Return "m" or "f" when word is a given name that tells its bearer's gender, else None; accents do
    not matter ("Ségolène" is "Segolene")."""
    found = _lookup(word)
    return found if found in ("m", "f") else None


def is_given_name(word: str) -> bool:
    """Return True when word is a given name of the table, whether or not it tells a gender ("Kelly", "Sam")."""
    return _lookup(word) is not None
