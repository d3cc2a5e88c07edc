# One command sets up and runs the demo; one runs the tests. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph ingest examples/
	$(BIN)/newsgraph viz --out graph.html
	@echo "Open graph.html in a browser."

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) newsgraph-data graph.html
