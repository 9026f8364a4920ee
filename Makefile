# The two commands every newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
STAMP := $(VENV)/.installed
DEMO_DB ?= $(VENV)/demo.sqlite

.PHONY: run test bench locale package clean forms messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip -q
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

locale: $(STAMP)
	$(BIN)/pybabel compile -d resources/locale -D messages --statistics

run: $(STAMP) locale
	$(BIN)/egov-desktop --demo --db $(DEMO_DB)

test: $(STAMP) locale
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP) locale
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

# The frozen one-folder program in dist/egov-desktop, smoke-tested offscreen (packaging/build.py;
# the Windows installer is built by the same script with --installer, see .github/workflows/windows.yml).
PKG_STAMP := $(VENV)/.installed-package
$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e ".[test,package]"
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/build.py

# Recompile the Qt Designer forms (forms/*.ui) after editing them.
forms: $(STAMP)
	$(BIN)/python forms/compile.py

# Re-extract the strings and merge them into the catalogs (developers run this after adding strings).
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -o resources/locale/messages.pot --no-location --sort-output egov_desktop
	$(BIN)/pybabel update -i resources/locale/messages.pot -d resources/locale -D messages --no-fuzzy-matching --ignore-obsolete

clean:
	rm -rf $(VENV) build dist
