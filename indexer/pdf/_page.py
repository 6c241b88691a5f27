"""Reading a document: its information dictionary and, for each page, the text and the facts
about its layout that the indexer interprets (margins, scans, redaction boxes)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from ._hidden import Hidden
from ._objects import ObjectScan, scan_objects
from ._pdfium import exclusive, open_document
from ._text import BoundedText, clean_text, text_cover

MARGIN_FRACTION = 0.09  # header and footer bands where stamps live, as a share of page height
MIN_BODY_CHARS = 25  # fewer word characters than this outside the margins: no usable text layer
# images covering this share of a page without a usable text layer make it a scan: a flattened
# page may come as tiles over its ink alone (a quarter of a redacted log's page)
IMAGE_COVER_FRACTION = 0.1
# images covering this share of a page make it a scan even under a text layer, whose cover of
# them is measured: a figure with text beside it covers half a page at most
SCAN_COVER_FRACTION = 0.6

_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class RawPage:
    """What the PDF says about a page before any interpretation."""

    number: int
    text: str
    width: float
    height: float
    rotation: int
    header: str
    footer: str
    image_only: bool
    image_dpi: float | None  # resolution of the largest image, for rendering scans to OCR
    boxes: tuple[Box, ...]  # dark boxes drawn on the page, and what they hide
    # share of the images' extent that the text layer's lines cover, measured on a scan with
    # a text layer (images over SCAN_COVER_FRACTION of the page); None on other pages
    text_cover: float | None = None


@dataclass(frozen=True)
class Box:
    """A dark box drawn on a page: where it is (x0, top, x1, bottom in points from the top
    left), the visible text on it or just right of it, and how many characters of the text
    layer it hides (text drawn before it, or as dark as it: the redaction was not applied to
    the text layer, and those characters are left out of the page's text)."""

    bbox: tuple[float, float, float, float]
    label: str
    hidden: int = 0


@exclusive
def read_document(path: Path | str) -> tuple[dict[str, str], list[RawPage]]:
    """The document information dictionary (Title, Author, …, empty values left out) and each
    page's text and layout facts, from one opening of the file."""
    doc = open_document(path)
    try:
        info = {key: value.strip() for key, value in doc.get_metadata_dict().items() if value}
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                pages.append(_read_page(page, index + 1))
            finally:
                page.close()
        return info, pages
    finally:
        doc.close()


def _read_page(page: pdfium.PdfPage, number: int) -> RawPage:
    width, height = page.get_size()
    objects = scan_objects(page, height)
    textpage = page.get_textpage()
    try:
        bounded = BoundedText(textpage)
        hidden = Hidden.find(textpage, bounded, objects) if objects.covers else None
        if hidden is None:
            text = clean_text(textpage.get_text_range())
            visible: Callable[[float, float, float, float], str] = bounded
        else:
            text = hidden.text()
            visible = hidden.region
        left, _, right, _ = page.get_bbox()
        band = height * MARGIN_FRACTION
        footer = visible(left, 0, right, band)
        header = visible(left, height - band, right, height)
        image_cover = min(1.0, objects.image_area / (width * height))
        # the body's text is read only on a page with images, and counted only as far as needed
        image_only = image_cover >= IMAGE_COVER_FRACTION and not _has_body(
            bounded(left, band, right, height - band)
        )
        cover = None
        if objects.image_box and not image_only and image_cover >= SCAN_COVER_FRACTION:
            cover = text_cover(textpage, objects.image_box)
        boxes = () if image_only else _boxes(objects, hidden, visible, width, height)
    finally:
        textpage.close()
    return RawPage(
        number=number,
        text=text,
        width=round(width, 2),
        height=round(height, 2),
        rotation=page.get_rotation(),
        header=header,
        footer=footer,
        image_only=image_only,
        image_dpi=objects.image_dpi,
        boxes=boxes,
        text_cover=cover,
    )


def _has_body(text: str) -> bool:
    """Whether a page's body has MIN_BODY_CHARS word characters: a usable text layer."""
    return len(list(itertools.islice(_WORD_CHAR.finditer(text), MIN_BODY_CHARS))) == MIN_BODY_CHARS


def _boxes(
    objects: ObjectScan,
    hidden: Hidden | None,
    visible: Callable[[float, float, float, float], str],
    width: float,
    height: float,
) -> tuple[Box, ...]:
    """The page's redaction boxes: dark boxes of a redaction's size, and any dark box that
    hides text."""
    found = []
    for cover in objects.covers:
        count = hidden.counts.get(cover.order, 0) if hidden else 0
        if not (cover.listed or count):
            continue
        x0, bottom, x1, top = cover.bounds
        bbox = (x0, height - top, x1, height - bottom)
        found.append(Box(bbox, _label(visible, bbox, width, height), count))
    return tuple(found)


def _label(
    visible: Callable[[float, float, float, float], str],
    box: tuple[float, float, float, float],
    width: float,
    height: float,
) -> str:
    """Visible text printed on a box or just right of it, where exemption codes are written."""
    x0, top, x1, bottom = box
    return visible(
        max(0.0, x0 - 2),
        max(0.0, height - bottom - 2),
        min(width, x1 + 160),
        min(height, height - top + 2),
    ).strip()
