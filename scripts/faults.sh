#!/usr/bin/env bash
# Fault suite v2 (`make faults`): a fault-free baseline, then 12 scenarios (worker crashes, broker
# restart and loss, hostile input with regex and compression bombs, workers added/removed, oversized
# output, DLQ not writable, a frozen zombie worker, a partition leader killed under load, the NLP child
# OOM-killed, slow messages during a rebalance, CPU starvation), each compared input by input with the
# baseline. See docs/faults.md.
#
#   scripts/faults.sh                           every scenario, full sizes (about an hour on 2 shared cores)
#   scripts/faults.sh --quick                   small sizes
#   scripts/faults.sh --only 7 --quick          one scenario (by number or name), after its own small baseline
#   scripts/faults.sh --list                    the scenarios
#   scripts/faults.sh --update-docs             also write the results table into docs/faults.md
#   scripts/faults.sh --keep                    keep the run directory (broker data, worker logs, lag.jsonl)
#
# Starts its own brokers on free 127.0.0.1 ports (never touches another broker) and stops every
# process it started, also on failure. The last line printed is the JSON totals over all scenarios.
# Exit status 0 only when every scenario is ok.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
if [[ ! -x .venv/bin/python ]]; then scripts/setup.sh; fi
scripts/kafka.sh fetch
PYTHONPATH="$HERE/scripts${PYTHONPATH:+:$PYTHONPATH}" exec .venv/bin/python -m faults "$@"
