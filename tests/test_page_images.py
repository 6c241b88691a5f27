"""Page images under load: a browser opening a long document's page list asks for a hundred
thumbnails at once, and the server must draw them all without two PDFium calls at a time."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from indexer import pdf

from .conftest import REAL_CORPUS, build_index, requires_shared, text_only_samples
from .serving import running_server

LONG_DOCUMENT = "2d-cir_aclu-irp-v-ice_21-1233_joint-appendix-foia-litigation_2021-08-20.pdf"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.status, response.headers["Content-Type"], response.read()


@requires_shared
def test_a_hundred_concurrent_thumbnails_of_a_long_real_document(tmp_path: Path) -> None:
    source = REAL_CORPUS / LONG_DOCUMENT
    release = tmp_path / "release" / "court"
    release.mkdir(parents=True)
    shutil.copy(source, release / source.name)
    index = tmp_path / "index"
    build_index([release.parent], index, ocr="off")
    doc_id = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    # pages 1-120 once each, and page 7 twenty times more: drawn once, waited on by all
    numbers = [*range(1, 121), *[7] * 20]
    with running_server(index) as base:
        urls = [f"{base}/documents/{doc_id}/pages/{n}.png?size=thumb" for n in numbers]
        with ThreadPoolExecutor(len(urls)) as clients:
            answers = list(clients.map(fetch, urls))
        status, _, body = fetch(f"{base}/healthz")
        assert status == 200 and json.loads(body)["documents"] == 1
    assert [(status, kind) for status, kind, _ in answers] == [(200, "image/png")] * len(urls)
    for _, _, png in answers:
        assert png.startswith(PNG_SIGNATURE)
        assert Image.open(io.BytesIO(png)).width == 200
    sevens = {png for (_, _, png), n in zip(answers, numbers, strict=True) if n == 7}
    assert len(sevens) == 1


def test_pdfium_is_never_entered_by_two_threads(tmp_path: Path) -> None:
    """Threads reading and drawing one file at once all get the same whole answers (without
    the module's lock, PDFium corrupts its heap and the process dies)."""
    source = text_only_samples()[-1]
    renderer = pdf.PageRenderer(keep=1)
    try:
        with ThreadPoolExecutor(8) as threads:
            reads = [threads.submit(pdf.read_document, source) for _ in range(8)]
            draws = [threads.submit(renderer.png, source, 1, 200) for _ in range(8)]
            grays = [threads.submit(pdf.render_gray, source, 1, 100) for _ in range(8)]
            texts = {tuple(p.text for p in f.result()[1]) for f in reads}
            pngs = {f.result() for f in draws}
            sizes = {f.result().size for f in grays}
    finally:
        renderer.close()
    assert len(texts) == 1 and len(pngs) == 1 and len(sizes) == 1
