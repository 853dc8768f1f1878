"""Report records: each fact's value and the span that states it, several layouts per fact; index and CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot import findings, inspection_team, records, store
from bot.embedding import FakeEmbedder
from bot.indexing import build, index_settings
from bot.records import Fact, Finding, Judgement, Record, extract
from bot.schema import Document

ROOT = Path(__file__).resolve().parents[1]

ILACS = """Inspection of Barset local authority children’s services

Inspection dates: 16 April to 20 April 2018

Lead inspector: Tracey Ledder, His Majesty’s Inspector

Judgement Grade

The impact of leaders on social work practice with children and families  Good

The experiences and progress of children who need help and protection  Requires improvement to be good

The experiences and progress of children in care  Outstanding

The experiences and progress of care leavers  Inadequate

Overall effectiveness  Good

Children in Barset receive good help.

What needs to improve?

◼ The timeliness of assessments for disabled children.

◼ Support for care leavers who are parents. (Outcome four, National Framework)

The experiences and progress of children who need help and protection: requires improvement to be good

1. Children are seen promptly. The next inspection will be within approximately three years.

2. Leaders know their services well.
"""

SEND = """Local area partnership report

Area SEND inspection of Wrekinshire Local Area Partnership

Inspection dates: 13 January 2015 – 4 February 2015

Dates of previous inspection: 9 to 12 March 2010

Inspection outcome

The next full area SEND inspection will be within approximately five years.

Ofsted and CQC ask that the local area partnership updates its strategic plan.

Areas for priority action

Responsible body Areas for priority action

Wrekinshire County Council and NHS Wrekinshire ICB

Leaders from the local authority and ICB should urgently improve the timeliness of EHC plans.

Areas for improvement

Leaders across the partnership should continue to improve how they communicate with families.

Local area partnership details

Jo Petch, Ofsted HMI, lead inspector Lee Carey, CQC Lead inspector Anna Gravelle, Ofsted HMI
"""

OLD = """Borsetshire County Council

Inspection of services for children in need of help and protection, children looked after and care leavers

and Review of the LSCB Inspection date: 6 March to 30 March 2017 Report published: 13 June 2017

The overall judgement is requires improvement

1. Children who need help and protection  Requires improvement

2.1 Adoption performance  Good

3. Leadership, management and governance  Not judged

What does the local authority need to improve?

Priority and immediate action

1. Ensure that children wait less for adoption.

Areas for improvement

Help and protection

2. Improve the quality of assessments.

3. Ensure plans say what must change.

The local authority’s strengths

4. Social workers know children well.

Lead inspector: Helen Cawston HMI.

Deputy lead inspector: Julie Knight
"""


def doc(text: str, source: str = "r.pdf") -> Document:
    return Document(source, text, {})


def stated(text: str, fact: Fact | None) -> str:
    assert fact is not None
    return text[fact.start : fact.end]


def test_ilacs_cover_facts_and_their_spans():
    r = extract(doc(ILACS))
    assert r.organisation.value == "Barset"
    assert stated(ILACS, r.organisation) == "Inspection of Barset local authority children’s services"
    assert r.report_type.value == "Inspection of local authority children's services"
    assert r.inspection_dates.value == ["2018-04-16", "2018-04-20"]
    assert stated(ILACS, r.inspection_dates) == "Inspection dates: 16 April to 20 April 2018"
    assert r.lead_inspector.value == "Tracey Ledder"
    assert stated(ILACS, r.lead_inspector) == "Lead inspector: Tracey Ledder, His Majesty’s Inspector"
    assert r.published is None and r.inspectorate is None and r.previous_inspection is None


def test_ilacs_grade_table_rows_normalised_and_first_of_each_area():
    r = extract(doc(ILACS))
    grades = {j.area: j.grade for j in r.judgements}
    assert grades == {
        "The impact of leaders on social work practice with children and families": "good",
        "The experiences and progress of children who need help and protection": "requires improvement",
        "The experiences and progress of children in care": "outstanding",
        "The experiences and progress of care leavers": "inadequate",
        "Overall effectiveness": "good",
    }
    overall = r.judgements[-1]
    assert ILACS[overall.start : overall.end] == "Overall effectiveness  Good"


def test_findings_are_the_listed_items_only():
    r = extract(doc(ILACS))
    assert [f.label for f in r.findings] == ["What needs to improve"] * 2
    assert r.findings[0].text == "The timeliness of assessments for disabled children."
    assert all(ILACS[f.start : f.end] == f.text for f in r.findings)


def test_next_inspection_sentence():
    r = extract(doc(ILACS))
    assert r.next_inspection.value == "within approximately three years"
    assert stated(ILACS, r.next_inspection) == "The next inspection will be within approximately three years."


def test_send_layout():
    r = extract(doc(SEND))
    assert r.organisation.value == "Wrekinshire"
    assert r.report_type.value == "Area SEND inspection"
    assert r.inspection_dates.value == ["2015-01-13", "2015-02-04"]  # across months, en dash
    assert r.previous_inspection.value == ["2010-03-09", "2010-03-12"]
    assert r.inspectorate.value == "Ofsted"
    assert stated(SEND, r.inspectorate).startswith("Ofsted and CQC ask")
    assert r.lead_inspector.value == "Jo Petch"
    assert stated(SEND, r.lead_inspector) == "Jo Petch, Ofsted HMI, lead inspector"
    assert r.next_inspection.value == "within approximately five years"
    assert [(f.label, f.text[:25]) for f in r.findings] == [
        ("Areas for priority action", "Leaders from the local au"),
        ("Areas for improvement", "Leaders across the partne"),
    ]
    assert r.judgements == ()


@pytest.mark.parametrize(
    ("outcome", "label"),
    [
        (
            "The local area partnership’s arrangements typically lead to positive experiences and outcomes "
            "for children and young people with special educational needs and/or disabilities (SEND).",
            "positive experiences and outcomes",
        ),
        (
            "The local area partnership’s arrangements lead to inconsistent experiences and outcomes for "
            "children and young people with SEND.",
            "inconsistent experiences and outcomes",
        ),
        (
            "There are widespread and/or systemic failings leading to significant concerns about the "
            "experiences and outcomes of children and young people with SEND, which the local area "
            "partnership must address urgently.",
            "significant concerns",
        ),
    ],
)
def test_a_send_report_s_outcome_is_its_judgement(outcome, label):
    text = SEND.replace(
        "Inspection outcome\n\n", f"Inspection outcome\n\n{outcome} The partnership must act.\n\n"
    )
    r = extract(doc(text))
    assert [(j.area, j.grade) for j in r.judgements] == [("Inspection outcome", label)]
    assert stated(text, r.judgements[0]) == f"Inspection outcome\n\n{outcome}"


def test_older_framework_layout():
    r = extract(doc(OLD))
    assert r.organisation.value == "Borsetshire County Council"
    assert r.report_type.value.startswith(
        "Inspection of services for children in need of help and protection"
    )
    assert r.inspection_dates.value == ["2017-03-06", "2017-03-30"]
    assert stated(OLD, r.inspection_dates) == "Inspection date: 6 March to 30 March 2017"
    assert r.published.value == "2017-06-13"
    assert stated(OLD, r.published) == "Report published: 13 June 2017"
    assert r.lead_inspector.value == "Helen Cawston"  # the deputy is not the lead
    grades = [(j.area, j.grade) for j in r.judgements]
    assert grades == [
        ("Overall judgement", "requires improvement"),
        ("Children who need help and protection", "requires improvement"),
        ("Adoption performance", "good"),
    ]  # "Not judged" is no grade
    texts = [f.text for f in r.findings]
    assert texts == [
        "Ensure that children wait less for adoption.",
        "Improve the quality of assessments.",
        "Ensure plans say what must change.",
    ]  # the strengths that follow are not findings


# The older framework states its overall judgement as a sentence of its own under the dates; a sentence
# going on after the grade ("are good and improving. Senior leaders ...") is a summary, not the judgement.
@pytest.mark.parametrize(
    ("line", "grade"),
    [
        ("Children’s services in Borsetshire require improvement to be good", "requires improvement"),
        ("Children’s services in London Borough of Borset are good.", "good"),
        ("Children's services in Borset are inadequate", "inadequate"),
        ("Children’s services in the Isles of Borset are outstanding.", "outstanding"),
    ],
)
def test_the_older_framework_s_overall_sentence_is_its_overall_judgement(line, grade):
    text = OLD.replace("The overall judgement is requires improvement", line)
    overall = extract(doc(text)).judgements[0]
    assert (overall.area, overall.grade) == ("Overall judgement", grade)
    assert text[overall.start : overall.end] == line


def test_a_summary_sentence_going_on_after_a_grade_is_no_judgement():
    text = OLD.replace(
        "The overall judgement is requires improvement",
        "Children’s services in Borset are good and improving. Senior leaders are ambitious.",
    )
    assert extract(doc(text)).judgements[0].area == "Children who need help and protection"


@pytest.mark.parametrize(
    "line, first, last",
    [
        ("Inspection dates: 17 to 21 March 2025", "2025-03-17", "2025-03-21"),
        ("Inspection dates: 9 to 13 December 2024", "2024-12-09", "2024-12-13"),
        ("Inspection dates: 6 March to 30 March 2017", "2017-03-06", "2017-03-30"),
        ("Inspection dates: 13 January 2015 – 4 February 2015", "2015-01-13", "2015-02-04"),
        ("Inspection dates: 29 December to 9 January 2025", "2024-12-29", "2025-01-09"),
        ("Inspection date: 2 June 2014", "2014-06-02", "2014-06-02"),
        ("Inspection date: 12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06"),
    ],
)
def test_inspection_date_layouts(line, first, last):
    text = f"Cover\n\n{line}\n\nMore text."
    fact = extract(doc(text)).inspection_dates
    assert fact.value == [first, last]
    assert text[fact.start : fact.end] == line


@pytest.mark.parametrize(
    "line, name",
    [
        ("Lead inspector: Jan Edwards Her Majesty’s Inspector", "Jan Edwards"),
        ("Lead inspector: Steve Lowe, Her Majesty’s Inspector", "Steve Lowe"),
        ("Lead inspector: Donna Marriott HMI", "Donna Marriott"),
        ("Andrew Wright HMI, Ofsted Lead inspector Claire Mason, CQC lead inspector", "Andrew Wright"),
        ("Leanne Thirlby, Ofsted HMI Lead inspector Daniel Carrick, CQC Lead inspector", "Leanne Thirlby"),
        ("Jenny-ellen Scotland, Ofsted HMI, Lead Inspector", "Jenny-ellen Scotland"),
    ],
)
def test_lead_inspector_layouts(line, name):
    text = f"Report\n\n{line}\n"
    fact = extract(doc(text)).lead_inspector
    assert fact.value == name
    assert name in text[fact.start : fact.end] and "nspector" in text[fact.start : fact.end]


def test_seed_title_names_inspector_force_and_inspectorate(seed_text):
    r = extract(doc(seed_text, "seed.txt"))
    title = "HMI Wendy Williams' assessment of West Midlands Police – Transcript"
    assert (r.lead_inspector.value, stated(seed_text, r.lead_inspector)) == ("Wendy Williams", title)
    assert (r.organisation.value, stated(seed_text, r.organisation)) == ("West Midlands Police", title)
    assert r.report_type.value == "PEEL assessment"
    assert r.inspectorate.value == "HMIC" and "HMIC" in stated(seed_text, r.inspectorate)
    assert r.inspection_dates is None and r.judgements == ()


def test_a_document_that_states_nothing_has_no_facts():
    r = extract(doc("Minutes of the parish council.\n\nThe hall roof needs repair. Tea was good."))
    assert r.facts() == {} and r.judgements == () and r.findings == ()
    assert r.to_json() == {
        "source": "r.pdf",
        **{name: None for name in records.FACT_NAMES},
        "judgements": [],
        "findings": [],
    }


def test_every_span_states_its_value():
    for text in (ILACS, SEND, OLD):
        r = extract(doc(text))
        for fact in r.facts().values():
            span = text[fact.start : fact.end]
            values = fact.value if isinstance(fact.value, list) else [fact.value]
            assert all(v[:4] in span or v.split()[0] in span or v.endswith("services") for v in values)
        for j in r.judgements:
            assert j.grade.split()[0] in text[j.start : j.end].lower()


def test_json_round_trip_follows_the_contract():
    r = extract(doc(ILACS))
    data = json.loads(json.dumps(r.to_json()))
    assert list(data)[:8] == [
        "source",
        "organisation",
        "inspectorate",
        "report_type",
        "inspection_dates",
        "published",
        "lead_inspector",
        "next_inspection",
    ]
    assert set(data["inspection_dates"]) == {"value", "start", "end"}
    assert set(data["judgements"][0]) == {"area", "grade", "start", "end"}
    assert set(data["findings"][0]) == {"label", "text", "start", "end"}
    assert Record.from_json(data) == r
    assert isinstance(r.judgements[0], Judgement) and isinstance(r.findings[0], Finding)


# --- the index ---------------------------------------------------------------------------------------


def test_build_writes_records_and_load_reads_or_recomputes_them(make_settings):
    settings = make_settings({"barset/report.txt": ILACS})
    fake = FakeEmbedder()
    report = build(settings, fake)
    gen = Path(report.index)
    lines = (gen / store.RECORDS).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    index = store.load(settings.index, index_settings(settings, fake))
    assert index.records["barset/report.txt"].lead_inspector.value == "Tracey Ledder"
    (gen / store.RECORDS).unlink()  # a generation built before records existed
    older = store.load(settings.index, index_settings(settings, fake))
    assert older.records == index.records


# --- the CLI -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory, sources_writer):
    """A real-model index over the seed and a small ILACS-like report."""
    sys.path.insert(0, str(Path(__file__).parent))
    from test_cli import run

    root = tmp_path_factory.mktemp("records-cli")
    sources = sources_writer(root / "sources", {"barset/report.txt": ILACS, "seed.txt": ILACS[:60]})
    index = root / "index"
    done = run("build", "--sources", sources, "--index", index, "--json")
    assert done.returncode == 0, done.stderr
    return index, run


def test_records_json_one_object_per_document(cli_index):
    index, run = cli_index
    done = run("records", "--json", "--index", index)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["source"] for r in out] == ["barset/report.txt", "seed.txt"]
    barset = out[0]
    assert barset["inspection_dates"]["value"] == ["2018-04-16", "2018-04-20"]
    assert barset["judgements"][-1] == {"area": "Overall effectiveness", "grade": "good"} | {
        k: barset["judgements"][-1][k] for k in ("start", "end")
    }
    one = run("records", "barset/report.txt", "--json", "--index", index)
    assert [json.loads(line) for line in one.stdout.splitlines()] == [barset]
    show = json.loads(run("show", "barset/report.txt", "--json", "--index", index).stdout)
    assert show["record"] == barset and "text" in show


def test_records_human_text_and_unknown_source(cli_index):
    index, run = cli_index
    human = run("records", "barset/report.txt", "--index", index)
    assert "lead inspector: Tracey Ledder" in human.stdout
    bad = run("records", "nope.pdf", "--json", "--index", index)
    assert bad.returncode != 0 and bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1 and "nope.pdf" in bad.stderr


# --- the real corpus ---------------------------------------------------------------------------------


def test_agreement_with_the_ofsted_catalog(shared_dir):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import records_bench

    summary = records_bench.run()["summary"]
    assert summary["spans_not_stating_value"] == 0
    low = {name: f["percent"] for name, f in summary["fields"].items() if f["percent"] < 98}
    assert not low, low


def test_records_without_an_index_is_one_line_naming_the_build_command(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from test_cli import one_line_error, run

    assert "python -m bot build" in one_line_error(run("records", "--json", index=tmp_path / "no-index"))


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "There are widespread and/or systemic failings leading to significant concerns",
            "significant concerns",
        ),
        ("Barset's special needs services were failing across the board", "significant concerns"),
        ("failures right across the partnership's services", "significant concerns"),
        (
            "arrangements typically lead to positive experiences and outcomes",
            "positive experiences and outcomes",
        ),
        ("children failing their exams", None),  # failing, but not the services, nor everywhere
    ],
)
def test_a_send_outcome_is_read_as_the_report_or_a_question_says_it(text, outcome):
    assert findings.outcome_in(text) == outcome


def test_the_lead_of_each_inspectorate_of_a_joint_inspection_is_read_from_its_team_list():
    text = (
        "Inspection team\n"
        "Andrew Wright HMI, Ofsted Lead inspector Claire Mason, CQC lead inspector\n"
        "Chris Pollitt, Ofsted HMI, Lead Inspector Kaye Goodfellow, CQC Lead Inspector\n"
    )
    cqc = inspection_team.lead_of(text, "CQC")
    assert cqc is not None and (cqc.value, text[cqc.start : cqc.end]) == (
        "Claire Mason",
        "Claire Mason, CQC lead inspector",
    )
    # not "Lead Inspector"
    assert inspection_team.lead_of(text.split("\n", 2)[2], "CQC").value == "Kaye Goodfellow"
    assert inspection_team.lead_of(text, "HMICFRS") is None


def test_every_lead_of_one_inspectorate_is_read_from_a_team_list():
    text = SEND + "Sam Vane, Ofsted HMI, Lead Inspector Rita Hogan, CQC Inspector\n"
    leads = inspection_team.leads_of(text, "Ofsted")
    assert [(f.value, text[f.start : f.end]) for f in leads] == [
        ("Jo Petch", "Jo Petch, Ofsted HMI, lead inspector"),
        ("Sam Vane", "Sam Vane, Ofsted HMI, Lead Inspector"),
    ]
    assert [f.value for f in inspection_team.leads_of(text, "CQC")] == [
        "Lee Carey"
    ]  # Rita Hogan leads nothing


def test_the_deputy_lead_is_read_from_its_own_line_and_is_not_the_lead():
    text = "Lead inspector: Shirley Bailey\nDeputy lead inspector: Sue Myers, Her Majesty’s Inspector\nReport"
    deputy = inspection_team.deputy_lead(text)
    assert deputy is not None and deputy.value == "Sue Myers"
    assert text[deputy.start : deputy.end] == "Deputy lead inspector: Sue Myers, Her Majesty’s Inspector"
    assert inspection_team.deputy_lead("Lead inspector: Shirley Bailey") is None


def test_the_team_is_read_from_its_line_or_from_under_the_send_heading():
    older = "Lead inspector: Ann Lee\n\nTeam inspectors: Sam Hale, Jo Rea\n\nSenior data analyst: Pat Roe\n"
    team = inspection_team.team_of(older)
    assert team is not None and team.value == "Sam Hale, Jo Rea"
    send = (
        "Inspection team\n\nOfsted Care Quality Commission\n\n"
        "Andrew Wright HMI, Ofsted Lead inspector Claire Mason, CQC lead inspector\n\n"
        "Janet Fraser HMI, Ofsted\n\nIf you are not happy with the inspection, you can complain.\n"
    )
    team = inspection_team.team_of(send)
    assert team is not None and send[team.start : team.end].endswith("Janet Fraser HMI, Ofsted")
    assert send[team.start : team.end].startswith("Andrew Wright HMI")
    assert inspection_team.team_of("Lead inspector: Ann Lee\n") is None


# A police inspection (PEEL) as HMICFRS lays it out: the force in the title, the inspector of constabulary
# signing the observations, each area's grade said of the force by name.
PEEL = """PEEL 2021/22

Police effectiveness, efficiency and legitimacy

An inspection of Wessex Constabulary

Our inspection assessed how good Wessex Constabulary is in ten areas of policing.

HM Inspector's observations

The constabulary is good at answering emergency calls. It is good at working with partners.

Roy Wilsher

His Majesty's Inspector of Constabulary

Investigating crime

Wessex Constabulary requires improvement at investigating crime.

Protecting vulnerable people

Wessex Constabulary is good at protecting vulnerable people. Mercia Police is outstanding at it.

Preventing crime

Wessex Constabulary is adequate at preventing crime and antisocial behaviour.

Wessex Constabulary is good at protecting vulnerable people.

© HMICFRS 2022
"""


def test_a_police_inspection_s_force_inspector_and_grades_are_read_from_its_own_layout():
    r = extract(doc(PEEL))
    assert (r.organisation.value, stated(PEEL, r.organisation)) == (
        "Wessex Constabulary",
        "An inspection of Wessex Constabulary",
    )
    assert r.report_type.value == "PEEL inspection" and r.inspectorate.value == "HMICFRS"
    assert r.lead_inspector.value == "Roy Wilsher"
    assert stated(PEEL, r.lead_inspector) == "Roy Wilsher\n\nHis Majesty's Inspector of Constabulary"
    # grades said of the force by name, first of each area; not praise of "the constabulary", nor "it", nor
    # another force's
    assert [(j.area, j.grade) for j in r.judgements] == [
        ("Investigating crime", "requires improvement"),
        ("Protecting vulnerable people", "good"),
        ("Preventing crime and antisocial behaviour", "adequate"),
    ]
    for j in r.judgements:
        assert PEEL[j.start : j.end].startswith("Wessex Constabulary")
