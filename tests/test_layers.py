"""The architecture's rules, checked: data flows one way and each library has one owner."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_indexer_never_imports_the_app():
    for path in modules("indexer"):
        assert "app" not in imports_of(path), path


def test_only_the_index_package_imports_whoosh():
    package = ROOT / "indexer" / "index"
    users = {p for p in modules("indexer") + modules("app") if "whoosh" in imports_of(p)}
    assert users and all(package in p.parents for p in users), users


def test_the_search_layer_and_the_index_package_meet_only_one_way():
    """The search layer never imports Whoosh, and the index package never imports the
    search layer that uses it."""
    for path in modules("indexer/search"):
        assert "whoosh" not in imports_of(path), path
    for path in modules("indexer/index"):
        below = {name for name in dotted_imports(path) if name.startswith("indexer.search")}
        assert not below, (path, below)


def dotted_imports(path: Path) -> set[str]:
    """The modules a module imports, relative imports resolved (``from .. import query`` in
    indexer/index/snapshot.py is indexer.query)."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1])
            if node.module:
                names.add(f"{base}.{node.module}")
            else:
                names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_only_the_pdf_package_opens_pdfs():
    package = ROOT / "indexer" / "pdf"
    users = {
        p
        for p in modules("indexer") + modules("app")
        if imports_of(p) & {"pdfplumber", "pypdfium2", "pdfminer"}
    }
    assert users and all(package in p.parents for p in users), users
