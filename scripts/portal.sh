# Sourced by the measurement scripts: the published Release portal on 127.0.0.1 over a given SQLite file, and a quiet machine.
# Needs: $root (the repository) and $work (a scratch folder).
# Defines: tool, publish, start_portal, stop_portal, start_instance, start_app, stop_app, stop_started_apps, wait_for_quiet_machine.

tool=(dotnet "$work/loadtest/Sessions.LoadTest.dll")
portal_pid=""

# The portal published as it is deployed (a build's bin folder serves blazor.web.js only in Development), and the load
# tool published beside it, so that a build in the work tree during a long run does not replace what is running.
publish() {
  dotnet publish "$root/Sessions.Web" -c Release -o "$work/portal" -v quiet -nologo -clp:ErrorsOnly
  dotnet publish "$root/Sessions.LoadTest" -c Release -o "$work/loadtest" -v quiet -nologo -clp:ErrorsOnly
}

# start_portal DB PORT [NAME=VALUE ...]: one portal over a SQLite file; see start_instance.
start_portal() {
  local db="$1" port="$2"
  shift 2
  start_instance portal "$port" ConnectionStrings__Sessions="Data Source=$db" "$@"
  portal_pid="${started_pids[portal]}"
}

stop_portal() {
  stop_app portal
  portal_pid=""
}

# start_instance NAME PORT [NAME=VALUE ...]: a portal instance on 127.0.0.1:PORT (pid in $work/NAME.pid, log in
# $work/NAME.log); the database and anything else come as settings, which override the defaults here.
# Production settings, logging at Warning, the memory endpoints on.
# The load tool signs thousands of students in from one address and reuses their tokens across a run: the sign-in limit per
# address is raised to its maximum and bearer tokens live an hour, as measuring a school's traffic from one machine needs.
start_instance() {
  local name="$1" port="$2"
  shift 2
  start_app "$name" "$work/portal" Sessions.Web.dll "$port" /health \
    Agora__AppId=0123456789abcdef0123456789abcdef Agora__AppCertificate=fedcba9876543210fedcba9876543210 \
    Diagnostics__ProcessEndpoints=true \
    RateLimits__SignInPerMinute=100000 Auth__AccessTokenMinutes=60 \
    "$@"
}

# start_app NAME FOLDER DLL PORT HEALTH_PATH [NAME=VALUE ...]: a published app on 127.0.0.1:PORT in a process group of
# its own, returning once HEALTH_PATH answers 200. Every app started here is stopped by stop_started_apps.
declare -A started_pids=()
start_app() {
  local name="$1" folder="$2" dll="$3" port="$4" health="$5"
  shift 5
  rm -f "$work/$name.pid"
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning "$@" \
    setsid bash -c 'echo $$ > "$2" && cd "$1" && exec dotnet "$3"' - "$folder" "$work/$name.pid" "$dll" >> "$work/$name.log" 2>&1 &
  # setsid forks when it has to, so $! may not be the app: the app writes its own pid (its process group's id too).
  until [[ -s "$work/$name.pid" ]]; do sleep 0.1; done
  started_pids[$name]="$(cat "$work/$name.pid")"
  until curl -sf "http://127.0.0.1:$port$health" > /dev/null; do
    kill -0 "${started_pids[$name]}" 2>/dev/null || { cat "$work/$name.log" >&2; return 1; }
    sleep 0.2
  done
}

stop_app() {
  local name="$1" pid="${started_pids[$1]:-}"
  if [[ -n "$pid" ]]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$work/$name.pid"
    unset "started_pids[$name]"
  fi
}

stop_started_apps() {
  local name
  for name in "${!started_pids[@]}"; do stop_app "$name"; done
}

# The machine is shared (2 cores): wait up to ~10 min (QUIET_TRIES × 20 s) for a 1-minute load average under QUIET_BELOW
# (default 0.8), then go on and say so.
wait_for_quiet_machine() {
  local tries=0
  until awk -v below="${QUIET_BELOW:-0.8}" '{ exit !($1 < below) }' /proc/loadavg || (( tries++ >= ${QUIET_TRIES:-30} )); do sleep 20; done
  echo "==> load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/load.txt"
}
