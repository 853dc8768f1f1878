"""The question plan: one step reads a question into its scope, what it wants and what answer it expects."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot import acronyms, names, neighbours, next_steps, scope, terms
from bot.asking import (
    after_story,
    areas_set_against,
    asking_part,
    asks_across,
    asks_comparison,
    asks_over_time,
    asks_progress,
    asks_which_inspected,
    dashed_ask,
    dated_extreme,
    grades_named,
    grades_spelt_out,
    is_grade_question,
    last_ask,
    without_verdicts,
)
from bot.conversation import Interpretation
from bot.embedding.weights import model_words
from bot.findings import without_outcome
from bot.records import Record
from bot.report_order import newest_graded, report_date
from bot.scope import only_people
from bot.store import Index
from bot.subjects import (
    NAMING_NO_SUBJECT,
    SERVICE_NOUNS,
    asks_about_grades,
    asks_catalogue,
    asks_for_grade,
    asks_for_summary,
    asks_which_changed,
    asks_who_made,
    nothing_but,
    report_subject,
    subject_words,
)
from bot.wording import (
    ANSWER_KINDS,
    ASKS_WHO,
    BARE_ASK,
    BY_THE_REPORT,
    CHANGING_COUNT,
    CHILDREN_ALIKE,
    CHOICE_OF_THINGS,
    COUNCIL_ROLE,
    DEPUTY,
    FACT_SHORTHAND,
    FIELD_CUES,
    INSPECTION_NAMED,
    INSPECTION_SHORTHAND,
    INSPECTION_WORDS,
    INSPECTORATE_JUDGING,
    INSPECTORATE_WORDS,
    INTENT_EXAMPLES,
    LEAD_IN_LABEL,
    MAKER_NAMED,
    MAKING_A_REPORT,
    OF_THE_INSPECTION,
    OUTCOME_VERBS,
    PARTS_OF_A_QUESTION,
    POINTING_BACK,
    POLAR,
    REASON_ASKED,
    REPORT_BY_ITS_DATE,
    ROLE_ASKED,
    SAID_ABOUT_HOW,
    SAYS_FIGURE,
    SECOND_ASK,
    SETTING_AFTER,
    SETTING_CLAUSE,
    SUMMARY_WORDS,
    WEIGHED_AMOUNT,
    WHO_SPOKEN_OF,
)

# A question is about a report's facts when its nearest example is one of theirs, this close in meaning,
# and nearer than any example of a question about findings by the margin (chosen on the tune halves).
INTENT_MIN = 0.35
INTENT_MARGIN = 0.03
# A findings reading falls back to passages when no listed finding is about the question's subject, so a
# close call costs little: it may trail the passages examples by this much.
FINDINGS_MARGIN = -0.05
_ASKS = {kind: re.compile(cue, re.I) for kind, (cue, _) in ANSWER_KINDS.items()}
_SECOND_ASK = re.compile(SECOND_ASK, re.I)
_POLAR = re.compile(POLAR, re.I)
_LEAD_IN = re.compile(LEAD_IN_LABEL, re.I)
_CHOICE = re.compile(CHOICE_OF_THINGS, re.I)
_BARE_ASK = re.compile(BARE_ASK, re.I)
_SAYS_FIGURE = re.compile(SAYS_FIGURE, re.I)
_CHANGING_COUNT = re.compile(CHANGING_COUNT, re.I)
_REASON = re.compile(REASON_ASKED, re.I)
_WEIGHED = re.compile(WEIGHED_AMOUNT, re.I)
_SAID_ABOUT_HOW = re.compile(SAID_ABOUT_HOW, re.I)
# in capitals only: "Li" may be a name
_FACT_SHORTHAND = re.compile(rf"\b({'|'.join(FACT_SHORTHAND).upper()})\b")
_INSPECTION_SHORTHAND = re.compile(INSPECTION_SHORTHAND, re.I)
_CUES = {name: re.compile(cue, re.I) for name, cue in FIELD_CUES.items()}
_SETTING = re.compile(SETTING_CLAUSE, re.I)
_SETTING_AFTER = re.compile(SETTING_AFTER, re.I)
_OF_INSPECTION = re.compile(OF_THE_INSPECTION, re.I)
_BY_THE_REPORT = re.compile(BY_THE_REPORT, re.I)
# A question naming nothing but its report that asks who ("who did the Ofsted report on X?") asks who made
# it: the one person a report states about itself is its lead inspector.
_WHO = re.compile(ASKS_WHO, re.I)
_DEPUTY = re.compile(DEPUTY, re.I)
_PARTS = re.compile(PARTS_OF_A_QUESTION)
_FIELD_PARTS = re.compile(r"\s+(?:and|&)\s+|[,;?]|\s[-–—]\s", re.I)
_WHEN_WORD = re.compile(r"\bwhen\b", re.I)
_INSPECTION_NAMED = re.compile(INSPECTION_NAMED, re.I)
_MAKER_NAMED = re.compile(MAKER_NAMED, re.I)
_WHO_SPOKEN_OF = re.compile(WHO_SPOKEN_OF, re.I)
_COUNCIL_ROLE = re.compile(COUNCIL_ROLE, re.I)
_REPORT_BY_ITS_DATE = re.compile(REPORT_BY_ITS_DATE, re.I)
_BACK = re.compile(POINTING_BACK, re.I)
_INSPECTED = re.compile(INSPECTION_WORDS, re.I)
_INSPECTORATE_JUDGING = re.compile(INSPECTORATE_JUDGING, re.I)
_ROLE = re.compile(ROLE_ASKED, re.I)
FIELD_NAMES = {
    "lead_inspector": "who led it",
    "inspection_dates": "when the inspection took place",
    "published": "when the report was published",
    "organisation": "which organisation it is about",
    "report_type": "what kind of report it is",
    "previous_inspection": "when the previous inspection took place",
    "inspectorate": "which inspectorate inspected and published it",
    "findings": "what it says needs to improve",
}

ANSWER_NAMES = {
    "person": "a person's name",
    "place": "a place's name",
    "count": "a number",
    "duration": "a length of time",
    "money": "an amount of money",
    "percent": "a proportion",
    "age": "an age",
    "date": "a date",
    "contact": "contact details",
    "rank": "a ranking",
}


Related = neighbours.Related
Near = dict[str, list[tuple[str, float]]]  # a word -> the corpus words nearest it, with their similarity


@dataclass(frozen=True)
class Plan:
    """How a question is read: which reports, what it wants, and what kind of answer it expects."""

    question: str  # as asked, cleaned
    query: str  # as read with the conversation before it
    scope: scope.Scope
    sources: set[str] | None  # the documents it may be answered from (None: all)
    topic: str  # the words to search: the query less the names and dates that only set the scope
    # "field", "across", "catalogue", "history", "compare", "grade", "next_step", "gist" or "passages"
    wants: str
    expects: str  # a kind of answer (ANSWER_KINDS: "count", "duration", "person" ...) or "description"
    field: str | None = None  # the record field a "field" question asks for
    kind: next_steps.Kind | None = None  # the statements that answer a "next_step" question
    note: str | None = None  # how a follow-up was read
    # each question word's stem -> stems of corpus words near it in meaning, with their similarity
    related: Related = dataclasses.field(default_factory=dict)
    searched: str = ""  # the topic with the reports' words for its terms added (empty: the topic)
    also: tuple[str, ...] = ()  # other record fields the question asks for ("who led it and when?")

    @property
    def search_text(self) -> str:
        """The words the passages are searched and weighed with."""
        return self.searched or self.topic

    @property
    def asks_change(self) -> bool:
        """Whether the question asks about a change ("has it gone down?"): sentences stating one answer it
        first."""
        return self.wants != "grade" and terms.asks_change(self.topic)

    def describe(self) -> str:
        """The plan in plain words, for ask --json and the page."""
        wants = {
            "field": f"a fact of the report: {FIELD_NAMES.get(self.field or '', self.field)}",
            "across": "a list of the reports, from their records",
            "catalogue": "the reports the sources hold, from their records",
            "roles": "every report naming the inspector, with their part in it",
            "history": "each report's judgement in date order",
            "compare": "the reports named, side by side",
            "grade": "a graded judgement",
            "next_step": "what the inspectorate will do next",
            "gist": "the gist of a report",
            "passages": "passages on the topic",
        }[self.wants]
        where = f"{len(self.sources)} report(s)" if self.sources is not None else "all reports"
        expects = f"; expects {ANSWER_NAMES[self.expects]}" if self.expects in ANSWER_NAMES else ""
        return f"Read as asking for {wants}, in {where}{expects}."


class Intents:
    """Example questions per intent, embedded once; a question's intent is its nearest examples'."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray]) -> None:
        self.names = [name for name, examples in INTENT_EXAMPLES.items() for _ in examples]
        self.vectors = embed([e for examples in INTENT_EXAMPLES.values() for e in examples])

    def field(self, question: str, vector: np.ndarray, whole: str = "") -> str | None:
        """The record field a question asks for, or None for a question about findings (or a figure); of a
        part of a question, the cues are looked for in the whole one."""
        kind = expects(question)
        if kind not in ("description", "person", "place", "duration", "date"):
            return None  # "how many children were in care when Ofsted came?" asks for a count, not a date
        best = self.nearest(vector)
        topic = best.pop("passages")
        # in the sentences that ask, too: "Our flat has mould. Did Ofsted say anything when it reported?"
        asked = _SETTING_AFTER.sub("", _SETTING.sub("", asking_part(whole or question)))
        # the kind of report is asked in its names, which the topic leaves out ("is it an ILACS?")
        cued = {
            name: score
            for name, score in best.items()
            if _CUES[name].search(whole if name == "report_type" and whole else question)
            and _CUES[name].search(asked)
        }
        if kind == "duration":  # "how long did the inspection last?": its dates say; any other length not,
            # nor a length asked of something else "according to the 2014 inspection" (a care case's)
            inspected = _OF_INSPECTION.search(_BY_THE_REPORT.sub(" ", whole or question))
            cued = {name: score for name, score in cued.items() if name == "inspection_dates" and inspected}
        if kind == "person" or _INSPECTORATE_JUDGING.search(asked):
            # "which inspector led for that regulator?" asks for a person, "what did the watchdog conclude?"
            # for its findings: not which body it was
            cued.pop("inspectorate", None)
        if "previous_inspection" in cued:  # "when was it inspected before this one?": not this one's dates
            cued.pop("inspection_dates", None)
            cued.pop("organisation", None)  # "when had the council last been inspected?" asks no place
        if not cued:
            return None
        name, score = max(cued.items(), key=lambda item: item[1])
        margin = FINDINGS_MARGIN if name == "findings" else INTENT_MARGIN
        return name if score >= INTENT_MIN and score >= topic + margin else None

    def nearest(self, vector: np.ndarray) -> dict[str, float]:
        """Each intent's best similarity between the question and its examples."""
        best: dict[str, float] = {}
        for name, sim in zip(self.names, self.vectors @ vector):
            best[name] = max(best.get(name, -1.0), float(sim))
        return best


def read(
    question: str,
    reading: Interpretation,
    index: Index,
    allowed: set[str] | None,
    embed: Callable[[list[str]], np.ndarray],
    intents: Intents,
) -> tuple[Plan, np.ndarray]:
    """The plan of a question (as read with the conversation), and its topic's vector.

    allowed: the documents the user's filters admit (None: all).
    """
    # "the inspection that came out in Feb 2024" is the inspection of Feb 2024: which report, not when it
    # came out
    query = _REPORT_BY_ITS_DATE.sub(r"\g<noun>", reading.query)
    # "lambeth 2022 LI?": the shorthand for a report's fact written out
    query = _FACT_SHORTHAND.sub(lambda m: f"{FACT_SHORTHAND[m.group(0).lower()]} {m.group(0)}", query)
    query = _INSPECTION_SHORTHAND.sub(_inspection_written_out, query)
    query = grades_spelt_out(query)  # "rated below good": "rated requires improvement or inadequate"
    reading = dataclasses.replace(reading, query=query)
    asked = _near(reading.query, index, embed)
    near_words = " ".join(n for found in asked.values() for n, _ in found)
    found = scope.resolve(
        reading.query, index.documents, index.knows, near_words, overall_grades(index), lead_inspectors(index)
    )
    sources = _intersect(found.sources, allowed)
    # Within the documents the question names, their names no longer discriminate: search the topic.
    as_asked = found.topic or reading.query
    topic = spell_out(as_asked, reading.query, index)
    vector, related = _embed(topic, index, embed, asked)
    # the cues are read as asked: "which HMI" spelt out is "which her majesty's inspectors HMI"
    field = _field_asked(reading.query, found, as_asked, vector, intents, embed)
    # "left care" is searched as the reports' "care leavers" too; the topic as asked says what it asks for
    # (a report's fact, a comparison's column)
    searched = f"{topic} {terms.reports_words(topic)}".strip()
    if searched != topic:
        vector, related = _embed(searched, index, embed, asked)
    field, wanted, sources = _what_is_wanted(question, reading.query, found, topic, field, sources, index)
    told = _asked_after_story(reading.query, found, index) if (wanted, field) == ("passages", None) else None
    if told is not None:
        # "my son has an ehcp in durham, how did the area do?": the part that asks says what is wanted; a
        # gist only when it asks about the inspection ("what went wrong?" asks of the story)
        retold = _what_is_wanted(question, reading.query, found, told, field, sources, index)
        # ... or the grades over time ("... has the grade gone up with each one?")
        if retold[1] in ("grade", "history") or (retold[1] == "gist" and _INSPECTED.search(told)):
            topic, (field, wanted, sources) = told, retold
    kind = next_steps.kind_of_answer(topic) if wanted == "next_step" else None
    answer = expects(reading.query)
    also = _other_fields(reading.query, found, field, intents, embed) if wanted == "field" else ()
    plan = Plan(
        question,
        reading.query,
        found,
        sources,
        topic,
        wanted,
        answer,
        field,
        kind,
        reading.note,
        related,
        searched,
        also,
    )
    return plan, vector


def _inspection_written_out(match: re.Match[str]) -> str:
    """ "insp" written out: the inspector after "lead", else the inspection (its plural kept)."""
    if match.group("lead"):
        return f"{match.group('lead')}inspector"
    return "inspections" if match.group(0).lower().endswith("s") else "inspection"


def overall_grades(index: Index) -> dict[str, str]:
    """Each report's overall grade as its record states it (reports stating none left out)."""
    return index.derived("overall_grades", _overall_grades)


def _overall_grades(index: Index) -> dict[str, str]:
    return {s: j.grade.lower() for s, r in index.records.items() if (j := r.overall()) is not None}


def lead_inspectors(index: Index) -> dict[str, set[str]]:
    """The reports each lead inspector led, as the records name them (the catalog names fewer)."""
    return index.derived("lead_inspectors", _lead_inspectors)


def _lead_inspectors(index: Index) -> dict[str, set[str]]:
    led: dict[str, set[str]] = {}
    for source, record in index.records.items():
        if record.lead_inspector and isinstance(record.lead_inspector.value, str):
            led.setdefault(record.lead_inspector.value, set()).add(source)
    return led


def _other_fields(
    query: str,
    found: scope.Scope,
    field: str | None,
    intents: Intents,
    embed: Callable[[list[str]], np.ndarray],
) -> tuple[str, ...]:
    """The record fields the other parts of a question ask for besides field ("who led the Barset
    inspection and when was it published?"), each read as a question of its own."""
    if field in (None, "findings"):
        return ()
    parts = [p.strip() for p in _FIELD_PARTS.split(query)]
    others: list[str] = []
    for part in parts if len(parts) > 1 else ():
        topic = scope.topic_of(part, found.organisations)
        if len(topic.split()) < 2:
            continue  # "... and when?" says too little to tell which date
        other = _field_asked(part, found, topic, embed([topic])[0], intents, embed)
        if other not in (None, field, "findings", "organisation", *others):
            others.append(other)
    return tuple(others)


def _field_asked(
    query: str,
    found: scope.Scope,
    topic: str,
    vector: np.ndarray,
    intents: Intents,
    embed: Callable[[list[str]], np.ndarray],
) -> str | None:
    """The report fact a question asks for, read from the part of it that asks (None: none)."""
    if found.outside is not None:
        return None
    field = intents.field(topic, vector, query)
    ask = last_ask(query)
    ask = dashed_ask(query) if ask == query else ask
    asked_before = query.rsplit(ask, 1)[0]
    if field is not None and _BARE_ASK.match(ask) and "?" in asked_before:
        # "did they open the hub? what date?" asks the date of what the question before it asks about
        before = scope.topic_of(asked_before, found.organisations)
        field = intents.field(before, embed([before])[0])
    if field is None and found.about_report not in ("", found.topic):
        # the reference to the report the topic leaves out may be what is asked about ("the last inspection")
        field = intents.field(found.about_report, embed([found.about_report])[0], query)
    # "durham ILACS 2022 - when?", "barset 2019 inspection: who?": a report named, and a bare ask of it
    bare = bool(found.sources) and bool(_BARE_ASK.match(_INSPECTED.sub(" ", topic)))
    if field is None and bare:
        field = intents.field(f"{topic} inspection", embed([f"{topic} inspection"])[0])
    if field is None and ask != query and not (_POLAR.match(ask) or _BARE_ASK.match(ask)):
        # "My son has SEND and I've been reading the Oxfordshire report. Who was the lead inspector?":
        # what is asked is in the question's own sentence, not the story before it (less the words naming
        # the kind of report, as the topic is: "who led the council's most recent children's services
        # inspection?")
        ask_topic = scope.topic_of(ask, found.organisations, found.kind_words)
        field = intents.field(ask_topic, embed([ask_topic])[0])
    if field == "findings" and asks_progress(query):
        return None  # "has it addressed the weaknesses found last time?" asks what was done, not the list
    if field == "organisation" and found.organisations:
        return None  # a question naming the organisation does not ask which it is ("which borough ...?")
    if field == "inspection_dates" and next_steps.asks_if_it_came_about(query):
        return None  # "did the hub open in the end? when did it open?" asks when the hub opened
    if field == "inspection_dates" and not (bare or _of_the_inspection(query, _WHEN_WORD, _INSPECTION_NAMED)):
        return None  # "when did Barset bring in its practice leads, per Ofsted's report?" asks when they came
    if field == "lead_inspector" and not (bare or _of_the_inspection(query, _WHO, _MAKER_NAMED)):
        return None  # "who ordered the review that exposed problems, per Ofsted?" asks who ordered it
    # (a role in the story before the question tells who asks: "I'm a councillor in Barset. Who led ...?")
    if field == "lead_inspector" and (
        _WHO_SPOKEN_OF.search(query) or _COUNCIL_ROLE.search(asking_part(query))
    ):
        # "who did the report say was waiting longest?", "who runs Barset's children's services?" ask for
        # someone it speaks of
        return None
    return field


def _of_the_inspection(query: str, asking: re.Pattern[str], named: re.Pattern[str]) -> bool:
    """Whether a question asking when (or who) asks when the inspection was (or who made it): its part
    asking names it ("when did Ofsted go in", "who was the LI"); one without the word asks in other words
    ("inspection dates?", "which HMI led it?")."""
    every = _PARTS.split(query)
    parts = [p for p in every if asking.search(p)]
    if not parts or any(named.search(part) for part in parts):
        return True
    # "the inspection before last - when did that take place?": the part it points back to names it
    return any(_BACK.search(p) for p in parts) and any(_INSPECTED.search(p) for p in every if p not in parts)


def _what_is_wanted(
    question: str,
    query: str,
    found: scope.Scope,
    topic: str,
    field: str | None,
    sources: set[str] | None,
    index: Index,
) -> tuple[str | None, str, set[str] | None]:
    """(the field asked, what is wanted, the documents to answer from): a fact, a list across reports, a
    comparison, a history, a grade (of the newest graded report when no year is named) or passages."""
    across = not found.organisations and (
        asks_across(query) or bool(asks_which_changed(index, query, topic)) or bool(areas_set_against(query))
    )
    # "which councils were inspected most recently?" asks for the newest report held
    across = across and not (asks_which_inspected(query) and dated_extreme(query))
    if across and (field == "lead_inspector" or field == "organisation" and not asks_which_inspected(query)):
        # "who was rated outstanding?", "which area send inspections found widespread failings?" ask which
        # organisations: a list, not who led an inspection or whom one report is about
        field = None
    over_time = (
        bool(found.organisations) and not found.years and asks_over_time(query)
        and asks_about_grades(index, topic, found.organisations)
    )  # fmt: skip
    several = len(found.organisations) >= 2 or len(found.years) >= 2  # reports to set side by side
    if over_time and field == "inspection_dates" and grades_named(query):
        field = None  # "what year did Barset get outstanding?": when the grade was given, report by report
    wanted = wants(index, topic, sources, field, across, asking_part(question))
    # "which council has the most recent inspection?" asks which organisation only as a report held
    named_newest = field == "organisation" and dated_extreme(query) is not None
    if only_people(found.organisations, index.documents) and _ROLE.search(asking_part(query)):
        return None, "roles", None  # "in what capacities does X appear?": every report naming them
    if (
        (field is None or named_newest)
        and not across
        and asks_catalogue(index, query, topic, bool(found.organisations))
    ):
        return None, "catalogue", sources  # "how many reports do you have?", "what reports are there for X?"
    # who made it, in the words as asked: "who led for the CQC" spelt out names the commission's words
    asked = found.topic or query
    # "who runs Barset's children's services?" asks for the council's officer, not the report's maker
    person = (bool(_WHO.search(query)) or expects(query) == "person") and not _COUNCIL_ROLE.search(
        asking_part(query)
    )
    if wanted in ("gist", "passages") and person and (asks_who_made(index, asked) or _DEPUTY.search(query)):
        # the lead inspector's deputy, too ("who was second in command to X?"): the record says whether any
        field, wanted = "lead_inspector", "field"
    elif wanted in ("gist", "passages", "grade") and person and asks_who_made(index, asked, graded=True):
        # "which inspector led the inspection that rated it inadequate?": the grade says which report
        field, wanted = "lead_inspector", "field"
    if several and asks_comparison(query) and not field:
        wanted = "compare"
    elif over_time and not field:
        wanted = "history"
    if wanted == "grade" and not found.years:  # with no year named, the newest graded report answers
        sources = newest_graded(index.documents, index.records, sources)
    if field not in (None, "findings") and not found.years and sources is not None:
        # "which inspector was in charge when Barset was rated good?", "when was lancashire's inadequate
        # report published?": the report that gave the grade (the first that did, if asked)
        graded = graded_as(index.records, sources, grades_named(query))
        if len(graded) > 1 and dated_extreme(query) == "oldest":
            graded = {min(graded, key=lambda s: report_date(index.documents[s]))}
        sources = graded or sources
    return field, wanted, sources


def graded_as(records: dict[str, Record], sources: set[str], grades: set[str]) -> set[str]:
    """The reports in scope whose overall judgement is one of the grades."""
    overall = {s: records[s].overall() for s in sources if s in records}
    return {s for s, j in overall.items() if j is not None and j.grade.lower() in grades}


def with_subject(
    vector: np.ndarray, topic: str, index: Index, embed: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """The vector sentences are scored with: the topic's, with its subject words' alone added.

    The words that frame a question ("is it true that", "what did Ofsted say about") give its form, which
    the intents and passage retrieval need; a sentence answers what it is about. Both together rank the
    sentence that answers higher than either alone (measured on the tune halves).
    """
    subject = " ".join(subject_words(topic, index.stop_words()))
    if not subject or subject == topic:
        return vector
    mixed = vector + embed([subject])[0]
    return mixed / np.linalg.norm(mixed)


def _embed(
    topic: str, index: Index, embed: Callable[[list[str]], np.ndarray], asked: Near | None = None
) -> tuple[np.ndarray, Related]:
    """The topic's vector, and for each of its words the corpus words nearest in meaning (see _near);
    asked: those already worked out for the question's words."""
    vector = embed([topic])[0]
    return vector, neighbours.related_terms(index.tokens, _near(topic, index, embed, asked))


def _near(
    text: str, index: Index, embed: Callable[[list[str]], np.ndarray], done: Near | None = None
) -> Near:
    """For each subject word of a text, the corpus words nearest in meaning: for a word the corpus never
    uses ("cops") its nearest ("police"); for one it uses, the few that are very near ("begins": "starts").
    Words in done are taken from it, not worked out again."""
    vocabulary = index.vocabulary
    if vocabulary is None:
        return {}
    done = done or {}
    words = subject_words(text, index.stop_words())
    fresh = [w for w in words if w not in done]
    near = vocabulary.known_near(fresh, neighbours.KNOWN_PER_WORD, neighbours.KNOWN_SIMILARITY)
    unknown = [w for w in fresh if vocabulary.vector(w) is None]
    if unknown:  # a call of its own: in one batch with the topic, each word would be padded to its length
        near |= vocabulary.near(unknown, embed(unknown))
    return {w: done[w] if w in done else near[w] for w in words if w in done or w in near}


def spell_out(topic: str, question: str, index: Index) -> str:
    """The topic with the acronyms the question writes spelt out as the reports spell them ("SALT":
    "speech and language therapy"): neither the model nor the word search knows what they stand for.
    Those that only chose the reports ("SEND") are no longer in the topic."""
    for written, words in _acronyms_meant(question, index).items():
        short = names.normal(written)
        topic = re.sub(rf"\b{re.escape(short)}\b", f"{words} {short}", topic)
    return topic


def spelt_acronyms(question: str, index: Index) -> dict[str, str]:
    """Each token of an acronym the question writes, with the words the reports spell it out as ("camhs":
    "child and adolescent mental health services")."""
    meant = _acronyms_meant(question, index)
    return {token: words for written, words in meant.items() for token in index.tokens(written)}


def _acronyms_meant(question: str, index: Index) -> dict[str, str]:
    """Each acronym the question writes, as written, with the words the reports spell it out as."""
    return acronyms.meanings(question, index.derived("initials", corpus_initials))


def corpus_initials(index: Index) -> acronyms.Initials:
    """The initials of every word of the index's documents (the model's whole words are ordinary words)."""
    return acronyms.Initials((d.text for d in index.documents.values()), index.stop_words(), model_words())


def _intersect(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if a is None:
        return b
    return a if b is None else a & b


def expects(question: str) -> str:
    """What the question asks back: a figure of some kind ("how many weeks": a duration), a name, or prose.

    A question of two asks is read by its first: "what was the standard, and how many were done?" can be
    answered by a sentence without a figure. Of several sentences, those that ask are read: "I wonder how
    much work is coming. Does the report say they understand it?" asks whether, not how much; a yes-or-no
    question asking whether the report says how much ("does it say how much it cost?") asks how much.
    """
    first = _SECOND_ASK.split(asking_part(question), maxsplit=1)[0]
    # "can I have their phone number?" asks for it, and "is Barset the best in England?" for a ranking
    # (a story before may tell why: "I want to write to the inspectors. Who led it?" asks who)
    asked = next((kind for kind in ("contact", "rank") if _ASKS[kind].search(after_story(question))), None)
    if asked:
        return asked
    polar = _POLAR.match(_LEAD_IN.sub("", first, count=1)) and not _CHOICE.search(first)
    if polar and not _SAYS_FIGURE.search(first):
        return "description"
    kind = next((kind for kind, cue in _ASKS.items() if cue.search(first)), "description")
    # "what was done to bring down the number of ..." asks how, not how many; "why was the number of babies
    # in care going up?" asks the cause
    if kind == "count" and (_CHANGING_COUNT.search(first) or _reason_first(first) or _WEIGHED.search(first)):
        return "description"
    return kind


def asks_who(question: str) -> bool:
    """Whether the question asks who ("who led each one?", "fronted by whom?")."""
    return bool(_WHO.search(question))


def _reason_first(asks: str) -> bool:
    """Whether the question asks for a reason before it names a figure ("why was the number ... rising?")."""
    reason, count = _REASON.search(asks), _ASKS["count"].search(asks)
    return bool(reason and count and reason.start() < count.start())


def any_said_will_do(question: str) -> bool:
    """Whether a question asking for a figure asks what the report said about it ("what did Ofsted say
    about how long they wait?"): a span without the figure answers it when none has one."""
    return bool(_SAID_ABOUT_HOW.search(question))


def wants(
    index: Index,
    plan_topic: str,
    sources: set[str] | None,
    field: str | None,
    across: bool = False,
    asked: str = "",
) -> str:
    """What kind of answer the question wants, in order of precedence; asked is the question's sentences that
    ask, where a next step must be named ("he turns 18 next year. When Ofsted inspected, ...?" asks none)."""
    if next_steps.kind_of_answer(plan_topic) and (not asked or next_steps.names_next(asked)):
        return "next_step"  # "when will they be inspected again?" is not asking when they were
    if field:
        return "field"
    if across:
        return "across"  # "which councils were rated inadequate?": the records of every report in scope
    if asks_for_grade(index, plan_topic, sources):
        return "grade"
    if asks_for_summary(index, plan_topic, sources):
        return "gist"
    return "passages"


def _asked_after_story(query: str, found: scope.Scope, index: Index) -> str | None:
    """The topic of the part of a question that asks, when a story comes before it (another sentence, or a
    dash, colon or comma) and that part names nothing of its own ("we foster in barnet - was the council
    rated ok?"); else None."""
    asked = asking_part(query).strip()
    parts = _STORY_END.split(asked)
    # within a sentence, a story is told in the first person ("we live in lancashire, how did the area
    # do?"); "BCP 2022: case audits - what did inspectors find?" names its subject first
    ask = parts[-1].strip() if _FIRST_PERSON.search(" ".join(parts[:-1])) else asked
    if not ask or ask == query.strip() or _STORY_BACK.search(ask) or expects(query) != "description":
        return None  # "is that what the inspector found?", "how much?" ask of the story
    topic = scope.topic_of(ask, found.organisations, found.kind_words)
    plain = f"{NAMING_NO_SUBJECT} {SERVICE_NOUNS} {SUMMARY_WORDS} {MAKING_A_REPORT} {OUTCOME_VERBS}"
    # ... but a verdict in everyday words on how children fare ("do send kids there get a fair deal?", "end up
    # with good experiences?")
    judged = without_outcome(without_verdicts(topic))
    plain = f"{plain} {INSPECTORATE_WORDS} {CHILDREN_ALIKE} {report_subject(index, found.sources)}"
    if nothing_but(index, judged, plain):
        return topic
    # a sentence of its own asking for a grade may name what was graded ("I'm a PA in Dorset. What grade did
    # the inspection give for young people who've left care?")
    return topic if ask == asked and asked != query.strip() and is_grade_question(ask) else None


_STORY_BACK = re.compile(r"\b(that|this|those|these|it)\b", re.I)  # the question points back at the story
_FIRST_PERSON = re.compile(r"\b(i|i['’]?m|my|we|we['’]?re|our|me|us)\b", re.I)
# where a story ends and the question begins: a dash or colon, or a comma before a word that starts one (after
# a word of framing: ", on the whole do ...")
_STORY_END = re.compile(
    r"\s*:\s+|\s[-–—]+\s+|,\s*(?=(?:(?:on the whole|overall|in general|generally|honestly|basically|so|but"
    r"|and)\s+)?(?:was|were|is|are|did|does|do|has|have|how|what|who|when|which|where|why)\b)",
    re.I,
)
