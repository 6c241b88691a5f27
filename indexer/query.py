"""The query language of the search box, parsed into a small tree.

    words          license plate        (every word must match; words are stemmed)
    phrases        "license plate"      "license plate reader"~3 (within 3 words)
    operators      ICE AND (LPR OR "license plate") NOT Vigilant, and -Vigilant
                   ERO & HSI  ERO && HSI  (a standalone & is AND; AT&T is a word)
    fields         agency:ICE  type:email  contract:HSCEMD-18-C-00001  exemption:(b)(7)(C)
                   bates:ICE-2019-FOIA-000123  from:smith  to:lbpd  subject:"query request"
                   issuer:ICE  request:2019-ICFO-10471  vendor:Vigilant
    prefixes       licens*

The tree is independent of the search engine; ``indexer.index`` turns it into a Whoosh query.
Errors are ``QuerySyntaxError`` with a message that says what to change. An operator with
nothing after it (``ERO AND``, ``ERO &``) is such an error rather than silently dropped, so
that the user sees which half of the query was lost.

A word before a colon that is not a field (``RE: Freedom of Information Request``, ``Note:``,
``colour:red``) is searched as text, not refused: ``RE:`` becomes the word RE, and
``colour:red`` the words colour and red together, as they would be without the colon. Web
addresses (``http://example.org``) are text without comment. ``parse_query`` returns the tree
with ``notices``, one sentence per such word, for the results page to show above the results;
``parse`` returns the tree alone. A known field with no value (``agency: ICE``) is still an
error, with an example of the value it needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import QuerySyntaxError

MAX_QUERY_LENGTH = 1000

# field name as typed -> field in the index
FIELDS = {
    "agency": "agency",
    "type": "doc_type",
    "contract": "contract",
    "exemption": "exemption",
    "bates": "bates",
    "from": "email_from",
    "to": "email_to",
    "subject": "subject",
    "title": "title",
    "collection": "collection",
    "issuer": "issuer",
    "request": "request",
    "vendor": "vendor",
}
# Fields (as in the index) whose values are codes, such as (b)(7)(C) or HSCEMD-18-C-00001:
# typed with their punctuation, which the parser keeps, and indexed and searched as one
# compact value each (the text index's schema gives these fields its code analyzer).
CODE_FIELDS = frozenset({"doc_type", "collection", "contract", "exemption", "bates", "request"})
_VERBATIM_FIELDS = {typed for typed, field in FIELDS.items() if field in CODE_FIELDS}


@dataclass(frozen=True)
class Word:
    field: str
    text: str


@dataclass(frozen=True)
class Phrase:
    field: str
    text: str
    slop: int = 0  # extra words allowed between the phrase's words


@dataclass(frozen=True)
class Prefix:
    field: str
    text: str


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


Node = Word | Phrase | Prefix | And | Or | Not

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<phrase>"[^"]*"(?:~(?P<slop>[^\s()]*))?)
  | (?P<quote>")
  | (?P<field>[A-Za-z_]+):
  | (?P<word>[^\s()"]+)
    """,
    re.X,
)
_REST = re.compile(r'[^\s()"]*')  # what a word may hold after a colon
_AND = {"AND", "&", "&&"}
_OPERATORS = {*_AND, "OR", "NOT"}


@dataclass
class _Tok:
    kind: str
    text: str
    pos: int
    slop: str | None = None


@dataclass(frozen=True)
class Parsed:
    node: Node | None  # None for a query with nothing to search for
    notices: tuple[str, ...] = ()  # sentences about how the query was read


def parse(text: str) -> Node | None:
    """Parse a query; ``None`` for a query with nothing to search for."""
    return parse_query(text).node


def parse_query(text: str) -> Parsed:
    """Parse a query, with notices about words that were read differently than typed."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(
            f"The query is {len(text)} characters long; shorten it to at most {MAX_QUERY_LENGTH}."
        )
    tokens, notices = _lex(text)
    return Parsed(_parse_tokens(tokens) if tokens else None, tuple(dict.fromkeys(notices)))


def _parse_tokens(tokens: list[_Tok]) -> Node:
    parser = _Parser(tokens)
    node = parser.parse_or()
    if parser.peek() is not None:
        tok = parser.peek()
        assert tok is not None
        raise QuerySyntaxError(
            f"A closing parenthesis at position {tok.pos + 1} has no opening one: "
            'remove it or add "(" before it.',
            tok.pos,
        )
    return node


def _lex(text: str) -> tuple[list[_Tok], list[str]]:
    tokens: list[_Tok] = []
    notices: list[str] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        assert m is not None  # the word alternative matches any other character
        kind = m.lastgroup
        end = m.end()
        if kind == "quote":
            raise QuerySyntaxError(
                f"The quotation mark at position {pos + 1} is not closed: add a closing "
                '" after the phrase, or remove it.',
                pos,
            )
        if kind == "phrase":
            tokens.append(_Tok("phrase", m.group("phrase"), pos, m.group("slop")))
        elif kind == "field" and m.group("field").lower() in FIELDS:
            tokens.append(_Tok("field", m.group("field").lower(), pos))
        elif kind == "field":
            typed = m.group("field")
            rest = _REST.match(text, end)
            assert rest is not None  # it matches the empty string too
            end = rest.end()
            prev = tokens[-1] if tokens else None
            if prev is not None and prev.kind == "field" and prev.pos + len(prev.text) + 1 == pos:
                # a field's value, as in subject:RE:FOIA
                tokens.append(_Tok("word", text[pos:end], pos))
            elif rest.group(0):
                tokens.append(_Tok("text", text[pos:end], pos))
                if not rest.group(0).startswith("//"):  # a web address, not a mistyped field
                    notices.append(_not_a_field(typed, f'"{text[pos:end]}" as text'))
            else:
                # "text", not "word": AND: is the word and, not the operator
                tokens.append(_Tok("text", typed, pos))
                notices.append(_not_a_field(typed, f'"{typed}" as a word'))
        elif kind != "space":
            assert kind is not None
            tokens.append(_Tok(kind, m.group(0), pos))
        pos = end
    return tokens, notices


def _not_a_field(typed: str, searched: str) -> str:
    known = ", ".join(f"{f}:" for f in FIELDS)
    return f'"{typed}:" is not a field you can search; searched {searched}. Fields: {known}.'


class _Parser:
    def __init__(self, tokens: list[_Tok]) -> None:
        self.tokens = tokens
        self.i = 0
        self.field = "content"  # the field bare words search; agency:(ICE OR CBP) changes it

    def peek(self) -> _Tok | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def peek_kind(self) -> str | None:
        """The kind of the next token, None at the end."""
        tok = self.peek()
        return tok.kind if tok is not None else None

    def take(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def _is_op(self, tok: _Tok | None, op: str) -> bool:
        return tok is not None and tok.kind == "word" and tok.text == op

    def parse_or(self) -> Node:
        parts = [self.parse_and()]
        while self._is_op(self.peek(), "OR"):
            op = self.take()
            if self.peek_kind() in (None, "rparen"):
                raise QuerySyntaxError(
                    f"OR at position {op.pos + 1} needs something to search for after it.", op.pos
                )
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self) -> Node:
        parts = [self.parse_not()]
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "rparen" or self._is_op(tok, "OR"):
                break
            if tok.kind == "word" and tok.text in _AND:
                self.take()
                after = self.peek()
                if after is None or after.kind == "rparen" or self._is_op(after, "OR"):
                    raise QuerySyntaxError(
                        f"{tok.text} at position {tok.pos + 1} needs something to search for "
                        "after it.",
                        tok.pos,
                    )
            parts.append(self.parse_not())
        if all(isinstance(p, Not) for p in parts) and len(parts) > 0:
            # nothing positive to match: NOT on its own excludes from everything
            return And(tuple(parts))
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_not(self) -> Node:
        tok = self.peek()
        if self._is_op(tok, "NOT"):
            assert tok is not None
            self.take()
            if self.peek_kind() in (None, "rparen"):
                raise QuerySyntaxError(
                    f"NOT at position {tok.pos + 1} needs something to exclude after it.", tok.pos
                )
            return Not(self.parse_not())
        if (
            tok is not None
            and tok.kind == "word"
            and tok.text.startswith("-")
            and len(tok.text) > 1
        ):
            self.take()
            return Not(self._word(self.field, tok.text[1:], tok.pos + 1))
        return self.parse_atom()

    def parse_atom(self) -> Node:
        field = self.field
        if self.peek() is None:
            raise QuerySyntaxError("The query ends too early: something to search for is missing.")
        tok = self.take()
        if tok.kind == "lparen":
            if self.peek() is None:
                raise QuerySyntaxError(
                    f'The parenthesis at position {tok.pos + 1} is not closed: add ")".', tok.pos
                )
            if self.peek_kind() == "rparen":
                raise QuerySyntaxError(
                    f"The parentheses at position {tok.pos + 1} are empty: put words inside "
                    "them or remove them.",
                    tok.pos,
                )
            node = self.parse_or()
            if self.peek_kind() != "rparen":
                raise QuerySyntaxError(
                    f'The parenthesis at position {tok.pos + 1} is not closed: add ")".', tok.pos
                )
            self.take()
            return node
        if tok.kind == "rparen":
            raise QuerySyntaxError(
                f"A closing parenthesis at position {tok.pos + 1} has no opening one: remove "
                'it or add "(" before it.',
                tok.pos,
            )
        if tok.kind == "field":
            return self._field_value(tok)
        if tok.kind == "phrase":
            return self._phrase(field, tok)
        if tok.kind == "word" and tok.text in _OPERATORS:
            raise QuerySyntaxError(
                f"{tok.text} at position {tok.pos + 1} needs something to search for before it.",
                tok.pos,
            )
        return self._word(field, tok.text, tok.pos)

    def _field_value(self, tok: _Tok) -> Node:
        name = tok.text
        field = FIELDS[name]
        nxt = self.peek()
        adjacent = nxt is not None and nxt.pos == tok.pos + len(name) + 1
        if not adjacent or nxt is None or nxt.kind == "rparen":
            raise QuerySyntaxError(
                f'"{name}:" at position {tok.pos + 1} needs a value right after the colon, '
                f"for example {name}:{_EXAMPLES[name]}.",
                tok.pos,
            )
        if name in _VERBATIM_FIELDS and nxt.kind in ("lparen", "word"):
            return Word(field, self._verbatim_value(nxt.pos))
        if nxt.kind == "phrase":
            self.take()
            return self._phrase(field, nxt)
        if nxt.kind == "lparen":
            outer, self.field = self.field, field
            try:
                return self.parse_atom()
            finally:
                self.field = outer
        self.take()
        return self._word(field, nxt.text, nxt.pos)

    def _verbatim_value(self, start: int) -> str:
        """Glue tokens that touch each other, so exemption:(b)(7)(C) is one value; a closing
        parenthesis belongs to the value only if the value opened it."""
        text = ""
        end = start
        depth = 0
        while (tok := self.peek()) is not None and tok.pos == end:
            if tok.kind not in ("lparen", "rparen", "word"):
                break
            if tok.kind == "rparen":
                if depth == 0:
                    break
                depth -= 1
            elif tok.kind == "lparen":
                depth += 1
            text += tok.text
            end = tok.pos + len(tok.text)
            self.take()
        return text

    def _phrase(self, field: str, tok: _Tok) -> Node:
        inner = tok.text[1 : tok.text.rindex('"')].strip()
        if not inner:
            raise QuerySyntaxError(
                f"The quotation marks at position {tok.pos + 1} are empty: put words between "
                "them or remove them.",
                tok.pos,
            )
        slop = 0
        if tok.slop is not None:
            if not tok.slop.isdigit() or int(tok.slop) > 100:
                raise QuerySyntaxError(
                    f'After "…"~ give the number of words allowed between the phrase\'s words '
                    f'(0 to 100), for example "license plate"~3; "{tok.slop}" is not one.',
                    tok.pos,
                )
            slop = int(tok.slop)
        return Phrase(field, inner, slop)

    def _word(self, field: str, text: str, pos: int) -> Node:
        if text.endswith("*") and "*" not in text[:-1] and "?" not in text:
            stem = text[:-1]
            if len(stem) < 2:
                raise QuerySyntaxError(
                    f"The wildcard at position {pos + 1} needs at least two letters before *, "
                    "for example licen*.",
                    pos,
                )
            return Prefix(field, stem)
        if "*" in text or "?" in text:
            raise QuerySyntaxError(
                f'"{text}" at position {pos + 1}: * is only allowed at the end of a word (licen*)'
                "; ? is not supported.",
                pos,
            )
        return Word(field, text)


_EXAMPLES = {
    "agency": "ICE",
    "type": "email",
    "contract": "HSCEMD-18-C-00001",
    "exemption": "(b)(7)(C)",
    "bates": "ICE-2019-FOIA-000123",
    "from": "smith",
    "to": "lbpd",
    "subject": '"query request"',
    "title": "contract",
    "collection": "ice-foia-2019",
    "issuer": "ICE",
    "request": "2019-ICFO-10471",
    "vendor": "Vigilant",
}


def positive_leaves(node: Node | None) -> list[Word | Phrase | Prefix]:
    """The words, phrases and prefixes a matching document must or may contain (not NOT)."""
    if node is None:
        return []
    if isinstance(node, (Word, Phrase, Prefix)):
        return [node]
    if isinstance(node, Not):
        return []
    return [leaf for part in node.parts for leaf in positive_leaves(part)]
