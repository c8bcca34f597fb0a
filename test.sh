#!/usr/bin/env bash
# Builds the solution once (Release) and runs every test project in it, the E2E tests included.
# Ends with exactly one summary line: "Tests: N passed, N failed, N skipped".
# Exits non-zero if the build fails, any test run fails, or no test ran.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"
configuration=Release
results="$root/TestResults"

log() { printf '==> %s\n' "$*" >&2; }

# 1. The E2E tests drive Debian's Chromium; Playwright cannot download its own browsers here.
if [[ ! -x /usr/bin/chromium ]]; then
  log "Installing chromium"
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y chromium
fi

# 1a. The live bus tests start a throwaway redis-server (Debian's package) on a loopback port.
if ! command -v redis-server >/dev/null; then
  log "Installing redis-server"
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y redis-server
fi

# 1b. The integration suite runs a second time on a throwaway PostgreSQL cluster (Debian's package) that the tests start.
if ! command -v initdb >/dev/null && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  log "Installing postgresql"
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y postgresql
fi

# 1b'. The report PDF (issue #18) is drawn in Debian's DejaVu Sans and Droid Sans Fallback (CJK) and read back by the
#      tests with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm).
if ! command -v pdftotext >/dev/null || [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] \
  || [[ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]]; then
  log "Installing fonts-dejavu-core fonts-droid-fallback poppler-utils"
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y fonts-dejavu-core fonts-droid-fallback poppler-utils
fi

# 1c. The Firestore tests run Google's own Firestore emulator (Java, started through gcloud), which the machine image
#     brings; without it they cannot run.
gcloud_sdk=""
if command -v gcloud >/dev/null; then
  gcloud_sdk="$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null || true)"
fi
if [[ -z "$gcloud_sdk" || ! -d "$gcloud_sdk/platform/cloud-firestore-emulator" ]]; then
  log "Google's Firestore emulator is missing: install the Debian package google-cloud-cli-firestore-emulator (with Java 17+)"
  echo "Tests: 0 passed, 0 failed, 0 skipped"
  exit 1
fi
# 1d. Google's official Node client reads back what our Firestore client writes (pinned in its package-lock.json).
log "Installing the official Firestore client for the contract tests"
npm ci --prefix Sessions.Web.Tests/Features/Notifications/official-client --no-audit --no-fund --loglevel=error >/dev/null
# 1e. The official AsyncAPI parser judges the hub's /asyncapi/v1.json (pinned in its package-lock.json).
log "Installing the official AsyncAPI parser for the hub contract tests"
npm ci --prefix Sessions.Web.Tests/Features/Live/asyncapi-parser --no-audit --no-fund --loglevel=error >/dev/null
# 1f. A TypeScript client generated from /openapi/v1.json by openapi-typescript, type-checked by tsc and run with openapi-fetch.
log "Installing the client generator and TypeScript for the API contract test"
npm ci --prefix Sessions.Web.Tests/Contract/generated-client --no-audit --no-fund --loglevel=error >/dev/null
# 1g. axe-core, which the E2E tests inject into Chromium to check every page state they visit (pinned in its package-lock.json).
log "Installing axe-core for the E2E accessibility checks"
npm ci --prefix Sessions.E2E/axe --no-audit --no-fund --loglevel=error >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Screenshots of the E2E tests' key moments, kept with the other test results.
export E2E_ARTIFACTS="${E2E_ARTIFACTS:-$results/Sessions.E2E/screenshots}"

# 2. Local tools (dotnet-ef).
log "Restoring tools"
dotnet tool restore >/dev/null

# 3. Build once; the test runs below use --no-build (the E2E tests start the built Sessions.Web.dll).
log "Building Sessions.sln ($configuration)"
start=$SECONDS
if ! dotnet build Sessions.sln -c "$configuration" -v quiet -nologo -clp:ErrorsOnly; then
  log "Build failed"
  echo "Tests: 0 passed, 0 failed, 0 skipped"
  exit 1
fi
log "Built in $((SECONDS - start))s"

# 4. Every test project listed in the solution (*Tests* and *.E2E), unit tests first.
mapfile -t listed < <(dotnet sln Sessions.sln list | tr '\\' '/' | grep -E '\.csproj$')
projects=()
for project in "${listed[@]}"; do
  if [[ "$(basename "$project")" == *Tests*.csproj ]]; then projects+=("$project"); fi
done
for project in "${listed[@]}"; do
  if [[ "$(basename "$project")" == *.E2E.csproj ]]; then projects+=("$project"); fi
done
if [[ ${#projects[@]} -eq 0 ]]; then
  log "No test projects found in Sessions.sln"
  echo "Tests: 0 passed, 0 failed, 0 skipped"
  exit 1
fi

failed_runs=0
trx_files=()
# run_tests NAME PROJECT [dotnet test arguments...]: one run, with its own TRX file named NAME.
run_tests() {
  local name="$1" project="$2"
  shift 2
  local out="$results/$name"
  rm -rf "$out"
  log "Testing $name"
  local start=$SECONDS
  if ! dotnet test "$project" -c "$configuration" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$out" "$@"; then
    log "$name: test run failed"
    failed_runs=$((failed_runs + 1))
  fi
  log "$name took $((SECONDS - start))s"
  if [[ -f "$out/$name.trx" ]]; then
    trx_files+=("$out/$name.trx")
  else
    log "$name: no TRX file was written"
    failed_runs=$((failed_runs + 1))
  fi
}
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  run_tests "$name" "$project" --filter "Database!=PostgresOnly"
  # The integration suite again, every app over its own database on PostgreSQL.
  if [[ "$name" == Sessions.Web.Tests ]]; then
    SESSIONS_TEST_DATABASE=Postgres run_tests "$name.Postgres" "$project" --filter "Database!=SqliteOnly"
  fi
done

# 5. Sum the counters of all TRX files.
read -r passed failed skipped executed < <(python3 - "${trx_files[@]}" <<'PY'
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = executed = 0
for path in sys.argv[1:]:
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    count = lambda key: int(counters.get(key, "0"))
    passed += count("passed")
    failed += count("failed") + count("error") + count("timeout") + count("aborted")
    skipped += count("total") - count("executed")
    executed += count("executed")
print(passed, failed, skipped, executed)
PY
)

echo "Tests: $passed passed, $failed failed, $skipped skipped"

# 6. Fail on a failed run, a failed test, or nothing run at all.
if [[ $failed_runs -gt 0 || $failed -gt 0 || $executed -eq 0 ]]; then
  exit 1
fi
