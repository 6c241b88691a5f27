"""How text becomes index terms, the same at indexing and at search.

A document's pages are one text, separated by form feeds; each page's words are numbered from
``page_index * PAGE_STRIDE``, so a match's word position says which page it is on and a
phrase never matches across a page break. Words are found by ``WORD`` and turned into terms
by ``index_term``; code fields (``query.CODE_FIELDS``) hold one compact value per code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS
from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.lang.porter import stem

PAGE_STRIDE = 1 << 20  # word positions reserved for each page
PAGE_BREAK = "\f"
WORD = re.compile(r"\w+(?:\.?\w+)*")  # a word of text, as numbered for the index
SHORT_WORD = 3  # letters: words this short are not stemmed, and no stem is shorter


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


def surface_form(text: str, term: str) -> str | None:
    """The first word of ``text`` that is indexed as ``term``, as written (lowercased)."""
    for match in WORD.finditer(text):
        if index_term(match.group()) == term:
            return match.group().lower()
    return None


def compact(text: str) -> str:
    """A code as indexed: lowercased, without punctuation (GS-35F-0119Y -> gs35f0119y)."""
    return re.sub(r"[\W_]+", "", text.lower())


def code_term(field: str, text: str) -> str:
    """The term a code typed in a query searches for: its compact form, and an exemption
    typed without its (b) given one, because 7(C) is (b)(7)(C)."""
    code = compact(text)
    if field == "exemption" and code[:1].isdigit():
        code = "b" + code
    return code


class PagedTokenizer(Tokenizer):
    """Splits text into words; each form feed starts the next page's block of positions."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    @staticmethod
    def form(word: str) -> str:
        """The word as indexed."""
        return word.lower()

    def __call__(
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
            for i, match in enumerate(WORD.finditer(page_text)):
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

    def __call__(
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


TEXT_ANALYZER = StemmingTokenizer()
NAME_ANALYZER = PagedTokenizer()
CODE_ANALYZER = ValueTokenizer() | CompactFilter()
