"""Direct quotations and their speakers in French, German, Spanish and Russian text, found by rule.

Only attributions of a fixed shape are read, so that a wrong speaker is rarer than a missed quote:
a speech verb and a name (or pronoun) right after the closing mark ("« … », explique Anne Roux."), or a
name (or pronoun) and a speech verb right before a colon and the opening mark ("Anne Roux a dit : « … »").
Reported speech is read only as "selon X, …" and "X a dit que …". Every repetition in the patterns is
bounded, so the work grows linearly with the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.models import Quote, QuoteKind
from bot.nlp.honorifics import HONORIFICS
from bot.nlp.quotes.hit import Span
from bot.nlp.sentences import SentenceSplitter

_MAX_QUOTES = 1000  # quoted passages read per text; the rest of a pathological text is ignored
_PRONOUN_REACH = 3  # sentences a pronoun attribution may look back for its speaker

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_LO = "a-zß-öø-ÿа-яё"
_CAP = rf"[{_UP}][\w’'-]{{0,30}}"
_NAME = rf"{_CAP}(?:[ \u00a0](?:(?:de la|von der|van der|de|del|von|van|da|di|dos) )?{_CAP}){{0,3}}"
_LOWER_WORD = rf"[{_LO}][\w’'-]{{0,30}}"
_COMMA_ROLE = r"[^,.;:!?«»„“”\"\n]{1,80},\s{1,3}"  # "la concejala de Deportes, " before the name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _alt(words: str) -> str:
    """Return a regex alternation of the words, longest first."""
    return "|".join(sorted((re.escape(w) for w in words.split()), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Language:
    """The marks, verbs and word lists one language's attributions are read with."""

    marks: re.Pattern[str]
    closing: dict[str, str]  # opening mark -> its closing marks
    post: re.Pattern[str]  # matched right after a closing mark
    pre: re.Pattern[str]  # searched in the text before an opening mark, anchored at its end
    reported: re.Pattern[str]  # "X a déclaré que …" / "selon X, …"
    pronouns: dict[str, str]  # pronoun -> gender
    honorifics: dict[str, str | None]  # honorific -> gender, if it tells
    skip: frozenset[str]  # capitalised words that begin a name run but name nobody
    orgs: frozenset[str]  # nouns that make the following name an organisation's
    role: re.Pattern[str] | None = None  # capitalised role nouns ("Bürgermeisterin") before a name


def _closers(pairs: str) -> dict[str, str]:
    """Map each opening mark to the marks that close it: "„“ „”" gives {"„": "“”"}."""
    closing: dict[str, str] = {}
    for pair in pairs.split():
        closing[pair[0]] = closing.get(pair[0], "") + pair[1]
    return closing


def _marks(closing: dict[str, str]) -> re.Pattern[str]:
    """Compile a finder for quotations between opening and closing marks, within one line."""
    alts = []
    for op, cl in closing.items():
        stop = re.escape(op + cl + "\n")
        alts.append(f"{re.escape(op)}[^{stop}]{{1,3000}}(?:[{re.escape(cl)}]|(?=\\n|$))")
    return re.compile("|".join(alts))


def _subject(lang: str, honorifics: str) -> str:
    """Return the pattern of a named speaker: an optional role phrase, an optional honorific, the name."""
    if lang == "ru":
        role = rf"(?:{_COMMA_ROLE}|(?:{_LOWER_WORD}\s){{1,4}})?"
    elif lang == "de":
        role = rf"(?:(?P<det>(?:der|die|den|dem)\s)(?:{_COMMA_ROLE}|(?:{_LOWER_WORD}\s){{0,2}}{_CAP}\s))?"
    else:
        det = r"(?:le|la|les|l['’])\s?" if lang == "fr" else r"(?:el|la|los|las)\s"
        role = rf"(?:(?P<det>{det})(?:{_COMMA_ROLE}|(?:{_LOWER_WORD}\s){{1,4}}))?"
    return rf"{role}(?P<src>(?:(?:{honorifics})\s)?{_NAME})"


def _language(lang: str, *, verbs: str, that: str, according: str, pronouns: str, honorifics: dict[str, str | None],
              skip: str, orgs: str, marks: str, post_extra: str = "", particles: str = "",
              post_pronoun: str | None = None, zero_subject: bool = False, role: str | None = None) -> _Language:
    """Compile one language's patterns from its word lists."""
    genders = dict(p.split("=") for p in pronouns.split())
    pron = _alt(" ".join(w for p in genders for w in (p, p.capitalize())))
    hon = _alt(" ".join(honorifics))
    part = rf"(?:\s(?:{_alt(particles)}))?" if particles else ""
    end = rf"(?=\s{{0,3}}[,.;:!?)…—–]|\s{{1,3}}[{_LO}]|\s*$)"
    # the pronoun of a French inversion ("ajoute-t-elle", "a-t-il dit") is joined to the verb
    pron_after = post_pronoun or rf"\s(?P<pron>{pron})"
    # Spanish and Russian verbs may stand alone: "», explicó." / "», — добавила."
    bare = r"|(?P<bare>(?=\s{0,3}[,.;!?]|\s*$))" if zero_subject else ""
    post = re.compile(rf"\s{{0,3}}(?:,\s{{0,3}})?(?:[—–]\s{{0,3}})?(?P<cue>{verbs}{post_extra})"
                      rf"(?:{pron_after}|\s(?:{_subject(lang, hon)}){bare}){part}{end}")
    head = rf"(?:(?P<pron>{pron})|(?:(?:{hon})\s)?{_NAME})"
    appos = r"(?:,\s[^,:«»„“”\"\n]{1,60},)?"  # "Anne Roux, maire de Brest, a dit"
    pre = re.compile(rf"(?<![\w’'-])(?:(?P<head>{head})(?:{appos}|,)\s(?P<cue>{verbs})"
                     rf"|(?P<cue2>{verbs})\s(?P<head2>(?:(?:{hon})\s)?{_NAME})){part}\s?:\s*$")
    reported = re.compile(
        rf"(?<![\w’'-])(?:(?P<according>{according})\s(?P<asrc>(?:(?:{hon})\s)?{_NAME}),\s"
        rf"|(?P<head>{head})(?:{appos}|,)\s(?P<cue>{verbs}){part}{that})"
    )
    closing = _closers(marks)
    return _Language(marks=_marks(closing), closing=closing, post=post, pre=pre, reported=reported,
                     pronouns=genders, honorifics=honorifics, skip=_words(skip), orgs=_words(orgs),
                     role=re.compile(role) if role else None)


_FR_PRESENT = ("dit déclare explique ajoute précise estime affirme souligne indique poursuit raconte confie assure "
               "insiste regrette lance résume note observe reconnaît admet martèle tranche commente prévient rappelle "
               "avertit glisse conclut répond réplique détaille témoigne juge relève nuance plaide espère craint "
               "annonce demande")
_FR_PARTICIPLE = ("dit déclaré expliqué ajouté précisé estimé affirmé souligné indiqué poursuivi raconté confié assuré "
                  "insisté regretté lancé résumé noté observé reconnu admis martelé tranché commenté prévenu rappelé "
                  "averti glissé conclu répondu répliqué détaillé témoigné jugé relevé nuancé plaidé espéré craint "
                  "annoncé demandé")
_FR_VERB = rf"(?:a|avait)(?:\s{_LOWER_WORD}){{0,2}}?\s(?:{_alt(_FR_PARTICIPLE)})|(?:{_alt(_FR_PRESENT)})"
_DE_VERB = _alt("sagte sagt erklärte erklärt betonte betont meinte meint ergänzte ergänzt fügte fügt berichtete "
                "erzählte erzählt unterstrich warnte warnt kritisierte kritisiert schrieb schreibt antwortete "
                "antwortet versicherte versichert bestätigte bestätigt forderte fordert räumte gab stellte teilte "
                "mahnte mahnt")
_ES_VERB = (rf"(?:ha|había)\s(?:{_alt('dicho explicado afirmado señalado añadido asegurado declarado indicado')})|"
            + _alt("dijo dice explicó explica afirmó afirma señaló señala añadió añade aseguró asegura declaró declara "
                   "indicó indica agregó agrega apuntó apunta subrayó subraya destacó destaca sostuvo sostiene comentó "
                   "comenta precisó precisa insistió insiste advirtió advierte relató relata contó cuenta reconoció "
                   "reconoce admitió admite respondió responde concluyó lamentó lamenta manifestó recalcó recalca"))
_RU_PAST = _alt("сказал заявил отметил добавил пояснил подчеркнул рассказал сообщил признал уточнил ответил объяснил "
               "указал напомнил предупредил резюмировал констатировал")
_RU_VERB = rf"(?:{_RU_PAST})а?|" + _alt("говорит считает заявляет отмечает добавляет поясняет подчёркивает "
                                        "подчеркивает рассказывает")

_CLAUSE_END = re.compile(r"\n|\s[:;]\s|,\s(?:ce que|ce qui|ce qu['’]|lo que|lo cual|was|что\s)")

_LANGUAGES: dict[str, _Language] = {
    "fr": _language(
        "fr", verbs=_FR_VERB, post_extra="|a(?=-t-)", that=r"\s(?:que\s|qu['’])", according="[Ss]elon",
        pronouns="il=m elle=f", honorifics=HONORIFICS["fr"],
        post_pronoun=rf"(?:-t)?-(?P<pron>il|elle)(?:\s(?P<pcue>{_alt(_FR_PARTICIPLE)}))?",
        skip="le la les l un une des du de d et mais selon pour dans en au aux ce cette ces son sa ses leur hier "
             "depuis après avant alors ainsi si quand comme sur chez pendant lors maire ministre président "
             "présidente directeur directrice porte-parole adjoint adjointe député députée sénateur préfet",
        orgs="association société entreprise groupe parti syndicat fédération collectif mairie commune ville "
             "ministère observatoire institut agence club fondation",
        marks="«» “” \"\" ‹›",
    ),
    "de": _language(
        "de", verbs=_DE_VERB, post_extra="|so", that=r",\sdass\s", according="[Ll]aut",
        pronouns="er=m sie=f", honorifics=HONORIFICS["de"],
        particles="hinzu ein zu klar mit",
        skip="der die das den dem des ein eine und aber auch laut nach für mit im in am bei doch so dann als wenn "
             "heute gestern seit vor",
        orgs="verein verband firma partei konzern unternehmen gewerkschaft stadt gemeinde ministerium institut",
        marks="„“ „” »« “” \"\" ›‹",
        role=r"(?i:\w{0,20}(?:meister|sprecher|minister|präsident|direktor|leiter|chef|trainer|kanzler|vorsitzende|"
             r"führer|experte|expert|professor|forscher|politiker|anwalt|anwältin|richter|arzt|ärztin|kämmerer|"
             r"rat|rätin|abgeordnete|beauftragte|sekretär|ökonom|wissenschaftler|ingenieur|lehrer|anwohner|"
             r"inhaber|mitarbeiter|gründer|journalist|polizist|erin|orin|entin|istin)(?:in|en|er|r|s)?)",
    ),
    "es": _language(
        "es", verbs=_ES_VERB, post_extra="|según", that=r"\sque\s", according="[Ss]egún", zero_subject=True,
        pronouns="él=m ella=f", honorifics=HONORIFICS["es"],
        skip="el la los las un una y pero según para en con del al ayer hoy este esta desde tras durante "
             "alcalde alcaldesa ministro ministra presidente presidenta concejal concejala portavoz director "
             "directora",
        orgs="asociación empresa partido sindicato grupo federación ayuntamiento ministerio instituto club",
        marks="«» “” \"\" ‹›",
    ),
    "ru": _language(
        "ru", verbs=_RU_VERB, that=r",\sчто\s", according="(?!)", zero_subject=True,
        pronouns="он=m она=f", honorifics=HONORIFICS["ru"],
        skip="и но в на по с к у о это после также однако мэр глава министр президент губернатор директор "
             "представитель пресс-секретарь депутат эксперт",
        orgs="компания ассоциация партия союз министерство мэрия администрация",
        marks="«» „“ “” \"\" ",
    ),
}


@dataclass(slots=True)
class _Found:
    """A quotation or reported clause with what its attribution says, before speaker resolution."""

    content: Span
    marks: Span  # the whole passage, marks included (the clause itself for reported speech)
    kind: QuoteKind
    closed: bool = True
    cue: str | None = None
    source: Span | None = None
    gender: str | None = None
    speaker: str | None = None
    anchor: int = 0  # where its attribution ends: later pronouns look back from here


def _segments(text: str, lang: _Language) -> Iterator[tuple[Span, Span, bool]]:
    """Yield (passage with marks, content, closed) for each quotation, in order."""
    for n, m in enumerate(lang.marks.finditer(text)):
        if n >= _MAX_QUOTES:
            return
        s, e = m.span()
        closed = text[e - 1] in lang.closing[text[s]]
        cs, ce = s + 1, e - 1 if closed else e
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and (text[ce - 1].isspace() or text[ce - 1] == ","):
            ce -= 1
        if not closed:
            # an unclosed passage counts only when the next paragraph reopens it (French and Russian custom)
            nxt = re.match(r"\s{0,8}\n\s{0,8}(.)", text[e:e + 20])
            if nxt is None or nxt.group(1) != text[s]:
                continue
        if ce - cs >= 2:
            yield (s, e), (cs, ce), closed


def _mask(text: str, segs: list[tuple[Span, Span, bool]]) -> str:
    """Replace the words of each quotation by letters, keeping marks and a final stop for the sentence splitter."""
    parts, last = [], 0
    for (_, _), (cs, ce), _ in segs:
        core = len(text[cs:ce].rstrip(".!?…"))
        parts += [text[last:cs], ("X" + "x" * (core - 1)) if core else "", text[cs + core:ce]]
        last = ce
    parts.append(text[last:])
    return "".join(parts)


class _Article:
    """Attributes the quotations of one text, resolving honorifics, surnames and pronouns."""

    def __init__(self, text: str, lang: _Language, code: str) -> None:
        self.text, self.lang = text, lang
        self.segs = list(_segments(text, lang))
        self.masked = _mask(text, self.segs)
        self.starts = [s.start for s in SentenceSplitter(code).spans(self.masked)]
        self.inside = [p for p, _, _ in self.segs]
        self.genders: dict[str, str] = {}
        self.full_names: dict[str, set[str]] = {}
        for m in re.finditer(_NAME, self.masked):
            named = None if self._in_quote(m.start()) else self._name(m.start(), m.end())
            if named and len(named[2].split()) >= 2 and not named[3]:
                self.full_names.setdefault(named[2].split()[-1], set()).add(named[2])

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.inside, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.inside[i][0] < pos < self.inside[i][1]

    def _sentence(self, pos: int) -> int:
        """Return the number of sentences that start at or before pos."""
        return bisect.bisect_right(self.starts, pos)

    def _name(self, s: int, e: int) -> tuple[int, int, str, str | None] | None:
        """Return (start, end, name, honorific) of a capitalised run, or None when it names no person."""
        toks = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", self.masked[s:e])]
        honorific = None
        while toks:
            word = self.masked[toks[0][0]:toks[0][1]]
            parts = re.split("[’']", word.lower())
            if parts[0] in self.lang.orgs or parts[-1] in self.lang.orgs:
                return None
            if word in self.lang.honorifics:
                honorific = word
            elif not (parts[0] in self.lang.skip
                      or (self.lang.role is not None and len(toks) > 1 and self.lang.role.fullmatch(word))):
                break
            toks.pop(0)
        if not toks or len(toks) > 4:
            return None
        before = self.masked[max(0, toks[0][0] - 25):toks[0][0]].split()
        if before and re.split("[’']", before[-1].lower())[-1] in self.lang.orgs:
            return None  # "l’association Sarrant Nature" names no person
        ns, ne = toks[0][0], toks[-1][1]
        if self.lang.role is not None and len(toks) == 1 and self.lang.role.fullmatch(self.masked[ns:ne]):
            return None
        return ns, ne, self.masked[ns:ne], honorific

    def _speaker(self, name: str, honorific: str | None, written: str) -> str:
        """Return the full name for a surname or honorific mention when the text gives exactly one."""
        if len(name.split()) > 1 and honorific is None:
            return name
        full = self.full_names.get(name.split()[-1], set())
        return next(iter(full)) if len(full) == 1 else written

    def _gender(self, m: re.Match[str], honorific: str | None) -> str | None:
        """Return the gender an attribution states: pronoun, honorific, article of the role, Russian verb."""
        groups = m.groupdict()
        if groups.get("pron"):
            return self.lang.pronouns.get(groups["pron"].lower())
        if honorific is not None:
            return self.lang.honorifics[honorific]
        det = (groups.get("det") or "").strip().lower()
        if det in ("la", "die", "las", "le", "der", "el", "los"):
            return "f" if det in ("la", "die", "las") else "m"
        cue = groups.get("cue") or groups.get("cue2") or ""
        if re.fullmatch(r"[а-яё]+ла?", cue):
            return "f" if cue.endswith("а") else "m"
        return None

    def _attribute(self, f: _Found, m: re.Match[str], src_group: str, cue_group: str) -> bool:
        """Fill f's source, cue and gender from a match; False when its subject names no person."""
        groups = m.groupdict()
        f.cue = self.text[m.start(cue_group):m.end("pcue") if groups.get("pcue") else m.end(cue_group)]
        honorific = None
        if groups.get("pron"):
            f.source = m.span("pron")
        elif groups.get("bare") is not None:
            pass  # a verb with no subject: "», explicó."
        else:
            named = self._name(*m.span(src_group))
            if named is None:
                return False
            ns, ne, name, honorific = named
            hs = ns - len(honorific) - 1 if honorific else ns
            f.source = (hs, ne)
            f.speaker = self._speaker(name, honorific, self.text[hs:ne])
        f.gender = self._gender(m, honorific)
        return True

    def _direct(self, passage: Span, content: Span, closed: bool, prev_end: int) -> _Found:
        """Read the attribution after or before one quotation; the speaker stays None when there is none.

        prev_end is where the quotation before it ends: an attribution before the marks starts after it.
        """
        f = _Found(content, passage, "direct", closed, anchor=passage[1])
        s, e = passage
        line_end = self.masked.find("\n", e)
        stop = min(len(self.masked) if line_end < 0 else line_end, e + 200)
        after = self.masked[e:e + 4].lstrip()[:1]
        if after in (",", "—", "–") or (self.text[content[1] - 1] in "?!…" and after.islower()):
            m = self.lang.post.match(self.masked, e, stop)
            if m is not None and self._attribute(f, m, "src", "cue"):
                f.anchor = m.end()
                return f
        f.cue = f.source = f.gender = None
        ws = max(self.masked.rfind("\n", 0, s) + 1, s - 160, prev_end)
        if self.masked[ws:s].rstrip().endswith(":"):
            m = self.lang.pre.search(self.masked, ws, s)
            if m is not None and not self._attribute(f, m, "head" if m.group("head") else "head2",
                                                     "cue" if m.group("cue") else "cue2"):
                f.cue = f.source = f.gender = None
        return f

    def _reported(self) -> Iterator[_Found]:
        """Yield "selon X, …" and "X a déclaré que …" clauses, up to the end of their sentence."""
        for n, m in enumerate(self.lang.reported.finditer(self.masked)):
            if n >= _MAX_QUOTES:
                return
            if self._in_quote(m.start()):
                continue
            i = self._sentence(m.start())
            ce = self.starts[i] if i < len(self.starts) else len(self.masked)
            cs = m.end()
            # the clause ends at the line, a colon or semicolon, or a relative that turns to someone else's view
            cut = _CLAUSE_END.search(self.masked, cs, ce)
            ce = cut.start() if cut else ce
            while ce > cs and self.text[ce - 1] in " \n\u00a0.!?…;:":
                ce -= 1
            if ce - cs < 3:
                continue
            mixed = any(cs <= p < ce for p, _ in self.inside)
            f = _Found((cs, ce), (cs, ce), "mixed" if mixed else "indirect", anchor=ce)
            src, cue = ("asrc", "according") if m.group("according") else ("head", "cue")
            if self._attribute(f, m, src, cue):
                yield f

    def _follows(self, prev: _Found, f: _Found) -> bool:
        """Whether f (a pronoun attribution or an unattributed quotation) has prev's speaker."""
        if f.cue is None:
            # an unattributed quotation opening the sentence after prev's, or the paragraph after an open one
            gap = self.masked[prev.anchor:f.marks[0]]
            if not prev.closed:
                return re.fullmatch(r"\s*\n\s*", gap) is not None
            i = self._sentence(f.marks[0])
            return ("\n" not in gap and i - self._sentence(prev.anchor) == 1
                    and not self.masked[self.starts[i - 1]:f.marks[0]].strip())
        if self._sentence(f.marks[0]) - self._sentence(prev.anchor) > _PRONOUN_REACH:
            return False
        known = self.genders.get(prev.speaker or "", prev.gender)
        if f.gender and known and f.gender != known:
            return False
        # another person named in between may be the one the pronoun means
        surname = (prev.speaker or "").split()[-1]
        stop = min(f.source[0], f.marks[0]) if f.source else f.marks[0]
        for m in re.finditer(_NAME, self.masked[prev.anchor:stop]):
            named = self._name(prev.anchor + m.start(), prev.anchor + m.end())
            if named and (len(named[2].split()) > 1 or named[3]) and named[2].split()[-1] != surname:
                return False
        return True

    def _chain(self, found: list[_Found]) -> Iterator[_Found]:
        """Give pronoun and continued quotations the speaker before them, in text order; drop the rest."""
        last: _Found | None = None  # the latest quotation with a speaker
        before: _Found | None = None  # the quotation just before, with a speaker or not
        for f in found:
            prev = before if f.cue is None else last
            if f.speaker is None and prev is not None and prev.speaker is not None and self._follows(prev, f):
                f.speaker = prev.speaker
            before = f
            if f.speaker is None:
                continue
            if f.gender and f.speaker not in self.genders:
                self.genders[f.speaker] = f.gender
            last = f
            yield f

    def quotes(self) -> list[Quote]:
        """Return the attributed quotations and reported clauses in text order."""
        reported = list(self._reported())
        # a quotation inside a reported clause is part of it
        clauses = [r.content for r in reported]
        found = []
        for i, (p, c, closed) in enumerate(self.segs):
            j = bisect.bisect_right(clauses, (p[0], len(self.text))) - 1
            if j < 0 or not clauses[j][0] <= p[0] < clauses[j][1]:
                found.append(self._direct(p, c, closed, self.segs[i - 1][0][1] if i else 0))
        out: list[_Found] = []
        for f in self._chain(sorted(found + reported, key=lambda x: x.content[0])):
            prev = out[-1] if out else None
            if (prev is not None and f.cue is None and f.kind == prev.kind == "direct" and f.speaker == prev.speaker
                    and "\n" not in self.text[prev.content[1]:f.content[0]]):
                # "« A », a-t-il affirmé. « B. »": one quotation resumed after its attribution
                prev.content = (prev.content[0], f.content[1])
                continue
            out.append(f)
        return [self._quote(f) for f in out]

    def _quote(self, f: _Found) -> Quote:
        s, e = f.content
        src = self.text[f.source[0]:f.source[1]] if f.source else None
        return Quote(speaker=f.speaker or "", source_text=src, source_span=f.source, cue=f.cue,
                     content=self.text[s:e], content_span=(s, e), kind=f.kind)


def extract_other(text: str, code: str) -> list[Quote]:
    """Return the attributed quotations of a French, German, Spanish or Russian text, in text order.

    code is "fr", "de", "es" or "ru"; any other code gives no quotes. Offsets index text as given.
    """
    lang = _LANGUAGES.get(code)
    if lang is None or not text:
        return []
    return _Article(text, lang, code).quotes()
