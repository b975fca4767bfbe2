# Every target creates .venv when it is missing; only python3 and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench fuzz bot invite sync sandbox screenshot newcomer fmt clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(VENV)/.bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	@touch $(VENV)/.bench

## demo: digest the bundled sample articles offline and print them as Discord shows them
demo: $(STAMP)
	@for page in examples/*.html; do \
		echo "== $$page"; \
		$(PY) -m summarizer "$$page" || exit $$?; \
		echo; \
	done
	@echo "To see these cards in a Discord-like channel in your browser: make sandbox"

## test: ruff, mypy and the whole pytest suite (what CI runs)
test: lint typecheck unit

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

# pytest exits 5 when it collected nothing: say so plainly rather than pass or fail silently.
unit: $(STAMP)
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests (exit 5): nothing was checked"; exit 0; fi; \
	exit $$status

## bench: quality, speed and load benchmarks (installs the [bench] extras)
bench: $(VENV)/.bench
	$(PY) benchmarks/quality.py
	$(PY) benchmarks/speed.py
	$(PY) -m benchmarks.load

## fuzz: 10,000 seeded hostile documents through the engine, then atheris (about 10 minutes)
fuzz: $(VENV)/.bench
	$(PY) benchmarks/fuzz.py

## bot: run the Discord bot with the settings in .env
bot: $(STAMP)
	$(PY) -m bot

## invite: print the link that adds the bot to a server (reads DISCORD_TOKEN from .env)
invite: $(STAMP)
	@$(PY) -m bot invite

## sync: register the slash commands with Discord (on SKIM_DEV_GUILD_ID at once, if set)
sync: $(STAMP)
	$(PY) -m bot sync

## sandbox: the real bot in a local Discord-like channel at http://127.0.0.1:8765/ (ARGS=--online)
sandbox: $(STAMP)
	$(PY) -m sandbox $(ARGS)

## screenshot: redo docs/sandbox.png with the browser test (needs Debian's chromium)
screenshot: $(STAMP)
	SKIM_SCREENSHOT_DIR=docs $(PY) -m pytest -q tests/sandbox/test_page.py -k bin_removes

## newcomer: clone into a temporary folder and run every command README shows (a few minutes)
newcomer: $(STAMP)
	$(PY) tests/newcomer.py

fmt: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
