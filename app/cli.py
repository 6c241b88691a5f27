"""The ``readingroom`` command: index, serve, search, status.

A thin layer over the indexer's API and the site; user errors become one-line messages.

    readingroom index sample_docs/
    readingroom search '"license plate" AND ICE' --agency ICE --year 2018 --sort=-date
    readingroom serve --port 8000

``readingroom search`` takes every parameter ``/api/search`` does, under the same names
(``--doc-type`` for ``doc_type``; ``--type`` is the same option) and checked by the same code,
so that it refuses what the API refuses in the same words.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO, cast

from indexer.errors import ReadingRoomError
from indexer.facets import FACETS
from indexer.pipeline import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Indexer, Summary
from indexer.search import Library
from indexer.store import Store

from . import parameters, views
from .routes import ROUTERS
from .urls import Urls

# other names some options of ``readingroom search`` answer to
ALIASES = {"doc_type": ("--type",)}


def default_index() -> Path:
    return Path(os.environ.get("READINGROOM_INDEX", "index"))


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ReadingRoomError as exc:
        print(f"readingroom: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("readingroom: interrupted", file=sys.stderr)
        return 130


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readingroom",
        description="Search released public records page by page.",
        epilog="Example: readingroom index sample_docs/ && readingroom serve",
    )
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def index_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--index",
            type=Path,
            default=default_index(),
            help="index directory (default: $READINGROOM_INDEX or ./index)",
        )

    p = sub.add_parser(
        "index",
        help="index every PDF under the given folders",
        epilog="Example: readingroom index releases/ --workers 2 --prune",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    index_option(p)
    p.add_argument(
        "--workers", type=int, default=None, help="extraction processes (default: cores)"
    )
    p.add_argument(
        "--ocr", choices=["auto", "always", "off"], default="auto", help="OCR scanned pages"
    )
    p.add_argument("--prune", action="store_true", help="remove documents whose files are gone")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds allowed per file, and per page of OCR (default {DEFAULT_TIMEOUT:.0f})",
    )
    p.add_argument(
        "--memory",
        type=int,
        default=DEFAULT_MEMORY_MB,
        help=f"megabytes of memory a worker process may add (default {DEFAULT_MEMORY_MB})",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="extract on a Dask cluster, e.g. tcp://HOST:8786 (needs the 'cluster' extra)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("serve", help="serve the site and the JSON API")
    index_option(p)
    p.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes, each reading the index (default 1; use the cores under load)",
    )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser(
        "search",
        help="search from the terminal",
        epilog="Example: readingroom search 'agency:ICE \"license plate\"' --year 2018 "
        "--sort=-date (a value that starts with - follows an =)",
    )
    p.add_argument("query")
    index_option(p)
    p.add_argument("--json", action="store_true", help="print the same JSON as /api/search")
    search_options(p)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("status", help="what the index holds, and files that failed")
    index_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_status)
    return parser


def search_options(p: argparse.ArgumentParser) -> None:
    """The parameters of /api/search besides the query, as options of the same names: a
    repeatable filter per facet, then the others, taken as text and checked when searching."""
    for facet in FACETS:
        p.add_argument(
            facet.option,
            *ALIASES.get(facet.name, ()),
            dest=facet.name,
            action="append",
            default=[],
            metavar=facet.name.upper(),
            help=f"{facet.label}: only documents with this value (repeat for any of several)",
        )
    for name, field in parameters.SearchOptions.model_fields.items():
        if name != "q":
            option = "--" + name.replace("_", "-")
            p.add_argument(option, dest=name, metavar=name.upper(), help=field.description)


# -- index ------------------------------------------------------------------------------------


class Progress:
    """A progress line: redrawn in place on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int, pages: int) -> None:
        now = time.monotonic()
        final = done == total
        if not final and now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        elapsed = max(now - self.started, 1e-6)
        rate = pages / elapsed
        eta = (total - done) * elapsed / done if done else 0
        line = f"{done}/{total} files, {pages} pages, {rate:.1f} pages/s, ETA {eta:.0f} s"
        if self.tty:
            width = 30
            filled = int(width * done / total) if total else width
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {line}\x1b[K")
            if final:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def cmd_index(args: argparse.Namespace) -> int:
    store = Store(args.index, writable=True)
    if store.rebuilt:
        print(
            f"The index at {args.index} was from another version; rebuilding it.", file=sys.stderr
        )
    try:
        indexer = Indexer(
            store,
            workers=args.workers,
            ocr_mode=args.ocr,
            timeout=args.timeout,
            memory_mb=args.memory,
            scheduler=args.scheduler,
        )
        summary = indexer.run(args.paths, prune=args.prune, progress=Progress(sys.stderr))
    finally:
        store.close()
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        print(format_summary(summary))
    nothing_done = summary.added + summary.updated + summary.unchanged == 0
    return 1 if nothing_done and (summary.failed or summary.warnings) else 0


def format_summary(summary: Summary) -> str:
    lines = [
        f"added {summary.added}, updated {summary.updated}, unchanged {summary.unchanged}, "
        f"removed {summary.removed}, failed {len(summary.failed)}"
        + (f", curated {summary.curated}" if summary.curated else ""),
        f"{summary.pages} pages ({summary.ocr_pages} OCR'd"
        + (f", {summary.unread_pages} scanned pages without text" if summary.unread_pages else "")
        + f") in {summary.seconds:.1f} s",
    ]
    lines += [f"failed: {f['file']}: {f['reason']}" for f in summary.failed]
    lines += [f"warning: {w}" for w in summary.warnings]
    lines += [unapplied_redaction(str(r["file"]), r) for r in summary.unapplied_redactions]
    return "\n".join(lines)


# -- serve ------------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    Library(args.index).close()  # fail now, with a clear message, if the index is unusable
    os.environ["READINGROOM_INDEX"] = str(args.index.resolve())
    os.environ.setdefault("READINGROOM_BASE_URL", f"http://{args.host}:{args.port}")
    print(f"Serving {args.index} at http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(
        "app.main:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
    )
    return 0


# -- search and status ------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    given = {"q": args.query}
    for name in parameters.SearchOptions.model_fields:
        if getattr(args, name, None) is not None:
            given[name] = getattr(args, name)
    request = parameters.search_request(
        parameters.options(given), {facet.name: getattr(args, facet.name) for facet in FACETS}
    )
    # the routes of the site, for the same links as /api/search (paths: no base URL needed)
    urls = Urls(route for router in ROUTERS for route in router.routes)
    library = Library(args.index)
    try:
        data = views.search_data(library, request, urls)
    finally:
        library.close()
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"{data['total']} documents")
    for row in cast(list[dict[str, Any]], data["results"]):
        print(f"\n{row['title']}  [{row['doc_type']}, {row['date'] or 'undated'}]  {row['url']}")
        for hit in row["hits"]:
            print(f"  p. {hit['page']}: {_plain(hit['excerpt'])}")
    return 0


def _plain(excerpt: str) -> str:
    import html

    return html.unescape(excerpt.replace("<mark>", "[").replace("</mark>", "]"))


def cmd_status(args: argparse.Namespace) -> int:
    library = Library(args.index)
    try:
        status: dict[str, Any] = library.status()
    finally:
        library.close()
    if args.json:
        print(json.dumps(status, indent=2))
        return 0
    print(
        f"{status['documents']} documents, {status['pages']} pages ({status['ocr_pages']} OCR'd, "
        f"{status['image_only_pages']} scanned pages without text), {status['files']} files"
    )
    for kind, count in sorted(status["entities"].items()):
        print(f"  {kind}: {count}")
    if status["last_run"]:
        run = status["last_run"]
        print(
            f"last run {run['finished']}: added {run['added']}, updated {run['updated']}, "
            f"unchanged {run['unchanged']}, removed {run['removed']}, failed {len(run['failed'])}"
        )
    for failure in status["failed"]:
        print(f"failed: {failure['name']}: {failure['reason']}")
    for found in status["unapplied_redactions"]:
        print(unapplied_redaction(", ".join(found["files"]) or found["title"], found))
    return 0


def unapplied_redaction(name: str, found: dict[str, Any]) -> str:
    """The warning for a document whose redaction boxes left the text beneath in the PDF."""
    pages = ", ".join(str(n) for n in found["pages"])
    boxes = found["boxes"]
    return (
        f"warning: {name}: redaction not applied to the text layer: {boxes} "
        f"box{'es' if boxes != 1 else ''} on page{'s' if len(found['pages']) != 1 else ''} "
        f"{pages}; the text under them is left out of the index (tell the releasing agency)"
    )


if __name__ == "__main__":
    sys.exit(main())
