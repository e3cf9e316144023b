# The Darlington Compact handbook. `make build` builds the site; `make test` runs every test.
# Both set up what they need first: a Python virtual environment in .venv with the pinned
# packages, and the Debian packages the tests use (Chromium), installed with apt-get if missing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEBIAN_PACKAGES := chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Dates inside built files come from the last commit, so two builds of a commit are identical.
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: build test check serve lint venv system-packages lock schemas clean

build: $(STAMP)
	$(PY) -m build_scripts build

check: $(STAMP)
	$(PY) -m build_scripts check

schemas: $(STAMP)
	$(PY) -m build_scripts schemas

serve: $(STAMP)
	$(PY) -m mkdocs serve --livereload

test: $(STAMP) system-packages lint
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check build_scripts tests
	$(PY) -m mypy

venv: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Installs only what is missing, so it costs nothing on a machine that has it all.
system-packages:
	@missing=""; for pkg in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# After editing requirements.in: re-resolve every pin in a fresh environment.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	( echo '# Every package, pinned: made from requirements.in by `make lock`. Install with `make venv`.'; \
	  .lock-venv/bin/pip freeze ) > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf site .site-new-* .site-old .pytest_cache .mypy_cache .ruff_cache
