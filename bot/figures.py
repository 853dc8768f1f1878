"""The figures a text gives: numbers (digits or words), months, quantity words and bounds ("up to 30"), as
the fact checks compare them (pure functions over text)."""

from __future__ import annotations

import re

from bot import wording

_WORDS = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\.?\d)")
_FRACTIONS = frozenset(wording.FRACTION_WORDS.split())
_MONTHS = frozenset(wording.MONTHS.split())
# A figure's bound: "up to 30", "at most 30", "fewer than 30"; "at least 30", "more than 30", "30 or more".
_AT_MOST = re.compile(r"\b(up to|at most|no more than|fewer than|less than|under)\s+(\d[\d,]*)")
_AT_LEAST = re.compile(
    r"\b(at least|more than|over|in excess of)\s+(\d[\d,]*)|\b(\d[\d,]*)\s+(?:or more|or over|plus)\b"
)
_SUPERLATIVE = re.compile(wording.SUPERLATIVE_MOST)
_SAME_QUANTITY = re.compile(r"\b(" + "|".join(sorted(wording.SAME_QUANTITY, key=len, reverse=True)) + r")\b")
# "One of" a thing's kind, not one of a number: "one of Barset's strengths" gives no figure; "one of the
# three" does.
_ONE_OF = re.compile(
    rf"\bone of (?!(?:the |its |their |these |those )?(?:\d|(?:{wording.NUMBER_PATTERN})\b))", re.I
)
# "One" standing for a thing named before ("makes the move a smooth one", "the only one who", "no one"): no
# figure. Not a count ("a total of one", "one child", "a one-day target").
_ONE_FOR_A_THING = re.compile(
    r"\bno one\b|\b(?:a|an|the|this|that|each|every|which|any|another)\s+(?:(?!of\b)[a-z]+\s+){0,2}?one\b"
    r"(?![-–])(?=\s*(?:[.,;:!?)]|$)|\s+(?:that|which|who|and|but|or|for|in|at|with|as|than|to)\b)",
    re.I,
)
# A report's paragraph number ("12. When risks ..."), at a span's start or a sentence's, or after a heading in
# brackets ("(Recommendation) 90. The IRO service"): not a figure of it.
_PARAGRAPH_NUMBER = re.compile(r"(?:^|(?<=[.!?)]\s))\s*\d{1,3}\.\s+(?=[A-Z])")
# What a figure measures, read from the words around it: an age ("aged 16", "18 years old", "17-year-olds")
# is not a length of time ("wait two years").
_MEASURES = (
    ("age", re.compile(r"\baged\s+([\w,.]+)|\b([\w,.]+)[\s-]+years?[\s-]+olds?\b", re.I)),
    # "within 26 weeks", "the 26-week timescale"
    ("time", re.compile(r"\b([\w,.]+)[\s-]+(?:days?|weeks?|months?|years?)\b(?![\s-]+olds?\b)", re.I)),
)
# "not" (or "weren't") up to two words before "all": only some ("not used by all districts")
_NOT_ALL = re.compile(r"\b(?:not|[a-z]+n['’]t) ((?:[a-z]+ ){0,2})(all|every|always)\b")
# The percentages that are a fraction said in a word
_AS_FRACTION = {"50": "half", "25": "quarter", "33": "third", "34": "third"}
_NAMES: dict[str, list[str]] = {}  # "12": ["twelve", "dozen"]
for _word, _value in wording.NUMBER_WORDS.items():
    _NAMES.setdefault(str(_value), []).append(_word)


def figures_in(text: str) -> set[str]:
    """Numbers (digits or words, as digits), month names and quantity words in a text."""
    low = _ONE_FOR_A_THING.sub(" ", _ONE_OF.sub("of ", _PARAGRAPH_NUMBER.sub(" ", text)))
    low = same_quantity(low.lower())
    found = {m.replace(",", "").removesuffix(".0") for m in _NUMBER.findall(low)}
    words = _WORDS.findall(low)
    found |= {str(wording.NUMBER_WORDS[w]) for w in words if w in wording.NUMBER_WORDS}
    found |= {w for w in words if w in _MONTHS or w in _FRACTIONS}
    if re.search(r"\bper ?cent\b|%", low):
        found.add("per cent")
        # "50%" gives "half" as much as it gives 50: the fraction a percentage is
        found |= {_AS_FRACTION[f] for f in found if f in _AS_FRACTION}
    return found


# The words around a figure that say what it counts ("94.9% of care leavers"): so many naming words each side.
FIGURE_REACH = 4
_PIECES = re.compile(r"(?<=[.!?;])\s+")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A month with its year: "May 2022", "in March 2019"
_DATED = re.compile(rf"\b({'|'.join(wording.MONTHS.split())})\s+((?:19|20)\d\d)\b", re.I)
# A figure with the unit of time it is given in: "one-day", "48 hours", "six weeks"
_TIMED = re.compile(
    rf"(?<![\w.])(\d+(?:\.\d+)?|{'|'.join(wording.NUMBER_WORDS)})[\s-]+(hour|day|week|month|year)s?\b", re.I
)
_FIGURE = re.compile(
    rf"(?<![\w.–-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{'|'.join(wording.NUMBER_WORDS)})(?![\w–-])", re.I
)
_NOT_THINGS = frozenset(
    " ".join(
        (wording.FRAMING, wording.AUXILIARIES, wording.PRONOUNS, wording.PREPOSITIONS, wording.CONNECTIVES)
        + (wording.FIGURE_UNITS,)
    )
    .lower()
    .split()
)


# A share said as so many in so many ("four in five", "one out of every four"), and the percentages and
# fraction words it may be given as; how far a percentage may be from it and still say it ("roughly four in
# five" is 82%), further when the share is said to be rough.
_RATIO = re.compile(
    rf"\b(\d+|{wording.NUMBER_PATTERN})\s+(?:in|out of)\s+(?:every\s+)?(\d+|{wording.NUMBER_PATTERN})\b", re.I
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent\b)", re.I)
_FRACTION_SHARE = {
    "half": 50.0,
    "third": 100 / 3,
    "quarter": 25.0,
    "two thirds": 200 / 3,
    "three quarters": 75.0,
}
_ROUGHLY = re.compile(
    r"\b(roughly|about|around|approximately|nearly|almost|some|over|more than|fewer than|less than|under"
    r"|just over|just under)\s+$",
    re.I,
)
RATIO_SLACK, ROUGH_RATIO_SLACK = 2.0, 5.0


def shares_given(sentence: str, evidence: str) -> set[str]:
    """The figures of each "N in M" share of the sentence that the evidence gives as a percentage or a
    fraction word near enough ("four in five" by "82%", "one in four" by "just over a quarter")."""
    given = [float(m.group(1)) for m in _PERCENT.finditer(evidence)]
    low = evidence.lower()
    given += [share for words, share in _FRACTION_SHARE.items() if re.search(rf"\b{words}\b", low)]
    out: set[str] = set()
    for m in _RATIO.finditer(sentence):
        part, whole = (_as_number(g) for g in m.groups())
        if not part or not whole or part > whole:
            continue
        slack = ROUGH_RATIO_SLACK if _ROUGHLY.search(sentence[: m.start()]) else RATIO_SLACK
        if any(abs(100 * part / whole - g) <= slack for g in given):
            out |= {str(int(part)), str(int(whole))}
    return out


def _as_number(token: str) -> float:
    return float(token) if token.isdigit() else float(wording.NUMBER_WORDS.get(token.lower(), 0))


def counted_elsewhere(sentence: str, evidence: str) -> str:
    """A figure of the sentence the evidence gives only for something else: "in touch with 94.9% of care
    leavers" where 94.9% is the share of pathway plans done on time, in a sentence sharing none of the
    words around the sentence's figure, or fewer of them than another sentence of the evidence giving a
    figure of its own ("150 children recorded as contacts" where 350 were, and 150 were notifications).
    Years and figures the evidence does not give are left to the other checks."""
    pieces: list[tuple[set[str], set[str]]] | None = None  # each sentence's figures and things, read once
    for m in _FIGURE.finditer(sentence):
        figure = figures_in(m.group(0))
        # "not one", "one of": seldom a count of anything
        if not figure or m.group(0).lower() == "one" or _YEAR.fullmatch(m.group(0)):
            continue
        before = _opening_lowered(sentence[: m.start()])
        around = _things(before, -FIGURE_REACH) | _things(sentence[m.end() :], FIGURE_REACH)
        if len(around) < 2:
            continue
        pieces = pieces or [(figures_in(p), _things(_opening_lowered(p))) for p in _PIECES.split(evidence)]
        holding = [len(around & things) for figures, things in pieces if figure <= figures]
        if not holding:
            continue
        counting = [
            len(around & things) for figures, things in pieces if not figure <= figures and _counts(figures)
        ]
        if not max(holding) or max(holding) < max(counting, default=0):
            return m.group(0)
    return ""


def other_unit(sentence: str, evidence: str) -> str:
    """A length of time the sentence gives ("a one-day target") that the evidence gives in another unit
    only ("within one hour"): the evidence's, as written, or ''."""
    given = {
        (figures_in(m.group(1)).pop(), m.group(2).lower()): m.group(0) for m in _TIMED.finditer(evidence)
    }
    said = [(figures_in(m.group(1)).pop(), m.group(2).lower()) for m in _TIMED.finditer(sentence)]
    return _given_otherwise(said, given)


def other_date(sentence: str, evidence: str) -> str:
    """A month and year the sentence gives ("launched in May 2021") where the evidence gives that month
    with another year only ("launched in May 2022"), though it may hold the year elsewhere: the evidence's
    date, or ''."""
    given = dict(sorted(((m.lower(), y), f"{m.title()} {y}") for m, y in _DATED.findall(evidence)))
    return _given_otherwise([(m.lower(), y) for m, y in _DATED.findall(sentence)], given)


def _given_otherwise(said: list[tuple[str, str]], given: dict[tuple[str, str], str]) -> str:
    """Of pairs such as (figure, unit) or (month, year): the first the evidence gives, as written, for a
    thing the sentence gives with another second part and the evidence never with the sentence's; or ''."""
    for thing, part in said:
        other = [written for (t, p), written in given.items() if t == thing and p != part]
        if other and (thing, part) not in given:
            return other[0]
    return ""


def _counts(figures: set[str]) -> bool:
    """Whether a text's figures hold one other than a year."""
    return any(not _YEAR.fullmatch(f) for f in figures if f[:1].isdigit())


def _things(text: str, reach: int = 0) -> set[str]:
    """The crude stems of the lower-case words of a text that may name a thing (not names, framing words,
    pronouns or prepositions); with a reach, only the nearest so many (before the end if negative)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w’'-]*", text) if w.islower() and len(w) > 3]
    words = [w for w in words if w not in _NOT_THINGS]
    return wording.stems(words[reach:] if reach < 0 else words[:reach] if reach else words)


def _opening_lowered(text: str) -> str:
    """The text with its first letter in lower case: a sentence's opening capital ("Care proceedings ...")
    marks no name."""
    return text[:1].lower() + text[1:]


def both_ways(text: str) -> list[str]:
    """The text's figures in digits and each number also in words: "ten" and "10" say the same."""
    found = figures_in(text)
    return [*found, *(name for figure in found for name in _NAMES.get(figure, ()))]


def same_quantity(low: str) -> str:
    """Lower-case text with quantity phrases as their one-word equivalents ("the majority": "the most";
    "not used by all districts": "used by some districts")."""
    low = _NOT_ALL.sub(lambda m: f"{m.group(1)}{'sometimes' if m.group(2) == 'always' else 'some'}", low)
    low = _SAME_QUANTITY.sub(lambda m: wording.SAME_QUANTITY[m.group(1)], low)
    return _SUPERLATIVE.sub(r"\1 ", low)


def bounds(text: str) -> dict[str, str]:
    """Figures given as a bound: 'up to 30' -> {'30': 'most'}, '30 or more' -> {'30': 'least'}."""
    low = text.lower()
    found = {m.group(2): "most" for m in _AT_MOST.finditer(low)}
    found |= {m.group(2) or m.group(3): "least" for m in _AT_LEAST.finditer(low)}
    return found


def measures(figure: str, text: str) -> set[str]:
    """What a figure of a text measures where the text says ("age", "time"); empty where it does not.
    A figure read as an age is not also a length of time ("aged 16 years and above")."""
    found: set[str] = set()
    ages: list[int] = []
    for kind, pattern in _MEASURES:
        for m in pattern.finditer(text):
            at = next(i for i in range(1, len(m.groups()) + 1) if m.group(i))
            if kind == "age":
                ages.append(m.start(at))
            elif m.start(at) in ages:
                continue
            if figure in figures_in(m.group(at)):
                found.add(kind)
    return found


# Lengths of time as people type them: "25hr", "6 wks", "2yrs", "3mths" (not "24/7" or "16-25").
_SHORT_UNIT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s?(hrs?|hours?|wks?|weeks?|mths?|mnths?|months?|yrs?|years?|mins?)\b", re.I
)
_UNIT_NAMES = {"h": "hours", "w": "weeks", "m": "months", "y": "years"}


def units_apart(text: str) -> str:
    """The text with lengths of time written in full and apart from their number ("25hr" -> "25 hours",
    "6wks" -> "6 weeks"), as the reports write them."""

    def spelt(m: re.Match[str]) -> str:
        unit = m.group(2).lower()
        name = "minutes" if unit.startswith("min") else _UNIT_NAMES[unit[0]]
        return f"{m.group(1)} {name}"

    return _SHORT_UNIT.sub(spelt, text)
