"""Report records against the Ofsted catalog: per-field agreement and span fidelity over the real reports.

Run: .venv/bin/python benchmarks/records_bench.py  (writes benchmarks/records_results.md and .json)
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ILACS, SEND, require_shared  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bot import findings, loaders, metadata, records  # noqa: E402
from bot.schema import Document  # noqa: E402

CATALOG = ILACS.parent / "catalog.csv"
# Catalog grade column -> how the record's judgement area reads (case-insensitive search).
AREAS = {
    "overall_effectiveness_grade": r"^overall",
    "impact_of_leaders_grade": r"^the impact of leaders",
    "help_and_protection_grade": r"who need help and protection$",
    "in_care_grade": r"progress of children in care",
    "care_leavers_grade": r"progress of care leavers$",
}
GRADES = {"outstanding", "good", "requires improvement", "inadequate", "adequate"}
FIELDS = ["lead_inspector", "inspection_first_day", "inspection_last_day", "published", *AREAS]
# Any statement of a publication date, found independently of bot.records ("Report published: 8 August 2014").
PUBLISHED = re.compile(r"\bpublished:?\s+\d", re.I)
# Catalog values the reports contradict, checked by reading the report: (source, field) -> what it states.
ERRATA = {
    ("ofsted-ilacs/80536_oxfordshire/children's services inspection - 22 may 2018.pdf", "in_care_grade"): (
        "the grade table row 'The experiences and progress of children in care and care leavers  Good' and "
        "the heading 'The experiences and progress of children in care and care leavers is good': the "
        "catalog's 'requires improvement' is the help and protection grade of the row above"
    ),
    (
        "ofsted-ilacs/80541_redcar and cleveland/children's services inspection - 22 september 2022.pdf",
        "care_leavers_grade",
    ): (
        "no separate care leavers judgement: the 2022 framework grades 'The experiences and progress of "
        "children in care and care leavers  Requires improvement to be good' as one row, which the catalog "
        "copied into care_leavers instead of writing inspection_pre_dates_judgement as it does elsewhere"
    ),
}
# Words the normalised report type adds to what the cover prints ("Inspection of children's social care
# services" is the local authority children's services inspection; an HMI's force assessment is PEEL).
ADDED_TYPE_WORDS = {"local", "authority", "peel"}


def reports() -> Iterator[tuple[Document, dict[str, str] | None]]:
    """Every corpus report as the index would hold it, with its catalog row (None for SEND)."""
    with CATALOG.open(newline="", encoding="utf-8") as fh:
        rows = {(r["local_authority"], r["pdf_filename"]): r for r in csv.DictReader(fh)}
    for corpus, name in ((ILACS, "ofsted-ilacs"), (SEND, "ofsted-send")):
        for pdf in sorted(corpus.glob("*/*.pdf")):
            source = f"{name}/{pdf.relative_to(corpus).as_posix()}"
            ext = loaders.extract(pdf, pdf.read_bytes(), 2000)
            meta = metadata.infer(source, ext.text, ext.title, None)
            authority = pdf.parent.name.split("_", 1)[1]
            yield Document(source, ext.text, meta), rows.get((authority, pdf.name))


def _iso(value: str, fmt: str) -> str | None:
    try:
        return datetime.strptime(value.strip(), fmt).date().isoformat() if value.strip() else None
    except ValueError:
        return None


def _person(name: str | None) -> str | None:
    """A name compared without case, spaces or hyphens ("Jenny -ellen Scotland" = "Jenny-ellen Scotland")."""
    return re.sub(r"[^a-z]", "", name.lower()) if name else None


def expected(row: dict[str, str]) -> dict[str, str | None]:
    """What the catalog says for each field; None where it has no value."""
    grades = {col: (row[col] if row[col] in GRADES else None) for col in AREAS}
    return {
        "lead_inspector": _person(row["inspector_name"]),
        "inspection_first_day": _iso(row["inspection_start_date"], "%d/%m/%Y"),
        "inspection_last_day": _iso(row["inspection_end_date"], "%d/%m/%Y"),
        "published": _iso(row["publication_date"], "%d/%m/%y"),
        **grades,
    }


def found(record: records.Record) -> dict[str, str | None]:
    """What the record says for each field; None where the text does not state it."""
    dates = record.inspection_dates.value if record.inspection_dates else [None, None]
    got: dict[str, str | None] = {
        "lead_inspector": _person(record.lead_inspector.value) if record.lead_inspector else None,
        "inspection_first_day": dates[0],
        "inspection_last_day": dates[1],
        "published": record.published.value if record.published else None,
    }
    for col, pattern in AREAS.items():
        rows = [j for j in record.judgements if re.search(pattern, j.area, re.I)]
        got[col] = rows[0].grade if rows else None
    return got


def compare(record: records.Record, row: dict[str, str], text: str) -> dict[str, tuple[str, Any, Any]]:
    """Per field: (status, catalog value, record value).

    Status: agree; none_both (neither has a value); disagree; catalog_none (the report states a value the
    catalog lacks); not_stated (the report never states its publication date, so the record has none);
    catalog_error (a disagreement where the report's text, quoted in ERRATA, shows the catalog is wrong).
    """
    want, got = expected(row), found(record)
    out = {}
    for name in FIELDS:
        if want[name] is None:
            status = "none_both" if got[name] is None else "catalog_none"
        elif want[name] == got[name]:
            status = "agree"
        elif name == "published" and got[name] is None and not PUBLISHED.search(text):
            status = "not_stated"
        else:
            status = "catalog_error" if (record.source, name) in ERRATA else "disagree"
        out[name] = (status, row_value(row, name), got[name])
    return out


def row_value(row: dict[str, str], name: str) -> str:
    """The catalog's own text for a field."""
    columns = {
        "lead_inspector": "inspector_name",
        "inspection_first_day": "inspection_start_date",
        "inspection_last_day": "inspection_end_date",
        "published": "publication_date",
    }
    return row[columns.get(name, name)]


def _words(text: str) -> set[str]:
    """Lower-case words without a plural s, apostrophes unified: for "does the span state the value"."""
    return {w.removesuffix("s") for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))}


def _states_date(span: str, iso: str) -> bool:
    """Whether the span names this day ("16 April ... 2018" or "16/04/2018")."""
    year, month, day = iso.split("-")
    if f"{day}/{month}/{year}" in span:
        return True
    month_name = datetime(2000, int(month), 1).strftime("%B").lower()
    return {str(int(day)), year} <= _words(span) and month_name in span.lower()


# The older framework's overall judgement, a sentence of the services as a whole: "Children's services in
# Coventry require improvement to be good".
_AS_A_WHOLE = re.compile(r"^Children['’]s services in ", re.I)


def _states_judgement(judgement: findings.Judgement, span: str) -> bool:
    """Whether the span states the judgement: its area and grade as printed, or, for the overall judgement
    of the older framework, the grade in any of its verb forms ("require improvement")."""
    if _words(f"{judgement.area} {judgement.grade}") <= _words(span):
        return True
    if judgement.area != findings.OVERALL or not _AS_A_WHOLE.match(span):
        return False
    said = _words(span)
    forms = {judgement.grade, judgement.grade.replace("requires", "require")}
    return any(_words(form) <= said for form in forms)


def fidelity(record: records.Record, text: str) -> list[str]:
    """Facts whose span does not state their value: [] when every span does."""
    bad = []
    for name, fact in record.facts().items():
        span = text[fact.start : fact.end]
        if isinstance(fact.value, list) or re.fullmatch(r"\d{4}-\d\d-\d\d", fact.value):
            ok = all(
                _states_date(span, v) for v in ([fact.value] if isinstance(fact.value, str) else fact.value)
            )
        else:
            extra = ADDED_TYPE_WORDS if name == "report_type" else set()
            ok = _words(fact.value) - extra <= _words(span)
        if not ok:
            bad.append(f"{name}: {fact.value!r} not stated by {span!r}")
    for j in record.judgements:
        if not _states_judgement(j, text[j.start : j.end]):
            bad.append(f"judgement {j.area!r} = {j.grade!r} not stated by {text[j.start : j.end]!r}")
    bad += [
        f"finding {f.text[:40]!r} is not its span" for f in record.findings if text[f.start : f.end] != f.text
    ]
    return bad


def run() -> dict[str, Any]:
    """Extract every report, build its record and score it against the catalog."""
    per_report, started = [], time.perf_counter()
    for doc, row in reports():
        record = records.extract(doc)
        entry: dict[str, Any] = {"source": doc.source, "fidelity": fidelity(record, doc.text)}
        entry["stated"] = sorted(record.facts())
        entry["judgements"], entry["findings"] = len(record.judgements), len(record.findings)
        if row:
            entry["fields"] = {k: list(v) for k, v in compare(record, row, doc.text).items()}
        per_report.append(entry)
    return {
        "date": time.strftime("%Y-%m-%d"),
        "seconds": round(time.perf_counter() - started, 1),
        "summary": summarise(per_report),
        "reports": per_report,
    }


def summarise(per_report: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts per field; agreement with the catalog as it is, and with its checked errors set aside."""
    scored = [r for r in per_report if "fields" in r]
    fields: dict[str, Any] = {}
    for name in FIELDS:
        count = {k: 0 for k in STATUSES}
        for r in scored:
            count[r["fields"][name][0]] += 1
        agree = count["agree"] + count["none_both"]
        judged = agree + count["disagree"]
        fields[name] = count | {
            "percent_raw": _percent(agree, judged + count["catalog_error"]),
            "percent": _percent(agree, judged),
        }
    spans = sum(len(r["stated"]) + r["judgements"] + r["findings"] for r in per_report)
    unfaithful = sum(len(r["fidelity"]) for r in per_report)
    return {
        "reports": len(per_report),
        "with_catalog_row": len(scored),
        "fields": fields,
        "spans_checked": spans,
        "spans_not_stating_value": unfaithful,
    }


STATUSES = ("agree", "none_both", "disagree", "catalog_error", "catalog_none", "not_stated")


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 100.0


def markdown(results: dict[str, Any]) -> str:
    """The results file: agreement per field, disagreements, what the catalog lacks, span fidelity."""
    s = results["summary"]
    out = _header(results) + _table(s["fields"])
    out += [
        "",
        f"Span fidelity: {s['spans_checked']} spans checked (facts, judgements, findings), "
        f"{s['spans_not_stating_value']} do not state their value.",
        "",
    ]
    out += _listing(results, "disagree", "## Disagreements (source, field, catalog, record)")
    out += ["## Catalog errors (what the report states)", ""]
    out += [f"- {source}: {field}: {said}" for (source, field), said in ERRATA.items()] + [""]
    out += _listing(results, "catalog_none", "## Catalog has no value, the report states one")
    bad = [(r["source"], b) for r in results["reports"] for b in r["fidelity"]]
    out += ["## Spans that do not state their value", ""] + ([f"- {s}: {b}" for s, b in bad] or ["- none"])
    return "\n".join(out) + "\n"


def _table(fields: dict[str, Any]) -> list[str]:
    out = [
        "| field | agree | none both | disagree | catalog error | catalog none | not stated | % raw | % |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in fields.items():
        out.append(
            f"| {name} | {f['agree']} | {f['none_both']} | {f['disagree']} | {f['catalog_error']} | "
            f"{f['catalog_none']} | {f['not_stated']} | {f['percent_raw']} | {f['percent']} |"
        )
    return out


def _header(results: dict[str, Any]) -> list[str]:
    s = results["summary"]
    return [
        f"# Report records against the catalog ({results['date']})",
        "",
        f"{s['reports']} reports (62 ILACS with a catalog row, 6 SEND without one), extracted with the "
        f"project's loader; records built by `bot.records.extract` in {results['seconds']} s in all "
        "(PDF extraction included). Regenerate: `.venv/bin/python benchmarks/records_bench.py`.",
        "",
        "A field agrees when the record's value equals the catalog's, or when neither has one (`none both`).",
        "Catalog values that are not a value (blank, `inspection_pre_dates_judgement`, `data_unreadable`,",
        "`not_reported_post_reform`) expect no such row; where the report states one anyway it is counted",
        "in `catalog none` and left out of the percentages (listed below). `not stated`: the report never",
        "states its publication date (only the 2014-2017 reports have a 'Report published:' line), so the",
        "record has none, as it must: no span could cite it. `catalog error`: the report's text contradicts",
        "the catalog (quoted below). `% raw` counts catalog errors as disagreements; `%` sets them aside.",
        "",
    ]


def _listing(results: dict[str, Any], status: str, title: str) -> list[str]:
    lines = [title, ""]
    for r in results["reports"]:
        for name, (st, want, got) in r.get("fields", {}).items():
            if st == status:
                lines.append(f"- {r['source']}: {name}: catalog {want!r}, record {got!r}")
    return lines + (["- none"] if len(lines) == 2 else []) + [""]


def main() -> None:
    require_shared()
    results = run()
    here = Path(__file__).parent
    (here / "records_results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    text = markdown(results)
    (here / "records_results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
