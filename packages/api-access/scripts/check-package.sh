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
# ES modules and CommonJS (README, "Requirements"): `import` gets the ESM build and its `.d.ts`;
# `require` gets a one-line `.cjs` that returns the same ES module through Node's require(esm)
# (Node 20.19+), typed by `.d.cts` twins (scripts/cjs-entries.mjs). attw's node16 profile checks
# both, and bundler resolution; node10 (no exports map) is not supported.
attw --pack "$tarball" --profile node16
