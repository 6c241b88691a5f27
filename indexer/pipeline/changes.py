"""Deciding what a run has to do: walk the folders and sort the PDFs found.

A file with the size and modification time it was indexed with is not read again. Any other
is hashed: content indexed already (a file renamed, copied, or changed back) only gets its
path recorded, and the rest is to extract, once per content, so identical files become one
document with all their paths. The walk also notes each folder's readingroom.csv (curated
values for its files: see ``curation``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import ocr
from ..catalog import Catalog, FileRecord
from ..curated import FILENAME
from ..errors import OcrUnavailable
from ..extract import EXTRACTOR_VERSION, sha256_of

Warn = Callable[[str], None]


@dataclass(frozen=True)
class FoundFile:
    path: Path
    name: str  # as shown to users: relative to the indexed folder
    collection: str
    size: int
    mtime_ns: int

    def record(self, doc_id: str | None, error: str | None = None) -> FileRecord:
        """The catalog's row for this file."""
        return FileRecord(
            str(self.path), self.name, self.collection, doc_id, self.size, self.mtime_ns, error
        )


@dataclass(frozen=True)
class FoundSheet:
    """A folder's readingroom.csv."""

    path: Path
    name: str  # as shown to users: relative to the indexed folder


@dataclass(frozen=True)
class Indexed:
    """A file whose content is indexed already, as ``doc_id``."""

    file: FoundFile
    doc_id: str
    moved: bool  # its path held another document (or a failure) before: it changed


@dataclass
class Changes:
    """The files a run found, sorted by what it has to do with them."""

    found: list[FoundFile]
    before: dict[str, FileRecord]  # the catalog's files by path, as the run began
    unchanged: int = 0  # same size and modification time: not even hashed
    indexed: list[Indexed] = field(default_factory=list)
    unreadable: list[tuple[FoundFile, str]] = field(default_factory=list)  # with the reason
    to_extract: dict[str, list[FoundFile]] = field(default_factory=dict)  # by SHA-256
    sheets: list[FoundSheet] = field(default_factory=list)


def find_changes(
    roots: Iterable[Path], catalog: Catalog, signature: str, *, threads: int, warn: Warn
) -> Changes:
    """Sort the files under ``roots`` against the catalog; ``signature`` is the current
    ``extractor_signature``, and a document extracted under another is extracted again."""
    before = catalog.files()
    changes = Changes([], before)
    for found in walk(roots, warn):
        if isinstance(found, FoundSheet):
            changes.sheets.append(found)
        else:
            changes.found.append(found)
    to_hash: list[tuple[FoundFile, FileRecord | None]] = []
    for item in changes.found:
        record = before.get(str(item.path))
        if record and _unchanged(catalog, signature, record, item):
            changes.unchanged += 1
        else:
            to_hash.append((item, record))
    # hashlib lets go of the GIL while it digests, so threads hash on every core
    with ThreadPoolExecutor(threads) as hashing:
        hashes = hashing.map(_sha256_or_reason, [item.path for item, _ in to_hash])
        for (item, record), (sha, reason) in zip(to_hash, hashes, strict=True):
            if sha is None:
                changes.unreadable.append((item, reason))
                continue
            doc = catalog.document(sha[:16])
            if doc is None or doc.extractor != signature:
                changes.to_extract.setdefault(sha, []).append(item)
            else:
                moved = record is not None and record.doc_id != doc.id
                changes.indexed.append(Indexed(item, doc.id, moved))
    return changes


def extractor_signature(ocr_mode: str) -> str:
    """What a stored extraction depends on: when it changes, files are extracted again (for
    example with OCR once Tesseract is installed)."""
    if ocr_mode == "off":
        return f"{EXTRACTOR_VERSION}/ocr=off"
    try:
        engine = ocr.engine_signature()
    except OcrUnavailable:
        engine = "none"
    return f"{EXTRACTOR_VERSION}/ocr={ocr_mode}/{engine}"


def walk(roots: Iterable[Path], warn: Warn) -> Iterator[FoundFile | FoundSheet]:
    """Every PDF and readingroom.csv under the roots; folder loops and unreadable folders are
    reported, not fatal. The first folder under a root names a file's collection."""
    for root in roots:
        root = root.resolve()
        if root.is_file():
            yield _found(root, root.name, root.parent.name)
        elif root.is_dir():
            yield from _walk_folder(root, warn)
        else:
            warn(f"{root}: no such file or folder")


def _walk_folder(root: Path, warn: Warn) -> Iterator[FoundFile | FoundSheet]:
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(
        root, followlinks=True, onerror=lambda e: warn(_walk_error(e))
    ):
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            warn(f"{folder}: skipped, it leads back to a folder already walked (a link loop)")
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        rel = Path(folder).relative_to(root)
        collection = rel.parts[0] if rel.parts else root.name
        sheets = [name for name in sorted(files) if name.lower() == FILENAME]
        if sheets:  # one, unless the file system tells case apart
            yield FoundSheet(Path(folder) / sheets[0], str(rel / sheets[0]))
            for other in sheets[1:]:
                warn(f"{rel / other}: not read, {rel / sheets[0]} is")
        for name in sorted(files):
            if name.lower().endswith(".pdf"):
                path = Path(folder) / name
                try:
                    yield _found(path, str(rel / name), collection)
                except OSError as exc:
                    warn(f"{path}: {exc.strerror or exc}")


def _unchanged(catalog: Catalog, signature: str, record: FileRecord, item: FoundFile) -> bool:
    if record.size != item.size or record.mtime_ns != item.mtime_ns or record.doc_id is None:
        return False
    doc = catalog.document(record.doc_id)
    return doc is not None and doc.extractor == signature


def _sha256_or_reason(path: Path) -> tuple[str, str] | tuple[None, str]:
    """A file's SHA-256, or why it cannot be read."""
    try:
        return sha256_of(path)[0], ""
    except OSError as exc:
        return None, f"cannot read the file: {exc.strerror or exc}"


def _found(path: Path, name: str, collection: str) -> FoundFile:
    st = path.stat()
    return FoundFile(path, name, collection, st.st_size, st.st_mtime_ns)


def _walk_error(exc: OSError) -> str:
    return f"{exc.filename}: cannot read the folder ({exc.strerror or exc})"
