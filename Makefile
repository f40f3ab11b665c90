# Two commands do all the set-up on a fresh machine:
#   make demo   install, then run the nightly pipeline on the bundled demo boards
#   make test   install with the test tools, then lint and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

BENCH_VENV ?= .venv-bench
ESCO ?= ../shared/data/esco/v1.2

.PHONY: demo test lint bench bench-env clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/vacatures run --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

# Speed and memory on this machine; each script prints its own table.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_warehouse.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_dedupe.py
	$(BIN)/python benchmarks/bench_classify.py --esco $(ESCO)
	$(BIN)/python benchmarks/bench_enrich.py

# A separate environment with the libraries the benchmarks compare against.
bench-env: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/pip install --quiet -e '.[bench]'
	$(BENCH_VENV)/bin/python benchmarks/bench_dedupe_minhash.py
	$(BENCH_VENV)/bin/python benchmarks/splink_compare.py --postings 100000

clean:
	rm -rf var .pytest_cache .ruff_cache .mypy_cache
