# shellcheck shell=bash
# Starting, checking and stopping the services declared in services.sh.

SERVICE_NAMES=()
declare -A SERVICE_DIR=() SERVICE_DLL=() SERVICE_PORT=() SERVICE_ENV=()

# service NAME PROJECT_DIR DLL PORT ENV_FUNCTION (paths relative to the repo root)
service() {
  SERVICE_NAMES+=("$1")
  SERVICE_DIR[$1]=$2 SERVICE_DLL[$1]=$3 SERVICE_PORT[$1]=$4 SERVICE_ENV[$1]=$5
}

service_url() { printf 'http://127.0.0.1:%s' "${SERVICE_PORT[$1]}"; }
service_pid() { read_pid "$RUN_DIR/$1.pid"; }

service_healthy() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(service_url "$1")/health/ready" 2>/dev/null) || true
  [[ $code == 200 ]]
}

# Used while waiting: 0 = healthy, 2 = the process died (stop waiting), 1 = not yet.
service_ready() {
  service_healthy "$1" && return 0
  pid_alive "$(service_pid "$1")" || return 2
  return 1
}

# Launches one service in the background unless it is already healthy or cannot run yet.
# Prints nothing to wait for when skipped; the caller waits for the ones it launched.
service_launch() {
  local name=$1 dir=${SERVICE_DIR[$1]} dll=${SERVICE_DLL[$1]} port=${SERVICE_PORT[$1]} pid envs var
  if [[ ! -d $ROOT/$dir ]]; then
    say "$(printf '%-10s' "$name") skipped: project $dir does not exist yet"; return 1
  fi
  if [[ ! -f $ROOT/$dll ]]; then
    say "$(printf '%-10s' "$name") skipped: $dll not built"; return 1
  fi
  if service_healthy "$name"; then
    say "$(printf '%-10s' "$name") :$port already running (./dev down && ./dev up to run new code)"; return 1
  fi
  # A leftover of ours that is alive but not healthy: restart it rather than guess.
  pid=$(service_pid "$name")
  if pid_alive "$pid" && port_open "$port"; then
    stop_pid "$pid" "$port" 15 || die "$name: could not stop unhealthy pid $pid"
  fi
  var=${name^^}_PORT
  require_free_port "$name" "$port" "${var//-/_}"
  mapfile -t envs < <("${SERVICE_ENV[$name]}")
  # Run from the output dir: it is the content root, so appsettings*.json are found there.
  # (`cd` is a separate statement so that `&` backgrounds dotnet itself and $! is its pid.)
  (
    cd "$(dirname "$ROOT/$dll")" || exit 1
    nohup env "${envs[@]}" dotnet "$ROOT/$dll" </dev/null >"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
  return 0
}

# Starts every declared service that is not healthy, waits for all of them (60 s each).
# Returns non-zero if any failed; skipped ones are not failures.
services_start_all() {
  local name launched=() failed=0
  for name in "${SERVICE_NAMES[@]}"; do
    if service_launch "$name"; then launched+=("$name"); fi
  done
  for name in "${launched[@]}"; do
    # Polled every 0.5 s: each probe is a request line in the service's log.
    if WAIT_INTERVAL=0.5 wait_until 60 service_ready "$name"; then
      say "$(printf '%-10s' "$name") :${SERVICE_PORT[$name]} started"
    else
      if pid_alive "$(service_pid "$name")"; then
        warn "$name: /health/ready did not answer 200 within 60 s (log: $LOG_DIR/$name.log)"
      else
        warn "$name: exited during start (log: $LOG_DIR/$name.log)"
      fi
      log_tail "$LOG_DIR/$name.log" 40
      failed=1
    fi
  done
  return "$failed"
}

services_stop_all() {
  local name pid port
  for name in "${SERVICE_NAMES[@]}"; do
    pid=$(service_pid "$name") port=${SERVICE_PORT[$name]}
    if pid_alive "$pid"; then
      if stop_pid "$pid" "$port" 15; then
        say "$(printf '%-10s' "$name") :$port stopped"
      else
        warn "$name: port $port still open after stopping pid $pid"
      fi
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

service_status_row() {
  local name=$1 pid state=down
  pid=$(service_pid "$name")
  if pid_alive "$pid" && port_open "${SERVICE_PORT[$name]}"; then
    if service_healthy "$name"; then state=up; else state="up (not ready)"; fi
  elif port_open "${SERVICE_PORT[$name]}"; then
    state="port in use by another process"
  fi
  printf '  %-12s %-7s %-8s %s\n' "$name" "${SERVICE_PORT[$name]}" "${pid:--}" "$state"
}
