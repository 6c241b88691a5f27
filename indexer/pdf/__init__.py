"""Reading PDFs: the one package that opens them.

PDFium is not thread-safe: two calls into it at once from one process corrupt its heap (seen
as a crash of the server when a browser asked for a hundred page images at once). So no
PDFium call can ever run concurrently inside one process, and this package is where that is
made true:

* of ``indexer/`` and ``app/``, only this package imports PDFium (pypdfium2) or another PDF
  library (``tests/test_layers.py`` checks it);
* every public entry (``read_document``, ``render_gray``, ``PageRenderer``'s drawing and
  ``close``) holds the process's one PDFium lock, ``_pdfium.PDFIUM``, for as long as it calls
  into PDFium, and the private modules are only called from inside those entries;
* nothing PDFium owns (a document, page, text page or bitmap) outlives the entry that made it:
  it is closed before the lock is let go, so no garbage collection closes it later from
  another thread. ``PageRenderer`` keeps a few documents open between calls, and closes them
  under the lock.

Everything per page comes through PDFium, which reads text layers at hundreds of pages a
second: the text, the text in the header and footer bands (where Bates stamps are), the page's
image and path objects (scans and redaction boxes), how much of a scan the text layer covers
(a stamp or an ECF header covers little of it), and the label printed on or beside each box.
pdfplumber's layout analysis costs about a hundred times more per page; measured on a
generated audit log with a hundred redacted names per page, confirming boxes and reading their
labels with pdfplumber took 1 s a page, PDFium's bounded text query a few milliseconds.

Inside: ``_pdfium`` the lock and opening a file, ``_page`` reading a document's pages,
``_objects`` the walk over a page's objects (images, dark boxes, drawing order) through
PDFium's C API (``_capi``), ``_text`` text in a rectangle, ``_hidden`` the text under
redaction boxes, ``_render`` drawing pages as images.
"""

from ._objects import DARK
from ._page import (
    IMAGE_COVER_FRACTION,
    MARGIN_FRACTION,
    MIN_BODY_CHARS,
    Box,
    RawPage,
    read_document,
)
from ._render import PageRenderer, render_gray
from ._text import clean_text

__all__ = [
    "DARK",
    "IMAGE_COVER_FRACTION",
    "MARGIN_FRACTION",
    "MIN_BODY_CHARS",
    "Box",
    "PageRenderer",
    "RawPage",
    "clean_text",
    "read_document",
    "render_gray",
]
