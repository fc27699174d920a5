# shellcheck shell=bash
# ./dev test: fresh servers on the test profile, one Debug build, every test project in turn.
# The last line of output is always "N passed, N failed".

TEST_SERVERS_UP=0 TEST_LOCKED=0

# Test projects under the repo (build output, node tools and data excluded), as relative paths.
find_test_projects() {
  local pattern=$1 rel
  while IFS= read -r rel; do
    rel=${rel#"$ROOT"/}
    [[ -z $pattern || $rel == *"$pattern"* ]] && printf '%s\n' "$rel"
  done < <(find "$ROOT" \( -name bin -o -name obj -o -name node_modules -o -name .data -o -name .git \) -prune \
             -o -name '*.Tests.csproj' -type f -print | sort)
}

# Two `./dev test` runs in one checkout would wipe each other's servers: the second waits.
# The lock is a pid file created atomically (noclobber); a dead owner's lock is taken over.
# (Not flock: its descriptor would be inherited by the servers and never released.)
test_lock() {
  local lock=$ROOT/.data/test.lock owner told=0
  mkdir -p "$ROOT/.data"
  until (set -C; echo "$$" >"$lock") 2>/dev/null; do
    owner=$(read_pid "$lock")
    if ! pid_alive "$owner"; then rm -f "$lock"; continue; fi
    ((told)) || { say "waiting for another ./dev test (pid $owner) to finish"; told=1; }
    sleep 1
  done
  TEST_LOCKED=1
}

# Stop the test servers whatever happens (failure, Ctrl-C); quiet, so the summary stays last.
test_cleanup() {
  if ((TEST_SERVERS_UP)); then
    TEST_SERVERS_UP=0
    servers_stop_all >>"$LOG_DIR/servers-stop.log" 2>&1 || warn "could not stop every test server (see $LOG_DIR/servers-stop.log)"
  fi
  if ((TEST_LOCKED)); then TEST_LOCKED=0; rm -f "$ROOT/.data/test.lock"; fi
}

# Services a test project started as processes (shared/Testing's ServiceProcess) and left behind:
# the test host kills them on its way out, but a host that is itself killed (as the test runner
# may do once the tests are done) leaves them to init. They are this checkout's Debug builds of a
# service with parent 1; `./dev up`'s services are Release builds and stay.
stop_orphaned_test_services() {
  local pid cmd
  for pid in $(ps -eo pid=,ppid= | awk '$2 == 1 {print $1}'); do
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    [[ $cmd == *" $ROOT/"*"/bin/Debug/"*"/Tripmate."*".dll"* ]] || continue
    warn "stopping a service process the tests left running: $cmd(pid $pid)"
    kill "$pid" 2>/dev/null || true
  done
}

# trx_count FILE ATTR: a number from the trx's <Counters .../> element (0 if absent).
trx_count() {
  local n
  n=$(grep -o '<Counters [^>]*' "$1" | head -n1 | grep -o " $2=\"[0-9]*\"" | tr -dc 0-9 || true)
  printf '%s' "${n:-0}"
}

cmd_test() {
  local pattern="" extra=() projects=() proj name trx rc t0
  local passed=0 failed=0 skipped=0 p f s summaries=()
  if [[ $# -gt 0 && $1 != -- ]]; then pattern=$1; shift; fi
  if [[ $# -gt 0 && $1 == -- ]]; then shift; extra=("$@"); elif [[ $# -gt 0 ]]; then usage >&2; exit 2; fi

  load_profile test
  mapfile -t projects < <(find_test_projects "$pattern")
  if ((${#projects[@]} == 0)); then
    if [[ -n $pattern ]]; then say "no test projects matching \"$pattern\""; else say "no test projects"; fi
    say "0 passed, 0 failed"
    return 0
  fi

  ensure_installed
  trap test_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  test_lock

  # Fresh servers every run: stop leftovers of an interrupted run, then wipe their data.
  if [[ -d $DATA_DIR ]]; then servers_stop_all >/dev/null 2>&1 || true; fi
  rm -rf "$DATA_DIR"
  ensure_dirs
  TEST_SERVERS_UP=1

  # Servers boot (RabbitMQ takes ~6 s) while the solution builds.
  servers_start_all >"$LOG_DIR/servers-start.log" 2>&1 &
  local servers_job=$!
  local build_ok=1 servers_ok=1
  dotnet_build Debug || build_ok=0
  wait "$servers_job" || servers_ok=0
  if ((!servers_ok)); then
    cat "$LOG_DIR/servers-start.log"
    warn "test servers did not start"
  fi
  if ((!build_ok || !servers_ok)); then
    test_cleanup
    say "0 passed, 1 failed"
    exit 1
  fi

  export TRIPMATE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD"
  export TRIPMATE_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
  export TRIPMATE_TEST_REDIS="127.0.0.1:$REDIS_PORT"
  export TRIPMATE_TEST_S3="http://127.0.0.1:$S3_PORT"
  export TRIPMATE_NODE_TOOLS=$NODE_TOOLS
  export TRIPMATE_DEV=$ROOT/dev
  export DEV_PROFILE=test   # so "$TRIPMATE_DEV" server stop|start NAME acts on these servers

  local results=$DATA_DIR/results
  # One project at a time: some tests stop and restart the shared servers.
  for proj in "${projects[@]}"; do
    name=$(basename "$proj" .csproj)
    trx=$results/$name.trx
    rm -f "$trx"
    grep -qF "\"$proj\"" "$ROOT/$SOLUTION" || warn "$proj is not in $SOLUTION, so it was not built"
    say ""
    say "=== $name ($proj)"
    t0=$SECONDS rc=0
    (cd "$ROOT" && dotnet test "$proj" --no-build --nologo --logger "trx;LogFileName=$name.trx" \
      --results-directory "$results" "${extra[@]}") || rc=$?
    stop_orphaned_test_services
    if [[ -f $trx ]]; then
      p=$(trx_count "$trx" passed)
      f=$(( $(trx_count "$trx" failed) + $(trx_count "$trx" error) + $(trx_count "$trx" timeout) + $(trx_count "$trx" aborted) ))
      # VSTest's trx counts skipped tests only as "total - executed".
      s=$(( $(trx_count "$trx" total) - $(trx_count "$trx" executed) ))
      ((s >= 0)) || s=0
      # A crash after the trx was written (or a runner error) must not pass silently.
      if ((rc != 0 && f == 0)); then f=1; fi
    else
      p=0 f=1 s=0
    fi
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    summaries+=("$(printf '%-4s %-40s %4d passed, %d failed, %d skipped (%d s)%s' \
      "$( ((f == 0)) && echo ok || echo FAIL)" "$name" "$p" "$f" "$s" "$((SECONDS - t0))" \
      "$([[ -f $trx ]] || echo ", no trx: dotnet test exited $rc")")")
    say "${summaries[-1]}"
  done

  test_cleanup
  say ""
  printf '%s\n' "${summaries[@]}"
  ((skipped == 0)) || say "$skipped skipped"
  say "$passed passed, $failed failed"
  ((failed == 0))
}
