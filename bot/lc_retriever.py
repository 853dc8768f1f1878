"""The hybrid retriever as a LangChain BaseRetriever, so it plugs into LangChain chains."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from bot.engine import Engine
from bot.retrieval import Filters


class InspectionRetriever(BaseRetriever):
    """Hybrid (FAISS + BM25) search over the index; each Document carries its exact span and locators."""

    engine: Any  # bot.engine.Engine; typed loosely because pydantic cannot validate it
    k: int = 8
    filters: Any = None  # bot.retrieval.Filters or None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[LCDocument]:
        """The k best passages (k given at call time wins over the retriever's own)."""
        engine: Engine = self.engine
        found = engine.search(query, k or self.k, self.filters or Filters())
        out: list[LCDocument] = []
        for hit in found.hits:
            doc = found.index.documents[hit.chunk.source]
            record = hit.to_json(doc)
            page = doc.page_at(hit.chunk.start)
            metadata = {
                **record,
                "printed_page": page.printed if page else None,
                "date": doc.metadata.get("date"),
                "url": doc.metadata.get("url"),
                "organisation": doc.metadata.get("organisation"),
            }
            out.append(LCDocument(page_content=doc.text[hit.chunk.start : hit.chunk.end], metadata=metadata))
        return out
