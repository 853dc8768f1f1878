"""The LangChain retriever: Documents that carry their exact span, locators and filters."""

from __future__ import annotations

import docmaker
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

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
