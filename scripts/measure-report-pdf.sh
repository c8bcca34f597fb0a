#!/usr/bin/env bash
# Session report PDF (docs/performance.md, "Session report PDF (issue #18)"): a 200-student report with 20 issues and a
# long narrative rendered RUNS times after warm-up, in English and in Arabic, in process (Sessions.Benchmarks report-pdf).
# Prints one JSON line per culture (p50/p99 ms, allocated MB per render, PDF size) and the load average before each.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
runs="${RUNS:-30}"
source scripts/portal.sh
dotnet build Sessions.Benchmarks -c Release -v quiet -nologo -clp:ErrorsOnly
for culture in en ar; do
  wait_for_quiet_machine
  nice -n 10 dotnet Sessions.Benchmarks/bin/Release/net10.0/Sessions.Benchmarks.dll report-pdf "$runs" "$culture"
done
echo "==> load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
