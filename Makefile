# Minutes Editor: `make run` opens the editor on the Arabic example, `make test` runs every test.
# Both create .venv and install the project (with its test tools) on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := examples/budapest-process-2021-10-14.ar.minutes

.PHONY: run test lint bench fuzz export clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/minutes-editor $(EXAMPLE)

export: $(STAMP)
	$(BIN)/minutes-editor export $(EXAMPLE) -o out/budapest-process-2021-10-14.ar.docx

test: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The window's keyboard fuzzer, seed after seed in child processes, for FUZZ_SECONDS (tools/fuzz_window.py);
# then the kill loop for KILL_SECONDS: the editor killed while it types, restarted, checked (tools/kill_loop.py).
FUZZ_SECONDS ?= 600
KILL_SECONDS ?= 300
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python tools/fuzz_window.py; fuzzed=$$?; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/kill_loop.py --seconds $(KILL_SECONDS) && exit $$fuzzed

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist out .pytest_cache .ruff_cache .mypy_cache .hypothesis
