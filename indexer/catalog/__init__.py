"""The catalog: documents, their files, pages, entities and indexing runs, in SQLite.

The catalog is the record of what was indexed; the text index (``indexer.index``) is
derived from it for searching. A document is committed to the text index first and to the
catalog second, so a crash between the two leaves a document the catalog does not know,
which the next run indexes again (and the search layer never shows).

    schema.py    the tables
    records.py   files and documents as read back; an extraction as the rows it is written as
    database.py  ``Catalog``: the connection and its statements
"""

from .database import Catalog
from .records import DocumentRecord, FileRecord, Rows, extraction_rows, revised_rows

__all__ = ["Catalog", "DocumentRecord", "FileRecord", "Rows", "extraction_rows", "revised_rows"]
