"""Build a large index by scaling the sample release, for the search benchmark.

    .venv/bin/python bench/scale_corpus.py --pages 100000 --out /tmp/rr-100k
    .venv/bin/python bench/scale_corpus.py --pages 10000 --out /tmp/rr-10k

PDF extraction is not what this measures: the 52 sample PDFs are read once, in this process,
with the real extraction step (``indexer.extract.read`` then ``finish``; the 35 scanned pages
take their text from ``tests/gold/sample_truth.json`` instead of OCR, so every page has text
and entities). Copy k of every document is then written through the real writer,
``Store(dir, writable=True).write(...)``, in batches like the indexer's (a commit at
``pipeline.batches.COMMIT_EVERY_PAGES`` pages or ``COMMIT_EVERY_SECONDS`` after the last), until the
index holds exactly ``--pages`` pages.

Each copy gets distinct text, deterministically from ``--seed`` and k (copy 0 is the sample
itself):
  - proper names (capitalised words that the sample never writes in lower case, other than
    agency names and the words the query mix searches for) become invented surnames from a
    pool of about 20,000, so the vocabulary grows with the corpus as real releases' does;
  - digit runs of three or more (Bates numbers, plates, contract numbers, money, phone
    numbers) get new digits; four-digit years move by the copy's year offset (-8 to +6),
    so document dates, and the year facet, spread over 15 years. One copy in four keeps its
    contract numbers, so ``contract:`` queries find many documents;
  - entity values, email headers and titles go through the same substitution as the text,
    so they agree with it; agencies and exemptions are kept (they are what the facets show).
Each document gets the SHA-256 of its new text and the collection ``copy-NNNN``.

An output directory that already holds an index of the requested size is reused (a note is
printed); one of another size is refused (remove it, or use ``--force``).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import re
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.catalog import Catalog, FileRecord  # noqa: E402
from indexer.extract import Draft, Options, finish, read  # noqa: E402
from indexer.models import Entity, Extraction  # noqa: E402
from indexer.pipeline.batches import COMMIT_EVERY_PAGES, COMMIT_EVERY_SECONDS  # noqa: E402
from indexer.store import Layout, Store  # noqa: E402

SAMPLE = ROOT / "sample_docs"
TRUTH = ROOT / "tests" / "gold" / "sample_truth.json"
MONTHS_AND_DAYS = re.findall(
    r"\w+",
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
)
# words the query mix searches for: never substituted, so they match in every copy
PROTECTED = {
    "ICE",
    "Vigilant",
    "Solutions",
    "Thomson",
    "Reuters",
    "LEARN",
    "Long",
    "Beach",
    "Pasadena",
    "Sacramento",
    "Homeland",
    "Security",
    "LPR",
    "ALPR",
    "DHS",
    "ERO",
    "HSI",
    "PIA",
    *MONTHS_AND_DAYS,
}
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_DIGITS = re.compile(r"\d{3,}")
_SYLLABLES = re.findall(
    r"\w+",
    "an bar bel bor cal cam dan del dor el fen gar hal han har kel kin lan lar lin mar mel "
    "mor nal nor os par pel quin ral ren ros sal sam sel tan tor val ven wal wen win yor zan",
)


def load_sample() -> list[tuple[Extraction, str, str]]:
    """(extraction, collection, file name) for each sample PDF, scans filled from the truth."""
    truth = json.loads(TRUTH.read_text())
    texts = {
        f["sha256"]: {p["number"]: p["text"] for p in f["pages"]}
        for f in truth["files"]
        if not f.get("duplicate_of")
    }
    found: dict[str, tuple[Extraction, str, str]] = {}
    for path in sorted(SAMPLE.rglob("*.pdf")):
        result = read(path, options=Options(ocr="off"))
        if isinstance(result, Draft):  # not with ocr off; kept for safety
            result = finish(result, {})
        if not isinstance(result, Extraction) or result.sha256 in found:
            continue
        scans = {
            p.number: texts.get(result.sha256, {}).get(p.number, "")
            for p in result.pages
            if p.image_only
        }
        if any(scans.values()):
            draft = Draft(
                result.sha256,
                result.size,
                path.stem,
                tuple(dataclasses.replace(p, image_only=False) for p in result.pages),
                result.metadata,
                (),
            )
            result = dataclasses.replace(
                finish(draft, {n: t for n, t in scans.items() if t}), title=result.title
            )
        found[result.sha256] = (result, path.parent.name, path.name)
    return list(found.values())


def name_words(sample: list[tuple[Extraction, str, str]]) -> set[str]:
    """Capitalised words the sample never writes in lower case: names, places, vendors."""
    lower: set[str] = set()
    capital: set[str] = set()
    protected = set(PROTECTED)
    for ex, _, _ in sample:
        for entity in ex.entities:
            if entity.kind == "agency":
                for text in (entity.value, *entity.forms):
                    protected.update(text.split())
        for page in ex.pages:
            lower.update(w for w in re.findall(r"\b[a-z]{3,}\b", page.text))
            capital.update(_CAPITALISED.findall(page.text))
    return {w for w in capital if w.lower() not in lower and w not in protected}


def surname_pool(seed: int, size: int = 20_000) -> list[str]:
    rng = random.Random(seed)
    pool: set[str] = set()
    while len(pool) < size:
        parts = rng.randint(2, 3)
        pool.add("".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize())
    return sorted(pool)


class Substitution:
    """One copy's consistent rewriting of text: the same input always gets the same output."""

    def __init__(self, copy: int, seed: int, names: set[str], pool: list[str]) -> None:
        self.rng = random.Random(seed * 1_000_003 + copy)
        self.identity = copy == 0
        self.year_shift = 0 if self.identity else self.rng.randint(-8, 6)
        self.keep_contracts = copy % 4 == 0
        self.names = names
        self.pool = pool
        self.memo: dict[str, str] = {}
        self.kept: set[str] = set()

    def keep(self, values: list[str]) -> None:
        """Digit runs that stay as they are in this copy (its contract numbers)."""
        if self.keep_contracts:
            for value in values:
                self.kept.update(_DIGITS.findall(value))

    def _name(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if word not in self.names:
            return word
        key = "n:" + word
        if key not in self.memo:
            keep = self.rng.random() < 0.3
            self.memo[key] = word if keep else self.rng.choice(self.pool)
        return self.memo[key]

    def _digits(self, match: re.Match[str]) -> str:
        run = match.group(0)
        if run in self.kept:
            return run
        key = "d:" + run
        if key not in self.memo:
            if len(run) == 4 and 1990 <= int(run) <= 2030:
                self.memo[key] = str(int(run) + self.year_shift)
            else:
                first = str(self.rng.randint(1, 9)) if run[0] != "0" else "0"
                rest = "".join(str(self.rng.randint(0, 9)) for _ in run[1:])
                self.memo[key] = first + rest
        return self.memo[key]

    def __call__(self, text: str) -> str:
        if self.identity or not text:
            return text
        text = _CAPITALISED.sub(self._name, text)
        return _DIGITS.sub(self._digits, text)

    def deep(self, value: object) -> object:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.deep(v) for v in value)
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def copy_of(ex: Extraction, sub: Substitution, copy: int) -> Extraction:
    sub.keep([e.value for e in ex.entities if e.kind == "contract"])
    pages = tuple(dataclasses.replace(p, text=sub(p.text), bates=sub(p.bates)) for p in ex.pages)
    entities = tuple(
        e
        if e.kind in ("agency", "exemption")
        else Entity(e.kind, sub(e.value), e.pages, tuple(sub.deep(e.forms)), sub.deep(e.attrs))
        for e in ex.entities
    )
    digest = hashlib.sha256(f"copy {copy}\n".encode())
    for page in pages:
        digest.update(page.text.encode())
        digest.update(b"\f")
    date = ex.date
    if date and date[:4].isdigit() and sub.year_shift:
        date = f"{int(date[:4]) + sub.year_shift:04d}{date[4:]}"
    return dataclasses.replace(
        ex,
        sha256=ex.sha256 if copy == 0 else digest.hexdigest(),
        title=sub(ex.title),
        pages=pages,
        entities=entities,
        date=date,
    )


def generate(pages: int, seed: int):
    """(Extraction, [FileRecord]) items until exactly ``pages`` pages."""
    sample = load_sample()
    names = name_words(sample)
    pool = surname_pool(seed)
    total, copy = 0, 0
    while total < pages:
        sub = Substitution(copy, seed, names, pool)
        collection = f"copy-{copy:04d}"
        for ex, _, name in sample:
            if total >= pages:
                break
            doc = copy_of(ex, sub, copy)
            if total + len(doc.pages) > pages:
                doc = dataclasses.replace(doc, pages=doc.pages[: pages - total])
            total += len(doc.pages)
            path = f"/bench/{collection}/{name}"
            yield doc, [FileRecord(path, name, collection, doc.doc_id, doc.size, 0, None)]
        copy += 1


def existing_pages(out: Path) -> int | None:
    path = Layout(out).catalog
    if not path.exists():
        return None
    catalog = Catalog(path, readonly=True)
    try:
        return int(catalog.counts()["pages"])
    finally:
        catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument(
        "--batch", type=int, default=COMMIT_EVERY_PAGES, help="most pages per commit"
    )
    parser.add_argument("--force", action="store_true", help="rebuild an existing index")
    args = parser.parse_args()

    have = existing_pages(args.out)
    if have is not None and not args.force:
        if have == args.pages:
            print(f"note: reusing the existing index at {args.out} ({have:,} pages)")
            return
        sys.exit(
            f"{args.out} holds an index of {have:,} pages, not {args.pages:,}: "
            "remove it or pass --force"
        )
    if args.force:
        shutil.rmtree(args.out, ignore_errors=True)

    start = time.perf_counter()
    items = generate(args.pages, args.seed)
    store = Store(args.out, writable=True)
    batch: list[tuple[Extraction, list[FileRecord]]] = []
    written_pages, docs, commits = 0, 0, 0
    write_seconds = 0.0
    prepared = time.perf_counter()
    first_item = True
    batch_started = time.monotonic()

    def flush() -> None:
        nonlocal write_seconds, commits, docs, written_pages, batch, batch_started
        t0 = time.perf_counter()
        store.write(batch, extractor="bench")
        write_seconds += time.perf_counter() - t0
        commits += 1
        docs += len(batch)
        written_pages += sum(len(ex.pages) for ex, _ in batch)
        batch, batch_started = [], time.monotonic()
        elapsed = time.perf_counter() - start
        print(
            f"  {written_pages:>7,} pages, {docs:,} documents, {elapsed:6.1f} s",
            file=sys.stderr,
            flush=True,
        )

    for item in items:
        if first_item:
            prepared = time.perf_counter()
            first_item = False
        batch.append(item)
        held = sum(len(ex.pages) for ex, _ in batch)
        if held >= args.batch or time.monotonic() - batch_started >= COMMIT_EVERY_SECONDS:
            flush()
    if batch:
        flush()
    store.close()
    total = time.perf_counter() - start
    segments = len(list(Layout(args.out).text.glob("*.seg")))
    size_mb = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file()) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"built {args.out}: {written_pages:,} pages, {docs:,} documents, {commits} commits, "
        f"{segments} Whoosh segments, {size_mb:,.0f} MB on disk\n"
        f"  {total:.1f} s in all: reading the sample {prepared - start:.1f} s, "
        f"Store.write {write_seconds:.1f} s ({written_pages / write_seconds:,.0f} pages/s), "
        f"peak memory {peak:,.0f} MB"
    )


if __name__ == "__main__":
    main()
