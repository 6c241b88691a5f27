"""Excerpts and marked page text: what a query matched, shown in the page's own words.

Page text is numbered into words as it was for the index and each word turned into its
indexed form, so "plates" is marked for a search for "plate", and a phrase's words only where
the phrase matches (``phrase_words``, the index's own phrase logic). This needs the index's
analysis, not the index itself.
"""

from __future__ import annotations

import html
import re

from ..index import WORD, Highlight, index_term, phrase_words


class Excerpts:
    """Highlighted passages of page text: escaped HTML with only <mark> added.

    Whoosh's own highlighter ran every word of a page through the analyzer and its fragment
    scorer, half the time of a results page on long pages; this scans the words once."""

    def __init__(self, highlight: Highlight, *, size: int = 280) -> None:
        self.words = highlight.words
        self.phrases = highlight.phrases
        self.wanted = self.words.union(*(phrase.terms for phrase in self.phrases))
        self.size = size

    def _matches(self, text: str) -> list[tuple[int, int]]:
        """The spans of the words to mark, in order."""
        if not self.phrases:  # no word numbers needed
            words = self.words
            return [m.span() for m in WORD.finditer(text) if index_term(m.group()) in words]
        wanted = self.wanted
        found = [
            (number, term, match.span())
            for number, match in enumerate(WORD.finditer(text))
            if (term := index_term(match.group())) in wanted
        ]
        positions: dict[str, list[int]] = {}
        for number, term, _ in found:
            positions.setdefault(term, []).append(number)
        marked = {number for number, term, _ in found if term in self.words}
        for phrase in self.phrases:
            each = [positions.get(term, []) for term in phrase.terms]
            marked.update(phrase_words(each, phrase.slop))
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
