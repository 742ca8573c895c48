# Two commands on a fresh machine with Python 3.11 and pip:
#   make report   build the HTML report from the seeds into report/
#   make test     run the test suite (it executes every notebook)
# Each target creates its own virtual environment in .venv first.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= report
# make lab opens copies of the notebooks here (git ignores it), never the tracked notebooks
LAB_DIR ?= lab

.PHONY: report test lab clean chromium bench

report: $(VENV)/.installed-report
	$(BIN)/mediacompare report --out $(OUT)

test: $(VENV)/.installed-test chromium
	$(BIN)/python -m pytest

# The browser tests drive Debian's chromium with Playwright. Installed here when run as root
# on Debian; elsewhere install it yourself (the browser tests are skipped without it).
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "note: /usr/bin/chromium not found (Debian: apt-get install -y chromium);" \
		"the browser tests will be skipped"; fi

lab: $(VENV)/.installed-lab
	$(BIN)/python -m mediacompare.report.lab $(LAB_DIR)
	$(BIN)/jupyter lab --notebook-dir=$(LAB_DIR) $(if $(filter 0,$(shell id -u)),--allow-root,)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-report: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-lab: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[lab]'
	touch $@

# speed and scale against baselines (spaCy, a regex loop), results in benchmarks/results/;
# options: make bench BENCH_ARGS="--sizes 1000,10000 --quick"
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

$(VENV)/.installed-bench: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[bench,scale]'
	touch $@

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .hypothesis
