# Sourced by the measurement scripts: the published Release portal on 127.0.0.1 over a given SQLite file, and a quiet machine.
# Needs: $root (the repository) and $work (a scratch folder).
# Defines: tool, publish, start_portal, stop_portal, wait_for_quiet_machine.

tool=(dotnet "$work/loadtest/Sessions.LoadTest.dll")
portal_pid=""

# The portal published as it is deployed (a build's bin folder serves blazor.web.js only in Development), and the load
# tool published beside it, so that a build in the work tree during a long run does not replace what is running.
publish() {
  dotnet publish "$root/Sessions.Web" -c Release -o "$work/portal" -v quiet -nologo -clp:ErrorsOnly
  dotnet publish "$root/Sessions.LoadTest" -c Release -o "$work/loadtest" -v quiet -nologo -clp:ErrorsOnly
}

# start_portal DB PORT [NAME=VALUE ...]: Production settings, logging at Warning, the memory endpoints on; extra settings as env.
# The load tool signs thousands of students in from one address and reuses their tokens across a run: the sign-in limit per
# address is raised to its maximum and bearer tokens live an hour, as measuring a school's traffic from one machine needs.
start_portal() {
  local db="$1" port="$2"
  shift 2
  rm -f "$work/portal.pid"
  env ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Sessions="Data Source=$db" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Agora__AppId=0123456789abcdef0123456789abcdef Agora__AppCertificate=fedcba9876543210fedcba9876543210 \
    Diagnostics__ProcessEndpoints=true \
    RateLimits__SignInPerMinute=100000 Auth__AccessTokenMinutes=60 \
    Logging__LogLevel__Default=Warning \
    "$@" \
    setsid bash -c 'echo $$ > "$2" && cd "$1" && exec dotnet Sessions.Web.dll' - "$work/portal" "$work/portal.pid" >> "$work/portal.log" 2>&1 &
  # setsid forks when it has to, so $! may not be the portal: the portal writes its own pid (its process group's id too).
  until [[ -s "$work/portal.pid" ]]; do sleep 0.1; done
  portal_pid="$(cat "$work/portal.pid")"
  until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log" >&2; return 1; }
    sleep 0.2
  done
}

stop_portal() {
  if [[ -n "$portal_pid" ]]; then
    kill -TERM -- "-$portal_pid" 2>/dev/null || true
    while kill -0 "$portal_pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$work/portal.pid"
    portal_pid=""
  fi
}

# The machine is shared (2 cores): wait up to ~10 min for a 1-minute load average under 0.8, then go on and say so.
wait_for_quiet_machine() {
  local tries=0
  until awk '{ exit !($1 < 0.8) }' /proc/loadavg || (( tries++ >= 30 )); do sleep 20; done
  echo "==> load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/load.txt"
}
