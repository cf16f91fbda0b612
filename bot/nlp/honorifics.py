"""Honorifics of German, French, Spanish and Russian news and the gender each gives ("m", "f"; None when
it tells none), shared by the key points and the quote attribution of those languages."""

from __future__ import annotations

HONORIFICS: dict[str, dict[str, str | None]] = {
    "fr": {"M.": "m", "Monsieur": "m", "Mme": "f", "Madame": "f", "Mlle": "f", "Mademoiselle": "f", "Me": None,
           "Dr": None, "Pr": None},
    "de": {"Herr": "m", "Herrn": "m", "Frau": "f", "Dr.": None, "Prof.": None},
    "es": {"Sr.": "m", "señor": "m", "don": "m", "Sra.": "f", "señora": "f", "Srta.": "f", "doña": "f",
           "Dr.": None, "Dra.": "f"},
    "ru": {"г-н": "m", "господин": "m", "г-жа": "f", "госпожа": "f"},
}
