# Two entry points: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test eval bench clean grammalecte dictionaries

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@# Best effort: Chromium lets tests/test_html.py run a real browser; without it that test skips.
	-@export DEBIAN_FRONTEND=noninteractive; [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    echo "make: installing chromium and chromium-driver with apt-get (root): tests/test_html.py runs the HTML report in a real browser" && \
	    { apt-get install -y -q chromium chromium-driver || { apt-get update -q && apt-get install -y -q chromium chromium-driver; }; } \
	    >/dev/null 2>&1; } || \
	  echo "note: chromium not installed; the browser test will be skipped"
	touch $@ $(VENV)/.installed

# Best effort: expose Debian's python3-grammalecte, and nothing else of dist-packages, to .venv
# through a .pth shim (../shared/notes/dependency-probe.md §6). Without it qa runs, minus GC00.
SYSTEM_PYTHON ?= /usr/bin/python3
grammalecte: | $(BIN)/python
	-@$(SYSTEM_PYTHON) -c 'import grammalecte' 2>/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    echo "make: installing python3-grammalecte with apt-get (root): Grammalecte's grammar checks (GC00)" && \
	    { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q --no-install-recommends python3-grammalecte || \
	      { apt-get update -q && apt-get install -y -q --no-install-recommends python3-grammalecte; }; } >/dev/null 2>&1; } || true
	-@GDIR=$$($(SYSTEM_PYTHON) -c 'import grammalecte, os; print(os.path.dirname(grammalecte.__file__))' 2>/dev/null); \
	if [ -n "$$GDIR" ]; then \
	  mkdir -p $(VENV)/grammalecte-shim && ln -sfn "$$GDIR" $(VENV)/grammalecte-shim/grammalecte && \
	  echo "$(CURDIR)/$(VENV)/grammalecte-shim" > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/grammalecte-shim.pth"; \
	elif ! $(BIN)/python -c 'import grammalecte' 2>/dev/null; then \
	  echo "note: Grammalecte is not installed (apt-get install python3-grammalecte); qa runs without its checks (GC00)"; \
	fi

# Best effort: FreeDict's German, Dutch and English → French dictionaries (dictd files, CC-BY-SA 3.0)
# for SA08 and SA09, and French → German, Dutch and English ones for SA09 and for the gender of a
# suggested French noun (qa/knowledge/bilingual.py, qa/knowledge/source_nouns.py).
# Without them qa runs, minus SA08 and SA09.
DICTS := dict-freedict-deu-fra dict-freedict-nld-fra dict-freedict-eng-fra \
  dict-freedict-fra-deu dict-freedict-fra-nld dict-freedict-fra-eng
dictionaries:
	-@[ -f /usr/share/dictd/freedict-deu-fra.index ] && [ -f /usr/share/dictd/freedict-fra-deu.index ] || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    echo "make: installing $(DICTS) with apt-get (root): the bilingual dictionary of SA08" && \
	    { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q --no-install-recommends $(DICTS) || \
	      { apt-get update -q && apt-get install -y -q --no-install-recommends $(DICTS); }; } >/dev/null 2>&1; } || \
	  echo "note: FreeDict dictionaries not installed (apt-get install $(DICTS)); qa runs without SA08"

run: $(VENV)/.installed grammalecte dictionaries
	$(BIN)/qa lint texts/ --fail-on never

test: $(VENV)/.installed-dev grammalecte
	$(BIN)/python -m pytest

eval: $(VENV)/.installed
	$(BIN)/qa eval ../shared/eval/dev

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache
