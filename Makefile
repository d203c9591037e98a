# CNN Lab: the two commands a newcomer needs are `make lab` and `make test`.
# Each does all of its own set-up: Debian packages, the Python venv, the release build,
# and the kernelspec installed into the venv.

VENV      := .venv
PYTHON    := $(VENV)/bin/python
BIN       := .build/release/cnnlab
SWIFTFLAGS := -c release

.PHONY: lab hub test build kernel venv hub-venv deps swift-test python-test bench clean

# Jupyter refuses to run as root unless told; containers often run as root.
AS_ROOT   := $(filter 0,$(shell id -u))
ROOT_FLAG := $(if $(AS_ROOT),--allow-root)

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
# Three runs of one test binary. The memory budget counts what the whole process holds, and
# the interrupt tests time a stop in 100 ms: those suites run apart from the many suites that
# allocate in parallel, and the language fuzzer last and alone, with its budget lowered.
BUDGET_SUITES := SessionBudgetTests|SequenceSizeTests|InterruptTests
swift-test: build
	swift test $(SWIFTFLAGS) --disable-testable-imports --skip 'LanguageFuzzTests|$(BUDGET_SUITES)'
	swift test $(SWIFTFLAGS) --disable-testable-imports --skip-build --filter '$(BUDGET_SUITES)'
	CNNLANG_FUZZ_INPUTS=3000 swift test $(SWIFTFLAGS) --disable-testable-imports --skip-build --filter LanguageFuzzTests

python-test: kernel
	CNNLAB_HUB_PREFIX=$(HUB_PREFIX) $(PYTHON) -m pytest -q Tests/python

# The classroom hub. Every learner's server runs `jupyterhub-singleuser` and the kernel from
# the hub's venv. As root, each server runs as that learner's own Unix user, who may not reach
# the checkout (a clone under /root is closed to others), so the venv and the kernel binaries
# are installed into HUB_PREFIX, readable by all; without root every server runs as you, and
# the venv stays in the checkout. hub/install.sh says what goes there.
HUB_PREFIX ?= $(if $(AS_ROOT),/opt/cnnlab-hub,$(abspath .venv-hub))
ACCOUNTS   ?= hub/accounts.example.csv

hub-venv: build | deps
	hub/install.sh $(HUB_PREFIX) $(dir $(BIN))

hub: hub-venv
	CNNLAB_HUB_ACCOUNTS=$(abspath $(ACCOUNTS)) PATH=$(HUB_PREFIX)/bin:$$PATH \
	  $(HUB_PREFIX)/bin/jupyterhub -f hub/jupyterhub_config.py

# Benchmarks against peers measured in the same run (not part of `make test`).
bench: kernel
	$(PYTHON) -m pip install --quiet -r bench/requirements.txt
	$(PYTHON) bench/kernel_bench.py
	$(PYTHON) bench/onnx_bench.py --engine $(BIN) --markdown

clean:
	rm -rf .build $(VENV) .venv-hub
