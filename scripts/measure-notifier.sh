#!/usr/bin/env bash
# Measures the Firestore notifier on this machine (docs/performance.md, "Firestore notifier"):
#   1. start → document visible in Google's emulator, over 1,000 starts;
#   2. outbox throughput when the emulator comes back after 10,000 rows piled up.
# Everything runs on 127.0.0.1: a fresh SQLite database, the portal (Release, Production settings) and the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
db="$work/sessions.db"
portal_port="${PORTAL_PORT:-5080}"
emulator_port="${EMULATOR_PORT:-8687}"
project="demo-sessions-measure"
latency_starts="${LATENCY_STARTS:-1000}"
backlog_rows="${BACKLOG_ROWS:-10000}"
tool=(dotnet "$root/Sessions.LoadTest/bin/Release/net10.0/Sessions.LoadTest.dll")
pids=()

# Each server runs in its own process group (setsid), so the emulator's Java child goes with it.
cleanup() { for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

launch_emulator() {
  setsid gcloud emulators firestore start --host-port="127.0.0.1:$emulator_port" > "$work/emulator-$1.log" 2>&1 &
  emulator_pid=$!
  pids+=("$emulator_pid")
}

start_emulator() {
  launch_emulator "$1"
  until grep -q "Dev App Server is now running" "$work/emulator-$1.log"; do sleep 0.2; done
}

stop_emulator() {
  kill -TERM -- "-$emulator_pid" 2>/dev/null || true
  while ss -ltn "sport = :$emulator_port" | grep -q LISTEN; do sleep 0.2; done
}

echo "==> Building (Release)"
dotnet build Sessions.sln -c Release -v quiet -nologo -clp:ErrorsOnly

echo "==> Seeding $((latency_starts + backlog_rows)) classes into $db"
"${tool[@]}" seed --database "$db" --classes $((latency_starts + backlog_rows)) --students-per-class 1

echo "==> Starting the emulator and the portal"
start_emulator first
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Sessions="Data Source=$db" \
ASPNETCORE_URLS="http://127.0.0.1:$portal_port" \
Agora__AppId=0123456789abcdef0123456789abcdef Agora__AppCertificate=fedcba9876543210fedcba9876543210 \
Firestore__Enabled=true Firestore__EmulatorHost="127.0.0.1:$emulator_port" Firestore__ProjectId="$project" \
Notifier__RetryMaxDelay="${RETRY_MAX_DELAY:-00:00:01}" \
RateLimits__SignInPerMinute=100000 \
Logging__LogLevel__Default=Warning \
  setsid dotnet "$root/Sessions.Web/bin/Release/net10.0/Sessions.Web.dll" > "$work/portal.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$portal_port/health" > /dev/null; do sleep 0.2; done

echo "==> Start → document visible ($latency_starts starts)"
"${tool[@]}" notifier-latency --url "http://127.0.0.1:$portal_port" --database "$db" \
  --emulator "127.0.0.1:$emulator_port" --project "$project" --starts "$latency_starts" --concurrency "${LATENCY_CONCURRENCY:-1}" --out "$work/notifier-latency.json"

echo "==> Emulator down; $backlog_rows starts pile up in the outbox"
stop_emulator
"${tool[@]}" notifier-fill --url "http://127.0.0.1:$portal_port" --database "$db" --starts "$backlog_rows"

echo "==> Emulator back on the same port; draining"
launch_emulator second
"${tool[@]}" notifier-drain --url "http://127.0.0.1:$portal_port" --emulator "127.0.0.1:$emulator_port" \
  --project "$project" --out "$work/notifier-drain.json"

cp "$work"/notifier-*.json "$root/docs/" 2>/dev/null || true
echo "==> Results in docs/notifier-latency.json and docs/notifier-drain.json (logs in $work)"
