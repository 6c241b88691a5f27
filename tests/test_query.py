import pytest

from indexer.query import (
    FIELDS,
    And,
    Not,
    Or,
    Parsed,
    Phrase,
    Prefix,
    QuerySyntaxError,
    Word,
    parse,
    parse_query,
)


def test_words_are_and_ed_and_phrases_kept_whole():
    assert parse('"license plate" ICE') == And(
        (Phrase("content", "license plate"), Word("content", "ICE"))
    )


def test_operators_groups_and_negation():
    node = parse('ICE AND (LPR OR "license plate") NOT Vigilant')
    assert node == And(
        (
            Word("content", "ICE"),
            Or((Word("content", "LPR"), Phrase("content", "license plate"))),
            Not(Word("content", "Vigilant")),
        )
    )
    assert parse("-vigilant plate") == And(
        (Not(Word("content", "vigilant")), Word("content", "plate"))
    )


def test_fields_proximity_and_prefix():
    assert parse("agency:ICE") == Word("agency", "ICE")
    assert parse('subject:"query request"') == Phrase("subject", "query request")
    assert parse("exemption:(b)(7)(C)") == Word("exemption", "(b)(7)(C)")
    assert parse("contract:HSCEMD-18-C-00001") == Word("contract", "HSCEMD-18-C-00001")
    assert parse("type:email") == Word("doc_type", "email")
    assert parse('"plate search"~3') == Phrase("content", "plate search", 3)
    assert parse("licen*") == Prefix("content", "licen")


def test_empty_query_searches_nothing_in_particular():
    assert parse("") is None
    assert parse("   ") is None


@pytest.mark.parametrize(
    ("query", "advice"),
    [
        ('"license plate', "not closed"),
        ("(ICE AND LPR", 'add ")"'),
        ("ICE)", "no opening one"),
        ("ICE AND", "AND at position 5 needs something"),
        ("OR ICE", "needs something to search for before it"),
        ("NOT", "needs something to exclude"),
        ("ERO &", "& at position 5 needs something to search for after it"),
        ("ERO && OR HSI", "&& at position 5 needs something"),
        ("(ERO &)", "& at position 6 needs something"),
        ("& ERO", "needs something to search for before it"),
        ("agency:", "needs a value right after the colon, for example agency:ICE"),
        ("agency: ICE", "needs a value right after the colon"),
        ('"a b"~x', "number of words allowed"),
        ("*plate", "only allowed at the end"),
        ("l*", "at least two letters"),
        ("()", "are empty"),
        ('""', "are empty"),
        ("x" * 1001, "shorten it"),
    ],
)
def test_malformed_queries_say_what_to_fix(query, advice):
    with pytest.raises(QuerySyntaxError) as error:
        parse(query)
    assert advice in error.value.message


def test_a_standalone_ampersand_is_and():
    both = And((Word("content", "ERO"), Word("content", "HSI")))
    assert parse("ERO & HSI") == both
    assert parse("ERO && HSI") == both
    assert parse("ERO AND HSI") == both
    assert parse("ICE & (LPR OR ALPR) & -Vigilant") == And(
        (
            Word("content", "ICE"),
            Or((Word("content", "LPR"), Word("content", "ALPR"))),
            Not(Word("content", "Vigilant")),
        )
    )


def test_an_ampersand_inside_a_word_is_part_of_it():
    assert parse("AT&T") == Word("content", "AT&T")
    assert parse("AT&T & Verizon") == And((Word("content", "AT&T"), Word("content", "Verizon")))
    assert parse("ERO &HSI") == And((Word("content", "ERO"), Word("content", "&HSI")))


def _not_a_field(typed: str, searched: str) -> str:
    known = ", ".join(f"{name}:" for name in FIELDS)
    return f'"{typed}:" is not a field you can search; searched {searched}. Fields: {known}.'


def test_a_pasted_email_subject_is_searched_as_text_with_a_notice():
    parsed = parse_query("RE: Freedom of Information Request")
    words = ("RE", "Freedom", "of", "Information", "Request")
    assert parsed.node == And(tuple(Word("content", w) for w in words))
    assert parsed.notices == (
        '"RE:" is not a field you can search; searched "RE" as a word. Fields: agency:, type:, '
        "contract:, exemption:, bates:, from:, to:, subject:, title:, collection:, issuer:, "
        "request:, vendor:.",
    )
    assert parse("RE: Freedom of Information Request") == parsed.node


@pytest.mark.parametrize(
    ("query", "node", "notice"),
    [
        (
            "Note: see attached",
            And((Word("content", "Note"), Word("content", "see"), Word("content", "attached"))),
            _not_a_field("Note", '"Note" as a word'),
        ),
        (
            "Re: ICE",
            And((Word("content", "Re"), Word("content", "ICE"))),
            _not_a_field("Re", '"Re" as a word'),
        ),
        ("plates:", Word("content", "plates"), _not_a_field("plates", '"plates" as a word')),
        (
            "colour:red",
            Word("content", "colour:red"),
            _not_a_field("colour", '"colour:red" as text'),
        ),
        (
            "NOT: x",
            And((Word("content", "NOT"), Word("content", "x"))),
            _not_a_field("NOT", '"NOT" as a word'),
        ),
        (
            "memo:(a OR b)",
            And((Word("content", "memo"), Or((Word("content", "a"), Word("content", "b"))))),
            _not_a_field("memo", '"memo" as a word'),
        ),
    ],
)
def test_a_word_before_a_colon_that_is_not_a_field_is_searched_as_text(query, node, notice):
    assert parse_query(query) == Parsed(node, (notice,))


def test_addresses_and_times_are_text_without_a_notice():
    assert parse_query("http://example.org") == Parsed(Word("content", "http://example.org"))
    assert parse_query("10:30 meeting") == Parsed(
        And((Word("content", "10:30"), Word("content", "meeting")))
    )


def test_a_repeated_non_field_gives_one_notice():
    assert parse_query("RE: RE: FOIA").notices == (_not_a_field("RE", '"RE" as a word'),)


def test_known_fields_are_unchanged_and_give_no_notice():
    assert parse_query("agency:ICE type:email") == Parsed(
        And((Word("agency", "ICE"), Word("doc_type", "email")))
    )
    assert parse_query("Agency:ICE") == Parsed(Word("agency", "ICE"))
    assert parse_query("") == Parsed(None)


def test_a_colon_inside_a_field_value_belongs_to_the_value():
    assert parse_query("subject:RE: FOIA") == Parsed(
        And((Word("subject", "RE:"), Word("content", "FOIA")))
    )
    assert parse_query("contract:ABC:123") == Parsed(Word("contract", "ABC:123"))
