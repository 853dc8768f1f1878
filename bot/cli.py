"""python -m bot build|info|show|records|search|ask|check|verify|eval|feedback: thin adapters."""

from __future__ import annotations

import json
import logging
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from bot.config import Settings
from bot.errors import BotError

_JSON = click.option("--json", "as_json", is_flag=True, help="One JSON object per line on stdout.")
_INDEX = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), help="Index folder (BOT_INDEX)."
)


def _settings(index_dir: Path | None = None, sources: Path | None = None) -> Settings:
    return Settings.from_env(index=index_dir, sources=sources)


def _emit(record: dict[str, Any], as_json: bool, human: Callable[[dict[str, Any]], str]) -> None:
    click.echo(json.dumps(record, ensure_ascii=False) if as_json else human(record))


def _quiet(as_json: bool) -> None:
    """Keep library chatter off stderr when it is not a terminal or JSON is asked for."""
    if as_json or not sys.stderr.isatty():
        warnings.filterwarnings("ignore")
        logging.disable(logging.WARNING)
        os.environ.setdefault("TQDM_DISABLE", "1")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Ask questions about inspection reports; every answer sentence is a cited quote.

    First run: python -m bot build, then python -m bot ask "your question".
    """


@cli.command()
@click.option("--sources", type=click.Path(path_type=Path), help="Folder of documents (BOT_SOURCES).")
@_INDEX
@click.option("--force", is_flag=True, help="Re-extract and re-embed every document.")
@_JSON
def build(sources: Path | None, index_dir: Path | None, force: bool, as_json: bool) -> None:
    """Index the documents in the sources folder (incremental and atomic)."""
    from bot.embedding import for_settings
    from bot.indexing import build as run_build

    _quiet(as_json)
    settings = _settings(index_dir, sources)
    bars = _TerminalBars() if not as_json and sys.stderr.isatty() else None
    try:
        report = run_build(settings, for_settings(settings), force, progress=bars)
    finally:
        if bars:
            bars.close()
    if not as_json:
        for skip in report.skipped:
            click.echo(f"skipped {skip['source']}: {skip['reason']}", err=True)
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
    _emit(report.to_json(), as_json, _human_build)


class _TerminalBars:
    """A tqdm bar on stderr for each stage of a build."""

    def __init__(self) -> None:
        self.bars: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Move the stage's bar to done of total."""
        from tqdm import tqdm

        if stage not in self.bars:
            self.bars[stage] = tqdm(total=total, unit=f" {stage}", desc=f"Indexing {stage}", file=sys.stderr)
        bar = self.bars[stage]
        bar.update(done - bar.n)
        if done >= total:
            bar.close()  # a finished stage's bar stays on its own line

    def close(self) -> None:
        """Finish every bar."""
        for bar in self.bars.values():
            bar.close()


def _human_build(r: dict[str, Any]) -> str:
    return (
        f"Indexed {r['documents']} documents in {r['chunks']} chunks ({r['embedded']} chunks embedded now, "
        f"{len(r['skipped'])} files skipped) in {r['seconds']:.1f} s."
    )


@cli.command()
@_INDEX
@_JSON
def info(index_dir: Path | None, as_json: bool) -> None:
    """Summarise the index: documents, chunks, model, settings, build time."""
    from bot.store import current_generation, read_manifest

    _quiet(as_json)
    settings = _settings(index_dir)
    manifest = read_manifest(settings.index)
    record = {k: v for k, v in manifest.items() if k != "sources"}
    record["index"] = str(current_generation(settings.index))
    record["documents"] = [
        {k: s[k] for k in ("path", "sha256", "chars", "pages", "chunks")} for s in manifest["sources"]
    ]
    _emit(record, as_json, _human_info)


def _human_info(r: dict[str, Any]) -> str:
    c, s = r["counts"], r["settings"]
    lines = [
        f"Index {r['index']} built {r['built_at']}",
        f"{c['documents']} documents, {c['chunks']} chunks, {c['sentences']} sentences",
        f"model {s['model']} (sha256 {s['model_sha256'][:12]}...), fingerprint {r['fingerprint']}",
        f"encoder {s.get('encoder', 'pytorch-fp32')} (sha256 {s.get('encoder_sha256', '?')[:12]}...)",
    ]
    lines += [f"  {d['path']}  ({d['chunks']} chunks)" for d in r["documents"]]
    return "\n".join(lines)


@cli.command()
@click.argument("source")
@_INDEX
@_JSON
def show(source: str, index_dir: Path | None, as_json: bool) -> None:
    """Print one document's extracted text and metadata (offsets in citations index into this text)."""
    from bot.engine import Engine
    from bot.errors import SourceNotFound

    _quiet(as_json)
    engine = Engine(_settings(index_dir))
    doc = engine.index.documents.get(source)
    if doc is None:
        raise SourceNotFound(f"no document {source!r} in the index: see python -m bot info for the list")
    record = {"source": doc.source, "title": doc.title, "text": doc.text, "metadata": doc.metadata}
    record["pages"] = [vars(p) for p in doc.pages]
    record["paragraphs"] = [vars(p) for p in doc.paragraphs]
    facts = engine.index.records.get(source)
    record["record"] = facts.to_json() if facts else None
    _emit(
        record,
        as_json,
        lambda r: f"{r['title']}\n{json.dumps(r['metadata'], ensure_ascii=False)}\n\n{r['text']}",
    )


@cli.command(name="records")
@click.argument("sources", nargs=-1)
@_INDEX
@_JSON
def report_records(sources: tuple[str, ...], index_dir: Path | None, as_json: bool) -> None:
    """Each report's facts (dates, lead inspector, grades, findings) as spans; every report if none named."""
    from bot.engine import Engine
    from bot.errors import SourceNotFound

    _quiet(as_json)
    index = Engine(_settings(index_dir)).index
    missing = [s for s in sources if s not in index.records]
    if missing:
        raise SourceNotFound(f"no document {missing[0]!r} in the index: see python -m bot info for the list")
    for source in sources or sorted(index.records):
        _emit(index.records[source].to_json(), as_json, _human_record)


def _human_record(r: dict[str, Any]) -> str:
    lines = [r["source"]]
    for name, fact in r.items():
        if isinstance(fact, dict):
            value = " to ".join(fact["value"]) if isinstance(fact["value"], list) else fact["value"]
            lines.append(f"  {name.replace('_', ' ')}: {value}  (chars {fact['start']}-{fact['end']})")
    lines += [f"  judgement: {j['area']}: {j['grade']}" for j in r["judgements"]]
    lines += [f"  {f['label']}: {f['text']}" for f in r["findings"]]
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("questions", nargs=-1, required=True)
@click.option("--k", type=click.IntRange(1, 100), default=None, help="Hits per question.")
@_INDEX
@_JSON
def search(questions: tuple[str, ...], k: int | None, index_dir: Path | None, as_json: bool) -> None:
    """Hybrid search: the best passages for each question."""
    from bot.engine import Engine

    _quiet(as_json)
    engine = Engine(_settings(index_dir))
    engine.warm()  # loading is not part of a question's timings
    for question in questions:
        found = engine.search(question, k)
        docs = engine.index.documents
        record = {
            "question": found.question,
            "hits": [h.to_json(docs[h.chunk.source]) for h in found.hits],
            "timings_ms": {"total": round(found.ms, 3)},
        }
        _emit(record, as_json, _human_search)


def _human_search(r: dict[str, Any]) -> str:
    lines = [f"? {r['question']}"]
    for h in r["hits"]:
        lines.append(f"  {h['score']:.4f}  {h['source']} [{h['start']}:{h['end']}] page {h['page']}")
    return "\n".join(lines)


@cli.command()
@click.argument("questions", nargs=-1, required=True)
@click.option("--k", type=click.IntRange(1, 100), default=None, help="Passages retrieved per question.")
@click.option("--follow-up", is_flag=True, help="Read each question as a follow-up to the ones before.")
@_INDEX
@_JSON
def ask(
    questions: tuple[str, ...], k: int | None, follow_up: bool, index_dir: Path | None, as_json: bool
) -> None:
    """Answer each question with cited quotes, or say why the sources cannot."""
    from bot.conversation import Turn
    from bot.engine import Engine
    from bot.llm import answerer_for

    _quiet(as_json)
    engine = Engine(_settings(index_dir))
    engine.warm()  # loading is not part of a question's timings
    answerer = answerer_for(engine) or engine  # with BOT_LLM_PROVIDER, the model writes behind the gate
    history: list[str | Turn] = []
    for question in questions:
        answer = answerer.ask(question, k, history=history if follow_up else None)
        quoted = [] if answer.refused else [c.source for c in answer.citations]
        history.append(engine.turn(answer.question, quoted))
        _emit(answer.to_json(), as_json, _human_answer)


def _human_answer(r: dict[str, Any]) -> str:
    lines = [f"? {r['question']}"]
    if r.get("interpreted_as"):
        lines.append(f"  ({r['interpreted_as']})")
    lines += ["", r["answer"], ""]
    if r.get("fallback_reason"):
        lines.append(f"Answered by quoting only: {r['fallback_reason']}.")
    lines += [f"Withheld ({item['reason']}): {item['sentence']}" for item in r.get("unsupported") or []]
    lines += [f"Note: {note}" for note in r.get("notes") or []]
    label = "Closest passages, not an answer:" if r["refused"] else "Sources:"
    if r["citations"]:
        lines.append(label)
    for c in r["citations"]:
        where = ", ".join(
            x
            for x in (
                f"PDF page {c['page']}" if c["page"] else "",
                f"printed page {c['printed_page']}" if c["printed_page"] else "",
                f"paragraph {c['paragraph']}" if c["paragraph"] else "",
                c["date"] or "",
            )
            if x
        )
        lines.append(f"[{c['n']}] {c['title']} — {c['source']} ({where}) chars {c['start']}-{c['end']}")
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("claims", nargs=-1, required=True)
@_INDEX
@_JSON
def check(claims: tuple[str, ...], index_dir: Path | None, as_json: bool) -> None:
    """Check each claim against the sources: supported, contradicted or not found, with the quotes."""
    from bot.claims import ClaimChecker
    from bot.engine import Engine

    _quiet(as_json)
    engine = Engine(_settings(index_dir))
    engine.warm()
    checker = ClaimChecker(engine)
    for claim in claims:
        _emit(checker.check(claim).to_json(), as_json, _human_verdict)


def _human_verdict(r: dict[str, Any]) -> str:
    lines = [f"? {r['claim']}", f"  {r['verdict'].replace('_', ' ').upper()}: {r['reason']}"]
    lines += [
        f"  [{c['n']}] {' '.join(c['quote'].split())} ({c['title']}, {c['source']})" for c in r["citations"]
    ]
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("export_file", type=click.Path(path_type=Path))
@_INDEX
@_JSON
def verify(export_file: Path, index_dir: Path | None, as_json: bool) -> None:
    """Re-check every quote of an exported answer (JSON) against the current index."""
    from bot import receipts, store

    _quiet(as_json)
    records = receipts.read_export(export_file)
    root = _settings(index_dir).index
    index = store.load(root, store.read_manifest(root)["settings"])  # texts only: any model's index will do
    for record in records:
        _emit(receipts.verify(record, index), as_json, _human_verified)


def _human_verified(r: dict[str, Any]) -> str:
    same = "the same index" if r["same_index"] else f"index {r['checked_with']} (made with {r['made_with']})"
    lines = [f"? {r['question']}", f"  checked against {same}"]
    for q in r["quotes"]:
        lines.append(
            f"  [{q['n']}] {q['status'].upper()}: {q['source']}"
            + (f" ({q['detail']})" if q.get("detail") else "")
        )
    return "\n".join(lines) + "\n"


@cli.command(name="eval")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--k", type=click.IntRange(1, 100), default=5, help="Cut-off for recall@k.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write the results as JSON here.")
@_INDEX
@_JSON
def evaluate(
    files: tuple[Path, ...], k: int, out: Path | None, index_dir: Path | None, as_json: bool
) -> None:
    """Score retrieval, answers, quote fidelity, refusals and latency on labelled questions."""
    from bot.engine import Engine
    from bot.evaluation import evaluate_file, format_table

    _quiet(as_json)
    engine = Engine(_settings(index_dir))
    engine.warm()
    results = [evaluate_file(engine, path, k) for path in files]
    if out:
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for result in results:
        _emit(result["metrics"] | {"file": result["file"]}, as_json, lambda r: format_table([r]))


@cli.group()
def feedback() -> None:
    """Staff: export or delete stored feedback (BOT_FEEDBACK_DB or _URL); expired rows go first."""


def _feedback_store() -> Any:
    from bot.feedback import FeedbackStore

    store = FeedbackStore.for_settings(Settings.from_env())
    store.expire_if_due()
    return store


_DAY = click.DateTime(formats=["%Y-%m-%d"])


@feedback.command(name="export")
@click.option("--since", type=_DAY, default=None, help="Only rows created on or after this day (UTC).")
@click.option("--json", "as_format", flag_value="json", help="One JSON object per row.")
@click.option("--csv", "as_format", flag_value="csv", default=True, help="CSV with a header (the default).")
def feedback_export(since: Any, as_format: str) -> None:
    """Write the stored feedback to stdout, oldest first."""
    from bot.feedback import as_csv, as_jsonl

    rows = _feedback_store().export(since.date() if since else None)
    click.echo((as_jsonl if as_format == "json" else as_csv)(rows), nl=False)


@feedback.command(name="purge")
@click.option("--before", type=_DAY, required=True, help="Delete rows created before this day (UTC).")
@_JSON
def feedback_purge(before: Any, as_json: bool) -> None:
    """Delete the feedback created before a day."""
    day = before.date()
    gone = _feedback_store().purge(day)
    record = {"deleted": gone, "before": day.isoformat()}
    _emit(record, as_json, lambda r: f"Deleted {r['deleted']} feedback rows created before {r['before']}.")


def main() -> None:
    """Run the CLI; every failure is one line on stderr and a non-zero exit."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(2)
    except BotError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted: the previous index is still in place", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug must still be one line, never a traceback
        click.echo(f"error: unexpected {type(exc).__name__}: {exc} (please report this)", err=True)
        sys.exit(1)
