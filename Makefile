# Developer commands. The README documents two of them:
#
#   make run    fresh machine -> virtualenv, install, migrate, demo content, admin login, server
#               and the background worker beside it
#   make test   system packages, linters, Django checks, the whole suite on SQLite, then the
#               database tests again on PostgreSQL (a throwaway cluster unless DATABASE_URL
#               names one): what CI runs
#
# Everything runs inside .venv, which is created and (re)installed on demand from the
# hashed lock file requirements/dev.txt, only when it is newer than .venv/.installed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-print-directory

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
TEST_SETTINGS := config.settings.test

# The interpreter the virtualenv is made from: the first of python3.11, python3.12
# and python3 on PATH, unless given (make run PYTHON=/usr/local/bin/python3.11).
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3)

RUN_HOST ?= 127.0.0.1
RUN_PORT ?= 8000
ADMIN_USERNAME ?= admin
ADMIN_PASSWORD ?= admin-demo-2564
ADMIN_EMAIL ?= admin@example.org

# Extra arguments for pytest, e.g. make pytest PYTEST_ARGS="-m 'not browser' -x".
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per CPU; PYTEST_WORKERS=0 runs everything in one.
PYTEST_WORKERS ?= auto
XDIST := $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadgroup)
# The validators of the served demo site and the browser tests check HTML and what
# readers see, not the database: they run once, in the SQLite run.
DATABASE_TESTS := -m "not browser and not validation"
# make test names the ten slowest tests of each run: where the time goes.
SLOWEST := --durations=10

# Templates that djhtml indents (test samples are other sites' pages, kept as found).
TEMPLATES = $(shell find . \( -path ./$(VENV) -o -path ./node_modules -o -path ./.git \
	-o -path ./tests/samples -o -path ./static_collected -o -path ./htmlcov -o -path ./.cache \) -prune -o -name '*.html' -print)

# Translation catalogues (.po) and the compiled files (.mo) Django reads.
PO_FILES := $(shell find . \( -path ./$(VENV) -o -path ./node_modules -o -path ./.git \) -prune \
	-o -name '*.po' -path '*/LC_MESSAGES/*' -print 2>/dev/null)
MO_FILES := $(PO_FILES:.po=.mo)

# Directories makemessages must not read.
MESSAGES_IGNORE := --ignore=$(VENV) --ignore=node_modules --ignore=static_collected \
	--ignore=media --ignore=htmlcov --ignore=tests --ignore=benchmarks --ignore=.test-media

.PHONY: help venv run test system-packages lint format check check-migrations check-deploy \
	check-lock lock \
	pytest pytest-sqlite pytest-postgres coverage messages compilemessages translations \
	clean distclean

help:
	@echo "make run              set up everything on a fresh machine and serve the demo site"
	@echo "                      at http://$(RUN_HOST):$(RUN_PORT)/ (SQLite, dev settings)"
	@echo "make test             everything CI runs: system packages (installed as root), linters,"
	@echo "                      Django checks, the suite on SQLite, the database tests on"
	@echo "                      PostgreSQL (a throwaway cluster, or DATABASE_URL=postgres://...)"
	@echo "make lint             ruff (lint and format), djLint and djhtml over the templates"
	@echo "make format           ruff format and djhtml: rewrite what make lint would refuse"
	@echo "make check            manage.py check with the test settings"
	@echo "make check-migrations fail if a model change has no migration"
	@echo "make check-deploy     manage.py check --deploy with production settings"
	@echo "make lock             rewrite the hashed lock files in requirements/ from pyproject.toml"
	@echo "make check-lock       fail if requirements/*.txt no longer match pyproject.toml"
	@echo "make pytest           only the pytest suite, on DATABASE_URL (PYTEST_ARGS=... to narrow it)"
	@echo "make coverage         the suite on SQLite with coverage of every app (htmlcov/)"
	@echo "make messages         update the Thai translation catalogues (makemessages -l th)"
	@echo "make compilemessages  compile every catalogue to .mo"
	@echo "make clean            remove caches and test/build artefacts"
	@echo "make distclean        clean, and also remove .venv, db.sqlite3 and media/ (demo data)"

# --- virtualenv ------------------------------------------------------------------

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: no python3.11 (or python3) on PATH; install Python 3.11 or set PYTHON=..." >&2; \
		exit 1; fi
	@if ! "$(PYTHON)" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))'; then \
		echo "error: $(PYTHON) is Python $$("$(PYTHON)" -c 'import platform; print(platform.python_version())');" \
			"this project needs Python 3.11 or 3.12 (set PYTHON=/path/to/python3.11)" >&2; \
		exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON) ($$("$(PYTHON)" -c 'import platform; print(platform.python_version())'))"
	@"$(PYTHON)" -m venv $(VENV) || { rm -rf $(VENV); \
		echo "error: could not create $(VENV); on Debian/Ubuntu: apt-get install python3-venv" >&2; \
		exit 1; }

# Installs exactly what requirements/dev.txt locks, each file checked against its hash;
# scripts/lock.sh rewrites the lock after a change to pyproject.toml.
LOCK := requirements/dev.txt

$(STAMP): $(LOCK) | $(PY)
	@if ! $(PY) -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))'; then \
		echo "error: $(VENV) was made with Python $$($(PY) -c 'import platform; print(platform.python_version())')," \
			"this project needs 3.11 or 3.12; run: make distclean" >&2; \
		exit 1; fi
	$(PY) -m pip install --disable-pip-version-check --no-input --require-hashes -r $(LOCK)
	@touch $@

venv: $(STAMP)

# --- translations ------------------------------------------------------------------

# .mo files are rebuilt from newer .po files when gettext's msgfmt is available;
# without it the existing .mo files are used as they are.
translations: $(MO_FILES)

%.mo: %.po
	@if command -v msgfmt >/dev/null; then \
		echo "msgfmt $<"; msgfmt --check-format -o $@ $<; \
	elif [ -f $@ ]; then \
		echo "warning: gettext's msgfmt is missing, using $@ as it is (apt-get install gettext)" >&2; \
	else \
		echo "warning: gettext's msgfmt is missing, $@ not built: the interface will not be" \
			"translated (apt-get install gettext)" >&2; \
	fi

messages: venv
	$(MANAGE) makemessages -l th --add-location=file $(MESSAGES_IGNORE)

compilemessages: venv
	$(MANAGE) compilemessages -l th --ignore=$(VENV) --ignore=node_modules

# --- make run ------------------------------------------------------------------

run: venv translations
	$(MANAGE) migrate --noinput
	@# Its search index and references are made at once, not queued for the worker.
	TASKS_BACKEND=immediate $(MANAGE) load_demo_content
	@DJANGO_SUPERUSER_PASSWORD='$(ADMIN_PASSWORD)' $(MANAGE) shell -v 0 -c '\
	from django.contrib.auth import get_user_model; \
	User = get_user_model(); \
	exists = User.objects.filter(username="$(ADMIN_USERNAME)").exists(); \
	exists or User.objects.create_superuser("$(ADMIN_USERNAME)", "$(ADMIN_EMAIL)", "$(ADMIN_PASSWORD)"); \
	print("Admin login $(ADMIN_USERNAME)", "already exists" if exists else "created")'
	@echo
	@echo "  Site:  http://$(RUN_HOST):$(RUN_PORT)/  (English: http://$(RUN_HOST):$(RUN_PORT)/en/)"
	@echo "  Admin: http://$(RUN_HOST):$(RUN_PORT)/admin/  ($(ADMIN_USERNAME) / $(ADMIN_PASSWORD))"
	@echo "  Worker: runs beside the server (lines starting \"worker |\"); Ctrl-C stops both"
	@echo
	@# The worker makes draft pages from partners' stories, sends their emails, makes
	@# AVIF/WebP renditions, updates the search index and publishes scheduled pages.
	@$(MANAGE) worker > >(sed -u 's/^/worker | /') 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver $(RUN_HOST):$(RUN_PORT)

# --- make test -----------------------------------------------------------------

test: system-packages
	@rm -f .test-phases
	@scripts/phase.sh "virtualenv and npm" $(MAKE) venv translations node_modules/.installed
	@scripts/phase.sh "linters" $(MAKE) lint
	@scripts/phase.sh "Django checks" $(MAKE) check check-migrations check-deploy check-lock
	@scripts/phase.sh "tests on SQLite" $(MAKE) pytest-sqlite
	@scripts/phase.sh "tests on PostgreSQL" $(MAKE) pytest-postgres
	@scripts/phase.sh --summary

# As root on Debian the missing packages are installed; anyone else is told the command.
system-packages:
	@scripts/system-packages.sh

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --lint .
	$(VENV)/bin/djhtml --check $(TEMPLATES)

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $(TEMPLATES)

check: venv translations
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) check --fail-level WARNING

# The lock files still match pyproject.toml (asks the package index, changes nothing).
check-lock: venv
	scripts/lock.sh --check

lock: venv
	scripts/lock.sh

check-migrations: venv
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run

# Production settings with throwaway values; any warning fails.
check-deploy: venv
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))')" \
	ALLOWED_HOSTS=example.org WAGTAILADMIN_BASE_URL=https://example.org \
	DJANGO_SETTINGS_MODULE=config.settings.production \
		$(MANAGE) check --deploy --fail-level WARNING

pytest: venv translations node_modules/.installed
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

pytest-sqlite: venv translations node_modules/.installed
	env -u DATABASE_URL $(PY) -m pytest $(XDIST) $(SLOWEST) $(PYTEST_ARGS)

pytest-postgres: venv translations
	scripts/pg-test-cluster.sh run $(PY) -m pytest $(XDIST) $(SLOWEST) $(DATABASE_TESTS) $(PYTEST_ARGS)

coverage: venv translations node_modules/.installed
	env -u DATABASE_URL $(PY) -m pytest $(XDIST) --cov --cov-report=term --cov-report=html $(PYTEST_ARGS)

# The validators the tests run on the served site (Nu HTML Checker, axe-core) and
# Lighthouse for benchmarks/lighthouse.sh, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is missing (apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# --- housekeeping --------------------------------------------------------------

clean:
	find . \( -path ./$(VENV) -o -path ./.git -o -path ./node_modules \) -prune \
		-o -name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .coverage .coverage.* htmlcov static_collected .test-media \
		.test-db.sqlite3* .test-phases

distclean: clean
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media *.egg-info
