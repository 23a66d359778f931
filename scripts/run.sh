#!/usr/bin/env bash
# The main job, locally: broker (unless KAFKA_BOOTSTRAP_SERVERS is set), one
# worker, the sample articles fed to articles.raw, and the events printed as
# they arrive. The worker keeps running (metrics at /metrics) until Ctrl-C;
# RUN_EXIT=1 stops everything after the events are printed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
NE=.venv/bin/newsevents
STATE="${NEWSEVENTS_DATA_DIR:-.newsevents-data}"
mkdir -p "$STATE"
export NEWSEVENTS_DATA_DIR="$STATE"
PORT="${NEWSEVENTS_WEB_PORT:-6066}"
HOST="${NEWSEVENTS_WEB_HOST:-127.0.0.1}"
PREFIX="${NEWSEVENTS_TOPIC_PREFIX:-}"

if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then scripts/kafka.sh up; fi

echo "[run] starting worker (log: $STATE/worker.log)"
$NE worker > "$STATE/worker.log" 2>&1 &
WORKER=$!
stop() { kill -TERM "$WORKER" 2>/dev/null && wait "$WORKER" 2>/dev/null || true; }
trap stop EXIT INT TERM

for _ in $(seq 1 120); do
  curl -fs "http://$HOST:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$WORKER" 2>/dev/null || { echo "[run] worker exited:"; tail -40 "$STATE/worker.log"; exit 1; }
  sleep 1
done
echo "[run] worker ready; metrics at http://$HOST:$PORT/metrics"

$NE produce samples/
echo "[run] events as they arrive (stops after ${RUN_IDLE_S:-20} s without new ones):"
$NE consume "${PREFIX}events" --pretty --timeout "${RUN_IDLE_S:-20}"
echo "[run] dead letters:"
$NE consume "${PREFIX}articles.dlq" --pretty --timeout 2
echo "[run] throughput so far:"
curl -fs "http://$HOST:$PORT/metrics" | grep -E '^newsevents_(messages_consumed|records_produced|events_extracted|dead_letters)_total' | grep -v ' 0.0$' || true

if [[ "${RUN_EXIT:-0}" == 1 ]]; then exit 0; fi
echo "[run] worker still running (pid $WORKER); Ctrl-C to stop. Try: $NE produce <files> / $NE consume ${PREFIX}events --pretty"
wait "$WORKER"
