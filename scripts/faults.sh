#!/usr/bin/env bash
# Fault suite (`make faults`): worker crashes, broker restart, broker loss in a
# 3-node cluster, hostile input, workers added/removed; every input accounted for.
#
#   scripts/faults.sh                     full run (all 5 scenarios, < 15 min on 2 cores)
#   scripts/faults.sh --quick             small sizes, a few minutes
#   scripts/faults.sh --scenarios 1,4     a subset (1..5)
#   scripts/faults.sh --keep              keep the run directory (broker data, worker logs)
#   scripts/faults.sh --out FILE          results JSON (default bench/results/faults.json)
#   scripts/faults.sh --timeout S         per-scenario deadline (default 600 s)
#
# Starts its own brokers on free 127.0.0.1 ports (never touches a running
# 9092/39092 broker) and stops every process it started, also on failure.
# Exit status 0 only when lost=0 (and no conflicts/unplanned exits/stuck partitions) everywhere.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
if [[ ! -x .venv/bin/python ]]; then scripts/setup.sh; fi
scripts/kafka.sh fetch
PYTHONPATH="$HERE/scripts${PYTHONPATH:+:$PYTHONPATH}" exec .venv/bin/python -m faults "$@"
