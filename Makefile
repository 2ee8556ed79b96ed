# The two set-up commands from the README: `make build` and `make test`.
# Both create .venv themselves and install what they need; nothing is installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian packages the tests drive for real: Chromium (browser tests), LibreOffice (render decks and
# recalculate workbooks), poppler (PDF to PNG), DejaVu fonts (text measurement). Skipped when present.
BUILD_DEBS := fonts-dejavu-core
DEBS := $(BUILD_DEBS) chromium libreoffice-impress libreoffice-calc poppler-utils

# Node parsers the tests read our exports with (gift-pegjs for GIFT), pinned in tests/node/package-lock.json
# and installed from the npm registry into the git-ignored tests/node/node_modules. Skipped when present.
NODE_DIR := tests/node
NODE_STAMP := $(NODE_DIR)/node_modules/.package-lock.json

.PHONY: build test lint typecheck pytest golden schema clean system-deps node-deps

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $(STAMP)

## build: install the toolkit and build the bundled course
build: $(STAMP)
	@$(MAKE) --no-print-directory system-deps DEBS="$(BUILD_DEBS)"
	$(BIN)/curriculum build .

## test: lint, type-check and run the whole test suite
test: $(STAMP) system-deps node-deps lint typecheck pytest

system-deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

node-deps: $(NODE_STAMP)

$(NODE_STAMP): $(NODE_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is required (Node 20): install nodejs and npm"; exit 1; }
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund --ignore-scripts --loglevel=error

lint: $(STAMP)
	$(BIN)/ruff check generator reference_pipeline tests benchmarks templates
	$(BIN)/ruff format --check generator reference_pipeline tests benchmarks templates

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) node-deps
	$(BIN)/pytest

## golden: regenerate golden files and the JSON Schema (review the diff before committing)
golden: $(STAMP)
	$(BIN)/curriculum schema
	$(BIN)/pytest --update-golden -q

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis $(NODE_DIR)/node_modules
