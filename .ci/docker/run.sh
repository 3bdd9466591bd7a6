#!/usr/bin/env bash
# Proves the Docker setup works: builds every image from docker-compose.yml, runs the stack on the
# host's loopback network, checks the emulator as a client would, runs the `e2e` service, and tears
# everything down. Exits with the first failure, or with e2e's status.
#
# For CI machines that run no Docker engine and reach no image registry: it installs Debian's
# docker.io and docker-compose, starts dockerd with no bridge network (loopback is the only one),
# and builds the base image locally (build-base-image.sh). It stops only the dockerd it started.
#
# Usage, as root, from anywhere: .ci/docker/run.sh
#   DOCKER_CI_DATA_ROOT  data root of the dockerd it starts (default /var/lib/docker-ci); images and
#                        build cache stay there between runs. Remove it to start cold.
set -euo pipefail
cd "$(dirname "$0")/../.."
export COMPOSE_PROJECT_NAME=cern-sso-ci
# The e2e service sits under this profile, so that a plain `up` leaves it out.
export COMPOSE_PROFILES=e2e
DATA_ROOT=${DOCKER_CI_DATA_ROOT:-/var/lib/docker-ci}
# One run at a time per machine, whichever checkout it comes from: runs share the engine, the
# project name and the host's ports, and the first to finish would stop the engine under the next.
exec 9>/run/lock/cern-sso-docker-ci.lock
if ! flock --nonblock 9; then
  echo 'another .ci/docker/run.sh is running on this machine; waiting for it'
  flock 9
fi
started=$SECONDS
work=$(mktemp -d /tmp/docker-ci.XXXXXX)
dockerd_pid=
stack_up=

step() { printf '\n=== %s (%s, %ss)\n' "$1" "$(date -u +%H:%M:%S)" "$((SECONDS - started))"; }

compose() { "${COMPOSE[@]}" -f "$work/compose.yml" "$@"; }

finish() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$stack_up" ]; then
    if [ "$status" -ne 0 ]; then
      step "failed with status $status: container logs"
      compose ps || true
      compose logs --no-color --timestamps || true
    fi
    step 'tear down'
    compose down --volumes --remove-orphans || true
  fi
  if [ -n "$dockerd_pid" ]; then
    if [ "$status" -ne 0 ]; then
      echo "--- last lines of $work/dockerd.log"
      tail -n 20 "$work/dockerd.log" || true
    fi
    step 'stop the dockerd this script started'
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
    # dockerd leaves its network namespace mounted under its exec root, and an empty plugin folder.
    umount /run/docker-ci/netns/default 2>/dev/null || true
    rm -rf /run/docker-ci
    rmdir /run/docker/plugins /run/docker 2>/dev/null || true
  fi
  rm -rf "$work"
  step "done, status $status"
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

step 'docker engine and compose'
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
command -v curl >/dev/null || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Compose v2 (the docker plugin) where present, else Debian's docker-compose 1.29 (Python).
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
  BUILD_FLAGS=()
else
  COMPOSE=(docker-compose)
  BUILD_FLAGS=(--force-rm) # v1 keeps the containers of failed steps otherwise
fi

if docker info >/dev/null 2>&1; then
  echo 'using the Docker engine already running'
else
  mkdir -p "$DATA_ROOT"
  # 9>&-: the engine must not hold the lock (fd 9) past this script.
  dockerd --bridge=none --iptables=false --data-root "$DATA_ROOT" \
    --exec-root /run/docker-ci --pidfile /run/docker-ci.pid >"$work/dockerd.log" 2>&1 9>&- &
  dockerd_pid=$!
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || { echo 'dockerd exited'; exit 1; }
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { echo 'dockerd did not answer within 30s'; exit 1; }
  echo "started dockerd (pid $dockerd_pid, data root $DATA_ROOT)"
fi
docker version --format 'docker client {{.Client.Version}}, engine {{.Server.Version}}'
echo "${COMPOSE[*]} $("${COMPOSE[@]}" version --short)"

step 'base image'
.ci/docker/build-base-image.sh

step 'compose configuration'
# The override puts every service on the host network, changing no URL, port or issuer: CI runs
# docker-compose.yml as users do. host-network-config.py drops the published ports (Compose v1
# refuses them next to network_mode: host; v2 would take `ports: !reset []`), checks that what CI
# reaches is what users reach, and writes SSO_URL and ISSUER for the smoke check.
"${COMPOSE[@]}" -f docker-compose.yml -f docker-compose.ci.yml config >"$work/merged.yml"
python3 .ci/docker/host-network-config.py "$work/merged.yml" "$work/compose.yml" "$work/ci.env"
# shellcheck source=/dev/null
. "$work/ci.env"
echo "emulator at $SSO_URL; tokens must carry iss $ISSUER (target-api's SSO_ISSUER)"
mapfile -t services < <(compose config --services)
stack=()
for service in "${services[@]}"; do [ "$service" = e2e ] || stack+=("$service"); done
echo "services: ${services[*]}"

step 'build'
build_started=$SECONDS
compose build "${BUILD_FLAGS[@]}"
echo "images built in $((SECONDS - build_started))s"

step "ports $PORTS free on this machine"
# On the host network a service listens on the machine's own port. Anything else there would make
# the service fail to start while its healthcheck, answered by the other process, still passed.
for _ in $(seq 60); do
  busy=()
  for port in $PORTS; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then busy+=("$port"); fi
  done
  [ "${#busy[@]}" = 0 ] && break
  echo "waiting for ports ${busy[*]} to be free"
  sleep 5
done
if [ "${#busy[@]}" != 0 ]; then
  ss -ltnp 2>/dev/null | grep -E ":($(IFS='|'; echo "${busy[*]}"))\b" || true
  echo "ports ${busy[*]} are still in use after 300s: stop what listens there"
  exit 1
fi

step 'start and wait for healthy'
stack_up=1
compose up -d "${stack[@]}"
for _ in $(seq 90); do
  pending=0
  for id in $(compose ps -q "${stack[@]}"); do
    state=$(docker inspect --format '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")
    case "$state" in
      *' running healthy' | *' running ') ;;
      *' running starting') pending=1 ;;
      *) echo "not healthy: $state"; exit 1 ;;
    esac
  done
  [ "$pending" = 0 ] && break
  sleep 2
done
[ "$pending" = 0 ] || { echo 'services still starting after 180s'; exit 1; }
compose ps

step 'the service images run under a random UID with a read-only root (as on OpenShift)'
# OpenShift runs a container under an arbitrary UID in group 0; deploy/k8s sets a read-only root.
# Each image must start that way, with no network, and log its ready line. PostgreSQL is left
# out: its image has a fixed UID (docs/deploy.md).
for service in "${stack[@]}"; do
  [ "$service" = postgres ] && continue
  image=$(docker inspect --format '{{.Image}}' "$(compose ps -q "$service")")
  name=ci-random-uid-$service
  docker run -d --name "$name" --user 1000950000:0 --read-only --tmpfs /tmp --network none \
    -e HOST=127.0.0.1 -e PORT=0 "$image" >/dev/null
  for _ in $(seq 60); do
    docker logs "$name" 2>&1 | grep -q 'ready at' && break
    [ "$(docker inspect --format '{{.State.Running}}' "$name")" = true ] || break
    sleep 1
  done
  if docker logs "$name" 2>&1 | grep -q 'ready at'; then
    echo "$service: ready as uid 1000950000, read-only root"
    docker rm -f "$name" >/dev/null
  else
    docker logs "$name" 2>&1 | tail -n 20
    docker rm -f "$name" >/dev/null
    echo "$service did not start under --user 1000950000:0 --read-only"
    exit 1
  fi
done

step 'smoke check: a token from the emulator carries the issuer target-api expects'
realm=$SSO_URL/auth/realms/cern
curl -fsS --max-time 10 --request POST "$realm/api-access/token" \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'grant_type=client_credentials' \
  --data-urlencode 'client_id=caller' \
  --data-urlencode 'client_secret=caller-secret' \
  --data-urlencode 'audience=target-api' >"$work/token.json"
curl -fsS --max-time 10 "$realm/.well-known/openid-configuration" >"$work/discovery.json"
curl -fsS --max-time 10 "$realm/protocol/openid-connect/certs" >"$work/jwks.json"
node .ci/docker/smoke-check.mjs "$ISSUER" target-api "$work/token.json" "$work/jwks.json" "$work/discovery.json"

step 'end-to-end suite: the e2e service, with the command docs/docker.md gives users'
# `--exit-code-from` stops every service once e2e exits and returns e2e's status. The services are
# already up and healthy, so this attaches to them and starts e2e alone.
compose up --no-color --exit-code-from e2e

step 'image sizes'
docker image ls --filter dangling=false
