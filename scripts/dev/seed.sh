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

cmd_seed() {
  load_profile up
  ensure_dirs
  DEV_LOAD_LIMITS=1 gateway_with_load_limits
  load_tool seed --url "$(service_url gateway 1)" --state "$DATA_DIR/seed" "$@"
}
