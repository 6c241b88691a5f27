"""Drawing laid-out pages into PDF bytes, including simulated scans.

Scanned pages are drawn on a scratch canvas, rasterised with pypdfium2 at ``SCAN_DPI`` in
grayscale, degraded with Pillow (rotation, skew, blur, contrast loss, speckles) and embedded as
a grayscale JPEG that is the page's only content apart from a Bates stamp.
"""

from __future__ import annotations

import io
import random

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from .layout import Page

SCAN_DPI = 200
JPEG_QUALITY = 50
BATES_FONT = ("Helvetica-Bold", 9)


def draw_ops(canvas: Canvas, page: Page) -> None:
    """Replay a page's drawing operations."""
    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, y, font, size, text, gray = op
            canvas.setFillGray(gray)
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        elif kind == "rect":
            _, x, y, w, h = op
            canvas.setFillGray(0)
            canvas.rect(x, y, w, h, stroke=0, fill=1)
        elif kind == "line":
            _, x1, y1, x2, y2, weight = op
            canvas.setLineWidth(weight)
            canvas.line(x1, y1, x2, y2)
        elif kind == "box":
            _, x, y, w, h, weight = op
            canvas.setLineWidth(weight)
            canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.setFillGray(0)


def rasterise(page: Page) -> Image.Image:
    """Render a page's operations to a grayscale image."""
    buf = io.BytesIO()
    scratch = Canvas(buf, pagesize=page.size)
    draw_ops(scratch, page)
    scratch.showPage()
    scratch.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    image = pdf[0].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    return image


def degrade(image: Image.Image, rotation: int, seed: int) -> Image.Image:
    """Make a clean rendering look like a photocopied, scanned sheet."""
    rng = random.Random(seed)
    if rotation:
        image = image.rotate(rotation, expand=True)
    angle = rng.choice([-1, 1]) * rng.uniform(0.3, 1.5)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    low, high = rng.randint(25, 45), rng.randint(228, 242)
    image = image.point(lambda v: low + v * (high - low) // 255)
    w, h = image.size
    small = Image.frombytes("L", (w // 3, h // 3), rng.randbytes((w // 3) * (h // 3)))
    specks = small.point(lambda v: 60 if v < 1 else 255).resize((w, h), Image.Resampling.NEAREST)
    image = ImageChops.darker(image, specks.filter(ImageFilter.GaussianBlur(0.8)))
    return image


def scan_jpeg(page: Page, seed: int) -> bytes:
    """The JPEG bytes of a page's simulated scan."""
    image = degrade(rasterise(page), page.rotation, seed)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def scanned_size(page: Page) -> tuple[float, float]:
    """Size of the output page holding a scan (swapped for sideways scans)."""
    w, h = page.size
    return (h, w) if page.rotation in (90, 270) else (w, h)


def draw_bates(canvas: Canvas, size: tuple[float, float], bates: str) -> None:
    """Stamp a Bates number at the bottom right."""
    font, points = BATES_FONT
    canvas.setFillGray(0)
    canvas.setFont(font, points)
    canvas.drawRightString(size[0] - 36, 22, bates)


def render_pdf(pages: list[Page], title: str, author: str, subject: str, seed: int) -> bytes:
    """Draw all pages into one PDF and return its bytes."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=pages[0].size, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("Reading Room sample generator (invented records)")
    for number, page in enumerate(pages, start=1):
        if page.scanned:
            size = scanned_size(page)
            canvas.setPageSize(size)
            jpeg = scan_jpeg(page, seed * 1000 + number)
            canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, size[0], size[1])
        else:
            size = page.size
            canvas.setPageSize(size)
            draw_ops(canvas, page)
        if page.bates:
            draw_bates(canvas, size, page.bates)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()
