# Two entry points that work on a fresh machine with Python 3.11+ and make:
#   make validate  - set up .venv and validate the annotations
#   make test      - set up .venv and run lint, import contracts, type check, codegen drift check and the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all validate test lint imports typecheck codegen-check pytest clean

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

validate: $(STAMP)
	$(BIN)/summit-schema validate annotations

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

imports: $(STAMP)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy src
	$(BIN)/mypy --strict tests/typing

codegen-check: $(STAMP)
	$(BIN)/summit-schema codegen --check

pytest: $(STAMP)
	$(BIN)/pytest

test: lint imports typecheck codegen-check pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis dist build
