"""Curated values in a run: which readingroom.csv row each file gets, and the documents whose
curated values changed since they were written.

Each CSV's SHA-256 is kept in the catalog's meta, by folder. An unchanged CSV costs nothing: it
is read only when files under it are written in this run. A changed or removed one has every
document with a file under its folder looked at, and those whose values differ are written
again from the catalog (``Store.refile``), their PDFs not read. The hash is stored once they
are, so a run stopped before that does the work again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..catalog import Catalog
from ..curated import Curated, Sheet, read_sheet
from ..store import Store
from .changes import FoundFile, FoundSheet

META = "curated:"  # and a folder's path: the SHA-256 of its readingroom.csv


class Curation:
    """The readingroom.csv files of one run's folders, read when needed."""

    def __init__(
        self,
        sheets: list[FoundSheet],
        roots: Iterable[Path],
        found: list[FoundFile],
        catalog: Catalog,
        warn: Callable[[str], None],
    ) -> None:
        self.catalog = catalog
        self.warn = warn
        self.found = {str(item.path) for item in found}
        self.sheets: dict[str, tuple[FoundSheet, bytes]] = {}
        unreadable = set()
        for sheet in sheets:
            folder = str(sheet.path.parent)
            try:
                self.sheets[folder] = (sheet, sheet.path.read_bytes())
            except OSError as exc:
                warn(f"{sheet.name}: cannot read it ({exc.strerror or exc}); its values stay")
                unreadable.add(folder)
        # nearest first: a file's row comes from the CSV closest to it that names it
        self._folders = sorted(self.sheets, key=len, reverse=True)
        self.hashes = {
            folder: hashlib.sha256(data).hexdigest() for folder, (_, data) in self.sheets.items()
        }
        known = catalog.meta_starting(META)
        walked = [str(root.resolve()) for root in roots if root.is_dir()]
        self.changed = {folder for folder, sha in self.hashes.items() if known.get(folder) != sha}
        self.removed = {
            folder
            for folder in known
            if folder not in self.sheets
            and folder not in unreadable
            and any(_within(folder, root) for root in walked)
        }
        self._read: dict[str, Sheet] = {}

    def of(self, paths: Iterable[str]) -> Curated | None:
        """The curated values of a document whose files are at ``paths``: the row of the
        first of them (in order of path) that a readingroom.csv names."""
        for path in sorted(paths):
            for folder in self._folders:
                if _within(path, folder) and (row := self._sheet(folder).rows.get(path)):
                    return row
        return None

    def settle(self, store: Store, touched: Iterable[str]) -> int:
        """Write again the documents whose curated values are not those they were written
        with: those under a changed or removed CSV, and ``touched``, whose files changed in
        this run. Returns how many were."""
        for folder in self.changed:
            self._sheet(folder)  # its problems are reported, whatever it names
        stale = self.changed | self.removed
        candidates = set(touched)
        if stale:
            for path, record in self.catalog.files().items():
                if record.doc_id and any(_within(path, folder) for folder in stale):
                    candidates.add(record.doc_id)
        revised: dict[str, Curated | None] = {}
        for doc_id, doc in sorted(self.catalog.documents_by_id(sorted(candidates)).items()):
            wanted = self.of(self.catalog.file_paths(doc_id))
            if doc.status == "ok" and wanted != Curated.kept(doc.curation):
                revised[doc_id] = wanted
        store.refile([], revised)
        with self.catalog.transaction():
            for folder in self.changed:
                self.catalog.set_meta(META + folder, self.hashes[folder])
            for folder in self.removed:
                self.catalog.delete_meta(META + folder)
        return len(revised)

    def _sheet(self, folder: str) -> Sheet:
        """A CSV, read the first time it is needed; its problems are reported then."""
        sheet = self._read.get(folder)
        if sheet is None:
            found, data = self.sheets[folder]
            sheet = self._read[folder] = read_sheet(data, Path(folder), found.name)
            for problem in sheet.problems:
                self.warn(problem)
            for path, line in sheet.lines.items():
                if path not in self.found:
                    relative = os.path.relpath(path, folder)
                    self.warn(
                        f"{found.name} line {line}: no PDF {relative} in its folder; the "
                        "row is not used"
                    )
        return sheet


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(os.path.join(folder, ""))
