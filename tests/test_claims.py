"""Claim check: each verdict, from report records and from passages, on the seed and a council report."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot import claims as claims_module
from bot import gate
from bot.claims import ClaimChecker, statement
from bot.config import ROOT, Settings
from bot.engine import Engine
from bot.findings import calls_for
from bot.indexing import build

try:
    from app_fixtures import engine_on
    from test_records import ILACS, SEND
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on
    from tests.test_records import ILACS, SEND

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
BARSET = "barset/children's services inspection - 25 may 2018.txt"
# The inspectorate's method text, word for word in every report (three here: Barset's and Wessex's two).
METHOD = (
    "Ofsted inspects services for children looked after, safeguarding and child protection in every local "
    "authority in England.\n\n"
)
BARSET_TEXT = (
    ILACS.split("Children in Barset receive good help.")[0]
    + METHOD
    + """1. Children in Barset receive good help when they first need it. Social workers visit promptly.

2. The council looks after 412 children. Staff turnover is 23%, which is lower than last year.

3. Care leavers do not receive enough help to find suitable homes, and too many live in unsafe places.

4. Leaders have improved the quality of supervision since the last inspection.

5. Disabled children benefit from outstanding short breaks.

6. However, some children in care who need help from mental health services are not yet receiving a timely
enough service for treatment.

7. Post-adoption support is a strength. The council gives a high level of help to families for whom adoption
features in their life.
"""
)

# Inspected in one year, published in the next; led by an inspector whose name has a capital inside it.
WESSEX = "wessex/children's services inspection - 13 february 2024.txt"
WESSEX_TEXT = (
    ILACS.replace("Barset", "Wessex")
    .replace("16 April to 20 April 2018", "4 to 15 December 2023")
    .replace("Tracey Ledder", "Fiona McAllister")
    .split("Children in Wessex receive good help.")[0]
    + METHOD
    + "1. Children in Wessex wait too long for their first assessment.\n"
)

WREKINSHIRE = "wrekinshire/area send full inspection - 20 february 2025.txt"
# A large joint inspection: two Ofsted leads beside the CQC's.
WREKINSHIRE_TEXT = (
    SEND.replace(
        "Inspection outcome\n\n",
        "Inspection outcome\n\nThere are widespread and/or systemic failings leading to significant concerns "
        "about the experiences and outcomes of children and young people with SEND.\n\n",
    )
    + "Ofsted and the Care Quality Commission (CQC) carried out the inspection jointly.\n\n"
    + "Sam Vane, Ofsted HMI, Lead Inspector Rita Hogan, CQC Inspector\n"
)

# The same organisation's area SEND report, a year after its children's services one.
WESSEX_SEND = "wessex/area send full inspection - 20 may 2025.txt"
WESSEX_SEND_TEXT = METHOD + SEND.replace("Wrekinshire", "Wessex")


@pytest.fixture(scope="module")
def checker(embedder, sources_writer, tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    base = tmp_path_factory.mktemp("claims")
    seed = (ROOT / "sources" / SEED).read_bytes()
    sources = sources_writer(
        base / "sources",
        {
            SEED: seed,
            BARSET: BARSET_TEXT,
            WESSEX: WESSEX_TEXT,
            WESSEX_SEND: WESSEX_SEND_TEXT,
            WREKINSHIRE: WREKINSHIRE_TEXT,
        },
    )
    settings = Settings(sources=sources, index=base / "index")
    build(settings, embedder)
    engine = Engine(settings, embedder)
    engine.warm()
    return ClaimChecker(engine)


def verdict(checker: ClaimChecker, claim: str):
    result = checker.check(claim)
    docs = checker.engine.index.documents
    for c in result.citations:
        assert docs[c.source].text[c.start : c.end] == c.quote, "every citation is an exact span"
    return result


@pytest.mark.parametrize(
    "claim",
    [
        "Inspectors said West Midlands Police is inconsistent in assessing risk in domestic abuse cases.",
        "according to the inspectors, west midlands police assesses domestic abuse risk inconsistently",
        "Barset Council looks after 412 children.",
        "Ofsted found that staff turnover in Barset was 23 per cent.",
        "Leaders in Barset have improved the quality of supervision.",
    ],
)
def test_supported_claims_cite_the_span_that_says_them(checker, claim):
    result = verdict(checker, claim)
    assert result.verdict == "supported", result.reason
    assert result.citations


@pytest.mark.parametrize(
    "claim, because",
    [
        (
            "West Midlands Police is consistent in how it assesses risk in domestic abuse cases.",
            "inconsistent",
        ),
        ("Barset Council looks after 421 children.", "421"),
        ("Care leavers in Barset receive enough help to find suitable homes.", "not"),
        ("Ofsted rated Barset's children's services inadequate in 2018.", "good"),
        ("Ofsted judged care leavers' experiences in Barset to be good.", "inadequate"),
        ("The 2018 inspection of Barset was led by John Smith.", "Tracey Ledder"),
        ("Ofsted rated Barset's children's services good in 2015.", "2018"),
        # the opposite said of the same thing in fewer of the claim's words
        ("Adoptive families in Barset were let down by weak post-adoption support.", "strength"),
    ],
)
def test_contradicted_claims_cite_what_says_otherwise(checker, claim, because):
    result = verdict(checker, claim)
    assert result.verdict == "contradicted", result.reason
    assert because.lower() in (result.reason + " ".join(c.quote for c in result.citations)).lower()
    assert result.citations


@pytest.mark.parametrize(
    "claim",
    [
        "Barset Council spends £4 million a year on agency social workers.",
        "West Midlands Police runs a helicopter unit with 40 pilots.",
        "Ofsted rated Loamshire's children's services outstanding.",
    ],
)
def test_claims_the_sources_do_not_make_are_not_found(checker, claim):
    result = verdict(checker, claim)
    assert result.verdict == "not_found", result.citations


@pytest.mark.parametrize(
    "claim",
    [
        "Ofsted described Barset's short breaks for disabled children as outstanding in its 2018 inspection.",
        "inspectors called barset's short breaks for disabled children outstanding",
        "Barset had 412 children in its care, Ofsted said.",
        "When Ofsted inspected Barset in 2018, the council had 412 children in its care.",
        "HMI Wendy Williams said West Midlands Police does a good job of managing offenders.",
        "west midlands police does a great job of managing offenders",
    ],
)
def test_a_finding_in_everyday_words_is_supported(checker, claim):
    result = verdict(checker, claim)
    assert result.verdict == "supported", result.reason


# "manages offenders well" sits beside "concerns about ... protecting vulnerable people": the pair holds
# every word, but the sentence about vulnerable people says the opposite
@pytest.mark.parametrize(
    "claim",
    [
        "West Midlands Police protects vulnerable people well.",
        "west midlands police looks after vulnerable people well",
        "The force does a good job of protecting vulnerable people, the inspector said.",
        "The force's approach to protecting vulnerable people is effective.",
        "The inspector was impressed by how the force protects vulnerable people.",
        # "pleased that the force has improved ... vulnerable people" holds all its words but "protects"
        "hmi wendy williams was pleased with how west midlands police protects vulnerable people",
    ],
)
def test_the_sentence_of_a_pair_that_says_the_opposite_contradicts(checker, claim):
    result = verdict(checker, claim)
    assert result.verdict == "contradicted", result.reason
    assert "concern" in " ".join(c.quote for c in result.citations)


@pytest.mark.parametrize(
    "claim",
    [
        "Barset's children in care got mental health treatment quickly enough, Ofsted found in 2018.",
        "Ofsted said children in Barset's care who need mental health help were being treated promptly.",
        "children in care in barset got a timely enough mental health service, the 2018 report said",
    ],
)
def test_a_claim_whose_clause_the_span_negates_is_contradicted(checker, claim):
    # the span says the claim in its words, but its clause about it is negated ("are not yet receiving")
    result = verdict(checker, claim)
    assert result.verdict == "contradicted", result.reason
    assert any("not yet receiving" in c.quote for c in result.citations), [c.quote for c in result.citations]


def test_in_good_time_grades_nothing(checker):
    result = verdict(checker, "Ofsted said Barset's children in care got mental health help in good time.")
    assert "grade" not in result.reason, result.reason


@pytest.mark.parametrize(
    "claim",
    [
        "wessex had lots of children's services in 2023",
        "Ofsted said Wessex had many children's services in December 2023.",
    ],
)
def test_a_report_s_title_and_dates_state_no_finding(checker, claim):
    # "Inspection of Wessex local authority children's services" beside "Inspection dates: 4 to 15 December
    # 2023" holds the claim's words, and says nothing the report found
    result = verdict(checker, claim)
    assert result.verdict != "supported", [c.quote for c in result.citations]


def test_a_concern_about_another_subject_beside_a_praise_does_not_contradict_it(checker):
    # "manages offenders well", then "concerns about ... protecting vulnerable people"
    result = verdict(checker, "Inspectors praised the force's handling of offenders.")
    assert result.verdict != "contradicted", result.citations


@pytest.mark.parametrize(
    "claim",
    [
        "Ofsted found that Wessex had no safeguarding services.",
        "wessex has no child protection services, ofsted said",
    ],
)
def test_method_text_every_report_repeats_neither_supports_nor_contradicts(checker, claim):
    # Wessex's reports say nothing of these but in the method text they share with Barset's
    result = verdict(checker, claim)
    assert result.verdict == "not_found", result.citations


def test_grade_and_inspector_claims_are_checked_against_the_record(checker):
    right = verdict(checker, "Ofsted rated Barset's children's services good.")
    assert right.verdict == "supported" and right.citations[0].quote == "Overall effectiveness  Good"
    led = verdict(checker, "Tracey Ledder led the inspection of Barset.")
    assert led.verdict == "supported" and "Lead inspector: Tracey Ledder" in led.citations[0].quote


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Tracey Ledder wrote the 2018 report on Barset.", "supported"),
        ("The Barset inspection report was written by Tracey Ledder.", "supported"),
        ("John Smith wrote Barset's 2018 report.", "contradicted"),
    ],
)
def test_who_wrote_a_report_is_its_lead_inspector(checker, claim, expected):
    result = verdict(checker, claim)
    assert result.verdict == expected, result.reason
    assert "Lead inspector: Tracey Ledder" in result.citations[0].quote


@pytest.mark.parametrize(
    ("claim", "expected", "line"),
    [
        ("Ofsted inspected Barset in April 2018.", "supported", "16 April to 20 April 2018"),
        ("inspectors were in Barset in May 2018", "contradicted", "16 April to 20 April 2018"),
        ("Wessex was inspected in December 2023.", "supported", "4 to 15 December 2023"),
        # published in 2024, inspected in 2023
        ("Ofsted inspected Wessex's children's services in 2024.", "contradicted", "4 to 15 December 2023"),
    ],
)
def test_when_an_inspection_took_place_is_checked_against_the_record(checker, claim, expected, line):
    result = verdict(checker, claim)
    assert result.verdict == expected, result.reason
    assert line in result.citations[0].quote


@pytest.mark.parametrize(
    "claim",
    [
        "Leaders in Barset have improved supervision since it was inspected in 2014.",
        "Barset Council looked after 413 children when Ofsted inspected in April 2018.",
    ],
)
def test_what_was_so_around_an_inspection_is_no_claim_of_its_dates(checker, claim):
    result = verdict(checker, claim)
    assert not result.reason.startswith("The report states inspection dates"), result.reason


def test_an_institution_named_in_a_claim_is_not_taken_for_the_inspector(checker):
    result = verdict(checker, "Ofsted wrote in its report that Barset Council looks after 412 children.")
    assert result.verdict == "supported", result.reason
    assert "412 children" in result.citations[0].quote


@pytest.mark.parametrize(
    "claim",
    [
        "Fiona McAllister led the inspection of Wessex.",
        "The lead inspector of Wessex's 2023 children's services inspection was Fiona McAllister.",
        "wessex's december 2023 inspection was led by Fiona McAllister",
        "Ofsted's 2024 report on Wessex was led by Fiona McAllister.",
    ],
)
def test_a_lead_inspector_with_a_capital_inside_the_name_is_found(checker, claim):
    # A report is from the year it was inspected (December 2023) as well as the year it was published (2024).
    result = verdict(checker, claim)
    assert result.verdict == "supported", result.reason
    assert "Lead inspector: Fiona McAllister" in result.citations[0].quote


@pytest.mark.parametrize(
    "claim",
    [
        "The lead inspector of Wessex's 2023 inspection was Tracey Ledder.",
        "Tracey Ledder led Wessex's December 2023 children's services inspection.",
    ],
)
def test_another_report_s_inspector_named_for_a_report_is_contradicted(checker, claim):
    # The named inspector led another council's report; the claim is about Wessex's, whoever led it.
    result = verdict(checker, claim)
    assert result.verdict == "contradicted", result.reason
    assert "Fiona McAllister" in result.reason


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Inspectors found widespread failings in Wrekinshire's SEND services.", "supported"),
        ("wrekinshire send inspection: significant concerns about outcomes", "supported"),
        (
            "Ofsted said Wrekinshire's SEND arrangements typically lead to positive experiences.",
            "contradicted",
        ),
        ("The SEND inspection in Wrekinshire found inconsistent experiences for children.", "contradicted"),
    ],
)
def test_a_send_outcome_is_checked_against_the_report_s_outcome(checker, claim, expected):
    result = verdict(checker, claim)
    assert result.verdict == expected, result.reason
    assert result.citations[0].quote.startswith("Inspection outcome")


@pytest.mark.parametrize(
    "claim",
    [
        "Ofsted inspected Wessex's children's services in 2025.",
        "wessex children's services were inspected by ofsted in 2025",
    ],
)
def test_a_year_with_only_another_kind_of_report_is_the_wrong_year(checker, claim):
    # Wessex's 2025 report is its area SEND one; its children's services were inspected in December 2023.
    result = verdict(checker, claim)
    assert result.verdict == "contradicted", result.reason
    assert "December 2023" in " ".join(c.quote for c in result.citations)


def test_outcome_words_in_a_claim_not_about_send_are_not_a_send_outcome(checker):
    result = verdict(checker, "Children in care in Wrekinshire have positive experiences.")
    assert "inspection outcome" not in result.reason


def test_attribution_is_not_part_of_the_claim():
    assert statement("Inspectors said that the force was slow.") == "The force was slow."
    assert statement("According to Ofsted, Barset is good.") == "Barset is good."
    # whatever a claim is according to is its attribution
    assert statement("According to the latest figures inspectors were shown, every CAF was on time.") == (
        "Every CAF was on time."
    )
    assert statement("Barset is good.") == "Barset is good."
    assert statement("Barset looks after 412 children, Ofsted's 2018 report noted.") == (
        "Barset looks after 412 children."
    )
    assert statement("Care plans start at 14, according to the 2024 area SEND inspection") == (
        "Care plans start at 14."
    )
    assert statement("barset is slow, inspectors said in 2019.") == "Barset is slow."
    # a report's summary for children tells them
    assert statement("Many care leavers go to university, Ofsted's 2015 report told young people.") == (
        "Many care leavers go to university."
    )
    assert statement("Few children wait long, the inspection tells children in Barset.") == (
        "Few children wait long."
    )
    assert statement("Ofsted's report on Barset, published in May 2018, said care plans are weak.") == (
        "Care plans are weak."
    )
    assert statement("Ofsted, in its 2019 report, said Barset is slow.") == "Barset is slow."
    # when the inspection was, at the end: which report, not what was said
    assert statement("Barset had no children's homes of its own when Ofsted inspected in 2016.") == (
        "Barset had no children's homes of its own."
    )
    assert statement("Care leavers were well supported when inspectors visited in March 2023") == (
        "Care leavers were well supported."
    )
    # a verb taking an object frames only a clause begun with "that": "praised leaders" is what was said
    assert statement("Inspectors praised leaders.") == "Inspectors praised leaders."
    # ... but what a report described or called a thing "as" is what it said of it
    assert statement("Ofsted described Barset's help as good.") == "Barset's help as good."
    assert statement("Inspectors rated the door as weak in the 2019 report") == "The door as weak."
    # the report named after the claim without a comma frames it too
    assert statement("Caseloads were high in its 2023 inspection.") == "Caseloads were high."
    assert statement("Caseloads were high in the north of the county.") == (
        "Caseloads were high in the north of the county."
    )
    assert statement("Ofsted highlighted that plans are weak.") == "Plans are weak."
    # a report named by its kind frames it too; another assessment does not
    assert statement("The 2023 area SEND inspection found that all parents know.") == "All parents know."
    assert statement("The social work assessment found that risks were high.") == (
        "The social work assessment found that risks were high."
    )
    # whoever said it, however the report is named, and where and when they said it
    assert statement("Barset's 2024 area SEND inspection found there were no children waiting.") == (
        "There were no children waiting."
    )
    assert statement("The December 2024 area SEND inspection of Barset found that plans are late.") == (
        "Plans are late."
    )
    assert statement("Ofsted said in 2016 that Barset's team made sure every child was seen.") == (
        "Barset's team made sure every child was seen."
    )
    assert statement("In its 2025 report on Barset, Wessex and Poole, Ofsted said caseloads fell.") == (
        "Caseloads fell."
    )
    assert statement("ofsted's 2018 report on barset found that, although improving, few were in work") == (
        "Although improving, few were in work"
    )
    # the time of the inspection frames a claim as its attribution does
    assert (
        statement("When Ofsted inspected Barset in July 2023, caseloads were high.") == "Caseloads were high."
    )
    assert statement("when inspectors visited in 2019, they found that plans were weak") == "Plans were weak"
    assert statement("During the 2019 inspection, leaders were praised.") == "Leaders were praised."
    assert statement("When children go missing, return interviews are late.") == (
        "When children go missing, return interviews are late."
    )
    # a clause after a comma that attributes nothing stays
    assert statement("Barset looks after 412 children, a figure that has risen.") == (
        "Barset looks after 412 children, a figure that has risen."
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("According to Ofsted's 2018 report, Barset looks after 412 children.", "supported"),
        ("Barset looks after 412 children, Ofsted's 2018 report noted.", "supported"),
        ("barset council looks after 412 children, inspectors said in 2018", "supported"),
    ],
)
def test_the_attribution_sets_the_report_and_the_rest_is_checked(checker, claim, expected):
    result = verdict(checker, claim)
    assert result.verdict == expected, result.reason


@pytest.mark.parametrize(
    "claim",
    [
        "John Smith led the 2018 inspection that rated Barset's children's services good.",
        "The 2018 Barset inspection, led by John Smith, judged its children's services good overall.",
    ],
)
def test_every_fact_a_claim_states_of_a_report_must_hold(checker, claim):
    # The grade is right, the lead inspector is not.
    result = verdict(checker, claim)
    assert result.verdict == "contradicted", result.reason
    assert "Tracey Ledder" in result.reason


@pytest.mark.parametrize(
    "claim",
    [
        "Ofsted described Barset's short breaks for disabled children as outstanding.",
        "inspectors said disabled children in barset get outstanding short breaks",
    ],
)
def test_a_grade_word_praising_something_else_is_not_the_report_s_grade(checker, claim):
    # Barset's overall grade is good; the passage praises its short breaks as outstanding.
    result = verdict(checker, claim)
    assert result.verdict == "supported", result.reason
    assert "short breaks" in result.citations[0].quote


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Barset got a good rating from Ofsted.", "supported"),
        ("barset was given a good ofsted grade", "supported"),
        ("Barset was awarded a good grade by inspectors.", "supported"),
        ("Barset received an outstanding rating from Ofsted.", "contradicted"),
    ],
)
def test_a_rating_claimed_is_a_grade_checked_against_the_record(checker, claim, expected):
    result = verdict(checker, claim)
    assert result.verdict == expected, result.reason
    assert result.citations[0].quote == "Overall effectiveness  Good"


def test_a_wrong_grade_in_any_spelling_of_requires_improvement_is_contradicted(checker):
    result = verdict(checker, "Ofsted judged Barset's children's services to require improvement to be good.")
    assert result.verdict == "contradicted", result.reason


def test_cli_check_json(checker):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env |= {"BOT_INDEX": str(checker.engine.settings.index), "HF_HUB_OFFLINE": "1"}
    claims = ["Barset Council looks after 412 children.", "Barset Council looks after 413 children."]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check", *claims, "--json"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0 and not done.stderr, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["verdict"] for r in records] == ["supported", "contradicted"]
    assert set(records[0]) == {"claim", "verdict", "citations", "reason", "receipt"}
    assert records[0]["receipt"]["index"] == records[1]["receipt"]["index"]
    assert {"n", "source", "quote", "start", "end", "page", "paragraph", "support"} <= set(
        records[0]["citations"][0]
    )


@pytest.mark.parametrize(
    ("item", "calls_for_it"),
    [
        ("The clarity and detail of the care leaver offer, including for care leavers who are parents", True),
        ("Access for all children to life-story work.", True),
        ("Support for care leavers who are parents.", True),
        ("Ensure that young people who have to move to the mainland are supported.", True),
        ("8. Improve oversight of children in care with substance misuse difficulties.", True),
        ("Leaders should make sure that plans are reviewed.", True),
        ("Children wait too long for their first assessment.", False),
        ("Care leavers are not helped to find homes.", False),
    ],
)
def test_an_item_to_improve_that_names_an_area_or_says_what_to_do_is_told_from_a_finding(item, calls_for_it):
    # such an item supports only a claim that something needs doing ("care leavers get a clear offer" is not
    # what "The clarity ... of the care leaver offer" under "What needs to improve" says)
    assert calls_for(item) is calls_for_it


KENTSHIRE_TEXT = (
    ILACS.replace("Barset", "Kentshire").split("What needs to improve?")[0]
    + METHOD
    + """Recommendations

1. Improve oversight of children in care who misuse drugs or alcohol, so that services meet their needs.

2. Increase scrutiny of practice for privately fostered children and raise awareness of the notification
process among schools.

Children in care

3. Children in care live in stable homes and most see their social worker often.
"""
)


@pytest.fixture(scope="module")
def recommending(embedder, tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    name = "kentshire/children's services inspection - 11 june 2018.txt"
    return ClaimChecker(engine_on(tmp_path_factory.mktemp("recommending"), {name: KENTSHIRE_TEXT}, embedder))


@pytest.mark.parametrize(
    "claim",
    [
        "Oversight of Kentshire's children in care who misuse drugs or alcohol had improved, Ofsted found.",
        "Kentshire's schools were well aware of how to notify the council of private fostering.",
        "ofsted said scrutiny of practice for privately fostered children in kentshire had increased",
    ],
)
def test_a_recommendation_does_not_support_a_claim_that_it_is_so(recommending, claim):
    assert verdict(recommending, claim).verdict != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Ofsted told Kentshire to improve oversight of children in care who misuse drugs or alcohol.",
        "Inspectors said Kentshire needs to raise awareness of private fostering notification among schools.",
        "kentshire must increase scrutiny of practice for privately fostered children, ofsted recommended",
    ],
)
def test_a_recommendation_supports_a_claim_that_it_needs_doing(recommending, claim):
    result = verdict(recommending, claim)
    assert result.verdict == "supported", result.reason
    assert "Recommendations" not in result.citations[0].quote


# A long report whose many findings share a claim's other words ("oversight ... weak ... children at home"),
# and one paragraph, far down its passages, that says the opposite of the claim.
_AREAS = [
    "assessments", "child protection plans", "supervision", "case records", "strategy meetings", "care plans",
    "pathway plans", "return home interviews", "private fostering", "early help", "placement decisions",
    "permanence planning", "disabled children's plans", "referrals", "core groups", "pre-proceedings work",
    "audits", "performance data", "team meetings", "contingency plans", "family time", "life story work",
    "health assessments", "reviews of plans", "allocation of work", "transfers between teams",
]  # fmt: skip
_FINDINGS = [
    f"Management oversight of {area} for children at home is weak. Managers do not always record the "
    f"rationale for decisions about {area}, and leaders' oversight of how well children are educated and "
    "kept safe at home is weak."
    for area in _AREAS + [f"{a} for older children" for a in _AREAS]
]
_ROBUST = (
    "The local authority has robust systems in place to support children who are home educated and to "
    "monitor the quality of provision."
)
LOAMSHIRE_TEXT = (
    ILACS.replace("Barset", "Loamshire").split("Children in Loamshire receive good help.")[0]
    + "\n\n".join(_FINDINGS[:45] + [_ROBUST] + _FINDINGS[45:])
    + "\n"
)


@pytest.fixture(scope="module")
def long_report(embedder, sources_writer, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    base = tmp_path_factory.mktemp("long")
    name = "loamshire/children's services inspection - 10 may 2019.txt"
    sources = sources_writer(base / "sources", {name: LOAMSHIRE_TEXT})
    settings = Settings(sources=sources, index=base / "index")
    build(settings, embedder)
    engine = Engine(settings, embedder)
    engine.warm()
    return engine


def test_a_claim_is_checked_against_passages_deep_in_a_long_report(long_report):
    claim = "Ofsted's 2019 inspection found Loamshire's oversight of home-educated children was weak."
    result = ClaimChecker(long_report).check(claim)
    assert result.verdict == "contradicted"
    assert "robust systems" in result.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "What led inspectors to find positive experiences for children with SEND in Wrekinshire?",
        "I heard Wrekinshire's SEND inspection found positive experiences and outcomes. What went right?",
    ],
)
def test_a_send_outcome_taken_for_granted_that_the_report_did_not_state_is_refused(checker, question):
    answer = checker.engine.ask(question)
    assert answer.refused and "for granted" in answer.reason, answer.answer
    assert "significant concerns" in answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "What led inspectors to find widespread failings in Wrekinshire's SEND?",
        "why were wrekinshire's special needs services failing across the board",
        "I heard Wrekinshire's SEND services were failing right across the area. What caused that?",
    ],
)
def test_a_send_outcome_the_report_states_is_not_a_false_premise(checker, question):
    answer = checker.engine.ask(question)
    assert "for granted" not in (answer.reason or ""), answer.answer


@pytest.mark.parametrize(
    "claim",
    [
        "Ofsted's 2018 report said Barset had last been inspected in 2012, when it was judged good.",
        "Barset had last been rated good in 2012, the 2018 report said.",
    ],
)
def test_a_grade_given_at_an_earlier_inspection_is_not_supported_by_this_report_s_grade(checker, claim):
    # Barset's 2018 report grades it good; what an earlier inspection found is not what this one graded.
    assert verdict(checker, claim).verdict != "supported"


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Sam Vane led Wrekinshire's area SEND inspection.", "supported"),  # the second Ofsted lead
        ("Lee Carey was the CQC lead inspector for the Wrekinshire SEND inspection", "supported"),
        ("Jo Petch led the wrekinshire send inspection", "supported"),
        ("Anna Gravelle led Wrekinshire's area SEND inspection.", "contradicted"),  # on the team, no lead
        ("Rita Hogan led the Wrekinshire SEND inspection.", "contradicted"),
        # the CQC's lead, named as Ofsted's
        ("The Ofsted lead inspector for Wrekinshire's SEND inspection was Lee Carey.", "contradicted"),
        # the commission written out
        ("The Care Quality Commission's lead inspector for Wrekinshire's SEND was Jo Petch.", "contradicted"),
    ],
)
def test_every_lead_of_a_joint_inspection_led_it(checker, claim, expected):
    result = verdict(checker, claim)
    assert result.verdict == expected, result.reason


def test_a_figure_given_for_something_else_contradicts_the_claim():
    # the span gives the claim's 94.9% for pathway plans, and its own 97.6% for what is claimed
    text = "Staff were in touch with 97.6% of care leavers. Pathway plans on time are equally high, at 94.9%."
    span = gate.Span("b.txt", 0, len(text), text)
    said = "Barset's staff kept in touch with 94.9% of its care leavers."
    assert claims_module._contradicts(said, gate.Verdict(said, conflict=span, conflict_kind="number"))
    # a span that gives no figure for it says less, not otherwise
    other = gate.Span("b.txt", 0, 40, "Staff keep in touch with care leavers.")
    assert not claims_module._contradicts(said, gate.Verdict(said, conflict=other, conflict_kind="number"))


@pytest.mark.parametrize(
    "text",
    [
        "Barset set up its exploitation team in November 2012, and raised awareness.",
        "Barset set up its exploitation team in November 2012.",
        "In 2012, Barset set up its exploitation team.",
    ],
)
def test_another_year_contradicts_a_claimed_year_whatever_follows_it(text):
    span = gate.Span("b.txt", 0, len(text), text)
    said = "Barset set up its exploitation team in November 2013."
    assert claims_module._contradicts(said, gate.Verdict(said, conflict=span, conflict_kind="number"))
