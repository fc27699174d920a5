# shellcheck shell=bash
# RabbitMQ run straight from /usr/lib/rabbitmq/bin (the /usr/sbin wrappers switch user and use
# another Erlang cookie). Every server AND cli call gets the same environment from rabbit_env,
# otherwise the CLI cannot find the node or starts a second epmd on the default port 4369.

rabbitmq_port() { printf '%s' "$AMQP_PORT"; }
rabbitmq_pid()  { read_pid "$RUN_DIR/rabbitmq.pid"; }
rabbitmq_beam_pid() { read_pid "$RUN_DIR/rabbitmq-beam.pid"; }
rabbitmq_running() {
  port_open "$AMQP_PORT" && { pid_alive "$(rabbitmq_pid)" || pid_alive "$(rabbitmq_beam_pid)"; }
}

# Fills the array RABBIT_ENV with NAME=value pairs for `env`.
rabbit_env() {
  local base=$DATA_DIR/rabbitmq
  RABBIT_ENV=(
    "HOME=$base/home"
    "RABBITMQ_NODENAME=$RABBIT_NODE@localhost"
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
    "RABBITMQ_NODE_PORT=$AMQP_PORT"
    "RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT"
    "ERL_EPMD_PORT=$EPMD_PORT"
    "ERL_EPMD_ADDRESS=127.0.0.1"
    "RABBITMQ_MNESIA_BASE=$base/mnesia"
    "RABBITMQ_LOG_BASE=$LOG_DIR/rabbitmq"
    "RABBITMQ_CONFIG_FILE=$base/rabbitmq.conf"
    "RABBITMQ_ADVANCED_CONFIG_FILE=$base/advanced.config"
    "RABBITMQ_ENABLED_PLUGINS_FILE=$base/enabled_plugins"
    "RABBITMQ_CONF_ENV_FILE=$base/rabbitmq-env.conf"
    "RABBITMQ_PID_FILE=$RUN_DIR/rabbitmq-beam.pid"
    # Keep Erlang distribution on loopback too (it listens on all interfaces by default).
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  )
}

rabbit_cli() { local tool=$1; shift; rabbit_env; env "${RABBIT_ENV[@]}" "$RABBIT_BIN/$tool" "$@"; }

# Config is rewritten on every start so port overrides take effect; the cookie is kept.
rabbitmq_write_config() {
  local base=$DATA_DIR/rabbitmq
  mkdir -p "$base/home" "$base/mnesia" "$LOG_DIR/rabbitmq"
  if [[ ! -s $base/home/.erlang.cookie ]]; then
    head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$base/home/.erlang.cookie"
  fi
  chmod 400 "$base/home/.erlang.cookie"
  : >"$base/rabbitmq-env.conf"   # empty on purpose: stops /etc/rabbitmq/rabbitmq-env.conf being read
  {
    echo "disk_free_limit.absolute = 50MB"   # the default (50% of RAM) blocks publishers on small disks
    if [[ -n $RABBIT_MGMT_PORT ]]; then
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $RABBIT_MGMT_PORT"
    fi
  } >"$base/rabbitmq.conf"
  if [[ -n $RABBIT_MGMT_PORT ]]; then
    echo "[rabbitmq_management]." >"$base/enabled_plugins"
  else
    echo "[]." >"$base/enabled_plugins"
  fi
}

rabbitmq_start() {
  if rabbitmq_running; then say "rabbitmq   :$AMQP_PORT already running"; return 0; fi
  require_free_port rabbitmq "$AMQP_PORT" "$(port_var AMQP_PORT)"
  require_free_port "rabbitmq distribution" "$RABBIT_DIST_PORT" "$(port_var RABBIT_DIST_PORT)"
  [[ -z $RABBIT_MGMT_PORT ]] || require_free_port "rabbitmq management" "$RABBIT_MGMT_PORT" "$(port_var RABBIT_MGMT_PORT)"
  rabbitmq_write_config
  rm -f "$RUN_DIR/rabbitmq-beam.pid"
  rabbit_env
  nohup env "${RABBIT_ENV[@]}" "$RABBIT_BIN/rabbitmq-server" </dev/null >"$LOG_DIR/rabbitmq.out" 2>&1 &
  echo $! >"$RUN_DIR/rabbitmq.pid"
  # Ready = AMQP port accepting (~5.5 s); `rabbitmq-diagnostics wait --pid-file` does not work here.
  # Up to 180 s: on a shared machine under a solution build (load average 40+) the VM took 108 s.
  if ! wait_until 180 rabbitmq_ready; then
    log_tail "$LOG_DIR/rabbitmq.out"
    log_tail "$LOG_DIR/rabbitmq/$RABBIT_NODE@localhost.log"
    die "rabbitmq: did not become ready on port $AMQP_PORT"
  fi
  say "rabbitmq   :$AMQP_PORT started"
}

rabbitmq_ready() {
  pid_alive "$(rabbitmq_pid)" || return 2   # it died: no point waiting out the timeout
  port_open "$AMQP_PORT" && { [[ -z $RABBIT_MGMT_PORT ]] || port_open "$RABBIT_MGMT_PORT"; }
}

rabbitmq_stop() {
  local pid beam
  pid=$(rabbitmq_pid)
  beam=$(rabbitmq_beam_pid)
  if port_open "$AMQP_PORT" && { pid_alive "$pid" || pid_alive "$beam"; }; then
    rabbit_cli rabbitmqctl stop >"$LOG_DIR/rabbitmq-stop.log" 2>&1 || true
    stop_pid "$pid" "$AMQP_PORT" 20 || true
    stop_pid "$beam" "$AMQP_PORT" 5 || die "rabbitmq: port $AMQP_PORT still open after stop"
    # The VM keeps halting for a moment after its ports close; a start in that window would
    # find the Mnesia directory still locked, so wait for the process itself too.
    if ! wait_until 15 pid_dead "$beam"; then kill -KILL "$beam" 2>/dev/null || true; fi
    say "rabbitmq   :$AMQP_PORT stopped"
  else
    say "rabbitmq   :$AMQP_PORT not running"
  fi
  rm -f "$RUN_DIR/rabbitmq.pid" "$RUN_DIR/rabbitmq-beam.pid"
  epmd_stop
}

# epmd outlives the node; stop the one on this profile's port (never the system's 4369).
epmd_stop() {
  local pid
  port_open "$EPMD_PORT" || return 0
  ERL_EPMD_PORT=$EPMD_PORT ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill >/dev/null 2>&1 || true
  if ! wait_until 5 port_closed "$EPMD_PORT"; then
    pid=$(ss -Hltnp "sport = :$EPMD_PORT" | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
    [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null
    wait_until 5 port_closed "$EPMD_PORT" || warn "epmd: port $EPMD_PORT still open"
  fi
}
