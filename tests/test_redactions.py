"""Text under a redaction box is not the record's text: it is never indexed, shown or
exported, the page shows a marker where it was, and the operator is told. A label printed on
the box stays readable and still names the exemption."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.main import Settings, create_app
from indexer import pdf
from indexer.extract import Options, extract
from indexer.models import Extraction

from .conftest import REAL_CORPUS, ROOT, build_index, requires_shared

MARKER = "█████"
BAD_RECTANGLES = "d-colo_21-cv-01061_complaint-p7_bad-rectangle-redactions_2021.pdf"
CROSS_HATCHED = "sdny_us-v-parnas_19-cr-725_doc191_letter-cross-hatched-redactions_2021.pdf"

Draw = Callable[[Canvas], None]


def black_box(canvas: Canvas, x: float, y: float, width: float, height: float = 14) -> None:
    canvas.setFillColorRGB(0, 0, 0)
    canvas.rect(x, y, width, height, stroke=0, fill=1)


def write(canvas: Canvas, x: float, y: float, text: str, grey: float = 0.0) -> None:
    canvas.setFillColorRGB(grey, grey, grey)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(x, y, text)


def make_pdf(path: Path, draw: Draw) -> Path:
    canvas = Canvas(str(path), pagesize=(612, 792))
    write(canvas, 72, 720, "Memorandum for the record about the hotlist audit of the unit.")
    draw(canvas)
    write(canvas, 72, 120, "Routine closing paragraph with enough words to count as text.")
    canvas.save()
    return path


def box_after_text(canvas: Canvas) -> None:
    write(canvas, 72, 600, "The informant was Bartholomew Quenneville of Springfield.")
    black_box(canvas, 160, 596, 200)


def box_before_dark_text(canvas: Canvas) -> None:
    black_box(canvas, 160, 596, 200)
    write(canvas, 72, 600, "The informant was Bartholomew Quenneville of Springfield.")


def box_before_white_label(canvas: Canvas) -> None:
    write(canvas, 72, 600, "The informant was")
    black_box(canvas, 170, 596, 120)
    write(canvas, 175, 600, "(b)(6); (b)(7)(C)", grey=1.0)
    write(canvas, 300, 600, "of Springfield.")


def white_text_under_box(canvas: Canvas) -> None:
    write(canvas, 72, 600, "The informant was Bartholomew Quenneville of Springfield.", grey=1.0)
    black_box(canvas, 160, 596, 200)


def invisible_text_under_box(canvas: Canvas) -> None:
    text = canvas.beginText(72, 600)
    text.setTextRenderMode(3)  # as an OCR layer is written over a scan
    text.setFont("Helvetica", 11)
    text.textOut("The informant was Bartholomew Quenneville of Springfield.")
    canvas.drawText(text)
    black_box(canvas, 160, 596, 200)


def box_over_image(canvas: Canvas) -> None:
    picture = Image.new("L", (200, 100), 200)
    canvas.drawImage(ImageReader(picture), 72, 400, width=200, height=100)
    black_box(canvas, 100, 430, 120, 30)


def box_beside_text(canvas: Canvas) -> None:
    write(canvas, 72, 600, "Bartholomew Quenneville signed")
    black_box(canvas, 260, 596, 120)


def read_page(path: Path) -> pdf.RawPage:
    _, pages = pdf.read_document(path)
    return pages[0]


@pytest.mark.parametrize(
    "draw", [box_after_text, box_before_dark_text, white_text_under_box, invisible_text_under_box]
)
def test_text_covered_by_a_box_is_left_out_and_marked(tmp_path: Path, draw: Draw) -> None:
    page = read_page(make_pdf(tmp_path / "covered.pdf", draw))
    assert "Quenneville" not in page.text and "Bartholomew" not in page.text
    assert f"The informant was {MARKER}" in page.text
    assert "hotlist audit" in page.text and "closing paragraph" in page.text
    (box,) = page.boxes
    assert box.hidden >= len("BartholomewQuenneville")
    assert "Quenneville" not in box.label and "Bartholomew" not in box.label


def test_a_light_label_printed_on_the_box_stays_and_names_the_exemption(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "labelled.pdf", box_before_white_label)
    page = read_page(path)
    (box,) = page.boxes
    assert box.hidden == 0 and MARKER not in page.text
    assert box.label.startswith("(b)(6); (b)(7)(C)")
    result = extract(path, options=Options(ocr="off"))
    assert isinstance(result, Extraction)
    (redaction,) = result.pages[0].redactions
    assert redaction.exemptions == ("(b)(6)", "(b)(7)(C)")


def test_a_box_over_an_image_or_beside_text_hides_no_text(tmp_path: Path) -> None:
    over_image = read_page(make_pdf(tmp_path / "image.pdf", box_over_image))
    assert [box.hidden for box in over_image.boxes] == [0]
    beside = read_page(make_pdf(tmp_path / "beside.pdf", box_beside_text))
    assert [box.hidden for box in beside.boxes] == [0]
    assert "Bartholomew Quenneville signed" in beside.text and MARKER not in beside.text


def test_ocr_does_not_read_text_a_box_covers(tmp_path: Path) -> None:
    """A rendered page shows the box, not the text under it: OCR of every page reads the
    visible words and none of the covered ones."""
    pytest.importorskip("pytesseract")
    path = make_pdf(tmp_path / "covered.pdf", box_after_text)
    result = extract(path, options=Options(ocr="always"))
    assert isinstance(result, Extraction)
    page = result.pages[0]
    assert page.ocr and "hotlist" in page.text.lower()
    assert "quenneville" not in page.text.lower() and "bartholomew" not in page.text.lower()


# -- real releases, through the index and the app ---------------------------------------------


@pytest.fixture(scope="module")
def redacted_release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict]]:
    if not REAL_CORPUS.is_dir():
        pytest.skip("../shared/real_corpus is not beside this checkout")
    folder = tmp_path_factory.mktemp("redacted") / "release" / "court"
    folder.mkdir(parents=True)
    for name in (BAD_RECTANGLES, CROSS_HATCHED):
        shutil.copy(REAL_CORPUS / name, folder / name)
    index = folder.parent.parent / "index"
    summary = build_index([folder.parent], index, ocr="off")
    yield index, summary


@pytest.fixture(scope="module")
def redacted_client(redacted_release: tuple[Path, dict]) -> Iterator[TestClient]:
    index, _ = redacted_release
    app = create_app(Settings(index_dir=index, base_url="https://records.example.org"))
    with TestClient(app) as client:
        yield client


def document_id(client: TestClient, name: str) -> str:
    rows = client.get("/api/search.jsonl").text.splitlines()
    (found,) = [json.loads(r)["id"] for r in rows if name in json.loads(r)["file_names"][0]]
    return found


@requires_shared
@pytest.mark.parametrize(
    ("name", "hidden", "secret", "visible"),
    [
        (BAD_RECTANGLES, '"did not disclose all relevant medical"', "disclose", '"She answered"'),
        (CROSS_HATCHED, '"former Prosecutor General"', "Lutsenko", '"other search warrants"'),
    ],
)
def test_real_failed_redactions_are_not_searchable_or_shown(
    redacted_client: TestClient, name: str, hidden: str, secret: str, visible: str
) -> None:
    """``hidden`` is a phrase under the boxes, ``secret`` a word found only there."""
    client = redacted_client
    doc_id = document_id(client, name)
    assert client.get("/api/search", params={"q": hidden}).json()["total"] == 0
    found = client.get("/api/search", params={"q": visible}).json()
    (row,) = [r for r in found["results"] if r["id"] == doc_id]
    assert MARKER in " ".join(hit["excerpt"] for hit in row["hits"])
    assert client.get("/api/search", params={"q": secret}).json()["total"] == 0
    page = client.get(f"/api/documents/{doc_id}/pages/1", params={"q": visible}).json()
    assert MARKER in page["text"] and hidden.strip('"') not in page["text"]
    assert secret not in json.dumps(page, ensure_ascii=False)
    html = client.get(f"/documents/{doc_id}/pages/1").text
    assert MARKER in html and secret not in html
    exports = [
        client.get("/api/search.csv", params={"q": visible}).text,
        client.get("/api/search.jsonl", params={"q": visible}).text,
        client.get("/search.atom", params={"q": visible}).text,
        client.get(f"/documents/{doc_id}/cite.bib").text,
        client.get(f"/api/documents/{doc_id}").text,
    ]
    assert not any(secret in text for text in exports)


@requires_shared
def test_a_hidden_word_is_never_suggested(redacted_client: TestClient) -> None:
    """ "Lutsenko" is only under a box: a near miss of it finds nothing and offers nothing."""
    answer = redacted_client.get("/api/search", params={"q": "Lutsenk"}).json()
    assert answer["total"] == 0
    assert answer["suggestion"] is None or "lutsenko" not in answer["suggestion"]["query"].lower()


@requires_shared
def test_the_operator_is_told_which_pages_had_text_under_boxes(
    redacted_release: tuple[Path, dict], redacted_client: TestClient
) -> None:
    index, summary = redacted_release
    told = {Path(str(r["file"])).name: r for r in summary["unapplied_redactions"]}
    assert set(told) == {BAD_RECTANGLES, CROSS_HATCHED}
    assert told[BAD_RECTANGLES]["boxes"] == 3 and told[BAD_RECTANGLES]["pages"] == [1]
    status = redacted_client.get("/api/status").json()["unapplied_redactions"]
    assert {(r["boxes"], tuple(r["pages"])) for r in status} == {
        (r["boxes"], tuple(r["pages"])) for r in told.values()
    }
    page = redacted_client.get("/status").text
    assert "Redactions not applied to the text layer" in page and BAD_RECTANGLES in page
    printed = subprocess.run(
        [sys.executable, "-m", "app.cli", "status", "--index", str(index)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (
        f"warning: court/{BAD_RECTANGLES}: redaction not applied to the text layer: 3 boxes "
        "on page 1;" in printed
    )
    as_json = json.loads(
        subprocess.run(
            [sys.executable, "-m", "app.cli", "status", "--index", str(index), "--json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert len(as_json["unapplied_redactions"]) == 2
    assert "Lutsenko" not in json.dumps(as_json)


def test_an_image_only_check_is_unaffected(tmp_path: Path) -> None:
    """A page that is one image with a box on it (a scan) is still a scan to OCR."""
    picture = Image.new("L", (1700, 2200), 255)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    canvas = Canvas(str(tmp_path / "scan.pdf"), pagesize=(612, 792))
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width=612, height=792)
    black_box(canvas, 100, 400, 200, 20)
    canvas.save()
    page = read_page(tmp_path / "scan.pdf")
    assert page.image_only and page.boxes == ()
