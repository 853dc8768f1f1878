"""The LangChain retriever: Documents that carry their exact span, locators and filters."""

from __future__ import annotations

import docmaker
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from bot.embedding import FakeEmbedder
from bot.engine import Engine
from bot.indexing import build
from bot.lc_retriever import InspectionRetriever
from bot.retrieval import Filters


def test_the_retriever_returns_documents_with_their_exact_spans(make_settings, tmp_path):
    pdf = docmaker.make_pdf(
        tmp_path / "r.pdf", [["Barset Police keeps records of stolen bicycles."], ["More."]]
    )
    settings = make_settings({"barset/report.pdf": pdf.read_bytes()})
    build(settings, FakeEmbedder())
    engine = Engine(settings, FakeEmbedder())
    retriever = InspectionRetriever(engine=engine, k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("stolen bicycles records")
    assert 0 < len(docs) <= 3 and all(isinstance(d, LCDocument) for d in docs)
    for d in docs:
        m = d.metadata
        assert engine.document(m["source"]).text[m["start"] : m["end"]] == d.page_content
        assert {"title", "score", "page", "paragraph", "printed_page", "date", "url"} <= set(m)
    first = docs[0].metadata
    assert first["source"] == "barset/report.pdf" and first["page"] == 1


def test_the_retriever_applies_its_filters(make_settings):
    settings = make_settings({"barset.txt": "Barset Police keeps records of stolen bicycles."})
    build(settings, FakeEmbedder())
    only_barset = Filters(sources=("barset.txt",))
    retriever = InspectionRetriever(engine=Engine(settings, FakeEmbedder()), filters=only_barset)
    docs = retriever.invoke("How does the force handle domestic abuse?")
    assert docs and {d.metadata["source"] for d in docs} == {"barset.txt"}


# --- LangChain's own standard retriever tests ----------------------------------------------------------

_ENGINES: dict[str, Engine] = {}
_DISTINCT = (
    "Barset Police keeps careful records of stolen bicycles reported at its front counters.",
    "Wrekin Constabulary records stolen bicycles online, and victims get a crime number within a day.",
    "Stolen bicycles are seldom recovered in Loamshire, although officers record every report.",
    "In Midsomer, records of stolen property, bicycles included, are checked by supervisors each week.",
    "Casterbridge Police shares its stolen bicycle records with the local cycling club.",
    "Records show burglary fell in Borsetshire while bicycle theft rose for the third year.",
)


def _standard_engine() -> Engine:
    """A small index (fake embedder: these tests are about the retriever's interface), built once."""
    if "engine" not in _ENGINES:
        import atexit
        import shutil
        import tempfile
        from pathlib import Path

        from bot.config import Settings

        folder = Path(tempfile.mkdtemp(prefix="lc-standard-"))
        atexit.register(shutil.rmtree, folder, True)
        (folder / "sources").mkdir()
        for i, text in enumerate(_DISTINCT):
            (folder / "sources" / f"r{i}.txt").write_text(text, encoding="utf-8")
        settings = Settings(sources=folder / "sources", index=folder / "index")
        build(settings, FakeEmbedder())
        _ENGINES["engine"] = Engine(settings, FakeEmbedder())
    return _ENGINES["engine"]


class TestStandardRetriever(RetrieversIntegrationTests):
    """langchain-tests' RetrieversIntegrationTests: k in the constructor and at call time, sync and async."""

    @property
    def retriever_constructor(self) -> type[InspectionRetriever]:
        return InspectionRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"engine": _standard_engine(), "k": 4}

    @property
    def retriever_query_example(self) -> str:
        return "stolen bicycles records"
