# shellcheck shell=bash
# CPU caps for service instances (`./dev up --scale S=N --cpus C`): each capped instance runs in a
# cgroup (v1 `cpu` controller) of its own with a CFS quota of C cores per 100 ms period, so one
# machine can show what N small instances hold (scale-out) without the instances sharing its cores
# freely. The process is moved into the group before it execs, so nothing of it runs uncapped, and
# DOTNET_PROCESSOR_COUNT tells the runtime the cores it has (thread pool and GC heaps sized to it).

CPU_CGROUP_ROOT=${CPU_CGROUP_ROOT:-/sys/fs/cgroup/cpu}
CPU_PERIOD_US=100000

# A group per checkout and profile, so two checkouts' `up`s never share (or remove) each other's caps.
cpu_cap_parent() {
  printf '%s/tripmate-%s-%s' "$CPU_CGROUP_ROOT" "$(printf '%s' "$ROOT" | sha1sum | cut -c1-8)" "${PROFILE:-up}"
}

cpu_cap_supported() { [[ -w $CPU_CGROUP_ROOT/cgroup.procs && -f $CPU_CGROUP_ROOT/cpu.cfs_quota_us ]]; }

# cpu_cap_valid C: a positive decimal of cores, at most the machine's (0.3, 1, 1.5).
cpu_cap_valid() {
  [[ $1 =~ ^([0-9]+)(\.[0-9]{1,3})?$ ]] || return 1
  awk -v c="$1" -v n="$(nproc)" 'BEGIN { exit !(c >= 0.01 && c <= n) }'
}

# cpu_cap_quota_us C: the CFS quota of C cores per period.
cpu_cap_quota_us() { awk -v c="$1" -v p="$CPU_PERIOD_US" 'BEGIN { printf "%d", c * p + 0.5 }'; }

# cpu_cap_processors C: whole cores the runtime is told it has (at least 1).
cpu_cap_processors() { awk -v c="$1" 'BEGIN { n = int(c); if (n < c) n++; if (n < 1) n = 1; print n }'; }

# cpu_cap_group ID C: creates (or re-sets) the group of instance ID with C cores; prints its path.
cpu_cap_group() {
  local id=$1 cpus=$2 parent group
  parent=$(cpu_cap_parent) group=$parent/$id
  mkdir -p "$group" || return 1
  echo "$CPU_PERIOD_US" >"$group/cpu.cfs_period_us" || return 1
  cpu_cap_quota_us "$cpus" >"$group/cpu.cfs_quota_us" || return 1
  printf '%s' "$group"
}

# cpu_cap_exec GROUP COMMAND...: joins GROUP (a path from cpu_cap_group) and becomes COMMAND.
# For a subshell or `bash -c`: everything it starts from here on is in the group too.
cpu_cap_exec() {
  local group=$1; shift
  echo "$BASHPID" >"$group/cgroup.procs" || return 1
  exec "$@"
}

# cpu_cap_remove ID: removes instance ID's group once no process is left in it (rmdir refuses otherwise).
cpu_cap_remove() {
  local group
  group=$(cpu_cap_parent)/$1
  if [[ -d $group ]]; then rmdir "$group" 2>/dev/null || true; fi
  rmdir "$(cpu_cap_parent)" 2>/dev/null || true # other instances may still be capped in it
  return 0
}
