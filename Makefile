# The publication site. `make` alone lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Test files run on three processes (a file's tests stay together, so its module fixtures are
# built once); most tests wait on a browser, a server or a forked build, not on a core.
TEST_WORKERS ?= 3
PELICAN := $(BIN)/pelican --log-handler plain
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
SSH_HOST ?=
SSH_USER ?= $(USER)
SSH_PORT ?= 22
SSH_TARGET_DIR ?= /var/www/site
GITHUB_PAGES_BRANCH ?= gh-pages
S3_BUCKET ?=
PELICANOPTS ?=

.DEFAULT_GOAL := help
.PHONY: help install html clean regenerate serve devserver publish test lint \
	eval-similar bench-similar similar-report offline bench-search bench-images \
	check newpost rsync_upload github s3_upload bench zim bench-zim bench-preview

help: ## list the targets
	@grep -E '^[a-z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## create .venv with the pinned dependencies
ZIM_INSTALLED := $(VENV)/.zim-installed

$(VENV)/.installed: requirements.txt requirements-dev.txt package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# python-libzim (GPL-3.0), for make zim and its tests only
$(ZIM_INSTALLED): requirements-zim.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-zim.txt
	touch $@

html: install ## build the site into output/ (fails on any content problem)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

check: install ## check all content: every problem, file, line, field and fix, at once
	$(BIN)/python tools/check.py $(INPUTDIR)

newpost: install ## new article: make newpost TITLE="The headline" [CATEGORY=Security] [EDITION=ru] [TRANSLATION_OF=slug]
	$(BIN)/python tools/newpost.py "$(TITLE)" $(if $(CATEGORY),--category "$(CATEGORY)") $(if $(EDITION),--lang "$(EDITION)") $(if $(TRANSLATION_OF),--translation-of "$(TRANSLATION_OF)") --content $(INPUTDIR)

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

zim: $(ZIM_INSTALLED) ## the offline copy as ZIM files for Kiwix, one per language (libzim: GPL-3.0)
	$(BIN)/python tools/zim.py $(INPUTDIR)

bench-zim: $(ZIM_INSTALLED) ## make zim at 10,000 articles: time, memory, size against the zip, kiwix-serve queries
	$(BIN)/python tools/bench_zim.py $(if $(COUNT),--count $(COUNT))

publish: install ## build, check and swap in the production site (SITEURL=https://... make publish)
	$(BIN)/python tools/publish.py $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)

rsync_upload: ## deploy output/ by rsync over ssh (SSH_HOST, SSH_USER, SSH_PORT, SSH_TARGET_DIR)
	$(BIN)/python tools/deploy.py rsync -o $(OUTPUTDIR) --port $(SSH_PORT) \
		--destination "$(if $(SSH_HOST),$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR))"

github: ## deploy output/ to the gh-pages branch (ghp-import) and push it
	$(BIN)/python tools/deploy.py github -o $(OUTPUTDIR) --branch $(GITHUB_PAGES_BRANCH)

s3_upload: ## deploy output/ to S3 with aws s3 sync (S3_BUCKET=s3://...)
	$(BIN)/python tools/deploy.py s3 -o $(OUTPUTDIR) --bucket "$(S3_BUCKET)"

test: install $(ZIM_INSTALLED) lint ## run the whole test suite (after the style checks)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

bench: install ## our build against stock Pelican at 10,000 articles, three archive shapes (COUNT=..., SHAPE=..., REPEAT=..., TRANSLATED=0.3)
	$(BIN)/python tools/bench_build.py $(if $(COUNT),--count $(COUNT)) $(if $(REPEAT),--repeat $(REPEAT)) $(if $(TRANSLATED),--translated $(TRANSLATED)) $(foreach s,$(SHAPE),--shape $(s))

eval-similar: install ## score similar articles against the 18F authors' own links
	$(BIN)/python tools/eval_similar.py

bench-similar: install ## time similar articles at 10,000 and 100,000 articles
	$(BIN)/python tools/bench_similar.py

bench-preview: install ## make devserver: from a save to the page shown, at 10,000 articles (COUNT=...)
	$(BIN)/python tools/bench_preview.py $(if $(COUNT),--count $(COUNT))

bench-search: install ## our search against Pagefind at 10,000 and 100,000 articles (SIZES=...)
	$(BIN)/python tools/bench_search.py $(if $(SIZES),--sizes $(SIZES))

bench-images: install ## photographs: renditions of 2,000 12-megapixel images, phone bytes, offline zip (COUNT=...)
	$(BIN)/python tools/bench_images.py $(if $(COUNT),--count $(COUNT))

similar-report: install ## articles with no similar articles, and those listed most
	$(BIN)/python tools/similar_report.py $(INPUTDIR)

lint: install ## check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
