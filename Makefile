# The interface people and scripts rely on. Everything installs itself:
# `make run` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: help setup kafka-up kafka-down kafka-status run test test-quick bench bench-quality bench-state soak faults clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

setup:  ## create .venv, install the package and test deps, fetch the Kafka jars
	@scripts/setup.sh

kafka-up: setup  ## start the local single-node KRaft broker on 127.0.0.1:$${KAFKA_PORT:-9092}
	@scripts/kafka.sh up

kafka-down:  ## stop the local broker
	@scripts/kafka.sh down

kafka-status:
	@scripts/kafka.sh status

run: setup  ## local broker + worker + sample articles; prints events, serves /metrics
	@scripts/run.sh

test: setup  ## the whole test suite against a real local broker (what CI runs)
	@scripts/test.sh

test-quick: setup  ## unit tests only, no broker
	@$(PY) -m pytest -q -m "not kafka"

bench: setup  ## throughput benchmark on a local broker of its own (~10 min; CORPUS=PATH, else ../shared)
	@CORPUS="$(CORPUS)" scripts/bench.sh throughput

bench-quality: setup  ## quality benchmarks (cleaning F1, 5W1H, coded events, inputs through), no broker; CORPUS=PATH
	@CORPUS="$(CORPUS)" scripts/bench.sh quality

bench-state: setup  ## duplicate-state benchmark: memory past the horizon, restart, state at 10M articles (a broker of its own; not part of make bench)
	@scripts/bench.sh state

soak: setup  ## 20-minute soak: throughput and RSS stay flat (CORPUS=PATH, else ../shared)
	@CORPUS="$(CORPUS)" scripts/bench.sh soak

faults: setup  ## the full fault suite (crashes, broker loss, hostile input), ~15 min
	@scripts/faults.sh

clean:  ## remove caches and local state (not the Kafka jar cache)
	rm -rf .pytest_cache .hypothesis .newsevents-data bench/results/*.tmp
