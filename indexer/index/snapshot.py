"""One commit of the index, as searched: query trees in, plain data out.

A ``Snapshot`` holds a Whoosh searcher and answers in document numbers (ints that stand for
documents within this commit), page numbers and terms; nothing Whoosh leaves it. A search
asks it for the matching documents (``ranked`` or ``matching``), and then, for the
documents it shows, their pages (``page_hits``) and what to mark (``highlight``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType

from whoosh import query as wq
from whoosh.searching import Searcher

from .. import query as q
from .analysis import PAGE_STRIDE, code_term
from .phrases import Highlight, PhraseTerms, PositionalPhrase, phrase_slop

EXPAND_LIMIT = 200  # terms a prefix may stand for


@dataclass(frozen=True)
class Suggestion:
    """An indexed term near a word the index does not know, and a few documents holding it
    (lowest numbers first), where the caller may find the term as written."""

    term: str
    examples: tuple[int, ...]


class Snapshot:
    """One commit's searcher. Not thread-safe: its owner serialises calls (the search layer
    holds its lock), and closes it when a newer commit replaces it."""

    def __init__(self, searcher: Searcher) -> None:
        self._searcher = searcher

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def is_current(self) -> bool:
        """Whether this is still the index's latest commit."""
        return bool(self._searcher.up_to_date())

    def doc_ids(self) -> dict[int, str]:
        """Document number -> document id, for every live document."""
        reader = self._searcher.reader()
        return {docnum: reader.stored_fields(docnum)["id"] for docnum in reader.all_doc_ids()}

    def number_of(self, doc_id: str) -> int | None:
        """The document number of a document id, if this commit has it."""
        found = self._searcher.document_number(id=doc_id)
        return None if found is None else int(found)

    def ranked(self, node: q.Node) -> list[int]:
        """Every document matching a query, best first (BM25F)."""
        results = self._searcher.search(self._compile(node), limit=None)
        return [docnum for _, docnum in results.top_n]

    def matching(self, node: q.Node) -> set[int]:
        """Every document matching a query, unscored."""
        return set(self._searcher.docs_for_query(self._compile(node)))

    def code_values(self, field: str) -> dict[str, set[int]]:
        """Every term of a code field, with the documents holding it."""
        searcher = self._searcher
        return {
            term: set(searcher.docs_for_query(wq.Term(field, term)))
            for term in searcher.reader().field_terms(field)
        }

    def page_hits(self, node: q.Node, docnums: Sequence[int]) -> dict[int, dict[int, int]]:
        """For each document number, the pages its text matches on, with match counts."""
        found: dict[int, dict[int, int]] = {docnum: {} for docnum in docnums}
        ordered = sorted(docnums)
        for leaf in self._content_leaves(node):
            matcher = leaf.matcher(self._searcher)
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

    def highlight(self, node: q.Node | None) -> Highlight:
        """What the query's text words, phrases and prefixes match in page text."""
        words: set[str] = set()
        phrases: set[PhraseTerms] = set()
        for leaf in q.positive_leaves(node):
            if leaf.field != "content":
                continue
            if isinstance(leaf, q.Prefix):
                words.update(self._expand(leaf.text.lower()))
                continue
            terms, slop = self._terms(leaf)
            if len(terms) == 1:
                words.add(terms[0])
            elif terms:
                phrases.add(PhraseTerms(tuple(terms), phrase_slop(slop)))
        return Highlight(frozenset(words), frozenset(phrases))

    def suggest(self, word: str, examples: int = 3) -> Suggestion | None:
        """For a word of text whose indexed form is in no document, the nearest indexed
        form that is (at most two edits away, with the same first letter)."""
        terms = self._analyze("content", word)
        searcher = self._searcher
        if len(terms) != 1 or searcher.doc_frequency("content", terms[0]) > 0:
            return None
        found = searcher.suggest("content", terms[0], limit=1, maxdist=2, prefix=1)
        if not found:
            return None
        holding = sorted(searcher.docs_for_query(wq.Term("content", found[0])))
        return Suggestion(found[0], tuple(holding[:examples]))

    # -- queries ----------------------------------------------------------------------------

    def _compile(self, node: q.Node) -> wq.Query:
        """The Whoosh query for a parsed query."""
        if isinstance(node, (q.Word, q.Phrase)):
            return _terms_query(node.field, *self._terms(node))
        if isinstance(node, q.Prefix):
            return wq.Prefix(node.field, node.text.lower())
        if isinstance(node, q.Not):
            return wq.Not(self._compile(node.part))
        parts = [self._compile(part) for part in node.parts]
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
        if field in q.CODE_FIELDS:  # one compact value, never a phrase: no positions here
            code = code_term(field, text)
            return [code] if code else []
        analyzer = self._searcher.schema[field].analyzer
        return [token.text for token in analyzer(text)]

    def _content_leaves(self, node: q.Node) -> list[wq.Query]:
        """The queries of the text words, phrases and prefixes a match is placed by."""
        leaves: list[wq.Query] = []
        for leaf in q.positive_leaves(node):
            if leaf.field != "content":
                continue
            if isinstance(leaf, q.Prefix):
                leaves.extend(wq.Term("content", term) for term in self._expand(leaf.text.lower()))
            else:
                compiled = self._compile(leaf)
                if compiled is not wq.NullQuery:
                    leaves.append(compiled)
        return leaves

    def _expand(self, prefix: str) -> list[str]:
        """The indexed words a prefix stands for (at most ``EXPAND_LIMIT``)."""
        terms = []
        for term in self._searcher.reader().expand_prefix("content", prefix):
            terms.append(term.decode() if isinstance(term, bytes) else term)
            if len(terms) >= EXPAND_LIMIT:
                break
        return terms


def _terms_query(field: str, words: list[str], slop: int) -> wq.Query:
    if not words:
        return wq.NullQuery
    if len(words) == 1:
        return wq.Term(field, words[0])
    return PositionalPhrase(field, words, slop=phrase_slop(slop))
