"""Drawing pages as images: PNGs for the site, grayscale images for OCR."""

from __future__ import annotations

import io
from collections import OrderedDict
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ._pdfium import exclusive, open_document


class PageRenderer:
    """Draws pages as PNG images, keeping the last few files it drew from open: opening a
    long release and finding a page in it took 10 ms, drawing a thumbnail of it 1 to 3 ms.
    The open files are PDFium's and are closed here, under the lock, when they drop out of
    the few or when ``close`` is called."""

    def __init__(self, keep: int = 8) -> None:
        self.keep = keep
        self._open: OrderedDict[tuple[str, int, int], pdfium.PdfDocument] = OrderedDict()

    def png(self, path: Path, number: int, width: int) -> bytes:
        """Page ``number`` (1-based) as a PNG ``width`` pixels wide. Only the drawing holds
        the PDFium lock; the PNG is encoded after it is let go."""
        image = self._draw(path, number, width)
        if image.width != width:  # PDFium rounds the size up
            image = image.resize((width, round(image.height * width / image.width)))
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=3)
        return out.getvalue()

    @exclusive
    def _draw(self, path: Path, number: int, width: int) -> Image.Image:
        stat = path.stat()  # a file replaced under the same name is opened again
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        doc = self._open.pop(key, None) or open_document(path)
        self._open[key] = doc
        try:
            return _draw_page(doc, number, width=width)
        finally:
            while len(self._open) > self.keep:
                self._open.popitem(last=False)[1].close()

    @exclusive
    def close(self) -> None:
        while self._open:
            self._open.popitem()[1].close()


@exclusive
def render_gray(path: Path | str, number: int, dpi: int) -> Image.Image:
    """Page ``number`` (1-based) rendered as a grayscale image at ``dpi``, for OCR."""
    doc = open_document(path)
    try:
        return _draw_page(doc, number, dpi=dpi)
    finally:
        doc.close()


def _draw_page(
    doc: pdfium.PdfDocument, number: int, *, width: int | None = None, dpi: int | None = None
) -> Image.Image:
    """A page drawn in grayscale, ``width`` pixels wide or at ``dpi``; call under the lock."""
    page = doc[number - 1]
    try:
        if width is not None:
            upright = page.get_rotation() % 180 == 0
            scale = width / (page.get_width() if upright else page.get_height())
        else:
            scale = (dpi or 72) / 72
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            # a copy: the image PDFium drew shares the bitmap's memory, and the bitmap is
            # closed now, under the lock, not whenever the image is collected
            image: Image.Image = bitmap.to_pil().copy()
            return image
        finally:
            bitmap.close()
    finally:
        page.close()
