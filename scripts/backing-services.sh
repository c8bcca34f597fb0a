# Sourced by scripts that need PostgreSQL and Redis: a throwaway PostgreSQL cluster and a Redis server on loopback ports,
# both in the scratch folder, both stopped by stop_backing_services. Needs $work (a scratch folder).
# Defines: start_postgres, psql_run, postgres_connection, start_redis, redis_run, stop_backing_services.
# Installs Debian's postgresql or redis-server when missing; runs PostgreSQL as the postgres user when we are root.

pg_folder=""
pg_port=""
redis_port=""

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() { if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user that Debian's package creates.
as_postgres() { if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_missing() {
  local command="$1" package="$2"
  if ! command -v "$command" >/dev/null; then
    echo "==> Installing $package" >&2
    as_root apt-get update > /dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y "$package" > /dev/null
  fi
}

# start_postgres PORT [SETTING=VALUE ...]: a cluster in the scratch folder (initdb'd the first time, trust auth on loopback),
# PostgreSQL 15 from Debian; an existing one is started again, so seeded databases survive between invocations.
# Durability is off by default (fsync, synchronous_commit, full_page_writes), as a throwaway cluster is: give
# fsync=on synchronous_commit=on full_page_writes=on to measure with it. pg_stat_statements is loaded, for statements per start.
start_postgres() {
  pg_port="$1"
  shift
  local settings=(fsync=off synchronous_commit=off full_page_writes=off "$@") options="" setting
  for setting in "${settings[@]}"; do options+=" -c $setting"; done
  if ! command -v initdb > /dev/null; then
    install_missing pg_ctlcluster postgresql
    PATH="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1):$PATH"
  fi
  pg_folder="$work/postgres-$pg_port"
  if [[ ! -d "$pg_folder/data" ]]; then
    mkdir -p "$pg_folder"
    if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$pg_folder"; fi
    as_postgres initdb -D "$pg_folder/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync > "$pg_folder/initdb.log"
  fi
  as_postgres pg_ctl -D "$pg_folder/data" -l "$pg_folder/pg.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_folder -c max_connections=400 -c shared_preload_libraries=pg_stat_statements$options" \
    start > /dev/null
  psql_run postgres -c "create extension if not exists pg_stat_statements"
  echo "==> PostgreSQL on 127.0.0.1:$pg_port ($(psql_run postgres -c 'show fsync' | tr -d ' ') fsync)"
}

# psql_run DATABASE [psql options ...]: as the postgres user, unaligned output, no headers.
psql_run() {
  local database="$1"
  shift
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -v ON_ERROR_STOP=1 -qAt "$@"
}

# postgres_connection DATABASE: the portal's ConnectionStrings:Sessions for it.
postgres_connection() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=postgres"; }

# start_redis PORT: no persistence, loopback only.
start_redis() {
  redis_port="$1"
  install_missing redis-server redis-server
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$work/redis-$redis_port.pid" --logfile "$work/redis-$redis_port.log" --dir "$work"
  until redis_run ping > /dev/null 2>&1; do sleep 0.1; done
  echo "==> Redis on 127.0.0.1:$redis_port"
}

redis_run() { redis-cli -h 127.0.0.1 -p "$redis_port" "$@"; }

stop_backing_services() {
  if [[ -n "$redis_port" ]]; then
    redis_run shutdown nosave > /dev/null 2>&1 || true
    redis_port=""
  fi
  if [[ -n "$pg_folder" ]]; then
    as_postgres pg_ctl -D "$pg_folder/data" stop -m fast > /dev/null || true
    pg_folder=""
  fi
}
