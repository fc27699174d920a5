# shellcheck shell=bash
# ./dev perf: regenerates docs/performance.md (and docs/performance.html) from one run on this
# machine: `up` with the load rate limits, the default seed, items 1-4 with one instance of each
# service, the busiest service scaled to two for item 5, then `up` back as it was.

cmd_perf() {
  local work busiest tool_args
  load_profile up
  ensure_dirs
  DEV_LOAD_LIMITS=1 cmd_up || die "perf: ./dev up failed"
  cmd_seed
  work=$DATA_DIR/perf
  rm -rf "$work"
  tool_args=(--url "$(service_url gateway 1)" --identity-url "$(service_url identity 1)" --state "$DATA_DIR/seed" --work "$work")
  load_tool performance --stage measure "${tool_args[@]}" || die "perf: the measurements failed"
  busiest=$(<"$work/busiest.txt")
  say "scaling $busiest to two instances for item 5"
  DEV_LOAD_LIMITS=1 cmd_up --no-build --scale "$busiest=2" >/dev/null || die "perf: could not scale $busiest"
  load_tool performance --stage scaled "${tool_args[@]}" || die "perf: the scaled measurement failed"
  load_tool performance --stage report --work "$work" --doc "$ROOT/docs/performance.md"
  perf_restore "$busiest"
}

# Stops the second instance and restarts the gateway with its usual destinations and limits.
perf_restore() {
  local name=$1 pid
  pid=$(service_pid "$name" 2)
  if pid_alive "$pid"; then stop_pid "$pid" "$(instance_port "$name" 2)" 15 || warn "$name-2 did not stop"; fi
  rm -f "$RUN_DIR/$(instance_id "$name" 2).pid" "$RUN_DIR/$(instance_id "$name" 2).settings"
  cmd_up --no-build >/dev/null || warn "perf: ./dev up --no-build did not restore every service"
}
