"""Ranking: Whoosh's BM25F with each segment's field lengths read once."""

from __future__ import annotations

from typing import Any

from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.searching import Searcher


class LengthCachingBM25F(BM25F):
    """Whoosh's BM25F, with each segment's field lengths read once into a list.

    Whoosh reads a document's field length from its column on every score; at 100,000 pages
    that lookup was most of the cost of ranking the thousands of documents a common word
    matches. One model serves one searcher, so the lists live as long as its segments.

    It relies on private details of whoosh-reloaded, checked by canaries in
    tests/test_index_hooks.py: BM25F's ``_field_B``, BM25FScorer's arguments, and its
    ``score`` reading a document's field length through the ``dfl`` attribute."""

    def __init__(self) -> None:
        super().__init__()
        self._lengths: dict[tuple[int, str], list[int]] = {}

    def scorer(self, searcher: Searcher, fieldname: str, text: bytes, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return WeightScorer.for_(searcher, fieldname, text)
        reader = searcher.reader()
        key = (id(reader), fieldname)
        lengths = self._lengths.get(key)
        if lengths is None:
            lengths = [
                reader.doc_field_length(docnum, fieldname, 1)
                for docnum in range(reader.doc_count_all())
            ]
            self._lengths[key] = lengths
        scorer = BM25FScorer(
            searcher, fieldname, text, self._field_B.get(fieldname, self.B), self.K1, qf=qf
        )
        scorer.dfl = lengths.__getitem__
        return scorer
