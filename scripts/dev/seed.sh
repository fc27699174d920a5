# shellcheck shell=bash
# ./dev seed: a small data set of the real shapes (power-law follows, varied groups, bursty
# conversations) in the running `./dev up`, through the gateway, with the load tool's seeder.

# The gateway allows 10 registrations or sign-ins a minute per client address, and the seeder makes
# hundreds from one address. So a seeding run restarts the gateway with the limits raised (these
# variables, read by gateway_env); the next `./dev up` starts it with the defaults again. The
# production defaults are never changed.
load_limits_env() {
  if [[ ${DEV_LOAD_LIMITS:-} == 1 ]]; then
    echo "RateLimiting__Strict__PermitLimit=1000000"
    echo "RateLimiting__General__PermitLimit=100000000"
  fi
}

# Restarts the gateway with the raised limits (a no-op when it already runs with them).
gateway_with_load_limits() {
  service_healthy gateway 1 || die "the gateway is not running: start everything with ./dev up first"
  if DEV_LOAD_LIMITS=1 service_launch gateway 1; then
    WAIT_INTERVAL=0.5 wait_until 60 service_ready gateway 1 || { log_tail "$LOG_DIR/gateway.log"; die "gateway did not restart"; }
    say "gateway      :$(instance_port gateway 1) restarted with the rate limits raised for load (./dev up restores them)"
  fi
}

# load_tool ARGS...: the load tool in Release, as `./dev up` built it (rebuilt if sources changed).
load_tool() {
  (cd "$ROOT" && dotnet run -c Release --project load-tests/Tripmate.Load -- "$@")
}

# The load tool built once, then run as a dll: no build's CPU at the start of each measurement.
LOAD_TOOL_DLL=load-tests/Tripmate.Load/bin/Release/net10.0/Tripmate.Load.dll
load_tool_build() { (cd "$ROOT" && dotnet build -c Release load-tests/Tripmate.Load -v q --nologo >"$LOG_DIR/build-load-tool.log" 2>&1) || { log_tail "$LOG_DIR/build-load-tool.log"; return 1; }; }
load_tool_dll() { (cd "$ROOT" && dotnet "$LOAD_TOOL_DLL" "$@"); }

# Goal 6's data sizes (docs/performance.md): messages in one conversation, files of one person,
# users in the graph (10 follows each, power-law), measured small first and then grown. Files stop
# at 10^4 unless GROWTH_FILES says more: s3rver stores about 75 files a second on this machine (three
# objects each), so the goal's 10^5 costs some 20 minutes of seeding, once.
read -ra GROWTH_MESSAGES <<<"${GROWTH_MESSAGES:-1000 10000 100000 1000000}"
read -ra GROWTH_FILES <<<"${GROWTH_FILES:-100 1000 10000}"
: "${GROWTH_GRAPH_SMALL:=10000}" "${GROWTH_GRAPH_LARGE:=100000}"

cmd_seed() {
  local growth=0 args=()
  while (($#)); do
    case $1 in
      --growth) growth=1 ;;
      *) args+=("$1") ;;
    esac
    shift
  done
  load_profile up
  ensure_dirs
  DEV_LOAD_LIMITS=1 gateway_with_load_limits
  load_tool seed --url "$(service_url gateway 1)" --state "$DATA_DIR/seed" "${args[@]}"
  if ((growth)); then
    load_tool_build || die "seed: the load tool did not build"
    seed_growth && seed_growth_graph "$GROWTH_GRAPH_LARGE"
  fi
}

# The growth data of goal 6 up to the small graph: conversations and file owners picked and
# created through the gateway (growth-plan), then each filled through its service's own store code
# (`dotnet SERVICE.dll load-growth ...`, with the service's settings): writing a million messages
# through the API would take hours and measure the seeding. Resumable: what exists is kept.
seed_growth() {
  local state=$DATA_DIR/seed kind size id a b
  load_tool_dll growth-plan --url "$(service_url gateway 1)" --state "$state" \
    --messages "$(IFS=,; echo "${GROWTH_MESSAGES[*]}")" --files "$(IFS=,; echo "${GROWTH_FILES[*]}")" >"$LOG_DIR/growth-plan.log" \
    || { log_tail "$LOG_DIR/growth-plan.log"; return 1; }
  while read -r kind size id a b; do
    case $kind in
      conversation) say "growth: $size messages in conversation $id"
        service_tool messaging load-growth messages --conversation "$id" --members "$a,$b" --count "$size" || return 1 ;;
      files) say "growth: $size files of user $id"
        service_tool files load-growth files --owner "$id" --count "$size" || return 1 ;;
    esac
  done <"$state/growth-plan.txt"
  seed_growth_graph "$GROWTH_GRAPH_SMALL"
}

# seed_growth_graph USERS: grows the social graph to USERS users (10 follows each), the plan's
# readers among them, and records the size for the growth item.
seed_growth_graph() {
  local state=$DATA_DIR/seed
  say "growth: the graph to $1 users"
  service_tool social-graph load-growth graph --users "$1" --follows-per-user 10 --attach "$(<"$state/growth-readers.txt")" || return 1
  load_tool_dll growth-plan --state "$state" --graph-users "$1" >/dev/null
}

# service_tool NAME ARGS...: the service's dll run as a command, with the settings `up` gives its first instance.
service_tool() {
  local name=$1 envs; shift
  mapfile -t envs < <("${SERVICE_ENV[$name]}" "$(instance_port "$name" 1)")
  (cd "$(dirname "$ROOT/${SERVICE_DLL[$name]}")" && env "${envs[@]}" dotnet "$ROOT/${SERVICE_DLL[$name]}" "$@")
}
