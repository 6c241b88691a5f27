"""Everything Whoosh: the schema, the analyzers, writing, searching and highlighting.

No other module imports Whoosh. The index holds one record per document. Its text is all
of the document's pages, and each page's words are numbered from ``page_index * PAGE_STRIDE``,
so a match's word position says which page it is on: hits are placed on pages without a
second record per page, and a phrase never matches across a page break.
"""

from __future__ import annotations

import html
import operator
import pickle
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS
from whoosh import index, matching
from whoosh import query as wq
from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.fields import ID, TEXT, Schema
from whoosh.formats import Positions
from whoosh.lang.porter import stem
from whoosh.query.spans import Span
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from . import query as q
from .errors import IndexUnavailable

PAGE_STRIDE = 1 << 20  # word positions reserved for each page
PAGE_BREAK = "\f"
EXPAND_LIMIT = 200  # terms a prefix may stand for
_COUNT_SIZE = 4  # bytes of the occurrence count before a Positions value's pickled gaps
_WORD = re.compile(r"\w+(?:\.?\w+)*")
SHORT_WORD = 3  # letters: words this short are not stemmed, and no stem is shorter


class PagedTokenizer(Tokenizer):
    """Splits text into words; each form feed starts the next page's block of positions."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    @staticmethod
    def form(word: str) -> str:
        """The word as indexed."""
        return word.lower()

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        form = self.form
        offset = 0
        for page_index, page_text in enumerate(value.split(PAGE_BREAK)):
            base = start_pos + page_index * PAGE_STRIDE
            for i, match in enumerate(_WORD.finditer(page_text)):
                if i >= PAGE_STRIDE:
                    break
                word = match.group(0)
                token.text = form(word)
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = word
                if positions:
                    token.pos = base + i
                if chars:
                    token.startchar = start_char + offset + match.start()
                    token.endchar = start_char + offset + match.end()
                yield token
            offset += len(page_text) + 1


@lru_cache(maxsize=200_000)
def index_term(word: str) -> str:
    """The indexed form of one word of text, at indexing and at search alike: lowercased,
    spelled the American way (licence -> license, from breame's list of British and American
    spellings), then Porter-stemmed.

    Words of up to three letters are not stemmed, and a longer word whose stem would have
    fewer is kept whole: Porter makes ICE "ic", INS "in", and "using" and "useful" "us", so a
    search for IC, IN or US found them. A plural still meets its word (cars -> car)."""
    word = word.lower()
    word = BRITISH_ENGLISH_SPELLINGS.get(word, word)
    if len(word) <= SHORT_WORD:
        return word
    stemmed = stem(word)
    return stemmed if len(stemmed) >= SHORT_WORD else word


class StemmingTokenizer(PagedTokenizer):
    """Words turned into their ``index_term`` as they are split: the same terms as a
    tokenizer and filters would give, in a third of the time (indexing spent half its time
    in that chain of generators and a stem filter's Python-level cache)."""

    form = staticmethod(index_term)


class CompactFilter(Filter):
    """Lowercases a code and drops its punctuation: (b)(7)(C) -> b7c, GS-35F-0119Y -> gs35f0119y."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = compact(token.text)
            if token.text:
                yield token


class ValueTokenizer(Tokenizer):
    """One token per value; values are separated by a vertical bar."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(  # type: ignore[override]
        self, value: str, positions: bool = False, chars: bool = False, **kwargs: Any
    ) -> Iterator[Token]:
        token = Token(positions, chars, **kwargs)
        start = 0
        for pos, part in enumerate(value.split("|")):
            token.text = part
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = start, start + len(part)
            start += len(part) + 1
            yield token


def compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


TEXT_ANALYZER = StemmingTokenizer()
NAME_ANALYZER = PagedTokenizer()
CODE_ANALYZER = ValueTokenizer() | CompactFilter()


class Analysed(tuple):  # type: ignore[type-arg]
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
    ``_positions`` decodes directly."""
    return Schema(
        id=ID(stored=True, unique=True),
        content=AnalysedText(analyzer=TEXT_ANALYZER, phrase=True),
        title=AnalysedText(analyzer=TEXT_ANALYZER, phrase=True, field_boost=2.0),
        subject=AnalysedText(analyzer=TEXT_ANALYZER, phrase=True),
        email_from=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        email_to=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        agency=AnalysedText(analyzer=NAME_ANALYZER, phrase=True),
        doc_type=AnalysedText(analyzer=CODE_ANALYZER, phrase=False),
        collection=AnalysedText(analyzer=CODE_ANALYZER, phrase=False),
        contract=AnalysedText(analyzer=CODE_ANALYZER, phrase=False),
        exemption=AnalysedText(analyzer=CODE_ANALYZER, phrase=False),
        bates=AnalysedText(analyzer=CODE_ANALYZER, phrase=False),
    )


SCHEMA = make_schema()


@dataclass(frozen=True)
class Record:
    """A document record analysed for the index. Workers build records (``analyse_record``)
    so that the single writer only files postings: analysis was 45% of the writer's time."""

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
            text = "|".join(values) if _is_code(name) else " \n".join(values)
        if isinstance(field.format, Positions) and isinstance(field.analyzer, PagedTokenizer):
            out[name] = _analyse_words(text, field.analyzer.form, field.format.field_boost)
        else:
            out[name] = Analysed(field.index(text))
    return out


def _analyse_words(text: str, form: Any, boost: float) -> Analysed:
    """What Whoosh's Positions format makes of a PagedTokenizer's tokens, without a Token
    object per word: the same terms, weights and encoded positions (a test compares them)."""
    positions: dict[str, list[int]] = {}
    for page_index, page_text in enumerate(text.split(PAGE_BREAK)):
        words = _WORD.findall(page_text)
        del words[PAGE_STRIDE:]
        for position, term in enumerate(map(form, words), page_index * PAGE_STRIDE):
            found = positions.get(term)
            if found is None:
                positions[term] = [position]
            else:
                found.append(position)
    return Analysed(
        (term.encode(), len(found), len(found) * boost, _encode_positions(found))
        for term, found in positions.items()
    )


def _encode_positions(positions: list[int]) -> bytes:
    """Whoosh's Positions encoding: the count, then the pickled gaps."""
    gaps = list(map(operator.sub, positions, [0, *positions[:-1]]))
    return pack_uint(len(gaps)) + pickle.dumps(gaps, 2)


class TextIndex:
    """A Whoosh index in a directory: its writer, and searchers for the library to hold."""

    def __init__(self, directory: Path, *, create: bool = False) -> None:
        """Open the index in ``directory``; only a writer (``create``) may make a new one, so a
        reader that looks before the indexer's first commit never competes in creating it."""
        self.directory = directory
        if index.exists_in(str(directory)):
            # this code's schema, not the pickled one: an index written before the fields
            # took analysed values has the same fields
            self._index = index.open_dir(str(directory), schema=make_schema())
        elif not create:
            raise IndexUnavailable(f"There is no search index in {directory}.")
        else:
            directory.mkdir(parents=True, exist_ok=True)
            self._index = index.create_in(str(directory), make_schema())

    def close(self) -> None:
        self._index.close()

    # -- writing ----------------------------------------------------------------------------

    @contextmanager
    def writer(self) -> Iterator[IndexWriter]:
        """A writer whose changes become visible together when the block ends without error."""
        writer = self.open_writer()
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def open_writer(self) -> IndexWriter:
        """A writer that holds the index's lock until it commits or cancels."""
        return IndexWriter(_SegmentWriter(self._index, limitmb=128))

    def doc_ids(self) -> set[str]:
        """Every document id in the index. Uses a searcher of its own, closed at once: Whoosh
        reads each segment's term and posting files into memory when it opens them, half a
        gigabyte at 100,000 pages, which the indexer should not carry through its run."""
        searcher = self.open_searcher()
        try:
            return {fields["id"] for fields in searcher.all_stored_fields()}
        finally:
            searcher.close()

    # -- searching --------------------------------------------------------------------------

    def open_searcher(self) -> Searcher:
        """A searcher on the latest commit. A new one, not a refresh(): Whoosh 2.7's refresh
        fails on an empty index."""
        return self._index.searcher(weighting=LengthCachingBM25F())

    def compile(self, node: q.Node | None) -> wq.Query:
        """Turn a parsed query into a Whoosh query."""
        if node is None:
            return wq.Every()
        if isinstance(node, (q.Word, q.Phrase)):
            return _terms_query(node.field, *self._terms(node))
        if isinstance(node, q.Prefix):
            return wq.Prefix(node.field, node.text.lower())
        if isinstance(node, q.Not):
            return wq.Not(self.compile(node.part))
        parts = [self.compile(part) for part in node.parts]
        if isinstance(node, q.Or):
            return wq.Or(parts)
        if all(isinstance(part, wq.Not) for part in parts):
            parts.insert(0, wq.Every())
        return wq.And(parts)

    def _terms(self, node: q.Word | q.Phrase) -> tuple[list[str], int]:
        """A word's or phrase's indexed words, and how many other words a match may have
        between two of them (a word that analyses to several is a phrase: e-mail)."""
        return self._analyze(node.field, node.text), node.slop if isinstance(node, q.Phrase) else 0

    def _analyze(self, field: str, text: str) -> list[str]:
        if _is_code(field):  # one compact value, never a phrase: these fields have no positions
            code = compact(text)
            if field == "exemption" and code[:1].isdigit():
                code = "b" + code  # 7(C) is (b)(7)(C)
            return [code] if code else []
        analyzer = self._index.schema[field].analyzer
        return [token.text for token in analyzer(text)]

    def matching(self, searcher: Searcher, wquery: wq.Query) -> set[int]:
        """Document numbers that match, unscored."""
        return set(searcher.docs_for_query(wquery))

    def scored(self, searcher: Searcher, wquery: wq.Query) -> list[int]:
        """Every matching document number, best first."""
        results = searcher.search(wquery, limit=None)
        return [docnum for _, docnum in results.top_n]

    def stored_ids(self, searcher: Searcher) -> dict[int, str]:
        """Document number -> document id, for every live document."""
        reader = searcher.reader()
        return {docnum: reader.stored_fields(docnum)["id"] for docnum in reader.all_doc_ids()}

    def page_hits(
        self, searcher: Searcher, node: q.Node | None, docnums: Sequence[int]
    ) -> dict[int, dict[int, int]]:
        """For each document number, the pages its text matches on, with match counts."""
        found: dict[int, dict[int, int]] = {docnum: {} for docnum in docnums}
        ordered = sorted(docnums)
        for leaf in self._content_leaves(searcher, node):
            matcher = leaf.matcher(searcher)
            for docnum in ordered:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                if not matcher.is_active() or matcher.id() != docnum:
                    continue
                pages = found[docnum]
                for span in matcher.spans():
                    page = span.start // PAGE_STRIDE + 1
                    pages[page] = pages.get(page, 0) + 1
        return found

    def _content_leaves(self, searcher: Searcher, node: q.Node | None) -> list[wq.Query]:
        leaves: list[wq.Query] = []
        for leaf in q.positive_leaves(node):
            if leaf.field != "content":
                continue
            if isinstance(leaf, q.Prefix):
                terms = self._expand(searcher, leaf.text.lower())
                leaves.extend(wq.Term("content", term) for term in terms)
            else:
                compiled = self.compile(leaf)
                if compiled is not wq.NullQuery:
                    leaves.append(compiled)
        return leaves

    def _expand(self, searcher: Searcher, prefix: str) -> list[str]:
        terms = []
        for term in searcher.reader().expand_prefix("content", prefix):
            terms.append(term.decode() if isinstance(term, bytes) else term)
            if len(terms) >= EXPAND_LIMIT:
                break
        return terms

    def term_query(self, term: str) -> wq.Query:
        return wq.Term("content", term)

    def unknown_word_fix(self, searcher: Searcher, word: str) -> str | None:
        """For a word whose indexed form is in no document, the nearest indexed form that is."""
        terms = self._analyze("content", word)
        if len(terms) != 1 or searcher.doc_frequency("content", terms[0]) > 0:
            return None
        found = searcher.suggest("content", terms[0], limit=1, maxdist=2, prefix=1)
        return found[0] if found else None

    @staticmethod
    def surface_form(text: str, term: str) -> str | None:
        """The first word of ``text`` that is indexed as ``term``, as written (lowercased)."""
        for token in TEXT_ANALYZER(text, chars=True, keeporiginal=True):
            if token.text == term:
                return text[token.startchar : token.endchar].lower()
        return None

    def highlight_terms(self, searcher: Searcher, node: q.Node | None) -> Highlight:
        """What the query's content leaves match in page text, for ``Excerpts``."""
        words: set[str] = set()
        phrases: set[PhraseTerms] = set()
        for leaf in q.positive_leaves(node):
            if leaf.field != "content":
                continue
            if isinstance(leaf, q.Prefix):
                words.update(self._expand(searcher, leaf.text.lower()))
                continue
            terms, slop = self._terms(leaf)
            if len(terms) == 1:
                words.add(terms[0])
            elif terms:
                phrases.add(PhraseTerms(tuple(terms), _phrase_slop(slop)))
        return Highlight(frozenset(words), frozenset(phrases))


@dataclass(frozen=True)
class PhraseTerms:
    terms: tuple[str, ...]
    slop: int  # as ``PhraseMatcher`` counts it: each word 1 to ``slop`` positions after the last


@dataclass(frozen=True)
class Highlight:
    """What a query marks in page text: ``words`` wherever they occur (its words, and the
    indexed words its prefixes stand for), and ``phrases`` only where the phrase matches."""

    words: frozenset[str] = frozenset()
    phrases: frozenset[PhraseTerms] = frozenset()


def _phrase_slop(slop: int) -> int:
    """A query's slop (words allowed in between) as ``PhraseMatcher`` takes it."""
    return slop + 1


def _terms_query(field: str, words: list[str], slop: int) -> wq.Query:
    if not words:
        return wq.NullQuery
    if len(words) == 1:
        return wq.Term(field, words[0])
    return PositionalPhrase(field, words, slop=_phrase_slop(slop))


class PositionalPhrase(wq.Phrase):
    """A phrase matched by intersecting its words' position sets.

    Whoosh's own phrase builds a span object per occurrence of each word and compares them
    pairwise; on whole-document records, where a common word occurs hundreds of times, that
    made phrase queries five times slower than word queries. Scores are Whoosh's: the sum of
    the words' scores, as for its phrase."""

    def matcher(self, searcher: Searcher, context: Any = None) -> matching.Matcher:
        reader = searcher.reader()
        field = searcher.schema[self.fieldname]
        if type(field.format) is not Positions:
            return super().matcher(searcher, context)
        leaves = []
        for word in self.words:
            if (self.fieldname, field.to_bytes(word)) not in reader:
                return matching.NullMatcher()
            leaves.append(wq.Term(self.fieldname, word).matcher(searcher, context))
        found: matching.Matcher = PhraseMatcher(leaves, self.slop)
        if self.boost != 1.0:
            found = matching.WrappingMatcher(found, boost=self.boost)
        return found


class PhraseMatcher(matching.WrappingMatcher):
    """Documents where each word follows the one before it within ``slop`` positions."""

    def __init__(self, leaves: list[matching.Matcher], slop: int) -> None:
        child = leaves[0]
        for leaf in leaves[1:]:
            child = matching.IntersectionMatcher(child, leaf)
        super().__init__(child)
        self.leaves = leaves
        self.slop = slop
        self._ends: list[int] = []
        self._find_next()

    def copy(self) -> PhraseMatcher:
        copied = PhraseMatcher([leaf.copy() for leaf in self.leaves], self.slop)
        if self.is_active() and copied.is_active():
            copied.skip_to(self.id())
        return copied

    def replace(self, minquality: float = 0) -> matching.Matcher:
        return self if self.is_active() else matching.NullMatcher()

    def supports_block_quality(self) -> bool:
        return False

    def _match_ends(self) -> list[int]:
        """Positions of the phrase's last word in the current document's matches."""
        reach: Iterable[int] = _positions(self.leaves[0])
        for leaf in self.leaves[1:]:
            reach = _follow(reach, _positions(leaf), self.slop)
            if not reach:
                return []
        return sorted(reach)

    def _find_next(self) -> None:
        child = self.child
        while child.is_active():
            self._ends = self._match_ends()
            if self._ends:
                return
            child.next()

    def next(self) -> None:
        self.child.next()
        self._find_next()

    def skip_to(self, docnum: int) -> None:
        self.child.skip_to(docnum)
        self._find_next()

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()

    def spans(self) -> list[Span]:
        """One span per match, at its last word: enough to place it on its page."""
        return [Span(end) for end in self._ends]


def _follow(before: Iterable[int], positions: Iterable[int], slop: int) -> list[int]:
    """The ``positions`` (ascending) that come 1 to ``slop`` positions after one of ``before``:
    where a phrase's next word continues its partial matches."""
    if slop == 1:
        return sorted({p + 1 for p in before}.intersection(positions))
    ordered = sorted(before)
    return [
        p
        for p in positions
        if (i := bisect_left(ordered, p - slop)) < len(ordered) and ordered[i] < p
    ]


def _precede(after: list[int], positions: list[int], slop: int) -> list[int]:
    """The ``positions`` that come 1 to ``slop`` positions before one of ``after`` (both
    ascending): ``_follow`` backwards."""
    return [
        p for p in positions if (i := bisect_right(after, p)) < len(after) and after[i] <= p + slop
    ]


def _phrase_words(positions: list[list[int]], slop: int) -> set[int]:
    """The positions of the words of every match of a phrase, given each of its words'
    positions (ascending): matches are found forwards, as ``PhraseMatcher`` finds them, and
    the words that lead to a match's last word are gathered backwards."""
    reach = [positions[0]]
    for following in positions[1:]:
        reach.append(_follow(reach[-1], following, slop))
        if not reach[-1]:
            return set()
    kept = reach[-1]
    found = set(kept)
    for before in reversed(reach[:-1]):
        kept = _precede(kept, before, slop)
        found.update(kept)
    return found


def _positions(leaf: matching.Matcher) -> Iterable[int]:
    """The current document's positions of a term, decoded in C: Whoosh's Positions format
    stores a count and then the pickled gaps between positions, and its own decoder sums the
    gaps in a Python loop, a third of the time of a phrase query."""
    value = leaf.value()
    gaps = pickle.loads(value[_COUNT_SIZE:] if value.endswith(b".") else value[_COUNT_SIZE:] + b".")
    return accumulate(gaps)


class LengthCachingBM25F(BM25F):
    """Whoosh's BM25F, with each segment's field lengths read once into a list.

    Whoosh reads a document's field length from its column on every score; at 100,000 pages
    that lookup was most of the cost of ranking the thousands of documents a common word
    matches. One model serves one searcher, so the lists live as long as its segments."""

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


MERGE_WIDTH = 10  # segments of one size tier merged together
MERGE_BELOW = 1_000  # documents: larger segments are never merged, only purged of deletions


def merge_tiers(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: small segments merge ten at a time, among segments of the same
    size tier (powers of ten of their document counts); a segment that is mostly deleted is
    rewritten without its deleted records; segments of a thousand documents or more are left.

    Whoosh's default merges on a Fibonacci schedule that keeps folding the largest segment
    into new ones, and a merge costs about as much as indexing its documents again: building
    the 100,000-page benchmark index spent most of its 35 minutes merging. Merging ten large
    segments took eight minutes and a gigabyte of memory, for no measurable gain in search
    (docs/PERFORMANCE.md), so commits of a bulk run stay as they are written."""
    tiers: dict[int, list[Any]] = {}
    keep = []
    for segment in segments:
        total = segment.doc_count_all()
        if total and segment.deleted_count() * 2 > total:
            tiers.setdefault(0, []).append(segment)  # merged now, to drop its deleted records
        elif total >= MERGE_BELOW:
            keep.append(segment)
        else:
            tiers.setdefault(len(str(total)), []).append(segment)
    for tier, members in tiers.items():
        if tier != 0 and len(members) < MERGE_WIDTH:
            keep += members
            continue
        for segment in members:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return keep


class _SegmentWriter(SegmentWriter):
    """Whoosh's writer, with the new segment's field lengths held in memory while it writes
    the postings: it looks up a document's field length for every posting, each a seek and
    a read of the file it just wrote; holding them made commits about a fifth faster."""

    def per_document_reader(self) -> Any:
        return _MemoryLengths(super().per_document_reader())


class _MemoryLengths:
    """A per-document reader whose field lengths are read once per field."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[tuple[str, int], list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        lengths = self._lengths.get((fieldname, default))
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(n, fieldname, default) for n in range(self._reader.doc_count_all())]
            self._lengths[(fieldname, default)] = lengths
        return lengths[docnum]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class IndexWriter:
    """Adds and removes document records; nothing is visible until the writer commits."""

    def __init__(self, writer: SegmentWriter) -> None:
        self._writer = writer

    def put(
        self,
        doc_id: str,
        pages: Sequence[str],
        fields: dict[str, Sequence[str]],
        *,
        new: bool = False,
    ) -> None:
        """Add a document record from its pages and fields (see ``add``)."""
        self.add(analyse_record(doc_id, pages, fields), new=new)

    def add(self, record: Record, *, new: bool = False) -> None:
        """Add a document record, replacing any of the same id unless the caller knows it is
        ``new``: looking for an old record opens every segment (see ``TextIndex.doc_ids``)."""
        if new:
            self._writer.add_document(id=record.doc_id, **record.fields)
        else:
            self._writer.update_document(id=record.doc_id, **record.fields)

    def delete(self, doc_id: str) -> None:
        self._writer.delete_by_term("id", doc_id)

    def commit(self) -> None:
        self._writer.commit(mergetype=merge_tiers)

    def cancel(self) -> None:
        self._writer.cancel()


def _is_code(field: str) -> bool:
    return field in ("doc_type", "collection", "contract", "exemption", "bates")


class Excerpts:
    """Highlighted passages of page text: escaped HTML with only <mark> added.

    Words are matched by their indexed form, so "plates" is marked for a search for "plate",
    and a phrase's words only where the phrase matches: page text is numbered into words as
    it was for the index. Whoosh's own highlighter ran every word of a page through the
    analyzer and its fragment scorer, half the time of a results page on long pages; this
    scans the words once."""

    def __init__(self, highlight: Highlight, *, size: int = 280) -> None:
        self.words = highlight.words
        self.phrases = highlight.phrases
        self.wanted = self.words.union(*(phrase.terms for phrase in self.phrases))
        self.size = size

    def _matches(self, text: str) -> list[tuple[int, int]]:
        """The spans of the words to mark, in order."""
        if not self.phrases:  # no word numbers needed
            words = self.words
            return [m.span() for m in _WORD.finditer(text) if index_term(m.group()) in words]
        wanted = self.wanted
        found = [
            (number, term, match.span())
            for number, match in enumerate(_WORD.finditer(text))
            if (term := index_term(match.group())) in wanted
        ]
        positions: dict[str, list[int]] = {}
        for number, term, _ in found:
            positions.setdefault(term, []).append(number)
        marked = {number for number, term, _ in found if term in self.words}
        for phrase in self.phrases:
            each = [positions.get(term, []) for term in phrase.terms]
            marked.update(_phrase_words(each, phrase.slop))
        span_of = {number: span for number, _, span in found}
        return [span_of[number] for number in sorted(marked)]

    def excerpt(self, text: str) -> str:
        """The passage of about ``size`` characters with the most matches; the start of the
        text when nothing matches."""
        spans = self._matches(text)
        if not spans:
            return html.escape(_shorten(text, 240), quote=False)
        best, best_count, j = 0, 0, 0
        for i, (start, _) in enumerate(spans):  # the window starting at each match
            while j < len(spans) and spans[j][1] - start <= self.size:
                j += 1
            if j - i > best_count:
                best, best_count = i, j - i
        first = spans[best][0]
        last = spans[best + best_count - 1][1]
        slack = max(0, self.size - (last - first)) // 2
        start = _word_start(text, max(0, first - slack))
        end = _word_end(text, min(len(text), last + slack))
        inside = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
        body = _mark(text[start:end], inside)
        body = " ".join(body.split())
        return ("… " if start > 0 else "") + _join_marks(body) + (" …" if end < len(text) else "")

    def mark_all(self, text: str) -> str:
        """The whole text, escaped, with every matching word marked."""
        return _join_marks(_mark(text, self._matches(text)))


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, position = [], 0
    for start, end in spans:
        out.append(html.escape(text[position:start], quote=False))
        out.append("<mark>" + html.escape(text[start:end], quote=False) + "</mark>")
        position = end
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)


def _word_start(text: str, index: int) -> int:
    """Move back to the start of the word ``index`` falls in."""
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def _join_marks(text: str) -> str:
    """Merge marks that only whitespace separates, so a phrase is marked as one."""
    return re.sub(r"</mark>([ \t\n]{1,3})<mark>", r"\1", text)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
