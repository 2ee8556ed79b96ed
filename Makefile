# The two set-up commands from the README: `make build` and `make test`.
# Both create .venv themselves and install what they need; nothing is installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test lint typecheck pytest golden schema clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $(STAMP)

## build: install the toolkit and build the bundled course
build: $(STAMP)
	$(BIN)/curriculum validate .

## test: lint, type-check and run the whole test suite
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check generator reference_pipeline tests
	$(BIN)/ruff format --check generator reference_pipeline tests

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

## golden: regenerate golden files and the JSON Schema (review the diff before committing)
golden: $(STAMP)
	$(BIN)/curriculum schema
	$(BIN)/pytest --update-golden -q

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
