#!/usr/bin/env bash
# Proves the Docker setup works: builds every image from docker-compose.yml, runs the stack on the
# host's loopback network, checks the emulator as a client would, runs the `e2e` service when the
# compose file has one, and tears everything down. Exits with the first failure, or with e2e's status.
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
DATA_ROOT=${DOCKER_CI_DATA_ROOT:-/var/lib/docker-ci}
# Every client in this run reaches the emulator here, so it is also the issuer (docker-compose.ci.yml).
SSO_URL=http://127.0.0.1:8080
ISSUER=$SSO_URL/auth/realms/cern
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
  dockerd --bridge=none --iptables=false --data-root "$DATA_ROOT" \
    --exec-root /run/docker-ci --pidfile /run/docker-ci.pid >"$work/dockerd.log" 2>&1 &
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
# The override puts every service on the host network. Published ports mean nothing there, and
# Compose v1 refuses them next to network_mode: host (v2 would take `ports: !reset []`), so the
# merged configuration is written out with them removed.
"${COMPOSE[@]}" -f docker-compose.yml -f docker-compose.ci.yml config >"$work/merged.yml"
python3 - "$work/merged.yml" "$work/compose.yml" <<'PY'
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
for name, service in config["services"].items():
    if service.get("network_mode") != "host":
        sys.exit(f"service {name} is not on the host network: add it to docker-compose.ci.yml")
    service.pop("ports", None)
yaml.safe_dump(config, open(sys.argv[2], "w"), sort_keys=False)
PY
mapfile -t services < <(compose config --services)
stack=()
for service in "${services[@]}"; do [ "$service" = e2e ] || stack+=("$service"); done
echo "services: ${services[*]}"

step 'build'
build_started=$SECONDS
compose build "${BUILD_FLAGS[@]}"
echo "images built in $((SECONDS - build_started))s"

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

step 'smoke check: a token from the emulator, and the JWKS that verifies it'
curl -fsS --max-time 10 --request POST "$ISSUER/api-access/token" \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'grant_type=client_credentials' \
  --data-urlencode 'client_id=caller' \
  --data-urlencode 'client_secret=caller-secret' \
  --data-urlencode 'audience=target-api' >"$work/token.json"
curl -fsS --max-time 10 "$ISSUER/.well-known/openid-configuration" >"$work/discovery.json"
curl -fsS --max-time 10 "$ISSUER/protocol/openid-connect/certs" >"$work/jwks.json"
node .ci/docker/smoke-check.mjs "$ISSUER" target-api "$work/token.json" "$work/jwks.json" "$work/discovery.json"

if printf '%s\n' "${services[@]}" | grep -qx e2e; then
  step 'end-to-end suite (the e2e service)'
  compose run --rm -T e2e
fi

step 'image sizes'
docker image ls --filter dangling=false
