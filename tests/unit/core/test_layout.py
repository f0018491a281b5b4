"""The package layout holds: no import cycle between modules (lazy imports included), layers
import only downwards, query-time code never imports ingestion, and no module grows past 500
lines. Run alone: ``python -m pytest tests/unit/core/test_layout.py``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("assistant", "ingest", "ui", "evals")
MAX_LINES = 500
# the held-out document builders are document content written as data, not code to navigate
LONG_DATA_MODULES = ("evals.heldout.",)

# Lower number = lower layer. A module may import its own layer or lower ones only.
LAYERS = {
    "assistant.core": 0,
    "assistant.profiles": 1,
    "assistant.store": 2,
    "assistant.access": 2,  # who may see which project's documents: reads the store, used by every surface
    "ingest": 3,
    "assistant.retrieval": 3,
    "assistant.answer": 4,
    "assistant.drafting": 5,
    "assistant.cli": 6,
    "assistant.api": 6,
    "assistant.langchain": 6,
    "ui": 6,
    "evals": 6,
    "assistant": 7,  # the public facade (assistant/__init__.py) re-exports from every layer
}
QUERY_TIME = ("assistant.retrieval", "assistant.answer", "assistant.drafting")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}


def _imports(path: Path, known: set[str]) -> set[str]:
    """Our modules imported anywhere in ``path`` (module level or inside functions)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = [f"{node.module}.{a.name}" for a in node.names]
            # "from assistant import profiles" imports the module assistant.profiles, not the facade
            names = [s for s in subs if s in known] or [node.module]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                out.add(name)
    return out


def _layer(module: str) -> tuple[str, int]:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return best, LAYERS[best]


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    graph = {m: _imports(p, known) - {m} for m, p in mods.items()}
    # importing a.b.c runs a/__init__ and a/b/__init__ first: not an edge of ours to check
    return {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_between_modules() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layers_import_only_downwards() -> None:
    wrong = []
    for module, deps in _graph().items():
        name, rank = _layer(module)
        for dep in deps:
            dep_name, dep_rank = _layer(dep)
            if dep_rank > rank:
                wrong.append(f"{module} ({name}) imports {dep} ({dep_name})")
    assert wrong == []


def test_query_time_code_never_imports_ingest() -> None:
    wrong = [
        f"{m} imports {d}"
        for m, deps in _graph().items()
        if m.startswith(QUERY_TIME) or m.startswith("assistant.store")
        for d in deps
        if d == "ingest" or d.startswith("ingest.")
    ]
    assert wrong == []


def test_retrieval_and_ingest_do_not_import_each_other() -> None:
    graph = _graph()
    wrong = [
        f"{m} imports {d}"
        for m, deps in graph.items()
        for d in deps
        if (m.startswith("ingest") and d.startswith("assistant.retrieval"))
        or (m.startswith("assistant.retrieval") and d.startswith("ingest"))
    ]
    assert wrong == []


def test_no_module_over_500_lines() -> None:
    long = {
        m: n
        for m, p in _modules().items()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES and not m.startswith(LONG_DATA_MODULES)
    }
    assert long == {}
