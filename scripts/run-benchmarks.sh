#!/usr/bin/env bash
# BenchmarkDotNet (docs/performance.md, "Issue #7"; docs/security.md): token build, SessionService.StartAsync on SQLite,
# join-card serialization, sign-in timing for known and unknown emails. Extra arguments are BenchmarkDotNet filters (default: all). The JSON and Markdown reports are copied
# to docs/benchmarks/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
source scripts/portal.sh
dotnet build Sessions.Benchmarks -c Release -v quiet -nologo -clp:ErrorsOnly
wait_for_quiet_machine
# Run from the repository root: BenchmarkDotNet builds its runner from the project file it finds there.
dotnet Sessions.Benchmarks/bin/Release/net10.0/Sessions.Benchmarks.dll --filter "${@:-*}" --exporters json github \
  --artifacts "$work/artifacts"
mkdir -p docs/benchmarks
cp "$work"/artifacts/results/*.json "$work"/artifacts/results/*-report-github.md docs/benchmarks/
{ echo "# ${*:-all benchmarks}, $(date -u +%F):"; cat "$work/load.txt"; } >> docs/benchmarks/load.txt
