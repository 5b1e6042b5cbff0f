# lunarbase: `make run` sets up and runs the default scenario; `make test` sets up and runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Offline here and in CI: read the real datasets from the staged mirror beside the repo (read-only).
SHARED_DATA := $(abspath ../shared/data)
ifneq ($(wildcard $(SHARED_DATA)/SHA256SUMS),)
export LUNARBASE_DATA_MIRROR ?= $(SHARED_DATA)
endif

# The figure PNGs and the browser tests drive Debian's chromium (never a browser download of
# Playwright's or Kaleido's own); `make test` installs the package when the file is missing.
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-fast test-min lint docs clean

# The exact versions tested (requirements/lock.txt) first, then lunarbase itself without
# resolving anything more; pyproject.toml gives only lower bounds, for users installing beside
# other packages. After changing a dependency, refresh the lock: see requirements/README.md.
LOCK := requirements/lock.txt

# uv (from PyPI, pinned here) installs the lock and lunarbase: the whole set-up takes ~20 s from
# an empty HOME on 2 cores, where pip took 58 s. --system-certs: uv trusts the system's
# certificate store, as pip does (a TLS-inspecting proxy's CA lives there). Where uv cannot be
# had or cannot reach PyPI, pip installs the same. Neither byte-compiles every module of every
# package (pip: --no-compile, 97 s -> 59 s): Python compiles a module when it is first imported.
UV := uv==0.13.10
PIP_INSTALL := $(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check
UV_INSTALL := $(BIN)/uv pip install --quiet --system-certs --python $(BIN)/python --no-deps

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) '$(UV)' && $(UV_INSTALL) -r $(LOCK) -e '.[dev]' || \
	  { echo "make: uv failed; installing with pip" >&2; \
	    $(PIP_INSTALL) -r $(LOCK) && $(PIP_INSTALL) --no-deps -e '.[dev]'; }
	touch $(STAMP)

run: $(STAMP) $(CHROMIUM)
	$(BIN)/lunarbase run --out out

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

$(CHROMIUM):
	@if [ "$$(id -u)" -eq 0 ]; then sudo=; \
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	else echo "make: $(CHROMIUM) is missing and installing it needs root: run" \
	  "'apt-get install chromium' as root (until then the PNGs and browser tests are skipped)" >&2; \
	  exit 0; fi; \
	echo "make: installing Debian's chromium (for the figure PNGs and the browser tests)"; \
	$$sudo apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# Two pytest workers (pytest-xdist): most tests are single-threaded, so one worker alone leaves a
# core idle; the workers share one derived-grid cache and the default run (tests/conftest.py).
PYTEST_WORKERS ?= 2

# The lint (ruff, mypy ~15 s on one core from an empty cache, lint-imports) runs beside the
# tests. Its log is shown only where it fails, so that a passing run's log ends with the
# slowest tests and one line for the lint; either failing fails `make test`.
test: $(STAMP) $(CHROMIUM)
	@$(MAKE) --no-print-directory lint > .lint.log 2>&1 & lint=$$!; \
	$(BIN)/pytest -q -n $(PYTEST_WORKERS); tests=$$?; \
	wait $$lint; linted=$$?; \
	if [ $$linted -ne 0 ]; then cat .lint.log; echo "make test: the lint failed (above)" >&2; \
	else echo "make test: the lint passed (ruff, mypy, lint-imports)"; fi; rm -f .lint.log; \
	[ $$tests -eq 0 ] && [ $$linted -eq 0 ]

# The edit-run loop: everything but the tests marked slow (full-resolution maps, the default
# scenario's run), no lint. `make test` always runs everything, and CI runs `make test`.
test-fast: $(STAMP)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) -m "not slow"

# The lower bounds of pyproject.toml, proved: .venv-min holds exactly `name==lower` for every
# runtime dependency and the test runner (requirements/lower_bounds.py), lunarbase installed
# --no-deps, and runs the fast tests but the browser ones (whose Playwright is not a bound).
MIN_VENV := .venv-min
MIN_STAMP := $(MIN_VENV)/.installed
MIN_TESTS ?= -m "not slow" --ignore=tests/browser

$(MIN_STAMP): pyproject.toml requirements/lower_bounds.py
	rm -rf $(MIN_VENV)
	$(PYTHON) -m venv $(MIN_VENV)
	$(PYTHON) requirements/lower_bounds.py pytest pytest-xdist hypothesis > $(MIN_VENV)/lower-bounds.txt
	$(MIN_VENV)/bin/python -m pip install --quiet -r $(MIN_VENV)/lower-bounds.txt
	$(MIN_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $(MIN_STAMP)

test-min: $(MIN_STAMP)
	$(MIN_VENV)/bin/pytest -q -n $(PYTEST_WORKERS) $(MIN_TESTS)

# The documentation site, offline, into docs/_build/html: the gallery runs on the staged data,
# its derived grids in the user cache ($$LUNARBASE_CACHE_DIR); `.[docs]` adds Sphinx to the venv.
docs: $(STAMP)
	$(BIN)/python -c "import sphinx_gallery, numpydoc" 2>/dev/null || \
	  $(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/python -m sphinx -b html -q docs docs/_build/html

clean:
	rm -rf $(VENV) $(MIN_VENV) out .pytest_cache .mypy_cache .ruff_cache docs/_build docs/gallery docs/reference
