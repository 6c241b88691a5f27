"""A small page-layout engine that records exactly what lands on each page.

Pages are kept as lists of drawing operations so that they can be drawn either directly on the
output canvas or on a scratch canvas that is then rasterised into a "scanned" image.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth

from .markup import Entity, Piece, Redaction, parse

LABEL_FONT = "Helvetica-Bold"
Segment = tuple[str, Entity | None] | Redaction
Word = list[Segment]
Op = tuple


@dataclass
class Page:
    """One laid-out page: its drawing operations and the truth about it."""

    size: tuple[float, float]
    ops: list[Op] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    entities: dict[str, set] = field(default_factory=dict)
    redactions: list[Redaction] = field(default_factory=list)
    scanned: bool = False
    rotation: int = 0
    bates: str | None = None

    def note(self, entity: Entity) -> None:
        """Record an entity mention on this page."""
        self.entities.setdefault(entity.kind, set()).add(entity.canonical)
        if entity.kind == "money":
            self.entities.setdefault("money_text", set()).add(entity.printed)


def words_of(pieces: list[Piece]) -> list[Word]:
    """Split parsed markup into words; entity text keeps its entity on every word."""
    words: list[Word] = [[]]
    for piece in pieces:
        if isinstance(piece, Redaction):
            words[-1].append(piece)
            continue
        text, entity = piece
        for i, part in enumerate(text.split(" ")):
            if i > 0:
                words.append([])
            if part:
                words[-1].append((part, entity))
    return [w for w in words if w]


def label_size(size: float) -> float:
    """Font size of a redaction label for body text of ``size``."""
    return max(6.0, size - 3)


def seg_width(seg: Segment, font: str, size: float) -> float:
    """Width of one segment; a redaction box is at least as wide as its label."""
    if isinstance(seg, Redaction):
        hidden = stringWidth(seg.hidden, font, size)
        return max(hidden, stringWidth(seg.label_text, LABEL_FONT, label_size(size)) + 4)
    return stringWidth(seg[0], font, size)


def word_width(word: Word, font: str, size: float) -> float:
    """Width of a word."""
    return sum(seg_width(s, font, size) for s in word)


def word_text(word: Word) -> str:
    """Visible text of a word."""
    return "".join(s.label_text if isinstance(s, Redaction) else s[0] for s in word)


def wrap(words: list[Word], font: str, size: float, width: float) -> list[list[Word]]:
    """Greedy line breaking."""
    lines: list[list[Word]] = []
    current: list[Word] = []
    used = 0.0
    space = stringWidth(" ", font, size)
    for word in words:
        w = word_width(word, font, size)
        if current and used + space + w > width:
            lines.append(current)
            current, used = [], 0.0
        used += (space if current else 0) + w
        current.append(word)
    if current:
        lines.append(current)
    return lines


class Writer:
    """Lays out content top to bottom, starting new pages as needed."""

    def __init__(
        self,
        size: tuple[float, float] = letter,
        margin: float = 72,
        top: float = 72,
        bottom: float = 72,
        header: Callable[[Writer], None] | None = None,
        footer: Callable[[Writer], None] | None = None,
        total: int = 0,
    ) -> None:
        self.size = size
        self.margin = margin
        self.top = top
        self.bottom = bottom
        self.header = header
        self.footer = footer
        self.total = total
        self.pages: list[Page] = []
        self.y = 0.0
        self.in_footer = False
        self.new_page()

    @property
    def page(self) -> Page:
        """The current page."""
        return self.pages[-1]

    @property
    def number(self) -> int:
        """1-based number of the current page."""
        return len(self.pages)

    @property
    def width(self) -> float:
        """Usable text width."""
        return self.size[0] - 2 * self.margin

    def close_page(self) -> None:
        """Run the footer on the current page."""
        if self.footer:
            self.in_footer = True
            self.footer(self)
            self.in_footer = False

    def new_page(self) -> None:
        """Finish the current page (if any) and start a fresh one."""
        if self.pages:
            self.close_page()
        self.pages.append(Page(self.size))
        self.y = self.size[1] - self.top
        if self.header:
            self.header(self)

    def ensure(self, height: float) -> None:
        """Break the page unless ``height`` points still fit."""
        if self.y - height < self.bottom and not self.in_footer:
            self.new_page()

    def space(self, height: float) -> None:
        """Vertical gap (swallowed at the top of a page)."""
        self.y -= height

    def draw_words(self, line: list[Word], x: float, y: float, font: str, size: float) -> str:
        """Draw one line of words at a baseline; return its visible text."""
        space = stringWidth(" ", font, size)
        run, run_x, cursor = "", x, x
        for i, word in enumerate(line):
            if i:
                run += " "
                cursor += space
            for seg in word:
                width = seg_width(seg, font, size)
                if isinstance(seg, Redaction):
                    if run:
                        self.page.ops.append(("text", run_x, y, font, size, run, 0))
                    lsize = label_size(size)
                    self.page.ops.append(("rect", cursor, y - size * 0.25, width, size * 1.05))
                    self.page.ops.append(
                        ("text", cursor + 2, y + 0.5, LABEL_FONT, lsize, seg.label_text, 1)
                    )
                    self.page.redactions.append(seg)
                    for label in seg.labels:
                        self.page.note(Entity("exemption", label, label))
                    run, run_x = "", cursor + width
                else:
                    run += seg[0]
                    if seg[1] is not None:
                        self.page.note(seg[1])
                cursor += width
        if run.strip():
            self.page.ops.append(("text", run_x, y, font, size, run, 0))
        text = " ".join(word_text(w) for w in line)
        self.page.lines.append(text)
        return text

    def para(
        self,
        markup: str,
        font: str = "Times-Roman",
        size: float = 11,
        leading: float | None = None,
        indent: float = 0,
        after: float | None = None,
        align: str = "left",
        width: float | None = None,
    ) -> None:
        """A wrapped paragraph."""
        leading = leading or size * 1.25
        width = (width or self.width) - indent
        for line in wrap(words_of(parse(markup)), font, size, width):
            self.ensure(leading)
            self.y -= leading
            x = self.margin + indent
            if align != "left":
                used = word_width_line(line, font, size)
                x += (width - used) / (2 if align == "center" else 1)
            self.draw_words(line, x, self.y, font, size)
        self.y -= size * 0.5 if after is None else after

    def kv(
        self,
        label: str,
        value: str,
        label_width: float = 70,
        size: float = 11,
        font: str = "Times-Roman",
        bold: str = "Times-Bold",
        after: float = 0,
    ) -> None:
        """A ``Label: value`` line with the value wrapped under itself."""
        lines = wrap(words_of(parse(value)), font, size, self.width - label_width) or [[]]
        leading = size * 1.2
        for i, line in enumerate(lines):
            self.ensure(leading)
            self.y -= leading
            x = self.margin + label_width
            if i == 0:
                self.page.ops.append(("text", self.margin, self.y, bold, size, label, 0))
                label_line = label
                if line:
                    label_line += " " + self.draw_words(line, x, self.y, font, size)
                    self.page.lines[-1] = label_line
                else:
                    self.page.lines.append(label_line)
            else:
                self.draw_words(line, x, self.y, font, size)
        self.y -= after

    def rule(self, weight: float = 0.75, gap: float = 6) -> None:
        """A horizontal rule across the text width."""
        self.y -= gap
        self.page.ops.append(
            ("line", self.margin, self.y, self.size[0] - self.margin, self.y, weight)
        )
        self.y -= gap

    def table(
        self,
        columns: list[tuple[str, float]],
        rows: list[list[str]],
        size: float = 8,
        font: str = "Helvetica",
        title: str | None = None,
    ) -> None:
        """A ruled table; column widths are fractions of the text width. Rows never split."""
        widths = [frac * self.width for _, frac in columns]
        leading = size * 1.25
        pad = 4

        def cell_lines(text: str, width: float, cell_font: str) -> list[list[Word]]:
            return wrap(words_of(parse(text)), cell_font, size, width - 2 * pad) or [[]]

        def draw_row(cells: list[str], cell_font: str) -> None:
            wrapped = [cell_lines(c, w, cell_font) for c, w in zip(cells, widths, strict=True)]
            height = max(len(w) for w in wrapped) * leading + pad
            top = self.y
            for k in range(max(len(w) for w in wrapped)):
                parts = []
                x = self.margin
                for lines, width in zip(wrapped, widths, strict=True):
                    if k < len(lines) and lines[k]:
                        y = top - pad - (k + 1) * leading + size * 0.3
                        parts.append(self.draw_words(lines[k], x + pad, y, cell_font, size))
                        self.page.lines.pop()
                    x += width
                self.page.lines.append(" ".join(parts))
            self.page.ops.append(("box", self.margin, top - height, sum(widths), height, 0.5))
            x = self.margin
            for width in widths[:-1]:
                x += width
                self.page.ops.append(("line", x, top, x, top - height, 0.5))
            self.y = top - height

        def header() -> None:
            if title:
                self.para(title, font="Helvetica-Bold", size=size + 2, after=4)
            draw_row([name for name, _ in columns], "Helvetica-Bold")

        header()
        for row in rows:
            need = (
                max(len(cell_lines(c, w, font)) for c, w in zip(row, widths, strict=True)) * leading
                + pad
            )
            if self.y - need < self.bottom:
                self.new_page()
                header()
            draw_row(row, font)
        self.y -= 10

    def finish(self) -> list[Page]:
        """Close the last page and return all pages."""
        self.close_page()
        return self.pages


def word_width_line(line: list[Word], font: str, size: float) -> float:
    """Width of a laid-out line including spaces."""
    space = stringWidth(" ", font, size)
    return sum(word_width(w, font, size) for w in line) + space * (len(line) - 1)


def layout(build: Callable[[Writer], None], **options: object) -> list[Page]:
    """Lay a document out twice so that footers can print the total page count."""
    first = Writer(**options)  # type: ignore[arg-type]
    build(first)
    total = len(first.finish())
    second = Writer(total=total, **options)  # type: ignore[arg-type]
    build(second)
    return second.finish()
