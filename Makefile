# CNN Lab: the two commands a newcomer needs are `make lab` and `make test`.
# Each does all of its own set-up: Debian packages, the Python venv, the release build,
# and the kernelspec installed into the venv.

VENV      := .venv
PYTHON    := $(VENV)/bin/python
BIN       := .build/release/cnnlab
SWIFTFLAGS := -c release

.PHONY: lab hub test build kernel venv hub-venv deps swift-test python-test bench clean

# Jupyter refuses to run as root unless told; containers often run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: kernel
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG)

test: kernel hub-venv swift-test python-test

deps:
	@scripts/install-system-deps.sh

$(VENV)/.installed: requirements.txt | deps
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

build: deps
	swift build $(SWIFTFLAGS)

# The kernelspec goes into the venv (sys.prefix), where its Jupyter looks first.
kernel: build venv
	$(BIN) install --prefix $(abspath $(VENV))

# No test uses @testable, so the tests link the very modules `build` made: one compile, not two.
swift-test: build
	swift test $(SWIFTFLAGS) --disable-testable-imports

python-test: kernel
	$(PYTHON) -m pytest -q Tests/python

# The classroom hub. Its venv is made from Debian's python3, not whichever python3 comes first
# on PATH: every learner's server runs from it as that learner's own Unix user, and an
# interpreter under a private home (pyenv's in /root) cannot be run by them.
HUB_VENV   := .venv-hub
ACCOUNTS   ?= hub/accounts.example.csv

$(HUB_VENV)/.installed: requirements.txt hub/requirements.txt | deps
	/usr/bin/python3 -m venv $(HUB_VENV)
	$(HUB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(HUB_VENV)/bin/python -m pip install --quiet -r requirements.txt -r hub/requirements.txt
	touch $@

hub-venv: build $(HUB_VENV)/.installed
	$(BIN) install --prefix $(abspath $(HUB_VENV))

hub: hub-venv
	CNNLAB_HUB_ACCOUNTS=$(abspath $(ACCOUNTS)) PATH=$(abspath $(HUB_VENV))/bin:$$PATH \
	  $(HUB_VENV)/bin/jupyterhub -f hub/jupyterhub_config.py

# Benchmarks against peers measured in the same run (not part of `make test`).
bench: kernel
	$(PYTHON) -m pip install --quiet -r bench/requirements.txt
	$(PYTHON) bench/kernel_bench.py
	$(PYTHON) bench/onnx_bench.py --engine $(BIN) --markdown

clean:
	rm -rf .build $(VENV) $(HUB_VENV)
