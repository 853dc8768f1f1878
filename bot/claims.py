"""Claim check: whether the sources say what a sentence claims (supported), say otherwise (contradicted), or
neither (not found). A claim about a report's facts (grade, lead inspector, dates) is checked against the
report's record; any other claim against the passages by the verification gate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from bot import answering, asking, fact_checks, gate, premises, receipts, report_lists, wording
from bot.engine import Engine, Searched
from bot.fact_answers import every_lead
from bot.figures import counted_elsewhere, measures, other_unit
from bot.findings import Judgement, outcome_in
from bot.llm import gate_for, passages, spans
from bot.metadata import month_years
from bot.names import normal, person_name
from bot.records import Fact, Record
from bot.report_order import report_date
from bot.schema import Citation, Document
from bot.scope import doc_years, report_years
from bot.store import Index
from bot.subjects import asks_about_grades

VERDICTS = ("supported", "contradicted", "not_found")
VERDICT_NAMES = {"supported": "Supported", "contradicted": "Contradicted", "not_found": "Not found"}
_FRAMING = re.compile(wording.CLAIM_FRAMING, re.I)
_ATTRIBUTED = re.compile(wording.CLAIM_ATTRIBUTED, re.I)
_TAIL = re.compile(wording.CLAIM_TAIL, re.I)
# a year as written: "2,013" and "2013,5" are numbers; "in November 2012, and" a year
_YEAR_WRITTEN = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?!\d|,\d)")
_TAIL_CUE = re.compile(wording.CLAIM_TAIL_CUE, re.I)
_TAIL_IN = re.compile(wording.CLAIM_TAIL_IN, re.I)
_NEED_CUES = frozenset(wording.NEED_VOICED.split())
_LEAD = re.compile(wording.LEAD_CUES, re.I)
_INSPECTED_WHEN = re.compile(wording.INSPECTED_WHEN, re.I)
_INSTITUTIONS = frozenset(wording.INSTITUTION_WORDS.split())
_EARLIER = re.compile(wording.EARLIER_INSPECTION, re.I)
_YEAR = re.compile(r"\b(?:in |from |of )?(?:19|20)\d\d\b")
_SEND = re.compile(r"\bSEND\b|special educational needs|local area partnership", re.I)
_PERSON = re.compile(wording.PERSON_RUN)


@dataclass(frozen=True)
class ClaimVerdict:
    """The verdict on one claim with the spans it rests on and why, in plain words."""

    claim: str
    verdict: str
    citations: tuple[Citation, ...] = ()
    reason: str = ""
    receipt: dict[str, Any] = field(default_factory=dict)  # what it was checked against (bot.receipts)

    def to_json(self) -> dict[str, Any]:
        """The check contract's record."""
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "citations": [c.to_json() for c in self.citations],
            "reason": self.reason,
            "receipt": self.receipt,
        }

    def to_answer_record(self) -> dict[str, Any]:
        """The verdict shaped as an ask record, so the chat, feedback and exports show it as an answer."""
        return {
            "question": self.claim,
            "kind": "claim",
            "verdict": self.verdict,
            "answer": f"{VERDICT_NAMES[self.verdict]}. {self.reason}",
            "refused": self.verdict == "not_found",
            "reason": self.reason,
            "mode": "claim",
            "citations": [c.to_json() for c in self.citations],
            "receipt": self.receipt,
        }


def statement(claim: str) -> str:
    """The claim without its attribution ("Inspectors said that ...", "..., Ofsted's 2022 report noted.")."""
    return _split(claim)[0]


def _split(claim: str) -> tuple[str, str]:
    """(what the claim says, who it says said it) for a claim with its attribution before or after it."""
    text = claim.strip()
    # of the two readings of who said it, the longer ("Ofsted said in 2016 that")
    heads = [m for m in (_FRAMING.match(text), _ATTRIBUTED.match(text)) if m]
    head = max(heads, key=lambda m: m.end()) if heads else None
    said = text[head.end() :] if head else text
    tail = _TAIL.search(said)
    attributed = bool(tail and _TAIL_CUE.search(tail.group("tail")) and len(tail.group("tail").split()) <= 12)
    if not attributed:
        tail = _TAIL_IN.search(said)
        attributed = tail is not None
    if attributed:
        said = said[: tail.start()] + "."
    parts = [head.group().strip(" ,") if head else "", tail.group("tail") if attributed else ""]
    said = said.strip()
    if not said.strip(" ."):
        return text, ""
    return said[:1].upper() + said[1:], "; ".join(p for p in parts if p)


class ClaimChecker:
    """Checks claims with one engine (model and index loaded once for many claims)."""

    def __init__(self, engine: Engine, k: int | None = None) -> None:
        self.engine = engine
        self.k = engine.settings.claim_k if k is None else k

    def check(self, claim: str) -> ClaimVerdict:
        """Supported, contradicted or not found, with the citations that decide it and a receipt."""
        verdict = self._check(claim)
        return replace(verdict, receipt=receipts.receipt(self.engine.index))

    def _check(self, claim: str) -> ClaimVerdict:
        said, source = _split(claim)
        # The attribution may name the report ("Ofsted's 2018 report"): it sets the scope and the record
        # checked, while the gate weighs only what the claim says.
        about = f"{said} ({source.lower()})" if source else said  # its capitals name no one
        found = self.engine.search(about, self.k)
        if found.plan.scope.outside:
            return self._outside(claim, about, found)
        decided = self._from_records(claim, about, found)
        if decided is None and _about_rating_change(said, found):
            decided = _by_change(claim, about, found)
        if decided is not None:
            return decided
        return self._from_passages(claim, said, found)

    def _outside(self, claim: str, said: str, found: Searched) -> ClaimVerdict:
        """Not found; unless only a year or a person's name is off, and the named organisation's record
        states other dates or another lead inspector."""
        bare = _without_people(_YEAR.sub(" ", said), found.index.documents)
        if bare != said:
            again = self.engine.search(bare, self.k)
            chosen = [] if again.plan.scope.outside else _reports(again, said)
            if chosen:
                decided = self._from_records(claim, said, again, chosen)
                if decided is not None:
                    return decided
        return ClaimVerdict(claim, "not_found", reason=f"Outside these sources: {found.plan.scope.outside}.")

    def _from_records(
        self, claim: str, said: str, found: Searched, chosen: list[str] | None = None
    ) -> ClaimVerdict | None:
        """A claim about a named report's grade, lead inspector or year, decided by its record."""
        chosen = chosen if chosen is not None else _reports(found, said)
        if not chosen:
            return None
        docs, records = found.index.documents, found.index.records
        years = report_years(said)
        chosen = [s for s in chosen if s in (found.plan.sources or ())] or chosen  # the type it names
        # A report is from the years it was inspected as well as published (inspected December 2023,
        # published February 2024).
        dated = [s for s in chosen if not years or set(years) & doc_years(docs[s])]
        if not dated:
            return _wrong_year(claim, chosen, docs, records, years)
        if _outcome_claimed(said):  # only area SEND reports state such an outcome
            dated = [s for s in dated if _outcome_of(records.get(s))] or dated
        source = max(dated, key=lambda s: (report_date(docs[s]), s))
        record = records.get(source)
        if record is None:
            return None
        checks = [_by_outcome]
        if fact_checks.grades_in(said) and not _EARLIER.search(said):
            checks.append(_by_grade)
        if _LEAD.search(said) and record.lead_inspector:
            checks.append(_by_inspector)
        if _INSPECTED_WHEN.search(_split(claim)[0]) and record.inspection_dates:
            checks.append(_by_dates)
        return _together(claim, [v for v in (check(claim, said, record, docs) for check in checks) if v])

    def _from_passages(self, claim: str, said: str, found: Searched) -> ClaimVerdict:
        """The gate's verdict on the claim against the retrieved passages."""
        if not found.hits:
            return ClaimVerdict(claim, "not_found", reason="No passage is about this.")
        index = found.index
        checker = gate_for(self.engine, index)
        # The inspectorate's method text, the same in every report, says nothing of one organisation.
        given = [s for s in spans(passages(found)) if not index.is_boilerplate(s.source, s.start, s.end)]
        # An item of a list of what to improve says what should be, not what is: it speaks only to a claim
        # that something needs doing.
        if not _voices_need(said):
            given = [s for s in given if not _to_improve(index, s)]
        verdict = checker.check([said], given)[0]
        docs = index.documents
        if verdict.kept and _states_findings(index, verdict.spans):
            cites = _cite_spans(docs, verdict.spans, verdict.support)
            return ClaimVerdict(claim, "supported", cites, "The sources say this.")
        if verdict.conflict is not None and _contradicts(said, verdict):
            cites = _cite_spans(docs, (verdict.conflict,), "contradicts")
            return ClaimVerdict(claim, "contradicted", cites, f"The sources say otherwise: {verdict.reason}.")
        return ClaimVerdict(claim, "not_found", reason="No passage says this or the opposite.")


def _together(claim: str, verdicts: list[ClaimVerdict]) -> ClaimVerdict | None:
    """Each fact a claim states of a report (its grade, who led it) must hold: one that does not decides."""
    if not verdicts:
        return None
    against = [v for v in verdicts if v.verdict == "contradicted"]
    if against:
        return against[0]
    cites = [c for v in verdicts for c in v.citations]
    renumbered = tuple(replace(c, n=i + 1) for i, c in enumerate(cites))
    return ClaimVerdict(claim, "supported", renumbered, " ".join(v.reason for v in verdicts))


def _contradicts(said: str, verdict: gate.Verdict) -> bool:
    """Whether the span about the same thing says otherwise: another grade, a negation, an opposite, or
    another figure of its own. A name the span lacks, or a figure where it gives none, is not a denial."""
    if verdict.conflict_kind not in (*gate.STRONG, fact_checks.DENIED_HERE) or verdict.conflict is None:
        return False
    if verdict.conflict_kind == "number":
        span = verdict.conflict.text
        given = {_figure_kind(g, span) for g in fact_checks.figures_in(span)}
        missing = fact_checks.figures_in(said) - fact_checks.figures_in(span)
        # or the span gives the claim's figure for something else, and its own figure for what is claimed
        return (
            any(_figure_kind(m, said) in given for m in missing)
            or bool(counted_elsewhere(said, span))
            or bool(other_unit(said, span))  # "one hour" for the claim's "one day"
        )
    return True


def _figure_kind(figure: str, text: str) -> str:
    """A year (as written: "2,000" is a number), a month, a quantity word or a number: a claimed year is
    contradicted by another year only."""
    if figure in _YEAR_WRITTEN.findall(text):
        return "year"
    if figure in wording.MONTHS.split():
        return "month"
    if not figure[:1].isdigit():
        return "word"
    return "number " + " ".join(sorted(measures(figure, text)))  # an age does not deny a wait of two years


def _reports(found: Searched, said: str) -> list[str]:
    """The reports about the organisations the claim names (none named: no record check)."""
    named = set(found.plan.scope.organisations)
    if not named:
        return []
    return sorted(s for s, d in found.index.documents.items() if d.metadata.get("organisation") in named)


def _year_of(doc: Document) -> int | None:
    day = report_date(doc)
    return int(day[:4]) if day[:4].isdigit() else None


def _wrong_year(
    claim: str, chosen: list[str], docs: dict[str, Document], records: dict[str, Record], years: list[int]
) -> ClaimVerdict | None:
    """The organisation's reports are dated other years: contradicted by their stated dates."""
    facts = [
        (s, f) for s in chosen for f in [_date_fact(records.get(s))] if f is not None
    ]  # fmt: skip
    if not facts:
        return None
    when = ", ".join(sorted({str(_year_of(docs[s])) for s, _ in facts}))
    asked = ", ".join(str(y) for y in years)
    cites = tuple(answering.cite_facts(docs, facts))
    reason = f"The reports on this organisation are from {when}, not {asked}."
    return ClaimVerdict(claim, "contradicted", cites, reason)


def _date_fact(record: Record | None) -> Fact | None:
    if record is None:
        return None
    return record.inspection_dates or record.published


def _by_grade(claim: str, said: str, record: Record, docs: dict[str, Document]) -> ClaimVerdict | None:
    """The judgement the claim grades: supported when the grade matches, contradicted when not."""
    judgement = premises.judgement_meant(said, record)
    if judgement is None:
        return None
    cites = tuple(answering.cite_facts(docs, [(record.source, judgement)]))
    claimed = fact_checks.grades_in(said)
    if premises.same_grade(judgement.grade, claimed):
        return ClaimVerdict(
            claim, "supported", cites, f"The report grades {judgement.area}: {judgement.grade}."
        )
    reason = f"The report grades {judgement.area} '{judgement.grade}', not '{claimed[0]}'."
    return ClaimVerdict(claim, "contradicted", _relabel(cites, "contradicts"), reason)


def _about_rating_change(said: str, found: Searched) -> bool:
    """Whether a claim says a named organisation's grades moved, naming nothing else ("Tameside got worse
    between 2019 and 2024"; not "Tameside's recruitment has improved")."""
    names = found.plan.scope.organisations
    if not names or asking.change_claimed(said) is None:
        return False
    if fact_checks.grades_in(said) or _EARLIER.search(said):  # grades named: the grade checks weigh them
        return False
    return asks_about_grades(found.index, found.plan.topic, names)


def _by_change(claim: str, said: str, found: Searched) -> ClaimVerdict | None:
    """A claim that an organisation's grades got better or worse, against its graded reports' records:
    the first and last of the years it names (of all, when it names fewer than two)."""
    direction = asking.change_claimed(said)
    if direction is None:
        return None
    # Every report of the organisations (a grade plan keeps only the newest; a year named keeps its own):
    # then those of the two years named, or those from the one year named on ("improved since 2019").
    docs, years = found.index.documents, sorted(set(report_years(said)))
    named = set(found.plan.scope.organisations)
    every = {s for s, d in docs.items() if d.metadata.get("organisation") in named}
    listing, timeline = report_lists.history(replace(found.plan, sources=every), found.index)
    steps = [
        (item, step)
        for item, step in zip(listing.items, timeline, strict=False)
        if _in_years(doc_years(docs[step["source"]]), years)
    ]
    rank = {grade: i for i, grade in enumerate(wording.GRADE_ORDER)}  # best first
    if len(steps) < 2 or not all(step["grade"] in rank for _, step in steps):
        return None
    (first_item, first), (last_item, last) = steps[0], steps[-1]
    moved = rank[first["grade"]] - rank[last["grade"]]
    cites = tuple(answering.cite_facts(docs, [(s, f) for s, facts in (first_item, last_item) for f in facts]))
    reason = (
        f"The {first['area'].lower()} grade went from {first['grade']} ({first['date'][:4]}) to "
        f"{last['grade']} ({last['date'][:4]})."
    )
    if (moved > 0 and direction == "better") or (moved < 0 and direction == "worse"):
        return ClaimVerdict(claim, "supported", cites, reason)
    return ClaimVerdict(claim, "contradicted", _relabel(cites, "contradicts"), reason)


def _in_years(report: set[int], years: list[int]) -> bool:
    """Whether a report counts for a claim naming these years: any, with none named; from the one on."""
    if not years:
        return True
    if len(years) == 1:
        return any(y >= years[0] for y in report)
    return bool(report & set(years))


def _by_outcome(claim: str, said: str, record: Record, docs: dict[str, Document]) -> ClaimVerdict | None:
    """A claim stating a SEND inspection's outcome, against the outcome the report states."""
    claimed, judged = _outcome_claimed(said), _outcome_of(record)
    if claimed is None or judged is None:
        return None
    cites = tuple(answering.cite_facts(docs, [(record.source, judged)]))
    if claimed == judged.grade:
        return ClaimVerdict(claim, "supported", cites, f"The report's inspection outcome: {judged.grade}.")
    reason = f"The report's inspection outcome is '{judged.grade}', not '{claimed}'."
    return ClaimVerdict(claim, "contradicted", _relabel(cites, "contradicts"), reason)


def _outcome_claimed(said: str) -> str | None:
    """The SEND outcome a claim about SEND states ("positive experiences" alone may be about anything)."""
    return outcome_in(said) if _SEND.search(said) else None


def _outcome_of(record: Record | None) -> Judgement | None:
    return record.outcome() if record else None


def _without_people(text: str, documents: dict[str, Document]) -> str:
    """The text without capitalised names that are not organisations of the sources (a person's name)."""
    known = " ".join(normal(d.metadata.get("organisation") or "") for d in documents.values())
    # "The Barset inspection": a sentence's first word and an organisation are no one's name
    runs = [m.group().split() for m in _PERSON.finditer(text)]
    found = [" ".join(w for w in run if w.lower() not in wording.NOT_NAME_WORDS) for run in runs]
    kept = [name for name in found if len(name.split()) >= 2 and normal(name) not in known]
    for name in kept:
        text = text.replace(name, " ")
    return " ".join(text.split())


def _by_inspector(claim: str, said: str, record: Record, docs: dict[str, Document]) -> ClaimVerdict | None:
    """A claim naming who led the inspection, against the record's lead inspector."""
    fact = record.lead_inspector
    # "West Midlands Police" is capitalised as a person's name is: an institution's is not a person's
    names = [
        n for n in (normal(m.group()) for m in _PERSON.finditer(said)) if n.split()[-1] not in _INSTITUTIONS
    ]
    if fact is None or not names:
        return None
    # the leads of the inspectorate the claim names ("the CQC lead inspector was ..."), or of the report's own
    named = asking.inspectorate_named(said)
    for lead in every_lead(record, docs[record.source].text, named):
        if any(person_name(str(lead.value)).split()[-1] in name.split() for name in names):
            cites = tuple(answering.cite_facts(docs, [(record.source, lead)]))
            reason = f"The report names {lead.value} as lead inspector."
            return ClaimVerdict(claim, "supported", cites, reason)
    cites = tuple(answering.cite_facts(docs, [(record.source, fact)]))
    reason = f"The report names {fact.value} as lead inspector."
    return ClaimVerdict(claim, "contradicted", _relabel(cites, "contradicts"), reason)


def _by_dates(claim: str, said: str, record: Record, docs: dict[str, Document]) -> ClaimVerdict | None:
    """When a claim says the inspection took place (a month or a year), held against the record's dates."""
    fact = record.inspection_dates
    if fact is None:
        return None
    first, last = fact.value
    stated = _split(claim)[0]
    months = [f"{y:04d}-{m:02d}" for y, m in month_years(stated)]
    years = report_years(stated)
    inside = all(first[:7] <= m <= last[:7] for m in months) and all(
        int(first[:4]) <= y <= int(last[:4]) for y in years
    )
    cites = tuple(answering.cite_facts(docs, [(record.source, fact)]))
    reason = f"The report states inspection dates {first} to {last}."
    if inside and (months or years):
        return ClaimVerdict(claim, "supported", cites, reason)
    return ClaimVerdict(claim, "contradicted", _relabel(cites, "contradicts"), reason)


def _states_findings(index: Index, support: tuple[gate.Span, ...]) -> bool:
    """Whether spans supporting a claim state a finding: a title beside the line giving a report's dates
    or inspector says nothing the report found (what it says of itself is held against its record)."""
    return any(not _own_line(index, s) and not _heading(index.documents[s.source].text, s) for s in support)


def _voices_need(said: str) -> bool:
    """Whether a claim says something needs doing: only such a claim is what an item of a report's list of
    what to improve says ("the clarity of the care leaver offer", "Improve oversight of ..."); not that it
    is so or has improved ("care leavers get a clear offer")."""
    return bool(set(re.findall(r"[a-z]+", said.lower())) & _NEED_CUES)


def _to_improve(index: Index, span: gate.Span) -> bool:
    """An item of a report's list of what needs to improve that names an area ("The clarity and detail of
    ...") or says what to do ("Ensure that young people who have to move ...")."""
    record = index.records.get(span.source)
    return record is not None and record.lists_to_improve(span.start, span.end)


def _own_line(index: Index, span: gate.Span) -> bool:
    """A line where a report states its own dates or inspector."""
    record = index.records.get(span.source)
    return record is not None and record.on_own_line(span.start, span.end)


def _heading(text: str, span: gate.Span) -> bool:
    """A title or heading (a graded row is a statement)."""
    return answering.is_heading(text, span.start, span.end) and not answering.states_grade(span.text)


def _cite_spans(
    docs: dict[str, Document], chosen: tuple[gate.Span, ...], support: str
) -> tuple[Citation, ...]:
    """Citations of gate spans, numbered in order."""
    evidence = [answering.Evidence(s.source, s.start, s.end, 1.0, 1.0, 1.0) for s in chosen]
    return tuple(answering.cite(i + 1, docs[e.source], e, support) for i, e in enumerate(evidence))


def _relabel(cites: tuple[Citation, ...], support: str) -> tuple[Citation, ...]:
    return tuple(replace(c, support=support) for c in cites)
