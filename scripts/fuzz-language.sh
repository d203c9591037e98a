#!/bin/sh
# Runs the language fuzzer (Tests/CNNLangTests/LanguageFuzzTests.swift) by hand:
#   scripts/fuzz-language.sh              # 1,000,000 generated cells
#   scripts/fuzz-language.sh 100000 7     # 100,000 cells from seed 7
# A crash stops the run; the cell that caused it is in $TMPDIR/language-fuzz-current.cnn.
set -eu
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
swift build -c release --build-tests
export CNNLANG_FUZZ_INPUTS="${1:-1000000}"
export CNNLANG_FUZZ_SEED="${2:-20261206}"
.build/release/CNNLabPackageTests.xctest --testing-library swift-testing --filter LanguageFuzzTests
