# Every target installs what it needs into .venv first, so a fresh clone needs only python3 and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: mutation redis-server install generate check-generated lint lint-spec typecheck typecheck-downstream verifytypes docs test unit drill contract demo bench clean

# Node.js tools, pinned, run through npx; targets that need them say so and skip without Node.
SPECTRAL := @stoplight/spectral-cli@6.16.3
PYRIGHT := pyright@1.1.414

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[cli]' --group dev
	touch $(STAMP)

generate: $(STAMP)
	$(BIN)/python scripts/generate.py

check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check

lint: $(STAMP) lint-spec
	$(BIN)/ruff check bandwidth_facade tests scripts bench examples docs
	$(BIN)/ruff format --check bandwidth_facade tests scripts bench examples docs

lint-spec:
	@if command -v npx >/dev/null 2>&1; then \
		npx --yes $(SPECTRAL) lint --ruleset spec/spectral.yaml --fail-severity warn spec/messaging.yaml; \
	else \
		echo "spec lint skipped: Node.js (npx) is not installed; it runs Spectral"; \
	fi

typecheck: $(STAMP) typecheck-downstream verifytypes
	$(BIN)/mypy --strict bandwidth_facade/bandwidth
	cd generated && ../$(BIN)/mypy --strict --cache-dir ../.mypy_cache bandwidth_messaging_api
	$(BIN)/mypy --strict scripts bench examples

# Downstream code as users write it, under pyright too (it reads TypedDicts more strictly).
typecheck-downstream: $(STAMP)
	@if command -v npx >/dev/null 2>&1; then \
		npx --yes $(PYRIGHT) --pythonpath $(BIN)/python tests/typing/downstream_ok.py; \
	else \
		echo "pyright skipped: Node.js (npx) is not installed"; \
	fi

# The public surface's type completeness, as pyright sees an installed wheel (an editable install
# hides py.typed from it): every public name must have a declared type.
verifytypes: $(STAMP)
	@if command -v npx >/dev/null 2>&1; then \
		rm -rf .verifytypes && \
		$(BIN)/python -m hatchling build -t wheel -d .verifytypes/dist >/dev/null 2>&1 && \
		$(PYTHON) -m venv .verifytypes/venv && \
		.verifytypes/venv/bin/python -m pip install --quiet .verifytypes/dist/*.whl && \
		cd .verifytypes && PATH="$$PWD/venv/bin:$$PATH" \
			npx --yes $(PYRIGHT) --verifytypes bandwidth --ignoreexternal | grep -E "error|score"; \
		status=$${PIPESTATUS[0]}; cd .. && rm -rf .verifytypes; exit $$status; \
	else \
		echo "type completeness skipped: Node.js (npx) is not installed; it runs pyright"; \
	fi

# The tests of sharing a send budget through Redis start a real redis-server on loopback.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing redis-server (Debian's package) for the Redis tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
		else \
			echo "redis-server is missing: install it (apt-get install redis-server)" >&2; exit 1; \
		fi; }

unit: $(STAMP) redis-server
	$(BIN)/pytest

drill: $(STAMP)
	$(BIN)/pytest -m drill

contract: $(STAMP)
	$(BIN)/python scripts/contract.py

# The documentation site: every reference checked, warnings as errors; its examples run as
# doctests against the stand-in.
docs: $(STAMP)
	$(BIN)/python -m sphinx -n -W --keep-going -b html -q docs docs/_build/html
	$(BIN)/python -m sphinx -n -W -b doctest -q docs docs/_build/doctest

test: lint typecheck check-generated contract docs unit

demo: $(STAMP)
	$(BIN)/python examples/seed_examples.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache docs/_build

# How many deliberate bugs in the core modules the fast tests catch (slow; not in `test`).
mutation: $(STAMP)
	$(BIN)/python scripts/mutation.py

bench: $(STAMP) redis-server
	$(BIN)/python bench/run.py
	$(BIN)/python bench/rates.py
