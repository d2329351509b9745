#!/usr/bin/env bash
# Installs what newsgraph and its tests need on Debian/Ubuntu (idempotent; fast when all is there):
#   apt: libxml2-dev (the XML/HTML library), graphviz (dot, gvpr), libxml2-utils (xmllint), time
#   pip: the real consumers the interop tests run (networkx igraph rdflib pyld pyoxigraph lxml pydot)
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
dpkg -s libxml2-dev >/dev/null 2>&1 || need+=(libxml2-dev)
command -v dot >/dev/null || need+=(graphviz)
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
PY=${PYTHON:-python3}
pip=()
for m in networkx igraph rdflib pyld pyoxigraph lxml pydot; do $PY -c "import $m" 2>/dev/null || pip+=("$m"); done
if [ ${#pip[@]} -gt 0 ]; then
  $PY -m pip install -q --disable-pip-version-check --root-user-action=ignore "${pip[@]}"
fi
echo "setup done: $(dot -V 2>&1 | head -1); $(xmllint --version 2>&1 | head -1)"
