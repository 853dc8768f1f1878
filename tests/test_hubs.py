"""A sentence near its whole report is near every question about it a little: the one that answers an
everyday wording must not be crowded out by it (answering.HUB_WEIGHT)."""

from __future__ import annotations

import numpy as np
import pytest

from bot import answering, indexing
from bot.config import Settings
from bot.engine import Engine
from tests.conftest import SEED_NAME, SEED_PATH

BARSET = (
    "\n\n".join(
        [
            "Inspection of Barset local authority children's services",
            "Inspection dates: 6 to 17 March 2023",
            "1. Social workers are skilled, experienced and ambitious for children.",
            "2. Social workers know their children well and visit them regularly.",
            "3. Social workers have caseloads that let them build relationships with children.",
            "4. Social workers are well supported by their managers and receive regular supervision.",
            "5. Social workers write detailed and child-focused records of their visits.",
            "6. Many staff have worked in Barset for several years, and some who left the authority "
            "have since returned, saying that it felt like coming home.",
            "7. Children in care are helped to stay in touch with their brothers and sisters.",
            "8. Care leavers are supported by personal advisers who keep in touch with them.",
        ]
    )
    + "\n"
)
RETURNED = "some who left the authority have since returned"


@pytest.fixture(scope="module")
def engine(tmp_path_factory, sources_writer, embedder) -> Engine:
    root = tmp_path_factory.mktemp("hubs")
    files = {
        SEED_NAME: SEED_PATH.read_bytes(),
        "barset/children's services inspection - 12 may 2023.txt": BARSET,
    }
    settings = Settings(sources=sources_writer(root / "sources", files), index=root / "index")
    indexing.build(settings, embedder)
    engine = Engine(settings, embedder)
    engine.warm()
    return engine


def quoted(engine: Engine, question: str) -> str:
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    return " ".join(c.quote for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("barset social workers - any boomerang staff?", RETURNED),
        ("is wmp working with the council and nhs these days?", "partner organisations"),
        # and as before
        ("Do social workers who quit Barset ever come back?", RETURNED),
        (
            "my van was broken into in walsall and the officer said they'd make a plan for the "
            "investigation. does wmp actually do that well?",
            "Investigation plans are used to good effect",
        ),
    ],
)
def test_the_sentence_that_answers_is_not_crowded_out_by_the_reports_general_ones(engine, question, expected):
    assert expected in quoted(engine, question)


def test_a_reports_centre_is_its_mean_sentence_direction(engine):
    index = engine.index
    centre, usual = answering.report_centres(index)[SEED_NAME]
    vectors = np.vstack([index.sentence_vectors_of(c.id) for c in index.chunks if c.source == SEED_NAME])
    assert np.isclose(np.linalg.norm(centre), 1.0)
    assert np.isclose(usual, float((vectors @ centre).mean()))
    # the sentence nearest the centre is nearer than the usual one, the farthest less near
    assert float((vectors @ centre).max()) > usual > float((vectors @ centre).min())
