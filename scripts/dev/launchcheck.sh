# shellcheck shell=bash
# ./dev check-launch: proves what F5 does. For each service in turn, with `./dev up` running: stop
# up's instance, start the project as an IDE does (`dotnet run --project DIR`, its launchSettings.json:
# Development, LocalTopology__Profile=up, nothing else), wait for /health/ready on the service's
# port and for the gateway to route to it again, then stop it and start up's instance back.

# launch_check_one NAME: 0 when `dotnet run` of NAME became ready and reachable through the gateway.
launch_check_one() {
  local name=$1 dir=${SERVICE_DIR[$1]} pid port log rc=0 started=$SECONDS
  port=$(instance_port "$name" 1) log=$LOG_DIR/check-launch-$name.log
  pid=$(service_pid "$name" 1)
  if pid_alive "$pid"; then stop_pid "$pid" "$port" 15 || die "$name: could not stop up's instance"; fi
  # Its own process group, so stopping it stops `dotnet run` and the service it started.
  (cd "$ROOT" && exec setsid dotnet run --project "$dir" --launch-profile dev-up) </dev/null >"$log" 2>&1 &
  pid=$!
  if WAIT_INTERVAL=0.5 wait_until 240 launch_check_ready "$name" "$pid"; then
    say "$(printf '%-12s' "$name") dotnet run --project $dir: ready on :$port and through the gateway ($((SECONDS - started)) s)"
  else
    warn "$name: dotnet run --project $dir did not become ready (log: $log)"
    log_tail "$log" 30
    rc=1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait_until 30 port_closed "$port" || kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return "$rc"
}

# Ready on its own port, and the gateway routes to it again: its active health check counts the
# service available (/health/services, anonymous in Development). For the gateway, its readiness.
launch_check_ready() {
  local name=$1 pid=$2
  pid_alive "$pid" || return 2
  service_healthy "$name" 1 || return 1
  [[ $name == gateway ]] && return 0
  curl -s --max-time 5 "$(service_url gateway 1)/health/services" | tr -d ' \n' | grep -q "\"name\":\"$name\",\"available\":[1-9]"
}

cmd_check_launch() {
  local name failed=0
  load_profile up
  ensure_dirs
  if ! servers_any_running || ! service_healthy gateway 1; then die "check-launch runs against ./dev up: start it first"; fi
  for name in "$@"; do [[ -n ${SERVICE_PORT[$name]:-} ]] || die "check-launch: unknown service '$name' (one of: ${SERVICE_NAMES[*]})"; done
  (($#)) || set -- "${SERVICE_NAMES[@]}"
  for name in "$@"; do
    launch_check_one "$name" || failed=1
  done
  say "restoring ./dev up's services"
  services_start_all >/dev/null || failed=1
  if ((failed)); then warn "check-launch failed"; return 1; fi
  say "every service started by dotnet run --project was ready"
}
