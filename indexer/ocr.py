"""OCR of pages that have no usable text layer, with Tesseract, cached by the page's pixels.

Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): on two cores its own threads made it
about five times slower per page than one process per core. A page is OCR'd upright first;
only when that reads poorly does Tesseract's orientation detection run, and the page is read
again turned the way it says. Results are cached under the SHA-256 of the rendered image, so
a page is never OCR'd twice, whichever file or run it comes from.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import statistics
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract

from .errors import OcrUnavailable

OCR_DPI = 300  # for pages whose resolution is unknown; scans are read at their own, 150-300
LANGUAGE = "eng"
# Mean word confidence below which orientation is checked. Upright sample scans read at
# 57-82 (dense tables lowest), pages turned 90 or 180 degrees at 22-33.
GOOD_CONFIDENCE = 45.0
PAGE_TIMEOUT = 120  # seconds Tesseract may spend on one pass over one page
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float
    rotation: int  # degrees the image was turned clockwise to read it


def check_tesseract() -> str:
    """Tesseract's version, or OcrUnavailable with the command that installs it."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable(
            "Tesseract is not installed, so scanned pages cannot be read. Install it with "
            "'apt-get install tesseract-ocr' (Debian/Ubuntu), or index with --ocr off."
        )
    return str(pytesseract.get_tesseract_version())


def engine_signature() -> str:
    """What the cache key must change with: the engine's version, language and settings."""
    return f"tesseract-{check_tesseract()}-{LANGUAGE}"


def render_dpi(image_dpi: float | None) -> int:
    """Read a scan at its own resolution: more pixels add time, not letters."""
    if not image_dpi:
        return OCR_DPI
    return int(min(300, max(150, round(image_dpi))))


def image_key(image: Image.Image) -> str:
    digest = hashlib.sha256()
    digest.update(f"{image.mode}{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def recognise(image: Image.Image) -> OcrResult:
    """The text of a page image, turned upright first when it is rotated."""
    first = _read(image, 0)
    if first.confidence >= GOOD_CONFIDENCE and len(_WORD.findall(first.text)) >= 5:
        return first
    rotation = _orientation(image)
    if rotation == 0:
        return first
    turned = _read(image.rotate(-rotation, expand=True), rotation)
    return turned if turned.confidence > first.confidence else first


def _read(image: Image.Image, rotation: int) -> OcrResult:
    data = pytesseract.image_to_data(
        image, lang=LANGUAGE, output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT
    )
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    for i, word in enumerate(data["text"]):
        if not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
        if float(data["conf"][i]) >= 0:
            confidences.append(float(data["conf"][i]))
    text = "\n".join(" ".join(words) for words in lines.values())
    return OcrResult(text, statistics.fmean(confidences) if confidences else 0.0, rotation)


def _orientation(image: Image.Image) -> int:
    try:
        osd = pytesseract.image_to_osd(
            image, output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT
        )
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell
    return int(osd.get("rotate", 0)) % 360


class OcrCache:
    """OCR text by image key, in a SQLite file beside the index; safe for several processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS ocr (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
            "confidence REAL NOT NULL, rotation INTEGER NOT NULL)"
        )
        self._db.commit()

    def get(self, key: str) -> OcrResult | None:
        row = self._db.execute(
            "SELECT text, confidence, rotation FROM ocr WHERE key = ?", (key,)
        ).fetchone()
        return OcrResult(*row) if row else None

    def put(self, key: str, result: OcrResult) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO ocr VALUES (?, ?, ?, ?)",
            (key, result.text, result.confidence, result.rotation),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


_UNUSUAL = re.compile(r"[^\w.,;:()/\-$%&'\"]")
_VOWEL = re.compile("[aeiouyAEIOUY]")


def text_is_garbage(text: str) -> bool:
    """A text layer that cannot be searched even though it has characters: one character per
    line (a degenerate printout), or a broken font encoding (symbols, no vowels)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) >= 15 and sum(len(line) <= 1 for line in lines) >= 0.8 * len(lines):
        return True
    chars = "".join(text.split())
    if len(chars) < 40:
        return False
    # letters, digits and common punctuation; \w is isalnum() plus the underscore
    unusual = len(_UNUSUAL.findall(chars)) + chars.count("_")
    if 1 - unusual / len(chars) < 0.6:
        return True
    words = _WORD.findall(text)
    if len(words) < 10:
        return False
    vowelless = sum(1 for w in words if not _VOWEL.search(w)) / len(words)
    return vowelless > 0.5
