# shellcheck shell=bash
# ./dev notebooks: runs notebooks/api_tests.ipynb and notebooks/data_analysis.ipynb against the
# running `./dev up` (seeding first when there is no seeded data) and writes them back with their
# outputs, so the committed copies show results on GitHub; --open starts Jupyter for a person.
# The kernel is the pinned Microsoft.dotnet-interactive of dotnet-tools.json (kernelspec in
# notebooks/kernels); Jupyter and nbclient come from Debian (see notebooks/README.md).

NOTEBOOKS=(api_tests data_analysis)

# notebook_env: what the notebooks read (every name starts with TRIPMATE_).
notebook_env() {
  export TRIPMATE_GATEWAY_URL TRIPMATE_SEED_STATE TRIPMATE_PERF_DATA TRIPMATE_PERF_WORK
  TRIPMATE_GATEWAY_URL=$(service_url gateway 1)
  TRIPMATE_SEED_STATE=$DATA_DIR/seed
  TRIPMATE_PERF_DATA=$ROOT/docs/performance
  TRIPMATE_PERF_WORK=$DATA_DIR/perf
}

cmd_notebooks() {
  local open=0 name failed=0
  case ${1:-} in
    --open) open=1 ;;
    "") ;;
    *) usage >&2; exit 2 ;;
  esac
  load_profile up
  ensure_dirs
  ensure_notebook_tools
  service_healthy gateway 1 || die "the gateway is not running: start everything with ./dev up first"
  notebook_env
  if ((open)); then
    say "Jupyter with the .NET (C#) kernel on http://$LOCAL_HOST:$NOTEBOOK_PORT/ (Ctrl-C stops it); gateway $TRIPMATE_GATEWAY_URL"
    local as_root=()
    ((EUID != 0)) || as_root=(--allow-root) # these machines run everything as root; Jupyter refuses that unless told
    JUPYTER_PATH=$ROOT/notebooks exec jupyter notebook --no-browser --ip "$LOCAL_HOST" --port "$NOTEBOOK_PORT" \
      --notebook-dir "$ROOT/notebooks" "${as_root[@]}"
  fi
  if [[ ! -f $TRIPMATE_SEED_STATE/seed-journal.json ]]; then
    say "notebooks: no seeded data yet: ./dev seed first"
    cmd_seed
  else
    # The tour signs up and in more often than the default 10 a minute allow one address.
    DEV_LOAD_LIMITS=1 gateway_with_load_limits
  fi
  for name in "${NOTEBOOKS[@]}"; do
    say "notebooks: running $name.ipynb (writes it back with its outputs)"
    /usr/bin/python3 "$ROOT/notebooks/run_notebook.py" "$ROOT/notebooks/$name.ipynb" || failed=1
  done
  ((failed == 0)) || die "notebooks: a notebook failed (its failing cell is named above; its outputs are in the file)"
  say "notebooks: done; review with git diff notebooks/ and commit the outputs"
}
