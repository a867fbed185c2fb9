# Every target installs what it needs into .venv first, so a fresh clone needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install generate check-generated lint typecheck test unit demo bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

generate: $(STAMP)
	$(BIN)/python scripts/generate.py

check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check

lint: $(STAMP)
	$(BIN)/ruff check bandwidth_facade tests scripts bench examples
	$(BIN)/ruff format --check bandwidth_facade tests scripts bench examples

typecheck: $(STAMP)
	$(BIN)/mypy --strict bandwidth_facade/bandwidth
	cd generated && ../$(BIN)/mypy --strict --cache-dir ../.mypy_cache bandwidth_messaging_api
	$(BIN)/mypy --strict scripts bench examples

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck check-generated unit

demo: $(STAMP)
	$(BIN)/python examples/seed_examples.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

bench: $(STAMP)
	$(BIN)/python bench/run.py
