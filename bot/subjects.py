"""What a question's words name: a subject of its own, or nothing beyond framing, grades, the judgement areas
the reports grade and how a report was made."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from bot import neighbours, terms
from bot.asking import (
    asking_part,
    asks_how_well,
    bare_grades,
    change_asked,
    dashed_ask,
    grades_named,
    is_grade_question,
    names_collection,
    names_grading,
    without_grade_choice,
    without_looking_over,
    without_verdicts,
)
from bot.findings import outcome_in, without_outcome
from bot.report_order import newest_graded
from bot.store import Index
from bot.wording import (
    ACROSS_WORDS,
    ANSWER_KINDS,
    ANSWER_STYLE,
    APOSTROPHE_DROPPED,
    AUXILIARIES,
    CATALOGUE_WORDS,
    CHANGE_WORDS,
    CHAT_WORDS,
    CHILDREN_ALIKE,
    CONFIRMING,
    FACT_SHORTHAND,
    FRAMING,
    FRAMING_WORDS,
    GRADE_WORDS,
    INSPECTORATE_WORDS,
    MAKING_A_REPORT,
    ORGANISATION_NOUNS,
    OUTCOME_VERBS,
    OVER_TIME_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    REPORT_ABBREVIATIONS,
    SEND_SUBJECT_WORDS,
    SUMMARY_WORDS,
    WHICH_REPORT,
)

_RANK = re.compile(ANSWER_KINDS["rank"][0], re.I)
# what an outcome is said of, beside it: "widespread failings in its SEND services", "positive experiences and
# outcomes"
SERVICE_NOUNS = "services service provision system arrangements there outcome outcomes experiences"
SERVICE_WORDS = 3  # subject words a how-well question needs to be about a service rather than a grade
MIN_OTHER_SUBJECT = 2  # "How does Ofsted rate Loamshire LA?": one stray word does not make another subject
FEW_REPORTS = 3  # "a few named reports": their grade tables are searched whole; a summary can pick one


def subject_words(topic: str, stop: frozenset[str]) -> list[str]:
    """The words of a topic that name its subject: not stop words, not the words framing a question."""
    return [w for w in dict.fromkeys(neighbours.words_of(topic, stop)) if w not in FRAMING_WORDS]


def asks_for_grade(index: Index, topic: str, sources: set[str] | None) -> bool:
    """A grade question about a judgement area (or none); or "did they do well?" about a few graded reports.

    "How did the inspection rate night and weekend emergency cover?" names no judgement area: it asks
    what inspectors found, and passages answer it.
    """
    if _asks_outcome(index, topic, sources):
        return True
    named = grades_asked(topic)
    # "good" alone may be no grade ("is the force good at ...?")
    named_grade = named - {"good"} or (named and is_grade_question(topic))
    if named_grade and not _graded(index, set(index.documents) if sources is None else sources):
        return True  # "did they get an RI rating?" of reports that state no grade: none is given
    if is_grade_question(topic):
        # a grade named in the words of grading ("came out as 'requires improvement' overall", "got a
        # 'requires improvement' grade") is asked about whatever story comes with it
        # (not a ranking: "... the highest-ranked council following its outstanding judgement?")
        claimed = names_grading(topic) and named - {"good"} and not _RANK.search(topic)
        return not _other_subject(index, sources, topic) or bool(claimed)
    # "how good were return home interviews after children went missing?" asks about a service
    if not (sources and asks_how_well(topic)) or _names_a_service(index, sources, topic):
        return False
    # "did Enfield do well in its last inspection?": each organisation's newest graded report answers, so
    # four reports about one council are one report to grade.
    graded = newest_graded(index.documents, index.records, sources) or set()
    if len(graded) > FEW_REPORTS:
        return False
    return _graded(index, graded)


def _asks_outcome(index: Index, topic: str, sources: set[str] | None) -> bool:
    """Whether a question about area SEND reports names an outcome and nothing else ("were there widespread
    failings in X's SEND services?", "got significant concerns, didn't it?"), or nothing but how they do for
    children ("is send in enfield good?", "do kids there get a fair deal?"): their outcome answers."""
    if not all_area_send(index, sources):
        return False
    plain = f"{NAMING_NO_SUBJECT} {SERVICE_NOUNS} {OUTCOME_VERBS} {report_subject(index, sources)}"
    if outcome_in(topic):  # "do send children there end up with good experiences?"
        return nothing_but(index, without_outcome(topic), plain)
    judged = without_verdicts(topic)
    return (judged != topic or bool(grades_asked(topic))) and nothing_but(index, judged, plain)


def _other_subject(index: Index, sources: set[str] | None, topic: str) -> bool:
    """Whether the question is mostly about something other than the judgement areas the reports grade."""
    asked, others = _beyond_areas(index, sources, topic, topic, WHICH_REPORT)
    return not (len(others) < MIN_OTHER_SUBJECT or len(others) <= len(asked) / 2)


def _names_a_service(index: Index, sources: set[str] | None, topic: str) -> bool:
    """Whether a how-well question names a subject of its own, in several words beyond the graded areas
    ("how good were return home interviews after kids went missing?", not "how did they get on in their
    last inspection?" nor "how good is the council's service these days?")."""
    words = " ".join(subject_words(topic, index.stop_words()))
    titles = " ".join(index.documents[s].title for s in sources or ())  # "council", "services": the report's
    return len(_beyond_areas(index, sources, topic, words, f"{titles} {OUTCOME_VERBS}")[1]) >= SERVICE_WORDS


# Words that name no subject of a question about grades: framing, grades, report kinds, "didnt it?", how to
# put the answer ("result in plain english pls"), and who asks of whom ("my local council - what did ofsted
# rate them?").
NAMING_NO_SUBJECT = " ".join(
    [
        FRAMING,
        GRADE_WORDS,
        REPORT_ABBREVIATIONS,
        CONFIRMING,
        PREPOSITIONS,
        APOSTROPHE_DROPPED.replace(":", " "),
        ANSWER_STYLE,
        CHAT_WORDS,
        PRONOUNS,
        ORGANISATION_NOUNS,
        " ".join(FACT_SHORTHAND),  # "OE", "LI": spelt out beside their letters
    ]
)


def _beyond_areas(
    index: Index, sources: set[str] | None, topic: str, words: str, also: str = ""
) -> tuple[set[str], set[str]]:
    """The tokens of the words that are not framing or grade words (nor also), and of those the ones that
    name no judgement area the reports in scope grade."""
    asked = set(index.tokens(words)) - set(index.tokens(f"{NAMING_NO_SUBJECT} {also}"))
    return asked, asked - area_words(index, sources, topic)


def grades_asked(topic: str) -> set[str]:
    """The grades a question names ("RI" too, written bare in a question about grades); a choice between
    passing and failing names none ("good or failing?" asks which)."""
    plain = without_grade_choice(topic)
    return grades_named(plain) | (bare_grades(plain) if is_grade_question(topic) else set())


def _graded(index: Index, sources: set[str]) -> bool:
    """Whether any of the reports states a graded judgement."""
    return any(index.records[s].judgements for s in sources if s in index.records)


def area_words(index: Index, sources: set[str] | None, topic: str = "") -> set[str]:
    """The BM25 tokens of the judgement areas the reports in scope grade (all reports when scope is all),
    with those of the topic's domain terms that the areas write another way ("children looked after" for
    "children in care")."""
    areas = area_text(index, sources)
    return set(index.tokens(areas)) | (
        terms.said_through(topic, [areas], index.tokens)[0] if topic else set()
    )


def shared_by_most(named: list[set[str]]) -> set[str]:
    """The words more than half of some names share ("children", "experiences" of the graded areas'
    names): they single out none of them."""
    vocabulary = set().union(*named) if named else set()
    return {t for t in vocabulary if 2 * sum(t in n for n in named) > len(named)}


def area_text(index: Index, sources: set[str] | None) -> str:
    """The judgement areas the reports in scope grade, as one text."""
    return " ".join(area_names(index, sources))


def area_names(index: Index, sources: set[str] | None) -> list[str]:
    """The area of every judgement the reports in scope (all reports when scope is all) state."""
    records = (
        index.records.values()
        if sources is None
        else [index.records[s] for s in sources if s in index.records]
    )
    return [j.area for record in records for j in record.judgements]


def asks_about_grades(index: Index, topic: str, names: list[str] | tuple[str, ...] = ()) -> bool:
    """Whether a topic names nothing but grades, change and judgement areas ("how has the rating for care
    leavers changed?"), not another subject ("has the number of exclusions gone down?")."""
    # ... nor the words around them: "has it got better each time, hasn't it?", "now"
    words = f"{NAMING_NO_SUBJECT} {AUXILIARIES} {SUMMARY_WORDS} {OVER_TIME_WORDS} {' '.join(names)}"
    return nothing_but(index, without_looking_over(topic), words, area_words(index, None))


def asks_which_changed(index: Index, query: str, topic: str) -> str | None:
    """'better' or 'worse' when a question across reports asks whose grades moved that way and names nothing
    but grades, changes and judgement areas ("which councils went down a grade?", "which LA improved the
    most on care leavers?"); None otherwise ("which councils have more foster carers?")."""
    direction = change_asked(query)
    # "kids", "youngsters": the children every judgement area is about
    words = f"{FRAMING} {SUMMARY_WORDS} {GRADE_WORDS} {OVER_TIME_WORDS} {ACROSS_WORDS} {CHANGE_WORDS}"
    words = f"{words} {CHILDREN_ALIKE}"
    return direction if direction and nothing_but(index, topic, words, area_words(index, None)) else None


def asks_catalogue(index: Index, query: str, topic: str, named: bool) -> bool:
    """Whether a question asks about the reports held and nothing else ("how many reports do you have?",
    "which councils do you cover?", "list Barset's inspections"): its topic holds no subject of its own."""
    asked = asking_part(query)
    # the words that ask, not a story before them ("hi, I'm a journalist - what reports have you got on X?"),
    # when they name the reports ("... foster carers recruited - how many?" asks of its story)
    dashed = dashed_ask(asked)
    asked = dashed if names_collection(dashed, named) else asked
    if not names_collection(asked, named):
        return False
    words = set(index.tokens(asked))
    # "steve lowe - which LAs did he lead?": the person is who led them
    held = set(index.tokens(f"{ACROSS_WORDS} {CATALOGUE_WORDS} {PRONOUNS} {MAKING_A_REPORT}"))
    return all(t in held for t in index.tokens(topic) if t in words)


def asks_who_made(index: Index, topic: str, graded: bool = False) -> bool:
    """Whether a topic says nothing but how its report was made ("who led Ofsted's look at", "who was in
    charge of the visit"): asked who, the one person a report states about itself is its lead inspector.
    graded: the report may be told by its grade ("the inspection that rated it inadequate"), when the topic
    says how it was made ("led"), not only who was graded ("who was rated outstanding?")."""
    if not graded:
        # "who from Ofsted went to Barset", "who conducted the SIF"
        made_of = f"{MAKING_A_REPORT} {WHICH_REPORT} {REPORT_ABBREVIATIONS} {PREPOSITIONS}"
        made_of += f" {INSPECTORATE_WORDS} {SERVICE_NOUNS}"  # "who inspected X's send services for the CQC"
        return nothing_but(index, topic, f"{FRAMING} {SUMMARY_WORDS} {made_of}")
    made = set(index.tokens(MAKING_A_REPORT)) & set(index.tokens(topic))
    return bool(made) and nothing_but(
        index, topic, f"{FRAMING} {SUMMARY_WORDS} {MAKING_A_REPORT} {GRADE_WORDS}"
    )


def all_area_send(index: Index, sources: set[str] | None) -> bool:
    """Whether the reports in scope are all area SEND reports (each states an outcome)."""
    return bool(sources) and all(s in index.records and index.records[s].outcome() for s in sources or ())


def report_subject(index: Index, sources: set[str] | None) -> str:
    """The words naming what every report in scope is about, when they are area SEND reports (the area's
    support for children with SEND, and whom the asker means by "children like her"); else none."""
    return f"{SEND_SUBJECT_WORDS} {CHILDREN_ALIKE} {PRONOUNS}" if all_area_send(index, sources) else ""


def asks_for_summary(index: Index, question: str, sources: set[str] | None = None) -> bool:
    """Whether the question names no subject beyond its scope: "What are the main findings about X?", "what
    did Ofsted and the CQC conclude about X?"."""
    # ... nor "services" as a whole: "what did Ofsted and the CQC decide about X's send services?"
    words = f"{FRAMING} {SUMMARY_WORDS} {WHICH_REPORT} {INSPECTORATE_WORDS} {SERVICE_NOUNS}"
    return nothing_but(index, question, f"{words} {report_subject(index, sources)}")


def nothing_but(index: Index, text: str, words: str, also: AbstractSet[str] = frozenset()) -> bool:
    """Whether every token of the text is one of the words' tokens (or in also)."""
    plain = set(index.tokens(words)) | also
    return all(t in plain for t in index.tokens(text))
