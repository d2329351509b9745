#!/usr/bin/env bash
# Rewrites every golden file from the current code (they are never edited by hand), then reruns the
# tests that read them. Run after a deliberate change of extraction or of an output format, and review
# `git diff Tests/Golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSGRAPH_RECORD=1 swift test --filter 'CorpusStabilityTests|ExportTests|RendererTests' "$@" || true  # a recording run fails on purpose
swift test --filter 'CorpusStabilityTests|ExportTests|RendererTests' "$@"
