"""Questions about what the inspectorate will do next or found at a later visit, and what answers them."""

from __future__ import annotations

import pytest

from bot.asking import asks_advice
from bot.engine import ADVICE
from bot.next_steps import (
    IN_POST_NOW,
    NOT_YET_FOUND,
    NOTHING_AFTER,
    ONLY_PLANNED,
    asks_after_report,
    asks_if_it_came_about,
    asks_next_step,
    asks_what_came_of,
    done_words,
    foretells,
    kind_of_answer,
    only_planned,
)

try:
    from app_fixtures import engine_on
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on

INTEREST = "I will be interested to see how the force responds to this assessment."
TIMING = "The next full area SEND inspection will be within approximately 3 years."


@pytest.mark.parametrize(
    "question",
    [
        "What will the inspector be looking for next?",
        "When will Durham be inspected again?",
        "What will Ofsted check when it comes back?",
        "What happens next for the force?",
        "When is the next inspection?",
        "What's next for West Midlands Police?",
        "is ofsted going back to durham soon",
        "Are inspectors coming back to Durham soon?",
        "will ofsted go back to durham",
        "will durham be rated good next time?",  # what a next inspection will give
        "what happens to durham now after the send inspection?",
        "has durham got to write a priority action plan for send?",  # what the inspection requires
        # keeping watch on what comes of it
        "is HMI going to be watching how the force reacts to this?",
        "will ofsted monitor how durham responds",
        "are inspectors going to keep an eye on the force's progress?",
    ],
)
def test_questions_about_the_next_step_are_recognised(question):
    assert asks_next_step(question)


@pytest.mark.parametrize(
    "question",
    [
        "is ofsted going back to durham soon",
        "Are inspectors coming back soon?",
        "next full inspection due roughly when?",  # "when" last, tersely
        # how long it will be, asked after the report it follows, or as a timescale
        "After the March 2023 SEND inspection of Barset, how long before inspectors come back?",
        "SEND insp - timescale for next full inspection?",
        "how long till ofsted go back into barset",
    ],
)
def test_asked_soon_a_next_step_is_asked_when(question):
    assert kind_of_answer(question) is kind_of_answer("When will Durham be inspected again?")


@pytest.mark.parametrize(
    "question",
    [
        "What are the next steps for care leavers?",  # the organisation's steps, not the inspectorate's
        "Does the force understand future demand for its services?",
        "What did the inspector say about domestic abuse?",
        "is the council going back to court soon",  # no inspectorate's step
        "did inspectors find managers monitor caseloads?",  # monitoring found, not the inspectorate's to come
        "will the council monitor children placed out of area?",  # the council's, said of no inspectorate
    ],
)
def test_other_questions_are_not_next_step_questions(question):
    assert not asks_next_step(question)


def test_what_the_inspectorate_will_look_at_is_answered_by_its_stated_interest_only():
    wanted = kind_of_answer("What will the inspector be looking for next?")
    assert wanted(INTEREST)
    assert wanted("Inspectors will return to check progress.")
    assert not wanted(TIMING), "when the next visit is due does not say what it will look at"
    assert not wanted("The council will review its plans.")


def test_when_the_next_visit_is_due_is_answered_by_its_timing_only():
    wanted = kind_of_answer("When will Durham be inspected again?")
    assert wanted(TIMING)
    assert not wanted(INTEREST), "what the inspectorate will look at does not say when"
    assert not wanted("The next steps for children are clear.")
    assert kind_of_answer("What will Ofsted look at when it returns?")(INTEREST), "asks what, not when"


def test_what_happens_next_is_answered_by_when_the_inspectorate_returns_or_what_it_requires():
    wanted = kind_of_answer("What happens to Durham now?")
    assert wanted(TIMING) and wanted(INTEREST)
    assert wanted("His Majesty’s Chief Inspector requires the partnership to submit a priority action plan.")
    assert wanted("Ofsted and CQC ask that the partnership updates and publishes its strategic plan.")
    assert not wanted("The council will review its plans.")
    # what it requires is what happens next, not what the inspectorate will look at
    looking = kind_of_answer("What will the inspector look at next?")
    assert not looking("Ofsted and CQC ask that the partnership updates and publishes its strategic plan.")


@pytest.mark.parametrize(
    "question",
    ["does the council need to write a plan for its foster carers?", "what is in the council's action plan?"],
)
def test_a_plan_of_the_council_s_own_is_no_next_step(question):
    assert not asks_next_step(question)


def test_a_first_person_quoted_from_someone_else_is_not_the_inspectorate():
    wanted = kind_of_answer("What will the inspector look at next?")
    assert not wanted("One young person said, ‘I think I will unfollow people I don’t know.’")


@pytest.mark.parametrize(
    "question",
    [
        "What did the inspectors find about children returning home?",
        "What did Ofsted say about children going missing again?",
    ],
)
def test_past_findings_about_returning_or_again_are_not_next_step_questions(question):
    assert not asks_next_step(question)


@pytest.mark.parametrize(
    "question",
    [
        "What did Ofsted's follow-up monitoring visit find?",
        "what did inspectors find when they came back",
        "follow up visit by ofsted - what did it find?",
        "Did the next inspection show things had improved in Barset?",
        "What did the monitoring visits conclude about care leavers?",
        "was it rated better at the revisit",
        "What did HMI find when she revisited the force?",
        "did ofsted ever go back and check??",
        "Did inspectors go back to Barset, and what did they find?",
        "what did ofsted find when it went back to barset after the 2023 inspection?",
        "have they gone back since - any results?",
        "Has there been a follow-up monitoring visit to Barset SEND after 2023 showing improvement?",
        "What did Barset's next full area SEND inspection find?",
        "barset next area send re-inspection - did it improve?",
        "Has Barset been reinspected, and what did Ofsted find?",
        "barset SEND - re-inspected yet? result?",
    ],
)
def test_questions_about_what_a_later_visit_found_are_recognised(question):
    assert asks_what_came_of(question)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("has barset got any better since ofsted slated it?", True),
        ("Did Barset stop placing children in unregistered homes after the inspection?", True),
        ("did waiting times come down after the report? any follow up visit?", True),
        ("barset got slated - has anything actually changed since?", True),
        ("Have things improved since that inspection?", True),
        # something done since a report named by its year
        ("barset - have they appointed a new director since the 2023 inspection?", True),
        ("Has Barset recruited more foster carers since its 2024 ILACS?", True),
        ("did barset bring in the new duty system after the 2022 report?", True),
        # the inspection without its article, the visit itself, the report by its grade or its year alone
        ("barset send waits down since inspection?", True),
        ("Has Barset ended its use of unregistered placements since the inspection?", True),
        ("after ofsted came, did barset ever stop putting kids in unregistered homes?", True),
        ("barset improved since inadequate?", True),
        ("barset reinspected since RI? good now?", True),
        ("has barset been re-inspected since it was rated inadequate?", True),
        ("has ofsted been back since they got requires improvement, are they better now?", True),
        ("barset send improved since 2023?", True),
        # anything since a report named by its date asks what came after it
        ("Has Barset got a virtual school head now, since the 2023 inspection?", True),
        ("is there a permanent DCS in barset since the 2023 report", True),
        ("Barset foster carer numbers since the March 2024 inspection?", True),
        ("Has Ofsted been back to Barset since it got requires improvement, and are they good now?", True),
        # whether someone is still in post now
        ("theresa smith still barset DCS?", True),
        ("Does Jo Bloggs remain Barset's director of children's services today?", True),
        ("Is Jo Bloggs still Barset Council's executive director of people services?", True),
        ("Is the director still improving services?", False),
        ("Does Jo Bloggs continue to hold the post of director of children's services at Barset?", True),
        ("Does Jo Bloggs continue as Barset's director of children's services?", True),
        ("jo bloggs carrying on as barset dcs?", False),  # not "carries on as"
        ("barset DCS now - jo bloggs or someone new since the send insp?", True),
        ("who is barset's director these days", True),
        ("jo bloggs at barset, or someone else by now?", True),
        ("What did the director do to improve services?", False),
        ("Since Ofsted were in back in January 2026, have they rolled the changes out?", True),
        ("R&C PF - has practice got more consistent since the Jan 26 ILACS?", True),
        # a weakness put right since the inspectors were there
        ("barset - have they sorted the weak care plans out since ofsted came?", True),
        ("Were the delays in assessments resolved after the inspectors visited Barset?", True),
        ("has barset fixed its leaving care problems since the inspection", True),
        # what came of a plan since
        ("barset - since the inspection, has the plan to train staff made any difference?", True),
        ("has the new hub had any impact since the 2023 inspection?", True),
        ("did the plan make a difference to children?", False),
        ("Have the problems inspectors flagged a year earlier been fixed?", False),
        # "following" a dated inspection, a thing done or undone since
        ("Has the DfE commissioner since been withdrawn following the 2024 inspection?", True),
        ("barset - improvement adviser removed following the 2023 ilacs?", True),
        ("What grade did Barset get following its 2024 inspection?", False),
        # a home or a service registered since
        ("Did Barset get its new children's home registered after the 2024 inspection?", True),
        ("barset - new home registered yet since the 2023 ILACS?", True),
        # the report compares itself with the inspection before it, names a time of its own, or a visit
        ("Has Barset improved since the last inspection?", False),
        ("how much have short breaks grown since its previous inspection? (2025 report)", False),
        ("Ofsted asked Barset to improve one thing after its 2020 inspection - what was it?", False),
        # "after" a dated inspection may be its result
        ("What overall judgement did Ofsted give Barset after the March 2025 inspection?", False),
        ("what grade did barset get after its 2024 ILACS?", False),
        ("has the backlog of EHCP reviews changed since year 3?", False),
        # the report by a pronoun, or by what it is ("assessment"), told as out
        ("Did the force put out an action plan after this came out?", True),
        ("did its anti-corruption work keep getting better in the years after this?", True),
        ("has it improved since the assessment?", True),
        ("what did the force do after it was published", True),
        ("what did the report say after this?", False),
        ("how long after this did children wait for a plan?", False),
        ("What did the monitoring visit find?", False),
        ("What will change after the inspection?", False),
    ],
)
def test_questions_about_what_came_after_the_inspection_itself_are_recognised(question, asks):
    assert asks_after_report(question) is asks


@pytest.mark.parametrize(
    "question",
    [
        "When will the next inspection be?",  # asks what will happen: a report can say
        "What will inspectors look at when they come back?",
        "What did the inspectors find about children returning home?",
        "What did Ofsted say about children going missing again?",
        "What did the 2017 re-inspection find?",  # the re-inspection's own report says
        "did children go back home after care in barset",
        "What did the inspectors find about young people going back to live with family?",
    ],
)
def test_other_questions_do_not_ask_what_a_later_visit_found(question):
    assert not asks_what_came_of(question)


def test_a_statement_of_what_will_happen_only_foretells_it():
    assert foretells("A monitoring inspection will be carried out within approximately 18 months.")
    assert foretells("Inspectors are due to return in the spring.")
    assert not foretells("At the monitoring visit in March, inspectors found that plans had improved.")


BARSET = "barset/area send inspection - 14 march 2024.txt"
WREKIN = "wrekin/children's services inspection - 9 june 2023.txt"
BARSET_TEXT = """Barset area SEND inspection

Inspection dates: 4 to 8 March 2024

The local area partnership's arrangements lead to inconsistent experiences and outcomes for children and
young people with special educational needs and/or disabilities.

Too many families wait too long for an assessment of their child's needs.

Ofsted and CQC ask that the local area partnership updates and publishes its strategic plan. A
monitoring inspection will be carried out within approximately 18 months.
"""
WREKIN_TEXT = """Wrekin children's services inspection

Inspection dates: 22 May to 2 June 2023

Care leavers are supported well by personal advisers who know them well.

At the monitoring visit in March 2022, inspectors found that the council had reduced delays in
assessments for children in need of help and protection.
"""


EXMOOR = "exmoor/children's services inspection - 12 may 2024.txt"
EXMOOR_TEXT = """Exmoor children's services inspection

Inspection dates: 22 April to 3 May 2024

A new drop-in hub for care leavers is in development and is planned to open in the town centre next spring.

The council opened a family centre in the north of the borough last year, where parents can get help.

Council tax exemption is not given to care leavers as standard, but a review of this is under way.

Leaders recognise that there is more to do to help care leavers into ring-fenced apprenticeships. A working
group is currently exploring how this can be developed.

Leaders are progressing with the registration of a new children's home.

The local offer for care leavers is not written in language young people can easily understand.

Currently, there is very limited overnight respite care for disabled children.
"""


# Two councils whose 2022 reports tell of a plan: the later report of one says nothing of it, the other's
# says it came about.
QUANTOCK_2022 = "quantock/children's services inspection - 10 june 2022.txt"
QUANTOCK_2025 = "quantock/children's services inspection - 12 march 2025.txt"
MENDIP_2022 = "mendip/children's services inspection - 15 july 2022.txt"
MENDIP_2025 = "mendip/children's services inspection - 20 may 2025.txt"
LATER = {
    QUANTOCK_2022: "Quantock children's services inspection\n\nInspection dates: 23 May to 1 June 2022\n\n"
    "Leaders plan to open an adolescent support unit offering respite to teenagers on the edge of care "
    "imminently.\n\nFoster carers are well trained.\n",
    QUANTOCK_2025: "Quantock children's services inspection\n\nInspection dates: 24 February to 7 March "
    "2025\n\n"
    "Social workers visit children regularly and know them well.\n\nCare leavers live in suitable homes.\n",
    MENDIP_2022: "Mendip children's services inspection\n\nInspection dates: 27 June to 8 July 2022\n\n"
    "Leaders plan to open an adolescent support unit offering respite to teenagers on the edge of care "
    "imminently.\n\nFoster carers are well trained.\n",
    MENDIP_2025: "Mendip children's services inspection\n\nInspection dates: 5 to 16 May 2025\n\n"
    "The adolescent support unit opened in 2023 and offers respite to teenagers on the edge of care.\n\n"
    "Care leavers live in suitable homes.\n",
}


# A plan beside a thing done: the best quote may be the plan, another says the thing asked of was done.
SELWOOD = "selwood/children's services inspection - 3 july 2024.txt"
SELWOOD_TEXT = """Selwood children's services inspection

Inspection dates: 10 to 21 June 2024

Leaders have revamped support for foster carers. In addition, there are plans to open two new local
children's homes and new family centres for residential assessments.

Early help services have been strengthened, with two family hubs opened in the borough.

Children in care see their social workers often.

The designated social care officer (DSCO) is implementing training for professionals in social care so
they better understand the needs of children with SEND. For example, practitioners are being trained in a
range of communication methods. This training is starting to have a positive impact for children and young
people who have an allocated worker.
"""


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("later-visits")
    texts = {BARSET: BARSET_TEXT, WREKIN: WREKIN_TEXT, EXMOOR: EXMOOR_TEXT, SELWOOD: SELWOOD_TEXT, **LATER}
    return engine_on(base, texts, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "What did Ofsted's follow-up monitoring visit find in Barset?",
        "barset send - what did the monitoring inspection find",
        "Did inspectors find things had improved in Barset when they came back?",
        # terse: what came of it asked by a noun
        "barset send monitoring visit findings 18 months after the march 2024 inspection",
        "Barset area SEND: outcome of the monitoring visit following the 2024 inspection?",
        "results of barset's send monitoring inspection?",
    ],
)
def test_a_later_visit_the_report_only_foretells_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == NOT_YET_FOUND, (answer.answer, answer.reason)


def test_a_visit_the_report_describes_is_answered(engine):
    answer = engine.ask("What did the monitoring visit find in Wrekin?")
    assert not answer.refused, answer.reason
    assert any("reduced delays" in c.quote for c in answer.citations)
    assert not any("Inspection dates" in c.quote for c in answer.citations), "a finding, not the dates line"


@pytest.mark.parametrize(
    "question",
    [
        "Did inspectors go back to Wrekin after the 2023 inspection, and what did they find?",
        "wrekin 2023 - did ofsted ever go back and check on care leavers?",
        "What did the follow-up visit after Wrekin's June 2023 inspection find about care leavers?",
        # with no year named: the newest report, which has no later one
        "has wrekin got any better since the inspection?",
        "Did Wrekin's care leavers get more help after the inspection?",
        "wrekin - anything changed since ofsted visited them?",
    ],
)
def test_what_came_after_the_newest_report_asked_of_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason in (NOTHING_AFTER, NOT_YET_FOUND), (answer.answer, answer.reason)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("has barset actually opened that new hub now?", True),
        ("did barset ever get the care leavers hub open in the end?", True),
        ("did the new recording system go live when they said it would?", True),
        ("Is the family hub up and running yet?", True),
        ("barset hub - finally open??", True),
        # asked in the present perfect, of now
        ("Has the hub opened?", True),
        ("Has Barset opened its third care leavers' hub, and where is it?", True),
        ("barset - have they got the new recording system working?", True),
        # spread further since
        ("Have the mental health teams now been extended to every school in Barset?", True),
        ("barset MHSTs - expanded to all schools yet?", True),
        ("did the short breaks offer ever get widened to older kids in barset", True),
        ("Did Barset get their new electronic case recording system working on time?", True),
        # what the report says, or what will happen
        ("Did the hub open?", False),
        ("When did the hub open?", False),
        ("When will the new hub open?", False),
        ("Are children still waiting too long for CAMHS?", False),
        ("is barset going to open a hub now?", False),
        # what came of a review, and whether it was brought in
        ("barset council tax exemption for care leavers - what came of the review? was it brought in?", True),
        ("did barset ever bring in free bus passes for care leavers?", True),
        ("Has the new case management system gone live as planned?", True),
        # what came of a thing under way
        ("What was the result of Barset's review of council tax exemption for care leavers?", True),
        ("barset care leavers council tax exemption review outcome", True),
        ("Did Barset end up giving care leavers a council tax exemption after their review?", True),
        ("do children who are meant to be adopted end up waiting a long time?", False),
        ("barset new recording system live yet", True),
        ("Has the commissioner since been withdrawn from Barset?", True),
        ("barset edge of care unit closed yet?", True),
        ("Co Durham - local offer site rebuilt/relaunched since the June 24 area SEND insp?", True),
        ("Barset - outcome of the DfE national eval of the pathfinder, post March 25 ILACS?", True),
        ("a commissioner was put in. is that person gone now after the 2024 ofsted?", True),
        ("Did Barset go on to recruit the extra leaving care capacity it had agreed to fund?", True),
        ("has the number of kids kicked out of school in barset gone down - send inspecton", False),
        # asked in the present perfect after a sentence saying what was under way
        ("barset - the SGO offer was 'under review' at the ILACS. has that review finished?", True),
        ("has barset put out the new easier to read local offer yet?", True),
        ("has barset published its new strategy yet?", True),
        ("Did the new children's home that Barset was registering subsequently open?", True),
        ("barset CLs local offer plain english version out yet", True),
        ("The barset offer was hard to follow. Have they brought out the simpler version by now?", True),
        ("Barset fostering: are carer agreements actually in place and signed?", False),  # at the visit
        ("barset local offer for care leavers - updated since ofsted yet?", True),
        ("Have they redone the care leavers' offer since the inspectors came?", True),
        ("Has Barset revised its local offer in the period after the 2024 inspection?", True),
        # a state asked of now by "yet" alone
        ("barset edge of care respite offer - countywide yet?", True),
        ("Is the family hub model in every part of Barset yet", True),
        ("barset care leavers hub sorted yet??", True),
        ("last yrs issues sorted yet?", False),  # asked of the report that followed them up
        ("Were the problems from the previous inspection fixed yet", False),
        ("Was the family hub model not yet in every part of Barset at the visit?", False),
        # a plan the question tells of, asked of now
        ("the 2023 report said extra respite was being developed. is there more respite now?", True),
        ("barset said it would open a hub - is there one now?", True),
        ("Barset said in 2023 it would build homes within two years - has it delivered them?", True),
        ("care leavers in barset - has the offer improved?", False),  # a change asked of the report
        ("Respite beds were planned in 2023: any more by now?", True),
        ("is there more respite now?", False),  # nothing told as planned: asked of the report
        ("Is there a plan for care leavers now?", False),
        ("what was being developed in 2023?", False),
        # a state told as given before the clause that asks what is done meanwhile
        ("barset SEND 2024 - DSR not fully live yet, so how are the at-risk CYP being tracked?", False),
        ("the hub hasn't opened yet; so what do families do in the meantime?", False),
        ("the DSR wasn't live at the inspection - is it live yet?", True),
    ],
)
def test_questions_asking_whether_something_has_since_come_about_are_recognised(question, asks):
    assert asks_if_it_came_about(question) is asks


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("has exmoor's drop-in hub for care leavers opened yet?", "in development"),
        ("did the care leavers hub in exmoor ever open in the end?", "in development"),
        ("is exmoor's new care leaver hub up and running now?", "in development"),
        ("exmoor care leavers drop in hub - open yet??", "in development"),
        ("Has Exmoor opened its drop-in hub for care leavers, and where is it?", "in development"),
        # the date asked is the hub's, not the inspection's
        ("did exmoor ever get the care leavers hub open in the end? when did it open?", "in development"),
        # a review under way, asked whether what it reviews was brought in
        (
            "exmoor care leavers - what came out of the council tax review, did they bring the exemption in?",
            "under way",
        ),
        ("did exmoor ever bring in council tax exemption for its care leavers?", "under way"),
        ("Has Exmoor implemented a council tax exemption for care leavers yet?", "under way"),
        # under way in other words, or said not to be done
        ("exmoor - did the new children's home they were registering open in the end?", "progressing"),
        ("has exmoor put out an easier to read local offer for care leavers yet?", "not written"),
        # the report says nothing of its being done
        ("exmoor overnight respite unit for disabled children - open yet?", "very limited"),
        (
            "Exmoor were setting up overnight short breaks for disabled kids - is it up and running by now?",
            "very limited",
        ),
        # the plan said in the sentence after the best one, in other words ("is currently exploring")
        (
            "exmoor - did the working group on apprenticeships for care leavers ever actually deliver?",
            "currently exploring",
        ),
    ],
)
def test_whether_a_planned_thing_came_about_is_refused_with_the_plan(engine, question, quote):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == ONLY_PLANNED, (answer.answer, answer.reason)
    assert any(quote in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "has wrekin appointed more personal advisers since the 2023 inspection?",
        "Did Wrekin recruit extra PAs for care leavers after its June 2023 inspection?",
        "wrekin - care leavers help got better since the 2023 ILACS?",
    ],
)
def test_what_was_done_since_the_newest_report_named_by_year_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == NOTHING_AFTER, (answer.answer, answer.reason)


@pytest.mark.parametrize(
    "question",
    [
        "Did Quantock go on to open the adolescent support unit it said in 2022 was about to open?",
        "quantock 2022 - did that teen respite unit ever actually open?",
        "Quantock's 2022 inspection said a support unit for adolescents was coming. Did it ever open in the "
        "end?",
    ],
)
def test_a_plan_of_an_older_report_its_later_ones_say_nothing_of_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == ONLY_PLANNED, (answer.answer, answer.reason)
    assert any("plan to open an adolescent support unit" in c.quote for c in answer.citations)


def test_a_plan_of_an_older_report_a_later_one_says_came_about_is_not_refused_as_only_planned(engine):
    answer = engine.ask(
        "Did Mendip go on to open the adolescent support unit it said in 2022 was about to open?"
    )
    assert answer.reason != ONLY_PLANNED, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "how many of the new family centre hubs has selwood opened so far?",
        "selwood - have they opened any family hubs yet",
        "Has Selwood actually opened the family hubs it talked about by now?",
    ],
)
def test_a_thing_another_quote_says_was_done_is_not_refused_as_only_planned(engine, question):
    answer = engine.ask(question)
    assert answer.reason != ONLY_PLANNED, answer.answer
    assert any("two family hubs opened" in c.quote for c in answer.citations), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "selwood - what's the DSCO doing to upskill SWs, and is it making any difference yet?",
        "Is the designated social care officer's training in Selwood having an impact yet?",
        "has the dsco training made any difference in selwood so far",
    ],
)
def test_a_plan_the_sentences_after_it_say_is_taking_effect_is_not_refused_as_only_planned(engine, question):
    answer = engine.ask(question)
    assert answer.reason != ONLY_PLANNED, answer.answer
    assert any("is implementing training" in c.quote for c in answer.citations), answer.answer


def test_whether_a_thing_the_report_says_was_done_came_about_is_answered(engine):
    answer = engine.ask("has exmoor actually opened a family centre yet?")
    assert not answer.refused, answer.reason
    assert any("opened a family centre" in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "should i move my son to a school in barset?",
        "Should we ask Wrekin for a different personal adviser for my daughter?",
        "would you recommend fostering for wrekin?",
        "is it a good idea to send my child to barset's services?",
        "would my foster son be better off staying with us or moving into a wrekin flat?",
        "my foster daughter in wrekin turns 18 soon - is she better off staying put with us or moving out?",
        "Barset: is my son better off in a residential school or at home with support?",
        "Is it better for us to ask Wrekin for a new social worker?",
        "ought we to complain to barset about the delays?",
        # a case put to it, or choices weighed
        "Should a parent take Barset to tribunal over an EHCP not updated after the annual review?",
        "our foster daughter in wrekin is nearly 18, should she stay with us or move out?",
        "My boy is struggling in mainstream in Barset, would a special school be better for him?",
        "Is staying put or a Wrekin flat the better option for a care leaver?",
        "Is it worth going for an EHCP for my girl in Barset?",
        "Is university or an apprenticeship better for a Wrekin care leaver?",
        "barset ehcp or sen support for my daughter",
        "NQSW here - would it be mad to take an ASYE post at barset after their ofsted?",
    ],
)
def test_a_question_asking_what_to_do_is_refused_with_the_nearest_passages(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == ADVICE, (answer.answer, answer.reason)
    assert all(c.support == "not an answer" for c in answer.citations)


def test_a_question_asking_what_to_know_is_not_advice(engine):
    answer = engine.ask("What should I know about care leavers in Wrekin?")
    assert not answer.refused, answer.reason


@pytest.mark.parametrize(
    ("question", "advice"),
    [
        ("Should a parent take Barset to tribunal over an EHCP?", True),
        ("should she stay with us or move out?", True),
        ("my sister's baby is on a CP plan - should she get a solicitor before the next meeting?", True),
        ("barset pay foster carers more now - is it worth me giving up my job to foster?", True),
        ("is it worth my daughter waiting for a place?", True),
        ("In your view, should Barset's director of children's services resign?", True),
        ("there's a job going in Barset's exploitation team. Would you go for it?", True),
        ("Barset offered early help. Is it a good idea to go along with it, or can I turn it down?", True),
        ("Would Barset be a sound choice for my ASYE?", True),
        ("do you think the director ought to step down?", True),
        ("barset DCS - should they quit over it? ur view", True),
        ("In your assessment, would it be right for the director to resign?", True),
        ("Should a family consent to a family group conference, or first obtain legal advice?", True),
        ("what's your opinion on barset's leaders?", True),
        # one course of action or another, weighed for the asker
        ("barset offered my son a placement far away - accept or refuse?", True),
        ("complain to the council or go to the ombudsman first?", True),
        ("fostering for barset: good idea or not", True),
        ("Is Barset a sensible choice for a newly qualified social worker?", True),
        ("is it wiser for us to wait for the review or to ask for a new worker now?", True),
        ("would you say it's worth me applying to adopt through Barset?", True),
        ("is a residential school the more suitable route for my son, or should we stay local?", True),
        ("Should a kinship carer encourage contact with the birth father?", True),
        # which of two is best, which to turn to, whether one must, whether it is worth it
        ("barset kinship carers - SGO vs adoption which best", True),
        ("residential or foster care for my nephew, which is better?", True),
        ("which service should I contact first if my son goes missing, police or social care?", True),
        ("which agency ought to be called: the police or children's services?", True),
        ("barset early help - do i have to accept?", True),
        ("Can we say no to a family group conference in Barset?", True),
        ("asye at barset - good shout?", True),
        ("fostering for barset - worth giving up my job for it?", True),
        ("mediation or tribunal 1st", True),
        ("our lad's at a special school in barset - would you push for him to go back to mainstream?", True),
        ("would u fight the council on this", True),
        ("kinship care for our grandson - is it a good idea at our age or too much?", True),
        ("is it a good idea or not for us to foster", True),
        # the bot's own view, asked personally or honestly; how the asker would fare
        ("SW, job offer in Barset's assessment team - worth the move or not? your honest view", True),
        ("Would you personally recommend that a social worker accept a role in Barset?", True),
        ("Would you personally advise the parents to seek his return to mainstream?", True),
        ("we're nearly 70 - honestly do u think we'd cope with kinship care?", True),
        ("Do you think I could manage fostering two teenagers?", True),
        ("honestly if it was your kid would you say yes or keep fighting for a special school place??", True),
        ("Barset ILACS 22 outstanding - your view, justified or overly generous?", True),
        ("do you reckon barset earned that outstanding? what do u think", True),
        ("in our shoes, would the council's offer be enough?", True),
        # a choice typed bare for one person, not what a group of them does
        ("derby care leaver uni or apprenticeship", True),
        ("barset 17 year old semi-independent or staying put", True),
        ("oxon - ehcna request myself or wait for school?", True),
        ("16yo nephew kicked out, barset offering voluntary care - take it or keep him on my sofa", True),
        ("barset care leavers sofa surfing or in b&b? jan 2024 report", False),
        ("barset CiC - sibling groups, kept together or split up?", False),
        ("barset child in need or CP plan?", False),
        ("my lad is 19 - are there many supported internships in barset or not really?", False),
        ("do you think barset's leaders could manage the change?", False),
        ("was the new hub worth the money or not, according to ofsted?", False),
        ("Did inspectors say the new hub is a good idea?", False),
        # text-speak, weighing worth, a recommendation asked for, one thing chosen over another
        ("barset or exmoor for an NQSW job, which would u go for", True),
        ("honestly is it wise?? what would u do in our shoes", True),
        ("ur advice on fostering for barset pls", True),
        ("barset ehcp stuck - pay for a private ed psych? worth it", True),
        ("barset edge of care team job - worth applying or too stressful?", True),
        ("Barset kinship carers are weighing an SGO. What's your recommendation for them?", True),
        ("Should would-be adopters in Barset choose the regional agency over a charity?", True),
        ("should my sister go with the council rather than an agency?", True),
        ("is moving my son to a barset special school wise", False),  # no one is asked to choose
        ("did inspectors think the new system was worth the money?", False),
        ("Which agency did Barset choose over the others for its adoption service?", False),
        ("which council is best for care leavers?", False),  # the records answer which did best
        ("which agencies should attend strategy meetings in Barset?", False),  # what the report expects
        ("did leaders support or discourage staff from raising concerns?", False),
        ("which came first in Barset, the audit or the improvement plan?", False),
        # what should happen in general, or what something should hold, is no choice put to the reader
        ("Should a child in care be visited every six weeks?", False),
        ("What should a good care plan include?", False),
        ("Is the new front door better for children?", False),
        ("what do you think ofsted made of barset's front door?", False),
        # counsel to someone the asker speaks for
        ("my foster son is 18 in barset. would you tell him to go for staying close or his own flat?", True),
        ("Would you advise my daughter to take the apprenticeship in Barset?", True),
        ("would u tell her not to bother with the EHCP appeal?", True),
        ("Could you tell me what Ofsted said about staying close in Barset?", False),
        ("would you tell them what the report found?", False),
        # the right course for the asker
        (
            "our son wants supported lodgings in barset. do we allow it or insist he stays? the right call?",
            True,
        ),
        ("What's the right thing to do about my daughter's EHCP?", True),
        ("did barset's leaders make the right call closing the home?", False),
    ],
)
def test_advice_is_a_choice_put_to_someone(question, advice):
    assert asks_advice(question) is advice


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        ("A new hub is in development.", True),
        ("The local offer is not written in language young people can easily understand.", True),
        ("The hub has not opened.", True),
        ("The hub opened last year, and no young person has been turned away.", False),
        ("The council opened a family centre last year.", False),
        # saying nothing of its being done
        ("Currently, there is very limited residential respite care for disabled children.", True),
        ("Leaders recognise that there is more to do on apprenticeships for care leavers.", True),
        ("Foster carer agreements are in place and signed.", False),
        ("Parents and partners have developed a more inclusive approach called the round table.", False),
        ("A dedicated team for care leavers has been established.", False),
        ("Plans are in place to improve the range of foster homes.", True),
        ("Plans are now in place for a new hub.", True),
    ],
)
def test_a_passage_saying_a_thing_is_planned_or_not_done_is_told_from_one_saying_it_was_done(text, planned):
    assert only_planned(text) is planned


WREKIN_2019 = "wrekin/children's services inspection - 15 april 2019.txt"
WREKIN_2019_TEXT = """Wrekin children's services inspection

Inspection dates: 1 to 12 April 2019

The executive director of people services, Jo Bloggs, has brought stability to the senior team.
"""


@pytest.fixture(scope="module")
def posts_engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("posts")
    return engine_on(base, {WREKIN: WREKIN_TEXT, WREKIN_2019: WREKIN_2019_TEXT}, embedder)


# Whoever the older report names, no report says who holds the post now, though a newer one exists.
@pytest.mark.parametrize(
    "question",
    [
        "Is Jo Bloggs still Wrekin Council's executive director of people services?",
        "jo bloggs still wrekin director?",
        "Does Jo Bloggs remain Wrekin's executive director today?",
        "wrekin DCS now - jo bloggs or someone new?",
    ],
)
def test_whether_someone_is_still_in_post_is_refused(posts_engine, question):
    answer = posts_engine.ask(question)
    assert answer.refused and answer.reason == IN_POST_NOW, (answer.answer, answer.reason)


LOAMSHIRE = "loamshire/area send full inspection - 10 march 2025.txt"
LOAMSHIRE_TEXT = """Area SEND inspection of Loamshire Local Area Partnership

Inspection dates: 3 to 7 March 2025

Parents' voices were not heard well across Loamshire, so the parent carer forum and partners have developed a
more inclusive approach called the round table. This approach aims to make sure that parents across the whole
county are heard.

Plans are in place to improve the range of short breaks. This includes the development of five new respite
homes.
"""


@pytest.fixture(scope="module")
def leaning_engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    return engine_on(tmp_path_factory.mktemp("leaning"), {LOAMSHIRE: LOAMSHIRE_TEXT}, embedder)


# The best sentence leans on the one before it ("This approach aims to ..."), which says whether it was done.
@pytest.mark.parametrize(
    "question",
    [
        "loamshire SEND - has anything been done to widen parent voice across the county?",
        "Has Loamshire done anything yet so that more parents are heard?",
    ],
)
def test_a_quote_leaning_on_a_sentence_saying_it_was_done_is_no_plan(leaning_engine, question):
    answer = leaning_engine.ask(question)
    assert not answer.refused, answer.reason
    assert any("round table" in c.quote for c in answer.citations), [c.quote for c in answer.citations]


def test_a_quote_leaning_on_a_sentence_stating_a_plan_is_only_planned(leaning_engine):
    answer = leaning_engine.ask("have loamshire actually opened those five new respite homes yet?")
    assert answer.refused and answer.reason == ONLY_PLANNED, (answer.answer, answer.reason)


@pytest.mark.parametrize(
    "timing",
    [
        "The next full reinspection will be within approximately 3 years.",
        "A monitoring inspection will be carried out within approximately 18 months.",
        TIMING,
    ],
)
def test_every_statement_of_when_the_inspectorate_returns_says_when(timing):
    assert kind_of_answer("When will Durham be inspected again?")(timing)


@pytest.mark.parametrize(
    "question",
    [
        "when is the next barset send inspection?",
        "When will Ofsted look at Barset's SEND arrangements again?",
        # no inspectorate named: whoever comes back to check is the inspectorate
        "barset send - will anyone come back to check theyve sorted it, and how soon",
        "Barset SEND: is someone coming back to check on progress, and when?",
    ],
)
def test_when_the_inspectorate_returns_is_answered_from_the_monitoring_line(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert "within approximately 18 months" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "how many months do barset families wait for an assessment? send",
        "Barset SEND: how long is the wait for a needs assessment?",
    ],
)
def test_when_the_inspectorate_returns_is_no_waiting_time(engine, question):
    answer = engine.ask(question)
    assert not any("monitoring" in c.quote for c in answer.citations), answer.answer


@pytest.mark.parametrize(
    "passage",
    [
        "This training is starting to have a positive impact for children with an allocated social worker.",
        "The new panel is making a real difference to how quickly plans are agreed.",
    ],
)
def test_a_thing_taking_effect_was_done(passage):
    # asked "is it making any difference yet?", a passage saying it is having an impact answers
    assert not only_planned(passage)
    assert done_words(passage) & done_words("is it making any difference yet?") == {"effect"}
    assert only_planned("The new panel has not made a difference.")


def test_asking_whether_it_made_a_difference_is_not_asking_whether_it_came_about():
    # "has it made a difference?" asks what the report found, not whether something happened since
    assert not asks_if_it_came_about(
        "lancs 2023 - is there a designated worker now, and has it made a difference?"
    )


def test_an_aim_is_only_planned_and_being_recognised_is_a_thing_done():
    question = "Has Lambeth now been officially recognised as a child-friendly borough?"
    assert asks_if_it_came_about(question)
    assert only_planned(
        "The council's commitment to its 2030 priorities is to become a recognised child-friendly borough."
    )
    assert not only_planned("The council was recognised as a child-friendly borough in 2023.")


@pytest.mark.parametrize(
    "question",
    ["do quantock social workers visit children?", "Quantock - how often are kids seen by their SW"],
)
def test_an_answer_from_the_newest_report_of_several_names_it_and_the_older_ones_set_aside(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert {c.source for c in answer.citations} == {QUANTOCK_2025}
    assert any(
        n.startswith("With no year named, the newest report answers: ") and "1 older report in scope" in n
        for n in answer.notes
    ), answer.notes


def test_no_newest_report_note_when_a_year_is_named(engine):
    answer = engine.ask("did quantock social workers visit children in 2025?")
    assert not any(n.startswith("With no year named") for n in answer.notes), answer.notes


@pytest.mark.parametrize(
    "question",
    ["will anyone help my son next year?", "is someone going to help care leavers find flats next year?"],
)
def test_someone_helping_next_year_is_no_next_step_of_the_inspectorate(question):
    assert kind_of_answer(question) is None
