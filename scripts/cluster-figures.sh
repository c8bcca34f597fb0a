# Sourced by scripts/measure-cluster.sh: what a run cost PostgreSQL and Redis, and where the students' connections landed.
# Needs the functions of scripts/backing-services.sh.
# Defines: reset_statement_stats, cluster_counters, start_connection_sampler, stop_connection_sampler, write_cluster_figures.

sampler_pid=""

# Forget the statements seen so far (pg_stat_statements), so a run's statements are its own.
reset_statement_stats() { psql_run postgres -c "select pg_stat_statements_reset()" > /dev/null; }

# cluster_counters DATABASE: cumulative counters as JSON. Every live event is one PUBLISH to Redis (the portal's live bus);
# PostgreSQL's transaction and row counters are the database's own (pg_stat_database).
cluster_counters() {
  local publishes
  publishes="$(redis_run info commandstats | tr -d '\r' | sed -n 's/^cmdstat_publish:calls=\([0-9]*\),.*/\1/p')"
  psql_run postgres -c "select json_build_object(
      'redisPublishes', ${publishes:-0}, 'transactions', xact_commit, 'rollbacks', xact_rollback,
      'rowsInserted', tup_inserted, 'rowsUpdated', tup_updated, 'rowsDeleted', tup_deleted)
    from pg_stat_database where datname = '$1'"
}

# start_connection_sampler FILE PORT ...: every 2 s, a line "unix-time count-on-port1 count-on-port2 ...": the established
# TCP connections each portal instance accepted (its students' WebSockets through the proxies, and a few pooled HTTP ones).
start_connection_sampler() {
  local file="$1"
  shift
  : > "$file"
  (
    while true; do
      local line port
      line="$(date +%s)"
      for port in "$@"; do line+=" $(ss -Htn state established "( sport = :$port )" | wc -l)"; done
      echo "$line" >> "$file"
      sleep 2
    done
  ) &
  sampler_pid=$!
}

stop_connection_sampler() {
  if [[ -n "$sampler_pid" ]]; then
    kill "$sampler_pid" 2>/dev/null || true
    wait "$sampler_pid" 2>/dev/null || true
    sampler_pid=""
  fi
}

# write_cluster_figures OUT BEFORE AFTER STARTS SAMPLES [PORT ...]: the run's deltas per start (STARTS counts the warm-up
# starts too, which the counters also saw; the counters also saw every connection open, so read the statements to tell
# the two apart), PostgreSQL's statements of the run, and the largest connection count each instance had.
write_cluster_figures() {
  local out="$1" before="$2" after="$3" starts="$4" samples="$5"
  shift 5
  local statements instances="[]" column=2 port
  # Every statement run 10 times or more: per start (the UPDATE, its transaction, reads) and per connection (the hub's
  # class lookup, the standing check, Npgsql's DISCARD ALL when a pooled connection is returned).
  statements="$(psql_run postgres -c "select coalesce(json_agg(s order by s.calls desc), '[]') from (
      select calls, rows, round(total_exec_time::numeric, 1) as total_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 300) as query
      from pg_stat_statements where calls >= 10) s")"
  for port in "$@"; do
    instances="$(jq -c --argjson port "$port" --argjson most "$(awk -v c="$column" 'BEGIN { m = 0 } $c > m { m = $c } END { print m }' "$samples")" \
      '. + [{ port: $port, mostEstablishedConnections: $most }]' <<< "$instances")"
    column=$((column + 1))
  done
  jq -n --argjson before "$before" --argjson after "$after" --argjson starts "$starts" --argjson statements "$statements" \
    --argjson instances "$instances" --argjson subscribers "$(redis_run pubsub numsub sessions:live | tail -1)" '
    def per_start(key): (($after[key] - $before[key]) / $starts * 100 | round) / 100;
    {
      startsCounted: $starts,
      redis: { publishes: ($after.redisPublishes - $before.redisPublishes), publishesPerStart: per_start("redisPublishes"),
               liveChannelSubscribersAfterRun: $subscribers },
      postgres: {
        transactions: ($after.transactions - $before.transactions), transactionsPerStart: per_start("transactions"),
        rowsInsertedPerStart: per_start("rowsInserted"), rowsUpdatedPerStart: per_start("rowsUpdated"),
        rowsDeletedPerStart: per_start("rowsDeleted"), rollbacks: ($after.rollbacks - $before.rollbacks),
        statements: [$statements[] | . + { callsPerStart: ((.calls / $starts * 100 | round) / 100) }]
      },
      instances: $instances
    }' > "$out"
  echo "==> $(basename "$out"): $(jq -c '{redis: .redis.publishesPerStart, transactions: .postgres.transactionsPerStart, instances}' "$out")"
}
