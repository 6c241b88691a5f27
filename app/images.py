"""Page images: drawn by one renderer thread per server process and kept on disk beside the
index.

Requests never draw a page themselves. PDFium runs one call at a time in a process (see
``indexer.pdf``), so a hundred thumbnails asked for at once would otherwise hold a hundred
request threads waiting on its lock, and searches would queue behind them. Instead the route
awaits a future of the renderer thread; a page asked for again while it is being drawn waits
for the same future. The renderer thread lets go of the GIL inside PDFium, so searches go on
in the request threads meanwhile (docs/PERFORMANCE.md has the figures).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from indexer import pdf
from indexer.store import Layout

# A few sizes only, so the cache on disk cannot be filled with every width someone asks for.
WIDTHS = {"thumb": 200, "page": 900, "large": 1600}


class PageImages:
    """The page images of one index. Use from the server's event loop only: the futures of
    pages being drawn are kept in a plain dict that only the loop's thread touches."""

    def __init__(self, index_dir: Path) -> None:
        self.directory = Layout(index_dir).images
        self._renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-images")
        self._pages = pdf.PageRenderer()  # used by the renderer thread only
        self._drawing: dict[Path, asyncio.Future[None]] = {}

    async def png(self, doc_id: str, source: Path, number: int, width: int) -> Path:
        """The file of page ``number`` of ``source`` as a PNG ``width`` pixels wide, drawn
        now unless an earlier request drew it."""
        cached = self.directory / doc_id / f"{number}-{width}.png"
        if cached.is_file():
            return cached
        drawing = self._drawing.get(cached)
        if drawing is None:
            loop = asyncio.get_running_loop()
            drawing = loop.run_in_executor(
                self._renderer, self._draw, cached, source, number, width
            )
            self._drawing[cached] = drawing
            drawing.add_done_callback(lambda _: self._drawing.pop(cached, None))
        # shielded: a client that goes away does not cancel a drawing others may wait for
        await asyncio.shield(drawing)
        return cached

    def close(self) -> None:
        self._renderer.shutdown(wait=True, cancel_futures=True)
        self._pages.close()

    def _draw(self, cached: Path, source: Path, number: int, width: int) -> None:
        """Draw a page into the disk cache (unless another server process just did)."""
        if cached.is_file():
            return
        png = self._pages.png(source, number, width)
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(png)
        os.replace(tmp, cached)  # atomic: a reader never sees half an image
