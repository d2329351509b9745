#!/usr/bin/env bash
# The test command: unit, golden, end-to-end, quality and interop tests, then the benchmark smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/lexicons/check.py
swift build
swift test
if .build/debug/newsgraph bench --help >/dev/null 2>&1; then
  .build/debug/newsgraph bench --quick --out "${TMPDIR:-/tmp}/newsgraph-bench-smoke"
fi
