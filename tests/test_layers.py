"""Dependencies point one way, and heavy or unsafe libraries stay in the one module that owns them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
MODULES = sorted(BOT.rglob("*.py"))
PACKAGES = {"bot", *(f"bot.{p.parent.name}" for p in BOT.glob("*/__init__.py"))}


def module_name(path: Path) -> str:
    """bot/store.py -> store, bot/loaders/pdf.py -> loaders.pdf, bot/loaders/__init__.py -> loaders."""
    parts = path.relative_to(BOT).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def imports(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (lazy imports inside functions count too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = absolute(path, node.level, node.module)
            found.add(base)
            if base in PACKAGES:  # "from bot import store" imports the module bot.store
                found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def absolute(path: Path, level: int, module: str | None) -> str:
    """The absolute name of a (possibly relative) import in a file of the bot package."""
    if not level:
        return module or ""
    package = ["bot", *path.relative_to(BOT).parts[:-1]]
    base = package[: len(package) - level + 1]
    return ".".join([*base, module] if module else base)


GRAPH = {module_name(p): imports(p) for p in MODULES}


def bot_deps(name: str) -> set[str]:
    """The bot modules a module imports, as names like 'store' or 'loaders.text'."""
    return {m.removeprefix("bot.") for m in GRAPH[name] if m.startswith("bot.")}


def top(module: str) -> str:
    return module.split(".")[0]


def test_the_walk_sees_the_package():
    assert {"config", "schema", "errors", "store", "records", "indexing", "cli", "loaders"} <= set(GRAPH)
    assert {"embedding", "embedding.onnx_encoder", "embedding.torch_encoder"} <= set(GRAPH)
    assert "store" in bot_deps("indexing") and "faiss" in {top(m) for m in GRAPH["store"]}


def test_nothing_in_bot_imports_streamlit():
    offenders = [name for name, deps in GRAPH.items() if "streamlit" in {top(m) for m in deps}]
    assert not offenders


@pytest.mark.parametrize(
    "library, owner",
    [
        ("faiss", "store"),
        ("bm25s", "store"),
        ("sentence_transformers", "embedding"),
        ("torch", "embedding"),
        ("transformers", "embedding"),
        ("onnxruntime", "embedding"),
        ("tokenizers", "embedding"),
    ],
)
def test_heavy_libraries_have_one_owner(library, owner):
    users = {top(name) for name, deps in GRAPH.items() if library in {top(m) for m in deps}}
    assert users <= {owner}, f"{library} imported outside bot/{owner}.py: {sorted(users - {owner})}"


def test_no_pickle_anywhere():
    files = [*MODULES, *ROOT.glob("*app.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "serve").rglob("*.py")]
    unsafe = {"pickle", "cPickle", "dill", "joblib", "shelve"}
    offenders = [p.name for p in files if {top(m) for m in imports(p)} & unsafe]
    assert not offenders


def test_schema_and_errors_are_leaves():
    for name in ("schema", "errors"):
        assert bot_deps(name) <= {"schema", "errors"}, name


def test_config_imports_only_errors_and_schema():
    assert bot_deps("config") <= {"errors", "schema"}


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in GRAPH
        if top(n)
        in {"loaders", "chunking", "embedding", "metadata", "records", "findings", "inspection_team"}
    ],
)
def test_lower_layers_do_not_reach_up(name):
    above = {"store", "retrieval", "answering", "engine", "cli", "indexing", "llm"}
    assert not {top(m) for m in bot_deps(name)} & above, name


def test_records_sit_beside_store_on_the_pure_layers():
    """Report records are regex work over a document: no index, no model, no numerical library (the word
    lists they read live in bot.wording, which imports nothing of the project)."""
    assert not bot_deps("wording")
    assert bot_deps("records") <= {"schema", "errors", "metadata", "findings", "wording", "inspection_team"}
    assert bot_deps("findings") <= {"schema", "errors", "wording"}
    assert bot_deps("inspection_team") <= {"schema", "findings"}
    assert not {top(m) for m in GRAPH["records"] | GRAPH["findings"] | GRAPH["inspection_team"]} & {
        "numpy",
        "faiss",
        "bm25s",
        "torch",
        "sentence_transformers",
    }


def test_store_does_not_reach_up():
    assert not bot_deps("store") & {"retrieval", "answering", "engine", "cli", "indexing", "llm"}


def test_cli_and_app_are_not_imported_by_the_library():
    for name, deps in GRAPH.items():
        if name == "__main__":
            continue  # python -m bot runs the CLI
        assert not bot_deps(name) & {"cli"}, name
        assert "app" not in deps, name


def _absolute_imports(path: Path) -> set[str]:
    """Modules an app-side file imports, with 'from ui import chat' read as ui.chat as well as ui."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


STAFF_ONLY = {"ui.review", "ui.staff_gate", "bot.staff_access", "serve"}


def test_the_public_app_cannot_reach_the_staff_view():
    """Whatever its environment, app.py and its pages import nothing that shows stored feedback."""
    seen, todo = set(), ["app"]  # the app's pages are functions in ui.pages, reached through its imports
    while todo:
        name = todo.pop()
        path = ROOT / (name.replace(".", "/") + ".py")
        if name in seen or not path.exists():
            continue
        seen.add(name)
        todo += [m for m in _absolute_imports(path) if top(m) in {"ui", "bot", "serve"}]
    assert {"ui.resources", "ui.chat", "ui.reports"} <= seen, "the walk follows the app's own modules"
    assert not {n for n in seen if n in STAFF_ONLY or top(n) == "serve"}


QUESTION_SIDE = (
    "wording",
    "asking",
    "mentions",
    "names",
    "scope",
    "outside",
    "name_corpus",
    "sectors",
    "next_steps",
    "conversation",
    "neighbours",
    "plan",
    "subjects",
    "report_order",
    "acronyms",
)


@pytest.mark.parametrize("name", QUESTION_SIDE)
def test_the_question_side_reads_one_way(name):
    """plan -> retrieve -> select -> compose: reading a question never reaches for answering or the engine."""
    later = {"retrieval", "answering", "fact_answers", "engine", "cli", "llm", "evaluation", "export"}
    assert not bot_deps(name) & later, name


def test_answering_does_not_reach_back_to_the_engine():
    for name in ("answering", "answer_kinds", "fact_answers", "retrieval", "selection"):
        assert not bot_deps(name) & {"engine", "cli", "evaluation"}, name
