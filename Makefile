PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsevents.duckdb

.PHONY: demo test install install-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

demo: install
	$(BIN)/newsevents extract examples/ --db $(DB); test $$? -le 1
	@echo
	@echo "Browse the results:  $(BIN)/newsevents serve --db $(DB)   (then open http://127.0.0.1:8000)"

# Headless Chromium for the browser test; the test skips when none can be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1)) || \
	  echo "chromium not installed: the browser test will skip"

test: install-test browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) $(DB) build dist src/*.egg-info
