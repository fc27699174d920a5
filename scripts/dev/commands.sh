# shellcheck shell=bash
# The ./dev commands: up, down, status, test, seed, perf, notebooks, server, rotate-signing-key, help.

usage() {
  cat <<'USAGE'
Usage: ./dev COMMAND

  up [--no-build] [--scale SERVICE=N [--cpus C]]...
                      install what is missing, start PostgreSQL, Redis, RabbitMQ and S3,
                      build (Release), start the trace view (traces, metrics and logs in a
                      browser) and every service, and wait for /health/ready;
                      --scale runs N instances of SERVICE on PORT, PORT+10, PORT+20, ...
                      and the gateway balances across all of them; --cpus caps each of
                      those instances at C cores (e.g. 0.3; a cgroup CPU quota, as root)
  down                stop the services and servers started by `up`
  status              what runs where (profile up, and test when running)
  test [PATTERN] [-- ARGS]
                      fresh servers on separate ports, build (Debug), run every test project
                      whose path contains PATTERN, TEST_PARALLEL (2) at a time; ARGS go to
                      `dotnet test`. Installs the tools the selected tests run on first use.
                      Last line: "N passed, N failed"
  seed [--users N --groups N --messages N --follows N --files N --seed N] [--growth]
                      fill the running `up` with a small realistic data set through the
                      gateway (restarts it with raised rate limits; `up` restores them);
                      prints accounts to sign in with. Resumable; a second run adds nothing.
                      --growth adds the data volumes of the performance report's goal 6
                      (conversations of 10^3..10^6 messages, people with 10^2..10^4 files,
                      a graph of 10^5 users), written through each service's own store code
  perf                regenerate docs/performance.md and .html (and docs/performance/*.json,
                      *.svg): up with raised limits, seed, each item in its own process, the
                      growth data, 1/2/3 capped instances of each service, report (~30 min)
  notebooks [--open]  with `up` running (seeding first when there is no seeded data): run
                      notebooks/api_tests.ipynb (the API tour, asserting every step) and
                      notebooks/data_analysis.ipynb (charts of docs/performance/*.json and of
                      the seeded data) and write them back with their outputs; --open starts
                      Jupyter with the .NET (C#) kernel on NOTEBOOK_PORT instead
  server start|stop|status NAME
                      NAME: postgres, redis, rabbitmq, s3; profile from $DEV_PROFILE (default up)
  rotate-signing-key  a new signing key for `up`'s identity: published at once, signing after
                      7 minutes (so every validator knows it first); the old one stays published
                      until its tokens expire. Running instances follow: no restart
  check-launch [SERVICE]...
                      with `up` running: each service in turn started as F5 starts it
                      (dotnet run --project, its launchSettings.json) in place of up's
                      instance, until ready and reachable through the gateway
  help                this text

Ports, addresses and credentials of both profiles: topology.env (each line is the default of
the environment variable it names, e.g. DEV_PG_PORT or GATEWAY_PORT).
Data, logs and pid files: .data/<profile>/{postgres,redis,rabbitmq,s3,logs,run,keys}
USAGE
}

print_urls() {
  local name n
  say ""
  say "Services"
  for name in "${SERVICE_NAMES[@]}"; do
    for n in $(service_instances "$name"); do
      if pid_alive "$(service_pid "$name" "$n")" && service_healthy "$name" "$n"; then
        printf '  %-14s %s\n' "$(instance_id "$name" "$n")" "$(service_url "$name" "$n")"
      else
        printf '  %-14s %s (not running)\n' "$(instance_id "$name" "$n")" "$(service_url "$name" "$n")"
      fi
    done
  done
  say "Trace view (traces, metrics and logs of every service)"
  if traces_running; then printf '  %-14s %s\n' "dashboard" "$(traces_url)"; else printf '  %-14s %s (not running)\n' "dashboard" "$(traces_url)"; fi
  say "Servers"
  printf '  %-14s %s\n' "PostgreSQL" "$(pg_connection)"
  printf '  %-14s %s\n' "Redis" "$(redis_address)"
  printf '  %-14s %s\n' "RabbitMQ" "$(rabbit_url)"
  printf '  %-14s %s\n' "RabbitMQ UI" "http://$LOCAL_HOST:$RABBIT_MGMT_PORT/ ($LOCAL_RABBIT_USER/$LOCAL_RABBIT_PASSWORD)"
  printf '  %-14s %s\n' "S3" "$(s3_url) (bucket $S3_BUCKET, key $LOCAL_S3_ACCESS_KEY / secret $LOCAL_S3_SECRET_KEY)"
  say "Logs: $LOG_DIR"
}

# set_scale SERVICE=N: how many instances of a declared service `up` starts (1..9).
set_scale() {
  local name=${1%%=*} count=${1#*=}
  [[ -n ${SERVICE_PORT[$name]:-} ]] || die "--scale: unknown service '$name' (one of: ${SERVICE_NAMES[*]})"
  [[ $count =~ ^[1-9]$ ]] || die "--scale $1: N must be 1 to 9"
  # shellcheck disable=SC2034,SC2004  # an associative array declared in launch.sh
  SERVICE_SCALE[$name]=$count
  LAST_SCALED=$name
}

# set_cpus C: caps every instance of the service named by the --scale before it at C cores.
set_cpus() {
  [[ -n ${LAST_SCALED:-} ]] || die "--cpus $1: name the service first with --scale SERVICE=N"
  cpu_cap_valid "$1" || die "--cpus $1: C must be a number of cores from 0.01 to $(nproc), e.g. 0.3"
  cpu_cap_supported || die "--cpus: no writable cgroup cpu controller at $CPU_CGROUP_ROOT (it needs root and cgroup v1)"
  # shellcheck disable=SC2034,SC2004  # an associative array declared in launch.sh
  SERVICE_CPUS[$LAST_SCALED]=$1
}

cmd_up() {
  local build=1 rc=0
  while (($#)); do
    case $1 in
      --no-build) build=0 ;;
      --scale) (($# >= 2)) || die "--scale needs SERVICE=N"; set_scale "$2"; shift ;;
      --scale=*) set_scale "${1#--scale=}" ;;
      --cpus) (($# >= 2)) || die "--cpus needs a number of cores"; set_cpus "$2"; shift ;;
      --cpus=*) set_cpus "${1#--cpus=}" ;;
      *) usage >&2; exit 2 ;;
    esac
    shift
  done
  load_profile up
  ensure_dirs
  ensure_installed
  servers_start_all
  # The trace view's first install downloads while the solution builds.
  (traces_executable >/dev/null) &
  local traces_install=$!
  if ((build)) && ! dotnet_build Release; then
    warn "services not started: the build failed (servers are running; ./dev down stops them)"
    wait "$traces_install" || true
    print_urls
    return 1
  fi
  wait "$traces_install" || true
  # Before the services, so their first traces are seen.
  traces_start
  services_start_all || rc=1
  print_urls
  return "$rc"
}

cmd_down() {
  load_profile up
  ensure_dirs
  services_stop_all
  traces_stop
  servers_stop_all
}

status_profile() {
  local name s
  say "profile $PROFILE"
  printf '  %-12s %-7s %-8s %s\n' NAME PORT PID STATE
  local n
  [[ $PROFILE != up ]] || for name in "${SERVICE_NAMES[@]}"; do
    for n in $(service_instances "$name"); do service_status_row "$name" "$n"; done
  done
  for s in "${SERVERS[@]}"; do server_status_row "$s" || true; done
  [[ $PROFILE != up ]] || printf '  %-12s %-7s %-8s %s\n' traces "$DEV_TRACES_PORT" "$(traces_pid)" "$(traces_running && echo up || echo down)"
  [[ -z $RABBIT_MGMT_PORT ]] || printf '  %-12s %-7s %-8s %s\n' "rabbitmq-ui" "$RABBIT_MGMT_PORT" - \
    "$(port_open "$RABBIT_MGMT_PORT" && echo up || echo down)"
}

# The same command production runs as a job (dotnet Tripmate.Identity.dll rotate-signing-key).
cmd_rotate_signing_key() {
  load_profile up
  ensure_dirs
  local dll=$ROOT/services/identity/Identity/bin/Release/net10.0/Tripmate.Identity.dll
  [[ -f $dll ]] || dotnet build "$ROOT/services/identity/Identity" -c Release --nologo -v quiet >/dev/null
  # Running identity instances pick the new key up from the directory: no restart, and ./dev up
  # afterwards has nothing to do for it.
  Identity__SigningKeysDirectory=$KEYS_DIR/signing dotnet "$dll" rotate-signing-key
}

cmd_status() {
  load_profile up
  status_profile
  load_profile test
  if servers_any_running; then say ""; status_profile; fi
}

main() {
  local cmd=${1:-help}
  (($#)) && shift
  case $cmd in
    up)     cmd_up "$@" ;;
    down)   cmd_down ;;
    status) cmd_status ;;
    test)   cmd_test "$@" ;;
    seed)   cmd_seed "$@" ;;
    perf)   cmd_perf ;;
    notebooks) cmd_notebooks "$@" ;;
    server) cmd_server "$@" ;;
    rotate-signing-key) cmd_rotate_signing_key ;;
    check-launch) cmd_check_launch "$@" ;;
    help|-h|--help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}
