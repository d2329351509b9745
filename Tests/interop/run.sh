#!/usr/bin/env bash
# Checks an export directory with the real consumers of each format.
#   Tests/interop/run.sh EXPORT_DIR
# EXPORT_DIR holds graph.graphml, graph.dot, graph.jsonld, graph.gexf, neo4j/*.csv, and
# optionally yed/graph.graphml and rdftriples.nt (RDFTriples' lines, compared with pyld).
# Exit 0: all passed; 1: a check failed; 77: a tool is missing (install with
# bash /work/shared/tools/setup-validators.sh).
set -u
DIR=${1:?usage: run.sh EXPORT_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
XSD="$HERE/../Fixtures/graphml-xsd"
PY=${PYTHON:-python3}
missing=()
for t in xmllint dot gvpr; do command -v $t >/dev/null || missing+=("$t"); done
for m in networkx igraph pyld rdflib pyoxigraph lxml; do $PY -c "import $m" 2>/dev/null || missing+=("python:$m"); done
if [ ${#missing[@]} -gt 0 ]; then echo "missing: ${missing[*]}"; exit 77; fi

fail=0
pass=0
check() {  # check NAME CMD...: runs CMD, PASS on exit 0
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then echo "PASS $name"; pass=$((pass+1))
  else echo "FAIL $name: $(echo "$out" | tail -5 | tr '\n' ' ')"; fail=$((fail+1)); fi
}
check graphml.xsd xmllint --noout --nonet --schema "$XSD/graphml.xsd" "$DIR/graph.graphml"
if [ -f "$DIR/yed/graph.graphml" ]; then
  check graphml.yed.xsd xmllint --noout --nonet --schema "$XSD/ygraphml.xsd" "$DIR/yed/graph.graphml"
fi
dot_svg() {  # Graphviz must render with nothing at all on stderr
  local err
  err=$(dot -Tsvg -o /dev/null "$1" 2>&1 >/dev/null) || { echo "dot failed: $err"; return 1; }
  [ -z "$err" ] || { echo "dot stderr: $err"; return 1; }
}
check dot.render_svg_quiet dot_svg "$DIR/graph.dot"
check python.consumers $PY "$HERE/check_consumers.py" "$DIR"
VALIDATOR=${VALIDATOR:-/work/shared/tools/validate_exports.py}
if [ -f "$VALIDATOR" ]; then
  out=$($PY "$VALIDATOR" "$DIR" 2>&1); echo "$out" | grep -v '^PASS' ; last=$(echo "$out" | tail -1)
  case "$last" in *" 0 failed") echo "PASS shared.validator ($last)"; pass=$((pass+1));;
                  *) echo "FAIL shared.validator ($last)"; fail=$((fail+1));; esac
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
