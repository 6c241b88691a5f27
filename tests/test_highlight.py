"""What a search marks on a page is what it matched: short words only as themselves, a
phrase only where it occurs (within its slop), prefixes by the words they stand for, and
British and American spellings of a word as one word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from indexer import query as q
from indexer.index import Snapshot, TextIndex, index_term, surface_form
from indexer.search import Library, SearchRequest
from indexer.search.excerpts import Excerpts

from .conftest import build_index

PAGES = {
    "ice": "ICE and INS shared the records with the IC office, using US forms.",
    "phrase": "The license plate was read. The plate on the truck was clean. A license was issued.",
    "slop": "A plate of a reader. Then a plate seen by one camera reader.",
    "prefix": "The licensed vendor holds a licence; the lichen grew on the sign.",
    "british": "Her driving licence and the organisation's judgement are on file.",
    "american": "His driver license and the organization's judgment are on file.",
}


@dataclass
class Pages:
    """A small real index of ``PAGES``, one record each, and a snapshot of it."""

    snapshot: Snapshot

    def excerpts(self, query: str) -> Excerpts:
        return Excerpts(self.snapshot.highlight(q.parse(query)))

    def marked(self, query: str, text: str) -> list[str]:
        """The marked passages of ``text`` for ``query``."""
        return re.findall(r"<mark>(.*?)</mark>", self.excerpts(query).mark_all(text))

    def found(self, query: str) -> set[str]:
        """The pages that match ``query``."""
        node = q.parse(query)
        assert node is not None
        ids = self.snapshot.doc_ids()
        return {ids[n] for n in self.snapshot.matching(node)}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pages]:
    index = TextIndex(tmp_path_factory.mktemp("text"), create=True)
    with index.writer() as writer:
        for name, text in PAGES.items():
            writer.put(name, [text], {})
    with index.snapshot() as snapshot:
        yield Pages(snapshot)
    index.close()


def test_a_three_letter_word_matches_and_marks_only_itself(pages):
    text = PAGES["ice"]
    assert pages.marked("ICE", text) == ["ICE"]
    assert pages.marked("IC", text) == ["IC"]
    assert pages.marked("INS", text) == ["INS"]
    assert pages.marked("US", text) == ["US"]  # not "using", which Porter stems to "us"
    assert pages.found("IC") == pages.found("ICE") == {"ice"}
    assert pages.found("in") == set()  # Porter made INS "in"
    assert pages.found("use") == set()  # nor is "using" the word "use"
    assert index_term("ICE") != index_term("IC")
    assert index_term("cars") == index_term("car")  # a plural still meets its word


def test_a_phrase_is_marked_only_where_it_occurs(pages):
    assert pages.excerpts('"license plate"').mark_all(PAGES["phrase"]) == (
        "The <mark>license plate</mark> was read. The plate on the truck was clean. "
        "A license was issued."
    )


def test_a_word_of_the_query_is_marked_everywhere_beside_a_phrase_that_has_it(pages):
    text = PAGES["phrase"]
    assert pages.marked('plate "license plate"', text) == ["license plate", "plate"]
    assert pages.marked('"license plate" OR license', text) == ["license plate", "license"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"plate reader"', []),
        ('"plate reader"~1', []),
        ('"plate reader"~2', ["plate", "reader"]),  # two words between: "of a"
        ('"plate reader"~3', ["plate", "reader"]),
        ('"plate reader"~4', ["plate", "reader", "plate", "reader"]),  # "seen by one camera"
        ('"reader plate"~9', ["reader", "plate"]),  # words in the phrase's order only
    ],
)
def test_a_phrase_with_slop_is_marked_where_the_search_matches_it(pages, query, expected):
    assert pages.marked(query, PAGES["slop"]) == expected
    assert pages.found(query) == ({"slop"} if expected else set())


def test_a_prefix_marks_the_words_it_stands_for(pages):
    # licens* stands for the indexed word of licensed, and of licence (spelled license when
    # indexed, see below), not for the lichen beside them
    assert pages.marked("licens*", PAGES["prefix"]) == ["licensed", "licence"]
    assert pages.marked('licens* "plate reader"', PAGES["phrase"]) == ["license", "license"]
    assert pages.found("licens*") == {"prefix", "british", "american", "phrase"}


@pytest.mark.parametrize(
    ("query", "page", "expected"),
    [
        ("license", "british", ["licence"]),
        ("licence", "american", ["license"]),
        ('"driving licence"', "british", ["driving licence"]),
        ("organization judgment", "british", ["organisation", "judgement"]),
        ("organisation judgement", "american", ["organization", "judgment"]),
    ],
)
def test_british_and_american_spellings_find_each_other(pages, query, page, expected):
    assert pages.marked(query, PAGES[page]) == expected
    assert page in pages.found(query)


def test_a_word_is_shown_as_the_records_spell_it(pages):
    assert surface_form(PAGES["british"], index_term("license")) == "licence"
    assert surface_form(PAGES["american"], index_term("licence")) == "license"


def test_the_excerpt_is_the_passage_with_the_phrase_not_the_lone_words(pages):
    filler = "The plate was filed with the other records of the office that year. " * 8
    text = filler + "Officers ran the license plate through the reader at the gate." + filler
    excerpt = pages.excerpts('"license plate"').excerpt(text)
    assert re.findall(r"<mark>(.*?)</mark>", excerpt) == ["license plate"]
    assert excerpt.startswith("… ") and excerpt.endswith(" …")


def _write_pdf(path: Path, pages: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path))
    for text in pages:
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()


def test_a_british_search_finds_a_page_written_the_american_way(tmp_path):
    release = tmp_path / "release"
    _write_pdf(
        release / "city" / "readers.pdf",
        [
            "Minutes of the IC working group on parking enforcement.",
            "The police use a license plate reader on two patrol cars.",
        ],
    )
    build_index([release], tmp_path / "index", ocr="off")
    library = Library(tmp_path / "index")
    try:
        for query in ("licence plate", '"licence plate"', '"licence plates"'):
            result = library.search(SearchRequest(q=query))
            assert result.total == 1 and result.suggestion is None, query
            (hit,) = result.rows[0].hits
            assert hit.page == 2
            assert "a <mark>license plate</mark> reader" in hit.excerpt, query
        assert library.search(SearchRequest(q="ICE")).total == 0  # the page has IC
    finally:
        library.close()
