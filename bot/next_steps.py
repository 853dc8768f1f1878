"""Questions about what the inspectorate will do next, and the statements that answer them."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import negation
from bot.asking import asking_part, clause_asked

# "What will the inspector be looking for next?", "When will Derby be inspected again?": a next step, an
# inspectorate doing it, and the future ("What did Ofsted say about children missing again?" is not one).
_NEXT = re.compile(
    r"\b(next|again|going forward|from now on|(com|go)(e|es|ing)? back|returns?|revisits?|follow[- ]?up"
    # ... or keeping watch: "is HMI going to be watching how we react?", "will ofsted monitor it?"
    r"|watch(es|ing)?|monitor(s|ing)?|keep(ing)? an eye)\b",
    re.I,
)
# ... or what it will give: "will they be rated good next time?"
_AGENT = re.compile(
    # ... or the grade it gives: "will the next inspection give a good rating?"
    r"\b(inspectors?|inspectorate|inspected|re-?inspect\w*|HMI\w*|Ofsted|CQC|rated|graded|judged|ratings?"
    r"|grades?"
    # "will anyone come back to check?": someone coming back to check is the inspectorate
    r"|(anyone|anybody|someone|somebody)\s+((come|comes|coming)\s+back|return|returns|returning|check|checks"
    r"|checking))\b",
    re.I,
)
# "how long before inspectors come back?" asks of a visit to come as "will" does
_TIME_TO_COME = r"how long (before|until|till)|how soon|time ?scales?|time ?frames?|by when"
# ("is anyone coming back?": the present of a visit to come)
_FUTURE = re.compile(rf"\b(will|shall|going (to|back)|coming back|next|soon|{_TIME_TO_COME})\b", re.I)
# "what happens next?", "what happens to X now?", "what's next?": whatever comes, a visit or what it looks at
_HAPPENS_NEXT = r"\bwhat (happens|comes)( to( \w+)?)? (next|now)\b|\bwhat(['’]s| is)? next\b"
_HAPPENS_NEXT_ASKED = re.compile(_HAPPENS_NEXT, re.I)
_WHAT_NEXT = re.compile(
    rf"{_HAPPENS_NEXT}|\bnext (\w+ ){{0,2}}(inspection|visit)\b",
    re.I,
)
# "When will ...?" asks for a time; "What will Ofsted look at when it returns?" does not.
_WHEN = re.compile(
    rf"^\W*(when|how soon|how long|how often|(in )?(what|which) year)\b|\b({_TIME_TO_COME})\b"
    r"|\b(soon|when)\W*$",
    re.I,
)
# The inspectorate saying what it will look at: "I will be interested to see how the force responds".
_INTEREST = re.compile(
    r"\b(I|[Ww]e|HMIC\w*|HMI|Ofsted|CQC|[Ii]nspectors?|[Tt]he inspectorate)( and \w+)?\s+"
    r"(will|shall|intends? to|plans? to|expects? to|looks? forward to"
    r"|(am|are|is|will be) (interested|keen))\b"
)
# What the inspection requires of those inspected: "His Majesty's Chief Inspector requires the local area
# partnership to prepare and submit a priority action plan", "Ofsted and CQC ask that the partnership updates
# and publishes its strategic plan": what happens next, not what the inspectorate will look at.
_REQUIRED = re.compile(
    r"\b(HMCI|(His|Her) Majesty[’']s Chief Inspector|Ofsted|CQC|[Ii]nspectors)( and (the )?[\w ]{2,40}?)?\s+"
    r"(requires?|asks? that)\b"
)
# When the next visit is due: "The next full area SEND inspection will be within approximately 3 years.",
# "The next full reinspection will be ...", "A monitoring inspection will be carried out within 18 months."
_TIMING = re.compile(
    r"\b(next|monitoring|follow-up) (\w+ ){0,3}(re-?)?(inspection|visit|assessment)s?\b.*\bwill\b", re.I
)
_QUOTED = re.compile(r"[‘“\"]")
# "What did the follow-up visit find?": what came of a later visit, asked in the past.
_LATER_VISIT = re.compile(
    r"\b(follow[- ]?up|monitoring|next|later|subsequent|return)\s+(\w+\s+){0,3}"
    r"(re-?)?(visits?|inspections?)\b"
    r"|\b(revisit(ed)?|re-?inspected|c[oa]me back)\b"
    # the inspectorate going back: "did Ofsted ever go back and check?", not "children going back home"
    r"|\b(ofsted|inspectors?|hmic\w*|hmi|cqc|inspectorate|they)\s+(\w+\s+)?(go|goes|went|gone|been|return(ed)?)\s+back\b"
    # ... named before and then "it": "what did ofsted find when it went back?"
    r"|\bwhen it\s+(went|goes|go|returned|returns)\s+back\b",
    re.I,
)
# After the inspection itself ("has it got better since the inspection?"), not "since the last inspection",
# which a report compares itself with, nor a visit a report may describe ("what did the monitoring visit
# find?").
_AFTER_THE = (
    r"\b(?P<when>after|since|following|post)\s+(?!(the|its|their)\s+(last|previous|earlier|prior)\b)"
    r"((the|that|its|their|this|ofsted['’]?s?)\s+)?"
)
_REPORTS = "inspection|insp|report|visit|ilacs|assessment"
_AFTER_REPORT = re.compile(
    rf"{_AFTER_THE}(?!(last|previous|earlier|prior)\b)([a-z]+\s+){{0,2}}(verdict|judgement|rating|{_REPORTS})s?\b"
    r"|\bsince\s+(ofsted|inspectors?|they)\s+[a-z]+\s+(it|them)\b|\bsince\W*$"
    # the visit itself ("after ofsted came"), or the report by its grade ("improved since inadequate?")
    r"|\b(after|since)\s+(ofsted|the inspectors?|inspectors?)\s+"
    r"(came|visited|inspected|were here|w(as|ere) in)\b"
    # the report by a pronoun, told as out: "after this came out", "in the years since it was published"
    r"|\b(after|since)\s+(this|that|it)\s+(came out|was (published|released|issued|written|done))\b"
    r"|\b(years?|months?)\s+(after|since)\s+(this|that|it)\b"
    r"|\bsince\s+((it|they)\s+(got|was given|were given|received|was rated|were rated)\s+)?(an?\s+)?"
    r"(inadequate|requires improvement|ri|outstanding)\b",
    re.I,
)
# A report named with its date ("since the 2023 inspection", "after its June 2023 ILACS"): "after" it may
# be its result ("what judgement did Ofsted give after the March 2025 inspection?"), so only a thing done
# after it, or anything since it, asks what came later.
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATED_REPORT = re.compile(
    rf"{_AFTER_THE}(([a-z]+\s+)?\d{{4}}|{_MONTH}\s+\d{{2}})(\s+({_REPORTS})s?)?\b", re.I
)
# Whether someone is still in a post now: "is X still Barset's DCS?", "does X remain director of children's
# services?" (not "is the director still improving services?").
_STILL_IN_POST = re.compile(
    r"\b(still|remains?|continues? (to (hold|be|serve)|as)|carr(y|ies) on as)\s+([\w'’]+\s+){0,3}?(the\s+)?"
    r"(dcs|director|chief executive|executive director|lead member|headteacher|head teacher|in post|in charge"
    r"|in the job|running|the post)\b"
    # who holds it now: "oxfordshire DCS now - X or someone new?", "who is the director these days"
    r"|\b(dcs|director|chief executive|executive director|lead member|headteacher|head teacher)\s+"
    r"(now|today|currently|these days|at the moment|nowadays)\b"
    r"|\bor (someone|somebody|anyone) (new|else)\b",
    re.I,
)
_CAME_OF = re.compile(
    r"\b(did|found|showed|concluded|discovered|uncovered|judged|rated|findings?|outcomes?|results?|verdict"
    r"|conclusions?|happened|changed|better|worse|improved|moved on|left|still|re-?inspected"
    # a figure or a practice that moved: "waits down since the inspection?", "ended its use of ..."
    r"|down|reduc\w*|cut|fall(en)?|fell|drop(ped)?|end(ed)?|stop(ped)?|show(s|ed|ing)?"
    # a weakness put right since: "have they sorted out the weak plans since ofsted were in?"
    r"|sort(ed)? (\w+ ){0,4}out|sorted|fixed|resolved|dealt with|tackled|addressed|put right"
    # what came of a plan: "has it made any difference since?", "had an impact", "paid off"
    r"|made (any|a|much|no) (real )?difference|had (any|an|much) (real )?(impact|effect)|paid off)\b",
    re.I,
)
# Whether something a report may have said was planned has since come about: a thing done ("opened", "gone
# live", "up and running") with a time after the report ("in the end", "yet", "now", "when they said").
_DONE = re.compile(
    # done again too: "relaunched", "rebuilt", "re-opened"
    r"\b(re-?)?(open(ed)?|go(ne)? live|went live|launch(ed)?|start(ed)?|happen(ed)?|finish(ed)?|complete[ds]?"
    r"|set up|built|deliver(ed)?|introduced|roll(ed)? (\w+ ){0,2}out|up and running|in place"
    # spread further: "have the teams now been extended to every school?"
    r"|extend(ed)?|expand(ed)?|widen(ed)?|scaled up|developed|created|established|formed"
    r"|br(ing|ought) (\w+ ){0,2}(in|out)|g[eo]t (\w+ ){0,6}(working|going|running|sorted|done)"
    r"|implement(ed)?|adopt(ed)?|appoint(ed)?|recruit(ed)?|hired?|fill(ed)?|took effect|register(ed)?"
    r"|publish(ed)?|put out|release[ds]?|out (yet|now)|updated?|revised?|red(o|one)|rewr(ite|itten|ote)"
    r"|stop(ped)?|end(ed)?|ceased?|live (yet|now)"
    # won: "has Lambeth been recognised as a child-friendly borough?"
    r"|recogni[sz]ed as|accredited|certified"
    # ... or undone: "has the commissioner since been withdrawn?", "was the unit closed?"
    r"|withdrawn|removed|lifted|scrapped|closed|disbanded|stood down|replaced"
    # "is that person gone now?", not "has the number gone down?"
    r"|gone(?!\s+(down|up|through|on|over|into|wrong|well|badly|back|from|to)\b))\b",
    re.I,
)
_SINCE_THEN = re.compile(
    r"\b(in the end|ever|yet|by now|now|since|finally|at last|these days|so far|what came (out )?of"
    r"|(go|goes|went|gone) on to"
    r"|subsequently|afterwards|later|since then"
    r"|as (planned|promised|intended)|on time"
    # asked in the present perfect, of now: "has Barset opened its third hub?"
    r"|(^|[.!?]\s+)\W*([\w'’&-]+\s+[-:]\s+)?(has|have|hasn['’]?t|haven['’]?t)"
    # ... or after a dash: "it said it would build homes - has it?"
    r"|\s[-–]\s+(has|have|hasn['’]?t|haven['’]?t)"
    r"|when (they|it|he|she|the council|leaders|managers) said)\b",
    re.I,
)
# What came of a thing under way: "the outcome of the review", "review outcome", "did they end up giving it?"
_OUTCOME = re.compile(
    r"\b(outcome|result|conclusion)s?\b[^?]{0,60}\b(review|consultation|pilot|trial|evaluation|eval|bid)\b"
    r"|\b(review|consultation|pilot|trial|evaluation|eval|bid)\b[^?]{0,60}\b(outcome|result|conclusion)s?\b"
    r"|\bdid\b[^?]{0,60}\bend up\b",
    re.I,
)
# A passage saying a thing is only planned or under way ("a third superhub in development", "is being
# pursued", "agreed to fund ... planned for 2024").
_PLANNED = re.compile(
    r"\b(in development|being (developed|pursued|planned|built|considered|explored|set up)"
    r"|plans? (to|for|(are |is )?(now )?in place)"
    r"|(is|are) (currently |now |still )?(exploring|developing|considering|reviewing|planning|working on)"
    r"|planned|intends? to|intention|due to|agreed to|is to be|are to be|not yet|will|under ?way"
    r"|(is|are) (progressing|in the process of)"
    r"|in progress"
    # an aim: "its priorities ... to become a recognised child-friendly borough"
    r"|aims? to|ambitions? to|commitment to|to become|working towards)\b",
    re.I,
)
# A plan the question tells of, in the past ("the report said extra respite was being developed"): asked
# of now ("is there more respite now?"), it asks whether the plan came about.
_TOLD_PLAN = re.compile(
    r"\b(was|were) (being (developed|planned|built|set up|considered|explored)|planned|(going|due) to)\b"
    r"|\bsaid\b[^.?!]{0,30}?\b(it|they|the council|the partnership) (would|was going to|were going to)\b",
    re.I,
)
# A statement of what will happen ("A monitoring inspection will be carried out within 18 months").
_FORETOLD = re.compile(r"\b(will|shall)\b|\b(is|are) (due|planned|scheduled|expected) to\b", re.I)
# Words of the question that ask for a next step rather than name a subject.
NEXT_WORDS = (
    "next again future forward going come comes back return revisit follow up will look looking expect "
    "expected plan plans happen happens want wants check focus interested see inspect inspected visit"
)


Kind = Callable[[str], bool]
MAX_OTHER_WORDS = (
    3  # "What's next for West Midlands Police?" names a subject; a longer clause asks about another
)


# A plan the inspection requires: "has X got to write a priority action plan?", "need to submit a plan?"
_PLAN_REQUIRED = re.compile(
    r"\b(have|has|had|got|need|needs|required|must) to (write|produce|submit|prepare|draw up|publish)\b"
    r"[^?]{0,40}\b(action|improvement|post-inspection) plans?\b",
    re.I,
)


def asks_next_step(question: str) -> bool:
    """Whether the question asks what the inspectorate will do or look at next, or when."""
    if _PLAN_REQUIRED.search(question):
        return True
    asked = _WHAT_NEXT.search(question)
    # "What happens next for the force?" but not "how do agencies describe X, and what happens next?"
    if asked:
        rest = question[: asked.start()] + question[asked.end() :]
        if len(re.findall(r"[^\W\d_]{4,}", rest)) <= MAX_OTHER_WORDS:
            return True
    # ... unless the inspectorate, or what it gives, is named with the future: "will the next inspection give
    # the council a good rating?"
    return all(pattern.search(question) for pattern in (_NEXT, _AGENT, _FUTURE))


def names_next(text: str) -> bool:
    """Whether a text names a next step at all ("again", "next", "come back"): in the sentences that ask,
    the story before them aside ("he turns 18 next year")."""
    return bool(_NEXT.search(text) or _WHAT_NEXT.search(text) or _PLAN_REQUIRED.search(text))


def asks_what_came_of(question: str) -> bool:
    """Whether the question asks what a later visit by the inspectorate found: a report can foretell the
    visit, not its findings."""
    if _FORETOLD.search(question) or "going to" in question.lower():  # what will happen: a report says
        return False
    return bool(_LATER_VISIT.search(question) and _CAME_OF.search(question))


def asks_after_report(question: str) -> bool:
    """Whether the question asks what came after the inspection it is about, or what was done since ("have
    they appointed a head since the 2023 inspection?"): a report cannot say."""
    if _FORETOLD.search(question) or "going to" in question.lower():
        return False
    done = bool(_DONE.search(question))
    if _STILL_IN_POST.search(question):
        return True
    if _AFTER_REPORT.search(question):  # "has Ofsted been back since it got RI?" asks what it found
        return done or bool(_CAME_OF.search(question) or _LATER_VISIT.search(question))
    dated = _DATED_REPORT.search(question)
    if not dated:
        return False
    return done or dated.group("when").lower() == "since"


def asks_still_in_post(question: str) -> bool:
    """Whether the question asks if someone holds a post now ("is X still Barset's DCS?"): a report says who
    held it when it was written, whichever report names them."""
    return bool(_STILL_IN_POST.search(question)) and not _FORETOLD.search(question)


def asks_if_it_came_about(question: str) -> bool:
    """Whether the question asks if something has come about since ("has the hub opened yet?", "did it go
    live when they said it would?", "what was the outcome of the review?"): a report saying it was planned
    cannot say."""
    if _FORETOLD.search(question) or "going to" in question.lower():
        return False
    # what is told before the asking clause is taken as given ("the register isn't live yet, so how ...?")
    question = clause_asked(question)
    # "X yet?" asks of now, but "last year's issues sorted yet?" of a later report, which may say
    yet = _YET_ASKED.search(question) and not _EARLIER.search(question)
    done = _DONE.search(question) or yet or _TOLD_PLAN.search(question)
    return bool((done and _SINCE_THEN.search(question)) or _OUTCOME.search(question))


def asks_if_it_went_ahead(question: str) -> bool:
    """Whether the question asks if a thing done has since come about ("did they go on to open the unit?",
    "did the forum ever get going?"), not what came of something ("where did they end up?")."""
    asked = asking_part(question)  # the story before it may tell of things done ("I was adopted ...")
    if _FORETOLD.search(asked) or "going to" in asked.lower():
        return False
    return bool(_DONE.search(asked) and _SINCE_THEN.search(asked))


# A thing taking effect, in a passage ("is making a difference", "having a positive impact"): it was done.
_EFFECT = re.compile(
    r"\b(having|had|has|have|making|made|makes) (an? |any |some )?(\w+ )?(impact|effect|difference)\b", re.I
)
# A state asked of now by "yet" alone: "countywide yet?", "all sorted yet", "is it in every school yet?"
_YET_ASKED = re.compile(r"\byet\W*$", re.I)
_EARLIER = re.compile(r"\b(last|previous|earlier|prior|before)\b", re.I)


def only_planned(text: str) -> bool:
    """Whether a passage says a thing is planned or under way, or not done ("is not written in accessible
    language", "has not opened"), or says nothing of its being done ("there is very limited respite care"):
    not that it was done ("opened last year, and no one is turned away")."""
    if _PLANNED.search(text):
        return True
    words = re.findall(r"[\w'’]+", text.lower())
    done = {m.group().lower() for m in _DONE.finditer(text)}
    done |= {m.group(1).lower() for m in _EFFECT.finditer(text)}  # "is starting to have a positive impact"
    return not done - negation.negated_words(words)


def done_words(text: str) -> set[str]:
    """The words a text says a thing was done with, by their first letters ("opened", "open": "open"); a
    thing taking effect as "effect", however said."""
    done = {re.sub(r"^re-?", "", m.group().lower())[:4] for m in _DONE.finditer(text)}
    return done | ({"effect"} if _EFFECT.search(text) else set())


def foretells(text: str) -> bool:
    """Whether a statement says what will happen, rather than what was found."""
    return bool(_FORETOLD.search(text))


def kind_of_answer(question: str) -> Kind | None:
    """The statements answering a next-step question (a due date, or a stated interest); None if not one."""
    if not asks_next_step(question):
        return None
    if _WHEN.search(question):
        return _says_when
    happens = _HAPPENS_NEXT_ASKED.search(question) or _PLAN_REQUIRED.search(question)
    return _says_next if happens else _says_interest


def _says_next(text: str) -> bool:
    """Whether a passage says what comes next: when the next visit is, or what the inspectorate will do."""
    return _says_when(text) or _says_interest(text) or bool(_REQUIRED.search(text))


def _says_when(text: str) -> bool:
    """Whether a passage says when the next inspection or visit is due."""
    return bool(_TIMING.search(text))


def _says_interest(text: str) -> bool:
    """The inspectorate's own words about what it will do: not a first person quoted from someone else."""
    match = _INTEREST.search(text)
    return bool(match) and not _QUOTED.search(text[: match.start()])


NOT_YET_FOUND = "The reports say only that this visit will happen, not what it found."
NOTHING_AFTER = "No report here is from after that inspection, so none can say what came after it."
IN_POST_NOW = "The reports say who held a post when each was written, not who holds it now."
ONLY_PLANNED = (
    "The report does not say this was done (at most that it was planned or under way); no later report here "
    "says whether it came about."
)

# Every kind of statement kind_of_answer can ask for, with the reason to refuse when no passage is one.
UNSTATED: dict[Kind, str] = {
    _says_when: "No passage says when the next inspection is due.",
    _says_interest: "No passage says what the inspectorate will do or look at next.",
    _says_next: "No passage says what the inspectorate will do next, or when.",
}
