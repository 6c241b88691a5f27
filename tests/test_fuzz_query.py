"""Property-based tests of the query language, alone and through the real app.

``indexer.query.parse`` must, for any text, return a tree (or ``None``) or raise
``QuerySyntaxError`` with a message; the site must answer every query with 200 or 400, never
5xx; and nothing a user types may come back as live markup.

The examples are derandomized so that the suite is repeatable; set READINGROOM_FUZZ_RANDOM=1
to explore with fresh random examples (and a larger READINGROOM_FUZZ_EXAMPLES) locally.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from indexer.query import (
    FIELDS,
    MAX_QUERY_LENGTH,
    And,
    Not,
    Or,
    Phrase,
    Prefix,
    QuerySyntaxError,
    Word,
    parse,
)

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

RANDOM = os.environ.get("READINGROOM_FUZZ_RANDOM") == "1"
EXAMPLES = int(os.environ.get("READINGROOM_FUZZ_EXAMPLES", "250"))


def fuzz_settings(max_examples: int = EXAMPLES) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,  # a loaded 2-core machine must not turn slowness into failures
        derandomize=not RANDOM,
        database=None,  # no .hypothesis/ folder in the checkout
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
    )


# -- strategies ------------------------------------------------------------------------------

# characters that mean something to the grammar, and some that mean something to HTML
GRAMMAR_CHARS = "()\":~*?-_ \t\n<>&'=/\\"
VOCABULARY = [
    "license",
    "plate",
    "plates",
    "ICE",
    "LPR",
    "Vigilant",
    "reader",
    "contract",
    "email",
    "alert",
    "script",
    # words that are also HTML entity names or our own markup: highlighting must not break them
    "lt",
    "gt",
    "amp",
    "quot",
    "mark",
    "nbsp",
    "x27",
    "and",
    "or",
    "not",
]
FIELD_VALUES = {
    "agency": ["ICE", "CBP", "LBPD", "Immigration"],
    "type": ["email", "contract", "memo", "letter"],
    "contract": ["HSCEMD-18-C-00001", "70CMSD18C00000003"],
    "exemption": ["(b)(7)(C)", "(b)(6)", "(b)(7)(E)", "b6"],
    "bates": ["ICE-2019-FOIA-000123", "ICE-2019-FOIA-000001"],
    "from": ["smith", "lbpd"],
    "to": ["lbpd", "smith"],
    "subject": ["query", "request"],
    "title": ["contract", "memo"],
    "collection": ["ice-foia-2019", "long-beach-pra-2019"],
    "issuer": ["ICE", "Long Beach"],
    "request": ["2019-ICFO-10471", "FOIA15-3528"],
    "vendor": ["Vigilant", "Cellebrite"],
}
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '" autofocus onfocus="alert(1)',
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    '=HYPERLINK("http://evil.example/","click")',
    "=cmd|'/C calc'!A0",
    "+SUM(1+1)",
    "@SUM(1+1)",
    "<mark>x</mark>",
    "&lt;script&gt;",
]
# what must never appear in an HTML page as it was typed: each contains < or " so that
# escaping changes it
UNESCAPED = [
    "<script>alert",
    "<img src=x",
    "<svg onload",
    '" autofocus onfocus="',
    "</textarea><script>",
    '=HYPERLINK("',
    "'><svg",
]

plain_word = st.sampled_from(VOCABULARY) | st.from_regex(
    r"[A-Za-z0-9][a-z0-9]{0,8}", fullmatch=True
)
# a word the grammar reads as a word: not an operator, no field colon, no wildcard
safe_word = plain_word.filter(lambda w: w not in ("AND", "OR", "NOT"))


@st.composite
def phrases(draw: st.DrawFn, valid: bool = True) -> str:
    words = draw(st.lists(safe_word, min_size=1, max_size=4))
    text = '"' + " ".join(words) + '"'
    if draw(st.booleans()):
        if valid:
            text += f"~{draw(st.integers(0, 100))}"
        else:
            text += "~" + draw(
                st.sampled_from(["", "-1", "101", "x", "3.5", "99999999999999999999", "٣", "~"])
            )
    return text


@st.composite
def field_terms(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(sorted(FIELDS)))
    if draw(st.booleans()):
        name = name.upper() if draw(st.booleans()) else name.capitalize()
    value = draw(st.sampled_from(FIELD_VALUES[name.lower()]) | phrases() | prefixes())
    return f"{name}:{value}"


def prefixes() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z]{2,8}", fullmatch=True).map(lambda w: w + "*")


atoms = st.one_of(safe_word, phrases(), field_terms(), prefixes(), safe_word.map(lambda w: "-" + w))


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, children).map(lambda p: f"{p[0]} AND {p[1]}"),
        st.tuples(children, children).map(lambda p: f"{p[0]} OR {p[1]}"),
        st.tuples(children, children).map(lambda p: f"{p[0]} {p[1]}"),
        children.map(lambda c: f"NOT {c}"),
        children.map(_group),
    )


_SWALLOWS_PAREN = re.compile(
    r'(?i)(?:(?:^|[\s(-])(?:contract|exemption|bates|type|collection):[^\s"]*|"~\d+)$'
)


def _group(query: str) -> str:
    # a space before ")" after a verbatim field value or a phrase's ~N, which would otherwise
    # swallow it (see the tests below); everywhere else the parenthesis touches the query
    return f"({query} )" if _SWALLOWS_PAREN.search(query) else f"({query})"


# queries that the grammar accepts
valid_queries = st.recursive(atoms, _combine, max_leaves=8)

broken_piece = st.one_of(
    st.sampled_from(
        [
            "(",
            ")",
            '"',
            "AND",
            "OR",
            "NOT",
            "*",
            "?",
            "a*b",
            "x?",
            "~",
            ":",
            "nosuchfield:x",
            "agency:",
            "agency: ICE",
            "type:)",
            "()",
            '""',
            '"  "~2',
            "-",
            "--",
            "-(",
            "l*",
            "**",
        ]
    ),
    phrases(valid=False),
    st.text(alphabet=GRAMMAR_CHARS, max_size=4),
)


@st.composite
def mutated_queries(draw: st.DrawFn) -> str:
    """A valid query with broken pieces spliced in at random places."""
    text = draw(valid_queries)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(broken_piece) + text[at:]
    return text


any_text = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=GRAMMAR_CHARS + "ab", max_size=40),
    st.lists(
        st.sampled_from([*GRAMMAR_CHARS, "a", "bc", " AND ", " OR ", " NOT ", "agency:", "x*"]),
        max_size=30,
    ).map("".join),
)
queries = st.one_of(valid_queries, mutated_queries(), any_text)


@st.composite
def payload_queries(draw: st.DrawFn) -> str:
    """Markup and spreadsheet formulas, alone, as phrases, as field values, or in a query."""
    payload = draw(st.sampled_from(PAYLOADS))
    shape = draw(st.integers(0, 4))
    if shape == 1:
        payload = '"' + payload.replace('"', "") + '"'
    elif shape == 2:
        payload = f"{draw(st.sampled_from(sorted(FIELDS)))}:{payload}"
    elif shape == 3:
        payload = f"{draw(valid_queries)} {payload}"
    elif shape == 4:
        payload = f"-{payload}"
    return payload


# -- the parser alone ------------------------------------------------------------------------

LEAVES = (Word, Phrase, Prefix)
INDEX_FIELDS = {"content", *FIELDS.values()}


def check_tree(node: object) -> None:
    if isinstance(node, LEAVES):
        assert node.field in INDEX_FIELDS, node
        assert node.text, node
    if isinstance(node, Phrase):
        assert 0 <= node.slop <= 100
    if isinstance(node, Prefix):
        assert len(node.text) >= 2 and "*" not in node.text
    if isinstance(node, And | Or):
        assert node.parts
        for part in node.parts:
            check_tree(part)
    elif isinstance(node, Not):
        check_tree(node.part)
    else:
        assert isinstance(node, LEAVES), node


def parse_or_error(text: str) -> QuerySyntaxError | None:
    """Parse; the only exception allowed is QuerySyntaxError, whose message says something."""
    try:
        tree = parse(text)
    except QuerySyntaxError as exc:
        assert isinstance(exc.message, str) and exc.message.strip(), repr(text)
        assert str(exc) == exc.message
        if exc.position is not None:
            assert 0 <= exc.position <= len(text), (text, exc.position)
        return exc
    if tree is not None:
        check_tree(tree)
    else:
        assert not text.strip(), repr(text)
    return None


@fuzz_settings(max_examples=EXAMPLES + 100)
@given(queries)
@example("")
@example("   ")
@example("x" * (MAX_QUERY_LENGTH + 1))
@example('"' * 3)
@example('"a"~')
@example('"a"~101')
@example('"a"~-1')
@example('"a"~٣')
@example("agency:(ICE OR CBP)")
@example("exemption:(b)(7)(C)")
@example("NOT")
@example("NOT NOT a")
@example("-")
@example("((((a))))")
@example(")(")
@example("a:b:c")
@example("\x00")
def test_parse_returns_a_tree_or_a_syntax_error(text):
    parse_or_error(text)


@fuzz_settings()
@given(valid_queries)
def test_queries_built_from_the_grammar_parse(text):
    tree = parse(text)
    assert tree is not None
    check_tree(tree)


@fuzz_settings()
@given(st.text(min_size=1, max_size=20), st.integers(0, 50))
def test_any_query_over_the_limit_is_refused_with_its_length(text, extra):
    text = (text * (MAX_QUERY_LENGTH // len(text) + 1))[: MAX_QUERY_LENGTH + 1 + extra]
    with pytest.raises(QuerySyntaxError, match=str(len(text))):
        parse(text)


def test_a_field_applies_to_a_parenthesised_group():
    tree = parse("agency:(ICE OR CBP)")
    assert tree == Or((Word("agency", "ICE"), Word("agency", "CBP")))


@pytest.mark.parametrize(
    "text",
    ["(type:email OR type:memo)", "ICE AND (contract:HSCEMD-18-C-00001)", "(exemption:(b)(6))"],
)
def test_a_verbatim_field_value_ends_at_the_closing_parenthesis(text):
    tree = parse(text)
    assert tree is not None
    check_tree(tree)


@pytest.mark.parametrize("text", ['(ICE OR "license plate"~3)', '("license"~0)'])
def test_a_proximity_phrase_ends_at_the_closing_parenthesis(text):
    tree = parse(text)
    assert tree is not None
    check_tree(tree)


# -- through the app -------------------------------------------------------------------------


# Found by these tests, fixed in ddb91e2: a vertical bar in a code field's value made a Whoosh
# phrase on a field without positions (QueryError, answered 500).
@pytest.mark.parametrize("text", ["bates:a|b", "type:a|b", "collection:a|b", "contract:a|b"])
def test_a_vertical_bar_in_a_code_field_is_not_a_server_error(client, text):
    response = client.get("/api/search", params={"q": text})
    assert response.status_code in (200, 400)


ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


def check_marked_html(fragment: str) -> None:
    """Escaped text with only <mark>…</mark> added, and no broken entities."""
    bare = fragment.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in bare and ">" not in bare, fragment
    assert not ENTITY.search(bare), fragment
    assert fragment.count("<mark>") == fragment.count("</mark>"), fragment


def api_search(client, q: str):
    response = client.get("/api/search", params={"q": q, "per_page": 5})
    assert response.status_code in (200, 400), (q, response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json")
    return response


@fuzz_settings()
@given(queries)
@example("x" * (MAX_QUERY_LENGTH + 1))
@example("lt gt amp")
@example('"license plate" mark')
def test_api_search_answers_200_or_400_as_the_parser_does(client, q):
    response = api_search(client, q)
    body = response.json()
    event(f"status {response.status_code}")
    error = parse_or_error(q.strip())
    if response.status_code == 400:
        assert body["error"] in ("bad_query", "bad_request"), body
        assert body["message"].strip()
        assert error is not None or len(q) > MAX_QUERY_LENGTH, (q, body)
    else:
        assert error is None, (q, error)
        assert body["total"] >= len(body["results"])
        for row in body["results"]:
            for hit in row["hits"]:
                check_marked_html(hit["excerpt"])


@fuzz_settings(max_examples=max(50, EXAMPLES // 3))
@given(st.one_of(valid_queries, payload_queries()))
@example("lt")
@example("amp")
@example("mark")
@example("script alert")
def test_page_text_is_escaped_with_only_marks(client, sample_doc, q):
    doc_id, number = sample_doc
    response = client.get(f"/api/documents/{doc_id}/pages/{number}", params={"q": q})
    assert response.status_code in (200, 400), (q, response.text)
    if response.status_code == 200:
        check_marked_html(response.json()["text_html"])


@pytest.fixture(scope="module")
def sample_doc(client) -> tuple[str, int]:
    """A page whose text has markup in it (the sample release has one) and query words."""
    data = client.get("/api/search", params={"q": "script alert"}).json()
    row = data["results"][0]
    return row["id"], row["hits"][0]["page"]


def assert_no_live_markup(text: str, sent: str) -> None:
    for needle in UNESCAPED:
        if needle in sent:
            assert needle not in text, (needle, sent)
    if "<mark>" not in sent and re.search(r'[<"]', sent):
        # the typed text itself must not be there verbatim if escaping would change it
        assert sent not in text or sent == html.escape(sent), sent


@fuzz_settings(max_examples=max(60, EXAMPLES // 2))
@given(payload_queries())
@example('"><img src=x onerror=alert(1)>')
@example("<script>alert(1)</script>")
@example('=HYPERLINK("http://evil.example/","click")')
def test_html_pages_never_echo_markup_unescaped(client, sample_doc, q):
    doc_id, number = sample_doc
    responses = [
        client.get("/search", params={"q": q}),
        client.get("/", params={"q": q, "agency": q, "doc_type": q}),
        client.get("/search", params={"collection": q, "exemption": q, "contract": q}),
        client.get(f"/documents/{doc_id}/pages/{number}", params={"q": q}),
        client.get("/documents/" + quote(q, safe="")),
        client.get("/search", params={"q": q, "date_from": q}),
    ]
    for response in responses:
        assert response.status_code in (200, 400, 404), (q, response.status_code)
        assert response.headers["content-type"].startswith("text/html")
        assert_no_live_markup(response.text, q)
