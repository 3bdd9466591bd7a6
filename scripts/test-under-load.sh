#!/usr/bin/env bash
# Runs `pnpm test` several times in a row while two busy processes keep both cores of a two-core
# machine loaded, the way CI's shared machine is: a test that races real time (a short timeout,
# a sleep, a reused port) shows up here as an intermittent failure.
#
#   scripts/test-under-load.sh [runs]      (default 3; every run rebuilds and retests: --force)
#
# Prints one line per run (status, duration, test counts) and the failing tests of a failed run;
# full logs stay in the directory it names. Exits non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
logs=$(mktemp -d "${TMPDIR:-/tmp}/test-under-load-XXXXXX")
hogs=()
stop_hogs() { [ ${#hogs[@]} -eq 0 ] || kill "${hogs[@]}" 2>/dev/null; }
trap stop_hogs EXIT
trap 'exit 130' INT TERM
for _ in 1 2; do
  yes >/dev/null &
  hogs+=($!)
done

echo "pnpm test x $runs with two busy loops (pids ${hogs[*]}); logs in $logs"
failed=0
for run in $(seq 1 "$runs"); do
  log="$logs/run-$run.log"
  started=$(date +%s)
  # --force: turbo would otherwise replay the first run's cached results.
  if pnpm test --force >"$log" 2>&1; then status=passed; else status=FAILED; failed=$((failed + 1)); fi
  seconds=$(($(date +%s) - started))
  tests=$(grep -oE 'Tests: .*' "$log" | sed -E 's/Tests: +//' | paste -sd ';' -)
  echo "run $run: $status in ${seconds}s ($tests)"
  if [ "$status" = FAILED ]; then
    grep -E '✕|● .* ›|ERROR|Failed:' "$log" | head -40
  fi
done
echo "$((runs - failed)) of $runs runs passed"
exit $((failed > 0))
