"""Extraction in worker processes: the results of one process, in order; a dying worker costs one file."""

from __future__ import annotations

import sys

from bot import extraction
from tests.docmaker import make_pdf


def jobs_for(tmp_path):
    make_pdf(tmp_path / "a.pdf", [["1. Leaders know their services well.", "2. Caseloads are manageable."]])
    (tmp_path / "b.txt").write_text("Children in care see their social workers often.\n\nPlans are clear.")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.7 this is not a PDF at all")
    (tmp_path / "d.md").write_text("# Heading\n\nCare leavers are helped to find homes.")
    return [extraction.Job(tmp_path / n, 2000, 700, 600) for n in ("a.pdf", "b.txt", "c.pdf", "d.md")]


def test_workers_give_the_results_of_one_process_in_order(tmp_path):
    jobs = jobs_for(tmp_path)
    ticks = []
    alone = list(extraction.extract_all(jobs, 1))
    together = list(extraction.extract_all(jobs, 2, lambda: ticks.append(1)))
    assert together == alone and len(ticks) == 4
    assert "Leaders know their services well." in alone[0].extracted.text
    assert alone[0].extracted.paragraphs and alone[0].chunks
    assert alone[2].extracted is None and "unreadable PDF" in alone[2].skip
    assert [r.skip is None for r in together] == [True, True, False, True]


def test_text_survives_the_pipe_exactly(tmp_path):
    odd = "Caf\u00e9 \u2014 \u201cquoted\u201d \U0001f600 and a lone surrogate \udcff.\n\nSecond paragraph."
    (tmp_path / "odd.txt").write_bytes(odd.encode("utf-8", "surrogateescape"))
    job = extraction.Job(tmp_path / "odd.txt", 2000, 700, 600)
    plain = extraction.extract_one(job)
    both = list(extraction.extract_all([job, job], 2))
    assert both == [plain, plain]


def test_a_worker_that_dies_costs_only_its_file(tmp_path, monkeypatch):
    jobs = jobs_for(tmp_path)
    monkeypatch.setattr(extraction, "WORKER", [sys.executable, "-c", "import sys; sys.stdin.readline()"])
    results = list(extraction.extract_all(jobs, 2))
    died = [r for r in results if r.skip and "worker stopped" in r.skip]
    assert len(died) == 2  # each worker took one file and exited without answering
    assert [r.skip is None for r in results[2:]] == [False, True]  # the rest were extracted here
