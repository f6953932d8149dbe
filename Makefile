# Two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test test-pg e2e setup lint fmt migrate i18n bench clean-venv

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

# On any HOST but 127.0.0.1 the app needs a password or a login (README, "Hosting it on a server"):
# check-access stops here, with the reason, when it has neither.
run: setup
	$(PY) -m tracker check-access --address $(HOST)
	$(PY) -m tracker migrate
	$(VENV)/bin/streamlit run streamlit_app.py --server.address $(HOST) --server.port $(PORT)

# Every test, the browser tests (tests/e2e) too: they need Debian's chromium (apt-get install chromium)
# and are skipped, with the reason, without it; TRACKER_E2E_REQUIRED=1 turns that skip into a failure.
# JOBS pytest-xdist workers (`auto`: one per core; JOBS=0 runs in this process, e.g. for pdb); a test
# file's tests stay together on one worker (--dist loadfile), so module fixtures are made once.
JOBS ?= auto
PYTEST := $(PY) -m pytest -rs -n $(JOBS) --dist loadfile
test: setup
	$(VENV)/bin/ruff check .
	$(PYTEST)

# On PostgreSQL, only what a database can change: the tests marked `db` (given automatically, see
# tests/conftest.py) and one browser test (marked `postgres_too`); the browser tests ran on SQLite in
# `make test`. Each worker starts its own throw-away server from Debian's packages (apt-get install
# postgresql) in a temporary folder, reachable only through its Unix socket.
test-pg: setup
	TRACKER_TEST_POSTGRES=1 $(PYTEST) -m "db and not e2e or postgres_too"

# Only the browser tests; screenshots go to tests/e2e/screenshots/.
e2e: setup
	$(PYTEST) -m e2e tests/e2e

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Translations: collect every English msgid of tracker/ and pages/ into tracker/i18n/messages.pot, then
# bring each catalog (tracker/i18n/locales/<lang>/LC_MESSAGES/messages.po) up to date with it: new
# msgids arrive with an empty msgstr for the translator, removed ones are dropped. No compile step.
I18N_KEYWORDS := -k _ -k N_ -k ngettext:1,2 -k label -k InvalidInput:1 -k NotFound:1 -k Refusal:2
i18n: setup
	PYTHONPATH=. $(VENV)/bin/pybabel extract -F babel.cfg --no-default-keywords $(I18N_KEYWORDS) \
		--add-comments=TRANSLATORS: --sort-by-file --project=freelance-tracker \
		-o tracker/i18n/messages.pot tracker pages
	$(VENV)/bin/pybabel update -i tracker/i18n/messages.pot -d tracker/i18n/locales \
		--no-fuzzy-matching --ignore-obsolete

# Scale benchmarks (issue 8): ten busy years (200,000 payments) built once into benchmarks/.cache/,
# then the Dashboard, report --json, an Upwork import and the export, timed; one JSON object and a
# table. BENCH_ARGS passes options, e.g. `make bench BENCH_ARGS=--quick` or `BENCH_ARGS="--runs 9"`.
bench: setup
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean-venv:
	rm -rf $(VENV)
