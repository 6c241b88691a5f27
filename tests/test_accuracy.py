"""The accuracy gold sets (tests/gold/real2.json, tests/gold/real1.json) and their harness
(bench/accuracy.py): the gold is well formed and covers every kind, and the scoring rules score
what they say. The
product's accuracy figures are measured by the harness and recorded in docs/ACCURACY.md; no
floor is asserted here yet."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import date

import pytest

from indexer.entities.exemptions import find_exemptions

from .conftest import ROOT, SHARED

CORPUS_2 = SHARED / "real_corpus_2" / "pdfs"
GOLD_PATH = ROOT / "tests" / "gold" / "real2.json"

requires_corpus_2 = pytest.mark.skipif(
    not CORPUS_2.is_dir(), reason="../shared/real_corpus_2 is not beside this checkout"
)


def _load_harness():
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


acc = _load_harness()


GOLD_FILES = [path for path in acc.GOLDS if path.is_file()]


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text())


@pytest.fixture(scope="module", params=GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def any_gold(request) -> dict:
    return json.loads(request.param.read_text())


# --- the gold itself ------------------------------------------------------------------------


def _valid_date(value: str) -> bool:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return False
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2030


def test_gold_is_well_formed(any_gold):
    docs = any_gold["documents"]
    assert len(docs) >= 40
    assert len({d["file"] for d in docs}) == len(docs), "a file is annotated twice"
    for d in docs:
        where = d["file"]
        assert d["split"] in ("tune", "heldout"), where
        assert d["doc_type"] in acc.DOC_TYPES, where
        assert all(t in acc.DOC_TYPES for t in d["doc_type_also"]), where
        assert d["date"] is None or _valid_date(d["date"]), where
        assert all(_valid_date(x) for x in d["date_also"]), where
        assert d["issuer"], where
        assert 1 <= len(d["titles"]) <= 3 and all(t.strip() for t in d["titles"]), where
        assert d["kind_of_text"] in ("text", "scanned", "mixed", "garbled"), where
        for kind in ("agencies", "exemptions", "requests", "vendors"):
            assert d[kind] is None or isinstance(d[kind], list), (where, kind)
            assert isinstance(d[f"{kind}_optional"], list), (where, kind)
            if d[kind]:
                assert not set(d[kind]) & set(d[f"{kind}_optional"]), (where, kind)
        for name in (d["agencies"] or []) + d["agencies_optional"]:
            assert name == name.strip() and "  " not in name, (where, name)
        if d["kind_of_text"] != "text":
            assert d["known_items"], f"{where}: a {d['kind_of_text']} record needs known items"
        for item in d["known_items"]:
            assert item["page"] >= 1 and item["phrases"], where
            assert all(len(p.split()) >= 2 or len(p) >= 6 for p in item["phrases"]), where


def test_every_kind_is_represented_and_both_splits_are_large(gold):
    docs = gold["documents"]
    kinds = Counter(d["doc_type"] for d in docs)
    assert set(kinds) == set(acc.DOC_TYPES), set(acc.DOC_TYPES) - set(kinds)
    splits = Counter(d["split"] for d in docs)
    assert min(splits["tune"], splits["heldout"]) >= len(docs) // 3, splits
    for kind, n in kinds.items():
        if n >= 2:  # a kind with two or more documents is in both splits
            both = {d["split"] for d in docs if d["doc_type"] == kind}
            assert both == {"tune", "heldout"}, kind
    texts = Counter((d["split"], d["kind_of_text"] != "text") for d in docs)
    assert texts[("tune", True)] >= 5 and texts[("heldout", True)] >= 5, texts


def test_federal_exemptions_are_written_as_the_indexer_writes_them(any_gold):
    for d in any_gold["documents"]:
        for code in (d["exemptions"] or []) + d["exemptions_optional"]:
            if code.startswith("(b)"):
                assert [c for c, _ in find_exemptions(code)] == [code], (d["file"], code)


@requires_corpus_2
def test_every_gold_file_exists_and_known_items_are_on_its_pages(any_gold):
    corpus = acc.corpus_of(any_gold)
    with open(corpus.parent / "MANIFEST.tsv", newline="") as handle:
        pages = {r["file"]: int(r["pages"]) for r in csv.DictReader(handle, delimiter="\t")}
    for d in any_gold["documents"]:
        assert (corpus / d["file"]).is_file(), d["file"]
        for item in d["known_items"]:
            assert item["page"] <= pages[d["file"]], (d["file"], item["page"])


# --- the scoring rules ----------------------------------------------------------------------


def test_agency_names_match_across_spelling_state_and_abbreviation():
    aliases = acc.Aliases(
        {"Los Angeles County Sheriff's Department": ["Los Angeles County Sheriff's Office"]}
    )
    named = acc.Named.of
    assert acc.agency_match(
        "U.S. Food and Drug Administration", named("Food & Drug Administration"), aliases
    )
    assert acc.agency_match(
        "Eugene Police Department (OR)", named("Eugene Police Department"), aliases
    )
    assert acc.agency_match(
        "Eugene Police Department (OR)", named("Eugene Police Department (OR)"), aliases
    )
    assert not acc.agency_match(
        "Aurora Police Department (CO)", named("Aurora Police Department (IL)"), aliases
    )
    assert acc.agency_match(
        "Los Angeles County Sheriff's Department (CA)",
        named("Los Angeles County Sheriff's Office"),
        aliases,
    )
    ice = named({"value": "U.S. Immigration and Customs Enforcement", "abbreviation": "ICE"})
    assert acc.agency_match("ICE", ice, aliases)
    assert acc.agency_match("Immigration and Customs Enforcement", ice, aliases)
    assert not acc.agency_match(
        "Department of Education", named("California Department of Education"), aliases
    )


def test_exemptions_requests_and_vendors_compare_by_their_keys():
    assert acc.exemption_match("(b)(7)(C)", "(b)(7)(c)")
    assert acc.exemption_match("7(1)(c)", "5 ILCS 140/7(1)(c)")
    assert acc.exemption_match("ORS 192.345(22)(c)", "192.345(22)(c)")
    assert acc.exemption_match("Minn. Stat. § 13.43", "13.43")
    assert not acc.exemption_match("(b)(6)", "(b)(7)(C)")
    assert acc.request_match("R14-211", "CPRA R14-211")
    assert acc.request_match("EPD-2025-3774", "epd 2025 3774")
    assert not acc.request_match("EPD-2025-3774", "EPD-2025-3775")
    assert not acc.request_match("211", "R14-211")  # too short to match as a suffix
    assert acc.vendor_match("Socrata", "Socrata, Inc.")
    assert acc.vendor_match(
        "Flock Safety", "Flock Group Inc", {"Flock Safety": ["Flock Group Inc"]}
    )
    assert not acc.vendor_match("Junar", "Socrata")


def test_dates_types_and_titles():
    assert acc.date_ok("2014-09", [], "2014-09-16")
    assert not acc.date_ok("2014-09-16", [], "2014-09")
    assert acc.date_ok(None, [], None) and not acc.date_ok(None, [], "2019-07-30")
    assert acc.date_ok(None, ["2019-07-30"], "2019-07-30")
    assert not acc.date_ok("2020-01-02", [], "2020-01-20")
    assert acc.doc_type_label("purchase order") == "invoice"
    assert acc.doc_type_label("Response letter") == "response_letter"
    assert acc.doc_type_label("something new") == "other"
    assert acc.title_ok(
        "EUA 27034: IR regarding Bell's palsy", ["EUA 27034: IR regarding Bell's palsy"]
    )
    assert not acc.title_ok("Seth May", ["PRR EPD-2025-3891"])
    assert acc.token_f1("a b c d", "a b c e") == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("0219-0226BL.xls", "file name"),
        ("Microsoft Word - July  2017", "file name"),
        ("Sample #2", "file name"),
        ("Seth May", "person"),
        ("Candeub, Adam - Page 1", "person"),
        ("CHRISTOPHER J. PAROSA", "person"),
        ("t:/j Kif", "garbled"),
        ("Law Offices", "letterhead"),
        ("LOS ANGELES COUNTY", "letterhead"),
        ("City of Anaheim", "letterhead"),
        ("Policy 1204 – Automated License Plate Readers", None),
        ("EUA 27034: IR regarding Bell's palsy", None),
        ("ADULT ARRESTS", None),
        ("Texas Commission on Jail Standards - Abbreviated Population Report for 06/01/2020", None),
    ],
)
def test_junk_title_rules(title, reason):
    assert acc.junk_reason(title) == reason


def _perfect(doc: dict) -> object:
    """The answer a perfect product would give for a gold document."""
    answer = acc.Answer(doc_id=doc["file"])
    answer.title = doc["titles"][0]
    answer.date = doc["date"]
    answer.doc_type = doc["doc_type"]
    answer.issuer = doc["issuer"]
    answer.agencies = [acc.Named.of(a) for a in doc["agencies"] or []]
    answer.exemptions = list(doc["exemptions"] or [])
    answer.requests = list(doc["requests"] or [])
    answer.vendors = list(doc["vendors"] or [])
    for item in doc["known_items"]:
        for phrase in item["phrases"]:
            answer.known[phrase] = (0, 1)
    return answer


def _wrong(doc: dict) -> object:
    answer = acc.Answer(doc_id=doc["file"])
    answer.title = "Seth May"
    answer.date = "1999-01-01"
    answer.doc_type = "other" if doc["doc_type"] != "other" else "email"
    answer.issuer = "Nobody Anywhere Agency"
    answer.agencies = [acc.Named.of("Federal Bureau of Investigation")]
    answer.exemptions = ["(b)(9)"]
    answer.requests = ["NOPE-0000-000000"]
    answer.vendors = ["Acme Widgets"]
    return answer


def _figures(report) -> dict[str, float | None]:
    return {name: p for name, p, _r, _c in report.rows()} | {
        name + " recall": r for name, _p, r, _c in report.rows() if r is not None
    }


def test_a_perfect_answer_scores_one_and_a_wrong_one_less(gold):
    docs = acc.select(gold, "tune")
    perfect = acc.score(docs, {d["file"]: _perfect(d) for d in docs}, gold, "tune")
    for name, value in _figures(perfect).items():
        assert value in (None, 1.0), (name, value)
    assert not perfect.junk and not perfect.errors
    wrong = acc.score(docs, {d["file"]: _wrong(d) for d in docs}, gold, "tune")
    for name, value in _figures(wrong).items():
        assert value is None or value < 0.5, (name, value)
    assert wrong.junk["person"] == len(docs)
    # half right is in between
    half = {d["file"]: (_perfect(d) if i % 2 else _wrong(d)) for i, d in enumerate(docs)}
    middle = acc.score(docs, half, gold, "tune")
    assert 0 < middle.doc_type_right < len(docs)
    assert 0 < middle.agencies.recall < 1


def test_optional_values_are_neither_hits_nor_errors():
    hits, extra, missed = acc.match_sets(["a"], ["b"], ["a", "b", "c"], lambda g, p: g == p)
    assert (hits, extra, missed) == (1, ["c"], [])


# --- the harness on the real pipeline -------------------------------------------------------


@requires_corpus_2
def test_the_harness_indexes_and_scores_a_few_tune_documents(gold, tmp_path):
    small = sorted(
        (d for d in acc.select(gold, "tune") if d["kind_of_text"] == "text"),
        key=lambda d: (CORPUS_2 / d["file"]).stat().st_size,
    )[:3]
    index = tmp_path / "index"
    summary = acc.build_index(
        [CORPUS_2 / d["file"] for d in small], index, tmp_path / "ocr.sqlite", workers=1
    )
    assert summary["added"] == 3 and not summary["failed"]
    answers = acc.read_answers(index, small, CORPUS_2)
    assert set(answers) == {d["file"] for d in small}
    assert all(a.doc_id == acc.doc_id_of(CORPUS_2 / f) for f, a in answers.items())
    assert all(a.title for a in answers.values())
    report = acc.score(small, answers, gold, "tune")
    assert report.documents == 3
    for name, value in _figures(report).items():
        assert value is None or 0.0 <= value <= 1.0, (name, value)
    assert "split: tune (3 documents)" in acc.table(report)
