"""Document metadata: the user's catalog first, then what the file name, folder and text say."""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date
from pathlib import Path

from bot.wording import MONTHS, MONTHS_SHORT

CATALOG_NAME = "catalog.csv"

_MONTHS = {m: i + 1 for i, m in enumerate(MONTHS.split())}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(_MONTHS) + r") (\d{4})\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{4})\b", re.I)
_INSPECTOR = re.compile(r"Lead inspector:?\s+([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})")
# "2 to 13 December 2024", and ranges across years: "13 January 2015 – 4 February 2015".
_INSPECTION_DATES = re.compile(
    r"Inspection dates?:\s*([^\n]{6,60}?\d{4}(?:\s*(?:–|—|-|to)\s*[^\n]{3,30}?\d{4})?)", re.I
)
_PUBLISHED = re.compile(r"Report published:?\s*([^\n]{6,30}?\d{4})", re.I)
_NOT_NAME = {"Her", "His", "HMI", "Senior", "Social", "Regulatory", "Ofsted", "Inspector"}
_HMI = re.compile(r"\b(HMI [A-Z][a-z]+ [A-Z][a-z]+)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_FORCE = re.compile(r"\b((?:[A-Z][a-z]+ ){1,3}(?:Police|Constabulary))\b")
# every month's name as written, longest first ("sept" before "sep")
# ("may" only as "May": "they may 18" is no month)
_MONTH_ALL = (
    "|".join(sorted({*_MONTHS, *MONTHS_SHORT.split()} - {"may"}, key=len, reverse=True)) + "|(?-i:May)"
)
# A month (or two) and a two-digit year: "Sept 22", "Oct/Nov '23"; not a day ("Nov 22nd", "Nov 22, 2022").
_SHORT_YEAR = re.compile(
    rf"\b(?P<months>(?:{_MONTH_ALL})(?:\s*[/&-]\s*(?:{_MONTH_ALL}))?)\.?\s+['’]?(?P<yy>[0-4]\d)\b"
    r"(?![.:/]?\d|\s*(?:st|nd|rd|th)\b|,?\s*(?:19|20)\d\d)",
    re.I,
)


def full_years(text: str) -> str:
    """The text with a month's two-digit year written in full ("ILACS Sept 22" -> "ILACS Sept 2022")."""
    return _SHORT_YEAR.sub(lambda m: f"{m.group('months')} 20{m.group('yy')}", text)


def report_year(meta: dict[str, str]) -> int | None:
    """The year a report is about: its period ("PEEL 2016"), else its inspection year, else its date's."""
    for key in ("period", "year", "date"):
        found = _YEAR.search(meta.get(key) or "")
        if found:
            return int(found.group(0))
    return None


def read_catalog(sources: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows of sources/catalog.csv keyed by path; problems are returned as warnings, never raised."""
    path = sources / CATALOG_NAME
    if not path.is_file():
        return {}, []
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [f"{CATALOG_NAME}: cannot be read ({exc}); metadata is inferred instead"]
    catalog: dict[str, dict[str, str]] = {}
    warnings: list[str] = []
    for i, row in enumerate(rows, start=2):
        key = (row.get("path") or "").strip().replace("\\", "/")
        if not key:
            warnings.append(f"{CATALOG_NAME} line {i}: no path; row ignored")
            continue
        catalog[key] = {k.strip(): (v or "").strip() for k, v in row.items() if k and k != "path" and v}
    return catalog, warnings


def infer(
    source: str, text: str, title_hint: str | None, catalog_row: dict[str, str] | None
) -> dict[str, str]:
    """Metadata for one document: catalog values win over inferred ones."""
    head = text[:6000]
    inferred = {
        "title": title_hint or _title_from_name(source),
        "organisation": _organisation(source, head),
        "inspectorate": _inspectorate(head) or _inspectorate(text),  # older reports name it further on
        "document_type": _document_type(source),
        "date": _date(source, head),
        "inspection_dates": _first(_INSPECTION_DATES, head),
        "inspector": _inspector(head),
    }
    merged = {k: v for k, v in inferred.items() if v}
    merged.update({k: v for k, v in (catalog_row or {}).items() if v})
    # The last year named: "3 to 14 March 2025" ends with it, an ISO "2025-05-09" holds only one.
    years = _YEAR.findall(merged.get("inspection_dates") or merged.get("date") or "")
    if years and "year" not in merged:
        merged["year"] = years[-1]
    return merged


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1).strip() if match else None


def _inspector(head: str) -> str | None:
    """The lead inspector's name, without the title that follows it ("Jo Bloggs Her Majesty's Inspector")."""
    words = list(itertools.takewhile(lambda w: w not in _NOT_NAME, (_first(_INSPECTOR, head) or "").split()))
    return " ".join(words) if len(words) >= 2 else _first(_HMI, head)


def _title_from_name(source: str) -> str:
    """A readable title from the file name."""
    stem = Path(source).stem.replace("_", " ").replace("-", " ")
    return re.sub(r"\s+", " ", stem).strip().capitalize()


def _organisation(source: str, head: str) -> str | None:
    """The folder name (reports sit in one folder per organisation), else a police force named early on."""
    parts = source.split("/")
    if len(parts) > 1:
        folder = re.sub(r"^\d+[_ -]+", "", parts[-2]).replace("_", " ").strip()
        if folder and folder.lower() not in {"reports", "sources", "docs"}:
            return _titlecase(folder)
    match = _FORCE.search(head)
    return match.group(1) if match else None


def _titlecase(name: str) -> str:
    small = {"and", "of", "the", "upon", "on"}
    words = name.split()
    return " ".join(w if (w in small and i) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _inspectorate(head: str) -> str | None:
    for name in ("HMICFRS", "HMIC", "Ofsted", "CQC", "HMICS"):
        if re.search(rf"\b{name}\b", head):
            return name
    if re.search(r"\bHMI\b", head) and re.search(r"\bPolice\b", head):
        return "HMIC"
    return None


def _document_type(source: str) -> str | None:
    """The file name less its date: 'children's services inspection - 09 may 2025' -> the first part."""
    stem = Path(source).stem
    kind = re.sub(_DAY_MONTH_YEAR, "", stem).strip(" -_")
    return kind if kind and kind != stem else None


def _date(source: str, head: str) -> str | None:
    """ISO date of publication from the file name, else a 'Report published' line."""
    for text in (Path(source).stem.replace("_", " "), _first(_PUBLISHED, head) or ""):
        iso = parse_date(text)
        if iso:
            return iso
    return None


def parse_date(text: str) -> str | None:
    """The first '9 May 2025' style date in text, as ISO."""
    match = _DAY_MONTH_YEAR.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_years(text: str) -> list[tuple[int, int]]:
    """Every (year, month) named in text, e.g. 'March 2025' -> (2025, 3)."""
    return [(int(y), _MONTHS[m.lower()]) for m, y in _MONTH_YEAR.findall(text)]
