"""Journalists' tools in a real headless Chromium: claim check, reports table, comparison, trend."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import report_table
from bot.config import ROOT

try:
    from app_fixtures import engine_on
    from test_browser import DESKTOP, Watched, chromium, serve
    from test_comparisons import BARSET, WREKIN, WREKIN_TEXT
    from test_over_time import NEW, NEWER_TEXT
    from test_records import ILACS
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on
    from tests.test_browser import DESKTOP, Watched, chromium, serve
    from tests.test_comparisons import BARSET, WREKIN, WREKIN_TEXT
    from tests.test_over_time import NEW, NEWER_TEXT
    from tests.test_records import ILACS

pytestmark = pytest.mark.browser

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
# Barset graded good (2018) then outstanding (2023), Wrekin inadequate (2023), and an ungraded police report.
FILES = {BARSET: ILACS, NEW: NEWER_TEXT, WREKIN: WREKIN_TEXT}


@pytest.fixture(scope="module")
def server(embedder, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on an index of three graded council reports and the seed."""
    files = {SEED: (ROOT / "sources" / SEED).read_bytes(), **FILES}
    settings = engine_on(tmp_path_factory.mktemp("tools-corpus"), files, embedder).settings
    yield from serve(settings.index, settings.sources, tmp_path_factory.mktemp("tools-server"))


@pytest.fixture(scope="module")
def browser(server):
    yield from chromium()


@pytest.fixture
def desktop(browser, server) -> Iterator[Watched]:
    watched = Watched(browser, server, DESKTOP)
    yield watched
    watched.close()


def clean(watched: Watched) -> None:
    """No JavaScript dialog fired and nothing was logged as an error in the browser console."""
    assert not watched.dialogs and not watched.errors, (watched.dialogs, watched.errors)


def last_message(watched: Watched):
    return watched.page.get_by_test_id("stChatMessage").last


# Each column of the reports table by its place in the grid: after the index column, the row numbers.
AT = {name: i + 1 for i, name in enumerate(report_table.COLUMNS)}


def values(grid, name: str, rows: int) -> list[str]:
    """A column of the reports table by its name (those after "Published" are in view when scrolled right)."""
    return column(grid, AT[name], rows, right=AT[name] > AT["Published"])


def grid_rows(grid, rows: int) -> None:
    """Wait until a dataframe's accessible table (drawn 200 ms after the canvas) holds this many rows."""
    grid.locator(f"table[role=grid][aria-rowcount='{rows + 1}']").wait_for(state="attached")


def column(grid, col: int, rows: int, right: bool = False) -> list[str]:
    """One column's texts, from the grid's accessible table (the cells are drawn on a canvas, and the
    table holds only the columns in view, so the grid is first scrolled to its first or last columns)."""
    scroll(grid, right)
    grid_rows(grid, rows)
    cells = [grid.get_by_test_id(f"glide-cell-{col}-{row}") for row in range(rows)]
    for cell in cells:
        cell.wait_for(state="attached")
    return [cell.text_content() or "" for cell in cells]


def scroll(grid, right: bool) -> None:
    """Scroll a wide dataframe to its last or first columns."""
    grid.locator(".dvn-scroller").evaluate(f"e => {{ e.scrollLeft = {'e.scrollWidth' if right else 0}; }}")


# The lines a dataframe draws between its columns (across the header) and rows (down the first column),
# in CSS pixels: thin lines are pixels unlike both neighbours (text and a hovered row are wider).
GRID_LINES = """c => {
  const ctx = c.getContext('2d'), r = window.devicePixelRatio || 1;
  const thin = d => {
    const px = i => d.slice(4 * i, 4 * i + 3).join(), at = [];
    for (let i = 1; i + 1 < d.length / 4; i++) if (px(i) !== px(i - 1) && px(i) !== px(i + 1)) at.push(i / r);
    return at;
  };
  return {x: thin(ctx.getImageData(0, Math.round(4 * r), c.width, 1).data),
          y: thin(ctx.getImageData(Math.round(2 * r), 0, 1, c.height).data),
          width: c.width / r, height: c.height / r};
}"""


def click_cell(watched: Watched, grid, name: str, row: int) -> None:
    """Click a dataframe cell (row -1: the column's header) as a user does, moving onto it first (the grid
    can drop a click that comes straight after the pointer jumps onto it). Its place comes from the grid
    lines on the canvas."""
    page = watched.page
    page.mouse.move(0, 0)  # off the grid: a hovered row is shaded
    canvas = grid.get_by_test_id("data-grid-canvas")
    lines = canvas.evaluate(GRID_LINES)
    names = [n.lstrip("↑↓ ") for n in grid.locator("th").all_text_contents()]  # in view, sort marks off
    xs, ys = [0, *lines["x"], lines["width"]], [0, *lines["y"], lines["height"]]
    assert len(xs) == len(names) + 1 and len(ys) > row + 2, (names, lines)
    at, box = names.index(name), canvas.bounding_box()
    x = box["x"] + (xs[at] + xs[at + 1]) / 2
    y = box["y"] + (ys[row + 1] + ys[row + 2]) / 2
    page.mouse.move(x, y, steps=5)
    # The app takes a selection only while it knows the pointer is over the grid: let its hover land.
    page.wait_for_timeout(300)
    page.mouse.click(x, y)


def open_reports(watched: Watched):
    """Go to the reports page; returns its table once it shows every report."""
    page = watched.page
    page.get_by_test_id("stTopNavLink").filter(has_text="Reports at a glance").click()
    page.get_by_text("4 of 4 reports.").wait_for()
    watched.idle()
    return page.get_by_test_id("stDataFrame")


def test_claim_mode_gives_a_verdict_with_the_quote_it_rests_on(desktop: Watched):
    page = desktop.page
    page.get_by_role("radio", name="Check a claim").click()
    page.get_by_placeholder("Type a claim to check").wait_for()
    desktop.idle()
    assert page.get_by_role("radio", name="Check a claim").get_attribute("aria-checked") == "true"

    desktop.ask("Ofsted rated Barset's children's services good in 2018.")
    message = last_message(desktop)
    badge = message.get_by_role("img", name="check_circle icon").locator("..")
    assert badge.inner_text().endswith("Supported")
    assert "The report grades Overall effectiveness: good." in message.inner_text()
    expander = desktop.open_citation(1)
    assert expander.locator("blockquote.q").inner_text() == "Overall effectiveness  Good"
    assert "Inspection of Barset" in expander.inner_text() and "25 May 2018" in expander.inner_text()

    desktop.ask("Ofsted rated Wrekin's children's services good.")
    message = last_message(desktop)
    badge = message.get_by_role("img", name="cancel icon").locator("..")
    assert badge.inner_text().endswith("Contradicted")
    assert message.get_by_role("img", name="check_circle icon").count() == 0
    assert "Overall effectiveness 'inadequate', not 'good'" in message.inner_text()
    expander = desktop.open_citation(1)
    assert expander.locator("blockquote.q").inner_text() == "Overall effectiveness  Inadequate"
    assert "Inspection of Wrekin" in expander.inner_text()
    clean(desktop)


def test_reports_page_lists_filters_and_opens_a_grade_in_its_source(desktop: Watched):
    page = desktop.page
    grid = open_reports(desktop)
    assert values(grid, "Organisation", 4) == ["Barset", "Barset", "West Midlands Police", "Wrekin"]
    assert values(grid, "Published", 4) == ["2018-05-25", "2023-07-14", "", "2023-07-14"]
    assert values(grid, "Overall effectiveness", 4) == ["Good", "Outstanding", "", "Inadequate"]
    assert values(grid, "Care leavers", 4) == ["Inadequate", "Good", "", "Inadequate"]
    headers = grid.locator("th").all_text_contents()
    assert {"Overall effectiveness", "Leaders", "Care leavers"} <= set(headers), headers

    organisation = page.get_by_label("Organisation")
    organisation.fill("barset")
    organisation.press("Enter")
    page.get_by_text("2 of 4 reports.").wait_for()
    desktop.idle()
    assert values(grid, "Organisation", 2) == ["Barset", "Barset"]
    organisation.fill("")
    organisation.press("Enter")
    page.get_by_text("4 of 4 reports.").wait_for()
    desktop.idle()

    page.get_by_test_id("stMultiSelect").filter(has_text="Overall effectiveness").click()
    page.get_by_role("option", name="Inadequate").click()
    page.get_by_text("1 of 4 reports.").wait_for()
    desktop.idle()
    page.keyboard.press("Escape")  # close the options list
    assert values(grid, "Organisation", 1) == ["Wrekin"]

    assert values(grid, "Overall effectiveness", 1) == ["Inadequate"]
    click_cell(desktop, grid, "Overall effectiveness", 0)
    dialog = page.get_by_role("dialog")
    frame = page.frame_locator("iframe[title^='Text of']")
    mark = frame.locator("mark#hl")
    mark.wait_for(timeout=30_000)
    desktop.idle()
    assert mark.is_visible() and mark.inner_text() == "Overall effectiveness  Inadequate"
    assert "Inspection of Wrekin" in dialog.inner_text() and f"file {WREKIN}" in dialog.inner_text()
    assert dialog.get_by_text("The highlighted quote is in").is_visible()
    clean(desktop)


def test_a_comparison_is_a_table_of_cited_grades(desktop: Watched):
    desktop.ask("Compare Barset and Wrekin")
    message = last_message(desktop)
    assert "Compared 2 report(s)" in message.inner_text()
    grid = message.get_by_test_id("stDataFrame")
    grid_rows(grid, 2)
    assert grid.locator("th").all_text_contents()[:2] == ["Report", "Overall effectiveness"]
    reports = column(grid, 0, 2)
    assert reports[0].startswith("Inspection of Barset") and reports[0].endswith("(2023-07-14)"), reports
    assert reports[1].startswith("Inspection of Wrekin") and reports[1].endswith("(2023-07-14)"), reports
    cells = column(grid, 1, 2)
    assert cells[0].startswith("Overall effectiveness  Outstanding [")
    assert cells[1].startswith("Overall effectiveness  Inadequate [")
    # Each cell's [n] is the citation that quotes it.
    wrekin = int(cells[1].rsplit("[", 1)[1].rstrip("]"))
    expander = desktop.open_citation(wrekin)
    assert expander.locator("blockquote.q").inner_text() == "Overall effectiveness  Inadequate"
    assert "Inspection of Wrekin" in expander.inner_text()
    clean(desktop)


def test_change_over_time_draws_the_grades_and_cites_each(desktop: Watched):
    desktop.ask("How has Barset's rating changed?")
    message = last_message(desktop)
    # Streamlit's Markdown shows the "->" of the interpretation as an arrow.
    assert re.search(r"good \(2018\) (->|→) outstanding \(2023\)", message.inner_text())
    chart = message.get_by_test_id("stVegaLiteChart")
    drawing = chart.locator("canvas, svg.marks").first
    drawing.wait_for(timeout=30_000)
    box = drawing.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100, box
    answer = message.locator(".ans").all_inner_texts()
    text = "\n".join(answer)
    assert text.index("Overall effectiveness Good") < text.index("Overall effectiveness Outstanding"), text
    assert message.locator("sup.mk").count() >= 2
    quotes = [q or "" for q in message.locator("blockquote.q").all_text_contents()]
    assert quotes.index("Overall effectiveness  Good") < quotes.index("Overall effectiveness  Outstanding")
    expander = desktop.open_citation(quotes.index("Overall effectiveness  Outstanding") + 1)
    assert expander.locator("blockquote.q").inner_text() == "Overall effectiveness  Outstanding"
    assert "14 July 2023" in expander.inner_text()
    clean(desktop)


def in_view(grid, name: str) -> None:
    """Scroll the reports table to its last columns and wait until the column is among those in view."""
    scroll(grid, right=True)
    grid.locator("th", has_text=name).wait_for(state="attached")


def sort_by(watched: Watched, grid, name: str, mark: str) -> None:
    """Click a column's header and wait for its sort mark (↑ ascending, ↓ descending)."""
    in_view(grid, name)
    click_cell(watched, grid, name, -1)
    grid.locator("th", has_text=f"{mark} {name}").wait_for(state="attached")


def test_reports_page_sorts_by_a_column_and_opens_a_cell_of_the_sorted_table(desktop: Watched):
    page = desktop.page
    grid = open_reports(desktop)
    assert values(grid, "Overall effectiveness", 4) == ["Good", "Outstanding", "", "Inadequate"]
    sort_by(desktop, grid, "Overall effectiveness", "↑")
    assert values(grid, "Overall effectiveness", 4) == ["", "Good", "Inadequate", "Outstanding"]
    assert values(grid, "Organisation", 4) == ["West Midlands Police", "Barset", "Wrekin", "Barset"]
    sort_by(desktop, grid, "Overall effectiveness", "↓")
    assert values(grid, "Overall effectiveness", 4) == ["Outstanding", "Inadequate", "Good", ""]
    assert values(grid, "Organisation", 4) == ["Barset", "Wrekin", "Barset", "West Midlands Police"]
    assert values(grid, "Published", 4) == ["2023-07-14", "2023-07-14", "2018-05-25", ""]
    desktop.idle()
    assert page.get_by_role("dialog").count() == 0  # sorting opened no report

    # The first row of the sorted table is Barset's 2023 report (the second of the data): it opens.
    in_view(grid, "Overall effectiveness")
    click_cell(desktop, grid, "Overall effectiveness", 0)
    dialog = page.get_by_role("dialog")
    mark = page.frame_locator("iframe[title^='Text of']").locator("mark#hl")
    mark.wait_for(timeout=30_000)
    desktop.idle()
    assert mark.inner_text() == "Overall effectiveness  Outstanding"
    assert f"file {NEW}" in dialog.inner_text() and "14 July 2023" in dialog.inner_text()
    clean(desktop)


def test_reports_page_downloads_the_table_as_csv(desktop: Watched):
    page = desktop.page
    open_reports(desktop)
    with page.expect_download() as started:
        page.get_by_test_id("stDownloadButton").get_by_role("button", name="Download as CSV").click()
    download = started.value
    assert download.suggested_filename == "reports.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [*report_table.COLUMNS, "Source"]
    assert [r[0] for r in rows[1:]] == ["Barset", "Barset", "West Midlands Police", "Wrekin"]
    wrekin = dict(zip(rows[0], rows[4]))
    assert wrekin["Source"] == WREKIN and wrekin["Published"] == "2023-07-14"
    assert wrekin["Overall effectiveness"] == "Inadequate" and wrekin["Care leavers"] == "Inadequate"
    assert wrekin["Inspected"] == "2023-06-05 to 2023-06-16", wrekin
    clean(desktop)


def test_chosen_reports_are_compared_in_the_chat(desktop: Watched):
    page = desktop.page
    open_reports(desktop)
    compare = page.get_by_role("button", name="Compare in the chat")
    assert compare.is_disabled() and page.get_by_text("Choose two or more reports").is_visible()
    page.get_by_test_id("stMultiSelect").filter(has_text="Reports to compare").click()
    for published in ("2018-05-25", "2023-07-14"):
        page.get_by_role(
            "option", name=f"Barset · Inspection of local authority children's services · {published}"
        ).click()
        desktop.idle()
    page.keyboard.press("Escape")  # close the options list
    subject = page.get_by_label("On (optional)")
    subject.fill("care leavers")
    subject.press("Enter")
    question = "Compare Barset 2018 and Barset 2023 on care leavers"
    page.get_by_text(f"Asks the chat “{question}”, searching only these 2 reports.").wait_for()
    desktop.idle()
    compare.click()

    page.get_by_text("Answered in").wait_for(timeout=60_000)
    desktop.idle()
    assert page.get_by_test_id("stChatMessage").first.inner_text().strip().endswith(question)
    assert page.get_by_text("Searching 2 of 4 documents").is_visible()
    message = last_message(desktop)
    grid = message.get_by_test_id("stDataFrame")
    grid_rows(grid, 2)
    assert grid.locator("th").all_text_contents()[:2] == ["Report", "Care leavers"]
    reports = column(grid, 0, 2)
    assert all(r.startswith("Inspection of Barset") for r in reports), reports
    assert [r[-12:] for r in reports] == ["(2018-05-25)", "(2023-07-14)"]
    cells = column(grid, 1, 2)
    assert cells[0].startswith("The experiences and progress of care leavers  Inadequate [")
    assert cells[1].startswith("The experiences and progress of care leavers  Good [")
    clean(desktop)
