# One command sets up and runs the demo; one runs the tests. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CYPHER_LINT := tests/cypher_lint/node_modules/.installed
UI_TESTS := $(VENV)/.ui-tests-installed
SCALE := $(VENV)/.scale-installed
BENCH_SIZES ?= 2000,10000
BENCH_FILL ?= 10000
CHROMIUM := /usr/bin/chromium

.PHONY: setup setup-ui-tests demo test eval bench clean

# pip -qq: errors only (its warnings, and the build backend's notes on editable installs, are
# not for the person running the demo; `make setup PIP_VERBOSITY=` shows them)
PIP_VERBOSITY ?= -qq
PIP := $(BIN)/pip install $(PIP_VERBOSITY)

$(STAMP): pyproject.toml
	@echo "setting up $(VENV) (newsgraph, its spaCy model and test tools; a few minutes the first time)"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip
	@$(PIP) -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

# Neo4j's Cypher linter (npm, version pinned in the lockfile) for tests/cypher_lint
$(CYPHER_LINT): tests/cypher_lint/package.json tests/cypher_lint/package-lock.json
	npm ci --prefix tests/cypher_lint --no-audit --no-fund --loglevel=error
	touch $(CYPHER_LINT)

# The page's browser test and the notebook runs (tests/browser, tests/notebooks): the
# ui-tests extra, and Debian's chromium when it is missing
$(UI_TESTS): $(STAMP) pyproject.toml | $(CHROMIUM)
	@$(PIP) -e '.[test,ui-tests]'
	touch $(UI_TESTS)

# as root with apt-get (CI, the project's machines); elsewhere the browser test skips and says why
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for tests/browser"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "note: no $(CHROMIUM), and installing it needs root and apt-get: tests/browser will skip"; \
	fi

setup-ui-tests: $(UI_TESTS)

# the scale extra (dask[bag]) for tests/integration/test_scale_plan.py
$(SCALE): $(STAMP) pyproject.toml
	@$(PIP) -e '.[test,scale]'
	touch $(SCALE)

demo: $(STAMP)
	@$(BIN)/newsgraph ingest examples/
	@$(BIN)/newsgraph viz --out graph.html
	@echo ""
	@echo "Open graph.html in a browser. Then try:"
	@echo "  $(BIN)/newsgraph stats"
	@echo "  $(BIN)/newsgraph query --list"
	@echo "  $(BIN)/newsgraph query meetings_of -p entity=\"Donald Trump\""
	@echo "  $(BIN)/newsgraph query statements -p entity=\"Donald Trump\""
	@echo "  $(BIN)/newsgraph export --format graphml --out graph.graphml --no-mentions"
	@echo "  $(BIN)/newsgraph ingest YOUR_FOLDER/      # your own .txt, .html or .jsonl articles"
	@echo "  $(BIN)/newsgraph --help"

test: $(STAMP) $(CYPHER_LINT) $(UI_TESTS) $(SCALE)
	$(BIN)/pytest

# quality figures (PolNeAR, the hand-made gold set); skips with a message without ../shared
eval: $(STAMP)
	$(BIN)/newsgraph eval

# speed against bare spaCy, memory from 2k to 50k articles, store writes, query latency, resolution
# cost, the issue's ratios side by side (bench/scale.py; under 10 minutes on 2 cores;
# BENCH_FILL=10000,50000 adds assembly and queries at 50k; BENCH_SIZES=2000,10000,50000 the hour-long run)
bench: $(STAMP)
	$(BIN)/python bench/scale.py --sizes $(BENCH_SIZES) --fill $(BENCH_FILL)

clean:
	rm -rf $(VENV) newsgraph-data graph.html tests/cypher_lint/node_modules
