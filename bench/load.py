"""Load benchmark: concurrent clients against a real ``readingroom serve`` on loopback.

Starts the server itself on a free 127.0.0.1 port, waits for /healthz, then runs
``--concurrency`` asyncio clients for ``--duration`` seconds, each issuing a weighted mix of
searches, facet-filtered searches, document pages, page views, page images and thumbnails of
long documents (50 pages or more: what a browser asks for when it opens one's page list).
Prints throughput (requests/s, searches/s), p50/p95/p99 latency per request kind and error
counts, and optionally writes them as JSON. ``--fresh-images`` empties the index's image
cache first, so that images are drawn during the run rather than read from disk.

    .venv/bin/python bench/load.py --index /tmp/rr-sample --duration 60 --concurrency 16
    .venv/bin/python bench/load.py --index index --server-workers 2 --json bench/out/load.json
    .venv/bin/python bench/load.py --index /tmp/rr-real --fresh-images --duration 60

Loopback only; the run is bounded by --duration and --max-requests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx2 as httpx

from indexer.store import Layout

HOST = "127.0.0.1"
QUERIES = [
    "license plate",
    '"license plate"',
    '"license plate reader"~3',
    "ICE",
    'ICE AND (LPR OR "license plate") NOT Vigilant',
    "vigilant",
    "licen*",
    "agency:ICE",
    "type:email",
    "contract",
    "data sharing agreement",
    "hotlist",
    "exemption:(b)(7)(C)",
    "redacted",
    "camera",
    "police department",
    "subject:request",
    "alpr -Vigilant",
    "retention policy",
    "sanctuary",
]
# kind -> weight in the mix
MIX = {
    "search": 45,
    "facet": 15,
    "document": 12,
    "page": 20,
    "image": 8,
    "thumbs": 10,
}
LONG_DOCUMENT = 50  # pages
SEARCH_KINDS = ("search", "facet")


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)
    requests: int = 0

    def record(self, kind: str, seconds: float, problem: str | None) -> None:
        self.requests += 1
        self.latencies[kind].append(seconds)
        if problem:
            self.errors[kind] += 1
            if len(self.error_samples) < 10:
                self.error_samples.append(f"{kind}: {problem}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(
    index: Path, port: int, workers: int | None, log: IO[bytes]
) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("readingroom")
    command = [str(exe), "serve", "--index", str(index), "--host", HOST, "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    # the server's log goes to a file, never a pipe that nobody reads and that would fill up
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)


async def wait_ready(
    client: httpx.AsyncClient, server: subprocess.Popen[bytes], log: IO[bytes]
) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            err = log.read().decode(errors="replace")
            raise SystemExit(f"readingroom serve exited with {server.returncode}:\n{err[-3000:]}")
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("readingroom serve did not answer /healthz within 60 s")


async def discover(client: httpx.AsyncClient) -> tuple[list[tuple[str, int]], dict[str, list]]:
    """Documents (id, page count) and facet values to request, from the index itself."""
    docs: list[tuple[str, int]] = []
    page = 1
    while len(docs) < 2000:
        data = (await client.get("/api/search", params={"per_page": 100, "page": page})).json()
        docs += [(row["id"], max(1, row.get("page_count") or 1)) for row in data["results"]]
        if page * 100 >= data["total"]:
            break
        page += 1
    facets = {
        name: [v["value"] for v in values[:20]]
        for name, values in data.get("facets", {}).items()
        if values
    }
    if not docs:
        raise SystemExit("the index has no documents")
    return docs, facets


async def images_available(client: httpx.AsyncClient, doc_id: str) -> bool:
    """Whether page images can be drawn: the synthetic benchmark index has no PDF files."""
    return (await client.get(f"/documents/{doc_id}/pages/1.png")).status_code == 200


def make_request(
    rng: random.Random, docs: list[tuple[str, int]], facets: dict[str, list], mix: dict[str, int]
) -> tuple[str, str, dict[str, str | int]]:
    kind = rng.choices(list(mix), weights=list(mix.values()))[0]
    if kind == "thumbs":
        doc_id, pages = rng.choice([(d, n) for d, n in docs if n >= LONG_DOCUMENT])
        return kind, f"/documents/{doc_id}/pages/{rng.randint(1, pages)}.png", {"size": "thumb"}
    doc_id, pages = rng.choice(docs)
    number = rng.randint(1, pages)
    if kind == "search":
        return kind, "/api/search", {"q": rng.choice(QUERIES)}
    if kind == "facet":
        params: dict[str, str | int] = {"q": rng.choice(["", *QUERIES])}
        if facets:
            name = rng.choice(sorted(facets))
            params[name] = rng.choice(facets[name])
        if rng.random() < 0.3:
            params["sort"] = "-date"
        return kind, "/search" if rng.random() < 0.5 else "/api/search", params
    if kind == "document":
        return (
            kind,
            f"/documents/{doc_id}" if rng.random() < 0.5 else f"/api/documents/{doc_id}",
            {},
        )
    if kind == "page":
        path = f"/documents/{doc_id}/pages/{number}"
        return kind, path if rng.random() < 0.5 else "/api" + path, {"q": rng.choice(QUERIES)}
    return kind, f"/documents/{doc_id}/pages/{number}.png", {}


async def client_loop(
    client: httpx.AsyncClient,
    rng: random.Random,
    docs: list[tuple[str, int]],
    facets: dict[str, list],
    mix: dict[str, int],
    stats: Stats,
    stop_at: float,
    max_requests: int,
) -> None:
    while time.monotonic() < stop_at and stats.requests < max_requests:
        kind, path, params = make_request(rng, docs, facets, mix)
        started = time.perf_counter()
        problem = None
        try:
            response = await client.get(path, params=params)
            await response.aread()
            if response.status_code != 200:
                problem = f"{response.status_code} {path} {params}"
        except httpx.HTTPError as exc:
            problem = f"{type(exc).__name__} {path} {params}"
        stats.record(kind, time.perf_counter() - started, problem)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summarise(stats: Stats, elapsed: float, args: argparse.Namespace, docs: int) -> dict:
    kinds = {}
    for kind in [*MIX, "all"]:
        values = (
            [v for vs in stats.latencies.values() for v in vs]
            if kind == "all"
            else stats.latencies.get(kind, [])
        )
        errors = sum(stats.errors.values()) if kind == "all" else stats.errors.get(kind, 0)
        kinds[kind] = {
            "requests": len(values),
            "per_s": round(len(values) / elapsed, 1),
            "p50_ms": round(percentile(values, 50) * 1000, 1),
            "p95_ms": round(percentile(values, 95) * 1000, 1),
            "p99_ms": round(percentile(values, 99) * 1000, 1),
            "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else None,
            "errors": errors,
        }
    searches = [v for k in SEARCH_KINDS for v in stats.latencies.get(k, [])]
    return {
        "index": str(args.index),
        "documents": docs,
        "duration_s": round(elapsed, 1),
        "concurrency": args.concurrency,
        "server_workers": args.server_workers,
        "requests": stats.requests,
        "requests_per_s": round(stats.requests / elapsed, 1),
        "searches_per_s": round(len(searches) / elapsed, 1),
        "search_p95_ms": round(percentile(searches, 95) * 1000, 1),
        "errors": sum(stats.errors.values()),
        "error_samples": stats.error_samples,
        "kinds": kinds,
    }


def print_report(report: dict) -> None:
    print(
        f"{report['requests']} requests in {report['duration_s']} s against "
        f"{report['documents']} documents, {report['concurrency']} clients, "
        f"server workers: {report['server_workers'] or 'default'}"
    )
    print(
        f"throughput: {report['requests_per_s']} requests/s, {report['searches_per_s']} "
        f"searches/s (search p95 {report['search_p95_ms']} ms); errors: {report['errors']}"
    )
    print(f"the load client itself used {report['client_cpu_share']:.0%} of one core")
    if "image" not in report["mix"]:
        print("page images left out of the mix: the index's documents have no PDF files")
    elif "thumbs" not in report["mix"]:
        print(f"thumbnails left out of the mix: no document has {LONG_DOCUMENT} pages or more")
    header = ("requests", "per s", "p50 ms", "p95 ms", "p99 ms", "errors")
    print(f"{'kind':<10}" + "".join(f"{h:>9}" for h in header))
    for kind, k in report["kinds"].items():
        print(
            f"{kind:<10}{k['requests']:>9}{k['per_s']:>9}{k['p50_ms']:>9}{k['p95_ms']:>9}"
            f"{k['p99_ms']:>9}{k['errors']:>9}"
        )
    for sample in report["error_samples"]:
        print("  error:", sample)
    if "server_exit" in report:
        print(f"the server exited during the run with status {report['server_exit']}:")
        print(report["server_log_tail"])


async def run(args: argparse.Namespace) -> dict:
    port = free_port()
    if args.fresh_images:
        shutil.rmtree(Layout(args.index).images, ignore_errors=True)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in finally
    server = start_server(args.index, port, args.server_workers, log)
    limits = httpx.Limits(
        max_connections=args.concurrency, max_keepalive_connections=args.concurrency
    )
    timeout = httpx.Timeout(args.timeout)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://{HOST}:{port}", limits=limits, timeout=timeout, trust_env=False
        ) as client:
            await wait_ready(client, server, log)
            docs, facets = await discover(client)
            mix = dict(MIX)
            if not await images_available(client, docs[0][0]):
                del mix["image"], mix["thumbs"]
            elif not any(pages >= LONG_DOCUMENT for _, pages in docs):
                del mix["thumbs"]
            stats = Stats()
            client_cpu = time.process_time()
            started = time.monotonic()
            stop_at = started + args.duration
            await asyncio.gather(
                *(
                    client_loop(
                        client,
                        random.Random(args.seed + i),
                        docs,
                        facets,
                        mix,
                        stats,
                        stop_at,
                        args.max_requests,
                    )
                    for i in range(args.concurrency)
                )
            )
            elapsed = time.monotonic() - started
            report = summarise(stats, elapsed, args, len(docs))
            report["mix"] = mix
            # this client shares the machine with the server: say how much of it it took
            report["client_cpu_share"] = round((time.process_time() - client_cpu) / elapsed, 2)
            if server.poll() is not None:
                log.seek(0)
                report["server_exit"] = server.returncode
                report["server_log_tail"] = log.read().decode(errors="replace")[-4000:]
            return report
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="index directory to serve")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (60)")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent clients (16)")
    parser.add_argument(
        "--server-workers", type=int, default=None, help="passed as readingroom serve --workers"
    )
    parser.add_argument(
        "--max-requests", type=int, default=1_000_000, help="stop after this many requests"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout, s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--fresh-images", action="store_true", help="empty the index's page image cache first"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.index.is_dir():
        parser.error(f"no index at {args.index}")
    if not 0 < args.duration <= 3600 or not 0 < args.concurrency <= 1000:
        parser.error("--duration must be in (0, 3600] and --concurrency in (0, 1000]")
    report = asyncio.run(run(args))
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
