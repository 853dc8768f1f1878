"""The conversation: questions, answers with their cited quotes, refusals, feedback and per-answer exports."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import streamlit as st

from bot import export
from bot.config import Settings
from bot.engine import Engine
from bot.errors import BadQuestion, BotError
from bot.feedback import FeedbackLimit
from bot.llm import LlmAnswerer
from bot.retrieval import Filters
from bot.schema import Answer
from ui import state
from ui.render import answer_html, citation_label, md_escape, quote_html, safe_url
from ui.reports import report_card
from ui.resources import claim_checker, feedback_store, language_model
from ui.viewer import source_dialog

log = logging.getLogger("bot.app")
USER_AVATAR = ":material/person:"
BOT_AVATAR = ":material/fact_check:"
# Styles for the HTML this app builds itself (answers and quotes); colours follow the theme.
CSS = """<style>
.ans { margin: 0 0 .6rem 0; line-height: 1.6; }
.mk { color: var(--primary-color, #1d4f91); font-weight: 600; margin-left: .1em; }
blockquote.q { margin: .25rem 0 .5rem 0; padding: .4rem .9rem; border-left: 4px solid #f2c94c;
  background: rgba(242, 201, 76, .14); border-radius: 0 6px 6px 0; white-space: pre-wrap; }
blockquote.q.weak { border-left-color: #9aa4ae; background: rgba(154, 164, 174, .12); }
</style>"""


def styles() -> None:
    """The answers' styles; sent only by a run that shows answers, so a first visit's page stays light."""
    st.html(CSS)


def show_turn(turn: dict[str, Any], engine: Engine, settings: Settings) -> None:
    """One question and its answer, as chat messages."""
    with st.chat_message("user", avatar=USER_AVATAR):
        st.text(turn["record"]["question"])
    with st.chat_message("assistant", avatar=BOT_AVATAR):
        show_answer(turn, engine)
        footer(turn, settings)


def ask(question: str, engine: Engine, settings: Settings, filters: Filters) -> None:
    """Answer a new question in the chat, with a spinner while the engine works."""
    with st.chat_message("user", avatar=USER_AVATAR):
        st.text(question)
    with st.chat_message("assistant", avatar=BOT_AVATAR):
        history = [engine.turn(q, quoted) for q, quoted in state.history()]
        chosen = None if filters.empty else filters
        try:
            answerer = language_model(engine, settings)
            if answerer is None:
                with st.spinner("Searching the reports…"):
                    answer = engine.ask(question, filters=chosen, history=history)
            else:
                answer = _drafted(answerer, question, chosen, history)
        except BadQuestion as exc:
            st.warning(md_escape(str(exc)), icon=":material/edit_note:")
            return
        record = answer.to_json()
        log.info("answered in %.0f ms, refused=%s, %d citations", answer.timings_ms.get("total", 0),
                 answer.refused, len(answer.citations))  # fmt: skip
        turn = state.add_turn(record)
        show_answer(turn, engine)
        footer(turn, settings)


def check(claim: str, engine: Engine, settings: Settings) -> None:
    """Check a claim in the chat: its verdict, why, and the quotes it rests on."""
    with st.chat_message("user", avatar=USER_AVATAR):
        st.text(claim)
    with st.chat_message("assistant", avatar=BOT_AVATAR):
        try:
            with st.spinner("Checking the claim against the reports…"):
                verdict = claim_checker(engine).check(claim)
        except BadQuestion as exc:
            st.warning(md_escape(str(exc)), icon=":material/edit_note:")
            return
        turn = state.add_turn(verdict.to_answer_record())
        show_answer(turn, engine)
        footer(turn, settings)


def _drafted(answerer: LlmAnswerer, question: str, filters: Filters | None, history: list) -> Answer:
    """The model's draft shown as it arrives, then replaced by what the gate verified (or the fallback)."""
    result: dict[str, Answer] = {}

    def tokens() -> Iterator[str]:
        result["answer"] = yield from answerer.stream(question, filters=filters, history=history)

    draft = st.empty()
    with draft.container():
        st.caption("Draft by the language model, being checked against the sources…")
        st.write_stream(md_escape(token) for token in tokens())
    draft.empty()
    return result["answer"]


def show_answer(turn: dict[str, Any], engine: Engine) -> None:
    """The answer text with [n] markers (or the refusal), then each citation."""
    record = turn["record"]
    if record.get("interpreted_as"):
        st.caption(":material/subdirectory_arrow_right: " + md_escape(record["interpreted_as"]))
    if record.get("kind") == "claim":
        _verdict(record)
    elif record.get("refused"):
        st.warning(md_escape(record["answer"]), icon=":material/block:")
    else:
        st.html(answer_html(record))
    if record.get("fallback_reason"):
        st.caption(md_escape(f"Answered by quoting only: {record['fallback_reason']}"))
    if record.get("timeline"):
        _grade_chart(record["timeline"])
    if (record.get("table") or {}).get("rows"):
        _comparison(record["table"])
    for note in record.get("notes") or []:
        st.caption(":material/update: " + md_escape(note))
    for sentence, why in export.withheld(record):
        st.caption(md_escape(f"Withheld ({why}): {sentence}"))
    citations = record.get("citations") or []
    if citations:
        heading = "Nearest passages, **not an answer**:" if record.get("refused") else "Sources:"
        st.caption(heading)
    for citation in citations:
        show_citation(turn["id"], citation, engine)


def _comparison(table: dict[str, Any]) -> None:
    """The comparison as a table: a row per report, each cell its quote with the citation number."""
    rows = []
    for row in table["rows"]:
        cells = [f"{c['quote']} [{c['n']}]" if "n" in c else "not covered" for c in row["cells"]]
        rows.append(
            {
                "Report": f"{row['title']} ({row.get('date') or 'undated'})",
                **dict(zip(table["columns"], cells)),
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")


_LEVELS = {"inadequate": 1, "requires improvement": 2, "requires improvement to be good": 2, "adequate": 2,
           "good": 3, "outstanding": 4}  # fmt: skip


def _grade_chart(timeline: list[dict[str, str]]) -> None:
    """The grades of an answer's timeline, oldest first, on the inspectorate's scale."""
    points = [
        {"date": t["date"], "grade": t["grade"].capitalize(), "level": _LEVELS[t["grade"].lower()],
         "organisation": t["organisation"]}
        for t in timeline if t["grade"].lower() in _LEVELS and t["date"]
    ]  # fmt: skip
    if len(points) < 2:
        return
    axis = "datum.value == 1 ? 'Inadequate' : datum.value == 2 ? 'Requires improvement' : "
    axis += "datum.value == 3 ? 'Good' : 'Outstanding'"
    spec = {
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": "Report published"},
            "y": {"field": "level", "type": "quantitative", "title": None,
                  "scale": {"domain": [1, 4]}, "axis": {"values": [1, 2, 3, 4], "labelExpr": axis}},
            "color": {"field": "organisation", "type": "nominal", "title": None},
            "tooltip": [{"field": "organisation"}, {"field": "date", "type": "temporal"}, {"field": "grade"}],
        },
    }  # fmt: skip
    st.vega_lite_chart(points, spec, width="stretch", height=220)


_BADGES = {
    "supported": ("Supported", "green", ":material/check_circle:"),
    "contradicted": ("Contradicted", "red", ":material/cancel:"),
    "not_found": ("Not found in the sources", "gray", ":material/help:"),
}


def _verdict(record: dict[str, Any]) -> None:
    """A claim's verdict as a badge, then the reason in words."""
    label, colour, icon = _BADGES[record["verdict"]]
    st.badge(label, color=colour, icon=icon)
    st.write(md_escape(record.get("reason") or ""))


@st.fragment  # opening a quote's document or report card reruns this citation alone, not the page
def show_citation(turn_id: int, citation: dict[str, Any], engine: Engine) -> None:
    """A citation that opens to its exact quote, full reference, source viewer and original link."""
    with st.expander(md_escape(citation_label(citation)), icon=":material/format_quote:"):
        st.html(quote_html(citation))
        st.caption(md_escape(export.reference({**citation, "url": None})))
        with st.container(horizontal=True):
            opened = st.button(
                "Show in document", key=f"open-{turn_id}-{citation['n']}", icon=":material/article:",
                help="Open the document with this quote highlighted in its context.",
            )  # fmt: skip
            card = st.button(
                "Report card", key=f"card-{turn_id}-{citation['n']}", icon=":material/badge:",
                help="The facts of the report this quote comes from: dates, lead inspector, grades.",
            )  # fmt: skip
            url = safe_url(citation.get("url"))
            if url:
                st.link_button("Original report", url, icon=":material/open_in_new:")
    if card:
        report_card(engine, citation["source"])
    if opened:
        source_dialog(engine, citation["source"], citation["start"], citation["end"], citation["quote"])


@st.fragment  # a thumb or a comment reruns this footer alone, not the sidebar and every earlier answer
def footer(turn: dict[str, Any], settings: Settings) -> None:
    """Thumbs up or down, an optional comment, and the answer's exports."""
    tid, record = turn["id"], turn["record"]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.feedback("thumbs", key=f"fb-{tid}", on_change=_rated, args=(turn, settings))
        with st.popover("Export", icon=":material/download:", help="Download this answer with its sources."):
            st.download_button(
                "Markdown", export.answer_markdown(record), f"answer-{tid}.md", "text/markdown",
                key=f"dl-md-{tid}", on_click="ignore", icon=":material/description:",
            )  # fmt: skip
            st.download_button(
                "JSON", export.answer_json(record), f"answer-{tid}.json", "application/json",
                key=f"dl-json-{tid}", on_click="ignore", icon=":material/data_object:",
            )  # fmt: skip
        st.caption(_duration(record.get("timings_ms", {}).get("total", 0.0)))
    if turn.get("feedback_error"):
        st.error(md_escape(turn["feedback_error"]))
    elif turn.get("feedback_id") is not None:
        _comment_form(turn, settings)


def _duration(ms: float) -> str:
    """'45 ms' or '1.2 s'."""
    return f"Answered in {ms:.0f} ms" if ms < 1000 else f"Answered in {ms / 1000:.1f} s"


def _rated(turn: dict[str, Any], settings: Settings) -> None:
    """Store the thumb (callback): a new row the first time, an update after that."""
    rating = st.session_state.get(f"fb-{turn['id']}")
    session = st.session_state["session_id"]
    turn.pop("feedback_error", None)
    try:
        store = feedback_store(settings)
        if turn.get("feedback_id") is None:
            turn["feedback_id"] = store.add(turn["record"], rating, session=session)
        else:
            store.update(turn["feedback_id"], rating, session=session)
    except FeedbackLimit as exc:
        turn["feedback_error"] = str(exc)
    except BotError as exc:
        log.warning("feedback not saved: %s", exc)
        turn["feedback_error"] = "Your feedback could not be saved; please try again later."


def _comment_form(turn: dict[str, Any], settings: Settings) -> None:
    """An optional comment on a rated answer."""
    tid = turn["id"]
    if turn.get("comment_sent"):
        st.caption("Thank you: your feedback is saved for review.")
        return
    with st.form(key=f"fbform-{tid}", border=False, enter_to_submit=True):
        comment = st.text_input(
            "Comment (optional)", key=f"fbc-{tid}", max_chars=2000,
            placeholder="What was right or wrong with this answer?",
        )  # fmt: skip
        sent = st.form_submit_button("Send feedback", icon=":material/send:")
    if sent:
        rating, session = st.session_state.get(f"fb-{tid}"), st.session_state["session_id"]
        try:
            feedback_store(settings).update(turn["feedback_id"], rating, comment, session=session)
        except FeedbackLimit as exc:
            st.error(md_escape(str(exc)))
            return
        except BotError as exc:
            log.warning("feedback comment not saved: %s", exc)
            st.error("Your comment could not be saved; please try again later.")
            return
        turn["comment_sent"] = True
        st.caption("Thank you: your feedback is saved for review.")
