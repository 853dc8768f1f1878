"""What a question asks of the reports as a whole: grades named or asked for, a listing across reports, the
best or worst rated, a comparison, a change over time, advice; and which of its sentences ask (pure functions
over the question's text; the words they look for are in wording)."""

from __future__ import annotations

import re

from bot.findings import outcome_in
from bot.wording import (
    AREA_ABOVE,
    AREA_BELOW,
    ASKED_INSIDE,
    ASKING_WORDS,
    BETTER,
    COLLECTION,
    EVERYDAY_VERDICTS,
    GIST_RIGHT,
    GIST_WRONG,
    GRADE_ORDER,
    GRADE_VALUES,
    HOLDING,
    INSPECTORATE_NAMES,
    LESS,
    LOOKING_OVER,
    MORE,
    NEWEST_HELD,
    OLDEST_HELD,
    ONE_PERSON,
    ORGANISATION_PLURALS,
    ORGANISATIONS,
    PROGRESS_ASKED,
    TEXT_SPEAK,
    WORSE,
)

_ACROSS = re.compile(
    rf"\b(which|what(['’]s)?|list|name|how many|any|all|(number|count|no\.?)\s+of)(?!\w)(\s+[\w'’-]+){{0,3}}?"
    rf"\s+{ORGANISATIONS}\b"
    # how many, of no noun: "how many are still rated inadequate?", "how many remain inadequate overall?"
    r"|\bhow many\s+(are|were|have|has|had|got|remain|still|received)\b"
    # which, of those named before: "out of the london boroughs in here, which ones ...?"
    rf"|\b(out of|of|among|amongst)\s+(the\s+)?([\w'’-]+\s+)?{ORGANISATION_PLURALS}\b[^?]*\bwhich\b",
    re.I,
)
# ... or where, of them all: "slipped anywhere?", "rated below good where?", "per LA", "across councils"
_ACROSS_PLACES = re.compile(
    rf"\banywhere\b|^\W*where\b|\bwhere\W*$|\b(per|each|every|across( the| all)?)\s+{ORGANISATIONS}\b",
    re.I,
)
_WHO_FIRST = re.compile(r"\W*who(['’]s)?\b", re.I)
_VALUE = "|".join(f"(?:{cue})" for cue in GRADE_VALUES.values())
# "who was rated outstanding?", "who got inadequate in 2024?": who, of the organisations, was given a grade
_WHO_GRADED = re.compile(
    r"\bwho(?:['’]s)?\s+(?:was|were|is|are|has been|have been|been|got|gets|received|earned)\s+"
    rf"(?:(?:rated|judged|graded|given|found)\s+)?(?:an?\s+)?(?:{_VALUE})\b",
    re.I,
)
# "councils judged inadequate on adoption?": the organisations, in the plural, are what the question lists
# (after a word saying where: "london LAs - which outstanding?")
_PLURAL_FIRST = re.compile(
    rf"\s*((?!(how|why|when|do|does|did|are|is|were|was|can|should|would|will|have|has)\b)[\w'’-]+\s+)?"
    rf"{ORGANISATION_PLURALS}\b",
    re.I,
)
_GRADES = {name: re.compile(rf"^(?:{cue})$", re.I) for name, cue in GRADE_VALUES.items()}
_CHAIN = rf"(?P<values>(?:{_VALUE})(?:\s*(?:,|/|or|and)\s*(?:{_VALUE}))*)\b"
# A grade word counts only as what something was rated ("rated good or outstanding", "were inadequate",
# "an outstanding rating", "failing councils"), not as any use of the word ("good practice").
_GRADED_AS = (
    re.compile(
        # "to rate it inadequate" as "rated inadequate"; not "the rate of ..."
        r"\b(rated|judged|graded|found|deemed|assessed|was|were|is|are|be|been|got|get|received|given|awarded|as"
        r"|branded|labell?ed|declared|classed|classified|(judge?ments?|ratings?)(\s+of)?"
        # other verbs of getting one: "landed a good grade", "scored outstanding", "secured good"
        r"|landed|scored|secured|earned|achieved|bagged"
        # "walked away with a good", "came out inadequate", "ended up with inadequate"
        r"|(?:walked|came|went|ended|finished|turned)\s+(?:away|out|up|off)(?:\s+with)?"
        r"|(rate|judge|grade)s?(?!\s+of\b))"
        rf"\s+(?:[\w'’]+\s+){{0,2}}?{_CHAIN}",
        re.I,
    ),
    # "outstanding councils", "an inadequate rating", "LAs with outstanding overall effectiveness"
    re.compile(
        rf"\b{_CHAIN}[\s-]+(?:overall\s+)?(rating|rated|grade|judgement|verdict|effectiveness|{ORGANISATIONS})\b",
        re.I,
    ),
)


_FROM_TO = re.compile(
    rf"\bfrom\s+(?:an?\s+)?(?P<a>{_VALUE})\s+(?:to|into)\s+(?:an?\s+)?(?P<b>{_VALUE})\b", re.I
)
# passed or failed its inspection ("did derby pass its 2017 ofsted?", "failed their Ofsted inspection")
_ITS_INSPECTION = r"\s+(its|their|the|his|her)\s+([\w'’]+\s+){0,2}?(ofsted|inspection|ilacs)"
_FAILED = re.compile(rf"\b(fail|fails|failed|failing){_ITS_INSPECTION}s?\b", re.I)


# A grade that went up got better; one that went down got worse.
_GOT_BETTER = frozenset(f"{BETTER} {MORE}".split())
_GOT_WORSE = frozenset(f"{WORSE} {LESS}".split())


def change_claimed(text: str) -> str | None:
    """'better' or 'worse' when the text says grades moved one way (not both), else None: up is better
    ("went up", "rose"), down is worse ("went down", "dropped")."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    better = bool(words & _GOT_BETTER)
    worse = bool(words & _GOT_WORSE)
    return "better" if better and not worse else "worse" if worse and not better else None


_EXTREME = re.compile(
    # ... of the inspection ("the top ofsted rating", "the worst overall grade")
    r"\b(?P<end>best|highest|top|worst|lowest|poorest|bottom)[\s-]+((ofsted|inspection|overall)\s+)?"
    r"(rated|graded|ranked|rating|ratings|grade|grades|judged|marks|scores?"
    # an area SEND inspection's outcome: "the worst outcome", "the top SEND outcome"
    r"|(send\s+|inspection\s+)?(outcomes?|verdicts?))\b",
    re.I,
)


_EXTREME_OF = re.compile(rf"{_EXTREME.pattern}\s+(\w+\s+)?{ORGANISATIONS}\b", re.I)
# the same, the other way round: "which council is rated best?"
_EXTREME_AFTER = re.compile(
    r"\b(rated|graded|ranked|judged|scored)\s+(the\s+)?(?P<end>best|highest|top|worst|lowest|poorest|bottom)\b",
    re.I,
)


# ... or the best or worst of the reports themselves: "what was the worst report?", "the best councils"
_EXTREME_NOUN = re.compile(
    rf"\b(?P<end>best|highest|top|worst|lowest|poorest|bottom)[\s-]+((rated|ranked)\s+)?{ORGANISATIONS}\b",
    re.I,
)


def extreme_asked(question: str) -> str | None:
    """'best' or 'worst' when the question asks for the best or worst rated reports, else None."""
    match = _EXTREME.search(question) or _EXTREME_AFTER.search(question) or _EXTREME_NOUN.search(question)
    if not match:
        return None
    return "best" if match["end"].lower() in ("best", "highest", "top") else "worst"


# An area SEND inspection named: its outcome ("significant concerns") is no other report's
_OF_SEND = re.compile(r"\bsend\b|\bspecial (educational )?needs\b|\bpartnerships?\b", re.I)
_AREAS = re.compile(r"\b(which|what|list|name|how many|any|all)\b(\s+[\w'’-]+){0,3}?\s+areas?\b", re.I)


# Which organisations were inspected (in a year): "which councils have been inspected in 2026?"
_WHICH_INSPECTED = re.compile(
    rf"\b(which|what|list|name|how many)(\s+(the|all|of the))?(\s+[\w'’-]+)?\s+{ORGANISATIONS}\s+"
    r"((have|has|had|were|was|got|did|does)\s+)?([\w'’-]+\s+){0,3}?(been\s+)?"
    r"(inspect|inspected|visit|visited|reported on)\b",
    re.I,
)


def asks_which_inspected(question: str) -> bool:
    """Whether the question asks which organisations were inspected, naming no grade to list them by."""
    return (
        bool(_WHICH_INSPECTED.search(question)) and not grades_named(question) and not extreme_asked(question)
    )


_COLLECTION = re.compile(rf"\b{COLLECTION}\b", re.I)
_HOLDING = re.compile(rf"\b{HOLDING}\b", re.I)
_NEWEST_HELD = re.compile(rf"\b{NEWEST_HELD}\b", re.I)
_OLDEST_HELD = re.compile(rf"\b{OLDEST_HELD}\b", re.I)


_INSPECTORATE_NAMED = {name: re.compile(rf"\b({cue})\b", re.I) for name, cue in INSPECTORATE_NAMES.items()}


def inspectorate_named(text: str) -> str | None:
    """The inspectorate a text names, abbreviated or in full ("Care Quality Commission": "CQC"), if any."""
    return next(iter(inspectorates_named(text)), None)


def inspectorates_named(text: str) -> list[str]:
    """Every inspectorate a text names ("name Ofsted's lead and the CQC's": Ofsted and CQC)."""
    return [name for name, named in _INSPECTORATE_NAMED.items() if named.search(text)]


# ("their most recent inspection" says which report, not how far it moved)
_MOVED_MOST = re.compile(
    r"\b(the\s+)?(most|biggest|largest|furthest|greatest)\b(?!\s+(recent|recently|latest|current)\b)", re.I
)


def change_asked(question: str) -> str | None:
    """'better' or 'worse' when a question across reports asks whose grades moved that way ("which councils
    went down a grade?", "which LAs have improved?", "which went from inadequate to good?"), else None."""
    across = _ACROSS.search(question) or _ACROSS_PLACES.search(question) or _PLURAL_FIRST.match(question)
    if not (across or _WHO_FIRST.match(question)):  # "who dropped from good to inadequate?": which did
        return None
    move = grade_move(question)
    if move is not None and move[0] != move[1]:
        return "better" if GRADE_ORDER.index(move[1]) < GRADE_ORDER.index(move[0]) else "worse"
    return change_claimed(question)


def grade_move(question: str) -> tuple[str, str] | None:
    """The grades a question says something moved from and to ("from RI to good"), as records spell them."""
    match = _FROM_TO.search(_FULL_RI.sub("improvement", question))
    if match is None:
        return None
    return grade_called(match["a"]) or "", grade_called(match["b"]) or ""


def grade_called(value: str) -> str | None:
    """The grade a word or phrase names, as records spell it ("RI": "requires improvement"), else None."""
    return next((name for name, cue in _GRADES.items() if cue.match(value)), None)


def moved_most(question: str) -> bool:
    """Whether a question about grades that moved asks which moved most ("which improved the most?")."""
    return bool(_MOVED_MOST.search(question))


def without_verdicts(text: str) -> str:
    """The text without the everyday words that put a verdict on services ("a fair deal", "hit and miss",
    "right across the board"), which name no subject of their own."""
    return _VERDICTS.sub(" ", text)


_VERDICTS = re.compile(EVERYDAY_VERDICTS, re.I)


def without_looking_over(text: str) -> str:
    """The text without the words that look over the reports ("looking at all of them"), naming no subject
    (and not "looked after", which names one)."""
    return _LOOKING_OVER.sub(" ", text)


_LOOKING_OVER = re.compile(LOOKING_OVER, re.I)


def without_inspectorates(text: str) -> str:
    """The text with the inspectorates it names left out ("what did Ofsted and the CQC recommend?")."""
    for named in _INSPECTORATE_NAMED.values():
        text = named.sub(" ", text)
    return " ".join(text.split())


def names_collection(question: str, named: bool) -> bool:
    """Whether the question asks about the reports held rather than what one says: it names them in the
    plural ("what reports are there for Dorset?", "which councils do you cover?"), as held ("is there a
    report on Dorset?"), the oldest ("the first inspection of Enfield"), or, naming no organisation, the
    newest ("what is the most recent report?")."""
    nouns = [m.group(0).lower() for m in _COLLECTION.finditer(question)]
    if not nouns:
        return False
    plural = any(n.endswith(("s", "ies")) for n in nouns)
    # the newest report of an organisation named is more often asked for what it says than as held
    extreme = dated_extreme(question)
    return (
        plural
        or bool(_HOLDING.search(question))
        or extreme == "oldest"
        or (not named and extreme is not None)
    )


def dated_extreme(question: str) -> str | None:
    """'newest' or 'oldest' when the question asks for the newest or oldest report held, else None."""
    if _OLDEST_HELD.search(question):
        return "oldest"
    return "newest" if _NEWEST_HELD.search(question) else None


def asks_across(question: str) -> bool:
    """Whether the question asks which reports (or how many) were given a grade, or the best or worst, or
    which were inspected."""
    # "top rated LAs", "outstanding councils": a grade or an extreme naming what is listed
    if _EXTREME_OF.search(question) or _GRADED_AS[1].search(question) or asks_which_inspected(question):
        return True
    # a grade, the best or worst, or an area SEND inspection's outcome ("which partnerships had significant
    # concerns?")
    outcome = bool(outcome_in(question)) and bool(_OF_SEND.search(question))
    named = bool(grades_named(question)) or extreme_asked(question) is not None or outcome
    listed = _asks_which_places(question) or _WHO_GRADED.search(question)
    # the SEND framework's "local areas": "which areas got positive experiences and outcomes?"
    return bool(listed or (outcome and _AREAS.search(question))) and named


def _asks_which_places(question: str) -> bool:
    """Whether a question asks which organisations (or reports), how many, or where among them."""
    return bool(_ACROSS.search(question) or _ACROSS_PLACES.search(question) or _PLURAL_FIRST.match(question))


def areas_set_against(question: str) -> tuple[str, str, str] | None:
    """(before, after, 'worse' or 'better') when a question asking which reports sets something against
    another with a comparison ("which councils had care leavers judged below children in care?"); None
    otherwise. Whether the two sides name judgement areas is for the records to say."""
    if not (_asks_which_places(question) or _PLACES_WHERE.search(question)):
        return None
    for pattern, direction in ((_AREA_BELOW, "worse"), (_AREA_ABOVE, "better")):
        m = pattern.search(question)
        if m:
            return question[: m.start()] + (m["between"] or ""), question[m.end() :], direction
    return None


# "LAs where the CL grade is lower than the CiC grade", "councils whose ...", "going by the latest
# inspections, where was ...?"
_PLACES_WHERE = re.compile(
    rf"\b{ORGANISATION_PLURALS}\s+(where|whose|with|in which)\b"
    r"|(?:^|[,;:.?]\s*)where\s+(was|were|is|are|did|do|does|has|have)\b",
    re.I,
)
_AREA_BELOW = re.compile(AREA_BELOW, re.I)
_AREA_ABOVE = re.compile(AREA_ABOVE, re.I)


# A question about how an organisation's grades moved from one inspection to the next.
_OVER_TIME = re.compile(
    r"\b(chang\w*|over time|over the years|trend\w*|history|track record|"
    r"(improv\w*|progress\w*|declin\w*) since|(got|get|gotten|getting) (better|worse)|gone (up|down)|"
    r"each inspection|every inspection|past inspections|"
    r"previous (inspections|ratings|grades)|ratings? (then|before)|over the last)\b",
    re.I,
)


# A question setting organisations (or years) side by side.
_COMPARE = re.compile(
    # "which is better for care leavers, barnet or enfield?": with two named, which of them does better (not
    # "why did it get better between 2019 and 2024?")
    r"\b(which|whose)\b[^?]*\b(better|worse|stronger|weaker)\b|"
    r"\b(compar\w*|versus|vs\.?|against each other|differ\w*|side by side|better than|worse than|"
    r"how do .{1,60} and .{1,60} (do|compare|fare|differ))\b",
    re.I,
)


def asks_comparison(question: str) -> bool:
    """Whether the question sets reports side by side ("Compare Trafford and Bolton on care leavers")."""
    return bool(_COMPARE.search(question))


# A question asking when, or whether ever, a grade was given: each report's grade answers it
_WHEN_GRADED = re.compile(
    r"\b(ever|how many times|what years?|which years?|when (was|were|did|has|have|is))\b[^?]*"
    r"\b(rated|judged|graded|given|got|get|gets|received|awarded|been|inspected)\b",
    re.I,
)


# ... or its grades one against another: "which inspection of X was the worst?", "its grade before it became
# outstanding", "how long has it been rated outstanding?", "when did it go from inadequate to good?"
_GRADES_IN_TURN = re.compile(
    r"\b(which|what) (inspections?|reports?|ofsteds?|visits?|ilacs)\b[^?]{0,30}\b(was|were|got|had)\s+"
    r"(the\s+)?(worst|best|lowest|highest|poorest)\b"
    r"|\bbefore (it|they|the council|the la) (became|become|was rated|were rated|was judged|got|turned)\b"
    r"|\bhow long (has|have|had) ([\w'’]+ ){0,3}been (rated|judged|graded|outstanding|good|inadequate)\b",
    re.I,
)


def asks_over_time(question: str) -> bool:
    """Whether the question asks how ratings changed over time ("How has Bury's rating changed?"), or when or
    whether ever a grade was given ("when was Lambeth rated inadequate?", "was X ever outstanding?")."""
    return bool(
        _OVER_TIME.search(question)
        or _WHEN_GRADED.search(question)
        or _GRADES_IN_TURN.search(question)
        or grade_move(question) is not None
    )


def grades_named(question: str) -> set[str]:
    """The grades the question asks about, as records spell them ("requires improvement")."""
    question = _FULL_RI.sub("improvement", _QUOTES.sub(" ", question))
    found: set[str] = set()
    for pattern in _GRADED_AS:
        for match in pattern.finditer(question):
            for value in _LIST_SEPARATOR.split(match.group("values")):
                if name := grade_called(value.strip()):
                    found.add(name)
    if _FAILED.search(question):  # "which councils failed their Ofsted inspection?"
        found.add("inadequate")
    if not found and _asks_which_places(question):  # terse: "care leavers outstanding 2024 which councils"
        found = bare_grades(question)
    return found


def grades_spelt_out(question: str) -> str:
    """The question with a grade told by its place among the others written as the grades it covers ("below
    good": "requires improvement or inadequate", "at least good": "good or outstanding")."""
    return _GRADE_OR_BEYOND.sub(_spelt_out_or, _COMPARED_GRADE.sub(_spelt_out, question))


def _spelt_out_or(match: re.Match[str]) -> str:
    """ "good or better": "good or outstanding"; "RI or worse": "requires improvement or inadequate"."""
    order = list(reversed(GRADE_ORDER))  # worst first
    grade = grade_called(match["grade"]) or match["grade"]
    at = order.index(grade)
    covered = order[: at + 1] if match["way"].lower() in _WORSE_WAY else order[at:]
    return " or ".join(reversed(covered))


def _spelt_out(match: re.Match[str]) -> str:
    order = list(reversed(GRADE_ORDER))  # worst first
    grade = grade_called(match["grade"]) or match["grade"]
    at, than = order.index(grade), match["than"].lower()
    if than in _BELOW_WORDS:
        covered = order[:at]
    elif than in _AT_LEAST_WORDS:
        covered = order[at:]
    else:  # above, better than, higher than
        covered = order[at + 1 :]
    return " or ".join(reversed(covered)) if covered else match.group(0)


_WORSE_WAY = {"worse", "below", "lower"}
_GRADE_OR_BEYOND = re.compile(
    r"\b(?P<grade>good|outstanding|requires improvement|ri|inadequate)\s+or\s+"
    r"(?P<way>better|above|higher|worse|below|lower)\b",
    re.I,
)
# ("under" left out: "improved under good leadership" tells no grade)
_BELOW_WORDS = {"below", "less than", "worse than", "lower than", "short of", "not even"}
_AT_LEAST_WORDS = {"at least"}
_COMPARED_GRADE = re.compile(
    r"\b(?P<than>below|less than|worse than|lower than|short of|not even|above|better than|higher than"
    r"|at least)\s+(?:an?\s+|a\s+grade\s+of\s+)?"
    r"(?P<grade>good|outstanding|requires improvement|ri|inadequate)\b",
    re.I,
)


def bare_grades(question: str, good: bool = False) -> set[str]:
    """The grades a question writes on their own ("legitimacy grade - RI?"), "good" aside unless asked for:
    too common a word to be read so."""
    return {name for name in GRADE_VALUES if (good or name != "good") and _BARE[name].search(question)}


# A grade written bare, where it can only be one ("good" is too common a word to be read so)
_BARE = {name: re.compile(rf"\b(?:{cue})\b", re.I) for name, cue in GRADE_VALUES.items()}
_FULL_RI = re.compile(r"\bimprovement to be good\b", re.I)  # the grade's full name holds "good"
_QUOTES = re.compile(r"[\"“”‘]|(?<!\w)['’]|['’](?!\w)")  # quotation marks, not apostrophes
_LIST_SEPARATOR = re.compile(r"\s*(?:,|/|\bor\b|\band\b)\s*", re.I)


def without_grade_choice(question: str) -> str:
    """The question less a choice of grades, or of passing and failing, that ends it ("good or failing?",
    "good, RI or inadequate?"): it asks which, naming no grade; "any good" names none either."""
    return _ANY_GOOD.sub(" ", _GRADE_CHOICE.sub(" ", question))


_CHOICE_WORD = (
    r"pass(ed|ing)?|fail(ed|ing)?|good|bad|ok|okay|outstanding|inadequate|ri|requires improvement"
    r"|positive|negative|favourable|unfavourable"  # "dorset area send - positive or negative?"
)
# a list of grades ending "or ...": "good or failing", "pass or fail", "good, RI or inadequate", "fail or not"
_GRADE_CHOICE = re.compile(
    rf"\b({_CHOICE_WORD})(\s*,\s*({_CHOICE_WORD}))*\s*,?\s+or\s+({_CHOICE_WORD}|not)\b"
    # at the end, or before what it is said of: "was the area found good or bad for send?"
    r"(?=\W*$|\s*\?|\s+(?:for|in|at|on|with)(?:\s+[\w'’&-]+){0,3}\W*$)",
    re.I,
)
_ANY_GOOD = re.compile(r"\bany good\b", re.I)
# a grade found or given as a verdict: "found inadequate", "deemed to be outstanding" (not "found good
# practice")
FOUND_GRADE = (
    r"\b(found|deemed|declared|branded|labell?ed|classed)\s+(to be\s+|as\s+)?(an?\s+)?"
    r"(outstanding|inadequate|requires improvement)\b"
)
_GRADE_QUESTION = re.compile(
    r"\b(grade[sd]?|judge?ments?|judged|rated|ratings?|graded|verdicts?)\b|\boverall effectiveness\b"
    rf"|{FOUND_GRADE}"
    # what the inspection came to as a whole ("Ofsted result", "overall outcome"), not results of a service
    r"|\b(overall|inspection|ofsted|final) (results?|outcomes?)\b|\bresults?\W*$"
    r"|\b(how|what) (does|did|do|would) ([\w'’]+ ){0,3}(rate|score|mark|grade)\b"
    # a grade said of a report as a whole: "outstanding overall, correct?", "was the overall RI?"
    r"|\b(outstanding|inadequate|requires improvement|ri|good)\s+overall\b(?!\s+(at|in|for|with)\b)"
    r"|\boverall\s+(outstanding|inadequate|requires improvement|ri)\b"
    # a grade that something "came out" as, or one a terse question ends on ("cambs latest - H&P
    # inadequate?"), not asking why ("why was it inadequate?")
    r"|\b(came|turned|ended)\s+(out|up)\s+(as\s+|with\s+)?(an?\s+)?"
    r"(outstanding|inadequate|requires improvement|ri)\b"
    r"|^(?!\W*(why|how|what|when|where|who)\b).*\b(outstanding|inadequate|requires improvement)\W*$"
    # ... after the report's name, a dash between ("barset 2015 inspection - was it inadequate?")
    r"|^\W*((inspection|ofsted|report|sif|ilacs|csc)\W+)?(is|are|was|were)\b.*\b(outstanding|inadequate"
    r"|requires improvement)\W*$"
    # failing, asked of the organisation: "is tameside council failing its children according to ofsted?"
    r"|^\W*(is|are|was|were)\s+([\w'’&-]+\s+){0,4}?(failing|failed)\b"
    # how it came out, asked as a choice or a category: "good or bad?", "what category did it fall into"
    r"|\b(what|which) (category|band)\b"
    # passed or failed: "good or bad?", "good or failing?", "pass or fail"
    rf"|\bgood or bad\b|\bbad or good\b|{_GRADE_CHOICE.pattern}"
    # a grade as a score or a mark, or as a kind of result: "ofsted score", "what mark did ofsted give",
    # "did they get a decent ofsted?"
    r"|\b(ofsted|inspection|overall) (score|mark)s?\b"
    r"|\b(what|which) (mark|score)s? did (ofsted|the inspectors?|inspectors)\b"
    r"|\b(get|got|gets|getting|receive[ds]?)\s+(a|an)\s+(decent|good|bad|poor|great|positive|negative|glowing|damning"
    r"|ok|okay)\s+(ofsted|inspection|report|rating|grade|result)\b"
    # a grade asked of a report, tersely: "care leavers - RI at the latest one?"
    r"|\b(outstanding|inadequate|requires improvement|ri|failing)\s+(at|in|for)\s+(the|its|their)\s+"
    r"(last|latest|newest|most recent|recent|previous|first)\b"
    # a grade got at an inspection: "derby got good at the last ofsted, didn't they?"
    r"|\b(got|get|gets|received|achieved|awarded|was given|were given)\s+(an?\s+)?"
    r"(outstanding|good|inadequate|requires improvement|ri)\b\s+(at|in|from)\s+([\w'’]+\s+){0,3}?"
    r"(ofsted|inspection|ilacs|inspectors?)\b"
    # where it stands among the grades: "in the bottom category", "the worst outcome"
    r"|\b(top|bottom|middle|lowest|highest|worst|best)\s+(category|band|outcome|grade|rating|verdict)\b"
    # ... or among them: "the best of the three possible outcomes", "the lowest of the grades"
    r"|\b(top|bottom|middle|lowest|highest|worst|best)\s+of\s+the\s+([\w'’-]+\s+){0,3}?"
    r"(categor(y|ies)|bands|outcomes|grades|ratings|verdicts)\b"
    # a grade told, then asked to be confirmed: "care leavers were RI, right?"
    r"|\b(outstanding|good|inadequate|requires improvement|ri)\W+(right|correct|yes|innit"
    r"|is(n['’]?t| not) (it|that)|was(n['’]?t| not) (it|that|they)|were(n['’]?t| not) they"
    r"|did(n['’]?t| not) (it|they))\W*$"
    # what a report gave, asked of its organisation and nothing else: "what did derby get?" (names left out)
    r"|^\W*what (did|does|has|have) (it |they )?(get|got|score|scored|receive|received)"
    r"( (in|at|from) (the |its |their )?((last|latest|most recent|recent) )?"
    r"(inspection|ofsted|report|visit))?\W*$"
    # a grade got or kept, asked yes or no: "did oxfordshire get outstanding in 2024?", "has it kept its
    # outstanding grade?" (not "did children get good support?")
    r"|^\W*(did|does|do|has|have|had)\b.{0,40}?\b(get|got|receive|achieve|keep|kept|retain|earn)\s+"
    r"(an?\s+|its\s+|their\s+)?(outstanding|good|inadequate|requires improvement|ri)"
    r"(?=\W*$|\s+(at|in|from|for|this|last|that|again|overall|grade|rating|judgement)\b)"
    # the mark a report gave: "what mark did camden get?", "what did ofsted give enfield for care leavers?"
    r"|\b(what|which) (mark|score)s? (did|does|has|have)\b"
    r"|\bwhat (did|does) (ofsted|the inspectors?|inspectors|hmi) (give|award)\b"
    # the services as a whole, asked tersely or yes or no ("X children's services - still good?", "is it good
    # now?"), the services' name left out of the topic
    r"|([-–:,]\s*|^\W*((is|are|was|were)\s+(it\s+|they\s+|the council\s+|the la\s+|(the\s+)?services?\s+)?)?)"
    r"(still\s+)?(good|outstanding|inadequate|failing)(\s+(now|still|these days|any ?more))?\W*$",
    re.I,
)
_HOW_WELL = re.compile(
    r"\b(do|did|does|doing|done)\s+(well|badly|poorly)\b|\bhow (well|badly) did\b|\bperform(ed|s|ing)?\b"
    r"|\bhow good (is|was|are|were)\b|\bhow highly\b"
    r"|\bhow (did|does|do) ([\w'’]+ ){0,3}(do|fare|get on|come out|turn out)\b"
    r"|\b(fared|got on)\b"
    # "how are they doing for kids in care?"
    r"|\bhow (is|are|was|were) (it |they |things |the council |the la |(the )?services? )?"
    r"(doing|getting on|faring)\b"
    # passed or failed, where it landed: "did derby pass its 2017 ofsted?"; any good, of the organisation
    # itself (its name left out of the topic: "was [derby] any good", not "are care plans any good")
    rf"|\b(pass|passed|passes|fail|failed|fails){_ITS_INSPECTION}\b"
    r"|\bwhere did ((it|they|[\w'’]+) )?(land|end up|come out|finish)\b"  # the name may be left out
    # "did X come through its inspection well?", "pass or fail?", "was the area found good or bad?"
    r"|\b(come|came|comes|get|got|gets)\s+through\s+([\w'’]+\s+){0,5}?(well|badly|ok|okay|alright)\b"
    r"|\bpass(ed)?\s+or\s+fail(ed)?\b|\bfail(ed)?\s+or\s+pass(ed)?\b"
    r"|\b(found|judged|rated|deemed|considered|seen as)\s+(to be\s+)?(good|ok|okay)\s+or\s+(bad|poor|not)\b"
    # ... or of its services as a whole: "is SEND provision in dorset any good?" ([send], [dorset] left out)
    # ... or asked tersely after what it is said of: "telford send inspection - any good?"
    r"|([-–:,]\s*|^\W*)any good\W*$"
    r"|(^|[^\w\s]\s*)(is|was|are|were)\s+((it|they|the council|the la)\s+"
    r"|(the\s+)?(services?|provision|system|arrangements|support)(\s+(in|for|at|of))?\s+)?any good\b"
    # whether the inspection itself went well: "was the durham send inspection positive?"
    r"|^\W*(is|was|were)\s+(the\s+|its\s+|their\s+)?([\w'’&-]+\s+){0,4}?(inspection|report|ofsted|visit)\s+"
    r"(positive|negative|favourable|unfavourable|good|bad|damning|glowing)\b",
    re.I,
)


def is_grade_question(question: str) -> bool:
    """Whether the question asks for a judgement or grade (a grade in quotation marks as one written bare:
    "came out as 'requires improvement' overall")."""
    return bool(_GRADE_QUESTION.search(_QUOTES.sub(" ", question)))


def asks_progress(question: str) -> bool:
    """Whether the question asks what was done about findings ("has it dealt with what the previous inspection
    recommended?", "have the weaknesses been addressed?")."""
    return bool(_PROGRESS_ASKED.search(question))


_PROGRESS_ASKED = re.compile(PROGRESS_ASKED, re.I)


def names_grading(question: str) -> bool:
    """Whether the question asks in the words of grading ("what grade", "rated", "judgement"), not only
    whether it went well ("did it get a good report?")."""
    return bool(_GRADING.search(question))


_GRADING = re.compile(
    r"\b(grade[sd]?|grading|judge?ments?|judged|rated|ratings?|rate|(came|come|turned) out (as|with))\b"
    rf"|{FOUND_GRADE}",
    re.I,
)


def asks_advice(question: str) -> bool:
    """Whether the question asks what the asker should do ("should I move my son to a special school?"):
    the reports say what inspectors found, not what a reader should do."""
    question = _TEXT_SPEAK.sub(lambda m: TEXT_SPEAK[m.group().lower()], question)
    return bool(_ADVICE.search(question)) or _terse_choice(question)


def _terse_choice(question: str) -> bool:
    """A choice typed bare for one person ("derby care leaver uni or apprenticeship", "ehcna request myself or
    wait for school?"): reports describe groups ("care leavers ... sofa surfing or in b&b?"), not one
    person's options."""
    bare = not (_ASKING.search(question) or _ASKED_INSIDE.search(question))
    return bare and bool(_BARE_CHOICE.search(question) and _ONE_PERSON.search(question))


_TEXT_SPEAK = re.compile(rf"\b({'|'.join(TEXT_SPEAK)})\b", re.I)
_ASKING = re.compile(ASKING_WORDS, re.I)
_ASKED_INSIDE = re.compile(ASKED_INSIDE, re.I)
# one option or another, each of a few words, ending the question
_BARE_CHOICE = re.compile(r"\b[\w'’/-]+(\s+[\w'’/-]+){0,3}\s+or\s+[\w'’/-]+(\s+[\w'’/-]+){0,4}\W*$", re.I)
_ONE_PERSON = re.compile(ONE_PERSON, re.I)


# Courses of action a reader weighs ("support or discourage", "accept or refuse"), not things a report
# describes ("staying put or staying close").
_ACTS = (
    "support|encourage|discourage|accept|refuse|decline|agree|object|appeal|complain|fight|wait|apply|quit"
    "|resign|push|persuade|dissuade|say yes|say no"
)
_ADVICE = re.compile(
    r"\bshould (i|we)\b(?! (know|read|look|expect)\b)"
    # of someone the asker speaks for or a case put to it, choosing what to do: "should she stay with us?",
    # "should a parent take them to tribunal?" (not "should a child in care be visited every six weeks?")
    r"|\bshould (he|she|my|our)\b(?! be\b)"
    r"|\bshould (a|an)\b[\w'’ -]{0,40}?\b(take|go|move|complain|apply|choose|push|stay|leave"
    r"|switch|accept|ask|try|pick|sign|refuse|quit|change|get|hire|consent|agree|obtain|seek|wait"
    r"|support|encourage|discourage|let|allow|back|ring|call|contact)\b"
    # one course of action or another: "support or discourage", "mediation or tribunal first?"
    rf"|\b({_ACTS}) or ({_ACTS})\W*$|\bor\b[^?]{{1,40}}\b(first|1st)\W*$"
    # which of two is best ("SGO vs adoption which best"), which to turn to ("which agency ought to be
    # contacted first"), whether one must ("do I have to accept or can I say no")
    r"|\b(or|vs\.?|versus)\b[^?]{1,40}\bwhich( one)?( is| would be)? (best|better)\W*$"
    r"|\bwhich (\w+ )?(should|ought)( (i|we|a parent|they|he|she))? (to )?(be )?"
    r"(contact|call|ring|go|turn|approach|choose|pick|use)"
    r"|\bdo (i|we) have to (accept|agree|go|let|attend|say yes)\b"
    r"|\bcan (i|we) (say no|refuse|decline|opt out)\b"
    # choices weighed: "would a special school be better for him?", "the better option", "is it worth going"
    r"|\b(would|will) (a|an|the|it|that|this|my|our)\b[\w'’ -]{0,40}? be (a )?(better|best|wiser)\b"
    r"|\b(better|best|right|wiser) (choice|option|bet|move|route)\b"
    # better for someone the asker speaks of, or one thing or another for them: "better for a care leaver?",
    # "an EHCP or SEN support for my daughter"
    r"|\bbetter\b( than [^?]{1,60}?)? for (a|an|my|our|him|her|me|us)\b|\bor\b[^?]{1,40}\bfor (my|our)\b"
    r"|\bis it worth ((me|us|him|her|them|my \w+|our \w+) )?(\w+ing)\b"
    r"|\bwould it be (mad|crazy|silly|wise|sensible|advisable|right|a mistake|a (good|bad) idea)\b"
    # the bot's own choice: "would you go for it?", "would you pack in a steady job to foster?"
    r"|\bwould you ((personally|honestly|really|yourself) )?(go|make|take|pick|choose|accept|agree|stay|move"
    r"|pack|quit|give|do it|apply|sign"
    r"|push|fight|press|send|keep|let)\b"
    # the bot's counsel to someone the asker speaks for: "would you tell him to go for it or get a flat?"
    r"|\b(would|will|do|could) you (tell|advise|urge|encourage) (him|her|them|my \w+|our \w+) (to|not to)\b"
    r"|\bis it (a good idea|advisable|wise|sensible) (for [\w'’ ]{1,40}? )?to\b"
    r"|\b(sound|good|smart|safe|wise|sensible|suitable) (choice|option|bet|move|route|decision)\b"
    r"|\b(good|bad) (shout|call)\b|\bworth \w+ing( (up|in|out))? (my|our)\b"
    r"|\b(a )?(good|bad) idea or not\b|\bis it (wiser|better|best|smarter|safer) (for [\w'’ ]{1,40}? )?to\b"
    r"|\bworth (me|us|him|her|them|my \w+|our \w+) \w+ing\b|\bor is (that|it|this) overkill\b"
    r"|\b(do|would|could|can) you ((personally|honestly|really) )?(recommend|advise|suggest)\b"
    r"|\bwhat would you do\b"
    # the right course for the asker: "what's the right call?", "do we allow it or insist he stays?"
    r"|\bwhat(['’]?s| is| would be)? the right (call|thing to do|decision|choice|move)\b"
    r"|\bdo (i|we) (allow|let|insist|stop|make|force) (him|her|them|it|my|our)\b"
    r"|\byour (recommendation|advice|suggestion)\b"
    # weighed as worth it or not: "worth it?", "worth applying or too stressful?"
    r"|\bworth it\W*$|\bworth \w+ing\b[^?]{0,40}\bor\b"
    # one thing chosen over another: "should adopters choose the council's agency over a charity?"
    r"|\bshould\b[^?]{1,60}\b(choose|pick|opt for|go with|go for)\b"
    r"[^?]{1,60}\b(over|rather than|instead of)\b"
    r"|\bis it (wise|advisable|sensible|a good idea)(\W*$| (at|for) (my|our|his|her|their) age\b| or\b)"
    r"|\bis it (safe|wise|worth it|a good idea) (for (me|us|my)|to (send|move|put|choose|apply))\b"
    # "would she be better off staying with us?", "is it better for us to ask for a new worker?"
    # ... or of someone the asker speaks for: "is she better off", "would my son be better off"
    r"|\b(be|is|are|am|was|i['’]m|we['’]re)( (he|she|i|we|(my|our) [a-z]+))? better off\b"
    r"|\bis it (better|best) for (me|us|him|her|them|my)\b"
    r"|\bought (i|we) to\b"
    # the bot's own view: "in your view, should the director resign?"
    r"|\bin your (own |personal )?(view|opinion|assessment)\b"
    r"|\byour (own |personal )?(view|opinion) (on|of|about)\b"
    r"|\b(ur|your) ((honest|own|personal|frank|candid|genuine|gut) )?(view|opinion|take|thoughts)"
    r"(\s*[,:;?!-]|\W*$)"
    r"|\bwhat do (you|u) (think|reckon)\W*$"
    # the bot put in the asker's place: "if it was your kid, would you ...?", "in my shoes"
    r"|\bif (it|this) (was|were) (your|ur) (own )?(kid|child|son|daughter|family|decision)\b"
    r"|\bif you were (me|us|in my shoes|in our shoes)\b|\bin (my|our) shoes\b"
    # asked what it thinks should be done, not what it thinks the inspectors said
    r"|\bdo you (think|reckon|believe)\b[^?]{0,80}\b(should|ought|must|worth|fair|right|better)\b"
    # how the asker would fare: "do you think we'd cope?", "do u reckon I could manage it?"
    r"|\bdo you ((honestly|really) )?(think|reckon|believe) (that )?(i|we)"
    r"(['’]d|['’]ll| would| could| can| will)\b",
    re.I,
)


def asks_how_well(question: str) -> bool:
    """Whether the question asks how an organisation did overall ("Did Tameside do well?")."""
    return bool(_HOW_WELL.search(question))


# not after a short form that takes a full stop ("total no. of CLA", "e.g. foster carers")
_SENTENCE_END = re.compile(r"(?<=[.?!])(?<!\bno\.)(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!\bvs\.)\s+(?=[A-Za-z])")


# a dash between words, then a question word: what follows asks, what comes before sets the scene
_DASHED_ASK = re.compile(r"\s[-–—]+\s+(?=(?:who|whos|who['’]s|whose|what|when|which|where|why|how)\b)", re.I)


def _sentences(question: str) -> tuple[list[str], list[str]]:
    """A question's sentences, and those of them with a question mark."""
    parts = [p for p in _SENTENCE_END.split(question.strip()) if p.strip()]
    return parts, [p for p in parts if "?" in p]


def asking_part(question: str) -> str:
    """The sentences of a question that ask (with a question mark), the story before them left out; the whole
    question when none has one."""
    parts, asking = _sentences(question)
    return " ".join(asking) if asking and len(parts) > 1 else question


def after_story(question: str) -> str:
    """The question from its first sentence that asks (with a question mark) on: the story told before it
    left out, what is typed after it kept ("how do I foster? who do I ring"); the whole question when no
    sentence asks."""
    parts, asking = _sentences(question)
    return " ".join(parts[parts.index(asking[0]) :]) if asking else question


def last_ask(question: str) -> str:
    """The sentence of a question of several that asks (the last with a question mark, else the last)."""
    parts, asking = _sentences(question)
    return (asking or parts)[-1].strip() if len(parts) > 1 else question


def clause_asked(question: str) -> str:
    """The clause asking what, how or why after one that tells ("the register isn't live yet, so how are
    children tracked?"); else the question ("it was planned, so is it there now?" asks of what it tells)."""
    return _TOLD_THEN_ASKED.split(question)[-1].strip()


# a clause telling something, then ", so how ...?", "; but what ...?"
_TOLD_THEN_ASKED = re.compile(
    r"[,;:]\s*(?:so|but|then|and so)\s+(?=(?:how|what|who|when|where|why|which)\b)", re.I
)


def dashed_ask(question: str) -> str:
    """Of one sentence, the question put after a dash ("the report was grim - whos the inspector that led
    it"); else the question."""
    return _DASHED_ASK.split(question)[-1].strip()


_GIST_WRONG = re.compile(GIST_WRONG, re.I)
_GIST_RIGHT = re.compile(GIST_RIGHT, re.I)


def gist_leaning(question: str) -> str | None:
    """Whether a request for a report's gist asks only what is wrong ("wrong") or only what is right
    ("right"); None when it asks both or neither ("what were the strengths and weaknesses?")."""
    wrong, right = bool(_GIST_WRONG.search(question)), bool(_GIST_RIGHT.search(question))
    return None if wrong == right else ("wrong" if wrong else "right")
