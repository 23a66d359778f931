#!/usr/bin/env bash
# Runs the test suite the way CI does: installs what is missing, starts a local
# Kafka broker on a free port (unless KAFKA_BOOTSTRAP_SERVERS points at a
# cluster), runs pytest, and always stops the broker it started.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
export NEWSEVENTS_WITH_PROMETHEUS=1   # the ops tests run a real Prometheus
scripts/setup.sh

started=0
if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  # Ports of its own (free ones if the defaults are taken), so a developer's
  # `make run` broker or another test run is left alone.
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  KAFKA_PORT="${KAFKA_TEST_PORT:-39092}"; port_taken "$KAFKA_PORT" && KAFKA_PORT="$(free_port)"
  KAFKA_CONTROLLER_PORT="${KAFKA_TEST_CONTROLLER_PORT:-39093}"; port_taken "$KAFKA_CONTROLLER_PORT" && KAFKA_CONTROLLER_PORT="$(free_port)"
  export KAFKA_PORT KAFKA_CONTROLLER_PORT
  export KAFKA_RUN_DIR="${KAFKA_RUN_DIR:-${NEWSEVENTS_CACHE:-$HOME/.cache/newsevents}/kafka-test-$KAFKA_PORT}"
  rm -rf "$KAFKA_RUN_DIR"   # fresh cluster: tests must not depend on leftovers
  scripts/kafka.sh up
  started=1
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
fi
cleanup() { if ((started)); then KAFKA_BOOTSTRAP_SERVERS= scripts/kafka.sh down || true; fi; }
trap cleanup EXIT

export NEWSEVENTS_TEST_KAFKA=1
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if ((rc == 5)); then echo "pytest collected no tests" >&2; fi
exit $rc
