#!/usr/bin/env bash
# Session chat (docs/performance.md, "Session chat (issue #17)"), all on 127.0.0.1 against the published portal (Release,
# Production settings, a WAL SQLite file):
#   1. live rooms of 30 members (the educator and 29 students), each member on a hub connection and posting a message every
#      2 s for 60 s through POST /api/sessions/{id}/messages; one run per room count in ROOMS (default "50 10");
#   2. history pages read over HTTP from 1,000,000 stored messages over 1,000 sessions (HISTORY_MESSAGES, HISTORY_SESSIONS).
# Each chat run gets a fresh copy of the seeded database; WORK keeps the seeded databases and the members' tokens between
# invocations. PARTS=chat or PARTS=history runs one part; RUN_SUFFIX is added to the result files' names.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
port="${PORTAL_PORT:-5087}"
rooms_list="${ROOMS:-50 10}"
parts="${PARTS:-chat history}"
suffix="${RUN_SUFFIX:-}"
source scripts/portal.sh
trap stop_portal EXIT

echo "==> Publishing the portal and the load tool (Release); scratch folder $work"
[[ -n "${NO_PUBLISH:-}" ]] || publish

if [[ "$parts" == *chat* ]]; then
  # Seeding only tops up; the largest room count decides how many rooms are seeded and signed in.
  most_rooms="$(tr ' ' '\n' <<< "$rooms_list" | sort -n | tail -1)"
  "${tool[@]}" seed --database "$work/chat-rooms.db" --classes "$most_rooms" --students-per-class 29
  start_portal "$work/chat-rooms.db" "$port"
  # Educators sign in too: they post like everyone else.
  "${tool[@]}" sign-in --url "http://127.0.0.1:$port" --database "$work/chat-rooms.db" --classes "$most_rooms" --educators 1
  stop_portal
  for rooms in $rooms_list; do
    rm -f "$work/run.db"*
    cp "$work/chat-rooms.db" "$work/run.db"
    start_portal "$work/run.db" "$port"
    wait_for_quiet_machine
    echo "==> chat: $rooms rooms × 30 members, a message per member every 2 s for 60 s"
    "${tool[@]}" chat --url "http://127.0.0.1:$port" --database "$work/run.db" --rooms "$rooms" \
      --token-cache "$work/chat-rooms.db.tokens.json" --out "$root/docs/chat-$rooms-rooms$suffix.json"
    stop_portal
  done
fi

if [[ "$parts" == *history* ]]; then
  "${tool[@]}" seed --database "$work/chat-history.db" --classes "${HISTORY_SESSIONS:-1000}" --students-per-class 1
  "${tool[@]}" chat-seed --database "$work/chat-history.db" --sessions "${HISTORY_SESSIONS:-1000}" --messages "${HISTORY_MESSAGES:-1000000}"
  start_portal "$work/chat-history.db" "$port"
  wait_for_quiet_machine
  echo "==> chat history: page reads over $(du -h "$work/chat-history.db" | cut -f1) of SQLite"
  "${tool[@]}" chat-history --url "http://127.0.0.1:$port" --database "$work/chat-history.db" --out "$root/docs/chat-history$suffix.json"
  stop_portal
fi
echo "==> Results in docs/chat-*.json (load averages: $work/load.txt, portal log: $work/portal.log)"
