"""Which scored sentences may answer a question: what the reports found, not a report's own lines; and, for
a question expecting a figure, a name or contact details, only those that give one."""

from __future__ import annotations

import re

from bot import answer_kinds, answering, next_steps, refusals
from bot import plan as plan_mod
from bot.plan import Plan
from bot.store import Index
from bot.wording import (
    AGAINST_OTHERS_ASKED,
    AGAINST_OTHERS_SAID,
    INSPECTION_DUE,
    NAMED,
    SHARE_ASKED,
    SHARE_SAID,
)

# How far below the best sentence about the question a sentence giving the figure asked for may score
# (chosen on the tune halves and the reworded tune questions: 0.15 refused more and lost right answers).
FIGURE_SLACK = 0.2
# ... unless it is as near in meaning as the best: its score then lacks only shared words ("leaving-care
# workers" for "personal advisers"). On the tune halves 0.01 to 0.1 answer one more and 0.15 refuses fewer
# unanswerable questions; the low end of that range, since a wrong figure is worse than a refusal.
FIGURE_MEANING_SLACK = 0.02
_FIGURES = ("count", "percent")
_AGAINST_ASKED = re.compile(AGAINST_OTHERS_ASKED, re.I)
_AGAINST_SAID = re.compile(AGAINST_OTHERS_SAID, re.I)
_INSPECTION_DUE = re.compile(INSPECTION_DUE, re.I)
_SHARE_ASKED = re.compile(SHARE_ASKED, re.I)
_SHARE_SAID = re.compile(SHARE_SAID, re.I)
CLOSING_SHARE = 0.8  # a report's last part: who leads, where it is published, the inspectorate's address


def giving(
    plan: Plan, index: Index, question: str, scored: list[answering.Evidence]
) -> list[answering.Evidence]:
    """The evidence that gives the kind of answer asked for: a figure of that kind, or a name."""
    if plan.wants != "passages" or plan.expects == "description":
        return scored
    # A name must be one the question does not hold, names of places included; what a count counts is
    # read from the topic, without them ("how many Loamshire kids": kids).
    asked = plan.query if plan.expects in NAMED else plan.topic
    if plan.expects == "contact":  # the inspectorate's own address, printed in every report, is no one else's
        scored = [e for e in scored if not index.is_boilerplate(e.source, e.start, e.end)]
        # nor is a report's closing block (its leaders' names, where it is published), unless it names what
        # the contact is asked for
        scored = [
            e
            for e in scored
            if not _closing(index, e) or answer_kinds.names_subject(refusals.quote(index, e), asked)
        ]
    against = plan.expects in _FIGURES and bool(_AGAINST_ASKED.search(question))
    share = plan.expects in _FIGURES and bool(_SHARE_ASKED.search(question))
    giving = [
        e
        for e in answering.near_the_best(scored, FIGURE_SLACK, FIGURE_MEANING_SLACK)
        if answer_kinds.gives(quote := refusals.quote(index, e), plan.expects, asked, plan.related)
        or (against and _AGAINST_SAID.search(quote))
        or (share and _SHARE_SAID.search(quote))
    ]
    return giving or (scored if plan_mod.any_said_will_do(question) else [])


def _closing(index: Index, ev: answering.Evidence) -> bool:
    """Whether a span sits in its report's closing part, where reports list who leads and where they are
    published."""
    return ev.start >= CLOSING_SHARE * len(index.documents[ev.source].text)


def findings(
    plan: Plan, index: Index, scored: list[answering.Evidence], question: str = ""
) -> list[answering.Evidence]:
    """What the reports found: not the lines where a report states its own dates or inspector, nor, unless
    asked what comes next, when its next inspection is (questions about those are answered from the
    report's record): "within approximately 3 years" is no waiting time."""
    records, asks_next = index.records, plan.kind is not None
    returns = next_steps.asks_what_came_of(question)
    return [
        e
        for e in scored
        if not (e.source in records and records[e.source].on_own_line(e.start, e.end, not asks_next))
        and (plan.expects == "contact" or not _inspectorates_furniture(index, e))
        # nor any other line on when the inspectorate comes back ("A monitoring inspection will be carried
        # out within approximately 18 months"), unless asked what that visit found (the line says it is
        # still to come)
        and (asks_next or returns or not _INSPECTION_DUE.search(refusals.quote(index, e)))
    ]


def _inspectorates_furniture(index: Index, ev: answering.Evidence) -> bool:
    """Whether a span is the inspectorate's address, phone and web lines, or the licence and copyright text
    closing every report: no finding ("did Tameside place children in Manchester?" is not answered by
    Ofsted's Manchester address, nor "who is in charge of X?" by "free of charge")."""
    closing, boilerplate = _closing(index, ev), index.is_boilerplate(ev.source, ev.start, ev.end)
    if closing and boilerplate:
        return True
    return (closing or boilerplate) and answer_kinds.gives(refusals.quote(index, ev), "contact")
