#!/usr/bin/env bash
# Roster import (docs/performance.md, "Roster import (issue #15)"), end to end through POST /api/admin/imports on the
# published portal (Release, Production settings, a WAL SQLite file) on 127.0.0.1: ROWS distinct new students spread over
# CLASSES seeded classes, uploaded with curl as an administrator's bearer token. Times a dry run, the apply, and the same
# file applied again (all unchanged), ROUNDS times each on a fresh database; then checks that 10 MB of garbage is answered
# 400 invalid_csv by Kestrel itself (no reset, no 5xx). PROVIDER=postgres runs the same over a throwaway PostgreSQL 15 cluster
# (backing-services.sh, durability on: fsync, synchronous_commit, full_page_writes).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
port="${PORTAL_PORT:-5086}"
rows="${ROWS:-5000}"
classes="${CLASSES:-4}"
rounds="${ROUNDS:-3}"
provider="${PROVIDER:-sqlite}"
source scripts/portal.sh
source scripts/backing-services.sh
trap 'stop_portal; stop_backing_services' EXIT
[[ "$provider" == sqlite ]] || start_postgres "${PG_PORT:-5447}" fsync=on synchronous_commit=on full_page_writes=on

echo "==> Publishing the portal and the load tool (Release); scratch folder $work"
[[ -n "${NO_PUBLISH:-}" ]] || publish

roster="$work/roster.csv"
{
  echo "email,displayName,role,classCode,timeZone"
  for ((i = 1; i <= rows; i++)); do echo "import-$i@example.com,Student $i,Student,LOAD-$(( i % classes + 1 )),Europe/Paris"; done
} > "$roster"
echo "==> $rows rows, $(stat -c %s "$roster") bytes"

upload() { # upload DRYRUN FILE: prints "status seconds bytes"
  curl -s -o "$work/answer.json" -w '%{http_code} %{time_total} %{size_download}\n' -H "Authorization: Bearer $token" \
    -F "file=@$2;type=text/csv" "http://127.0.0.1:$port/api/admin/imports?dryRun=$1"
}

for round in $(seq "$rounds"); do
  if [[ "$provider" == sqlite ]]; then
    rm -f "$work/import.db"*
    "${tool[@]}" seed --database "$work/import.db" --classes "$classes" --students-per-class 20 > /dev/null
    start_portal "$work/import.db" "$port"
  else
    psql_run postgres -c "drop database if exists import_run" -c "create database import_run" > /dev/null
    "${tool[@]}" seed --provider Postgres --connection "$(postgres_connection import_run)" --classes "$classes" --students-per-class 20 > /dev/null
    start_instance portal "$port" Database__Provider=Postgres ConnectionStrings__Sessions="$(postgres_connection import_run)"
  fi
  token="$(curl -sf -H 'Content-Type: application/json' -d '{"email":"load-admin@example.com","password":"Passw0rd!"}' \
    "http://127.0.0.1:$port/api/auth/login" | jq -r .accessToken)"
  wait_for_quiet_machine
  echo "round $round dry-run: $(upload true "$roster") $(jq -c .summary "$work/answer.json")"
  echo "round $round apply:   $(upload false "$roster") $(jq -c .summary "$work/answer.json") links=$(jq '.passwordLinks | length' "$work/answer.json")"
  echo "round $round again:   $(upload false "$roster") $(jq -c .summary "$work/answer.json")"
  if [[ "$round" == 1 ]]; then
    head -c $((10 * 1024 * 1024)) /dev/urandom > "$work/garbage.csv"
    echo "garbage 10 MB:        $(upload true "$work/garbage.csv") $(jq -c '{code, row, detail}' "$work/answer.json")"
  fi
  stop_portal
done
echo "==> portal log: $work/portal.log; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
