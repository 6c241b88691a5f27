"""The extraction step on real PDFs: sample records, and small ones drawn here with reportlab."""

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from indexer.entities import Analysis
from indexer.extract import (
    Draft,
    Options,
    extract,
    extract_bytes,
    needs_ocr,
    read,
    with_ocr,
)
from indexer.models import Extraction, Failure, Page
from indexer.titles import choose_title

from .conftest import SAMPLE_DOCS, TRUTH

AWARD = SAMPLE_DOCS / "ice-foia-2019" / "2017-12-27_Email_Award_LPR_data_service_contract.pdf"
SCANNED = SAMPLE_DOCS / "ice-foia-2019" / "2018-03-20_Email_RE_LPR_query.pdf"
NOT_READABLE = "not a readable PDF (damaged, truncated or another kind of file)"


def truth_of(path: Path) -> dict[str, object]:
    name = str(path.relative_to(SAMPLE_DOCS))
    return next(f for f in json.loads(TRUTH.read_text())["files"] if f["path"] == name)


def write_text_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> None:
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    if title is not None:
        drawing.setTitle(title)
    for lines in pages:
        for row, line in enumerate(lines):
            drawing.drawString(72, 720 - 16 * row, line)
        drawing.showPage()
    drawing.save()


def write_scan_pdf(path: Path) -> None:
    """One page that is only a picture of text, 1700 × 2200 pixels over a letter page: a
    200 dpi scan with no text layer."""
    image = Image.new("L", (1700, 2200), 255)
    ImageDraw.Draw(image).text((200, 200), "License plate reader records", fill=0)
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    drawing.drawInlineImage(image, 0, 0, width=612, height=792)
    drawing.showPage()
    drawing.save()


def test_a_text_pdf_is_read_with_its_title_stamps_and_entities():
    truth = truth_of(AWARD)
    result = extract(AWARD)
    assert isinstance(result, Extraction)
    assert result.sha256 == truth["sha256"] == hashlib.sha256(AWARD.read_bytes()).hexdigest()
    assert result.doc_id == truth["sha256"][:16]
    assert result.size == AWARD.stat().st_size
    assert result.title == "Award - LPR data service contract 70CMSD18C00000003"
    assert (result.doc_type, result.date) == ("email", "2017-12-27")
    assert result.metadata["Author"] == "U.S. Immigration and Customs Enforcement"
    (page,) = result.pages
    assert (page.number, page.width, page.height, page.rotation) == (1, 612.0, 792.0, 0)
    assert page.bates == "ICE-2019-FOIA-000001"
    assert not page.image_only and not page.ocr
    assert "Subject: Award - LPR data service contract 70CMSD18C00000003" in page.text
    found = {(e.kind, e.value) for e in result.entities}
    assert {
        ("contract", "70CMSD18C00000003"),
        ("bates", "ICE-2019-FOIA-000001"),
        ("exemption", "(b)(6)"),
        ("exemption", "(b)(7)(C)"),
        ("agency", "U.S. Immigration and Customs Enforcement"),
    } <= found


def test_a_generated_text_pdf_takes_its_title_from_its_first_heading(tmp_path):
    path = tmp_path / "memo_2019-04.pdf"
    write_text_pdf(
        path,
        [["12", "Memorandum on reader data retention", "The data is kept for a year."], ["Two"]],
    )
    result = extract(path)
    assert isinstance(result, Extraction)
    assert result.title == "Memorandum on reader data retention"
    assert [p.number for p in result.pages] == [1, 2]
    assert result.pages[1].text == "Two"
    assert not any(p.image_only or p.ocr for p in result.pages)


def test_a_scanned_sample_page_is_left_for_ocr():
    draft = read(SCANNED, options=Options(ocr="auto"))
    assert isinstance(draft, Draft)
    assert draft.sha256 == truth_of(SCANNED)["sha256"]
    assert draft.ocr_pages == ((1, 200),)
    (page,) = draft.pages
    assert page.image_only and page.text == "ICE-2019-FOIA-000003"  # only its stamp


def test_with_ocr_off_a_scan_is_indexed_without_its_text():
    result = extract(SCANNED, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    assert result.title == "RE: LPR query"  # from the PDF's own title
    (page,) = result.pages
    assert page.image_only and not page.ocr
    assert page.text == "ICE-2019-FOIA-000003"


def test_a_generated_scan_is_marked_for_ocr_at_its_own_resolution(tmp_path):
    path = tmp_path / "scan.pdf"
    write_scan_pdf(path)
    draft = read(path, options=Options(ocr="auto"))
    assert isinstance(draft, Draft)
    assert draft.ocr_pages == ((1, 200),)
    assert draft.pages[0].image_only and draft.pages[0].text == ""
    assert draft.name == "scan"


def test_a_text_layer_of_one_character_per_line_is_marked_for_ocr(tmp_path):
    """A degenerate printout. Its characters step right as they go down: stacked exactly,
    PDFium would read them as one word."""
    path = tmp_path / "printout.pdf"
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    for row, char in enumerate("CONFIDENTIALITYNOTICE"):
        drawing.drawString(72 + 9 * (row % 10), 740 - 16 * row, char)
    drawing.save()
    draft = read(path, options=Options(ocr="auto"))
    assert isinstance(draft, Draft)
    assert [number for number, _ in draft.ocr_pages] == [1]
    assert draft.pages[0].text.split("\n") == list("CONFIDENTIALITYNOTICE")
    # no usable text layer: it waits for OCR like a scan
    assert (draft.pages[0].image_only, draft.pages[0].ocr_reason) == (True, "garbled")
    off = read(path, options=Options(ocr="off"))
    assert isinstance(off, Extraction)
    assert off.pages[0].image_only and not off.pages[0].ocr


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.pdf", b"these are not the records you are looking for", NOT_READABLE),
        ("empty.pdf", b"", NOT_READABLE),
        ("truncated.pdf", AWARD.read_bytes()[:900], NOT_READABLE),
    ],
)
def test_a_broken_file_is_a_failure_with_its_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = extract(path)
    assert result == Failure(hashlib.sha256(content).hexdigest(), len(content), reason)
    assert result.doc_id == result.sha256[:16]


def test_a_file_locked_with_a_password_is_a_failure(tmp_path):
    path = tmp_path / "locked.pdf"
    locked = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    locked.drawString(72, 720, "withheld in full")
    locked.save()
    result = extract(path)
    assert isinstance(result, Failure)
    assert result.reason == "encrypted: it needs a password that was not given"


def test_a_missing_file_is_a_failure_without_a_hash(tmp_path):
    result = extract(tmp_path / "gone.pdf")
    assert result == Failure(None, 0, "cannot read the file: No such file or directory")
    assert result.doc_id is None


def test_extract_bytes_gives_what_extract_gives():
    data = AWARD.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    from_bytes = extract_bytes(data, sha, AWARD.stem)
    assert from_bytes == extract(AWARD)
    assert from_bytes.sha256 == sha


def test_extract_bytes_keeps_the_files_name_as_the_last_resort_title(tmp_path):
    """Without a title, subject or heading, the title comes from the name given, not from
    the temporary file the bytes were written to."""
    path = tmp_path / "source.pdf"
    write_text_pdf(path, [["12 34 56"]])
    data = path.read_bytes()
    result = extract_bytes(data, hashlib.sha256(data).hexdigest(), "LBPD_audit-log")
    assert result.title == "LBPD audit log"
    assert extract(path).title == "source"


def page(
    text: str, *, bates: str | None = None, image_only: bool = False, ocr_reason: str = ""
) -> Page:
    return Page(number=1, text=text, bates=bates, image_only=image_only, ocr_reason=ocr_reason)


@pytest.mark.parametrize(
    ("meta_title", "subject", "text", "expected"),
    [
        ("  Contract   70CMSD18C00000003 ", None, "Heading line", "Contract 70CMSD18C00000003"),
        # an email is titled by its subject, whatever the PDF's Title says
        ("  Contract   70CMSD18C00000003 ", "RE: award", "Heading line", "RE: award"),
        ("Untitled", "RE: award", "Heading line", "RE: award"),
        (
            "Microsoft Word - memo.docx",
            None,
            "Memorandum for the field",
            "Memorandum for the field",
        ),
        ("scan0001.tif", None, "Memorandum for the field", "Memorandum for the field"),
        ("Document1", None, "Memorandum for the field", "Memorandum for the field"),
        ("LPR", None, "Memorandum for the field", "Memorandum for the field"),
        (None, None, "12\n2019-04-01 10:00\nAudit   of  queries\nbody", "Audit of queries"),
        (None, None, "short\n" + "x" * 121, "LBPD audit log"),
        (None, None, "", "LBPD audit log"),
    ],
)
def test_choose_title(meta_title, subject, text, expected):
    assert choose_title((page(text),), analysed(subject), meta_title, "LBPD_audit-log") == expected


def analysed(subject: str | None = None) -> Analysis:
    """What the analysis says of a document: an email when it has a subject."""
    return Analysis((), "email" if subject else "other", None, subject)


def test_choose_title_skips_the_bates_stamp_and_looks_at_the_first_forty_lines_only():
    stamped = page("ICE-2019-FOIA-000123\nFinal response letter", bates="ICE-2019-FOIA-000123")
    assert choose_title((stamped,), analysed(), None, "x") == "Final response letter"
    # pleading paper numbers its first 28 lines: they are not lines of text
    numbered = page("\n".join([str(n) for n in range(1, 29)] + ["Motion to Dismiss"]))
    assert choose_title((numbered,), analysed(), None, "file_name") == "Motion to Dismiss"
    late = page("\n".join(["Total: 1"] * 40 + ["A heading too far down"]))
    assert choose_title((late,), analysed(), None, "file_name") == "file name"
    second = Page(number=2, text="A heading on page two")
    assert choose_title((page(""), second), analysed(), None, "file") == "file"


def test_needs_ocr_by_mode():
    """Whether a page needs OCR was judged when it was read (``ocr_reason``): in auto mode,
    the pages without a usable text layer."""
    scan = page("ICE-2019-FOIA-000003", image_only=True, ocr_reason="stamp")
    text = page("The Department of Homeland Security procured access to the data. " * 3)
    garbage = page("\n".join("CONFIDENTIAL"), image_only=True, ocr_reason="garbled")
    assert [needs_ocr(p, "auto") for p in (scan, text, garbage)] == [True, False, True]
    assert [needs_ocr(p, "always") for p in (scan, text, garbage)] == [True, True, True]
    assert [needs_ocr(p, "off") for p in (scan, text, garbage)] == [False, False, False]


def test_ocr_of_a_stamped_scan_keeps_the_stamp_lines_ocr_did_not_read():
    stamped = page("ICE-2019-FOIA-000003\nRE: LPR query", image_only=True, ocr_reason="stamp")
    read_well = with_ocr(stamped, "RE: LPR query\nThe plate was run twice.\nICE-2019-FOIA-000003")
    assert read_well.text == "RE: LPR query\nThe plate was run twice.\nICE-2019-FOIA-000003"
    assert (read_well.ocr, read_well.image_only, read_well.ocr_reason) == (True, True, "stamp")
    misread = with_ocr(stamped, "RE: LPR query\nThe plate was run twice.\nICE-2019-FOIA-00003")
    assert misread.text.splitlines()[-1] == "ICE-2019-FOIA-000003"  # exact, as printed


def test_ocr_of_a_garbled_layer_replaces_it_when_it_reads_better():
    shifted = "Uif dpnnjuuff xjmm sfwjfx uif sfrvftu gps sfdpset po Npoebz nfnp. " * 2
    garbled = page(shifted, image_only=True, ocr_reason="garbled")
    read = "The committee will review the request for records on Monday memo. " * 2
    assert with_ocr(garbled, read) == Page(
        number=1, text=read, image_only=True, ocr=True, ocr_reason="garbled"
    )
    # OCR that reads no more English words than the layer leaves the layer, no longer waiting
    assert with_ocr(garbled, shifted.upper()) == Page(
        number=1, text=shifted, image_only=False, ocr=False, ocr_reason="garbled"
    )
