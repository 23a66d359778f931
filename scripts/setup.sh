#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine: system
# packages it lacks (Java 17 + Maven for the local broker; Prometheus for the
# ops tests when NEWSEVENTS_WITH_PROMETHEUS=1), the virtualenv in .venv with the
# package and its test extras, and the Kafka broker jars (cached outside the repo).
# Idempotent: a second run only checks.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
PY="${PYTHON:-python3}"

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]})) || return 0
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    echo "[setup] please install: ${missing[*]}" >&2; exit 1
  fi
  local SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "[setup] apt-get install ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

need_java=0; need_mvn=0
if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then need_java=1; fi
  command -v mvn >/dev/null || need_mvn=1
fi
pkgs=()
((need_java)) && pkgs+=(openjdk-17-jre-headless)
((need_mvn)) && pkgs+=(maven)
[[ "${NEWSEVENTS_WITH_PROMETHEUS:-0}" == 1 ]] && ! command -v prometheus >/dev/null && pkgs+=(prometheus)
"$PY" -c 'import venv, ensurepip' 2>/dev/null || pkgs+=(python3-venv)
((${#pkgs[@]})) && apt_install "${pkgs[@]}"

if [[ ! -x .venv/bin/python ]]; then
  echo "[setup] creating .venv" >&2
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)
if [[ ! -f "$stamp" ]]; then
  echo "[setup] installing Python dependencies into .venv" >&2
  .venv/bin/pip install -q --upgrade pip wheel setuptools
  .venv/bin/pip install -q -e '.[test]'
  rm -f .venv/.installed-*; touch "$stamp"
fi
if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  scripts/kafka.sh fetch
fi
echo "[setup] ready: .venv/bin/newsevents" >&2
