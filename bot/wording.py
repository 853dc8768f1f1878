"""Question wording: words that only frame a question, and words derived from one another."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

# Words about asking or reporting rather than about the subject: "what did the inspector say about X"
# is answered by a sentence about X, which seldom repeats "inspector" or "say".
FRAMING = (
    "inspector inspectors inspectorate inspection inspections HMI HMIC HMICFRS Ofsted report reports "
    "reported say says said think thinks thought view views find finds found finding findings state stated "
    "mention mentioned describe described comment comments commented conclude concluded note noted tell told "
    "according document documents source sources "
    # question words the BM25 stop list keeps
    "what did does do how why when where which who were has have had can could should would about any its"
    # ... and of the question asking how many or how much ("too many changes" is no answer to "how many")
    " many much"
)
FRAMING_WORDS = frozenset(FRAMING.lower().split())
# Derivational endings the stemmer keeps: "partner" and "partnership" are the same subject.
SUFFIXES = frozenset(
    {"ship", "hood", "ment", "ness", "al", "ive", "or", "er", "ist", "ism", "ity", "ion", "ation", "ic"}
)
MIN_STEM = 5  # shorter stems make false kin ("car" and "career")


def derived(a: str, b: str) -> bool:
    """Whether one stem is the other plus a derivational suffix the stemmer keeps."""
    return b in kin_set(a)


_INFLECTIONS = ("ing", "ed", "es", "s", "e")


def stems(words: Iterable[str]) -> set[str]:
    """Crude stems (first five letters, less an inflection) so 'assess' meets 'assesses', 'consistent'
    'consistently' and 'moved' 'moves'."""
    return {_stem(w) for w in words}


def _stem(word: str) -> str:
    """A word's first five letters once an inflection ("-ed", "-s") is off, leaving three letters at least."""
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)][:5]
    return word[:5]


def kin(token: str) -> list[str]:
    """Stems one derivational suffix away from the token, either way ("partner" <-> "partnership")."""
    return sorted(kin_set(token))


@functools.lru_cache(maxsize=4096)
def kin_set(token: str) -> frozenset[str]:
    """Stems one derivational suffix away from the token, as a set, worked out once per token."""
    longer = [token + s for s in SUFFIXES] if len(token) >= MIN_STEM else []
    shorter = [token[: -len(s)] for s in SUFFIXES if token.endswith(s) and len(token) - len(s) >= MIN_STEM]
    return frozenset(longer + shorter)


def subject_terms(tokens: Iterable[str], framing: set[str], known: Callable[[str], bool]) -> list[str]:
    """The question's subject terms and their known kin; all its terms if it has nothing but framing."""
    tokens = list(dict.fromkeys(tokens))
    subject = [t for t in tokens if t not in framing] or tokens
    return list(dict.fromkeys(subject + [k for t in subject for k in kin(t) if known(k)]))


# Example phrasings of questions about a report's facts (its record), worded as people ask them. A
# question's intent is the one whose examples it is nearest in meaning (bundled model), so a new wording
# needs no new rule. "passages" holds questions about findings, which the facts must not capture.
INTENT_EXAMPLES: dict[str, tuple[str, ...]] = {
    "lead_inspector": (
        "who led the inspection",
        "who was the lead inspector",
        "which inspector was in charge of the visit",
        "who headed the inspection team",
        "name the inspector who led it",
        "who wrote this report",
        "who is the author of this assessment",
        "whose assessment is this",
        "which HMI carried it out",
        "who was the inspector",
        "who did the inspection",
        "who signed off the report",
    ),
    "inspection_dates": (
        "when did the inspection take place",
        "when did the inspectors visit",
        "what were the inspection dates",
        "which days were the inspectors there",
        "when were inspectors on site",
        "what dates did the visit cover",
        "when was the inspection carried out",
        "how long were the inspectors there",
        "when did they inspect",
        "on which dates was the inspection carried out",
        "when did ofsted inspect the council",
        "what week were the inspectors in",
        "over what period were the inspectors in",
        "exact days of the on-site visit",
        "when was the fieldwork done",
        "which week was the visit",
    ),
    "published": (
        "when was the report published",
        "when did the report come out",
        "what is the publication date",
        "when was the report made public",
        "when was it released",
        "what date was the report issued",
        "when was the inspection report published",
        "on what date was the inspection report made public",
        "when did ofsted publish its report",
        "publication date of the inspection report",
    ),
    "organisation": (
        "which force is this report about",
        "which council was inspected",
        "who was inspected",
        "what organisation does this report cover",
        "which area is this inspection about",
        "which police force is this about",
        "what local authority is this report on",
    ),
    "inspectorate": (
        "who published the report",
        "which inspectorate carried out the inspection",
        "which organisation did the inspection",
        "which body wrote this report",
        "who produced this report",
        "which regulator inspected the council",
        "who was the inspection carried out by",
        "was it ofsted or another inspectorate",
        "which watchdog looked at the services",
        "who published this",
        "who produces these reports",
        "by which body was the inspection carried out",
    ),
    "report_type": (
        "what kind of inspection was it",
        "what type of report is this",
        "what kind of document is this",
        "what sort of inspection was carried out",
        "which inspection framework was used",
        "was it a full or a short inspection",
        "is this a transcript or a report",
        "was it a full inspection or a reinspection",
        "was this a standard inspection or a focused visit",
        "was it about social care or special needs",
        "was that inspection of children's services or of SEND",
    ),
    "previous_inspection": (
        "when was the previous inspection",
        "when were they last inspected before this one",
        "what was the date of the last inspection",
        "when had they been inspected before",
        "when had the council last been inspected",
    ),
    "findings": (
        "what needs to improve",
        "what did inspectors say needs to improve",
        "what should the council do better",
        "what are the recommendations",
        "what were the areas for improvement",
        "what were the causes of concern",
        "what did ofsted tell them to fix",
        "what are the priority actions",
        "what did the inspectors want improved",
        "which weaknesses must be put right",
        "how could they do better",
    ),
    "passages": (
        "what did inspectors say about care leavers",
        "how well does the council protect children",
        "are children seen quickly enough",
        "how long do children wait for an assessment",
        "is the force good at investigating crime",
        "what happens when children go missing",
        "how are children with special needs supported",
        "did leaders improve social work practice",
        "who supports young people leaving care",
        "when do children get a return home interview",
        "who decides whether a child needs protection",
        "what went wrong with the service",
        "how many children are in care",
        "what did they find about staff turnover",
        "what did the inspector criticise",
        "are victims kept safe",
        "when do young people get a personal adviser",
        "what kind of support do families get",
        "which services work together to help families",
        "how is the money spent",
        "who is the chief constable",
        "who is the director of children's services",
        "who runs the council",
        "who leads the force",
        "who is the police and crime commissioner",
    ),
}

MONTHS = "january february march april may june july august september october november december"
# Months as they are written short ("inspected in Oct?"): a month, not a name the reports lack.
MONTHS_SHORT = "jan feb mar apr jun jul aug sep sept oct nov dec"
# The words a question about each fact cannot do without: a fact is asked for only when its cue is there
# and the question is nearest in meaning to that fact's examples.
# "When" asking a time, not setting the time of what the question asks ("did things improve when they came
# back?", "who was in charge when Ofsted looked at ...") unless it asks to be told when ("did Ofsted say
# when ...") or the time of the inspection itself ("when Ofsted inspected").
_ASKING_WORDS = "is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|what|how|who|which|why"
# "when Ofsted looked in 2022 did kids ...", "when inspectors came how common was it ...": a clause saying
# when, run straight into the question it sets the time of.
_WHEN_CLAUSE = (
    r"(?!.*\bwhen\s+(ofsted|inspectors?|they|it|the inspectors?)(\s+[\w'’/&]+){1,4}?,?\s+"
    r"(did|does|do|was|were|is|are|has|have|had|how|what|which|who|where|why)\b)"
)
_WHEN = (
    rf"^{_WHEN_CLAUSE}(?!\W*(did|does|do|is|was|were|has|have|had|can|could|will|would|are)\b)"
    # "When children went home, were the moves planned?": a clause saying when, before the question
    rf"(?!\W*when\b[^,?]{{3,}}?,\s*({_ASKING_WORDS})\b)"
    r"(?!.*\b(who|whom|whose|what|which|how|why|where)\b.*\bwhen\b).*\bwhen\b"
    r"|\bwhen\s+(did|was|were|is|are|will|does|do|had|has|have)\b|\b(me|know|us|say|said|out|ask|of)\s+when\b"
    # "when Ofsted inspected": the time of the inspection itself, unless another question word asks first
    # ("what rating did they get when Ofsted inspected them?") or a yes-no question about something else
    # does ("did they have enough foster homes when Ofsted inspected?"; "was it in 2024 when" asks the time)
    rf"|^{_WHEN_CLAUSE}(?!.*\b(who|whom|whose|what|which|how|why|where)\b.*\bwhen\b)"
    r"(?!\W*(did|does|do|is|was|were|has|have|had|can|could|will|would|are)\s+(?!it\b))"
    r".*\bwhen\s+(\w+\s+)?(inspect|visit)\w*"
    r"|\b(what|which|exact|precise)( \w+)? (dates?|days?|weeks?|fortnight|months?|year|time|period|window)\b"
    # how long the inspection took, not how long children wait ("how long were inspectors there?")
    r"|\bhow long\b(?=[^?]{0,40}\b(inspect\w*|visit\w*|there|on site|last(ed|s)?|took)\b|\W*$"
    r"|\s+(were|was|did) (ofsted|inspectors?|hmis?|the (inspection )?team)\b)"
    r"|\b(how many|number of|no\.? of) (days|weeks)\b|\bdates?\b|\b(length|duration|fieldwork)\b"
    r"|\bstart\w* and (end|finish)|\b(inspection|insp|visit|on[- ]site)\s+(window|period|fortnight|week)\b"
    r"|\bon[- ]site\b|\b(first|last|final|opening|closing) day\b"
    # "was it inspected in October?", "did ofsted visit in nov or dec": whether the inspection was then (not
    # "were children visited in May?")
    rf"|(\binspect\w*|\b(ofsted|inspectors?|hmis?|they|the team)\s+(visit\w*|came|come|went)|\bvisited by)"
    rf"\s+([\w'’]+\s+){{0,3}}?(in|during)\s+(the\s+)?((early|late|mid)\W?\s*)?"
    rf"({MONTHS.replace(' ', '|')}|{MONTHS_SHORT.replace(' ', '|')}|spring|summer|autumn|winter)\b"
)
# A clause setting the time or the report of what a question asks, before the comma and the asking word that
# open the question proper: "When Ofsted published its 2019 report, were care leavers ...", "In the report
# made public in 2022, what did Ofsted say ..." ask no report fact ("When was it published, and who led it?"
# does).
# The inspection itself, as what a length of time is asked of ("how long were inspectors on site?") ...
OF_THE_INSPECTION = r"\b(inspect\w*|visit\w*|ofsted|hmi\w*|fieldwork|on site|sif|ilacs|jtai)\b"
# ... not the report a figure is taken from ("according to the 2014 inspection, how many weeks ...")
BY_THE_REPORT = (
    r"\b(according to|going by|per) (the|its|their|this|that|ofsted['’]?s) (\w+ )?"
    r"(inspection|report|visit|ilacs|sif)\b"
)
SETTING_CLAUSE = (
    r"^\W*(?:when|once|after|before|by the time|at the time|in|at|as of|from|according to|going by)\b"
    rf"(?!\s+(?:{_ASKING_WORDS})\b)[^,?]{{3,}}?,\s*(?=(?:{_ASKING_WORDS}|where)\b)"
)
# ... or told after what it asks, a clause in the past: "Ofsted's verdict on Lancashire when it returned in
# 2018?", "the grade when inspectors last visited" (not "and when was it published?", nor what is asked
# after a verb of knowing: "does anyone know when Ofsted published it?")
SETTING_AFTER = (
    r"(?<=\w)(?<!\bknow)(?<!\bknows)(?<!\bme)(?<!\bus)(?<!\bsay)(?<!\bwonder)(?<!\bwondering)(?<!\bout)"
    r"(?<!\bidea)(?<!\bclue)(?<!\bsure)(?<!\bask)(?<!\basking)(?<!\bcheck)(?<!\bremember)"
    r"\s+when\s+(?:it|they|he|she|ofsted|(?:the )?inspectors|hmis?|(?:the )?(?:inspection )?team)"
    r"\s+(?:last\s+|first\s+|next\s+)?(?!(?:did|was|were|had|would|could|should)\b)[a-z]+ed\b[^?,;]*"
)
# The part of a question asking when ("when did Barset bring in its new roles, and ...") names the inspection
# when it asks when that was: "when did Ofsted go in", "when were HMIs on site", "SEND inspection when",
# "how long did it last, and when was it?". Parts are split at commas, semicolons, question marks and dashes.
PARTS_OF_A_QUESTION = r"[,;?]|\s[-–]\s"
# A who-question asking whom a report speaks of: "who did the report say was waiting longest?", "who
# did Ofsted praise?" (not who made the report)
WHO_SPOKEN_OF = (
    r"\bwho(m)?\b[^,;?]*\b(say|says|said|find|finds|found|describe[sd]?|mention(s|ed)?|think|thinks|thought"
    r"|felt|feel|believe[sd]?|call(s|ed)?|identif\w*|singled? out|highlight\w*|prais\w*|criticis\w*"
    r"|blam\w*)\b"
)
# Someone the council has, asked for by role or by running its services ("the director of children's
# services", "who runs children's services in Barset", "who is in charge of the council"): a person the report
# may speak of, not the inspector who wrote it ("who was in charge of the inspection?" asks the inspector).
COUNCIL_ROLE = (
    r"\b(director of|directors? of children|dcs|chief exec\w*|ceo|lead member|portfolio holder|council leader"
    r"|leader of the council|councillors?|cabinet member|mayor|head of (service|children)\w*)\b"
    r"|\bwho(['’]s| is| are| was| were)?\s+(runs|running|manages|managing|heads|heading"
    r"|in charge of|responsible for|oversees|overseeing)\b"
    # "who was in charge of it?" asks of the visit a sentence before names, "... of the team?" of its team
    r"(?!\s+(it|this|that|the team)\b)"
    r"(?![^?]*\b(inspect\w*|visits?|reports?|ofsted|ilacs|sif|review|look|assessment)\b)"
)
# A report told by when it came out ("the inspection that came out in Feb 2024"): which report, not what is
# asked of it
REPORT_BY_ITS_DATE = (
    r"\b(?P<noun>report|inspection|visit|one|ilacs|sif)\s+(?:(?:that|which)\s+(?:was\s+|got\s+)?"
    r"(?:came out|come out|published|released|issued)\b"
    # without "that", only before the date it names, or the names and dates the topic leaves out: "the
    # inspection published in 2018 - when ..."; not "when was the report published?"
    r"|(?:published|released|issued)(?=\s+(?:in|on|last|this|back)\b|\s*[-–,]))"
)
# A report told by the one after it: "the ILACS before the 2026 one", "the inspection before last", "the
# one prior to the latest", "the last but one", "the visit before the inadequate one"; or by the one before
# it: "re-inspected after the 2015 failing one", "the inspection following the 2019 one"
# ("in the year before the 2014 inspection" is a period the 2014 report speaks of: a report is told so only
# by a report's name or "inspected" before it)
TOLD_GRADE = r"outstanding|good|requires improvement|ri|inadequate|inad|failing|failed"
# ("the 2014 fail": the failing report of 2014)
_REPORT_NOUN = r"one|inspection|report|ilacs|sif|visit|ofsted|fail"
# Between the report and the word telling it by another: "the inspection of Camden that came before ..."
_BETWEEN = (
    r"(?:\s+of\s+[\w'’&-]+(?:\s+(?:and\s+)?[\w'’&-]+){0,2}?)?(?:\s+(?:that|which))?"
    r"(?:\s+(?:came|was|happened|took place))?"
)
REPORT_BY_ANOTHER = (
    # ("the next ofsted visit after ...": a later report, not what the inspectorate will do next)
    r"\b(?:next\s+(?:ofsted\s+|full\s+)?)?"
    rf"(?P<noun>(?:re-?)?inspection|insp|report|one|ilacs|sif|visit|ofsted|(?:re-?)?inspected){_BETWEEN}\s+"
    r"(?:(?P<after>after|following|followed)|before|prior to|preceding|previous to|ahead of|earlier than)\s+"
    r"(?:the\s+|its\s+|their\s+|[\w&-]+['’]s\s+)?"
    # by its year ("before 2024", "after the 2015 inadequate"), its grade, the year it was in, or the newest
    rf"(?:(?P<year>(?:19|20)\d\d)(?:['’]s)?(?:\s+(?P<grade>{TOLD_GRADE}))?(?:\s+(?:{_REPORT_NOUN}))?"
    rf"|(?P<graded>{TOLD_GRADE})\s+(?:{_REPORT_NOUN}|rating|judgement|verdict)"
    rf"|(?:{_REPORT_NOUN})\s+(?:in|of|from)\s+(?P<year_of>(?:19|20)\d\d)"
    rf"|(?:last|latest|most recent|newest|current)(?:\s+(?:{_REPORT_NOUN}))?)\b"
    r"|\blast but one\b|\bpenultimate\b|\bsecond[- ](?:most recent|latest|last|newest)\b"
    r"|\b(?:last|latest|most recent)\s+(?:[\w'’&-]+\s+){0,3}?but one\b"
    # the one before the newest: "camden's previous ofsted", "the prior inspection" (not "since the previous")
    r"|(?<!\bsince )(?<!\bsince the )(?<!\bsince its )(?<!\bsince their )(?<!\bfrom the )"
    r"\b(?P<previous>previous|prior|preceding)\s+"
    r"(?:(?:ofsted|ilacs|sif)(?:\s+(?:inspection|report|visit|one))?|inspection|report|visit|one)\b"
)
# What was done about a report's findings since ("has it dealt with what the previous inspection
# recommended?"): asked of the newest report's account, not of the report before it
PROGRESS_ASKED = (
    r"\b(dealt with|addressed|fixed|sorted|tackled|acted on|put right|resolved"
    r"|implemented|responded to|progress|made good on|followed up|taken forward)\b"
)
# A part of a question pointing back at what another part named ("the inspection before last - when did that
# take place?"), and the words that name an inspection there
POINTING_BACK = (
    r"\b(that|this)\b(?!\s+[a-z])|\b(that|this)\s+(?=(take|took|happen|happened|occur|was|were)\b)"
)
INSPECTION_WORDS = r"\b(inspect\w*|visit\w*|ofsted|inspectors?|ilacs|sif)\b"
# Who beside the lead inspector: the deputy, and the rest of the team ("who else was on the team", "the team
# inspectors", "the rest of the team")
DEPUTY = r"\b(deputy|deputi[sz]\w*|second[- ]in[- ]command)\b"
# A question naming an inspector and asking where they appear, in what part ("in what capacities does X
# appear?", "which reports list her, and in what role?", "which other team did she sit on?")
ROLE_ASKED = (
    r"\b(roles?|capacit(y|ies)|guise|appear(s|ed|ing|ances?)?|feature[sd]?|involve(d|ment)|credited"
    r"|(name[sd]?|naming|list(s|ed|ing)?|mention(s|ed|ing)?|include[sd]?|including)\s+(her|him|them)"
    r"|(sit|sat|sits|serve[sd]?|work(s|ed)?)\s+on|took part|take part|part of (the|which|what)"
    r"|named in|(her|his|their) (jobs?|parts?|positions?|titles?)"
    # a part other than leading, or a part report by report ("LI, deputy or shadow? by report")
    r"|deputy|shadow(ing|ed)?|(by|per|each|every) report|report by report)\b"
)
TEAM_ASKED = (
    r"\b(who else|other inspectors|rest of the (inspection )?team|team inspectors|team members|team list"
    r"|(full|whole|entire|complete) (inspection )?team"
    r"|(on|in|made up|part of) the (inspection |ofsted )?team)\b"
)
# Kinds of report by the short names people give them, which say which report is meant ("who did the
# Derby SIF?")
REPORT_ABBREVIATIONS = "ilacs sif jtai send csc peel hmic hmicfrs"
# Two-letter shorthand for a report's facts, too short to be found as initials in the reports (which never
# write "LI" or "OE"): "lambeth 2022 LI?", "OE grade?".
FACT_SHORTHAND = {"li": "lead inspector", "oe": "overall effectiveness"}
# Staff shorthand for the inspection, the model and the reports know only written out: "last insp", "insp
# window"; after "lead" it is the inspector ("lead insp").
INSPECTION_SHORTHAND = r"\b(?P<lead>lead\s+)?insps?\b(?!\.?\w)"
# How to put the answer, not what it is about: "in plain english", "in a nutshell", "pls".
ANSWER_STYLE = "plain english simple simply terms nutshell brief briefly short please thanks"
INSPECTION_NAMED = (
    r"\b(inspect\w*|visit\w*|ofsted|hmis?|inspectors?|on[- ]site|fieldwork|team|came|come|went|go|gone"
    r"|arriv\w*|last|dates?|report|one|it)\b"
)
# ... and the part asking who names its making: "who led it", "who was the LI", "who signed off the report";
# not "who ordered the outside review that exposed problems at the front door"
MAKER_NAMED = (
    rf"{INSPECTION_NAMED}|\b(led|lead|li|charge|wrote|written|writer|author\w*|signed|ran|headed|names?"
    # how a report is made, and its kinds: "who carried out the ILACS", "who assessed the services"
    r"|conduct\w*|carried|did|done|assess\w*|hmic\w*|by|" + REPORT_ABBREVIATIONS.replace(" ", "|") + r")\b"
)
# "when was it last inspected" asks for the newest inspection, "the last inspection before" the one before;
# "last" said of the visit, not of a report ("when were they last at Barset", "when did they go in last"),
# is the newest; asked in the past before the report ("when had the area last been inspected?"), the one
# before
_BEFORE = (
    r"(\b(previous|before|earlier|prior)\b|\bhad\s+([\w'’]+\s+){0,3}?last\s+been\b"
    r"|\blast\b(?!\s+(inspected|visited|assessed|rated|judged|graded|visit|time|day|days|date|ofsted)\b)"
    r"(?!\s+(in|at|into|to|here|there|came|come|went|go|been)\b)(?!\W*$))"
)
# Kinds of report as people name them: "a full ILACS", "a focused visit", "SEND or CSC"
_REPORT_KIND = (
    r"((full|standard|short|proper|graded|ungraded|whole|normal)\s+(ilacs|inspection|one|ofsted)"
    r"|(focused|monitoring|quick|short)\s+visit|re-?inspection|sif|jtai|ilacs|send|csc)"
)
# The services the two kinds of report inspect, as people name them
_SERVICE_KIND = (
    r"(social\s+(care|work|workers|services)|children['’]?s\s+(services|social\s+care)|csc|ilacs|send|sen|special\s+needs"
    r"|disabilit(y|ies))"
)
FIELD_CUES: dict[str, str] = {
    # "led" of a cause ("what led Ofsted to judge it inadequate?", "led to delays") names no inspector
    # "inspector?", "HMI for Barset?" (in the topic, the organisation left out) ask for the person
    # (not "young people who've left care", "children who'd gone missing": of whom it speaks)
    "lead_inspector": r"\bwho(se|m|s|['’]s)?\b(?!['’](ve|re|d|ll)\b)"
    r"|\b(author|wrote|written|headed|charge|name)\b"
    # but "credit from HMI?", "praised by the inspector?" ask what they said
    r"|(?!(?<=\bfrom )|(?<=\bby )|(?<=\bto )|(?<=\bwith )|(?<=\bper )|(?<=\bof )|(?<=\bfrom the )"
    r"|(?<=\bby the )|(?<=\bto the )|(?<=\bwith the )|(?<=\bper the )|(?<=\bof the )"
    # nor "before she became an ofsted inspector?": what someone is, not who led
    r"|(?<=\ba )|(?<=\ban )|(?<=\ban ofsted )|(?<=\ba cqc )|(?<=\ban hmi )|(?<=\ba lead ))"
    r"\b(inspector|hmi)(\s+(for|of|at|in|on)\b[^?]{0,40})?\W*$"
    r"|\b(led|leads?)\b(?!(\s+[\w'’]+){0,3}\s+to\b)"
    # "which lead inspector", not "what the inspector found"
    # (not "what did HMI make of it?": a verb between asks what they said)
    r"|\b(which|what) ((?!the |a |an |this |that |did |does |do |was |is |has |had |would |will )[\w'’]+ )?"
    r"(inspector|hmi)\b",
    "inspection_dates": _WHEN,
    # "came out", not "out of work" or "find out who"; "the published figure" is a figure, not a date
    "published": r"\b(publ(?!ished\b)\w*|released?|issued)\b|\bpub\.?\s*dates?\b"  # "pub date?"
    r"|(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )\bpublished\b"
    # (not how it came out: "came out positive", "came out well")
    r"|\b(came|come|comes|coming|been|is|was|put) out\b(?! of\b)(?!\s+(?:as\s+)?(?:positive|negative|well"
    r"|badly|poorly|good|bad|ok|okay|fine|strong|weak|better|worse|outstanding|inadequate|requires|on top|top"
    r"|bottom)\b)",
    "organisation": r"\b(wh?ich|what)( \w+)? (force|constabulary|council|authority|la|organisation|borough"
    r"|area|place|police service)\b"
    r"|\bwho (is|was|were|got) (being )?inspected\b|\bname of the (force|council|authority|organisation)\b",
    # "was that a full SIF or a re-inspection?": a choice between kinds of inspection, or whether it was one
    # ("was the 2023 one a monitoring visit?")
    # the kind of the report itself ("what sort of inspection", "what kind was it"), not of what it speaks of
    # ("what kind of support do carers get?", "that kind of thing")
    "report_type": r"\b(kind|type|sort)s?\s+of\s+(an?\s+)?(inspection|report|visit|document|assessment|ofsted"
    r"|one|framework)s?\b|\bwhat\s+(kind|type|sort)\s+(was|is)\s+(it|that|this)\b|\bframework\b"
    # the form the document takes: "which format?", "in what form is it?"
    r"|\b(which|what)\s+(format|form)\b|\bformat\b"
    r"|\bre[- ]?inspection\b.*\bor\b|\bor\b.*\bre[- ]?inspection\b"
    rf"|\b{_REPORT_KIND}\b[^?]{{0,40}}\bor\b[^?]{{0,20}}\b{_REPORT_KIND}\b"
    # "was that about social workers or the send system?": which service an inspection looked at
    rf"|\b(was|is)(\s+[\w'’]+){{1,6}}?\s+(about|on|into|of)\s+(the\s+)?{_SERVICE_KIND}\b"
    rf"[^?]{{0,30}}\bor\b[^?]{{0,20}}\b{_SERVICE_KIND}\b"
    # "was that the send one or a social care one?"
    rf"|\b{_SERVICE_KIND}\s+(one|inspection|report|visit)\b[^?]{{0,30}}\bor\b[^?]{{0,20}}\b{_SERVICE_KIND}\b"
    # (not "is there a monitoring visit due?": whether one will come)
    rf"|^\W*(was|is|were)\s+(?!there\b)[^?]{{0,60}}\b(a|an)\s+([\w'’]+\s+)?{_REPORT_KIND}\b"
    r"(?![^?]{0,20}\b(due|planned|coming|expected|scheduled|next|soon)\b)",
    "findings": r"\b(need|needs|want|wanted|should|must)\b.*\bimprov|\bimprov\w*\b.*\b(need|should|must)\b"
    r"|\bimprovement (point|area|action)s?\b|\bareas? for (improvement|development)\b|\brecommend|\bweakness"
    # "fix", not "fixed-term exclusions" or "no fixed abode"
    r"|\bcauses? (of|for) concern\b|\bpriority actions?\b|\bput right\b|\bdo better\b"
    r"|\bfix(es|ed|ing)?\b(?![- ]+(term|periods?|abode|address)\b)",
    "previous_inspection": rf"({_WHEN}).*{_BEFORE}|{_BEFORE}.*({_WHEN})",
    # the body that inspected ("who published it?", "which watchdog inspected Barset?"), not the one inspected
    # ("who was inspected?") nor the person who led ("who did the inspection?", "who inspected Barset?")
    "inspectorate": r"\b(inspectorate|regulator|watchdog)\b"
    r"|\bwho\s+(published|publishes|produced|issued)\b"
    # ("which organisation does it cover?" is cued too: the nearest examples tell them apart)
    r"|\b(which|what)\s+(organisation|body|agency)\b"
    r"|\b(published|produced|issued|carried\s+out|inspected)\s+by\s+(who|whom|which|what)\b",
}

# The inspectorate as the one who judged, asked what it made of something ("how did the two inspectorates sum
# it up?", "what did the watchdog conclude?"): the question asks for its findings, not which body it was
# (a body asked of by what it made of the report itself still is: "did the regulator publish it?").
INSPECTORATE_JUDGING = (
    r"\b(did|does|do|has|have|had|would|will)\s+(the\s+)?([\w'’]+\s+)?(inspectorates?|regulators?|watchdogs?)\b"
    r"(?!\s+(publish|produce|issue|carry|carried|write|wrote)\w*\b)"
)

# What a question expects back, and what a span must hold to give it: a question asking for a figure
# is answered only by a span holding one of its kind ("how many weeks" wants a duration, not a count),
# one asking who holds a post only by a span naming someone.
# Checked in this order; the first whose question cue matches is the answer type.
NUMBER_PATTERN = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|dozen"
)
_UNIT_TIME = r"(hours?|days?|weeks?|months?|years?)"
# Words that ask for contact details rather than name whose they are ("named officer + tel/email").
CONTACT_WORDS = (
    "phone telephone tel mobile number numbers email mail address addresses contact contacts details name "
    "named officer person direct line dial enquiry enquiries website web link opening hours times open ring "
    "call touch reach speak talk"
)
# The ways of reaching someone a span may give: a phone number, an email address, a web address.
PHONE_NUMBER = r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b"
EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+\.[\w.]+"
WEB_ADDRESS = r"\bwww\.[\w-]+|https?://"
ANSWER_KINDS: dict[str, tuple[str, str]] = {
    # how to reach someone: "who do I ring?", "phone number for children's services", "email address"
    "contact": (
        r"\b(phone|telephone|contact|mobile) (number|no|details)\b|\b(email|e-mail|postal|web) ?address\b"
        r"|\bwebsite\b|\bwho (do|should|can|could|would) (i|we|you|they) ((need|have|ought) to )?"
        r"(ring|call|phone|contact|email|speak to|talk to|complain to)\b|\b(the|a) contact (for|at)\b"
        r"|\bhow (do|can|could|would) (i|we) (contact|get in touch|get hold|reach)\b"
        # "name and email?", "the direct line", "what times is it open?" (not "a phone line for parents")
        r"|\b(and|or|an|their|his|her|its|the) (email|e-mail)\b|\b(email|e-mail)\W*$|\b(email|e-mail) addy\b"
        r"|\bdirect (line|dial)\b|\benquiry line\b|\bopening (hours|hrs|times)\b"
        r"|[/+&] ?(email|e-mail|tel|address)\b|\b(address|email|tel) ?[/+&]"
        r"|\bwhat ((days?|times?)/?)+ (is|are) (it|they|the \w+) open\b|\bwhat(['’]?s| is) the address\b"
        # someone's details: "whats her address"
        r"|\b(his|her|their) (email|e-mail|postal |home |work )?address\b",
        f"{PHONE_NUMBER}|{EMAIL_ADDRESS}|{WEB_ADDRESS}",
    ),
    # a place in a ranking: "ranked no.1 in London?", "is Barset the best council in England?"; reports grade,
    # they do not rank, unless a span says so
    "rank": (
        r"\brank(ed|ing|ings|s)?\b|\bleague tables?\b|\bno\.? ?1\b|#1\b"
        r"|\b(best|worst|top|bottom)\b[\w\s]{0,30}\b(in|of) (england|the country|britain|the uk|london"
        r"|the north|the south|the region|its region|the nation|the land)\b"
        # ... of a place named ("the worst council in greater manchester")
        r"|\b(best|worst)\s+(\w+\s+)?(council|authority|la|borough|county|area|force|place)\s+(in|of)\b"
        r"|\b(top|bottom) of (the )?([\w&]+ ){0,2}"
        r"(las|councils|authorities|boroughs|forces|league|table|pile)\b",
        r"\b(ranked|ranking|league tables?|(highest|lowest|best|worst)[ -](performing|rated|ranked)"
        r"|(top|bottom|first|fourth) (quartile|ten|\d+))\b",
    ),
    "money": (
        # a figure asked for by name, terse ("annual spend on agency staff", "financial cost to the council")
        # "£" of an amount, not money as help ("extra £ for care leavers", "more £ agreed?")
        r"(?<!extra )(?<!more )(?<!any )£(?!\s*(for|to|towards|help|support)\b)|\bpounds?\b"
        r"|\b(total|overall|financial|annual|yearly) (cost|budget|spend\w*|expenditure)\b"
        r"|\b(salary|salaries|wages?|pay rates?|pay scales?)\b"
        # which pays more: an amount asked for by comparison ("better paid with an agency?")
        r"|\b(pays?|paid) (more|less|better|best|most|the most)\b|\bbetter[ -]paid\b"
        r"|\bspend\w* per (year|annum|month|child)\b|\bcost (to|of) the\b"
        r"|\bhow much\b.*\b(cost|costs|spend\w*|spent|pay|paid|money|budget|bill|fund\w*|worth|invest\w*"
        r"|(fork|shell|splash|lay|pay)\w* out|outlay)\b"
        r"|\b(cost|costs|spend\w*|spent|pay|paid|money|budget|bill|fund\w*|worth|invest\w*"
        r"|(fork|shell|splash|lay|pay)\w* out|outlay)\b.*\bhow much\b",
        r"£|\bpounds?\b|\b(million|billion)\b",
    ),
    "percent": (
        # "rate" the noun ("the rate of staff leaving", "turnover rates?"), not the verb ("did they rate X")
        r"%|\bper ?cent(age)?\b|\b(proportion|fraction|percentage)\b|\bshare of\b"
        # one part against another: "the locum vs permanent split", "the split between agency and staff"
        r"|\b(vs\.?|versus|v)\s+[\w'’-]+(\s+[\w'’-]+)?\s+split\b|\bsplit between\b"
        r"|\brates?\b(?=\s+(of|for|among|at|in|was|is|were|are|has|had|compared?|than|over|across)\b|\s*[?.,;]|\s*$)",
        r"%|\bper ?cent\b|\b(half|third|thirds|quarter|quarters|majority|minority)\b"
        r"|\b\d+ (in|out of) (every )?\d+",
    ),
    # when something happened: "when did the hub open?", "what year was it set up?"; a span giving a time
    "date": (
        # "hub opened when", "When?" after a sentence saying what
        r"^\W*when (did|was|were|had|has|have)\b|\b(what|which) (year|date|month)\b|\bwhat date\b"
        r"|\bwhen\W*$",
        r"\b(19[89]\d|20[0-4]\d)\b|\b(january|february|march|april|may|june|july|august|september|october"
        r"|november|december)\b"
        r"|\b(last|this|earlier this|later this|the previous|the same) "
        r"(year|month|spring|summer|autumn|winter)\b"
        r"|\b(recently|since|already|now) (been )?(opened|launched|started|introduced|set up|established)\b",
    ),
    "age": (
        r"\bwhat age\b|\bhow old\b|\bage (limit|range)\b",
        r"\bage(d| of)? \d+|\b\d+[- ]years?[- ]old|\b\d{1,2}(st|nd|rd|th) birthday\b"
        r"|\b(until|up to|over|under|from) (the age of |they are |they're )?\d+\b",
    ),
    "duration": (
        # terse: "camhs wait weeks", "waiting time in months"
        rf"\bhow long\b|\b(how many|number of|no\.? of) {_UNIT_TIME}\b"
        # "average length of care cases", "the duration of proceedings", "time taken to ..."
        r"|\b(length|duration)s? of\b|\btime (taken|it takes?|it took) to\b"
        r"|\b(in|wait\w*|wait\w* times?) (hours|days|weeks|months)\b"
        # "average weeks to finish", "weeks on average"
        rf"|\b(average|median|typical|usual) (number of )?{_UNIT_TIME}\b|\b{_UNIT_TIME} on average\b",
        # "14 years old" and "two-year-old checks" are ages, not lengths of time
        rf"\b(\d+|{NUMBER_PATTERN}|a|several|few)[- ](working |calendar )?{_UNIT_TIME}\b(?![- ]old\b)",
    ),
    # "Who is the chief constable?" asks for a name: two capitalised words the question does not hold.
    "person": (
        r"\bwho(['’]s| is| was| are| were) (the|their|its|his|her)\b|\bname of (the|their|its|[\w-]+['’]s)\b"
        r"|\bwhat(['’]s| is) the name\b"
        # who holds a post, by the organisation's name ("who is camden's new DCS?"), or who was given it
        r"|\bwho (is|was|are|were) [\w'’-]+['’]s\b"
        r"|\bwho (was|were|has been|had been) (appointed|named|hired)\b"
        # who holds the post that runs something ("who runs children's services?", "who is in charge of it?")
        r"|\bwho(['’]s| is| are| was| were)?\s+(runs|running|manages|heads|in charge of|responsible for"
        r"|oversees)\b"
        # one person by role ("which social worker was it"; "which workers" asks what they did), or a name
        r"|\bwhich (one of the )?(social worker|worker|officer|inspector|manager|director|leader|councillor"
        r"|member of staff|staff member|person|individual|doctor|teacher|headteacher|chief executive"
        r"|hmi)\b(?!s)"
        r"|\b(what (is|was) (his|her|their)|give (me )?(the|his|her|their)) names?\b|\bnames?\s*\??\s*$"
        # terse, by role: "barset send cqc lead?", "lead HMI?" (not "praised by the lead?")
        r"|(?<!\bby )(?<!\bfrom )(?<!\bto )(?<!\bwith )(?<!\bthe )\bleads?( inspectors?| hmis?)?\W*$",
        r"\b[A-Z][a-z]+(?: [A-Z][a-z'’-]+)+",
    ),
    # "Which other borough ...?" asks for a place's name: a capitalised word the question does not hold.
    "place": (
        r"\bwhich ([a-z]+ )?(boroughs?|councils?|local authority|count(y|ies)"
        r"|city|cities|towns?|police forces?|forces?)\b",
        r"(?<![.!?]\s)(?<!^)\b(?!(Good|Outstanding|Requires|Inadequate|Adequate)\b)"
        r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)*",
    ),
    "count": (
        # terse too: "police protection numbers 2022?", "exact number of ...", "the figure for ..."
        r"\bhow m[ae]n[yi]\b|(?<!\ba )(?<!small )(?<!large )(?<!growing )\bnumber of\b|\bhow much\b"
        # "how far is the nearest home" asks a distance; "how far has it merged services" how much it has
        r"|\bhow far\b(?! (has|have|had)\b| (is|are|was|were) (?!the\b))"
        r"|\b(exact|precise|actual|total) (number|figure|count)|\b(total |the |exact )?no\.? of\b"
        # "count of homeless 16-17s", "LAC headcount"
        r"|\b(head)?count of\b|\bheadcount\b"
        # "can you give a figure for ...", "quote me the number"
        r"|\b(give|provide|quote|tell|put) (me |us )?(a|an|the|any) ((exact|actual|precise|hard) )?"
        r"(figure|number)\b"
        r"|\bwhat (figure|total)s? (did|does|do|is|was)\b"
        # "what weekly usage figures, if any, does Ofsted give", "what attendance stats"
        r"|\bwhat( (?!(do|does|did|are|is|were|was)\b)[\w'’-]+){0,3}"
        r" (figures|numbers|stats|statistics|totals)\b"
        r"|\b(numbers|figures?|stats|statistics|population)\b\W*(\d{4})?\W*$|\bsize of\b"
        # ... or set at a time or of a group: "home ed numbers when ofsted inspected?", "EHE numbers for SEND
        # kids", "UASC in care count"
        r"|\b(numbers|stats|statistics)\s+(when|at the time|during|as of|for|of|on)\b|\bcount\W*$"
        # "young carers - number identified?", not "a (small) number of" (some) or a phone number
        # a number that names a thing is no count either: "give me a crime number", "a reference number"
        r"|(?!(?<=\ba )|(?<=small )|(?<=large )|(?<=high )|(?<=low )|(?<=growing )|(?<=phone )|(?<=crime )"
        r"|(?<=case )|(?<=reference )|(?<=ref )|(?<=incident )|(?<=account )|(?<=serial )|(?<=registration ))"
        r"\bnumber\b(?! of\b)"
        r"|\bwhat(['’]?s| was| is| were| are) (the|its|their) ([\w'’]+ ){0,3}"
        r"(total|number|count|size|figure|population)\b"
        # "the average caseload", "median wait": a figure; "above (the national) average" compares; "what do
        # they mean by ...", "does that mean ..." ask what is meant
        r"|\b(average|avg\.?|median) (?!(of|for|in|at|or|and)\b)[a-z]+|\b(the|a|its|their) mean [a-z]+"
        r"|\bhead ?counts?\b",
        # "one" only as ONE says; a share counts too ("a third of social workers" for how many)
        rf"\d|\b({NUMBER_PATTERN.replace('one|', '')}|none|half|thirds?|quarters?)\b",
    ),
}
# The ways of reaching someone a question may ask for by name, with what gives each: an email address is not
# given by a web address, nor a phone number by a postal one. A question naming none takes any.
CONTACT_CHANNELS = (
    (r"\b(e-?mail|email addy)\b", EMAIL_ADDRESS),
    # ("who do I ring?" asks whom to contact, however)
    (r"\b(phone|telephone|tel|mobile|direct (line|dial))\b", PHONE_NUMBER),
    (r"\b(website|web ?address|web ?page|url)\b", WEB_ADDRESS),
)
NAMED = ("person", "place")  # kinds of answer that are a name, matched as written (capitals count)
# What a report's subject is called, by the report's type: "the council" of a children's services report is
# the organisation it inspected, as a name would be.
REPORT_SUBJECTS = (
    (r"area send|local area", "local area partnership council"),
    (r"children's services|social care|children", "council local authority"),
    (r"peel|police|constabulary", "force police constabulary"),
)
_SERVED = r"(?:children |young people |children and young people |pupils )?with "
# "send" the verb, not SEND the kind of report: with a particle or object after it ("send back", "send them
# to", "send any files back"), or a person before it ("they send"); not "do send children ..." nor "help
# for send pupils", and a question's punctuation is gone when this is read ("oxon send - my daughter" is
# "oxon send my daughter")
SEND_THE_VERB = (
    r"\b(?:(?:they|we|i|you)\s+send\b"
    r"|send(?=\s+(?:back|it|them|him|us|me|out|off|away|over|round)\b|(?:\s+[\w'’]+){1,4}\s+back\b))"
)
# Other names people give a kind of report (lower case, apostrophes dropped): the words of its type that
# they stand for, and the pattern that writes them.
REPORT_KIND_NAMES = (
    # "social services", as the public call it
    # and the services named by whom they serve ("council services for children"; not those "for children
    # with special needs")
    (
        "childrens services",
        r"\b(?:childrens )?social (?:care|services)\b|\bcsc\b|\bilacs\b"
        r"|\b(?:(?:the )?(?:council|local authority|las?|councils)\s+)?services for children"
        r"(?: and (?:families|young people))?\b(?! with\b)",
    ),
    # "special needs" names the kind only as a service ("special needs services"), not a child's needs
    (
        "send",
        r"\bspecial educational needs\b"
        r"|\bspecial needs (?:services?|provision|system|support|arrangements|inspection|report)\b"
        # the services, named by whom they serve ("services for children with special needs"), and the name
        # written out without "educational" ("special needs and disabilities")
        rf"|\b(?:services?|provision) for {_SERVED}special needs\b"
        rf"|\b(?:for {_SERVED})?special needs and(?:/or)? disabilit(?:y|ies)\b"
        r"|\blocal area partnerships?\b|\blaps?\b",  # whom an area SEND inspection is of ("LAP")
    ),
)
# Last words that make a capitalised name an organisation's, not a person's ("West Midlands Police").
INSTITUTION_WORDS = (
    "police constabulary council borough authority authorities partnership board department service "
    "services trust office agency inspectorate commissioner education england wales ofsted court school "
    "college university hospital centre team unit group panel forum network programme project government "
    "ministry committee foundation charity company society association institute"
)
# Where a question joined of two asks starts its second ("what was X, and how many Y?"): the first decides
# what kind of answer it expects.
# A count a question asks how to change, not how large it is: "what did they do to cut the no. of agency
# staff?", "how did they reduce the number of children in care" ("how many fewer" still asks a figure).
CHANGING_COUNT = (
    r"^(?!.*\bhow (many|much)\b).*\b(reduc\w*|cut(ting)?|lower\w*|bring(ing)? down|brought down|increas\w*"
    r"|rais\w*|boost\w*|grow(ing)?|tackl\w*|address\w*)\s+(the\s+)?(numbers?|no\.?)\s+of\b"
)
# "how much" told as what someone weighs up, not asked: "what error did social workers make when weighing up
# how much danger a child was in?" asks what was found
WEIGHED_AMOUNT = (
    r"\b(?:weigh\w*(?: up)?|assess\w*|judg\w*|decid\w*|gaug\w*|work\w* out|understand\w*|consider\w*)"
    r"\s+how (?:much|many)\b"
)
# What a report said about a figure, whatever it said: "what did Ofsted report about how long they wait?"
SAID_ABOUT_HOW = (
    r"\b(say|says|said|report|reported|find|found|write|wrote|note|noted|mention|mentioned|comment|commented)"
    r"\s+(on|about)\s+how\b"
)
SECOND_ASK = r",?\s+(?:and|plus|\+|&)\s+(?=(how|what|who|when|where|why|which|whether)\b)"
# A yes-or-no question ("has the number of exclusions gone down?") asks whether, not how many.
# "Could you tell me how many ...?" is a request, not a yes-or-no question.
# A yes-or-no question that asks for a figure all the same: "does the report say how much it cost?"
SAYS_FIGURE = (
    r"\b(?:say|says|said|give|gives|tell|tells|show|shows|state|states|mention|mentions|list|put|puts|quote"
    r"|quotes|provide|provides)\s+"
    r"(?:[\w'’]+\s+){0,2}?(?:how (?:many|much|long|often|old)"
    r"|(?:the |an? )?(?:exact |precise |actual |total )?(?:number|figure|total|cost|amount)"
    r"|what (?:age|percentage|proportion|share|fraction)|what (?:%|per ?cent)"
    # "did Ofsted put an actual percentage on it?"
    r"|(?:an? (?:exact |precise |actual )?|(?:the )?(?:exact|precise|actual) )(?:percentage|proportion|%))"
    r"(?:\b|(?<=%))"
)
# A follow-up naming only the kind of answer it wants ("What date?", "When exactly?", "Who?"): it asks that
# of what the sentence before it names, not of the report.
BARE_ASK = (
    r"^\W*(and |so |ok |then )?((what|which|exact) )?(when|who|where|date|dates|day|year|month|time|name)"
    r"( exactly| then| please| was (it|that))?\W*$"
)
POLAR = r"^\W*(is|are|was|were|has|have|had|do|does|did|can|could|will|would|should)\b(?!\s+(you|u|anyone)\b)"
# A short label before the question ("Telford and Wrekin 2024: have numbers dropped?", "lancs - is it ..."):
# what the question is about, not how it asks.
LEAD_IN_LABEL = r"^[^:?.!]{1,60}?(?::|\s[-–—]+)\s+"
# A choice between two things ("does the council or an agency pay more?") asks which, not whether; a choice
# of direction ("up or down", "or not") still asks whether.
CHOICE_OF_THINGS = r"\bor (?:the|an?|their|its|other) \w+"
# A span that holds a figure at all: digits, a percentage, or a number word.
# "How many children ...?" is answered by "no children ..." as much as by a number: the thing counted is
# the word after "how many" (skipping one describing word), and a span saying there are none of it.
# ... or the word before "numbers" in a terse question ("agency staff numbers?")
# Words framing a figure or its movement, naming no subject ("the number of X going up", "levels coming down")
FIGURE_FRAMING = (
    "number numbers amount amounts level levels rate rates figure figures proportion share coming going"
)
COUNTED_BEFORE = r"\b(?P<noun>[a-z]{3,})\s+(?:numbers|figures?)\b"
COUNTED = (
    r"\b(?:how m[ae]n[yi]|numbers? of|size of(?: the)?|(?:head)?count of(?: the)?)\s+"
    r"(?:(?:more|new|other|older|younger|young|local|additional|extra|of the)\s+)?(?P<noun>[a-z]{3,})"
)
# The everyday and the reports' words for children and young people: a figure counting any of them counts
# what a question counting another of them asks ("how many youngsters": "21 children").
CHILDREN_ALIKE = "children child kids kid youngsters youngster people teenagers teens youths pupils minors"
# Nouns a figure counts things by without naming them: "SGOs have been used in 53 cases" counts the orders.
COUNTING_UNITS = "cases instances occasions times examples"
# ... with what is counted named in a clause after it: "no children who are looked after", "no young people
# who were homeless"
ZERO = (
    r"\b(?:no|not a single|not one|not any|zero|none of the|none of their)\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"(?:(?:who|that) (?:are|were|is|was|have been|had been) )?{noun}"
)
# "One" is a number only when it counts what is asked about ("one children's home"); "one continuous
# assessment" or "one of the" count nothing asked.
ONE = r"(?<!not )\b(?:one|a single)(?!\s+of\b)\s+(?:[\w'’-]+\s+){{0,2}}?{noun}"
# A proportion ("two-thirds of children", "40%") is no answer to a question asking for the exact number.
PROPORTIONS = r"\b(\w+[- ])?(half|halves|thirds?|quarters?)\b|\d+(\.\d+)?\s*%|\d+ per ?cent\b"
EXACTLY = r"\b(exact|precise|actual|total)\b"
FIGURE = rf"\d|%|\b({NUMBER_PATTERN}|half|third|quarter|none|single|twice|double)\b"

# Numbers that are not figures: a paragraph's number, a year, the day of a date.
NOT_FIGURES = (
    r"^\s*\d+(\.\d+)*\.?\s|\b(19|20)\d\d\b|\b[a-z]+-\d+\b|\b\d{1,2}(st|nd|rd|th)?(\s*(to|and|-|–)\s*\d{1,2}(st|nd|rd|th)?)?\s+"
    r"(january|february|march|april|may|june|july|august|september|october|november|december)\b"
    # the number of a law's part ("section 47 enquiries", "s20", "regulation 24"): a reference, not a count
    r"|\b((sections?|regulations?|schedule|article|paragraph)\s?|s)\d+(\(\w+\))*"
)
# A number inside a name ("Together 4 Children", "Care 4 Us"), between two capitalised words: no count.
FIGURE_IN_NAME = r"\b([A-Z][a-z]+ )\d+( [A-Z][a-z]*)"
# An age ("beyond the age of 25", "aged 16 to 17", "18-year-olds", "care leavers over 18 open to ..."): it
# answers a question about an age and counts no one, costs nothing and lasts no time.
AGES = (
    # ... of a range too: "16- and 17-year-olds", "16 to 17 year olds"
    r"\b(aged?|ages)\s+(of\s+|between\s+)?\d+(\s*(to|and|-|–)\s*\d+)?\b"
    r"|\b(\d+-?\s*(to|and|or|-|–)\s*)?\d+[\s-]+years?[\s-]+olds?\b"
    r"|\b(over|under)[\s-]+(16|17|18|21|25)s?\b(?!\s+[a-z]+s\b)|\b\d{1,2}(st|nd|rd|th) birthday\b"
    # a stage of education by age: "post-16 education", "post 19 provision", "pre-16"
    r"|\b(post|pre)[\s-]?(16|18|19|21|25)\b"
    # ... or the ages a service covers from birth: "the 0-25 service", "a 0 to 19 team"
    r"|\b0\s*(-|–|to)\s*(5|11|16|18|19|21|25)\b"
    # an age reached: "as care leavers approach 21", "until they turn 25"
    r"|\b(turn(s|ed|ing)?|reach(es|ed|ing)?|approach(es|ed|ing)?)\s+(the age of\s+)?\d{1,2}\b"
)

# Words of a question about a report's findings list that ask for the list rather than name its subject.
FINDINGS_WORDS = (
    "improve improved improvement improvements recommend recommendation recommendations recommended concern "
    "concerns cause causes area areas priority priorities action actions need needs want wanted better "
    "weakness weaknesses fix fixed put right must should tell told list"
)
# Words of a claim that something needs doing (what a report's list of what to improve supports); not
# "improved" or "better", which say it was done.
NEED_VOICED = (
    "improve improvement improvements recommend recommends recommendation recommendations recommended "
    "concern concerns area areas priority priorities action actions need needs needed must should want wants "
    "wanted weakness weaknesses told urged asked called require requires required"
)
# Verbs an item of a list of what to improve opens with when it says what to do ("Ensure that ...",
# "Increase scrutiny of ..."): it states what should be, not what is.
INSTRUCTION_VERBS = (
    "ensure improve strengthen develop continue review increase undertake work establish revise consider "
    "prioritise prioritize promote monitor recruit further update reduce provide confirm offer expedite make "
    "take raise embed secure implement address extend complete enable evaluate agree align sustain build use "
    "put set share tackle deliver support clarify check identify respond assess involve engage listen plan"
)
# Words asking how many or which of the findings, not what they are about ("the sole area for improvement").
WHICH_OF_THEM = "sole only single one main key biggest top first all"

# Words of a grade question that ask for the grade rather than name the judgement area it is about.
GRADE_WORDS = (
    "grade grades graded grading rate rated rating ratings judge judged judgement judgements judgment "
    "outstanding good requires require improvement inadequate adequate get got give gave given receive "
    "received award awarded well badly poorly perform performed performs performing done doing ri "
    # where a grade stands among the others ("the bottom category", "the middle verdict"), and the area SEND
    # outcomes' own words ("inconsistent experiences", "widespread or systemic failings")
    "top bottom middle lowest highest worst best category categories band verdict verdicts "
    "positive inconsistent widespread systemic failings significant concerns "
    # the grades as a set: "the best of the three possible outcomes", "on the four-point scale"
    "possible three four point scale "
    # how a grade is had, in other verbs ("landed a good grade", "scored outstanding"), and exactly which
    # ("good, no higher and no lower")
    "land landed lands landing score scored secure secured earn earned achieve achieved bag bagged "
    "higher lower exactly "
    # ... and in phrasal verbs ("came out inadequate", "walked away with a good")
    "came come comes out turned ended walked away "
    # grades as staff write them short ("still inad?", "req imp"), and whether one still holds
    "inad req reqs imp still"
)
# What a question asks of an inspector's life, which reports naming them only as inspectors never say: "what
# did she do for a living before?", "her background", "how long has he been an inspector?", "where did she
# train?"
PERSON_LIFE = (
    r"\b(careers?|background|qualifications?|qualified|salary|for a living"
    r"|previous (jobs?|roles?|posts?|employers?)"
    r"|before (she|he|they|becoming|joining|working)\b"
    r"|(how long|since when) (has|have|had|is|was) .{0,40}\b(been|worked|working|inspect\w*)"
    r"|where (did|does|do) (s?he|they|\w+ \w+) (work|train|study|live)\w*)\b"
)
# Words asking for what was just said to be confirmed ("care leavers were RI, right?"): no subject
CONFIRMING = (
    "right correct yes true innit accurate so fair merely just only simply "
    # "... or am I misremembering?", "or have I got that wrong?"
    "wrong mistaken misremembering misremember remember remembering recall recalling"
)
# What every area SEND report is about, naming no subject within one: the area and its support for children
# with special educational needs ("how the area supports children like her"), and the two inspectorates that
# inspect it jointly ("how did the two inspectorates sum it up?")
SEND_SUBJECT_WORDS = (
    "area areas wide local partnership support supports supported provision special educational needs "
    "additional disabilities disability like joint jointly two both"
)
# How the public put a verdict on services as a whole ("a fair deal", "hit and miss", "a clean bill of
# health", "serious problems", "failing kids"): words that judge, naming no subject of their own
# Looking over the reports, which names no subject: "looking at all its reports, has the grade gone up?" (not
# "looked after")
LOOKING_OVER = r"\b(look|looks|looking|looked) (at|across|through|over|back (at|over|through))\b"
EVERYDAY_VERDICTS = (
    r"\b(a )?fair deal|\bhit (and|or) miss|\b(right )?across the board|\b(a )?clean bill of health"
    r"|\b(any )?(serious |big |real )?(problems?|issues?)|\bfail(s|ed|ing)?\b"
    r"|\b(ok|okay|alright|decent|poor|bad|so[- ]so)\b|\bany good\b|\breckon\b|\bthink\b|\bverdict\b"
    r"|\bturn(ed)? up\b"
)
# Verbs asking how something ended up ("how did they come out of it?", "how did it turn out?", "fare", "on
# the whole ... end up"): in a how-well question they name no service of their own.
OUTCOME_VERBS = "come came coming out turn turned fare fared end ended up whole"
# A question about many reports: a listing word, then an organisation noun ("which councils", "how many
# forces", "list the reports"); its grade words say which reports to list.
ACROSS_WORDS = (
    "which what list name how many any all council councils authority authorities la las local force forces "
    "report reports borough boroughs county counties partnership partnerships place places anywhere where "
    "per each every across"
)
# Organisation nouns of a question about many reports ("which councils", "how many forces").
ORGANISATIONS = (
    r"(councils?|(local )?authorit(y|ies)|las?|forces?|reports?|boroughs?|count(y|ies)|partnerships?|laps?"
    r"|places|inspections)"
)
# the organisations in the plural, as a list question opens ("councils judged inadequate on adoption?")
ORGANISATION_PLURALS = r"(councils|(local )?authorities|las|forces|boroughs|counties|partnerships|laps)"

GRADE_VALUES = {
    "outstanding": r"outstanding",
    "good": r"good",
    # and as staff write them short: "req imp", "reqs improvement", "inad"
    "requires improvement": r"requir\w* improvement|reqs?\.? imp(?:rovement|rov|\.)?|ri",
    "inadequate": r"inadequate|inad|failing",
}

# Grades best first: "the best rated council" holds the first of these that any report in scope was given.
GRADE_ORDER = ("outstanding", "good", "requires improvement", "inadequate")
# Inspectorates by the names people give them: a question naming one that no report held is by, nor mentions,
# asks about reports the sources do not hold ("what did the probation inspectorate rate Barset's youth
# justice service?"). Not the CQC: it inspects every area SEND partnership with Ofsted, however a report
# names it.
INSPECTORATES = {
    "HM Inspectorate of Probation": "inspectorate of probation|probation inspectorate|hmi probation",
    "HM Inspectorate of Prisons": "inspectorate of prisons|prisons inspectorate|hmi prisons",
    "HMICFRS": "hmicfrs|hmic|inspectorate of constabulary|police inspectorate",
    "HM Crown Prosecution Service Inspectorate": "hmcpsi|crown prosecution service inspectorate",
    "Estyn": "estyn",
    "the Care Inspectorate": "care inspectorate",
    "Education Scotland": "education scotland",
    "the RQIA": "rqia|regulation and quality improvement authority",
}
# A list across reports asked of every report, not each organisation's newest: "which inspections ...?",
# "... ever rated ...?", "at any inspection"
EVERY_REPORT_ASKED = (
    r"\b(which|what|list|all|any)\s+(of\s+the\s+)?(inspections|reports|visits)\b|\bever\b"
    r"|\bat any (point|time|inspection)\b"
)
# ... unless it asks for the newest: "which of the latest inspections ...?", "currently"
NEWEST_ASKED = r"\b(latest|newest|most recent|current|currently|now|these days|today)\b"
# One judgement set against another of the same reports ("where was the care leavers judgement below the one
# for children in care?", "CL grade lower than cic grade", "a notch under"): worse, or better.
# The words between a comparative and its "than" are of the first side ("did worse on help and protection
# than on their overall grade", "got a higher grade than OE").
AREA_BELOW = (
    r"\b(?:a\s+(?:notch|grade|step|rung)\s+)?"
    r"(?:below|under|beneath|behind|(?:lower|worse)(?P<between>(?:\s+\S+){0,8}?)\s+than)\b"
)
AREA_ABOVE = (
    r"\b(?:a\s+(?:notch|grade|step|rung)\s+)?"
    r"(?:above|ahead of|(?:higher|better)(?P<between>(?:\s+\S+){0,8}?)\s+than)\b"
)

# Words of a comparison question that ask for the comparison rather than name its subject.
COMPARE_WORDS = (
    "compare compared comparing comparison versus vs differ differs difference differences side better worse "
    "than against stronger weaker"
)

# Words of a change-over-time question that ask about the change rather than name a subject.
OVER_TIME_WORDS = (
    "change changed changes changing time times years year trend trends history track record since improve "
    "improved improving progress progressed decline declined got gone went better worse up down each every "
    "past previous last then before over between ofsted grades rating ratings "
    "ever been many inspected get gets"  # "has it ever been outstanding?", "what year did it get good?"
    # "went from inadequate to good", "how long has it been outstanding?", "before it became outstanding"
    " from to go goes long become became becoming"
    # the reports taken one by one: "looking at all its reports, has the grade gone up with each one?"
    " one ones all across"
    " once twice few several"  # "inspected twice now", "a few ofsted reports now"
)

# Inspectorates as people write them, abbreviated or in full ("the Care Quality Commission's lead"); the
# longer abbreviation first, so "HMICFRS" is not read as "HMIC".
INSPECTORATE_NAMES = {
    "HMICFRS": r"hmicfrs|inspectorate of constabulary and fire",
    "HMIC": r"hmic|inspectorate of constabulary",
    "Ofsted": r"ofsted|office for standards in education",
    "CQC": r"cqc|care quality commission",
}
INSPECTORATE_WORDS = (
    "hmicfrs hmic ofsted cqc care quality commission inspectorate constabulary fire office standards"
    " inspectorates regulator regulators watchdog watchdogs"  # the bodies in everyday words
)

# Words of a question about the collection itself ("how many reports do you have?", "what reports are there
# for Dorset?", "which councils do you cover?", "what's the oldest report?"): a question of nothing else is
# answered from the records of the reports held, not from passages.
CATALOGUE_WORDS = (
    "list show many number count total there exist exists available have has hold holds held got keep kept "
    "cover covers covered include includes included contain contains ask asking know you your i me we us "
    "all every each one ones whole data database dataset set collection library system archive here "
    "recent recently latest newest most oldest earliest first last new old "
    "organisation organisations organization organizations area areas times been inspected visited published "
    "please thanks hi hello "
    # the collection's nouns and the question words of asking for it (not "inspectors": "how many inspectors
    # were on it?" asks about a report)
    "report reports inspection inspections document documents source sources file files publication "
    "publications assessment assessments ofsted hmic hmicfrs cqc "
    "what did does do how when where which who were has have had can could would about any its "
    "ve ll re"  # the tails of "you've got", "we'll", "you're": contractions name no subject
)
# Nouns of the collection: what the sources hold ("reports", "inspections") or whom ("councils", "forces");
# "how many times was X inspected?" is told by each report's grade (report_lists.history)
COLLECTION = (
    r"(reports?|inspections?|documents?|sources?|files?|publications?|assessments?|councils?|"
    r"(local )?authorit(y|ies)|las?|forces?|organi[sz]ations?|boroughs?|count(y|ies)|partnerships?|places)"
)
# ... asked of as held: "how many", "list", "is there", "do you have", "can I ask about", "cover"
HOLDING = (
    r"(how many|number of|list|show|(are|is) there|do you (have|hold|cover|know)|have you got|"
    r"you['’]?(ve| have| hold| cover)|can i ask|cover|covered|available|held|included|"
    r"in (the|your) (data|database|collection|system|sources|library))"
)
# The newest or oldest of the reports held
NEWEST_HELD = r"(most recent(ly)?|latest|newest|last(?!\s+(years?|months?|weeks?|time)\b))"
OLDEST_HELD = r"(oldest|earliest|first)"

# Words that ask for the gist of a report rather than a subject in it.
SUMMARY_WORDS = (
    "main key summary summarise summarize summarised overall general findings conclusions conclusion "
    "conclude concluded concludes decide decided decision verdict bottom line upshot "
    "outcome outcomes headline headlines gist highlights think thought "
    "make made "  # "what did ofsted make of it?": what it thought
    # asked as a request: "give me the gist of", "sum up the inspection", "a quick rundown"
    "give me sum up overview rundown recap nutshell quick brief "
    # what is right or wrong with a report's subject as a whole ("what's wrong with services in X?")
    "wrong right problem problems issue issues weakness weaknesses strength strengths failings worries "
    "concerns serious severe grave "  # "how serious were the problems found?"
    # ... asked of what went on: "what went wrong in X?", "what's going well?"
    "went gone going goes working well badly "
    # "list the problems", "the good news in a couple of lines"
    "list news positives negatives points couple lines sentence sentences few"
)


# A request for the gist that asks only what is wrong ("what's wrong with X?", "list the problems") or only
# what is right ("the good news", "what's going well?"): its gist quotes the report's sentences of that kind.
GIST_WRONG = (
    r"\b(wrong|problems?|issues|weak(ness|nesses)?|failings|worries|concerns?|bad news|badly|criticis\w*"
    r"|shortcomings|negatives?|not (so )?good)\b"
)
GIST_RIGHT = (
    r"\b(good news|positives?|strengths?|praise[ds]?|going well|went well|working well|good points"
    r"|doing well|best bits)\b"
)
# Words of a sentence voicing a fault or a concern, and of one voicing praise, for such a gist
FAULT_VOICED = (
    r"\b((some|serious|significant|particular|real|my|raised?|causes? of|have|has) concerns?"
    r"|concerned (about|that|by)|disappointed|inconsistent\w*|ineffective|inadequate|insufficient"
    r"|weak\w*|poor\w*|lack\w*|delays?|delayed|too (few|many|long|slow|high|low|often|variable)"
    r"|not (always|consistently|yet|sufficiently|effective\w*|robust\w*|well)|persist\w*|fail\w*"
    r"|shortfalls?|gaps?|deficits?|variable|cannot be confident)\b"
)
PRAISE_SAID = (
    r"\b(pleased|good|well|effective\w*|strong\w*|robust\w*|excellent|outstanding|impressive|sound|improved"
    r"|thorough\w*|skilled|exemplary|exceptional\w*|positive\w*)\b"
)


# --- What a generated sentence must share with the span that supports it (the verification gate) -------
# Words that negate what follows; a sentence that negates needs a span that does.
NEGATIONS = (
    "not no never none nor cannot can't won't isn't aren't wasn't weren't doesn't don't didn't hasn't "
    "haven't hadn't shouldn't wouldn't couldn't without nobody nothing neither unable fail fails failed "
    "failing unsuccessful stopped ceased lack lacks lacked lacking absent absence struggle struggles "
    "struggled struggling"
)
# The plain denials among them: "unable to accept new cases" may be what "closed to new cases" says in other
# words, where "are not receiving" denies what is received.
DENYING = "not no never none nor cannot"
# Words after which a state is not yet so: "turning 18 before they are assessed" says they are not assessed.
NOT_YET = "before without until unless"
# Words that start another clause: a negation before one does not reach past it ("has not been sustained
# since Ofsted judged it outstanding" does not deny that Ofsted judged it).
CLAUSE_OPENERS = "since because whereas although though while"
# Words that say something falls short: a sentence's "does not have enough capacity" is what a passage's
# "capacity is too limited" says, though the passage has no negation.
# Only words that name a shortfall themselves: "too" or "poor" would make "no longer too long" agree with
# "remain too long".
DEFICITS = "limited insufficient shortage shortages scarce"
# Words that say something is not charged or not required ("council tax exemption extends to 25"): their
# clause denies what it names, as a sentence's "don't pay council tax" does.
EXEMPTIONS = "exempt exempted exemption exemptions waive waived waiver"
# Words saying something is paid, which an exemption from it denies ("care leavers pay council tax").
CHARGES = "pay pays paid paying charge charged charges charging liable"
# Words of opposite meaning in inspection findings, either way round ("praised" / "concerns").
OPPOSITES = (
    "consistent/inconsistent effective/ineffective adequate/inadequate sufficient/insufficient "
    "appropriate/inappropriate improved/deteriorated improved/declined improving/deteriorating "
    "improving/declining increase/decrease increased/decreased increased/reduced rising/falling "
    "strength/weakness strengths/weaknesses strong/weak praised/criticised "
    "resolved/persist resolved/remain resolved/unresolved addressed/persist good/poor better/worse "
    "timely/delayed timely/late prompt/delayed high/low higher/lower more/fewer more/less most/least "
    "always/never all/none all/some everyone/nobody well/poorly safe/unsafe stable/unstable "
    "complete/incomplete accurate/inaccurate clear/unclear all/most all/some all/many every/some "
    "every/most always/often always/sometimes always/usually rose/fell rise/fall risen/fallen grew/fell "
    "grown/fallen rose/decreased increased/fell increased/fallen growing/falling improved/worsened "
    "improving/worsening ample/limited sufficient/limited enough/limited plentiful/scarce "
    "consistent/variable consistently/variable consistent/mixed consistent/uneven reliable/variable "
    "quick/slow quickly/slowly prompt/slow promptly/slowly timely/slow early/late rarely/often "
    "swift/slow swiftly/slow swiftly/slowly rapid/slow rapidly/slowly "
    "rarely/frequently seldom/often rarely/routinely seldom/routinely rarely/regularly seldom/regularly "
    "rarely/usually rarely/consistently rarely/always common/rare robust/weak robust/fragile stable/volatile "
    "success/failure successful/failed succeeded/unsuccessful succeeded/failed positive/negative able/unable "
    "aware/unaware above/below manageable/heavy manageable/excessive manageable/unmanageable "
    "good/bad well/badly better/poorer poor/well poorly/well only/irrespective only/regardless "
    "improvement/deterioration improvements/deteriorations improvement/decline most/few many/few "
    "majority/minority plenty/shortage plenty/shortages plenty/insufficient plenty/scarce plenty/limited "
    "already/yet poor/sound weak/sound heavily/rarely heavily/seldom widely/rarely widely/seldom "
    "extensively/rarely mature/underdeveloped established/underdeveloped developed/underdeveloped "
    # something new said to be settled ("well established" for "in its infancy", "at an early stage")
    "mature/infancy established/infancy embedded/infancy embedded/underdeveloped "
    "above/lower higher/below exceed/below exceeds/below"
)
# Words praising a finding, and words voicing a concern about one: each is the opposite of every other
# ("effective" against "some concerns about ..."). A sentence voicing praise ("the inspector was impressed
# by ...") needs a span that praises; one voicing a concern, a span with a concern or a praise word's
# opposite ("inconsistent").
PRAISE_VOICED = "praised praise praises impressed impressive pleased"
PRAISE = (
    f"good well effective effectively strong strongly robust excellent outstanding consistent consistently "
    f"rigorous rigorously thorough thoroughly exemplary exceptional exceptionally "
    f"positive positively strength strengths calibre "
    f"{PRAISE_VOICED}"
)
# Words saying a criticism was made: what a passage praising the same thing, with no concern, denies.
CRITICISM = (
    "criticise criticised criticises criticising criticize criticized criticism criticisms "
    "condemn condemned condemns slated slammed failings"
)
# Phrases saying a criticism was made, or that inspectors were not satisfied: "critical of", "weren't happy
# with" (not "critical incidents", nor a child "unhappy with" something).
CRITICISM_SAID = (
    r"\bcritical of\b"
    r"|(?:\bnot|n['’]t|\bnever) (?:at all )?(?:happy|pleased|impressed|satisfied) (?:with|by|about)\b"
    r"|\b(?:dissatisfied|displeased) with\b|\bfound fault\b|\bpicked holes\b"
)
# Words naming a fault found: what a passage says of a thing a sentence praises, when it praises nothing.
FAULTS = "weakness weaknesses weak poor poorly shortcomings deficits deficiencies failings"
CONCERN = (
    "concern concerns concerned disappointed "
    # what gets in the way of a thing: the opposite of its being effective or strong
    "hinder hinders hindered hindering hamper hampers hampered hampering undermine undermines undermined "
    "undermining impede impedes impeded impeding"
)
# Words that judge what they are said of ("poor", "good", "inconsistent"), both ways
JUDGING_WORDS = f"{OPPOSITES.replace('/', ' ')} {PRAISE} {CONCERN} {CRITICISM}"
# A phrase said as one of those words: "was holding back practice" is "was hindering practice".
SAME_MEANING = {
    "holding back": "hindering", "held back": "hindered", "holds back": "hinders", "hold back": "hinder",
    # the everyday word for the reports' ("so many kids taken into care" is denied by "no children")
    "kids": "children", "kid": "child", "youngsters": "children", "youngster": "child",
    # when, said as a phrase: "started in good time" is denied by "start too late"
    "in good time": "timely", "on time": "timely", "too late": "late",
    # falling short of a standard is not meeting it ("fell short of the minimum standards" is denied by
    # "meets the minimum standards")
    "fell short of": "did not meet", "falls short of": "does not meet", "fall short of": "do not meet",
    "falling short of": "not meeting",
}  # fmt: skip
# "Little" before what something achieves, without "a" or "very", is hardly any: "made little difference"
# denies what "is making a difference" says.
LITTLE_AS_NONE = (
    r"(?<!\ba )(?<!\bvery )\blittle (?=(?:difference|impact|effect|progress|evidence|change|improvement)\b)"
)
# "Fall" in a phrase that says no fall in anything: "fall behind their peers", "fell into two groups", "falls
# within the scope" (read as "went ...", which states no change; "fell short of" is "did not meet").
FALL_AS_NO_CHANGE = (
    r"\b(?:fall|falls|fell|fallen|falling)(?=\s+(?:behind|into|outside|within|under|apart|foul|prey|victim"
    r"|silent|between|in line|out)\b)"
)
# The nation the reports compare with, and how they name it: "children in care elsewhere in England" are
# "their counterparts nationally" (a name the passage need not write).
NATION_NAMES = "england britain"
NATIONAL_SAID = r"\bnational(?:ly)?\b|\bthe country\b|\bnationwide\b|\bcountrywide\b|\bengland\b"
# Words that multiply a quantity: "halved the number of repeat missing episodes" says more than "reduced" it.
MAGNITUDES = {"halved": 0.5, "doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
# Words that say a thing happens little ("rarely act on allegations"): a span must say so too, with one of
# these.
RESTRICTING = "rarely seldom hardly barely scarcely infrequently"
# Quantifiers: a sentence saying all (or none) where its span says only some overstates it; the other way
# round the sentence says less than the span, which is no conflict.
QUANTIFIERS_ALL = "all every each always everyone everybody no none nobody never"
EVERY = "all every each everyone everybody"  # the same quantity, whichever word says it
# Phrases that give the same quantity as a quantity word ("for a small number" is "for a few").
SAME_QUANTITY = {
    "small number": "few", "handful": "few", "majority": "most", "large majority": "most",
    "vast majority": "most", "minority": "few", "not all": "some", "not every": "some",
    "not always": "sometimes", "nearly all": "most", "almost all": "most", "virtually all": "most",
    "nearly every": "most", "almost every": "most", "nearly always": "usually", "almost always": "usually",
    "high percentage": "many", "high proportion": "many", "large proportion": "many",
    "significant proportion": "many", "large number": "many", "significant number": "many",
    "small proportion": "few", "low percentage": "few", "low proportion": "few",
    "not one": "no", "not a single": "no", "without exception": "all",
    # "did not have a single child in care in ..." is "had no child in care in ..."
    "didn't have a single": "had no", "did not have a single": "had no", "didn't have any": "had no",
    "did not have any": "had no", "doesn't have any": "has no", "does not have any": "has no",
    "don't have any": "have no", "do not have any": "have no",
    "largely": "most", "mostly": "most", "mainly": "most", "predominantly": "most", "in most cases": "most",
    # everyday words for plenty ("loads of its own homes")
    "loads of": "plenty of", "lots of": "plenty of", "a lot of": "plenty of", "ample": "plenty of",
    # "most" of a superlative counts nothing: "the most recent data" is the latest
    "most recent": "latest", "most recently": "lately", "most likely": "likely",
    # how often, not how many: "clinics every week" are weekly clinics, not clinics for every child
    "every day": "daily", "each day": "daily", "every week": "weekly", "each week": "weekly",
    "every fortnight": "fortnightly", "every month": "monthly", "each month": "monthly",
    "every year": "yearly", "each year": "yearly", "every night": "nightly",
}  # fmt: skip
# "The most serious cases", "its most vulnerable children": a superlative, which counts nothing.
SUPERLATIVE_MOST = r"\b(the|its|their|his|her|our|your) most (?=[a-z]{3,})"
QUANTIFIERS_SOME = "some many most several few often sometimes usually typically generally"
# A few against most: a premise that few do something ("why do so few take up interviews?") is denied by a
# quote that most or all do ("most children take up the offer"), and the reverse.
QUANTIFIERS_FEW = "few fewer hardly rarely seldom little"
QUANTIFIERS_MOST = "most many all every always usually majority"
# Words saying a state is complete: a span must say so too ("fully staffed" is not "staffed", less "set up").
COMPLETELY = "fully completely entirely totally wholly"
# Parts of an organisation, told apart by the words before them: "the children in care team" is not "the
# duty and safeguarding teams", so a span about one does not back a sentence about the other.
UNITS = r"teams?|units?"
# What turns a finding round for one part of it ("caseloads have reduced, although workloads in the leaving
# care service are higher"), and the parts so set apart.
CONTRAST = r",?\s(?:although|though|whereas|while|but|except(?: for| in)?|apart from|other than)\s"
CONTRASTED_PARTS = r"teams?|units?|services?"
# A line saying when the inspectorate will come back ("A monitoring inspection will be carried out within
# approximately 18 months"): no finding, and no waiting time.
INSPECTION_DUE = r"\b(?:re-?)?inspections? (?:visits? )?(?:will|is due|are due)\b"
# Kinds of meeting, plan or check, told apart by the words before them: "initial child protection
# conferences" are not "review conferences", so a span about the one does not back a sentence about the other.
KINDS_TOLD_APART = r"conferences?|meetings?|reviews?|visits?|plans?|assessments?|panels?|interviews?|checks?"
# Words before such a kind that tell none apart ("almost all of its ..."): they describe it, of any kind ("a
# major review" is "a significant review").
NOT_TELLING = (
    "almost nearly virtually its their his her our a an the this that these those major significant big "
    "large small wide full comprehensive thorough detailed regular frequent timely prompt new recent further "
    "latest last next first second third more most less fewer better best worse high low quality"
)
# Groups of children a finding is about: a span about one group does not back a sentence about another
# ("children in alternative provision" for a finding about looked-after children).
GROUPS: tuple[tuple[str, str], ...] = (
    ("children in need", r"\bchildren in need\b"),
    ("children in care", (
        r"\bchildren (?:in care|in the care of|looked after|who are looked after)\b|\blooked[- ]after\b"
        r"|\bcared[- ]for (?:children|young people)\b"
    )),
    ("care leavers", (
        r"\bcare[- ]leavers?\b|\b(?:young people|young adults) (?:leaving|who have left) care\b"
    )),
    ("children on child protection plans", r"\bchild protection plans?\b"),
    ("disabled children", r"\bdisabled children\b|\bchildren with (?:a )?disabilit(?:y|ies)\b"),
    ("children in alternative provision", r"\balternative provision\b"),
    ("unaccompanied children", r"\bunaccompanied\b|\basylum[- ]seeking\b"),
    # (and as the older reports put it: "a privately arranged fostering placement")
    ("privately fostered children", r"\bprivate(?:ly)? (?:arranged )?foster(?:ed|ing)\b"),
    ("children missing education", r"\bmissing (?:from )?education\b"),
    ("home-educated children", r"\bhome[- ]?(?:educat\w*|school\w*|ed\b)|\behe\b"),
    ("young carers", r"\byoung carers?\b"),
)  # fmt: skip
# The carers the reports set apart as they do groups of children: a finding about recruiting foster carers
# says nothing of adopters (a span naming neither may still speak of them: "post-adoption support").
CARER_GROUPS: tuple[tuple[str, str], ...] = (
    ("adopters", r"\badopters?\b|\badoptive (?:parents?|famil(?:y|ies)|carers?)\b"),
    ("foster carers", r"\bfoster(?:ing)? (?:carers?|parents?|famil(?:y|ies)|households?)\b"),
    ("special guardians", r"\bspecial guardians?\b"),
)
# The groups whose services the inspections grade: a report speaks of them throughout without naming them in
# each sentence ("the average caseload of IROs is 65 children" counts children in care, "210 children on
# plans" those on child protection plans, in the judgement of help and protection).
GRADED_GROUPS = frozenset(
    {"children in need", "children on child protection plans", "children in care", "care leavers"}
)
# Two directions of change: a sentence saying one where its span says only the other is contradicted.
MORE = (
    "rise rises rose risen rising increase increases increased increasing grow grows grew grown growing "
    "higher more doubled tripled soared up"
)
LESS = (
    "fall falls fell fallen falling decrease decreases decreased decreasing reduce reduces reduced reducing "
    "decline declines declined declining drop drops dropped dropping lower fewer less halved down shrank "
    "slip slips slipped slipping"
)
# The domain's terms, each with the other ways the reports and the public write it (DOMAIN.md, Ofsted's and
# the inspectorate's own usage): a span saying one says the others. Per term: the reports' own words for it
# (a question writing it another way is searched with them too), and the patterns that write it.
DOMAIN_TERMS = (
    ("children in care looked after children", (
        r"\bchildren (?:who (?:are|were) |are |were )?in (?:its |their |the council's |the local authority's "
        r"|local authority )?care\b(?! proceedings)",
        r"\blooked[- ]after (?:children|young people|youngsters|kids|teenagers|teens|babies)\b"
        r"|\b(?:children|young people|youngsters|kids) (?:who (?:are|were) |are |were )?(?:being )?"
        r"looked[- ]after\b",
        r"\blook(?:s|ed|ing)? after (?:\d[\d,]* )?children\b",
        # as the public say it: "so many children taken into care", "takes more kids into care"
        r"\b(?:children|kids|young people|child|bab(?:y|ies)|toddlers?|infants?|teenagers?|teens|youngsters"
        r"|siblings)\b(?: \w+){0,3}? (?:taken|come|coming|came|brought|going|"
        r"entering|enter|entered|put) into care\b"
        r"|\btak(?:es?|ing|en) (?:so many |too many |more |fewer |many )?(?:children|kids) into care\b",
        r"\b(?:cla|lac|cic)\b",  # the abbreviations children's services use
    )),
    ("care leavers", (
        r"\bcare[- ]leavers?\b",
        # "young people who'd left the council's care", "kids who have left their care"
        r"\b(?:young people|children|kids|young adults) (?:who are )?"
        r"(?:leaving|who(?: have|'ve|’ve|'d|’d| had)? left|who leave) (?:the |their |its )?"
        r"(?:(?:council|local authority|authority|la)['’]s )?care\b",
        r"\bcare[- ]experienced (?:young people|young adults|adults)\b",
        r"\bcls?\b",  # staff shorthand ("CLs over 21")
    )),
    ("permanent exclusions", (
        r"\bpermanent(?:ly)? exclu(?:sions?|ded)\b", r"\bexpell?(?:ed|ing)\b|\bexpulsions?\b",
    )),
    ("exclusions", (
        r"\bexclu(?:sions?|ded)\b",
        r"\b(?:kicked|thrown|chucked|sent) (?:out of|home from) (?:school|class|college)\b",
    )),
    ("enhanced monitoring", (r"\bspecial measures\b", r"\benhanced monitoring\b")),
    # the youngest children, as the public and the reports name them
    ("young children", (
        r"\bbab(?:y|ies)\b|\btoddlers?\b|\binfants?\b|\bunder[- ](?:ones|twos|threes|fours|fives)\b",
        r"\bchildren (?:aged )?under (?:the age of )?(?:one|two|three|four|five|[1-5])\b"
        r"|\byoung(?:est)? children\b",
    )),
    ("speech and language therapy", (
        r"\bspeech and language therap(?:y|ists?)\b", r"\bspeech therap(?:y|ists?)\b",
    )),
    ("child and adolescent mental health services", (
        r"\bchild and adolescent mental health services?\b",
        r"\b(?:children's|childrens|children’s|young people's|kids'?) mental health (?:services?|teams?)\b",
    )),
    ("foster carers", (
        r"\bfoster[- ]carers?\b", r"\bfoster (?:parents?|families|mums?|dads?)\b",
        r"\bfostering (?:households?|families)\b",
        r"\bfcs?\b",  # staff shorthand ("FCs")
    )),
    ("domestic abuse", (r"\bdomestic abuse\b", r"\bdomestic violence\b")),
    # family doctors, as the reports and the public name them
    ("gps general practitioners", (
        r"\bgps?\b|\bgeneral practi(?:tioners?|ces?)\b", r"\bfamily (?:doctors?|docs?)\b",
    )),
    # the court cases in which a council asks to take a child into care, as the public say it
    ("care proceedings", (
        r"\bcare proceedings\b|\bcare procs?\b",  # "care procs": staff shorthand
        r"(?<!social )\b(?:care|family) (?:court )?cases?\b(?! (?:load|work|files?|records?|notes?))"
        r"|\bcourt cases? (?:about|over|for|involving|on) (?:children|kids|a child)\b",
    )),
    ("child protection", (r"\bchild protection\b", r"\bCP\b")),
    # the judgement area of children who need help and protection, as staff write it ("H&P")
    ("help and protection", (r"\bhelp and protection\b", r"\bh ?(?:&|and) ?p\b")),
    # a young person's first home of their own, as the public say it ("once in their own flat")
    ("independent living tenancies", (
        r"\bindependent (?:living|tenanc(?:y|ies))\b|\bliv(?:e|es|ing) independently\b",
        r"\b(?:own|first) (?:flats?|tenanc(?:y|ies)|bedsits?)\b|\bflats? of (?:their|his|her|my) own\b",
    )),
    # an independent visitor is a volunteer who befriends a child in care
    ("independent visitors", (
        r"\bindependent visitors?\b", r"\b(?:volunteer )?befrienders?\b|\bvolunteer (?:mentors?|visitors?)\b",
        r"\bivs?\b",
    )),
    # staff shorthand of two letters, too short to be read as acronyms from the reports' initials
    ("social workers", (r"\bsocial workers?\b", r"\bsws?\b")),
    ("personal advisers", (r"\bpersonal advis[eo]rs?\b", r"\bpas\b|\bpa\b(?![.-])")),
    ("private fostering", (
        r"\bprivate(?:ly)? foster(?:ing|ed)\b", r"\bpf\b",
        # as the public say it: "looked after by non-relatives", "living with a family friend"
        r"\b(?:looked after|living|staying|cared for|brought up) (?:by|with) (?:a |an )?"
        r"(?:non-relatives?|family friends?|friends? of the family)\b"
        r"|\binformal (?:family |care )?(?:set-?ups?|arrangements?)\b|\bprivate (?:family )?arrangements?\b",
    )),
    # what the public call a house shared by unrelated tenants
    ("houses in multiple occupation", (
        r"\b(?:houses?|homes?) (?:in|of) multiple occupation\b|\bhmos?\b",
        r"\bbedsits?(?:-style)?\b|\bshared (?:houses?|housing)\b",
    )),
    # someone independent who speaks for a child, as the public say it ("someone speaking up for them")
    ("advocacy advocates", (
        r"\b(?:independent )?advoca(?:cy|tes?)\b",
        r"\b(?:someone|somebody|an? (?:adult|person|volunteer))\b(?: [\w'’]+){0,5}? "
        r"(?:speak(?:s|ing)?|stick(?:s|ing)?) up for\b"
        r"|\bspeak(?:s|ing)? up for (?:them|him|her|children|kids|young people|the child)\b",
    )),
    ("mental health", (r"\bmental health\b", r"\bmh\b")),
    ("children in need", (r"\bchildren in need\b", r"\bcin\b")),
    ("out of area", (r"\bout of (?:the )?area\b", r"\booa\b")),
    ("statistical neighbours", (r"\bstatistical neighbours?\b", r"\bstats?\.? neighbours?\b")),
    ("young carers", (
        r"\byoung carers?\b",
        # "kids who care for a parent", "my 13 yr old basically helps look after her dad"
        r"\b(?:children|kids|young people|teenagers|teens|sons?|daughters?|\d+ ?(?:yr|year)s?[- ]olds?) "
        r"(?:who (?:are )?)?(?:\w+ )?(?:helps? (?:to )?)?"
        r"(?:look(?:s|ing)? after|car(?:e|es|ing) for) (?:a |an |their |his |her )?(?:\w+ )?"
        r"(?:parents?|mums?|dads?|mothers?|fathers?|family members?|relatives?|brothers?|sisters?"
        r"|siblings?)\b",
    )),
    # what parents call short breaks for disabled children ("can families get respite?")
    ("short breaks", (
        r"\bshort[- ]breaks?\b",
        r"\brespite(?: care| breaks?| services?| opportunities)?\b"
        r"|\b(?:get|have|need|give (?:us|them|parents|families|carers)) a (?:bit of a |proper )?break\b",
    )),
    # what parents fear, in their words: "being groomed by older lads", "county lines"
    ("exploitation", (
        r"\bexploit(?:ation|ed|ing)?\b",
        r"\bgroom(?:ed|ing)\b|\bcounty lines\b|\bgangs?\b|\bolder (?:lads|boys|men)\b",
    )),
    # children going back to their families from care
    ("return home reunification", (
        r"\breunifi\w*\b",
        r"\b(?:back|go|going|went|get|getting|move|moving) (?:\w+ )?home (?:to|with) (?:their |his |her )?"
        r"(?:mum|dad|mother|father|parents?|family|birth family)\b",
    )),
    # the conversation with a child back from going missing
    ("return home interviews", (
        r"\breturn home (?:interviews?|conversations?)\b",
        r"\b(?:runs? off|runs? away|ran off|ran away|go(?:es)? missing|went missing)\b[^.?]{0,40}"
        r"\b(?:comes? back|came back|returns?|returned|gets? back|back home)\b",
    )),
    # a child held by the police overnight: the reports say "police custody"
    ("police custody", (
        r"\bpolice custody\b",
        r"\b(?:police|custody) cells?\b|\b(?:locked up|kept|held) (?:overnight )?(?:by|at) (?:the )?police\b",
    )),
    ("radicalisation", (
        r"\bradicali[sz](?:ation|ed|ing)\b", r"\bextremis[mt]s?\b|\bextreme (?:views|ideolog(?:y|ies))\b",
    )),
    # the service that answers at night and at weekends ("who covers out of hours?")
    ("emergency duty team", (
        r"\bemergency duty (?:team|service)s?\b|\bedt\b",
        r"\bout[- ]of[- ]hours\b|\bafter[- ]hours\b"
        r"|\b(?:nights?|night[- ]time|evenings?) and (?:at )?weekends?\b",
    )),
    # the everyday words for what the reports name in their own
    ("poverty", (
        r"\bpoverty\b|\bdeprivation\b|\bdeprived\b",
        r"\bhard[- ]up\b|\bpoor (?:families|households|homes)\b|\blow[- ]income\b|\bbreadline\b|\bskint\b",
    )),
    ("external providers", (
        r"\bexternal (?:providers?|placements?)\b|\bindependent (?:fostering )?(?:providers?|agencies)\b"
        r"|\bprivate (?:providers?|sector)\b",
        r"\b(?:outside|private) (?:companies|firms|organisations|businesses)\b",
    )),
    ("life story work", (
        r"\blife[- ]story (?:work|books?)\b|\blater[- ]life letters?\b",
        r"\b(?:their|his|her|own) back[- ]?stor(?:y|ies)\b"
        r"|\bwhere (?:his|her|their) (?:birth )?famil(?:y|ies) (?:comes?|came) from\b"
        r"|\bunderstand (?:why (?:he|she|they)(?: is| are|['’]s|['’]re)? in care"
        r"|(?:his|her|their) (?:own )?past)\b",
    )),
    ("kinship carers", (
        r"\bkinship (?:carers?|care)\b|\bconnected (?:persons?|carers?)\b"
        r"|\b(?:family and friends|friends and family) carers?\b",
        r"\b(?:relatives|grandparents|grandmas?|grans?|nans?|aunts?|aunties|uncles?) (?:bringing up|raising|"
        r"looking after|caring for)\b|\brelatives like (?:her|him|them|me|us)\b",
    )),
    ("pathway plans", (
        r"\bpathway plans?\b",
        r"\b(?:leaving|after)[- ]care plans?\b|\bplans? for (?:after|leaving) care\b",
    )),
    ("statutory", (
        r"\bstatutory\b",
        r"\bwhat the law (?:requires|says)\b|\b(?:required|requires?) by law\b"
        r"|\blegal (?:duty|duties|requirements?)\b",
    )),
    ("vulnerable people", (
        r"\bvulnerable (?:people|adults|children|young people|victims)\b",
        r"\b(?:people|folk|adults|victims) (?:who are )?at risk\b"
        r"|\bat[- ]risk (?:people|folk|adults|victims)\b",
    )),
    # Everyday English for stopping harm before it happens: "nip it in the bud", "stop it before it starts"
    ("preventing", (
        r"\bprevent(?:s|ed|ing|ion|ative)?\b",
        r"\bnip(?:s|ped|ping)? (?:[\w'’]+ ){0,3}in the bud\b"
        r"|\bstop\w* (?:[\w'’]+ ){0,3}before (?:it|they|that) (?:starts?|happens?|begins?)\b",
    )),
    # Not the domain's but everyday English: "does a good job of managing" is "manages well".
    ("well", (r"\ba (?:good|great|fine) job\b", r"(?<!\bas )\bwell\b(?! as\b)(?![- ]being\b)")),
    # "a poorly mum" is ill: after an article or a possessive "poorly" describes someone, not how it is done
    ("badly", (
        r"\ba (?:poor|bad) job\b",
        r"\bbadly\b|(?<!\ba )(?<!\bthe )(?<!\btheir )(?<!\bhis )(?<!\bher )\bpoorly\b",
    )),
)  # fmt: skip
# Compounds written with a hyphen or space that are one word: the "well" of "emotional well-being" says
# nothing is done well.
ONE_WORD_COMPOUNDS = r"\bwell[- ]being\b"
# Words a term neither opens nor closes with ("services inspector from" is no spelling of "SIF").
TERM_EDGES = "from by at into about as than that which who whose this these those"
# Words an acronym leaves out ("not in education, employment or training": NEET).
ACRONYM_LINKING = "a an and for in of on or the to with"
# Of those, the words that compare rather than say something changed ("more than 30", "higher than").
COMPARATIVES = "higher more up lower fewer less down"
# A figure asked for against others ("how did the share in care compare with similar councils?", "vs the
# national average"), and a span saying how it stands against them in words ("a much lower proportion than
# comparable local authorities"): that answers it without the figure.
AGAINST_OTHERS_ASKED = (
    r"\b(compar\w*|against|vs\.?|versus|than|relative to)\b[^?]{0,40}\b(national\w*|average|england|similar"
    r"|other|comparable|statistical neighbou?rs?|elsewhere|peers?|the rest)\b|\bnationally\b"
)
AGAINST_OTHERS_SAID = (
    r"\b(higher|lower|more|fewer|less|greater|smaller|above|below|better|worse|in line with|similar to"
    r"|consistent with|exceed\w*)\b[^.;]{0,60}\b(than|average|national\w*|comparable|statistical neighbou?rs?"
    r"|similar (local )?authorities|elsewhere|england)\b"
)
# A share asked of a whole ("how much of what Ofsted asked has been done?"), which a quantifier gives
# ("many of the recommendations ... addressed") as well as a figure
SHARE_ASKED = r"\bhow (much|many) of\b|\bwhat (share|proportion|fraction|part) of\b"
SHARE_SAID = (
    r"\b(all|most|many|much|some|few|half|none|the majority|a minority|nearly all|almost all)\s+of\s+"
    r"(the|its|their|these|those|them)\b"
)
BETTER = "improve improves improved improving better strengthened stronger progressed"
# Words saying a thing did not change: a claim that it improved or fell is not what they say, nor the reverse.
STEADY = "sustained maintained remained unchanged stayed steady static plateaued"
WORSE = (
    "worsen worsens worsened worsening worse deteriorate deteriorates deteriorated deteriorating declined "
    "weakened weaker slipped regressed"
)
# Words of a question asking whose grades moved ("which councils went down a grade?", "improved the most")
CHANGE_WORDS = (
    f"{BETTER} {WORSE} {MORE} {LESS} most biggest largest furthest greatest step steps notch "
    "from to into move moved moves moving"  # "moved from RI to good"
    # against which report: "improved at the latest ILACS vs the previous one", "compared to the time before"
    " latest recent newest most compared compare comparison vs versus against whose one time oe"
    # ... seen happen to them: "which councils saw their grade fall?", "where did things get better?"
    " see sees saw seen thing things"
)
# A question asking about a change in words other than a change word ("has it gone down?", "what changed?").
CHANGE_ASKED = r"\b(?:gone|go|goes|went|going|come|came|getting|got) (?:down|up|better|worse)\b|\bchanged?\b"
# Words that set one thing against another ("more manageable in A than in B").
COMPARING = (
    "more less fewer better worse higher lower greater smaller longer shorter quicker slower faster stronger "
    "weaker"
)
# A question asking who, about nothing but its report, asks who made it (the lead inspector).
ASKS_WHO = r"\bwho(se|m|s|['’]s)?\b"
# Counties as they are traditionally written short, where that is not their first four letters and an "s"
# ("Cambs", "Lancs": names.county_shorts makes those).
COUNTY_SHORT_FORMS = {
    "oxfordshire": "oxon", "hampshire": "hants", "shropshire": "salop", "northamptonshire": "northants",
    "staffordshire": "staffs", "gloucestershire": "glos", "leicestershire": "leics", "lincolnshire": "lincs",
    "worcestershire": "worcs", "derbyshire": "derbys", "bedfordshire": "beds", "berkshire": "berks",
    "buckinghamshire": "bucks", "wiltshire": "wilts", "yorkshire": "yorks", "nottinghamshire": "notts",
    "hertfordshire": "herts", "northumberland": "northd", "midlands": "mids",
}  # fmt: skip
# How a town's name ending is written short: "Peterborough" as "Pboro", "P'boro" or "Peterboro",
# "Bournemouth" as "B'mouth", "Northampton" as "N'hampton".
TOWN_ENDINGS = {"borough": "boro", "brough": "boro", "mouth": "mouth", "hampton": "hampton"}
# What a question asking who says of the report besides naming it ("who led Ofsted's look at X", "who was
# in charge of the visit", "who actually wrote it"): how a report is made and by whom, no other subject.
MAKING_A_REPORT = (
    "led lead leads leading headed head heads charge responsible wrote write written writer author authored "
    "ran run conducted carried out signed team look visit review actually exactly li up went came helm "
    "fronted oversaw oversee overseen boss heading sign signs off "  # "who signed off the report?"
    "side"  # a joint inspection's part: "who was lead on the CQC side?"
)
# Words that say which report is meant, not what about it: "who did the last one", "the latest Ofsted".
WHICH_REPORT = "last latest newest recent recently most current time one"
# Prefixes that turn a word into its opposite ("consistent" -> "inconsistent").
NEGATING_PREFIXES = ("in", "un", "non", "im", "ir", "il", "dis")
_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {w: i + 1 for i, w in enumerate(_UNITS.split(" "))} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12,
}  # fmt: skip
# Quantities said in words that a span must say too ("half of the children", "a third").
FRACTION_WORDS = "half halves third thirds quarter quarters majority minority most few several twice double"
# Text addressed to a language model rather than about an inspection (prompt injection in a document).
INSTRUCTION = (
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|above|previous|system)\b"
    r"|\b(you are|act as|pretend to be|as an ai|language model|assistant)\b"
    r".{0,60}\b(must|should|now|say|answer)\b"
    r"|\b(system prompt|new instructions?|jailbreak)\b"
)
# Words that carry tense or mood, not content: a sentence need not share them with its span.
# The verbs of being and having, which no acronym stands for ("not have sufficient" is no "NHS").
BEING_VERBS = "have has had having is are was were be been being do does did"
AUXILIARIES = (
    "did does do done doing has have had having was were is am are be been being will would shall should can "
    "could may might must also still now then very"
)
# Contractions typed without their apostrophe ("dont", "theyre"): read as written out, so "doesnt" denies as
# "doesn't" does and none of them is taken for a topic word. Those that are also words ("its", "well",
# "were", "cant", "wont", "ill", "id") are left alone.
APOSTROPHE_DROPPED = (
    "dont:don't doesnt:doesn't didnt:didn't isnt:isn't arent:aren't wasnt:wasn't werent:weren't hasnt:hasn't "
    "havent:haven't hadnt:hadn't couldnt:couldn't wouldnt:wouldn't shouldnt:shouldn't mustnt:mustn't "
    "neednt:needn't im:I'm ive:I've youre:you're youve:you've theyre:they're theyve:they've weve:we've "
    "whats:what's thats:that's theres:there's hes:he's shes:she's wouldve:would've couldve:could've "
    "shouldve:should've"
)
# A question word with "did" run into it ("how'd they do?", "what'd ofsted say?"), written out.
DID_CONTRACTED = {f"{w}{a}d": f"{w} did" for w in ("how", "what", "where", "why", "when") for a in "'’"}
# Question words as people type them in chat ("wen did ofsted come", "wot did they say"), written out.
CHAT_SPELLINGS = (
    "whos:who's wen:when wot:what wat:what wut:what wht:what hw:how wher:where wich:which ur:your"
)
# Lengths of time and averages as people type them without a figure ("care procs avg wks?"), written out
# (with a figure, figures.units_apart spells them: "6wks").
TYPED_SHORTHAND = "wks:weeks wk:week mths:months mnths:months yrs:years hrs:hours avg:average avge:average"
# Pointing and joining words that name no thing (with the pronouns and prepositions), and the units a figure
# is given in, which say how it is measured, not what it counts.
CONNECTIVES = "this that these those which there than while with"
FIGURE_UNITS = "hour hours day days week weeks month months year years cent percent"
# Pronouns: a story told before a question ("my kids", "we're in a flat") names its subject in other words.
PRONOUNS = (
    "i me my mine we us our ours you your yours he him his she her hers they them their theirs thats"
    " own"  # "on their own", "my own": whose, not what
)
# What a question may call the organisation a report is about ("my local council"), naming no subject
ORGANISATION_NOUNS = (
    "local council councils authority authorities la borough county force constabulary area partnership lap"
)
# Prepositions the BM25 stop list keeps: they relate a topic's words, they name no topic.
PREPOSITIONS = (
    "about above across after against along amid among amongst around before behind below beneath beside "
    "besides between beyond despite during except from inside into near onto outside over past since "
    "through throughout towards toward under underneath unlike until upon via within without"
)
# The attribution in front of a journalist's claim, which the sources need not repeat.
CLAIM_FRAMING = (
    # "According to the most recent data inspectors were shown in 2016, ...": whatever it is according to
    r"^(?:according to [^,]{1,100},\s*"
    r"|(?:the )?(?:inspectors?|ofsted|hmicfrs|hmic|(?:inspection )?report|inspectorate|hmi \w+ \w+"
    # "The 2023 area SEND inspection", "the latest monitoring visit": a report named by its kind
    r"|(?:\d{4} )?(?:[a-z-]+ ){0,3}(?:inspection|re-inspection|report|visit)|(?:\d{4} )?peel assessment)"
    # "Ofsted's 2022 report on Barset, published in May, said ..."
    r"(?:'s?(?: \d{4})? (?:report|inspection)(?: (?:on|of|into) [\w&'’ -]{1,40}?)?)?(?:,[^,]{1,60},)?"
    # Verbs that take what was said as a clause; those that take an object ("praised leaders") frame only a
    # clause begun with "that", or what they call a thing "as".
    r"\s+(?:(?:said|says|say|found|finds|find|reported|reports|concluded|noted|notes|stated|states|wrote|"
    # ... where they said it: "wrote in its report that"
    r"writes|warned)\s+(?:in\s+(?:its|their|her|his|the)\s+(?:\d{4}\s+)?(?:report|assessment)\s+)?"
    r"(?:that\s+)?|(?:judged|highlighted|praised|criticised|described)\s+that\s+"
    # "Ofsted described Barset's services as outstanding": what it called them is the claim.
    r"|(?:described|called|judged|rated|considered|deemed|labelled)\s+(?=[^.;]{1,80}?\bas\s))"
    # "When Ofsted inspected Barset in July 2023, (it found that) ...": the time of an inspection.
    r"|(?:when|during)\b[^,]{0,80}?\b(?:inspected|inspections?|re-inspection|(?:inspectors?|ofsted|hmicfrs"
    r"|hmic) visited)\b[^,]{0,50},\s*(?:(?:they|it|ofsted|inspectors?)\s+(?:found|said|noted|reported)\s+"
    r"(?:that\s+)?)?)"
)
# A question asking what the reports say about a topic it names ("did Ofsted say anything about FGM?",
# "anything on radicalisation?", "what did inspectors find about ..."): the topic is what follows.
# Words that make a question a sentence rather than a topic typed bare: question words, and verbs opening it.
ASKING_WORDS = (
    r"\b(?:what|whats|how|why|who|whom|whose|when|where|which|whether|if|y)\b|^\W*(?:is|are|was|were|do|does|did"
    r"|has|have|had|can|could|will|would|should|any|anything|tell|list|show|give|explain|describe)\b|\?.*\w"
)
# ... nor asked after a story ("my lad is 19 - are there many internships or not really?"): a verb asking of
# someone or something, inside the question.
ASKED_INSIDE = (
    r"\b(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s+(there|they|it|he|she|you"
    r"|the|any|some|many|we|i|this|that|these|those|their|its|his|her|my|our|[a-z]+['’]s)\b"
)
# One person, not a group: "a care leaver", "17 year old", "16yo nephew", or the asker ("myself", "my son"):
# a choice typed bare for one of them is theirs to make.
ONE_PERSON = (
    r"\b(care leaver|young person|child(?! in need\b)|kid|teen|teenager|social worker|sw|foster carer|carer"
    r"|parent|nephew|niece|son|daughter|grandson|granddaughter)\b(?!['’]?s\b)"
    r"|\b\d{1,2} ?(yo|y/o|year old|yr old)\b(?!s)|\b(i|we|me|us|myself|ourselves|my|our)\b"
)
# Where to look for a topic, said after it: "mention overcrowding anywhere in what it wrote about Barset?"
WHERE_SAID = (
    r"\s+(?:anywhere\s+)?in what (?:it|they|ofsted|the inspectors?|inspectors|the report)\s+"
    r"(?:said|wrote|says|writes|found|reported)\s+(?:about|on)\s+[^?]*"
)
NAMED_TOPIC = (
    # what an organisation does about a topic: "how does the force tackle modern slavery?"
    r"\bhow\s+(?:well\s+)?(?:does|do|did|is|are|has|have)\b[^?]*?\b(?:tackl\w*|handl\w*|deal\w* with"
    r"|respond\w* to|cop\w* with)\s+(?!(?:it|this|that|them)\W*$)(?P<topic>[^?]+)",
    r"\b(?:say|said|says|mention\w*|anything|cover\w*|comment\w*|note\w*|find|found|raise\w*|talk\w*"
    r"|discuss\w*|touch\w*|reported|(?:did|does|do) [\w'’ ]{1,40}? report)\b[^?]*?"
    r"\b(?:about|on|regarding|re)\s+(?!(?:it|this|that)\W*$)(?P<topic>[^?]+)",
    # the topic as the object of the verb: "did Ofsted mention the floods?", "does it discuss vaping?"
    r"\b(?:mention|mentions|mentioned|discuss|discusses|discussed)\s+"
    r"(?!(?:about|on|regarding|anything|that|whether|if|how|what|why|when|it|this)\b)"
    r"(?P<topic>[^?]+?)(?:\s+(?:anywhere|at all)\b[^?]*)?(?:\?|$)",
    # ... or of a reference made to it: "does the report make any reference to music tuition?", "refer to"
    r"\b(?:(?:make|makes|made|making)\s+(?:any\s+|a\s+|no\s+)?(?:reference|mention)s?\s+(?:to|of)"
    r"|refer(?:s|red)?\s+to|\bany\s+ref(?:erence)?s?\s+to)\s+(?!(?:it|this|that)\W*$)"
    r"(?P<topic>[^?]+?)(?:\s+(?:anywhere|at all)\b[^?]*)?(?:\?|$)",
    # a report dealing with a topic, or with whether it holds: "does the report address period poverty?",
    # "did Ofsted's inspection examine whether children in care get dental treatment?" (not "do leaders
    # address shortages?", which asks what the council does)
    r"\b(?:report|inspection|ofsted|inspectors?)\b[^?]{0,80}?\b(?:address(?:es|ed)?|examin(?:e|es|ed)"
    r"|cover(?:s|ed)?|look(?:s|ed)? (?:at|into)|consider(?:s|ed)?|stat(?:e|es|ed) whether|assess(?:es|ed)?"
    # "does the latest report say whether children in care get music lessons?"
    r"|(?:say|says|said|indicate[sd]?|tell us) (?:whether|if)"
    r"|report(?:s|ed)? on whether)\s+(?:whether\s+|if\s+)?"
    r"(?!(?:anything(?!\s+like\b)|that|how|what|why|when|it|this|at all)\b)(?P<topic>[^?]+)",
    # the topic first, asked after whether they said so: "how do they look after X, did ofsted say?", "is X a
    # problem? did the inspectors mention it?"
    r"^\W*(?:[\w'’&-]+\s+-\s+)?(?P<topic>[^?]+?)[,?]+\s*(?:and\s+)?(?:what\s+)?(?:did|does|do|has|have)\s+"
    r"(?:ofsted|the inspectors?|inspectors|the report|it|they)\s+(?:say|said|mention|comment)\w*"
    r"(?:\s+(?:on|about)\s+(?:it|this|that))?\s*(?:\w+\s*)?\W*$",
    # ... or whether the report covers it, in the passive: "was fire safety considered in the inspection?",
    # "weight management / obesity - covered in ofsted?", "DofE / scouts mentioned?"
    r"^\W*(?:(?:was|were|is|are)\s+)?(?:[\w'’&-]+(?:\s+[\w'’&-]+){0,2}\s+-\s+)?(?P<topic>[^?]+?),?\s*-?\s+"
    r"(?:covered|mentioned|discussed|considered|looked at|addressed|examined)(?:\s+(?:at all|anywhere))?"
    r"(?:\s+(?:in|by)\s+[^?]{0,80}?\b(?:report|inspection|ofsted)[^?]{0,60})?\W*$",
    # ... or whether the report holds anything on it: "do families get an interpreter? anything in the latest
    # report", "nhs dentist access - in the report?"
    r"^\W*(?:[\w'’&-]+\s+-\s+)?(?P<topic>[^?]+?)\s*[-,?]+\s*(?:is there\s+)?(?:anything\s+)?"
    r"(?:in|from)\s+the\s+(?:(?:latest|newest|most recent|last|ofsted|ilacs|send)\s+){0,2}"
    r"(?:report|inspection)\W*$",
    # whether a thing is a worry: "was gambling a worry for kids in care?", "barset report - is county lines
    # an issue?"
    r"^\W*(?:[\w'’&-]+(?:\s+[\w'’&-]+){0,2}\s*[-–:]\s+)?(?:is|was|are|were)\s+"
    r"(?!(?:there|it|this|that|they|he|she)\b)(?P<topic>[\w'’ -]{3,40}?)\s+an?\s+"
    r"(?:\w+\s+)?(?:worry|problem|concern|issue)\b",
)
# A claim opened by whoever said it, however that is named ("Dorset's 2024 area SEND inspection found",
# "The December 2024 inspection of Barset said in its report that", "In its 2021 report, Ofsted said"):
# words naming the inspectorate or its report, then a verb of saying. Another body's finding ("the social
# work assessment found") names none of them and stays part of the claim.
CLAIM_ATTRIBUTED = (
    r"^(?:in (?:its|the|their|her|his) [^,.;]{0,40}?\b(?:report|inspection|assessment)[^.;]{0,60}?,\s*)?"
    r"[^,.;]{0,80}?\b(?:ofsted|inspectors?|inspection|re-inspection|report|hmi|hmicfrs|hmic|inspectorate)"
    r"\b[^,.;]{0,60}?\s+(?:said|says|found|finds|noted|notes|reported|reports|concluded|stated|states|wrote"
    r"|writes|warned|observed|recorded)\s+(?:in\s+(?:\d{4}|(?:its|their|the|her|his)\s+(?:\d{4}\s+)?"
    r"(?:report|assessment|inspection))\s+)?(?:that\b,?\s*)?"
)
# An attribution after a claim's last comma (", Ofsted's 2022 report noted.", ", according to the 2024 area
# SEND inspection"): who said it and in which report, not what was said.
CLAIM_TAIL = (
    r",\s*(?P<tail>(?:(?:according to|as)\s+)?[^,]{0,60}?\b(?:ofsted|inspectors?|inspection|re-inspection"
    r"|report|hmi|hmicfrs|hmic|inspectorate)\b[^,]{0,40}?)[.!]?\s*$"
)
# "..., in its 2019 inspection" without a comma: which report, not what was said.
CLAIM_TAIL_IN = (
    r"\s+(?P<tail>(?:in|during|at) (?:its|the|their|this|that|a|an) [^,.;]{0,40}?"
    r"\b(?:inspection|re-inspection|report|visit|assessment)"
    # ... or when: "..., when Ofsted inspected in 2016", "when inspectors visited it in March 2023"
    r"|when (?:ofsted|the inspectors?|inspectors|hmi\w*) (?:inspected|visited|came|reported)"
    r"(?: (?:it|them|the council|the force))?(?: in (?:[a-z]+ )?(?:19|20)\d\d)?)[.!]?\s*$"
)
CLAIM_TAIL_CUE = (
    r"^(?:according to|as)\b|\b(?:said|says|found|finds|noted|notes|reported|reports|concluded|observed"
    r"|stated|told|tells|wrote|writes|described|judged|highlighted|warned|praised|criticised|recorded"
    r"|showed|shows)\b"
)
# A passage giving an earlier inspection's grade ("At the last inspection, in 2019, it was judged ...").
EARLIER_GRADE = (
    r"\b(?:at|in|during) (?:the|its) (?:last|previous|earlier|prior|former) (?:full |standard )?"
    r"(?:inspection|visit)|\bpreviously (?:judged|rated|graded)|\bwhen (?:it was |they were )?last inspected"
)
# A claim about an earlier inspection's grade, which the report's own judgements do not give.
# Where a report says in its text when it was last inspected ("since the last inspection in 2016", "when
# Ofsted last inspected Lambeth in March 2012", "since the ILACS inspection in 2022"), having no "Date of
# previous inspection" line. Not a year of something named after it ("the last inspection and the focused
# visit in 2021").
PREVIOUS_STATED = (
    r"(?:\b(?:last|previous)\s+(?:full\s+|standard\s+|ofsted\s+)?inspect(?:ion|ed)\b(?:(?!\band\b)[^.,;]){0,40}?"
    r"|\bsince\s+the\s+(?:[\w-]+\s+){0,2}inspection\s+)"
    rf"\b(?:in|during)\s+(?P<when>(?:(?:{MONTHS.replace(' ', '|')})\s+)?(?:19|20)\d\d)\b"
)
EARLIER_INSPECTION = (
    r"\b(previous|last|earlier|prior|former)\s+(inspection|visit|report)s?\b|\bpreviously\b"
    # "had last been inspected in 2009, when they were judged good": a grade of an earlier inspection
    r"|\b(had\s+)?last\s+been\s+(inspected|visited|judged|rated|graded|assessed)\b"
)
# A claim about who led an inspection ("X led Barset's 2023 inspection" as well as "led by X").
LEAD_CUES = (
    r"\b(lead inspector|led by|led the|was led|leading inspector|inspection lead"
    r"|led\b[^.;]{0,60}\binspection"
    # the one who wrote it: "the assessment was written by", "X wrote the report", "its author"
    r"|written by|wrote\b[^.;]{0,40}\b(report|assessment|inspection)|authored|author)\b"
)
# A claim of when an inspection took place ("Ofsted inspected Tameside in December 2023", "inspectors were
# in Barset in May 2019"); not one about what happened since an earlier one, or what was so when it took
# place ("had a neglect strategy when Ofsted inspected in 2015").
INSPECTED_WHEN = (
    r"^(?!.*\b(since|before|after|previous|previously|last|earlier|prior|again|when|while|time)\b)"
    r".*\b(inspected|visited"
    r"|inspection (took place|was carried out|happened|ran)"
    r"|(inspectors|ofsted|hmi) (were|was|came|went) (in|to))\b"
    r"[^.;]{0,40}\b(?:19|20)\d\d\b"
)
# Words of a claim that do not say which judgement it grades.
AREA_NOISE = (
    "the of and for in to a an was were is are be been rated judged graded as by its their how well children "
    "with on at from who that this "
    "outstanding good requires require improvement inadequate adequate"
)
# Words of a claim about a report's grade that name neither a judgement area nor another subject.
GRADE_CLAIM_WORDS = (
    "ofsted inspectors inspector inspection inspections inspected report reports said says found described "
    "council councils local authority authorities service services overall effectiveness year years whole "
    "rated rating judged judgement graded grade given gave latest last most recent recently published "
    "required requiring children's childrens social care department led lead "
    # how a grade is had: "got a good rating from Ofsted", "was awarded outstanding"
    "from with gets received receives awarded earned achieved"
)
# What brings a thing about, asked of: "what led to ...", "what dragged them down to RI".
_CAUSING = "led|made|caused|prompted|dragged|pulled|brought|pushed"
_CAUSE_NOUNS = "causes?|reasons?|explanations?|root causes?|factors?|drivers?|grounds|basis"
# Asking for the reason behind something ("why was it rated inadequate?", "how come", "what led to"):
# a question asking why a report gave a grade takes that grade for granted.
REASON_ASKED = (
    # ("y" typed for "why", not the "y" of "y/n?")
    rf"\b(?:why|y(?!\s*/\s*n\b)|how come|what(?: [\w'’]+){{0,2}}? (?:{_CAUSING})"
    r"|what went (?:wrong|right)|what (?:[\w'’]+ ){0,4}?(?:was|is|were|are) (?:so )?wrong with"
    r"|reasons?|what were the reasons|what explains|what(?: is|['’]?s) behind|what lies behind|grounds for"
    r"|what did [\w'’ ]{1,40} do to (?:get|earn|deserve|achieve))\b"
)
# The ways a question asks the reason for what it takes for granted, which the group "said" holds: "why are
# so many living in unregistered homes?", "what led inspectors to call it rigorous?", "caseloads huge why?"
WHY_PREMISE = (
    r"\b(?:why|how come)\s+(?:(?:are|is|do|does|did|was|were|has|have|had)\s+)?(?P<said>.+?)\W*$",
    rf"\bwhat(?: [\w'’]+){{0,2}}? (?:{_CAUSING})\s+(?P<said>.+?)\W*$",
    r"\bwhat\s*(?:explain(?:s|ed)?|(?:is|['’]s|lies|lay|was) behind"
    r"|(?:reasons?|explanations?|justification|(?:root )?causes?) did [\w'’ ]{1,60}?"
    r" (?:give|offer|identify|cite|point to|find)(?: [\w'’ ]{1,60}?)? for"
    r"(?: (?:saying|(?:its |the )?(?:finding|conclusion|view)))?(?: that)?"
    # the cause named by someone, or given: "what did Ofsted identify as the cause of", "what reasons were
    # given for", "what's the reason for"
    rf"|(?:did|do|does) [\w'’ ]{{1,40}}? (?:identify|give|cite|see|name|blame|point to)(?: as)?"
    rf" (?:the |its )?(?:{_CAUSE_NOUNS}) (?:of|for|behind)"
    rf"|(?:{_CAUSE_NOUNS}) (?:were|was|are|is|have been|has been) (?:given|identified|cited|offered)"
    rf" (?:[\w'’ ]{{1,40}}? )?(?:for|of|behind)"
    rf"|(?:is|['’]s|was|were|are) the (?:main |real |root )?(?:{_CAUSE_NOUNS}) (?:of|for|behind))"
    r"\s+(?P<said>.+?)\W*$",
    r"^\W*(?P<said>.+?)\W+(?:why|how come)\W*$",
    # how it is made sure of takes it for granted: "how does the council make sure full assessments are always
    # done?", "how do they manage to keep caseloads so low?"
    r"\bhow (?:do|does|did|can|could)\s+(?:[\w'’]+\s+){1,4}?(?:make sure|ensure|guarantee|manage to)"
    r"(?:\s+that)?\s+(?P<said>.+?)\W*$",
    # terse: "barset 2014 - grounds for the inadequate LSCB judgement?"
    rf"^[^?]{{0,60}}?[-–:]\s+(?:the\s+)?(?:{_CAUSE_NOUNS})\s+(?:of|for|behind)\s+(?P<said>.+?)\W*$",
)
# What was wrong with a thing, asked of: it takes for granted the thing was not good enough ("what did Ofsted
# say was wrong with the service that it only got RI?"); a quote finding fault with it bears that out
WRONG_WITH = r"\bwhat (?:[\w'’]+ ){0,4}?(?:was|is|were|are) (?:so )?wrong with\s+(?P<said>.+?)\W*$"
FOUND_WANTING = "was not good enough"
# A reason asked of what was told before, pointing back at it: "What caused them to come to that
# conclusion?", "How did they manage that?", "What was it that went wrong?".
REASON_OF_TOLD = (
    r"\b(?:that|this|it|so)\W*$"
    r"|\b(?:that|this|the) (?:\w+ )?(?:conclusion|view|finding|verdict|decision|grade|rating)\b"
    r"|\bhow did (?:they|it|he|she|the council|the force|the \w+) (?:manage|do|achieve|pull)\b"
    r"|\bhow (?:do|does|did) (?:they|it|he|she|the council|the force|the \w+)"
    r" (?:make sure|ensure|guarantee)\b"
    r"|\bwent (?:so )?(?:wrong|right)\b|\bwhat did (?:they|it|he|she) do\b"
)
# A statement told before a question ("I've been told ...", "I read somewhere that ...", "a friend was
# boasting that ..."): what follows the last reporting verb is what the asker takes for granted.
TOLD_VERB = (
    r"\b(?:told|tells|telling|read|heard|hear|said|says|saying|claimed|claims|claiming|gather|reckons?|"
    r"boasting|boasted|bragging|bragged|seen|saw|reported|found)"
    r"(?:\s+(?:me|us|him|her|them|somewhere|online|on facebook|in the (?:local )?(?:paper|news)))*"
    r"(?:\s+that)?\s+"
)
# Saying a grade was given, with the organisation between verb and grade ("rate BCP's care leavers good").
GRADING_VERB = (
    r"\b(?:rat(?:e|ed|es|ing)|judg(?:e|ed|es|ing)|grad(?:e|ed|es|ing)|awarded|giv(?:e|es|en|ing)|gave|got|deemed)"
    r"\b"
)
# Capitalised runs of words, capitals inside allowed ("McInerney", "O'Brien", "Smith-Jones"), ending lower
# case: a person's name, or an organisation's.
PERSON_RUN = r"\b[A-Z][A-Za-z'’-]*[a-z](?:\s+[A-Z][A-Za-z'’-]*[a-z])+"
# Capitalised words that name nothing: sentence openers and the words of a report's own framing.
NOT_NAMES = (
    "the a an this that these those it its they their there we our in on at for of and but or however "
    "overall inspectors inspector leaders staff children young people i because when while although though "
    "since after before during if as with without despite following where whereas once until unless all "
    "most some many few several each every both half one two three also yet so thus therefore instead"
)
NOT_NAME_WORDS = frozenset(NOT_NAMES.split())
# The words after a grade word that leave it a grade ("rated good overall", "good in 2018", "outstanding
# children's services"); before any other word it describes what follows ("good direct work", "outstanding
# help"): praise, or a fault, not a grade.
GRADE_FOLLOWERS = (
    "overall for in at by and or but to as on of with from since when across again until after before then "
    "now the this that these those its their a an rating ratings grade grades graded judgement judgements "
    "judgment judgments verdict outcome outcomes result results score children childrens services service "
    "social leadership ofsted inspectors inspection inspections"
)
# The inspectorates' grades, the full name of "requires improvement" first: it holds "good".
GRADE_PHRASES = (
    "requires improvement to be good", "required improvement to be good", "require improvement to be good",
    "requiring improvement to be good", "requires improvement", "require improvement", "required improvement",
    "requiring improvement", "outstanding", "inadequate", "good", "adequate",
)  # fmt: skip

# Columns of the reports table: a judgement goes in the first column whose pattern its area matches.
JUDGEMENT_COLUMNS = {
    "Overall effectiveness": r"^overall",
    "Leaders": r"impact of leaders|leadership",
    "Help and protection": r"help and protection",
    "Children in care": r"children in care|looked after",
    "Care leavers": r"care leavers",
    "Outcome": r"outcome",
}
# Words of a place's name that say where, not which: "North" alone does not name North Yorkshire.
COMPASS_WORDS = "north south east west central greater upper lower inner outer mid middle"
# Text-speak for the words questions of advice are asked with ("what would u do", "ur view").
TEXT_SPEAK = {
    "u": "you",
    "ur": "your",
    "ya": "you",
    "yr": "your",
    "wud": "would",
    "shud": "should",
    "cud": "could",
}
# Words of chat and text-speak, written in lower case, that are no acronyms ("lol" is not "live outside the
# local"), whatever runs of the reports' words have the same initials.
CHAT_WORDS = "lol lmao omg ppl pls plz thx tbh imo imho idk btw fyi asap tho cos coz abt rly"
