#!/usr/bin/env bash
# Checks what `npm publish` would ship, not the workspace: packs the built package into a temp
# directory and runs publint and @arethetypeswrong/cli (attw) against that tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
pack_dir="$(mktemp -d)"
trap 'rm -rf "$pack_dir"' EXIT

pnpm run --silent build
pnpm pack --pack-destination "$pack_dir" >/dev/null
tarball="$(ls "$pack_dir"/*.tgz)"
echo "packed $(basename "$tarball")"

publint run --strict "$tarball"
# The package is ESM only (README, "Requirements"): CommonJS apps load it through Node's
# require(esm), which attw's node16-cjs mode does not model, so only the ESM modes are claimed.
attw --pack "$tarball" --profile esm-only
