"""A question about a topic the report it asks about never mentions is refused, saying so."""

from __future__ import annotations

import pytest

from bot import mentions
from bot.mentions import MENTIONED, counts_unused, named_topic, rare_terms, share_mentioned, unmentioned

try:
    from app_fixtures import engine_on
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("derby - what did the inspectors say about how SWs handle FGM cases?", "how SWs handle FGM cases"),
        ("Did Ofsted say anything about food banks in Barset?", "food banks in Barset"),
        ("barset ILACS - anything on radicalisation / Prevent?", "radicalisation / Prevent"),
        ("does the report mention anything regarding school transport", "school transport"),
        ("Did inspectors raise concerns about gambling by children in care?", "gambling by children in care"),
        # other verbs of saying, and the topic as their object
        ("did the barset inspection talk about racism against kids?", "racism against kids"),
        ("What did Ofsted report on radicalisation in Barset?", "radicalisation in Barset"),
        ("Did Ofsted mention the floods in Barset?", "the floods in Barset"),
        ("does the report discuss vaping among children in care", "vaping among children in care"),
        # the topic first, then whether they said so
        (
            "how does barset look after gay or trans kids in care, did ofsted say?",
            "how does barset look after gay or trans kids in care",
        ),
        (
            "Are children in care in Barset vaping a lot? Did the inspectors mention it?",
            "Are children in care in Barset vaping a lot",
        ),
        ("is gambling a problem in barset? what did ofsted say about it", "gambling"),
        ("can kids in care get an NHS dentist?? does the report say", "can kids in care get an NHS dentist"),
        # the topic first, then whether the report holds anything on it
        (
            "do families who dont speak english get an interpreter? anything in the latest report",
            "do families who dont speak english get an interpreter",
        ),
        ("barset - CiC nhs dentist access - in the report?", "CiC nhs dentist access"),
        ("kids in care and vaping, is there anything in the ofsted report?", "kids in care and vaping"),
        # pointing back at the story told before the question
        (
            "we're in a flat covered in damp - does the report say anything about families living like this?",
            "we're in a flat covered in damp families living",
        ),
        (
            "Our flat is black with mould. Did Ofsted mention families stuck in housing like ours?",
            "Our flat is black with mould families stuck in housing",
        ),
        ("did ofsted say anything about cases like this?", "cases like this"),  # no story told
        # a report dealing with the topic, or with whether it holds, read where the topic starts
        (
            "Does Ofsted's report on Barset address whether girls in care experience period poverty?",
            "girls in care experience period poverty",
        ),
        ("did the ofsted inspection examine sexting among kids in care", "sexting among kids in care"),
        ("Does the latest report cover NHS dentists for kids in care?", "NHS dentists for kids in care"),
        ("does the report state whether families get interpreters", "families get interpreters"),
        ("bcp ofsted - sharing nudes covered at all", "sharing nudes"),
        ("barset CLA weight mgmt / obesity - covered in ofsted?", "barset CLA weight mgmt / obesity"),
        ("barset CiC - DofE / scouts mentioned?", "DofE / scouts"),
        (
            "Was fire safety, for example smoke alarms, considered in Ofsted's latest inspection of Barset?",
            "fire safety, for example smoke alarms",
        ),
        # the topic named before where to look for it
        (
            "Does Ofsted mention overcrowding anywhere in what it wrote about Barset's children's services?",
            "overcrowding",
        ),
        ("did ofsted mention vaping at all in the barset report", "vaping"),
        # a reference made to it, or whether the report says it holds
        (
            "Does Ofsted's 2023 inspection of Barset make any reference to children in care receiving music "
            "tuition?",
            "children in care receiving music tuition",
        ),
        ("barset CiC - does the latest report refer to music lessons at all", "music lessons"),
        (
            "does the latest ofsted report say whether children in care there get to play an instrument?",
            "children in care there get to play an instrument",
        ),
        ("did the inspectors say if kids get guitar lessons", "kids get guitar lessons"),
        ("Barset ILACS - anything re CiC bringing pets into care?", "CiC bringing pets into care"),
        (
            "Did the 2025 area SEND inspection of Barset assess access to continence support?",
            "access to continence support",
        ),
        (
            "Barset ILACS 24 - any ref to compulsive hoarding / cluttered homes? SW here w/ 2 cases",
            "compulsive hoarding / cluttered homes",
        ),
        ("is gambling mentioned anywhere in what inspectors said about barset", "gambling"),
        ("Were care leavers well supported?", None),
        ("Do leaders address staff shortages in Barset?", None),  # what the council does
        # whether a thing was a worry: the thing is the topic
        ("was gambling a worry for kids in care in redbridge according to the inspectors?", "gambling"),
        ("Is knife crime a big problem among Barset's teenagers?", "knife crime"),
        ("is county lines an issue in barset", "county lines"),
        ("were drugs a concern for care leavers?", "drugs"),
        # the other way asked after the topic is no part of it
        ("do PAs talk about safe relationships, or is that left to the GP?", "safe relationships"),
        ("did ofsted say anything about kinship care or did they just skip it", "kinship care"),
        ("barset - anything in the report about young carers, or not?", "young carers"),
        ("Is there a problem with staffing in Barset?", None),
        ("what did ofsted say about it", None),
        # a question that names no topic to look for
        ("How good is Barset at helping care leavers find a home?", None),
        ("When was the report on Barset published?", None),
    ],
)
def test_the_topic_a_question_asks_about_is_read(question, topic):
    assert named_topic(question) == topic


@pytest.mark.parametrize(
    ("topic", "terse"),
    [
        ("vaping children in care", True),
        ("sw turnover vs stat neighbours", True),
        ("how do they handle vaping", False),
        ("is vaping a problem", False),
        ("vaping? did the inspectors mention it", False),
        ("a lot of crime now happens online and never gets seen by anyone at all", False),
    ],
)
def test_a_topic_typed_bare_is_the_topic_named(topic, terse):
    assert (mentions.terse_topic(topic) == topic) is terse


def test_rare_terms_are_the_words_the_model_does_not_know_whole():
    known = frozenset({"support", "for", "kicked", "out", "of", "school"})
    assert rare_terms("dyspraxia support for", str.split, known) == {"dyspraxia"}
    assert rare_terms("kids kicked out of school", str.split, known) == {"kids"}
    assert rare_terms("LGBTQ+ children", lambda w: [w.lower()], frozenset({"children"})) == {"lgbtq"}
    # an inflection of a word the model knows is no rare term
    known = frozenset({"clue", "up", "on", "scam", "online"})
    assert rare_terms("clued up on scams online", str.split, known) == set()
    assert rare_terms("vaping and sexting", str.split, frozenset({"and", "vape"})) == {"sexting"}


def test_a_word_no_report_uses_counts_when_rare_or_when_a_large_corpus_has_nothing_near_it():
    near = {"kid": (("children", 0.82),)}
    assert counts_unused("vape", {"vape"}, near, 100)  # a rare term, whatever the corpus
    assert not counts_unused("gambl", set(), near, 100)  # one report leaves out most everyday words
    assert counts_unused("gambl", set(), near, mentions.TELLING_VOCABULARY)
    assert not counts_unused("kid", set(), near, mentions.TELLING_VOCABULARY)  # said as "children"


def test_a_topic_is_unmentioned_when_the_reports_hold_too_little_of_its_weight():
    weights = {"fgm": 3.0, "handl": 1.0, "case": 0.5}
    held = {"case"}.__contains__
    assert share_mentioned(weights, held, {}) < MENTIONED
    assert unmentioned(weights, held, {}) == ["fgm", "handl"]
    # a near word the reports use says it in other words; a word only loosely related does not
    held = {"case", "mutil"}.__contains__
    assert unmentioned(weights, held, {"fgm": (("mutil", 0.8),)}) == []
    assert unmentioned(weights, held, {"fgm": (("mutil", 0.5),)}) == ["fgm", "handl"]


def test_a_named_topic_is_unmentioned_when_the_reports_hold_under_half_and_not_its_heaviest_word():
    weights = {"famili": 1.3, "live": 1.8, "overcrowd": 9.4, "home": 2.3, "cp": 0.5}
    held = {"famili", "live", "home"}.__contains__
    assert MENTIONED <= share_mentioned(weights, held, {}) < mentions.MOSTLY
    assert unmentioned(weights, held, {}) == ["overcrowd", "cp"]
    # shorthand is not what it is about
    shorthand = {"cp": 5.0, "overcrowd": 3.0, "famili": 1.0}
    assert unmentioned(shorthand, {"overcrowd", "famili"}.__contains__, {}) == []
    # any word near it the reports hold may say it, and holding half or more of the topic says enough
    assert unmentioned(weights, held, {"overcrowd": (("home", 0.4),)}) == []
    assert unmentioned({**weights, "famili": 9.0}, held, {}) == []


def test_a_topic_whose_heaviest_word_no_report_uses_is_unmentioned_whatever_else_they_hold():
    weights = {"flood": 9.0, "affect": 8.0, "famili": 1.3}
    held = {"affect", "famili"}.__contains__
    assert share_mentioned(weights, held, {}) >= mentions.MOSTLY
    assert unmentioned(weights, held, {}) == []
    assert unmentioned(weights, held, {}, unknown={"flood"}) == ["flood"]
    assert unmentioned(weights, held, {}, unknown={"affect"}) == []  # not what the topic is mostly about


def test_a_word_said_only_in_other_words_weighs_no_more_than_halfway_to_them():
    weights = {"vape": 12.0, "kid": 9.0, "care": 0.2}
    held = {"care", "children"}.__contains__
    idf = {"children": 0.1}.get
    related = {"kid": (("children", 0.8),), "vape": (("smoke", 0.8),)}
    lighter = mentions.weighed_as_said(weights, held, related, idf)
    assert lighter == {"vape": 12.0, "kid": 4.55, "care": 0.2}  # "smoke" is no word the reports hold
    assert share_mentioned(weights, held, related) >= MENTIONED > share_mentioned(lighter, held, related)
    assert mentions.weighed_as_said(weights, held, {"kid": (("children", 0.5),)}, idf) == weights


def test_a_topic_typed_bare_is_unmentioned_when_its_heaviest_word_nothing_near_it_is_held():
    weights = {"vape": 3.0, "children": 0.5, "care": 0.5}
    held = {"children", "care", "smoke"}.__contains__
    assert unmentioned(weights, held, {}, by_share=False) == ["vape"]
    # a word even loosely near it in the reports may say it ("spotted": "seen"); shorthand is no subject
    assert unmentioned(weights, held, {"vape": (("smoke", 0.6),)}, by_share=False) == []
    assert unmentioned({"cp": 3.0, "care": 0.5}, held, {}, by_share=False) == []


def test_shorthand_is_a_word_typed_with_a_few_letters_not_a_short_token():
    def tokens(text: str) -> list[str]:
        return [w.lower().rstrip("s") for w in text.split()]

    assert mentions.shorthand("sw", "sw visits", tokens)
    assert mentions.shorthand("cp", "CP plans", tokens)
    assert not mentions.shorthand("bug", "bed bugs", tokens)
    assert not mentions.shorthand("visit", "sw visits", tokens)


def test_a_word_is_written_in_a_report_hyphenated_or_as_the_start_of_a_longer_one():
    texts = ["A few were off-rolled. Some lived in temporary homes; mediation helped."]
    assert mentions.written_in("offrolled", texts) and mentions.written_in("off rolled", texts)
    assert mentions.written_in("temp", texts)  # a word of a few letters may be cut short
    assert not mentions.written_in("media", texts)  # a longer one is the word itself
    assert not mentions.written_in("vaping", texts)


BARSET = "barset/children's services inspection - 14 march 2024.txt"
EXMOOR = "exmoor/children's services inspection - 12 may 2024.txt"
BARSET_TEXT = """Barset children's services inspection

Inspection dates: 4 to 8 March 2024

Social workers respond well to concerns about female genital mutilation (FGM) and forced marriage, working
closely with the police. Children at risk of radicalisation are referred promptly to the Prevent panel.

Children who are excluded from school are helped back into education quickly by the virtual school.
"""
EXMOOR_TEXT = """Exmoor children's services inspection

Inspection dates: 22 April to 3 May 2024

Care leavers are supported well by personal advisers who know them well and help them find somewhere to
live. Children who are excluded from school are helped back into education quickly by the virtual school.

Social workers visit children regularly and see them alone, and their case records are up to date.

A few care leavers wait too long in temporary accommodation. No child had been off-rolled by a school.
"""


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("mentions")
    return engine_on(base, {BARSET: BARSET_TEXT, EXMOOR: EXMOOR_TEXT}, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "exmoor - what did the inspectors say about how SWs handle FGM or forced marriage cases?",
        "Did Ofsted say anything about radicalisation and Prevent referrals in Exmoor?",
        "exmoor ilacs anything on fgm??",
        "What did inspectors find about forced marriage in Exmoor's children's services?",
        # a rare term no report uses (beside an everyday word none uses, or one the report uses)
        "Did Ofsted say anything about dyspraxia in Exmoor?",
        "exmoor - did inspectors comment on vaping among kids?",
        # beside everyday words that, said as the report's "children", name none of its subject
        "is vaping a big problem with kids in care in exmoor? what did ofsted say about it",
        "Are lots of Exmoor's kids in care vaping? Did the report say?",
        "exmoor report - is vaping a real worry for the kids?",
        "what did the exmoor report say about sexting and cyberbullying of children?",
        # typed bare, its heaviest word one only another report uses
        "exmoor radicalisation prevent",
        "Exmoor kids - radicalisation?",
        # a story, then the topic pointing back at it
        "our flat is full of dampness and mould - did ofsted say anything about exmoor families like this?",
        "My niece was at risk of FGM. Did the Exmoor report say anything about girls in cases like ours?",
        # asked whether the report deals with it
        "Does Ofsted's inspection report on Exmoor address whether forced marriage happens there?",
        "did the exmoor inspection examine radicalisation of teenagers?",
        # asked what the council does about it
        "how does exmoor tackle forced marriage?",
        "how well does exmoor deal with FGM?",
        "exmoor - how are they handling radicalisation and prevent referrals?",
    ],
)
def test_a_topic_the_report_never_mentions_is_refused_saying_so(engine, question):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert "mentions" in answer.reason and "Exmoor" in answer.reason, answer.reason
    assert "(2024-05-12)" in answer.reason, "the report checked is named with its date"


@pytest.mark.parametrize(
    "question",
    [
        "Barset - what did the inspectors say about how SWs handle FGM or forced marriage cases?",
        "Did Ofsted say anything about radicalisation in Barset?",
        # words no report uses ("kicked out") are everyday words for what a report says in its own
        "what did ofsted say about kids kicked out of school in exmoor?",
        "how does barset handle fgm and forced marriage?",
    ],
)
def test_a_topic_the_report_mentions_is_answered(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason


@pytest.fixture
def large_corpus(monkeypatch):
    """The two fixture reports taken as a corpus large enough that leaving a word out tells."""
    monkeypatch.setattr(mentions, "TELLING_VOCABULARY", 0)


# In a corpus large enough that leaving a word out tells, an everyday word no report uses and no corpus word
# is near names a topic none of them speaks of.
@pytest.mark.parametrize(
    "question",
    [
        "Did Ofsted raise concerns about gambling among young people in Exmoor's care?",
        "did the exmoor inspection say anything about kids and families hit by the floods?",
        "exmoor - anything on gambling??",
        # prepositions relate the topic's words and name none of it
        "Did Ofsted say anything about racist bullying against children from Exmoor schools?",
        "exmoor: anything about gambling among children after school?",
        # the topic's heaviest word none uses, beside everyday words the report holds
        "What did the Exmoor report say about children and families affected by flooding?",
        "Did Ofsted mention gambling harms among young people in Exmoor?",
        # a topic typed bare, its heaviest word one none uses
        "exmoor gambling young people in care",
        "exmoor children and families hit by flooding",
        # most of the topic held, but not its heaviest word nor any word near it
        "Does Ofsted's inspection of Exmoor address care leavers who live in overcrowded homes?",
        "exmoor - anything on care leavers in overcrowded flats?",
        # a word typed in full whose token is as short as shorthand ("bugs": "bug")
        "did the exmoor report say anything about bugs where care leavers live?",
        "exmoor care leavers flats bed bugs",
    ],
)
@pytest.mark.usefixtures("large_corpus")
def test_in_a_large_corpus_an_everyday_word_none_uses_is_unmentioned(engine, question):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert "mentions" in answer.reason and "Exmoor" in answer.reason, answer.reason
    assert not any(f"'{w}'" in answer.reason for w in ("among", "against", "after")), answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "Did Ofsted say anything about how Exmoor helps care leavers find somewhere to live?",
        "what did ofsted say about kids being excluded from school in exmoor?",
        "exmoor - anything about how often social workers visit the kids?",
        # typed bare: shorthand none uses ("sw") is no topic the reports leave out
        "exmoor sw visits to kids",
        # a word cut short or written without its hyphen
        "exmoor care leavers in temp housing?",
        "exmoor kids offrolled by schools?",
        # a contraction typed without its apostrophe names nothing
        "exmoor ilacs report - anything on care leavers who dont get somewhere to live?",
        "exmoor ilacs report - anything on care leavers who arent helped to find somewhere to live?",
        # a domain term the report writes in its own words ("extremism": "radicalisation")
        "did ofsted say anything about extremism in barset?",
    ],
)
@pytest.mark.usefixtures("large_corpus")
def test_in_a_large_corpus_a_topic_said_in_other_words_is_answered(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason


EXMOOR_2019 = "exmoor/children's services inspection - 20 june 2019.txt"
EXMOOR_2019_TEXT = """Exmoor children's services inspection

Inspection dates: 3 to 14 June 2019

Social workers respond well to concerns about female genital mutilation (FGM) and forced marriage.
"""


# Other councils' reports, so that FGM is as rare a word as in a real corpus.
OTHERS = {
    f"{place}/children's services inspection - 1 march 2023.txt": f"""{place.title()} inspection

Inspection dates: 6 to 17 February 2023

Practice with children in need is inconsistent, and too many cases drift without a clear plan.
Managers do not always check that social workers follow up concerns about children at home.
"""
    for place in ("wessex", "loamshire", "midsomer")
}


@pytest.fixture(scope="module")
def two_exmoors(embedder, tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("two-exmoors")
    files = {EXMOOR: EXMOOR_TEXT, EXMOOR_2019: EXMOOR_2019_TEXT, BARSET: BARSET_TEXT, **OTHERS}
    return engine_on(base, files, embedder)


# With no year named the newest report answers: an older one mentioning the topic does not answer for it.
@pytest.mark.parametrize(
    "question",
    [
        "exmoor FGM forced marriage",
        "Did the Exmoor report comment on practice in FGM and forced marriage cases?",
        "what did ofsted say about forced marriage in exmoor?",
    ],
)
def test_a_topic_only_an_older_report_mentions_is_refused_naming_the_newest(two_exmoors, question):
    answer = two_exmoors.ask(question)
    assert answer.refused, answer.answer
    assert "mentions" in answer.reason and "(2024-05-12)" in answer.reason, answer.reason


def test_a_topic_the_older_report_named_by_year_mentions_is_answered(two_exmoors):
    answer = two_exmoors.ask("Did the 2019 Exmoor report comment on FGM and forced marriage?")
    assert not answer.refused, answer.reason
    assert "female genital mutilation" in answer.citations[0].quote


SPELT_OUT = """Exmoor children's services inspection

Inspection dates: 22 April to 3 May 2024

Some children wait too long for child and adolescent mental health services. Leaders have commissioned more
child and adolescent mental health services. Child and adolescent mental health services see care leavers.
"""


@pytest.fixture(scope="module")
def spelt_out_engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    return engine_on(tmp_path_factory.mktemp("spelt-out"), {EXMOOR: SPELT_OUT}, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "exmoor camhs waits?",
        "What did Ofsted say about CAMHS in Exmoor?",
        "did the exmoor report mention CAMHS at all",
    ],
)
@pytest.mark.usefixtures("large_corpus")
def test_an_acronym_the_report_spells_out_is_mentioned(spelt_out_engine, question):
    answer = spelt_out_engine.ask(question)
    assert not answer.refused, answer.reason


def test_a_premise_with_a_heavy_word_nothing_near_is_unmentioned_though_most_of_it_is_said():
    weights = {"social": 1.0, "worker": 1.5, "huge": 5.4, "caseload": 3.7}
    held = {"social", "worker", "big"}.__contains__
    related = {"huge": (("big", 0.9),)}
    assert unmentioned(weights, held, related, by_share=True, premise=True) == ["huge", "caseload"]
    assert unmentioned(weights, held, related, by_share=True) == []  # a named topic: most of it is said
    # a light word unsaid is no part of what the premise is about
    light = {"social": 1.0, "worker": 1.5, "huge": 5.4, "caseload": 2.0}
    assert unmentioned(light, held, related, by_share=True, premise=True) == []


def test_a_word_judging_the_premise_s_subject_is_not_what_it_is_about():
    weights = {"return": 1.0, "home": 1.0, "interview": 3.0, "poor": 2.5}
    held = {"return", "home", "interview"}.__contains__
    assert unmentioned(weights, held, {}, by_share=True, premise=True) == ["poor"]
    assert unmentioned(weights, held, {}, by_share=True, premise=True, judging={"poor"}) == []


# A question across the reports: a topic no report in scope mentions is refused, whichever reports the
# nearest passages come from.
@pytest.mark.parametrize(
    "question",
    [
        "Have any of the reports raised concerns about children in care using sunbeds?",
        "do any of the ofsted reports say anything about vaping among kids in care?",
        "any council's inspection mention dyspraxia??",
        "has ofsted said anything anywhere about teenagers on sunbeds?",
    ],
)
@pytest.mark.usefixtures("large_corpus")
def test_a_topic_no_report_in_scope_mentions_is_refused_across_the_reports(two_exmoors, question):
    answer = two_exmoors.ask(question)
    assert answer.refused, answer.answer
    assert "reports in scope mentions" in answer.reason, answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "Did any of the reports say anything about forced marriage?",
        "have any inspections found cases drifting without a clear plan?",
    ],
)
@pytest.mark.usefixtures("large_corpus")
def test_a_topic_some_report_mentions_is_answered_across_the_reports(two_exmoors, question):
    answer = two_exmoors.ask(question)
    assert not answer.refused, answer.reason


@pytest.mark.parametrize(
    ("token", "held"),
    [
        ("night", True),  # "overnight"
        ("worker", True),  # "caseworker"
        ("care", False),  # a short ending is as often a word's own letters ("healthcare", "scare")
        ("floods", False),
        ("time", False),
    ],
)
def test_a_word_ending_a_compound_the_reports_write_is_held(token, held):
    texts = ["children stay overnight in custody. a caseworker visits. healthcare is good. the sometime"]
    assert mentions.ends_compound(token, texts) is held
