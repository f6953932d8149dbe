# Two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test e2e setup lint fmt migrate clean-venv

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

migrate: setup
	$(PY) -m tracker migrate

run: migrate
	$(VENV)/bin/streamlit run streamlit_app.py --server.address $(HOST) --server.port $(PORT)

# Every test, the browser tests (tests/e2e) too: they need Debian's chromium (apt-get install chromium)
# and are skipped, with the reason, without it; TRACKER_E2E_REQUIRED=1 turns that skip into a failure.
test: setup
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -rs

# Only the browser tests; screenshots go to tests/e2e/screenshots/.
e2e: setup
	$(PY) -m pytest -rs -m e2e tests/e2e

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean-venv:
	rm -rf $(VENV)
