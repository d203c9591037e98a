#!/bin/sh
# Builds the protocol fuzz target (the wire codec, the JSON parser and request decoding) with
# libFuzzer and runs it. Not part of the normal build or of `make test`.
#
#   scripts/fuzz-protocol.sh [RUNS] [extra libFuzzer options...]
#
# RUNS defaults to 1000000 inputs. The corpus grows in .build/fuzz/protocol-corpus (seeded
# with real messages); crashing inputs are written to .build/fuzz/ as crash-*. Replay one with
#   .build/fuzz/protocol-fuzz .build/fuzz/crash-...
set -eu
cd "$(dirname "$0")/.."
PATH=/opt/swift/usr/bin:$PATH
out=.build/fuzz
mkdir -p "$out/protocol-corpus"
runs=${1:-1000000}
[ $# -gt 0 ] && shift

rm -f "$out/protocol-fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name ProtocolFuzz \
  -Xfrontend -disable-implicit-concurrency-module-import \
  -Xfrontend -disable-implicit-string-processing-module-import \
  -I Sources/COpenSSL Sources/JupyterProtocol/*.swift Tests/Fuzz/ProtocolFuzzTarget.swift \
  -lcrypto -o "$out/protocol-fuzz" 2>&1 | grep -v "Cannot export local symbol" || true
[ -x "$out/protocol-fuzz" ]

# Seeds: a JSON header, and a whole signed-style message as frames (mode byte 3: delimiter first).
seed() { printf '%b' "$2" > "$out/protocol-corpus/seed-$1"; }
seed json '\000{"msg_id":"a","session":"s","username":"u","date":"2026-01-01T00:00:00Z","msg_type":"execute_request","version":"5.3","n":[1,2.5e3,null,true,"\\u00e9"]}'
seed frames '\003\000{"msg_id":"a","session":"s","username":"u","date":"","msg_type":"execute_request","version":"5.3"}\000{}\000{}\000{"code":"x = 1","silent":false}'
seed signed '\007\000{"msg_id":"b","session":"s","username":"u","date":"","msg_type":"complete_request","version":"5.3"}\000{}\000{}\000{"code":"pri","cursor_pos":3}'

exec "$out/protocol-fuzz" -runs="$runs" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
  -artifact_prefix="$out/" -print_final_stats=1 "$@" "$out/protocol-corpus"
