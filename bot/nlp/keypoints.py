"""Turn an article into a few short, distinct key points a reader can trust.

Sentences are ranked by TextRank centrality (sumy's graph, stemmers and stop words), nudged towards the
headline's words, towards sentences that carry a number and towards the lead (news states its news in the
first sentence), and kept short: a long sentence loses rank, and a chosen one drops its non-restrictive
clauses. Boilerplate, headlines and dangling fragments (unclosed quotations, bare quotes, pronouns with no
one to refer to) are never candidates, though the sentence that opens or closes a quotation running over
several sentences is mended (its quotation closed or opened) and may be one. No two points share most of
their words, a pronoun or an opening description ("The 31-year-old", "The Swiss star") is replaced by the
person it refers to, an opening "Its" by the organisation the story is about (or the point is left out), and
a surname alone by the full name the article gives. Choosing by coverage of the
article's names and numbers (MMR-style), one point per paragraph or a prior on every position was tried:
each lost more ROUGE than it gained key facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from bot.nlp import keypoints_clean as clean
from bot.nlp import keypoints_people as people
from bot.nlp.keypoints_rank import term_lists, textrank
from bot.nlp.lang import LANGUAGE_NAMES, normalize_language
from bot.nlp.sentences import OfflineTokenizer, SentenceSplitter, words

_NUMBER = re.compile(r"\d")
_TITLE_WEIGHT = 0.2  # a sentence holding all the headline's terms gains a fifth of the top rank
_NUMBER_BONUS = 0.1  # figures, dates and amounts make a point concrete
_LEAD_BONUS = 0.3  # the body's first sentence that can stand as a point states the news
_REDUNDANT = 0.5  # share of a point's terms already said by a chosen point that makes it a repeat
_LONG = 28  # words past which a point loses rank in proportion
_SHORTEN = 21  # words past which a chosen point drops its side clauses
_ADDRESSED = 0.5  # share of its rank kept by a point that speaks to the reader ("you", "your")
_HISTORY = 0.6  # share of its rank kept by a point that tells what happened years before the news


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    point: str  # the text as a point: trimmed, shortened
    index: int
    terms: list[str]
    length: int
    has_number: bool
    candidate: bool


class _Language:
    """The splitter, tokenizer, stemmer and stop words of one language, made once."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.splitter = SentenceSplitter(code)
        self.tokenizer = OfflineTokenizer(code)
        # Snowball stemming dominates the cost of a call; news reuses its words, so remember them.
        self.stem: Callable[[str], str] = lru_cache(maxsize=200_000)(Stemmer(LANGUAGE_NAMES[code]))
        self.stop_words = _stop_words(code)


@cache
def _stop_words(code: str) -> frozenset[str]:
    if code == "ru":  # sumy ships no Russian list
        text = resources.files("bot.nlp").joinpath("data/stopwords_ru.txt").read_text(encoding="utf-8")
        return frozenset(w.strip() for w in text.splitlines() if w.strip())
    return frozenset(w.lower() for w in get_stop_words(LANGUAGE_NAMES[code]))


class KeyPointer:
    """Loads tokenizers/stemmers/stop words once; thread-safe to call.

    key_points(text, n) returns at most n points in article order, each a sentence of the article
    (possibly trimmed, with a pronoun replaced by its name), no two sharing most of their words. It never
    returns boilerplate, a headline or a fragment; a text too short for n points gives fewer or none.
    Nothing is mutated after __init__, so one instance may serve many threads.
    """

    def __init__(self) -> None:
        self._languages = {code: _Language(code) for code in LANGUAGE_NAMES}

    def key_points(
        self, text: str, n: int = 4, *, title: str | None = None, language: str | None = None,
        year: int | None = None,
    ) -> list[str]:
        """Return up to n key points of text (language: ISO code from metadata, detected when None; year: when
        the article was published, if known, else the year the text names most is taken as the story's)."""
        if n <= 0 or not text.strip():
            return []
        lang = self._languages[normalize_language(language, text)]
        raw = self._split(text, title, lang)
        if not raw:
            return []
        terms = term_lists([lang.tokenizer.to_words(s) for s in raw], lang.stem, lang.stop_words)
        firm = cache(lambda: clean.headline_firm(raw, title or ""))  # read only when a point opens "Its"
        sentences = [self._sentence(raw, i, t, lang.code, firm) for i, t in enumerate(terms)]
        title_terms = set(term_lists([words(title or "")], lang.stem, lang.stop_words)[0])
        ranks = textrank(terms)
        year = (year or clean.story_year(raw)) if lang.code == "en" else None
        if year is not None:
            for s in sentences:
                if clean.tells_history(s.point, year):
                    ranks[s.index] *= _HISTORY  # "Davis made his acting debut in 1950": background
        chosen = _select(sentences, ranks, n, title_terms)
        points = [sentences[i].point for i in sorted(chosen)]
        if people.handles(lang.code):
            return people.introduce_names(points, raw, lang.code)
        return clean.name_the_firm(clean.introduce_names(points, raw), raw, title or "")

    @staticmethod
    def _split(text: str, title: str | None, lang: _Language) -> list[str]:
        out: list[str] = []
        headline = clean.title_words(title)
        for line in text.splitlines():
            line = line.strip()
            if line and not clean.is_boilerplate(line) and not clean.repeats_title(line, headline):
                out.extend(lang.splitter.split(line))
        return out

    @staticmethod
    def _sentence(
        raw: list[str], i: int, terms: list[str], code: str, firm: Callable[[], str | None]
    ) -> _Sentence:
        text = raw[i]
        has_number = bool(_NUMBER.search(text))
        fragment = clean.is_fragment(text)
        if fragment:
            mended = clean.mend_quote(text)  # one end of a quotation that runs over sentences
            if mended is not None and not clean.is_fragment(mended):
                # 'He said: "They claim they made nothing. / But they did ..."', 'X said: "Howard is entitled to
                # pose with his family. / "But it is families that will be damaged ..."': the opening of a
                # quotation that turns on "But" only sets up what the speaker goes on to say, or its opposite
                turns = i + 1 < len(raw) and raw[i + 1].lstrip("\"“‘'").startswith(("But ", "However", "Yet "))
                fragment = turns and mended.startswith(text)  # the end that opens it
                text = mended
        if fragment or clean.is_boilerplate(text) or (code == "en" and clean.states_no_news(text)):
            return _Sentence(text, text, i, terms, len(text.split()), has_number, False)
        point = point_text(text, code)
        if code == "en":
            # "Its shares fell" → "Lenovo's shares fell"; "In its bulletin, it flagged" → "…, Microsoft flagged"
            point = clean.its_owner(point, raw[:i], firm) or clean.it_owner(point, raw[:i], firm) or point
            said = clean.it_said(point, raw[:i])  # "…, it added.": who, when a body spoke just before
            if said is None:
                return _Sentence(text, point, i, terms, len(point.split()), has_number, False)
            point = said
        candidate = not clean.leans_back(point)  # "It had cut rates ...": who had?
        if "?" in point.rstrip("\"”’' ")[-2:]:
            candidate = False  # 'Lehmann said: "Do I blame myself?"', "… by readers of mobile PC?!": no fact
        if code == "en" and (clean.speaks_unnamed(point) or clean.names_no_one(point)):
            candidate = False  # "I didn't argue with anybody.", "Every time she breaks the record …": who?
        alone = people.stand_alone(point, raw[:i], code) if people.handles(code) else _stand_alone(point, raw[:i])
        if alone is None:
            candidate = False  # its subject is lost
        else:
            point = alone
        length = len(point.split())
        return _Sentence(text, point, i, terms, length, has_number, candidate)


def point_text(sentence: str, code: str = "en") -> str:
    """Return a sentence as a point reads it: without a leading dateline, discourse marker or framing clause,
    in English without an "also" that leans on what came before (German "also" is "so") and, past _SHORTEN
    words, without its side clauses; its pronouns are not yet replaced."""
    point = clean.shorten(clean.trim(sentence), _SHORTEN)
    return clean.without_also(point) if code == "en" else point


def _stand_alone(point: str, previous: list[str]) -> str | None:
    """Return an English point with its he/she, its opening "His"/"Her" or its opening description of a
    person ("The 31-year-old") replaced by the person it stands for; None when that person cannot be found,
    or the pronoun is "they", which rarely names one person, or "he or she", or a "his" inside a quotation."""
    variation = clean.variation_subject(point)
    if variation is not None:  # "The 31-year-old won ...": who is meant, as for "He won ..."
        pronoun = clean.pronoun_for(point, previous) or clean.pronoun_by_name(previous, variation.described)
        described = _described(point, previous, pronoun)
        if described is not None:
            return _capitalised(clean.name_variation(point, variation, described))
        return point if clean.identifies(variation) else None  # "The Scotland coach said ...": one person
    speaker = clean.described_speaker(point)
    if speaker is not None:  # '"…," said the 22-year-old.': who, as for "The 22-year-old said"
        start, end, found = speaker
        # the quotation's own "he" may be someone else: only the sentences before tell the speaker's gender
        described = _described(point, previous, clean.pronoun_for("", previous)
                               or clean.pronoun_by_name(previous, found.described))
        if described is not None:
            named = clean.name_variation(f"The {point[start + 4 : end]}", found, described)
            if found.described[:1].islower():
                named = named[:1].lower() + named[1:]  # "said two-time champion Radcliffe"
            if point[end:].startswith("."):
                named = named.rstrip(",")  # 'said Lind, 22.', but '"…," Spears, 23, wrote.'
            point = point[:start] + named + point[end:]
    if point.startswith(("He or she", "She or he")):
        return None  # "He or she is always an MP ...": whoever holds an office the point does not name
    owner = _POSSESSIVE.match(point)
    if owner:  # "His first film was ...": whose, as for "He made ..."
        if clean.inside_quotation(point, owner.end(1), previous[-1] if previous else ""):
            return None  # 'Henry is the best. / His goals won us the title," Wenger said': the speaker's "his"
        name = clean.antecedent(previous, "he" if owner.group(1) == "His" else "she", speaks=False)
        if name is None or _names(point, clean.without_honorific(name)):
            return None
        mark = "’" if "’" in point else "'"
        return _capitalised(f"{clean.with_particle(name, previous)}{mark}s{point[owner.end(1) :]}")
    pronoun = clean.pronoun_of(point)
    if not pronoun:
        return point
    if pronoun.lower() == "they" or clean.quoted_pronoun(point, previous[-1] if previous else ""):
        return None
    lead = clean.lead_in(point)
    if lead and clean.speaker_in(lead, pronoun):
        return point  # "Although Campese admitted ..., he insisted": the name is in the point
    name = clean.antecedent(previous, pronoun, speaks=clean.says(point))
    if name is None or _names(point, clean.without_honorific(name)):
        return None  # "Blair said Mr Blair had lost ...": whoever "he" is, it is not Blair
    return _capitalised(clean.resolve_pronouns(point, clean.with_particle(name, previous)))


def _described(point: str, previous: list[str], pronoun: str | None) -> str | None:
    """Return the surname (with its particle) of the person a description in point stands for, when two
    readings agree: the antecedent a "he" (or "she") would have, and the one person named just before; a
    surname, as in "Swiss star Federer", not "Mr Federer". None when they differ or point names them already."""
    name = clean.antecedent(previous, pronoun)
    described = clean.described_person(previous, pronoun)
    if name is None or clean.without_honorific(name) != described or _names(point, described):
        return None
    return clean.with_particle(described, previous)


_POSSESSIVE = re.compile(r"(His|Her)\s+(?=[a-z\d])")  # "Her second album", not "Her Majesty"


def _capitalised(point: str) -> str:
    """Return point with its first letter capitalised ("van Nistelrooy scored" opens "Van Nistelrooy ...")."""
    return point[:1].upper() + point[1:]


def _names(point: str, name: str) -> bool:
    """Return True when point holds name as a word of its own."""
    return re.search(rf"\b{re.escape(name)}\b", point) is not None


def _select(sentences: list[_Sentence], ranks: np.ndarray, n: int, title_terms: set[str]) -> list[int]:
    """Pick up to n candidate indexes by score, skipping any that repeats most of a chosen point."""
    top = float(ranks.max()) or 1.0
    lead = next((s.index for s in sentences if s.candidate), -1)  # after any caption or bare quote
    scored: list[tuple[float, _Sentence]] = []
    for s in sentences:
        if not s.candidate:
            continue
        score = float(ranks[s.index]) / top
        score += _TITLE_WEIGHT * len(set(s.terms) & title_terms) / (len(title_terms) or 1)
        if s.has_number:
            score *= 1.0 + _NUMBER_BONUS
        addresses = clean.addresses_reader(s.point)
        if s.index == lead and not addresses:
            score += _LEAD_BONUS
        if addresses:
            score *= _ADDRESSED  # "If you are a geek or gadget fan, the next 12 months …": a feature's hook
        if s.length > _LONG:
            score *= _LONG / s.length
        scored.append((score, s))
    scored.sort(key=lambda pair: (-pair[0], pair[1].index))
    chosen: list[int] = []
    said: list[set[str]] = []
    for _, s in scored:
        if len(chosen) == n:
            break
        terms = set(s.terms)
        if any(len(terms & d) > _REDUNDANT * (len(terms) or 1) for d in said):
            continue
        chosen.append(s.index)
        said.append(terms)
    return chosen
