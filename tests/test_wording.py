"""Question wording: framing words and derived forms."""

from __future__ import annotations

import re

import pytest

from bot import asking
from bot.plan import expects
from bot.wording import FIELD_CUES, derived, kin, stems, subject_terms


def test_derived_forms_differ_by_one_derivational_suffix():
    assert derived("partner", "partnership") and derived("partnership", "partner")
    assert not derived("car", "career"), "short stems make false kin"
    assert not derived("partner", "partnering")


def test_kin_goes_both_ways_and_keeps_stems_long_enough():
    assert "partnership" in kin("partner") and "partner" in kin("partnership")
    assert all(len(k) >= 5 for k in kin("leadership"))
    assert kin("care") == []


@pytest.mark.parametrize(
    ("one", "other"),
    [("moved", "moves"), ("assess", "assesses"), ("consistent", "consistently"), ("needs", "need"),
     ("moving", "move")],
)  # fmt: skip
def test_stems_meet_across_inflections(one, other):
    assert stems([one]) == stems([other])


def test_stems_keep_different_words_apart():
    assert stems(["care"]) != stems(["career"]) and stems(["child"]) != stems(["chide"])


def test_subject_terms_drop_framing_add_known_kin_and_fall_back_to_everything():
    known = {"partner", "partnership", "technolog"}.__contains__
    framing = {"what", "inspector", "say"}
    assert subject_terms(["what", "inspector", "say", "partnership"], framing, known) == [
        "partnership",
        "partner",
    ]
    assert subject_terms(["what", "inspector"], framing, known) == ["what", "inspector"]
    assert subject_terms(["technolog", "technolog"], framing, known) == ["technolog"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "rate" the noun asks for a proportion; the verb asks for a judgement
        ("What was the staff turnover rate?", "percent"),
        ("how did tameside's rate of staff leaving compare with england", "percent"),
        ("sickness rates?", "percent"),
        ("How did the 2024 inspection rate night and weekend emergency cover?", "description"),
        ("how does ofsted rate dorset's help for care leavers", "description"),
        ("what share of plans were done on time", "percent"),
        ("which borough does barnet share its out of hours team with", "place"),
        ("Which other council shares Barnet's emergency team?", "place"),
        # two asks: the first decides
        ("what was the standard of audits, and how many got finished?", "description"),
        ("In BCP's report, what was the quality of case file checks and how many were done", "description"),
        ("how many children are in care and what do they say about it", "count"),
        ("bcp audits quality + how many done", "description"),
        ("standard of case file checks & how many were completed?", "description"),
        ("how many audits were done plus what was their quality", "count"),
        # a figure asked for by name
        ("what was the published timeliness figure for plans?", "count"),
        ("What's the latest agency staff figure in Barnet", "count"),
        ("what is the barnet caseload figure", "count"),
        ("What was the average caseload for a Barset social worker in 2024?", "count"),
        ("barset average caseload 2024?", "count"),
        # terse: numbers for a group, a count
        ("barset EHE numbers for SEND kids now?", "count"),
        ("barset UASC in care count", "count"),
        ("barset 2022 ILACS - total no. of CLA at the time of the inspection?", "count"),
        ("no. of CiC in barset 2023", "count"),
        ("What weekly usage figures, if any, does Ofsted give for Barset's care leavers hub?", "count"),
        ("what attendance stats for the virtual school in barset", "count"),
        ("what do the figures say about barset's care leavers", "description"),
        ("Is there no offer of support for care leavers?", "description"),
        # how a count was changed, not how large it is
        ("barset 2019 - what's been done to bring down the no. of CYP needing CAMHS?", "description"),
        ("how did they reduce the number of children in care?", "description"),
        ("what is barset doing about increasing the number of foster carers", "description"),
        ("how many fewer children in care after they cut the number of referrals?", "count"),
        ("Can you give a figure for the new homes Barset opened, not a general statement?", "count"),
        ("quote me the exact number of foster carers barset recruited", "count"),
        ("Barset workforce - what's the locum vs permanent split?", "percent"),
        ("what is the split between agency and permanent social workers in barset", "percent"),
        ("did barset split its front door between two teams?", "description"),
        ("what is the population of barset", "count"),
        ("what salary do social workers get in barset", "money"),
        ("barset social worker wages?", "money"),
        ("fostering in barset - stay with the LA or move to an IFA? which pays more?", "money"),
        ("fostering in barset: does the council or an agency pay more?", "money"),
        ("did the council pay more attention to care leavers", "description"),
        ("barset child population 2023", "count"),
        ("Barset population?", "count"),
        ("whats the population of children in care in barset", "count"),
        ("whats the median wait for an assesment", "count"),
        ("Hi - roughly what average number of children does each worker have?", "count"),
        ("Are caseloads in Barset above average?", "description"),
        # a length of time asked for tersely
        ("telford camhs wait weeks", "duration"),
        ("barset autism assessment waiting times months?", "duration"),
        ("speech therapy waits weeks barset 2024", "duration"),
        # the length of something, however asked
        ("Barset 2014 report: average length of care cases in court there?", "duration"),
        ("what was the duration of care proceedings", "duration"),
        ("time taken to complete assessments in barset?", "duration"),
        ("Did Barset cut waiting times for therapy?", "description"),
        ("how do barset caseloads compare with the national average", "description"),
        # "how far" asks a distance, or how much has been done
        ("How far has the force merged services with partner agencies?", "description"),
        ("how far have leaders addressed the weaknesses", "description"),
        ("how far are leaders aware of the problems", "description"),
        ("how far is the nearest children's home", "count"),
        ("how far do children travel to school", "count"),
        # a yes-or-no question asks whether, not how many
        ("has the number of kids kicked out of school gone down", "description"),
        ("Is the number of children in care rising?", "description"),
        ("did the number of exclusions fall", "description"),
        # the sentence that asks is read, not the story before it; asked whether the report says how much, a
        # figure is wanted all the same
        ("Crime moves online. Has the force figured out how much of that work there is?", "description"),
        ("I wonder how much work is coming. Does the report say they understand it?", "description"),
        ("The council was hacked. Does the report say how much the attack cost?", "money"),
        ("Does the 2022 inspection give the exact number who came after August 2021?", "count"),
        # ... or what share: "what %", "an actual percentage", asked of what the report says
        ("does the newest report from 2026 say what % of care leavers there r in work?", "percent"),
        ("did ofsted put an actual percentage on how many care leavers live somewhere ok?", "percent"),
        ("Does the 2019 report quote a precise proportion of care leavers in education?", "percent"),
        ("does the report say whether the proportion in work went up", "description"),
        # a count by another name, a mean in shorthand
        ("Co Durham area SEND (June 24) - what's the headcount on the DSR?", "count"),
        ("T&W area SEND 2023 - avg attendance figure for the weekly drop-in?", "count"),
        # contact details by other names; a ranking in a place named
        ("barset virtual school head - name and email? need to chase a PEP", "contact"),
        ("Barset LADO - who is it and what's the direct line for a referral?", "contact"),
        ("where is barset's care leavers hub and what times is it open?", "contact"),
        # someone's details; not a story telling why the question is asked
        ("hi, need to email jane smithson who did the barset ofsted, whats her address?", "contact"),
        ("I want to write to the inspectors of Barset. Who led for Ofsted?", "description"),
        ("Does Barset run a phone line where residents can get advice about a child?", "description"),
        ("is barset the worst council in greater manchester for childrens services now??", "rank"),
        ("did oxfordshire have the best send support in the south east", "rank"),
        ("Barset post-inadequate 2024 - bottom of the GM LAs for CSC?", "rank"),
        ("was barset top of the league for adoptions", "rank"),
        ("Barset LADO - named officer + direct dial/email for a referral?", "contact"),
        ("barset in-house fostering - enquiry line / online application link?", "contact"),
        ("whats the address and what days/times is it open?", "contact"),
        ("Barset CL hub - address + opening hrs?", "contact"),
        ("barset family hub address/opening times", "contact"),
        ("did barset address the concerns about drift + delay?", "description"),
        # "£" of an amount, not money as help
        ("Lancs 2018 - extra £ for CLs: travel, kit, topping up poor pay?", "description"),
        ("Cov 2014 - CiCC raised apprentice pay gap w/ members, extra £ agreed?", "description"),
        ("barset agency staff spend - £ per year?", "money"),
        # when something happened: a time
        ("When did Barset's care leavers hub open?", "date"),
        ("what year was the barset MASH set up", "date"),
        # terse, or a bare follow-up asking the time of what the sentence before names
        ("barset care leavers hub opened when", "date"),
        ("family hub launched when?", "date"),
        ("So did Barset ever actually open its hub for care leavers? What date?", "date"),
        ("Barset said it would open a family hub. When?", "date"),
        ("The new front door: which year?", "date"),
        ("when do care leavers get a personal adviser", "description"),
        ("how many exclusions were there", "count"),
        ("Number of exclusions in Enfield?", "count"),
        ("Could you tell me how many children are in care?", "count"),
        ("can you say how much the council spent", "money"),
        # one person asked for by role, or by name
        ("which social worker was it that shared the information?", "person"),
        ("Which inspector wrote it - name?", "person"),
        ("the manager who signed it off, what was her name", "person"),
        ("which director was in post then", "person"),
        ("give me the name of the team manager", "person"),
        ("what's the name of redbridge's virtual school head", "person"),
        ("What's the name of the DCS?", "person"),
        ("which workers had the highest caseloads", "description"),
        # a role alone, tersely: who holds it ("the lead" someone else names is what they said)
        ("barset send cqc lead?", "person"),
        ("Lead inspector?", "person"),
        ("what was praised by the lead?", "description"),
        ("did the council take the lead", "description"),
        ("which team handles the referrals", "description"),
        # who holds a post, by the organisation's name, or who was given it
        ("who is camden's new director of children's services", "person"),
        ("Who was appointed Barset's DCS most recently?", "person"),
        ("who is barset's biggest concern", "person"),
        ("who was involved in the strategy meetings", "description"),
        # how to reach someone: contact details, asked for however politely
        ("whats the phone number for barset childrens services", "contact"),
        ("how do i sign up to foster in barset? who do i ring", "contact"),
        ("Can I have an email address for the SEND team?", "contact"),
        ("barset 2025 LI jane smithson - email addy?", "contact"),
        ("how can we get in touch with the barset MASH", "contact"),
        ("barset social services contact details", "contact"),
        ("Who should I complain to about my social worker?", "contact"),
        ("I'd like to foster in Barset, who do I need to contact to apply?", "contact"),
        ("What is the contact for fostering applications in Barset?", "contact"),
        # a figure asked for by name
        ("What figure did the latest inspection give for children in elective home education?", "count"),
        ("did inspectors contact families during the visit?", "description"),
        ("how do social workers address concerns about contact with parents", "description"),
        # a number that names a thing counts nothing
        ("if i report a break in will they look into it or just give me a crime number", "description"),
        ("whats my case number for the complaint", "description"),
        ("can i have a reference number for my complaint", "description"),
        ("police protection number?", "count"),
        # a place in a ranking, which reports do not give
        ("barset - ranked no.1 LA in the region for CSC?", "rank"),
        ("Is Barset the best council in England for children's services?", "rank"),
        ("is loamshire the worst area for send in the country", "rank"),
        ("where does barset rank", "rank"),
        ("barset league table position", "rank"),
        ("how does barset's staff turnover compare nationally", "description"),
        ("is barset good at keeping children safe", "description"),
        ("no one from the council was there - did the report say so?", "description"),
        ("is tackling exploitation the council's number one priority", "description"),
        # a yes-or-no question after a label naming what it is about asks whether, not how many
        ("Barset 2024: have numbers on CP plans dropped, and what's behind it?", "description"),
        ("barset 2019 - has the number of kids in care gone up", "description"),
        ("loamshire SEND — are the numbers of EHCPs rising?", "description"),
        ("Barset: did the number of agency SWs fall?", "description"),
        ("barset 2024: how many children are on CP plans?", "count"),
        ("barset - number of CiC placed out of area?", "count"),
        ("does the council or an agency pay more?", "money"),
        ("Did the number of CiC go up or down?", "description"),
        # asked why a figure moved: the cause, not the figure
        ("Barset 2014: why was the number of babies coming into care going up?", "description"),
        ("how come the number of CP plans doubled", "description"),
        ("what's behind the rise in the number of exclusions?", "description"),
        ("number of CiC and why?", "count"),
        # an amount someone weighs up is told, not asked
        (
            "what error did barset's social workers make when weighing up how much danger a child was in?",
            "description",
        ),
        ("were they good at judging how much risk children faced", "description"),
    ],
)
def test_the_answer_a_question_expects(question, kind):
    assert expects(question) == kind


@pytest.mark.parametrize(
    ("question", "asks_when"),
    [
        ("When did Ofsted inspect Barset?", True),
        ("hello! i was wondering when exactly the ofsted inspectors were at barset?", True),
        ("barset inspection - dates?", True),
        ("Can you tell me when inspectors visited Barset?", True),
        ("Did Ofsted say when it visited?", True),
        ("Is there a record of when inspectors were in Barset?", True),
        ("Was it in 2024 when Ofsted inspected Barset?", True),
        ("Did inspectors find things had improved when they came back?", False),
        ("Was the council coping when demand rose?", False),
        ("who was in charge when ofsted looked at barset's children's services?", False),
        ("What happened when children went missing?", False),
        # a yes-no question about something else, set at the time of the inspection
        ("Did Barset have enough foster homes for teenagers when Ofsted inspected in early 2015?", False),
        ("were barset care leavers in touch when inspectors visited", False),
        ("Does the council know its children well when inspectors visit?", False),
    ],
)
def test_when_is_a_cue_for_dates_only_when_it_asks_a_time(question, asks_when):
    assert bool(re.search(FIELD_CUES["inspection_dates"], question, re.I)) is asks_when


@pytest.mark.parametrize(
    ("question", "cued"),
    [
        ("When did the inspectors visit Barset?", True),
        ("barset inspection dates", True),
        ("how long were ofsted in barset in 2019?", True),
        ("how long did the 2019 barset inspection last", True),
        ("barset 2019 inspection, how long?", True),
        # a clause saying when, before the question, and how long something else takes
        (
            "When children in Barset's care went home, were moves planned, according to the 2019 inspection?",
            False,
        ),
        (
            "when a child goes missing in barset, does anyone talk to them after, says the 2024 inspection?",
            False,
        ),
        ("What did Ofsted say about how long Barset's children wait for CAMHS?", False),
        # ... or run straight into the question without a comma
        ("my girl leaves care soon. when ofsted looked in 2022 did kids get a bank account?", False),
        ("when ofsted inspected in 2019 how common was it for teens to stay with foster carers", False),
        ("when they inspected barset did they find delays", False),
        ("tell me when ofsted inspected barset in 2019", True),
        ("when was it inspected and what did it find", True),
    ],
)
def test_what_asks_when_the_inspection_was(question, cued):
    assert bool(re.search(FIELD_CUES["inspection_dates"], question, re.I)) is cued


@pytest.mark.parametrize(
    ("question", "cued"),
    [
        ("HMI for Barset?", True),
        ("barset 2019 - the inspector?", True),
        ("inspector?", True),
        # what someone got from the inspector, or told them, asks what was said
        ("SOC prevent work - do our diversion schemes get any credit from HMI?", False),
        ("was the fostering team praised by the inspector?", False),
        ("did barset's leaders talk to the HMI?", False),
        # what they made of something, or a finding said as theirs, asks what was said
        ("sgt oversight of crime files - what did HMI make of it?", False),
        ("what does the inspector think of their call handling", False),
        ("prevention-first model - still getting investment per the HMI?", False),
        ("is the budget realistic in the view of the inspector?", False),
        ("which HMI did barset in 2019", True),
        ("what lead inspector was it", True),
    ],
)
def test_an_inspector_ending_a_question_asks_who_unless_something_came_from_them(question, cued):
    assert bool(re.search(FIELD_CUES["lead_inspector"], question, re.I)) is cued


@pytest.mark.parametrize(
    ("question", "cued"),
    [
        ("Who led the Barset inspection?", True),
        ("barset 2019 - led by?", True),
        ("which HMI led the 2024 visit", True),
        ("barset lead inspector?", True),
        # "led" of a cause names no inspector
        ("What shortcomings led Ofsted to judge Barset's care for children inadequate?", False),
        ("what led to the delays in barset's assessments", False),
        ("what failings led inspectors to rate it RI", False),
    ],
)
def test_led_asks_who_led_the_inspection_only_when_it_names_no_cause(question, cued):
    assert bool(re.search(FIELD_CUES["lead_inspector"], question, re.I)) is cued


@pytest.mark.parametrize(
    ("question", "cued"),
    [
        ("what does barset need to fix?", True),
        ("Has Barset fixed what Ofsted found?", True),
        ("barset - anything still needing fixing", True),
        # "fixed" of a term or a place asks about exclusions or homelessness, not what must improve
        ("Were Barset's children in care sent home from school for fixed periods?", False),
        ("barset CLA fixed-term exclusions 2016", False),
        ("teens of no fixed abode in barset?", False),
    ],
)
def test_fix_asks_what_must_improve_only_as_a_verb(question, cued):
    assert bool(re.search(FIELD_CUES["findings"], question, re.I)) is cued


@pytest.mark.parametrize(
    ("question", "cued"),
    [
        ("what kind of inspection was it?", True),
        ("what sort of ofsted visit did barset have", True),
        ("Type of report, Barset 2024?", True),
        ("what kind was it?", True),
        ("under which framework was it inspected?", True),
        ("what kind of support do foster carers get?", False),
        ("what sort of help do care leavers get from their PAs?", False),
        ("did the judges tell ofsted the same kind of thing?", False),
    ],
)
def test_the_kind_of_report_is_cued_by_the_report_s_kind_not_by_the_kind_of_anything(question, cued):
    assert bool(re.search(FIELD_CUES["report_type"], question, re.I)) is cued


@pytest.mark.parametrize(
    ("question", "most"),
    [
        ("which council improved the most", True),
        ("which LA had the biggest fall?", True),
        # "most recent" says which report, not how far it moved
        ("which councils improved at their most recent inspection?", False),
        ("which councils got worse at their most recent ofsted", False),
    ],
)
def test_moved_most_is_asked_in_words_of_distance_not_of_recency(question, most):
    assert asking.moved_most(question) is most


@pytest.mark.parametrize(
    ("question", "spelt"),
    [
        (
            "which councils were rated below good?",
            "which councils were rated requires improvement or inadequate?",
        ),
        ("less than good for care leavers", "requires improvement or inadequate for care leavers"),
        ("rated at least good", "rated outstanding or good"),
        ("better than RI", "outstanding or good"),
        ("above good", "outstanding"),
        ("worse than requires improvement", "inadequate"),
        ("good practice below the line", "good practice below the line"),  # no grade told by its place
        ("improved under good leadership", "improved under good leadership"),
    ],
)
def test_a_grade_told_by_its_place_is_spelt_out_as_the_grades_it_covers(question, spelt):
    assert asking.grades_spelt_out(question) == spelt
