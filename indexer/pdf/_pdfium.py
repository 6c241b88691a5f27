"""The process's one PDFium lock, and opening a file with PDFium (see the package docstring)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import pypdfium2 as pdfium

from ..errors import PdfReadError

_T = TypeVar("_T")
_P = ParamSpec("_P")

PDFIUM = threading.RLock()


def exclusive(function: Callable[_P, _T]) -> Callable[_P, _T]:
    """Run ``function`` holding the process's PDFium lock."""

    @functools.wraps(function)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with PDFIUM:
            return function(*args, **kwargs)

    return locked


def open_document(path: Path | str) -> pdfium.PdfDocument:
    """Open a PDF with PDFium, trying the empty password that many releases are locked with;
    call under the lock."""
    try:
        return pdfium.PdfDocument(str(path), password="")
    except pdfium.PdfiumError as exc:
        raise PdfReadError(_reason(str(exc))) from None
    except OSError as exc:
        raise PdfReadError(f"cannot open the file: {exc.strerror or exc}") from None


def _reason(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "encrypted: it needs a password that was not given"
    if "format" in lowered or "header" in lowered:
        return "not a readable PDF (damaged, truncated or another kind of file)"
    if "file" in lowered:
        return "cannot open the file"
    return f"unreadable PDF ({message})"
