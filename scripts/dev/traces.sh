# shellcheck shell=bash
# The local trace view of `./dev up`: the standalone Aspire dashboard (from NuGet, tools/trace-view),
# receiving every service's traces, metrics and logs over OTLP (gRPC) on DEV_OTLP_PORT and showing
# them on DEV_TRACES_PORT. Telemetry lives in its memory only: a restart starts empty.

TRACE_VIEW_PROJECT=$ROOT/tools/trace-view/Tripmate.TraceView.csproj

traces_port() { printf '%s' "$DEV_TRACES_PORT"; }
traces_pid() { read_pid "$RUN_DIR/traces.pid"; }
traces_running() { port_open "$DEV_TRACES_PORT" && pid_alive "$(traces_pid)"; }
traces_url() { printf 'http://%s:%s' "$LOCAL_HOST" "$DEV_TRACES_PORT"; }

# The dashboard's executable in the NuGet cache (restored on first use, ~125 MB); its path is what
# the package's own build props say it is.
traces_executable() {
  local path
  path=$(cd "$ROOT" && { dotnet msbuild "$TRACE_VIEW_PROJECT" -getProperty:AspireDashboardPath 2>/dev/null || true; })
  if [[ ! -x $path ]]; then
    say "installing the trace view (Aspire dashboard, NuGet)" >&2
    (cd "$ROOT" && dotnet restore "$TRACE_VIEW_PROJECT" -v q --nologo) >"$ROOT/.data/trace-view-restore.log" 2>&1 ||
      { log_tail "$ROOT/.data/trace-view-restore.log"; return 1; }
    path=$(cd "$ROOT" && dotnet msbuild "$TRACE_VIEW_PROJECT" -getProperty:AspireDashboardPath)
    # NuGet does not keep the execute bit everywhere.
    [[ -x $path ]] || chmod u+x "$path"
  fi
  printf '%s' "$path"
}

traces_ready() {
  pid_alive "$(traces_pid)" || return 2
  port_open "$DEV_TRACES_PORT" && port_open "$DEV_OTLP_PORT"
}

traces_start() {
  local exe
  if traces_running; then say "traces     :$DEV_TRACES_PORT already running"; return 0; fi
  require_free_port "trace view" "$DEV_TRACES_PORT" DEV_TRACES_PORT
  require_free_port "trace view OTLP" "$DEV_OTLP_PORT" DEV_OTLP_PORT
  exe=$(traces_executable) || { warn "trace view not started: its restore failed (services run without it)"; return 0; }
  # Loopback only, so no sign-in: the dashboard's own switch for that.
  nohup env ASPNETCORE_URLS="$(traces_url)" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://$LOCAL_HOST:$DEV_OTLP_PORT" \
    ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    "$exe" </dev/null >"$LOG_DIR/traces.log" 2>&1 &
  echo $! >"$RUN_DIR/traces.pid"
  if ! wait_until 60 traces_ready; then
    log_tail "$LOG_DIR/traces.log"
    warn "trace view did not start on port $DEV_TRACES_PORT (services run without it)"
    return 0
  fi
  say "traces     :$DEV_TRACES_PORT started"
}

traces_stop() {
  stop_server traces "$DEV_TRACES_PORT" 10
}
