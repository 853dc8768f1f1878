"""The pipeline a user would otherwise pick: LangChain's RAG tutorial, as the baseline of speed_bench.py.

PyPDFLoader (one document per page, pypdf's extract_text), RecursiveCharacterTextSplitter(1000, 200),
HuggingFaceEmbeddings(all-MiniLM-L6-v2) (sentence-transformers encode, batch 32, not normalised) and
FAISS.from_documents (a flat L2 index). The LangChain wrappers are thin; they are written out here over the
same libraries (pypdf, langchain-text-splitters, sentence-transformers, faiss) so the baseline needs no
network-facing packages, and it reads the same bundled model as the project.

  python benchmarks/tutorial_pipeline.py build SOURCES OUT
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHUNK_SIZE, CHUNK_OVERLAP, BATCH = 1000, 200, 32


def _model():  # noqa: ANN202 - a SentenceTransformer
    from sentence_transformers import SentenceTransformer

    from bot.embedding.weights import model_path

    return SentenceTransformer(str(model_path()), device="cpu", local_files_only=True)


def load_pages(sources: Path) -> list[tuple[str, int, str]]:
    """(source, page, text) per PDF page, as PyPDFLoader makes them; a text file is one page."""
    from pypdf import PdfReader

    pages = []
    for path in sorted(sources.rglob("*")):
        source = path.relative_to(sources).as_posix()
        if path.suffix == ".pdf":
            for number, page in enumerate(PdfReader(path).pages):
                pages.append((source, number, page.extract_text()))
        elif path.suffix == ".txt":
            pages.append((source, 0, path.read_text(encoding="utf-8")))
    return pages


def build(sources: Path, out: Path) -> dict[str, float]:
    """Load, split, embed and index; write the FAISS index and the chunks; return the stage times."""
    import faiss
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    started = time.perf_counter()
    model = _model()
    pages = load_pages(sources)
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    chunks = [(s, p, piece) for s, p, text in pages for piece in splitter.split_text(text)]
    vectors = model.encode(
        [c[2] for c in chunks], batch_size=BATCH, convert_to_numpy=True, show_progress_bar=False
    )
    index = faiss.IndexFlatL2(vectors.shape[1])
    index.add(np.asarray(vectors, dtype=np.float32))
    out.mkdir(parents=True, exist_ok=True)
    faiss.write_index(index, str(out / "index.faiss"))
    rows = [{"source": s, "page": p, "text": t} for s, p, t in chunks]
    (out / "chunks.json").write_text(json.dumps(rows), encoding="utf-8")
    return {"seconds": time.perf_counter() - started, "chunks": len(chunks)}


class Searcher:
    """similarity_search(question, k) over a built tutorial index."""

    def __init__(self, folder: Path) -> None:
        import faiss

        self.index = faiss.read_index(str(folder / "index.faiss"))
        self.chunks = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
        self.model = _model()

    def search(self, question: str, k: int) -> list[dict[str, object]]:
        """The k nearest chunks by L2 distance, nearest first."""
        vector = self.model.encode([question], convert_to_numpy=True, show_progress_bar=False)
        _, ids = self.index.search(np.asarray(vector, dtype=np.float32), k)
        return [self.chunks[i] for i in ids[0] if i >= 0]


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "build":
        sys.exit("usage: python benchmarks/tutorial_pipeline.py build SOURCES OUT")
    print(json.dumps(build(Path(sys.argv[2]), Path(sys.argv[3]))))
