"""The text index: everything Whoosh, behind a small interface that returns plain data.

    analysis.py   words, terms and codes, the same at indexing and at search
    schema.py     the document record's fields, records analysed in workers, and the
                  on-disk encoding of word positions
    phrases.py    phrases matched by intersecting position sets, and what a query marks
    scoring.py    BM25F with field lengths read once per segment
    writing.py    the writer, its in-memory field lengths, and the merge policy
    snapshot.py   one commit, searched: query trees in, document and page numbers out
    directory.py  ``TextIndex``: the index in a directory, its writer and snapshots

No module outside this package imports Whoosh, and this package never imports the search
layer (``indexer.search``) that uses it.
"""

from .analysis import PAGE_BREAK, WORD, compact, index_term, surface_form
from .directory import TextIndex
from .phrases import Highlight, PhraseTerms, phrase_words
from .schema import Record, analyse_record
from .snapshot import Snapshot, Suggestion
from .writing import IndexWriter

__all__ = [
    "PAGE_BREAK",
    "WORD",
    "Highlight",
    "IndexWriter",
    "PhraseTerms",
    "Record",
    "Snapshot",
    "Suggestion",
    "TextIndex",
    "analyse_record",
    "compact",
    "index_term",
    "phrase_words",
    "surface_form",
]
