# shellcheck shell=bash
# Redis as a cache: no persistence (--save '' --appendonly no), so a restart starts empty.

redis_port() { printf '%s' "$REDIS_PORT"; }
redis_pid()  { read_pid "$RUN_DIR/redis.pid"; }
redis_running() { port_open "$REDIS_PORT" && pid_alive "$(redis_pid)"; }

redis_start() {
  local dir=$DATA_DIR/redis
  if redis_running; then say "redis      :$REDIS_PORT already running"; return 0; fi
  require_free_port redis "$REDIS_PORT" "$(port_var REDIS_PORT)"
  mkdir -p "$dir"
  if ! redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
      --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" --dir "$dir" ||
     ! wait_until 15 redis_running; then
    log_tail "$LOG_DIR/redis.log"
    die "redis: did not start on port $REDIS_PORT"
  fi
  say "redis      :$REDIS_PORT started"
}

redis_stop() {
  stop_server redis "$REDIS_PORT" 10 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave
}
