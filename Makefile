# The front door. `make help` lists the targets.
# The Makefile makes its own virtual environment (.venv) from the pinned requirements.lock.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Material 9.7+ prints a notice about MkDocs 2.0 and Material's end of life on every build. We pin
# mkdocs<2 and keep our logic out of MkDocs plugins (the generator writes plain Markdown and JSON),
# so the notice asks nothing of us; it is silenced to keep build logs readable.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup setup-engines engines system-deps build docs serve test golden eval lock clean corpus bench bench-ingest check realworld

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP) ## create .venv from requirements.lock

# The engine canaries (README, "Engines"): ProperDocs and Zensical, each in its own environment made
# from its own lock file (requirements-<engine>.in → requirements-<engine>.lock by `make lock`), so
# that neither shares a package version with MkDocs' .venv by accident.
ENGINES := properdocs zensical
ENGINE_STAMPS := $(foreach engine,$(ENGINES),.venv-$(engine)/.installed)

.venv-%/.installed: requirements-%.lock
	test -x .venv-$*/bin/python || $(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-$*.lock
	touch $@

setup-engines: $(ENGINE_STAMPS) ## create .venv-properdocs and .venv-zensical from their lock files

engines: $(STAMP) $(ENGINE_STAMPS) system-deps ## build the fixture corpus with MkDocs, ProperDocs and Zensical; crawl, security and browser checks for each
	$(PY) -m pytest -n 2 -q -m engines

system-deps: ## install Debian's chromium and chromium-driver for browser tests (needs root)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "installing chromium and chromium-driver from Debian"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; }

check: $(STAMP) ## validate seeds, annotations and the entity registry without building
	$(PY) -m generator check

docs: $(STAMP) ## generate the briefing pages and archive.json into docs/
	$(PY) -m generator build

# Site search: auto = Material's search up to 500 briefings, Pagefind above (generator/sitesearch.py);
# SEARCH=material or SEARCH=pagefind forces one.
SEARCH ?= auto
build: $(STAMP) ## generate docs/ and build the site into site/ (SEARCH=auto|material|pagefind)
	@$(PY) -m generator build; status=$$?; [ $$status -le 1 ] || exit $$status; \
	engine=$$($(PY) -m generator search-engine --setting $(SEARCH)) || exit 2; \
	material=$$([ "$$engine" = material ] && echo true || echo false); \
	rm -rf site.new && MATERIAL_SEARCH=$$material $(VENV)/bin/mkdocs build --strict --quiet -d site.new \
	  || { rm -rf site.new; echo "mkdocs failed: the previous site/ is kept" >&2; exit 2; }; \
	[ "$$engine" = material ] || $(PY) -m generator search-index --site site.new \
	  || { rm -rf site.new; echo "search indexing failed: the previous site/ is kept" >&2; exit 2; }; \
	rm -rf site.old; [ ! -d site ] || mv site site.old; mv site.new site; rm -rf site.old; \
	echo "site built in site/"; exit $$status

# make serve's address. HOST is not read from the environment: tcsh exports HOST as the machine's
# name, which MkDocs cannot listen on. tools/serveport.py checks both before anything is built, so
# a busy port is one line saying what to type, not a traceback after a whole site build.
PORT ?= 8000
HOST = 127.0.0.1
# watchdog matches a pattern against the whole path, so '*.txt' alone would never fire.
WATCH_PATTERNS = **/*.txt;**/*.html;**/*.yml;**/*.yaml
serve: $(STAMP) ## preview at http://127.0.0.1:8000/ (PORT=, HOST=) with live reload; edits to seeds (text or saved pages), annotations or the registry regenerate docs/
	@$(PY) -m tools.serveport --host '$(HOST)' --port '$(PORT)' || exit 2; \
	$(PY) -m generator build --quiet; \
	$(VENV)/bin/watchmedo shell-command --recursive --drop --wait --patterns='$(WATCH_PATTERNS)' \
	  --command='$(PY) -m generator build --quiet' seeds annotations registry & \
	watcher=$$!; trap 'kill $$watcher 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/mkdocs serve --dev-addr '$(HOST):$(PORT)'

N ?= 1000
corpus: $(STAMP) ## write N synthetic seeds (default 1000) into build/corpus/ for benchmarks
	$(PY) -m tools.synthetic $(N) --out build/corpus

# BENCH_ARGS passes options to benchmarks/bench.py, e.g. BENCH_ARGS="--large-repeat 1" (see --help).
BENCH_ARGS ?=
bench: $(STAMP) system-deps bench-ingest ## benchmark the pipeline at N=1,000 and 10,000 (~30 min); writes benchmarks/RESULTS.md
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

bench-ingest: $(STAMP) ## ingest and extraction seeds/s on one core: the real-world corpus, then 500 synthetic seeds
	$(PY) benchmarks/ingest_speed.py
	$(PY) -m tools.synthetic 500 --out build/bench-ingest >/dev/null
	$(PY) benchmarks/ingest_speed.py --seeds build/bench-ingest --out benchmarks/ingest_speed_synthetic.json

test: $(STAMP) $(ENGINE_STAMPS) system-deps ## run every test (the engine canaries included)
	$(PY) -m pytest -n 2 -q

eval: $(STAMP) ## score extraction (tests/gold/), then ingest (beside trafilatura) and extraction on the real-world corpus, both halves
	$(PY) -m tools.evaluate
	@echo
	$(PY) -m tools.realworld.evaluate
	@echo
	$(PY) -m tools.realworld.extraction

realworld: $(STAMP) ## rebuild tests/realworld from the source repositories' pages (MIRRORS=folder of git copies)
	$(PY) -m tools.realworld.corpus $(if $(MIRRORS),--mirrors $(MIRRORS))

golden: $(STAMP) ## regenerate tests/golden/docs from seeds/ (review the diff before committing)
	$(PY) -m tests.golden

lock: ## re-resolve requirements.in (and requirements-<engine>.in) into their .lock files (exact versions)
	for name in requirements $(foreach engine,$(ENGINES),requirements-$(engine)); do \
	  rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock && \
	  .venv-lock/bin/pip install --quiet -r $$name.in && \
	  .venv-lock/bin/pip freeze --exclude-editable > $$name.lock || exit 1; \
	done
	rm -rf .venv-lock

clean: ## remove the site, caches and generated pages (not .venv)
	rm -rf site site.new site.old build .cache .pytest_cache .hypothesis
	[ ! -x $(PY) ] || $(PY) -c "from pathlib import Path; from generator.write import write_files; write_files(Path('docs'), {})"
