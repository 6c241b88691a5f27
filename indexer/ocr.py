"""OCR of pages that have no usable text layer, with Tesseract, cached by the page's pixels.

Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): on two cores its own threads made it
about five times slower per page than one process per core. A page is OCR'd upright first;
only when that reads poorly does Tesseract's orientation detection run, and the page is read
again turned the way it says. Results are cached under the SHA-256 of the rendered image, so
a page is never OCR'd twice, whichever file or run it comes from.

Whether a text layer is usable is judged here too (``text_is_garbage``), by how much of it
reads as English: its words are looked up in pyspellchecker's English dictionary, a
maintained word list loaded once per process; a page's judgement costs about a tenth of a
millisecond.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import sqlite3
import statistics
import string
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from spellchecker import SpellChecker

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract

from .errors import OcrUnavailable

OCR_DPI = 300  # for pages whose resolution is unknown; scans are read at their own, 150-300
MAX_DPI = 400  # enlarging further adds time, not letters
SMALL_PRINT_CONFIDENCE = 70.0  # a first read below this, under 300 dpi, is tried enlarged
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


def enlarged_dpi(dpi: int, confidence: float) -> int | None:
    """The resolution to read a page at again, when its first read was poor and the page was
    rendered below 300 dpi: small print (a spreadsheet printed to a page, scanned at 160 dpi)
    has letters too few pixels high for Tesseract, which reads them at twice the size. On the
    real records such pages read at a mean word confidence of 45 to 54 and at 87 to 91 when
    enlarged, while other pages read at 78 and up, so only small print pays for a second read."""
    if confidence >= SMALL_PRINT_CONFIDENCE or dpi >= 300:
        return None
    return min(MAX_DPI, 2 * dpi)


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
# punctuation around a word, stripped before it is looked up
_EDGE = string.punctuation + string.whitespace + "\u00a0\u2010\u2011“”‘’«»–—•·…§¶"
_NOT_JUDGED = re.compile(r"[\d@./]")  # numbers, codes, addresses: no word list has them
_JOINS = re.compile("[-'\u2010\u2011]")  # compounds and possessives, judged by their parts
_LETTERS_AT_ENDS = re.compile(r"^[^a-z]+|[^a-z]+$")
MIN_WORDS = 10  # fewer words to judge than this tell nothing about a text layer
# The share of a text layer's words that must be English words. Printed records read at 0.55
# and up (a table of names and codes the lowest; running text 0.9); a layer whose font maps
# each letter to another reads under 0.1. A layer drawn over a scan is someone's OCR, which
# Tesseract read better wherever it read under 0.7 (0.47 to 0.76 on handwritten logs, 0.29 to
# 0.66 on screenshots, in the real records).
WORDLIKE = 0.5
WORDLIKE_OVER_SCAN = 0.7
# A layer over a scan that reads less English than this is someone's OCR with words split or
# lost ("WESTERN DI STRICT", a line dropped); Tesseract's reading is added to it. Layers over
# scans in the real records read at 0.7 to 1.0, a fifth of them under 0.9.
SUPPLEMENT_OVER_SCAN = 0.9
SHIFTED_WORDS = 8  # words that one shift of character codes makes English: a shifted font
# A layer this English has too little text in a shifted font to need OCR (pages with a
# paragraph or more in one read at 0.65 to 0.86) and is not tried for it
SHIFT_CHECK_BELOW = 0.9
JUDGED_CHARS = 4000  # a longer text is judged on stretches of it this long in all, spread over it
SHIFT_SAMPLE = 40  # unknown words tried under each shift


@functools.cache
def english_words() -> dict[str, int]:
    """The English dictionary of pyspellchecker (160,000 words, lower case, with how often
    each is used), loaded once per process in a fifth of a second."""
    return SpellChecker(language="en").word_frequency.dictionary


def text_is_garbage(text: str, *, over_scan: bool = False) -> bool:
    """Whether a text layer cannot be searched although it has characters: one character per
    line (a degenerate printout); symbols where letters should be (mojibake); too few English
    words (a font whose encoding maps each letter to another, or poor OCR under
    ``over_scan``); or words that one shift of character codes turns into English (a font
    whose letters are shifted, even when only part of the page is set in it)."""
    return _judged_layer(text, over_scan)[0]


def layer_fault(text: str, *, over_scan: bool) -> str:
    """What is wrong with a text layer, judged once: "garbled" (``text_is_garbage``), "noisy"
    (over a scan, usable but under SUPPLEMENT_OVER_SCAN English), or "" (nothing)."""
    garbage, likeness = _judged_layer(text, over_scan)
    if garbage:
        return "garbled"
    if over_scan and likeness is not None and likeness < SUPPLEMENT_OVER_SCAN:
        return "noisy"
    return ""


def _judged_layer(text: str, over_scan: bool) -> tuple[bool, float | None]:
    """Whether a layer is garbage, and its word likeness where it was measured."""
    text = _stretches(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) >= 15 and sum(len(line) <= 1 for line in lines) >= 0.8 * len(lines):
        return True, None
    chars = "".join(text.split())
    if len(chars) < 40:
        return False, word_likeness(text)
    # letters, digits and common punctuation; \w is isalnum() plus the underscore
    unusual = len(_UNUSUAL.findall(chars)) + chars.count("_")
    if 1 - unusual / len(chars) < 0.6:
        return True, None
    judged, unknown = _judge(text)
    if judged < MIN_WORDS:
        return False, None
    likeness = 1 - len(unknown) / judged
    if likeness < (WORDLIKE_OVER_SCAN if over_scan else WORDLIKE):
        return True, likeness
    return likeness < SHIFT_CHECK_BELOW and _shifted(unknown), likeness


def word_likeness(text: str) -> float | None:
    """The share of a text's words that are English words, or None when it has fewer than
    MIN_WORDS to judge."""
    judged, unknown = _judge(_stretches(text))
    return 1 - len(unknown) / judged if judged >= MIN_WORDS else None


def _stretches(text: str) -> str:
    """A text longer than JUDGED_CHARS (a table in a tiny font) as eight stretches of it, spread
    over it, that long in all: enough to judge it by."""
    if len(text) <= JUDGED_CHARS:
        return text
    step, length = len(text) // 8, JUDGED_CHARS // 8
    return "\n".join(text[start : start + length] for start in range(0, 8 * step, step))


def _judge(text: str) -> tuple[int, list[str]]:
    """How many of a text's words can be judged, and those (as written) that are not English.
    A word is judged when it has three or more characters, at least one a letter, and is no
    number, code, address or acronym of five capitals or fewer (ICE, FOIA)."""
    words = english_words()
    tokens = text.split()
    judged = 0
    unknown = []
    for token in tokens:
        if token.isalpha():  # most words: no punctuation to strip
            core = token
            if len(core) < 3 or (len(core) <= 5 and core.isupper()):
                continue
        else:
            core = token.strip(_EDGE)
            if len(core) < 3:
                continue
            if core.isalpha():
                if len(core) <= 5 and core.isupper():
                    continue
            elif _NOT_JUDGED.search(core) or not any(map(str.isalpha, core)):
                continue
        judged += 1
        word = core.lower()
        if word not in words and not _is_compound(word, words):
            unknown.append(token)
    return judged, unknown


def _is_compound(word: str, words: dict[str, int]) -> bool:
    """A possessive or a compound of English words (agency's, data-sharing)."""
    word = word.replace("’", "'")
    if word.endswith("'s") and word[:-2] in words:
        return True
    parts = [part for part in _JOINS.split(word) if part]
    return len(parts) > 1 and all(part in words for part in parts)


def _shifted(unknown: list[str]) -> bool:
    """Whether one shift of character codes turns many of these words into English: the text
    of a font whose encoding maps each letter to another by a fixed offset ("i]Z" for "the").
    The shifts tried take the commonest characters to "e". A shifted word keeps its length, less
    what became punctuation at its ends (at most a character each side: more, and a fragment
    would pass for a word)."""
    sample = list(dict.fromkeys(unknown))[:SHIFT_SAMPLE]
    if len(sample) < SHIFTED_WORDS:
        return False
    needed = max(SHIFTED_WORDS, len(sample) / 3)
    common = Counter("".join(sample)).most_common(4)
    # a shift of 32 only changes case, and lower case is how words are looked up
    shifts = {ord(target) - ord(char) for char, _ in common for target in "eE"} - {0, 32, -32}
    chars = {ord(char) for char in "".join(sample)}
    words = english_words()
    for shift in shifts:
        table = {char: min(0x10FFFF, max(0, char + shift)) for char in chars}
        hits = 0
        for tried, token in enumerate(sample):
            word = _LETTERS_AT_ENDS.sub("", token.translate(table).lower())
            if len(word) >= max(3, len(token) - 2) and (word in words or _is_compound(word, words)):
                hits += 1
                if hits >= needed:
                    return True
            elif tried + 1 - hits > len(sample) - needed:
                break  # too many misses to reach it
    return False
