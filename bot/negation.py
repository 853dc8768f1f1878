"""What a text denies: its clauses, its negations and how far each reaches ("not assessed before they turn
18" denies the assessment, not turning 18), and words negated by a prefix ("unaware": aware). Pure functions
over text, for the fact checks."""

from __future__ import annotations

import re

from bot import wording

WORDS = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
NEGATIONS = frozenset(wording.NEGATIONS.split())
NOT_YET = frozenset(wording.NOT_YET.split())
_ENDS_NEGATION = NOT_YET | frozenset(wording.CLAUSE_OPENERS.split())
_DEFICITS = frozenset(wording.DEFICITS.split())
_EXEMPTIONS = frozenset(wording.EXEMPTIONS.split())
# A clause ends at a comma (not that of "5,000"), a semicolon or colon, a sentence's end or a turn ("but").
# Not at "since" or "because" (wording.CLAUSE_OPENERS end only a negation's reach): splitting clauses there
# too cost true claims (measured on the claims bench).
_CLAUSE = re.compile(
    r"(?<!\d),|,(?!\d)|[;:]|(?<=[.!?])\s+|\b(?:while|whereas|but|although|though|however)\b", re.I
)
# A comma before a few words and "and" / "or" lists ("education, health and social care"): one clause.
_LISTED = re.compile(r"^\s*(?:[\w'’-]+\s+){1,3}(?:and|or)\s", re.I)
LINKING = frozenset(["and", "of", "the", "for", "in", "on", "to", "with"])


def prefix_roots(word: str) -> set[str]:
    """What a word says with a negating prefix taken off ("unaware": "aware"), roots of four letters or
    more, in the word's own case."""
    low = word.lower()
    return {word[len(p) :] for p in wording.NEGATING_PREFIXES if low.startswith(p) and len(word) - len(p) > 3}


def negation_covers(sentence: str) -> list[set[str]]:
    """The content words each negation of a sentence covers ("were not issued on time": issued, time)."""
    said = WORDS.findall(sentence.lower())
    return [after(said, i) for i in negation_at(said)]


def short_of(text: str) -> set[str]:
    """Content words of each clause that says something falls short ("the capacity of the service out of
    hours is too limited"): the clause, not a window, since the shortfall often ends it."""
    clauses = (set(words) for words in clause_words(text))
    return {x for c in clauses if _DEFICITS & c for x in c if len(x) > 3 and x not in _DEFICITS}


def exempted(text: str) -> set[str]:
    """Content words a text says are not charged or required: the two before an exemption ("council tax
    exemption") and the three after "exempt from" ("exempt from paying council tax"), in a clause that does
    not deny it."""
    out: set[str] = set()
    for words in clause_words(text):
        if negation_at(words):
            continue  # "council tax exemption is not provided": no exemption
        for i, w in enumerate(words):
            if w in _EXEMPTIONS:
                near = words[max(0, i - 2) : i] if w.startswith("exemption") else []
                near += words[i + 1 : i + 4] if words[i + 1 : i + 2] == ["from"] else []
                out |= {x for x in near if len(x) > 3 and x not in LINKING}
    return out


def denied_in(text: str) -> set[str]:
    """Content words after a negation, to the end of its clause ("the lack of timely information and
    attendance at some meetings"): what a passage denies, for a sentence that denies it in other words."""
    out: set[str] = set()
    for words in clause_words(text):
        at = negation_at(words)
        out |= {x for x in words[at[0] + 1 :] if len(x) > 3 and x not in NEGATIONS} if at else set()
    return out


def negates(words: list[str]) -> bool:
    """Whether any of the words negates ("not", "lacks", "hasn't")."""
    return bool(negation_at(words))


def negated_words(words: list[str]) -> set[str]:
    """Content words up to four after each negation ("not yet resolved" -> yet, resolved)."""
    return {x for i in negation_at(words) for x in after(words, i)}


def negated_in_clauses(text: str) -> set[str]:
    """What the negations of a text cover, each within its own clause: in "not uncommon, and some workers
    have ...", 'some' is not denied."""
    return set().union(*(negated_words(words) for words in clause_words(text)))


def clause_words(text: str) -> list[list[str]]:
    """The words of each clause of a text, lower case."""
    return [WORDS.findall(c) for c in clauses(text.lower()) if c]


def negation_at(words: list[str]) -> list[int]:
    """Where the negations among the words are: "less" too where it lowers what follows ("is less positive"
    does not say it is positive), not where it compares an amount ("less than"), nor "no less"."""
    return [
        i
        for i, w in enumerate(words)
        if (w in NEGATIONS or w.endswith("n't") or _lowers(words, i))
        and words[i + 1 : i + 2] not in _ADDS
        and words[i : i + 2] != _REGARDLESS
    ]


# "not only X but Y", "not just", "not merely": says X and more, denies nothing.
_ADDS = (["only"], ["just"], ["merely"], ["simply"])
# "no matter where they live": whatever the place, not a denial of living there.
_REGARDLESS = ["no", "matter"]


def _lowers(words: list[str], i: int) -> bool:
    if words[i] != "less":
        return False
    return words[i + 1 : i + 2] != ["than"] and words[max(0, i - 1) : i] not in (["no"], ["or"], ["the"])


def after(words: list[str], i: int, reach: int = 4) -> set[str]:
    """The content words a negation at i covers: up to reach words after it, not past a word that starts
    another clause ("not assessed before they turn 18" does not deny turning 18)."""
    window = words[i + 1 : i + 1 + reach]
    cut = next((j for j, x in enumerate(window) if x in _ENDS_NEGATION), len(window))
    return {x for x in window[:cut] if len(x) > 3 and x not in NEGATIONS}


# A negated subject denies what its clause says of it ("not a single young person on the islands was a care
# leaver", "no child placed there had lost a tenancy"), however long the subject.
_NO_SUBJECT = frozenset(["no", "none", "nobody"])
_NOT_ONE = (["a", "single"], ["one"])
_VERBS = frozenset(wording.AUXILIARIES.split())


def sentence_covers(sentence: str, reach: int = 4) -> list[set[str]]:
    """What each negation of a sentence covers: after(), or where it negates a quantity ("not one", "not a
    single", "no"), what its clause says of that subject after its verb, however long the subject."""
    said = WORDS.findall(sentence.lower())
    out = [after(said, i, reach) for i in negation_at(said) if not _negates_subject(said, i)]
    for words in clause_words(sentence):
        out += [_predicate(words, i) for i in negation_at(words) if _negates_subject(words, i)]
    return out


def _negates_subject(words: list[str], i: int) -> bool:
    return words[i] in _NO_SUBJECT or any(words[i + 1 : i + 1 + len(p)] == p for p in _NOT_ONE)


def _predicate(words: list[str], i: int) -> set[str]:
    """The content words after the verb that follows a negated subject at i ("was a care leaver"), or
    after() where the clause has no such verb."""
    verb = next((j for j in range(i + 1, len(words)) if words[j] in _VERBS), None)
    if verb is None:
        return after(words, i)
    return {x for x in words[verb + 1 :] if len(x) > 3 and x not in NEGATIONS and x not in _VERBS}


def unprefixed(words: list[str]) -> set[str]:
    """What negatively prefixed words deny ("inconsistent" -> consistent)."""
    return {w[len(p) :] for w in words for p in wording.NEGATING_PREFIXES if w.startswith(p) and len(w) > 7}


def clauses(text: str) -> list[str]:
    """A text's clauses: split at commas, semicolons, sentence ends and turns, a list kept whole."""
    out: list[str] = []
    for piece, comma in zip(_CLAUSE.split(text), [""] + [m.group() for m in _CLAUSE.finditer(text)]):
        if out and comma == "," and _LISTED.match(piece):
            out[-1] += "," + piece
        else:
            out.append(piece)
    return out


def closest_clause(said: set[str], evidence: str) -> str:
    """The clause of the evidence that shares most words with the sentence ("in", "the" do not count)."""
    content = said - LINKING
    return max(clauses(evidence), key=lambda c: len(content & set(WORDS.findall(c.lower()))))


def closest_words(said: set[str], evidence: str) -> set[str]:
    return set(WORDS.findall(closest_clause(said, evidence).lower()))
