"""Cue words that stand as nouns where they are written: "a promise of jobs", "the defending champions"."""

from __future__ import annotations

import re

from bot.nlp.quotes.hit import Span
from bot.nlp.quotes.lexicon import NOUN_LIKE, ROLE_NOUNS, SUBJECT_PRONOUNS, word_list

# determiners that only ever open a noun phrase ("her", "some", "each", "this" also stand alone as pronouns)
_DETERMINERS = frozenset(word_list("a an the its their his our my your every no"))
# "-ing" words that are nouns themselves and can speak or report ("the ruling shows", "the king said");
# other "-ing" words between a determiner and a cue are adjectives ("the defending champions") or name
# something that cannot speak ("a seedling adds"), so that the cue after them is no verb of saying
ING_NOUNS = frozenset(word_list("""
    ruling rulings finding findings polling hearing hearings meeting meetings briefing briefings filing filings
    reporting reading readings warning warnings recording recordings listing listings building buildings
    offering offerings king kings viking vikings sibling siblings darling underling underlings""")
)
# past forms without "-ed", which agree with any subject
_IRREGULAR_PAST = frozenset(word_list("said told wrote thought knew felt found saw sought swore sang understood read"))
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([\w’'-]+)\s+$")
_POSSESSOR = re.compile(r"[A-Za-z][’']s?\s+$")


# what comes before "champion" when it is a title: "Olympic", "world", "defending", "100m"
_TITLE_HOLDER = re.compile(r"[A-Z][\w’'-]*|[\w,.-]*\d[\w,.-]*|world|defending|reigning|former|national|junior|senior")
_NAME_NEXT = re.compile(r"\s+[A-Z]")
# cues in "-s" that are never plural nouns
_VERBS_ONLY = frozenset(word_list("""
    says tells adds insists argues believes thinks warns admits explains expects predicts suggests wants
    concludes denies reckons maintains"""))
# a verb right after a cue in "-s" makes the cue the plural noun it is the verb of
_VERB_NEXT = re.compile(
    r"\s+(?:are|were|have|had|is|was|will|would|could|can|may|might|must|should|suggest|suggested|say|said|"
    r"show|showed|claim|claimed|indicate|indicated|apply|remain|come|go)\b"
)
_PLURAL_NEXT = re.compile(r"\s+(?:are|were|have)\b")
_AUXILIARIES = frozenset(word_list("can could will would shall should may might must do does did not to n't n’t never"))
# a finite verb of the third person singular or a modal: after a base form, the subject's own verb
_FINITE_NEXT = re.compile(
    r"\s+(?:is|was|has|had|comes|came|goes|went|remains|seems|appears|applies|will|would|could|can|may|might|must|"
    r"should)\b"
)


def _base_form(low: str) -> bool:
    """Tell whether a lower-case one-word cue is a verb's base form ("say", "order"), not "says", "ordered",
    "saying", "told" or a group ("has said")."""
    return " " not in low and not low.endswith(("s", "ed", "ing")) and low not in _IRREGULAR_PAST


def _opens_sentence(masked: str, pos: int) -> bool:
    """Tell whether the word at pos opens a sentence (or a line)."""
    return re.search(r"(?:^|[.!?:;]['\"’”]?\s+|\n\s*)$", masked[max(0, pos - 4) : pos]) is not None


def _last_word(masked: str, lo: int, pos: int) -> re.Match[str] | None:
    """Return the word that closes masked[lo:pos] when only spaces follow it."""
    return _WORD_BEFORE.search(masked, max(lo, pos - 40), pos)


# adjectives that make the word after them a noun when "of" follows ("Full details of", "Further reports of")
_AMOUNT_ADJECTIVES = frozenset(word_list("full further more few fresh initial early latest final exact"))


def noun_reading(masked: str, lo: int, cs: int, cue: str) -> bool:
    """Tell whether the cue at cs is a noun, not a verb, going by the words just before it.

    A determiner right before a cue makes it a noun ("with a promise of jobs", "the calls for calm"), and so
    does a participle used as an adjective between a determiner and the cue ("the defending champions",
    "the remaining questions"); a possessor does for a cue that is mostly a noun ("the mayor's promise"):
    >>> noun_reading("was announced with a promise of jobs", 0, 21, "promise")
    True
    >>> noun_reading("beating the defending champions", 0, 22, "champions")
    True
    >>> noun_reading("The ruling shows that", 0, 11, "shows")
    False
    """
    word = _last_word(masked, lo, cs)
    if word is None:
        return False
    w = word.group(1).lower()
    if w in _DETERMINERS:
        return True
    low = cue.lower()
    if w in _AMOUNT_ADJECTIVES and re.match(r"\s+of\b", masked[cs + len(cue) :]):
        return True  # "Full details of the new powers will not be revealed …": a noun, not a verb of saying
    # "Initial reports suggested", "privacy advocates are concerned": the plural noun a verb follows, but not
    # after a name or a pronoun ("the unit, which Yukos claims was sold", "what it says are idle")
    subject = w in SUBJECT_PRONOUNS or (word.group(1)[:1].isupper() and not _opens_sentence(masked, word.start(1)))
    verb_only = low in _VERBS_ONLY  # "the bill, which the minister says will protect children"
    if low.endswith("s") and " " not in low and not (subject or verb_only) and _VERB_NEXT.match(masked, cs + len(cue)):
        return True
    # "hit by DDoS attacks are in offshore centres": after a bare name too, a plural verb agrees with the cue, a
    # plural noun; not after a pronoun ("what it says are idle") nor a whole noun phrase, whose verb the cue is
    # in a clause of its own ("the two countries the ADB fears are most at risk")
    plural = w not in SUBJECT_PRONOUNS and not verb_only and _PLURAL_NEXT.match(masked, cs + len(cue)) is not None
    if low.endswith("s") and " " not in low and plural:
        det = _last_word(masked, lo, word.start())
        if det is None or det.group(1).lower() not in _DETERMINERS:
            return True
    # "The Lacroix label comes as …", "The double-Olympic champion is still undecided": a base form after a
    # singular word and right before a finite verb heads the subject, for a verb would agree with that word;
    # not "a bill which critics claim would …", nor "All I can say is …"
    singular = not w.endswith("s") and w not in SUBJECT_PRONOUNS and w not in _AUXILIARIES
    if _base_form(low) and singular and _FINITE_NEXT.match(masked, cs + len(cue)):
        return True
    # "Olympic champion Kelly Holmes", "the 5,000m champion", "European champions Wasps": a title, not "they
    # champion", nor "Blair champions reform"
    holder = _TITLE_HOLDER.fullmatch(word.group(1)) is not None and w not in SUBJECT_PRONOUNS
    if holder and (low == "champion" or (low == "champions" and _NAME_NEXT.match(masked, cs + len(cue)))):
        return True
    if low in NOUN_LIKE and not low.endswith("ed") and _POSSESSOR.search(masked, max(lo, cs - 4), cs):
        return True  # "the mayor's promise", but "Roe's said" is "Roe has said"
    if noun_before_tail(masked, cs):
        return True  # "the Penfolds and Rosemount brands, for $4 a share", "the Rosemount Estates label and …"
    if low == "order" and w == "and" and masked[max(lo, cs - 9) : cs].lower().endswith("law and "):
        return True  # "Tory law and order plans"
    if low in ("order", "orders") and w in _ORDER_KINDS:
        return True  # "has won a court order that stops …", "a banning order"
    if w.endswith("ing") and w not in ING_NOUNS and not low.endswith("ed") and low not in _IRREGULAR_PAST:
        # a past form is never the noun a participle describes: "the person familiar with the planning confirmed"
        det = _last_word(masked, lo, word.start())
        return det is not None and det.group(1).lower() in _DETERMINERS
    return False


# what makes "order" a noun before it: "a court order", "control orders", "an executive order"
_ORDER_KINDS = frozenset(word_list(
    "court executive restraining banning gagging closure control protection supervision purchase standing"))
# what follows a noun but not a verb of saying, which takes its words or an object first
_NOUN_TAIL = re.compile(r",\s+for\b|\s+(?:and|or)\s+[a-z]")


def noun_before_tail(masked: str, start: int) -> bool:
    """Tell whether the word at start is a noun-like cue that what follows shows to be a noun ("and support,
    for his charity"), so that it ends no reported clause."""
    word = re.match(r"[a-z]+", masked[start : start + 20])
    return (word is not None and word.group() in NOUN_LIKE and not word.group().endswith("ed")
            and _NOUN_TAIL.match(masked, start + word.end()) is not None)


# plural nouns without "-s", nouns of a group that British writers give a plural verb, and counts
_PLURAL_HEADS = frozenset(word_list("""
    people police staff public media crew children men women folk clergy youth percent majority minority half
    third quarter fifth two three four five six seven eight nine ten dozen hundred thousand million few
    club band charity couple squad trust jury cast team family group"""))
# what opens a noun phrase that a bare verb cannot follow unless the head is plural
_SINGULAR_OPENERS = frozenset(word_list("the a an this that its his her their our my your"))
# what puts a bare verb after a singular subject: "will say", "did not say", "wants to say"
_BARE_ALLOWED = re.compile(r"\b(?:will|would|can|could|may|might|must|shall|should|do|does|did|to|not)\b")


def bare_verb_disagrees(masked: str, source: Span, cs: int, cue: str) -> bool:
    """Tell whether a bare verb form cannot have the singular noun before it as its subject.

    "The evacuation order, issued at noon, covers …" has no verb "order" whose subject is the evacuation:
    the two words are one noun. Role nouns ("the council say") and pronouns are left alone.
    >>> bare_verb_disagrees("The evacuation order, issued", (0, 14), 15, "order")
    True
    >>> bare_verb_disagrees("The evacuation will order", (0, 14), 20, "order")
    False
    >>> bare_verb_disagrees("The evacuation ordered", (0, 14), 15, "ordered")
    False
    """
    low = cue.lower()
    if not _base_form(low):
        return False
    words = masked[source[0]:source[1]].split()
    if len(words) < 2 or words[0].lower() not in _SINGULAR_OPENERS:
        return False
    head = words[-1]
    if not (head.isalpha() and head.islower()) or head.endswith(("s", "ed")) or head in SUBJECT_PRONOUNS:
        return False
    if head in ROLE_NOUNS | _PLURAL_HEADS:
        return False
    return _BARE_ALLOWED.search(masked, source[1], cs) is None
