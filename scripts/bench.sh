#!/usr/bin/env bash
# make bench / make bench-quality / make soak / make bench-state.
# Usage: scripts/bench.sh [throughput|soak|quality|state] [args]
#
# Corpus: CORPUS=PATH (a directory of articles as `newsevents produce` reads them,
# or a JSON-lines file of envelopes), else ../shared beside the checkout. With
# neither, says so and exits 0: a user's clone has no ../shared and nothing is
# measured. Throughput and soak run on a local broker of their own (port 49092, or a free one)
# unless KAFKA_BOOTSTRAP_SERVERS is set; the quality benchmarks need no broker.
# The state benchmark feeds synthetic ids, needs no corpus, and runs on a broker.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
what="${1:-throughput}"
case "$what" in throughput|quality|soak|state) ;; *) echo "usage: $0 [throughput|quality|soak|state]" >&2; exit 2 ;; esac
scripts/setup.sh
.venv/bin/pip install -q -e '.[test,bench]'
export CORPUS="${CORPUS:-}"

if [[ "$what" != state ]]; then
set +e
source_line="$(.venv/bin/python bench/corpus.py)"
rc=$?
set -e
if ((rc == 3)); then
  echo "[bench] $what: nothing measured: $source_line" >&2
  exit 0
elif ((rc != 0)); then
  exit "$rc"
fi
echo "[bench] $what on $source_line" >&2
fi

if [[ "$what" == quality ]]; then
  # The labelled benchmarks score against ../shared's gold data; the inputs benchmark runs on any corpus.
  if [[ -d ../shared/data ]]; then
    .venv/bin/python bench/clean_bench.py
    .venv/bin/python bench/enrich_bench.py
    .venv/bin/python bench/events_bench.py
  else
    echo "[bench] cleaning F1, 5W1H and coded-event scores need the gold data in ../shared: skipped" >&2
  fi
  .venv/bin/python bench/inputs_bench.py
  exit 0
fi

started=0
if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  # Ports of its own (free ones if the defaults are taken), so another session's benchmark,
  # test run or `make run` broker is left alone; the run directory is named after the port.
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  KAFKA_PORT=49092; port_taken "$KAFKA_PORT" && KAFKA_PORT="$(free_port)"
  KAFKA_CONTROLLER_PORT=49093; port_taken "$KAFKA_CONTROLLER_PORT" && KAFKA_CONTROLLER_PORT="$(free_port)"
  export KAFKA_PORT KAFKA_CONTROLLER_PORT
  export KAFKA_RUN_DIR="${NEWSEVENTS_CACHE:-$HOME/.cache/newsevents}/kafka-bench-$KAFKA_PORT"
  rm -rf "$KAFKA_RUN_DIR"
  scripts/kafka.sh up
  started=1
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
fi
cleanup() { if ((started)); then KAFKA_BOOTSTRAP_SERVERS= scripts/kafka.sh down || true; fi; }
trap cleanup EXIT
case "$what" in
  throughput) .venv/bin/python bench/throughput.py "${@:2}" ;;
  soak) .venv/bin/python bench/soak.py "${@:2}" ;;
  state) .venv/bin/python bench/state.py "${@:2}" ;;
esac
