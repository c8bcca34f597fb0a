#!/usr/bin/env bash
# Issue #14's figures (docs/performance.md, "Issue #14: two instances, PostgreSQL and Redis"; docs/scaling.md), all on 127.0.0.1:
#   fanout:    classes of 20 students, each student one hub connection, SIZES classes each (10,000 and 20,000 students), sessions
#              started through the proxies at RATE starts/s, on two portal instances over PostgreSQL + Redis behind PROXIES YARP
#              proxies (the load tool's listener i connects through proxy i, since one process may hold at most 20,000 open
#              files here); then the first size again on ONE instance (same proxies, PostgreSQL and Redis) for the ratio;
#   sustained: SUSTAINED_STARTS one-student classes at SUSTAINED_RATE starts/s on one instance (no proxy, no Redis), on
#              PostgreSQL, then on SQLite, back to back.
# SUSTAINED_PROVIDERS narrows the sustained part ("postgres sqlite"). PARTS picks what runs ("fanout sustained"); "seed" only seeds (no sign-in, no measurement), for an early start: tokens
# are reused for 45 minutes only, so the sign-in is left to the part that measures. PG_SETTINGS adds PostgreSQL settings (e.g. "fsync=on synchronous_commit=on
# full_page_writes=on"; the throwaway cluster runs without durability otherwise) and RUN_SUFFIX names such a run's JSON apart.
# WORK keeps the scratch folder (PostgreSQL's data, SQLite files, tokens, logs) between invocations: seeding and signing
# 25,000 students in takes a while, and tokens are reused for 45 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
parts="${PARTS:-fanout sustained}"
sizes="${SIZES:-500 1000}"
rate="${RATE:-100}"
warmup="${WARMUP:-50}"
proxies="${PROXIES:-4}"
sustained_starts="${SUSTAINED_STARTS:-5000}"
sustained_rate="${SUSTAINED_RATE:-500}"
read -ra pg_settings <<< "${PG_SETTINGS:-}"
suffix="${RUN_SUFFIX:-}"
instance_ports=(5111 5112)
seeder_port=5110
proxy_base_port=5121
out="$root/docs/issue-14"
mkdir -p "$out"
source scripts/portal.sh
source scripts/backing-services.sh
source scripts/cluster-figures.sh
trap 'stop_connection_sampler; stop_started_apps; stop_backing_services' EXIT

# PUBLISH=no reuses what an earlier invocation published into WORK (the same commit, or say which).
if [[ "${PUBLISH:-yes}" != no ]]; then
  echo "==> Publishing the portal, the proxy and the load tool (Release); scratch folder $work"
  publish
  dotnet publish "$root/Sessions.Proxy" -c Release -o "$work/proxy" -v quiet -nologo -clp:ErrorsOnly
  git -C "$root" rev-parse HEAD > "$work/published-commit"
fi
echo "==> Measuring the build of $(cat "$work/published-commit")"
start_postgres 5441 "${pg_settings[@]}"
start_redis 6391

postgres_settings() { echo "Database__Provider=Postgres" "ConnectionStrings__Sessions=$(postgres_connection "$1")"; }
instance_url() { echo "http://127.0.0.1:${instance_ports[$1]}"; }
proxy_url() { echo "http://127.0.0.1:$((proxy_base_port + $1))"; }
joined() { local IFS=,; echo "$*"; }

# seed_postgres NAME CLASSES STUDENTS-PER-CLASS: a seeded database, topped up if it exists.
seed_postgres() {
  local name="$1" classes="$2" students="$3"
  [[ "$(psql_run postgres -c "select count(*) from pg_database where datname = '$name'")" == 1 ]] || psql_run postgres -c "create database $name"
  "${tool[@]}" seed --provider Postgres --connection "$(postgres_connection "$name")" --classes "$classes" --students-per-class "$students"
}

# sign_in_postgres NAME MEASURED-CLASSES: the tokens of the measured classes' students, signed in through an instance over the
# seeded database, so the key ring that protects the tokens is the database's own and every copy of it (CREATE DATABASE …
# TEMPLATE) accepts them.
sign_in_postgres() {
  local name="$1" measured="$2"
  # shellcheck disable=SC2046 # two settings, split on purpose
  start_instance seeder "$seeder_port" $(postgres_settings "$name")
  "${tool[@]}" sign-in --url "http://127.0.0.1:$seeder_port" --provider Postgres --connection "$(postgres_connection "$name")" \
    --classes "$measured" --token-cache "$work/$name.tokens.json"
  stop_app seeder
}

# fresh_copy SEEDED RUN: the run's own copy of a seeded database, so every run starts the same not-yet-started sessions.
fresh_copy() { psql_run postgres -c "drop database if exists $2" -c "create database $2 template $1"; }

# cluster_fanout NAME CLASSES INSTANCES: one fan-out run through the proxies onto INSTANCES (1 or 2) portal instances.
cluster_fanout() {
  local name="$1" classes="$2" instances="$3" i
  fresh_copy fanout_seed fanout_run
  local destinations=() servers=() listen=() ports=() watch=("redis=$(cat "$work/redis-$redis_port.pid")")
  for ((i = 0; i < instances; i++)); do
    # shellcheck disable=SC2046
    start_instance "instance$i" "${instance_ports[$i]}" $(postgres_settings fanout_run) Redis__Configuration="127.0.0.1:$redis_port"
    destinations+=("Proxy__Destinations__instance$i=$(instance_url "$i")")
    servers+=("$(instance_url "$i")")
    ports+=("${instance_ports[$i]}")
  done
  for ((i = 0; i < proxies; i++)); do
    start_app "proxy$i" "$work/proxy" Sessions.Proxy.dll "$((proxy_base_port + i))" /health "${destinations[@]}"
    listen+=("$(proxy_url "$i")")
    watch+=("proxy$i=${started_pids[proxy$i]}")
  done
  wait_for_quiet_machine
  echo "==> $name: $((classes * 20)) students on $instances instance(s) behind $proxies proxies, $classes starts at $rate/s"
  start_connection_sampler "$work/$name.connections.txt" "${ports[@]}"
  local before
  reset_statement_stats
  before="$(cluster_counters fanout_run)"
  "${tool[@]}" fanout --url "$(proxy_url 0)" --provider Postgres --connection "$(postgres_connection fanout_run)" \
    --classes "$classes" --rate "$rate" --warmup "$warmup" --token-cache "$work/fanout_seed.tokens.json" \
    --listeners "$proxies" --listen-urls "$(joined "${listen[@]}")" --server-urls "$(joined "${servers[@]}")" \
    --connect-concurrency 16 --watch "$(joined "${watch[@]}")" --idle-seconds "${IDLE_SECONDS:-30}" --out "$out/$name.json"
  stop_connection_sampler
  write_cluster_figures "$out/$name.cluster.json" "$before" "$(cluster_counters fanout_run)" "$((classes + warmup))" \
    "$work/$name.connections.txt" "${ports[@]}"
  stop_started_apps
}

# sustained PROVIDER: SUSTAINED_STARTS starts at SUSTAINED_RATE on one instance, straight to it (no proxy, no Redis).
sustained() {
  local provider="$1" settings=() database=() before=""
  if [[ "$provider" == postgres ]]; then
    fresh_copy sustained_seed sustained_run
    read -ra settings <<< "$(postgres_settings sustained_run)"
    database=(--provider Postgres --connection "$(postgres_connection sustained_run)" --token-cache "$work/sustained_seed.tokens.json")
  else
    rm -f "$work/run.db"*
    cp "$work/sustained.db" "$work/run.db"
    settings=("ConnectionStrings__Sessions=Data Source=$work/run.db")
    database=(--database "$work/run.db" --token-cache "$work/sustained.db.tokens.json")
  fi
  start_instance instance0 "${instance_ports[0]}" "${settings[@]}"
  wait_for_quiet_machine
  echo "==> sustained on $provider: $sustained_starts starts at $sustained_rate/s"
  if [[ "$provider" == postgres ]]; then
    reset_statement_stats
    before="$(cluster_counters sustained_run)"
  fi
  "${tool[@]}" fanout --url "$(instance_url 0)" "${database[@]}" --classes "$sustained_starts" --rate "$sustained_rate" \
    --warmup "$warmup" --max-in-flight 128 --out "$out/sustained-$provider$suffix.json"
  if [[ "$provider" == postgres ]]; then
    write_cluster_figures "$out/sustained-postgres$suffix.database.json" "$before" "$(cluster_counters sustained_run)" \
      "$((sustained_starts + warmup))" /dev/null
  fi
  stop_started_apps
}

largest=0
for classes in $sizes; do ((classes > largest)) && largest=$classes; done
if [[ " $parts " == *" seed "* ]]; then
  seed_postgres fanout_seed $((largest + warmup)) 20
  seed_postgres sustained_seed $((sustained_starts + warmup)) 1
  "${tool[@]}" seed --database "$work/sustained.db" --classes $((sustained_starts + warmup)) --students-per-class 1
fi

if [[ " $parts " == *" fanout "* ]]; then
  seed_postgres fanout_seed $((largest + warmup)) 20
  sign_in_postgres fanout_seed "$largest"
  for classes in $sizes; do
    cluster_fanout "cluster-two-instances-$((classes * 20))$suffix" "$classes" 2
  done
  first_size="${sizes%% *}"
  cluster_fanout "cluster-one-instance-$((first_size * 20))$suffix" "$first_size" 1
fi

if [[ " $parts " == *" sustained "* ]]; then
  for provider in ${SUSTAINED_PROVIDERS:-postgres sqlite}; do
    if [[ "$provider" == postgres ]]; then
      seed_postgres sustained_seed $((sustained_starts + warmup)) 1
      sign_in_postgres sustained_seed "$sustained_starts"
    else
      "${tool[@]}" seed --database "$work/sustained.db" --classes $((sustained_starts + warmup)) --students-per-class 1
      start_portal "$work/sustained.db" "$seeder_port"
      "${tool[@]}" sign-in --url "http://127.0.0.1:$seeder_port" --database "$work/sustained.db" --classes "$sustained_starts"
      stop_portal
    fi
  done
  for provider in ${SUSTAINED_PROVIDERS:-postgres sqlite}; do sustained "$provider"; done
fi
echo "==> Results in $out (load averages: $work/load.txt, logs: $work/*.log)"
