# shellcheck shell=bash
# The four servers as one group, and the `./dev server start|stop|status NAME` command.
# Each server file defines NAME_start, NAME_stop, NAME_running, NAME_pid and NAME_port.

SERVERS=(postgres redis rabbitmq s3)

is_server() { local s; for s in "${SERVERS[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

servers_start_all() {
  local s
  ensure_dirs
  for s in "${SERVERS[@]}"; do "${s}_start"; done
}

servers_stop_all() {
  local s i
  for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do
    s=${SERVERS[i]}
    "${s}_stop"
  done
}

# One status row; returns 0 when the server is up.
server_status_row() {
  local s=$1 pid state=down
  pid=$("${s}_pid")
  if "${s}_running"; then
    state=up
  elif port_open "$("${s}_port")"; then
    state="port in use by another process"
  fi
  printf '  %-12s %-7s %-8s %s\n' "$s" "$("${s}_port")" "${pid:--}" "$state"
  [[ $state == up ]]
}

# Any server of the current profile running? (decides whether `status` shows the test profile)
servers_any_running() {
  local s
  for s in "${SERVERS[@]}"; do "${s}_running" && return 0; done
  return 1
}

# ./dev server start|stop|status NAME, on the profile named by $DEV_PROFILE (default up).
# Tests use it to stop and restart a server mid-test; start keeps the data, and both
# return only once the server is ready / its port is closed. status exits 3 when down.
cmd_server() {
  local action=${1:-} name=${2:-}
  is_server "$name" || { usage >&2; exit 2; }
  load_profile "${DEV_PROFILE:-up}"
  ensure_dirs
  case $action in
    start)  ensure_installed; "${name}_start" ;;
    stop)   "${name}_stop" ;;
    status) server_status_row "$name" || exit 3 ;;
    *) usage >&2; exit 2 ;;
  esac
}
