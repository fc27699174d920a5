# shellcheck shell=bash
# Building the solution, with quiet output unless something fails.

SOLUTION=Tripmate.slnx

# dotnet_build CONFIGURATION: builds the solution, log kept in $LOG_DIR/build-CONFIG.log.
# On failure prints the distinct error lines (or the log's tail if none are recognisable).
dotnet_build() {
  local config=$1 log=$LOG_DIR/build-$1.log errors
  say "building $SOLUTION ($config)"
  if (cd "$ROOT" && dotnet build "$SOLUTION" -c "$config" -v q --nologo) >"$log" 2>&1; then
    return 0
  fi
  errors=$(grep -E '(error|Error) [A-Z]+[0-9]+|: error' "$log" | sed 's/^ *//' | sort -u | head -n 60 || true)
  if [[ -n $errors ]]; then
    printf '%s\n' "$errors"
  else
    tail -n 40 "$log"
  fi
  warn "build failed (full log: $log)"
  return 1
}
