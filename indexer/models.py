"""The plain data that crosses module boundaries: PDF → pages → entities → index → query.

Everything here is a frozen dataclass of plain values so that it pickles cheaply between
worker processes and can be turned into JSON without special cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_KINDS = (
    "agency",
    "contract",
    "date",
    "exemption",
    "bates",
    "email",
    "money",
    "request",
    "vendor",
)


@dataclass(frozen=True)
class Redaction:
    """A box drawn over withheld text, with the label printed on or beside it."""

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, top-left origin
    label: str = ""
    exemptions: tuple[str, ...] = ()
    hidden: int = 0  # characters of the text layer under the box, left out of the page's text


@dataclass(frozen=True)
class Page:
    """One page as the indexer understands it."""

    number: int  # 1-based
    text: str
    width: float = 612.0
    height: float = 792.0
    rotation: int = 0
    # no usable text layer: a scan, bare or stamped, or a garbled layer (see ocr_reason); the
    # page needs OCR, and until it has it, text holds the stamps or the garbled layer, if any
    image_only: bool = False
    ocr: bool = False  # text came from OCR
    # why the text layer was not enough: "scan" (an image and no text layer over it), "stamp"
    # (a scan whose text layer covers little of it: a Bates number, a court's ECF header) or
    # "garbled" (a text layer that does not read as English); "noisy" (someone's OCR over a
    # scan, usable but missing words: Tesseract's reading is added); "" when it was enough
    ocr_reason: str = ""
    bates: str | None = None
    redactions: tuple[Redaction, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A thing a document names, in its canonical form, with where and how it was written."""

    kind: str
    value: str
    pages: tuple[int, ...]
    forms: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Extraction:
    """Everything the extraction step learns from one file's bytes."""

    sha256: str
    size: int
    title: str
    pages: tuple[Page, ...]
    entities: tuple[Entity, ...] = ()
    doc_type: str = "other"
    date: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    issuer: str | None = None  # the agency, court or firm that issued it (not one it mentions)

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Failure:
    """A file that could not be indexed, and why, in words a user can act on."""

    sha256: str | None
    size: int
    reason: str

    @property
    def doc_id(self) -> str | None:
        return self.sha256[:16] if self.sha256 else None
