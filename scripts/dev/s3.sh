# shellcheck shell=bash
# S3-compatible server: s3rver from tools/s3 (credentials S3RVER / S3RVER).
# Note for clients: AWSSDK.S3 needs ForcePathStyle and UseChunkEncoding=false against s3rver.

s3_port() { printf '%s' "$S3_PORT"; }
s3_pid()  { read_pid "$RUN_DIR/s3.pid"; }
s3_running() { port_open "$S3_PORT" && pid_alive "$(s3_pid)"; }

s3_ready() {
  pid_alive "$(s3_pid)" || return 2
  port_open "$S3_PORT"
}

s3_start() {
  local dir=$DATA_DIR/s3
  if s3_running; then say "s3         :$S3_PORT already running"; return 0; fi
  require_free_port s3 "$S3_PORT" "$(port_var S3_PORT)"
  mkdir -p "$dir"
  # --configure-bucket is idempotent: an existing bucket and its objects are kept.
  # It takes optional config files after the name, so it stays the last option.
  nohup "$S3_TOOLS/node_modules/.bin/s3rver" -d "$dir" -a 127.0.0.1 -p "$S3_PORT" \
    --configure-bucket "$S3_BUCKET" </dev/null >"$LOG_DIR/s3.log" 2>&1 &
  echo $! >"$RUN_DIR/s3.pid"
  if ! wait_until 30 s3_ready; then
    log_tail "$LOG_DIR/s3.log"
    die "s3: did not start on port $S3_PORT"
  fi
  say "s3         :$S3_PORT started"
}

s3_stop() {
  stop_server s3 "$S3_PORT" 10
}
