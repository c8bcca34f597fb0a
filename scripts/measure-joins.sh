#!/usr/bin/env bash
# Racing joins on each provider: 30 students join one live session at once for 10 seats (RoomCapacityTests), ROUNDS
# times per provider, through RoomService as the room page calls it. Prints the test's own figure for each run: the time
# until all 30 were answered and the per-join p50/max (docs/performance.md, "Room capacity under READ COMMITTED").
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-5}"

dotnet build Sessions.Web.Tests -c Release -v quiet -nologo -clp:ErrorsOnly
for provider in Sqlite Postgres; do
  for _ in $(seq "$rounds"); do
    SESSIONS_TEST_DATABASE="$provider" dotnet test Sessions.Web.Tests -c Release --no-build --nologo \
      --filter "FullyQualifiedName~RoomCapacityTests.Thirty_racing_joins" --logger "console;verbosity=detailed" \
      | grep -E "racing joins answered"
  done
done
