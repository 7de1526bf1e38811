# Netzwerkstatt. `make demo` and `make test` work on a fresh machine: they install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV = DEBUG=true SITE_URL=http://$(HOST):$(PORT)

.PHONY: help demo serve test test-sqlite test-postgres test-e2e lint fmt messages makemessages bench clean install pdf-libs

help:
	@echo "make demo     install, migrate, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make serve    install, migrate and serve without demo data"
	@echo "make test     the whole suite on SQLite, on PostgreSQL, then the browser tests"
	@echo "make lint     ruff and makemigrations --check;  make fmt  formats the code"
	@echo "make bench    benchmarks, printed as ratios against a baseline"

$(VENV)/.installed: pyproject.toml constraints.txt
	@py=$$(scripts/find-python) || exit 1; \
	if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$py"; $$py -m venv $(VENV); fi
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]" 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -c "import django, allauth, rules, pycountry" || { echo "Installing the Python packages failed."; exit 1; }
	@touch $@

install: $(VENV)/.installed messages pdf-libs

# WeasyPrint (application PDFs) needs Pango from Debian.
pdf-libs:
	@/sbin/ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || scripts/ensure-apt libpangoft2-1.0.so.0 libpangoft2-1.0-0

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || scripts/ensure-apt npm npm
	npm ci --no-audit --no-fund --silent
	@touch $@

messages: $(VENV)/.installed
	@scripts/ensure-apt msgfmt gettext
	@$(DEV_ENV) $(MANAGE) compilemessages -v0 --ignore=.venv --ignore=node_modules --ignore=var

makemessages: $(VENV)/.installed
	cd src/netzwerkstatt && $(DEV_ENV) ../../$(PY) ../../manage.py makemessages -l de -l it --no-obsolete --add-location file -i "static/*"

demo: install
	@$(DEV_ENV) $(MANAGE) migrate -v0
	@$(DEV_ENV) $(MANAGE) createcachetable -v0
	@$(DEV_ENV) $(MANAGE) load_demo
	@$(MAKE) --no-print-directory _run

serve: install
	@$(DEV_ENV) $(MANAGE) migrate -v0
	@$(DEV_ENV) $(MANAGE) createcachetable -v0
	@$(MAKE) --no-print-directory _run

# Runs the web server and the background worker (e-mail) together; Ctrl-C stops both.
_run:
	@echo "Serving on http://$(HOST):$(PORT)/  (e-mail is printed here; Ctrl-C stops)"
	@trap 'kill 0' EXIT INT TERM; \
	$(DEV_ENV) $(MANAGE) db_worker --interval 1 --no-reload & \
	$(DEV_ENV) $(MANAGE) runserver --noreload $(HOST):$(PORT)

test: test-sqlite test-postgres test-e2e

test-sqlite: install
	$(PY) -m pytest -q -m "not e2e" -p no:playwright

test-postgres: install
	scripts/with-postgres $(PY) -m pytest -q -m "not e2e" -p no:playwright

test-e2e: install node_modules/.installed
	@scripts/ensure-apt /usr/bin/chromium chromium
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -q -m e2e tests/e2e

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run

fmt: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var
