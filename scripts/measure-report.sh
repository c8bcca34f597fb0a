#!/usr/bin/env bash
# Session report (docs/performance.md, "Session report (issue #18)"), on 127.0.0.1 against the published portal (Release,
# Production settings, a WAL SQLite file): one completed session of a class of 200 students, with their attendance
# intervals, their chat and 20,000 activity log entries (ACTIVITY), read READS times through GET /api/sessions/{id}/report
# after a warm-up: p50/p99 over HTTP and in process, the portal's CPU per read and memory; then the same report as the
# A4 PDF (GET .../report.pdf), PDF_READS times. WORK keeps the seeded database
# between invocations; RUN_SUFFIX is added to the result file's name.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
port="${PORTAL_PORT:-5088}"
suffix="${RUN_SUFFIX:-}"
source scripts/portal.sh
trap stop_portal EXIT

echo "==> Publishing the portal and the load tool (Release); scratch folder $work"
[[ -n "${NO_PUBLISH:-}" ]] || publish

"${tool[@]}" seed --database "$work/report.db" --classes 1 --students-per-class "${STUDENTS:-200}"
"${tool[@]}" report-seed --database "$work/report.db" --activity "${ACTIVITY:-20000}"
start_portal "$work/report.db" "$port"
wait_for_quiet_machine
echo "==> report: GET /api/sessions/{id}/report, ${READS:-500} reads after ${WARMUP:-50}"
"${tool[@]}" report --url "http://127.0.0.1:$port" --database "$work/report.db" --reads "${READS:-500}" --warmup "${WARMUP:-50}" \
  --out "$root/docs/report$suffix.json"
echo "==> report PDF: GET /api/sessions/{id}/report.pdf?paper=a4, ${PDF_READS:-100} reads after ${PDF_WARMUP:-10}"
"${tool[@]}" report --url "http://127.0.0.1:$port" --database "$work/report.db" --format pdf --reads "${PDF_READS:-100}" \
  --warmup "${PDF_WARMUP:-10}" --out "$root/docs/report-pdf$suffix.json"
stop_portal
echo "==> Results in docs/report$suffix.json and docs/report-pdf$suffix.json (load averages: $work/load.txt, portal log: $work/portal.log)"
