import json

import pytest

from app.cli import main, parser
from indexer.facets import NAMES


def test_search_json_is_the_api_json(client, sample_index, capsys):
    assert main(["search", '"license plate" ICE', "--index", str(sample_index), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    api = client.get("/api/search", params={"q": '"license plate" ICE'}).json()
    assert printed == api


def test_search_prints_pages_for_a_terminal(sample_index, capsys):
    assert main(["search", "Vigilant", "--index", str(sample_index)]) == 0
    out = capsys.readouterr().out
    assert "documents" in out and "p. " in out and "[Vigilant]" in out


def test_bad_query_is_one_line_not_a_traceback(sample_index, capsys):
    assert main(["search", '"unclosed', "--index", str(sample_index)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("readingroom: The quotation mark") and "Traceback" not in err


def test_status_lists_counts(sample_index, capsys):
    assert main(["status", "--index", str(sample_index), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["documents"] > 40
    assert status["last_run"]["added"] == status["documents"]


def test_missing_index_is_explained(tmp_path, capsys):
    assert main(["status", "--index", str(tmp_path / "nowhere")]) == 2
    assert "readingroom index PATH" in capsys.readouterr().err


def search(*arguments: str) -> dict[str, object]:
    """The options `readingroom search` reads from its arguments, by parameter name."""
    options = vars(parser().parse_args(["search", "plate", *arguments]))
    return {k: v for k, v in options.items() if k not in ("query", "index", "json", "run")}


def test_the_cli_takes_every_parameter_of_the_api_and_the_search_answers_every_facet(client):
    parameters = client.get("/openapi.json").json()["paths"]["/api/search"]["get"]["parameters"]
    api = {p["name"] for p in parameters} - {"q"}  # the command's one argument
    answered = set(client.get("/api/search").json()["facets"])
    assert set(search()) == api
    assert answered == set(NAMES) == api - {"date_from", "date_to", "sort", "page", "per_page"}
    for name in api:  # each under its own name, --doc-type for doc_type
        given = search(f"--{name.replace('_', '-')}", "x")[name]
        assert given == (["x"] if name in NAMES else "x"), name
    assert search("--type", "email", "--type", "memo")["doc_type"] == ["email", "memo"]


def test_search_filters_sort_and_pages_as_the_api_does(client, sample_index, capsys):
    params = {
        "q": "plate",
        "doc_type": "email",
        "date_from": "2017-01-01",
        "date_to": "2019-12-31",
        "sort": "-indexed",
        "page": 2,
        "per_page": 2,
    }
    api = client.get("/api/search", params=params).json()
    assert api["total"] > 4 and len(api["results"]) == 2
    options = ["--type", "email", "--date-from", "2017-01-01", "--date-to", "2019-12-31"]
    options += ["--sort=-indexed", "--page", "2", "--per-page", "2"]
    assert main(["search", "plate", "--index", str(sample_index), "--json", *options]) == 0
    assert json.loads(capsys.readouterr().out) == api


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"per_page": "500"},
        {"sort": "sideways"},
        {"date_from": "yesterday"},
        {"date_from": "2019-01-01", "date_to": "2018-01-01"},
    ],
)
def test_invalid_options_are_refused_in_the_words_of_the_api(client, sample_index, capsys, params):
    answer = client.get("/api/search", params={"q": "plate", **params})
    assert answer.status_code == 400
    options = [f"--{name.replace('_', '-')}={value}" for name, value in params.items()]
    assert main(["search", "plate", "--index", str(sample_index), *options]) == 2
    assert capsys.readouterr().err == f"readingroom: {answer.json()['message']}\n"
