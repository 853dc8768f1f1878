"""The facts a sentence states that the span said to back it must state too: every figure, grade,
negation, change, quantity and name (pure functions over text, shared by the gate and the claim check)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache

from bot import acronyms, named_subjects, negation, quantities, voicing, wording
from bot.figures import (
    bounds,
    counted_elsewhere,
    figures_in,
    other_date,
    other_unit,
    same_quantity,
    shares_given,
)
from bot.negation import LINKING, NOT_YET, WORDS

_MONTHS = frozenset(wording.MONTHS.split())
_OPPOSITE: dict[str, set[str]] = {}
_PAIRS = [pair.split("/") for pair in wording.OPPOSITES.split()]
for _a, _b in _PAIRS + [[a, b] for a in wording.PRAISE.split() for b in wording.CONCERN.split()]:
    _OPPOSITE.setdefault(_a, set()).add(_b)
    _OPPOSITE.setdefault(_b, set()).add(_a)
_LITTLE = re.compile(wording.LITTLE_AS_NONE, re.I)
_FALL_AS_NO_CHANGE = re.compile(wording.FALL_AS_NO_CHANGE, re.I)
_SAME_MEANING = re.compile(r"\b(?:" + "|".join(wording.SAME_MEANING) + r")\b", re.I)
# "strongest" praises as "strong" does
_PRAISE_STEMS = frozenset(wording.stems(w for w in voicing.PRAISING if len(w) > 4))
_DIRECTIONS = (
    (frozenset(wording.MORE.split()), frozenset(wording.LESS.split())),
    (frozenset(wording.BETTER.split()), frozenset(wording.WORSE.split())),
)
_COMPLETE = frozenset(wording.COMPLETELY.split())
_EVERY = frozenset(wording.EVERY.split())
_CHANGE = frozenset().union(*(a | b for a, b in _DIRECTIONS))
_STEADY = frozenset(wording.STEADY.split())
_COMPARATIVES = frozenset(wording.COMPARATIVES.split())
_YEARLIKE = re.compile(r"(?:19|20)\d\d")
_SET_AGAINST = re.compile(r"\s(?:in comparison (?:with|to)|compared (?:with|to)|as against)\s")
_COMPARING = re.compile(r"\b(?:" + "|".join(wording.COMPARING.split()) + r")\b")
_EARLIER = re.compile(wording.EARLIER_INSPECTION, re.I)
_EARLIER_GRADE = re.compile(wording.EARLIER_GRADE, re.I)
_ONE_WORD = re.compile(wording.ONE_WORD_COMPOUNDS, re.I)
_CONTRAST = re.compile(wording.CONTRAST)
_PART = re.compile(rf"\b((?:[a-z'’]+\s+){{1,3}})(?:{wording.CONTRASTED_PARTS})\b")
# "a good job", "a very good service", "good-quality work": praise, not a grade; "a good rating" grades
_PRAISE = re.compile(
    r" (?:an?|more|most) (?:(?:very|really|particularly|consistently|more|most) )*good "
    r"(?!(?:ofsted )?(?:rating|grade|judgement|judgment|verdict|outcome|result|score)s?\b)| good quality "
    r"| in good time "  # "seen in good time" says when, not a grade
)
# "good direct work", "outstanding help": a grade word written in lower case (not a table's "Good") describing
# the word after it
_DESCRIBING = re.compile(
    rf"\b(good|outstanding|inadequate)\s+(?!(?:{'|'.join(wording.GRADE_FOLLOWERS.split())})\b)(?=[a-z]{{3,}}\b)"
)


@lru_cache(maxsize=1)  # the index in use (a gate is made for each claim or answer); holds no older one
def opposite_stems(tokens: Callable[[str], list[str]]) -> dict[str, set[str]]:
    """Each word's opposites (and the other direction of change), as index stems (read only)."""
    pairs = [(a, b) for a, bs in _OPPOSITE.items() for b in bs]
    pairs += [(a, b) for a in quantities.ALL for b in quantities.SOME]
    pairs += [(a, b) for one, other in _DIRECTIONS for a in one | other for b in (other if a in one else one)]
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        for stem in tokens(a):
            out.setdefault(stem, set()).update(tokens(b))
    return out


def guard(sentence: str, evidence: str, context: str = "") -> str:
    """Why the evidence does not back every fact of the sentence ('' when it does)."""
    return failed_check(sentence, evidence, context)[1]


def failed_check(sentence: str, evidence: str, context: str = "") -> tuple[str, str]:
    """The first fact check the evidence fails, as (kind, reason); ('', '') when it backs them all."""
    checks = (
        ("number", _numbers), ("grade", _grades), ("opposite", quantities.all_for_some),
        ("negation", _negation), ("unsaid", _unsaid), ("denial", _denial), ("denial", _exempted),
        (DENIED_HERE, _denied_here), ("unsaid", _negated_here),
        ("opposite", _opposites), ("change", _change), ("opposite", _other_side), ("opposite", _set_apart),
        ("name", named_subjects.names), ("name", named_subjects.lead), ("name", named_subjects.other_unit),
        ("name", named_subjects.other_group), ("name", named_subjects.other_kind),
        ("unsaid", named_subjects.group_unnamed), ("unsaid", voicing.judged),
        ("unsaid", _absolute), ("unsaid", _every), ("unsaid", _magnitude),
        ("opposite", voicing.criticised_praised),
        ("opposite", voicing.praised_faulted), ("opposite", voicing.faulted_praised),
        ("unsaid", voicing.faulted),
    )  # fmt: skip
    written, evidence = _as_written(sentence, evidence)
    for kind, check in checks:
        reason = check(written, evidence, context)
        if not reason:
            continue
        reason = _as_said(reason, sentence)
        if kind == "number" and not figures_in(evidence):
            return "unsaid", reason  # a passage giving no figure says less, not another figure
        return kind, reason
    return "", ""


def _as_said(reason: str, sentence: str) -> str:
    """The reason with a phrase the checks read as one word quoted as the sentence says it ("'holding
    back'", not "'hindering'")."""
    for match in _SAME_MEANING.finditer(sentence):
        reason = reason.replace(f"'{_one_word(match)}'", f"'{match.group(0)}'")
    return reason


def _absolute(sentence: str, evidence: str, context: str) -> str:
    """A state the sentence says is complete ("fully staffed", "completely resolved") where the evidence
    says no such thing: the passage says less."""
    return _whole_unsaid(set(WORDS.findall(sentence.lower())) & _COMPLETE, evidence.lower())


def _every(sentence: str, evidence: str, context: str) -> str:
    """A sentence saying something of every one of a group ("effective for all of them", "every member of
    staff") where the evidence gives no such quantity, in any words ("without exception", "100% of"): the
    passage says less."""
    said = set(WORDS.findall(quantities.quantities(sentence))) & _EVERY  # "almost all" is "most"
    return _whole_unsaid(said, quantities.quantities(evidence))


def _whole_unsaid(said: set[str], evidence: str) -> str:
    """Why the evidence (lower case) does not back the sentence's words for a whole (said): it has none of
    the words for all or complete."""
    if said and not set(WORDS.findall(evidence)) & (_COMPLETE | quantities.ALL):
        return f"the passage does not say '{sorted(said)[0]}'"
    return ""


def _magnitude(sentence: str, evidence: str, context: str) -> str:
    """A multiple the sentence gives ("halved", "doubled") that the evidence neither says nor shows with two
    figures in that ratio: "the number has reduced" does not say it halved."""
    have = set(WORDS.findall(evidence.lower()))
    numbers = [float(f) for f in figures_in(evidence) if f.replace(".", "", 1).isdigit() and float(f) > 0]
    ratios = {b / a for a in numbers for b in numbers if a != b}
    for word in sorted(set(WORDS.findall(sentence.lower())) & wording.MAGNITUDES.keys() - have):
        factor = wording.MAGNITUDES[word]
        if not any(abs(r - factor) <= 0.15 * factor for r in ratios):
            return f"the passage does not say '{word}'"
    return ""


def opposed(sentence: str, evidence: str, context: str = "") -> str:
    """Why the evidence says the opposite of the sentence, whatever else it lacks ('' when it does not):
    "few children have a record" against "most children had a record"."""
    sentence, evidence = _as_written(sentence, evidence)
    return quantities.all_for_some(sentence, evidence, context) or _opposites(sentence, evidence, context)


def _as_written(sentence: str, evidence: str) -> tuple[str, str]:
    """Sentence and evidence with denials and acronyms written alike, so the checks compare like with like."""
    for pattern, written in _WRITTEN_ALIKE:
        sentence, evidence = pattern.sub(written, sentence), pattern.sub(written, evidence)
    sentence, evidence = _prefix_spelt_out(sentence, evidence), _prefix_spelt_out(evidence, sentence)
    return _as_acronyms(sentence, evidence), _as_acronyms(evidence, sentence)


def _one_word(match: re.Match) -> str:
    """The one word a matched phrase says ("holding back": "hindering")."""
    return wording.SAME_MEANING[match.group(0).lower()]


# Phrases written one way in both texts: a phrase as the word it means, "little difference" as "no
# difference", "fall behind" as no fall.
_WRITTEN_ALIKE: tuple[tuple[re.Pattern[str], Callable[[re.Match], str] | str], ...] = (
    (_SAME_MEANING, _one_word),
    (_LITTLE, "no "),
    (_FALL_AS_NO_CHANGE, "went"),
)


def _prefix_spelt_out(text: str, other: str) -> str:
    """The text with a negatively prefixed word written as the other text denies it: "unaware" as "not
    aware" where the other says "not aware", so the two denials agree."""
    denied = negation.negated_in_clauses(other)

    def spelt(match: re.Match) -> str:
        word = match.group(0)
        return next((f"not {r}" for r in negation.prefix_roots(word) if r.lower() in denied), word)

    return re.sub(r"\b[A-Za-z]+\b", spelt, text) if denied else text


def _as_acronyms(text: str, other: str) -> str:
    """The text with the words it spells out that the other text abbreviates written as the acronym: a
    "not" inside "not in education, employment or training" denies nothing when the other says "NEET"."""
    wanted = acronyms.written(other)
    return acronyms.abbreviated(text, wanted) if wanted else text


def _numbers(sentence: str, evidence: str, context: str) -> str:
    """Every figure, month and quantity word of the sentence is in the evidence; the report's year and month
    may come from its date (its day may not: '3 July' does not make '3 years')."""
    have = figures_in(evidence) | {f for f in figures_in(context) if len(f) == 4 or f in _MONTHS}
    have |= shares_given(sentence, evidence)  # "four in five" given as "82%"
    missing = sorted(figures_in(sentence) - have)
    if missing:
        return f"the passage does not give {missing[0]}"
    said, given = bounds(sentence), bounds(evidence)
    crossed = sorted(n for n, bound in said.items() if given.get(n, bound) != bound)
    if crossed:
        return f"the passage gives {crossed[0]} as the other bound"
    other = counted_elsewhere(sentence, evidence)
    if other:
        return f"the passage gives {other} for something else"
    timed = other_unit(sentence, evidence) or other_date(sentence, evidence)
    return f"the passage gives '{timed}'" if timed else ""


def _grades(sentence: str, evidence: str, context: str) -> str:
    """Every grade the sentence gives is one the evidence gives, of the same inspection: "at the last
    inspection, it was judged good" grades an earlier one."""
    said = _grade_set(sentence)
    # "outstanding short breaks" says of them what "described them as outstanding" does
    have = _grade_set(evidence) + [m.group(1).lower() for m in _DESCRIBING.finditer(evidence)]
    missing = [g for g in said if g not in have]
    if missing:
        return f"the passage does not give the grade '{missing[0]}'"
    if said and _EARLIER_GRADE.search(evidence) and not _EARLIER.search(sentence):
        return "the passage gives the grade of an earlier inspection"
    # a grade row of one area ("The experiences and progress of children in care") is not the overall one
    if said and _OVERALL.search(sentence) and not _OVERALL_GIVEN.search(evidence):
        return f"the passage does not give the overall grade '{said[0]}'"
    return ""


_OVERALL = re.compile(r"\boverall\b", re.I)
# ... as the older reports give it: "Children's services in Derby are good"
_OVERALL_GIVEN = re.compile(r"\boverall\b|\bchildren[’']s services in\b", re.I)


def grades_in(text: str) -> list[str]:
    """The grades a text gives, e.g. ['requires improvement to be good']."""
    return _grade_set(text)


def _grade_set(text: str) -> list[str]:
    """Grades named in a text, the longer name first so 'requires improvement to be good' is not 'good'."""
    low, found = " " + " ".join(WORDS.findall(_DESCRIBING.sub(" ", text).lower())) + " ", []
    low = _PRAISE.sub(" ", low)  # "a good job", "a very good service" praise; they grade nothing
    for phrase in wording.GRADE_PHRASES:
        if f" {phrase} " in low:
            found.append(re.sub(r"^requir\w+ ", "requires ", phrase))
            low = low.replace(f" {phrase} ", " | ")
    return found


def _negation(sentence: str, evidence: str, context: str) -> str:
    """What the sentence says is not so, the evidence says is not so: where the evidence states what the
    sentence denies ("did not rate it good" against "rated it good"), it says otherwise."""
    reason, stated = _negation_gap(sentence, evidence)
    return reason if stated else ""


def _unsaid(sentence: str, evidence: str, context: str) -> str:
    """... and where it does not state it at all, it only says less ("had no children in care" against the
    inspection's dates)."""
    reason, stated = _negation_gap(sentence, evidence)
    return "" if stated else reason


NEGATION_REACH = 8  # words a negation may cover ("did not come across a single case where ..."); 6 on the
# claims tune halves supports one fewer true claim, 12 no more


@lru_cache(maxsize=64)  # the negation and unsaid checks ask the same of each pair, one after the other
def _negation_gap(sentence: str, evidence: str) -> tuple[str, bool]:
    """Why the evidence does not deny what the sentence denies ('' when it does), and whether it states
    any of the words the sentence's negations cover."""
    said, have = WORDS.findall(sentence.lower()), WORDS.findall(evidence.lower())
    if not negation.negates(said):
        return "", False
    covered = [wording.stems(c) for c in negation.sentence_covers(sentence, NEGATION_REACH)]
    stated = any(c & wording.stems(set(have)) for c in covered)
    denied = (
        wording.stems(negation.denied_in(evidence))
        | wording.stems(negation.unprefixed(have))
        | wording.stems(negation.short_of(evidence))
        | wording.stems(negation.exempted(evidence))
    )
    if not denied:
        return "the passage does not say 'not'", stated
    # Each negation of the sentence must deny something the passage denies.
    if any(c and not c & denied for c in covered):  # a closing "lacking" covers nothing after it
        return "the passage does not say that is not so", stated
    return "", stated


def _denial(sentence: str, evidence: str, context: str) -> str:
    """What the sentence asserts, the evidence does not deny."""
    said = WORDS.findall(sentence.lower())
    if set(said) & quantities.SOME:
        evidence = same_quantity(evidence.lower())  # "not all" says some: no denial of "some are"
    have = WORDS.findall(evidence.lower())
    if negation.negates(said) or not negation.negates(have) or quantities.both_short_of(sentence, evidence):
        return ""
    not_yet = {x for i, w in enumerate(said) if w in NOT_YET for x in negation.after(said, i)}
    denied = negation.negated_in_clauses(evidence)
    asserted = set(said) - not_yet - NOT_YET
    denied_stems = wording.stems(denied)
    # in any form: "get moved about" against "not experiencing multiple moves"
    negated = {w for w in asserted if len(w) > 3 and wording.stems([w]) <= denied_stems} | (denied & asserted)
    if negated:
        return f"the passage says '{sorted(negated)[0]}' is not so"
    # praise in other words: "made strong progress" against "progress is less positive"
    praised = denied & voicing.PRAISING if wording.stems(set(said)) & _PRAISE_STEMS else set()
    return f"the passage says '{sorted(praised)[0]}' is not so" if praised else ""


def _exempted(sentence: str, evidence: str, context: str) -> str:
    """A charge the sentence says is paid ("care leavers pay council tax"), the evidence says they are
    exempt from ("council tax exemption extends to 25")."""
    said = WORDS.findall(sentence.lower())
    if negation.negates(said) or not _CHARGES & set(said) or negation.exempted(sentence):
        return ""
    exempt = wording.stems(negation.exempted(evidence))
    paid = sorted(w for w in set(said) - _CHARGES if wording.stems([w]) & exempt)
    return f"the passage says '{paid[0]}' is exempt" if paid else ""


_CHARGES = frozenset(wording.CHARGES.split())
_DENYING = frozenset(wording.DENYING.split())
# A span that says the sentence in its words but negates the clause about it ("are not yet receiving a
# timely enough service" against "were getting it quickly enough"): too loose a denial to stop the gate's
# search for a span that says the sentence, but a claim such a span is found for is said otherwise.
DENIED_HERE = "denied here"


def _denied_here(sentence: str, evidence: str, context: str) -> str:
    """The evidence's clause about what the sentence states is negated, and the negation covers some of the
    sentence's own words ("are not yet receiving a timely enough service for treatment" against "got
    treatment quickly enough"): the passage says otherwise. A negation ending before them ("has not been
    sustained since ...") only says less."""
    read = _clause_about(sentence, evidence)
    if read is None or quantities.both_short_of(sentence, evidence):
        return ""
    said, clause = read
    stated = wording.stems({w for w in said if len(w) > 3})
    # Only a "not" or "no": "unable to accept new cases" is what "closed to new cases" says in other words.
    denials = [i for i in negation.negation_at(clause) if clause[i] in _DENYING or clause[i].endswith("n't")]
    covered = (wording.stems(negation.after(clause, i, len(clause))) for i in denials)
    return "the passage says it is not so" if any(c & stated for c in covered) else ""


def _negated_here(sentence: str, evidence: str, context: str) -> str:
    """A sentence stating something is not said by a passage whose clause about it is negated ("council
    tax exemption is not provided as standard" does not say care leavers are exempt)."""
    read = _clause_about(sentence, evidence)
    return "the passage says it is not so" if read and negation.negates(read[1]) else ""


@lru_cache(maxsize=64)  # the two checks above ask it of each pair, one after the other
def _clause_about(sentence: str, evidence: str) -> tuple[tuple[str, ...], list[str]] | None:
    """The words of a sentence that states something, and those of the evidence's clause closest to it;
    None for a sentence that denies ("before they are assessed" says "not yet assessed"). Quantities are
    read as said ("not all children are seen" says some are)."""
    said = WORDS.findall(sentence.lower())
    if negation.negates(said) or NOT_YET & set(said):
        return None
    clause = WORDS.findall(negation.closest_clause(set(said), same_quantity(evidence.lower())))
    return tuple(said), clause


_PART_NAMES = wording.stems(set(WORDS.findall(wording.CONTRASTED_PARTS)))  # "teams", "servi": a part, by name
# Each direction's crude stems, worked out once: "reduc" finds "a reduction".
_DIRECTION_STEMS = tuple((wording.stems(a), wording.stems(b)) for a, b in _DIRECTIONS)


def _opposites(sentence: str, evidence: str, context: str) -> str:
    """A word of the sentence whose opposite the evidence uses instead, or a change the other way."""
    evidence = quantities.quantities(evidence)  # "not all" is "some", not "all"
    said, have = set(WORDS.findall(same_quantity(sentence.lower()))), set(WORDS.findall(evidence))
    clauses = [set(WORDS.findall(c.lower())) for c in negation.clauses(sentence)]
    for part in [said] + (clauses if len(clauses) > 1 else []):  # each clause says its own change
        turned = _turned_change(part, evidence)
        if turned:
            return turned
    negated = negation.negated_words(WORDS.findall(sentence.lower()))  # "not enough" agrees with "limited"
    if have & _EVERY:
        negated |= _EVERY  # "every service area" is "all service areas"
    # Of a sentence of several clauses, each word is set against the passage's clause about its own.
    parts = [(c, _clause_near(c, said, evidence)) for c in clauses] if len(clauses) > 1 else [(said, have)]
    for part, near in parts:
        for word in sorted(part - have - negated):
            hit = sorted(n for n in near - said if any(_same_word(f, n) for f in _flipped(word)))
            if hit:
                return f"the passage says '{hit[0]}', not '{word}'"
    return ""


def _clause_near(clause: set[str], said: set[str], evidence: str) -> set[str]:
    """The words of the evidence's clause about a clause of the sentence: the one sharing its words, else the
    one about the whole sentence ("..., like its radicalisation work, mature and well coordinated" says
    "mature" of the subject named first)."""
    near = negation.closest_words(clause, evidence)
    return near if (clause - LINKING) & near else negation.closest_words(said, evidence)


def _flipped(word: str) -> set[str]:
    """Words saying the opposite of a word: its negative prefix added or taken off, its listed opposites."""
    # a prefix turns a word round, not a short linking word ("in" + "for" is no "inform")
    flipped = {p + word for p in wording.NEGATING_PREFIXES} if len(word) > 3 else set()
    flipped |= {word[len(p) :] for p in wording.NEGATING_PREFIXES if word.startswith(p) and len(word) > 6}
    return flipped | _opposites_of(word)


@lru_cache(maxsize=4096)
def _opposites_of(word: str) -> frozenset[str]:
    """A word's listed opposites, in whichever form the list gives it ("reliably" as "reliable")."""
    if word in _OPPOSITE:
        return frozenset(_OPPOSITE[word])
    return frozenset(o for listed, them in _OPPOSITE.items() if _same_word(listed, word) for o in them)


def _other_side(sentence: str, evidence: str, context: str) -> str:
    """A comparison said of the side the evidence compares against: "caseloads are more manageable in the
    looked-after teams than in the referral teams" does not say the referral teams' are more manageable, nor
    "children in need, rather than those on plans, wait" that those on plans wait."""
    low = sentence.lower()
    ahead, than, behind = _compared(evidence.lower())
    if not than or not (" than " in low or _COMPARING.search(low)):
        return _figure_of_other_side(low, evidence.lower())
    said = set(WORDS.findall(_compared(low)[0] if " than " in low else low)) - LINKING
    only_behind = (said & set(WORDS.findall(behind))) - set(WORDS.findall(ahead))
    if only_behind:
        return f"the passage says it less of '{sorted(only_behind)[0]}'"
    return _figure_of_other_side(low, evidence.lower())


def _set_apart(sentence: str, evidence: str, context: str) -> str:
    """A finding said of a part (team, service, group of children) the evidence sets apart from it with
    "although", "but", "except": "caseloads have reduced, although workloads in the leaving care service are
    higher" does not say the leaving care service's have. A sentence setting parts apart itself says both."""
    low = evidence.lower()
    if _CONTRAST.search(sentence.lower()) or not _CONTRAST.search(low):
        return ""
    main, apart = _CONTRAST.split(low, maxsplit=1)
    said, in_main, in_apart = (
        wording.stems(set(WORDS.findall(t)) - LINKING) for t in (sentence.lower(), main, apart)
    )
    if len(said & (in_main - in_apart)) < 2 or said & (in_apart - in_main) - _part_words(apart):
        return ""  # it says the main finding, none of what is said of the part set apart
    in_main_parts = [words for words, _ in named_subjects.parts(main, _PART)]
    for words, _ in named_subjects.parts(sentence, _PART):
        for other, part in named_subjects.parts(apart, _PART):
            if other <= words and not any(words & o for o in in_main_parts):
                return f"the passage says otherwise of {part}"
    groups = named_subjects.groups(sentence) & named_subjects.groups(apart)
    if groups and not groups & named_subjects.groups(main):
        return f"the passage says otherwise of {sorted(groups)[0]}"
    return ""


def _part_words(text: str) -> set[str]:
    """The words of the parts a text names, and the words naming a part ("team", "service")."""
    return set().union(*(words for words, _ in named_subjects.parts(text, _PART))) | _PART_NAMES


def _figure_of_other_side(low: str, evidence: str) -> str:
    """A figure the evidence gives one side of a comparison, said of the side it is compared with: "children
    in the east wait less than six weeks, in comparison with 30 weeks in the south" does not say children in
    the south wait less than six weeks."""
    sides = _SET_AGAINST.split(evidence, maxsplit=1)
    if len(sides) < 2:
        return ""
    ahead, behind = sides
    figures = {f for f in figures_in(low) if not _YEARLIKE.fullmatch(f)}  # the report's year is no side's
    said = set(WORDS.findall(low)) - LINKING
    only_behind = (said & set(WORDS.findall(behind))) - set(WORDS.findall(ahead))
    if figures and only_behind and figures <= figures_in(ahead) and not figures & figures_in(behind):
        return f"the passage gives that figure for what '{sorted(only_behind)[0]}' is compared with"
    return ""


def _compared(text: str) -> tuple[str, str, str]:
    """A comparison's favoured side (what comes before "than"), "than", and the side it is set against (up
    to the end of its clause)."""
    ahead, than, behind = text.partition(" than ")
    return ahead, than, re.split(r"[,;:.]", behind, maxsplit=1)[0]


def _change(sentence: str, evidence: str, context: str) -> str:
    """A rise or fall the sentence states, the evidence states too ("had risen" is not "high"); that it
    states one the other way is the opposite check's."""
    said, have = set(WORDS.findall(sentence.lower())), wording.stems(set(WORDS.findall(evidence.lower())))
    for direction, stems in zip(_DIRECTIONS[0], _DIRECTION_STEMS[0]):
        stated = sorted((said & direction) - _COMPARATIVES)
        if stated and not have & stems:  # "a reduction" states a fall
            return f"the passage does not say it '{stated[0]}'"
    return ""


def _same_word(a: str, b: str) -> bool:
    """The same word in another form ("manageably", "manageable"): only the last few letters differ."""
    if a == b:
        return True
    common = len(os.path.commonprefix([a, b]))
    longest = max(len(a), len(b))
    # long words differ in longer endings too ("inconsistently", "inconsistencies")
    return (common >= 5 and common >= longest - 3) or (common >= 9 and common >= longest - 4)


def _turned_change(said: set[str], evidence: str) -> str:
    """A change said the other way (or said where the passage says none) by the passage's clause closest
    to the words: in "turnover has decreased, caseloads have increased" the change that counts is the one
    said of the subject."""
    near = negation.closest_words(said, evidence)
    near_stems = wording.stems(near)
    for (one, other), (one_stems, other_stems) in zip(_DIRECTIONS, _DIRECTION_STEMS):
        for a, b, a_stems, b_stems in (
            (one, other, one_stems, other_stems),
            (other, one, other_stems, one_stems),
        ):
            turned = sorted(w for w in near if wording.stems([w]) & b_stems)  # "a reduction" says it fell
            if said & a and turned and not near_stems & a_stems and not said & b:
                return f"the passage says '{turned[0]}', not '{sorted(said & a)[0]}'"
    for a, b in ((_CHANGE, _STEADY), (_STEADY, _CHANGE)):  # "improved" against "sustained", either way
        same_stem = near_stems & wording.stems(said & a)
        if said & a and near & b and not near & a and not said & b and not same_stem:
            return f"the passage says '{sorted(near & b)[0]}', not '{sorted(said & a)[0]}'"
    return ""


def units(text: str) -> str:
    """'23%' and '23 per cent' as the same words; a compound that is one word ("well-being") as one."""
    return _ONE_WORD.sub(lambda m: re.sub(r"[- ]", "", m.group()), re.sub(r"\s*%", " per cent", text))
