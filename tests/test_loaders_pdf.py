"""PDF loader: prose shaping, page and paragraph maps, refusals, and the real Ofsted reports."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import docmaker
import pytest

from bot.errors import SkipDocument
from bot.loaders import pdf
from bot.schema import Document, Extracted

TITLE = "Inspection of Testshire local authority children's services"
PAGES = [
    [
        "Children in Testshire are well served by a local authority that knows itself well and keeps "
        "improving its services for families.",
        "# What needs to improve?",
        "• The timeliness of assessments for disabled children, so that their needs are understood early.",
        "# The experiences and progress of children who need help and protection: good",
        "1. Children and families receive help at the earliest point. The front door is effective and well "
        "run by experienced managers who know the area.",
        "2. Some assessments are too long. The work of the\nmulti-\ndisciplinary team is strong, and the "
        "informa-\ntion shared is timely. The team works across the county and",
    ],
    [
        "the local partners, which ensures that children are safe. This sentence is on page two.",
        "3. Care leavers are supported well by personal advisers who know them well and visit them often.",
        "4. The wellbeing of children is promoted and information is shared well with schools.",
    ],
    [
        "5. Leaders have a clear understanding of practice. This sentence is on page three.",
        "6. Workers feel supported and valued by managers who are visible and accessible.",
    ],
]
DORSET = "ofsted-ilacs/reports/2532283_dorset/children's services inspection - 09 may 2025.pdf"
CAMBRIDGESHIRE = (
    "ofsted-ilacs/reports/80445_cambridgeshire/children's services inspection - 08 august 2014.pdf"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Extracted:
    """A three-page report with a header on pages 2+, page-number footers and a grade table."""
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    docmaker.make_pdf(
        path, PAGES, footer="Page {n}", table=docmaker.TABLE, heading=TITLE, hidden="SECRET INK"
    )
    return pdf.extract(path.read_bytes())


def as_document(extracted: Extracted) -> Document:
    """Wrap an extraction so its page and paragraph lookups can be used."""
    return Document("x.pdf", extracted.text, {}, extracted.pages, extracted.paragraphs)


def check_spans(extracted: Extracted) -> None:
    """Spans are sorted, disjoint, non-empty and inside the text; paragraphs carry no stray breaks."""
    for spans in (extracted.pages, extracted.paragraphs):
        assert spans, "no spans"
        for span in spans:
            assert 0 <= span.start < span.end <= len(extracted.text)
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start
    assert extracted.pages[0].start == 0 and extracted.pages[-1].end == len(extracted.text)
    assert "\n\n\n" not in extracted.text
    for para in extracted.text.split("\n\n"):
        assert para and para == para.strip() and "\n" not in para


def test_spans_hold(report: Extracted) -> None:
    check_spans(report)
    assert report.parser == "pdf-1"


def test_running_header_and_footer_removed(report: Extracted) -> None:
    assert report.text.count(TITLE) == 1  # only the title on page 1 survives
    assert "1 to 5 May 2025" not in report.text
    assert "Page 2" not in report.text and "Page 3" not in report.text


def test_printed_page_numbers_kept(report: Extracted) -> None:
    assert [(p.page, p.printed) for p in report.pages] == [(1, "1"), (2, "2"), (3, "3")]


def test_phrases_map_to_their_pdf_page(report: Extracted) -> None:
    doc = as_document(report)
    for phrase, page in (("This sentence is on page two", 2), ("This sentence is on page three", 3)):
        assert doc.page_at(report.text.index(phrase)).page == page
    assert doc.page_at(report.text.index("Overall effectiveness")).page == 1


def test_paragraph_continues_across_page_break(report: Extracted) -> None:
    doc = as_document(report)
    joined = report.text.index("works across the county and the local partners")
    assert doc.page_at(joined).page == 1
    assert doc.page_at(report.text.index("the local partners")).page == 2
    para = doc.paragraph_at(report.text.index("the local partners"))
    assert para is not None and para.number == "2"


def test_numbered_paragraphs(report: Extracted) -> None:
    numbers = [p.number for p in report.paragraphs]
    assert numbers == ["1", "2", "3", "4", "5", "6"]
    for span in report.paragraphs:
        assert report.text[span.start :].startswith(f"{span.number}. ")


def test_wrapped_lines_joined_into_paragraphs(report: Extracted) -> None:
    paras = report.text.split("\n\n")
    assert (
        "1. Children and families receive help at the earliest point. The front door is effective and well "
        "run by experienced managers who know the area." in paras
    )


def test_hyphen_kept_for_compounds_and_dropped_for_broken_words(report: Extracted) -> None:
    assert "The work of the multi-disciplinary team" in report.text
    assert "the information shared is timely" in report.text
    assert "informa" not in report.text.replace("information", "")


def test_grade_table_rows_are_own_paragraphs(report: Extracted) -> None:
    paras = report.text.split("\n\n")
    for label, grade in docmaker.TABLE:
        assert f"{label}  {grade}" in paras


def test_bullets_and_headings_stand_alone(report: Extracted) -> None:
    paras = report.text.split("\n\n")
    assert (
        "• The timeliness of assessments for disabled children, so that their needs are understood early."
        in paras
    )
    assert "What needs to improve?" in paras


def test_invisible_text_skipped(report: Extracted) -> None:
    assert "SECRET" not in report.text


def test_title_from_page_one_heading(report: Extracted) -> None:
    assert report.title == TITLE


def test_meaningful_metadata_title_wins_and_junk_is_ignored(tmp_path: Path) -> None:
    kept = docmaker.make_pdf(tmp_path / "a.pdf", PAGES[:1], heading=TITLE, title=TITLE)
    junk = docmaker.make_pdf(
        tmp_path / "b.pdf", PAGES[:1], heading=TITLE, title="Microsoft Word - draft3.docx"
    )
    assert pdf.extract(kept.read_bytes()).title == TITLE
    assert pdf.extract(junk.read_bytes()).title == TITLE


@pytest.mark.parametrize(
    "maker, reason",
    [
        (docmaker.make_corrupt_pdf, "unreadable"),
        (docmaker.make_zero_page_pdf, "no pages"),
    ],
)
def test_broken_pdfs_are_skipped(tmp_path: Path, maker, reason: str) -> None:
    path = maker(tmp_path / "bad.pdf")
    with pytest.raises(SkipDocument, match=reason):
        pdf.extract(path.read_bytes())


def test_truncated_pdf_is_skipped_or_read_without_traceback(tmp_path: Path) -> None:
    source = docmaker.make_pdf(tmp_path / "ok.pdf", PAGES)
    data = source.read_bytes()
    for cut in (10, len(data) // 3, len(data) // 2):
        try:
            check_spans(pdf.extract(data[:cut]))
        except SkipDocument:
            pass


def test_password_protected_pdf_is_skipped(tmp_path: Path) -> None:
    source = docmaker.make_pdf(tmp_path / "ok.pdf", PAGES)
    locked = docmaker.make_encrypted_pdf(tmp_path / "locked.pdf", source, user_password="secret")
    with pytest.raises(SkipDocument, match="encrypted"):
        pdf.extract(locked.read_bytes())


def test_pdf_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    source = docmaker.make_pdf(tmp_path / "ok.pdf", PAGES)
    opened = docmaker.make_encrypted_pdf(tmp_path / "open.pdf", source, user_password="")
    assert "This sentence is on page two" in pdf.extract(opened.read_bytes()).text


def test_page_number_found_among_other_numbers(tmp_path: Path) -> None:
    path = docmaker.make_pdf(tmp_path / "of.pdf", PAGES, header=None, footer="Page {n} of 3, 2025 edition")
    extracted = pdf.extract(path.read_bytes())
    assert [p.printed for p in extracted.pages] == ["1", "2", "3"]
    assert "edition" not in extracted.text


def test_too_many_pages_is_skipped(tmp_path: Path) -> None:
    path = docmaker.make_pdf(tmp_path / "long.pdf", PAGES)
    with pytest.raises(SkipDocument, match="more than the limit of 2"):
        pdf.extract(path.read_bytes(), max_pages=2)
    assert len(pdf.extract(path.read_bytes(), max_pages=3).pages) == 3


# ---------------------------------------------------------------- the real Ofsted reports


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> dict[str, Extracted]:
    """Every children's services report in the shared corpus, extracted on all cores (pypdf is the slow
    part: about half a second a report)."""
    root = shared_dir / "corpora"
    paths = sorted(root.glob("ofsted-ilacs/reports/*/*.pdf"))
    if not paths:
        pytest.skip(f"no PDF reports under {root}")
    # spawn, not fork: earlier tests may have started threads (torch) that a forked child would inherit
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1), mp_context=context) as pool:
        results = list(pool.map(pdf.extract, [p.read_bytes() for p in paths], chunksize=4))
    return {str(p.relative_to(root)): r for p, r in zip(paths, results)}


def _report(corpus: dict[str, Extracted], key: str) -> Extracted:
    if key not in corpus:
        pytest.skip(f"{key} is not in the shared corpus")
    return corpus[key]


@pytest.mark.slow
def test_every_report_has_valid_spans(corpus: dict[str, Extracted]) -> None:
    assert len(corpus) >= 62
    for name, extracted in corpus.items():
        try:
            check_spans(extracted)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc
        assert extracted.title, name
        # these reports number every page after the cover the same as the PDF does
        printed = [p for p in extracted.pages if p.printed]
        assert all(p.printed == str(p.page) for p in printed), name
        assert len({p.page for p in printed}) >= len({p.page for p in extracted.pages}) - 1, name


JUDGEMENT_ROWS = {
    "current framework": (
        DORSET,
        [
            "The experiences and progress of care leavers  Good",
            "Overall effectiveness  Outstanding",
            "The impact of leaders on social work practice with children and families  Outstanding",
        ],
    ),
    "old framework": (
        CAMBRIDGESHIRE,
        [
            "1. Children who need help and protection  Requires improvement",
            "2.1 Adoption performance  Good",
            "3. Leadership, management and governance  Good",
        ],
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("framework", list(JUDGEMENT_ROWS))
def test_judgement_table_rows_are_paragraphs_of_their_own(
    corpus: dict[str, Extracted], framework: str
) -> None:
    report, rows = JUDGEMENT_ROWS[framework]
    paras = _report(corpus, report).text.split("\n\n")
    for row in rows:
        assert row in paras


@pytest.mark.slow
def test_dorset_text_pages_and_paragraphs(corpus: dict[str, Extracted]) -> None:
    extracted = _report(corpus, DORSET)
    doc = as_document(extracted)
    assert "Sarah Canto" in extracted.text
    assert extracted.title == "Inspection of Dorset local authority children’s services"
    at = extracted.text.index(
        "When children are at risk of significant harm, strategy meetings are well attended"
    )
    page = doc.page_at(at)
    assert page is not None and (page.page, page.printed) == (3, "3")
    para = doc.paragraph_at(extracted.text.index("Pre-proceedings work as part of the Public Law Outline"))
    assert para is not None and para.number == "14"
    assert [p.number for p in extracted.paragraphs] == [str(n) for n in range(1, 60)]


@pytest.mark.slow
def test_dorset_running_header_gone_from_later_pages(corpus: dict[str, Extracted]) -> None:
    extracted = _report(corpus, DORSET)
    page_two = next(p for p in extracted.pages if p.page >= 2)
    later = extracted.text[page_two.start :]
    assert "Inspection of Dorset local authority children’s services" not in later
    assert "17 to 21 March 2025" not in later
