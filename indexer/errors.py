"""The errors Reading Room raises on purpose, one tree. Each message says what is wrong and
what to do, in words a user can act on; the site and the command line show it as it is.

    ReadingRoomError
     ├── IndexUnavailable    the index directory cannot be used: none there yet, built by
     │                       another version, not committed yet, or closed
     ├── QuerySyntaxError    a search query that cannot be read (with the position)
     ├── InvalidParameter    another search parameter that cannot be used (a date, a facet,
     │                       a sort); the site answers 400, the command line says it
     ├── PdfReadError        a file that cannot be read as a PDF (damaged, encrypted, …);
     │                       recorded as the file's failure, the batch goes on
     └── OcrUnavailable      Tesseract is missing or failed; scanned pages stay unread

Anything else that escapes is a bug.
"""

from __future__ import annotations


class ReadingRoomError(Exception):
    """An error whose message is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IndexUnavailable(ReadingRoomError):
    """The index directory cannot be used; the message says how to build or rebuild it."""


class QuerySyntaxError(ReadingRoomError):
    """A query that cannot be understood; the message says what to fix, ``position`` where
    (0-based), when one place is to blame."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class InvalidParameter(ReadingRoomError):
    """A parameter whose value cannot be searched with; the message says what to write."""


class PdfReadError(ReadingRoomError):
    """A file that cannot be read as a PDF; the message says why."""


class OcrUnavailable(ReadingRoomError):
    """Tesseract cannot be run; the message says what to install."""
