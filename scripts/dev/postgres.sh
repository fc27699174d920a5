# shellcheck shell=bash
# PostgreSQL 15 from the Debian binaries, with a data directory the project owns.

postgres_data() { printf '%s' "$DATA_DIR/postgres"; }
postgres_port() { printf '%s' "$PG_PORT"; }
postgres_pid()  { read_pid "$(postgres_data)/postmaster.pid"; }
postgres_running() { port_open "$PG_PORT" && pid_alive "$(postgres_pid)"; }

# pg_ctl and postgres refuse to run as root, so everything runs as the `postgres` user,
# which must own the data dir, the socket dir and the log file.
pg_as_postgres() { runuser -u postgres -- "$@"; }

postgres_init_if_needed() {
  local data pwfile
  data=$(postgres_data)
  [[ -f $data/PG_VERSION ]] && return 0
  mkdir -p "$data"
  chown postgres: "$data"
  chmod 700 "$data"
  # --pwfile must be a real file readable by postgres (process substitution does not survive
  # runuser); it lives only for the duration of initdb.
  pwfile=$(mktemp)
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  chown postgres: "$pwfile"
  if ! pg_as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
      >"$LOG_DIR/postgres-initdb.log" 2>&1; then
    rm -f "$pwfile"
    log_tail "$LOG_DIR/postgres-initdb.log"
    die "postgres: initdb failed"
  fi
  rm -f "$pwfile"
}

postgres_start() {
  local data sock log opts
  if postgres_running; then say "postgres   :$PG_PORT already running"; return 0; fi
  require_free_port postgres "$PG_PORT" "$(port_var PG_PORT)"
  data=$(postgres_data)
  sock=$RUN_DIR/pg-socket
  log=$LOG_DIR/postgres.log
  postgres_init_if_needed
  mkdir -p "$sock"; chown postgres: "$sock"
  touch "$log"; chown postgres: "$log"
  # A postmaster killed with SIGKILL leaves its lock file behind, and postgres takes the stale
  # pid for a live server when that pid is a zombie; the port is closed, so it is safe to drop.
  [[ -f $data/postmaster.pid ]] && ! pid_alive "$(postgres_pid)" && rm -f "$data/postmaster.pid"
  opts="-p $PG_PORT -c listen_addresses=127.0.0.1 -k '$sock'"
  if [[ $PROFILE == test ]]; then
    # Durability is worthless for throw-away test data and costs seconds per run.
    # Tests open many pools (one per test host), hence the higher connection limit.
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  fi
  if ! pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$log" -o "$opts" -w -t 60 start >/dev/null 2>&1 ||
     ! wait_until 30 "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    log_tail "$log"
    die "postgres: did not become ready on port $PG_PORT"
  fi
  # Re-apply the password on every start so a changed DEV_PG_PASSWORD takes effect on an
  # existing data dir (local socket connections are trusted, so this needs no password).
  "$PG_BIN/psql" -h "$sock" -p "$PG_PORT" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 \
    -c "ALTER ROLE postgres PASSWORD '${PG_PASSWORD//\'/\'\'}'" >/dev/null
  postgres_pid >"$RUN_DIR/postgres.pid"
  say "postgres   :$PG_PORT started"
}

postgres_stop() {
  # "fast" mode disconnects clients instead of waiting for them (services may still be connected).
  stop_server postgres "$PG_PORT" 10 pg_as_postgres "$PG_BIN/pg_ctl" -D "$(postgres_data)" -m fast -w -t 30 stop
}
