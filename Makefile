# Reading Room: `make run` to index sample_docs/ and serve it, `make test` to run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
INDEX ?= index

.PHONY: run test index lint format bench sample-docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,tools]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/readingroom index sample_docs --index $(INDEX)
	$(BIN)/readingroom serve --index $(INDEX) --host $(HOST) --port $(PORT)

index: $(VENV)/.installed
	$(BIN)/readingroom index sample_docs --index $(INDEX)

test: $(VENV)/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

sample-docs: $(VENV)/.installed
	$(BIN)/python tools/make_sample_docs.py

bench: $(VENV)/.installed
	$(BIN)/python bench/index_speed.py sample_docs

clean:
	rm -rf $(VENV) $(INDEX) .pytest_cache
