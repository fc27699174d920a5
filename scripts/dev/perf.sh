# shellcheck shell=bash
# ./dev perf: regenerates docs/performance.md (with docs/performance.html and the raw results and
# charts in docs/performance/) from one run on this machine, unattended: `up` with the load rate
# limits and one instance of each service, the default seed, each item of the report in a process
# of its own (the load tool waits until the machine is quiet before each), the growth data and its
# item, then 1, 2 and 3 instances capped at PERF_CPUS cores of each service (goal 5), the report,
# and `up` back to one uncapped instance each with the default limits.

PERF_ITEMS=(idle write-cost propagation proxy cache mixed)
PERF_SCALED=(gateway identity files messaging social-graph)
: "${PERF_CPUS:=0.3}"

cmd_perf() {
  local work service n started=$SECONDS
  load_profile up
  ensure_dirs
  ensure_perf_tools
  perf_single_instances
  DEV_LOAD_LIMITS=1 cmd_up || die "perf: ./dev up failed"
  cmd_seed
  work=$DATA_DIR/perf
  rm -rf "$work"
  load_tool_build || die "perf: the load tool did not build"
  for item in "${PERF_ITEMS[@]}"; do
    say "perf: $item ($(perf_elapsed "$started"))"
    perf_item --work "$work" --item "$item" || die "perf: item $item failed"
  done

  say "perf: growth data ($(perf_elapsed "$started"))"
  seed_growth || die "perf: seeding the growth data failed"
  perf_item --work "$work" --item growth || die "perf: item growth failed"
  seed_growth_graph "$GROWTH_GRAPH_LARGE" || die "perf: growing the graph failed"
  perf_item --work "$work" --item growth --measures suggestions || die "perf: item growth (suggestions) failed"

  for service in "${PERF_SCALED[@]}"; do
    for n in 1 2 3; do
      say "perf: $service x$n capped at $PERF_CPUS core each ($(perf_elapsed "$started"))"
      perf_single_instances
      # In a subshell: --scale and --cpus are remembered in this shell, and the next `up` must not see them.
      (DEV_LOAD_LIMITS=1 cmd_up --no-build --scale "$service=$n" --cpus "$PERF_CPUS" >/dev/null) || die "perf: could not start $service x$n"
      perf_item --work "$work" --item scale --service "$service" --instances "$n" --cpus "$PERF_CPUS" \
        --entries "$(perf_entries "$service" "$n")" || die "perf: scale $service x$n failed"
    done
  done

  perf_single_instances
  load_tool_dll performance --report --work "$work" --doc "$ROOT/docs/performance.md" --data "$ROOT/docs/performance"
  cmd_up --no-build >/dev/null || warn "perf: ./dev up --no-build did not restore every service"
  say "perf: done in $(perf_elapsed "$started")"
}

# perf_entries SERVICE N: the gateway URLs clients use: every instance when the gateway is the one scaled.
perf_entries() {
  local k urls=()
  if [[ $1 == gateway ]]; then
    for ((k = 1; k <= $2; k++)); do urls+=("$(service_url gateway "$k")"); done
  else
    urls=("$(service_url gateway 1)")
  fi
  (IFS=,; printf '%s' "${urls[*]}")
}

perf_elapsed() { printf '%d min %d s' $(((SECONDS - $1) / 60)) $(((SECONDS - $1) % 60)); }

# perf_item ARGS...: one item of the report, in a load-tool process of its own.
perf_item() {
  load_tool_dll performance --url "$(service_url gateway 1)" --identity-url "$(service_url identity 1)" \
    --state "$DATA_DIR/seed" --data "$ROOT/docs/performance" "$@"
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
      cpu_cap_remove "$(instance_id "$name" "$n")"
    done
  done
}
