"""Whether the reports a question is about mention the topic it names ("did Ofsted say anything about FGM?"):
a topic the reports never speak of is refused rather than answered with the nearest passages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from bot import wording
from bot.neighbours import Related

_NAMED_TOPIC = tuple(re.compile(form, re.I) for form in wording.NAMED_TOPIC)
_WHERE_SAID = re.compile(wording.WHERE_SAID, re.I)
_OR_ELSE = re.compile(
    r",?\s+or\s+(?:is|are|was|were|do|does|did|has|have|can|will|would|should|it|that|they|just|not|how|what"
    r"|whether)\b",
    re.I,
)
# A topic pointing back at the story told before the question ("families living like this", "like ours")
_LIKE_THIS = re.compile(
    r"\b(?:like|as) (?:this|that|ours|us|mine|these|those)\b"
    r"|\bin (?:this|our|my|that) (?:situation|position)\b",
    re.I,
)
# The share of the named topic's weight the reports must hold (tune halves: unanswerable 0.07-0.21, answered
# 0.35 and up).
MENTIONED = 0.3
# Less than this share held, a named topic whose heaviest word (not shorthand) the reports never use, nor
# any word near it, is one they do not speak of (tune halves: 3 more refused, 2 fewer found; rewordings 4
# more refused).
MOSTLY = 0.5
HEAVY_SHARE = 0.5  # of the heaviest word's weight: a word this heavy names part of a named topic
NEAR = 0.7  # a corpus word this near in meaning to a topic word says it in other words
# A word no report uses says the reports are silent on it only in a corpus this large (distinct tokens): one
# report leaves out most everyday words (the seed transcript holds about 150), 69 reports over 4,000.
TELLING_VOCABULARY = 2000
_WORDS = re.compile(r"[A-Za-z]+")
SHORTHAND = 3  # letters: a word this short is more often shorthand ("sw", "vr") than a subject
TERSE_WORDS = 8  # a topic typed bare is a few words; a sentence with no question word still asks something
_ASKING = re.compile(wording.ASKING_WORDS, re.I)


def named_topic(question: str) -> str | None:
    """The topic a question asks what the reports say about ("FGM or forced marriage cases"), or None: read
    as late as any form finds it ("does the report on Barset address period poverty?": not "Barset address
    period poverty")."""
    question = _WHERE_SAID.sub("", question)  # "... anywhere in what it wrote about Barset": not the topic
    # the other way asked after it ("any mention of X, or how they're supported with it?") names no topic
    first = _OR_ELSE.split(question, maxsplit=1)[0]
    found = [m for form in _NAMED_TOPIC if (m := form.search(first))]
    found = found or [m for form in _NAMED_TOPIC if (m := form.search(question))]
    match = max(found, key=lambda m: m.start("topic"), default=None)
    if match is None:
        return None
    # "talk about safe relationships, or is that left to the GP?": the other way asked after it is no topic
    topic = _OR_ELSE.split(match.group("topic"), maxsplit=1)[0].strip()
    if not _LIKE_THIS.search(topic):
        return topic
    # "families living like this" is about the story told before the question
    before = question[: match.start("topic")]
    story = before[: max(before.rfind(c) for c in ".!?-") + 1].strip(" .!?-")  # "" when no sentence ends
    return f"{story} {_LIKE_THIS.sub(' ', topic)}".strip() if story else topic


def terse_topic(topic: str) -> str | None:
    """A question typed as a few words naming its topic ("derby vaping children in care", its organisation
    and year already left out), which is then the topic named; None for a question asked in a sentence."""
    words = _WORDS.findall(topic.lower())
    if not words or len(words) > TERSE_WORDS or _ASKING.search(topic):
        return None
    return topic


def counts_unused(token: str, rare: set[str], related: Related, vocabulary_size: int) -> bool:
    """Whether a topic word no report uses still counts towards what they must mention: a rare term, or, in
    a corpus large enough for its absence to tell, a word with no corpus word near it in meaning
    ("gambling", "floods"; not "kids", near "children")."""
    return token in rare or (vocabulary_size >= TELLING_VOCABULARY and not related.get(token))


def share_mentioned(weights: dict[str, float], held: Callable[[str], bool], related: Related) -> float:
    """The share of the topic's weight the reports hold, each word as written or as a near word."""
    total = sum(weights.values())
    if not total:
        return 1.0
    said = [t for t in weights if _said(t, held, related)]
    return sum(weights[t] for t in said) / total


def unmentioned(
    weights: dict[str, float],
    held: Callable[[str], bool],
    related: Related,
    unknown: AbstractSet[str] = frozenset(),
    by_share: bool = True,
    premise: bool = False,
    judging: AbstractSet[str] = frozenset(),
    short: AbstractSet[str] | None = None,
) -> list[str]:
    """The topic's words the reports do not hold, heaviest first, when they hold too little of it (by_share;
    for a topic typed bare, only when they also hold neither its heaviest word but shorthand nor any word near
    it: "vaping children in care"; for a named one, also when they hold less than MOSTLY and not that word),
    or when its heaviest is a word no report uses with nothing near it (unknown: "floods" in "children
    affected by floods", whatever else the reports hold); else []."""
    heaviest = max(weights, key=lambda t: weights[t], default=None)
    share = share_mentioned(weights, held, related)
    # the word the topic is most about: shorthand ("cp", "sw") more often names what the reports write out
    short = {t for t in weights if len(t) <= SHORTHAND} if short is None else short
    subject = max((t for t in weights if t not in short), key=lambda t: weights[t], default=None)
    unsaid = subject is not None and not _said(subject, held, related, 0.0)
    # "families living in overcrowded homes": all but "overcrowded"
    too_little = (share < MENTIONED and (by_share or unsaid)) or (by_share and share < MOSTLY and unsaid)
    # what a why-question takes for granted, its heaviest word held but another heavy one with nothing near
    # it: "huge caseloads" where "huge" is said as "big" and "caseloads" is not said at all; a word judging
    # its subject ("so poor") is what the question claims of it, not what it is about
    bare = premise and any(
        weights[t] >= HEAVY_SHARE * weights[heaviest] and not _said(t, held, related, 0.0)
        for t in weights
        if t not in short and t not in judging
    )
    if heaviest not in unknown and not too_little and not bare:
        return []
    missing = [t for t in weights if not held(t)]
    return sorted(missing, key=lambda t: -weights[t])


def weighed_as_said(
    weights: dict[str, float], held: Callable[[str], bool], related: Related, idf: Callable[[str], float]
) -> dict[str, float]:
    """The weights with a word the reports say only in other words weighing no more than those words: "kids"
    said as "children" names the reports' every page, not a subject ("vaping kids in care")."""
    lighter = dict(weights)
    for token, weight in weights.items():
        near = [n for n, sim in related.get(token, ()) if sim >= NEAR and held(n)]
        if near and not held(token):
            lighter[token] = min(weight, (weight + max(idf(n) for n in near)) / 2)
    return lighter


def _said(token: str, held: Callable[[str], bool], related: Related, near: float = NEAR) -> bool:
    return held(token) or any(held(n) for n, sim in related.get(token, ()) if sim >= near)


def rare_terms(topic: str, tokens: Callable[[str], list[str]], known: frozenset[str]) -> set[str]:
    """The tokens of the topic's words that are no whole word of the model's vocabulary ("dyslexia",
    "vaping", "LGBTQ"): a rare term names a subject, where an everyday word the reports never use ("kicked
    out") more often says in other words what they say in their own."""
    return {t for w in _WORDS.findall(topic) if not _known(w.lower(), known) for t in tokens(w)}


def _known(word: str, known: frozenset[str]) -> bool:
    """Whether the word, or the word it is an inflection of ("clued": "clue", "scams": "scam"), is known."""
    bases = {word}
    if word.endswith(("s", "d")):
        bases |= {word[:-1], word[:-2]}  # "scams", "clued"; "boxes", "walked"
    if word.endswith("ing"):
        bases |= {word[:-3], word[:-3] + "e"}
    return word in known or bool({b for b in bases if len(b) > 2} & known)  # "gas" is no inflection of "g"


TRUNCATED = 4  # letters: a word this short may be the start of the reports' word ("temp": "temporary")


def written_in(word: str, texts: list[str]) -> bool:
    """Whether the texts (lower-cased) write the word, hyphens and spaces aside ("offrolled": "off-rolled"),
    or, for a word of a few letters, a word it is the start of ("temp": "temporary")."""
    squashed = re.sub(r"[\s‐-―-]+", "", word.lower())
    if not squashed:
        return False
    tail = "" if len(squashed) <= TRUNCATED else r"(?![a-z])"
    pattern = re.compile(r"(?<![a-z])" + r"[\s‐-―-]?".join(map(re.escape, squashed)) + tail)
    return any(pattern.search(text) for text in texts)


def ends_compound(token: str, texts: list[str]) -> bool:
    """Whether the texts (lower-cased) write a word of five letters or more as the end of a compound ("night":
    "overnight", "worker": "caseworker"), which says it in one word."""
    if len(token) < COMPOUND_PART:
        return False
    pattern = re.compile(rf"[a-z]{{3,}}{re.escape(token)}(?![a-z])")
    return any(pattern.search(text) for text in texts)


COMPOUND_PART = 5  # shorter endings are as often a word's own letters ("care": "healthcare", "scare")


def shorthand(token: str, topic: str, tokens: Callable[[str], list[str]]) -> bool:
    """Whether a topic's token is typed as shorthand: every word of the topic it comes from has a few letters
    ("sw", "cp"); "bugs" is no shorthand, though its token "bug" is as short."""
    typed = as_asked(topic, tokens, [token])
    return all(len(w) <= SHORTHAND for w in typed) if typed else len(token) <= SHORTHAND


def typed_as_acronym(token: str, topic: str, tokens: Callable[[str], list[str]]) -> bool:
    """Whether a topic's token is typed in capitals ("OCD"), as an acronym naming something is."""
    typed = as_asked(topic, tokens, [token])
    return bool(typed) and all(w.isupper() for w in typed)


def as_asked(topic: str, tokens: Callable[[str], list[str]], missing: Iterable[str]) -> list[str]:
    """The words of the topic as the question wrote them ("FGM", "marriage") for the missing tokens."""
    wanted = set(missing)
    return [w for w in re.findall(r"[\w'’+&-]+", topic) if set(tokens(w)) & wanted]
