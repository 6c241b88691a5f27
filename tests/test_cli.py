import json

from app.cli import main


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
