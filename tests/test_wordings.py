"""Many wordings of each kind of question, as journalists and the public type them: the plan and the answer.

Written before tuning: these are the spec. Each kind has terse, chatty, lower-case, misspelt and
abbreviated wordings, and question forms unlike the intent examples in bot/wording.py.
"""

from __future__ import annotations

import re

import pytest

from bot import answering, asking, indexing, refusals
from bot.config import Settings
from bot.engine import Engine


def gap(reason: str) -> pytest.MarkDecorator:
    """A wording the engine does not handle yet: kept as the spec, and it fails loudly once it passes."""
    return pytest.mark.xfail(strict=True, reason=f"known gap: {reason}")


B23 = "barset/children's services inspection - 12 may 2023.txt"
B19 = "barset/children's services inspection - 12 june 2019.txt"
SEND = "barset/area send full inspection - 03 july 2024.txt"
LOAM = "loamshire/children's services inspection - 20 january 2022.txt"


def report(*blocks: str) -> str:
    """A plain-text report: blocks separated by blank lines, as the text loader reads paragraphs."""
    return "\n\n".join(blocks) + "\n"


_SINCE_2019 = (
    "Since the last inspection in 2019, when services were judged inadequate, leaders have made steady "
    "progress."
)
BARSET_2023 = report(
    "Inspection of Barset local authority children's services",
    "Inspection dates: 6 to 17 March 2023",
    "Lead inspector: Jane Smithson, His Majesty’s Inspector",
    "Judgement  Grade",
    "The impact of leaders on social work practice with children and families  Requires "
    "improvement to be good",
    "The experiences and progress of children who need help and protection  Requires improvement to be good",
    "The experiences and progress of children in care  Good",
    "The experiences and progress of care leavers  Good",
    "Overall effectiveness  Requires improvement to be good",
    _SINCE_2019,
    "What needs to improve?",
    "• The timeliness of assessments for children in need.\n• The quality of care plans for "
    "children in care.\n• The stability of the social work workforce.",
    "Main findings",
    "1. Families wait too long for an assessment: some assessments take more than 60 working "
    "days to complete.",
    "2. Children who go missing from home or care are offered a return home interview within "
    "72 hours, and most accept.",
    "3. Care plans are too often generic and do not say clearly what needs to happen, or by when.",
    "4. Personal advisers keep in touch with care leavers up to the age of 25 and help them "
    "with housing, education and work.",
    "5. Twelve new homes for care leavers have been opened.",
    "6. Staff turnover is 23%, above the national average.",
    "7. Most social workers have manageable caseloads of around 18 children.",
    "8. The council relies on agency staff to fill vacant posts, which limits the stability of "
    "relationships for some children.",
    "9. The council works with the police, health services and schools in a multi-agency panel "
    "to tackle child exploitation.",
    "10. Senior leaders know their services well, but they have been slow to address "
    "weaknesses in care planning.",
    "11. Social workers visit children in care regularly and see them alone.",
)
BARSET_2019 = report(
    "Inspection of Barset local authority children's services",
    "Inspection dates: 29 April to 10 May 2019",
    "Lead inspector: Peter Ashworth, Her Majesty’s Inspector",
    "Report published: 12 June 2019",
    "Judgement  Grade",
    "The impact of leaders on social work practice with children and families  Inadequate",
    "The experiences and progress of children in care and care leavers  Requires improvement to be good",
    "Overall effectiveness  Inadequate",
    "What needs to improve?",
    "• The response to children at risk of significant harm.\n• Management oversight of social "
    "work practice.",
    "Main findings",
    "1. Services for children in Barset have deteriorated since the last inspection.",
    "2. Managers do not check that social workers follow up concerns about children at risk of harm.",
    "3. Leaders did not know how poor frontline practice had become.",
    "4. The council recruited 14 new foster carers in the year.",
)
SEND_2024 = report(
    "Area SEND inspection of Barset local area partnership",
    "Inspection dates: 20 to 24 May 2024",
    "Lead inspector: Ruth Okafor, His Majesty’s Inspector",
    "Ofsted and the Care Quality Commission (CQC) carried out a joint inspection of the local "
    "area partnership.",
    "The local area partnership’s special educational needs and/or disabilities (SEND) "
    "arrangements lead to inconsistent experiences and outcomes for children and young people with SEND.",
    "1. Children and young people wait too long for assessments of their needs, with some "
    "waiting over 18 months for an autism assessment.",
    "2. Leaders across education, health and care share an accurate view of the partnership’s strengths.",
    "3. Speech and language therapy is in short supply: in the north of the area, children wait up to "
    "40 weeks for speech and language therapy.",
    "4. Schools value the advice of the speech and language therapy team.",
    "What needs to improve?",
    "• Leaders should reduce waiting times for neurodevelopmental assessments.",
    "The next full area SEND inspection will be within approximately 3 years.",
    "Ruth Okafor, Ofsted HMI, Lead inspector Sam Pryce, CQC Lead inspector",
)
LOAMSHIRE_2022 = report(
    "Inspection of Loamshire local authority children's services",
    "Inspection dates: 22 November to 3 December 2021",
    "Lead inspector: David Kerr, His Majesty’s Inspector",
    "Report published: 20 January 2022",
    "Judgement  Grade",
    "The impact of leaders on social work practice with children and families  Good",
    "Overall effectiveness  Good",
    "Main findings",
    "1. Children in Loamshire receive help that makes a difference to their lives.",
    "2. Social workers know their children well and speak about them with warmth.",
    "3. There are no children in care living in bed and breakfast accommodation.",
    "4. The out-of-hours emergency duty team is shared with Wessex.",
    "5. Young carers are identified early and offered breaks from caring.",
    "6. Housing officers register care leavers for social housing from their 16th birthday.",
    "7. There are no care leavers in custody.",
    "8. The number of children subject to a child protection plan rose from 210 to 380 in the year to March.",
    "9. Pupils at risk of exclusion are discussed at a weekly panel with schools and health services.",
    "10. Exclusions from school have fallen since the last inspection.",
    "11. The corporate parenting board has not been effective in driving forward improvements for children "
    "in care.",
    "12. Decisions to close children's homes have left insufficient in-house provision for children in care.",
    "13. The rate at which children leave care through adoption in Loamshire is much higher than in similar "
    "authorities and well above the national average.",
    "14. Most of the recommendations from the previous inspection have been addressed in full.",
    "What needs to improve?",
    "• The quality of return home interviews for children who go missing from care.",
)
FILES = {B23: BARSET_2023, B19: BARSET_2019, SEND: SEND_2024, LOAM: LOAMSHIRE_2022}
LEAD = {
    B23: "Lead inspector: Jane Smithson, His Majesty’s Inspector",
    B19: "Lead inspector: Peter Ashworth, Her Majesty’s Inspector",
    SEND: "Lead inspector: Ruth Okafor, His Majesty’s Inspector",
    LOAM: "Lead inspector: David Kerr, His Majesty’s Inspector",
}
DATES = {
    B23: "Inspection dates: 6 to 17 March 2023",
    B19: "Inspection dates: 29 April to 10 May 2019",
    SEND: "Inspection dates: 20 to 24 May 2024",
}
ILACS_TITLE = "Inspection of {} local authority children's services"
SEND_TITLE = "Area SEND inspection of Barset local area partnership"
HELP_ROW = (
    "The experiences and progress of children who need help and protection  Requires improvement to be good"
)
OVERALL = {
    B23: "Overall effectiveness  Requires improvement to be good",
    B19: "Overall effectiveness  Inadequate",
    LOAM: "Overall effectiveness  Good",
}
CARE_LEAVERS_ROW = "The experiences and progress of care leavers  Good"
LEADERS_ROW = (
    "The impact of leaders on social work practice with children and families  Requires improvement to be "
    "good"
)
CHILDREN_IN_CARE_ROW = "The experiences and progress of children in care  Good"
CARE_LEAVERS_ROW_2019 = (
    "The experiences and progress of children in care and care leavers  Requires improvement to be good"
)
FIGURE = re.compile(r"\d|\b(twelve|eighteen|twenty|hundred|half|third|quarter)\b", re.I)
A_DATE = re.compile(r"\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july)\b", re.I)


@pytest.fixture(scope="module")
def engine(tmp_path_factory, sources_writer, embedder) -> Engine:
    """Two Barset children's services reports (2019, 2023), a Barset SEND report (2024) and Loamshire."""
    root = tmp_path_factory.mktemp("wordings")
    settings = Settings(sources=sources_writer(root / "sources", FILES), index=root / "index")
    indexing.build(settings, embedder)
    engine = Engine(settings, embedder)
    engine.warm()
    return engine


def test_the_fixture_records_hold_the_facts_the_tests_expect(engine):
    """So a failure below is the engine's reading of the question, not a fact missing from the fixture."""
    records = engine.index.records
    for source, line in LEAD.items():
        fact = records[source].lead_inspector
        assert engine.document(source).text[fact.start : fact.end] == line
    assert records[B23].published is None and records[SEND].published is None
    assert records[B19].published.value == "2019-06-12"
    assert records[SEND].report_type.value == "Area SEND inspection"


def field_answer(engine: Engine, question: str, field: str):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert (plan.wants, plan.field) == ("field", field), plan.describe()
    assert not answer.refused, answer.reason
    return answer.citations[0]


# 1. Lead inspector: the newest children's services report unless a year or SEND is named.
@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("lead inspector barset", SEND),
        ("hi, could you tell me who was in charge when ofsted looked at barset's children's services?", B23),
        ("which inspector ran the barset visit", SEND),
        ("Who was the lead inspecter at Barset?", SEND),
        ("barset ofsted 2023 - which inspecter was it?", B23),  # a vowel for a vowel: inspector
        ("Which HMI inspected Barset CSC?", B23),
        ("which HMI did the barset 2019 one", B19),  # "HMI" read as asked, not spelt out
        # terse, the organisation after the person asked for
        ("HMI for barset 2019?", B19),
        ("inspector for loamshire?", LOAM),
        ("barset csc 2023 lead insp?", B23),  # staff shorthand: after "lead", "insp" is the inspector
        # the report by the short name of its kind; who came from the inspectorate
        ("who conducted the barset ILACS in 2019", B19),
        ("who from ofsted went to barset in 2019", B19),
        ("Barset inspection: who's the named inspector?", SEND),
        ("Whose name is on the Barset report as lead?", SEND),
        ("lead inspector barset 2019", B19),
        ("who signed off barset's newest ofsted, the childrens services one", B23),
        ("who inspected barset back in 2019?", B19),
        ("Who led the Barset SEND inspection?", SEND),
        ("which hmi led the area send inspection for barset in 2024", SEND),
        ("Loamshire LA lead inspector?", LOAM),
        ("barset 2019 inspector", B19),
        ("who did the ofsted report on barset children's services", B23),
        ("who did barset's send report?", SEND),
        # asked who made the report, in words of its own: "led ... look at", "in charge of", "LI"
        ("Who led Ofsted's 2019 look at Barset county council's children's social care?", B19),
        (
            "I'm doing some research on Barset council and the Ofsted visit back in 2019. Does anyone know "
            "who was in charge of it?",
            B19,
        ),
        ("Who headed the Ofsted team at Barset in Mar 2023?", B23),
        ("who was responsible for the barset send report? trying to find out", SEND),
        ("Barset CSC 2019 - who was the LI?", B19),
        ("barset ILACS 2019 LI?", B19),  # "LI" alone: the lead inspector
        # a role in the story before the question is who asks, not who is asked for
        ("I'm a councillor in barset. who led our 2019 ofsted inspection?", B19),
        ("who was in charge of barset's 2019 ILACS", B19),
        ("who headed up the ofsted team that went into barset in 2019", B19),
        # the report told by the grade it gave
        ("Which inspector led the 2019 inspection that rated Barset inadequate?", B19),
        # ... with no year: the report that gave the grade, not the newest
        ("which inspector was in charge when barset was rated inadequate?", B19),
        ("Which HMI was at the helm when Barset was judged inadequate?", B19),
        ("who fronted the barset inspection that found it requires improvement", B23),
        ("barset 2023 - name of the HMI who led the inspection that graded it requires improvement?", B23),
        # a story first, then the question: the asking sentence says what is asked
        (
            "My son has special needs and I've been reading Barset's area SEND report. Who was the lead "
            "inspector from Ofsted on that one?",
            SEND,
        ),
        # ... or the story and the question joined by a dash, the question unpunctuated
        (
            "im a parent in barset, the 2019 ofsted said it was inadequate - whos the inspector that led it",
            B19,
        ),
        ("barset 2023 was requires improvement again – who led that one", B23),
        # asked whether it was someone: the question names the report by when it was
        ("was it jane smithson who did the last ofsted for barset children's services?", B23),
        # asked who made it in the words of making a report or of its kind
        ("who carried out the barset ILACS in 2019?", B19),
        ("who assessed barset's children's services in 2019", B19),
        ("whos the lead inspector on the barset SEND one?", SEND),
        # ... the newest, whoever led it: not the report the name asked about led
        ("was it Jane Smithson who did the latest barset one", SEND),
        ("did peter ashworth lead barset's most recent inspection?", SEND),
        # the area SEND kind named by whom its services serve, and a terse role asked for
        (
            "who led the inspection of barset's services for children with special needs and disabilities",
            SEND,
        ),
        ("Who inspected provision for children with special needs in Barset?", SEND),
        ("barset SEND ofsted lead?", SEND),
        ("Barset 2019 lead HMI?", B19),
        ("barset ILACS 2019 - who?", B19),  # a report named, then a bare "who?" of it
        ("who was the boss of the ofsted team at barset in 2019", B19),
        # the services named by whom they serve, the ask last in other verbs
        ("barset, latest inspection of council services for children: fronted by whom?", B23),
        # a story first; the ask names the kind of report ("children's services") as the topic leaves out
        (
            "I'm a social work student on placement in Barset and my supervisor mentioned Ofsted. Who led "
            "the council's most recent children's services inspection?",
            B23,
        ),
        ("barset 2023: who was in charge of the team?", B23),  # of the inspection's team, not a council post
    ],
)
def test_lead_inspector(engine, question, source):
    cited = field_answer(engine, question, "lead_inspector")
    assert (cited.source, cited.quote) == (source, LEAD[source])


@pytest.mark.parametrize(
    ("question", "field", "source"),
    [
        ("who led the barset ILACS before the 2023 one?", "lead_inspector", B19),
        ("barset - the inspection before the 2023 one, which HMI ran it?", "lead_inspector", B19),
        ("barset: the inspection before last - when did that take place?", "inspection_dates", B23),
        ("barset penultimate inspection - who led it", "lead_inspector", B23),
        ("when was barset inspected before the 2023 inspection", "inspection_dates", B19),
        # the report before is in the sources: its own dates, not the later report's mention of them
        ("When had Barset been inspected before the 2023 inspection?", "inspection_dates", B19),
        # ... or by its grade, or told by the one before it
        ("barset - ofsted's visit before the RI one, who led it?", "lead_inspector", B19),
        (
            "barset got re-inspected after the 2019 failing one, who was the inspector that time",
            "lead_inspector",
            B23,
        ),
        ("barset ILACS following the inadequate one - when were inspectors there?", "inspection_dates", B23),
        ("barset - who did the one ahead of the 2023 ofsted inspection", "lead_inspector", B19),
        ("barset reinspection after the 2019 fail - who was LI?", "lead_inspector", B23),
        # told by the grade it gave alone
        ("barset - dates of the inspection that judged it inadequate?", "inspection_dates", B19),
        # words between the report and the one beside it, or the one beside told by its year alone
        ("the inspection of barset that came before the 2023 one - who led it?", "lead_inspector", B19),
        ("barset: who led the inspection before the one in 2023?", "lead_inspector", B19),
        ("who led barset's ILACS after 2019", "lead_inspector", B23),
        # "the next visit after" a report: a later report held, not what the inspectorate will do next
        ("who led the next ofsted visit after barset's 2019 inadequate judgement", "lead_inspector", B23),
        ("who led the barset inspection that followed the inadequate one", "lead_inspector", B23),
        # ... told first, then asked of as "the next"
        ("Following the inadequate rating in 2019, who led barset's next inspection?", "lead_inspector", B23),
        ("after being judged inadequate in 2019, when was barset next inspected?", "inspection_dates", B23),
        ("after the 2019 fail, barset's next ILACS - who was LI?", "lead_inspector", B23),
        ("following its 2019 inspection, who led barset's next one", "lead_inspector", B23),
        # the organisation named only in the report told first
        (
            "Following Barset's inadequate rating in 2019, who led its next inspection for Ofsted?",
            "lead_inspector",
            B23,
        ),
        ("after barset's 2019 fail, who was LI at the next ILACS?", "lead_inspector", B23),
        # ... told off by the word that asks, not a comma; "next time"
        ("after barset got inadequate in 2019 who was lead inspector next time", "lead_inspector", B23),
        ("following the 2019 fail who led barset's next ilacs", "lead_inspector", B23),
        ("after the 2019 inadequate, when were inspectors in barset next time?", "inspection_dates", B23),
        (
            "Following Ofsted rating Barset inadequate in 2019, when was the next inspection?",
            "inspection_dates",
            B23,
        ),
        # told first with its own verb ("was found"), the next one in other words
        (
            "After Barset was found inadequate in 2019, who took the lead at its following full inspection?",
            "lead_inspector",
            B23,
        ),
        ("after barset's inadequate in 2019 who led the subsequent inspection", "lead_inspector", B23),
        # a label first; the one before told in shorthand
        ("Barset: after the 2019 inspection, the next one was run by which HMI?", "lead_inspector", B23),
        ("Barset - LI of the insp prior to 2023's?", "lead_inspector", B19),
        ("barset - LI for the ILACS preceding the RI one reported in 2023?", "lead_inspector", B19),
        ("barset - who led the ILACS after the inad one?", "lead_inspector", B23),
        # "that" pointing back at the one year named
        ("barset had ofsted in 2019, and then who led the one after that", "lead_inspector", B23),
        ("barset was inspected in 2023 - who led the inspection before that?", "lead_inspector", B19),
        # the one before the newest, or the oldest
        ("who was LI on barset's previous ILACS?", "lead_inspector", B19),
        ("who led the most recent barset ILACS but one", "lead_inspector", B19),
        ("who led barset's first inspection", "lead_inspector", B19),
        ("barset oldest report - when were inspectors there?", "inspection_dates", B19),
    ],
)
def test_a_report_told_by_the_one_beside_it(engine, question, field, source):
    cited = field_answer(engine, question, field)
    assert cited.source == source


@pytest.mark.parametrize(
    "question",
    [
        "what did barset get at its next inspection after 2019?",
        "After the 2019 inadequate, what was barset rated at the next ILACS?",
    ],
)
def test_the_grade_of_the_next_report_is_answered_from_it(engine, question):
    # the later report is held: not what came after the reports
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert answer.citations[0].quote == OVERALL[B23]


@pytest.mark.parametrize(
    "question",
    [
        # a period the report speaks of, not the report before it
        "how many barset children were adopted in the year before the 2023 inspection?",
        "what did barset do before the 2023 inspection to recruit foster carers?",
    ],
)
def test_a_period_before_an_inspection_is_asked_of_that_inspection(engine, question):
    assert engine.plan(question)[0].sources == {B23}


@pytest.mark.parametrize(
    "question",
    [
        "has barset improved since the previous inspection?",
        "what has barset done since its previous ofsted about care plans",
    ],
)
def test_since_the_previous_inspection_asks_of_the_newest(engine, question):
    assert engine.plan(question)[0].sources != {B19}


@pytest.mark.parametrize(
    "question",
    [
        "has loamshire dealt with what was recommended at the previous inspection?",
        "loamshire - previous inspection's weaknesses, have they been addressed?",
        "what progress has loamshire made on the previous inspection's recommendations",
    ],
)
def test_what_was_done_about_the_previous_inspection_asks_of_the_newest(engine, question):
    # the newest report's account of it, though the sources hold no report before it
    plan = engine.plan(question)[0]
    assert plan.scope.outside is None and plan.sources == {LOAM}, plan.describe()
    assert plan.field != "findings"  # what was done about the list, not the list


@pytest.mark.parametrize(
    "question",
    [
        "who led the barset inspection before the 2019 one?",
        # told by a grade none of its reports was given
        "who led the barset inspection before the outstanding one?",
    ],
)
def test_no_report_before_the_one_named_is_refused_saying_so(engine, question):
    answer = engine.ask(question)
    assert answer.refused and "no report about Barset before that one" in answer.reason, answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "when had loamshire been inspected before the 2022 inspection?",
        # "had last been" of a named report: the inspection before it
        "According to loamshire's 2022 report, when had the council last been inspected?",
        "loamshire 2022 - when had they last been inspected",
    ],
)
def test_when_inspected_before_the_first_report_is_asked_of_that_report(engine, question):
    # the sources begin with Loamshire's 2022 report: what it says of the inspection before it answers
    plan = engine.plan(question)[0]
    assert (plan.sources, plan.field) == ({LOAM}, "previous_inspection"), plan.describe()


@pytest.mark.parametrize(
    "question",
    [
        "who was the lead inspector from the CQC for barset's send inspection?",
        "barset send - who led for CQC?",
        "CQC lead inspector barset send 2024",
        "barset send inspection 2024 - who was lead on the CQC side?",
        "barset send who was lead on the cqc side",
        "barset LAP send: who from CQC was in charge?",  # "LAP": the local area partnership, the kind's name
        "barset send cqc lead?",  # terse: the role alone
        # the regulator named in the story, then asked of by another word; "which inspector" asks for a person
        "The barset SEND inspection was joint with the CQC: which inspector led for that regulator?",
        # the commission written out
        "barset send inspection 2024 - who headed it up for the care quality commission?",
        "Who led the Care Quality Commission's part of the Barset area SEND inspection?",
        # asked who inspected the services, for the regulator
        "who inspected barset's send services for the cqc",
    ],
)
def test_a_joint_inspections_other_lead_is_the_one_asked_for(engine, question):
    cited = field_answer(engine, question, "lead_inspector")
    assert (cited.source, cited.quote) == (SEND, "Sam Pryce, CQC Lead inspector")


@pytest.mark.parametrize(
    "question",
    [
        "For Barset's area SEND inspection, name Ofsted's lead and the CQC's.",
        "barset send - ofsted and cqc leads?",
        "who led the barset send inspection for ofsted, and who for the care quality commission?",
        "barset SEND inspection: which inspectors led it for Ofsted and the CQC",
    ],
)
def test_both_leads_of_a_joint_inspection_are_given_when_both_inspectorates_are_named(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    # one line of the team list, quoted as printed
    quotes = [c.quote for c in answer.citations]
    assert quotes == ["Ruth Okafor, Ofsted HMI, Lead inspector Sam Pryce, CQC Lead inspector"], quotes


def test_the_lead_of_an_inspectorate_the_report_does_not_name_is_refused(engine):
    answer = engine.ask("who was the HMICFRS lead inspector for barset's send inspection?")
    # no report here is by HMICFRS or names it: said before the report's record is read
    assert answer.refused and answer.reason == "Outside these sources: the sources hold no report by HMICFRS."


# 2. Inspection dates.
@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("barset inspection dates", SEND),
        ("hello! i was wondering when exactly the ofsted inspectors were at barset?", SEND),
        ("what days did inspectors spend in barset", SEND),
        ("When did the inspecters visit Barset's childrens services?", B23),
        ("When were HMIs on site at Barset CSC?", B23),
        ("barset ILACS inspection dates", B23),
        ("when were ofsted in barset children's social care in jan 2023?", B23),
        ("Over what period was Barset inspected?", SEND),
        ("barset fieldwork dates 2019", B19),
        ("Length of Ofsted's 2019 on-site inspection of Barset?", B19),
        ("barset 2023 - start and end of the on-site inspection?", B23),
        ("When did Ofsted go into Barset in 2019?", B19),
        ("how long did the 2019 barset inspection last", B19),
        ("How many days were inspectors in Barset in 2019?", B19),
        ("how long were ofsted in barset in 2019?", B19),
        ("barset 2019 inspection, how long?", B19),
        # "last inspected" is the newest inspection; "the last inspection before this one" the previous
        ("when was barset last inspected", SEND),
        ("When did Ofsted last visit Barset?", SEND),
        ("barset - when last inspected?", SEND),
        ("when was barset's last ofsted?", SEND),  # a user's "last ofsted" is the newest
        # a report named, then a bare "when?" of it
        ("barset ILACS 2019 - when?", B19),
        ("Barset 2019 inspection: when exactly?", B19),
        ("barset 2019 ofsted, what dates?", B19),
        # whether the inspection was in a month or season: its dates say
        ("was barset inspected in October?", SEND),
        ("did ofsted visit barset children's services in march?", B23),
        ("barset ILACS - inspected in Apr or May 19?", B19),  # a month's two-digit year
        ("did inspectors come to barset in the spring?", SEND),
        ("barset csc - did inspectors come in nov?", B23),
        # a span of time named as fortnight, window or exact days
        ("Which fortnight in 2023 were inspectors in Barset?", B23),
        ("barset csc 2023 - fieldwork window?", B23),
        ("barset 2019: the precise days ofsted were on site?", B19),
        ("barset 2023 ILACS - first and last day on site?", B23),
        ("barset childrens services, last time ofsted were in - what dates", B23),
        # a day of the inspection's span
        ("first day of the barset 2019 inspection", B19),
        ("last day of the barset inspection in 2023", B23),
        # the report told by when it came out: which report, not its publication date
        ("when were ofsted actually in barset for the inspection that came out in june 2019?", B19),
        ("the barset inspection published in 2019 - when were inspectors there?", B19),
        # "last" after the visit, not before a report: the newest
        ("when did ofsted go into barset last", SEND),
        ("when was ofsted last in barset's children's services", B23),
        ("when were inspectors last at barset?", SEND),
        ("Barset 2019 ILACS: which week?", B19),
        # a count of days, and the visit's window, in other words
        ("barset 2019 - number of days ofsted spent there", B19),
        ("barset csc 2023 - inspection window?", B23),
        ("barset ILACS 2019 - insp window?", B19),  # "insp": the inspection
        ("barset 2019 insp dates", B19),
        ("barset ilacs 2019 - insp week?", B19),
    ],
)
def test_inspection_dates(engine, question, source):
    cited = field_answer(engine, question, "inspection_dates")
    assert (cited.source, cited.quote) == (source, DATES[source])


@pytest.mark.parametrize(
    "question",
    [
        "barset 2023 report: when was the previous inspection?",
        "barset 2023 - date of the last inspection before this one",
    ],
)
def test_the_inspection_before_a_report_is_answered_by_the_sentence_saying_when(engine, question):
    # The 2023 report has no "Date of previous inspection" line; its text says when the last one was.
    plan = engine.plan(question)[0]
    assert (plan.wants, plan.field) == ("field", "previous_inspection"), plan.describe()
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert [(c.source, c.quote) for c in answer.citations] == [(B23, _SINCE_2019)], answer.answer


def test_the_inspection_before_a_report_that_does_not_say_is_refused(engine):
    answer = engine.ask("loamshire: when was the previous inspection?")
    assert (
        answer.refused
        and answer.reason == "The report does not state when the previous inspection took place."
    )


@pytest.mark.parametrize(
    "question",
    [
        "Did Barset fix the problems raised at the previous year's inspection?",
        "how big was the rise in child protection plans in loamshire in the year before the inspection",
        "has barset resolved the concerns from the last inspection?",
        # a bare "what date?" after a sentence naming something else asks that thing's date
        "So did Barset ever actually open its hub for care leavers? What date?",
        "Barset planned a family hub. When exactly?",
        "Barset opened a family hub after the 2019 inspection - when?",
        "did loamshire get its new recording system going? what year?",
        # a clause saying when, before the question; how long children wait, not the inspection
        "When children in Barset's care went home, were moves planned, according to the 2019 inspection?",
        "When kids in care in loamshire went back to mum or dad, was it planned, per the 2019 inspection?",
        "when a child goes missing in barset, does anyone talk to them after, says the 2024 inspection?",
        "What did Ofsted report about how long Barset's children wait for CAMHS?",
        "how long do children in loamshire wait for an assessment, per the inspection?",
    ],
)
def test_findings_about_an_earlier_inspection_are_not_its_date(engine, question):
    plan = engine.plan(question)[0]
    assert plan.field not in {"previous_inspection", "inspection_dates"}, plan.describe()


# 3. Publication date: the 2019 report states it; the newest reports do not, and no other date stands in.
@pytest.mark.parametrize(
    "question",
    [
        "report published barset 2019",
        "hiya, do you know what date the 2019 barset report was put out?",
        "when did the 2019 barset report go public",
        "When was Barset's 2019 report publshed?",
        "Publication date of the LA's 2019 report on Barset?",
        "On what date did Ofsted release its 2019 verdict on Barset?",
        # the report told by the grade it gave, not by its year
        "what day was barset's inadequate ofsted report published",
        "barset - the report that branded it inadequate, publication date?",
        "barset 2019 report - pub date?",  # "pub": published
    ],
)
def test_publication_date_stated(engine, question):
    cited = field_answer(engine, question, "published")
    assert (cited.source, cited.quote) == (B19, "Report published: 12 June 2019")


@pytest.mark.parametrize(
    "question",
    [
        "when was barset's latest report published",
        "publication date barset",
        "What date did Ofsted publish its most recent Barset CSC report?",
        "Hi - when did the newest Barset report come out?",
        "wen was the barset report publised",
        "Barset: on which day was the current report made available to the public?",
    ],
)
def test_publication_date_not_stated_is_refused_with_that_reason(engine, question):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert (plan.wants, plan.field) == ("field", "published"), plan.describe()
    assert answer.refused and "does not state" in (answer.reason or ""), answer.answer
    assert not any(A_DATE.search(c.quote) for c in answer.citations), "no other date may stand in"


# A clause setting when or which report, before the question proper, asks no fact of the report.
@pytest.mark.parametrize(
    "question",
    [
        "When Ofsted published its 2019 report, were Barset's care leavers getting help with housing?",
        "In the report made public in 2019, what did Ofsted say about Barset's emergency duty team?",
        "at the time the barset report came out in 2019, how were kids in care doing at school",
        "After the 2019 report was released, did Barset's care leavers have somewhere to live?",
    ],
)
def test_a_clause_setting_the_report_asks_no_fact_of_it(engine, question):
    plan = engine.plan(question)[0]
    assert plan.wants == "passages", plan.describe()


@pytest.mark.parametrize(
    "question",
    ["barset send inspection 2024 came out positive didnt it", "Did Barset's 2019 ofsted come out well?"],
)
def test_how_a_report_came_out_is_not_when_it_was_published(engine, question):
    assert engine.plan(question)[0].field != "published"


def test_facts_of_several_reports_each_follow_the_organisation_they_are_of(engine):
    answer = engine.ask("who led the barset and loamshire children's services inspections?")
    quotes = [c.quote for c in answer.citations]
    assert quotes.index(LEAD[B23]) > quotes.index(ILACS_TITLE.format("Barset")) and quotes.index(
        LEAD[LOAM]
    ) > quotes.index(TITLE[LOAM]), quotes


# 4. Which organisation, what kind of report: both stated by the title line.
TITLE = {B23: ILACS_TITLE.format("Barset"), SEND: SEND_TITLE, LOAM: ILACS_TITLE.format("Loamshire")}


@pytest.mark.parametrize(
    ("question", "field", "source"),
    [
        ("which council was inspected in march 2023", "organisation", B23),
        ("Hi there - what local authority was Ofsted looking at in March 2023?", "organisation", B23),
        ("which LA does the 2021 inspection cover?", "organisation", LOAM),
        ("wich council got inspected in 2021", "organisation", LOAM),
        pytest.param(
            "Who was the subject of the 2021 inspection?",
            "organisation",
            LOAM,
            marks=gap("'who' is read as asking for a person"),
        ),
        ("name of the authority inspected in 2021", "organisation", LOAM),
        ("what kind of inspection did barset have in 2024", "report_type", SEND),
        ("Type of report, Barset 2024?", "report_type", SEND),
        ("could you tell me what sort of inspection barset had in 2023, please?", "report_type", B23),
        pytest.param(
            "what knd of inspection was barset's 2024 one",
            "report_type",
            SEND,
            marks=gap("a misspelt cue word ('knd') is not matched"),
        ),
        ("Was Barset's 2024 inspection a SEND or a CSC one?", "report_type", SEND),
        ("the ofsted thing in barset in 2024 - was that about send or social services?", "report_type", SEND),
        # asked in the kind's own name, which leaves the topic ("is it an ILACS?")
        ("is the 2023 barset report an ILACS", "report_type", B23),
        ("was loamshire's inspection an ILACS?", "report_type", LOAM),
        # either-or between kinds, or whether it was one kind, in everyday words
        ("barset march 2023 - was that a full ILACS or only a focused visit?", "report_type", B23),
        (
            "was the loamshire one in 2021 a proper full inspection with grades or just a quick visit?",
            "report_type",
            LOAM,
        ),
        ("was barset's 2023 ofsted a monitoring visit?", "report_type", B23),
        ("Under which framework was Barset inspected in 2023?", "report_type", B23),
        ("barset 2024 - was that a full inspection or a re-inspection?", "report_type", SEND),
        ("was barset's 2023 one a reinspection or a standard inspection", "report_type", B23),
        # which service it looked at, in the services' names
        (
            "the ofsted visit to barset in 2024 - was that about social workers or the send system?",
            "report_type",
            SEND,
        ),
        ("was the barset 2023 inspection about children's social care or SEND?", "report_type", B23),
        ("was it about send or social care - barset 2024", "report_type", SEND),
        # the report named by its owner, or each kind as "the ... one"
        ("Was Barset's 2024 inspection about SEND or children's social care?", "report_type", SEND),
        ("barset's ofsted visit in 2024 - was that the send one or a social care one?", "report_type", SEND),
        ("barset 2023: the children's services inspection or the send inspection?", "report_type", B23),
        # the form the document takes
        ("barset 2024 doc - a letter, a statement or a full report? which format?", "report_type", SEND),
        ("in what format is the 2021 loamshire write-up?", "report_type", LOAM),
    ],
)
def test_which_organisation_and_what_kind_of_report(engine, question, field, source):
    cited = field_answer(engine, question, field)
    assert (cited.source, cited.quote) == (source, TITLE[source])


@pytest.mark.parametrize(
    "question",
    [
        "is there a monitoring visit due for barset?",
        "is a monitoring visit due for barset's SEND partnership soon?",
    ],
)
def test_whether_a_visit_is_coming_is_no_question_of_the_report_kind(engine, question):
    assert engine.plan(question)[0].field != "report_type"


@pytest.mark.parametrize(
    "question",
    [
        "my cousin says barset's social workers explain what parents must change. is that just her or did "
        "the judges tell ofsted the same kind of thing?",
        "did ofsted say that sort of thing about barset's foster carers too?",
        "what kind of support do barset's foster carers get?",
        "what sort of help do care leavers in barset get from their PAs?",
        "what did ofsted say about social workers or SEND support in barset?",
    ],
)
def test_that_kind_of_thing_or_a_topic_naming_services_is_no_question_of_the_report_kind(engine, question):
    assert engine.plan(question)[0].field != "report_type"


# 5. Grades: the judgement row answers, the newest graded report's unless a year is named; a false premise
# is met by the real row.
@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("barset grade", OVERALL[B23]),
        ("how did barset do", OVERALL[B23]),
        ("hi, could you tell me how barset got on in its last ofsted inspection?", OVERALL[B23]),
        ("Barset: what rating did they get?", OVERALL[B23]),
        ("was barset rated inadequate", OVERALL[B23]),
        ("Is Barset's CSC outstanding?", OVERALL[B23]),
        ("What was Barset's ofsted judgment in 2019?", OVERALL[B19]),
        pytest.param(
            "What grde did barset get for care leavers?",
            CARE_LEAVERS_ROW,
            marks=gap(
                "a misspelt grade word of four letters ('grde') is not put right; the row is still quoted"
            ),
        ),
        ("How does Ofsted rate Loamshire LA?", OVERALL[LOAM]),
        # "when Ofsted inspected them" sets the time; what is asked is the rating
        ("What overall rating did Barset get when Ofsted inspected them in 2019?", OVERALL[B19]),
        ("barset ofsted 2019 result", OVERALL[B19]),
        ("What was the overall verdict on Barset's children's services?", OVERALL[B23]),
        # a grade said got at an inspection, asked to be confirmed; a choice between passing and failing
        ("barset childrens services got good at the last ofsted didnt they", OVERALL[B23]),
        ("barset 2019 ofsted - good or failing?", OVERALL[B19]),
        ("barset 2019 OE?", OVERALL[B19]),  # "OE": overall effectiveness
        # a grade as a score, a mark or a kind of result; asked of "my local council ... them"
        ("barset children's services ofsted score 2019", OVERALL[B19]),
        ("what mark did ofsted give barset in 2019", OVERALL[B19]),
        ("did barset get a decent ofsted in 2023", OVERALL[B23]),
        ("did barset get a decent ofsted in 2019", OVERALL[B19]),
        ("my local council barset - what did ofsted rate them in 2019", OVERALL[B19]),
        ("barset 2019 ofsted - were they good, RI or inadequate?", OVERALL[B19]),
        ("barset care leavers - RI at the latest one?", CARE_LEAVERS_ROW),  # terse: a grade, then the report
        # a judgement area named in other words than the report's ("looked after children", "CLA")
        ("Barset 2023: judgement for CLA?", CHILDREN_IN_CARE_ROW),
        # a domain term's abbreviation, read as the reports write it ("CP": child protection)
        ("CP rating barset 2023", HELP_ROW),
        ("what grade did barset get for CLA in 2023", CHILDREN_IN_CARE_ROW),
        ("how were barset's looked after children judged?", CHILDREN_IN_CARE_ROW),
        ("barset rating for children looked after", CHILDREN_IN_CARE_ROW),
        # how it ended up, in words of its own
        ("how did barset's children's services come out of the 2019 inspection", OVERALL[B19]),
        ("How did Barset's last Ofsted turn out?", OVERALL[B23]),
        ("how highly did ofsted rate barset in 2019?", OVERALL[B19]),
        ("barset children's services 2019 - any good?", OVERALL[B19]),
        # a story first, then the question of how it did
        ("my grandson is in care in barset - was the council rated ok in 2019?", OVERALL[B19]),
        ("I foster for barset. How did they do in 2019?", OVERALL[B19]),
        # passed or failed, any good, where it landed
        ("did barset pass its 2019 ofsted?", OVERALL[B19]),
        ("Did Barset fail their last inspection?", OVERALL[B23]),
        ("was barset any good in 2019 according to ofsted", OVERALL[B19]),
        ("are barset's children's services any good? (2019)", OVERALL[B19]),
        ("Barset 2019 - where did they land overall?", OVERALL[B19]),
        ("pass or fail for barset childrens services in 2019", OVERALL[B19]),
        ("did barset come through its 2019 inspection well?", OVERALL[B19]),
        # a grade told, then asked to be confirmed; where a grade stands among the others
        ("barset 2023 - care leavers were RI, right?", CARE_LEAVERS_ROW),
        ("barset 2023 care leavers good, correct?", CARE_LEAVERS_ROW),
        # an area named in a word of its own ("leadership"): its row, not the overall one beside a sentence
        ("what grade did barset get for leadership", LEADERS_ROW),
        ("barset leadership rating", LEADERS_ROW),
        ("How were Barset's leaders judged?", LEADERS_ROW),
        # what it got, asked of nothing but the organisation, or as a choice
        ("what did barset get", OVERALL[B23]),
        ("Barset children's services: good or bad?", OVERALL[B23]),
        ("barset csc - bad or good", OVERALL[B23]),
        ("What did Loamshire score at its last inspection?", OVERALL[LOAM]),
        # a grade got or kept, asked yes or no; the mark a report gave
        ("did barset get outstanding in 2019?", OVERALL[B19]),
        ("has barset kept its requires improvement grade?", OVERALL[B23]),
        ("what mark did barset get from ofsted last time", OVERALL[B23]),
        ("what did ofsted give barset for CLA in 2023", CHILDREN_IN_CARE_ROW),
        # the services as a whole, tersely or yes or no; how they are doing
        ("barset childrens services - still good?", OVERALL[B23]),
        ("is barset's children's services good now?", OVERALL[B23]),
        ("barset - how are they doing for kids in care according to ofsted?", CHILDREN_IN_CARE_ROW),
        # "how'd" for "how did"; a wrong grade put to be confirmed in other words
        ("barset, how'd they do for kids living in care", CHILDREN_IN_CARE_ROW),
        ("Is it accurate that Ofsted judged Barset as merely requiring improvement?", OVERALL[B23]),
        # asked yes or no in shorthand; a framework's era named; the time told after what is asked
        ("Barset newest ILACS - OE inadequate, y/n?", OVERALL[B23]),
        ("Barset, 2019 SIF-era report: overall grade?", OVERALL[B19]),
        ("Ofsted's overall verdict on Barset when it returned in 2023?", OVERALL[B23]),
        # scored or marked by inspectors; a grade told of the whole report to be confirmed; still in shorthand
        ("Barset, 2023: how did inspectors score its work with children in care?", CHILDREN_IN_CARE_ROW),
        ("how did ofsted mark barset's care leavers in 2023?", CARE_LEAVERS_ROW),
        ("Barset's 2019 children's services inspection: outstanding overall, correct?", OVERALL[B19]),
        ("barset 2019 - was the overall RI?", OVERALL[B19]),
        ("barset still inad for OE?", OVERALL[B23]),
        # failing, asked of the organisation; its children are whom every judgement is about
        ("is barset council failing its children according to ofsted", OVERALL[B23]),
        ("were barset's children's services failing in 2019?", OVERALL[B19]),
        # a grade told in a story, then put to be checked: the grade given answers, right or wrong
        (
            "A neighbour told me Barset's children's services barely got a 'requires improvement' grade at "
            "their latest inspection. Is she right?",
            OVERALL[B23],
        ),
        (
            "My friend says Barset was rated outstanding overall by Ofsted in 2019. Have I got that right?",
            OVERALL[B19],
        ),
        # the report named, then asked yes or no after a dash
        ("barset 2019 inspection - was it inadequate?", OVERALL[B19]),
        ("barset 2019 ofsted - was it outstanding?", OVERALL[B19]),
        # a grade area named tersely with a grade, or as what it "came out" as, to be confirmed
        ("barset latest - leaders inadequate?", LEADERS_ROW),
        ("Barset newest ILACS: leaders came out inadequate, or am I misremembering?", LEADERS_ROW),
        ("barset 2023: did care leavers come out as requires improvement?", CARE_LEAVERS_ROW),
        # a story first, in a sentence of its own, then the grade asked of what was graded
        (
            "I'm a personal adviser in Barset and missed the feedback day. What grade did the 2023 "
            "inspection give for young people who've left care?",
            CARE_LEAVERS_ROW,
        ),
        (
            "I'm researching how Barset has changed over the years. In the 2023 inspection, what rating "
            "did the help-and-protection side get?",
            HELP_ROW,
        ),
    ],
)
def test_grade(engine, question, row):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.wants == "grade", plan.describe()
    assert not answer.refused, answer.reason
    assert answer.citations[0].quote == row


@pytest.mark.parametrize(
    "question",
    [
        "what did children get",
        "what do care leavers in barset get?",
        "are barset's personal advisers good or bad at keeping in touch with care leavers?",
        "did children in barset get good support from their social workers?",
        "how are children in barset doing at school?",
    ],
)
def test_what_someone_gets_is_no_grade_question(engine, question):
    assert engine.plan(question)[0].wants != "grade"


# 6. Figures: answered by a span that holds one, or refused saying that no passage gives one.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many new homes for care leavers", "Twelve new homes for care leavers"),
        ("Barset care leavers: number of new homes opened?", "Twelve new homes for care leavers"),
        (
            "How many extra flats or houses has Barset found for care leavers?",
            "Twelve new homes for care leavers",
        ),
        (
            "hey, roughly how many homes for care leavers has barset opened?",
            "Twelve new homes for care leavers",
        ),
        ("How meny new homes has Barset opened for care leavers?", "Twelve new homes for care leavers"),
        ("what percentage of social workers leave", "Staff turnover is 23%"),
        ("what % of barset staff quit each year", "Staff turnover is 23%"),
        ("What's the CSC staff turnover rate in Barset?", "Staff turnover is 23%"),
        ("What's the published staff turnover figure for Barset?", "Staff turnover is 23%"),
        ("barset 2023: what was the latest turnover figure", "Staff turnover is 23%"),
    ],
)
def test_figure(engine, question, expected):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.wants == "passages" and plan.expects in {"count", "percent"}, plan.describe()
    assert not answer.refused, answer.reason
    quote = answer.citations[0].quote
    assert expected in quote and FIGURE.search(quote), quote


# A share asked of a whole is answered by a quantifier as well as by a figure.
@pytest.mark.parametrize(
    "question",
    [
        "what share of the recommendations made last time has loamshire addressed?",
        "Loamshire 2022 - how many of the previous inspection's recommendations have they dealt with?",
    ],
)
def test_a_share_asked_of_a_whole_is_answered_by_a_quantifier(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert "Most of the recommendations" in answer.citations[0].quote


# A figure asked for against others is answered by a span saying in words how it stands against them.
@pytest.mark.parametrize(
    "question",
    [
        "how did the proportion of loamshire kids adopted compare with similar authorities?",
        "Loamshire 2022: adoption rate vs the national average?",
        "was the percentage of children adopted from care in loamshire higher than in similar councils",
    ],
)
def test_a_figure_against_others_is_answered_by_a_comparison_in_words(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert "leave care through adoption in Loamshire is much higher" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "barset send: how many years has the partnership had its current arrangements?",
        "barset send 2024: length of the partnership's strategy in years?",
        "How long has Barset's SEND partnership worked this way, in years?",
    ],
)
def test_when_the_next_inspection_is_due_is_no_answer_to_how_long_something_else_takes(engine, question):
    answer = engine.ask(question)
    quoted = not answer.refused and any("next full area SEND inspection" in c.quote for c in answer.citations)
    assert not quoted, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "how much did the council spend on agency staff",
        "what was barset's agency staff bill in £",
        "How much money does Barset LA spend on agency social workers?",
        "how much does barset pay for agncy staff",
        "Could you tell me the total cost of agency workers in Barset, please?",
        "Barset agency staff spend: how much?",
        "how much is barset spending on agency social workers each year",
        "barset annual spend on agency staff",  # terse: a figure asked for by name
        "Barset: financial cost to the council of agency workers?",
        "barset agency staff spend per year",
        "how much is barset forking out on agency social workers?",
        "How much did Barset shell out for agency staff last year?",
    ],
)
def test_figure_the_sources_do_not_give_is_refused_with_that_reason(engine, question):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.expects == "money", plan.describe()
    assert answer.refused, answer.answer
    assert answer.reason.startswith("No passage gives an amount of money for this."), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What was the average caseload for a Barset social worker in 2023?",
        "barset average caseload?",
        "whats the avarage caseload for social workers at barset",
    ],
)
def test_an_average_asked_for_is_answered_by_a_figure(engine, question):
    answer = engine.ask(question)
    assert engine.plan(question)[0].expects == "count"
    assert not answer.refused and "caseloads of around 18" in answer.citations[0].quote, answer.answer


@pytest.mark.parametrize(
    "question",
    ["What was the average caseload for a Loamshire social worker?", "loamshire average caseload 2022"],
)
def test_an_average_the_report_does_not_give_is_refused(engine, question):
    answer = engine.ask(question)
    no_figure, off_topic = "No passage gives a number for this.", "Only weakly related passages were found."
    # or, typed bare, that the report never speaks of caseloads (it does not)
    unmentioned = (
        "No passage of Inspection of Loamshire local authority children's services (2022-01-20) mentions"
    )
    assert answer.refused, answer.answer
    assert answer.reason in {no_figure, off_topic} or (
        answer.reason.startswith(unmentioned) and "'caseloads'" in answer.reason
    ), answer.reason


# 7. Topics: questions about findings, even opening "who", "when", "which" or "how long", are not facts;
# expected is a pattern one of the quotes must match.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who helps young people when they leave care", "Personal advisers keep in touch"),
        ("When are children offered a return home interview?", "return home interview within 72 hours"),
        ("what did the inspector criticise about care plans", "Care plans are too often generic"),
        ("how long do families wait for an assessment", "60 working days"),
        ("which partners work with the council on exploitation", "multi-agency panel"),
        pytest.param(
            "was the report critical of leaders",
            "slow to address weaknesses|Leaders did not know",
            marks=gap("'critical of' does not reach 'slow to address weaknesses' above the refusal bar"),
        ),
        ("Who does Barset LA team up with to tackle child exploitation?", "multi-agency panel"),
        ("when does help for barset care leavers stop", "up to the age of 25"),
        ("how long are send kids waiting for autism assesments", "18 months for an autism assessment"),
        ("hi, what did ofsted make of social workers' visits to children in care?", "visit children in care"),
        # "the report published in 2019" says which report; it does not ask when it was published
        (
            "What did the Barset report published in 2019 say about management oversight?",
            "Managers do not|oversight",
        ),
        (
            "Barset CSC (published June 2019): Ofsted's verdict on managers' oversight?",
            "Managers do not|oversight",
        ),
        # a question naming the council does not ask which council it is
        (
            "Someone said Loamshire's out-of-hours team is run with a neighbour. Which council shares it?",
            "shared with Wessex",
        ),
        # "how good were ..." a service, not one of the areas the report grades, asks what inspectors found
        ("barset 2023 - how good were RHIs after kids went missing?", "return home interview"),
        pytest.param(
            "How good are Barset's care plans?",
            "Care plans are too often generic",
            marks=gap("'care' is a word of a graded area, so 'care plans' alone reads as asking for a grade"),
        ),
        ("how well did barset do at tackling child exploitation", "multi-agency panel"),
        # a story, then a yes-or-no question about what the inspector found: not which inspector it was
        (
            "I saw a comment online saying care plans in Barset are vague. Is that what the inspector found?",
            "Care plans are too often generic",
        ),
        # "when" setting the time of the report, in a question after a story, asks no date
        (
            "My niece is in care and her plan is vague. Did Ofsted say anything about care plans when it "
            "reported on Barset?",
            "Care plans are too often generic",
        ),
        # children visited in a month are no inspection
        ("were children in care in barset visited in november? what about their care plans", "Care plans"),
        # "next" in the story before the question asks no next step
        (
            "My foster son turns 18 next year. What did Ofsted say about care plans in Barset?",
            "Care plans are too often generic",
        ),
    ],
)
def test_topic_question_is_not_a_report_fact(engine, question, expected):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert (plan.wants, plan.field) == ("passages", None), plan.describe()
    assert not answer.refused, answer.reason
    assert any(re.search(expected, c.quote) for c in answer.citations), [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    "question",
    [
        "is it true that fewer young people in barset are out of education than the national average? "
        "(send inspection)",
        "Is it true fewer Barset youngsters with SEND are out of work than the national average (2024)?",
        "are barset children placed out of area",
        "Is the out of hours service in Barset any good?",
        "how many barset kids are out of school",
    ],
)
def test_out_of_is_not_asking_when_a_report_came_out(engine, question):
    plan = engine.plan(question)[0]
    assert plan.wants != "field", plan.describe()


@pytest.mark.parametrize(
    "question",
    [
        "who did the barset send report say was waiting longest",
        "who did ofsted praise in the barset 2023 report?",
        "barset 2019 - who did inspectors single out for criticism?",
        "who conducted return home interviews in barset?",
    ],
)
def test_who_a_report_speaks_of_is_not_who_led_it(engine, question):
    plan = engine.plan(question)[0]
    assert plan.wants != "field", plan.describe()


@pytest.mark.parametrize(
    ("question", "field"),
    [
        # "when" of something the council did, not of the inspection, even with the report named after it
        (
            "When did Barset bring in its practice lead roles, and were they making things better for "
            "frontline staff, according to Ofsted's 2019 report?",
            "inspection_dates",
        ),
        (
            "when did barset start its weekly exclusions panel, and is it working, per the 2023 inspection",
            "inspection_dates",
        ),
        (
            "we foster for loamshire and friends say placements can wobble. latest ofsted - when children "
            "move homes, what did they put it down to?",
            "inspection_dates",
        ),
        # "who" of something else than making the report, even with the report named after it
        (
            "Who ordered the outside review of Barset's children's services that exposed problems at "
            "the front door, and when, per Ofsted's latest report?",
            "lead_inspector",
        ),
        (
            "who set up loamshire's shared out-of-hours team with wessex, according to the 2022 report",
            "lead_inspector",
        ),
        (
            "Who chairs Loamshire's corporate parenting board, according to Ofsted's 2022 inspection?",
            "lead_inspector",
        ),
        # "the published figure" asks for a figure, not when the report was published
        ("barset send 2024 - what's the published EHCP timeliness?", "published"),
        ("Barset SEND 2024 - the published EHCP timeliness?", "published"),
        ("barset send: their published figure for EHCP timeliness", "published"),
    ],
)
def test_a_when_or_published_of_something_else_asks_no_report_fact(engine, question, field):
    assert engine.plan(question)[0].field != field


# 8. What the report says needs to improve: answered from its findings list, the items about the
# question's subject when it names one; a question about change is not asking for the list.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what needs to improve at barset", "Leaders should reduce waiting times"),  # the newest report's
        ("Barset 2023: what did Ofsted recommend?", "The timeliness of assessments for children in need."),
        ("what did ofsted want improved for children in care in barset", "The quality of care plans"),
        pytest.param(
            "how could barset do better on care plans?",
            "The quality of care plans",
            marks=gap("nearer the examples of questions about findings in general; passages answer it"),
        ),
        ("areas for improvement barset 2023 workforce", "The stability of the social work workforce."),
        # which or how many of them, not a subject ("the sole", "the main")
        ("Barset CSC 2019: the sole area for improvement?", "The response to children at risk"),
        ("barset 2019 main areas for improvement", "The response to children at risk"),
        # who recommends is no subject of the findings
        ("what did ofsted and the cqc recommend for barset send?", "Leaders should reduce waiting times"),
    ],
)
def test_what_needs_to_improve_is_answered_from_the_findings_list(engine, question, expected):
    cited = field_answer(engine, question, "findings")
    assert cited.quote.startswith(expected), cited.quote


@pytest.mark.parametrize("question", ["has barset improved since 2019", "how much has barset improved"])
def test_a_question_about_change_is_not_a_findings_list_question(engine, question):
    assert engine.plan(question)[0].field != "findings"


# 9. With no year named, the newest report of each kind answers; naming a year reaches an older one.
@pytest.mark.parametrize(
    ("question", "sources"),
    [
        ("what did inspectors say about leaders at barset", {B23, SEND}),
        ("barset leaders", {B23, SEND}),
        ("what did inspectors say about leaders at barset in 2019", {B19}),
    ],
)
def test_the_newest_report_answers_unless_a_year_is_named(engine, question, sources):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert {c.source for c in answer.citations} <= sources, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "latest barset report - how many foster carers were recruited?",
        "In the most recent Barset inspection, how many new foster carers did they take on?",
        "barset newest ofsted report NUMBER OF FOSTER CARERS RECRUITED",
        "my friend says barset's current report has the number of foster carers recruited - how many?",
    ],
)
def test_a_question_naming_the_newest_report_is_not_answered_from_an_older_one(engine, question):
    answer = engine.ask(question)
    assert B19 not in {c.source for c in answer.citations if c.support != "not an answer"}, answer.answer
    # with no year named, the newest report answers too: an older one is shown only as the nearest passage,
    # and the reason says which year to ask, as only that report gives a figure; named by its year, it answers
    for unnamed in (
        "barset - how many foster carers were recruited?",
        "how many new foster carers in barset",
    ):
        older = engine.ask(unnamed)
        assert older.refused and "No passage gives a number for this." in older.reason, older.answer
        assert "the newest report answers; the 2019 report may: name a year to ask." in older.reason
        assert B19 in {c.source for c in older.citations}, older.answer
    named = engine.ask("barset 2019 - how many foster carers were recruited?")
    assert B19 in {c.source for c in named.citations if c.support != "not an answer"}, named.answer


# 10. Across reports: "which councils were rated X?" is answered from every report's record (each
# organisation's newest graded report unless a year is named), each item quoting its organisation line,
# its dates and its judgement row; a question naming one organisation is not a list.
@pytest.mark.parametrize(
    ("question", "rows"),
    [
        ("Which councils were rated good?", [OVERALL[LOAM]]),
        ("which LAs are judged good overall", [OVERALL[LOAM]]),
        ("how many councils got requires improvement", [OVERALL[B23]]),
        ("Which local authorities were rated 'requires improvement to be good'?", [OVERALL[B23]]),
        ("list the councils rated RI", [OVERALL[B23]]),
        ("Which councils were rated inadequate in 2019?", [OVERALL[B19]]),
        ("any failing councils in 2019?", [OVERALL[B19]]),
        ("Which local authorities failed their Ofsted inspection in 2019?", [OVERALL[B19]]),
        ("hi, could you tell me which councils were rated good or outstanding please", [OVERALL[LOAM]]),
        # a grade told by its place among the others: the grades it covers, never the grade it names
        ("which councils were rated below good?", [OVERALL[B23]]),
        ("which councils got less than good at their latest inspection", [OVERALL[B23]]),
        ("which councils were judged at least good?", [OVERALL[LOAM]]),
        ("which LAs were rated worse than RI in 2019", [OVERALL[B19]]),
        ("which councils were rated good for care leavers", [CARE_LEAVERS_ROW]),
        (
            "Which councils have a good rating for leadership?",
            ["The impact of leaders on social work practice with children and families  Good"],
        ),
        ("which councils were rated inadequte in 2019", [OVERALL[B19]]),  # a slip is put right first
        ("what's the worst rated council?", [OVERALL[B23]]),  # the lowest grade any newest report has
        ("top rated local authorities", [OVERALL[LOAM]]),
        ("Which council has the best rating?", [OVERALL[LOAM]]),
        ("lowest-rated council in 2019", [OVERALL[B19]]),
        ("which council is rated best", [OVERALL[LOAM]]),  # the extreme after the verb
        ("which LA was judged worst in 2019?", [OVERALL[B19]]),
        ("inadequate councils 2019", [OVERALL[B19]]),  # terse: the grade says which, the noun says list
        ("RI councils 2023 ofsted", [OVERALL[B23]]),
        ("care leavers requires improvement 2019 which councils", [CARE_LEAVERS_ROW_2019]),
        ("Which LAs got top marks?", [OVERALL[LOAM]]),
        ("what was the worst report?", [OVERALL[B23]]),  # the extreme of the reports themselves
        ("which are the best councils?", [OVERALL[LOAM]]),
        # asked "who": of the organisations, not who led an inspection
        ("who was rated inadequate in 2019?", [OVERALL[B19]]),
        ("who got good?", [OVERALL[LOAM]]),
        ("who's been judged good for care leavers", [CARE_LEAVERS_ROW]),
        # the organisations first, in the plural
        ("councils judged inadequate in 2019?", [OVERALL[B19]]),
        ("Councils that got RI?", [OVERALL[B23]]),
        # asked where, of them all: anywhere, per LA, a bare "where?" last; a judgement noun naming the grade
        ("rated inadequate anywhere in 2019?", [OVERALL[B19]]),
        ("newest ILACS per LA - overall judgement below good where?", [OVERALL[B23]]),
        ("where is the overall grade inadequate in 2019?", [OVERALL[B19]]),
        # a grade and those beyond it: "good or better" is good or outstanding
        ("how many councils got a good or better rating last time", [OVERALL[LOAM]]),
        ("which LAs were RI or worse in 2023?", [OVERALL[B23]]),
        # "children" alone names no judgement area: every one is about them
        ("which councils were failing their children in 2019 according to ofsted", [OVERALL[B19]]),
        # staff shorthand for a grade and a judgement; other verbs of getting one
        ("any LA whose latest ILACS left OE at req imp?", [OVERALL[B23]]),
        (
            "Judged on each council's newest ILACS, which authorities landed a requires improvement overall"
            " grade?",
            [OVERALL[B23]],
        ),
        ("which LAs scored requires improvement overall in 2023?", [OVERALL[B23]]),
        # how many, of no noun; a verdict named as such
        ("how many are still rated inadequate overall in 2019?", [OVERALL[B19]]),
        (
            "Going by each authority's newest report, how many remain saddled with a requires improvement"
            " overall verdict, and which?",
            [OVERALL[B23]],
        ),
        # the organisations "with" a grade of a judgement
        ("LAs with inadequate OE in 2019?", [OVERALL[B19]]),
        ("councils with requires improvement overall effectiveness, 2023", [OVERALL[B23]]),
        # got in a phrasal verb
        ("2019 ofsted visits - which councils walked away with an inadequate?", [OVERALL[B19]]),
        ("2022 ofsted visits - which councils walked away with a good?", [OVERALL[LOAM]]),
        ("which LAs came out good in 2022", [OVERALL[LOAM]]),
        # an area named in a story before the list is asked for is not what the list is of
        (
            "We want strong support for families and social work. Which councils were rated good in 2022?",
            [OVERALL[LOAM]],
        ),
    ],
)
def test_which_reports_were_given_a_grade(engine, question, rows):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.wants == "across", plan.describe()
    assert not answer.refused, answer.reason
    judged = [c.quote for c in answer.citations if "  " in c.quote or "judgement is" in c.quote]
    assert judged == rows, answer.answer
    assert "Answered from the report records" in answer.interpreted_as


@pytest.mark.parametrize(
    ("question", "rows"),
    [
        ("which councils had leaders judged below children in care?", [LEADERS_ROW, CHILDREN_IN_CARE_ROW]),
        ("newest ilacs - LAs where help and protection lower than CL?", [HELP_ROW, CARE_LEAVERS_ROW]),
        (
            "I run a leaving care team. Going by the latest inspections, where was the help and protection "
            "judgement a notch under the one for care leavers?",
            [HELP_ROW, CARE_LEAVERS_ROW],
        ),
        # the first side between the comparative and its "than"
        (
            "which councils did worse on leaders than on children in care?",
            [LEADERS_ROW, CHILDREN_IN_CARE_ROW],
        ),
        ("LAs where leaders got a lower grade than care leavers - which?", [LEADERS_ROW, CARE_LEAVERS_ROW]),
    ],
)
def test_one_judgement_set_against_another_lists_the_reports_judging_it_so(engine, question, rows):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.wants == "across", plan.describe()
    assert [c.quote for c in answer.citations if "  " in c.quote] == rows, answer.answer


@pytest.mark.parametrize(
    ("question", "sources"),
    [
        ("which inspections had leaders judged below children in care?", {B19, B23}),
        ("which LAs were ever rated inadequate?", {B19}),
        ("which LAs were ever rated requires improvement?", {B23}),
    ],
)
def test_a_list_asked_of_every_inspection_reads_every_graded_report(engine, question, sources):
    answer = engine.ask(question)
    assert engine.plan(question)[0].wants == "across"
    assert "graded reports of any year" in answer.interpreted_as, answer.interpreted_as
    assert {c.source for c in answer.citations} == sources, answer.answer


@pytest.mark.parametrize(
    "question",
    ["which councils had leaders judged below children in care?", "which LAs are rated inadequate now?"],
)
def test_a_list_asked_of_the_latest_inspections_reads_each_organisation_s_newest(engine, question):
    answer = engine.ask(question)
    assert {c.source for c in answer.citations} <= {B23, LOAM}, answer.answer


def test_no_report_judging_one_area_above_another_is_said_so(engine):
    answer = engine.ask("which councils had care leavers rated better than children in care?")
    assert answer.refused and "judges the one area better than the other" in answer.reason, answer.answer


def test_a_listed_item_quotes_who_and_when_beside_the_grade(engine):
    answer = engine.ask("Which councils were rated inadequate in 2019?")
    assert [c.quote for c in answer.citations] == [
        ILACS_TITLE.format("Barset"),
        DATES[B19],
        OVERALL[B19],
    ]
    assert {c.source for c in answer.citations} == {B19}
    assert "1 of 1 reports from 2019" in answer.interpreted_as


@pytest.mark.parametrize(
    "question",
    [
        "which councils were inspected in 2019?",
        "which councils did ofsted visit in 2019",
        "list the councils ofsted inspected in 2019",
        "how many councils have been inspected in 2019?",
    ],
)
def test_which_were_inspected_in_a_year_lists_each_report_with_its_dates(engine, question):
    answer = engine.ask(question)
    assert engine.plan(question)[0].wants == "across"
    assert [c.quote for c in answer.citations] == [ILACS_TITLE.format("Barset"), DATES[B19]], answer.answer
    assert "1 report from 2019, each with its inspection dates" in answer.interpreted_as


@pytest.mark.parametrize(
    "question",
    [
        "which councils were inspected in 2019, and who led each one?",
        "For the 2019 inspections in this set: which councils, and who fronted each one?",
    ],
)
def test_which_were_inspected_and_who_led_each_quotes_its_lead(engine, question):
    answer = engine.ask(question)
    assert [c.quote for c in answer.citations] == [ILACS_TITLE.format("Barset"), DATES[B19], LEAD[B19]], (
        answer.answer
    )


# Whose grades moved: each organisation's newest graded report against the one of its kind before it.
@pytest.mark.parametrize(
    "question",
    [
        "which councils have improved?",
        "which council improved the most",
        "have any LAs got better since their last inspection",
        "which councils went up a grade",
        "list the councils that improved to requires improvement",
        # the move told by its two grades
        "which councils went from inadequate to RI",
        "which LAs improved from inadequate to requires improvement?",
        # against which report, said in words of its own; a count of them
        "which councils improved at their most recent inspection compared to the time before?",
        "no. of LAs whose OE improved at the latest ILACS vs the previous one?",
        # where, or who, things got better
        "where did things get better at the last inspection compared to the one before",
        "who went up a grade?",
    ],
)
def test_which_organisations_grades_went_up_lists_both_reports_rows(engine, question):
    answer = engine.ask(question)
    assert engine.plan(question)[0].wants == "across"
    assert [c.quote for c in answer.citations if c.quote.startswith("Overall")] == [
        OVERALL[B19],
        OVERALL[B23],
    ]
    assert "Barset inadequate (2019) -> requires improvement (2023)" in answer.interpreted_as


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("which councils improved on care leavers?", CARE_LEAVERS_ROW),
        ("Which LAs got better for care leavers", CARE_LEAVERS_ROW),
    ],
)
def test_whose_grade_for_an_area_went_up(engine, question, row):
    answer = engine.ask(question)
    assert [c.quote for c in answer.citations][-1] == row, answer.interpreted_as
    assert "requires improvement (2019) -> good (2023)" in answer.interpreted_as


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        ("which councils went down a grade", "worse"),
        ("have any councils got worse since their last inspection?", "worse"),
        # asked where ("anywhere"), of the children ("kids") every judgement is about
        ("has it slipped anywhere, comparing the last ofsted with the one before it", "worse"),
        ("has anywhere got worse for kids since their last inspection?", "worse"),
        ("which councils saw their grade fall at the latest inspection", "worse"),
        ("who dropped a grade?", "worse"),
        # a move between two grades no report made (Barset went from inadequate to requires improvement)
        ("which councils went from inadequate to good?", "better"),
        ("which LAs moved from requires improvement to good", "better"),
    ],
)
def test_no_report_making_the_move_asked_about_is_a_refusal_that_says_so(engine, question, direction):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == (
        f"No report in scope judges overall effectiveness {direction} than the report before it."
    ), answer.interpreted_as


@pytest.mark.parametrize(
    "question",
    ["which councils have more foster carers?", "which councils improved their return home interviews"],
)
def test_a_change_in_something_else_is_no_question_of_grades(engine, question):
    assert "report records" not in (engine.ask(question).interpreted_as or "")


# The collection itself: which reports the sources hold, how many, the newest or oldest, from the records.
@pytest.mark.parametrize(
    "question",
    [
        "What reports are there for Barset?",
        "list all barset inspections",
        "Barset - which inspections do u have",
        "is there a report on barset",
        "hi there, I'm a local journalist - what documents have you got on Barset please?",
    ],
)
def test_the_reports_held_on_an_organisation_are_listed_oldest_first(engine, question):
    answer = engine.ask(question)
    assert engine.plan(question)[0].wants == "catalogue"
    assert [c.source for c in answer.citations] == [B19, B19, B23, B23, SEND, SEND], answer.answer
    assert "the sources hold 3 reports on Barset; oldest first" in answer.interpreted_as


@pytest.mark.parametrize(
    "question",
    [
        "which councils did peter ashworth inspect?",
        # the inspector named first, then a pronoun for them
        "peter ashworth - which LAs did he lead?",
        "Peter Ashworth: which councils did he inspect",
        # the field asked of the inspector named, a plural left open, in other verbs
        "which inspections did Peter Ashworth lead?",
        "peter ashworth - LI for which council(s) & when?",
        "peter ashworth ran the ofsted inspection for which council(s) and when",
    ],
)
def test_the_reports_an_inspector_led_are_listed(engine, question):
    answer = engine.ask(question)
    assert {c.source for c in answer.citations} == {B19}, answer.interpreted_as
    assert "from the report record" in answer.interpreted_as, answer.interpreted_as
    # each report cites the line saying who led it: that is what makes it one of theirs
    assert any(c.quote.startswith("Lead inspector: Peter Ashworth") for c in answer.citations), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "how many reports do you have",
        "What documents can I ask about?",
        "which councils do you cover",
        "what inspections are in your database",
    ],
)
def test_the_whole_collection_is_counted_and_listed(engine, question):
    answer = engine.ask(question)
    assert engine.plan(question)[0].wants == "catalogue"
    assert "the sources hold 4 reports on 2 organisations" in answer.interpreted_as
    assert {c.source for c in answer.citations} == set(FILES)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("what's the most recent report you have?", SEND),
        ("newest report?", SEND),
        ("What is the oldest report", B19),
        ("which is the earliest inspection you hold", B19),
        ("which council has the most recent inspection?", SEND),
        ("which councils were inspected most recently", SEND),
        ("what was the first inspection of barset", B19),
        ("whats the oldest inspection you've got on file", B19),
    ],
)
def test_the_newest_or_oldest_report_held(engine, question, source):
    answer = engine.ask(question)
    assert {c.source for c in answer.citations} == {source}, answer.interpreted_as
    assert engine.plan(question)[0].wants == "catalogue"


@pytest.mark.parametrize(
    "question",
    [
        "which reports mention return home interviews?",
        "what did the latest report say about children who go missing",
        "Which councils were rated inadequate?",
        "what's in the latest barset report",
        "how many care leavers are there in barset",
        "when was barset last inspected",
        "how many inspectors were on the barset inspection?",
    ],
)
def test_a_question_about_what_reports_say_is_no_question_about_the_collection(engine, question):
    assert engine.plan(question)[0].wants != "catalogue"


@pytest.mark.parametrize(
    ("question", "extreme"),
    [
        ("which councils were inspected most recently", "newest"),
        ("what was the last report?", "newest"),
        ("which councils were inspected last year?", None),  # a year, not the newest report
        ("the earliest inspection", "oldest"),
    ],
)
def test_the_newest_or_oldest_report_asked_for(question, extreme):
    assert asking.dated_extreme(question) == extreme


@pytest.mark.parametrize(
    "question",
    [
        "which is better for care leavers, barset or loamshire?",
        "barset or loamshire - which is stronger on child protection?",
    ],
)
def test_which_of_two_named_does_better_sets_them_side_by_side(engine, question):
    assert engine.plan(question)[0].wants == "compare"


def test_getting_better_between_two_years_is_no_choice_between_them(engine):
    assert engine.plan("why did barset get better between 2019 and 2023?")[0].wants != "compare"


def test_a_figure_for_the_period_inspected_is_no_list_of_inspections(engine):
    assert engine.plan("What was the council's budget (£m) for the period inspected?")[0].wants != "across"


def test_no_report_with_the_grade_is_a_refusal_that_says_so(engine):
    answer = engine.ask("Which councils were rated inadequate?")  # Barset's newest report is not
    assert answer.refused and not answer.citations
    assert answer.reason == "No report in scope judges overall effectiveness inadequate."


@pytest.mark.parametrize(
    "question",
    [
        "Was Barset rated inadequate?",
        "what did the report say about good practice",
        "What areas need improvement at Barset?",
        "which children are looked after by good foster carers",
    ],
)
def test_a_question_about_one_report_or_a_topic_is_not_a_list(engine, question):
    assert engine.plan(question)[0].wants != "across"


# 12. Kinds of answer read from everyday wording: a count answered by "no children ..." when the question
# says "kids"; a place's name; a yes-or-no question about a number answered by prose.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "how many loamshire kids are stuck in bed and breakfast places?",
            "no children in care living in bed",
        ),
        ("Loamshire: how many kids in care live in B&B accommodation", "no children in care living in bed"),
        ("which council does loamshire share its out of hours team with", "shared with Wessex"),
        ("Which other borough runs Loamshire's out-of-hours service with it?", "shared with Wessex"),
        ("in loamshire, which neighbouring council shares the emergency duty team?", "shared with Wessex"),
        ("Loamshire: out-of-hours cover is shared - with which partner council?", "shared with Wessex"),
        ("size of the loamshire care leaver population in custody?", "no care leavers in custody"),
        ("loamshire - headcount of care leavers in custody?", "no care leavers in custody"),
        ("Loamshire ILACS: count of kids in care in B&B accommodation?", "no children in care living in bed"),
    ],
)
def test_kinds_of_answer_in_everyday_words(engine, question, expected):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert any(expected in c.quote for c in answer.citations), [c.quote for c in answer.citations]


# 13. Acronyms the reports spell out: "SALT" is searched as "speech and language therapy".
@pytest.mark.parametrize(
    "question",
    [
        "is there enough SALT for barset kids with SEND?",
        "Barset SEND report: how long do children wait for SALT",
        "SALT waits in barset (send)",
        "Hi, I'm a parent in Barset. Can my son get SALT quickly, according to the SEND inspection?",
    ],
)
def test_an_acronym_the_reports_spell_out_is_searched_as_its_words(engine, question):
    answer = engine.ask(question)
    assert "speech and language therapy" in engine.plan(question)[0].topic
    assert not answer.refused, answer.reason
    assert any("up to 40 weeks" in c.quote for c in answer.citations), [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("barset send - do kids wait 40wks for speech therapy?", "40 weeks"),
        ("loamshire 2022 - care leavers in custody for 6mths or more?", "6 months"),
        ("barset CiC on a 25hr school week?", "25 hours"),
    ],
)
def test_a_length_of_time_as_typed_is_read_as_the_reports_write_it(engine, question, written):
    assert written in engine.plan(question)[0].query


# 13b. A domain term in the public's words is searched in the reports' words too ("left care": care leavers);
# the topic stays as asked.
@pytest.mark.parametrize(
    "question",
    [
        "do young people who've left care in barset get help with housing?",
        "barset 2023 - young people leaving care, any help finding a home?",
        "YOUNG PEOPLE LEAVING CARE BARSET HOUSING",
        "Hi! Are care-experienced young people in Barset helped with housing and work?",
    ],
)
def test_a_term_in_everyday_words_is_searched_in_the_reports_words(engine, question):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert "care leavers" in plan.search_text and "care leavers" not in plan.topic, plan.search_text
    assert not answer.refused, answer.reason
    assert any("care leavers" in c.quote for c in answer.citations), [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    "question",
    ["how many new FCs did barset take on in 2019?", "barset 2019 - FC recruitment numbers?"],
)
def test_staff_shorthand_is_searched_as_the_reports_write_it(engine, question):
    answer = engine.ask(question)
    assert "foster carers" in engine.plan(question)[0].search_text
    assert any("14 new foster carers" in c.quote for c in answer.citations), answer.reason


def test_a_term_written_as_the_reports_write_it_is_searched_as_asked(engine):
    plan = engine.plan("how do barset care leavers get help with housing")[0]
    assert plan.search_text == plan.topic


# 14. Slips of the keyboard: a word neither the corpus nor the model knows, one slip from a corpus word.
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long do barset families wait for an assesment (2023)", "more than 60 working days"),
        ("Barset 2023: how long do familes wait for assessmnets?", "more than 60 working days"),
        ("who was the lead inpsector for barset in 2019", LEAD[B19]),
        ("barset inspecton 2019 - who led it", LEAD[B19]),
    ],
)
def test_a_misspelt_question_is_read_as_meant_and_says_so(engine, question, expected):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert any(expected in c.quote for c in answer.citations), [c.quote for c in answer.citations]
    assert "Read “" in (answer.interpreted_as or ""), answer.interpreted_as


def test_a_question_about_one_report_weighs_every_sentence_of_it(engine):
    found = engine.search("barset 2023: are care plans any good?", k=1)
    assert found.plan.sources == {B23} and len(found.hits) == 1, "search still returns the hits asked for"
    assert len(found.index.chunk_ids()[B23]) > 1, "the report must span several passages for this test"
    text = found.index.documents[B23].text
    sentences = {s for s in found.index.sentences_of(B23) if not answering.is_heading(text, *s)}
    scored = {(e.start, e.end) for e in engine.evidence(found) if e.source == B23}
    assert sentences <= scored


def test_sentences_are_scored_against_the_topic_and_its_subject_words(engine):
    import numpy as np

    from bot.subjects import subject_words

    question = "Is it true that Ofsted said barset's care plans were too generic?"
    found = engine.search(question)
    plan, topic = engine.plan(question)
    words = subject_words(plan.topic, found.index.stop_words())
    assert {"care", "plans", "generic"} <= set(words) and not {"said", "ofsted", "barset"} & set(words)
    subject = engine.queries.embed([" ".join(words)])[0]
    mixed = (topic + subject) / np.linalg.norm(topic + subject)
    assert np.allclose(found.vector, topic), "passages are searched with the topic's vector"
    assert np.allclose(engine.scoring_vector(found), mixed, atol=1e-5)
    bare = engine.search("care plans generic")
    assert np.allclose(engine.scoring_vector(bare), bare.vector), "no framing: the topic alone"


@pytest.mark.parametrize(
    "question",
    ["how many care leavers did barset have?", "barset care leavers - how many", "How much did it spend?"],
)
def test_how_many_or_how_much_names_no_subject(engine, question):
    """It asks for a figure: "too many changes of social worker" is not about it."""
    from bot.subjects import subject_words

    found = engine.search(question)
    words = set(subject_words(found.plan.topic, found.index.stop_words()))
    weights = answering.query_weights(found.index, found.plan.search_text)
    assert not {"many", "much"} & (words | set(weights)), (words, weights)


# 15. The domain's terms and a county's short name in the public's words: "CP" is child protection, kids
# "looking after a poorly mum" are young carers, "Loams" is Loamshire (as "Cambs" is Cambridgeshire).
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how big was the jump in CP cases in loamshire", "child protection plan rose from 210 to 380"),
        ("loams CP plans - up or down?", "child protection plan rose from 210 to 380"),
        ("Did the number of kids on CP plans go up in Loams?", "child protection plan rose from 210 to 380"),
        ("does loamshire pick up on kids who are looking after a poorly mum or dad", "Young carers"),
        ("Loams: help for children caring for their parents?", "Young carers"),
        ("are teenagers who look after a sick parent in loamshire noticed", "Young carers"),
        ("at what age do loamshire kids leaving care get on the council housing list?", "16th birthday"),
        ("Loamshire: how old are care leavers when they are put on the housing register", "16th birthday"),
        ("how many young people leaving care are locked up in loamshire", "no care leavers in custody"),
        ("How meny young people who have left care are in custody in Loams?", "no care leavers in custody"),
        (
            "how many young people who'd left the council's care were locked up in loamshire?",
            "no care leavers",
        ),
        ("loamshire - number of kids who had left its care in prison?", "no care leavers in custody"),
    ],
)
def test_terms_and_short_names_in_everyday_words(engine, question, expected):
    answer = engine.ask(question)
    assert engine.plan(question)[0].scope.organisations == ["Loamshire"], engine.plan(question)[0].describe()
    assert not answer.refused, answer.reason
    assert any(expected in c.quote for c in answer.citations), [c.quote for c in answer.citations]


# 16. A question about a change ("has it gone down?") is answered by the sentence stating a change, not by one
# that only names the subject.
@pytest.mark.parametrize(
    "question",
    [
        "has the number of loamshire kids kicked out of school gone down?",
        "are exclusions in loamshire falling",
        "Loamshire exclusions - going up or down?",
        "did loamshire manage to reduce school exclusions",
        "Have exclusions in Loamshire decreased since last time?",
        "loamshire: pupils excluded from school, has that improved",
    ],
)
def test_a_question_about_a_change_is_answered_by_the_change(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert any("have fallen since the last inspection" in c.quote for c in answer.citations)
    found = engine.search(question)
    best = max(engine.evidence(found), key=lambda e: e.score)
    assert "have fallen" in engine.document(best.source).text[best.start : best.end]


# 17. A figure asked for in terse words is still a figure ("young carers numbers", "wait in weeks"); and a
# figure about something beside the question ("rose from 210 to 380" child protection plans) does not answer
# it: the best sentence about the question gives none, so the sources do not say.
@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how many young carers has loamshire identified?", "count"),
        ("Loamshire young carers - number identified in the year?", "count"),
        ("loamshire young carers numbers 2021", "count"),
        ("loamshire young carers numbers when ofsted inspected?", "count"),
        ("young carer stats at the time of the loamshire visit?", "count"),
    ],
)
def test_a_figure_the_best_sentences_do_not_give_is_refused(engine, question, kind):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.expects == kind, plan.describe()
    assert answer.refused, answer.answer
    assert answer.reason == "No passage gives a number for this.", answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "barset send autism assessment wait in weeks",
        "how long do barset send kids wait for autism checks",
        "barset send autism assessment wait months",
    ],
)
def test_a_length_of_time_in_terse_words_is_answered_by_one(engine, question):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.expects == "duration", plan.describe()
    assert any("18 months for an autism assessment" in c.quote for c in answer.citations), answer.answer


@pytest.mark.parametrize(
    "question", ["loamshire camhs wait weeks", "Loamshire mental health waiting times in months?"]
)
def test_a_length_of_time_the_report_does_not_give_is_refused(engine, question):
    answer = engine.ask(question)
    assert engine.plan(question)[0].expects == "duration"
    assert answer.refused, answer.answer


# 18. A grade asked of a report that states none is refused as such, not answered with passages.
@pytest.mark.parametrize(
    "question",
    [
        "Did Barset's SEND partnership get an RI rating in 2024?",
        "barset send 2024 - rated inadequate?",
        "Was the 2024 Barset area SEND inspection graded outstanding?",
        "barset send 2024 grade - RI?",  # the grade written bare beside "grade"
        # the grade a question takes for granted, with the verb in any form
        "Why did ofsted rate barset inadequate for send in 2024?",
        "what led inspectors to grade barset requires improvement in the 2024 send inspection",
    ],
)
def test_a_grade_asked_of_a_report_that_states_none_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert answer.reason == "No passage states a grade for this."


# A grade asked with no organisation or year, over two councils' reports: whose grade is not said.
@pytest.mark.parametrize(
    "question", ["ofsted rating", "overall effectiveness grade?", "what grade did they get"]
)
def test_a_grade_asked_of_no_organisation_among_several_is_refused_asking_which(engine, question):
    answer = engine.ask(question)
    assert answer.refused and "names no report" in answer.reason, answer.answer


# A why-question praising what the report lists as needing to improve takes for granted what it does not say.
@pytest.mark.parametrize(
    "question",
    [
        "Why did Ofsted say Loamshire's return home interviews for kids who go missing were so thorough?",
        "loamshire return home interviews rigorous why",
        "loamshire - why are the return home interviews for missing kids so thorough?",
    ],
)
def test_a_why_question_praising_what_the_report_lists_to_improve_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert "needing to improve" in answer.reason
    assert "The quality of return home interviews" in answer.citations[0].quote


def test_a_why_question_finding_fault_with_what_the_report_lists_to_improve_is_answered(engine):
    answer = engine.ask("why are loamshire's return home interviews so poor?")
    assert not answer.refused, answer.reason
    assert "The quality of return home interviews" in answer.citations[0].quote


# Why-questions taking for granted what the report says is not so are refused, quoting what it says;
# why-questions whose premise the report bears out are answered.
@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("Why are so many Loamshire children in care living in B&Bs?", "bed and breakfast"),
        ("why r loamshire kids in care stuck in bed and breakfasts", "bed and breakfast"),
        ("Loamshire: why are lots of care leavers in custody?", "no care leavers in custody"),
        ("how come so many of loamshire's care leavers end up in custody?", "no care leavers in custody"),
        # what is taken for granted is a clause the report negates, in other words
        (
            "Why did Ofsted single out Loamshire's corporate parenting board as a driving force behind "
            "improvements for children in care?",
            "has not been effective",
        ),
        (
            "loamshire - why did inspectors say the corporate parenting board drives improvements for kids "
            "in care?",
            "has not been effective",
        ),
        ("why is loamshires corporate parenting board so effective?", "has not been effective"),
        # ... or says the opposite of it
        ("Why did inspectors say Loamshire has plenty of its own children's homes?", "insufficient in-house"),
        ("why does loamshire have sufficient in-house children's homes", "insufficient in-house"),
        ("why did ofsted say loamshire had loads of its own children's homes?", "insufficient in-house"),
        ("How come Loamshire has a lot of its own children's homes?", "insufficient in-house"),
        # the reason asked for in other words than "why", or "why" tacked on at the end
        ("loamshire corporate parenting board driving improvements why", "has not been effective"),
        (
            "What made inspectors credit Loamshire's corporate parenting board with driving improvements?",
            "has not been effective",
        ),
        ("What explains the high number of Loamshire care leavers in custody?", "no care leavers in custody"),
        # the year that sets its scope is no part of what the quote must deny
        ("Why were so many Loamshire children in care living in B&Bs in 2022?", "bed and breakfast"),
        (
            "What reasons did inspectors give for saying Loamshire has plenty of its own children's homes?",
            "insufficient in-house",
        ),
        # a reason asked of what the asker was told takes that for granted
        (
            "I read that lots of Loamshire children in care were living in B&Bs. What went wrong?",
            "bed and breakfast",
        ),
        (
            "A social worker told me loamshire kids in care end up in bed and breakfasts. how did it come "
            "to that?",
            "bed and breakfast",
        ),
        (
            "Someone on facebook said Loamshire has plenty of its own children's homes. How did they "
            "manage that?",
            "insufficient in-house",
        ),
        (
            "I was told the inspectors weren't happy with how Loamshire social workers get to know their "
            "children. What went wrong?",
            "know their children well",
        ),
    ],
)
def test_a_why_question_the_report_denies_is_refused_quoting_it(engine, question, quote):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert answer.citations and quote in answer.citations[0].quote
    assert answer.citations[0].support == "contradicts"


# A reason asked of what the asker was told ("I read that X. What went wrong?") takes X for granted: answered
# when the report bears X out (refused, quoting it, when it says otherwise: above).
def test_a_reason_asked_of_what_was_told_that_the_report_bears_out_is_answered(engine):
    answer = engine.ask("I heard Loamshire's child protection numbers went up. What caused that?")
    assert not answer.refused, answer.reason
    assert any("rose from 210 to 380" in c.quote for c in answer.citations)


# A why-question takes its topic for granted: when the report never mentions it, it is refused as unmentioned.
@pytest.mark.parametrize(
    "question",
    [
        "Why are Loamshire social workers drowning in caseloads?",
        "loamshire social workers huge caseloads why",
        "What has caused the excessive caseloads for social workers in Loamshire?",
        "how come loamshire sws have such massive caseloads",
    ],
)
def test_a_why_question_about_what_the_report_never_mentions_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert "caseloads" in answer.reason and "'sws'" not in answer.reason, answer.reason


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("Why do Barset families wait so long for an assessment?", "Families wait too long"),
        ("why are barset care plans so vague?", "Care plans are too often generic"),
        ("Why did Loamshire's child protection numbers go up?", "rose from 210 to 380"),
    ],
)
def test_a_why_question_the_report_bears_out_is_answered(engine, question, quote):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert any(quote in c.quote for c in answer.citations)


# Someone the council has, asked for by role or by running its services, is no question of who led the
# inspection (the answer named the lead inspector as Derby's director of children's services).
@pytest.mark.parametrize(
    "question",
    [
        "what is the name of the director of children's services in barset",
        "who runs children's services in barset",
        "who is in charge of barset children's services?",
        "who was in charge of children's services in barset in 2019",  # in the past too
        "who was running barset's childrens services in 2019",
        "who's the chief exec of barset council",
        "barset DCS name?",
    ],
)
def test_a_council_s_officer_asked_for_is_not_the_lead_inspector(engine, question):
    plan = engine.plan(question)[0]
    assert plan.field != "lead_inspector", plan.describe()
    assert plan.expects == "person", plan.describe()


@pytest.mark.parametrize(
    "question",
    [
        "who was in charge of the barset inspection",
        "who ran barset's 2023 inspection",
        "who's the HMI for barset",
        "Does anyone know who was in charge of it? I mean the 2019 barset ofsted visit",
    ],
)
def test_who_ran_the_inspection_is_still_the_lead_inspector(engine, question):
    assert engine.plan(question)[0].field == "lead_inspector"


# Follow-ups: the organisation the previous answer quoted is carried, though it was written in lower case.
@pytest.mark.parametrize(
    ("follow_up", "row"),
    # a short one is asked of the previous subject too: care leavers, in 2019
    [("what grade did they get", OVERALL[B23]), ("and how were they rated in 2019?", CARE_LEAVERS_ROW_2019)],
)
def test_a_follow_up_is_asked_of_the_organisation_the_previous_answer_quoted(engine, follow_up, row):
    first = engine.ask("how do barset's personal advisers help care leavers?")
    turn = engine.turn(first.question, [c.source for c in first.citations])
    assert turn.organisations == ("Barset",)
    answer = engine.ask(follow_up, history=[turn])
    assert not answer.refused, answer.reason
    assert answer.citations[0].quote == row


# 4b. Which inspectorate: the body that inspected and published, not the person who led nor the one inspected.
@pytest.mark.parametrize(
    "question",
    [
        "who published barset's send report?",
        "Which organisation inspected the Barset local area partnership in 2024?",
        "barset SEND - which watchdog looked at it",
        "who produced the 2024 area send report on barset",
        "By which body was the Barset SEND inspection carried out?",
        "wich regulator inspected barset send",
    ],
)
def test_which_inspectorate(engine, question):
    cited = field_answer(engine, question, "inspectorate")
    assert cited.source == SEND and "Ofsted" in cited.quote, cited.quote


def test_an_inspectorate_a_report_does_not_name_is_refused_saying_so(engine):
    answer = engine.ask("who published the 2023 barset report?")
    assert engine.plan("who published the 2023 barset report?")[0].field == "inspectorate"
    assert answer.refused and "does not state which inspectorate" in (answer.reason or ""), answer.answer


@pytest.mark.parametrize("question", ["who inspected barset in 2023", "who did the 2023 barset inspection"])
def test_who_inspected_asks_for_the_lead(engine, question):
    assert field_answer(engine, question, "lead_inspector").quote == LEAD[B23]


# 4c. Two facts in one question: both answered; one the report does not state is said so beside the other.
@pytest.mark.parametrize(
    "question",
    [
        "who led the 2023 barset inspection and when were inspectors there?",
        "barset 2023 - when did ofsted visit, and who was the lead inspector?",
        "When were inspectors in Barset in 2023 & who headed the team?",
    ],
)
def test_two_facts_asked_are_both_answered(engine, question):
    answer = engine.ask(question)
    quotes = {c.quote for c in answer.citations}
    assert not answer.refused and LEAD[B23] in quotes, answer.answer
    assert "Inspection dates: 6 to 17 March 2023" in quotes, answer.answer


def test_a_second_fact_not_stated_is_said_so_beside_the_first(engine):
    answer = engine.ask("who led the 2023 barset inspection and when was the report published?")
    assert not answer.refused and LEAD[B23] in {c.quote for c in answer.citations}, answer.answer
    assert any("does not state when the report was published" in n for n in answer.notes), answer.notes


def test_a_publication_date_not_stated_is_refused_with_the_date_the_sources_list(engine):
    answer = engine.ask("when was barset's 2023 report published")
    assert answer.refused and "listed under 12 May 2023" in (answer.reason or ""), answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "what do they mean by 'return home interview' in the barset report?",
        "barset - what's meant by a return home interview",
        "does that mean barset's missing children are seen again?",
    ],
)
def test_what_is_meant_asks_for_no_figure(engine, question):
    assert engine.plan(question)[0].expects != "count", engine.plan(question)[0].describe()


@pytest.mark.parametrize(
    "question",
    [
        "Will the next inspection give Barset a good rating?",
        "will barset get good at its next ofsted?",
        "I've just started as a social worker in Barset and everyone's talking about turning things round. "
        "Will the next inspection give the council a good rating?",
    ],
)
def test_the_grade_a_next_inspection_will_give_is_refused(engine, question):
    plan, answer = engine.plan(question)[0], engine.ask(question)
    assert plan.wants == "next_step" and answer.refused, (plan.describe(), answer.answer)


@pytest.mark.parametrize(
    "question",
    [
        "A councillor at our residents' meeting claimed Barset's children's services were found inadequate "
        "when Ofsted came in 2023. Is that correct?",
        "Is it true that Barset's children's services were found inadequate when Ofsted came in 2023?",
        "someone told me barset was deemed to be inadequate in 2023 - is that right?",
        # where it landed, the name left out or not
        "where did barset land in 2023?",
        "Out of the possible grades an inspection can give, where did Barset land in 2023?",
        "barset 2023 ilacs - where did they finish?",
    ],
)
def test_a_grade_found_or_where_a_report_landed_is_a_grade_asked_about(engine, question):
    plan, answer = engine.plan(question)[0], engine.ask(question)
    assert plan.wants == "grade", plan.describe()
    assert not answer.refused and OVERALL[B23] in {c.quote for c in answer.citations}, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "has barset's grade gone up with each one?",
        "Looking at all of Ofsted's reports on Barset council, has the grade gone up with each one?",
        "We moved to Barset a few years ago and I keep hearing its children's services used to be in a bad "
        "way. Looking at all of Ofsted's reports on the council, has the grade gone up with each one?",
    ],
)
def test_the_grade_asked_of_each_report_in_turn_is_its_history(engine, question):
    plan, answer = engine.plan(question)[0], engine.ask(question)
    quotes = {c.quote for c in answer.citations}
    assert plan.wants == "history" and {OVERALL[B19], OVERALL[B23]} <= quotes, (
        plan.describe(),
        answer.answer,
    )


@pytest.mark.parametrize(
    "question",
    [
        "any mention of OCD in barset's 2023 report?",
        "barset 2023 ILACS - any mention of CYP with OCD or how they're supported with it?",
        "does the 2023 barset report say anything about kids with OCD, or how they're helped?",
    ],
)
def test_an_acronym_the_reports_neither_use_nor_spell_out_is_not_mentioned(engine, question):
    answer = engine.ask(question)
    assert answer.refused and "OCD" in (answer.reason or ""), answer.answer


SALT_WAIT = "in the north of the area, children wait up to 40 weeks for speech and language therapy"


@pytest.mark.parametrize(
    "question",
    [
        "barset send 2024 - SALT avg wks vs the north?",
        "barset send 2024: average weeks waiting for speech therapy?",
        "My nephew is waiting for speech therapy in Barset. According to the 2024 SEND inspection, how many "
        "weeks did children in the north wait?",
    ],
)
def test_a_length_of_time_typed_short_or_asked_of_something_else_is_answered_from_passages(engine, question):
    plan, answer = engine.plan(question)[0], engine.ask(question)
    assert (plan.wants, plan.expects) == ("passages", "duration"), plan.describe()
    assert not answer.refused and any(SALT_WAIT in c.quote for c in answer.citations), answer.answer


def test_pointing_words_in_a_topic_weigh_nothing_in_whether_the_reports_mention_it(engine):
    """ "CCTV or other surveillance in those homes": held words like "other" and "those" would make the
    reports seem to mention a topic they never do."""
    topic = "CCTV or other surveillance in those homes"
    weighed = answering.query_weights(engine.index, topic, left_out=refusals._NAMES_NO_TOPIC)
    assert {"cctv", "home"} <= set(weighed) and not {"other", "those"} & set(weighed), weighed


@pytest.mark.parametrize(
    "question",
    [
        "How does Barset make sure its care plans always say clearly what needs to happen?",
        "barset 2023 - how do they ensure care plans always say clearly what needs to happen?",
        "My manager said Ofsted praised Barset because its care plans always say clearly what needs to "
        "happen. How does the council make sure that always happens?",
    ],
)
def test_how_something_is_made_sure_of_takes_it_for_granted(engine, question):
    answer = engine.ask(question)
    assert answer.refused and "takes for granted" in (answer.reason or ""), answer.answer
    assert any("Care plans are too often generic" in c.quote for c in answer.citations), answer.citations
