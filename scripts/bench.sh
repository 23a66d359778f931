#!/usr/bin/env bash
# make bench / make soak: benchmarks on a local broker of their own (port 49092)
# unless KAFKA_BOOTSTRAP_SERVERS is set. Usage: scripts/bench.sh [throughput|soak|quality|state]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
what="${1:-throughput}"
scripts/setup.sh
.venv/bin/pip install -q -e '.[test,bench]'
started=0
if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  export KAFKA_PORT=49092 KAFKA_CONTROLLER_PORT=49093
  export KAFKA_RUN_DIR="${NEWSEVENTS_CACHE:-$HOME/.cache/newsevents}/kafka-bench-49092"
  rm -rf "$KAFKA_RUN_DIR"
  scripts/kafka.sh up
  started=1
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:49092
fi
cleanup() { if ((started)); then KAFKA_BOOTSTRAP_SERVERS= scripts/kafka.sh down || true; fi; }
trap cleanup EXIT
case "$what" in
  throughput) .venv/bin/python bench/throughput.py "${@:2}" ;;
  quality)
    .venv/bin/python bench/clean_bench.py
    .venv/bin/python bench/enrich_bench.py
    .venv/bin/python bench/events_bench.py ;;
  soak) .venv/bin/python bench/soak.py "${@:2}" ;;
  state) .venv/bin/python bench/state.py "${@:2}" ;;
  *) echo "usage: $0 [throughput|quality|soak|state]" >&2; exit 2 ;;
esac
