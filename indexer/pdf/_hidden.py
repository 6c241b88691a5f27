"""The text of a page's text layer that dark boxes hide: a redaction drawn over the text
instead of removing it."""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium

from . import _capi as c
from ._objects import Cover, ObjectScan
from ._text import BoundedText, clean_text


class Hidden:
    """The characters of a page's text layer that dark boxes hide, and the page's text
    without them.

    A box hides a character whose centre lies inside it if the character was drawn before
    the box, or after it but painting nothing or nothing lighter than the box (dark text on
    a dark box cannot be read). Light text drawn on the box is its label and stays. The
    page's text shows ``MARKER`` where hidden characters were."""

    MARKER = "█████"

    def __init__(self, textpage: int, suspects: list[Cover], text_order: dict[int, int]):
        self.chars: list[str] = []
        self.centres: list[tuple[float, float] | None] = []
        self.hidden: set[int] = set()
        self.counts: dict[int, int] = {}  # a box's place in the drawing order -> characters
        box = [ctypes.c_double() for _ in range(4)]
        box_refs = [ctypes.byref(value) for value in box]
        left, right, bottom, top = box
        for i in range(c.COUNT_CHARS(textpage)):
            code = c.CHAR_UNICODE(textpage, i)
            # as in PDFium's text of the page: a soft hyphen is U+FFFE, cleaned away later
            char = "\ufffe" if code == 2 else chr(code) if code <= 0x10FFFF else "\ufffd"
            self.chars.append(char)
            if char.isspace() or not c.CHAR_BOX(textpage, i, *box_refs):
                self.centres.append(None)
                continue
            x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
            self.centres.append((x, y))
            for cover in suspects:
                x0, y0, x1, y1 = cover.bounds
                if x0 <= x <= x1 and y0 <= y <= y1 and _hides(textpage, i, cover, text_order):
                    self.hidden.add(i)
                    self.counts[cover.order] = self.counts.get(cover.order, 0) + 1
                    break

    @classmethod
    def find(
        cls, textpage: pdfium.PdfTextPage, bounded: BoundedText, objects: ObjectScan
    ) -> Hidden | None:
        """What the page's boxes hide, or None when they hide nothing. Most boxes have no
        text under them (the redaction removed it), which one bounded read per box tells;
        only a page with text under a box is read character by character."""
        suspects = [
            cover
            for cover in objects.covers
            if bounded(*_shrunk(cover.bounds)).strip()  # text somewhere inside the box
        ]
        if not suspects:
            return None
        found = cls(c.address(textpage.raw), suspects, objects.text_order)
        return found if found.hidden else None

    def text(self) -> str:
        """The page's text, each run of hidden characters (and the spaces within the run)
        replaced by one marker."""
        chars = [
            "\x00" if i in self.hidden else char.replace("\x00", "")
            for i, char in enumerate(self.chars)
        ]
        return clean_text(re.sub(r"\x00(?:\s*\x00)*", self.MARKER, "".join(chars)))

    def region(self, left: float, bottom: float, right: float, top: float) -> str:
        """The visible characters whose centres lie in a rectangle, in reading order, a
        space or a line break where others were skipped."""
        parts: list[str] = []
        gap = ""
        chars, hidden = self.chars, self.hidden  # locals: a page's every character is tried
        for i, centre in enumerate(self.centres):
            if (
                centre is not None
                and left <= centre[0] <= right
                and bottom <= centre[1] <= top
                and i not in hidden
            ):
                if gap:
                    parts.append(gap)
                    gap = ""
                parts.append(chars[i])
            elif parts and gap != "\n":
                gap = "\n" if chars[i] in "\r\n" else " "
        return clean_text("".join(parts))


def _shrunk(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A box's inside, a point in from each edge, so text beside it does not count."""
    x0, y0, x1, y1 = bounds
    return x0 + 1, y0 + 1, x1 - 1, y1 - 1


def _hides(textpage: int, index: int, cover: Cover, text_order: dict[int, int]) -> bool:
    """Whether a character inside a box is hidden by it (see ``Hidden``)."""
    obj = c.CHAR_OBJECT(textpage, index)
    drawn = text_order.get(obj)
    if drawn is None or drawn < cover.order:  # under the box (or in a form not walked)
        return True
    mode = c.RENDER_MODE(obj)
    if mode in c.INVISIBLE_MODES:
        return True
    colour = [ctypes.c_uint() for _ in range(4)]
    read = c.CHAR_STROKE if mode in c.STROKED_MODES else c.CHAR_FILL
    if not read(textpage, index, *[ctypes.byref(value) for value in colour]):
        return True
    r, g, b, a = (value.value for value in colour)
    return a < 128 or 0.299 * r + 0.587 * g + 0.114 * b < 128
