"""The question-answering engine: loads the model and index once, then searches and answers."""

from __future__ import annotations

import dataclasses
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot import (
    answering,
    asking,
    comparisons,
    fact_answers,
    indexing,
    inspector_roles,
    names,
    next_steps,
    premises,
    receipts,
    refusals,
    report_lists,
    report_order,
    retrieval,
    selection,
    spelling,
    store,
)
from bot import plan as plan_mod
from bot.config import Settings
from bot.conversation import Turn, interpret
from bot.embedding import CachedQueries, Embedder, for_settings
from bot.embedding.weights import model_words
from bot.errors import BadQuestion, BotError
from bot.figures import units_apart
from bot.findings import Judgement
from bot.metadata import full_years, report_year
from bot.plan import Intents, Plan
from bot.records import Record
from bot.schema import Answer, Citation, Document, Hit
from bot.subjects import FEW_REPORTS, asks_for_summary, grades_asked

WHOLE_REPORTS = 2  # reports meant this few have every sentence scored, not only the retrieved passages
# How many of an answer's best quotes run on to the next sentence of their paragraph. On the tune data: none
# 401/445 found, the best one 403, two 405, all 406; two keeps answers short. Refusals are unchanged.
QUOTED_ON = 2
FOLLOWED = 2  # organisations an answer quoted that a follow-up is about ("compare them"); more: a list
ADVICE = (
    "The reports say what inspectors found, not what you should do; the passages nearest your question "
    "follow."
)


def clean_question(raw: str, max_chars: int) -> str:
    """Drop control characters and extra white space; cut very long pastes; refuse empty questions."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw[: max_chars * 2])
    text = re.sub(r"\s+", " ", text).strip()[:max_chars]
    if not text:
        raise BadQuestion("the question is empty: type a question about the inspection reports")
    return text


@dataclass
class Searched:
    """A question's plan and the hits retrieved for it, with timings."""

    plan: Plan
    hits: list[Hit]
    vector: object  # the topic's, searched with
    ms: float
    index: store.Index  # the index searched: the answer is composed from the same one, even after a refresh
    scoring: object = None  # what sentences are scored against, once needed (Engine.scoring_vector)

    @property
    def question(self) -> str:
        """The question as asked (cleaned)."""
        return self.plan.question


class Engine:
    """Owns one loaded index and embedder; safe to share between app sessions."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or for_settings(settings)
        self.queries = CachedQueries(self.embedder)  # a rerun or repeated question is not embedded again
        self._index: store.Index | None = None
        self._intents: Intents | None = None
        self._rejected: Path | None = None  # a generation that failed to load, not retried
        self._lock = threading.Lock()

    @property
    def index(self) -> store.Index:
        """The loaded index (loaded and checked on first use)."""
        with self._lock:
            if self._index is None:
                wanted = indexing.index_settings(self.settings, self.embedder)
                self._index = store.load(self.settings.index, wanted)
            return self._index

    @property
    def intents(self) -> Intents:
        """The example questions per intent, embedded on first use."""
        if self._intents is None:
            self._intents = Intents(self.embedder.embed)
        return self._intents

    def refresh(self) -> bool:
        """Move to the index a newer build has switched to; True when it did (a bad one is not taken)."""
        with self._lock:
            loaded = self._index
            current = store.current_generation(self.settings.index)
            if (
                loaded is None
                or current is None
                or current.resolve() in (loaded.path.resolve(), self._rejected)
            ):
                return False
            try:
                fresh = store.load(self.settings.index, indexing.index_settings(self.settings, self.embedder))
            except BotError:
                self._rejected = current.resolve()  # tried once; the next build will name a new one
                return False  # keep answering from the index loaded until a usable one is built
            prepare(fresh)
            self._index = fresh
            return True

    def warm(self) -> None:
        """Load the index, the model and the intent examples now (the first question is then as fast)."""
        prepare(self.index)
        self.embedder.embed(["warm up"])
        self.intents  # noqa: B018 - embeds the examples once

    def document(self, source: str) -> Document | None:
        """One indexed document by its source path."""
        return self.index.documents.get(source)

    def plan(
        self,
        question: str,
        filters: retrieval.Filters | None = None,
        history: list[str | Turn] | None = None,
        index: store.Index | None = None,
    ) -> tuple[Plan, np.ndarray]:
        """Read the question once: its scope, what it wants, the answer it expects; and its vector."""
        question = clean_question(question, self.settings.max_question_chars)
        index = index or self.index
        reading = interpret(question, history or [])
        reading = spelling.respell(reading, index.derived("spelling", _spelling))
        # "Sept 22" is a report's year, "25hr" 25 hours
        reading = dataclasses.replace(reading, query=units_apart(full_years(reading.query)))
        allowed = retrieval.admitted_sources(index, filters or retrieval.Filters())
        return plan_mod.read(question, reading, index, allowed, self.queries.embed, self.intents)

    def search(
        self,
        question: str,
        k: int | None = None,
        filters: retrieval.Filters | None = None,
        history: list[str | Turn] | None = None,
    ) -> Searched:
        """Plan the question, then hybrid search within its scope and the user's filters."""
        started = time.perf_counter()
        self.refresh()
        index = self.index
        plan, vector = self.plan(question, filters, history, index)
        hits = self._retrieve(plan, vector, index, k or self.settings.k)
        return Searched(plan, hits, vector, (time.perf_counter() - started) * 1000, index)

    def scoring_vector(self, found: Searched) -> np.ndarray:
        """The vector a question's sentences are scored against (the topic with its subject words), made
        when an answer first needs it: a search alone does not."""
        if found.scoring is None:
            found.scoring = plan_mod.with_subject(
                found.vector, found.plan.search_text, found.index, self.queries.embed
            )
        return found.scoring

    def _retrieve(self, plan: Plan, vector: np.ndarray, index: store.Index, k: int) -> list[Hit]:
        if plan.scope.outside is not None or not _has_words(plan.query):
            return []
        hits = retrieval.search(
            index,
            vector,
            plan.search_text,
            k,
            plan.sources,
            self.settings.rrf_k,
            plan.related,
            self.settings.sentence_weight,
        )
        sources = plan.sources
        if plan.wants == "grade" and sources and len(sources) <= FEW_REPORTS:
            # A judgement table can sit in a chunk whose prose outweighs it: a grade question about
            # a few named reports always sees their graded rows.
            hits = retrieval.with_chunks_where(index, hits, sources, answering.states_grade, vector)
        if plan.kind and hits:
            # Such statements are few and short, and the model hardly relates "looking for next" to "I
            # will be interested to see": the chunks that hold them are searched too.
            hits = retrieval.with_chunks_where(index, hits, sources, plan.kind, vector, 3)
        return hits

    def ask(
        self,
        question: str,
        k: int | None = None,
        filters: retrieval.Filters | None = None,
        history: list[str | Turn] | None = None,
    ) -> Answer:
        """An extractive answer whose every sentence is a cited quote, or a refusal with its reason."""
        started = time.perf_counter()
        found = self.search(question, k, filters, history)
        return self.respond(found, filters, started)

    def respond(self, found: Searched, filters: retrieval.Filters | None, started: float) -> Answer:
        """The extractive answer to a searched question, timed from started (a perf_counter reading)."""
        retrieved = time.perf_counter()
        answer = self._compose(found, filters)
        done = time.perf_counter()
        timings = {
            "retrieve": (retrieved - started) * 1000,
            "compose": (done - retrieved) * 1000,
            "total": (done - started) * 1000,
        }
        read = " ".join(filter(None, [found.plan.note, answer.interpreted_as, found.plan.describe()]))
        return _with(answer, timings_ms=timings, interpreted_as=read, receipt=receipts.receipt(found.index))

    def _compose(self, found: Searched, filters: retrieval.Filters | None) -> Answer:
        """One small function per kind of plan."""
        plan = found.plan
        if plan.scope.outside:
            return self._refuse(found, f"Outside these sources: {plan.scope.outside}.", [])
        if not _has_words(plan.query):
            return self._refuse(found, "The question has no words to search for.", [])
        if asking.asks_advice(found.question):
            nearest = (
                sorted(self.evidence(found), key=lambda e: -e.score)[: refusals.NEAREST] if found.hits else []
            )
            return self._refuse(found, ADVICE, nearest)
        if plan.wants == "field":
            return self._from_record(found)
        if plan.wants == "across":
            listed = self._from_records(found)
            if listed is not None:
                return listed
        if plan.wants == "catalogue":
            return self._listed(found, report_lists.catalogue(plan, found.index))
        if plan.wants == "roles":
            return self._listed(found, inspector_roles.roles(found.index, plan.scope.organisations))
        if plan.wants == "compare":
            return self._compare(found)
        if plan.wants == "history":
            told = self._over_time(found)
            if told is not None:
                return told
        premise = premises.false_grade(found.question, plan, found.index)
        if premise is not None:
            return refusals.false_premise(found, premise)
        if (
            plan.wants == "grade"
            and not (plan.scope.organisations or plan.scope.years)
            and _organisations_in_scope(found) > 1
        ):
            # "ofsted rating?" over many councils' reports: whose grade is asked is not said
            return self._refuse(found, fact_answers.NAME_A_REPORT, [])
        ungraded = refusals.area_not_graded(found) if plan.wants == "grade" else ""
        if ungraded:
            return self._refuse(found, ungraded, [])
        if not found.hits:
            why = "No passage matches the question" + (" within the chosen filters." if filters else ".")
            return self._refuse(found, why, [])
        if plan.wants == "gist":
            return self._summarise(found)
        return self._from_passages(found)

    def _from_record(self, found: Searched) -> Answer:
        """A question about a report's facts, answered by the span of its record that states it."""
        index = found.index
        vector = self.scoring_vector(found)
        result = fact_answers.answer(found.plan, index, vector, self.settings.min_report_evidence)
        plan = found.plan
        if result.reason and plan.field == "findings" and _asks_what_is_wrong(found):
            return self._summarise(found)  # "any weaknesses?" of a report listing none: those it voices
        if result.reason and plan.field == "findings" and found.hits:
            return self._from_passages(found)  # no listed finding is about it: what the report says instead
        if result.reason:
            return self._refuse(found, result.reason, [])
        citations = answering.cite_facts(index.documents, result.facts)
        notes = result.missing + refusals.newer_reports(index.documents, {c.source for c in citations})
        answer = Answer(found.question, answering.compose(citations), tuple(citations), notes=notes)
        return _with(answer, interpreted_as=result.note)

    def _from_records(self, found: Searched) -> Answer | None:
        """A question across reports ("which councils were rated inadequate?"), answered from every report's
        record, each item quoting its organisation, dates and judgement; None when no report states grades."""
        listing = report_lists.answer(found.plan, found.index)
        return self._listed(found, listing) if listing.graded else None

    def _listed(self, found: Searched, listing: report_lists.Listing) -> Answer:
        """A list of reports from their records, each item citing the facts that say why it is listed."""
        index = found.index
        if listing.reason:
            return self._refuse(found, listing.reason, [])
        citations = answering.cite_facts(
            index.documents, [(s, f) for s, facts in listing.items for f in facts]
        )
        answer = Answer(found.question, answering.compose(citations), tuple(citations))
        return _with(answer, interpreted_as=listing.note)

    def _compare(self, found: Searched) -> Answer:
        """The reports named side by side: on the question's subject, or on their grades if it names none."""
        index = found.index
        chosen = comparisons.reports(found.plan, index.documents)
        topic = comparisons.subject(found.plan, index)
        if topic:
            table = comparisons.by_subject(
                chosen, comparisons.label(topic), lambda s: self._best_in(found, s)
            )
        else:
            table = comparisons.by_grades(index, chosen)
        citations, shaped = comparisons.cited(table, index.documents)
        if not citations:
            return self._refuse(found, "None of the reports compared says anything that answers this.", [])
        answer = Answer(found.question, answering.compose(citations), tuple(citations), table=shaped)
        return _with(answer, interpreted_as=comparisons.note(table, topic))

    def _best_in(self, found: Searched, source: str) -> answering.Evidence | None:
        """One report's best sentence about the question's subject, if it clears the answer bar (a cell is
        either an answer from that report or 'not covered')."""
        plan = dataclasses.replace(found.plan, sources={source})
        hits = self._retrieve(plan, found.vector, found.index, self.settings.k)
        scored = [
            e
            for e in self.evidence(
                Searched(plan, hits, found.vector, 0.0, found.index, self.scoring_vector(found))
            )
            if e.source == source
        ]
        best = max(scored, key=lambda e: e.score, default=None)
        return best if best is not None and best.score >= self.settings.min_evidence else None

    def _over_time(self, found: Searched) -> Answer | None:
        """How an organisation's grades moved: its graded reports oldest first, each judgement cited, and the
        timeline; None when no report in scope states grades."""
        index = found.index
        listing, timeline = report_lists.history(found.plan, index)
        if not listing.graded:
            return None
        if listing.reason:
            return self._refuse(found, listing.reason, [])
        facts = [(s, f) for s, facts in listing.items for f in facts]
        newest = [(s, f) for s, f in facts if s == timeline[-1]["source"]][-1:]  # its judgement row
        if newest and refusals.since_the_newest_grade(found, timeline):  # a list cut short may leave it out
            (cited,) = answering.cite_facts(index.documents, newest)
            return refusals.contradicted(found, next_steps.NOTHING_AFTER, cited)
        citations = answering.cite_facts(index.documents, facts)
        answer = Answer(found.question, answering.compose(citations), tuple(citations), timeline=timeline)
        return _with(answer, interpreted_as=listing.note)

    def _from_passages(self, found: Searched) -> Answer:
        """The best sentences of the retrieved passages, or a refusal saying what they lack."""
        plan = found.plan
        scored = self.evidence(found)
        findings = selection.findings(plan, found.index, scored, found.question)
        evidence = selection.giving(plan, found.index, found.question, findings)
        # With no year named, the newest report (of each kind) answers, not an older one in its place: what
        # an older report said is not what holds now ("how many UASC are in care now?").
        newest = report_order.newest_of_each_kind(found.index.documents, plan)
        floor = answering.report_floor(self.settings.min_report_evidence, plan.expects, plan.wants)
        chosen = self._choose(evidence, newest or plan.sources, newest, floor)
        if not chosen:
            # the nearest findings: not a date line, nor the inspectorate's address
            nearest = sorted(findings, key=lambda e: -e.score)[: refusals.NEAREST]
            meant = set(newest or plan.sources or ())
            return _recorded_grade(found) or self._refuse(
                found, refusals.why_none(found, evidence, meant, newest), nearest
            )
        index = found.index
        reason = refusals.why_not_answered(found, chosen, newest or set(), self._later_silent(found, chosen))
        # a sentence of the kind a next-step question asks for is related to it by that kind
        if not reason and not plan.kind and refusals.unrelated(chosen):
            reason = refusals.WEAK
            recorded = _recorded_grade(found)  # a grade no sentence near the question states: the record's
            if recorded is not None:
                return recorded
        if reason:  # quoted as an answer would be: the plan a refusal names may be in the next sentence
            return self._refuse(found, reason, _with_next_of_best(index, chosen)[: refusals.NEAREST])
        denied = refusals.premise_denied(found, chosen)
        if denied is not None:
            return denied
        graded = _area_judgements(found) if plan.wants == "grade" else None  # the area's rows, if asked
        if graded is not None and not _states_judgement(index, chosen, graded):
            recorded = _recorded_grade(found)  # sentences grading something else
            if recorded is not None:
                return recorded
        if plan.wants == "passages":
            chosen = _with_next_of_best(index, chosen)
        chosen = answering.merged(
            [
                answering.with_context(index.documents[e.source], e, index.sentences_of(e.source))
                for e in chosen
            ]
        )
        ordered = answering.order(chosen)
        if graded is not None:  # the grade asked for leads, before sentences that speak of grades
            ordered.sort(key=lambda e: not _states_judgement(index, [e], graded))
        citations = [_cite(index, i + 1, ev) for i, ev in enumerate(ordered)]
        quoted = {c.source for c in citations}
        notes = refusals.newer_reports(index.documents, quoted)
        notes += refusals.newest_answered(index.documents, newest, plan.sources, quoted)
        return Answer(found.question, answering.compose(citations), tuple(citations), notes=notes)

    def _later_silent(self, found: Searched, chosen: list[answering.Evidence]) -> bool:
        """Asked whether something a report planned came about: whether the organisation's later reports of
        its kind, left out of the question's scope by the year it names, have no sentence near the question
        (had it come about, they would say so)."""
        if not chosen or not next_steps.asks_if_it_went_ahead(found.question):
            return False
        index = found.index
        best = max(chosen, key=lambda e: e.score)
        later = refusals.later_reports(index.documents, best.source) - {e.source for e in chosen}
        if not later:
            return False
        weights = answering.query_weights(
            index, found.plan.search_text, retrieval.allowed_chunks(index, later)
        )
        hits = retrieval.with_whole_reports(index, [], later)
        scored = answering.candidates(
            index, hits, self.scoring_vector(found), weights, False, None, found.plan.related
        )
        return not answering.select(scored, self.settings.min_evidence)

    def _choose(
        self,
        evidence: list[answering.Evidence],
        sources: set[str] | None,
        meant: set[str] | None,
        floor: float,
    ) -> list[answering.Evidence]:
        """The sentences that answer: above the bar, or the meant reports' best few above the floor (see
        answering.report_floor).

        The reports meant are given (the newest about an organisation), or the only one in scope, or the
        one that all the best sentences come from.
        """
        if meant is not None:
            evidence = [e for e in evidence if e.source in meant]
        chosen = answering.select(evidence, self.settings.min_evidence)
        one = answering.meant_report(evidence, sources)
        meant = meant or ({one} if one else None)
        if not chosen and meant:
            chosen = answering.best_of_reports(evidence, meant, floor)
        return chosen

    def _summarise(self, found: Searched) -> Answer:
        """The gist of the newest report in scope, saying which report it is and what else there is."""
        index = found.index
        pool = found.plan.sources if found.plan.sources is not None else set(index.documents)
        if len(pool) > FEW_REPORTS and not found.plan.scope.organisations:
            why = "The question names no subject: ask about a topic, or name an organisation or a year."
            return self._refuse(found, why, [])
        newest = sorted(pool, key=lambda s: (index.documents[s].metadata.get("date") or "", s))
        source = newest[-1]
        record = index.records.get(source)
        # an area SEND report's outcome stands where a graded report's overall judgement does
        judged = (record.overall() or record.outcome()) if record else None
        overall = (judged.start, judged.end) if judged else None
        chosen = answering.summary(
            index.documents[source],
            index.sentences_of(source),
            overall,
            lambda start, end: index.is_boilerplate(source, start, end),
            asking.gist_leaning(found.question),
        )
        if not chosen:
            return self._refuse(found, "The report has no summary to quote.", [])
        citations = [_cite(index, i + 1, ev) for i, ev in enumerate(chosen)]
        doc = index.documents[source]
        note = f"Read as a request for the gist of {doc.title} ({doc.metadata.get('date') or 'undated'})"
        others = len(newest) - 1
        if others:
            note += f"; {others} other report{'s' if others > 1 else ''} in scope: name a year to see another"
        notes = refusals.newer_reports(index.documents, {source})
        answer = Answer(found.question, answering.compose(citations), tuple(citations), notes=notes)
        return _with(answer, interpreted_as=note + ".")

    def evidence(self, found: Searched) -> list[answering.Evidence]:
        """Every sentence of the retrieved passages (of the whole report when it is clear), scored as an
        answer to the question."""
        index, plan = found.index, found.plan
        among = retrieval.allowed_chunks(index, plan.sources)
        if plan.kind:
            weights = answering.query_weights(index, plan.search_text, among, next_steps.NEXT_WORDS)
            return answering.candidates(
                index, found.hits, self.scoring_vector(found), weights, False, plan.kind, plan.related
            )
        grade_q = plan.wants == "grade"
        if grade_q:
            weights = answering.grade_weights(index, plan.topic, among, plan.sources)
        else:
            weights = answering.query_weights(index, plan.search_text, among)
        hits = found.hits
        meant = report_order.reports_meant(index.documents, plan)
        if hits and plan.wants == "passages" and meant and len(meant) <= WHOLE_REPORTS:
            # When the report is clear, the sentence that answers may sit in a passage the question's
            # everyday words did not rank: every sentence of it is scored (a few hundred stored vectors).
            hits = retrieval.with_whole_reports(index, hits, meant)
        return answering.candidates(
            index, hits, self.scoring_vector(found), weights, grade_q, None, plan.related, plan.asks_change
        )

    def _refuse(self, found: Searched, reason: str, nearest: list[answering.Evidence]) -> Answer:
        index = found.index
        citations = tuple(_cite(index, i + 1, ev, "not an answer") for i, ev in enumerate(nearest))
        text = f"{answering.CANNOT_ANSWER} {reason} {self.coverage()}"
        return Answer(found.question, text, citations, refused=True, reason=reason)

    def turn(self, question: str, quoted: list[str]) -> Turn:
        """A conversation turn: the question, the year of the report its answer quoted first, and the
        organisations it quoted when they are one or two (a list across many sets no follow-up's scope)."""
        doc = self.index.documents.get(quoted[0]) if quoted else None
        year = report_year(doc.metadata) if doc else None
        docs = [self.index.documents[s] for s in quoted if s in self.index.documents]
        organisations = tuple(dict.fromkeys(d.metadata.get("organisation") or "" for d in docs))
        about = organisations if "" not in organisations and len(organisations) <= FOLLOWED else ()
        return Turn(question, (year,) if year else (), about)

    def coverage(self) -> str:
        """One sentence saying what the corpus covers."""
        orgs: dict[str, set[str]] = {}
        for doc in self.index.documents.values():
            org = doc.metadata.get("organisation") or doc.title
            orgs.setdefault(org, set()).add((doc.metadata.get("date") or "")[:4])
        parts = [
            f"{org} ({', '.join(sorted(y for y in years if y)) or 'undated'})" for org, years in orgs.items()
        ]
        shown = "; ".join(sorted(parts)[:12]) + ("; …" if len(parts) > 12 else "")
        count = len(self.index.documents)
        return f"These sources cover {count} document{'s' if count != 1 else ''}: {shown}."


def _organisations_in_scope(found: Searched) -> int:
    """How many organisations the reports in the question's scope are about."""
    docs = found.index.documents
    sources = found.plan.sources if found.plan.sources is not None else docs
    return len({docs[s].metadata.get("organisation") or s for s in sources})


def _spelling(index: store.Index) -> spelling.Spelling:
    """The corpus's spelling, less the words the model knows (which are words, not slips)."""
    return spelling.of_index(index, model_words() | names.short_forms())


def prepare(index: store.Index) -> None:
    """Work out once what questions look up in the whole index: boilerplate, graded and next-step chunks,
    the initials acronyms are spelt out from and the words slips are put right to."""
    index.recurring()
    index.derived("initials", plan_mod.corpus_initials)
    index.derived("spelling", _spelling)
    for wanted in (answering.states_grade, *next_steps.UNSTATED):
        index.chunks_where(wanted)


def _with_next_of_best(index: store.Index, chosen: list[answering.Evidence]) -> list[answering.Evidence]:
    """The best QUOTED_ON quotes run on to the next sentence on their line: a finding's next sentence often
    says what it rests on or leads to, and the answer then holds the sentence that answers."""
    best = sorted(chosen, key=lambda e: -e.score)[:QUOTED_ON]
    return [
        answering.with_next(index.documents[e.source], e, index.sentences_of(e.source)) if e in best else e
        for e in chosen
    ]


def _cite(index: store.Index, n: int, ev: answering.Evidence, support: str = "verbatim") -> Citation:
    return answering.cite(n, index.documents[ev.source], ev, support)


def _recorded_grade(found: Searched) -> Answer | None:
    """A grade question no passage answered, from the records of the newest graded reports in scope: how an
    area SEND inspection came out, asked without naming a grade ("dorset send inspection result", "did the
    partnership do well?"), else each report's judgement of the area asked (the overall one when none is
    named: the older framework's "Children's services in Derby are good" names no "overall")."""
    plan, index = found.plan, found.index
    if plan.wants != "grade" or plan.sources is None:
        return None
    records = _newest_records(found)
    # an area SEND report gives only its outcome: "did it get a good report?" is answered by it too, but
    # not "what grade did it get - good, RI?", which asks for a grade the framework does not give
    only_outcomes = (
        bool(records)
        and all(r.outcome() and len(r.judgements) == 1 for _, r in records)
        and not asking.names_grading(plan.query)
    )
    facts = (
        [(s, j) for s, r in records if (j := r.outcome())]
        if only_outcomes or not grades_asked(plan.topic)
        else []
    )
    notes: tuple[str, ...] = ()
    if not facts:
        wanted = report_lists.area_tokens(index, plan.topic)
        facts = [(s, j) for s, r in records if (j := report_lists.best_judgement(index, r, wanted))]
        if not facts and not wanted:
            # a report that gives no overall grade (the 2026 framework's) came out as each area's judgement;
            # an area SEND report gives an outcome, not the grade asked for
            facts = [(s, j) for s, r in records if r.outcome() is None for j in r.judgements]
            notes = (NO_OVERALL,) if facts else ()
    if not facts or len({s for s, _ in facts}) > FEW_REPORTS:
        return None
    citations = answering.cite_facts(index.documents, facts)
    notes += tuple(refusals.newer_reports(index.documents, {s for s, _ in facts}))
    return Answer(found.question, answering.compose(citations), tuple(citations), notes=notes)


NO_OVERALL = "The report gives no overall effectiveness grade; these are its judgements of each area."


def _states_judgement(
    index: store.Index, chosen: list[answering.Evidence], asked: list[tuple[str, Judgement]] | None = None
) -> bool:
    """Whether a chosen sentence states a judgement its report's record holds (a grade-table row); of the
    area asked about, when the question names one its reports grade (asked)."""
    if asked:
        return any(e.source == s and e.start <= j.start < e.end for e in chosen for s, j in asked)
    return any(
        e.source in index.records and index.records[e.source].judged_in(e.start, e.end) for e in chosen
    )


def _area_judgements(found: Searched) -> list[tuple[str, Judgement]]:
    """The judgements of the area a grade question names ("leadership"), in the newest graded reports in
    scope: [] when it names none, so any judgement row answers ("what did they get?")."""
    index = found.index
    wanted = report_lists.area_tokens(index, found.plan.topic)
    if not wanted:
        return []
    return [(s, j) for s, r in _newest_records(found) if (j := report_lists.best_judgement(index, r, wanted))]


def _newest_records(found: Searched) -> list[tuple[str, Record]]:
    """The records of each organisation's newest graded report in scope ([] when the scope is all)."""
    index, sources = found.index, found.plan.sources
    if sources is None:
        return []
    newest = report_order.newest_graded(index.documents, index.records, sources) or set()
    return [(s, index.records[s]) for s in sorted(newest) if s in index.records]


def _has_words(text: str) -> bool:
    return re.search(r"[^\W_]{2,}", text) is not None


def _asks_what_is_wrong(found: Searched) -> bool:
    """Whether a question names no subject and asks only what is wrong ("WMP - any weaknesses?")."""
    topic = found.plan.topic
    return asking.gist_leaning(topic) == "wrong" and asks_for_summary(found.index, topic)


def _with(answer: Answer, **changes: object) -> Answer:
    from dataclasses import replace

    return replace(answer, **changes)
