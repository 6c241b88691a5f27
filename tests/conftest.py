"""One real index, built once per test session from the generated release in sample_docs/
(whose truth is known exactly), served by the real app."""

from __future__ import annotations

import json
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import Settings, create_app
from indexer.pipeline import Indexer
from indexer.search import Library
from indexer.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = ROOT / "sample_docs"
TRUTH = ROOT / "tests" / "gold" / "sample_truth.json"
SHARED = ROOT.parent / "shared"
REAL_CORPUS = SHARED / "real_corpus" / "pdfs"


def build_index(
    sources: list[Path], directory: Path, *, ocr: str = "auto", prune: bool = False
) -> dict[str, object]:
    store = Store(directory, writable=True)
    try:
        return Indexer(store, workers=2, ocr_mode=ocr).run(sources, prune=prune).as_dict()
    finally:
        store.close()


@pytest.fixture(scope="session")
def truth() -> dict[str, object]:
    return json.loads(TRUTH.read_text())


def generated_collections() -> list[str]:
    """The collections of sample_docs/ that tools/make_sample_docs.py writes (the real one
    beside them has no exact truth)."""
    files = json.loads(TRUTH.read_text())["files"]
    return sorted({f["collection"] for f in files})


@pytest.fixture(scope="session")
def generated_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that holds the generated collections (as links), so that indexing it names
    collections and files exactly as indexing sample_docs/ does."""
    folder = tmp_path_factory.mktemp("generated")
    for name in generated_collections():
        (folder / name).symlink_to(SAMPLE_DOCS / name, target_is_directory=True)
    return folder


@pytest.fixture(scope="session")
def sample_index(generated_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("index")
    build_index([generated_release], directory)
    return directory


@pytest.fixture(scope="session")
def library(sample_index: Path) -> Iterator[Library]:
    lib = Library(sample_index)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def client(sample_index: Path) -> Iterator[TestClient]:
    app = create_app(Settings(index_dir=sample_index, base_url="https://records.example.org"))
    with TestClient(app) as test_client:
        yield test_client


def text_only_samples() -> list[Path]:
    """Sample files without scanned pages, smallest first, so tests that index them are
    quick and need no OCR."""
    files = json.loads(TRUTH.read_text())["files"]
    paths = [
        SAMPLE_DOCS / f["path"]
        for f in files
        if not any(p["scanned"] for p in f["pages"]) and f["duplicate_of"] is None
    ]
    return sorted(paths, key=lambda p: (p.stat().st_size, p.name))


def write_endless_pdf(path: Path, pages: int = 100_000) -> None:
    """A valid PDF that no machine reads in any test's time: every page draws one shared
    content stream of a million do-nothing operators (`q Q`, save and restore the graphics
    state), which PDFium parses again for each page. Measured at about 0.06 s a page on the
    development machine, so hours for the file, in a few megabytes of memory (a stream ten
    times longer was as slow per byte but sometimes took the reader past its memory limit);
    the file itself is about 10 MB and takes a second to write."""
    content = zlib.compress(b"q Q\n" * 1_000_000, 9)
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * pages,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """A small release folder of copies of sample files, for tests that change files."""
    folder = tmp_path / "release"
    (folder / "city").mkdir(parents=True)
    for source in text_only_samples()[:3]:
        shutil.copy(source, folder / "city" / source.name)
    return folder


requires_shared = pytest.mark.skipif(
    not REAL_CORPUS.is_dir(), reason="../shared/real_corpus is not beside this checkout"
)
