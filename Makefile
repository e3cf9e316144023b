# The Darlington Compact handbook. `make build` builds the site; `make test` runs every test.
# Both set up what they need first: a Python virtual environment with the locked packages, and the
# Debian packages they use, installed with apt-get if missing. `make build` and `make serve` install
# only what the build needs; `make test` adds the tests' packages and Chromium.

# The site engine: MkDocs 1.6.1 (mkdocs, the default), ProperDocs, its maintained continuation
# (properdocs), both with Material for MkDocs, or Zensical (zensical), Material's successor:
# `make build ENGINE=zensical`. Each has its own lock and virtual environment.
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs zensical
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE=$(ENGINE) is not a site engine of the handbook; use one of: $(ENGINES))
endif
OTHER_ENGINES := $(filter-out $(ENGINE),$(ENGINES))
venv_of = $(if $(filter mkdocs,$(1)),.venv,.venv-$(1))
VENV := $(call venv_of,$(ENGINE))
OTHER_VENVS := $(foreach engine,$(OTHER_ENGINES),$(call venv_of,$(engine)))
PY := $(VENV)/bin/python

# Python 3.11, for which the locks are resolved: from Debian 12's 3.11.2 on (LOCK_PYTHON).
PYTHON ?= python3.11
LOCK_PYTHON := 3.11.2
PIP_INSTALL = -m pip install --quiet --disable-pip-version-check --require-hashes

# fonts-open-sans, Pango and fontconfig for the build (WeasyPrint embeds Open Sans in each PDF;
# fontconfig's fc-match finds it for the images drawn at build time); for the tests, chromium, and
# Java for the W3C Nu HTML Checker (`make vnu`).
BUILD_PACKAGES := fonts-open-sans fontconfig libpango-1.0-0 libpangoft2-1.0-0
TEST_PACKAGES := chromium default-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export HANDBOOK_ENGINE := $(ENGINE)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Dates inside built files come from the last commit, so two builds of a commit are identical.
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: build test check publish-check steering-pack serve site-url lint bench addresses dist venv lock schemas vnu clean edition

# The editors' commands (build, check, publish-check, serve) show only what the handbook says: no
# command line (`@`), and no "make: *** [Makefile:NN: check] Error 1" after the problems, which reads
# as one more problem. make prints that line for every failed command unless it is told to ignore the
# failure, so on failure `editor` ends make with SIGPIPE instead, which make does not report and a
# shell does not announce: the exit status is then 141, still a failure for CI and scripts. (Where
# make cannot receive the signal, as process 1 of a container, or under a parent make, which reports
# its child's death, the "Error" line shows as before; the problems above it are the same.)
editor = $(1) || { status=$$?; kill -PIPE $$PPID; exit $$status; }

build: $(VENV)/.build debian-build
	@$(call editor,$(PY) -m build_scripts build)

# `make check FORMAT=github` writes each problem as a GitHub Actions annotation (the workflow does).
check: $(VENV)/.build
	@$(call editor,$(PY) -m build_scripts check $(if $(FORMAT),--format $(FORMAT)))

# Before the site goes live: fails while anything is left for the Steering Group to supply or confirm.
publish-check: $(VENV)/.build
	@$(call editor,$(PY) -m build_scripts publish-check)

# What publish-check lists, as a document to send to the Steering Group: dist/steering-group-pack.pdf
# (its form can be filled in on screen) and .docx. `make build` publishes it too, under /downloads/.
steering-pack: $(VENV)/.build debian-build
	@$(call editor,$(PY) -m build_scripts steering-pack)

# Timings, printed as figures; never a pass or fail. It runs `make test` once, and builds with every
# engine, side by side.
bench: $(VENV)/.test $(foreach venv,$(OTHER_VENVS),$(venv)/.build) debian-build debian-test
	$(PY) benchmarks/bench.py

# The built site as one archive, dist/darlington-compact-handbook-site.tar.gz, for any static host.
dist: build
	$(PY) -m build_scripts dist

# After a deliberate change that publishes new addresses: add them to the link promise.
addresses: build
	$(PY) -m build_scripts addresses

# The one way to move the handbook to another address: site_url in mkdocs.yml, and the address
# addresses.txt promises its addresses at, together. `make check` refuses a site_url changed alone.
site-url: $(VENV)/.build
	@$(call editor,$(PY) -m build_scripts site-url "$(URL)")

schemas: $(VENV)/.build
	$(PY) -m build_scripts schemas

# Before the first change of a new edition: archives the current one in editions/<id>/, where it stays
# published; then give the new edition its id, name and date in compact/edition.yml.
edition: $(VENV)/.build
	$(PY) -m build_scripts edition

# The preview leaves out the PDFs, so that an edit shows at once; `make build` makes them. It checks
# mkdocs.yml before the engine starts; the engine builds the site project (.cache/preview/), written
# again from the checked sources whenever one changes, and the preview's own server serves it.
serve: $(VENV)/.build debian-build
	@$(call editor,$(PY) -m build_scripts serve)

# The other engines' build environments too: tests build the site with each and compare them.
test: $(VENV)/.test $(foreach venv,$(OTHER_VENVS),$(venv)/.build) debian-build debian-test lint vnu
	$(PY) -m pytest

# The W3C Nu HTML Checker the tests run over the built site: vnu.jar from the npm registry, at the
# version pinned in package-lock.json, run with Debian's Java. Its install script, which would
# download a Java of its own, is not run.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU_JAR)

$(VNU_JAR): package.json package-lock.json | debian-test
	@command -v npm >/dev/null || { $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

lint: $(VENV)/.test
	$(PY) -m ruff check build_scripts tests benchmarks
	$(PY) -m ruff format --check build_scripts tests benchmarks
	$(PY) -m mypy
	$(VENV)/bin/zizmor --offline --quiet .github/workflows
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml

venv: $(VENV)/.build

# One virtual environment an engine; the build's lock first, then the tests' lock beside it.
.venv/.build: requirements.txt | .venv/bin/python
	.venv/bin/python $(PIP_INSTALL) -r requirements.txt
	touch $@

.venv-%/.build: requirements/%.txt | .venv-%/bin/python
	.venv-$*/bin/python $(PIP_INSTALL) -r requirements/$*.txt
	touch $@

%/.test: requirements/test.txt %/.build
	$*/bin/python $(PIP_INSTALL) -r requirements/test.txt
	touch $@

# Kept: make would otherwise delete it as an intermediate file of the `.venv-%/.build` rule.
.PRECIOUS: %/bin/python
%/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11, 2) <= sys.version_info[:3] < (3, 12))' 2>/dev/null || { \
	  echo "The handbook needs Python 3.11 (3.11.2 or later), as '$(PYTHON)', with its venv module."; \
	  echo "On Debian 12: sudo apt-get install python3.11 python3.11-venv"; \
	  echo "Elsewhere, install Python 3.11 and run make with PYTHON=/path/to/python3.11."; \
	  exit 1; }
	$(PYTHON) -m venv $*

# Installs only what is missing, so it costs nothing on a machine that has it all.
debian-build debian-test: debian-%:
	@missing=""; for pkg in $(if $(filter build,$*),$(BUILD_PACKAGES),$(TEST_PACKAGES)); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# After editing a .in file: resolve its lock again, for Python $(LOCK_PYTHON) on Linux, from PyPI
# (uv reads no pip configuration), with the hash of every file. Pins the .in files allow are
# kept; `make lock UPGRADE=1` moves every package to its newest allowed release.
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --no-config --generate-hashes \
  --python-version $(LOCK_PYTHON) --python-platform linux --custom-compile-command "make lock" \
  $(if $(UPGRADE),--upgrade)
lock: $(VENV)/.test
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements/properdocs.in -o requirements/properdocs.txt
	$(UV_COMPILE) requirements/zensical.in -o requirements/zensical.txt
	$(UV_COMPILE) requirements/test.in -o requirements/test.txt

clean:
	rm -rf site dist .site-new-* .site-old* .site.lock .site-project .cache/pdfs .cache/word .cache/templates .cache/preview .cache/preview-site .cache/.preview-site-new-* .pytest_cache .mypy_cache .ruff_cache
