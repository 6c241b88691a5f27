"""Page images, rendered on first request and kept on disk beside the index."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from indexer import pdf

# A few sizes only, so the cache on disk cannot be filled with every width someone asks for.
WIDTHS = {"thumb": 200, "page": 900, "large": 1600}


def page_png(index_dir: Path, doc_id: str, source: Path, number: int, width: int) -> bytes:
    cached = index_dir / "images" / doc_id / f"{number}-{width}.png"
    if cached.exists():
        return cached.read_bytes()
    png = pdf.render_png(source, number, width)
    cached.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(png)
    os.replace(tmp, cached)  # atomic: a reader never sees half an image
    return png
