#!/usr/bin/env bash
# The portal as a small cluster on this machine, on loopback ports, for trying several instances out:
#   scripts/cluster.sh up [--database postgres|sqlite]   PostgreSQL (default) or one SQLite file, Redis, two portal
#                                                         instances (Development: the demo accounts) and Sessions.Proxy
#   scripts/cluster.sh status                             what is running and whether it answers
#   scripts/cluster.sh down                               stops exactly what up started and deletes its data
# Everything lives in .cluster/ (git-ignored): the published apps, the data, the logs and one pid file per process.
# Ports: CLUSTER_PORT_BASE (default 5100) is the proxy, +1 and +2 the instances, +3 PostgreSQL, +4 Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
state="$root/.cluster"
# PostgreSQL and Redis, in the state folder (installed when missing).
work="$state"
source scripts/backing-services.sh
base="${CLUSTER_PORT_BASE:-5100}"
proxy_port=$base
declare -A instance_ports=([a]=$((base + 1)) [b]=$((base + 2)))
postgres_port=$((base + 3))
redis_port=$((base + 4))
ready_timeout=120

log() { printf '==> %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start NAME FOLDER DLL [NAME=VALUE ...]: runs the app in its own process group, which writes its own pid (setsid may fork).
start() {
  local name="$1" folder="$2" dll="$3"
  shift 3
  env "$@" setsid bash -c 'echo $$ > "$2" && cd "$1" && exec dotnet "$3"' - "$folder" "$state/$name.pid" "$dll" \
    >> "$state/$name.log" 2>&1 < /dev/null &
  until [[ -s "$state/$name.pid" ]]; do sleep 0.1; done
}

# wait_until_ready NAME URL: polls URL until it answers 2xx; gives up, with the log, if the process dies or time runs out.
wait_until_ready() {
  local name="$1" url="$2" deadline=$((SECONDS + ready_timeout))
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$(cat "$state/$name.pid")" 2>/dev/null || { tail -n 40 "$state/$name.log" >&2; fail "$name exited before $url answered"; }
    ((SECONDS < deadline)) || { tail -n 40 "$state/$name.log" >&2; fail "$url did not answer within ${ready_timeout}s"; }
    sleep 0.5
  done
  log "$name is ready: $url"
}

up() {
  local database=postgres
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --database) database="${2:-}"; shift 2 ;;
      *) fail "Unknown option $1 (usage: scripts/cluster.sh up [--database postgres|sqlite])" ;;
    esac
  done
  [[ "$database" == postgres || "$database" == sqlite ]] || fail "--database must be postgres or sqlite"
  [[ ! -e "$state" ]] || fail "$state exists: the cluster is up or was not taken down (scripts/cluster.sh down)"
  for port in "$proxy_port" "${instance_ports[@]}" "$postgres_port" "$redis_port"; do
    port_is_free "$port" || fail "Port $port is taken; choose other ports with CLUSTER_PORT_BASE"
  done
  mkdir -p "$state"
  # A half-started cluster is taken down again, so a second up starts clean.
  trap 'log "up failed; stopping what it started"; down' EXIT

  log "Publishing Sessions.Web and Sessions.Proxy (Release) to $state/bin"
  dotnet publish Sessions.Web -c Release -o "$state/bin/portal" -v quiet -nologo -clp:ErrorsOnly
  dotnet publish Sessions.Proxy -c Release -o "$state/bin/proxy" -v quiet -nologo -clp:ErrorsOnly

  local database_settings=()
  if [[ "$database" == postgres ]]; then
    start_postgres "$postgres_port"
    psql_run postgres -c "create database sessions"
    database_settings=(Database__Provider=Postgres "ConnectionStrings__Sessions=$(postgres_connection sessions)")
  else
    database_settings=(Database__Provider=Sqlite "ConnectionStrings__Sessions=Data Source=$state/sessions.db")
  fi
  echo "$database" > "$state/database"
  start_redis "$redis_port"

  local portal_settings=(ASPNETCORE_ENVIRONMENT=Development "${database_settings[@]}" Database__MigrateAtStart=false
    "Redis__Configuration=127.0.0.1:$redis_port" ForwardedHeaders__KnownProxies__0=127.0.0.1)
  # As a release does it (docs/deploy.md): the migrations once, before any instance, which then does not migrate.
  log "Migrating the $database database"
  (cd "$state/bin/portal" && env "${portal_settings[@]}" dotnet Sessions.Web.dll migrate) >> "$state/migrate.log" 2>&1 \
    || { cat "$state/migrate.log" >&2; fail "Migrating the database failed"; }
  # One after the other: the first seeds the demo accounts into the empty database, the second finds them there.
  for name in a b; do
    log "Starting portal instance $name on 127.0.0.1:${instance_ports[$name]}"
    start "portal-$name" "$state/bin/portal" Sessions.Web.dll "Urls=http://127.0.0.1:${instance_ports[$name]}" "${portal_settings[@]}"
    wait_until_ready "portal-$name" "http://127.0.0.1:${instance_ports[$name]}/health/ready"
  done

  log "Starting Sessions.Proxy on 127.0.0.1:$proxy_port"
  start proxy "$state/bin/proxy" Sessions.Proxy.dll "Urls=http://127.0.0.1:$proxy_port" \
    "Proxy__Destinations__a=http://127.0.0.1:${instance_ports[a]}" "Proxy__Destinations__b=http://127.0.0.1:${instance_ports[b]}"
  wait_until_ready proxy "http://127.0.0.1:$proxy_port/health/ready"
  trap - EXIT

  echo "The portal is at http://127.0.0.1:$proxy_port (two instances on $database and Redis; sign in as teacher@example.com / Passw0rd!)"
}

# stop_group NAME: TERM to the app's process group, KILL if it is still there after 10 s.
stop_group() {
  local pid_file="$state/$1.pid"
  [[ -s "$pid_file" ]] || return 0
  local pid
  pid="$(cat "$pid_file")"
  if kill -TERM -- "-$pid" 2>/dev/null; then
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

down() {
  trap - EXIT
  [[ -d "$state" ]] || { log "Nothing to stop: $state does not exist"; return 0; }
  for name in proxy portal-b portal-a; do stop_group "$name"; done
  # What up started, found by its ports: stop_backing_services stops the servers these name.
  [[ -s "$state/redis-$redis_port.pid" ]] || redis_port=""
  pg_port=$postgres_port
  if [[ -f "$state/postgres-$postgres_port/data/postmaster.pid" ]]; then pg_folder="$state/postgres-$postgres_port"; fi
  stop_backing_services
  rm -rf "$state"
  log "Stopped the cluster and deleted $state"
}

# describe NAME PID_FILE URL: one line per process.
describe() {
  local name="$1" pid_file="$2" url="$3" running="not running" answer=""
  if [[ -s "$pid_file" ]] && kill -0 "$(head -n 1 "$pid_file")" 2>/dev/null; then running="pid $(head -n 1 "$pid_file")"; fi
  if [[ -n "$url" ]]; then answer="$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)"; answer=" $url -> $answer"; fi
  printf '%-10s %-16s%s\n' "$name" "$running" "$answer"
}

status() {
  [[ -d "$state" ]] || { echo "The cluster is down."; return 0; }
  echo "Database: $(cat "$state/database" 2>/dev/null || echo unknown)"
  if [[ "$(cat "$state/database" 2>/dev/null)" == postgres ]]; then
    describe postgres "$state/postgres-$postgres_port/data/postmaster.pid" ""
  fi
  describe redis "$state/redis-$redis_port.pid" ""
  for name in a b; do
    describe "portal-$name" "$state/portal-$name.pid" "http://127.0.0.1:${instance_ports[$name]}/health/ready"
  done
  describe proxy "$state/proxy.pid" "http://127.0.0.1:$proxy_port/health/ready"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  *) fail "Usage: scripts/cluster.sh up [--database postgres|sqlite] | status | down" ;;
esac
