# Cyfrowa Akademia: `make run` serves the demo, `make test` checks everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# The public address printed on certificates (and in their QR code) and in emails:
# where `make run` serves, unless given (behind a proxy: SITE_URL=https://... make run).
SITE_URL ?= http://$(HOST):$(PORT)
MANAGE := $(BIN)/python manage.py
I18N_IGNORE := --ignore=.venv --ignore=node_modules --ignore=static_collected --ignore=test-artifacts

.PHONY: help install install-demo install-dev node prepare run test lint test-python messages lock clean bench \
	scale-test scale-test-short

help:
	@echo "make run    install, migrate, load the demo and serve on http://$(HOST):$(PORT)/"
	@echo "make test   install dev tools, lint, check migrations and run the whole suite"
	@echo "make lock   regenerate requirements/*.lock from pyproject.toml"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The pinned pip first (requirements/pip.lock says why).
$(VENV)/.pip: requirements/pip.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pip.lock
	@touch $@

$(VENV)/.installed: requirements/base.lock | $(VENV)/.pip
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.lock
	@rm -f $(VENV)/.installed-demo $(VENV)/.installed-dev
	@touch $@

# The runtime plus the demo extra (imageio-ffmpeg renders the demo videos).
$(VENV)/.installed-demo: requirements/demo.lock | $(VENV)/.pip
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/demo.lock
	@touch $@ $(VENV)/.installed

# dev.lock holds the demo extra too: the tests build the demo.
$(VENV)/.installed-dev: requirements/dev.lock | $(VENV)/.pip
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	@touch $@ $(VENV)/.installed $(VENV)/.installed-demo

node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(VENV)/.installed node_modules/.installed
install-demo: $(VENV)/.installed-demo node_modules/.installed
install-dev: $(VENV)/.installed-dev node_modules/.installed
node: node_modules/.installed

messages: $(BIN)/python
	$(MANAGE) compilemessages $(I18N_IGNORE) -v0

# Everything `make run` does before serving (the Docker image compiles the messages and
# collects the static files at build, without the demo extra or its data).
prepare: install-demo messages
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0
	SITE_URL=$(SITE_URL) $(MANAGE) load_demo_data

run: prepare
	@echo
	@echo "Cyfrowa Akademia: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo
	@# The background worker (certificate ZIPs, evidence packs) runs beside the app on
	@# the database task queue, resumes a task it was killed in, and stops with the app.
	export DJANGO_SETTINGS_MODULE=lms.settings.dev TASKS_BACKEND=database SITE_URL=$(SITE_URL); \
	$(MANAGE) run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn lms.wsgi \
		--bind $(HOST):$(PORT) --workers 2 --preload --forwarded-allow-ips=""

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-python: install-dev node messages
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

test: lint test-python

lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra demo --python-version 3.11 --generate-hashes -o requirements/demo.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --extra demo --python-version 3.11 --generate-hashes -o requirements/dev.lock

clean:
	rm -rf $(VENV) node_modules static_collected test-artifacts

# Every benchmark, each with its baseline in the same run, then one table in
# docs/benchmarks.md (with the last `make scale-test` summary, if there is one).
# bench/pages.py also serves a stock wagtail-lms site from a virtual environment
# that it installs with pip into test-artifacts/wagtail-lms-venv (reused while the
# pins match; `--no-wagtail-lms` skips that comparison).
BENCH_OUT := test-artifacts/bench
SCALE_SUMMARY := test-artifacts/scale-test/summary.json
bench: install-dev node messages
	@mkdir -p $(BENCH_OUT)
	$(BIN)/python bench/pages.py --seconds 10 --connections 4 --json $(BENCH_OUT)/pages.json
	$(BIN)/python bench/heartbeat.py --seconds 10 --clients 2 --json $(BENCH_OUT)/heartbeat-sqlite.json
	PG_OPTIONS="" scripts/with-postgres $(BIN)/python bench/heartbeat.py --seconds 10 --clients 2 \
		--json $(BENCH_OUT)/heartbeat-postgresql.json
	$(BIN)/python bench/certificates.py --json $(BENCH_OUT)/certificates.json
	$(BIN)/python bench/exports.py --rows 100000 --json $(BENCH_OUT)/exports-sqlite.json
	PG_OPTIONS="" scripts/with-postgres $(BIN)/python bench/exports.py --rows 100000 \
		--json $(BENCH_OUT)/exports-postgresql.json
	$(BIN)/python bench/report.py $(BENCH_OUT)/pages.json $(BENCH_OUT)/heartbeat-*.json \
		$(BENCH_OUT)/certificates.json $(BENCH_OUT)/exports-*.json \
		--scale $(SCALE_SUMMARY) --out docs/benchmarks.md

# The production topology for real on this machine (PostgreSQL, two app instances,
# Redis, S3 on loopback, the worker, nginx), a 500-learner load test and a fault
# test; results in test-artifacts/scale-test/. The short one runs in CI.
scale-test: install-dev node messages
	scripts/with-postgres $(BIN)/python loadtest/scale_test.py $(SCALE_ARGS)

scale-test-short: install-dev node messages
	scripts/with-postgres $(BIN)/python loadtest/scale_test.py --short $(SCALE_ARGS)
