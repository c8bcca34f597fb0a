#!/usr/bin/env bash
# Sustained starts only (docs/performance.md, "After issues #12–#14"): STARTS sessions of 1-student classes started at
# RATE per second on the published portal (Release, Production settings) over SQLite, every student's hub connection open.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
port="${PORTAL_PORT:-5083}"
starts="${STARTS:-5000}"
rate="${RATE:-500}"
warmup=50
source scripts/portal.sh
trap stop_portal EXIT

publish
"${tool[@]}" seed --database "$work/s.db" --classes $((starts + warmup)) --students-per-class 1
start_portal "$work/s.db" "$port"
"${tool[@]}" sign-in --url "http://127.0.0.1:$port" --database "$work/s.db" --classes "$starts"
stop_portal
cp "$work/s.db" "$work/run.db"
start_portal "$work/run.db" "$port"
wait_for_quiet_machine
mkdir -p docs/issue-14
"${tool[@]}" fanout --url "http://127.0.0.1:$port" --database "$work/run.db" --classes "$starts" --rate "$rate" --warmup "$warmup" \
  --token-cache "$work/s.db.tokens.json" --out "$root/docs/issue-14/fanout-sustained.json" --max-in-flight 128
