# One entry point for people and CI: `make demo`, `make test`, `make lint`, `make bench`.
# uv is bootstrapped into .tools/ when it is not on PATH: a fresh machine has only python3, pip and make.
PYTHON ?= python3
UV ?= $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
VENV := .venv
RUN := $(UV) run --frozen --no-sync
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

.PHONY: install demo serve test test-tools test-postgres test-services test-semantic lint format bench load-data load clean

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

# EXTRAS=semantic adds the sentence model on ONNX Runtime (about 57 MB, no PyTorch). Each set of
# extras has its own stamp, so `make demo EXTRAS=semantic` syncs once and then runs as usual.
EXTRAS ?=
INSTALLED := $(VENV)/.installed$(subst $(eval) ,,$(EXTRAS:%=-%))
$(INSTALLED): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON) $(EXTRAS:%=--extra %)
	@touch $@

# In a git checkout of Matchfair, also enable the tracked hooks in .githooks/ (commit-msg: a
# subject of at most 72 characters). An unpacked tarball is no git work tree and skips this.
install: $(INSTALLED)
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
	    && [ "$$(git rev-parse --show-toplevel)" = "$(CURDIR)" ]; then \
	    git config core.hooksPath .githooks; fi

demo: install
	$(RUN) matchfair demo

serve: install
	$(RUN) matchfair serve

test: install
	$(RUN) pytest -p no:cacheprovider -q

# axe-core for the accessibility check of the browser tests, from npm (needs node and npm;
# without them the check skips, and CI, which sets MATCHFAIR_REQUIRE_BROWSER, fails instead).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test-tools: node_modules/.installed

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	    MATCHFAIR_REQUIRE_POSTGRES=1 $(RUN) pytest -p no:cacheprovider -q

# The scaled-out deployment for real: gunicorn and Celery subprocesses on PostgreSQL with Redis and
# RabbitMQ (tests/deploy, marker `services`); a service that is down fails the run, not skips it.
test-services: install
	MATCHFAIR_REQUIRE_SERVICES=1 $(RUN) pytest -p no:cacheprovider -q -m services tests/deploy

lint: install
	$(RUN) ruff format --check src tests
	$(RUN) ruff check src tests
	$(RUN) mypy src
	$(RUN) mypy --strict src/matchfair/documents.py $(wildcard src/matchfair/scheduling src/matchfair/recommend src/matchfair/routing src/matchfair/consortia src/matchfair/voting)

format: install
	$(RUN) ruff format src tests
	$(RUN) ruff check --fix src tests

bench: install
	$(RUN) python benchmarks/run.py $(BENCH)

# Load test (docs/benchmarks.md): `make load-data` generates the 25,000-participant event once
# (minutes), `make load` drives it with wrk (apt-get install wrk). Neither runs in CI.
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/matchfair_load
LOAD_SIZE ?= --participants 25000 --meetings 150000
load-data: install
	DATABASE_URL=$(LOAD_DATABASE_URL) $(RUN) matchfair manage migrate --no-input
	DATABASE_URL=$(LOAD_DATABASE_URL) $(RUN) matchfair manage generate_load_event --reset $(LOAD_SIZE)

load: install
	DATABASE_URL=$(LOAD_DATABASE_URL) $(RUN) python benchmarks/load.py $(LOAD)

# Both sentence-model extras in a venv of its own, installed with pip as users would: the CPU
# build of PyTorch first (pip finds it in /opt/wheels here), then `semantic` (ONNX Runtime) and
# `semantic-torch`, so the tests compare the two runtimes.
SEMANTIC_VENV := .venv-semantic
$(SEMANTIC_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(SEMANTIC_VENV)
	$(SEMANTIC_VENV)/bin/pip install --quiet --disable-pip-version-check "torch==2.13.0"
	$(SEMANTIC_VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[semantic,semantic-torch]' \
	    pytest pytest-django hypothesis factory-boy
	@touch $@

test-semantic: $(SEMANTIC_VENV)/.installed
	$(SEMANTIC_VENV)/bin/python -m pytest -p no:cacheprovider -q \
	    tests/recommend/test_semantic.py tests/matchmaking/domain/test_embeddings.py \
	    tests/benchmarks/profile_generators/test_baselines.py

clean:
	rm -rf $(VENV) $(SEMANTIC_VENV) node_modules .tools var .pytest_cache .mypy_cache .ruff_cache
