# shellcheck shell=bash
# Installs what the servers need, only when missing, so reruns are silent and instant.

PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_BIN=/usr/lib/rabbitmq/bin
NODE_TOOLS=$ROOT/tools/node

pkg_installed() {
  [[ $(dpkg-query -W -f '${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# Another apt run may hold the dpkg lock (e.g. a provisioning install in the background):
# wait for it instead of failing. `update` only happens when the install cannot find packages.
apt_install() {
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300)
  say "installing with apt: $*"
  if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" install --no-install-recommends "$@" >"$ROOT/.data/apt.log" 2>&1; then
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >>"$ROOT/.data/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install --no-install-recommends "$@" >>"$ROOT/.data/apt.log" 2>&1 ||
      { log_tail "$ROOT/.data/apt.log"; die "apt-get install $* failed"; }
  fi
}

ensure_apt_packages() {
  local missing=() pkg
  # wrk: the load tool's tests check its numbers against it; nginx: the comparison proxy of docs/performance.md.
  # The deploy tests (deploy/Tripmate.Deploy.Tests) run docker-compose (1.29: its `config`
  # validates a compose file with no engine), yamllint and ShellCheck as processes.
  for pkg in postgresql redis-server rabbitmq-server curl iproute2 wrk nginx-light docker-compose yamllint shellcheck; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) || { mkdir -p "$ROOT/.data"; apt_install "${missing[@]}"; }
  [[ -x $PG_BIN/postgres ]] || die "PostgreSQL 15 binaries not found in $PG_BIN"
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || die "RabbitMQ scripts not found in $RABBIT_BIN"
  ensure_kubectl
}

# kubectl (for `kubectl kustomize`, offline) is not in Debian's own archive: the project's machine
# image ships it (package kubectl, from the Google Cloud SDK). Install it from apt when a configured
# source offers it; otherwise say so (only the deploy tests need it, and they fail naming it).
ensure_kubectl() {
  command -v kubectl >/dev/null && return 0
  if [[ $(apt-cache policy kubectl 2>/dev/null | awk '/Candidate:/ {print $2}') =~ ^[0-9] ]]; then
    apt_install kubectl
  else
    warn "kubectl not found and no apt source offers it: add the Kubernetes project's apt repository and rerun"
  fi
}

# npm ci is slow-ish and wipes node_modules: run it only when node_modules is missing or the
# lock file changed since the last install (its hash is kept as a stamp inside node_modules).
ensure_node_tools() {
  local stamp=$NODE_TOOLS/node_modules/.tripmate-lock.sha256 want
  command -v npm >/dev/null || die "npm not found (Node 20 + npm are expected on this machine)"
  want=$(sha256sum "$NODE_TOOLS/package-lock.json" | cut -d' ' -f1)
  if [[ -d $NODE_TOOLS/node_modules && -x $NODE_TOOLS/node_modules/.bin/s3rver && $(cat "$stamp" 2>/dev/null) == "$want" ]]; then
    return 0
  fi
  say "installing node tools (npm ci in tools/node)"
  mkdir -p "$ROOT/.data"
  (cd "$NODE_TOOLS" && npm ci --no-audit --no-fund --loglevel=error) >"$ROOT/.data/npm.log" 2>&1 ||
    { log_tail "$ROOT/.data/npm.log"; die "npm ci failed in tools/node"; }
  printf '%s\n' "$want" >"$stamp"
}

ensure_installed() {
  command -v dotnet >/dev/null || die "dotnet not found (the .NET 10 SDK is expected on this machine)"
  ensure_apt_packages
  ensure_node_tools
}
