"""Answers across reports from their records: which organisations a grade was given to, each item cited.

"Which councils were rated inadequate?" is not answered by searching passages: every report's record
holds its graded judgements with their spans, so the answer is the list of reports whose judgement matches,
each item quoting the report's own organisation line, inspection dates and judgement row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.asking import (
    areas_set_against,
    asks_which_inspected,
    dated_extreme,
    extreme_asked,
    grade_move,
    grades_named,
    last_ask,
    moved_most,
    without_looking_over,
    without_verdicts,
)
from bot.findings import OUTCOME_ORDER, Judgement, outcome_in, without_outcome
from bot.names import person_name
from bot.plan import Plan, asks_who
from bot.records import Fact, Record
from bot.report_order import (
    newest_graded,
    newest_of_each_kind,
    newest_per_organisation,
    report_date,
    reports_of_its_kind,
)
from bot.store import Index
from bot.subjects import asks_which_changed, shared_by_most, subject_words
from bot.terms import reports_words
from bot.wording import (
    ACROSS_WORDS,
    CHILDREN_ALIKE,
    EVERY_REPORT_ASKED,
    GRADE_ORDER,
    GRADE_WORDS,
    NEWEST_ASKED,
    OVER_TIME_WORDS,
    PREPOSITIONS,
    derived,
)

MAX_ITEMS = 20  # a longer list is cut, and the note says how many more there are


@dataclass(frozen=True)
class Listing:
    """The reports that answer (source and the facts to quote, each), or why none does."""

    items: tuple[tuple[str, tuple[Fact, ...]], ...] = ()
    reason: str | None = None
    note: str | None = None
    graded: bool = True  # False when no report in scope states grades: the question is for passages


def answer(plan: Plan, index: Index) -> Listing:
    """The reports in scope (each organisation's newest graded one unless a year is named) whose judgement
    of the area asked about has the grade asked for."""
    pool = plan.sources if plan.sources is not None else set(index.documents)
    if asks_which_inspected(plan.query):
        return _inspected(plan, index, pool)
    direction = asks_which_changed(index, plan.query, plan.topic)
    if direction:
        return _changed(plan, index, pool, direction)
    compared = _areas_compared(plan, index, pool)
    if compared is not None:
        return compared
    outcome = outcome_in(plan.query) or _extreme_outcome(index, pool, extreme_asked(plan.query))
    if outcome and all(s in index.records and index.records[s].outcome() for s in pool):
        return _by_outcome(plan, index, pool, outcome)  # asked of the area SEND reports only
    graded, chosen = _graded_in_scope(plan, index, pool)
    if not graded:
        return Listing(graded=False)
    grades = grades_named(plan.query)
    # the area named where the question asks, not in a story before it ("... support for families. Which
    # councils hold an outstanding rating?")
    wanted = area_tokens(index, plan.topic)
    asked = last_ask(plan.query)
    if asked != plan.query:
        wanted &= area_tokens(index, asked)
    # an area the newest reports no longer grade ("adoption performance"): the reports that grade it answer
    older = bool(wanted) and not any(best_judgement(index, index.records[s], wanted) for s in chosen)
    chosen = graded if older else chosen
    extreme = extreme_asked(plan.query)
    if extreme and not grades:  # "the worst rated councils": the lowest grade any report in scope has
        grades = _extreme_grade(index, chosen, wanted, extreme)
    matches = []
    for source in chosen:
        judgement = best_judgement(index, index.records[source], wanted)
        if judgement is not None and (not grades or judgement.grade in grades):
            matches.append((source, judgement))
    matches.sort(key=lambda m: (_organisation(index, m[0]).lower(), report_date(index.documents[m[0]])))
    what = _what(matches, grades, wanted)
    if not matches:
        return Listing(reason=f"No report in scope {what}.")
    items = tuple((s, _facts(index.records[s], j)) for s, j in matches[:MAX_ITEMS])
    return Listing(items, note=_note(plan, len(matches), len(chosen), what, older))


def _inspected(plan: Plan, index: Index, pool: set[str]) -> Listing:
    """Every report in scope (of a year named; else each organisation's newest), each citing the report's
    organisation and inspection dates: "which councils have been inspected in 2026?"."""
    recorded = {s for s in pool if s in index.records}
    chosen = recorded if plan.scope.years else newest_of_each_kind(index.documents, plan) or recorded
    if not (plan.scope.years or plan.scope.organisations):
        chosen = newest_per_organisation(index.documents, chosen)
    if not chosen:
        return Listing(reason="No report in scope states when its inspection took place.")
    ordered = sorted(chosen, key=lambda s: (_organisation(index, s).lower(), report_date(index.documents[s])))
    who = asks_who(plan.query)
    items = [(source, _held(index, source, plan.scope.organisations, who)) for source in ordered[:MAX_ITEMS]]
    years, plural = ", ".join(map(str, plan.scope.years)), "" if len(ordered) == 1 else "s"
    which = f"report{plural} from {years}" if years else "organisations' most recent reports"
    shown = f"; the first {MAX_ITEMS} are shown: name a year to narrow it" if len(ordered) > MAX_ITEMS else ""
    note = f"Answered from the report records: {len(ordered)} {which}, each with its inspection dates{shown}."
    return Listing(tuple(items), note=note)


def _changed(plan: Plan, index: Index, pool: set[str], direction: str) -> Listing:
    """The organisations whose newest report grading the area asked about (overall unless one is named)
    judges it better or worse than the report of its kind before it, each citing both judgement rows; those
    that moved furthest when asked which moved most ("which councils went down a grade?")."""
    wanted, grades = area_tokens(index, plan.topic), grades_named(plan.query)
    move = grade_move(plan.query)  # "from RI to good": those two grades, in that order
    moves = []
    for source, judgement in _newest_judged(index, pool, wanted, bool(plan.scope.years)):
        before = _judged_before(index, source, wanted)
        if before is None:
            continue
        step = GRADE_ORDER.index(before[1].grade) - GRADE_ORDER.index(judgement.grade)  # up the order: better
        fits = (before[1].grade, judgement.grade) == move if move else not grades or judgement.grade in grades
        if step and (step > 0) == (direction == "better") and fits:
            moves.append((abs(step), source, judgement, *before))
    if moves and moved_most(plan.query):
        moves = [m for m in moves if m[0] == max(m[0] for m in moves)]
    moves.sort(key=lambda m: _organisation(index, m[1]).lower())
    area = "overall effectiveness" if not wanted else (moves[0][2].area.lower() if moves else "that area")
    if not moves:
        return Listing(reason=f"No report in scope judges {area} {direction} than the report before it.")
    items = tuple(
        item
        for _, s, j, b, bj in moves[:MAX_ITEMS]
        for item in ((b, _facts(index.records[b], bj)), (s, _facts(index.records[s], j)))
    )
    steps = "; ".join(
        f"{_organisation(index, s)} {bj.grade} ({report_date(index.documents[b])[:4]}) -> {j.grade} "
        f"({report_date(index.documents[s])[:4]})"
        for _, s, j, b, bj in moves[:MAX_ITEMS]
    )
    shown = f"; the first {MAX_ITEMS} are shown" if len(moves) > MAX_ITEMS else ""
    owners = "organisation's" if len(moves) == 1 else "organisations'"
    note = (
        f"Answered from the report records: {len(moves)} {owners} most "
        f"recent reports judge {area} "
        f"{direction} than the report of their kind before: {steps}{shown}."
    )
    return Listing(items, note=note)


def _graded_in_scope(plan: Plan, index: Index, pool: set[str]) -> tuple[set[str], set[str]]:
    """The reports in scope stating graded judgements, and of them those a list answers from: every one of a
    year named, else each organisation's newest."""
    graded = {s for s in pool if s in index.records and index.records[s].judgements}
    if plan.scope.years or _every_report(plan):
        return graded, graded
    return graded, newest_graded(index.documents, index.records, graded) or graded


def _every_report(plan: Plan) -> bool:
    """Whether a list is asked of every report ("which inspections ...?", "... ever ...?"), not of each
    organisation's newest."""
    return bool(_EVERY_REPORT.search(plan.query)) and not _NEWEST_ASKED.search(plan.query)


_EVERY_REPORT = re.compile(EVERY_REPORT_ASKED, re.I)
_NEWEST_ASKED = re.compile(NEWEST_ASKED, re.I)


def _areas_compared(plan: Plan, index: Index, pool: set[str]) -> Listing | None:
    """The reports (each organisation's newest graded one unless a year is named) whose judgement of one area
    is worse (or better) than their judgement of another ("which councils had care leavers judged below
    children in care?"), each citing both rows; None when the question sets no two graded areas apart."""
    split = areas_set_against(last_ask(plan.query))  # the sentence that asks, not a story before it
    if split is None:
        return None
    before, after, direction = split
    first, second = area_tokens(index, before), area_tokens(index, after)
    if not first or not second or first == second:
        return None
    _, chosen = _graded_in_scope(plan, index, pool)
    matches = []
    for source in sorted(chosen, key=lambda s: _organisation(index, s).lower()):
        record = index.records[source]
        one, other = best_judgement(index, record, first), best_judgement(index, record, second)
        if one is None or other is None or one == other or not {one.grade, other.grade} <= set(GRADE_ORDER):
            continue
        step = GRADE_ORDER.index(one.grade) - GRADE_ORDER.index(other.grade)  # down the order: worse
        if step and (step > 0) == (direction == "worse"):
            matches.append((source, one, other))
    if not matches:
        return Listing(reason=f"No report in scope judges the one area {direction} than the other.")
    what = f"judges {matches[0][1].area.lower()} {direction} than {matches[0][2].area.lower()}"
    items = tuple(
        (s, (*_facts(index.records[s], one), Fact(other.grade, other.start, other.end)))
        for s, one, other in matches[:MAX_ITEMS]
    )
    return Listing(items, note=_note(plan, len(matches), len(chosen), what))


def _newest_judged(
    index: Index, pool: set[str], wanted: set[str], every: bool
) -> list[tuple[str, Judgement]]:
    """Each organisation's newest report in scope (every one, when a year is named) that grades the area
    asked about on the four-point scale, with that judgement."""
    judged = {s: j for s in pool if (j := _graded(index, s, wanted)) is not None}
    chosen = set(judged) if every else newest_per_organisation(index.documents, judged)
    return [(s, judged[s]) for s in sorted(chosen)]


def _judged_before(index: Index, source: str, wanted: set[str]) -> tuple[str, Judgement] | None:
    """The newest report of the same organisation and kind before this one that grades the area asked about,
    with that judgement; None if there is none."""
    when = report_date(index.documents[source])
    earlier = [
        (date, s)
        for s in reports_of_its_kind(index.documents, source)
        if (date := report_date(index.documents[s])) < when
    ]
    for _, s in sorted(earlier, reverse=True):
        judgement = _graded(index, s, wanted)
        if judgement is not None:
            return s, judgement
    return None


def _graded(index: Index, source: str, wanted: set[str]) -> Judgement | None:
    """A report's judgement of the area asked about, if it is a grade of the four-point scale."""
    record = index.records.get(source)
    judgement = best_judgement(index, record, wanted) if record is not None else None
    return judgement if judgement is not None and judgement.grade in GRADE_ORDER else None


def catalogue(plan: Plan, index: Index) -> Listing:
    """The reports the sources hold, in the scope asked about, each citing its organisation line and
    inspection dates: every report of the organisations or years named, oldest first; the newest or oldest
    when asked; each organisation's newest when the scope is more reports than a list shows."""
    pool = plan.sources if plan.sources is not None else set(index.documents)
    held = sorted(pool, key=lambda s: (report_date(index.documents[s]), s))
    if not held:
        return Listing(reason="The sources hold no report in that scope.")
    extreme = dated_extreme(plan.query)
    organisations = sorted({_organisation(index, s) for s in held}, key=str.lower)
    if extreme:
        chosen = [held[-1] if extreme == "newest" else held[0]]
    elif len(held) <= MAX_ITEMS or plan.scope.organisations or plan.scope.years:
        chosen = held
    else:
        chosen = sorted(
            newest_per_organisation(index.documents, held), key=lambda s: _organisation(index, s).lower()
        )
    who = asks_who(plan.query)  # "which councils, and who led each one?"
    items = tuple((s, _held(index, s, plan.scope.organisations, who)) for s in chosen[:MAX_ITEMS])
    return Listing(items, note=_held_note(index, held, organisations, chosen, extreme))


def _held(index: Index, source: str, named: Sequence[str] = (), who: bool = False) -> tuple[Fact, ...]:
    """What to quote for a report held: who it is about and when inspectors visited (or its title line),
    and who led it when the question asks who, or names its lead inspector ("which councils did X inspect?").
    """
    record = index.records.get(source)
    if record is None:
        return ()
    when = record.inspection_dates or record.published
    lead = record.lead_inspector
    people = {person_name(n) for n in named}
    led = lead if lead is not None and (who or person_name(str(lead.value)) in people) else None
    return tuple(f for f in (record.organisation or record.report_type, when, led) if f is not None)


def _held_note(
    index: Index, held: list[str], organisations: list[str], chosen: list[str], extreme: str | None
) -> str:
    """How many reports the sources hold in scope, on how many organisations, and which are listed."""
    plural = "" if len(held) == 1 else "s"
    counted = f"{len(held)} report{plural} on " + (
        organisations[0] if len(organisations) == 1 else f"{len(organisations)} organisations"
    )
    if extreme:
        (source,) = chosen
        named = _named(index, source)
        return f"Answered from the report records: the sources hold {counted}; the {extreme} is {named}."
    listed = ", ".join(_named(index, s) for s in chosen[:MAX_ITEMS])
    which = "oldest first" if len(chosen) == len(held) else "each organisation's newest"
    shown = f"; the first {MAX_ITEMS} are shown" if len(chosen) > MAX_ITEMS else ""
    return f"Answered from the report records: the sources hold {counted}; {which}: {listed}{shown}."


def _named(index: Index, source: str) -> str:
    """A report in a few words: "Dorset (area send full inspection, 2024-05-15)"."""
    document = index.documents[source]
    kind = document.metadata.get("document_type") or "report"
    return f"{_organisation(index, source)} ({kind}, {report_date(document) or 'undated'})"


def _by_outcome(plan: Plan, index: Index, pool: set[str], outcome: str) -> Listing:
    """The area SEND reports in scope (each partnership's newest unless a year is named) whose inspection
    outcome is the one asked about ("which partnerships had significant concerns?")."""
    stated = {s for s in pool if s in index.records and index.records[s].outcome()}
    chosen = stated if plan.scope.years else newest_graded(index.documents, index.records, stated) or stated
    matches = [(s, j) for s in chosen if (j := index.records[s].outcome()) is not None and j.grade == outcome]
    matches.sort(key=lambda m: (_organisation(index, m[0]).lower(), report_date(index.documents[m[0]])))
    what = f"states the inspection outcome {outcome}"
    if not matches:
        return Listing(reason=f"No report in scope {what}.")
    items = tuple((s, _facts(index.records[s], j)) for s, j in matches[:MAX_ITEMS])
    years = ", ".join(map(str, plan.scope.years))
    which = f"reports from {years}" if years else "area SEND reports"
    found = f"{len(matches)} of {len(chosen)} {which}"
    return Listing(items, note=f"Answered from the report records: {found} state the outcome {outcome}.")


def _extreme_outcome(index: Index, pool: set[str], extreme: str | None) -> str | None:
    """The best or worst outcome the area SEND reports in scope state ("which partnerships got the worst
    outcome?"); None when neither is asked or no report states one (the caller lists by it only when every
    report in scope is an area SEND report)."""
    outcomes = {j.grade for s in pool if s in index.records and (j := index.records[s].outcome()) is not None}
    return _extreme(outcomes, OUTCOME_ORDER, extreme) if extreme else None


def _extreme_grade(index: Index, chosen: set[str], wanted: set[str], extreme: str) -> set[str]:
    """The best or worst grade given among the chosen reports' judgements of the area asked about."""
    given = {j.grade for s in chosen if (j := best_judgement(index, index.records[s], wanted)) is not None}
    grade = _extreme(given, GRADE_ORDER, extreme)
    return {grade} if grade else set()


def _extreme(given: set[str], order: tuple[str, ...], extreme: str) -> str | None:
    """The best (first in order) or worst (last) of the grades or outcomes given; None if none is."""
    ranked = [g for g in order if g in given]
    return (ranked[0] if extreme == "best" else ranked[-1]) if ranked else None


def history(plan: Plan, index: Index) -> tuple[Listing, tuple[dict[str, str], ...]]:
    """Every graded report of the organisations named, oldest first, each with the judgement asked about
    (overall effectiveness unless an area is named); and the timeline of those grades."""
    pool = plan.sources if plan.sources is not None else set(index.documents)
    graded = [s for s in pool if s in index.records and index.records[s].judgements]
    if not graded:
        return Listing(graded=False), ()
    wanted = area_tokens(index, plan.topic)
    rows = [(s, best_judgement(index, index.records[s], wanted)) for s in graded]
    rows = sorted(
        ((s, j) for s, j in rows if j is not None), key=lambda r: report_date(index.documents[r[0]])
    )
    if not rows:
        return Listing(reason="The reports on this organisation do not grade that area."), ()
    timeline = tuple(
        {"source": s, "organisation": _organisation(index, s), "date": report_date(index.documents[s]),
         "area": j.area, "grade": j.grade}
        for s, j in rows
    )  # fmt: skip
    steps = " -> ".join(f"{t['grade']} ({t['date'][:4] or 'undated'})" for t in timeline)
    note = f"Answered from the report records, oldest first: {rows[0][1].area.lower()}: {steps}."
    grades = grades_named(plan.query)
    if grades:  # "when was it rated inadequate?", "has it ever been outstanding?"
        given = [t["date"][:4] or "undated" for t in timeline if t["grade"] in grades]
        named = " or ".join(sorted(grades))
        note += f" Judged {named} in {', '.join(given)}." if given else f" Not judged {named} in any of them."
    items = tuple((s, _facts(index.records[s], j)) for s, j in rows[:MAX_ITEMS])
    return Listing(items, note=note), timeline


def best_judgement(index: Index, record: Record, wanted: set[str]) -> Judgement | None:
    """The record's judgement of the area whose words the question shares most (the overall one when the
    question names no area); None when the report grades no such area."""
    if not wanted:
        return record.overall()
    scored = []
    for j in record.judgements:
        area = set(index.tokens(j.area))
        shared = sum(1 for a in area if any(a == w or derived(a, w) for w in wanted))  # leaders, leadership
        if shared:
            scored.append((shared - 0.01 * len(area - wanted), j))  # the closest area, not the widest
    return max(scored, key=lambda s: s[0])[1] if scored else None


def area_tokens(index: Index, topic: str) -> set[str]:
    """The words of the topic that single out a judgement area: words of some area's name ("care leavers",
    "leadership" for "leaders"), less those asking for a grade or a list and those most area names share
    ("children", "experiences"), which would pick an area the question never named."""
    # ... and prepositions: "after" alone is no "looked after"
    asking = set(index.tokens(f"{GRADE_WORDS} {ACROSS_WORDS} {PREPOSITIONS} {OVER_TIME_WORDS}"))
    named = [set(index.tokens(name)) for name in _area_names(index)]
    if not named:
        return set()
    vocabulary, common = set().union(*named), shared_by_most(named)
    # a domain term written another way ("CP", "LAC") in the reports' own words ("child protection")
    topic = f"{topic} {reports_words(topic)}"
    # "good right across the board" names no safeguarding board, nor "good experiences" the experiences of
    # children in care: a SEND outcome's words
    topic = without_outcome(without_verdicts(without_looking_over(topic)))
    words = set(index.tokens(" ".join(subject_words(topic, index.stop_words())))) - asking - common
    found = {w for w in words if any(w == a or derived(w, a) for a in vocabulary - common)}
    # "children" alone is whom every area is about ("which councils are failing children?"), naming none
    return found if found - set(index.tokens(CHILDREN_ALIKE)) else set()


def _area_names(index: Index) -> set[str]:
    return {j.area.lower() for record in index.records.values() for j in record.judgements}


def _facts(record: Record, judgement: Judgement) -> tuple[Fact, ...]:
    """What to quote for one report: who it is about, when inspectors visited, the judgement row."""
    when = record.inspection_dates or record.published
    lines = [f for f in (record.organisation, when) if f is not None]
    return (*lines, Fact(judgement.grade, judgement.start, judgement.end))


def _organisation(index: Index, source: str) -> str:
    return index.documents[source].metadata.get("organisation") or index.documents[source].title


def _what(matches: list[tuple[str, Judgement]], grades: set[str], wanted: set[str]) -> str:
    """What the listed reports have in common, in words: 'judges overall effectiveness inadequate'."""
    area = "overall effectiveness" if not wanted else (matches[0][1].area.lower() if matches else "that area")
    graded = " or ".join(sorted(grades)) if grades else "with a grade"
    return f"judges {area} {graded}"


def _note(plan: Plan, found: int, of: int, what: str, older: bool = False) -> str:
    """How the list was made, and how much of it is shown."""
    which = (
        "reports from " + ", ".join(map(str, plan.scope.years))
        if plan.scope.years
        else "graded reports of any year (their most recent reports grade no such area)"
        if older
        else "graded reports of any year"
        if _every_report(plan)
        else "organisations' most recent graded reports"
    )
    shown = f"; the first {MAX_ITEMS} are shown: name a year to narrow it" if found > MAX_ITEMS else ""
    return (
        f"Answered from the report records: {found} of {of} {which} {what.replace('judges', 'judge')}{shown}."
    )
