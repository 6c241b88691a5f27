"""OCR of scanned pages with Tesseract: real scans, rotated ones, garbage text layers, cache."""

import shutil
import sqlite3

import pytest

from indexer.extract import Options, extract
from indexer.ocr import text_is_garbage

from .conftest import REAL_CORPUS, SAMPLE_DOCS, requires_shared

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr")


def test_one_character_per_line_is_garbage():
    assert text_is_garbage("\n".join("CONFIDENTIALITY NOTICE: this message is private"))


def test_broken_font_encoding_is_garbage():
    assert text_is_garbage("ÿþ§¶ ¤¥¦ ©ª« ®¯° ±²³ ´µ¶ ·¸¹ º»¼ ½¾¿ " * 5)
    assert text_is_garbage("Thx qrst vwxz bcdf ghjk lmnp qrst vwxz bcdf ghjk lmnp qrst xyz " * 3)


def test_ordinary_text_tables_and_transcripts_are_not_garbage():
    assert not text_is_garbage("The Department of Homeland Security procured access to data. " * 3)
    assert not text_is_garbage("Agency  State  Queries\nMesa Police Department  AZ  280\n" * 5)
    transcript = "\n".join(f"{n}\nTHE COURT: Good morning, counsel." for n in range(1, 26))
    assert not text_is_garbage(transcript)


def test_scanned_sample_page_is_searchable_on_its_page(client, truth):
    scanned = next(
        f for f in truth["files"] if f["path"].endswith("2018-03-20_Email_RE_LPR_query.pdf")
    )
    assert scanned["pages"][0]["scanned"]
    doc_id = scanned["sha256"][:16]
    page = client.get(f"/api/documents/{doc_id}/pages/1").json()
    assert page["ocr"] is True
    assert "Atlantic" in page["text"]
    data = client.get("/api/search", params={"q": "Atlantic", "per_page": 100}).json()
    row = next(r for r in data["results"] if r["id"] == doc_id)
    assert [h["page"] for h in row["hits"]] == [1]


@pytest.mark.parametrize(
    ("name", "page", "rotation"),
    [("HSI_Memo_LPR_Query_Guidance_2018-04-20.pdf", 1, 180), ("Sharing_List_2019.pdf", 2, 90)],
)
def test_rotated_scans_are_read_upright(client, truth, name, page, rotation):
    doc = next(f for f in truth["files"] if f["path"].endswith(name))
    assert doc["pages"][page - 1]["rotation"] == rotation
    data = client.get(f"/api/documents/{doc['sha256'][:16]}/pages/{page}").json()
    assert data["ocr"] is True
    expected = [w for w in doc["pages"][page - 1]["text"].split() if len(w) > 6 and w.isalpha()]
    found = sum(w in data["text"] for w in expected)
    assert found >= 0.6 * len(expected), (found, len(expected))


def test_ocr_results_are_cached_by_page_content(tmp_path):
    source = SAMPLE_DOCS / "ice-foia-2019" / "2018-03-20_Email_RE_LPR_query.pdf"
    cache = tmp_path / "ocr-cache.sqlite"
    first = extract(source, options=Options(ocr_cache=cache))
    copy = tmp_path / "renamed.pdf"
    shutil.copy(source, copy)
    second = extract(copy, options=Options(ocr_cache=cache))
    assert first.pages[0].ocr and first.pages[0].text == second.pages[0].text
    rows = sqlite3.connect(cache).execute("SELECT count(*) FROM ocr").fetchone()[0]
    assert rows == sum(p.ocr for p in first.pages)


@requires_shared
def test_real_rotated_scan_is_read():
    path = REAL_CORPUS / "usda_foia-referral-letter-to-commerce_2014-ocio-00651-f_2014-02-24.pdf"
    result = extract(path)
    page = result.pages[0]
    assert page.image_only and page.ocr
    assert "Commerce" in page.text or "COMMERCE" in page.text


ROWS = [
    f"2025-{n:04d} 06/{n % 28 + 1:02d}/2025 Request for license plate reader audit logs {n}"
    for n in range(1, 40)
]


def write_small_print_scan(path, dpi=160):
    """A spreadsheet printed to a landscape page and scanned at 160 dpi: letters eight pixels
    high, too small for Tesseract at the scan's own resolution."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.pdfgen import canvas

    image = Image.new("L", (int(11 * dpi), int(8.5 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=8)
    for row, line in enumerate(ROWS):
        draw.text((80, 60 + row * 14), line, fill=0, font=font)
    drawing = canvas.Canvas(str(path), pagesize=(792, 612))
    drawing.drawInlineImage(image, 0, 0, width=792, height=612)
    drawing.save()


def test_small_print_is_read_again_enlarged(tmp_path):
    path = tmp_path / "log.pdf"
    write_small_print_scan(path)
    cache = tmp_path / "ocr.sqlite"
    page = extract(path, options=Options(ocr="auto", ocr_cache=cache)).pages[0]
    assert page.ocr
    assert "license plate reader audit logs" in page.text
    assert "2025-0017" in page.text
    with sqlite3.connect(cache) as db:  # both reads are cached: a re-index reads neither
        confidences = sorted(row[0] for row in db.execute("SELECT confidence FROM ocr"))
    db.close()
    assert len(confidences) == 2 and confidences[0] < 70 <= confidences[1]
