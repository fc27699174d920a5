# shellcheck shell=bash
# Shared helpers: output, profiles (ports and directories), process and port checks.
# Sourced by ./dev; expects ROOT (absolute repo root) to be set.

say()  { printf '%s\n' "$*"; }
warn() { printf 'dev: %s\n' "$*" >&2; }
die()  { warn "$*"; exit 1; }

# load_topology: every NAME=value line of topology.env (the one description of ports, addresses and
# credentials, also read by the tests and the services), unless the environment already sets NAME.
load_topology() {
  local name value
  while IFS='=' read -r name value; do
    [[ $name =~ ^[A-Z][A-Z0-9_]*$ ]] || continue
    [[ -n ${!name:-} ]] || printf -v "$name" '%s' "$value"
  done <"$ROOT/topology.env"
}

# The environment's overrides of topology.env (what a service started now would see besides the file).
topology_overrides() {
  local name _
  while IFS='=' read -r name _; do
    [[ $name =~ ^[A-Z][A-Z0-9_]*$ ]] || continue
    printenv "$name" >/dev/null && printf '%s=%s\n' "$name" "$(printenv "$name")"
  done <"$ROOT/topology.env"
}

# load_profile PROFILE: sets every port, password and directory for that profile.
# Profiles are fully separate (ports and data dirs) so `./dev up` and `./dev test` can run at once.
# DEV_DATA_DIR moves a profile's data elsewhere: a test's private servers (shared/Testing's
# PrivateServers) are the test profile on ports of their own in a directory of their own.
# shellcheck disable=SC2034  # the variables are used by the other scripts/dev files
load_profile() {
  PROFILE=$1
  case $PROFILE in
    up)
      PG_PORT=$DEV_PG_PORT
      PG_PASSWORD=$DEV_PG_PASSWORD
      REDIS_PORT=$DEV_REDIS_PORT
      AMQP_PORT=$DEV_AMQP_PORT
      RABBIT_MGMT_PORT=$DEV_RABBIT_MGMT_PORT
      RABBIT_DIST_PORT=$DEV_RABBIT_DIST_PORT
      EPMD_PORT=$DEV_EPMD_PORT
      S3_PORT=$DEV_S3_PORT
      ;;
    test)
      PG_PORT=$TEST_PG_PORT
      PG_PASSWORD=$TEST_PG_PASSWORD
      REDIS_PORT=$TEST_REDIS_PORT
      AMQP_PORT=$TEST_AMQP_PORT
      RABBIT_MGMT_PORT=""   # tests never need the management UI; it costs ~1 s of boot
      RABBIT_DIST_PORT=$TEST_RABBIT_DIST_PORT
      EPMD_PORT=$TEST_EPMD_PORT
      S3_PORT=$TEST_S3_PORT
      ;;
    *) die "unknown profile '$PROFILE' (DEV_PROFILE must be 'up' or 'test')" ;;
  esac
  S3_BUCKET=$LOCAL_S3_BUCKET
  DATA_DIR=${DEV_DATA_DIR:-$ROOT/.data/$PROFILE}
  # The Erlang node's name: one per data directory (private servers run beside the test profile's).
  RABBIT_NODE=tripmate-${DATA_DIR##*/}
  LOG_DIR=$DATA_DIR/logs
  RUN_DIR=$DATA_DIR/run
  KEYS_DIR=$DATA_DIR/keys
}

# Client addresses of the current profile's servers (the same shapes shared/Topology gives C#).
pg_connection() { printf 'Host=%s;Port=%s;Username=%s;Password=%s' "$LOCAL_HOST" "$PG_PORT" "$LOCAL_PG_USER" "$PG_PASSWORD"; }
redis_address() { printf '%s:%s' "$LOCAL_HOST" "$REDIS_PORT"; }
rabbit_url() { printf 'amqp://%s:%s@%s:%s/%s' "$LOCAL_RABBIT_USER" "$LOCAL_RABBIT_PASSWORD" "$LOCAL_HOST" "$AMQP_PORT" "${1:-}"; }
s3_url() { printf 'http://%s:%s' "$LOCAL_HOST" "$S3_PORT"; }

ensure_dirs() { mkdir -p "$LOG_DIR" "$RUN_DIR" "$KEYS_DIR"; }

# Listening socket on the port? Uses ss rather than connecting, so probing a server
# (RabbitMQ, PostgreSQL) does not fill its log with aborted-connection warnings.
port_open() {
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# A pid is alive if it exists and is not a zombie: PID 1 on these machines does not reap
# orphans, so `kill -0` alone would report a stopped server as running.
pid_alive() {
  local pid=${1:-} stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

pid_dead() { ! pid_alive "${1:-}"; }

# read_pid FILE: first line of a pid file, or nothing.
read_pid() { if [[ -r $1 ]]; then head -n1 "$1" | tr -dc 0-9; fi; }

# wait_until SECONDS CMD...: poll CMD every $WAIT_INTERVAL s (default 0.1) until it succeeds (0)
# or time runs out. CMD may return 2 to give up at once (e.g. the process it waits for died).
wait_until() {
  local deadline=$((SECONDS + $1)) rc; shift
  while :; do
    rc=0; "$@" || rc=$?
    ((rc == 0)) && return 0
    ((rc != 2 && SECONDS < deadline)) || return 1
    sleep "${WAIT_INTERVAL:-0.1}"
  done
}

port_closed() { ! port_open "$1"; }

# stop_pid PID PORT [SECONDS]: TERM, wait for the port to close, then KILL as a last resort.
stop_pid() {
  local pid=$1 port=$2 grace=${3:-20}
  if pid_alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  if ! wait_until "$grace" port_closed "$port"; then
    if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait_until 5 port_closed "$port" || return 1
  fi
}

# stop_server NAME PORT GRACE [GRACEFUL_COMMAND...]: the stop shared by servers with one pid file
# ($RUN_DIR/NAME.pid): ask nicely if a command is given, then signal, and judge by the port closing.
stop_server() {
  local name=$1 port=$2 grace=$3 pid label
  shift 3
  label=$(printf '%-10s' "$name")
  pid=$(read_pid "$RUN_DIR/$name.pid")
  if ! port_open "$port" || ! pid_alive "$pid"; then
    rm -f "$RUN_DIR/$name.pid"
    say "$label :$port not running"; return 0
  fi
  if (($#)); then "$@" >/dev/null 2>&1 || true; fi
  stop_pid "$pid" "$port" "$grace" || die "$name: port $port still open after stop"
  rm -f "$RUN_DIR/$name.pid"
  say "$label :$port stopped"
}

# Fail early with a clear message instead of letting a server die on "address in use".
require_free_port() {
  local name=$1 port=$2 var=$3
  if port_open "$port"; then
    die "$name: port $port is already in use by a process dev did not start (set $var to another port)"
  fi
}

# log_tail FILE [N]: show the end of a log, indented, for failure messages.
log_tail() {
  [[ -r $1 ]] || return 0
  warn "last lines of $1:"
  tail -n "${2:-30}" "$1" | sed 's/^/    /' >&2
}

# port_var SUFFIX: the environment variable that overrides a port in the current profile.
port_var() { if [[ $PROFILE == up ]]; then printf 'DEV_%s' "$1"; else printf 'TEST_%s' "$1"; fi; }
