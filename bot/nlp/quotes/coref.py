"""Resolve the words that introduce a quote ("he", "Ms. Choe", "the minister") to a canonical speaker."""

from __future__ import annotations

import bisect
import re

from bot.nlp.quotes.lexicon import FEMALE_PRONOUNS, HONORIFICS, MALE_PRONOUNS, TITLES
from bot.nlp.quotes.names import Mention, analyse_run

# How far back (characters) a pronoun or a role may reach for its antecedent.
_WINDOW = 1500
_TAIL_NAME = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+(?:\s+\([^()]*\))?\s*,?$")
_ROLE = re.compile(r"^(?:the|this|that)\s+((?:[\w-]+\s+){0,2}[\w-]+)$", re.IGNORECASE)
# an "it" that opens a sentence refers back to the subject that opened the one before
_THING = re.compile(r"(?:The|This|That)\s+([a-z][a-z-]{2,})\s+(?:[a-z]+(?:s|ed)|has|had|is|was|will|would)\b")
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+(?:s|ed)|has|had|is|was|will|would|said|says)\b")
_OPENING_NAME = re.compile(r"(?:The\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+)?[A-Z][\w’'&-]*)*")


class Resolver:
    """Resolve speakers left to right, learning gender and surnames as it goes."""

    def __init__(self, masked: str, mentions: list[Mention], sentences: list[tuple[int, int]]) -> None:
        self._text = masked
        self._sentences = sentences
        self._sentence_starts = [s for s, _ in sentences]
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._gender: dict[str, str] = {}
        for m in mentions:
            if m.person and m.gender and m.name not in self._gender:
                self._gender[m.name] = m.gender
        self._last_speaker: tuple[int, str] | None = None

    def _before(self, pos: int) -> list[Mention]:
        """Return mentions that end before pos within the window, most recent first."""
        i = bisect.bisect_left(self._starts, pos)
        out = []
        for m in reversed(self._mentions[:i]):
            if m.end > pos:
                continue
            if pos - m.end > _WINDOW:
                break
            out.append(m)
        return out

    def _canonical(self, m: Mention, pos: int) -> str:
        """Return the fullest earlier name that this mention's name shortens ("Lavrov" → "Sergei Lavrov")."""
        words = m.name.split()
        if len(words) > 1 and not m.titles:
            return m.name
        key = words[-1] if words else m.name
        for other in self._before_all(m.start):
            longer = len(other.name) > len(m.name)
            if other.person and other.name != m.name and key in other.name.split() and longer:
                return other.name
        return m.name

    def _before_all(self, pos: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, pos)
        return list(reversed(self._mentions[:i]))

    def _gender_of(self, name: str) -> str | None:
        return self._gender.get(name)

    def resolve(self, source: str, start: int) -> str:
        """Return the canonical speaker for source words written at start."""
        head = source.split(",")[0].strip()
        if head != source.strip() and re.search(r"[A-Z]", head):
            source = head  # "Dana Roe, who chairs the panel": the name before the apposition
        low = source.lower()
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            want = "m" if low in MALE_PRONOUNS else "f"
            name = self._pronoun(start, want)
            if name:
                self._gender.setdefault(name, want)
                self._note(start, name)
                return name
            return source
        if low in ("who", "which", "that"):
            for m in self._before(start):
                if start - m.end < 80:
                    name = self._canonical(m, m.start)
                    self._note(start, name)
                    return name
            return source
        if low == "it":
            return self._it(start) or source
        if low in ("i", "we", "they", "you"):
            return source
        role = _ROLE.match(source)
        if role:
            head = role.group(1).split()[-1].lower()
            for m in self._before(start):
                if m.person and head in m.titles and m.name.lower() not in TITLES:
                    name = self._canonical(m, m.start)
                    self._note(start, name)
                    return name
            return source
        if re.search(r"\b(?!(?:of|for|the|and|de|van|von|al)\b)[a-z]", source):
            # "former speechwriter Jane Roe": a person's name closing a descriptive phrase names the speaker
            tail = _TAIL_NAME.search(source)
            if tail is None:
                return source.strip()
            source = tail.group()
        men = analyse_run(source, 0, len(source))
        if men is None:
            return source
        if not men.person and len(men.name.split()) > 1:
            return source.strip()
        for m in self._before_all(start):
            if m.person and men.name.split()[-1] in m.name.split() and len(m.name) >= len(men.name):
                name = self._canonical(m, m.start)
                if men.gender:
                    self._gender.setdefault(name, men.gender)
                self._note(start, name)
                return name
        if men.gender and men.person:
            self._gender.setdefault(men.name, men.gender)
        if men.person:
            self._note(start, men.name)
            return men.name
        return source.strip()

    def _it(self, pos: int) -> str | None:
        """Return what a sentence-opening "it" stands for: the subject that opened the sentence before.

        "Gazprom raised prices. It said …" → Gazprom; "The treaty was signed. It states …" → the treaty.
        A person is never "it", and an "it" inside a sentence is left alone.
        """
        i = bisect.bisect_left(self._sentence_starts, pos)
        if i == 0 or i == len(self._sentence_starts) or self._sentence_starts[i] != pos:
            return None
        s, e = self._sentences[i - 1]
        sentence = self._text[s:e]
        thing = _THING.match(sentence)
        if thing:
            return f"the {thing.group(1)}"
        run = _OPENING_NAME.match(sentence)
        if run is None or not _VERB_NEXT.match(sentence, run.end()):
            return None
        men = analyse_run(sentence, 0, run.end())
        if men is None or men.person or men.name.lower() in ("here", "there", "much"):
            return None
        last = men.name.split()[-1]
        if any(m.person and last in m.name.split() for m in self._before_all(pos)):
            return None  # a surname alone: "Roe has left. It said …" cannot mean Roe
        return men.name

    def _note(self, pos: int, name: str) -> None:
        self._last_speaker = (pos, name)

    def _pronoun(self, pos: int, want: str) -> str | None:
        """Pick the antecedent of he/she: last speaker if close, else the nearest person of that gender."""
        unknown: str | None = None
        if self._last_speaker is not None and pos - self._last_speaker[0] < 400:
            g = self._gender_of(self._last_speaker[1])
            if g == want:
                return self._last_speaker[1]
            if g is None:
                unknown = self._last_speaker[1]
        for m in self._before(pos):
            if not m.person:
                continue
            if m.name.lower() in TITLES or m.name.lower() in HONORIFICS:
                continue
            name = self._canonical(m, m.start)
            g = m.gender or self._gender_of(name)
            if g == want:
                return name
            if g is None and unknown is None:
                unknown = name
        return unknown
