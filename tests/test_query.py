import pytest

from indexer.query import And, Not, Or, Phrase, Prefix, QuerySyntaxError, Word, parse


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
        ("colour:red", "is not a field you can search"),
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
