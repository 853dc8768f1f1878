"""Why a question is outside the sources: it names a force, council, county or place no report here is
about, or a name no passage mentions."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.asking import is_grade_question, last_ask
from bot.embedding.weights import model_words
from bot.mentions import SHORTHAND
from bot.name_corpus import Corpus, corpus_of, mentions
from bot.names import (
    COUNCILS,
    GENERIC,
    OTHER_NATIONS_COUNCILS,
    POLICE_FORCES,
    core_name,
    counties,
    county_shorts,
    normal,
    written_short,
)
from bot.schema import Document
from bot.sectors import POLICE_WORDS
from bot.terms import reports_words_at
from bot.wording import COMPASS_WORDS, FRAMING_WORDS, INSPECTORATES, MONTHS, MONTHS_SHORT

_LEAD_WORDS = {
    "is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "how", "what", "which", "who",
    "why", "when", "where", "can", "could", "should", "would", "will", "and", "but", "the", "about", "for",
    "tell",
}  # fmt: skip
_FORCE_NAMED = re.compile(r"\b((?:[A-Z][a-z]+(?:[ -](?:and|of|[A-Z][a-z]+))*) (?:Police|Constabulary))\b")
_INSPECTORATE = re.compile(r"(?:Chief )?Inspector(?:s|ate)? of\b")

# A year with the words that place it: "in March 2025", "during spring 2018", "from 2019".
DATED = re.compile(
    r"\b((in|during|from|after|of|since|before|by|until) )?((early|late|mid) )?"
    rf"(({'|'.join([*MONTHS.split(), 'spring', 'summer', 'autumn', 'winter', *MONTHS_SHORT.split()])}) )?"
    r"(19[89]\d|20[0-4]\d)\b"
)
_CONTRACTED = re.compile(r"['’](s|ve|m|d|ll|re)$", re.I)
_NAME = re.compile(r"(?<![.!?:;—–-]\s)(?<!^)\b([A-Z][\w’'-]*[A-Za-z])\b")
# What a comparison sets side by side is named, in lower case too ("trafford vs bolton", "compare bury and
# wigan"): a side no passage mentions is outside the sources, not a word to search for.
# "how does its front door compare with southwark and lewisham?", "better than sheffield": the other side.
_SIDE = r"([a-z][\w’'-]+[a-z])"
# "how does its offer stack up against knowsley's?"
_STACKED = rf"\bstack\w*\s+up\s+(?:against|to|with|next to)\s+{_SIDE}"
# What a council is asked of as: "compare wigan children's services with ..."
_KIND = r"(?:council|csc|children['’]?s services|social services)"
# "better than sheffield", and with the place it is set against named first: "better in dorset than in
# sheffield", "worse for SEND here than for wigan"
_SET_BESIDE = r"(?:[\w’'-]+\s+){0,4}?than\s+(?:(?:in|at|for|with|from)\s+)?(?:the\s+)?"
_COMPARED = re.compile(
    rf"\b{_SIDE}(?:\s+\d{{4}})?\s+(?:vs?\.?|versus)\s+{_SIDE}\b"
    rf"|\bcompar\w*\s+{_SIDE}(?:\s+{_KIND})?\s+(?:and|with|to|against)\s+{_SIDE}\b"
    rf"|\bcompar\w*\s+(?:with|to|against)\s+{_SIDE}(?:\s+(?:and|or)\s+{_SIDE})?\b"
    rf"|\b(?:better|worse|higher|lower|faster|slower|quicker|stronger|weaker|safer)\s+{_SET_BESIDE}{_SIDE}\b"
    rf"|{_STACKED}",
    re.I,  # "Compare Wigan and Derby"
)

# The sides of a comparison in either case, each side of a chain ("cambs vs norfolk vs suffolk") and of a
# choice ("which has the better offer, Oxfordshire or Buckinghamshire?").
_SIDES = re.compile(
    rf"\b{_SIDE}(?=(?:\s+\d{{4}})?\s+(?:vs?\.?|versus)\s)|\b(?:vs?\.?|versus)\s+{_SIDE}"
    rf"|\bcompar\w*\s+(?:with|to|against)\s+{_SIDE}(?:\s+(?:and|or)\s+{_SIDE})?"
    rf"|\b(?:better|worse|higher|lower|faster|slower|quicker|stronger|weaker|safer)\s+{_SET_BESIDE}{_SIDE}"
    rf"(?:\s+(?:and|or)\s+{_SIDE})?"
    rf"|\b(?:better|worse|best|worst)\b.*,\s+{_SIDE}\s+or\s+{_SIDE}\W*$"
    rf"|\b{_SIDE}\s+or\s+{_SIDE}\b(?=.*\b(?:better|worse|best|worst)\b)"  # "dorset or cornwall better?"
    rf"|{_STACKED}",
    re.I,
)
# Which of two places does better: "durham or darlington - which is better", "tameside or salford MASH - which
# stronger?", "which does more, X or Y?"
_BETTER = (
    r"(?:better|worse|best|worst|stronger|weaker|safer|more|on top"
    r"|quicker|faster|slower|sooner|longer|shorter|higher|lower)"  # "where do EHCPs get done quicker?"
)
# A place named by what governs it, in lower case too: "is wigan council better?", "wigan CSC", "bury
# children's services" (its name may be one a report never mentions).
_GOVERNED = re.compile(
    # after a word that puts a place ("is wigan council", "to wigan", ", wigan CSC"), not "which neighbouring"
    r"(?:\b(?:is|are|was|from|to|in|and|or|vs|v|than|with|about|at)\s+|[,>]\s*)"
    r"([a-z][a-z'’-]{3,})\s+(?:county\s+|borough\s+|city\s+|metropolitan\s+)?"
    r"(?:council|csc|children['’]?s services|social services)\b",
    re.I,
)
_CHOICE = re.compile(
    rf"\b{_SIDE}\s+or\s+{_SIDE}\b(?=[^?]*\b(?:which|whose|who|where)\b[^?]*\b{_BETTER}\b)"
    rf"|\b(?:which|whose|who)\b[^?]*\b{_BETTER}\b[^?]*,\s+{_SIDE}\s+or\s+{_SIDE}\s*(?:[?!.]|$)"
    # "redcar and middlesbrough - which council is better?"
    rf"|\b{_SIDE}\s+and\s+{_SIDE}\s*[-–,:]\s*(?=(?:which|whose|who)\b[^?]*\b{_BETTER}\b)",
    re.I,
)
# A question asking which of the places it names does better: "which one comes out on top?", "which of the
# two councils does a better job?", "whose council is better?", "which council's team is working better?"
_CHOOSING = re.compile(
    r"\b(?:which (?:of (?:the|them|these|those)(?: two)?|one|council|authority|la|area|place|county|"
    r"borough)\b|whose\b)"
    rf"[^?]*\b{_BETTER}\b",
    re.I,
)


def why(
    question: str,
    lowered: str,
    corpus: Corpus,
    documents: dict[str, Document],
    known: Callable[[str], bool] | None,
    named: bool,
) -> str | None:
    """Why a question is outside the sources, or None: the first rule that puts it there decides."""
    return (
        _unknown_force(question, lowered, corpus, documents, named)
        or _unheld_inspectorate(lowered, documents)
        or _never_mentioned(question, documents, known, named)
        or _unreported_side(question, corpus)
        or _unreported_council(question, lowered, corpus, named, known)
        or _unreported_county(question, lowered, corpus, named, known)
        or (None if named else _unreported_place(lowered, corpus))
    )


def _unknown_force(
    question: str, lowered: str, corpus: Corpus, documents: dict[str, Document], named: bool
) -> str | None:
    """A police force the question names that no police report is about (a same-named council is not it)."""
    forces, held = corpus.forces, corpus.held
    for force in POLICE_FORCES:
        name = force.lower()
        shorts = county_shorts(name) if " " not in name else set()  # a one-word county's: "Staffs Police"
        for written in {name} | shorts:
            if not mentions(lowered, written):
                continue
            # a council of the same name is held, but the question asks about its police ("durham police
            # peel grades?", "how did durham constabulary do?")
            if name in held and name not in forces and _as_force(lowered, written):
                return f"the sources hold no report about {force} Police"
            if name not in held and _force_context(lowered, written, corpus, documents, named):
                return f"the sources hold no report about {force} Police"
    for match in _FORCE_NAMED.finditer(question):
        force = _without_lead(match.group(1))
        if _INSPECTORATE.match(force) or any(mentions(core_name(force), name) for name in forces):
            continue  # "HM Inspectors of Constabulary" inspect forces; they are none
        # Other reports may discuss the force (a council's report on its police partners), but never grade it.
        if is_grade_question(question) or not _any_text_mentions(documents, force):
            return f"the sources hold no report about {force}"
    return None


def _unheld_inspectorate(lowered: str, documents: dict[str, Document]) -> str | None:
    """An inspectorate the question names that no document is by or mentions ("HM Inspectorate of
    Probation"): its reports are not among the sources."""
    for body, pattern in _INSPECTORATES.items():
        if pattern.search(lowered) and not any(
            pattern.search(doc.metadata.get("inspectorate", "").lower()) or pattern.search(doc.text.lower())
            for doc in documents.values()
        ):
            return f"the sources hold no report by {body}"
    return None


_INSPECTORATES = {body: re.compile(rf"\b(?:{names})\b") for body, names in INSPECTORATES.items()}


def _as_force(lowered: str, name: str) -> bool:
    """Whether a place is written only as its police force ("durham police peel grades?", "how did durham
    constabulary do?"), or in a question naming the police inspectorate and no other ("what did HMICFRS say
    about durham?"); not beside its council ("does durham council work well with durham police?")."""
    place = re.escape(name)
    mentioned = len(re.findall(rf"\b{place}\b", lowered))
    as_force = len(re.findall(rf"\b{place}(?:['’]s)?\s+(?:police|constabulary|force|peel|cops)\b", lowered))
    return (as_force > 0 and as_force == mentioned) or (
        bool(_POLICE_INSPECTORATE.search(lowered)) and not _OTHER_INSPECTORATE.search(lowered)
    )


_POLICE_INSPECTORATE = re.compile(r"\b(?:peel|hmicfrs|hmic|constabulary)\b")
_OTHER_INSPECTORATE = re.compile(r"\b(?:ofsted|cqc|council|children['’]?s services|send)\b")


def _without_lead(name: str) -> str:
    """'Does Dorset Police' -> 'Dorset Police': a capitalised question word is not part of the name."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    return " ".join(words)


def _any_text_mentions(documents: dict[str, Document], phrase: str) -> bool:
    core = phrase.lower()
    return any(core in doc.text.lower() for doc in documents.values())


def _force_context(
    lowered: str, name: str, corpus: Corpus, documents: dict[str, Document], named: bool
) -> bool:
    """A county name only counts as a force when the question is about policing; a name that is only a
    force's ("merseyside", no council's) does in a corpus of police reports that never mention it, when the
    question names no organisation the sources hold ("are Barset's children placed in Merseyside?")."""
    if re.search(r"\b(police|force|constabulary|peel|officers?)\b", lowered):
        return True
    only = name in _FORCE_ONLY and not named
    return only and bool(corpus.forces) and not _any_text_mentions(documents, name)


# Forces' names that are no council's nor part of one ("cleveland" is in "redcar and cleveland"), nor
# words or countries ("metropolitan", "scotland")
_FORCE_ONLY = frozenset(
    force.lower()
    for force in POLICE_FORCES
    if not any(mentions(council.lower(), force.lower()) for council in COUNCILS)
) - {"metropolitan", "scotland", "northern ireland"}


def _never_mentioned(
    question: str, documents: dict[str, Document], known: Callable[[str], bool] | None, named: bool
) -> str | None:
    """Why a question is outside the sources when it names something no passage mentions. When it names
    an organisation the sources hold, the story before its asking sentence is only background ("I live in
    Birmingham. Does the inspector think West Midlands Police does a good job?")."""
    # ... unless the question asks which of the places in it does better ("... in Bradford and I'm in
    # Calderdale. Which one comes out on top?"): then they are what it compares
    asked = last_ask(question) if named and not _CHOOSING.search(last_ask(question)) else question
    unknown = unknown_names(asked, documents, known) if known else []
    return f"no passage mentions {', '.join(unknown)}" if unknown else None


def unknown_names(question: str, documents: dict[str, Document], known: Callable[[str], bool]) -> list[str]:
    """Names in the question (capitalised words inside it, the sides of a comparison) found in no passage
    and no catalog entry."""
    corpus = corpus_of(documents)
    catalog, short = corpus.catalog, {name for names in corpus.short.values() for name in names}
    found = [m.group(1) for m in _NAME.finditer(_undated(question).strip(" ¿¡\"“‘('"))]
    found += _compared_sides(question) + _chosen_sides(question) + _GOVERNED.findall(question)
    # An abbreviation ("ADHD", "SALT") or a fragment ("B&Bs") may stand for words the reports spell out.
    # "I've", "Ofsted's": a contraction or possessive is its stem's
    found = [_CONTRACTED.sub("", n) for n in found]
    names = dict.fromkeys(n for n in found if len(n) > 2 and not _abbreviation(n))
    return [
        n
        for n in names
        if not (
            known(n)
            or GENERIC.fullmatch(n)
            or mentions(catalog, normal(n))
            or normal(n) in short
            or n.lower() in FRAMING_WORDS  # "HM Inspectors": the inspectorate, named however the reports do
            or n.lower() in _MONTHS | _MONTHS_SHORT  # "in Oct?": a month, which a report may not name
            or _known_parts(n, known)
            # a side typed short ("avg wks vs the region"): shorthand, not a name
            or (n.islower() and len(n) <= SHORTHAND)
        )  # fmt: skip
    ]


def _known_parts(name: str, known: Callable[[str], bool]) -> bool:
    """A hyphenated word whose capitalised parts are known or shorthand, the rest lower case ("SIF-era")."""
    parts = name.split("-")
    return len(parts) > 1 and all(p.islower() or known(p) or _abbreviation(p) for p in parts)


def _unreported_side(question: str, corpus: Corpus) -> str | None:
    """A place a comparison sets beside another that no report here is about ("is Scilly worse than
    Cornwall?"), though a report may name it in passing: a word the documents write only with a capital,
    which no organisation here goes by. Nothing can be compared with it."""
    sides = (_CONTRACTED.sub("", side) for m in _SIDES.finditer(question) for side in m.groups() if side)
    passing = [side for side in sides if normal(side) in corpus.proper]
    if not passing:
        return None
    side = next((s for s in passing if not _names_any(normal(s), corpus.names)), None)
    return f"the sources hold no report about {side[0].upper()}{side[1:]}" if side else None


# Where a question names a place: "Cornwall's", "cornwalls", "in Cornwall", "Cornwall council".
_PLACED = re.compile(
    r"(?<![\w'’-])(?:(?P<possessive>[a-z]+)(?:['’]s|s)\b|(?:in|across)\s+(?P<inside>[a-z]+)\b"
    r"|(?P<governed>[a-z]+)\s+(?:county\s+|borough\s+|city\s+)?council\b)"
)
_LAST_WORD = re.compile(r"([a-z]+)\W*$")
_MONTHS = frozenset(MONTHS.split())
_MONTHS_SHORT = frozenset(MONTHS_SHORT.split())
_COMPASS = frozenset(COMPASS_WORDS.split())
_LONGEST_FIRST = sorted(COUNCILS + OTHER_NATIONS_COUNCILS, key=len, reverse=True)
# councils' names, or their places, that are also everyday words
_EVERYDAY = frozenset({"reading", "bury", "bath", "barking", "stoke", "highland", "angus"})


def _unreported_place(lowered: str, corpus: Corpus) -> str | None:
    """A place a question asks about ("in Cornwall", "Cornwall's waits") that no report here is about, though
    one may name it in passing: a word the documents write only with a capital, no organisation here goes
    by, and not the last of a longer name (a person's: "Theresa Leavy's")."""

    def passing(word: str) -> bool:  # a month is no place, nor is "north" (of "in north yorkshire")
        return word in corpus.proper and word not in _MONTHS and word not in _COMPASS

    for match in _PLACED.finditer(lowered):
        group = next(g for g in ("possessive", "inside", "governed") if match.group(g))
        place = match.group(group)
        before = _LAST_WORD.search(lowered[: match.start(group)])
        in_a_name = bool(before and passing(before.group(1)))  # "Theresa Leavy's"
        # "cornwalls" is Cornwall's, "students" is a word ("Student" may be capitalised in a heading)
        plural = group == "possessive" and match.group(0)[-2] not in "'’" and f"{place}s" in model_words()
        if passing(place) and not in_a_name and not plural and not _names_any(place, corpus.names):
            return f"the sources hold no report about {place[0].upper()}{place[1:]}"
    return None


def _unreported_council(
    question: str, lowered: str, corpus: Corpus, named: bool, known: Callable[[str], bool] | None
) -> str | None:
    """A council no report here is about, set beside another in a comparison or choice ("is sefton better
    than lancashire?"), or the only organisation a question names when no document mentions it ("how is
    wirral's fostering?"): nothing here answers for it. A name that is also an everyday word ("reading")
    counts only written as a name; a place a force here polices ("Birmingham") is no council asked of. A
    council the documents name only in passing ("North Yorkshire's 'No wrong door' model"), or that the
    question writes short ("lincs"), is one no report here is about, too."""
    compared = _compares(question)
    if (named and not compared) or POLICE_WORDS.search(question) or (not compared and known is None):
        return None
    for council in _LONGEST_FIRST:  # "north east lincs" names North East Lincolnshire, not Lincolnshire
        name = core_name(council)
        if _names_any(name, corpus.names):  # held
            continue
        short = not mentions(lowered, name)
        said = name if not short else next((w for w in _written_short(name) if mentions(lowered, w)), "")
        if not said:
            continue  # not named
        if said in _EVERYDAY and not _as_a_place(said.title() if short else council, question):
            continue
        # written as the place, an everyday word the reports use ("reading") is no sign one is about it
        if (
            compared
            or short
            or name in _EVERYDAY
            or (known and not known(council))
            or _in_passing(name, corpus)
            or _asked_of(council, question)
        ):
            return f"the sources hold no report about {council}"
    return None


def _as_a_place(council: str, question: str) -> bool:
    """Whether a council's name that is also an everyday word is written as the place: with a capital, or
    where a place stands ("bury ofsted rating", "bury's CSC", "how did bury do")."""
    return bool(re.search(rf"\b{re.escape(council)}\b", question)) or _asked_of(council, question)


def _asked_of(council: str, question: str) -> bool:
    """Whether a question asks of a council where a place stands ("Manchester children's services", "bury's
    CSC", "how did bury do"), not as the end of a longer name ("Greater Manchester's"): a council the
    documents name only in an address or in passing is then what is asked of, and no report is about it."""
    name = re.escape(council)
    placed = rf"\b{name}(['’]s\b|\s+{_PLACE_AFTER})|\b(did|does)\s+{name}\s+{_DOING}|{_REPORT_ON}\s+{name}\b"
    for match in re.finditer(placed, question, re.I):
        before = _LAST_NAME_WORD.search(question[: match.start()])
        if not before or before.group(1).lower() in _LEAD_WORDS:
            return True
    return False


# A capitalised word before a name, not the question's first ("Greater " before "Manchester", not "Is ")
_LAST_NAME_WORD = re.compile(r"(?<=[\w,;:'’] )([A-Z][a-z]+)\s+$")


_PLACE_AFTER = r"(ofsted|inspection|inspected|report|council|csc|children['’]?s|ilacs|send|la|rating|grade)\b"
_DOING = r"(do|get|fare|score|perform)\b"  # "how did bury do", not "did reading improve"
# "a report on Manchester", "inspections of Wigan": the place a report would be about
_REPORT_ON = r"\b(reports?|inspections?|assessments?|ratings?|grades?)\s+(on|of|for|about|into)(\s+the)?"


def _unreported_county(
    question: str, lowered: str, corpus: Corpus, named: bool, known: Callable[[str], bool] | None
) -> str | None:
    """A county written short ("northants", "yorks") that no organisation here goes by, when it is the only
    place named or one of those compared: a county is no council of its own ("Northamptonshire" is two), so
    the councils' names do not hold it, and its short form is a word, not an unknown name."""
    if (named and not _compares(question)) or POLICE_WORDS.search(question) or known is None:
        return None
    for county in _COUNTIES:
        if not _names_any(county, corpus.names) and any(mentions(lowered, s) for s in county_shorts(county)):
            return f"the sources hold no report about {county.title()}"
    return None


_COUNTIES = counties()


def _written_short(name: str) -> set[str]:
    """A council's name with its last word as people shorten it ("north east lincs", "west berks"), or
    without what follows its place ("east riding", "richmond", "stockton", "windsor")."""
    *head, last = name.split()
    place = _JOINED.split(name)[0].strip()
    before = {place} if place != name and place not in _GENERIC_HEADS else set()
    return {" ".join([*head, short]) for short in written_short(last)} | before


# What joins a place to the rest of its council's name: "of Yorkshire", "upon Thames", "-on-Tees", "and
# Maidenhead", "with Darwen"; a name that starts with a kind of place ("Isle of Wight") has no short form.
_JOINED = re.compile(r"\s+(?:of|upon|on|with|and)\s+|-on-")
_GENERIC_HEADS = frozenset({"isle", "isles", "city"})


def _in_passing(name: str, corpus: Corpus) -> bool:
    """Whether the documents name a place only in passing: each of its words but the compass ones is a word
    they write only with a capital, in few of them ("yorkshire")."""
    words = [w for w in name.split() if w not in _COMPASS]
    return bool(words) and all(w in corpus.proper for w in words)


def _compares(question: str) -> bool:
    """Whether the question sets places side by side or asks which does better."""
    return any(p.search(question) for p in (_COMPARED, _SIDES, _CHOICE, _CHOOSING))


def _names_any(word: str, names: set[str]) -> bool:
    """Whether a word is, or is a word of, a name an organisation here goes by."""
    return any(word == name or word in name.split() for name in names)


def _chosen_sides(question: str) -> list[str]:
    """The places a question asks to choose between ("tameside or salford - which is stronger?"); a word of
    a few letters is more often shorthand ("uni or an apprenticeship", "SGO or adoption") than a place."""
    return [side for m in _CHOICE.finditer(question) for side in m.groups() if side and len(side) > 3]


def _compared_sides(question: str) -> list[str]:
    """The words a comparison sets side by side, but not the first word of a domain term ("stat
    neighbours"): a term is not a place's name."""
    return [
        side
        for m in _COMPARED.finditer(question)
        for i, side in enumerate(m.groups(), 1)
        if side and not reports_words_at(question, m.start(i))
    ]


def _undated(question: str) -> str:
    """The question with its dates blanked: "Mar 2017" names a month, not something the reports lack."""
    lowered = question.lower()
    if len(lowered) != len(question):
        return question
    return "".join(" " if c == "#" else q for q, c in zip(question, DATED.sub(_hashes, lowered)))


def _hashes(match: re.Match[str]) -> str:
    return "#" * len(match.group())


def _abbreviation(word: str) -> bool:
    """ "SALT", "HMIs", "LA's": capitals, perhaps made plural or possessive."""
    return re.sub(r"(['’]?s)$", "", word).isupper()
