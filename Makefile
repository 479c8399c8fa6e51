# One entry point for people and CI: `make demo`, `make test`, `make lint`, `make bench`.
# uv is bootstrapped into .tools/ when it is not on PATH: a fresh machine has only python3, pip and make.
PYTHON ?= python3
UV ?= $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
VENV := .venv
RUN := $(UV) run --frozen --no-sync
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

.PHONY: install demo serve test test-postgres test-semantic lint format bench clean

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed

demo: install
	$(RUN) matchfair demo

serve: install
	$(RUN) matchfair serve

test: install
	$(RUN) pytest -p no:cacheprovider -q

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	    MATCHFAIR_REQUIRE_POSTGRES=1 $(RUN) pytest -p no:cacheprovider -q

lint: install
	$(RUN) ruff format --check src tests
	$(RUN) ruff check src tests
	$(RUN) mypy src
	$(RUN) mypy --strict src/matchfair/documents.py $(wildcard src/matchfair/scheduling src/matchfair/recommend src/matchfair/routing)

format: install
	$(RUN) ruff format src tests
	$(RUN) ruff check --fix src tests

bench: install
	$(RUN) python benchmarks/run.py $(BENCH)

# The optional `semantic` extra in a venv of its own, installed with pip as users would:
# the CPU build of PyTorch first (pip finds it in /opt/wheels here), then the extra.
SEMANTIC_VENV := .venv-semantic
$(SEMANTIC_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(SEMANTIC_VENV)
	$(SEMANTIC_VENV)/bin/pip install --quiet --disable-pip-version-check "torch==2.13.0"
	$(SEMANTIC_VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[semantic]' \
	    pytest pytest-django hypothesis factory-boy
	@touch $@

test-semantic: $(SEMANTIC_VENV)/.installed
	$(SEMANTIC_VENV)/bin/python -m pytest -p no:cacheprovider -q \
	    tests/recommend/test_semantic.py tests/matchmaking/domain/test_embeddings.py

clean:
	rm -rf $(VENV) $(SEMANTIC_VENV) .tools var .pytest_cache .mypy_cache .ruff_cache
