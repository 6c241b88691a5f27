"""The document record: its fields, records analysed outside Whoosh, and the on-disk
encoding of word positions (written here by ``encode_positions``, read back by
``decode_positions``, both Whoosh's Positions format).

Workers build records (``analyse_record``) so that the single writer only files postings:
analysis was 45% of the writer's time.
"""

from __future__ import annotations

import operator
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.fields import ID, TEXT, Schema
from whoosh.formats import Positions
from whoosh.system import pack_uint

from .. import query as q
from .analysis import (
    CODE_ANALYZER,
    NAME_ANALYZER,
    PAGE_BREAK,
    PAGE_STRIDE,
    TEXT_ANALYZER,
    WORD,
    PagedTokenizer,
)

_COUNT_SIZE = 4  # bytes of the occurrence count before a Positions value's pickled gaps


class Analysed(tuple[tuple[bytes, int, float, bytes], ...]):
    """A field value already analysed: Whoosh's (term bytes, frequency, weight, encoded
    positions or frequency) for each distinct term."""


class AnalysedText(TEXT):
    """A text field that also takes an ``Analysed`` value, filed as it is."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, Analysed):
            return value
        return super().index(value, **kwargs)


def make_schema() -> Schema:
    """The fields of a document record. Phrase fields use Whoosh's Positions format, which
    ``decode_positions`` reads directly; code fields have one compact term per value."""
    codes = {
        name: AnalysedText(analyzer=CODE_ANALYZER, phrase=False) for name in sorted(q.CODE_FIELDS)
    }
    return Schema(
        id=ID(stored=True, unique=True),
        content=AnalysedText(analyzer=TEXT_ANALYZER, phrase=True),
        title=AnalysedText(analyzer=TEXT_ANALYZER, phrase=True, field_boost=2.0),
        subject=AnalysedText(analyzer=TEXT_ANALYZER, phrase=True),
        email_from=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        email_to=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        agency=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        issuer=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        vendor=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        **codes,
    )


SCHEMA = make_schema()


@dataclass(frozen=True)
class Record:
    """A document record analysed for the index."""

    doc_id: str
    fields: dict[str, Analysed]

    def with_fields(self, fields: dict[str, Sequence[str]]) -> Record:
        """The record with more fields, analysed here (the small ones known only to the
        writer, such as the document's collections)."""
        return Record(self.doc_id, {**self.fields, **_analyse_fields(fields)})


def analyse_record(doc_id: str, pages: Sequence[str], fields: dict[str, Sequence[str]]) -> Record:
    """A document's record: its pages' text and its other searchable fields, analysed."""
    return Record(doc_id, _analyse_fields({"content": [PAGE_BREAK.join(pages)], **fields}))


def _analyse_fields(fields: dict[str, Sequence[str]]) -> dict[str, Analysed]:
    out = {}
    for name, values in fields.items():
        field = SCHEMA[name]
        if name == "content":
            text = values[0]
        else:
            text = "|".join(values) if name in q.CODE_FIELDS else " \n".join(values)
        if isinstance(field.format, Positions) and isinstance(field.analyzer, PagedTokenizer):
            out[name] = _analyse_words(text, field.analyzer.form, field.format.field_boost)
        else:
            out[name] = Analysed(field.index(text))
    return out


def _analyse_words(text: str, form: Callable[[str], str], boost: float) -> Analysed:
    """What Whoosh's Positions format makes of a PagedTokenizer's tokens, without a Token
    object per word: the same terms, weights and encoded positions (a test compares them)."""
    positions: dict[str, list[int]] = {}
    for page_index, page_text in enumerate(text.split(PAGE_BREAK)):
        words = WORD.findall(page_text)
        del words[PAGE_STRIDE:]
        for position, term in enumerate(map(form, words), page_index * PAGE_STRIDE):
            found = positions.get(term)
            if found is None:
                positions[term] = [position]
            else:
                found.append(position)
    return Analysed(
        (term.encode(), len(found), len(found) * boost, encode_positions(found))
        for term, found in positions.items()
    )


def encode_positions(positions: list[int]) -> bytes:
    """Whoosh's Positions encoding: the count, then the pickled gaps."""
    gaps = list(map(operator.sub, positions, [0, *positions[:-1]]))
    count: bytes = pack_uint(len(gaps))
    return count + pickle.dumps(gaps, 2)


def decode_positions(value: bytes) -> Iterable[int]:
    """A posting's positions, decoded in C: Whoosh's own decoder sums the pickled gaps in a
    Python loop, a third of the time of a phrase query. A value may lack the pickle's final
    STOP opcode, as Whoosh's own decoder allows."""
    gaps = pickle.loads(value[_COUNT_SIZE:] if value.endswith(b".") else value[_COUNT_SIZE:] + b".")
    return accumulate(gaps)
