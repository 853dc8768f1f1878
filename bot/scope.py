"""What a question is about: which organisations and years it names, and whether the corpus covers them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.asking import is_grade_question
from bot.embedding.weights import model_words
from bot.metadata import month_years
from bot.names import (
    CLIPPED,
    COUNCILS,
    GENERIC,
    MIN_CLIPPED,
    MIN_INITIALS,
    MIN_SHORT_NAME,
    POLICE_FORCES,
    clipped_names,
    core_name,
    county_shorts,
    in_the_plural,
    initials,
    normal,
    paired_initials,
    person_name,
    short_names,
    written_short,
)
from bot.schema import Document
from bot.terms import reports_words_at
from bot.wording import (
    COMPASS_WORDS,
    COUNTY_SHORT_FORMS,
    FRAMING_WORDS,
    MONTHS,
    MONTHS_SHORT,
    REPORT_KIND_NAMES,
)

_LEAD_WORDS = {
    "is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "how", "what", "which", "who",
    "why", "when", "where", "can", "could", "should", "would", "will", "and", "but", "the", "about", "for",
    "tell",
}  # fmt: skip
_FORCE_NAMED = re.compile(r"\b((?:[A-Z][a-z]+(?:[ -](?:and|of|[A-Z][a-z]+))*) (?:Police|Constabulary))\b")
# not after a short form that takes a full stop ("total no. of CLA", "e.g. foster carers")
_SENTENCE_END = re.compile(r"(?<=[.?!])(?<!\bno\.)(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!\bvs\.)\s+(?=[A-Za-z])")
_INSPECTORATE = re.compile(r"(?:Chief )?Inspector(?:s|ate)? of\b")
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_REPORT_YEAR = re.compile(
    r"\b(19[89]\d|20[0-4]\d)(?:'s)? (?:\w+ )?(?:report|inspection|re-inspection|visit|assessment)\b"
    r"|\b(?:report|inspection|visit|assessment)(?: published| carried out)?(?: in| of| from)?(?: \w+)? "
    r"(19[89]\d|20[0-4]\d)\b",
    re.I,
)
# Words that place a question in policing, or in children's services, when it names no organisation.
_POLICE_WORDS = re.compile(
    r"\b(police|policing|forces?|force's|force’s|constabular(y|ies)|peel|hmicf?r?s?|chief constables?|"
    r"crime commissioners?)\b",
    re.I,
)
_CHILDREN_WORDS = re.compile(
    r"\b(ofsted|local authorit(y|ies)|councils?|children's services|children’s services|social work(ers?)?|"
    r"care leavers?|children in care|looked after|send)\b",
    re.I,
)
_POLICE_DOC = re.compile(r"\b(police|constabulary|hmic\w*|peel)\b", re.I)
# Requests for something other than what the reports say: instructions, creative writing, role play.
_OFF_TASK = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules|everything)\b"
    r"|\b(write|compose|generate|create|tell)\s+(me\s+)?(a|an|some)\s+(\w+\s+)?"
    r"(poem|story|song|essay|joke|haiku|limerick|code|script|letter|rap)\b"
    r"|\b(pretend|act as|you are now|role-?play|system prompt|jailbreak)\b",
    re.I,
)
# "according to the inspection", "in the report published": which report, said after the names and
# dates that pick it are gone; not what the question is about.
_REPORT_REFERENCE = re.compile(
    r"\b(according to|per|in|from|at|of|by|for) (the|its|their|this|that|ofsted's|ofsted s) (latest |last |"
    r"recent |re )?(report|inspection|visit|assessment)( (published|carried out|made|held|issued))?\b"
)
# A year with the words that place it: "in March 2025", "during spring 2018", "from 2019".
_DATED = re.compile(
    r"\b((in|during|from|after|of|since|before|by|until) )?((early|late|mid) )?((january|february|march|"
    r"april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec) )?"
    r"(19[89]\d|20[0-4]\d)\b"
)
_CONTRACTED = re.compile(r"['’](s|ve|m|d|ll|re)$", re.I)
_ASKS_WHEN = re.compile(r"\bwhen\b|\b(what|which) (date|day|month)\b|\bdate of\b")
_ASKS_ABOUT = re.compile(r"\b(about|verdict|say|said|says|find|found|findings|think|thought|view|make of)\b")
# Words in the names of report kinds that say nothing about which kind a question means.
_KIND_WORDS = {"inspection", "inspections", "report", "full", "area", "local", "of", "the", "and", "joint"}
_KIND_NAMES = tuple((set(own.split()), re.compile(pattern)) for own, pattern in REPORT_KIND_NAMES)
_NAME = re.compile(r"(?<![.!?:;—–-]\s)(?<!^)\b([A-Z][\w’'-]*[A-Za-z])\b")
# What a comparison sets side by side is named, in lower case too ("trafford vs bolton", "compare bury and
# wigan"): a side no passage mentions is outside the sources, not a word to search for.
# "how does its front door compare with southwark and lewisham?", "better than sheffield": the other side.
_SIDE = r"([a-z][\w’'-]+[a-z])"
# "how does its offer stack up against knowsley's?"
_STACKED = rf"\bstack\w*\s+up\s+(?:against|to|with|next to)\s+{_SIDE}"
_COMPARED = re.compile(
    rf"\b{_SIDE}(?:\s+\d{{4}})?\s+(?:vs?\.?|versus)\s+{_SIDE}\b"
    rf"|\bcompar\w*\s+{_SIDE}\s+(?:and|with|to|against)\s+{_SIDE}\b"
    rf"|\bcompar\w*\s+(?:with|to|against)\s+{_SIDE}(?:\s+(?:and|or)\s+{_SIDE})?\b"
    rf"|\b(?:better|worse|higher|lower|faster|slower|quicker|stronger|weaker|safer)\s+than\s+{_SIDE}\b"
    rf"|{_STACKED}"
)

# The sides of a comparison in either case, each side of a chain ("cambs vs norfolk vs suffolk") and of a
# choice ("which has the better offer, Oxfordshire or Buckinghamshire?").
_SIDES = re.compile(
    rf"\b{_SIDE}(?=(?:\s+\d{{4}})?\s+(?:vs?\.?|versus)\s)|\b(?:vs?\.?|versus)\s+{_SIDE}"
    rf"|\bcompar\w*\s+(?:with|to|against)\s+{_SIDE}(?:\s+(?:and|or)\s+{_SIDE})?"
    rf"|\b(?:better|worse|higher|lower|faster|slower|quicker|stronger|weaker|safer)\s+than\s+{_SIDE}"
    rf"(?:\s+(?:and|or)\s+{_SIDE})?"
    rf"|\b(?:better|worse|best|worst)\b.*,\s+{_SIDE}\s+or\s+{_SIDE}\W*$"
    rf"|\b{_SIDE}\s+or\s+{_SIDE}\b(?=.*\b(?:better|worse|best|worst)\b)"  # "dorset or cornwall better?"
    rf"|{_STACKED}",
    re.I,
)
# Which of two places does better: "durham or darlington - which is better", "tameside or salford MASH - which
# stronger?", "which does more, X or Y?"
_BETTER = r"(?:better|worse|best|worst|stronger|weaker|safer|more|on top)"
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
    rf"\b{_SIDE}\s+or\s+{_SIDE}\b(?=[^?]*\b(?:which|whose|who)\b[^?]*\b{_BETTER}\b)"
    rf"|\b(?:which|whose|who)\b[^?]*\b{_BETTER}\b[^?]*,\s+{_SIDE}\s+or\s+{_SIDE}\s*(?:[?!.]|$)"
    # "redcar and middlesbrough - which council is better?"
    rf"|\b{_SIDE}\s+and\s+{_SIDE}\s*[-–,:]\s*(?=(?:which|whose|who)\b[^?]*\b{_BETTER}\b)",
    re.I,
)
# A question asking which of the places it names does better: "which one comes out on top?", "which of the
# two councils does a better job?", "whose council is better?", "which council's team is working better?"
_CHOOSING = re.compile(
    r"\b(?:which (?:of (?:the|them|these|those)(?: two)?|one|council|authority|la)\b|whose\b)"
    rf"[^?]*\b{_BETTER}\b",
    re.I,
)


@dataclass
class Scope:
    """Organisations and periods a question names, resolved against the corpus."""

    sources: set[str] | None = None  # documents the question restricts itself to (None: all)
    organisations: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    outside: str | None = None  # why the question is outside the corpus, if it is
    topic: str = ""  # the question less the organisations and dates that only set the scope
    # ... keeping its references to the report: "the date of the last inspection" asks about the report
    about_report: str = ""


def topic_of(
    question: str, organisations: list[str], kind_words: set[str] = frozenset(), references: bool = False
) -> str:
    """The question without the names, dates, report kinds and (unless kept) references that select
    documents."""
    text = normal(question)
    for org in organisations:
        words = core_name(org).split()
        names = {core_name(org), person_name(org), *(w for w in words if len(w) >= MIN_SHORT_NAME)}
        names |= {p for w in words if len(w) >= MIN_SHORT_NAME for p in in_the_plural(w)}
        names |= {short for w in words for short in written_short(w)}
        names |= {w[:n] for w in words for n in CLIPPED if len(w) >= MIN_CLIPPED} - model_words()  # "cov"
        names |= {i for i in (initials(words), initials(normal(org).split())) if len(i) >= MIN_INITIALS}
        names.add(paired_initials(words))  # "t and w": "T&W" once "&" reads "and"
        for name in sorted(names - {""}, key=len, reverse=True):  # "wendy williams" before "wendy"
            text = re.sub(rf"\b(co |county )?{re.escape(name)}\b('s)?(\s+{GENERIC.pattern})*", " ", text)
    if kind_words:  # "children's services", "SEND": the kind of report, not what is asked about it
        text = text.replace("'", "")
        for own, other_name in _KIND_NAMES:  # "CSC", "social care": the kind's other names say no more
            text = other_name.sub(" ", text) if own & kind_words else text
        text = re.sub(rf"\b({'|'.join(map(re.escape, kind_words))})\b", " ", text)
    if _ASKS_ABOUT.search(text) and not _ASKS_WHEN.search(text):
        # "what did the report published in 2022 say about ..." says which report; it does not ask when
        text = re.sub(rf"\b(published|released|issued|dated)\s+(?={_DATED.pattern})", " ", text)
    text = _DATED.sub(" ", text)
    text = text if references else _REPORT_REFERENCE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if re.search(r"[^\W\d_]{3,}", text) else question


def _mentions(text: str, name: str) -> bool:
    # A possessive written without its apostrophe ("barsets grades") still names the place.
    return bool(name) and re.search(rf"(?<![a-z]){re.escape(name)}s?(?![a-z])", text) is not None


def resolve(
    question: str, documents: dict[str, Document], known: Callable[[str], bool] | None = None, near: str = ""
) -> Scope:
    """The documents a question is about, or why the corpus cannot answer it.

    known tells whether the corpus contains a word; a name the sources never mention puts the question
    outside them. near: the corpus words nearest in meaning to the question's ("cops": "police"), which
    may place it in a sector.
    """
    if _OFF_TASK.search(question):
        return Scope(outside="this asks for something other than what the inspection reports say")
    lowered = normal(question)
    corpus = _corpus(documents)
    by_org, by_person, police = corpus.by_org, corpus.by_person, corpus.police
    named, people = _named_organisations(lowered, corpus), _named_people(lowered, by_person)
    scope = Scope(organisations=named + people, years=report_years(question))
    scope.outside = (
        _unknown_force(question, lowered, corpus, documents)
        or _never_mentioned(question, documents, known, bool(named))
        or _unreported_side(question, corpus)
        or _unreported_council(question, lowered, corpus, bool(named), known)
        or _unreported_county(question, lowered, corpus, bool(named), known)
        or (None if named else _unreported_place(lowered, corpus))
    )
    if scope.outside:
        return scope
    if named:
        pool = set().union(*(by_org[o] for o in named))
    else:  # in words of a sector, or in words near them in meaning ("cops": "police")
        pool = _sector(f"{question} {near}", set(documents), police)
    led = set().union(*(by_person[p] for p in people))  # the reports a named inspector led
    if people and not named:
        pool &= led
    typed, kind_words = _of_type(lowered, pool, documents)
    if scope.years:
        pool = _in_period(question, scope.years, typed, documents)
        if not pool:
            scope.outside = _no_period(scope, named)
            return scope
    else:
        pool = typed
    if people and named:
        # An organisation's reports narrow to the named inspector's only when one is theirs: "Tameside's
        # 2023 inspection was led by X" is about Tameside's 2023 report, whoever led it.
        pool = (pool & led) or pool
    narrowed = bool(scope.organisations or scope.years or kind_words)
    scope.sources = pool if narrowed or pool != set(documents) else None
    scope.topic = topic_of(question, scope.organisations, kind_words) if narrowed else question
    scope.about_report = topic_of(question, scope.organisations, kind_words, True) if narrowed else question
    return scope


# "since 2015", not "after 2015": "what did it ask them to improve after its 2020 inspection?" asks of it
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the|its|their)\s+)?(?:19|20)\d\d\b", re.I)


def report_years(question: str) -> list[int]:
    """The years a question names; when it ties one to the report ("(2022 report)", "the report published
    in 2022"), that one alone: "what held Redcar back after 2017 (2022 report)" is about the 2022 report."""
    # "has Lambeth improved since its 2015 inspection?" asks of the reports after that year: the newest
    # answers, as when no year is named
    question = _SINCE.sub(" ", question)
    tied = [int(m.group(1) or m.group(2)) for m in _REPORT_YEAR.finditer(question)]
    return sorted(set(tied)) if tied else sorted({int(y) for y in _YEAR.findall(question)})


def _of_type(lowered: str, pool: set[str], documents: dict[str, Document]) -> tuple[set[str], set[str]]:
    """The reports of the one kind whose own words the question uses ("SEND"), and those words."""
    kinds = {documents[s].metadata.get("document_type") or "" for s in pool} - {""}
    words = {k: set(normal(k).replace("'", "").split()) - _KIND_WORDS for k in kinds}
    plain = lowered.replace("'", "")
    asked = set(plain.split())
    matched = _kinds_asked(words, asked)
    if not any(words[k] <= asked for k in matched):
        # with no kind named in all its own words, its other names ask for it as they do ("CSC" for children's
        # services; "special needs services" for SEND, not the "services" of children's services)
        asked |= {w for own, pattern in _KIND_NAMES if pattern.search(plain) for w in own}
        matched = _kinds_asked(words, asked)
    if len(matched) > 1:  # "SEND services": the kind named in all its words, not by one of another's
        matched = [k for k in matched if words[k] <= asked] or matched
    if len(matched) != 1:
        return pool, set()
    own = words[matched[0]] & asked
    return {s for s in pool if documents[s].metadata.get("document_type") == matched[0]}, own


def _kinds_asked(words: dict[str, set[str]], asked: set[str]) -> list[str]:
    """The kinds of report with a word of their own (no other kind's) among the asked words."""
    return [
        k for k, own in words.items() if own - set().union(*(w for o, w in words.items() if o != k)) & asked
    ]


def _named_organisations(lowered: str, corpus: _Corpus) -> list[str]:
    """Organisations the question names; of two nested names ("Derby", "Derbyshire") the longer wins."""
    short = corpus.short
    # Only names whose first word is a word of the question can be in it: a few regexes, not thousands.
    runs = set(_LETTERS.findall(lowered)) | {""}
    runs |= {w[:-1] for w in runs if w.endswith("s")}  # "barsets" may be Barset's
    maybe = {org for run in runs for org in corpus.by_first_word.get(run, ())}
    named = [
        org
        for org in corpus.by_org
        if org in maybe
        and (
            _mentions(lowered, core_name(org)) or any(_mentions(lowered, name) for name in short.get(org, ()))
        )
    ]
    return [o for o in named if not any(o != p and core_name(o) in core_name(p) for p in named)]


def _named_people(lowered: str, by_person: dict[str, set[str]]) -> list[str]:
    """Inspectors the question names by full name ("Wendy Williams"; "Williams" alone is too loose)."""
    return [p for p in by_person if " " in person_name(p) and _mentions(lowered, person_name(p))]


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


def _sentences(question: str) -> tuple[list[str], list[str]]:
    """A question's sentences, and those of them with a question mark."""
    parts = [p for p in _SENTENCE_END.split(question.strip()) if p.strip()]
    return parts, [p for p in parts if "?" in p]


def asking_part(question: str) -> str:
    """The sentences of a question that ask (with a question mark), the story before them left out; the whole
    question when none has one."""
    parts, asking = _sentences(question)
    return " ".join(asking) if asking and len(parts) > 1 else question


def last_ask(question: str) -> str:
    """The sentence of a question of several that asks (the last with a question mark, else the last)."""
    parts, asking = _sentences(question)
    return (asking or parts)[-1].strip() if len(parts) > 1 else question


@dataclass
class _Corpus:
    """What resolving a question needs from the documents, worked out once per index generation."""

    by_org: dict[str, set[str]]
    by_person: dict[str, set[str]]
    police: frozenset[str]
    short: dict[str, list[str]]
    by_first_word: dict[str, set[str]]  # organisations by the first word of each name they go by
    catalog: str  # every metadata value, normalised
    forces: set[str]  # core names of the organisations with a police report
    held: set[str]  # core names of every organisation
    proper: frozenset[str]  # words the documents write only with a capital ("Cornwall"), lower-cased
    names: set[str]  # every name an organisation goes by, whole or short, normalised


_LETTERS = re.compile(r"[a-z]+")
PASSING_SHARE = 0.1  # a name in more of the documents than this is one they measure themselves against
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’-])")
_last: tuple[dict[str, Document], int, _Corpus] | None = None  # the documents last resolved against


def _corpus(documents: dict[str, Document]) -> _Corpus:
    """The documents' _Corpus; kept for the last documents mapping (an index's, which never changes)."""
    global _last
    last = _last
    if last is not None and last[0] is documents and last[1] == len(documents):
        return last[2]
    by_org = _grouped(documents, "organisation")
    police = frozenset(s for s, d in documents.items() if _is_police(d))
    short = short_names(by_org)
    for org, clips in clipped_names(by_org, _ordinary_words(documents)).items():
        short[org] = [*short.get(org, ()), *clips]
    first: dict[str, set[str]] = {}
    for org in by_org:
        for name in [core_name(org), *short.get(org, ())]:
            first.setdefault(next(iter(_LETTERS.findall(name)), "") if name[:1].isalpha() else "", set()).add(
                org
            )
    catalog = normal(" ".join(v for d in documents.values() for v in d.metadata.values()))
    forces = {core_name(o) for o, sources in by_org.items() if sources & police}
    corpus = _Corpus(
        by_org,
        _grouped(documents, "inspector"),
        police,
        short,
        first,
        catalog,
        forces,
        set(map(core_name, by_org)),
        _proper_words(documents),
        set(map(core_name, by_org)) | {normal(n) for names in short.values() for n in names},
    )
    _last = (documents, len(documents), corpus)
    return corpus


def _grouped(documents: dict[str, Document], key: str) -> dict[str, set[str]]:
    """Sources by the value of one metadata field."""
    groups: dict[str, set[str]] = {}
    for source, doc in documents.items():
        if doc.metadata.get(key):
            groups.setdefault(doc.metadata[key], set()).add(source)
    return groups


def unknown_names(question: str, documents: dict[str, Document], known: Callable[[str], bool]) -> list[str]:
    """Names in the question (capitalised words inside it, the sides of a comparison) found in no passage
    and no catalog entry."""
    corpus = _corpus(documents)
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
            or _mentions(catalog, normal(n))
            or normal(n) in short
            or n.lower() in FRAMING_WORDS  # "HM Inspectors": the inspectorate, named however the reports do
            or n.lower() in _MONTHS | _MONTHS_SHORT  # "in Oct?": a month, which a report may not name
        )  # fmt: skip
    ]


def _unreported_side(question: str, corpus: _Corpus) -> str | None:
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
_LONGEST_FIRST = sorted(COUNCILS, key=len, reverse=True)
_EVERYDAY = frozenset({"reading", "bury"})  # councils' names that are also everyday words


def _unreported_place(lowered: str, corpus: _Corpus) -> str | None:
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
        if passing(place) and not in_a_name and not _names_any(place, corpus.names):
            return f"the sources hold no report about {place[0].upper()}{place[1:]}"
    return None


def _unreported_council(
    question: str, lowered: str, corpus: _Corpus, named: bool, known: Callable[[str], bool] | None
) -> str | None:
    """A council no report here is about, set beside another in a comparison or choice ("is sefton better
    than lancashire?"), or the only organisation a question names when no document mentions it ("how is
    wirral's fostering?"): nothing here answers for it. A name that is also an everyday word ("reading")
    counts only written as a name; a place a force here polices ("Birmingham") is no council asked of. A
    council the documents name only in passing ("North Yorkshire's 'No wrong door' model"), or that the
    question writes short ("lincs"), is one no report here is about, too."""
    compared = _compares(question)
    if (named and not compared) or _POLICE_WORDS.search(question) or (not compared and known is None):
        return None
    for council in _LONGEST_FIRST:  # "north east lincs" names North East Lincolnshire, not Lincolnshire
        name = core_name(council)
        if _names_any(name, corpus.names):  # held
            continue
        short = not _mentions(lowered, name)
        if short and not any(_mentions(lowered, written) for written in _written_short(name)):
            continue  # not named
        if name in _EVERYDAY and not re.search(rf"\b{re.escape(council)}\b", question):
            continue
        if compared or short or (known and not known(council)) or _in_passing(name, corpus):
            return f"the sources hold no report about {council}"
    return None


def _unreported_county(
    question: str, lowered: str, corpus: _Corpus, named: bool, known: Callable[[str], bool] | None
) -> str | None:
    """A county written short ("northants", "yorks") that no organisation here goes by, when it is the only
    place named or one of those compared: a county is no council of its own ("Northamptonshire" is two), so
    the councils' names do not hold it, and its short form is a word, not an unknown name."""
    if (named and not _compares(question)) or _POLICE_WORDS.search(question) or known is None:
        return None
    for county in _COUNTIES:
        if not _names_any(county, corpus.names) and any(_mentions(lowered, s) for s in county_shorts(county)):
            return f"the sources hold no report about {county.title()}"
    return None


# The counties people write short: those of the police forces' names and the traditional short forms.
_COUNTIES = tuple(
    dict.fromkeys(
        [w for force in POLICE_FORCES for w in normal(force).split() if county_shorts(w)]
        + list(COUNTY_SHORT_FORMS)
    )
)


def _written_short(name: str) -> set[str]:
    """A council's name with its last word as people shorten it: "north east lincs", "west berks"."""
    *head, last = name.split()
    return {" ".join([*head, short]) for short in written_short(last)}


def _in_passing(name: str, corpus: _Corpus) -> bool:
    """Whether the documents name a place only in passing: each of its words but the compass ones is a word
    they write only with a capital, in few of them ("yorkshire")."""
    words = [w for w in name.split() if w not in _COMPASS]
    return bool(words) and all(w in corpus.proper for w in words)


def _compares(question: str) -> bool:
    """Whether the question sets places side by side or asks which does better."""
    return any(p.search(question) for p in (_COMPARED, _SIDES, _CHOICE, _CHOOSING))


def _ordinary_words(documents: dict[str, Document]) -> frozenset[str]:
    """Words of the language and of the documents, lower-cased: none is a place's name cut short."""
    return model_words() | {w.lower() for doc in documents.values() for w in _WORD.findall(doc.text)}


def _proper_words(documents: dict[str, Document]) -> frozenset[str]:
    """The names the documents mention in passing, lower-cased: words written only with a capital, in few
    of them ("Cornwall"; not "England", which many compare themselves with, nor an address on every one)."""
    per_doc = [set(_WORD.findall(doc.text)) for doc in documents.values()]
    written = set().union(*per_doc)
    counts = Counter(w for words in per_doc for w in words if w[0].isupper() and w.lower() not in written)
    return frozenset(w.lower() for w, n in counts.items() if n <= PASSING_SHARE * len(per_doc))


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
    return "".join(" " if c == "#" else q for q, c in zip(question, _DATED.sub(_hashes, lowered)))


def _hashes(match: re.Match[str]) -> str:
    return "#" * len(match.group())


def _abbreviation(word: str) -> bool:
    """ "SALT", "HMIs", "LA's": capitals, perhaps made plural or possessive."""
    return re.sub(r"(['’]?s)$", "", word).isupper()


def _sector(question: str, everything: set[str], police: set[str]) -> set[str]:
    """Police reports for a question in police words, the others for one in children's-services words."""
    if _POLICE_WORDS.search(question) and police:
        return set(police)
    if _CHILDREN_WORDS.search(question) and everything - police:
        return everything - police
    return everything


def _is_police(doc: Document) -> bool:
    meta = doc.metadata
    described = " ".join(meta.get(k, "") for k in ("organisation", "inspectorate", "document_type"))
    return bool(_POLICE_DOC.search(described or doc.title))


def _unknown_force(
    question: str, lowered: str, corpus: _Corpus, documents: dict[str, Document]
) -> str | None:
    """A police force the question names that no police report is about (a same-named council is not it)."""
    forces, held = corpus.forces, corpus.held
    for force in POLICE_FORCES:
        name = force.lower()
        shorts = county_shorts(name) if " " not in name else set()  # a one-word county's: "Staffs Police"
        for written in {name} | shorts:
            if name not in held and _mentions(lowered, written) and _force_context(lowered, written):
                return f"the sources hold no report about {force} Police"
    for match in _FORCE_NAMED.finditer(question):
        force = _without_lead(match.group(1))
        if _INSPECTORATE.match(force) or any(_mentions(core_name(force), name) for name in forces):
            continue  # "HM Inspectors of Constabulary" inspect forces; they are none
        # Other reports may discuss the force (a council's report on its police partners), but never grade it.
        if is_grade_question(question) or not _any_text_mentions(documents, force):
            return f"the sources hold no report about {force}"
    return None


def _without_lead(name: str) -> str:
    """'Does Dorset Police' -> 'Dorset Police': a capitalised question word is not part of the name."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    return " ".join(words)


def _any_text_mentions(documents: dict[str, Document], phrase: str) -> bool:
    core = phrase.lower()
    return any(core in doc.text.lower() for doc in documents.values())


def _force_context(lowered: str, name: str) -> bool:
    """A county name only counts as a force when the question is about policing."""
    return bool(re.search(r"\b(police|force|constabulary|peel|officers?)\b", lowered))


def _in_period(question: str, years: list[int], pool: set[str], documents: dict[str, Document]) -> set[str]:
    """Documents from a named year, narrowed to a named month when one matches."""
    dated = {s for s in pool if set(years) & doc_years(documents[s])}
    months = month_years(question)
    exact = {s for s in dated if any(_has_month(documents[s], y, m) for y, m in months)}
    return exact or dated


def doc_years(doc: Document) -> set[int]:
    """Years a document is from: its date, inspection dates and any period in its catalog entry."""
    meta = doc.metadata
    values = " ".join(meta.get(k, "") for k in ("date", "inspection_dates", "period", "year"))
    return {int(y) for y in _YEAR.findall(values)}


def _has_month(doc: Document, year: int, month: int) -> bool:
    meta = doc.metadata
    named = month_years(" ".join(meta.get(k, "") for k in ("inspection_dates", "period")))
    # "17 to 21 March 2025" names the month once, at the end; take the span's months too.
    iso = meta.get("date", "")
    return (year, month) in named or iso.startswith(f"{year}-{month:02d}")


def _no_period(scope: Scope, named: list[str]) -> str:
    years = ", ".join(map(str, scope.years))
    about = f" about {' or '.join(named)}" if named else ""
    return f"the sources hold no report{about} from {years}"
