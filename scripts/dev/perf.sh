# shellcheck shell=bash
# ./dev perf: regenerates docs/performance.md (and docs/performance.html) from one run on this
# machine: `up` with the load rate limits and one instance of each service, the default seed,
# items 1-4, the busiest service scaled to two for item 5, then `up` back to one instance each
# with the default limits.

cmd_perf() {
  local work busiest tool_args
  load_profile up
  ensure_dirs
  ensure_perf_tools
  perf_single_instances
  DEV_LOAD_LIMITS=1 cmd_up || die "perf: ./dev up failed"
  cmd_seed
  work=$DATA_DIR/perf
  rm -rf "$work"
  tool_args=(--url "$(service_url gateway 1)" --identity-url "$(service_url identity 1)" --state "$DATA_DIR/seed" --work "$work")
  load_tool performance --stage measure "${tool_args[@]}" || die "perf: the measurements failed"
  busiest=$(<"$work/busiest.txt")
  say "scaling $busiest to two instances for item 5"
  # In a subshell: --scale is remembered in this shell's SERVICE_SCALE, and the `up` below must not see it.
  (DEV_LOAD_LIMITS=1 cmd_up --no-build --scale "$busiest=2" >/dev/null) || die "perf: could not scale $busiest"
  load_tool performance --stage scaled "${tool_args[@]}" || die "perf: the scaled measurement failed"
  load_tool performance --stage report --work "$work" --doc "$ROOT/docs/performance.md"
  perf_single_instances
  cmd_up --no-build >/dev/null || warn "perf: ./dev up --no-build did not restore every service"
}

# Stops the second and later instances an earlier `up --scale` left running, so the gateway's next
# start routes to one instance of each service.
perf_single_instances() {
  local name n pid
  for name in "${SERVICE_NAMES[@]}"; do
    for n in $(service_instances "$name"); do
      ((n > 1)) || continue
      pid=$(service_pid "$name" "$n")
      if pid_alive "$pid"; then stop_pid "$pid" "$(instance_port "$name" "$n")" 15 || warn "$(instance_id "$name" "$n") did not stop"; fi
      rm -f "$RUN_DIR/$(instance_id "$name" "$n").pid" "$RUN_DIR/$(instance_id "$name" "$n").settings"
    done
  done
}
