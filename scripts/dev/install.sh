# shellcheck shell=bash
# Installs what each command needs, only when missing, so reruns are silent and instant. `./dev up`
# installs only what it runs (the servers, s3rver); `./dev test`, `./dev perf` and the deploy checks
# add their own tools the first time they need them.

PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_BIN=/usr/lib/rabbitmq/bin
S3_TOOLS=$ROOT/tools/s3
NODE_TOOLS=$ROOT/tools/node

pkg_installed() {
  [[ $(dpkg-query -W -f '${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# Another apt run may hold the dpkg lock (e.g. a provisioning install in the background):
# wait for it instead of failing. `update` only happens when the install cannot find packages.
apt_install() {
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300)
  mkdir -p "$ROOT/.data"
  say "installing with apt: $*"
  if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" install --no-install-recommends "$@" >"$ROOT/.data/apt.log" 2>&1; then
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >>"$ROOT/.data/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install --no-install-recommends "$@" >>"$ROOT/.data/apt.log" 2>&1 ||
      { log_tail "$ROOT/.data/apt.log"; die "apt-get install $* failed"; }
  fi
}

# ensure_apt_packages PACKAGE...: installs those not installed yet, in one apt run.
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do pkg_installed "$pkg" || missing+=("$pkg"); done
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
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

# ensure_npm_tools DIR: `npm ci` in DIR, only when node_modules is missing or the lock file changed
# since the last install (its hash is kept as a stamp inside node_modules): npm ci wipes node_modules.
ensure_npm_tools() {
  local dir=$1 stamp=$1/node_modules/.tripmate-lock.sha256 want
  command -v npm >/dev/null || die "npm not found (Node 20 + npm are expected on this machine)"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [[ -d $dir/node_modules && $(cat "$stamp" 2>/dev/null) == "$want" ]] && return 0
  say "installing node tools (npm ci in ${dir#"$ROOT"/})"
  mkdir -p "$ROOT/.data"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$ROOT/.data/npm.log" 2>&1 ||
    { log_tail "$ROOT/.data/npm.log"; die "npm ci failed in ${dir#"$ROOT"/}"; }
  printf '%s\n' "$want" >"$stamp"
}

# What `./dev up` and `./dev server` run: the four servers.
ensure_installed() {
  command -v dotnet >/dev/null || die "dotnet not found (the .NET 10 SDK is expected on this machine)"
  ensure_apt_packages postgresql redis-server rabbitmq-server curl iproute2
  [[ -x $PG_BIN/postgres ]] || die "PostgreSQL 15 binaries not found in $PG_BIN"
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || die "RabbitMQ scripts not found in $RABBIT_BIN"
  ensure_npm_tools "$S3_TOOLS"
}

# What the selected test projects run besides the servers (the projects' paths are the arguments):
# the Node oracles and linters of tools/node; wrk, the load tool's cross-check; the deploy checks'
# docker-compose (1.29: its `config` validates a compose file with no engine), yamllint, ShellCheck
# and kubectl; the gateway tests' notebook runner (the API tour).
ensure_test_tools() {
  local proj packages=()
  ensure_npm_tools "$NODE_TOOLS"
  for proj in "$@"; do
    case $proj in
      load-tests/*) packages+=(wrk) ;;
      deploy/*) packages+=(docker-compose yamllint shellcheck) ;;
      gateway/*) ensure_notebook_tools ;;
    esac
  done
  ((${#packages[@]} == 0)) || ensure_apt_packages "${packages[@]}"
  if [[ " $* " == *" deploy/"* ]]; then ensure_kubectl; fi
}

# What running a notebook needs: Debian's Jupyter and nbconvert (nbclient, which run_notebook.py
# drives) and the kernel from the tool manifest. Idempotent: silent once installed.
ensure_notebook_tools() {
  ensure_apt_packages jupyter-notebook jupyter-nbconvert
  (cd "$ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore failed (the notebook kernel, dotnet-tools.json)"
}

# What `./dev perf` runs besides `up`: nginx, the comparison proxy of docs/performance.md, and wrk.
ensure_perf_tools() {
  ensure_apt_packages nginx-light wrk
}
