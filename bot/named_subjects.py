"""Whether a span is about the subject a sentence names: its names (people, places, organisations,
acronyms), the lead inspector, the team, and the group of children (fact checks of the "name" kind)."""

from __future__ import annotations

import re

from bot import inspection_team, wording
from bot.negation import LINKING, WORDS

_NAME = re.compile(r"\b(?:[A-Z][a-z'’]+|[A-Z]{2,}s?)(?:\s+(?:of\s+|and\s+)?(?:[A-Z][a-z'’]+|[A-Z]{2,}))*")
_GROUPS = tuple((name, re.compile(pattern, re.I)) for name, pattern in wording.GROUPS)
_CARERS = tuple((name, re.compile(pattern, re.I)) for name, pattern in wording.CARER_GROUPS)
_LEAD = re.compile(wording.LEAD_CUES, re.I)
_NATION_NAMES = frozenset(wording.NATION_NAMES.split())
_NATIONAL = re.compile(wording.NATIONAL_SAID, re.I)
# the words before "team", and those after it naming whom it serves ("the team for missing children")
_UNIT = re.compile(
    rf"\b((?:[a-z'’]+\s+){{1,3}})(?P<unit>{wording.UNITS})\b(?:\s+(?:for|supporting)\s+(?P<serving>(?:[a-z'’-]+\s*){{1,2}}))?"
)
# the words before a kind of meeting, plan or check ("initial child protection conferences")
_KIND = re.compile(
    rf"\b((?:[a-z'’-]+\s+){{1,3}})(?P<kind>{wording.KINDS_TOLD_APART})\b"
    rf"(?!\s+(?:{wording.KINDS_TOLD_APART})\b)"  # "review conferences": the kind is the last word
)
_NOT_TELLING = frozenset(
    " ".join(
        (wording.NOT_TELLING, wording.QUANTIFIERS_ALL, wording.QUANTIFIERS_SOME, wording.PRONOUNS,
         wording.PREPOSITIONS, wording.AUXILIARIES, wording.PRAISE, wording.FAULTS)
    ).split()
)  # fmt: skip


def names(sentence: str, evidence: str, context: str) -> str:
    """Every name in the sentence (people, places, organisations, acronyms) is in the evidence or context,
    an acronym also as the initials of its words ('BCP' for Bournemouth, Christchurch and Poole)."""
    padded = f" {plain(_no_possessive(f'{evidence} {context}'))} "
    initials = _initials(f"{evidence} {context}")
    for match in _NAME.finditer(_no_possessive(sentence)):
        name = match.group()
        words = [w for w in WORDS.findall(name.lower()) if w not in wording.NOT_NAME_WORDS]
        at_start = not sentence[: match.start()].strip()
        acronym = any(
            w.isupper() and w.lower() not in wording.NOT_NAME_WORDS for w in name.split()
        )  # "The CQC said"
        if at_start and len(words) < 2 and not acronym:
            continue  # one capitalised word opening the sentence is an ordinary word
        missing = [w for w in words if not _written(w, padded) and w not in initials]
        if set(missing) <= _NATION_NAMES and _NATIONAL.search(padded):
            continue  # "across England" is said by "nationally"
        if missing:
            return f"the passage does not name '{name}'"
    return ""


def _written(word: str, padded: str) -> bool:
    """Whether a name's word is in the padded text, also in the plural or singular ("CAF": "all CAFs")."""
    forms = {word, f"{word}s", word[:-1] if word.endswith("s") and len(word) > 3 else word}
    return any(f" {form} " in padded for form in forms)


def lead(sentence: str, evidence: str, context: str) -> str:
    """A sentence naming who led an inspection names the lead the passage names, not another of its team."""
    named = inspection_team.people_in(sentence, wording.NOT_NAME_WORDS)
    leader = (
        inspection_team.lead_named(f"{evidence}\n{context}") if named and _LEAD.search(sentence) else None
    )
    if leader is None or leader.split()[-1].lower() in WORDS.findall(sentence.lower()):
        return ""
    return f"the passage names {leader} as lead inspector"


def other_unit(sentence: str, evidence: str, context: str) -> str:
    """A team the sentence names is one the evidence names, when the evidence names teams at all."""
    named = parts(evidence)
    for words, unit in parts(sentence):
        if named and not any(words & other for other, _ in named):
            return f"the passage is about the {named[0][1]}, not the {unit}"
    return ""


def other_group(sentence: str, evidence: str, context: str) -> str:
    """A group of children (or of carers) the sentence names is one the evidence names, when the evidence
    names groups of the kind."""
    for kind in (_GROUPS, _CARERS):
        said, named = groups(sentence, kind), groups(evidence, kind)
        if said and named and not said & named:
            return f"the passage is about {sorted(named)[0]}, not {sorted(said)[0]}"
    return ""


def other_kind(sentence: str, evidence: str, context: str) -> str:
    """A meeting, plan or check the sentence tells apart by a word ("initial child protection conferences")
    is the one the evidence names: a telling word the evidence lacks, where the evidence tells the same
    kind apart by another ("review conferences"), makes it another subject."""
    have = set(WORDS.findall(_no_possessive(f"{evidence} {context}").lower()))
    said = set(WORDS.findall(_no_possessive(sentence).lower()))
    theirs = _kinds(evidence)
    for kind, words in _kinds(sentence):
        missing = words - have
        other = set().union(*(w for k, w in theirs if k == kind)) - said
        if missing and other:
            return f"the passage is about {sorted(other)[0]} {kind}s, not {sorted(missing)[0]} ones"
    return ""


def _kinds(text: str) -> list[tuple[str, set[str]]]:
    """The kinds of meeting, plan or check a text names, each with the words right before it that tell it
    apart: the run of them up to a small word ("initial child protection", not "promised an")."""
    out = []
    for match in _KIND.finditer(_no_possessive(text).lower()):
        words: set[str] = set()
        for word in reversed(WORDS.findall(match.group(1))):
            if not word.isalpha() or word in LINKING or word in _NOT_TELLING:
                break
            words.add(word)
        out.append((match.group("kind").removesuffix("s"), words))
    return out


def group_unnamed(sentence: str, evidence: str, context: str) -> str:
    """A finding the sentence says of one group of children ("looked-after young people") is not said by a
    passage naming no group ("too many young people"): it may be about any."""
    said = groups(sentence)
    if said and not groups(evidence) and not groups(context):
        return f"the passage does not say this of {sorted(said)[0]}"
    return ""


def groups(text: str, kind: tuple[tuple[str, re.Pattern[str]], ...] = _GROUPS) -> set[str]:
    """The groups of children a text names ("looked-after children", "care leavers"), or of carers."""
    return {name for name, pattern in kind if pattern.search(text)}


def parts(text: str, pattern: re.Pattern[str] = _UNIT) -> list[tuple[set[str], str]]:
    """The teams a text names (or the parts the pattern finds), with the words before it that tell it apart
    ("duty", "safeguarding")."""
    out = []
    for match in pattern.finditer(text.lower()):
        serving = match.groupdict().get("serving") or ""
        words = {
            w
            for w in WORDS.findall(f"{match.group(1)} {serving}")
            if w not in LINKING and w not in wording.NOT_NAME_WORDS
        }
        if words:
            label = (
                match.string[match.start() : match.end("unit")]
                if "unit" in match.groupdict()
                else match.group(0)
            )
            out.append((wording.stems(words), re.sub(r"^(?:the|a|an)\s+", "", label.strip())))
    return out


def _no_possessive(text: str) -> str:
    """The text without possessive endings ("Barset's": "Barset")."""
    return re.sub(r"(?<=\w)['’]s?\b", "", text)


def _initials(text: str) -> set[str]:
    """The initials of every run of two to six words, small linking words skipped ('camhs', 'bcp')."""
    words = [w for w in WORDS.findall(text.lower()) if w not in LINKING]
    out: set[str] = set()
    for size in range(2, 7):
        out.update("".join(w[0] for w in words[i : i + size]) for i in range(len(words) - size + 1))
    return out


def names_in(sentence: str) -> list[str]:
    """The capitalised names of a sentence."""
    return [m.group() for m in _NAME.finditer(sentence)]


def plain(text: str) -> str:
    """Lower case words only, for containment tests that ignore punctuation and spacing."""
    return " ".join(WORDS.findall(text.lower().replace("’", "'")))
