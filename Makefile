# The two commands a new user needs: `make serve` and `make test`.
# Both create .venv and install the locked dependency set (requirements.lock) on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every dependency, pinned with its hashes; pyproject.toml keeps the ranges for people who
# install the package. `make upgrade` writes it again with this version of uv.
LOCK := requirements.lock
UV := uv==0.13.9
# Material prints a banner about "MkDocs 2.0" on every run; it is not a warning about
# this project, so it is silenced here (real warnings still fail the strict build).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check review lint bench upgrade clean

# The locked set first (pip checks every hash), then the project itself, which has no hash
# to check, without letting it pull anything in
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
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

# The whole test suite, with the content check and the linter as its first gates
test: $(STAMP)
	$(BIN)/python -m handbook check
	$(BIN)/ruff check handbook hooks tests bench
	$(BIN)/python -m pytest --durations=15

# For the edit-check loop: everything but the browser, PDF and `mkdocs serve` tests (under a minute)
test-fast: $(STAMP)
	$(BIN)/python -m handbook check
	$(BIN)/python -m pytest -m "not browser and not pdf and not serve" --durations=5

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Newest versions that pyproject.toml allows, for every system and Python 3.11 and newer; then
# the whole suite on them
upgrade: $(STAMP)
	$(BIN)/pip install --quiet "$(UV)"
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--generate-hashes --upgrade --quiet --custom-compile-command "make upgrade" -o $(LOCK)
	$(MAKE) test

clean:
	rm -rf site .pytest_cache
	$(BIN)/python -m handbook clean 2>/dev/null || true
