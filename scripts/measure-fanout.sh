#!/usr/bin/env bash
# Start → SessionStarted fan-out and sustained starts (docs/performance.md, "Issue #7"), all on 127.0.0.1:
#   1. 20 students per class with one hub connection each, 1,000 / 5,000 / 10,000 students (50 / 250 / 500 classes),
#      their sessions started at RATE starts/s;
#   2. sustained starts: SUSTAINED_STARTS sessions of 1-student classes at SUSTAINED_RATE starts/s.
# Each run gets a fresh copy of the seeded database and a fresh published portal (Release, Production settings).
# WORK keeps the seeded databases and the students' tokens between invocations (signing 15,000 students in takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
port="${PORTAL_PORT:-5081}"
rate="${RATE:-100}"
sizes="${SIZES:-50 250 500}"
sustained_rate="${SUSTAINED_RATE:-500}"
sustained_starts="${SUSTAINED_STARTS:-5000}"
warmup="${WARMUP:-50}"
source scripts/portal.sh
trap stop_portal EXIT

echo "==> Publishing the portal and the load tool (Release); scratch folder $work"
publish

# seed NAME CLASSES STUDENTS: a seeded database with WARMUP more classes (the warm-up starts, whose students stay away),
# and the tokens of the measured classes' students, signed in now because sign-in is CPU-heavy. Seeding only tops up.
seed() {
  local name="$1" classes="$2" students="$3"
  "${tool[@]}" seed --database "$work/$name.db" --classes $((classes + warmup)) --students-per-class "$students"
  start_portal "$work/$name.db" "$port"
  "${tool[@]}" sign-in --url "http://127.0.0.1:$port" --database "$work/$name.db" --classes "$classes"
  stop_portal
}
seed classes-of-20 500 20
seed classes-of-1 "$sustained_starts" 1

# fanout NAME SEED-DB CLASSES RATE [more fanout options]: one run on a fresh copy of the seeded database.
fanout() {
  local name="$1" seeded="$2" classes="$3" run_rate="$4"
  shift 4
  rm -f "$work/run.db"*
  cp "$work/$seeded.db" "$work/run.db"
  start_portal "$work/run.db" "$port"
  wait_for_quiet_machine
  echo "==> $name: $classes classes at $run_rate starts/s"
  "${tool[@]}" fanout --url "http://127.0.0.1:$port" --database "$work/run.db" --classes "$classes" --rate "$run_rate" \
    --warmup "$warmup" --token-cache "$work/$seeded.db.tokens.json" --out "$root/docs/$name.json" "$@"
  stop_portal
}

for classes in $sizes; do
  fanout "fanout-$((classes * 20))" classes-of-20 "$classes" "$rate"
done
fanout fanout-sustained classes-of-1 "$sustained_starts" "$sustained_rate" --max-in-flight 128
echo "==> Results in docs/fanout-*.json (load averages: $work/load.txt, portal log: $work/portal.log)"
