"""Why the reports cannot answer a question they seem to: what came after the newest report, a plan not
known to have come about, a topic never mentioned, a premise a report denies, a kind of statement none gives;
and the note that a newer report exists."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from bot import answering, asking, mentions, next_steps, premises, report_lists, store, terms, wording
from bot.embedding.weights import model_words
from bot.metadata import report_year
from bot.plan import ANSWER_NAMES, Plan, spelt_acronyms
from bot.report_order import reports_of_its_kind
from bot.schema import Answer, Citation, Document
from bot.subjects import FEW_REPORTS

SAME_THING = 2  # words of the question's subject a quote shares to be about the thing asked of

if TYPE_CHECKING:
    from bot.engine import Searched


def newer_reports(documents: dict[str, Document], quoted: set[str]) -> tuple[str, ...]:
    """A note for each quoted report that a newer one of the same kind about the same organisation exists."""
    notes: list[str] = []
    for source in sorted(quoted):
        newer = [documents[s] for s in later_reports(documents, source) - quoted]
        if newer:
            meta = documents[source].metadata
            latest = max(newer, key=lambda d: d.metadata["date"])
            newest = f"{latest.title} ({latest.metadata['date']})"
            org, when = meta["organisation"], meta["date"]
            notes.append(f"A newer report on {org} exists: {newest}; quote(s) here are from {when}.")
    return tuple(dict.fromkeys(notes))


def newest_answered(
    documents: dict[str, Document], newest: set[str] | None, in_scope: set[str] | None, quoted: set[str]
) -> tuple[str, ...]:
    """A note naming the newest report that answered a question naming no year, and how many older ones in
    scope were set aside; none when a year was named, nothing older was in scope or an older one is quoted."""
    if not newest or in_scope is None or not quoted or not quoted <= newest:
        return ()
    older = len(in_scope - newest)
    if not older:
        return ()
    named = "; ".join(f"{documents[s].title} ({_date(documents[s])})" for s in sorted(quoted))
    reports = "reports" if older > 1 else "report"
    return (
        f"With no year named, the newest report answers: {named}; {older} older {reports} in scope: name a "
        "year to ask one.",
    )


def later_reports(documents: dict[str, Document], source: str) -> set[str]:
    """The reports of the same kind about the same organisation dated after the source."""
    when = documents[source].metadata.get("date")
    if not when:
        return set()
    return {
        s for s in reports_of_its_kind(documents, source) if (documents[s].metadata.get("date") or "") > when
    }


def why_not_answered(
    found: Searched, chosen: list[answering.Evidence], newest: set[str], later_silent: bool = False
) -> str:
    """Why the quoted reports cannot answer the question though they seem to ('' when they can): it asks what
    came after the newest of them, whether a plan they state came about, who holds a post now, or what a
    later visit found; or about a topic they never mention, in them or in the newest reports in scope."""
    if next_steps.asks_still_in_post(found.question):
        return next_steps.IN_POST_NOW
    after = _after_the_reports(found, chosen)
    if after:
        return after
    if only_planned(found, chosen, later_silent):
        return next_steps.ONLY_PLANNED
    return unmentioned(found, {e.source for e in chosen} | newest) or _later_visit_unknown(found, chosen)


def _after_the_reports(found: Searched, quoted: list[answering.Evidence]) -> str:
    """Why what the question asks came after the quoted reports: it asks what a later visit found and one of
    them foretells that visit, or it asks what came after the newest of them ('' otherwise)."""
    if found.plan.scope.beside:
        return ""  # "what did it get at the next inspection after 2017?": that report is held
    if next_steps.asks_what_came_of(found.question) and any(
        next_steps.foretells(quote(found.index, e)) for e in quoted
    ):
        return next_steps.NOT_YET_FOUND
    return next_steps.NOTHING_AFTER if after_the_newest(found, quoted) else ""


def area_not_graded(found: Searched) -> str:
    """Why a grade asked of a few named reports cannot be given: none of them grades the area the question
    names (a newer framework no longer grades "adoption performance"); '' when one does, or none is named."""
    plan, index = found.plan, found.index
    sources = sorted(s for s in plan.sources or () if s in index.records and index.records[s].judgements)
    if not sources or len(sources) > FEW_REPORTS:
        return ""
    wanted = report_lists.area_tokens(index, plan.topic)
    if not wanted or any(report_lists.best_judgement(index, index.records[s], wanted) for s in sources):
        return ""
    return " ".join(
        f"{index.documents[s].title} ({_date(index.documents[s])}) grades no such area; it grades "
        + ", ".join(j.area.lower() for j in index.records[s].judgements)
        + "."
        for s in sources
    )


def since_the_newest_grade(found: Searched, timeline: tuple[dict[str, str], ...]) -> bool:
    """Whether the question asks what came after a grade ("improved since inadequate?") that the newest of the
    organisation's reports gave: no report here is later, so none can say."""
    if not timeline or found.plan.scope.beside or not next_steps.asks_after_report(found.question):
        return False
    # "has it got better since the 2024 inspection?" of an organisation whose newest report is from 2024
    newest = int(timeline[-1]["date"][:4] or 0)
    if newest and any(int(y) >= newest for y in _YEAR.findall(found.question)):
        return True
    return premises.same_grade(timeline[-1]["grade"], asking.bare_grades(found.question, good=True))


_YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")


def _later_visit_unknown(found: Searched, chosen: list[answering.Evidence]) -> str:
    """Asked what a later visit found: every quoted report is from no later than the year the question asks
    what came after."""
    if found.plan.scope.beside or not next_steps.asks_what_came_of(found.question):
        return ""
    if none_after(found.index.documents, chosen, found.plan.scope.years):
        return next_steps.NOTHING_AFTER
    return ""


def after_the_newest(found: Searched, chosen: list[answering.Evidence]) -> bool:
    """Whether the question asks what came after the inspection itself ("has it got better since the
    inspection?", "since the 2023 inspection"), no quoted report is later than a year it names, and none has a
    later one: nothing here can say."""
    years = found.plan.scope.years
    if found.plan.scope.beside or not next_steps.asks_after_report(found.question):
        return False
    if years and not none_after(found.index.documents, chosen, years):
        return False  # "has it improved since the 2019 inspection?" asked of the 2023 report
    return _none_newer(found, chosen)


def only_planned(found: Searched, chosen: list[answering.Evidence], later_silent: bool = False) -> bool:
    """Whether the question asks if something has since come about, the best quote says only that it was
    planned, and its report has no later one (older reports quoted beside it cannot say what came after), or
    its later ones say nothing near the question (later_silent)."""
    if not next_steps.asks_if_it_came_about(found.question):
        return False
    index = found.index
    best = max(chosen, key=lambda e: e.score)
    doc, sentences = index.documents[best.source], index.sentences_of(best.source)
    # the best sentence as it is shown, with the one after it ("... more to do. A working group is exploring")
    planned = next_steps.only_planned(quote(index, answering.with_next(doc, best, sentences)))
    leaned_on = answering.with_context(doc, best, sentences)
    if planned and leaned_on.start < best.start:
        # "This approach aims to ..." leans on the sentence before it, which may say it was done
        planned = next_steps.only_planned(doc.text[leaned_on.start : best.start])
    if planned and (_another_says_done(found, chosen, best) or _goes_on_done(found, best)):
        return False
    return planned and (later_silent or not newer_reports(index.documents, {best.source}))


def _another_says_done(found: Searched, chosen: list[answering.Evidence], best: answering.Evidence) -> bool:
    """Whether another quote from the best one's report says done what the question asks was done ("how many
    hubs has it opened?": "... with two family hubs opened", below "plans to open two homes")."""
    asked = next_steps.done_words(found.question)
    subject = set(found.index.tokens(found.plan.topic))
    for other in (e for e in chosen if e.source == best.source and e is not best):
        said = quote(found.index, other)
        done = asked & next_steps.done_words(said) and not next_steps.only_planned(said)
        # of the thing asked about, not another done beside it ("opened a family centre" for the hub asked)
        shared = subject & set(found.index.tokens(said)) - set(found.index.tokens(" ".join(asked)))
        if done and len(shared) >= SAME_THING:
            return True
    return False


def _goes_on_done(found: Searched, best: answering.Evidence) -> bool:
    """Whether a sentence just after the best one in its paragraph, pointing back at it, says done what the
    question asks was done ("... is implementing training. For example, ... This training is starting to
    have a positive impact")."""
    index, asked = found.index, next_steps.done_words(found.question)
    doc, sentences = index.documents[best.source], index.sentences_of(best.source)
    at = bisect.bisect_right([start for start, _ in sentences], best.start)
    for start, end in sentences[at : at + FOLLOWING]:
        if "\n\n" in doc.text[best.end : start]:
            return False  # a new paragraph speaks of something else
        said = doc.text[start:end]
        leans = answering.with_context(doc, answering.Evidence(best.source, start, end, 0, 0, 0), sentences)
        if leans.start < start and asked & next_steps.done_words(said) and not next_steps.only_planned(said):
            return True
    return False


FOLLOWING = 2  # sentences after a quote that still speak of its subject when they point back at it


def _none_newer(found: Searched, chosen: list[answering.Evidence]) -> bool:
    """Whether no quoted report has a newer one of its kind."""
    return not newer_reports(found.index.documents, {e.source for e in chosen})


# words a named topic's weight leaves out: they relate its words or ask of it ("whether"), naming none of it
_NAMES_NO_TOPIC = (
    # pointing and joining words name nothing either ("CCTV or other surveillance in those homes")
    f"{wording.AUXILIARIES} {wording.PREPOSITIONS} {wording.PRONOUNS} {wording.CONNECTIVES} other whether if "
    + wording.APOSTROPHE_DROPPED.replace(":", " ")  # "dont", "don't": a contraction names nothing
)


def unmentioned(found: Searched, sources: set[str]) -> str:
    """Why the reports cannot answer a question about a topic they never mention ('' when they do, or the
    question names no topic). Words no report uses at all are left out unless they are rare terms: more often
    everyday words for what the reports say in their own ("kicked out" for "excluded") than a topic none of
    them speaks of, or words with nothing near them in a large corpus's words."""
    named = mentions.named_topic(found.question)
    # a why-question takes its topic for granted ("why are caseloads so high?"): a report must mention it
    premise = _premise(found)
    topic = named or mentions.terse_topic(found.plan.topic) or premise
    # a grade asked for names a judgement, not a topic a report might leave out
    if not found.plan.scope.organisations or len(sources) > FEW_REPORTS:
        # a question across the reports: whether any report in scope mentions the topic
        sources = set(found.plan.sources or found.index.documents)
    if not topic or not sources or found.plan.wants == "grade":
        return ""
    index, related = found.index, found.plan.related
    rare = mentions.rare_terms(topic, index.tokens, model_words())
    held = _held_in(found, sources, topic)
    weights = _topic_weights(found, topic, rare)
    # a word of a few letters is more often shorthand ("sw", "vr") than a subject the corpus never names;
    # not a rare acronym the reports neither use nor spell out ("OCD")
    short = {
        t
        for t in weights
        if mentions.shorthand(t, topic, index.tokens)
        and not (t in rare and mentions.typed_as_acronym(t, topic, index.tokens) and not held(t))
    }
    unknown = {
        t for t in weights if t not in short and not index.df(t) and t not in rare and not related.get(t)
    }
    for written, own in terms.written_other_ways(topic):
        # a domain term the reports hold in their own words ("bedsit-style": "HMOs") is mentioned; not
        # shorthand ("CiC", "CP"), which stands beside the topic rather than naming it
        if re.search(r"[a-z]{5}", written, re.I) and any(held(t) for t in index.tokens(own)):
            said = set(index.tokens(written))
            weights = {t: w for t, w in weights.items() if t not in said}
    weights = mentions.weighed_as_said(weights, held, related, index.idf)
    missing = mentions.unmentioned(
        weights,
        held,
        related,
        unknown,
        by_share=bool(named or premise),
        premise=bool(premise and not named),
        judging=_judging(index),
        short=short,
    )
    if not missing:
        return ""
    # shorthand ("sws") is more often what the reports write out than what they leave out
    return _never_mentioned(index, topic, [t for t in missing if t not in short] or missing, sources)


def _topic_weights(found: Searched, topic: str, rare: set[str]) -> dict[str, float]:
    """The weight of each of the topic's words the question asks about (those naming no topic left out): a
    word no report uses counts only when it is a rare term, or nothing is near it in a large corpus."""
    index = found.index
    asked = set(index.tokens(found.plan.topic))
    return {
        t: w
        for t, w in answering.query_weights(index, topic, left_out=_NAMES_NO_TOPIC).items()
        if t in asked
        and (index.df(t) > 0 or mentions.counts_unused(t, rare, found.plan.related, index.vocabulary_size))
    }


def _held_in(found: Searched, sources: set[str], topic: str) -> Callable[[str], bool]:
    """Whether the reports hold a token: as a word of theirs, written as the question writes it, or, for
    an acronym, spelt out."""
    index = found.index

    @cache  # the reports' texts in lower case: only read for a word none of them holds as a token
    def texts() -> list[str]:
        return [index.documents[s].text.lower() for s in sources]

    @cache  # the acronyms the question writes, spelt out: only asked of a word no report holds (slow)
    def spelt() -> dict[str, str]:
        return spelt_acronyms(found.question, index)

    @cache  # asked of a token for its share, for the heaviest and for what is missing
    def held(token: str) -> bool:
        if any(token in index.document_tokens(s) for s in sources) or any(
            mentions.written_in(word, texts()) for word in mentions.as_asked(topic, index.tokens, [token])
        ):
            return True
        if mentions.ends_compound(token, texts()):  # "nights" said as "overnight"
            return True
        # "CAMHS" is mentioned where the report spells it out
        meaning = spelt().get(token)
        return meaning is not None and all(held(t) for t in index.tokens(meaning) if t != token)

    return held


def _never_mentioned(index: store.Index, topic: str, shown: list[str], sources: set[str]) -> str:
    """The refusal naming the reports and the topic's words (the first three shown) none of them mentions."""
    words = ", ".join(f"'{w}'" for w in mentions.as_asked(topic, index.tokens, shown[:3]))
    words = words or "what the question names"
    if len(sources) > FEW_REPORTS:
        return f"No passage of the {len(sources)} reports in scope mentions {words}."
    named = "; ".join(sorted(f"{index.documents[s].title} ({_date(index.documents[s])})" for s in sources))
    return f"No passage of {named} mentions {words}."


def none_after(documents: dict[str, Document], chosen: list[answering.Evidence], years: list[int]) -> bool:
    """Whether every quoted report is from no later than the year a question asks what came after ("did
    Ofsted go back after the 2023 inspection?"): a report cannot say what a later visit found."""
    quoted = {report_year(documents[e.source].metadata) for e in chosen}
    return bool(years) and None not in quoted and max(q for q in quoted if q is not None) <= max(years)


def quote(index: store.Index, ev: answering.Evidence) -> str:
    return index.documents[ev.source].text[ev.start : ev.end]


def premise_denied(found: Searched, chosen: list[answering.Evidence]) -> Answer | None:
    """Asked why something is so that one of the best quotes says is not: say so, citing that quote; None
    for other questions (the fact checks run only for a why-question)."""
    if premises.taken_for_granted(found.question) is None:
        return None
    top = sorted(chosen, key=lambda e: -e.score)[:3]
    quotes = [quote(found.index, e) for e in top]
    # as asked, and without the names and years that set its scope (a quote need not repeat "in 2024")
    at = premises.denied_premise(found.question, quotes)
    at = premises.denied_premise(found.plan.topic, quotes) if at is None else at
    says = "says is not so"
    if at is None:
        at = _listed_to_improve(found, top, quotes)
        says = "lists as needing to improve" if at is not None else says
    denying = top[at] if at is not None else _denying_elsewhere(found, top)
    if denying is None:
        return None
    doc = found.index.documents[denying.source]
    reason = f"The question takes for granted something {doc.title} ({_date(doc)}) {says}."
    cited = answering.cite(1, doc, denying, "contradicts")
    return contradicted(found, reason, cited)


def _denying_elsewhere(found: Searched, top: list[answering.Evidence]) -> answering.Evidence | None:
    """A sentence elsewhere in the quoted report that denies what a why-question takes for granted, said
    without the names and years that set its scope; None when none does."""
    said = _premise(found)
    if not said or not top:
        return None
    source, index = top[0].source, found.index
    span = premises.denying_sentence(said, index.documents[source].text, index.sentences_of(source))
    return answering.Evidence(source, *span, 0.0, 0.0, 0.0) if span else None


def _listed_to_improve(found: Searched, top: list[answering.Evidence], quotes: list[str]) -> int | None:
    """The position of the first quote that lists what a why-question praises as needing to improve ("why
    are Barset's return home interviews so rigorous?": "The quality of return home interviews"), or None."""
    said = premises.taken_for_granted(found.plan.topic) or premises.taken_for_granted(found.question) or ""
    if not premises.praises(said):
        return None
    records = found.index.records
    return next(
        (
            i
            for i, (e, q) in enumerate(zip(top, quotes))
            if e.source in records
            and records[e.source].lists_to_improve(e.start, e.end)
            and premises.shares_subject(said, q)
        ),
        None,
    )


def _judging(index: store.Index) -> frozenset[str]:
    """The tokens of words that judge what they are said of ("poor", "good", "inconsistent")."""
    return index.derived("judging", lambda ix: frozenset(ix.tokens(wording.JUDGING_WORDS)))


def _premise(found: Searched) -> str | None:
    """What a why-question takes for granted: told before it, or as asked without the names and years that
    set its scope (a quote need not repeat "in 2024")."""
    return premises.told_premise(found.question) or premises.taken_for_granted(found.plan.topic)


def contradicted(found: Searched, reason: str, citation: Citation) -> Answer:
    """A refusal saying the question's premise is not what the report says, citing what it says."""
    return Answer(
        found.question, f"{answering.CANNOT_ANSWER} {reason} [1]", (citation,), refused=True, reason=reason
    )


def false_premise(found: Searched, premise: premises.FalseGrade) -> Answer:
    """Asked why a report gave a grade it did not give: say so, citing the grade it gave."""
    doc = found.index.documents[premise.source]
    judgement = premise.judgement
    area = judgement.area.strip()
    (cited,) = answering.cite_facts(found.index.documents, [(premise.source, judgement)])
    reason = (
        f"The question takes the grade '{premise.assumed}' for granted, but {doc.title} "
        f"({_date(doc)}) judged {area[:1].lower()}{area[1:]} '{judgement.grade}'."
    )
    return contradicted(found, reason, replace(cited, support="contradicts"))


NEWEST_ASKED = "With no year named, the newest report answers; name a year to ask an older one."


WEAK = "Only weakly related passages were found."
NEAREST = 3  # the passages a refusal shows as nearest


def why_none(
    found: Searched, evidence: list[answering.Evidence], meant: set[str], newest: set[str] | None
) -> str:
    """Why no passage of the reports meant answers: who holds a post now, a topic they never mention, or the
    kind of statement none gives; and, when older reports were set aside, how to ask them."""
    if next_steps.asks_still_in_post(found.question):
        return next_steps.IN_POST_NOW
    among = [e for e in evidence if e.source in meant] if meant else evidence
    # the nearest passages, too weak to answer, may still foretell the later visit asked about
    nearest = sorted(among, key=lambda e: -e.score)[:NEAREST]
    after = (_after_the_reports(found, nearest) or _later_visit_unknown(found, nearest)) if nearest else ""
    why = after or unmentioned(found, meant) or why_not(found.plan, among)
    if not newest:
        return why
    older = _older_giving(found, evidence, meant) if evidence and not among else ""
    return f"{why} {older or NEWEST_ASKED}"


def _older_giving(found: Searched, evidence: list[answering.Evidence], meant: set[str]) -> str:
    """When only older reports than those meant give the kind of answer asked for (a figure the newest
    report does not state): which years to ask."""
    if found.plan.expects == "description":
        return ""
    documents = found.index.documents
    years = sorted(
        {report_year(documents[e.source].metadata) for e in evidence if e.source not in meant} - {None}
    )
    if not years:
        return ""
    listed, reports = ", ".join(str(y) for y in years), "reports" if len(years) > 1 else "report"
    return f"With no year named, the newest report answers; the {listed} {reports} may: name a year to ask."


def why_not(plan: Plan, evidence: list[answering.Evidence]) -> str:
    """Why no passage answers: what kind of statement the sources do not give."""
    if plan.wants == "grade" and not evidence:
        return "No passage states a grade for this."
    if plan.kind and not evidence:
        return next_steps.UNSTATED[plan.kind]
    if plan.expects != "description" and not evidence:
        return f"No passage gives {ANSWER_NAMES.get(plan.expects, plan.expects)} for this."
    return WEAK


def unrelated(chosen: list[answering.Evidence]) -> str:
    """Why the best sentences are no answer when none shares a word of the question or its meaning."""
    return "" if answering.related(chosen) else WEAK


def _date(doc: Document) -> str:
    return doc.metadata.get("date") or "undated"
