#!/usr/bin/env bash
# Blazor circuit cost (docs/performance.md, "Issue #7"), on 127.0.0.1: CLASSES classes of STUDENTS students, a class
# page per student in headless Debian Chromium, each signed in as that student. Records the server's memory per circuit
# just after the pages opened and again once they sat idle for IDLE_SECONDS (150: past Kestrel's keep-alive), then
# starts the classes' sessions together and times each page's join card. A fresh database and the published portal (Release, Production settings).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
port="${PORTAL_PORT:-5082}"
classes="${CLASSES:-5}"
students="${STUDENTS:-21}"
source scripts/portal.sh
trap stop_portal EXIT

echo "==> Publishing the portal and the load tool (Release); scratch folder $work"
publish
rm -f "$work/circuits.db"*
"${tool[@]}" seed --database "$work/circuits.db" --classes "$classes" --students-per-class "$students"
start_portal "$work/circuits.db" "$port"
wait_for_quiet_machine
"${tool[@]}" circuits --url "http://127.0.0.1:$port" --database "$work/circuits.db" --classes "$classes" \
  --idle "${IDLE_SECONDS:-150}" --out "$root/docs/circuits.json"
echo "==> Result in docs/circuits.json (load averages: $work/load.txt, portal log: $work/portal.log)"
