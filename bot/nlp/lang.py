"""Guess the language of a text among the five newsbot summarizes well: en, de, fr, es, ru."""

from __future__ import annotations

import re
from collections import Counter


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


LANGUAGE_NAMES: dict[str, str] = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
}

# Frequent function words that are rare in the other four languages.
_MARKERS: dict[str, frozenset[str]] = {
    "en": _wordset("the and of to is was that with for are were have has this which from would"),
    "de": _wordset("der die das und ist nicht mit sich auf dem den des ein eine wird sind auch wurde"),
    "fr": _wordset("le la les et est des une du que qui dans pour pas sur au sont avec été cette"),
    "es": _wordset("el los las y es del una que por con para se al lo como más pero fue está"),
}
_OWNERS: dict[str, tuple[str, ...]] = {
    word: tuple(code for code, markers in _MARKERS.items() if word in markers)
    for word in set().union(*_MARKERS.values())
}
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def detect_language(text: str, default: str = "en") -> str:
    """Return the ISO code of text's language among en, de, fr, es, ru; default when nothing decides."""
    sample = text[:2000]
    letters = _WORD.findall(sample)
    if not letters:
        return default
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic * 2 > sum(len(w) for w in letters):
        return "ru"
    counts: Counter[str] = Counter()
    for word in letters:
        counts.update(_OWNERS.get(word.lower(), ()))
    if not counts:
        return default
    code, hits = counts.most_common(1)[0]
    return code if hits >= 2 else default


def normalize_language(language: str | None, text: str = "") -> str:
    """Return a supported ISO code for a metadata language ("en-GB", "German") or detect it from text."""
    if language:
        low = language.strip().lower().replace("_", "-")
        code = low.split("-")[0]
        if code in LANGUAGE_NAMES:
            return code
        for short, name in LANGUAGE_NAMES.items():
            if low == name:
                return short
    return detect_language(text)
