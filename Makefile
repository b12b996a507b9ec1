# One task runner for people, CI and the docs. `make help` lists the tasks.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SITE := site

# Silence the MkDocs 2 / end-of-life banners; they are not build warnings.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help venv lint test-fast pdf pdf-deps system-deps build serve preview test check spell lint-md links readability overdue schemas node bench bench-pdf bench-build bench-compare bench-suite bench-web bench-search lock clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock requirements-compat.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock -r requirements-compat.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

venv: $(BIN)/.installed ## Create the pinned virtual environment

# Debian packages: WeasyPrint needs Pango and a font for the PDFs; the tests
# need Chromium, poppler-utils (pdftotext and pdftoppm, to read PDFs back) and nginx (the web benchmarks). Installed only when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PACKAGES := $(PDF_PACKAGES) chromium poppler-utils nginx
define apt_ensure
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

pdf-deps:
	$(call apt_ensure,$(PDF_PACKAGES))

system-deps: ## Install the Debian packages the build and tests use
	$(call apt_ensure,$(TEST_PACKAGES))

build: venv pdf-deps node ## Strict build of the site and PDFs, English and Spanish (es/), into site/ (replaced only on success)
	rm -rf $(SITE).tmp
	$(BIN)/python -m handbook build $(SITE).tmp  # mkdocs build --strict, then the Spanish edition into es/, in one process
	rm -rf $(SITE) && mv $(SITE).tmp $(SITE)

pdf: build ## Clinic PDFs: the build writes site/handouts/*.pdf and site/handbook.pdf (CLINIC_* to brand)

serve: build ## Build everything, then serve it at http://127.0.0.1:8000
	@echo "Serving $(SITE)/ at http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory $(SITE)

preview: venv ## Live-reloading preview for editors (no PDFs) at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

test: venv node system-deps ## Run the whole test suite (every tier), browser tests spread one by one, other modules whole
	$(BIN)/ruff check .
	$(BIN)/pytest -n auto --dist loadgroup

test-fast: venv ## Unit tests only, no build (seconds): for editing
	$(BIN)/pytest tests/unit -q

lint: venv ## Python lint (ruff)
	$(BIN)/ruff check .

# ---- Checks: `make check` runs every pull-request check locally ----

check: build test spell lint-md links readability ## Every pull-request check, as CI runs them

spell: venv ## Spelling of the built site (codespell; word list in tests/spelling/)
	$(BIN)/codespell $(SITE) --skip="*.js,*.pdf,*.json,*.xml,*.gz,*.css,*.svg,*.map,$(SITE)/es"  # es/: Spanish, not English

# Node runs Workbox, which writes the offline worker (sw.js) at the end of every build, and the checks' tools.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Installing Debian packages: nodejs npm"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: node_modules/.installed

lint-md: node ## Markdown style of the pages (markdownlint, tuned for Material)
	npx --no-install markdownlint-cli2

links: venv ## Every internal link and anchor in the built site resolves
	$(BIN)/python -m handbook links $(SITE)

readability: venv ## Reading grade of every built page (8 or lower)
	$(BIN)/python -m handbook readability $(SITE)
	$(BIN)/python -m handbook readability-es $(SITE)/es  # Spanish: INFLESZ and Fernández-Huerta

overdue: venv ## List pages overdue for clinical review; fails if any
	$(BIN)/python -m handbook overdue

schemas: venv ## Regenerate data/schema/*.json from the data models
	$(BIN)/python -m handbook schemas

# ---- Benchmarks: results are kept in benchmarks/results/ ----

bench: bench-pdf bench-build bench-compare bench-suite bench-web bench-search ## Run every benchmark and record the results

bench-pdf: venv ## PDF build time per page, one core and all cores
	cd benchmarks && ../$(BIN)/python pdf_bench.py

bench-build: venv ## Build time against plain Material, at 10 to 1,000 pages
	cd benchmarks && ../$(BIN)/python build_scaling.py

bench-suite: venv node system-deps ## Test suite wall time before and after (BEFORE=rev): every tier on every core, and the unit tier
	cd benchmarks && ../$(BIN)/python suite.py $(BEFORE)

bench-compare: venv ## Build time before and after a change (git revisions), in one run
	cd benchmarks && ../$(BIN)/python build_compare.py $(BEFORE) $(AFTER)

bench-web: venv node system-deps ## Lighthouse, page weight and phone page height, before and after (nginx with gzip)
	$(call apt_ensure,nginx-light)
	cd benchmarks && ../$(BIN)/python lighthouse.py

bench-search: venv node system-deps ## Search latency on a phone, before and after (BEFORE=rev), both languages, over HTTP and from disk
	$(call apt_ensure,nginx-light)
	cd benchmarks && ../$(BIN)/python search.py $(BEFORE)

# Extras are kept (fonttools[woff]==...): pip 23 in --require-hashes mode otherwise tries the newest
# release for a dependency's extra (weasyprint's fonttools[woff]) and stops with "must be pinned".
lock: ## Re-pin requirements.lock from requirements.in (needs network)
	$(PYTHON) -m venv /tmp/pip-tools-venv
	/tmp/pip-tools-venv/bin/pip install --quiet pip-tools==7.6.2
	/tmp/pip-tools-venv/bin/pip-compile --quiet --generate-hashes --no-strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

clean: ## Remove build output
	rm -rf $(SITE) $(SITE).tmp .pytest_cache
