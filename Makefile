# Self-documenting: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Absolute URLs (the login line, canonical and Open Graph tags, feeds, the API, renditions) and
# the Wagtail site follow the address `make run` serves, unless SITE_URL is set (environment or .env).
SITE_URL ?= $(or $(shell sed -n 's/^SITE_URL=//p' .env 2>/dev/null | tail -n 1),http://$(HOST):$(PORT))

.DEFAULT_GOAL := help
.PHONY: help install install-dev run demo test lint browser varnish format bench scale faults clean messages audit

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
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py update_index --verbosity 0
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py ensure_admin

run: demo ## Everything above, then serve the site on http://127.0.0.1:8000 (HOST=…, PORT=… to change it)
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install-dev ## ruff, Django's checks and the missing-migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

browser: ## Debian's Chromium for the end-to-end tests (skipped, with the reason, where it cannot be installed)
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) \
		|| echo "Chromium not installed: the browser tests will be skipped."

varnish: ## Debian's Varnish and varnish-modules (xkey) for the shared-cache tests (skipped, with the reason, where they cannot be installed)
	@(test -x /usr/sbin/varnishd && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1) \
		|| (command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && apt-get install -y -qq --no-install-recommends varnish varnish-modules) \
		|| echo "Varnish not installed: the shared-cache tests will be skipped."

test: lint browser varnish ## The whole suite, with the lint and consistency checks first
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-dev ## Seed 10,000 articles in PostgreSQL and load API and feeds against the baselines
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python -m bench.run $(BENCH_ARGS)

scale: install-dev ## The scale table: the same pages at 1,000, 10,000 and 100,000 articles (cms_scale; SCALE_ARGS=...)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python -m bench.scale $(SCALE_ARGS)

faults: install-dev ## Fault and load scenarios against scripts/prod-local.sh (restarts local PostgreSQL and Redis!)
	$(BIN)/python -m bench.faults $(FAULT_ARGS)

LIGHTHOUSE_VERSION = 12.2.3
AUDIT_DIR = .audit

$(AUDIT_DIR)/node_modules/.bin/lighthouse:
	npm install --prefix $(AUDIT_DIR) --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE_VERSION)

audit: install browser $(AUDIT_DIR)/node_modules/.bin/lighthouse ## Lighthouse (mobile) on the demo site's home, an article and a category; fails below 95/100/95/100
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python scripts/lighthouse_audit.py

format: install-dev ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: ## Recompile the Vietnamese admin translations (locale/vi/LC_MESSAGES/*.po -> .mo)
	for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check -o "$${po%.po}.mo" "$$po" || exit 1; done

clean: ## Remove the virtual environment, the SQLite database and media
	rm -rf $(VENV) db.sqlite3 media staticfiles $(AUDIT_DIR)
