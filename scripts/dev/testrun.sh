# shellcheck shell=bash
# ./dev test: fresh servers on the test profile, one Debug build, the test projects two at a time.
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
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
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

# Private servers (shared/Testing's PrivateServers) a killed test host left running: each directory
# under .data/private has the environment its servers were started with.
stop_private_servers() {
  local dir
  for dir in "$ROOT"/.data/private/*/; do
    [[ -f $dir/servers.env ]] || continue
    (
      set -a
      # shellcheck source=/dev/null
      source "$dir/servers.env"
      set +a
      load_profile test
      servers_stop_all
    ) >/dev/null 2>&1 || warn "could not stop the private servers in $dir"
    rm -rf "$dir"
  done
}

# What keeps one test project's traffic apart from another's running at the same time, beyond its
# database per test class: a RabbitMQ virtual host (exchanges are per vhost, so no project's
# consumers see another's events), a Redis database and an S3 bucket. Made once, after the servers start.
project_vhost() { printf '%s' "$1"; }
project_bucket() { printf '%s' "$1" | tr 'A-Z.' 'a-z-'; }

create_project_spaces() {
  local defs=$DATA_DIR/project-vhosts.json name first=1
  {
    printf '{"vhosts":['
    for name in "$@"; do ((first)) || printf ','; first=0; printf '{"name":"%s"}' "$(project_vhost "$name")"; done
    printf '],"permissions":['
    first=1
    for name in "$@"; do
      ((first)) || printf ','; first=0
      printf '{"user":"%s","vhost":"%s","configure":".*","write":".*","read":".*"}' "$LOCAL_RABBIT_USER" "$(project_vhost "$name")"
    done
    printf ']}'
  } >"$defs"
  rabbit_cli rabbitmqctl import_definitions "$defs" >"$LOG_DIR/vhosts.log" 2>&1 || { cat "$LOG_DIR/vhosts.log"; return 1; }
  for name in "$@"; do
    # s3rver takes unsigned requests: a PUT on the bucket's path makes it.
    curl -sf -X PUT "$(s3_url)/$(project_bucket "$name")" -o /dev/null || { warn "could not create the bucket of $name"; return 1; }
  done
}

# run_project PROJECT INDEX: one test project, its output to $results/NAME.log, its exit code to NAME.rc.
run_project() {
  local proj=$1 index=$2 name rc=0
  name=$(basename "$proj" .csproj)
  (
    export TRIPMATE_TEST_RABBITMQ; TRIPMATE_TEST_RABBITMQ=$(rabbit_url "$(project_vhost "$name")")
    export TRIPMATE_TEST_REDIS; TRIPMATE_TEST_REDIS="$(redis_address),defaultDatabase=$((index % 16))"
    export TRIPMATE_TEST_S3_BUCKET; TRIPMATE_TEST_S3_BUCKET=$(project_bucket "$name")
    cd "$ROOT" && exec dotnet test "$proj" --no-build --nologo --logger "trx;LogFileName=$name.trx" \
      --results-directory "$RESULTS" "${EXTRA_ARGS[@]}"
  ) >"$RESULTS/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$RESULTS/$name.rc"
}

# The projects, slowest first by the last run's times (.data/test-times), so two at a time finish together.
order_by_last_times() {
  local times=$ROOT/.data/test-times proj name
  for proj in "$@"; do
    name=$(basename "$proj" .csproj)
    printf '%s %s\n' "$(awk -v n="$name" '$1 == n {print $2}' "$times" 2>/dev/null | tail -n1 | grep . || echo 0)" "$proj"
  done | sort -k1,1nr -s | cut -d' ' -f2-
}

# summarize_project PROJECT SECONDS: adds a finished project's counts to the totals and prints its line.
summarize_project() {
  local proj=$1 took=$2 name trx rc p f s
  name=$(basename "$proj" .csproj)
  trx=$RESULTS/$name.trx rc=$(<"$RESULTS/$name.rc")
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
  ((f == 0)) || { say "--- $name ($proj) output:"; cat "$RESULTS/$name.log"; }
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
  SUMMARIES+=("$(printf '%-4s %-40s %4d passed, %d failed, %d skipped (%d s)%s' \
    "$( ((f == 0)) && echo ok || echo FAIL)" "$name" "$p" "$f" "$s" "$took" \
    "$([[ -f $trx ]] || echo ", no trx: dotnet test exited $rc")")")
  say "${SUMMARIES[-1]}"
  printf '%s %s\n' "$name" "$took" >>"$ROOT/.data/test-times.new"
}

cmd_test() {
  local pattern="" projects=() proj name i running=0 parallel=${TEST_PARALLEL:-2}
  declare -A began=() pid_project=()
  EXTRA_ARGS=() PASSED=0 FAILED=0 SKIPPED=0 SUMMARIES=()
  if [[ $# -gt 0 && $1 != -- ]]; then pattern=$1; shift; fi
  if [[ $# -gt 0 && $1 == -- ]]; then shift; EXTRA_ARGS=("$@"); elif [[ $# -gt 0 ]]; then usage >&2; exit 2; fi
  [[ $parallel =~ ^[1-9]$ ]] || die "TEST_PARALLEL must be 1 to 9"

  load_profile test
  mapfile -t projects < <(find_test_projects "$pattern")
  if ((${#projects[@]} == 0)); then
    if [[ -n $pattern ]]; then say "no test projects matching \"$pattern\""; else say "no test projects"; fi
    say "0 passed, 0 failed"
    return 0
  fi

  ensure_installed
  ensure_test_tools "${projects[@]}"
  trap test_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  test_lock

  # Fresh servers every run: stop leftovers of an interrupted run, then wipe their data.
  if [[ -d $DATA_DIR ]]; then servers_stop_all >/dev/null 2>&1 || true; fi
  stop_private_servers
  rm -rf "$DATA_DIR"
  ensure_dirs
  TEST_SERVERS_UP=1
  RESULTS=$DATA_DIR/results
  mkdir -p "$RESULTS"

  # Servers boot (RabbitMQ takes ~6 s) while the solution builds.
  local names=()
  for proj in "${projects[@]}"; do names+=("$(basename "$proj" .csproj)"); done
  { servers_start_all && create_project_spaces "${names[@]}"; } >"$LOG_DIR/servers-start.log" 2>&1 &
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

  export TRIPMATE_TEST_POSTGRES; TRIPMATE_TEST_POSTGRES=$(pg_connection)
  export TRIPMATE_TEST_S3; TRIPMATE_TEST_S3=$(s3_url)
  export TRIPMATE_NODE_TOOLS=$NODE_TOOLS
  export TRIPMATE_DEV=$ROOT/dev
  export DEV_PROFILE=test

  # Up to TEST_PARALLEL projects at a time (default 2, one per core): each has its own vhost,
  # Redis database and bucket, and tests that stop a server stop private ones (PrivateServers).
  for proj in "${projects[@]}"; do
    grep -qF "\"$proj\"" "$ROOT/$SOLUTION" || warn "$proj is not in $SOLUTION, so it was not built"
  done
  rm -f "$ROOT/.data/test-times.new"
  mapfile -t projects < <(order_by_last_times "${projects[@]}")
  i=0
  for proj in "${projects[@]}"; do
    while ((running >= parallel)); do
      wait -n || true
      running=0
      for name in "${!pid_project[@]}"; do
        if pid_alive "$name"; then
          running=$((running + 1))
        else
          summarize_project "${pid_project[$name]}" $((SECONDS - ${began[$name]}))
          unset "pid_project[$name]"
        fi
      done
    done
    say "=== $(basename "$proj" .csproj) started"
    run_project "$proj" "$i" &
    pid_project[$!]=$proj began[$!]=$SECONDS
    i=$((i + 1)) running=$((running + 1))
  done
  for name in "${!pid_project[@]}"; do
    wait "$name" || true
    summarize_project "${pid_project[$name]}" $((SECONDS - ${began[$name]}))
  done
  stop_orphaned_test_services
  stop_private_servers
  [[ -n $pattern ]] || mv -f "$ROOT/.data/test-times.new" "$ROOT/.data/test-times"

  test_cleanup
  say ""
  printf '%s\n' "${SUMMARIES[@]}"
  ((SKIPPED == 0)) || say "$SKIPPED skipped"
  say "$PASSED passed, $FAILED failed"
  ((FAILED == 0))
}
