"""What a question is about: which organisations and years it names, and whether the corpus covers them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import outside
from bot.asking import asks_progress, grade_called, last_ask
from bot.embedding.weights import model_words
from bot.metadata import month_years
from bot.name_corpus import LETTERS, Corpus, corpus_of, mentions
from bot.names import (
    GENERIC,
    MIN_INITIALS,
    MIN_SHORT_NAME,
    REGIONS,
    core_name,
    cuts,
    in_the_plural,
    initials,
    normal,
    paired_initials,
    person_name,
    written_short,
)
from bot.schema import Document
from bot.sectors import sector
from bot.wording import (
    OLDEST_HELD,
    PERSON_LIFE,
    REPORT_BY_ANOTHER,
    REPORT_KIND_NAMES,
    SEND_THE_VERB,
    TOLD_GRADE,
)

_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_REPORT_YEAR = re.compile(
    r"\b(19[89]\d|20[0-4]\d)(?:'s)? (?:\w+ )?(?:report|inspection|re-inspection|visit|assessment)\b"
    r"|\b(?:report|inspection|visit|assessment)(?: published| carried out)?(?: in| of| from)?(?: \w+)? "
    r"(19[89]\d|20[0-4]\d)\b",
    re.I,
)
# An inspector's life beyond the reports: their career, background, or how long they have inspected
_LIFE_ASKED = re.compile(PERSON_LIFE, re.I)
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
_ASKS_WHEN = re.compile(r"\bwhen\b|\b(what|which) (date|day|month)\b|\bdate of\b")
_ASKS_ABOUT = re.compile(r"\b(about|verdict|say|said|says|find|found|findings|think|thought|view|make of)\b")
# Words in the names of report kinds that say nothing about which kind a question means.
_KIND_WORDS = {"inspection", "inspections", "report", "full", "area", "local", "of", "the", "and", "joint"}
_SEND_THE_VERB = re.compile(SEND_THE_VERB)
_KIND_NAMES = tuple((set(own.split()), re.compile(pattern)) for own, pattern in REPORT_KIND_NAMES)
_REPORT_BY_ANOTHER = re.compile(REPORT_BY_ANOTHER, re.I)
# A report told first by the one before it, then asked of as "the next": "Following the inadequate rating in
# 2016, who led Tameside's next inspection?" asks what "who led Tameside's next inspection following the 2016
# inadequate one?" asks.
_TOLD_FIRST = tuple(
    # (a label may come first: "Scilly: after the 2016 inspection, the next one was run by which HMI?")
    re.compile(
        rf"^\W*(?:[\w&'’ ]{{1,40}}:\s*)?(?:after|following)\s+(?P<told>[^,;?]{{3,80}}?){told_off}"
        r"(?P<asked>.+)$",
        re.I | re.S,
    )
    # told off by a comma (first: "after X was found inadequate, who ..."), or by the word that asks ("after X
    # got inadequate in 2016 who led ...")
    for told_off in (r"\s*[,;]\s*", r"\s+(?=(?:who|when|what|which|how|did|was|were)\b)")
)
_NEXT_REPORT = re.compile(
    r"\b(?:next|following|subsequent)\s+(?:(?:ofsted|full)\s+)?(?:inspection|report|visit|ilacs|sif|one|time)\b"
    r"|\bnext\s+inspected\b|\binspected\s+next\b",
    re.I,
)
_AFTER_THAT = re.compile(
    r"\b(one|inspection|report|visit|ilacs)\s+(after|before)\s+that\b(?!\s+\w+ed\b)", re.I
)
_FUTURE = re.compile(r"\b(will|shall|going to|due)\b", re.I)
_TOLD_GRADE = re.compile(rf"\b({TOLD_GRADE})\b", re.I)
_OLDEST_REPORT = re.compile(
    rf"\b{OLDEST_HELD}\s+(?:(?:ofsted|ilacs|sif|full)\s+)?(?:inspection|report|ofsted|visit|one)\b",
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
    # the report asked of is told by the one beside it ("the next inspection after 2017"): a report held,
    # not what came after the reports
    beside: bool = False
    kind_words: set[str] = field(default_factory=set)  # the words naming a kind of report ("send")


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
        names |= {cut for w in words for cut in cuts(w)} - model_words()  # "cov"
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
        text = re.sub(rf"\b(published|released|issued|dated)\s+(?={outside.DATED.pattern})", " ", text)
    text = outside.DATED.sub(" ", text)
    text = text if references else _REPORT_REFERENCE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if re.search(r"[^\W\d_]{3,}", text) else question


def resolve(
    question: str,
    documents: dict[str, Document],
    known: Callable[[str], bool] | None = None,
    near: str = "",
    grades: dict[str, str] | None = None,
    leads: dict[str, set[str]] | None = None,
) -> Scope:
    """The documents a question is about, or why the corpus cannot answer it.

    known tells whether the corpus contains a word; a name the sources never mention puts the question
    outside them. near: the corpus words nearest in meaning to the question's ("cops": "police"), which
    may place it in a sector. grades: each report's overall grade, by which a question may tell a report
    ("the visit before the inadequate one"). leads: the reports each lead inspector led, by the records.
    """
    # the organisation may be named only in the report told first ("Following Tameside's 2016 rating, ...")
    as_asked, question = normal(question), _that_told(_told_last(question))
    if _OFF_TASK.search(question):
        return Scope(outside="this asks for something other than what the inspection reports say")
    lowered = normal(question)
    corpus = corpus_of(documents)
    by_person = _with_leads(corpus.by_person, leads or {})
    named, people = _named_organisations(as_asked, corpus), _named_people(lowered, by_person)
    scope = Scope(organisations=named + people, years=report_years(question))
    scope.outside = outside.why(question, lowered, corpus, documents, known, bool(named))
    pool = _named_pool(scope, question, named, corpus, documents, near) if not scope.outside else set()
    led = set().union(*(by_person[p] for p in people))  # the reports a named inspector led
    if people and not named and not scope.outside:
        if _LIFE_ASKED.search(last_ask(question)):  # not a story told first ("tracing her career, ...")
            scope.outside = (
                f"the reports name {' or '.join(people)} only as an inspector, and say nothing more of them"
            )
        pool &= led
    if scope.outside:
        return scope
    typed, kind_words = _of_type(lowered, pool, documents)
    scope.kind_words = set(kind_words)
    before = _beside_asked(question, lowered, named, scope.years)
    pool, question = _asked_pool(scope, question, named, before, typed, documents, grades or {})
    if scope.outside:
        return scope
    if people and named and not scope.beside and not _NEWEST.search(question):
        # An organisation's reports narrow to the named inspector's only when one is theirs: "Tameside's
        # 2023 inspection was led by X" is about Tameside's 2023 report, whoever led it; "was it X who did
        # the last one?" is about the newest, whoever led it.
        pool = (pool & led) or pool
    narrowed = bool(scope.organisations or scope.years or kind_words)
    scope.sources = pool if narrowed or pool != set(documents) else None
    scope.topic = topic_of(question, scope.organisations, kind_words) if narrowed else question
    scope.about_report = topic_of(question, scope.organisations, kind_words, True) if narrowed else question
    return scope


def _named_pool(
    scope: Scope, question: str, named: list[str], corpus: Corpus, documents: dict[str, Document], near: str
) -> set[str]:
    """The reports of the organisations named, else of the sector and region the question words; sets
    scope.outside when a region named holds none."""
    if named:
        return set().union(*(corpus.by_org[o] for o in named))
    # in words of a sector, or in words near them in meaning ("cops": "police")
    pool = sector(question, set(documents), corpus.police, near)
    region = _region(normal(question))
    if region is None:
        return pool
    name, councils = region  # "which London councils are outstanding?": those of the region
    pool = {s for s in pool if core_name(documents[s].metadata.get("organisation", "")) in councils}
    if not pool:
        scope.outside = f"the sources hold no report about a council in {name}"
    return pool


def _beside_asked(question: str, lowered: str, named: list[str], years: list[int]) -> re.Match[str] | None:
    """The words telling the report asked of by the one beside it ("the inspection before 2017"), when they
    pick a report; None when the report named answers itself."""
    before = _REPORT_BY_ANOTHER.search(question) if named else None
    if before is None:
        return None
    if before.group("previous") and (years or _ASKS_WHEN.search(lowered) or asks_progress(lowered)):
        # "barset 2023: when was the previous inspection?": the report named (or the newest) says when;
        # "has it dealt with what the previous inspection recommended?": the newest says what was done
        return None
    if before.group("after") and not (
        before.group("year") or before.group("year_of") or before.group("graded")
    ):
        return None  # "after the last inspection": no report is told by one after the newest
    return before


def _asked_pool(
    scope: Scope,
    question: str,
    named: list[str],
    before: re.Match[str] | None,
    typed: set[str],
    documents: dict[str, Document],
    grades: dict[str, str],
) -> tuple[set[str], str]:
    """The reports asked of among those of the kind asked, and the question less the words telling one by
    the report beside it; sets scope.outside when none is held."""
    lowered = normal(question)
    earlier = _beside(before, typed, documents, grades) if before else set()
    if before and not earlier and (before.group("after") or _ASKS_WHEN.search(lowered)):
        # when it was inspected before a report the sources begin with: that report may say; what came
        # after the newest ("the monitoring visit following the 2024 inspection") is not a report held
        before = None
    if before:
        # "the ILACS before the 2026 one": the year names the report after the one asked about
        dates = [documents[s].metadata.get("date") or "" for s in earlier]
        scope.years = sorted({int(d[:4]) for d in dates if d[:4].isdigit()})
        scope.beside = True
        if not earlier:
            scope.outside = f"the sources hold no report about {' or '.join(named)} before that one"
        return earlier, _REPORT_BY_ANOTHER.sub(r" \g<noun> ", question)  # the report, not the one beside it
    if scope.years:
        pool = _in_period(question, scope.years, typed, documents)
        if not pool:
            scope.outside = _no_period(scope, named)
        return pool, question
    if named and typed and _OLDEST_REPORT.search(question):
        # "who led derby's first inspection?", "its oldest report": the earliest of the kind held
        return {min(typed, key=lambda s: (documents[s].metadata.get("date") or "", s))}, question
    return typed, question


def _region(lowered: str) -> tuple[str, set[str]] | None:
    """The region a question names ("london boroughs", "in Greater Manchester"), as written, with the core
    names of its councils; None when it names none."""
    for pattern, councils in _REGIONS:
        found = pattern.search(lowered)
        if found:
            return found.group().title(), {core_name(c) for c in councils}
    return None


_REGIONS = [(re.compile(rf"\b(?:{names})\b"), councils) for names, councils in REGIONS.items()]


def _told_last(question: str) -> str:
    """The question with a leading "after the 2016 inadequate rating, ..." told after the next report it
    names, where the words telling a report by the one beside it are read; else the question as asked."""
    first = next(
        (m for form in _TOLD_FIRST if (m := form.match(question)) and _NEXT_REPORT.search(m["asked"])), None
    )
    asked = _NEXT_REPORT.search(first["asked"]) if first else None
    if not first or not asked or _FUTURE.search(first["asked"]):
        return question  # "after the 2016 inspection, when will they be inspected next?" asks a next step
    year, grade = _YEAR.search(first["told"]), _TOLD_GRADE.search(first["told"])
    if not (year or grade):
        return question
    told = " ".join(m.group(0) for m in (year, grade) if m)
    said = asked.group(0).lower()
    noun = "inspected" if "inspected" in said else asked.group(0)
    # "next time", "its following inspection": the next inspection
    noun = "next inspection" if said.endswith("time") or not said.startswith("next") else noun
    rest = first["asked"]
    return f"{rest[: asked.start()]}{noun} following the {told} one{rest[asked.end() :]}"


def _that_told(question: str) -> str:
    """The question with "the one after that" written as the report its one year names ("telford had ofsted in
    2016, and then who led the one after that?": the one after the 2016 one); else the question as asked."""
    years = set(_YEAR.findall(question))
    if len(years) != 1:
        return question
    return _AFTER_THAT.sub(lambda m: f"{m.group(1)} {m.group(2)} the {years.pop()} one", question, count=1)


def _beside(
    told: re.Match[str], pool: set[str], documents: dict[str, Document], grades: dict[str, str]
) -> set[str]:
    """The report of the pool just before (or after) the one the match names, by its year or its overall
    grade (of several, the newest), else the newest; of the same kind when there is one: the report the
    question tells by the one beside it."""
    dated = sorted((documents[s].metadata.get("date") or "", s) for s in pool)
    year, grade = told.group("year") or told.group("year_of"), told.group("grade") or told.group("graded")
    named = [(d, s) for d, s in dated if d.startswith(year)] if year else dated
    if grade:  # "failing" is "inadequate"
        meant = grade_called(grade) or ""
        named = [(d, s) for d, s in named if grades.get(s) == meant]
    if grade and not named and not year:
        return set()  # "the visit before the outstanding one" of an organisation never rated so
    named = named if year else named[-1:]
    kinds = {documents[s].metadata.get("document_type") for _, s in named}
    after = bool(told.group("after"))
    if named:
        cut = max(named)[0] if after else min(named)[0]
    else:
        cut = f"{year}-12-31" if after else f"{year}-01-01"
    beside = [s for d, s in dated if (d > cut if after else d < cut)]
    alike = [s for s in beside if documents[s].metadata.get("document_type") in kinds] or beside
    return set(alike[:1] if after else alike[-1:])


# "since 2015", not "after 2015": "what did it ask them to improve after its 2020 inspection?" asks of it
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the|its|their)\s+)?(?:19|20)\d\d\b", re.I)


def report_years(question: str) -> list[int]:
    """The years a question names; when it ties one to the report ("(2022 report)", "the report published
    in 2022"), that one alone: "what held Redcar back after 2017 (2022 report)" is about the 2022 report."""
    # "has Lambeth improved since its 2015 inspection?" asks of the reports after that year: the newest
    # answers, as when no year is named
    question = _SINCE.sub(" ", question)
    tied = [int(m.group(1) or m.group(2)) for m in _REPORT_YEAR.finditer(question)]
    if tied:
        return sorted(set(tied))
    periods = {y for m in _PERIOD.finditer(question) for y in _reported_in(m)}
    return sorted(periods | {int(y) for y in _YEAR.findall(_PERIOD.sub(" ", question))})


# A year counted over two ("2013-14", "2019/20"), as councils count their figures: reports give them up to the
# year after it ends ("homeless 16- and 17-year-olds (160 in 2013-2014)" is in a 2015 report).
_PERIOD = re.compile(r"\b(19[89]\d|20[0-4]\d)\s?[-–/]\s?(?:19|20)?(\d\d)\b")


def _reported_in(period: re.Match[str]) -> list[int]:
    """The years whose reports may give a period's figures; the first year alone when the second does not
    follow it ("2013-16" is no such period)."""
    first = int(period.group(1))
    return [first, first + 1, first + 2] if int(period.group(2)) == (first + 1) % 100 else [first]


def _of_type(lowered: str, pool: set[str], documents: dict[str, Document]) -> tuple[set[str], set[str]]:
    """The reports of the one kind whose own words the question uses ("SEND"), and those words."""
    kinds = {documents[s].metadata.get("document_type") or "" for s in pool} - {""}
    words = {k: set(normal(k).replace("'", "").split()) - _KIND_WORDS for k in kinds}
    plain = _SEND_THE_VERB.sub(" ", lowered.replace("'", ""))
    asked = set(plain.split())
    matched = _kinds_asked(words, asked)
    if not any(words[k] <= asked for k in matched):
        # with no kind named in all its own words, its other names ask for it as they do ("CSC" for children's
        # services; "special needs services" for SEND, not the "services" of children's services)
        asked |= {w for own, pattern in _KIND_NAMES if pattern.search(plain) for w in own}
        matched = _kinds_asked(words, asked)
    if len(matched) > 1:  # "SEND services": the kind named in all its words, not by one of another's
        matched = [k for k in matched if words[k] <= asked] or matched
    if len(matched) != 1 or _other_kind_offered(plain, words, matched[0]):
        return pool, set()
    own = words[matched[0]] & asked
    return {s for s in pool if documents[s].metadata.get("document_type") == matched[0]}, own


def _other_kind_offered(plain: str, words: dict[str, set[str]], kind: str) -> bool:
    """Whether a question offers another kind beside the one it names, by that one's other name ("about
    children's social care or SEND?"): it asks which kind a report is, so chooses none."""
    if not re.search(r"\bor\b", plain):
        return False
    named = {w for own, pattern in _KIND_NAMES if pattern.search(plain) for w in own}
    return bool(set(_kinds_asked(words, named)) - {kind})


def _kinds_asked(words: dict[str, set[str]], asked: set[str]) -> list[str]:
    """The kinds of report with a word of their own (no other kind's) among the asked words."""
    return [
        k for k, own in words.items() if own - set().union(*(w for o, w in words.items() if o != k)) & asked
    ]


def _named_organisations(lowered: str, corpus: Corpus) -> list[str]:
    """Organisations the question names; of two nested names ("Derby", "Derbyshire") the longer wins."""
    short = corpus.short
    # Only names whose first word is a word of the question can be in it: a few regexes, not thousands.
    runs = set(LETTERS.findall(lowered)) | {""}
    runs |= {w[:-1] for w in runs if w.endswith("s")}  # "barsets" may be Barset's
    maybe = {org for run in runs for org in corpus.by_first_word.get(run, ())}
    named = [
        org
        for org in corpus.by_org
        if org in maybe
        and (mentions(lowered, core_name(org)) or any(mentions(lowered, name) for name in short.get(org, ())))
    ]
    return [o for o in named if not any(o != p and core_name(o) in core_name(p) for p in named)]


# The newest report named as such: "the last ofsted", "the latest one" (not "last year").
_NEWEST = re.compile(r"\b(latest|newest|most recent|current|last)\b(?!\s+(years?|months?|weeks?)\b)", re.I)


def only_people(organisations: list[str], documents: dict[str, Document]) -> bool:
    """Whether the names a question gives are all inspectors', none an organisation's."""
    by_org = corpus_of(documents).by_org
    return bool(organisations) and not any(o in by_org for o in organisations)


def _with_leads(by_person: dict[str, set[str]], leads: dict[str, set[str]]) -> dict[str, set[str]]:
    """The catalog's inspectors with the records' lead inspectors, one entry per person however spelt."""
    merged = {person: set(sources) for person, sources in by_person.items()}
    known = {person_name(p): p for p in merged}
    for person, sources in leads.items():
        merged.setdefault(known.get(person_name(person), person), set()).update(sources)
    return merged


def _named_people(lowered: str, by_person: dict[str, set[str]]) -> list[str]:
    """Inspectors the question names by full name ("Wendy Williams"; "Williams" alone is too loose)."""
    return [p for p in by_person if " " in person_name(p) and mentions(lowered, person_name(p))]


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
