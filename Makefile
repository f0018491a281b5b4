.PHONY: setup run test test-fast lint

setup:
	bash scripts/setup.sh

# install, ingest corpus/ and answer a sample question
run: setup
	.venv/bin/projdocs ingest corpus/
	.venv/bin/projdocs ask "What were the 2022 targets for indicator 2.3?"

# the whole suite, slow and browser tests included (what CI runs)
test: setup
	.venv/bin/python -m pytest -q

# the quick loop
test-fast:
	.venv/bin/python -m pytest -q -m "not slow and not browser and not server"

# lint, format check and type check (what CI runs before the tests)
lint:
	.venv/bin/python -m ruff check assistant ingest ui evals tests
	.venv/bin/python -m ruff format --check assistant ingest ui evals tests
	.venv/bin/python -m mypy assistant ingest ui evals
