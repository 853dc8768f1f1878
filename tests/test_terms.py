"""Domain terms written other ways: which ways a text uses, what a span says through them."""

from __future__ import annotations

import pytest

from bot import terms


def _tokens(text: str) -> list[str]:
    return [w for w in text.lower().split() if w not in {"in", "its", "the", "who", "are", "a", "of"}]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("the council had no children in its care", "There are no children who are looked after."),
        ("Looked-after children wait too long.", "children in care wait"),
        ("The council looks after 412 children.", "412 children in the council's care"),
        ("Care leavers get help with council tax.", "young people leaving care"),
        ("care-experienced young people", "Care leavers"),
        ("permanent exclusions fell", "fewer pupils were expelled"),
        ("the force was placed in special measures", "enhanced monitoring"),
        ("the force does a good job of managing offenders", "The force manages offenders well."),
        ("how long is the wait for speech therapy", "speech and language therapists"),
        ("children's mental health services", "Child and adolescent mental health services (CAMHS)"),
        ("are foster parents supported", "Foster carers receive training."),
        ("domestic violence victims", "victims of domestic abuse"),
        ("was the council doing what the law requires", "not meeting its statutory duties"),
        ("are at risk folk kept safe", "protecting vulnerable people"),
        ("the number of exclusions fell", "Exclusions have reduced significantly."),
        ("caseloads rose", "Caseloads have increased."),
        ("CP plans", "children subject to a child protection plan"),
        ("kids kicked out of school", "The number of exclusions has reduced."),
        ("pupils sent home from school", "Fewer pupils are excluded."),
        ("kids who are looking after a poorly mum", "Young carers are identified early."),
        ("teenagers caring for their parents", "young carers"),
        ("children who look after a brother", "the young carers' service"),
        ("my 13 yr old basically helps look after her dad", "young carers meet regularly"),
        ("my son cares for his mum", "a young carers' group"),
        ("can families of disabled kids get respite?", "a range of specialist short breaks"),
        ("we're knackered, is there anywhere he can go so we get a break?", "a broad range of respite"),
        ("my 14 yr old is being groomed by older lads", "children at risk of exploitation"),
        ("is he caught up in county lines", "criminal exploitation"),
        ("do they try to get kids back home with their mum and dad?", "reunification with their families"),
        ("when a teenager runs off and then comes back, does anyone talk to them?", "return home interviews"),
        ("who covers nights and weekends?", "the out-of-hours service"),
        ("youngsters looked after by non-relatives under informal family set-ups", "privately fostered"),
        ("kids living with a family friend", "private fostering arrangements"),
        # a topic has lost its hyphens; the public write them either way
        ("youngsters looked after by non relatives", "privately fostered children"),
        ("children in informal family set ups", "private fostering arrangements"),
        ("informal setups with relatives friends", "privately fostered"),
        ("were kids kept in police cells overnight", "children held in police custody"),
        ("lambeth 2018 - children locked up at the police station?", "detained in police custody"),
        ("the bedsit-style lodgings used for teenagers", "homes of multiple occupation (HMOs)"),
        ("is anyone on call out of hours", "The emergency duty team (EDT) covers nights."),
        ("young people drawn into extremism", "The response to radicalisation is coordinated."),
        ("tameside sw turnover", "the turnover of social workers"),  # staff shorthand of two letters
        ("do care leavers over 21 still get a PA?", "personal advisers keep in touch"),
        # a first home of one's own, as the public say it
        ("lambeth - CL support once in own flat?", "They are helped to move into independent tenancies."),
        ("care leavers in their first flat", "support to settle into independent living"),
        ("help getting a flat of his own", "care leavers living independently"),
        # the judgement area as staff write it
        ("CiC graded below H&P", "The experiences and progress of children who need help and protection"),
        ("h and p - good?", "children who need help and protection"),
        # someone independent speaking for a child
        (
            "had someone from outside the council speaking up for them",
            "43 children received independent advocacy",
        ),
        ("is there anyone to speak up for kids in care", "Children have access to advocates."),
        ("was PF work meeting statutory requirements", "privately fostered children"),
        ("turnover vs stat neighbours", "below statistical neighbours"),
        ("do looked after kids get a volunteer befriender", "support from an independent visitor"),
        ("could CLA easily get matched with an IV?", "support from an independent visitor"),
        ("judgement for CLA", "The experiences and progress of children in care"),
        ("LAC health assessments", "health assessments for looked after children"),
        ("why are so many children being taken into care", "There are no children who are looked after."),
        ("scilly why so many kids taken into care", "children in care"),
        ("does the council take too many children into care?", "looked-after children"),
        ("young people who came into care last year", "children in care"),
        ("pboro LC - CLs over 21, do they get a PA?", "care leavers over 21"),  # more staff shorthand
        ("what happens when a CL moves on", "care leavers"),
        ("were CiC seen regularly", "children in care are visited"),
        ("is there a MH worker for UASC", "their mental health needs"),
        ("CIN plans drift", "plans for children in need"),
        ("when children move OOA", "children placed out of area"),
        # the youngest children, and any children coming into care
        ("why were more babies coming into care", "looked after children"),
        ("toddlers taken into care", "children in care"),
        ("support for toddlers", "children under the age of four"),
        ("are infants seen quickly", "babies are seen within a day"),
        ("under-fives in need", "the youngest children"),
        # the everyday words for what the reports name in their own
        ("what share of kids grow up in hard-up households", "24% of children are living in poverty"),
        ("are many on low-income families", "levels of deprivation are high"),
        (
            "placed with outside companies whose homes aren't up to scratch",
            "placements with external providers",
        ),
        (
            "will they help him understand why he's in care and where his family comes from?",
            "life-story work",
        ),
        ("do kids get to know their own backstory", "later life letters are written"),
        ("does the council check relatives like her properly", "assessments of kinship carers"),
        ("grandparents raising grandkids - any support?", "support for family and friends carers"),
        ("his plan for after care isn't finished", "pathway plans are not completed"),
        ("decent night-time and weekend social work cover?", "an effective out-of-hours team"),
        # everyday English for prevention, worded several ways
        ("do wmp nip crime in the bud or just turn up after", "It is good at preventing crime."),
        ("are they nipping problems in the bud", "a more preventative style of policing"),
        ("Do the police stop crime before it happens?", "Prevention is a priority."),
        ("stopping abuse before it starts", "work to prevent abuse"),
        ("Durham's looked-after youngsters were making good progress", "children in care make progress"),
        ("kids who are looked after by the council", "children in care"),
        ("by how much had family doctors stepped up their input?", "GP attendance at conferences rose"),
        ("are general practitioners involved?", "GPs contribute to strategy meetings"),
        # the court cases that take a child into care, as the public say it
        ("average length of care cases in court?", "the completion of care proceedings"),
        ("family court cases drag on", "care proceedings take too long"),
        ("court cases about kids - how long?", "Care proceedings are completed within 26 weeks."),
    ],
)
def test_each_way_of_writing_a_term_is_the_same_term(one, other):
    assert {t for t, _ in terms.used(one)} & {t for t, _ in terms.used(other)}


@pytest.mark.parametrize(
    "text",
    [
        "Leaders know children as well as their families.",  # "as well as" says nothing of how well
        "Turnover is lower than the national average.",  # a comparison, not a change
        "Their poorly mum was visited at home.",  # ill, not badly
        "Staff visit from 9 p.m. to 7 a.m.",  # "p.m." is no personal adviser
        "Children were taken into account when care plans were written.",  # no one taken into care
        "Staff took a break from meetings in August.",  # a break taken, not one given to families
        "Social care cases are allocated quickly.",  # a social worker's cases, not the court's
        "Care case files are kept up to date.",
    ],
)
def test_words_that_only_look_like_a_term_are_not_it(text):
    assert terms.used(text) == []


def test_children_in_care_proceedings_are_in_court_not_in_care():
    assert [_term_words(t) for t, _ in terms.used("Children in care proceedings are seen quickly.")] == [
        "care proceedings"
    ]


def _term_words(term: int) -> str:
    return terms._TERMS[term][0]


def test_a_text_s_terms_as_another_text_writes_them():
    areas = "The experiences and progress of children in care. The experiences and progress of care leavers"
    assert terms.written_in("how were looked after children judged", areas) == "children in care"
    assert (
        terms.written_in("grade for young people leaving care and CLA", areas)
        == "children in care care leavers"
    )
    assert terms.written_in("overall grade", areas) == ""


def test_a_span_says_the_sentence_s_term_written_another_way():
    sentence = "The council had no children in its care."
    spans = ["There are no children looked after.", "Caseloads are high."]
    said = terms.said_through(sentence, spans, _tokens)
    assert said[0] == {"children", "care"}
    assert said[1] == set()


def test_a_change_one_way_is_not_the_other():
    said = terms.said_through("Referrals fell", ["Referrals rose.", "Referrals were reduced."], _tokens)
    assert said == [set(), {"fell"}]


def test_a_search_gets_every_way_the_reports_write_a_term():
    assert "care leavers" in terms.reports_words("are young people who've left care stuck in a bedsit")
    assert "looked after children" in terms.reports_words("how many children are in the council's care")
    assert terms.reports_words("how long do assessments take") == ""


def test_a_child_back_from_going_missing_is_not_one_going_home_from_care():
    interviews = {t for t, _ in terms.used("Return home interviews are offered to every child.")}
    home = {t for t, _ in terms.used("Children go back home to their parents when it is safe.")}
    assert interviews and home and not interviews & home


def test_a_term_written_another_way_is_told_with_the_reports_words():
    assert terms.written_other_ways("bedsit-style rooms for teenagers") == [
        ("bedsit-style", "houses in multiple occupation")
    ]
    assert terms.written_other_ways("houses in multiple occupation") == []  # as the reports write it
