# The publication site. `make` alone lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican --log-handler plain
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
PELICANOPTS ?=

.DEFAULT_GOAL := help
.PHONY: help install html clean regenerate serve devserver publish test lint \
	eval-similar bench-similar similar-report offline bench-search \
	check newpost

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## create .venv with the pinned dependencies

$(VENV)/.installed: requirements.txt requirements-dev.txt package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

html: install ## build the site into output/ (fails on any content problem)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

check: install ## check all content: every problem, file, line, field and fix, at once
	$(BIN)/python tools/check.py $(INPUTDIR)

newpost: install ## new article: make newpost TITLE="The headline" [CATEGORY=Security]
	$(BIN)/python tools/newpost.py "$(TITLE)" $(if $(CATEGORY),--category "$(CATEGORY)") --content $(INPUTDIR)

clean: ## remove the built site and offline copies
	rm -rf $(OUTPUTDIR) offline dist

regenerate: install ## rebuild whenever content, theme or settings change
	$(BIN)/python tools/devserver.py $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

serve: html ## build, then serve output/ on http://localhost:8000 (PORT=...)
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT)

devserver: install ## rebuild on change and serve on http://localhost:8000
	$(BIN)/python tools/devserver.py $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --serve -p $(PORT)

offline: install ## the site as a zip in dist/ that works from disk (file://)
	$(BIN)/python tools/offline.py $(INPUTDIR)

publish: install ## build the production site (SITEURL=https://... make publish)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICANOPTS)

test: install lint ## run the whole test suite (after the style checks)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

eval-similar: install ## score similar articles against the 18F authors' own links
	$(BIN)/python tools/eval_similar.py

bench-similar: install ## time similar articles at 10,000 and 100,000 articles
	$(BIN)/python tools/bench_similar.py

bench-search: install ## size and speed of the search at 10,000 articles, from file://
	$(BIN)/python tools/bench_search.py

similar-report: install ## articles with no similar articles, and those listed most
	$(BIN)/python tools/similar_report.py $(INPUTDIR)

lint: install ## check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
