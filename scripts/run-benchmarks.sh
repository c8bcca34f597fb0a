#!/usr/bin/env bash
# BenchmarkDotNet (docs/performance.md, "Issue #7"): token build, SessionService.StartAsync on SQLite, join-card
# serialization. Extra arguments go to BenchmarkDotNet (default: all of them). Reports in BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
source scripts/portal.sh
dotnet build Sessions.Benchmarks -c Release -v quiet -nologo -clp:ErrorsOnly
wait_for_quiet_machine
# Run from the repository root: BenchmarkDotNet builds its runner from the project file it finds there.
dotnet Sessions.Benchmarks/bin/Release/net10.0/Sessions.Benchmarks.dll --filter "${@:-*}"
