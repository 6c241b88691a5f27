"""Curated metadata: a readingroom.csv beside a release's PDFs sets their title, date, issuer,
type, request numbers and description, over what extraction found; real indexing runs over
copies of generated sample PDFs, read back through the real app."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.main import Settings, create_app
from indexer.curated import read_sheet

from .conftest import SAMPLE_DOCS, build_index

RESPONSE = "PPD_PRA_Response_19-0231.pdf"
EMAIL = "2018-05-02_Email_LPR_data_sharing_request_HSI_BCSC.pdf"
REPORT = "PPD_ALPR_Data_Sharing_Report_2018.pdf"
ICE = "U.S. Immigration and Customs Enforcement"
HEADER = "file,title,date,issuer,type,request,description\n"


def make_release(tmp_path: Path) -> Path:
    """Three text-layer sample files of one release, one of them in a subfolder."""
    folder = tmp_path / "release" / "pasadena"
    (folder / "emails").mkdir(parents=True)
    for name in (RESPONSE, REPORT):
        shutil.copy(SAMPLE_DOCS / "pasadena-pra-2019" / name, folder / name)
    shutil.copy(SAMPLE_DOCS / "pasadena-pra-2019" / EMAIL, folder / "emails" / EMAIL)
    return folder


def doc_id(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@contextmanager
def site(index: Path) -> Iterator[TestClient]:
    app = create_app(Settings(index_dir=index, base_url="https://records.example.org"))
    with TestClient(app) as client:
        yield client


def document(client: TestClient, path: Path) -> dict[str, Any]:
    response = client.get(f"/api/documents/{doc_id(path)}")
    assert response.status_code == 200, response.text
    return response.json()


def facets(client: TestClient, **params: str) -> dict[str, dict[str, int]]:
    found = client.get("/api/search", params=params).json()["facets"]
    return {name: {v["value"]: v["count"] for v in values} for name, values in found.items()}


def ids_found(client: TestClient, q: str) -> set[str]:
    return {row["id"] for row in client.get("/api/search", params={"q": q}).json()["results"]}


def shown(data: dict[str, Any]) -> dict[str, Any]:
    """What curation may change of a document, as the API answers it."""
    return {
        "title": data["title"],
        "date": data["date"],
        "doc_type": data["doc_type"],
        "issuer": data["issuer"],
        "request": [(e["value"], e.get("curated")) for e in data["entities"]["request"]],
        "description": data["description"],
        "curated": data["curated"],
    }


def test_curated_values_win_over_extraction_and_go_when_the_csv_goes(tmp_path):
    folder = make_release(tmp_path)
    response, email, report = folder / RESPONSE, folder / "emails" / EMAIL, folder / REPORT
    index = tmp_path / "index"
    assert build_index([folder.parent], index)["added"] == 3
    with site(index) as client:
        extracted = {path: shown(document(client, path)) for path in (response, email, report)}
        before = facets(client)
    assert extracted[response]["doc_type"] == "response_letter"
    assert extracted[response]["date"] == "2019-03-04"
    assert extracted[response]["request"] == [("19-0231", None)]
    assert extracted[response]["description"] is None and extracted[response]["curated"] is None

    # the CSV comes after the PDFs were indexed: its documents are written again, none read
    (folder / "readingroom.csv").write_text(
        HEADER
        + f"{RESPONSE},Letter closing request 19-0231 ,2019-03,ICE,Letter,"
        + '"2019-ICFO-99999; 19-0231","Closes the request.\n\nLists what was withheld."\n'
        + f"emails/{EMAIL},,,,,,Asks for access to the LEARN data\n"
    )
    summary = build_index([folder.parent], index)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 0, 3)
    assert summary["pages"] == 0 and summary["curated"] == 2 and summary["warnings"] == []
    with site(index) as client:
        data = document(client, response)
        assert data["title"] == "Letter closing request 19-0231"
        assert data["date"] == "2019-03" and data["date_iso"] == "2019-03"
        assert data["doc_type"] == "letter"
        assert data["issuer"]["name"] == ICE and data["issuer"]["slug"]  # the agency's page
        assert ("2019-ICFO-99999", True) in shown(data)["request"]
        assert ("19-0231", None) in shown(data)["request"]  # found in the text: kept as found
        assert data["description"] == "Closes the request.\n\nLists what was withheld."
        assert data["curated"] == {
            "source": "pasadena/readingroom.csv",
            "fields": ["title", "date", "issuer", "doc_type", "request", "description"],
        }
        assert data["citation"]["author"] == ICE and data["citation"]["date"] == "2019-03"
        assert shown(document(client, email))["description"] == "Asks for access to the LEARN data"
        assert shown(document(client, report)) == extracted[report]
        counts = facets(client)
        assert counts["doc_type"]["letter"] == 1 and "response_letter" not in counts["doc_type"]
        assert counts["issuer"][ICE] == before["issuer"].get(ICE, 0) + 1
        assert counts["request"] == {"2019-ICFO-99999": 1, "19-0231": 1}
        assert facets(client, request="2019-ICFO-99999")["doc_type"] == {"letter": 1}
        for query in ("request:2019-ICFO-99999", "type:letter", "title:closing", "issuer:ICE"):
            assert doc_id(response) in ids_found(client, query), query
        page = client.get(f"/documents/{doc_id(response)}").text
        assert "<p>Closes the request.</p><p>Lists what was withheld.</p>" in page
        assert "pasadena/readingroom.csv" in page

    # the CSV goes: the extracted values come back, from the catalog
    (folder / "readingroom.csv").unlink()
    summary = build_index([folder.parent], index)
    assert summary["pages"] == 0 and summary["curated"] == 2 and summary["updated"] == 0
    with site(index) as client:
        assert {path: shown(document(client, path)) for path in extracted} == extracted
        assert "2019-ICFO-99999" not in facets(client)["request"]
        assert not ids_found(client, "request:2019-ICFO-99999")


def test_an_edited_csv_rewrites_only_the_documents_whose_values_changed(tmp_path):
    folder = make_release(tmp_path)
    sheet = folder / "readingroom.csv"
    sheet.write_text(
        HEADER + f"{RESPONSE},First title,,,,,\n{REPORT},,2018-12,,,,\n"
        f"emails/{EMAIL},,,,,,An email\n"
    )
    index = tmp_path / "index"
    first = build_index([folder.parent], index)
    assert first["added"] == 3 and first["curated"] == 0  # applied as they were written
    sheet.write_text(
        HEADER + f"{RESPONSE},Second title,,,,,\n{REPORT},,2018-12,,,,\n"
        f"emails/{EMAIL},,,,,,An email\n"
    )
    second = build_index([folder.parent], index)
    assert (second["added"], second["updated"], second["unchanged"]) == (0, 0, 3)
    assert second["pages"] == 0 and second["curated"] == 1
    third = build_index([folder.parent], index)  # an unchanged CSV costs nothing
    assert third["curated"] == 0 and third["pages"] == 0
    with site(index) as client:
        assert document(client, folder / RESPONSE)["title"] == "Second title"
        assert document(client, folder / REPORT)["date"] == "2018-12"
        assert document(client, folder / "emails" / EMAIL)["description"] == "An email"


def test_bad_rows_are_reported_by_line_and_the_rest_is_used(tmp_path):
    folder = make_release(tmp_path)
    rows = [
        "File,Title,Date,Type,Notes,Description",  # Notes: not a column
        f"{RESPONSE},Good title,2019-02-30,response letter,,",  # no such day: the title stands
        f'{REPORT},"Report, with a comma",2018,memorandum,,',  # no such type
        "missing.pdf,Nobody,2018,,,",
        f"{REPORT},Listed twice,,,,",
        "../outside.pdf,Out,,,,",
        f"emails/{EMAIL},One,two,three,four,five,six,seven",
        ",No file,,,,",
    ]
    # as Excel writes it: a byte-order mark and CRLF line ends
    (folder / "readingroom.csv").write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode())
    index = tmp_path / "index"
    summary = build_index([folder.parent], index)
    name = "pasadena/readingroom.csv"
    assert sorted(summary["warnings"]) == sorted(
        [
            f'{name} line 1: unknown column "Notes", not used (the columns are file, title, '
            "date, issuer, type, request, description)",
            f'{name} line 2: the date "2019-02-30" is not YYYY, YYYY-MM or YYYY-MM-DD; the '
            "extracted date stands",
            f'{name} line 3: the type "memorandum" is not one of response_letter, letter, '
            "email, memo, contract, agreement, invoice, policy, manual, report, form, log, "
            "table, court_filing, minutes, other; the extracted type stands",
            f"{name} line 5: {REPORT} is listed already on line 3; this row is not used",
            f"{name} line 6: ../outside.pdf is not in the folder of readingroom.csv; the row "
            "is not used",
            f"{name} line 7: 8 cells for 6 columns (a value with a comma needs quotes around "
            "it); the row is not used",
            f"{name} line 8: no file named; the row is not used",
            f"{name} line 4: no PDF missing.pdf in its folder; the row is not used",
        ]
    )
    assert summary["added"] == 3 and summary["failed"] == []
    with site(index) as client:
        data = document(client, folder / RESPONSE)
        assert data["title"] == "Good title" and data["date"] == "2019-03-04"
        assert data["doc_type"] == "response_letter"
        report = document(client, folder / REPORT)
        assert report["title"] == "Report, with a comma" and report["date"] == "2018"
        assert report["doc_type"] == "report"
        assert document(client, folder / "emails" / EMAIL)["curated"] is None


def test_a_row_for_a_file_not_yet_there_applies_when_the_file_comes(tmp_path):
    folder = make_release(tmp_path)
    later = SAMPLE_DOCS / "pasadena-pra-2019" / "2019-01-15_Email_FW_ALPR_sharing_review.pdf"
    (folder / "readingroom.csv").write_text(HEADER + f"{later.name},Sharing review,,,,,\n")
    index = tmp_path / "index"
    first = build_index([folder.parent], index)
    assert first["warnings"] == [
        f"pasadena/readingroom.csv line 2: no PDF {later.name} in its folder; the row is not used"
    ]
    shutil.copy(later, folder / later.name)
    second = build_index([folder.parent], index)
    assert second["added"] == 1 and second["curated"] == 0  # applied as it was written
    with site(index) as client:
        assert document(client, folder / later.name)["title"] == "Sharing review"


def test_the_sample_release_documents_its_csv_without_changing_what_the_truth_checks(truth):
    sheet = SAMPLE_DOCS / "pasadena-pra-2019" / "readingroom.csv"
    read = read_sheet(sheet.read_bytes(), sheet.parent, "pasadena-pra-2019/readingroom.csv")
    assert read.problems == () and read.rows
    files = {f["path"]: f for f in truth["files"]}
    for path, curated in read.rows.items():
        assert f"pasadena-pra-2019/{Path(path).name}" in files
        # values the tests compare with the truth stay as extracted
        assert (curated.title, curated.date, curated.doc_type, curated.issuer) == (None,) * 4
        assert curated.description


def test_the_sample_release_shows_its_curated_descriptions(client, truth):
    paths = {f["path"]: f["sha256"][:16] for f in truth["files"]}
    data = client.get(f"/api/documents/{paths['pasadena-pra-2019/' + RESPONSE]}").json()
    assert data["description"].startswith("The Department's letter closing request 19-0231")
    assert data["curated"] == {
        "source": "pasadena-pra-2019/readingroom.csv",
        "fields": ["request", "description"],
    }
    assert [e["value"] for e in data["entities"]["request"]] == ["19-0231"]


# -- reading the CSV ---------------------------------------------------------------------------


def sheet_of(text: str | bytes, folder: Path = Path("/r/city")):
    data = text.encode() if isinstance(text, str) else text
    return read_sheet(data, folder, "city/readingroom.csv")


def test_dates_are_checked_as_calendar_dates():
    found = sheet_of(
        "file,date\na.pdf,2019\nb.pdf,2019-02\nc.pdf,2020-02-29\nd.pdf,2019-02-29\n"
        "e.pdf,2019-13\nf.pdf,3/4/2019\ng.pdf,0000\n"
    )
    dates = {Path(path).name: row.date for path, row in found.rows.items()}
    assert dates == {
        "a.pdf": "2019",
        "b.pdf": "2019-02",
        "c.pdf": "2020-02-29",
        "d.pdf": None,
        "e.pdf": None,
        "f.pdf": None,
        "g.pdf": None,
    }
    assert [p.split(":")[0] for p in found.problems] == [
        f"city/readingroom.csv line {n}" for n in (5, 6, 7, 8)
    ]


def test_types_are_read_by_key_or_label_and_requests_tidied():
    found = sheet_of(
        "file,type,request\n"
        'a.pdf,Court filing,"foia 15-3528; 2019-icfo-10471"\n'
        "b.pdf,court_filing,R000817-011520\n"
        "c.pdf,Invoice or purchase order,\n"
        "d.pdf,agenda-or-minutes,\n"
    )
    rows = {Path(path).name: row for path, row in found.rows.items()}
    assert [rows[n].doc_type for n in ("a.pdf", "b.pdf", "c.pdf", "d.pdf")] == [
        "court_filing",
        "court_filing",
        "invoice",
        "minutes",
    ]
    assert rows["a.pdf"].request == ("FOIA 15-3528", "2019-ICFO-10471")
    assert found.problems == ()


def test_excel_variants_are_read_semicolons_windows_1252_and_cells_over_lines():
    text = 'file;title;description\r\nsub\\a.pdf;Caf\xe9 report;"One line\r\nand ""another"""\r\n'
    found = sheet_of(text.encode("cp1252"))
    row = found.rows["/r/city/sub/a.pdf"]
    assert row.title == "Café report" and row.description == 'One line\nand "another"'
    assert found.problems == (
        "city/readingroom.csv line 2: not UTF-8, read as Windows-1252 (save it as CSV UTF-8 to "
        "keep every character)",
    )


def test_a_csv_without_a_file_column_is_reported_and_not_used():
    found = sheet_of("\n\nname,title\na.pdf,A title\n")
    assert found.rows == {}
    assert found.problems == (
        'city/readingroom.csv line 3: unknown column "name", not used (the columns are file, '
        "title, date, issuer, type, request, description)",
        'city/readingroom.csv line 3: the header row has no "file" column (it names file and '
        "any of title, date, issuer, type, request, description); the file is not used",
    )


def test_quotes_out_of_place_leave_out_their_row_and_a_quote_left_open_the_rest():
    found = sheet_of('file,title\na.pdf,"Fine"x\nb.pdf,"He said ""no"""\nc.pdf,"Never\nd.pdf,x\n')
    assert {Path(p).name: row.title for p, row in found.rows.items()} == {"b.pdf": 'He said "no"'}
    assert found.problems == (
        "city/readingroom.csv line 2: quotes out of place (',' expected after '\"': a quote "
        'inside a value is written twice, ""); the row is not used',
        "city/readingroom.csv line 4: a quote opened here is not closed; the rest of the file "
        "is not used",
    )
