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


def test_only_textindex_imports_whoosh():
    users = {p.name for p in modules("indexer") + modules("app") if "whoosh" in imports_of(p)}
    assert users == {"textindex.py"}


def test_only_the_pdf_module_opens_pdfs():
    users = {
        p.name
        for p in modules("indexer") + modules("app")
        if imports_of(p) & {"pdfplumber", "pypdfium2", "pdfminer"}
    }
    assert users == {"pdf.py"}
