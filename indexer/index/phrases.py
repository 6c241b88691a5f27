"""Phrases matched by intersecting their words' position sets.

The pure functions here (``follow``, ``precede``, ``phrase_words``) work on ascending lists
of word positions: Whoosh's matcher uses them on a document's postings, and the search
layer's excerpts on a page's words, so a phrase is marked exactly where it matched.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import matching
from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.query.spans import Span
from whoosh.searching import Searcher

from .schema import decode_positions


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


def phrase_slop(slop: int) -> int:
    """A query's slop (words allowed in between) as ``PhraseMatcher`` takes it."""
    return slop + 1


def follow(before: Iterable[int], positions: Iterable[int], slop: int) -> list[int]:
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


def precede(after: list[int], positions: list[int], slop: int) -> list[int]:
    """The ``positions`` that come 1 to ``slop`` positions before one of ``after`` (both
    ascending): ``follow`` backwards."""
    return [
        p for p in positions if (i := bisect_right(after, p)) < len(after) and after[i] <= p + slop
    ]


def phrase_words(positions: list[list[int]], slop: int) -> set[int]:
    """The positions of the words of every match of a phrase, given each of its words'
    positions (ascending): matches are found forwards, as ``PhraseMatcher`` finds them, and
    the words that lead to a match's last word are gathered backwards."""
    reach = [positions[0]]
    for following in positions[1:]:
        reach.append(follow(reach[-1], following, slop))
        if not reach[-1]:
            return set()
    kept = reach[-1]
    found = set(kept)
    for before in reversed(reach[:-1]):
        kept = precede(kept, before, slop)
        found.update(kept)
    return found


class PositionalPhrase(wq.Phrase):
    """A phrase query whose matcher is ``PhraseMatcher``.

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
        reach: Iterable[int] = decode_positions(self.leaves[0].value())
        for leaf in self.leaves[1:]:
            reach = follow(reach, decode_positions(leaf.value()), self.slop)
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
