# The two commands a new user needs: `make serve` and `make test`.
# Both create .venv and install the project on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints a banner about "MkDocs 2.0" on every run; it is not a warning about
# this project, so it is silenced here (real warnings still fail the strict build).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check review lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/python -m mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m handbook check

# Everything that is due for a check against its sources: review dates, dated sentences
review: $(STAMP)
	$(BIN)/python -m handbook review

lint: $(STAMP)
	$(BIN)/ruff check handbook hooks tests bench

# The whole test suite, with the content check and the linter as its first gates.
test: $(STAMP)
	$(BIN)/python -m handbook check
	$(BIN)/ruff check handbook hooks tests bench
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site .pytest_cache
	$(BIN)/python -m handbook clean 2>/dev/null || true
