"""Each page's text layer judged against what the page shows: scans under a stamp or header,
fonts whose ToUnicode map shifts the letters, OCR layers over scans, and pages that must be
left alone. PDFs are drawn here (reportlab, PIL, and one written by hand); real released
records from ../shared check the same on the pages that needed it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfgen import canvas

from indexer.extract import Draft, Options, extract, ocr_page, read, with_ocr
from indexer.models import Extraction
from indexer.ocr import text_is_garbage, word_likeness
from indexer.search import Library
from indexer.search.results import SearchRequest

from .conftest import SHARED, build_index

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")

LETTER = [
    "The Department reviewed the records responsive to your request",
    "and is releasing them with redactions made under the exemptions",
    "noted on each page. License plate reader data is retained for one",
    "year and is shared with other agencies under written agreements.",
]
ECF_HEADER = "Case 1:19-cv-07058-GBD Document 50-3 Filed 03/10/21 Page 2 of 9"
EXHIBIT_LABEL = "Plaintiffs Exhibit C to the Declaration of Counsel"


def scan_image(lines: list[str], width: int = 1700, height: int = 2200) -> Image.Image:
    """A 200 dpi picture of a letter page with these lines typed on it, big enough to OCR."""
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for row, line in enumerate(lines):
        draw.text((200, 400 + 70 * row), line, fill=0, font=font)
    return image


def draw_scan(drawing: canvas.Canvas, lines: list[str]) -> None:
    """The scan over the whole letter page, each 70-pixel line 25.2 points below the last."""
    drawing.drawInlineImage(scan_image(lines), 0, 0, width=612, height=792)


def write_stamped_scan(path: Path) -> None:
    """A scanned court exhibit: the scan covers the page, and typed on it are the court's ECF
    header and an exhibit label, enough text in the body to pass for a text page."""
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    draw_scan(drawing, LETTER)
    drawing.setFont("Helvetica", 9)
    drawing.drawString(72, 770, ECF_HEADER)
    drawing.setFont("Helvetica-Bold", 12)
    drawing.drawString(72, 90, EXHIBIT_LABEL)
    drawing.save()


def write_ocr_layer_scan(path: Path, layer: list[str]) -> None:
    """A scan with an OCR layer: invisible text (render mode 3) over each typed line."""
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    draw_scan(drawing, LETTER)
    for row, line in enumerate(layer):
        text = drawing.beginText(72, 792 - (400 + 70 * row + 34) * 72 / 200)
        text.setTextRenderMode(3)
        text.setFont("Helvetica", 13)
        text.textLine(line)
        drawing.drawText(text)
    drawing.save()


def write_text_page(path: Path, lines: list[str], logo: bool = False) -> None:
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    if logo:  # a seal in the letterhead, 90 points square
        seal = Image.new("L", (300, 300), 255)
        ImageDraw.Draw(seal).ellipse((10, 10, 290, 290), fill=60)
        drawing.drawInlineImage(seal, 72, 680, width=90, height=90)
    for row, line in enumerate(lines):
        drawing.drawString(72, 640 - 16 * row, line)
    drawing.save()


# Codes 0x41-0x5A and 0x61-0x7A (the letters) map to the next letter, Z and z to A and a;
# everything else to itself.
SHIFTED_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Shifted def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
7 beginbfrange
<20> <40> <0020>
<41> <59> <0042>
<5A> <5A> <0041>
<5B> <60> <005B>
<61> <79> <0062>
<7A> <7A> <0061>
<7B> <7E> <007B>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def write_shifted_font_pdf(path: Path, lines: list[str]) -> None:
    """A page set in Helvetica whose ToUnicode map gives each letter the next one: the page
    shows the lines; its text layer holds them shifted ("Subject:" as "Tvckfdu:")."""
    escaped = (
        line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        for line in lines
    )
    shown = b" T* ".join(b"(" + line + b") Tj" for line in escaped)
    content = b"BT /F1 14 Tf 20 TL 72 720 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(SHIFTED_CMAP) + SHIFTED_CMAP + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


MEMO = [
    "Subject: Meeting with the agency about the records",
    "The committee will review the request for records on Monday.",
    "Please bring the contract and the letters from the vendor.",
    "The meeting starts at ten in the morning in the main office.",
]


def shift(text: str, by: int) -> str:
    return "".join(chr(ord(char) + by) if char.isalpha() else char for char in text)


PROSE = (
    "The American Civil Liberties Union requests records concerning the detention of "
    "people held under the agency's policies, and asks that fees be waived because the "
    "records will contribute significantly to public understanding of the government. "
)


def test_word_likeness_counts_english_words_of_three_letters_or_more() -> None:
    assert word_likeness(PROSE) == 1.0
    # numbers, codes, addresses and acronyms are not judged; nor are short words
    assert word_likeness("ICE FOIA 2019-ICFO-10032 (b)(6) a.b@ice.gov of to " * 5) is None
    assert word_likeness("Mesa Police Department queries license plates " * 2) == 1.0
    assert word_likeness("Tvckfdu: Nffujoh xjui uif bhfodz bcpvu uif sfdpset " * 2) == 0.0
    assert word_likeness("too few words here") is None


def test_a_layer_of_shifted_letters_is_garbage() -> None:
    assert text_is_garbage(shift(PROSE, 1))
    assert not text_is_garbage(PROSE)


def test_part_of_a_page_in_a_shifted_font_makes_it_garbage() -> None:
    """A paragraph in a font whose codes sit eleven below the letters ("i]Z" for "the"),
    between paragraphs of ordinary text: most of the page's words are English."""
    garbled = "".join(chr(ord(char) - 11) if char.islower() else char for char in PROSE)
    page = "\n".join([PROSE * 3, garbled, PROSE * 3])
    assert word_likeness(page) > 0.8
    assert text_is_garbage(page)


def test_tables_of_names_and_codes_are_not_garbage() -> None:
    """A list of deaths in custody: a name, a facility, a cause, half the words in no English
    word list."""
    rows = "\n".join(
        f"{n} {name} M 8/8/1967 {place} Detention Center {cause} Hospital"
        for n, (name, place, cause) in enumerate(
            [
                ("HERNANDEZ-LOPEZ, Wenceslau", "Krome", "Cardiomyopathy"),
                ("SAENGSIRI, Thongchay", "Eloy", "Pneumonia"),
                ("CAMPOS, Esmerio", "Otay Mesa", "Sepsis"),
                ("DANTICA, Joseph", "Krome", "Pancreatitis"),
            ]
            * 5
        )
    )
    assert not text_is_garbage(rows)
    log = "\n".join(f"2020-0{n} 02/26/2020 1716 hrs. Grand Theft P.C. 487 Closed" for n in range(9))
    assert not text_is_garbage(log)


def test_a_poor_ocr_layer_is_garbage_over_a_scan_only() -> None:
    """Six words in ten English: a table in print, or OCR that Tesseract would better."""
    noisy = "Tlie Departrnent reviewed the records of Hornelaud Secnrity and the agency " * 3
    likeness = word_likeness(noisy)
    assert likeness is not None and 0.5 < likeness < 0.7
    assert not text_is_garbage(noisy)
    assert text_is_garbage(noisy, over_scan=True)


def test_a_scan_under_a_typed_ecf_header_is_ocrd_and_its_text_searchable(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    path = folder / "exhibit.pdf"
    write_stamped_scan(path)
    draft = read(path)
    assert isinstance(draft, Draft)
    (page,) = draft.pages
    assert (page.ocr_reason, page.image_only) == ("stamp", True)
    assert page.text.splitlines() == [ECF_HEADER, EXHIBIT_LABEL]
    assert draft.ocr_pages == ((1, 200),)
    if shutil.which("tesseract") is None:
        return
    summary = build_index([folder], tmp_path / "index")
    library = Library(tmp_path / "index")
    try:
        for phrase in ('"license plate reader data"', '"Declaration of Counsel"', "07058"):
            result = library.search(SearchRequest(q=phrase))
            assert result.total == 1, (phrase, str(summary))
            assert [hit.page for hit in result.rows[0].hits] == [1], phrase
    finally:
        library.close()


def test_a_font_whose_tounicode_map_shifts_the_letters_is_garbled(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    write_shifted_font_pdf(path, MEMO)
    draft = read(path)
    assert isinstance(draft, Draft)
    (page,) = draft.pages
    assert page.text.splitlines()[0] == "Tvckfdu: Nffujoh xjui uif bhfodz bcpvu uif sfdpset"
    assert (page.ocr_reason, page.image_only) == ("garbled", True)
    assert [number for number, _ in draft.ocr_pages] == [1]
    # without OCR it stays a page waiting for it, its layer as it was
    off = extract(path, options=Options(ocr="off"))
    assert isinstance(off, Extraction)
    assert off.pages[0].image_only and not off.pages[0].ocr
    assert off.pages[0].text == page.text


def test_with_ocr_off_a_garbled_page_counts_as_waiting_for_it(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    write_shifted_font_pdf(folder / "memo.pdf", MEMO)
    write_text_page(folder / "letter.pdf", LETTER)
    summary = build_index([folder], tmp_path / "index", ocr="off")
    assert summary["pages"] == 2
    library = Library(tmp_path / "index")
    try:
        status = library.status()
        assert (status["pages"], status["ocr_pages"], status["image_only_pages"]) == (2, 0, 1)
    finally:
        library.close()


@needs_tesseract
def test_a_shifted_font_is_read_by_ocr(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    write_shifted_font_pdf(path, MEMO)
    result = extract(path)
    assert isinstance(result, Extraction)
    (page,) = result.pages
    assert page.ocr and page.image_only
    assert "Subject: Meeting with the agency about the records" in page.text
    assert "Tvckfdu" not in page.text


def test_a_text_page_is_not_ocrd(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    write_text_page(path, LETTER)
    result = read(path)
    assert isinstance(result, Extraction)
    (page,) = result.pages
    assert (page.ocr_reason, page.image_only, page.ocr) == ("", False, False)
    assert page.text.splitlines() == LETTER


def test_a_text_page_with_a_logo_is_not_ocrd(tmp_path: Path) -> None:
    path = tmp_path / "letterhead.pdf"
    write_text_page(path, LETTER, logo=True)
    result = read(path)
    assert isinstance(result, Extraction)
    assert (result.pages[0].ocr_reason, result.pages[0].image_only) == ("", False)


def test_a_figure_beside_text_is_not_a_scan(tmp_path: Path) -> None:
    """A chart over half the page with the text beside it, none over it (as in the Federal
    Register's airworthiness directives): the text layer is the page's text."""
    path = tmp_path / "figure.pdf"
    drawing = canvas.Canvas(str(path), pagesize=(612, 792))
    chart = Image.new("L", (900, 900), 255)
    ImageDraw.Draw(chart).rectangle((100, 300, 300, 800), fill=80)
    drawing.drawInlineImage(chart, 36, 300, width=540, height=460)  # 51% of the page
    for row, line in enumerate(LETTER):
        drawing.drawString(72, 250 - 16 * row, line)
    drawing.save()
    result = read(path)
    assert isinstance(result, Extraction)
    assert (result.pages[0].ocr_reason, result.pages[0].image_only) == ("", False)


def test_a_scan_with_a_good_ocr_layer_is_not_ocrd_again(tmp_path: Path) -> None:
    path = tmp_path / "scanned_with_ocr.pdf"
    write_ocr_layer_scan(path, LETTER)
    result = read(path)
    assert isinstance(result, Extraction)
    (page,) = result.pages
    assert (page.ocr_reason, page.image_only, page.ocr) == ("", False, False)
    assert page.text.split() == " ".join(LETTER).split()


NOISY_OCR = [
    "Tlie Departrnent rcviewed tbe rccords rcsponsive to yonr reqnest",
    "aud is rcleasing tbem witb redactious rnade uuder tbe exernptions",
    "noted on eacb page. Liceuse plate reader data is retaiued for oue",
    "ycar aud is sbared witb otber ageucies uuder writteu agreernents.",
]


@needs_tesseract
def test_a_scan_whose_ocr_layer_reads_poorly_is_ocrd_again(tmp_path: Path) -> None:
    """An OCR layer under seven words in ten English, over a scan: Tesseract reads it better."""
    path = tmp_path / "noisy.pdf"
    write_ocr_layer_scan(path, NOISY_OCR)
    draft = read(path)
    assert isinstance(draft, Draft)
    assert draft.pages[0].ocr_reason == "garbled"
    result = extract(path)
    assert isinstance(result, Extraction)
    assert result.pages[0].ocr
    assert "License plate reader data" in result.pages[0].text


# someone's OCR that read most of the page (eight words in ten English) but split a word and
# lost the end of a line: the words Tesseract reads are added to it
SPLIT_OCR = [
    "The Department reviewed the records responsive to your request",
    "and is releasing them with redactions made under the ex emptions",
    "noted on each page. License plate reader da ta is",
    "year and is sh ared with other agencies under written agree ments.",
]


@needs_tesseract
def test_a_scan_whose_ocr_layer_misses_words_gets_tesseracts_reading_too(tmp_path: Path) -> None:
    path = tmp_path / "split.pdf"
    write_ocr_layer_scan(path, SPLIT_OCR)
    likeness = word_likeness("\n".join(SPLIT_OCR))
    assert likeness is not None and 0.7 <= likeness < 0.9
    draft = read(path)
    assert isinstance(draft, Draft)
    (page,) = draft.pages
    assert (page.ocr_reason, page.image_only) == ("noisy", False)  # usable as it is
    (page,) = extract(path).pages
    assert page.ocr
    assert "License plate reader data is retained for one" in page.text  # Tesseract's
    assert "da ta" in page.text  # the layer's own lines stay, in case OCR missed something
    folder = tmp_path / "release"
    folder.mkdir()
    path.rename(folder / path.name)
    build_index([folder], tmp_path / "index")
    library = Library(tmp_path / "index")
    try:
        for phrase in ('"reader data is retained"', '"shared with other agencies"'):
            assert library.search(SearchRequest(q=phrase)).total == 1, phrase
    finally:
        library.close()


SPANISH = [
    "La oficina recibió su solicitud de acceso a la información pública.",
    "Después de una búsqueda en los archivos de la agencia, no se",
    "encontraron registros que respondan a su solicitud. Usted tiene",
    "derecho a apelar esta determinación dentro de los noventa días.",
]


@needs_tesseract
def test_a_page_in_another_language_keeps_its_text_layer(tmp_path: Path) -> None:
    """Too few English words to pass, but OCR reads no more of them: the layer stands, and the
    page no longer waits for OCR."""
    path = tmp_path / "carta.pdf"
    write_text_page(path, SPANISH)
    draft = read(path)
    assert isinstance(draft, Draft)
    assert draft.pages[0].ocr_reason == "garbled"
    result = extract(path)
    assert isinstance(result, Extraction)
    (page,) = result.pages
    assert (page.ocr, page.image_only) == (False, False)
    assert page.text.splitlines() == SPANISH


CORPUS = {
    "real_corpus": SHARED / "real_corpus" / "pdfs",
    "real_corpus_2": SHARED / "real_corpus_2" / "pdfs",
}


@needs_tesseract
@pytest.mark.parametrize(
    ("corpus", "name", "number", "reason", "phrase"),
    [
        # a shifted font in the middle of a FOIA request letter filed as an exhibit
        (
            "real_corpus",
            "sdny_aclu-irp-v-ice_19-cv-7058_ex-foia-request-to-ice_2018-10-03.pdf",
            11,
            "garbled",
            "dissemination of information",
        ),
        # "OCR layer largely garbage" (the manifest): a handwritten log under a typed form
        (
            "real_corpus_2",
            "tx-tdcj_unit-temperature-logs-july_2023-07.pdf",
            1,
            "garbled",
            "Humidity or",
        ),
        # a scanned exhibit whose text layer is the court's e-filing stamp
        (
            "real_corpus",
            "il-cook-county-circuit-court_helsby-v-chicago-pd_foia-complaint_2015-11-03.pdf",
            7,
            "stamp",
            "unwarranted invasion of personal privacy",
        ),
        # a signed scan whose text layer is its DocuSign envelope ID and a few names
        (
            "real_corpus",
            "ca-orange-county-sheriff_flock-group-agreement-signed_2022-06.pdf",
            1,
            "stamp",
            "FLOCK GROUP",
        ),
        # a flattened log page drawn as two images, neither half the page
        (
            "real_corpus_2",
            "or-eugene-police_public-records-request-log-flock-redacted_2025-10-06.pdf",
            2,
            "scan",
            "meeting minutes",
        ),
        # the one scanned page of a mixed incident report
        (
            "real_corpus_2",
            "mn-eagan-police_incident-report-weapons-ea25006306_2025-12-18.pdf",
            2,
            "scan",
            "DISCHARGE OF FIREARM",
        ),
    ],
)
def test_real_pages_the_text_layer_missed_are_ocrd(
    corpus: str, name: str, number: int, reason: str, phrase: str
) -> None:
    path = CORPUS[corpus] / name
    if not path.is_file():
        pytest.skip(f"../shared/{corpus} is not beside this checkout")
    draft = read(path)
    assert isinstance(draft, Draft)
    page = draft.pages[number - 1]
    assert (page.ocr_reason, page.image_only) == (reason, True)
    assert phrase not in page.text
    dpi = dict(draft.ocr_pages)[number]
    done = with_ocr(page, ocr_page(path, number, dpi, Options()))
    assert done.ocr and phrase in done.text
