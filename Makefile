# The Darlington Compact handbook. `make build` builds the site; `make test` runs every test.
# Both set up what they need first: a Python virtual environment in .venv with the pinned
# packages, and the Debian packages the build and tests use (Chromium, Pango, Open Sans), installed
# with apt-get if missing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# chromium for the browser tests; Pango and Open Sans for WeasyPrint's PDFs (the font is embedded in
# each); fontconfig's fc-match finds Open Sans for the images drawn at build time; Java for the
# W3C Nu HTML Checker that the tests run (`make vnu`).
DEBIAN_PACKAGES := chromium fonts-open-sans fontconfig libpango-1.0-0 libpangoft2-1.0-0 default-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Dates inside built files come from the last commit, so two builds of a commit are identical.
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: build test check publish-check serve lint bench addresses dist venv system-packages lock schemas clean

build: $(STAMP) system-packages
	$(PY) -m build_scripts build

check: $(STAMP)
	$(PY) -m build_scripts check

# Before the site goes live: fails while anything is left for the Steering Group to supply or confirm.
publish-check: $(STAMP)
	$(PY) -m build_scripts publish-check

# Timings, printed as figures; never a pass or fail.
bench: $(STAMP) system-packages
	$(PY) benchmarks/bench.py

# The built site as one archive, dist/darlington-compact-handbook-site.tar.gz, for any static host.
dist: build
	$(PY) -m build_scripts dist

# After a deliberate change that publishes new addresses: add them to the link promise.
addresses: build
	$(PY) -m build_scripts addresses

schemas: $(STAMP)
	$(PY) -m build_scripts schemas

# The preview leaves out the PDFs, so that an edit shows at once; `make build` makes them.
serve: $(STAMP) system-packages
	HANDBOOK_PDFS=0 $(PY) -m mkdocs serve --livereload

test: $(STAMP) system-packages lint vnu
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check build_scripts tests benchmarks
	$(PY) -m mypy

venv: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The W3C Nu HTML Checker the tests run over the built site: vnu.jar from the npm registry, at the
# version pinned in package-lock.json, run with Debian's Java. Its install script, which would
# download a Java of its own, is not run.
.PHONY: vnu
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU_JAR)

$(VNU_JAR): package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
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
	rm -rf site dist .site-new-* .site-old .pytest_cache .mypy_cache .ruff_cache
