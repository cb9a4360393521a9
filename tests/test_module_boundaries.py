"""Who may import whom: the window reaches the store only through the Library facade, SQL
lives with the store, and no two core modules import each other (at any depth of the code)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READER = ROOT / "reader"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, top level or inside functions, resolved to dotted names."""
    me = _module(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.add(name)
            out.update(f"{name}.{a.name}" for a in node.names)   # "from . import schema"
    return out


def _graph(under: Path) -> dict[str, set[str]]:
    files = {_module(p): p for p in under.rglob("*.py")}
    return {m: {i for i in _imports(p) if i in files and i != m} for m, p in files.items()}


def test_no_two_core_modules_import_each_other():
    g = _graph(READER / "core")
    mutual = sorted((a, b) for a, deps in g.items() for b in deps if a < b and a in g.get(b, ()))
    assert mutual == []
    assert "reader.core.import_report" not in g["reader.core.importer"]


def test_the_window_never_opens_the_store_directly():
    offenders = []
    for path in (READER / "gui").rglob("*.py"):
        bad = {i for i in _imports(path) if i.startswith("reader.core.store")}
        if bad:
            offenders.append((str(path.relative_to(ROOT)), sorted(bad)))
    assert offenders == []


def test_document_sql_lives_with_the_store():
    uses = {m for m, deps in _graph(READER).items() if "reader.core.store.queries" in deps}
    assert {"reader.core.library", "reader.core.search.catalog"} <= uses
    # The facade no longer hands SQL fragments to the search.
    assert not any("reader.core.library.DOC_" in i for p in READER.rglob("*.py") for i in _imports(p))
    assert "DOC_COLUMNS =" not in (READER / "core" / "library.py").read_text(encoding="utf-8")
