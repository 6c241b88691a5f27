"""The PDFium C functions that the object walk and the hidden text call, once per object or
character, with handles as plain integers."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c


def address(handle: Any) -> int:
    """A PDFium handle or function (from pypdfium2) as the plain integer these take."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0  # a null handle: 0, as None would


def _c_function(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """A PDFium function from pypdfium2.raw, taking and giving handles as plain integers.
    Its own prototype turns every handle into a typed pointer object and checks it, which
    cost a sixth of walking a page's objects."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(function))


_HANDLE, _INT, _UINT = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint
_FLOATS, _INTS, _UINTS = (ctypes.POINTER(t) for t in (ctypes.c_float, _INT, _UINT))
_DOUBLES = ctypes.POINTER(ctypes.c_double)

# a page's objects
COUNT_OBJECTS = _c_function(pdfium_c.FPDFPage_CountObjects, _INT, _HANDLE)
GET_OBJECT = _c_function(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
COUNT_FORM_OBJECTS = _c_function(pdfium_c.FPDFFormObj_CountObjects, _INT, _HANDLE)
GET_FORM_OBJECT = _c_function(pdfium_c.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
GET_TYPE = _c_function(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
GET_BOUNDS = _c_function(pdfium_c.FPDFPageObj_GetBounds, _INT, _HANDLE, *[_FLOATS] * 4)
GET_DRAW_MODE = _c_function(pdfium_c.FPDFPath_GetDrawMode, _INT, _HANDLE, _INTS, _INTS)
GET_FILL_COLOR = _c_function(pdfium_c.FPDFPageObj_GetFillColor, _INT, _HANDLE, *[_UINTS] * 4)
GET_PIXEL_SIZE = _c_function(pdfium_c.FPDFImageObj_GetImagePixelSize, _INT, _HANDLE, _UINTS, _UINTS)
COUNT_SEGMENTS = _c_function(pdfium_c.FPDFPath_CountSegments, _INT, _HANDLE)
TEXT, PATH, IMAGE, FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)

# a text page's characters
COUNT_CHARS = _c_function(pdfium_c.FPDFText_CountChars, _INT, _HANDLE)
CHAR_BOX = _c_function(pdfium_c.FPDFText_GetCharBox, _INT, _HANDLE, _INT, *[_DOUBLES] * 4)
CHAR_UNICODE = _c_function(pdfium_c.FPDFText_GetUnicode, _UINT, _HANDLE, _INT)
CHAR_OBJECT = _c_function(pdfium_c.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
CHAR_FILL = _c_function(pdfium_c.FPDFText_GetFillColor, _INT, _HANDLE, _INT, *[_UINTS] * 4)
CHAR_STROKE = _c_function(pdfium_c.FPDFText_GetStrokeColor, _INT, _HANDLE, _INT, *[_UINTS] * 4)
COUNT_RECTS = _c_function(pdfium_c.FPDFText_CountRects, _INT, _HANDLE, _INT, _INT)
GET_RECT = _c_function(pdfium_c.FPDFText_GetRect, _INT, _HANDLE, _INT, *[_DOUBLES] * 4)
RENDER_MODE = _c_function(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _HANDLE)
INVISIBLE_MODES = {3, 7}  # text render modes that paint nothing: invisible, clip only
STROKED_MODES = {1, 5}  # modes that paint only the outline, in the stroke colour
