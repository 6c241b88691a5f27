"""Search speed: a fixed mix of queries through ``Library.search`` (the full results page: 20
rows with up to 3 page hits and excerpts each, and every facet's counts), and the same
queries on SQLite FTS5 over the same pages in the same run, as the reference.

    .venv/bin/python bench/scale_corpus.py --pages 100000 --out /tmp/rr-100k
    .venv/bin/python bench/search_speed.py /tmp/rr-100k [--repeat 5] [--profile 5]

Reading Room: one warm-up pass over the mix (the first search also builds the facet table,
timed and printed on its own), then ``--repeat`` timed passes. Percentiles are over every
timed search (queries x passes); per query the median of its passes.

FTS5 (``INDEX/fts5.sqlite``, built from the index's catalog on first use and reused): one row
per page, ``rowid = document number * 4096 + page``, porter stemming; documents, facet values
(``facets``) and the searchable field values (``fields``) in side tables. For each query it
does the equivalent work: MATCH into a temporary table of matching documents with their best
page's bm25 (field queries and facet filters restrict it through the side tables), the total,
the facet counts by GROUP BY (one statement; one per facet when filters are selected, so a
facet's own selection does not narrow its counts, as in Reading Room), the top 20 documents
by bm25 or date with their agencies, and ``snippet()`` for up to 3 pages of each shown
document. The query language is translated from ``indexer.query``'s tree: words, phrases,
NEAR for ``"…"~n``, prefixes, AND/OR/NOT; field words become side-table conditions on the
document (a top-level AND of them only). FTS5 matches pages, Reading Room documents: "a b"
must be on one page for FTS5, anywhere in the document for Reading Room; the matched counts
are printed side by side with ``--counts``.

``--profile N`` runs cProfile over ``Library.search`` for the N slowest queries, and every
query once more with each stage timed (matching, facets, ranking, page hits, excerpts,
catalog reads).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import re
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import query as q  # noqa: E402
from indexer.facets import NAMES  # noqa: E402
from indexer.index import Snapshot, compact  # noqa: E402
from indexer.search import Library, SearchRequest  # noqa: E402
from indexer.search import documents as documents_module  # noqa: E402
from indexer.search import generations as generations_module  # noqa: E402
from indexer.search import library as library_module  # noqa: E402
from indexer.search.facet_table import FACET_VALUES_SHOWN, FacetTable  # noqa: E402

QUERIES = Path(__file__).with_name("queries.txt")
PER_PAGE = 20
SNIPPET_PAGES = 3
SHIFT = 12  # rowid = document number << SHIFT | page number


@dataclass(frozen=True, eq=False)
class Query:
    kind: str
    text: str
    filters: dict[str, tuple[str, ...]]
    sort: str

    @property
    def label(self) -> str:
        extra = ";".join(f"{k}={v}" for k, vs in self.filters.items() for v in vs)
        parts = [self.text or "(browse)"] + ([f"[{extra}]"] if extra else [])
        if self.sort != "relevance":
            parts.append(f"sort={self.sort}")
        return " ".join(parts)

    def request(self) -> SearchRequest:
        return SearchRequest(q=self.text, filters=self.filters, sort=self.sort, per_page=PER_PAGE)


def load_queries(path: Path) -> list[Query]:
    queries = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), "", "", ""]
        kind, text, filter_text, sort = (c.strip() for c in cells[:4])
        filters: dict[str, list[str]] = defaultdict(list)
        for item in filter(None, (f.strip() for f in filter_text.split(";"))):
            name, _, value = item.partition("=")
            filters[name.strip()].append(value.strip())
        queries.append(
            Query(kind, text, {k: tuple(v) for k, v in filters.items()}, sort or "relevance")
        )
    return queries


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: list[float]) -> tuple[float, float, float]:
    return percentile(values, 50), percentile(values, 95), percentile(values, 99)


# -- FTS5 -----------------------------------------------------------------------------------


def build_fts(index: Path) -> tuple[Path, float | None]:
    """The FTS5 database next to the index: built from its catalog, or reused."""
    path = index / "fts5.sqlite"
    if path.exists():
        return path, None
    start = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{index / 'catalog.sqlite'}?mode=ro", uri=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61');
        CREATE TABLE docs (docno INTEGER PRIMARY KEY, id TEXT, title TEXT, date TEXT,
                           doc_type TEXT, collection TEXT, page_count INTEGER);
        CREATE TABLE facets (docno INTEGER, facet TEXT, value TEXT);
        CREATE TABLE fields (docno INTEGER, field TEXT, token TEXT);
        """
    )
    number: dict[str, int] = {}
    rows = src.execute(
        "SELECT id, title, date, doc_type, collection, page_count FROM documents "
        "WHERE status = 'ok' ORDER BY id"
    )
    for docno, (doc_id, title, date, doc_type, collection, pages) in enumerate(rows, 1):
        number[doc_id] = docno
        db.execute(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
            (docno, doc_id, title, date, doc_type, collection, pages),
        )
        facets = [("doc_type", doc_type), ("collection", collection)]
        if date and date[:4].isdigit():
            facets.append(("year", date[:4]))
        db.executemany("INSERT INTO facets VALUES (?, ?, ?)", [(docno, f, v) for f, v in facets])
        fields = [("doc_type", compact(doc_type)), ("collection", compact(collection))]
        fields += [("title", w) for w in _words(title)]
        db.executemany("INSERT INTO fields VALUES (?, ?, ?)", [(docno, f, t) for f, t in fields])
    db.executemany(
        "INSERT INTO fts (rowid, text) VALUES (?, ?)",
        (
            ((number[doc_id] << SHIFT) | page, text)
            for doc_id, page, text in src.execute("SELECT doc_id, number, text FROM pages")
            if doc_id in number
        ),
    )
    entity_rows = src.execute(
        "SELECT doc_id, kind, value, forms, attrs FROM entities "
        "WHERE kind IN ('agency', 'exemption', 'contract', 'bates', 'email')"
    )
    for doc_id, kind, value, forms, attrs in entity_rows:
        docno = number.get(doc_id)
        if docno is None:
            continue
        if kind in ("agency", "exemption", "contract"):
            db.execute("INSERT INTO facets VALUES (?, ?, ?)", (docno, kind, value))
        tokens: list[tuple[str, str]] = []
        if kind == "agency":
            extra = json.loads(attrs).get("abbreviation") or ""
            for text in (value, extra, *json.loads(forms)):
                tokens += [("agency", w) for w in _words(text)]
        elif kind == "exemption":
            code = compact(value)
            tokens.append(("exemption", code if not code[:1].isdigit() else "b" + code))
        elif kind in ("contract", "bates"):
            tokens.append((kind, compact(value)))
        else:
            mail = json.loads(attrs)
            tokens += [("email_from", w) for w in _words(str(mail.get("from", "")))]
            for who in [*mail.get("to", []), *mail.get("cc", [])]:
                tokens += [("email_to", w) for w in _words(str(who))]
            tokens += [("subject", w) for w in _words(str(mail.get("subject", "")))]
        db.executemany(
            "INSERT INTO fields VALUES (?, ?, ?)", [(docno, f, t) for f, t in set(tokens)]
        )
    db.executescript(
        """
        CREATE INDEX facets_value ON facets (facet, value, docno);
        CREATE INDEX facets_doc ON facets (docno, facet, value);
        CREATE INDEX fields_token ON fields (field, token, docno);
        CREATE INDEX docs_date ON docs (date, title);
        INSERT INTO fts(fts) VALUES ('optimize');
        ANALYZE;
        """
    )
    db.commit()
    db.close()
    src.close()
    tmp.rename(path)
    return path, time.perf_counter() - start


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+(?:\.?\w+)*", text)]


class UnsupportedQuery(Exception):
    pass


def _fts_expr(node: q.Node) -> str:
    if isinstance(node, (q.Word, q.Phrase, q.Prefix)) and node.field != "content":
        raise UnsupportedQuery("a field inside a text expression")
    if isinstance(node, q.Word):
        return '"' + node.text.replace('"', "") + '"'
    if isinstance(node, q.Phrase):
        words = _words(node.text)
        if node.slop:
            return "NEAR(" + " ".join(f'"{w}"' for w in words) + f", {node.slop})"
        return '"' + " ".join(words) + '"'
    if isinstance(node, q.Prefix):
        return f'"{node.text.lower()}"*'
    if isinstance(node, q.Or):
        return "(" + " OR ".join(_fts_expr(p) for p in node.parts) + ")"
    if isinstance(node, q.Not):
        raise UnsupportedQuery("NOT on its own")
    positive = [p for p in node.parts if not isinstance(p, q.Not)]
    negative = [p.part for p in node.parts if isinstance(p, q.Not)]
    if not positive:
        raise UnsupportedQuery("only NOT")
    expr = "(" + " AND ".join(_fts_expr(p) for p in positive) + ")"
    for part in negative:
        expr += " NOT " + _fts_expr(part)
    return expr


def _field_condition(node: q.Node) -> tuple[str, list[str]]:
    negate = isinstance(node, q.Not)
    leaf = node.part if isinstance(node, q.Not) else node
    if not isinstance(leaf, (q.Word, q.Phrase)):
        raise UnsupportedQuery("field prefixes")
    if leaf.field in ("doc_type", "collection", "contract", "bates"):
        tokens = [compact(leaf.text)]
    elif leaf.field == "exemption":
        code = compact(leaf.text)
        tokens = [code if not code[:1].isdigit() else "b" + code]
    else:
        tokens = _words(leaf.text)
    sql = " AND ".join(
        "docno IN (SELECT docno FROM fields WHERE field = ? AND token = ?)" for _ in tokens
    )
    args = [v for t in tokens for v in (leaf.field, t)]
    return (f"NOT ({sql})" if negate else f"({sql})"), args


def translate(text: str) -> tuple[str | None, str, list[str]]:
    """(FTS5 MATCH expression or None, SQL condition on ``docno``, its arguments)."""
    node = q.parse(text)
    if node is None:
        return None, "1", []
    conjuncts = list(node.parts) if isinstance(node, q.And) else [node]
    text_parts, conditions, args = [], [], []
    for part in conjuncts:
        leaves = q.positive_leaves(part) or q.positive_leaves(getattr(part, "part", None))
        if leaves and all(leaf.field != "content" for leaf in leaves):
            sql, values = _field_condition(part)
            conditions.append(sql)
            args += values
        else:
            text_parts.append(part)
    match = None
    if len(text_parts) == 1:
        match = _fts_expr(text_parts[0])
    elif text_parts:
        match = _fts_expr(q.And(tuple(text_parts)))
    return match, " AND ".join(conditions) or "1", args


class Fts:
    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.db.execute("PRAGMA temp_store=MEMORY")
        self.db.execute("CREATE TEMP TABLE m (docno INTEGER PRIMARY KEY, score REAL, pages INT)")

    def search(self, query: Query) -> int:
        db = self.db
        match, condition, args = translate(query.text)
        db.execute("DELETE FROM m")
        if match is None:
            db.execute(f"INSERT INTO m SELECT docno, 0, 0 FROM docs WHERE {condition}", args)
        else:
            db.execute(
                "WITH p AS MATERIALIZED (SELECT rowid >> 12 AS docno, bm25(fts) AS s "
                "FROM fts WHERE fts MATCH ?) INSERT INTO m SELECT docno, min(s), count(*) "
                f"FROM p WHERE {condition} GROUP BY docno",
                [match, *args],
            )
        selected = {
            name: values for name, values in query.filters.items() if name in NAMES and values
        }

        def narrowed(skip: str | None) -> tuple[str, list[str]]:
            sql, values = [], []
            for name, chosen in selected.items():
                if name == skip:
                    continue
                marks = ",".join("?" * len(chosen))
                sql.append(
                    f"m.docno IN (SELECT docno FROM facets WHERE facet = ? AND value IN ({marks}))"
                )
                values += [name, *chosen]
            return " AND ".join(sql) or "1", values

        facets: dict[str, list[tuple[str, int]]] = defaultdict(list)
        if not selected:
            rows = db.execute(
                "SELECT f.facet, f.value, count(*) AS n FROM m "
                "CROSS JOIN facets f INDEXED BY facets_doc ON f.docno = m.docno "
                "GROUP BY f.facet, f.value ORDER BY n DESC"
            )
            for facet, value, n in rows:
                if len(facets[facet]) < FACET_VALUES_SHOWN:
                    facets[facet].append((value, n))
        else:
            for name in NAMES:
                sql, values = narrowed(name)
                facets[name] = db.execute(
                    "SELECT f.value, count(*) AS n FROM m "
                    "CROSS JOIN facets f INDEXED BY facets_doc "
                    f"ON f.docno = m.docno WHERE f.facet = ? AND {sql} GROUP BY f.value "
                    "ORDER BY n DESC LIMIT ?",
                    [name, *values, FACET_VALUES_SHOWN],
                ).fetchall()
        sql, values = narrowed(None)
        total = db.execute(f"SELECT count(*) FROM m WHERE {sql}", values).fetchone()[0]
        order = "m.score" if query.sort == "relevance" and match else "d.date DESC, d.title"
        if query.sort == "date":
            order = "d.date, d.title"
        shown = db.execute(
            "SELECT m.docno, m.pages, d.id, d.title, d.date, d.doc_type, d.collection, "
            "d.page_count FROM m CROSS JOIN docs d ON d.docno = m.docno "
            f"WHERE {sql} ORDER BY {order} LIMIT ?",
            [*values, PER_PAGE],
        ).fetchall()
        for row in shown:
            docno = row[0]
            db.execute(
                "SELECT value FROM facets WHERE docno = ? AND facet = 'agency'", (docno,)
            ).fetchall()
            if match:
                db.execute(
                    "SELECT rowid & 4095, snippet(fts, 0, '<mark>', '</mark>', '…', 40) "
                    "FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? "
                    "ORDER BY bm25(fts) LIMIT ?",
                    (match, docno << SHIFT, (docno << SHIFT) | 4095, SNIPPET_PAGES),
                ).fetchall()
        return total


# -- stage timing ---------------------------------------------------------------------------


class Stages:
    """Wraps the search layer's collaborators to time each stage of ``Library.search``
    (class attributes and module functions, put back by ``restore``)."""

    NAMES = ("matching", "facets", "ranking", "page_hits", "excerpts", "catalog", "table")

    def __init__(self, lib: Library) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.lib = lib
        self._wrapped: list[tuple[object, str, object]] = []
        self._wrap(Snapshot, "matching", "matching")
        self._wrap(Snapshot, "ranked", "ranking")
        self._wrap(Snapshot, "page_hits", "page_hits")
        self._wrap(Snapshot, "highlight", "excerpts")
        self._wrap(library_module, "count_facets", "facets")
        self._wrap(FacetTable, "union", "facets")
        self._wrap(library_module, "order", "ranking")
        self._wrap(generations_module, "FacetTable", "table")
        self._wrap(lib.catalog, "document", "catalog")
        self._wrap(lib.catalog, "pages", "catalog")
        self._wrap(lib.catalog, "page_texts", "catalog")
        self._wrap(lib.catalog, "documents_by_id", "catalog")
        stages = self

        class TimedExcerpts(documents_module.Excerpts):
            def excerpt(self, text: str) -> str:
                start = time.perf_counter()
                try:
                    return super().excerpt(text)
                finally:
                    stages.totals["excerpts"] += time.perf_counter() - start

        self._wrapped.append((documents_module, "Excerpts", documents_module.Excerpts))
        documents_module.Excerpts = TimedExcerpts  # type: ignore[misc]
        self._depth = 0

    def _wrap(self, owner: object, attr: str, stage: str) -> None:
        original = getattr(owner, attr)
        self._wrapped.append((owner, attr, original))
        stages = self

        def timed(*args: object, **kwargs: object) -> object:
            stages._depth += 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                stages._depth -= 1
                if stages._depth == 0:  # nested calls count once, in the outer stage
                    stages.totals[stage] += time.perf_counter() - start

        setattr(owner, attr, timed)

    def restore(self) -> None:
        for owner, attr, original in reversed(self._wrapped):
            setattr(owner, attr, original)


# -- main -----------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", type=int, default=0, help="profile the N slowest queries")
    parser.add_argument("--counts", action="store_true", help="print matched counts per query")
    parser.add_argument("--no-fts", action="store_true")
    args = parser.parse_args()
    queries = load_queries(args.queries)

    catalog = sqlite3.connect(f"file:{args.index / 'catalog.sqlite'}?mode=ro", uri=True)
    pages, docs = (
        catalog.execute("SELECT count(*) FROM pages").fetchone()[0],
        catalog.execute("SELECT count(*) FROM documents").fetchone()[0],
    )
    catalog.close()
    print(f"index {args.index}: {pages:,} pages, {docs:,} documents, {len(queries)} queries")

    start = time.perf_counter()
    lib = Library(args.index)
    opened = time.perf_counter() - start
    first_query = queries[0]
    start = time.perf_counter()
    lib.search(first_query.request())
    first = time.perf_counter() - start
    print(
        f"Reading Room: open {ms(opened)} ms; first search (builds the facet table) {ms(first)} ms"
    )
    rr_counts = {}
    for query in queries:  # warm-up pass
        rr_counts[query] = lib.search(query.request()).total

    fts = None
    fts_counts: dict[Query, int | str] = {}
    if not args.no_fts:
        path, built = build_fts(args.index)
        size = path.stat().st_size / 1e6
        note = f"built in {built:.1f} s" if built is not None else "reused"
        print(f"FTS5: {path} ({size:,.0f} MB, {note})")
        fts = Fts(path)
        for query in queries:
            try:
                fts_counts[query] = fts.search(query)
            except UnsupportedQuery as exc:
                fts_counts[query] = f"skipped: {exc}"

    rr_times: dict[Query, list[float]] = defaultdict(list)
    fts_times: dict[Query, list[float]] = defaultdict(list)
    cached_times: list[float] = []
    for _ in range(args.repeat):  # interleaved passes: both see the same machine noise
        for query in queries:
            request = query.request()
            lib.clear_cache()  # cold: nothing kept from the warm-up or an earlier pass
            start = time.perf_counter()
            lib.search(request)
            rr_times[query].append(time.perf_counter() - start)
            start = time.perf_counter()
            lib.search(request)  # the same results page again, as a linked search is
            cached_times.append(time.perf_counter() - start)
            if fts is not None and isinstance(fts_counts[query], int):
                start = time.perf_counter()
                fts.search(query)
                fts_times[query].append(time.perf_counter() - start)

    def line(name: str, rr: list[float], ref: list[float]) -> str:
        r50, r95, r99 = summary(rr)
        cells = [name, str(len(rr) // args.repeat), ms(r50), ms(r95), ms(r99)]
        if ref:
            f50, f95, f99 = summary(ref)
            cells += [ms(f50), ms(f95), ms(f99), f"{r95 / f95:.1f}x"]
        return "| " + " | ".join(cells) + " |"

    print()
    print(
        "| queries | n | RR p50 ms | RR p95 ms | RR p99 ms | FTS5 p50 ms | FTS5 p95 ms "
        "| FTS5 p99 ms | p95 ratio |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    all_rr = [t for ts in rr_times.values() for t in ts]
    all_fts = [t for ts in fts_times.values() for t in ts]
    print(line("all", all_rr, all_fts))
    comparable = [qq for qq in queries if fts_times.get(qq)]
    if len(comparable) != len(queries):
        print(
            line(
                "FTS5-comparable",
                [t for qq in comparable for t in rr_times[qq]],
                all_fts,
            )
        )
    kinds = list(dict.fromkeys(qq.kind for qq in queries))
    for kind in kinds:
        members = [qq for qq in queries if qq.kind == kind]
        print(
            line(
                kind,
                [t for qq in members for t in rr_times[qq]],
                [t for qq in members for t in fts_times.get(qq, [])],
            )
        )

    c50, c95, c99 = summary(cached_times)
    print(
        f"\nrepeated (answered from the cache of the index generation): "
        f"p50 {ms(c50)} ms, p95 {ms(c95)} ms, p99 {ms(c99)} ms"
    )

    by_median = sorted(queries, key=lambda qq: -statistics.median(rr_times[qq]))
    print("\nslowest queries (median of passes, ms):")
    for query in by_median[:5]:
        ref = fts_times.get(query)
        ref_text = f", FTS5 {ms(statistics.median(ref))}" if ref else ""
        print(
            f"  {ms(statistics.median(rr_times[query])):>7}  {query.kind:<9} {query.label}"
            f"{ref_text}"
        )
    if args.counts:
        print("\nper query: median ms Reading Room / FTS5, documents matched Reading Room / FTS5")
        for query in queries:
            ref = fts_times.get(query)
            print(
                f"  {query.kind:<9} {query.label:<60} "
                f"{ms(statistics.median(rr_times[query])):>7} / "
                f"{ms(statistics.median(ref)) if ref else '-':>6}   "
                f"{rr_counts[query]:>6,} / {fts_counts.get(query, '-')}"
            )

    if args.profile:
        stages = Stages(lib)
        per_query: dict[Query, dict[str, float]] = {}
        for query in queries:
            stages.totals.clear()
            lib.clear_cache()
            start = time.perf_counter()
            lib.search(query.request())
            whole = time.perf_counter() - start
            per_query[query] = {**stages.totals, "total": whole}
        stages.restore()
        print("\nstages of Library.search, one instrumented pass (ms):")
        header = ["query", *Stages.NAMES, "other", "total"]
        print("| " + " | ".join(header) + " |")
        print("|" + " --- |" * len(header))
        for query in by_median[: max(args.profile, 10)]:
            times = per_query[query]
            other = times["total"] - sum(times.get(n, 0.0) for n in Stages.NAMES)
            cells = [ms(times.get(n, 0.0)) for n in Stages.NAMES]
            print(
                f"| {query.label} | " + " | ".join(cells) + f" | {ms(other)} | "
                f"{ms(times['total'])} |"
            )
        sums = {n: sum(t.get(n, 0.0) for t in per_query.values()) for n in Stages.NAMES}
        whole = sum(t["total"] for t in per_query.values())
        print(
            "all queries: "
            + ", ".join(f"{n} {100 * s / whole:.0f}%" for n, s in sums.items())
            + f" of {ms(whole)} ms"
        )
        for query in by_median[: args.profile]:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(3):
                lib.clear_cache()
                lib.search(query.request())
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(22)
            print(f"\ncProfile, 3 x Library.search: {query.label}")
            text = out.getvalue()
            with contextlib.suppress(ValueError):
                text = text[text.index("   ncalls") :]
            print(text.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", ""))
    lib.close()


if __name__ == "__main__":
    main()
