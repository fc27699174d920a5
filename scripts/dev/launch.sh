# shellcheck shell=bash
# Starting, checking and stopping the services declared in services.sh.
#
# A service may run as several instances (`./dev up --scale NAME=N`). Instance 1 keeps the
# service's port and file names (identity.pid, identity.log); instance n listens on
# PORT + 10*(n-1) and its files are NAME-n.* (identity-2.pid on 5111, identity-3 on 5121, ...).

SERVICE_NAMES=()
declare -A SERVICE_DIR=() SERVICE_DLL=() SERVICE_PORT=() SERVICE_ENV=() SERVICE_SCALE=() SERVICE_CPUS=()

# service NAME PROJECT_DIR DLL PORT ENV_FUNCTION (paths relative to the repo root)
service() {
  SERVICE_NAMES+=("$1")
  SERVICE_DIR[$1]=$2 SERVICE_DLL[$1]=$3 SERVICE_PORT[$1]=$4 SERVICE_ENV[$1]=$5
}

service_scale() { printf '%s' "${SERVICE_SCALE[$1]:-1}"; }
instance_id() { if ((${2:-1} == 1)); then printf '%s' "$1"; else printf '%s-%s' "$1" "$2"; fi; }
instance_port() { printf '%s' $((${SERVICE_PORT[$1]} + 10 * (${2:-1} - 1))); }

# The instances of NAME that have a pid file (at least 1), e.g. "1 2 3": what status and down act on.
service_instances() {
  local name=$1 f n found=(1)
  for f in "$RUN_DIR/$name"-*.pid; do
    n=${f#"$RUN_DIR/$name"-}; n=${n%.pid}
    [[ $n =~ ^[0-9]+$ ]] && ((n > 1)) && found+=("$n")
  done
  printf '%s\n' "${found[@]}" | sort -n | tr '\n' ' '
}

# Those of service_instances and the ones this `up` asks for: what the gateway routes to, so an
# instance left running by an earlier `up --scale` keeps its traffic.
routed_instances() {
  { seq 1 "$(service_scale "$1")"; service_instances "$1" | tr ' ' '\n'; } | grep . | sort -nu | tr '\n' ' '
}

# NAME [INSTANCE] (default 1) for each of these.
service_url() { printf 'http://%s:%s' "$LOCAL_HOST" "$(instance_port "$1" "${2:-1}")"; }
service_pid() { read_pid "$RUN_DIR/$(instance_id "$1" "${2:-1}").pid"; }

service_healthy() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(service_url "$1" "${2:-1}")/health/ready" 2>/dev/null) || true
  [[ $code == 200 ]]
}

# Used while waiting: 0 = healthy, 2 = the process died (stop waiting), 1 = not yet.
service_ready() {
  service_healthy "$1" "$2" && return 0
  pid_alive "$(service_pid "$1" "$2")" || return 2
  return 1
}

# Launches one service in the background unless it is already healthy or cannot run yet.
# Prints nothing to wait for when skipped; the caller waits for the ones it launched.
# service_launch NAME INSTANCE
service_launch() {
  local name=$1 n=$2 dir=${SERVICE_DIR[$1]} dll=${SERVICE_DLL[$1]} cpus=${SERVICE_CPUS[$1]:-} port id label pid envs var settings group
  port=$(instance_port "$name" "$n") id=$(instance_id "$name" "$n") label=$(printf '%-12s' "$(instance_id "$name" "$n")")
  if [[ ! -d $ROOT/$dir ]]; then
    say "$label skipped: project $dir does not exist yet"; return 1
  fi
  if [[ ! -f $ROOT/$dll ]]; then
    say "$label skipped: $dll not built"; return 1
  fi
  # The env function gets the instance's port; the rest of its settings are the service's.
  mapfile -t envs < <("${SERVICE_ENV[$name]}" "$port")
  # A capped instance (--cpus) is told its cores; the cap joins its settings through this line.
  if [[ -n $cpus ]]; then envs+=("DOTNET_PROCESSOR_COUNT=$(cpu_cap_processors "$cpus")" "TRIPMATE_CPU_CAP=$cpus"); fi
  # The build's time and the topology (the file and the environment's overrides of it) join the
  # settings: `./dev up` after a change restarts what it changed (an incremental build that changed
  # nothing leaves the dll as it was).
  settings=$({ printf '%s\n' "${envs[@]}"; stat -c %Y "$ROOT/$dll"; cat "$ROOT/topology.env"; topology_overrides; } | sha256sum)
  if service_healthy "$name" "$n"; then
    # A running gateway keeps the destinations it started with: after another --scale, restart it.
    if [[ ! -f $RUN_DIR/$id.settings || $(<"$RUN_DIR/$id.settings") == "$settings" ]]; then
      say "$label :$port already running"; return 1
    fi
    say "$label :$port restarting: its build or settings changed"
  fi
  # A leftover of ours that is alive but not healthy (or configured differently): restart it rather than guess.
  pid=$(service_pid "$name" "$n")
  if pid_alive "$pid" && port_open "$port"; then
    stop_pid "$pid" "$port" 15 || die "$id: could not stop pid $pid"
  fi
  var=${name^^}_PORT
  require_free_port "$id" "$port" "${var//-/_}"
  printf '%s\n' "$settings" >"$RUN_DIR/$id.settings"
  cpu_cap_remove "$id"
  if [[ -n $cpus ]]; then group=$(cpu_cap_group "$id" "$cpus") || die "$id: could not create its CPU cap under $(cpu_cap_parent)"; fi
  # Run from the output dir: it is the content root, so appsettings*.json are found there.
  # (`cd` is a separate statement so that `&` backgrounds dotnet itself and $! is its pid; a capped
  # instance's subshell joins its group and then becomes dotnet, so $! is dotnet's pid there too.)
  (
    cd "$(dirname "$ROOT/$dll")" || exit 1
    if [[ -n $cpus ]]; then
      cpu_cap_exec "$group" nohup env "${envs[@]}" dotnet "$ROOT/$dll" </dev/null >"$LOG_DIR/$id.log" 2>&1 &
    else
      nohup env "${envs[@]}" dotnet "$ROOT/$dll" </dev/null >"$LOG_DIR/$id.log" 2>&1 &
    fi
    echo $! >"$RUN_DIR/$id.pid"
  )
  return 0
}

# Starts every instance of every declared service that is not healthy, waits for all of them
# (60 s each). Returns non-zero if any failed; skipped ones are not failures.
services_start_all() {
  local name n entry id label launched=() failed=0
  for name in "${SERVICE_NAMES[@]}"; do
    for ((n = 1; n <= $(service_scale "$name"); n++)); do
      if service_launch "$name" "$n"; then launched+=("$name:$n"); fi
    done
  done
  for entry in "${launched[@]}"; do
    name=${entry%:*} n=${entry##*:}
    id=$(instance_id "$name" "$n") label=$(printf '%-12s' "$(instance_id "$name" "$n")")
    # Polled every 0.5 s: each probe is a request line in the service's log.
    if WAIT_INTERVAL=0.5 wait_until 60 service_ready "$name" "$n"; then
      say "$label :$(instance_port "$name" "$n") started"
    else
      if pid_alive "$(service_pid "$name" "$n")"; then
        warn "$id: /health/ready did not answer 200 within 60 s (log: $LOG_DIR/$id.log)"
      else
        warn "$id: exited during start (log: $LOG_DIR/$id.log)"
      fi
      log_tail "$LOG_DIR/$id.log" 40
      failed=1
    fi
  done
  return "$failed"
}

services_stop_all() {
  local name n pid port id
  for name in "${SERVICE_NAMES[@]}"; do
    for n in $(service_instances "$name"); do
      id=$(instance_id "$name" "$n") pid=$(service_pid "$name" "$n") port=$(instance_port "$name" "$n")
      if pid_alive "$pid"; then
        if stop_pid "$pid" "$port" 15; then
          say "$(printf '%-12s' "$id") :$port stopped"
        else
          warn "$id: port $port still open after stopping pid $pid"
        fi
      fi
      rm -f "$RUN_DIR/$id.pid" "$RUN_DIR/$id.settings"
      cpu_cap_remove "$id"
    done
  done
}

service_status_row() {
  local name=$1 n=${2:-1} pid port state=down
  pid=$(service_pid "$name" "$n") port=$(instance_port "$name" "$n")
  if pid_alive "$pid" && port_open "$port"; then
    if service_healthy "$name" "$n"; then state=up; else state="up (not ready)"; fi
  elif port_open "$port"; then
    state="port in use by another process"
  fi
  printf '  %-12s %-7s %-8s %s\n' "$(instance_id "$name" "$n")" "$port" "${pid:--}" "$state"
}
