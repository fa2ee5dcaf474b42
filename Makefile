# Self-documenting: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-dev run demo test lint browser format bench faults clean messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create the virtual environment with the pinned runtime requirements

install-dev: $(VENV)/.installed-dev ## Same, plus what the tests, lint and benchmarks need

demo: install ## Migrate the database, load demo content, build the search index, make sure an admin user exists
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py update_index --verbosity 0
	$(BIN)/python manage.py ensure_admin

run: demo ## Everything above, then serve the site on http://127.0.0.1:8000
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install-dev ## ruff, Django's checks and the missing-migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

browser: ## Debian's Chromium for the end-to-end tests (skipped, with the reason, where it cannot be installed)
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) \
		|| echo "Chromium not installed: the browser tests will be skipped."

test: lint browser ## The whole suite, with the lint and consistency checks first
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-dev ## Seed 10,000 articles in PostgreSQL and load API and feeds against the baselines
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python -m bench.run $(BENCH_ARGS)

faults: install-dev ## Fault and load scenarios against scripts/prod-local.sh (restarts local PostgreSQL and Redis!)
	$(BIN)/python -m bench.faults $(FAULT_ARGS)

format: install-dev ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: ## Recompile the Vietnamese admin translations (locale/vi/LC_MESSAGES/*.po -> .mo)
	for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check -o "$${po%.po}.mo" "$$po" || exit 1; done

clean: ## Remove the virtual environment, the SQLite database and media
	rm -rf $(VENV) db.sqlite3 media staticfiles
