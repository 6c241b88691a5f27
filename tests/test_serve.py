"""`readingroom serve` for real: uvicorn on a loopback port, with several worker processes."""

import json
import urllib.request

from .serving import running_server


def get(url: str) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, json.loads(response.read())


def test_serve_answers_from_several_processes(sample_index):
    with running_server(sample_index, workers=2) as base:
        status, health = get(f"{base}/healthz")
        assert status == 200 and health["documents"] > 40
        for _ in range(6):  # requests spread over both processes
            status, data = get(f"{base}/api/search?q=%22license+plate%22")
            assert status == 200 and data["total"] > 0
