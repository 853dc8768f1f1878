"""Journalists' tools in a real headless Chromium: claim check, reports table, comparison, trend."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

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
    """Click a dataframe cell as a user does, moving onto it first (the grid can drop a click that comes
    straight after the pointer jumps onto it). Its place comes from the grid lines on the canvas."""
    page = watched.page
    page.mouse.move(0, 0)  # off the grid: a hovered row is shaded
    canvas = grid.get_by_test_id("data-grid-canvas")
    lines = canvas.evaluate(GRID_LINES)
    names = grid.locator("th").all_text_contents()  # the columns in view, in order
    xs, ys = [0, *lines["x"], lines["width"]], [*lines["y"], lines["height"]]
    assert len(xs) == len(names) + 1 and len(ys) > row + 1, (names, lines)
    at, box = names.index(name), canvas.bounding_box()
    x = box["x"] + (xs[at] + xs[at + 1]) / 2
    y = box["y"] + (ys[row] + ys[row + 1]) / 2
    page.mouse.move(x, y, steps=5)
    page.mouse.click(x, y)


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
    page.get_by_test_id("stTopNavLink").filter(has_text="Reports at a glance").click()
    grid = page.get_by_test_id("stDataFrame")
    page.get_by_text("4 of 4 reports.").wait_for()
    desktop.idle()
    assert column(grid, 0, 4) == ["Barset", "Barset", "West Midlands Police", "Wrekin"]
    assert column(grid, 3, 4) == ["2018-05-25", "2023-07-14", "", "2023-07-14"]
    assert column(grid, 5, 4, right=True) == ["Good", "Outstanding", "", "Inadequate"]  # Overall effect.
    assert column(grid, 9, 4, right=True) == ["Inadequate", "Good", "", "Inadequate"]  # Care leavers
    headers = grid.locator("th").all_text_contents()
    assert {"Overall effectiveness", "Leaders", "Care leavers"} <= set(headers), headers

    organisation = page.get_by_label("Organisation")
    organisation.fill("barset")
    organisation.press("Enter")
    page.get_by_text("2 of 4 reports.").wait_for()
    desktop.idle()
    assert column(grid, 0, 2) == ["Barset", "Barset"]
    organisation.fill("")
    organisation.press("Enter")
    page.get_by_text("4 of 4 reports.").wait_for()
    desktop.idle()

    page.get_by_test_id("stMultiSelect").filter(has_text="Overall effectiveness").click()
    page.get_by_role("option", name="Inadequate").click()
    page.get_by_text("1 of 4 reports.").wait_for()
    desktop.idle()
    page.keyboard.press("Escape")  # close the options list
    assert column(grid, 0, 1) == ["Wrekin"]

    assert column(grid, 5, 1, right=True) == ["Inadequate"]
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
