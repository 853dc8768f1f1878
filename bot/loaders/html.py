"""HTML: drop scripts, styles and hidden elements, take the main text with trafilatura, map paragraphs."""

from __future__ import annotations

import re
from typing import Any

from bot.errors import SkipDocument
from bot.loaders.prose import assemble
from bot.schema import Extracted

PARSER = "html-1"

_DROP_TAGS = ("script", "style", "template", "noscript", "iframe", "object", "embed")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "address",
    "main",
    "aside",
    "ul",
    "ol",
}


def extract(data: bytes) -> Extracted:
    """Main text of an HTML page as paragraphs (table rows as 'cell  cell' lines), with its title."""
    try:
        tree = _parse(_decode(data))
        title = _title(tree)
        _clean(tree)
        paragraphs = _main_text(tree) or _plain_text(tree)
    except SkipDocument:
        raise
    except Exception as exc:  # lxml and trafilatura raise several kinds on hostile markup; all mean skip
        raise SkipDocument(f"unreadable HTML ({type(exc).__name__})") from None
    text, spans = assemble(paragraphs)
    return Extracted(text=text, paragraphs=spans, title=title, parser=PARSER)


def _decode(data: bytes) -> str:
    """Decode by byte-order mark, UTF-8, the page's declared charset, then cp1252; refuse binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _not_binary(data[3:].decode("utf-8", errors="replace"))
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _not_binary(data.decode("utf-16", errors="replace"))
    try:
        return _not_binary(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:4096])
    try:
        text = data.decode(match.group(1).decode("ascii") if match else "cp1252", errors="replace")
    except LookupError:  # an unknown charset name
        text = data.decode("cp1252", errors="replace")
    return _not_binary(text)


def _not_binary(text: str) -> str:
    """Pages are text: NULs or many control characters mean a binary file with an .html name."""
    head = text[:8192]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in head or controls > max(8, len(head) // 100):
        raise SkipDocument("binary content (not an HTML page)")
    return text


def _parse(text: str) -> Any:
    """Parse without touching the network; comments and processing instructions are dropped."""
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    text = _XML_DECL.sub("", text)  # lxml refuses str input that declares an encoding
    if not text.strip():
        raise SkipDocument("empty HTML page")
    return lxml.html.document_fromstring(text, parser=parser)


def _title(tree: Any) -> str | None:
    """The <title>, else the first <h1>."""
    for path in ("//title", "//h1"):
        for node in tree.xpath(path):
            text = " ".join(node.text_content().split())
            if text:
                return text
    return None


def _clean(tree: Any) -> None:
    """Remove what a reader never sees: scripts, styles, templates and elements hidden by markup or style."""
    doomed = [el for el in tree.iter() if isinstance(el.tag, str) and _invisible(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail, which belongs to its parent


def _invisible(el: Any) -> bool:
    """Script-like elements, the hidden attribute, and inline display:none / visibility:hidden."""
    if el.tag.lower() in _DROP_TAGS or el.get("hidden") is not None:
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _main_text(tree: Any) -> list[str]:
    """Trafilatura's main-content XML, walked into paragraphs; empty when it finds nothing."""
    import lxml.etree
    import lxml.html
    import trafilatura

    html = lxml.html.tostring(tree, encoding="unicode")
    xml = trafilatura.extract(
        html, output_format="xml", include_tables=True, include_comments=False, favor_recall=True
    )
    if not xml:
        return []
    root = lxml.etree.fromstring(xml.encode("utf-8"), lxml.etree.XMLParser(resolve_entities=False))
    out: list[str] = []
    for main in root.iter("main"):
        _walk(main, out)
    return [p for p in out if p]


def _walk(el: Any, out: list[str]) -> None:
    """Trafilatura's elements to paragraphs: each block, list item and table row on its own."""
    for child in el:
        tag = child.tag
        if tag == "table":
            out.extend(_row(row) for row in child.iter("row"))
        elif tag in ("list", "div", "main"):
            _walk(child, out)
        elif tag == "item":
            out.append(_text(child))
            for sub in child.iter("list"):  # nested lists, each item on its own
                _walk(sub, out)
        elif isinstance(tag, str) and tag not in ("lb", "graphic"):
            out.append(_text(child))


def _text(el: Any) -> str:
    """An element's text with inline markup flattened and line breaks as spaces (nested lists left out)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag not in ("list", "table"):
            parts.append(_text(child) if child.tag != "lb" else " ")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _row(row: Any) -> str:
    """A table row as one line, cells separated by two spaces."""
    return "  ".join(t for t in (_text(cell) for cell in row.iter("cell")) if t)


def _plain_text(tree: Any) -> list[str]:
    """Fallback for pages trafilatura finds too short: every block and table row of the body, in order."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in el if c.tag in ("td", "th")]
            tail = el.tail
            el.clear()  # the row's cells become one line of text
            el.text, el.tail = "\n" + "  ".join(c for c in cells if c) + "\n", tail
        elif el.tag in _BLOCKS:
            el.text, el.tail = "\n" + (el.text or ""), "\n" + (el.tail or "")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in body.text_content().split("\n"))
    return [line for line in lines if line]
