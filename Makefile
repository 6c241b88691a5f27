# Reading Room: `make run` to index sample_docs/ and serve it, `make test` to run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
INDEX ?= index

.PHONY: run test index lint format bench sample-docs clean system-deps

# Debian packages the site needs: Tesseract reads scanned pages. `make test` also needs Debian's
# chromium (tests/test_browser.py drives it headless) and npm (for axe-core).
TESTING := $(filter test,$(MAKECMDGOALS))

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,tools,cluster]'
	touch $@

system-deps:
	@missing=""; command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr"; \
	if [ -n "$(TESTING)" ]; then \
	  [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	  command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing$$missing (Debian packages)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Reading Room needs these Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

run: $(VENV)/.installed system-deps
	$(BIN)/readingroom index sample_docs --index $(INDEX)
	$(BIN)/readingroom serve --index $(INDEX) --host $(HOST) --port $(PORT)

index: $(VENV)/.installed
	$(BIN)/readingroom index sample_docs --index $(INDEX)

# axe-core, pinned in package-lock.json, for the accessibility checks of the browser tests.
node_modules/.package-lock.json: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed system-deps node_modules/.package-lock.json
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

sample-docs: $(VENV)/.installed
	$(BIN)/python tools/make_sample_docs.py

bench: $(VENV)/.installed
	$(BIN)/python bench/index_speed.py sample_docs

clean:
	rm -rf $(VENV) $(INDEX) .pytest_cache node_modules tests/browser/screenshots
