#!/usr/bin/env bash
# Proves that the variables tests read reach jest through `pnpm test` and `pnpm test:e2e` (turbo's
# strict env mode drops any variable turbo.json does not list), and that a missing browser skips
# the browser tests with one line, or fails them under REQUIRE_BROWSER=1 (and promtool likewise,
# under REQUIRE_PROMETHEUS=1). Cheap: one spec file of a package, and an e2e run that stops in its
# global setup.
set -uo pipefail
cd "$(dirname "$0")/.."

failures=0
expect() { # <description> <wanted exit: 0 or non-zero> <text the output must hold> -- command...
  local what=$1 wanted=$2 text=$3
  shift 4
  local output status
  output=$("$@" 2>&1)
  status=$?
  if { [ "$wanted" = 0 ] && [ "$status" != 0 ]; } || { [ "$wanted" != 0 ] && [ "$status" = 0 ]; }; then
    printf 'FAIL %s: exit %s\n%s\n' "$what" "$status" "$output"
    failures=$((failures + 1))
  elif ! grep -qF -- "$text" <<<"$output"; then
    printf 'FAIL %s: output lacks %q\n%s\n' "$what" "$text" "$output"
    failures=$((failures + 1))
  else
    printf 'ok   %s\n' "$what"
  fi
}

browser_tests=(pnpm test --filter=@cern-sso/sso-emulator -- test/browser)
expect 'no browser: the browser tests skip with one line naming CHROMIUM_PATH' 0 \
  'Skipping the portal'"'"'s browser tests: no Chromium at /nonexistent' -- \
  env -u REQUIRE_BROWSER CHROMIUM_PATH=/nonexistent "${browser_tests[@]}"
expect 'no browser and REQUIRE_BROWSER=1: the browser tests fail' 1 \
  'No Chromium at /nonexistent, and REQUIRE_BROWSER=1 makes that a failure' -- \
  env CHROMIUM_PATH=/nonexistent REQUIRE_BROWSER=1 "${browser_tests[@]}"

store_tests=(pnpm test --filter=@cern-sso/target-api -- test/reports-store.spec.ts)
expect 'no PostgreSQL and REQUIRE_POSTGRES=1: the store suites fail' 1 'REQUIRE_POSTGRES=1' -- \
  env PG_BIN_DIR=/nonexistent REQUIRE_POSTGRES=1 "${store_tests[@]}"

rules_tests=(pnpm test --filter=@cern-sso/deploy -- test/prometheus-rules.spec.ts)
expect 'no promtool: the alert rule tests skip with one line naming PROMTOOL_PATH' 0 \
  'Skipping promtool on the alerting rules: no promtool at /nonexistent' -- \
  env -u REQUIRE_PROMETHEUS PROMTOOL_PATH=/nonexistent "${rules_tests[@]}"
expect 'no promtool and REQUIRE_PROMETHEUS=1: the alert rule tests fail' 1 \
  'No promtool at /nonexistent, and REQUIRE_PROMETHEUS=1 makes that a failure' -- \
  env PROMTOOL_PATH=/nonexistent REQUIRE_PROMETHEUS=1 "${rules_tests[@]}"

# Nothing listens on port 2 of the loopback: the suite must say whom it tests, then stop there.
down=http://127.0.0.1:2
expect 'E2E_* set: pnpm test:e2e tests those services and says so first' 1 \
  "e2e: testing the running services at E2E_SSO_ISSUER=$down/auth/realms/cern E2E_TARGET_URL=$down E2E_CALLER_URL=$down" -- \
  env E2E_SSO_ISSUER="$down/auth/realms/cern" E2E_TARGET_URL="$down" E2E_CALLER_URL="$down" pnpm test:e2e
expect 'only some E2E_* set: the suite refuses to guess' 1 'missing E2E_TARGET_URL, E2E_CALLER_URL' -- \
  env E2E_SSO_ISSUER="$down/auth/realms/cern" pnpm test:e2e

exit $((failures > 0))
