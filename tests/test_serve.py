"""`readingroom serve` for real: uvicorn on a loopback port, with several worker processes."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, json.loads(response.read())


def test_serve_answers_from_several_processes(sample_index):
    port = free_port()
    command = [sys.executable, "-m", "app.cli", "serve", "--index", str(sample_index)]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                status, health = get(f"{base}/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.2)
        assert status == 200 and health["documents"] > 40
        for _ in range(6):  # requests spread over both processes
            status, data = get(f"{base}/api/search?q=%22license+plate%22")
            assert status == 200 and data["total"] > 0
    finally:
        server.terminate()
        server.wait(timeout=20)
